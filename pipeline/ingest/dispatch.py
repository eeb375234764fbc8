"""Reading one input file (or archive member) by its format, never raising for bad input."""
from __future__ import annotations

import io
import itertools
import os
import stat
from pathlib import Path, PurePosixPath
from typing import BinaryIO, Iterable, Iterator

from pipeline.record import Article, Problem

from .archives import (
    CHUNK, ArchiveError, Member, gunzip, iter_chunks, iter_gunzip, iter_lines, open_zip, read_member, zip_members,
)
from .build import failed, from_html, from_record, from_txt
from .encoding import DecodeError, decode_bytes, sniff_binary
from .limits import Limits
from .paths import source_of
from .records import FileError, iter_csv, iter_json, iter_jsonl

STAGE = "ingest"
FORMATS = {
    "": "txt", ".txt": "txt", ".text": "txt",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv",
    ".gz": "gz", ".zip": "zip",
}
Result = Article | Problem


def kind_of(name: str) -> str:
    """The format of a file from its name: txt/html/jsonl/json/csv/gz/zip, or "" if unsupported."""
    suffix = PurePosixPath(name).suffix.lower()
    if suffix and not suffix[1:].isalnum():
        suffix = ""  # "report.2019 final" style names: not an extension
    return FORMATS.get(suffix, "")


def _refuse(source: str, kind: str, reason: str, id_root: str) -> Result:
    """Article formats fail as an article row; containers and strangers as a problem row."""
    if kind in ("txt", "html", "jsonl", "json", "csv"):
        return failed(source, reason, id_root)
    return Problem(source=source, stage=STAGE, error=reason)


class Reader:
    """Reads files and in-memory blobs under one set of limits."""

    def __init__(self, limits: Limits, id_root: str = "") -> None:
        self.limits = limits
        self.id_root = id_root

    def file(self, path: Path, source: str) -> Iterator[Result]:
        kind = kind_of(path.name)
        try:
            st = os.stat(path)
        except OSError as exc:
            yield _refuse(source, kind or "txt", f"cannot read file ({type(exc).__name__})", self.id_root)
            return
        if not stat.S_ISREG(st.st_mode):
            yield Problem(source=source, stage=STAGE, error="not a regular file")
            return
        if not kind:
            yield Problem(source=source, stage=STAGE, error=f"unsupported file type '{PurePosixPath(path.name).suffix}'")
            return
        try:
            with open(path, "rb") as stream:
                if kind in ("gz", "zip"):
                    yield from self.container(stream, source, path.name, kind, depth=0)
                    return
                if kind == "jsonl":  # a feed may be any size: streamed line by line
                    yield from self.jsonl(iter_chunks(stream), source)
                    return
                if st.st_size > self.limits.max_file_bytes:
                    yield failed(source, f"file too large: {st.st_size} bytes, limit {self.limits.max_file_bytes}", self.id_root)
                    return
                data = stream.read(self.limits.max_file_bytes + 1)
        except OSError as exc:
            yield _refuse(source, kind, f"cannot read file ({type(exc).__name__})", self.id_root)
            return
        if len(data) > self.limits.max_file_bytes:
            yield failed(source, f"file too large: over {self.limits.max_file_bytes} bytes", self.id_root)
            return
        yield from self.blob(data, source, path.name, depth=0)

    def container(self, stream: BinaryIO, source: str, name: str, kind: str, depth: int) -> Iterator[Result]:
        """A `.gz` or `.zip` at nesting `depth` (0 = a file on disk)."""
        if depth + 1 > self.limits.max_depth:
            yield Problem(source=source, stage=STAGE, error=f"nested archive deeper than {self.limits.max_depth} levels")
            return
        if kind == "gz":
            inner = name[: -len(".gz")]
            inner_kind = kind_of(inner)
            if not inner_kind:
                yield Problem(source=source, stage=STAGE, error=f"unsupported file type inside gzip '{PurePosixPath(inner).suffix}'")
                return
            if inner_kind == "jsonl":  # a compressed feed: records streamed, archive-sized cap
                yield from self.jsonl(iter_gunzip(stream, self.limits, self.limits.max_archive_total), source)
                return
            try:
                data = gunzip(stream, self.limits)
            except ArchiveError as exc:
                yield _refuse(source, inner_kind, str(exc), self.id_root)
                return
            yield from self.blob(data, source, inner, depth + 1)
            return
        yield from self.zip(stream, source, depth + 1)

    def zip(self, stream: BinaryIO, source: str, depth: int) -> Iterator[Result]:
        try:
            zf = open_zip(stream, self.limits)
        except ArchiveError as exc:
            yield Problem(source=source, stage=STAGE, error=str(exc))
            return
        budget = [self.limits.max_archive_total]
        n_members = 0
        with zf:
            for member in zip_members(zf):
                n_members += 1
                yield from self.member(zf, member, source, depth, budget)
        if n_members == 0:
            yield Problem(source=source, stage=STAGE, error="zip archive has no article files")

    def member(self, zf, member: Member, source: str, depth: int, budget: list[int]) -> Iterator[Result]:  # type: ignore[no-untyped-def]
        inner_source = f"{source}#{member.label or member.name}"
        name = PurePosixPath(member.name.replace("\\", "/")).name
        kind = kind_of(name)
        if member.refused or member.info is None:
            yield Problem(source=inner_source, stage=STAGE, error=member.refused)
            return
        if not kind:
            yield Problem(source=inner_source, stage=STAGE, error=f"unsupported file type '{PurePosixPath(name).suffix}'")
            return
        if kind in ("gz", "zip") and depth + 1 > self.limits.max_depth:
            yield Problem(source=inner_source, stage=STAGE, error=f"nested archive deeper than {self.limits.max_depth} levels")
            return
        if kind not in ("zip", "gz") and member.info.file_size > self.limits.max_file_bytes:
            yield failed(inner_source, f"file too large: {member.info.file_size} bytes, limit {self.limits.max_file_bytes}", self.id_root)
            return
        try:
            data = read_member(zf, member.info, self.limits, budget)
        except ArchiveError as exc:
            yield _refuse(inner_source, kind, str(exc), self.id_root)
            return
        yield from self.blob(data, inner_source, name, depth)

    def blob(self, data: bytes, source: str, name: str, depth: int) -> Iterator[Result]:
        """Content already in memory (a file, a decompressed stream, a zip member)."""
        kind = kind_of(name)
        if kind in ("gz", "zip"):
            yield from self.container(io.BytesIO(data), source, name, kind, depth)
            return
        if not kind:
            yield Problem(source=source, stage=STAGE, error=f"unsupported file type '{PurePosixPath(name).suffix}'")
            return
        if not data:
            yield failed(source, "empty file", self.id_root, status="empty")
            return
        if kind == "jsonl":
            yield from self.jsonl([data], source)
            return
        try:
            decoded = decode_bytes(data)
        except DecodeError as exc:
            yield failed(source, str(exc), self.id_root)
            return
        text, encoding = decoded.text, decoded.encoding
        if kind == "txt":
            article = from_txt(source, text, encoding, self.id_root)
        elif kind == "html":
            article = from_html(source, text, encoding, self.id_root)
        else:
            yield from self.records(text, encoding, source, kind)
            return
        if decoded.replaced:
            article.meta["decode_replacements"] = decoded.replaced
        yield article

    def jsonl(self, chunks: Iterable[bytes], source: str) -> Iterator[Result]:
        """JSON Lines from a stream of byte chunks: one record per line, bounded memory."""
        stream = iter(chunks)
        count = 0
        try:
            head = next(stream, b"")
            reason = sniff_binary(head[:CHUNK])
            if head.startswith((b"\xff\xfe", b"\xfe\xff")):
                reason = "UTF-16 JSON Lines not supported (JSON Lines are UTF-8)"
            if reason:
                yield failed(source, reason, self.id_root)
                return
            lines = iter_lines(itertools.chain([head], stream), self.limits.max_file_bytes)
            for record, encoding in iter_jsonl(lines):
                count += 1
                yield from_record(f"{source}#{record.key}", record, "jsonl", encoding, self.id_root)
        except ArchiveError as exc:
            if count == 0:
                yield failed(source, str(exc), self.id_root)
            else:
                yield Problem(source=source, stage=STAGE, error=f"{exc} (after {count} records)")
            return
        if count == 0:
            yield failed(source, "empty file" if not head else "no records", self.id_root, status="empty")

    def records(self, text: str, encoding: str, source: str, kind: str) -> Iterator[Result]:
        """A whole `.json` or `.csv` file already decoded."""
        if not text.strip():
            yield failed(source, "empty file", self.id_root, status="empty")
            return
        records = iter_json(text) if kind == "json" else iter_csv(text, self.limits.max_file_bytes)
        count = 0
        try:
            for record in records:
                count += 1
                yield from_record(f"{source}#{record.key}", record, kind, encoding, self.id_root)
        except FileError as exc:
            yield failed(source, str(exc), self.id_root, status="empty" if "no records" in str(exc) else "error")
            return
        if count == 0:
            yield failed(source, "no records", self.id_root, status="empty")


def iter_file(file: Path, root: Path, limits: Limits = Limits(), id_root: str = "") -> Iterator[Result]:
    """Everything one input file holds. Never raises: an unexpected failure becomes a row."""
    source = source_of(file, root)
    emitted = 0
    try:
        for item in Reader(limits, id_root).file(file, source):
            emitted += 1
            yield item
    except Exception as exc:  # last resort: a bug must cost one row, not the batch
        reason = f"internal error while reading ({type(exc).__name__}: {str(exc)[:120]})"
        if emitted == 0 and kind_of(file.name) in ("txt", "html", "jsonl", "json", "csv"):
            yield failed(source, reason, id_root)
        else:
            yield Problem(source=source, stage=STAGE, error=reason)

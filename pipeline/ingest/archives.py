"""Bounded reading of `.gz` and `.zip` containers: nothing is ever extracted to disk.

Gzip streams are decompressed in chunks with a cap on the output and on the compression
ratio. Zip archives are checked before any member is read (entry count from the end
record, declared total size, per-member ratio, member paths, symlinks) and members are then
read into memory through a capped stream, since declared sizes may lie.
"""
from __future__ import annotations

import io
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import BinaryIO, Callable, Iterable, Iterator

from .limits import Limits
from .paths import is_hidden

CHUNK = 1 << 16  # compressed bytes read at a time
STEP = 1 << 18  # decompressed bytes produced at a time, so caps are checked often


class ArchiveError(Exception):
    """A container that is refused or broken; the message is the errors.csv reason."""


def iter_gunzip(stream: BinaryIO, limits: Limits, cap: int) -> Iterator[bytes]:
    """Decompressed chunks of a (multi-member) gzip stream; raises ArchiveError past `cap`
    bytes or past the ratio limit, before a bomb fills memory."""
    produced = consumed = 0
    decomp = zlib.decompressobj(wbits=31)
    in_member = False
    while True:
        chunk = stream.read(CHUNK)
        if not chunk:
            break
        consumed += len(chunk)
        data = chunk
        while data:
            if not in_member and not data.strip(b"\x00"):
                break  # zero padding after the last member
            in_member = True
            out = _inflate(decomp.decompress, data, STEP)
            produced += len(out)
            _check_gzip_size(produced, consumed, limits, cap)
            if out:
                yield out
            if decomp.eof:
                in_member = False
                data = decomp.unused_data
                decomp = zlib.decompressobj(wbits=31)
            else:
                data = decomp.unconsumed_tail
    if consumed == 0:
        raise ArchiveError("empty gzip file")
    if in_member:  # output zlib still holds back (at most a window) once input ran out
        out = _inflate(decomp.flush)
        produced += len(out)
        _check_gzip_size(produced, consumed, limits, cap)
        if out:
            yield out
        if not decomp.eof:
            raise ArchiveError("truncated gzip data")


def _inflate(step: Callable[..., bytes], *args: object) -> bytes:
    try:
        return step(*args)
    except zlib.error as exc:
        raise ArchiveError(f"corrupt gzip data ({exc})") from None


def gunzip(stream: BinaryIO, limits: Limits) -> bytes:
    """A whole gzip'd article file in memory, at most `limits.max_file_bytes`."""
    return b"".join(iter_gunzip(stream, limits, limits.max_file_bytes))


def _check_gzip_size(size: int, consumed: int, limits: Limits, cap: int) -> None:
    if size > cap:
        raise ArchiveError(f"gzip bomb or huge file: decompressed data over {cap} bytes")
    if size > limits.ratio_floor and size > limits.max_ratio * max(consumed, 1):
        raise ArchiveError(f"gzip bomb: compression ratio over {limits.max_ratio:g}")


def iter_chunks(stream: BinaryIO) -> Iterator[bytes]:
    while True:
        chunk = stream.read(CHUNK)
        if not chunk:
            return
        yield chunk


def iter_lines(chunks: Iterable[bytes], max_line: int) -> Iterator[bytes | None]:
    """`\\n`-separated lines of a byte stream in bounded memory; None for a line over
    `max_line` bytes (its content is skipped, not kept)."""
    buf = bytearray()
    skipping = False
    for chunk in chunks:
        start = 0
        while True:
            nl = chunk.find(b"\n", start)
            if nl < 0:
                if not skipping:
                    buf += chunk[start:]
                    if len(buf) > max_line:
                        skipping = True
                        buf.clear()
                break
            if skipping:
                skipping = False
                yield None
            else:
                buf += chunk[start:nl]
                yield None if len(buf) > max_line else bytes(buf)
                buf.clear()
            start = nl + 1
    if skipping:
        yield None
    elif buf:
        yield bytes(buf)


@dataclass
class Member:
    """A zip member that passed the checks (data still to be read), or a refusal."""

    name: str
    info: zipfile.ZipInfo | None = None
    refused: str = ""
    label: str = ""  # the name in sources: `name`, or `name~2`... for a repeated name


def _eocd_entries(stream: BinaryIO) -> int | None:
    """Entry count from the end-of-central-directory record, read before zipfile parses it."""
    stream.seek(0, io.SEEK_END)
    size = stream.tell()
    tail_len = min(size, 22 + 65535)
    stream.seek(size - tail_len)
    tail = stream.read(tail_len)
    pos = tail.rfind(b"PK\x05\x06")
    if pos < 0 or pos + 22 > len(tail):
        return None
    entries = struct.unpack("<H", tail[pos + 10 : pos + 12])[0]
    zip64 = tail.rfind(b"PK\x06\x06", 0, pos)
    if entries == 0xFFFF and zip64 >= 0 and zip64 + 40 <= len(tail):
        entries = struct.unpack("<Q", tail[zip64 + 32 : zip64 + 40])[0]
    return entries


def _unsafe_name(name: str) -> str:
    if "\x00" in name:
        return "NUL in member name"
    posix = name.replace("\\", "/")
    if posix.startswith("/") or (len(posix) > 1 and posix[1] == ":"):
        return "absolute member path refused"
    if ".." in PurePosixPath(posix).parts:
        return "member path with '..' refused"
    return ""


def open_zip(stream: BinaryIO, limits: Limits) -> zipfile.ZipFile:
    """Open a zip after checking entry count, declared sizes and ratios (nothing read yet)."""
    try:
        entries = _eocd_entries(stream)
        if entries is not None and entries > limits.max_entries:
            raise ArchiveError(f"zip has {entries} entries, limit {limits.max_entries}")
        stream.seek(0)
        zf = zipfile.ZipFile(stream)
    except ArchiveError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, struct.error, NotImplementedError) as exc:
        raise ArchiveError(f"corrupt zip archive ({type(exc).__name__})") from None
    infos = zf.infolist()
    if len(infos) > limits.max_entries:
        raise ArchiveError(f"zip has {len(infos)} entries, limit {limits.max_entries}")
    total = sum(i.file_size for i in infos)
    if total > limits.max_archive_total:
        raise ArchiveError(f"zip bomb or huge archive: {total} bytes uncompressed, limit {limits.max_archive_total}")
    for info in infos:
        if info.file_size > limits.ratio_floor and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise ArchiveError(f"zip bomb: member compression ratio over {limits.max_ratio:g}")
    return zf


def zip_members(zf: zipfile.ZipFile) -> Iterator[Member]:
    """Members in name order; directories and hidden entries skipped, unsafe ones refused."""
    seen: dict[str, int] = {}
    for info in sorted(zf.infolist(), key=lambda i: i.filename):
        name = info.filename
        if info.is_dir():
            continue
        seen[name] = seen.get(name, 0) + 1
        label = name if seen[name] == 1 else f"{name}~{seen[name]}"
        unsafe = _unsafe_name(name)
        if unsafe:
            yield Member(name, refused=unsafe, label=label)
            continue
        parts = PurePosixPath(name.replace("\\", "/")).parts
        if any(is_hidden(p) for p in parts) or "__MACOSX" in parts:
            continue
        if stat.S_ISLNK(info.external_attr >> 16):
            yield Member(name, refused="symlink member ignored", label=label)
        else:
            yield Member(name, info=info, label=label)


def read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits, budget: list[int]) -> bytes:
    """A member's bytes through a capped stream; `budget` is the archive's remaining total."""
    cap = min(limits.max_file_bytes, budget[0])
    out = bytearray()
    try:
        with zf.open(info) as member:
            while True:
                chunk = member.read(min(CHUNK, cap + 1 - len(out)))
                if not chunk:
                    break
                out += chunk
                if len(out) > cap:
                    raise ArchiveError(f"member larger than its limit ({cap} bytes)")
    except ArchiveError:
        raise
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError, ValueError) as exc:
        raise ArchiveError(f"unreadable zip member ({type(exc).__name__}: {str(exc)[:80]})") from None
    budget[0] -= len(out)
    return bytes(out)

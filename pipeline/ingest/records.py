"""Record files: `.jsonl`, `.json` (one object or a list), `.csv`.

Each record has `text` and optional `id`, `url`, `title`, `published`. A record's key is
its `id` when it has a usable one (a non-empty string or an integer), else its 1-based
position: the line number in a `.jsonl`, the element number in a `.json` list, the data
row number in a `.csv` (header not counted). Keys are unique within a file: a repeated id
falls back to the position. Bad records are returned with an `error`, never raised.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from .encoding import DecodeError, decode_bytes

FIELDS = ("id", "url", "title", "published", "text")
MAX_ID_CHARS = 200
_ID_BAD = re.compile(r"[\x00-\x1f\x7f#]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def clean(value: str) -> str:
    """JSON escapes can carry lone surrogates (`"\\ud800"`), which no UTF-8 writer accepts."""
    return _SURROGATE.sub("\ufffd", value)


@dataclass
class Record:
    key: str
    text: str = ""
    url: str = ""
    title: str = ""
    published_raw: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    error: str = ""


class FileError(Exception):
    """The whole record file is unusable (a CSV without a text column, a broken .json)."""


def _scalar(value: Any) -> str:
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return ""


def _usable_id(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return ""
    text = str(value).strip()
    if not text or len(text) > MAX_ID_CHARS or _ID_BAD.search(text) or _SURROGATE.search(text):
        return ""
    return text


class _Keys:
    """Hands out unique record keys for one file."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def key(self, raw_id: Any, position: int) -> str:
        key = _usable_id(raw_id)
        if not key or key in self.used:
            key = str(position)
            while key in self.used:
                key += "~"
        self.used.add(key)
        return key


def record_from_mapping(obj: Any, key: str) -> Record:
    """A Record from one decoded JSON value / CSV row; wrong types become an error."""
    if not isinstance(obj, dict):
        return Record(key, error=f"record is a JSON {type(obj).__name__}, not an object")
    text = obj.get("text")
    if text is None:
        return Record(key, error="record has no text field")
    if not isinstance(text, str):
        return Record(key, error=f"record text is a {type(text).__name__}, not a string")
    meta = {
        clean(k): clean(v) if isinstance(v, str) else v
        for k, v in obj.items()
        if k not in FIELDS and isinstance(k, str) and isinstance(v, (str, int, float)) and not isinstance(v, bool)
    }
    return Record(
        key,
        text=clean(text),
        url=_scalar(obj.get("url")),
        title=_scalar(obj.get("title")),
        published_raw=_scalar(obj.get("published")) or _scalar(obj.get("date")),
        meta=meta,
    )


def decode_line(line: bytes, first: bool) -> tuple[str, str]:
    """(text, encoding) of one JSON line: UTF-8 as JSON Lines requires, else detected."""
    if first and line.startswith(b"\xef\xbb\xbf"):
        line = line[3:]
    try:
        return line.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        decoded = decode_bytes(line)  # raises DecodeError for a binary/garbage line
        return decoded.text, decoded.encoding


def iter_jsonl(lines: Iterable[bytes | None]) -> Iterator[tuple[Record, str]]:
    """(record, encoding) per non-blank line, read as a stream: a malformed, undecodable or
    over-long line (None) is an error record for that line, the others are unaffected.

    Lines are split on `\\n` only: U+2028 and friends are legal inside JSON strings.
    """
    keys = _Keys()
    for number, raw in enumerate(lines, start=1):
        if raw is None:
            yield Record(keys.key(None, number), error=f"line {number} too long"), ""
            continue
        if not raw.strip():
            continue
        try:
            line, encoding = decode_line(raw, number == 1)
        except DecodeError as exc:
            yield Record(keys.key(None, number), error=f"line {number}: {exc}"), ""
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError) as exc:
            yield Record(keys.key(None, number), error=f"malformed JSON on line {number}: {type(exc).__name__}"), encoding
            continue
        yield record_from_mapping(obj, keys.key(obj.get("id") if isinstance(obj, dict) else None, number)), encoding


def iter_json(text: str) -> Iterator[Record]:
    """A `.json` file: one record object, or a list of them."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise FileError(f"malformed JSON: {type(exc).__name__}") from None
    items = data if isinstance(data, list) else [data]
    if not items:
        raise FileError("JSON list has no records")
    keys = _Keys()
    for number, obj in enumerate(items, start=1):
        yield record_from_mapping(obj, keys.key(obj.get("id") if isinstance(obj, dict) else None, number))


def iter_csv(text: str, max_field: int) -> Iterator[Record]:
    """Rows of a CSV with a header naming a `text` column (any case); ragged rows are errors."""
    csv.field_size_limit(max(max_field, 131072))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise FileError("empty CSV") from None
    except csv.Error as exc:
        raise FileError(f"malformed CSV header: {exc}") from None
    names = [h.strip().lstrip("\ufeff").lower() for h in header]
    if "text" not in names:
        raise FileError("CSV has no text column")
    keys = _Keys()
    number = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            number += 1
            yield Record(keys.key(None, number), error=f"malformed CSV row {number}: {exc}")
            continue
        if not row or not any(cell.strip() for cell in row):
            continue
        number += 1
        if len(row) != len(names):
            yield Record(keys.key(None, number), error=f"ragged CSV row {number}: {len(row)} fields, header has {len(names)}")
            continue
        obj = {}
        for name, cell in zip(names, row):
            obj.setdefault(name, cell)
        yield record_from_mapping(obj, keys.key(obj.get("id"), number))

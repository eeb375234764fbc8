"""`.txt` articles: the whole decoded file is the source text; metadata from its head.

Two layouts carry metadata:
- a header block of `key: value` lines ended by a blank line, where EVERY key is one of
  HEADER_KEYS (so a first line such as `Farage: A może…` stays body text);
- the seed layout: a title line, then `Section | DD.MM.YYYY`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .published import parse_published

HEADER_KEYS = frozenset(
    {"url", "title", "published", "date", "source", "author", "section", "language", "id", "truncated"}
)
_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|$)")
_KEY_VALUE = re.compile(r"^[ \t]*([A-Za-z_]+)[ \t]*:[ \t]*(.*?)[ \t]*$")
_SEED_DATE = re.compile(r"^[ \t]*(?P<section>[^|]{0,200}?)[ \t]*\|[ \t]*(?P<date>\d{1,2}\.\d{1,2}\.\d{4})[ \t]*$")
MAX_HEADER_LINES = 50


@dataclass
class TextMeta:
    """What the head of a .txt file says; `body_start` is an offset into the text."""

    body_start: int = 0
    url: str = ""
    title: str = ""
    published: str = ""
    meta: dict[str, Any] = field(default_factory=dict)


def lines_with_offsets(text: str, max_lines: int) -> list[tuple[int, str, int]]:
    """(start, line without its end, offset after its end) for the first `max_lines` lines."""
    out: list[tuple[int, str, int]] = []
    for m in _LINE.finditer(text):
        if len(out) >= max_lines or m.start() == len(text):
            break
        out.append((m.start(), m.group(1), m.end()))
    return out


def _skip_blank(lines: list[tuple[int, str, int]], i: int, text_len: int) -> int:
    while i < len(lines) and not lines[i][1].strip():
        i += 1
    return lines[i][0] if i < len(lines) else text_len


def _header(lines: list[tuple[int, str, int]]) -> tuple[list[tuple[str, str]], int] | None:
    """Key/value pairs and the index of the blank line ending them, if the head is a header."""
    pairs: list[tuple[str, str]] = []
    for i, (_, line, _) in enumerate(lines):
        if not line.strip():
            return (pairs, i) if pairs else None
        m = _KEY_VALUE.match(line)
        if not m or m.group(1).lower() not in HEADER_KEYS:
            return None
        pairs.append((m.group(1).lower(), m.group(2)))
    return (pairs, len(lines)) if pairs and len(lines) < MAX_HEADER_LINES else None


def parse_head(text: str) -> TextMeta:
    """Metadata and body offset of a decoded .txt article."""
    lines = lines_with_offsets(text, MAX_HEADER_LINES)
    found = _header(lines)
    if found is not None:
        pairs, end = found
        result = TextMeta(body_start=_skip_blank(lines, end, len(text)))
        for key, value in pairs:
            if key == "url":
                result.url = value
            elif key == "title":
                result.title = value
            elif key in ("published", "date"):
                result.published = result.published or parse_published(value)
                if key == "date" or not result.published:
                    result.meta.setdefault(key, value)
            else:
                result.meta[key] = value
        return result
    if len(lines) >= 2 and lines[0][1].strip():
        m = _SEED_DATE.match(lines[1][1])
        if m:
            published = parse_published(m.group("date"))
            if published:
                meta: dict[str, Any] = {"section": m.group("section")} if m.group("section") else {}
                return TextMeta(
                    body_start=_skip_blank(lines, 2, len(text)),
                    title=lines[0][1].strip(),
                    published=published,
                    meta=meta,
                )
    return TextMeta()

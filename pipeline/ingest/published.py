"""Publication dates from metadata values -> ISO `YYYY-MM-DD`.

Uses the dates engineer's `pipeline.annotate.dates.parse_published` when it exists, so that
there is one parser for the project; the small local fallback covers the metadata styles
ingest meets (ISO dates and datetimes with zones, `DD.MM.YYYY`, `YYYY/MM/DD`).
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Callable

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s_])")
_ISO_SLASH = re.compile(r"^\s*(\d{4})/(\d{1,2})/(\d{1,2})\b")
_DMY = re.compile(r"^\s*(\d{1,2})[./](\d{1,2})[./](\d{4})\b")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:$|T)")


def _iso(year: str, month: str, day: str) -> str:
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return ""


def local_parse_published(value: object) -> str:
    """The date part of a metadata value as written (no time-zone conversion), or ""."""
    if not isinstance(value, str) or len(value) > 200:
        return ""
    for pattern, order in ((_ISO, (1, 2, 3)), (_ISO_SLASH, (1, 2, 3)), (_COMPACT, (1, 2, 3)), (_DMY, (3, 2, 1))):
        m = pattern.match(value)
        if m:
            return _iso(*(m.group(i) for i in order))
    return ""


def _resolve() -> Callable[[str], str]:
    try:
        from pipeline.annotate.dates import parse_published  # type: ignore[attr-defined]
    except ImportError:
        return local_parse_published
    return parse_published


def parse_published(value: object) -> str:
    """ISO date of a `published`/`date` metadata value, "" when it is not a date."""
    if not isinstance(value, str):
        return ""
    try:
        result = _resolve()(value)
    except Exception:  # a bug in the shared parser must not stop ingest
        result = ""
    return result if isinstance(result, str) and result else local_parse_published(value)

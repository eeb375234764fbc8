"""Dates and times of a text segment, normalised to ISO (ranges as ``START/END``).

The grammar (`dates_grammar`, compiled per language from `pipeline/lang/<xx>/dates.json`) finds
candidates with regular expressions; `dates_rules` turns each into a value, using the anchor
(the publication date) for missing years and relative expressions. Overlapping candidates are
resolved longest first. dateparser is not called on running text: it has no ranges and reads
"nie"/"się" as dates; it serves only `parse_published` for metadata styles the grammar lacks.

Decisions (each backed by cases in tests/data/dates_cases.tsv):
- Year ranges (``2014-2020``, ``w latach 2017–2019``, ``на 2018–2019 годы``) and decades
  (``w latach 90.``) are DATE with ``kind="period"``: what a project or report covers, not the
  date of an event. Events should ignore them (`kind`, or a value of two bare years).
- A missing year comes from the anchor: the anchor's year unless the neighbouring year is much
  nearer ("28 grudnia" in a January article); in a sentence announcing something ("odbędzie
  się", "пройдет") a day or month well before the anchor is next year's. `year_from_anchor`
  says so. Without an anchor such dates (and relative ones) get the value "".
- Relative expressions are resolved against the anchor and flagged `relative`: days
  (wczoraj, вчера, учора), weeks (``w przyszłym tygodniu`` -> Monday/Sunday range, kind
  "week"), months, years, weekdays (bare "w środę": the last one, or the next one when the
  sentence announces; "w przyszły/ubiegły ..."), "N dni temu". A relative day restated by a
  date ("Вчера, 16 мая") is one stated date. "dziś"/"сегодня" counts only next to a place or
  a time ("dziś w Chełmie"): alone it mostly means "nowadays".
- Not dates: month names written with a capital and no year ("3 Maja" street, "Maja Lis"),
  anything after a street prefix, bare numbers and bare years ("1954" is too often an
  amount), amounts (a year followed by zł/руб/тыс/%), "od poniedziałku do piątku" (opening
  hours), season words ("jesienią": no date), figure numbers, phone numbers, score lists.
- TIME: ``10:00``, ``o godz. 10.00``, ``10:00–12:00`` -> ``10:00/12:00``; a dotted time needs a
  prefix. The future-tense cue is looked for in the whole `text`: pass a sentence or segment.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re

from pipeline.annotate.dates_grammar import grammar
from pipeline.annotate.dates_rules import RULES, Context, DateMatch

__all__ = ["DateMatch", "find_dates", "parse_published", "ordinal_day", "anchor_from_text"]

_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"\w+")
# rules that can only match where the text has a digit (skipped on digit-free text: speed)
_NEEDS_DIGIT = {"iso", "num_range", "num_dm", "num", "roman", "abbr", "text_range_x", "text_range", "text", "period", "decade",
                "year", "time", "time_dot", "time_hour"}
_GLUE = re.compile(r"\s*,?\s*\(?\s*")  # "Вчера, 16 мая", "We wtorek i środę (18-19.10.2016)"
PUBLISHED_LANGUAGES = ("pl", "ru", "be", "uk")


def _candidates(text: str, ctx: Context) -> list[tuple[int, DateMatch]]:
    has_digit = bool(_DIGIT.search(text))
    words = set(_WORD.findall(text.lower()))
    triggers = ctx.grammar.triggers
    out = []
    for order, (name, pattern) in enumerate(ctx.grammar.rules):
        if (not has_digit and name in _NEEDS_DIGIT) or (name in triggers and words.isdisjoint(triggers[name])):
            continue
        rule = RULES[name]
        for m in pattern.finditer(text):
            out.extend((order, d) for d in rule(m, ctx))
    return out


def _select(candidates: list[tuple[int, DateMatch]]) -> list[DateMatch]:
    """Non-overlapping matches: longest first, then the earlier rule, then the earlier start."""
    starts: list[int] = []  # kept spans, sorted by start (they never overlap, so ends are sorted too)
    kept: list[DateMatch] = []
    for _, d in sorted(candidates, key=lambda c: (-(c[1].end - c[1].start), c[0], c[1].start)):
        i = bisect.bisect_left(starts, d.start)
        if (i < len(kept) and kept[i].start < d.end) or (i > 0 and kept[i - 1].end > d.start):
            continue
        starts.insert(i, d.start)
        kept.insert(i, d)
    return kept


def _merge_restated(matches: list[DateMatch], text: str) -> list[DateMatch]:
    """"Вчера, 16 мая": a relative day (or weekdays) restated by a date right after it is one stated date."""
    out: list[DateMatch] = []
    for d in matches:
        prev = out[-1] if out else None
        if (prev and prev.relative and prev.kind in ("day", "range") and d.kind in ("day", "range") and not d.relative
                and _GLUE.fullmatch(text, prev.end, d.start)):
            end = d.end + 1 if "(" in text[prev.end:d.start] and text[d.end:d.end + 1] == ")" else d.end
            out[-1] = DateMatch(prev.start, end, text[prev.start:end], "DATE", d.value, False,
                                d.year_from_anchor, d.kind)
        else:
            out.append(d)
    return out


def find_dates(text: str, lang: str, anchor: dt.date | None = None) -> list[DateMatch]:
    """DATE and TIME expressions of `text` written in `lang`, in text order.

    `anchor` (the publication date) supplies missing years and resolves relative expressions;
    without it those get the value "". Languages without date vocabulary (en, und) get the
    numeric formats only.
    """
    if not text:
        return []
    ctx = Context(text, anchor, grammar((lang or "und").lower()))
    return _merge_restated(_select(_candidates(text, ctx)), text)


def parse_published(value: str) -> str:
    """A publication date in any common style -> ``YYYY-MM-DD``, "" when it holds no full date.

    Numeric styles are read as written (no time-zone shift); worded ones ("9 października 2019")
    by the date grammar; anything else by dateparser with all of day, month and year required.
    """
    if not isinstance(value, str) or not value.strip() or len(value) > 200:
        return ""
    from pipeline.ingest.published import local_parse_published  # lazy: ingest imports this module lazily too

    found = local_parse_published(value)
    if found:
        return found
    for lang in PUBLISHED_LANGUAGES:
        for d in find_dates(value, lang):
            if d.label == "DATE" and d.kind == "day" and d.value and not d.relative:
                return d.value
    return _dateparser_full_date(value)


def _dateparser_full_date(value: str) -> str:
    try:
        import dateparser
    except ImportError:  # pragma: no cover - dateparser is a pinned dependency
        return ""
    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first",
                "RETURN_AS_TIMEZONE_AWARE": False}
    try:
        parsed = dateparser.parse(value, languages=[*PUBLISHED_LANGUAGES, "en"], settings=settings)
    except Exception:  # dateparser raises on some odd inputs; a metadata value is never worth a crash
        return ""
    return parsed.date().isoformat() if parsed else ""


def ordinal_day(text: str, lang: str) -> int | None:
    """The ordinal of the first ordinal word in `text`: "Drugiego dnia" -> 2, "Ostatni dzień" -> -1.

    For the events extractor: which member of a series (day 2 of a visit, the second meeting)
    a sentence talks about. -1 means the last one.
    """
    g = grammar(lang or "und")
    m = g.ordinal.search(text)
    if not m:
        return None
    if m["ow"]:
        return g.vocab.ordinals[m["ow"].lower()]
    return int(m["on"]) or None


def anchor_from_text(text: str, lang: str, lines: int = 5) -> dt.date | None:
    """Fallback anchor: the latest full date with a stated year in the first non-empty lines."""
    head = "\n".join([ln for ln in text.splitlines() if ln.strip()][:lines])
    days = [d.value for d in find_dates(head, lang) if d.label == "DATE" and d.kind == "day" and d.value
            and not d.relative and not d.year_from_anchor]
    return dt.date.fromisoformat(max(days)) if days else None

"""From a grammar match to an ISO value: one small function per rule of `dates_grammar`.

Each function gets the match, the text and the context (anchor, grammar) and returns the
`DateMatch`es it stands for (usually one, none when the match turns out not to be a date,
two for "3 i 17 maja").
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Callable

from pipeline.annotate.dates_calendar import (iso_range, make_date, nearest_year, nearest_year_of_month,
                                              shift_days, shift_months, week_bounds, weekday_near)
from pipeline.annotate.dates_grammar import DASH, Grammar

ROMAN_MONTHS = {r: i + 1 for i, r in enumerate("I II III IV V VI VII VIII IX X XI XII".split())}
OFFSETS = {"prev": -1, "this": 0, "next": 1}
ROUND_MINUTES = {"00", "15", "30", "45"}


@dataclass
class DateMatch:
    start: int  # offsets into the `text` passed in (the caller adds its own offset)
    end: int
    text: str
    label: str  # "DATE" or "TIME"
    value: str  # ISO: 2019-10-09, 2019-10, 2019, range 2019-10-09/2019-10-11; TIME 10:00; "" if unknown
    relative: bool = False  # computed from a relative expression (wczoraj, вчера, w przyszły poniedziałek)
    year_from_anchor: bool = False  # year taken from the anchor (publication date)
    kind: str = "day"  # day, range, month, year, period (multi-year span: not an event date), week, time


_SCORE = re.compile(r"(?<![\d:])\d{1,3}:\d{1,3}(?![\d:])")


def _is_time(pair: str) -> bool:
    h, _, mi = pair.partition(":")
    return len(mi) == 2 and int(h) < 24 and int(mi) < 60


@dataclass(frozen=True)
class Context:
    text: str
    anchor: dt.date | None
    grammar: Grammar

    @cached_property
    def future(self) -> bool:
        """The text announces something ("odbędzie się", "пройдет"): year-less dates lie ahead."""
        return bool(self.grammar.future.search(self.text))

    @cached_property
    def scores(self) -> bool:
        """The text has number pairs like "85:67" or "3:3" that are no clock time (a list of scores)."""
        return not all(_is_time(p) for p in _SCORE.findall(self.text))


class Year:
    """A resolved year and how it was found."""

    __slots__ = ("value", "relative", "from_anchor")

    def __init__(self, value: int | None, relative: bool = False, from_anchor: bool = False):
        self.value, self.relative, self.from_anchor = value, relative, from_anchor


def _explicit_year(m: re.Match, p: str, ctx: Context) -> Year | None:
    """The year written in a year tail (group prefix `p`), None when there is none."""
    if m.group(f"{p}y"):
        return Year(int(m.group(f"{p}y")))
    if m.group(f"{p}rmod"):
        if ctx.anchor is None:
            return Year(None, relative=True)
        return Year(ctx.anchor.year + OFFSETS[ctx.grammar.vocab.modifiers[_low(m.group(f"{p}rmod"))]], relative=True)
    if m.group(f"{p}ty"):
        return Year(ctx.anchor.year if ctx.anchor else None, relative=True)
    if m.group(f"{p}py"):
        return Year(ctx.anchor.year - 1 if ctx.anchor else None, relative=True)
    return None


def _low(s: str) -> str:
    return re.sub(r"\s+", " ", s.lower())


def _month_word_ok(word: str, has_year: bool) -> bool:
    """Month names are lower case in running text; "Maja", "3 Maja" are a name and a street."""
    return has_year or word.islower() or (word.isupper() and len(word) > 2)


def _after_street(ctx: Context, start: int) -> bool:
    return bool(ctx.grammar.street.search(ctx.text, max(0, start - 30), start))


def _before(ctx: Context, rule: str, m: re.Match, width: int = 40) -> re.Match | None:
    """The words of `rule`'s look-back pattern right before the match (a preposition, a weekday...)."""
    return ctx.grammar.before[rule].search(ctx.text, max(0, m.start() - width), m.start())


def _widen(found: DateMatch, before: re.Match | None, ctx: Context) -> DateMatch:
    if before and before.start() < found.start:
        found.start, found.text = before.start(), ctx.text[before.start():found.end]
    return found


def _dm(ctx: Context, m: re.Match, value: str, kind: str, year: Year | None, label: str = "DATE") -> DateMatch:
    return DateMatch(m.start(), m.end(), m.group(0), label, value, relative=bool(year and year.relative),
                     year_from_anchor=bool(year and year.from_anchor), kind=kind)


def _day_value(y: int | None, month: int, day: int) -> str:
    d = make_date(y, month, day) if y else None
    return d.isoformat() if d else ""


def _resolve_day_year(month: int, day: int, year: Year | None, ctx: Context) -> Year:
    if year is not None:
        return year
    if ctx.anchor is None:
        return Year(None)
    return Year(nearest_year(month, day, ctx.anchor, ctx.future), from_anchor=True)


def _range(ctx, m, y1: Year, m1: int, d1: int, y2: Year, m2: int, d2: int) -> list[DateMatch]:
    a, b = _day_value(y1.value, m1, d1), _day_value(y2.value, m2, d2)
    if y1.value and y2.value and (not a or not b or a > b):
        return []
    value = iso_range(a, b) if a and b else ""
    year = Year(y2.value, y1.relative or y2.relative, y1.from_anchor or y2.from_anchor)
    return [_dm(ctx, m, value, "range" if a != b else "day", year)]


def _range_years(m1: int, d1: int, m2: int, d2: int, end: Year, ctx: Context) -> tuple[Year, Year]:
    """Years of both ends when only the end (or nothing) states one."""
    if end.value is None and not end.relative and ctx.anchor is not None:
        start = Year(nearest_year(m1, d1, ctx.anchor, ctx.future), from_anchor=True)
        wraps = (m2, d2) < (m1, d1)
        return start, Year(start.value + wraps if start.value else None, from_anchor=True)
    wraps = (m2, d2) < (m1, d1)
    start = Year(end.value - wraps if end.value else None, end.relative, end.from_anchor)
    return start, end


def rule_iso(m, ctx):
    return [_dm(ctx, m, _day_value(int(m["y"]), int(m["m"]), int(m["d"])), "day", Year(int(m["y"])))]


def rule_num(m, ctx):
    value = _day_value(int(m["y"]), int(m["m"]), int(m["d"]))
    return [_dm(ctx, m, value, "day", Year(int(m["y"])))] if value else []


def rule_roman(m, ctx):
    if m["rm"] != m["rm"].upper():
        return []
    value = _day_value(int(m["y"]), ROMAN_MONTHS[m["rm"]], int(m["d"]))
    return [_dm(ctx, m, value, "day", Year(int(m["y"])))] if value else []


def rule_abbr(m, ctx):
    month = ctx.grammar.vocab.month_abbr.get(_low(m["ma"]).rstrip("."))
    value = _day_value(int(m["y"]), month, int(m["d"])) if month else ""
    return [_dm(ctx, m, value, "day", Year(int(m["y"])))] if value else []


def rule_num_range(m, ctx):
    d1, d2, m2 = int(m["d1"]), int(m["d2"]), int(m["m2"])
    m1 = int(m["m1"]) if m["m1"] else m2
    link = m.string[m.end("d1") if not m["m1"] else m.end("m1"):m.start("d2")]
    if m["y"]:
        end = Year(int(m["y"]))
    elif len(m["m2"]) == 2 and not m["y1"] and not m["m1"] and re.fullmatch(r"\.?" + DASH, link):
        end = Year(None)  # "(18-19.10)": a year-less range needs a dash and a two-digit month
    else:
        return []
    start, end = _range_years(m1, d1, m2, d2, end, ctx)
    return _range(ctx, m, Year(int(m["y1"])) if m["y1"] else start, m1, d1, end, m2, d2)


def rule_num_dm(m, ctx):
    """"na 4.11.", "do 25.10": a year-less numeric date, only after a preposition."""
    before = _before(ctx, "num_dm", m, 12)
    if not before:
        return []
    month, day = int(m["m"]), int(m["d"])
    year = _resolve_day_year(month, day, None, ctx)
    return [_widen(_dm(ctx, m, _day_value(year.value, month, day), "day", year), None, ctx)]


def rule_text(m, ctx):
    v = ctx.grammar.vocab
    month, day = v.months[_low(m["m"])], int(m["d"])
    year = _explicit_year(m, "b", ctx)
    if not _month_word_ok(m["m"], bool(m["by"])) or (year is None and _after_street(ctx, m.start("d"))):
        return []
    year = _resolve_day_year(month, day, year, ctx)
    if make_date(year.value or 2000, month, day) is None:
        return []  # "31 września", "30 лютага": no such day
    found = _dm(ctx, m, _day_value(year.value, month, day), "day", year)
    before = _before(ctx, "text", m)
    return [_widen(found, before if before and before["wd"].islower() else None, ctx)]  # "W sobotę 18 maja"


def rule_text_ord(m, ctx):
    """"piętnastego października", "двадцать третьего сентября": the day written as an ordinal word."""
    v = ctx.grammar.vocab
    day = v.day_ordinals.get(" ".join(_low(m["od"]).split()))
    month = v.months[_low(m["m"])]
    if day is None or not _month_word_ok(m["m"], bool(m["by"])):
        return []
    year = _resolve_day_year(month, day, _explicit_year(m, "b", ctx), ctx)
    if make_date(year.value or 2000, month, day) is None:
        return []
    return [_dm(ctx, m, _day_value(year.value, month, day), "day", year)]


def rule_text_range(m, ctx):
    v = ctx.grammar.vocab
    month, d1, d2 = v.months[_low(m["m"])], int(m["d1"]), int(m["d2"])
    if not _month_word_ok(m["m"], bool(m["by"])):
        return []
    end = _explicit_year(m, "b", ctx) or Year(None)
    if end.value is None and not end.relative and ctx.anchor is not None:
        end = Year(nearest_year(month, d1, ctx.anchor, ctx.future), from_anchor=True)
    link = _low(m.string[m.end("d1"):m.start("d2")]).split()
    last = link[-1] if link else ""
    alternatives = last in {w.lower() for w in v.words("range_or")}
    if not m["more"] and not alternatives and last not in {w.lower() for w in v.words("range_and")}:
        return _range(ctx, m, end, month, d1, end, month, d2) if d1 < d2 else []
    return _day_list(m, ctx, month, end, alternatives)


def _day_list(m, ctx, month: int, year: Year, alternatives: bool = False) -> list[DateMatch]:
    """"5, 6 i 7 listopada": consecutive days are one range, other lists (and "28 lub 29") one date per day."""
    digits = list(re.finditer(r"\d+", m.string[m.start("d1"):m.start("m")]))
    days = [int(x.group()) for x in digits]
    if not alternatives and all(b == a + 1 for a, b in zip(days, days[1:])):
        return _range(ctx, m, year, month, days[0], year, month, days[-1])
    out = []
    for i, x in enumerate(digits):
        a = m.start("d1") + x.start()
        b = m.end() if i == len(digits) - 1 else m.start("d1") + x.end()
        out.append(DateMatch(a, b, m.string[a:b], "DATE", _day_value(year.value, month, days[i]),
                             year.relative, year.from_anchor, "day"))
    return out


def rule_text_range_x(m, ctx):
    v = ctx.grammar.vocab
    m1, m2, d1, d2 = v.months[_low(m["m1"])], v.months[_low(m["m2"])], int(m["d1"]), int(m["d2"])
    if not (_month_word_ok(m["m1"], bool(m["by"] or m["ay"])) and _month_word_ok(m["m2"], bool(m["by"]))):
        return []
    end = _explicit_year(m, "b", ctx) or Year(None)
    start = _explicit_year(m, "a", ctx)
    s_year, e_year = _range_years(m1, d1, m2, d2, end, ctx)
    return _range(ctx, m, start or s_year, m1, d1, e_year, m2, d2)


def _month_value(y: int | None, month: int) -> str:
    return f"{y:04d}-{month:02d}" if y else ""


def rule_month(m, ctx):
    year = _explicit_year(m, "b", ctx)
    before = _before(ctx, "month", m)
    if before and before["prev"]:
        before = None  # "w grudniu lub styczniu": the second month stands on the first one's preposition
        if not _month_word_ok(m["m"], bool(m["by"])):
            return []
    elif not ((before and (before["p"] or before["q"])) or year) or not _month_word_ok(m["m"], bool(m["by"])):
        return []
    month = ctx.grammar.vocab.months[_low(m["m"])]
    if year is None:
        year = Year(nearest_year_of_month(month, ctx.anchor, ctx.future) if ctx.anchor else None, from_anchor=True)
    return [_widen(_dm(ctx, m, _month_value(year.value, month), "month", year), before, ctx)]


def rule_part(m, ctx):
    """"w I kwartale 2020 r.", "во втором полугодии": a quarter / half of a year as a month range."""
    v = ctx.grammar.vocab
    if m["pr"] and m["pr"] != m["pr"].upper():
        return []
    n = ROMAN_MONTHS[m["pr"]] if m["pr"] else v.ordinals[_low(m["po"])] if m["po"] else int(m["pn"])
    size = v.part_words[_low(m["pw"])]
    if n * size > 12:
        return []
    year = _explicit_year(m, "b", ctx) or Year(ctx.anchor.year if ctx.anchor else None, from_anchor=True)
    a, b = _month_value(year.value, n * size - size + 1), _month_value(year.value, n * size)
    return [_dm(ctx, m, iso_range(a, b) if a and b else "", "range", year)]


def rule_month_range(m, ctx):
    v = ctx.grammar.vocab
    year = _explicit_year(m, "b", ctx)
    before = _before(ctx, "month_range", m)
    if not (before or year) or not (_month_word_ok(m["m1"], bool(m["by"])) and _month_word_ok(m["m2"], bool(m["by"]))):
        return []
    m1, m2 = v.months[_low(m["m1"])], v.months[_low(m["m2"])]
    if m1 == m2:
        return []
    if year is None:
        year = Year(nearest_year_of_month(m2, ctx.anchor, ctx.future) if ctx.anchor else None, from_anchor=True)
    y1 = int(m["y1"]) if m["y1"] else (year.value - (m1 > m2) if year.value else None)
    a, b = _month_value(y1, m1), _month_value(year.value, m2)
    return [_widen(_dm(ctx, m, iso_range(a, b) if a and b else "", "range", year), before, ctx)]


def rule_period(m, ctx):
    y1, raw2 = int(m["y1"]), m["y2"]
    y2 = int(raw2) if len(raw2) == 4 else y1 // 100 * 100 + int(raw2)
    sep = m.group(0)[m.end("y1") - m.start():m.start("y2") - m.start()]
    if not y1 < y2 <= y1 + 50 or (sep.strip() not in "-–—‑/" and not m["pp"]):
        return []
    return [_dm(ctx, m, f"{y1}/{y2}", "period", None)]


def rule_decade(m, ctx):
    """"w latach 90.", "в 90-е годы", "1990-х": a decade as a period (two digits: the 1900s)."""
    dec = m["dec"]
    if not (m["dw"] or ctx.grammar.before["decade_after"].match(ctx.text, m.end())
            or (len(dec) == 4 and m["suf"] != ".")):
        return []  # "90." ending a sentence, "20-е место": numbers, not decades
    start = int(dec) if len(dec) == 4 else (2000 if dec == "00" else 1900 + int(dec))
    return [_dm(ctx, m, f"{start}/{start + 9}", "period", None)]


def rule_year(m, ctx):
    before = _before(ctx, "year", m, 25)
    if not (m["mk"] or (before and (before["yw"] or (before["p"] and m["pe"] is not None)))):
        return []
    return [_widen(_dm(ctx, m, m["y"], "year", None), before, ctx)]


def rule_rel_day(m, ctx):
    offset = ctx.grammar.vocab.relative_days[_low(m["rd"])]
    if offset == 0 and not ctx.grammar.before["today"].match(ctx.text[m.end():m.end() + 40]):
        return []  # "a dziś coraz więcej firm", "Dziś już nikt": "today" alone mostly means "nowadays"
    value = shift_days(ctx.anchor, offset).isoformat() if ctx.anchor else ""
    return [_dm(ctx, m, value, "day", Year(None, relative=True))]


def rule_rel_year(m, ctx):
    value = str(ctx.anchor.year + ctx.grammar.vocab.relative_years[_low(m["ry"])]) if ctx.anchor else ""
    return [_dm(ctx, m, value, "year", Year(None, relative=True))]


def _unit_value(unit: str, offset: int, anchor: dt.date | None) -> str:
    if anchor is None:
        return ""
    if unit == "week":
        a, b = week_bounds(anchor, offset)
        return iso_range(a.isoformat(), b.isoformat())
    if unit == "month":
        return _month_value(*shift_months(anchor, offset))
    return str(anchor.year + offset)


def rule_rel_unit(m, ctx):
    v = ctx.grammar.vocab
    mod, unit = (m["mod"], m["unit"]) if m["mod"] else (m["mod2"], m["unit2"])
    unit_kind, offset = v.units[_low(unit)], OFFSETS[v.modifiers[_low(mod)]]
    return [_dm(ctx, m, _unit_value(unit_kind, offset, ctx.anchor), unit_kind, Year(None, relative=True))]


def rule_rel_week_day(m, ctx):
    if not m["wd"].islower():
        return []
    v = ctx.grammar.vocab
    offset = OFFSETS[v.modifiers[_low(m["mod"])]]
    value = ""
    if ctx.anchor:
        value = (week_bounds(ctx.anchor, offset)[0] + dt.timedelta(days=v.weekdays[_low(m["wd"])])).isoformat()
    return [_dm(ctx, m, value, "day", Year(None, relative=True))]


def rule_rel_weekday(m, ctx):
    if not (m["p"] or m["mod"]) or not m["wd"].islower():
        return []
    v = ctx.grammar.vocab
    if m["mod"]:
        direction = v.modifiers.get(_low(m["mod"])) or v.weekday_modifiers[_low(m["mod"])]
    else:
        direction = "future" if ctx.future else "past"
    first = v.weekdays[_low(m["wd"])]
    pair = bool(m["wd2"]) and m["wd2"].islower()
    if pair and first == 0 and v.weekdays[_low(m["wd2"])] >= 4 and _low(m["wlink"]) in {w.lower() for w in v.words("range_to")}:
        return []  # "od poniedziałku do piątku": opening hours, a working week, not a date
    if ctx.anchor is None:
        return [_dm(ctx, m, "", "range" if pair else "day", Year(None, relative=True))]
    day = weekday_near(ctx.anchor, first, direction)
    if not pair:
        return [_dm(ctx, m, day.isoformat(), "day", Year(None, relative=True))]
    last = day + dt.timedelta(days=(v.weekdays[_low(m["wd2"])] - first) % 7)  # "w poniedziałek i wtorek"
    return [_dm(ctx, m, iso_range(day.isoformat(), last.isoformat()), "range", Year(None, relative=True))]


def rule_ago(m, ctx):
    v = ctx.grammar.vocab
    n = int(m["n"]) if m["n"] else v.count_words.get(_low(m["nw"]), 0) if m["nw"] else 1
    if n <= 0:
        return []
    unit, value = v.count_units[_low(m["cu"])], ""
    if ctx.anchor:
        if unit in ("day", "week"):
            value = shift_days(ctx.anchor, -n * (7 if unit == "week" else 1)).isoformat()
        elif unit == "month":
            value = _month_value(*shift_months(ctx.anchor, -n))
        else:
            value = str(ctx.anchor.year - n)
    kind = {"week": "day"}.get(unit, unit)
    return [_dm(ctx, m, value, kind, Year(None, relative=True))]


def _time_value(m) -> str:
    value = f"{int(m['h']):02d}:{m['mi'] if 'mi' in m.re.groupindex and m['mi'] else '00'}"
    if "h2" in m.re.groupindex and m["h2"]:
        value += f"/{int(m['h2']):02d}:{m['mi2']}"
    return value


def rule_time(m, ctx):
    """"10:00", "o 9:30 do 15:00"; not in a run of scores ("85:67 (29:17, 14:14)", "remisy 3:3, 10:10")."""
    prefixed = "h2" in m.re.groupindex and m["h2"] or _before(ctx, "time", m, 20)
    if not prefixed and ctx.scores:
        return []
    return [_dm(ctx, m, _time_value(m), "time", None, label="TIME")]


def rule_time_hour(m, ctx):
    """"godz. 9": an hour after an unambiguous prefix."""
    return [_dm(ctx, m, _time_value(m), "time", None, label="TIME")]


def rule_time_dot(m, ctx):
    """"o godz. 10.00", "o 10.00": a dotted time needs a prefix (else "12.03" is a date or a number)."""
    before = _before(ctx, "time_dot", m, 20)
    if not before or (before["tw"] and m["mi"] not in ROUND_MINUTES and int(m["mi"]) <= 12):
        return []  # "do 12.03" is rather a date than a time
    return [_widen(_dm(ctx, m, _time_value(m), "time", None, label="TIME"), before, ctx)]


RULES: dict[str, Callable[[re.Match, Context], list[DateMatch]]] = {
    "iso": rule_iso, "num_range": rule_num_range, "num_dm": rule_num_dm, "num": rule_num, "roman": rule_roman,
    "part": rule_part, "abbr": rule_abbr,
    "text_range_x": rule_text_range_x, "text_range": rule_text_range, "text": rule_text, "text_ord": rule_text_ord,
    "month_range": rule_month_range, "month": rule_month, "period": rule_period, "decade": rule_decade, "year": rule_year,
    "rel_week_day": rule_rel_week_day, "rel_unit": rule_rel_unit, "rel_weekday": rule_rel_weekday,
    "rel_day": rule_rel_day, "rel_year": rule_rel_year, "ago": rule_ago,
    "time": rule_time, "time_dot": rule_time_dot, "time_hour": rule_time_hour,
}

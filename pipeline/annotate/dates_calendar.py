"""Calendar arithmetic for the date grammar: missing years, weekdays and weeks from an anchor.

Pure functions over `datetime.date`; the anchor is the article's publication date.
"""
from __future__ import annotations

import datetime as dt

# A date without a year takes the anchor's year unless the neighbouring year puts it this much
# closer to the anchor (a January article that mentions "28 grudnia" means last December).
YEAR_SWITCH_DAYS = 120
YEAR_SWITCH_MONTHS = 4
# A sentence in the future tense does not talk about a day this long before the anchor: next year's.
FUTURE_SLACK_DAYS = 60


def make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def nearest_year(month: int, day: int, anchor: dt.date, future: bool = False) -> int | None:
    """Year for a day and month with no year: the anchor's, or a neighbour's when much nearer.

    `future`: the sentence announces something, so a day well before the anchor is next year's.
    """
    same = make_date(anchor.year, month, day)
    best, best_gap = anchor.year, abs((same - anchor).days) if same else None
    for year in (anchor.year - 1, anchor.year + 1):
        other = make_date(year, month, day)
        if other is None:
            continue
        gap = abs((other - anchor).days)
        if best_gap is None or gap + YEAR_SWITCH_DAYS < best_gap:
            best, best_gap = year, gap
    if best_gap is None:
        return None
    chosen = make_date(best, month, day)
    if future and chosen and (anchor - chosen).days > FUTURE_SLACK_DAYS and make_date(best + 1, month, day):
        return best + 1
    return best


def nearest_year_of_month(month: int, anchor: dt.date, future: bool = False) -> int:
    """Year for a month named without a year (same rules as `nearest_year`, in months)."""
    gap = month - anchor.month
    if gap > 12 - gap + YEAR_SWITCH_MONTHS and not future:
        return anchor.year - 1
    if -gap > 12 + gap + YEAR_SWITCH_MONTHS or (future and -gap * 30 > FUTURE_SLACK_DAYS):
        return anchor.year + 1
    return anchor.year


def shift_days(anchor: dt.date, days: int) -> dt.date:
    return anchor + dt.timedelta(days=days)


def shift_months(anchor: dt.date, months: int) -> tuple[int, int]:
    """(year, month) `months` away from the anchor's month."""
    index = anchor.year * 12 + anchor.month - 1 + months
    return index // 12, index % 12 + 1


def week_bounds(anchor: dt.date, weeks: int) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of the week `weeks` away from the anchor's week."""
    monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=weeks)
    return monday, monday + dt.timedelta(days=6)


def weekday_near(anchor: dt.date, weekday: int, direction: str) -> dt.date:
    """The weekday relative to the anchor.

    `prev`: the last one before the anchor (1-7 days back); `next`: the next one after it
    (1-7 days ahead); `this`: the one in the anchor's week; `past`/`future` (bare weekday):
    like prev/next but the anchor day itself counts for `past` (an article of Wednesday about
    "w środę" reports that day).
    """
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if direction == "prev":
        return anchor - dt.timedelta(days=back or 7)
    if direction == "next":
        return anchor + dt.timedelta(days=ahead or 7)
    if direction == "this":
        return week_bounds(anchor, 0)[0] + dt.timedelta(days=weekday)
    if direction == "future":
        return anchor + dt.timedelta(days=ahead or 7)
    return anchor - dt.timedelta(days=back)


def iso_range(start: str, end: str) -> str:
    """`start/end`, or just `start` when both ends are the same."""
    return start if start == end else f"{start}/{end}"

"""Compiled regular expressions of the date grammar, built per language from its vocabulary.

Each rule is one pattern with named groups; `dates_rules` turns a match into a value. The word
tables (months in all cases, weekdays, relative words...) come from `dates_data`, so the same
rule serves every language. Patterns are matched case-insensitively; capitalisation checks that
matter (``3 Maja`` as a street, ``Maja`` as a name) are made on the matched text afterwards.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.annotate.dates_data import DateVocab, vocab

NEVER = r"(?!x)x"  # matches nothing: a rule whose word table is empty
START = r"(?<![\w.,/+:\-–—‑])"  # not glued to a preceding number or word
END_NUM = r"(?!\d|[.,/:\-–]\d|[°%])"  # not followed by more digits, a decimal part, degrees, per cent
# a number followed by a currency or a multiplier is an amount, not a year
NOT_AMOUNT = r"(?!\s*(?:zł|zl|pln|eur|usd|€|\$|руб|byn|грн|долл|евро|тыс|tys|mln|млн|mld|млрд|%|osób|чел))"
WEND = r"(?!\w)"
DASH = r"\s*[-–—‑]\s*"
DAY = r"(?:0?[1-9]|[12]\d|3[01])"
MONTH_NUM = r"(?:0?[1-9]|1[0-2])"
YEAR = r"(?:19|20)\d\d"
OLD_YEAR = r"(?:1[0-9]|20)\d\d"  # with a year marker: "w 1887 r." 
ROMAN = r"(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)"
HOUR = r"(?:[01]?\d|2[0-3])"
MINUTE = r"[0-5]\d"


def alt_words(words) -> set[str]:
    """The words as `alt` reads them: lower case, whitespace runs as one space, ends stripped
    (one `\\s+` per gap; two in a row would let the trie's greedy first one end a shorter word)."""
    return {" ".join(w.lower().split()) for w in words if w and not w.isspace()}


def alt(words) -> str:
    """Alternation of literal words (longest first; inner spaces match any whitespace).

    Written as a trie (`ab(?:c|d|)` for ab, abc, abd): `re` tries the branches of a flat
    alternation one by one at every position, a trie checks each letter once. The words that
    can match at one position are prefixes of one another, i.e. on one path of the trie, and
    each node tries its continuations before ending, so the longest is tried first, as in the
    longest-first flat alternation this replaces (same matches; compiles and runs faster)."""
    items = alt_words(words)
    if not items:
        return NEVER
    trie: dict = {}
    for w in items:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # end of a word
    return "(?:" + _trie_pattern(trie) + ")"


def _trie_pattern(node: dict) -> str:
    """Pattern of a trie node's subtree: continuations (in letter order), then the end."""
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _trie_pattern(sub) for ch, sub in sorted(node.items()) if ch]
    ends = "" in node
    if not branches:
        return ""
    if len(branches) == 1 and not ends:
        return branches[0]
    return "(?:" + "|".join(branches) + ("|" if ends else "") + ")"


@dataclass(frozen=True)
class Grammar:
    vocab: DateVocab
    rules: tuple[tuple[str, re.Pattern], ...]  # (rule name, pattern), tried in this order
    street: re.Pattern  # a street prefix right before a match ("ul. " in "ul. 3 Maja")
    before: dict[str, re.Pattern]  # rule -> the optional words right before its match ("W sobotę " 18 maja)
    triggers: dict[str, frozenset[str]]  # rule -> words one of which the text must contain
    future: re.Pattern  # a verb form that puts a bare weekday in the future
    ordinal: re.Pattern  # an ordinal word ("drugiego", "первый", "апошні") or number ("2-й")


def _year_tail(p: str, v: DateVocab) -> str:
    """An optional year after a day/month: ``2019 r.``, ``ubiegłego roku``, ``br.``."""
    mark = alt(v.words("year_markers"))
    mod, unit = alt(v.modifiers), alt(w for w, u in v.units.items() if u == "year")
    this_year, prev_year = alt(v.words("this_year_markers")), alt(v.words("prev_year_markers"))
    ysfx = rf"(?:{alt(v.words('year_suffixes'))}(?!\w))?"
    return (rf"(?:\s*,?\s*(?:(?P<{p}y>{YEAR}(?!\d|[.,/:\-–]\d)|{OLD_YEAR}(?=\s*{mark}{WEND})){ysfx}(?:\s*{mark}{WEND})?"
            rf"|(?P<{p}rmod>{mod})\s+{unit}{WEND}|(?P<{p}ty>{this_year})(?!\w)|(?P<{p}py>{prev_year})(?!\w)))?")


_WORD = re.compile(r"\w+")


def pieces(words) -> frozenset[str]:
    """The lower-case word pieces of some vocabulary entries (what a tokenised text is checked for)."""
    return frozenset(p for w in words for p in _WORD.findall(w.lower()))


def _triggers(v: DateVocab) -> dict[str, frozenset[str]]:
    """Rules that cannot match unless the text has one of these words: skipped otherwise (speed)."""
    months, weekdays = pieces(v.months), pieces(v.weekdays)
    out = {name: months for name in ("text_range_x", "text_range", "text", "text_ord", "month_range", "month")}
    out.update(abbr=pieces(v.month_abbr), part=pieces(v.part_words), rel_week_day=weekdays, rel_weekday=weekdays, rel_unit=pieces(v.units),
               rel_day=pieces(v.relative_days), rel_year=pieces(v.relative_years), ago=pieces(v.words("ago")))
    return out


def _build(v: DateVocab) -> Grammar:
    mon = alt(v.months) + WEND
    sfx = rf"(?:{alt(v.words('day_suffixes'))})?"  # "21-го октября"
    abbr = alt(v.month_abbr) + r"\."
    wd = alt(v.weekdays) + WEND
    prep = alt(v.words("preps"))
    frm, to, and_ = alt(v.words("range_from")), alt(v.words("range_to")), alt(v.words("range_and"))
    qual = alt(v.words("month_qualifiers"))
    mod = alt(v.modifiers)
    unit = alt(v.units)
    week = alt(w for w, u in v.units.items() if u == "week")
    link = rf"(?:{DASH}|\s+{to}\s+|\s+{and_}\s+)"
    day_link = rf"(?:{DASH}|\s+{to}\s+|\s+{and_}\s+|\s+{alt(v.words('range_or'))}\s+)"  # "28 lub 29 czerwca"
    num_y = rf"(?P<y>{YEAR})(?:\s*{alt(v.words('year_markers'))}{WEND})?"
    strong, weak = alt(v.words("time_prefixes_strong")), alt(v.words("time_prefixes"))
    rules = {
        "iso": (rf"{START}(?P<y>{YEAR})(?P<s>[-./])(?P<m>0[1-9]|1[0-2])(?P=s)(?P<d>0[1-9]|[12]\d|3[01])"
                rf"(?:[T ]{HOUR}:{MINUTE}(?::\d\d)?)?{END_NUM}"),
        "num_range": (rf"{START}(?:{frm}\s+)?(?P<d1>{DAY})(?:\.(?P<m1>{MONTH_NUM})(?:\.(?P<y1>{YEAR}))?)?\.?"
                      rf"{link}(?P<d2>{DAY})\.(?P<m2>{MONTH_NUM})(?:\.{num_y})?{END_NUM}"),
        "num_dm": rf"{START}(?P<d>{DAY})\.(?P<m>0[1-9]|1[0-2])(?P<dot>\.)?(?!\d|[.,]\d){NOT_AMOUNT}",
        "num": rf"{START}(?P<d>{DAY})(?P<s>[./-])(?P<m>{MONTH_NUM})(?P=s){num_y}{END_NUM}",
        "roman": rf"{START}(?P<d>{DAY})(?:\s+|\.)(?P<rm>{ROMAN})(?:\s+|\.){num_y}{END_NUM}",
        "part": (rf"(?<!\w)(?:(?P<pr>IV|III|II|I)|(?P<po>{alt(w for w, n in v.ordinals.items() if 1 <= n <= 4)})|(?P<pn>[1-4]))"
                 rf"(?:-?\w{{1,3}})?\s+(?P<pw>{alt(v.part_words)}){WEND}{_year_tail('b', v)}"),
        "abbr": rf"{START}(?P<d>{DAY})\s+(?P<ma>{abbr})\s*{num_y}{END_NUM}",
        "text_range_x": (rf"{START}(?:(?P<from>{frm})\s+)?(?P<d1>{DAY}){sfx}\.?\s+(?P<m1>{mon}){_year_tail('a', v)}"
                         rf"(?:{DASH}|\s+{to}\s+)(?P<d2>{DAY}){sfx}\.?\s+(?P<m2>{mon}){_year_tail('b', v)}"),
        "text_range": (rf"{START}(?:(?P<from>{frm})\s+)?(?P<d1>{DAY}){sfx}\.?(?P<more>(?:\s*,\s*{DAY}\.?)*){day_link}(?P<d2>{DAY}){sfx}\.?\s+"
                       rf"(?P<m>{mon}){_year_tail('b', v)}"),
        "text": rf"{START}(?P<d>{DAY}){sfx}\.?\s+(?P<m>{mon}){_year_tail('b', v)}",
        "text_ord": rf"(?<!\w)(?P<od>{alt(v.day_ordinals)})\s+(?P<m>{mon}){_year_tail('b', v)}",
        "month_range": (rf"(?<!\w)(?P<m1>{mon})(?:\s+(?P<y1>{YEAR}))?"
                        rf"{link}(?P<m2>{mon}){_year_tail('b', v)}"),
        "month": rf"(?<!\w)(?P<m>{mon}){_year_tail('b', v)}",
        "period": (rf"{START}(?:(?P<pp>{alt(v.words('period_preps'))}|{frm})\s+)?(?P<y1>{YEAR})"
                   rf"(?:\s*[-–—‑/]\s*|\s+{to}\s+)(?P<y2>{YEAR}|\d\d)(?:\s*{alt(v.words('years_markers'))}{WEND})?{END_NUM}{NOT_AMOUNT}"),
        "decade": (rf"(?<!\w)(?:(?P<dw>{alt(v.words('decade_words'))})\s+)?(?P<dec>(?:19|20)?\d0)"
                   rf"(?P<suf>{alt(v.words('decade_suffixes'))})(?!\w|\d)"),
        "year": (rf"{START}(?P<y>{OLD_YEAR})(?:{alt(v.words('year_suffixes'))}(?!\w))?"
                 rf"(?:\s*(?P<mk>{alt(v.words('year_markers'))}){WEND}|(?P<pe>(?=\s*[,;:!?)]|\s*\.(?!\d)|\s*$)))?"
                 rf"{END_NUM}{NOT_AMOUNT}"),
        "rel_week_day": rf"(?<!\w)(?:{prep}\s+)?(?P<mod>{mod})\s+(?P<unit>{week}){WEND}\s*,?\s*(?:{prep}\s+)?(?P<wd>{wd})",
        "rel_unit": rf"(?<!\w)(?:{prep}\s+)?(?:(?P<mod>{mod})\s+(?P<unit>{unit})|(?P<unit2>{unit})\s+(?P<mod2>{mod})){WEND}",
        "rel_weekday": (rf"(?<!\w)(?:(?P<p>{prep})\s+)?(?:(?P<mod>{alt([*v.modifiers, *v.weekday_modifiers])})\s+)?(?P<wd>{wd})"
                        rf"(?:\s+(?P<wlink>{and_}|{to})\s+(?:{prep}\s+)?(?P<wd2>{wd}))?"),
        "rel_day": rf"(?<!\w)(?P<rd>{alt(v.relative_days)}){WEND}",
        "rel_year": rf"(?<!\w)(?P<ry>{alt(v.relative_years)}){WEND}",
        "ago": (rf"(?<!\w)(?:(?P<n>\d{{1,2}})\s+|(?P<nw>{alt(v.count_words)})\s+)?(?P<cu>{alt(v.count_units)})\s+"
                rf"{alt(v.words('ago'))}{WEND}"),
        "time": (rf"(?<![\d:,])(?<!\d\.)(?P<h>{HOUR}):(?P<mi>{MINUTE})"
                 rf"(?:(?:{DASH}|\s+{to}\s+)(?P<h2>{HOUR})[:.](?P<mi2>{MINUTE}))?(?![\d:]|[.,]\d)"),
        "time_dot": (rf"(?<![\d:,])(?<!\d\.)(?P<h>{HOUR})\.(?P<mi>{MINUTE})"
                     rf"(?:(?:{DASH}|\s+{to}\s+)(?P<h2>{HOUR})[:.](?P<mi2>{MINUTE}))?(?![\d:]|[.,]\d)"),
        "time_hour": rf"(?<!\w)(?P<ts>{strong})\s*(?P<h>{HOUR})(?![\d:.]|\.\d)",
    }
    compiled = tuple((name, re.compile(p, re.IGNORECASE)) for name, p in rules.items())
    street = re.compile(rf"(?<!\w){alt(v.words('street_prefixes'))}\s*$", re.IGNORECASE)
    future = re.compile(rf"(?<!\w){alt(v.words('future_cues'))}", re.IGNORECASE)
    ordinal = re.compile(rf"(?<!\w)(?:(?P<ow>{alt(v.ordinals)})|(?P<on>\d{{1,2}}){alt(v.words('ordinal_suffixes'))}){WEND}",
                         re.IGNORECASE)
    before = {
        "text": rf"(?<!\w)(?:{prep}\s+)?(?P<wd>{wd})\s*,?\s*$",
        "time_dot": rf"(?<!\w)(?:(?P<ts>{strong})|(?P<tw>{weak}))\s*$",
        "time": rf"(?<!\w)(?:{strong}|{weak})\s*$",
        "decade_after": rf"\s+{alt([*v.words('years_markers'), *v.words('year_words')])}{WEND}",
        # "dziś w Chełmie", "сегодня, 15 октября", "dziś o 10:00": "today" said of a place or a time
        "today": rf"^(?:\s+\w{{1,3}}\s+(?-i:[A-ZĄĆĘŁŃÓŚŹŻА-ЯЁІЎЄЇҐ])|\s*,\s*\d|\s+(?:{strong}|{weak})\s*{HOUR}[:.]?|\s+{HOUR}[:.]{MINUTE})",
        "month": rf"(?<!\w)(?:(?:(?P<p>{prep})\s+)?(?:(?P<q>{qual})\s+)?|(?P<prev>{mon})\s*(?:,|\s+{alt(v.words('range_or'))})\s+)$",
        "num_dm": rf"(?<!\w)(?:{prep}|{frm}|{to})\s+$",
        "month_range": rf"(?<!\w)(?:{prep}\s+)?(?P<from>{frm}|{qual})\s+$",
        "year": rf"(?<!\w)(?:(?P<p>{prep})\s+)?(?:(?P<yw>{alt(v.words('year_words'))})\s+)?$",
    }
    before_re = {k: re.compile(p, re.IGNORECASE) for k, p in before.items()}
    return Grammar(v, compiled, street, before_re, _triggers(v), future, ordinal)


@lru_cache(maxsize=None)
def grammar(lang: str) -> Grammar:
    """The compiled grammar of a language (numeric rules only where it has no vocabulary)."""
    return _build(vocab(lang))

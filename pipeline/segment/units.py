"""Cut a text range into *units*: runs of words of one script between hard boundaries.

A unit is the smallest piece that gets a language. Hard boundaries are line breaks,
sentence punctuation, spaced dashes and every bracket or quote mark, so that a
parenthesised Cyrillic name or a quoted sentence is a unit of its own. Everything that is
not a word (digits, punctuation, URLs, e-mail addresses) is neutral and belongs to no unit.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.segment.letters import CYRILLIC, HOMOGLYPHS_TO_CYRILLIC, LATIN

# a word: letters, with apostrophes only between letters (Belarusian/Ukrainian п'ять, сям’я)
WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*")
# neutral stretches that contain letters but are no language: URLs, e-mail, file-like tokens
NEUTRAL = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
OPENERS = {"(": ")", "[": "]", "{": "}", "«": "»", "„": "”", "“": "”", "‹": "›", "‚": "’"}
CLOSERS = {")": "(", "]": "[", "}": "{", "»": "«", "”": "„“", "›": "‹", "’": "‚"}
QUOTE_LIKE = set(OPENERS) | set(CLOSERS) | {'"', "‘"}
# sentence punctuation, line breaks, en/em dashes, a spaced hyphen; a bare hyphen joins (торгово-промышленная)
BOUNDARY_GAP = re.compile(r"[\r\n.!?…;:–—]|\s-|-\s")


@dataclass
class Unit:
    """Words of one script between two hard boundaries; offsets into the full text."""

    start: int  # first letter
    end: int  # after the last letter
    script: str  # Latin, Cyrillic, Other
    words: list[str] = field(default_factory=list)  # lower-cased
    counts: Counter[str] = field(default_factory=Counter)  # letter counts (lower-cased)

    @property
    def n_letters(self) -> int:
        return sum(self.counts.values())


ACRONYM_MAX = 6


def is_acronym(text: str, unit: Unit) -> bool:
    """One word of at most 6 letters with at least 2 capitals (PFRR, KOM, UwB, СЭЗ)."""
    if len(unit.words) != 1 or unit.end - unit.start > ACRONYM_MAX:
        return False
    return sum(1 for ch in text[unit.start : unit.end] if ch.isupper()) >= 2


@lru_cache(maxsize=100_000)
def _word_script(word: str) -> str:
    """The script most of the word's letters are in (Cyrillic wins ties: homoglyph typing);
    cached, as the same words recur in every article."""
    cyr = len(CYRILLIC.findall(word))
    if cyr == len(word):
        return "Cyrillic"
    lat = len(LATIN.findall(word))
    other = sum(1 for ch in word if ch.isalpha()) - cyr - lat
    if cyr >= lat and cyr >= other and cyr:
        return "Cyrillic"
    return "Latin" if lat >= other else "Other"


def words_in(text: str, start: int, end: int) -> list[tuple[int, int, str, str]]:
    """(start, end, word, script) of the words in text[start:end], neutral stretches skipped."""
    masked = [(m.start(), m.end()) for m in NEUTRAL.finditer(text, start, end)]
    out = []
    mi = 0
    for m in WORD.finditer(text, start, end):
        a, b = m.span()
        if masked:
            while mi < len(masked) and masked[mi][1] <= a:
                mi += 1
            if mi < len(masked) and masked[mi][0] < b:
                continue
        word = m.group()
        out.append((a, b, word, _word_script(word)))
    return out


@lru_cache(maxsize=10_000)
def _is_boundary(gap: str) -> bool:
    """Does the gap between two words hold a hard boundary? (Cached: gaps are mostly " " and ", ".)"""
    return bool(BOUNDARY_GAP.search(gap)) or any(ch in QUOTE_LIKE for ch in gap)


def units_in(text: str, start: int, end: int) -> list[Unit]:
    """The units of text[start:end] in order."""
    units: list[Unit] = []
    prev_end = None
    for a, b, word, script in words_in(text, start, end):
        lower = word.lower()
        if script == "Cyrillic":
            lower = lower.translate(HOMOGLYPHS_TO_CYRILLIC)
        if units and units[-1].script == script and not _is_boundary(text[prev_end:a]):
            unit = units[-1]
            unit.end = b
        else:
            unit = Unit(a, b, script)
            units.append(unit)
        unit.words.append(lower)
        prev_end = b
    for unit in units:
        unit.counts = Counter("".join(unit.words))
    return units


_MARKS = re.compile("[" + re.escape("".join(sorted(set(OPENERS) | set(CLOSERS) | {'"'}))) + "]")


def pair_brackets(text: str, start: int, end: int) -> dict[int, int]:
    """Offset of each bracket/quote mark -> offset of its partner, for balanced pairs only."""
    partner: dict[int, int] = {}
    stack: list[tuple[str, int]] = []
    straight: int | None = None
    for m in _MARKS.finditer(text, start, end):
        i, ch = m.start(), m.group()
        if ch == '"':
            if straight is None:
                straight = i
            else:
                partner[straight], partner[i] = i, straight
                straight = None
        elif ch in CLOSERS and any(op in CLOSERS[ch] for op, _ in stack):
            while stack[-1][0] not in CLOSERS[ch]:
                stack.pop()  # unclosed inner openers are dropped
            _, j = stack.pop()
            partner[i], partner[j] = j, i
        elif ch in OPENERS:
            stack.append((ch, i))
    return partner

"""Letters of each language (data in `pipeline/lang/<xx>/letters.json`) and what they prove.

The rule needs no model: a letter outside a language's alphabet is a *violation* for that
language (ў cannot occur in Russian, и cannot occur in Belarusian, ą cannot occur in
English). Counting violations per unit gives hard evidence that statistical detectors
blur on short names, which is why it is both the fast path and the tie-breaker.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from pipeline.lang import load_json

LANGUAGES: tuple[str, ...] = ("pl", "en", "ru", "be", "uk")


@dataclass(frozen=True)
class Letters:
    """The letter data of one language."""

    code: str
    script: str  # Latin, Cyrillic
    alphabet: frozenset[str]
    markers: frozenset[str]
    prior: float
    strict: bool  # letters outside the alphabet rule the language out (when another fits)


@lru_cache(maxsize=None)
def letters(code: str) -> Letters:
    data = load_json(code, "letters.json")
    if data is None:
        raise KeyError(f"no letters.json for language {code!r}")
    return Letters(
        code=code,
        script=data["script"],
        alphabet=frozenset(data["alphabet"]),
        markers=frozenset(data["markers"]),
        prior=float(data.get("prior", 0.0)),
        strict=bool(data.get("strict", False)),
    )


@lru_cache(maxsize=None)
def languages_of_script(script: str) -> tuple[str, ...]:
    """Supported languages written in `script`, in LANGUAGES order."""
    return tuple(code for code in LANGUAGES if letters(code).script == script)


CYRILLIC = re.compile(r"[\u0400-\u052F]")
LATIN = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")


def script_of_char(ch: str) -> str:
    """Latin, Cyrillic or Other for a letter (apostrophes count as Other)."""
    if CYRILLIC.match(ch):
        return "Cyrillic"
    if LATIN.match(ch):
        return "Latin"
    return "Other"


# Latin look-alikes typed inside Cyrillic words (common in Belarusian/Ukrainian: Latin i for і)
HOMOGLYPHS_TO_CYRILLIC = str.maketrans("aceiopxyETOPAHKXCBM", "асеіорхуЕТОРАНКХСВМ")


def violations(counts: Counter[str], code: str) -> int:
    """How many letters of `counts` the language `code` cannot have."""
    alphabet = letters(code).alphabet
    return sum(n for ch, n in counts.items() if ch not in alphabet)


def marker_hits(words: list[str], code: str) -> int:
    markers = letters(code).markers
    return sum(1 for w in words if w in markers)

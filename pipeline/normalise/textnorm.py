"""Folding of names for lookup: one function so the gazetteer, the organisation matcher and
the build script agree on what counts as "the same spelling"."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_LATIN_EXTRA = str.maketrans({"ł": "l", "Ł": "l", "ø": "o", "đ": "d", "ß": "ss", "ı": "i"})
_CYR_EXTRA = str.maketrans({"ё": "е", "Ё": "е", "ъ": "", "’": "", "'": "", "ʼ": "", "`": ""})
_PUNCT = re.compile(r"[\"“”„«»‘‚()\[\]{}.,;:!?]")
_DASH = re.compile(r"[\s\-‐‑–—/]+")


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Casefolded, Latin diacritics removed (ł -> l), ё -> е, quotes/punctuation dropped,
    hyphens and runs of whitespace -> one space. Cyrillic letters keep their identity
    (й stays й) because only marks on Latin base letters are stripped."""
    text = text.translate(_CYR_EXTRA).translate(_LATIN_EXTRA)
    out = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            if out and out[-1] < "\u0250":  # mark on a Latin base letter
                continue
        out.append(ch)
    text = unicodedata.normalize("NFC", "".join(out)).casefold()
    text = _PUNCT.sub("", text)
    return _DASH.sub(" ", text).strip()


def is_cyrillic(text: str) -> bool:
    """True when most letters of `text` are Cyrillic."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    return sum("\u0400" <= c <= "\u04ff" for c in letters) * 2 > len(letters)


def script_of(text: str) -> str:
    """'cyr', 'lat' or 'other' by majority of letters (for keeping gazetteer aliases)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "other"
    cyr = sum("\u0400" <= c <= "\u04ff" for c in letters)
    lat = sum(c < "\u0250" for c in letters)
    if cyr == len(letters):
        return "cyr"
    if lat == len(letters):
        return "lat"
    return "other"

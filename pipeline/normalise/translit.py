"""Polish-style transliteration of East Slavic Cyrillic (data in lang/pl/translit_cyrillic.json).

Used to generate Polish candidate spellings of names GeoNames lacks (Кличев -> Kliczew,
Новополоцк -> Nowopołock) and to compare organisation names across scripts.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).resolve().parents[1] / "lang" / "pl" / "translit_cyrillic.json"
_SOFT_AFTER_L = {"е": "e", "ё": "o", "ю": "u", "я": "a", "и": "i", "і": "i", "є": "e", "ї": "i"}


@lru_cache(maxsize=1)
def _table() -> dict:
    return json.loads(_DATA.read_text(encoding="utf-8"))


def _translit(word: str, soft_i: bool, h_for_g: bool) -> str:
    t = _table()
    cons, hard, soft = t["consonants"], t["hard_vowels"], t["soft_vowels"]
    softsign, hardening, y_after = t["soft_sign"], set(t["hardening"]), set(t["y_after"])
    out: list[str] = []
    low = word.lower()
    for i, ch in enumerate(low):
        prev = low[i - 1] if i else ""
        nxt = low[i + 1] if i + 1 < len(low) else ""
        prev_is_cons = prev in cons and prev not in ("й", "ў")
        if ch == "л":
            out.append("l" if nxt in _SOFT_AFTER_L or nxt == "ь" else "ł")
        elif ch == "г":
            out.append("h" if h_for_g else "g")
        elif ch in softsign and nxt == "ь":
            out.append(softsign[ch])
        elif ch in cons:
            out.append(cons[ch])
        elif ch == "и" and prev in y_after:
            out.append("y")
        elif ch in hard:
            out.append(hard[ch])
        elif ch in soft:
            if prev == "л":
                out.append(soft[ch])
            elif prev_is_cons:
                out.append(soft[ch] if (prev in hardening or not soft_i) else "i" + soft[ch])
            else:
                out.append("j" + soft[ch])
        elif ch in ("ь", "ъ", "'", "’", "ʼ"):
            continue
        else:
            out.append(ch)
    text = "".join(out)
    return _restore_case(word, text)


def _restore_case(src: str, text: str) -> str:
    words_src, words_out = src.split(" "), text.split(" ")
    if len(words_src) != len(words_out):
        return text
    return " ".join(
        (w[:1].upper() + w[1:]) if s[:1].isupper() else w for s, w in zip(words_src, words_out)
    )


def to_polish(text: str) -> list[str]:
    """Candidate Polish spellings of a Cyrillic name, most conventional first, no duplicates.

    Variants: е/я/ю after consonants as `ie/ia/iu` or plain; г as `g` (Russian) or `h`
    (Belarusian/Ukrainian, chosen first when the word has і/ў/ї/є)."""
    h_first = any(c in text.lower() for c in "іўїєґ")
    variants = []
    for h in ((True, False) if h_first else (False, True)):
        for soft_i in (False, True):
            v = _translit(text, soft_i=soft_i, h_for_g=h)
            if v not in variants:
                variants.append(v)
    return variants

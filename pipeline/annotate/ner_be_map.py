"""A 1:1 character mapping of Belarusian spelling towards Russian, so natasha's Russian model
reads Belarusian text with Russian-looking words ("Міністэрства" -> "Министерства").

Every character maps to exactly one character, so offsets into the mapped text are offsets
into the original. The table is data (`pipeline/lang/be/charmap.json`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.lang import load_json


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[int, str], dict[int, str]]:
    data = load_json("be", "charmap.json") or {}
    anywhere = {ord(k): v for k, v in data.get("anywhere", {}).items()}
    inside = {ord(k): v for k, v in data.get("inside_word", {}).items()}
    for table in (anywhere, inside):
        assert all(len(v) == 1 for v in table.values()), "charmap must be 1:1"
    return anywhere, inside


_WORD_INSIDE = re.compile(r"(?<=\w)\w+")


def to_russian_spelling(text: str) -> str:
    """`text` with Belarusian letters replaced one-for-one (same length)."""
    anywhere, inside = _tables()
    out = text.translate(anywhere)
    if inside:
        out = _WORD_INSIDE.sub(lambda m: m.group(0).translate(inside), out)
    assert len(out) == len(text)
    return out

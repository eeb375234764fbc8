"""Loader for the Polish abbreviation list (data in abbreviations.tsv next to this file)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PATH = Path(__file__).with_name("abbreviations.tsv")


@lru_cache(maxsize=None)
def abbreviations() -> dict[str, bool]:
    """form -> whether it may end a sentence; title-case variants of multi-letter forms added."""
    out: dict[str, bool] = {}
    for line in _PATH.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        form, ends = line.split("\t")[:2]
        out[form] = ends.strip() == "1"
    for form, ends in list(out.items()):
        letters = form.replace(".", "")
        if len(letters) > 1:
            out.setdefault(form[0].upper() + form[1:], ends)
    return out

"""Administrative-region mentions as LOC spans: [Capitalised adjective] + region noun
(Гродненская область, Люблинским воеводством, Полацкі раён) and region noun + Capitalised
name (гмины Супрасль). natasha often tags the adjective alone, as PER or LOC.

The region nouns and their kind ('adj' or 'name') are the normalise stage's data,
`pipeline/lang/<xx>/region_types.tsv`, read here, not repeated.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from pipeline.annotate.ner_ru_natasha import Span
from pipeline.lang import LANG_DIR

if TYPE_CHECKING:
    from pipeline.annotate.ner_ru_repair import Tok

# endings of Russian and Belarusian adjectives (all genders, numbers and cases)
ADJ_ENDINGS = ("ая", "яя", "ое", "ее", "ой", "ый", "ий", "ого", "его", "ому", "ему", "ым", "им", "ую", "юю",
               "ом", "ем", "ые", "ие", "ых", "их", "ыми", "ими", "ае", "ага", "аму", "ай", "ы", "і", "яе", "яга")


COORDINATORS = {",", "и", "і", "й", "та"}


@lru_cache(maxsize=None)
def region_forms(lang: str) -> dict[str, str]:
    """form -> 'adj' | 'name' from lang/<lang>/region_types.tsv (empty where absent)."""
    path = LANG_DIR / lang / "region_types.tsv"
    out: dict[str, str] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) >= 3 and not line.startswith("#"):
                out[cols[0].lower()] = cols[2].strip()
    return out


@lru_cache(maxsize=20_000)
def _kind(word: str, lang: str) -> str | None:
    """The region kind of a word: a listed form, or a listed form (>= 4 letters) plus up to
    two more letters (раёнаў after раён): the table lists the common cases only."""
    forms = region_forms(lang)
    if word in forms:
        return forms[word]
    for form, kind in forms.items():
        if len(form) >= 4 and form.isalpha() and word.startswith(form) and len(word) - len(form) <= 2:
            return kind
    return None


def _capitalised_adjective(word: str) -> bool:
    return word[:1].isupper() and word.replace("-", "").isalpha() and word.lower().endswith(ADJ_ENDINGS)


def region_spans(toks: list["Tok"], lang: str) -> list[Span]:
    """LOC spans of region mentions in the token list."""
    out = []
    for i, tok in enumerate(toks):
        kind = _kind(tok.text.lower(), lang)
        if kind == "adj" and i > 0 and _capitalised_adjective(toks[i - 1].text):
            out.append((toks[i - 1].start, tok.end, "LOC"))
            j = i - 2  # coordinated adjectives share the noun: Ляхавіцкага і Ганцавіцкага раёнаў
            while j > 0 and toks[j].text.lower() in COORDINATORS and _capitalised_adjective(toks[j - 1].text):
                out.append((toks[j - 1].start, toks[j - 1].end, "LOC"))
                j -= 2
        elif kind == "name" and i + 1 < len(toks) and toks[i + 1].text[:1].isupper() and toks[i + 1].text.isalpha():
            out.append((tok.start, toks[i + 1].end, "LOC"))
    return out

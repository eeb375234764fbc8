"""Administrative regions as `loc:` places with Polish canonical names.

`obwodu witebskiego`, `Витебская область`, `Віцебскай вобласці` -> `obwód witebski`;
`województwo podlaskie`, `Подляшского воеводства` -> `województwo podlaskie`;
`gmina Supraśl`, `гміна Супрасль` -> `gmina Supraśl`. GeoNames' city extract has no regions,
so they are recognised by a region-type word (lang/<xx>/region_types.tsv) plus an adjective
whose stem is looked up in lang/pl/region_adjectives.tsv, or transliterated as a fallback.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.lang import LANG_DIR, data_lines
from pipeline.normalise.textnorm import fold, is_cyrillic
from pipeline.normalise.translit import to_polish
from pipeline.record import Place

if TYPE_CHECKING:  # pragma: no cover
    from pipeline.normalise.gazetteer import Gazetteer

_STEM = re.compile(r"^(.*(?:sk|ck|zk|ск|цк|зк))[^\s]*$")


def _rows(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in data_lines(path)]


@lru_cache(maxsize=1)
def region_types() -> dict[str, tuple[str, str]]:
    """folded form -> (canonical Polish type, 'adj' | 'name'), all languages merged."""
    out: dict[str, tuple[str, str]] = {}
    for path in sorted(LANG_DIR.glob("*/region_types.tsv")):
        for form, canon, kind in _rows(path):
            out.setdefault(fold(form), (canon, kind))
    return out


@lru_cache(maxsize=1)
def type_endings() -> dict[str, str]:
    return {t: e for t, e in _rows(LANG_DIR / "pl" / "region_type_genders.tsv")}


@lru_cache(maxsize=1)
def adjective_table() -> dict[str, tuple[str, str]]:
    """folded adjective stem (any script) -> (Polish stem with diacritics, country)."""
    out: dict[str, tuple[str, str]] = {}
    for pl_adj, cc, stems in _rows(LANG_DIR / "pl" / "region_adjectives.tsv"):
        pl_stem = adjective_stem(pl_adj)
        for s in [pl_adj] + stems.split(","):
            key = stem_key(s)
            if key:
                out.setdefault(key, (pl_stem, cc))
    return out


@lru_cache(maxsize=1)
def _adjectives_as_written() -> dict[str, tuple[str, str]]:
    """Adjective stem with its diacritics -> (Polish stem, country): `nowogródzk` (Nowogródek,
    BY) is another adjective than `nowogrodzk` (Novgorod, RU), which folding merges."""
    out: dict[str, tuple[str, str]] = {}
    for pl_adj, cc, stems in _rows(LANG_DIR / "pl" / "region_adjectives.tsv"):
        pl_stem = adjective_stem(pl_adj)
        for s in [pl_adj] + stems.split(","):
            if adjective_stem(s):
                out.setdefault(adjective_stem(s), (pl_stem, cc))
    return out


def adjective_entry(word: str) -> tuple[str, str] | None:
    """(Polish stem, country) of a region adjective in the table: as written first, else folded
    (`grodzienski` typed without its diacritics)."""
    return _adjectives_as_written().get(adjective_stem(word)) or adjective_table().get(stem_key(word))


def adjective_stem(word: str) -> str:
    """`witebskiego` -> `witebsk`, `Гродненская` -> `гродненск` ('' if not such an adjective)."""
    m = _STEM.match(word.lower().replace("ь", ""))
    return m.group(1) if m else ""


def stem_key(word: str) -> str:
    return fold(adjective_stem(word))


def _polish_stem(adj: str, gaz: "Gazetteer | None", context: tuple[str, ...] = ()) -> tuple[str, str]:
    """(Polish adjective stem, country code) of a region adjective in any language: the
    table; else a Latin-script adjective as written (`bialski`: already the Polish form, which
    a town's name would only distort), with the country of its town; else the adjective of the
    Polish name of the town it is named after (`Полацкі` -> Полацк -> Połock -> `połock`), else
    a transliteration."""
    hit = adjective_entry(adj)
    if hit:
        return hit
    stem = adjective_stem(adj)
    town = _town_of(stem, gaz, context) if gaz is not None else None
    if not is_cyrillic(stem):
        return stem, town.country_code if town is not None else ""
    if town is not None:
        return _adjective_from_town(town.name), town.country_code
    if is_cyrillic(stem):
        stem = to_polish(stem)[0].lower().replace("dsk", "dzk")
    return stem, ""


def _town_of(stem: str, gaz: "Gazetteer", context: tuple[str, ...] = ()):
    """The town a region adjective is derived from: `полацк` -> Полацк, `лидск` -> Лида; of
    namesakes, the likeliest in the article's `context` countries (`szacki`: Shatsk, UA, in
    an article about Volhynia)."""
    from pipeline.normalise.gazetteer import size_score

    base = stem[:-2]
    for cand in (stem, base + "а", base + "a", base, base + "о", base + "o"):
        places = [p for p in gaz.lookup(cand) if p.feature == "city"]
        if places and len(cand) >= 3:
            return max(places, key=lambda p: size_score(p, context))  # first of equals: most populous
    return None


def _adjective_from_town(name: str) -> str:
    """Polish adjective stem from a town name: Połock -> połock, Lida -> lidzk,
    Mohylew -> mohylewsk (regular cases only; irregular ones are in the table)."""
    low = name.lower()
    if low.endswith(("sk", "ck", "zk")):
        return low
    if low.endswith("da"):
        return low[:-1] + "zk"
    if low.endswith(("a", "o", "e", "y")):
        return low[:-1] + "sk"
    return low + "sk"


def parse_region(surface: str, lang: str, gaz: "Gazetteer | None" = None,
                 context: tuple[str, ...] = ()) -> Place | None:
    """A region place when `surface` contains a region-type word, else None; its country is
    that of the town it is named after, read in the article's `context` countries."""
    tokens = surface.split()
    for i, tok in enumerate(tokens):
        hit = _type_of(tok)
        if hit is None:
            continue
        canon, kind = hit
        rest = tokens[i + 1:] or tokens[:i]
        if not rest:
            return None
        if kind == "adj":
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if i + 2 < len(tokens) and _type_of(tokens[i + 2]):
                nxt = ""  # `повята Подляского воеводства`: that adjective is the next type's
            neighbours = [t for t in (nxt, tokens[i - 1] if i else "") if t]
            for adj in neighbours:
                if adjective_stem(adj):
                    stem, cc = _polish_stem(adj, gaz, context)
                    name = f"{canon} {stem}{type_endings().get(canon, 'i')}"
                    return _region(name, cc)
        after = tokens[i + 1:]
        return _named_region(canon, " ".join(after), lang, gaz, context) if after else None
    return None


def _named_region(canon: str, rest: str, lang: str, gaz: "Gazetteer | None",
                  context: tuple[str, ...] = ()) -> Place | None:
    """`gmina Supraśl`, `rejon Ungheni`: the type plus the Polish name of the place."""
    if not rest[:1].isupper():
        return None  # `w obwodzie i ...`: no name
    cc = ""
    name = rest
    if gaz is not None:
        place = gaz.link(rest, None, lang, context)
        if place is not None and place.feature == "city":
            name, cc = place.name, place.country_code
    if name == rest:
        from pipeline.normalise.lemmas import lemmatise

        name = lemmatise(rest, lang, "LOC")
    return _region(f"{canon} {name}", cc)


def _region(name: str, cc: str) -> Place:
    return Place(key=f"loc:{name.lower()}", name=name, country_code=cc, feature="region")


_WORD_RE = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*\.?", re.U)


def find_region_phrases(text: str, lang_at, gaz: "Gazetteer") -> list[tuple[int, int, Place]]:
    """(start, end, region) for every `<region word> <adjective>` / `<adjective> <region
    word>` / `gmina <Name>` phrase in `text` (`obwodu grodzieńskiego`, `Гродненской
    области`). NER models often miss these; `lang_at(offset)` gives the language there."""
    types = region_types()
    words = []
    for m in _WORD_RE.finditer(text):  # keep the period of `обл.`, not a sentence's
        w = m.group(0)
        if w.endswith(".") and _folded(w) not in types:
            w = w[:-1]
        words.append((m.start(), m.start() + len(w), w))
    out: list[tuple[int, int, Place]] = []
    for i, (start, end, w) in enumerate(words):
        hit = _type_of(w)
        if hit is None:
            continue
        for a, b in ((i, i + 1), (i - 1, i)):
            if a < 0 or b >= len(words):
                continue
            if a == i and b + 1 < len(words) and _type_of(words[b + 1][2]):
                continue  # `повята Подляского воеводства`: that adjective is the next type's
            s0, e0 = words[a][0], words[b][1]
            if not text[words[a][1]:words[b][0]].strip() == "":
                continue  # punctuation between the two words
            phrase = text[s0:e0]
            other = words[b if a == i else a][2]
            named = a == i and other[:1].isupper() and not adjective_stem(other)
            if named and not [p for p in gaz.lookup(other) if p.feature == "city"] and \
                    gaz.link(other, None, lang_at(s0)) is None:
                continue  # `воеводства В...`: a capital that is no place name
            place = parse_region(phrase, lang_at(s0), gaz)
            if place is not None and (adjective_stem(other) or named):
                out.append((s0, e0, place))
                if a == i and adjective_stem(other):
                    out += _coordinated(text, words, b, w, lang_at, gaz)
                break
    return out


_AND = frozenset({"i", "oraz", "и", "і", "та", "a", ","})


@lru_cache(maxsize=100_000)
def _folded(word: str) -> str:
    """`fold` of one word, cached: region phrases are looked for in every word of every article."""
    return fold(word)


def _type_of(word: str) -> tuple[str, str] | None:
    """(canonical type, kind) of a region-type word (`obwodu`, `обл.`), else None."""
    types = region_types()
    folded = _folded(word)
    return types.get(folded) or types.get(folded + ".")


def _coordinated(text: str, words, b: int, type_word: str, lang_at, gaz) -> list:
    """`w obwodzie mińskim i brzeskim`, `z obwodów witebskiego i mohylewskiego`: further
    adjectives joined to the first one share its region word."""
    out = []
    k = b + 1
    while k < len(words):
        gap = text[words[k - 1][1]:words[k][0]].strip()
        word = words[k][2]
        if word.lower() in _AND and gap in ("", ","):
            k += 1
            continue
        if gap not in ("", ",") or not adjective_stem(word) or word[:1].isupper():
            break
        place = parse_region(f"{type_word} {word}", lang_at(words[k][0]), gaz)
        if place is None:
            break
        out.append((words[k][0], words[k][1], place))
        k += 1
    return out

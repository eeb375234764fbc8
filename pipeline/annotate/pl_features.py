"""Morfeusz2 features on Polish tokens, set before the NER's tok2vec reads them.

The CNN sees each token through hashed attributes (NORM, PREFIX, SUFFIX, SHAPE, ...). This
component adds what a dictionary knows and a 1M-token corpus cannot: the lemma (as NORM, so
`Mohylewie`, `Mohylewa` share one embedding row) and a morph class in TAG (the first
interpretation's part of speech plus the SGJP name qualifiers of all interpretations, e.g.
`subst|geo|sur`), plus `gaz` when the word or its case-stripped stem is a GeoNames place name
(`Mohylewie` -> `mohylew`), and `orghead` for capitalised organisation head words. It runs in
training (as an annotating component) and at run time alike.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy
from spacy.attrs import NORM, ORTH, TAG
from spacy.language import Language
from spacy.strings import StringStore
from spacy.tokens import Doc

from pipeline.annotate.stateless import StatelessComponent
from pipeline.lang import data_lines
from pipeline.normalise.morph import morfeusz

FEATURES_NAME = "pl_morph_features"
_PL = Path(__file__).resolve().parents[1] / "lang" / "pl"
_QUALIFIERS = _PL / "name_qualifiers.tsv"
_ENDINGS = _PL / "place_endings.tsv"


@lru_cache(maxsize=None)
def org_heads() -> frozenset[str]:
    """Lemmas that head organisation names (Fundacja, Ministerstwo, Klaster ...)."""
    from pipeline.lang import load_json

    return frozenset(load_json("pl", "org_heads.json")["heads"])


@lru_cache(maxsize=None)
def _endings() -> tuple[tuple[str, tuple[str, ...]], ...]:
    out = []
    for ln in data_lines(_ENDINGS):
        end, _, repl = ln.partition("\t")
        out.append((end, tuple(repl.split(",")) if repl else ("",)))
    return tuple(sorted(out, key=lambda e: -len(e[0])))


@lru_cache(maxsize=None)
def place_names() -> frozenset[str]:
    """Lower-cased one-word Latin-script names of GeoNames cities (pop. >= 15k) and countries
    (prebuilt by scripts/build_city_names.py)."""
    from pipeline.annotate.city_names import city_names

    return frozenset(city_names()["latin"])


def in_gazetteer(word: str) -> bool:
    """Whether a capitalised word, or its stem after a Polish case ending, is a known place name."""
    w = word.lower()
    names = place_names()
    if len(w) < 3:
        return False
    if w in names:
        return True
    for end, repls in _endings():
        if w.endswith(end) and len(w) - len(end) >= 3:
            stem = w[: -len(end)]
            if any(stem + r in names for r in repls):
                return True
    return False


@lru_cache(maxsize=None)
def _qualifier_map() -> dict[str, str]:
    out = {}
    for line in data_lines(_QUALIFIERS):
        q, feat = line.split("\t")[:2]
        out[q] = feat.strip()
    return out


@lru_cache(maxsize=200_000)
def lemmas(word: str) -> frozenset[str]:
    """Lower-cased lemmas of every interpretation (`Stowarzyszenie` -> stowarzyszenie, stowarzyszyć)."""
    return frozenset(lem.split(":", 1)[0].lower() for s, _, (_, lem, *_r) in morfeusz(expand_tags=False).analyse(word) if s == 0)


@lru_cache(maxsize=50_000)
def is_inhabitant_noun(word: str) -> bool:
    """SGJP knows the word as a masculine-personal common noun with a capitalised lemma (Polak, Brytyjczyk)."""
    for s, _, (_, lem, tag, qual, _) in morfeusz(expand_tags=False).analyse(word):
        if s == 0 and tag.startswith("subst") and "m1" in tag and lem[:1].isupper() and "nazwa_pospolita" in qual:
            return True
    return False


def is_org_head(word: str) -> bool:
    """A capitalised word one of whose lemmas heads organisation names."""
    return word[:1].isupper() and not lemmas(word).isdisjoint(org_heads())


@lru_cache(maxsize=500_000)
def analyse(word: str) -> tuple[str, str]:
    """(lemma, class) of a word form; unknown words keep their lower-cased form, class `ign`."""
    if not word.strip():
        return word, "space"
    quals = _qualifier_map()
    lemma, pos, names = "", "", set()
    for start, end, (orth, lem, tag, qual, _) in morfeusz(expand_tags=False).analyse(word):
        if start != 0:
            continue
        if not pos:
            lemma, pos = lem.split(":", 1)[0] if len(lem) > 1 else lem, tag.split(":", 1)[0]
        names.update(quals[q] for q in qual if q in quals)
    if not pos or pos == "ign":
        lemma, pos = word.lower(), "ign"
    if word[:1].isupper():
        if in_gazetteer(word):
            names.add("gaz")
        if is_org_head(word):
            names.add("orghead")
    return lemma.lower(), "|".join([pos, *sorted(names)])


# per string store: word hash -> (NORM id, TAG id); the strings are added to that store once
_FEATURE_IDS: dict[int, tuple[StringStore, dict[int, tuple[int, int]]]] = {}
_MAX_CACHED = 500_000


def _feature_ids(strings: StringStore) -> dict[int, tuple[int, int]]:
    entry = _FEATURE_IDS.get(id(strings))
    if entry is None or entry[0] is not strings or len(entry[1]) > _MAX_CACHED:
        entry = _FEATURE_IDS[id(strings)] = (strings, {})
    return entry[1]


def set_features(doc: Doc) -> Doc:
    """NORM = lower-cased lemma, TAG = part of speech + name qualifiers.

    Written as one array by hash id: per-token `norm_`/`tag_` string setters cost more than
    the (cached) analysis itself."""
    if not len(doc):
        return doc
    strings = doc.vocab.strings
    cache = _feature_ids(strings)
    rows = []
    for orth in doc.to_array(ORTH).tolist():
        ids = cache.get(orth)
        if ids is None:
            lemma, cls = analyse(strings[orth])
            ids = cache[orth] = (strings.add(lemma), strings.add(cls))
        rows.append(ids)
    doc.from_array([NORM, TAG], numpy.array(rows, dtype=numpy.uint64))
    return doc


class MorphFeatures(StatelessComponent):
    """spaCy component wrapper around `set_features` (no state to save)."""

    def __call__(self, doc: Doc) -> Doc:
        return set_features(doc)


@Language.factory(FEATURES_NAME)
def make_pl_morph_features(nlp: Language, name: str) -> MorphFeatures:
    return MorphFeatures()

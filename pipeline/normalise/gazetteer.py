"""Place linking against the compact GeoNames extract (`pipeline/data/gazetteer.txt.gz`,
built by `scripts/build_gazetteer.py`) plus rule-built administrative regions.

`link()` accepts inflected forms in Polish, Russian, Belarusian and Ukrainian: it tries the
surface, the given lemma, the Morfeusz/pymorphy lemmas and suffix-rule candidates
(`pipeline/lang/<xx>/place_suffixes.tsv`), and keeps the best-scoring gazetteer entry
(form closeness, canonical-name match, country hint, population). Regions (`obwodu
witebskiego`, `Гродненской области`, `gmina Supraśl`) become `loc:` places with Polish names.
"""
from __future__ import annotations

import gzip
import itertools
import json
import math
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from pipeline.lang import LANG_DIR, data_lines
from pipeline.normalise import morph
from pipeline.normalise.regions import parse_region
from pipeline.normalise.textnorm import fold, is_cyrillic, script_of
from pipeline.record import Place

DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "gazetteer.txt.gz"
MAX_WORDS = 4


@lru_cache(maxsize=1)
def suffix_rules() -> dict[str, list[tuple[str, str]]]:
    """language -> [(ending, replacement)] from lang/<xx>/place_suffixes.tsv."""
    rules: dict[str, list[tuple[str, str]]] = {}
    for path in sorted(LANG_DIR.glob("*/place_suffixes.tsv")):
        rows = []
        for line in data_lines(path):
            end, _, repl = line.partition("\t")
            rows.append((end, repl))
        rules[path.parent.name] = rows
    return rules


@lru_cache(maxsize=1)
def state_prefixes() -> tuple[str, ...]:
    path = LANG_DIR / "pl" / "state_prefixes.tsv"
    return tuple(fold(line) for line in data_lines(path))


@lru_cache(maxsize=1)
def _rule_scripts() -> dict[str, str]:
    """language -> script of its endings ('cyr' / 'lat')."""
    return {code: script_of("".join(e for e, _ in rows)) for code, rows in suffix_rules().items()}


def _rules_for(word: str, lang: str) -> list[tuple[str, str]]:
    """The language's own rules first, then those of every language written in the same
    script (a Russian name inside a Polish article still declines the Russian way)."""
    rules, scripts = suffix_rules(), _rule_scripts()
    script = "cyr" if is_cyrillic(word) else "lat"
    out = list(rules.get(lang, [])) if scripts.get(lang) == script else []
    for code in sorted(rules):
        if code != lang and scripts[code] == script:
            out.extend(rules[code])
    return out



# One order of magnitude of population: between namesakes of similar size the country the
# article is about decides (Shatsk RU 5.7k / UA 5.3k); against a far larger city it does not
# (Могилев: Mahilyow BY 353k, not Mohyliv UA 4k, even in an article about Ukraine).
CONTEXT_BONUS = 1.0


def size_score(place: Place, context: tuple[str, ...] = ()) -> float:
    """How likely a bare mention of the name means this place: log of its population, plus
    `CONTEXT_BONUS` if it lies in one of the `context` countries (those of the article's other
    places)."""
    return math.log10(place.population + 10) + (CONTEXT_BONUS if place.country_code in context else 0.0)

@dataclass(frozen=True)
class _Cand:
    form: str
    rank: int  # 0 surface, 1 morphological lemma, 2 suffix rule


MAX_MEMO = 200_000  # link() results kept per process


class _Places:
    """Place records, each parsed from its JSON line of the file on first access (fast start)."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        self._rows: dict[int, list] = {}
        self._made: dict[int, Place] = {}

    def __len__(self) -> int:
        return len(self.lines)

    def row(self, i: int) -> list:
        row = self._rows.get(i)
        if row is None:
            row = self._rows[i] = json.loads(self.lines[i])
        return row

    def __getitem__(self, i: int) -> Place:
        place = self._made.get(i)
        if place is None:
            place = self._made[i] = _place_from_row(self.row(i))
        return place

    def is_primary(self, i: int, folded: str) -> bool:
        """`folded` is the place's canonical (Polish or English) name."""
        return folded in self.row(i)[9]


class _Index:
    """Folded alias -> place positions (most populous first), found by binary search in the
    file's sorted `alias<TAB>ids` lines: nothing is built at load but the list of lines."""

    def __init__(self, lines: list[str]):
        self.lines = lines

    def get(self, alias: str, default=None) -> tuple[int, ...] | None:
        probe = alias + "\t"
        j = bisect_left(self.lines, probe)
        if j < len(self.lines) and self.lines[j].startswith(probe):
            return tuple(int(i) for i in self.lines[j][len(probe):].split())
        return default


@dataclass
class Gazetteer:
    places: _Places
    index: _Index
    keys: list[str]  # of the places, in order
    # link() results by its arguments: the same names recur in article after article
    _links: dict[tuple, Place | None] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def key_index(self) -> dict[str, int]:
        """Place key -> position, built on the first `get()`."""
        return dict(zip(self.keys, range(len(self.keys))))

    # -- lookup -----------------------------------------------------------------------
    def get(self, key: str) -> Place | None:
        """The place with this key (`geo:<id>`, `loc:<name>`), regions included."""
        i = self.key_index.get(key)
        place = self.places[i] if i is not None else None
        if place is None and key.startswith("loc:"):
            region = parse_region(key[4:], "pl", self)
            if region is not None and region.key == key:
                return region
        return place

    def knows(self, form: str) -> bool:
        """Some place is so named (exact, folded)."""
        return bool(self.index.get(fold(form)))

    def known_form(self, word: str, lang: str) -> str | None:
        """The first of a word's nominative candidates (lemmas, suffix rules; not the word
        itself) that some place is so named: `Mohylewie` -> `Mohylew`; None if none is."""
        return next((f for f, rank in _word_forms(word, lang) if rank > 0 and self.knows(f)), None)

    def population(self, form: str) -> int:
        """Population of the largest place so named (exact, folded); 0 where none."""
        ids = self.index.get(fold(form), ())
        return self.places[ids[0]].population if ids else 0

    def lookup(self, form: str) -> list[Place]:
        """Exact (folded) lookup of one form, most populous first."""
        return [self.places[i] for i in self.index.get(fold(form), [])]

    def link(self, surface: str, lemma: str | None, lang: str,
             context: tuple[str, ...] = ()) -> Place | None:
        """The place `surface` (possibly inflected) refers to, or None (memoised)."""
        key = (surface, lemma, lang, context)
        if key not in self._links:
            if len(self._links) >= MAX_MEMO:
                self._links.clear()
            self._links[key] = self._link(surface, lemma, lang, context)
        return self._links[key]

    def _link(self, surface: str, lemma: str | None, lang: str, context: tuple[str, ...]) -> Place | None:
        surface = surface.strip()
        if not surface or not any(c.isalpha() for c in surface):
            return None
        region = parse_region(surface, lang, self, context)
        if region is not None:
            return region
        if surface[0].islower() and (not lemma or lemma[0].islower()):
            return None  # derived adjectives (białoruskich) and common nouns are not places
        country = self.official_place(surface, lang)
        if country is not None:
            return country
        words = surface.split()
        if len(words) > 1 and words[-1].islower() and len(words[-1]) <= 2:
            return self.link(" ".join(words[:-1]), None, lang, context)  # `Witebsk w`
        best, best_score = None, -math.inf
        for cand in self._candidates(surface, lemma, lang):
            for i in self.index.get(fold(cand.form), ()):
                score = self._score(i, cand, context)
                if score > best_score:
                    best, best_score = self.places[i], score
        return best

    def official_place(self, surface: str, lang: str) -> Place | None:
        """`Republika Białorusi`, `Республика Польша`, `Miasto Chełm` -> the country/city."""
        first, _, rest = surface.partition(" ")
        if rest and fold(first).startswith(state_prefixes()):
            place = self.link(rest, None, lang)
            if place is not None and place.feature in ("country", "city"):
                return place
        return None

    def _score(self, i: int, cand: _Cand, context: tuple[str, ...]) -> float:
        place = self.places[i]
        score = (3.0, 1.5, 0.0)[cand.rank] + size_score(place, context)
        if self.places.is_primary(i, fold(cand.form)):
            score += 2.0
        if place.feature == "country":
            score += 4.0
        return score

    def _candidates(self, surface: str, lemma: str | None, lang: str) -> list[_Cand]:
        out: dict[str, _Cand] = {}

        def add(form: str, rank: int) -> None:
            if form and (form not in out or out[form].rank > rank):
                out[form] = _Cand(form, rank)

        add(surface, 0)
        if lemma:
            add(lemma, 1)
        words = surface.split()
        if len(words) > MAX_WORDS:
            return list(out.values())
        per_word = [_word_forms(w, lang) for w in words]
        for combo in itertools.islice(itertools.product(*per_word), 200):
            rank = max((r for _, r in combo), default=0)
            add(" ".join(f for f, _ in combo), rank)
        return sorted(out.values(), key=lambda c: c.rank)


@lru_cache(maxsize=50_000)
def _word_forms(word: str, lang: str) -> tuple[tuple[str, int], ...]:
    """(form, rank) candidates for one word: itself, morphological lemmas, suffix rules."""
    forms: dict[str, int] = {word: 0}
    if is_cyrillic(word):
        for p in morph.ru_parses(word)[:3]:
            forms.setdefault(_case_like(word, p.normal_form), 1)
    else:
        for lem, tag, _q in morph.pl_analyses(word):
            if not tag.startswith("ign"):
                forms.setdefault(_case_like(word, morph.base_lemma(lem)), 1)
    for end, repl in _rules_for(word, lang):
        if end and word.lower().endswith(end) and len(word) - len(end) >= 2:
            forms.setdefault(word[: len(word) - len(end)] + repl, 2)
    russian = _russian_spelling(word, lang)
    if russian:
        for form, _rank in _word_forms(russian, "ru"):
            forms.setdefault(form, 2)
    return tuple(forms.items())


def _russian_spelling(word: str, lang: str) -> str:
    """A Belarusian word in Russian spelling (Аўгустова -> Августова), '' when the same or not
    Belarusian: GeoNames lists few Belarusian forms of towns outside Belarus, while the Russian
    ones it has decline alike (ner_be_places.is_place reads them the same way)."""
    if lang != "be" or not is_cyrillic(word):
        return ""
    from pipeline.annotate.ner_be_map import to_russian_spelling

    russian = to_russian_spelling(word)
    return russian if russian != word else ""


def _case_like(model: str, word: str) -> str:
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def _place_from_row(row: list) -> Place:
    key, name, name_en, gid, cc, lat, lon, feature, pop = row[:9]
    return Place(key=key, name=name, name_en=name_en, geonames_id=gid, country_code=cc,
                 lat=lat, lon=lon, feature=feature, population=pop or 0)


def load(path: Path = DATA_FILE) -> Gazetteer:
    """Read the generated file (layout: scripts/build_gazetteer.py): the places' lines and the
    sorted alias lines, kept as text and parsed on use."""
    lines = gzip.decompress(path.read_bytes()).decode("utf-8").split("\n")
    header = json.loads(lines[0])
    n_places = header["places"]
    return Gazetteer(_Places(lines[1 : 1 + n_places]), _Index(lines[1 + n_places :]), header["keys"])


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (loaded once)."""
    return load()

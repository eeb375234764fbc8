"""Words of a sentence with their lemmas, and the per-language vocabulary they are matched to.

Triggers are matched on lemmas, not surface strings: Polish words go through Morfeusz2,
Russian through pymorphy3 (both via `pipeline.normalise.morph`). Belarusian and Ukrainian have
no lemmatiser installed, so their vocabulary is written as stems (`"match": "stem"` in their
`events.json`) and a token matches a stem it starts with. Cyrillic tokens are matched against
every Cyrillic vocabulary, because a Belarusian sentence labelled Russian (or the reverse) by
the segmenter must still find its triggers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

from pipeline.lang import load_json
from pipeline.normalise import morph

WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN_LANGS = ("pl",)
CYRILLIC_LANGS = ("ru", "be", "uk")


def fold(s: str) -> str:
    return s.lower().replace("ё", "е")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    lower: str
    lemmas: frozenset[str]
    tags: tuple[str, ...]  # morphological tags of every analysis (Morfeusz / pymorphy3)
    cyrillic: bool

    def has(self, lemma: str, stem: bool = False, exclude: tuple[str, ...] = ()) -> bool:
        if stem:
            return self.lower.startswith(lemma) and not any(self.lower.startswith(x) for x in exclude)
        return lemma in self.lemmas


@lru_cache(maxsize=200_000)
def _analyse(word: str) -> tuple[frozenset[str], tuple[str, ...], bool]:
    """Lemmas and tags of a word; a hyphenated compound also has its last part's
    ("бизнес-форум" is a форум)."""
    lemmas, tags, cyr = _analyse_one(word)
    if "-" in word.strip("-"):
        last = _analyse_one(word.rsplit("-", 1)[1])
        lemmas, tags = lemmas | last[0], tags + last[1]
    return lemmas, tags, cyr


def _analyse_one(word: str) -> tuple[frozenset[str], tuple[str, ...], bool]:
    low = fold(word)
    if CYRILLIC.search(word):
        parses = morph.ru_parses(low)[:4]
        lemmas = {fold(p.normal_form) for p in parses} | {low}
        return frozenset(lemmas), tuple(str(p.tag) for p in parses), True
    analyses = morph.pl_analyses(low) or _first_segment(low)
    lemmas = {morph.base_lemma(lem).lower() for lem, tag, _ in analyses if not tag.startswith("ign")} | {low}
    return frozenset(lemmas), tuple(tag for _, tag, _ in analyses), False


def _first_segment(word: str) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """Analyses of the first segment of a word Morfeusz splits ("gościliśmy" = gościli + śmy)."""
    return tuple((lemma, tag, tuple(q)) for a, b, (_o, lemma, tag, q, _l) in morph.morfeusz().analyse(word)
                 if a == 0 and b == 1)


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """The words of text[start:end] with absolute offsets, lemmas and tags."""
    out = []
    for m in WORD.finditer(text, start, end):
        lemmas, tags, cyr = _analyse(m.group())
        out.append(Token(m.start(), m.end(), m.group(), fold(m.group()), lemmas, tags, cyr))
    return out


class Vocab:
    """One language's `events.json`, with matching that knows lemma vs stem entries."""

    def __init__(self, lang: str, data: dict[str, Any]):
        self.lang = lang
        self.data = data
        self.stem = data.get("match") == "stem"
        self.exclude = tuple(fold(x) for x in data.get("stem_exclude", []))
        self._words: dict[str, list[str]] = {}
        # id of a list `words` returned -> (that list, its one-word entries as a set and a tuple)
        self._singles: dict[int, tuple[list[str], frozenset[str], tuple[str, ...]]] = {}
        self._tables: dict[int, tuple[dict[str, list[tuple[str, tuple[str, ...], str]]], ...]] = {}

    def words(self, key: str) -> list[str]:
        if key not in self._words:
            words = self._words[key] = [fold(w) for w in self.data.get(key, [])]
            self._singles[id(words)] = (words, *_one_word(words))
        return self._words[key]

    def token_is(self, tok: Token, entries: list[str]) -> bool:
        """Does the token match a one-word entry? (The hottest call of the extractor: the lists
        `words` returns come with their one-word entries precomputed.)"""
        known = self._singles.get(id(entries))
        as_set, as_tuple = known[1:] if known is not None and known[0] is entries else _one_word(entries)
        if self.stem:
            return tok.lower.startswith(as_tuple) and not (self.exclude and tok.lower.startswith(self.exclude))
        return not as_set.isdisjoint(tok.lemmas)

    def match_at(self, tokens: list[Token], i: int, entry: str) -> int:
        """Number of tokens `entry` (a lemma/stem sequence) covers starting at token i, or 0."""
        return self._match_parts(tokens, i, tuple(entry.split()))

    def _match_parts(self, tokens: list[Token], i: int, parts: tuple[str, ...]) -> int:
        if i + len(parts) > len(tokens):
            return 0
        for k, part in enumerate(parts):
            if not tokens[i + k].has(part, self.stem, self.exclude):
                return 0
        return len(parts)

    def _index(self, table: dict[str, list[str]]):
        """Entries of a label -> entries table, indexed by their first lemma (lemma mode) and
        by the first letter of their first stem (stem mode), each in table order."""
        key = id(table)
        if key not in self._tables:
            by_first: dict[str, list[tuple[str, tuple[str, ...], str]]] = {}
            by_letter: dict[str, list[tuple[str, tuple[str, ...], str]]] = {}
            for label, entries in table.items():
                for e in entries:
                    parts = tuple(fold(e).split())
                    by_first.setdefault(parts[0], []).append((label, parts, fold(e)))
                    by_letter.setdefault(parts[0][:1], []).append((label, parts, fold(e)))
            self._tables[key] = (by_first, by_letter)
        return self._tables[key]

    def find(self, tokens: list[Token], i: int, table: dict[str, list[str]]) -> tuple[str, int, str] | None:
        """Longest (label, n_tokens, entry) of `table` starting at token i."""
        by_first, by_letter = self._index(table)
        tok = tokens[i]
        if self.stem:
            cands = [x for x in by_letter.get(tok.lower[:1], ()) if tok.has(x[1][0], True, self.exclude)]
        else:
            cands = [x for lem in tok.lemmas for x in by_first.get(lem, ())]
        best = None
        for label, parts, entry in cands:
            n = self._match_parts(tokens, i, parts)
            if n and (best is None or n > best[1] or (n == best[1] and entry < best[2])):
                best = (label, n, entry)
        return best


def any_word(vs: Iterable[Vocab], tok: Token, key: str) -> bool:
    """Does the token match a one-word entry of the list `key` in any of the vocabularies?"""
    return any(v.token_is(tok, v.words(key)) for v in vs)


def _one_word(entries: list[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    one = tuple(e for e in entries if " " not in e)
    return frozenset(one), one


@lru_cache(maxsize=None)
def vocab(lang: str) -> Vocab | None:
    data = load_json(lang, "events.json")
    return Vocab(lang, data) if data else None


def vocabs_for(tok: Token, sentence_lang: str) -> tuple[Vocab, ...]:
    """The vocabularies a token is matched against: the sentence's language first, then the
    other languages of its script. A Russian sentence is read with Russian lemmas only:
    Belarusian/Ukrainian stems ("договор", "дамов") would misread Russian words."""
    return _vocabs_for(tok.cyrillic, sentence_lang)


def sentence_vocabs(tokens: list[Token], sentence_lang: str) -> tuple[Vocab, ...]:
    """The vocabularies a sentence's cue words are matched against: those of the script most of
    its words are written in (a Russian sentence opening with a date, "4 июня 2019 года ...", or
    an acronym, "PFRR и ...", is still read with Russian words)."""
    words = [t for t in tokens if not t.text.isdigit()]
    cyrillic = sum(t.cyrillic for t in words) * 2 > len(words) if words else sentence_lang in CYRILLIC_LANGS
    return _vocabs_for(cyrillic, sentence_lang)


@lru_cache(maxsize=None)
def _vocabs_for(cyrillic: bool, sentence_lang: str) -> tuple[Vocab, ...]:
    langs = CYRILLIC_LANGS if cyrillic else LATIN_LANGS
    if sentence_lang == "ru" and cyrillic:
        langs = ("ru",)
    order = [sentence_lang] if sentence_lang in langs else []
    order += [lang for lang in langs if lang not in order]
    return tuple(v for v in (vocab(lang) for lang in order) if v is not None)


def sentence_vocab(lang: str) -> Vocab:
    """The vocabulary for sentence-level cues (tense, organiser cues) of a sentence in `lang`."""
    return vocab(lang) or vocab("ru" if lang in CYRILLIC_LANGS else "pl")  # type: ignore[return-value]

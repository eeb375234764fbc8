"""Name lemmatisation: `lemmatise(text, lang, label)` -> nominative (base) form.

Polish goes through Morfeusz2, Russian through pymorphy3, Belarusian and Ukrainian through
ending rules; all share the head-and-agreement logic of `agreement.py`. Quoted parts
(„Mohylew”, «Гродноинвест») stay as written. Single unknown words of place names
(Mohylewie, Nowopołocku) are resolved by suffix rules checked against the gazetteer.
"""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.normalise.agreement import Analysis, Engine, lemmatise_words
from pipeline.normalise.lemmas_pl import PolishEngine
from pipeline.normalise.lemmas_ru import RussianEngine
from pipeline.normalise.lemmas_rules import RuleEngine, has_rules
from pipeline.normalise.textnorm import fold, is_cyrillic

UNCHANGED_LABELS = frozenset({"DATE", "TIME"})
_TOKEN = re.compile(r"[„\"«“‘‚][^„\"«“”»’]*[”\"»“’]|[\s]+|[^\s„\"«“]+|.", re.S)
_APOSTROPHE = re.compile(r"^(\w+)['’](a|owi|em|u|ego|emu|iem|ie|y|go|m)$")
# label -> qualifier kinds preferred when a word has several readings
_PREFERRED_KINDS = {"LOC": ("geo",), "PER": ("name", "surname"), "ORG": ("org", "common")}
_DICTIONARY_ENGINES: dict[str, Engine] = {"lat": PolishEngine(), "cyr": RussianEngine()}


@lru_cache(maxsize=None)
def _engine(lang: str, cyrillic: bool) -> Engine:
    """Rule engine where the language has ending rules for this script, else the
    dictionary engine of the script (Morfeusz for Latin, pymorphy for Cyrillic)."""
    if cyrillic and has_rules(lang):
        return RuleEngine(lang)
    return _DICTIONARY_ENGINES["cyr" if cyrillic else "lat"]


def _prefer(label: str, word_is_title: bool):
    kinds = _PREFERRED_KINDS.get(label, ())

    def key(a: Analysis) -> tuple:
        kind_hit = any(k in a.kinds for k in kinds)
        cap_ok = a.lemma[:1].isupper() == word_is_title
        geo = _gazetteer_rank(a.lemma) if label == "LOC" else (False, 0)
        return (kind_hit, geo, cap_ok)

    return key


def _gazetteer_rank(form: str) -> tuple[bool, int]:
    """(is the canonical name of a place, population of the largest place so named)."""
    from pipeline.normalise.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    ids = gaz.index.get(fold(form), ())
    if not ids:
        return (False, 0)
    return (any((fold(form), i) in gaz.primary for i in ids), gaz.places[ids[0]].population)


def _in_gazetteer(form: str) -> bool:
    from pipeline.normalise.gazetteer import get_gazetteer

    return bool(get_gazetteer().index.get(fold(form)))


def tokens(text: str) -> list[str]:
    """Words, whitespace runs and quoted parts (one token each, so they stay untouched)."""
    return _TOKEN.findall(text)


@lru_cache(maxsize=200_000)
def lemmatise(text: str, lang: str, label: str) -> str:
    """Nominative form of a name mention (`Podlaską Fundacją Rozwoju Regionalnego` ->
    `Podlaska Fundacja Rozwoju Regionalnego`). DATE/TIME are returned unchanged."""
    if label in UNCHANGED_LABELS or not text.strip():
        return text
    words = tokens(text)
    engine = _engine(lang, is_cyrillic(text))
    title = text[:1].isupper()
    out = lemmatise_words(words, engine, label, _prefer(label, title))
    out = [_strip_apostrophe(w) for w in out]
    if label == "LOC":
        out = _unknown_places(out, words, lang)
    return "".join(out)


def _strip_apostrophe(word: str) -> str:
    """Foreign names inflected with an apostrophe: `Farage'a` -> `Farage`."""
    m = _APOSTROPHE.match(word)
    return m.group(1) if m else word


def _unknown_places(out: list[str], words: list[str], lang: str) -> list[str]:
    """A place word left unchanged and not itself in the gazetteer: the first suffix-rule
    candidate that is (Mohylewie -> Mohylew, Наваполацку -> Наваполацк)."""
    from pipeline.normalise.gazetteer import _word_forms

    alpha = [i for i, w in enumerate(words) if any(c.isalpha() for c in w)]
    if len(alpha) != 1:
        return out
    i = alpha[0]
    if out[i] != words[i] or _in_gazetteer(words[i]):
        return out
    for form, rank in _word_forms(words[i], lang):
        if rank > 0 and _in_gazetteer(form):
            out = list(out)
            out[i] = form
            break
    return out


def is_derived_adjective(text: str, lang: str) -> bool:
    """`białoruskich`, `белорусских`, `Białoruskie`: an adjective derived from a place name,
    not a place. Words that are themselves gazetteer names (`Podlasie`) are places."""
    words = [w for w in tokens(text) if any(c.isalpha() for c in w)]
    if len(words) != 1 or _in_gazetteer(words[0]):
        return False
    if words[0][:1].islower():
        return True
    engine = _engine(lang, is_cyrillic(text))
    readings = engine.analyse(words[0])
    adj = any(a.pos == "adj" for a in readings)
    proper_noun = any(a.pos == "noun" and a.kinds & {"geo", "name", "surname", "org"} for a in readings)
    return adj and not proper_noun

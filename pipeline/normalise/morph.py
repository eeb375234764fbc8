"""Shared, lazily created morphological analysers (Morfeusz2 for Polish, pymorphy3 for
Russian). Creating them costs time and memory, so every module goes through here."""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import morfeusz2


@lru_cache(maxsize=2)
def morfeusz(expand_tags: bool = True) -> morfeusz2.Morfeusz:
    """The process's one Morfeusz2 (SGJP dictionary, analysis and generation).

    `expand_tags=True` gives one tag per analysis (`subst:sg:nom:m1`); `False` keeps SGJP's
    compact tags (`subst:sg:nom.acc:m3`). Both views share one native instance: creating an
    instance costs ~0.1 s and memory, and the flag only acts in the Python wrapper."""
    import copy

    import morfeusz2

    if not expand_tags:
        compact = copy.copy(morfeusz())  # shallow: shares the native analyser
        compact.expand_tags = False
        return compact
    return morfeusz2.Morfeusz(expand_tags=True, whitespace=morfeusz2.SKIP_WHITESPACES)


@lru_cache(maxsize=1)
def pymorphy():
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def base_lemma(lemma: str) -> str:
    """Morfeusz lemmas carry homonym marks (`Homel:Sm3`, `biały:A`); strip them."""
    return lemma.split(":", 1)[0]


@lru_cache(maxsize=100_000)
def pl_analyses(word: str) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(lemma, tag, qualifiers) for each Morfeusz analysis of a one-segment word."""
    analyses = _pl_raw(word)
    if any(end > 1 for _s, end, _a in analyses):
        return ()  # the word splits into several segments (PZL.23, abbreviations): not a form
    return tuple((lemma, tag, tuple(quals)) for _s, _e, (_o, lemma, tag, quals, _l) in analyses)


@lru_cache(maxsize=20_000)
def _pl_raw(word: str) -> tuple:
    """Morfeusz's own analyses of a word, shared by `pl_analyses` and `pl_labels` (one call)."""
    return tuple(morfeusz().analyse(word))


@lru_cache(maxsize=100_000)
def pl_labels(word: str) -> dict[tuple[str, str], tuple[str, ...]]:
    """(lemma, tag) -> SGJP's usage labels of that analysis (`daw.`, `pot.`; a label may
    join several with commas), for the analyses that have any."""
    return {(lemma, tag): tuple(part for label in labels for part in label.split(","))
            for _s, _e, (_o, lemma, tag, _q, labels) in _pl_raw(word) if labels}


@lru_cache(maxsize=100_000)
def pl_generate(lemma: str) -> tuple[tuple[str, str], ...]:
    """(form, tag) for every form Morfeusz generates from a lemma (with homonym mark)."""
    try:
        return tuple((orth, tag) for orth, _lem, tag, _q, _l in morfeusz().generate(lemma))
    except RuntimeError:
        return ()


@lru_cache(maxsize=100_000)
def ru_parses(word: str):
    """pymorphy3 parses of one Russian word, most probable first."""
    return tuple(pymorphy().parse(word))

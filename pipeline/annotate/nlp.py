"""One spaCy pipeline per language, loaded once per process.

Which loader serves a language is declared in `pipeline/lang/<xx>/` (`NLP`), so adding a
language never touches this module.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from pipeline.lang import lang_data, resolve

if TYPE_CHECKING:  # spaCy itself is imported by the loaders: `import pipeline.annotate` stays light
    from spacy.language import Language


@lru_cache(maxsize=None)
def load_blank() -> Language:
    """Tokens and punctuation-based sentences for languages without a model of their own."""
    import spacy

    nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    return nlp


@lru_cache(maxsize=None)
def get_nlp(lang: str) -> Language:
    return resolve(lang_data(lang, "NLP"))()


def fragment_ner(lang: str):
    """The function that finds entities in a short embedded fragment, or None."""
    dotted = lang_data(lang, "FRAGMENT_NER")
    return resolve(dotted) if dotted else None

"""natasha's slovnet NER (news model, navec embeddings shipped in the wheel), loaded once.

Kept apart from the spaCy wrapper so that evaluation can time bare natasha on the same texts.
slovnet tags a whole text as one sequence and returns character offsets into that text.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

Span = tuple[int, int, str]


@lru_cache(maxsize=1)
def tagger():
    """The NewsNERTagger; loading navec + the model takes ~1 s, so only once per process."""
    from natasha import NewsEmbedding, NewsNERTagger

    return NewsNERTagger(NewsEmbedding())


def natasha_spans(text: str) -> list[Span]:
    """PER/ORG/LOC spans of natasha on `text` as (start, end, label), offsets into `text`."""
    if not text.strip():
        return []
    return [(s.start, s.stop, s.type) for s in tagger()(text).spans]


def natasha_spans_many(texts: Iterable[str]) -> Iterator[list[Span]]:
    """Batched `natasha_spans` (slovnet batches sequences; faster than one call per text)."""
    texts = list(texts)
    nonempty = [t for t in texts if t.strip()]
    marks = iter(tagger().map(nonempty)) if nonempty else iter(())
    for t in texts:
        if not t.strip():
            yield []
        else:
            yield [(s.start, s.stop, s.type) for s in next(marks).spans]

"""Base for spaCy components whose rules and data ship with the package (nothing to serialise)."""
from __future__ import annotations

from typing import Iterable, Iterator, Sequence

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc


class StatelessComponent:
    """Subclasses implement `__call__(doc) -> doc`; batching and (empty) serialisation come from here."""

    def __call__(self, doc: Doc) -> Doc:  # pragma: no cover - abstract
        raise NotImplementedError

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)

    def to_disk(self, path, exclude=()):
        return None

    def from_disk(self, path, exclude=()):
        return self

    def to_bytes(self, exclude=()) -> bytes:
        return b""

    def from_bytes(self, data, exclude=()):
        return self


def write_sent_starts(doc: Doc, starts: Sequence[bool | None]) -> Doc:
    """`Token.is_sent_start` of every token in one array write (None keeps the token's value).

    Setting the attribute token by token checks the whole doc for a parse each time, which is
    quadratic in the doc's length; the array holds what that setter stores (1 / -1)."""
    if not len(doc):
        return doc
    values = doc.to_array(SENT_START).view(numpy.int64)
    for i, flag in enumerate(starts):
        if flag is not None:
            values[i] = 1 if flag else -1
    doc.from_array([SENT_START], values.view(numpy.uint64))
    return doc

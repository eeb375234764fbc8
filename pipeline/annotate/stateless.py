"""Base for spaCy components whose rules and data ship with the package (nothing to serialise)."""
from __future__ import annotations

from typing import Iterable, Iterator

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

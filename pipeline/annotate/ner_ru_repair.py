"""Repairs of natasha's Russian NER output (placeholder: spans pass through unchanged)."""
from __future__ import annotations

Span = tuple[int, int, str]


def repair(text: str, spans: list[Span], heads_lang: str) -> list[Span]:
    return list(spans)

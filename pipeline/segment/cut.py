"""Turn decided units into contiguous segments: merge equal neighbours, then cut each gap.

Where a gap between two segments is cut follows the brackets and quotes in it: a mark
paired with one inside the left segment stays left, one paired with one inside the right
segment goes right, and a mark that encloses a segment belongs to the text around it — so
`… „Mohylew” (свободной … «Могилев») …` gives a Russian segment from `с` to `»`, with
the parentheses in the Polish text. Other neutral characters stay with the left segment.
"""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.record import Segment
from pipeline.segment.units import pair_brackets


@dataclass
class Run:
    start: int  # first letter
    end: int  # after the last letter
    language: str
    confidence: float
    letters: int


def merge(runs: list[Run]) -> list[Run]:
    """Join neighbouring runs of one language (confidence weighted by letters)."""
    out: list[Run] = []
    for r in runs:
        if out and out[-1].language == r.language:
            last = out[-1]
            total = last.letters + r.letters
            conf = (last.confidence * last.letters + r.confidence * r.letters) / total if total else r.confidence
            out[-1] = Run(last.start, r.end, r.language, conf, total)
        else:
            out.append(Run(r.start, r.end, r.language, r.confidence, r.letters))
    return out


def _cut(left: Run, right: Run, partner: dict[int, int]) -> int:
    must_left = must_right = None
    for p in range(left.end, right.start):
        q = partner.get(p)
        if q is None:
            continue
        if q < p:  # a closer
            goes_left = q >= left.start
        else:  # an opener: right only if its closer is strictly inside the right run
            goes_left = q >= right.end
        if goes_left:
            must_left = p
        elif must_right is None:
            must_right = p
    if must_left is not None:
        return must_left + 1
    if must_right is not None:
        return must_right
    return right.start


def to_segments(text: str, runs: list[Run], start: int, end: int) -> list[Segment]:
    """Segments covering text[start:end] exactly, one per merged run."""
    runs = merge(runs)
    if not runs:
        return [Segment(start, end, "und", 0.0)] if start < end else []
    partner = pair_brackets(text, start, end)
    bounds = [start] + [_cut(a, b, partner) for a, b in zip(runs, runs[1:])] + [end]
    return [
        Segment(bounds[i], bounds[i + 1], r.language, round(r.confidence, 4))
        for i, r in enumerate(runs)
    ]

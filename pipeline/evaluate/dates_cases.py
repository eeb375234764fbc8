"""The written date cases (`tests/data/dates_cases.tsv`) and how a result is compared to them.

Shared by the parametrised test and the benchmark, so both count the same way: a case is
exact when the annotator's DATE values, in text order, with TIME values as ``T:hh:mm``, equal
the expected list. A negative case (empty expected) passes when no DATE is found.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from pipeline.annotate.dates import DateMatch
from pipeline.paths import REPO_ROOT

CASES_PATH = REPO_ROOT / "tests" / "data" / "dates_cases.tsv"


@dataclass(frozen=True)
class Case:
    line: int
    lang: str
    anchor: dt.date
    expected: tuple[str, ...]
    text: str

    @property
    def negative(self) -> bool:
        return not self.expected

    @property
    def dates(self) -> tuple[str, ...]:
        return tuple(v for v in self.expected if not v.startswith("T:"))


def load_cases(path: Path = CASES_PATH) -> list[Case]:
    cases = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        lang, anchor, expected, text = raw.split("\t")
        values = tuple(v for v in expected.split(";") if v)
        cases.append(Case(n, lang, dt.date.fromisoformat(anchor), values, text))
    return cases


def render(matches: list[DateMatch]) -> tuple[str, ...]:
    """The comparable form of an annotator result (DATE values, `T:`-prefixed TIME values)."""
    return tuple(m.value if m.label == "DATE" else f"T:{m.value}" for m in matches)


def case_passes(case: Case, found: tuple[str, ...]) -> bool:
    if case.negative:
        return not [v for v in found if not v.startswith("T:")]
    return found == case.expected

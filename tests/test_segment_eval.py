"""The evaluation's references and the accuracy goals of issue 4 (default backend)."""
from __future__ import annotations

import pytest

from pipeline.evaluate.segments import (
    MIXED_LIST,
    SHORT_LIST,
    _ours,
    devset_docs,
    devset_languages,
    evaluate,
    tsv_docs,
)
from pipeline.segment import DEFAULT_BACKEND

README_PIECE = """
| main language | articles |
|---|---|
| pl (3) | 001–002, 022#pl-0412 |
| ru (1) | 010 |

- **Russian inside Polish:** 001 (a name, a quote). These are names.
- **Ukrainian inside Polish:** 002 and 022#pl-0412.
- **Latin-script names inside Cyrillic articles:** 010.
"""


def test_readme_tables_parse():
    main, embedded = devset_languages(README_PIECE)
    assert main == {"001": "pl", "002": "pl", "022#pl-0412": "pl", "010": "ru"}
    assert embedded == {"001": "ru", "002": "uk", "022#pl-0412": "uk"}


def test_short_list_goal():
    docs = tsv_docs(SHORT_LIST)
    assert len(docs) >= 60
    assert {d.name.split(":")[0] for d in docs} == {"pl", "ru", "be", "uk"}
    assert all(1 <= len(d.text.split()) <= 5 for d in docs)
    score, _ = evaluate(docs, _ours(DEFAULT_BACKEND))
    assert score.correct / score.letters >= 0.95


def test_mixed_markup_and_accuracy():
    docs = tsv_docs(MIXED_LIST)
    assert len(docs) >= 30
    assert all("[" not in d.text for d in docs)
    ru_in_pl = docs[0]
    piece = [i for i in sorted(ru_in_pl.embedded)]
    assert ru_in_pl.text[piece[0]] == "М" and ru_in_pl.reference[piece[0]] == "ru"
    score, errors = evaluate(docs, _ours(DEFAULT_BACKEND))
    assert score.correct / score.letters >= 0.95, errors[:5]
    assert score.embedded_correct / score.embedded >= 0.95, errors[:5]


@pytest.mark.needs_shared
def test_devset_goal(shared):
    docs = devset_docs(shared / "devset")
    assert len(docs) == 24
    assert sum(len(d.embedded) for d in docs) > 500  # the foreign-script names and quotes are scored
    score, errors = evaluate(docs, _ours(DEFAULT_BACKEND))
    assert score.correct / score.letters >= 0.99, errors[:5]
    assert score.embedded_correct / score.embedded >= 0.99, errors[:5]

"""Regression floors for lemmatisation and place linking on the shared gold data (skipped
where ../shared is absent). The full figures come from `python -m pipeline.evaluate.lemmas`
and `python -m pipeline.evaluate.linking`; these only guard against large regressions."""
from __future__ import annotations

import pytest

from pipeline.paths import shared_dir

pytestmark = pytest.mark.needs_shared


def _root():
    root = shared_dir()
    if not (root / "ner").exists() or not (root / "devset").exists():
        pytest.skip(f"{root} has no ner/ or devset/ (set PIPELINE_SHARED)")
    return root


@pytest.mark.parametrize("lang,floor", [("pl", 0.9), ("ru", 0.9)])
def test_slavicner_lemma_accuracy_floor(lang, floor):
    from pipeline.evaluate.lemmas import score, slavicner_items

    res = score(slavicner_items(_root(), lang), limit=1500, seed=3)
    assert res["accuracy"] >= floor, res["errors"][:10]


def test_poleval_lemma_accuracy_floor():
    from pipeline.evaluate.lemmas import poleval_items, score

    res = score(poleval_items(_root()), limit=1500, seed=3)
    assert res["accuracy"] >= 0.85, res["errors"][:10]


def test_devset_place_linking_scan():
    from pipeline.evaluate.linking import load_devset, scan_places
    from pipeline.evaluate.linking import score as link_score

    res = link_score(load_devset(_root()), scan_places)
    assert res["recall"] >= 0.95
    assert res["precision"] >= 0.85  # a lower bound: the scan has no NER (see the module)

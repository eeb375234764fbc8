"""Date annotator against the devset gold (needs ../shared; skipped without it)."""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline.annotate.dates import find_dates

pytestmark = pytest.mark.needs_shared


@pytest.fixture(scope="module")
def gold():
    from pipeline.evaluate.dates_devset import load_gold_dates

    return load_gold_dates()


def test_stated_dates_found_in_their_sentences(gold):
    from pipeline.evaluate.dates import event_dates

    items, _ = gold
    stated = [i for i in items if not i.inferred]
    hits = sum(i.value in event_dates(i.sentence, i.lang, i.anchor) for i in stated)
    assert len(stated) >= 40 and hits / len(stated) >= 0.95


def test_no_false_dates_in_maj_nie_sie(gold):
    _, articles = gold
    article = articles["021_hard_maj_nie_sie.txt"]
    found = find_dates(article.text[article.body_start:], "pl", dt.date.fromisoformat(article.published))
    assert [d.value for d in found if d.label == "DATE"] == ["2019-05-18"]

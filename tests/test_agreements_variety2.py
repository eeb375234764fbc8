"""A second round of agreements told in ways neither the devset nor tests/data/agreements_variety
shows (tests/data/agreements_variety2, own-written): whole Ukrainian and Belarusian articles,
documents listed after "podpisano:" or in a visit programme, two documents between different
pairs in one sentence, officials standing for their institutions, a town and a district, one
party named with "partnerem z ..." and named in the next sentence, the document named only in
the headline, "zawarto porozumienie" / "umowa została zawarta" / "parafowano", "дорожная карта",
"протокол о сотрудничестве", twinning, a trilateral agreement, relative days ("w ubiegły
piątek", "в минувший четверг") and a dateline, signings announced with a place, and negatives
("szereg umów", a declared wish to sign).

The run is slow and the scorer lives in ../shared: `pytest --runslow tests/test_agreements_variety2.py`.
The floors sit a little below the figures measured when the set was added, so that they guard
the constructions, not the exact figure.
"""
from __future__ import annotations

import json

import pytest

from pipeline.paths import REPO_ROOT
from tests.gold_sets import gold_items, set_figures

SET = REPO_ROOT / "tests" / "data" / "agreements_variety2"
GOLD = sorted((SET / "gold").glob("*.json"))


def test_every_article_has_its_gold_and_evidence_in_its_body():
    assert len(GOLD) >= 20
    for g, d, body in gold_items(SET):
        for item in d["events"] + d["agreements"]:
            assert len(item["evidence"].split()) <= 12, item["evidence"]
            assert " ".join(item["evidence"].split()) in body, (g.name, item["evidence"])
        for a in d["agreements"]:
            assert len(a["parties"]) >= 2 and a["status"] in {"signed", "planned"}, g.name


def test_the_set_holds_whole_uk_and_be_articles_negatives_and_several_agreements():
    golds = [json.loads(g.read_text(encoding="utf-8")) for g in GOLD]
    counts = [len(d["agreements"]) for d in golds]
    assert 0 in counts and max(counts) >= 3
    assert {"uk", "be", "ru", "pl"} <= {d["language"] for d in golds}
    assert any(len(a["parties"]) == 3 for d in golds for a in d["agreements"])


@pytest.fixture(scope="module")
def figures(tmp_path_factory) -> dict:
    return set_figures(SET, tmp_path_factory.mktemp("agreements_variety2"))


@pytest.mark.slow
@pytest.mark.needs_shared
def test_agreements_reach_the_floor(figures):
    s = figures["agreements"]
    assert s["P"] >= 0.8 and s["R"] >= 0.55, s

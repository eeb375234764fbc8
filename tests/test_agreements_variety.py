"""Agreements told in ways the devset does not show (tests/data/agreements_variety, written for
these tests): `list intencyjny` signed by "strony", `zawarto` / `parafowano`, "Podpisanie umowy
odbyło się ...", a signing announced for a later day, a document named first and signed in a
later paragraph, two agreements in one article, parties after the verb, as acronyms or as towns'
authorities, Russian and Belarusian wording, and agreements only discussed (no row).

The run is slow and the scorer lives in ../shared: `pytest --runslow tests/test_agreements_variety.py`.
The floor sits a little below the figure measured when the set was written (agreements F1 1.000),
so that it guards the constructions, not the exact figure.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.evaluate.events import score
from pipeline.evaluate.heldout import run_heldout
from pipeline.paths import REPO_ROOT

SET = REPO_ROOT / "tests" / "data" / "agreements_variety"
ARTICLES = sorted((SET / "articles").glob("*.txt"))
GOLD = sorted((SET / "gold").glob("*.json"))


def test_every_article_has_its_gold_and_evidence_in_its_body():
    assert len(ARTICLES) >= 12
    assert [a.stem for a in ARTICLES] == [g.stem for g in GOLD]
    for g in GOLD:
        d = json.loads(g.read_text(encoding="utf-8"))
        text = (SET / "articles" / d["source"]).read_text(encoding="utf-8")
        assert f"\npublished: {d['published']}\n" in text, g.name
        body = " ".join(text.split("\n\n", 1)[1].split())
        for item in d["events"] + d["agreements"]:
            assert len(item["evidence"].split()) <= 12, item["evidence"]
            assert " ".join(item["evidence"].split()) in body, (g.name, item["evidence"])
        for a in d["agreements"]:
            assert len(a["parties"]) >= 2 and a["status"] in {"signed", "planned"}, g.name


def test_the_set_holds_negatives_and_two_agreements_in_one_article():
    counts = [len(json.loads(g.read_text(encoding="utf-8"))["agreements"]) for g in GOLD]
    assert 0 in counts and 2 in counts


@pytest.fixture(scope="module")
def figures(tmp_path_factory) -> dict:
    out: Path = tmp_path_factory.mktemp("agreements_variety")
    run_heldout(out / "run", SET / "articles")
    assert score(out / "run", SET / "gold", 0, out / "figures.json") == 0
    return json.loads((out / "figures.json").read_text(encoding="utf-8"))["summary"]


@pytest.mark.slow
@pytest.mark.needs_shared
def test_agreements_reach_the_floor(figures):
    s = figures["agreements"]
    assert s["F1"] >= 0.9, s
    assert s["P"] >= 0.85 and s["R"] >= 0.85, s


@pytest.mark.slow
@pytest.mark.needs_shared
def test_matched_agreements_keep_their_date_type_and_status(figures):
    assert figures["ag_date"]["acc"] >= 0.9
    assert figures["ag_agreement_type"]["acc"] >= 0.9
    assert figures["ag_status"]["acc"] >= 0.9

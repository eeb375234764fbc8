"""The held-out evaluation runs end to end: the set is well formed and the scorer links every
article. Sanity only: score thresholds on this set would invite tuning to it."""
from __future__ import annotations

import json
import re

import pytest

from pipeline.evaluate import heldout

ARTICLES = sorted((heldout.HELDOUT / "articles").glob("*.txt"))
GOLD = sorted((heldout.HELDOUT / "gold").glob("*.json"))


def test_every_article_has_its_gold():
    assert len(ARTICLES) == 12
    assert [a.stem for a in ARTICLES] == [g.stem for g in GOLD]
    for g in GOLD:
        d = json.loads(g.read_text(encoding="utf-8"))
        assert d["source"] == g.stem + ".txt"
        assert d["language"] in {"pl", "ru", "be"}


def test_evidence_quotes_are_in_the_body():
    for g in GOLD:
        d = json.loads(g.read_text(encoding="utf-8"))
        text = (heldout.HELDOUT / "articles" / d["source"]).read_text(encoding="utf-8")
        body = " ".join(text.split("\n\n", 1)[1].split())
        assert re.search(rf"^published: {d['published']}$", text, re.M), g.name
        for item in d["events"] + d["agreements"]:
            assert len(item["evidence"].split()) <= 12, item["evidence"]
            assert " ".join(item["evidence"].split()) in body, (g.name, item["evidence"])


@pytest.mark.needs_shared
def test_scorer_runs_and_links_all_articles(tmp_path, capfd):
    rc = heldout.main(["--out", str(tmp_path / "out"), "--json", str(tmp_path / "figures.json")])
    printed = capfd.readouterr().out
    assert rc == 0, printed
    assert "12 gold articles, 12 linked to predictions" in printed
    figures = json.loads((tmp_path / "figures.json").read_text(encoding="utf-8"))
    assert figures["summary"]["articles_linked"] == 12
    assert sorted(a["gold_file"] for a in figures["articles"]) == [g.name for g in GOLD]

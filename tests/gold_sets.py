"""Own-written article sets with gold (tests/data/<set>/articles and gold): the checks every
such set shares, and its figures from one pipeline run scored as the devset is."""
from __future__ import annotations

import json
from pathlib import Path

from pipeline.evaluate.events import score
from pipeline.evaluate.heldout import run_heldout


def gold_items(root: Path):
    """(gold file, its JSON, the article's body with white space folded), after checking
    that the articles and gold files pair up and each gold's `published` is the article's."""
    articles = sorted((root / "articles").glob("*.txt"))
    gold = sorted((root / "gold").glob("*.json"))
    assert [a.stem for a in articles] == [g.stem for g in gold]
    for g in gold:
        d = json.loads(g.read_text(encoding="utf-8"))
        text = (root / "articles" / d["source"]).read_text(encoding="utf-8")
        assert f"\npublished: {d['published']}\n" in text, g.name
        yield g, d, " ".join(text.split("\n\n", 1)[1].split())


def check_gold(root: Path, max_words: int | None = None) -> int:
    """Every gold event's and agreement's evidence stands in its article's body (an evidence
    may skip words with "..."), in at most `max_words` words; every agreement has two parties
    and a status. Returns the number of articles checked."""
    n = 0
    for g, d, body in gold_items(root):
        n += 1
        for item in d["events"] + d["agreements"]:
            assert max_words is None or len(item["evidence"].split()) <= max_words, item["evidence"]
            for part in item["evidence"].split("..."):
                assert " ".join(part.split()) in body, (g.name, item["evidence"])
        for a in d["agreements"]:
            assert len(a["parties"]) >= 2 and a["status"] in {"signed", "planned"}, g.name
    return n


def set_figures(root: Path, out: Path) -> dict:
    """Run the pipeline over the set's articles and score them against its gold."""
    run_heldout(out / "run", root / "articles")
    assert score(out / "run", root / "gold", 0, out / "figures.json") == 0
    return json.loads((out / "figures.json").read_text(encoding="utf-8"))["summary"]

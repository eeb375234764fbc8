"""The devset and seed through the whole pipeline, scored by ../shared/eval/score_events.py.

Slow (a full run) and needs ../shared: `pytest --runslow tests/test_extract_devset.py`. The floors
are the issue's acceptance figures, not the figures measured (see pipeline.evaluate.events).
"""
from __future__ import annotations

import json

import pytest

from pipeline.evaluate.events import main

pytestmark = [pytest.mark.slow, pytest.mark.needs_shared]


@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    out = tmp_path_factory.mktemp("eval")
    assert main(["--out", str(out / "run"), "--json-dir", str(out)]) == 0
    return {name: json.loads((out / f"{name}.json").read_text())["summary"] for name in ("devset", "seed")}


@pytest.mark.parametrize("name", ["devset", "seed"])
def test_events_and_agreements_reach_the_issue_floors(figures, name):
    s = figures[name]
    assert s["events"]["F1"] >= 0.85
    assert s["agreements"]["F1"] >= 0.85
    assert s["ev_geonames_id"]["acc"] >= 0.95


def test_seed_has_its_six_events_and_two_memoranda(figures):
    s = figures["seed"]
    assert (s["events"]["tp"], s["events"]["fp"]) == (6, 0)
    assert (s["agreements"]["tp"], s["agreements"]["fp"]) == (2, 0)
    assert s["ag_date"]["acc"] == 1.0 and s["ag_place"]["acc"] == 1.0

"""The organisers_variety set (tests/data/organisers_variety: own-written articles with gold, each
telling who organised an event another way: `Organizatorem seminarium była X`, `X zorganizowała`,
`przygotowane przez X we współpracy z Y`, `gospodarzem był`, `na zaproszenie X`, `Организатором
выступил`, `по приглашению`, `X совместно с Y провели`, `Арганізатар —`, `па запрашэнні`,
participles and passives, an organiser named a sentence before or after the event, a first-person
publisher; and bodies that only supported, financed or took part: `przy wsparciu`, `z udziałem`,
`finansowany przez`, `пад патранатам`) run through the pipeline and scored as the devset is.

The run is slow and the scorer lives in ../shared: `pytest --runslow tests/test_organisers_variety_set.py`.
Since the first 20 articles: an organiser told only in the headline, `po stronie białoruskiej
X, a po stronie polskiej Y`, an apposition, `Zapraszamy` by the publisher, and hosts told by a
host verb (`X gościł delegację`, `X принял делегацию`, `Гасцей прымаў X`), a joint event of the
article's two signatories (`совместный семинар ... обоих вузов`), and the organiser of a series
told before its members (`zorganizowała cykl szkoleń`) or after them (`Их организовал X`), an
organiser told by its acronym (`Organizatorem było LSROW`, `БОФ «Открытый мир»`), and an organiser
line before the event in an announcement (`Organizator: X.`, `Организатор – ...`), and the
publisher as `nasza fundacja zorganizowała` / `наш фонд провел`.

The floors sit a little below the figures measured in session 6 (on the 40 articles: events F1
0.913, organiser recall 0.958; the three host articles' events miss on place or date), so that
they guard the constructions, not the exact figures; the role check wants no supporter made
organiser and no co-organiser left a participant (on the first 20 articles 1 and 3 before
session 6's fixes; 0 and 0 now on all 40). The pipeline as session 6 found it (e907823) scores
organiser recall 0.688 (33 of 48) and roles 2 and 6 on the 40 articles.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from pipeline.paths import REPO_ROOT
from tests.gold_sets import check_gold, gold_items, set_figures

SET = REPO_ROOT / "tests" / "data" / "organisers_variety"
ARTICLES = sorted((SET / "articles").glob("*.txt"))


def test_every_article_has_its_gold():
    assert len(ARTICLES) >= 40
    check_gold(SET)


def test_organisers_are_listed_organisations():
    """An event's organisers and participants are organisations the article names."""
    for g, d, _ in gold_items(SET):
        names = {n for o in d["organisations"] for n in o}
        for e in d["events"]:
            for o in e["organisers"] + e["participants"]:
                assert o[0] in names, (g.name, o)


FLOOR_EVENTS_F1 = 0.85
FLOOR_ORGANISERS = 0.92  # organiser recall (a gold organiser found among the event's bodies)


def _names(row: dict) -> set[str]:
    return {n.strip().casefold() for n in [row["name"], *row["aliases"].split("|")] if n.strip()}


def organiser_roles(run: Path) -> tuple[int, int]:
    """(bodies the run made organisers that the gold never does, gold organisers the run lists
    only as participants), over the set: the organiser recall the scorer gives counts a gold
    organiser found among the participants, and no wrong organiser at all."""
    sources = {r["article_id"]: r["source"] for r in csv.DictReader(open(run / "articles.csv", encoding="utf-8"))}
    names = {r["name"].strip(): _names(r) for r in csv.DictReader(open(run / "organisations.csv", encoding="utf-8"))}
    pred: dict[str, tuple[set[str], set[str]]] = {}
    for r in csv.DictReader(open(run / "events.csv", encoding="utf-8")):  # bodies by name, " | " between
        o, p = pred.setdefault(sources[r["article_id"]], (set(), set()))
        o |= {x.strip() for x in r["organisers"].split("|") if x.strip()}
        p |= {x.strip() for x in r["participants"].split("|") if x.strip()}
    orgs = {k: names.get(k, {k.casefold()}) for o, p in pred.values() for k in o | p}
    wrong = demoted = 0
    for _, d, _ in gold_items(SET):
        o, p = pred.get(d["source"], (set(), set()))
        gold_org = [{n.casefold() for n in e} for ev in d["events"] for e in ev["organisers"]]
        others = [{n.casefold() for n in e} for e in d["organisations"]
                  if not any(set(n.casefold() for n in e) & g for g in gold_org)]
        wrong += sum(1 for k in o if any(orgs.get(k, set()) & g for g in others))
        demoted += sum(1 for g in gold_org if not any(orgs.get(k, set()) & g for k in o)
                       and any(orgs.get(k, set()) & g for k in p))
    return wrong, demoted


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("organisers_variety")
    out.joinpath("summary.json").write_text(json.dumps(set_figures(SET, out)), encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def figures(run_dir) -> dict:
    return json.loads(run_dir.joinpath("summary.json").read_text(encoding="utf-8"))


@pytest.mark.slow
@pytest.mark.needs_shared
def test_events_reach_the_floor(figures):
    s = figures["events"]
    assert s["F1"] >= FLOOR_EVENTS_F1, s


@pytest.mark.slow
@pytest.mark.needs_shared
def test_organiser_recall_reaches_the_floor(figures):
    assert figures["ev_organisers"]["acc"] >= FLOOR_ORGANISERS, figures["ev_organisers"]


@pytest.mark.slow
@pytest.mark.needs_shared
def test_supporters_are_no_organisers_and_co_organisers_no_participants(run_dir):
    wrong, demoted = organiser_roles(run_dir / "run")
    assert wrong <= 0 and demoted <= 0, (wrong, demoted)

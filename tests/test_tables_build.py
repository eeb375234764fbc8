"""Streamed table building: the tables do not depend on arrival order or on the chunk size,
and the linking of places and organisations is the one of reading the articles in table order."""
from __future__ import annotations

import random

import pytest

import pipeline.tables.build as build
from pipeline.record import Agreement, Article, Event, Mention, Organisation, Place, Problem, Segment
from pipeline.tables.build import TableBuilder, build_tables
from pipeline.tables.write import csv_bytes

TOWNS = [Place(f"geo:{100 + i}", name, geonames_id=100 + i, country_code="PL")
         for i, name in enumerate(["Chełm", "Zamość", "Biała Podlaska"])]


def article(i: int) -> Article:
    """A small enriched article: one town, one organisation (named differently in some articles)."""
    town = TOWNS[i % len(TOWNS)]
    org_name = "Stowarzyszenie Gmin Pogranicza" if i % 2 else "Stowarzyszenie Gmin Pogranicza RP"
    org = Organisation("org:pl:sgp", org_name, "SGP", [f"SGP {i % 4}", "Stowarzyszenie Gmin"])
    text = f"Spotkanie w {town.name} nr {i}. {org_name} podpisało porozumienie."
    at_town = text.index(town.name)
    at_org = text.index(org_name)
    return Article(
        article_id=f"a{i:03d}", source=f"s{(i * 7) % 23:02d}/a{i:03d}.txt", text=text, language="pl",
        languages=["pl"], segments=[Segment(0, len(text), "pl")],
        mentions=[Mention(at_town, at_town + len(town.name), town.name, "LOC", "pl", town.name, town.key),
                  Mention(at_org, at_org + len(org_name), org_name, "ORG", "pl", org_name, org.key)],
        places={town.key: town}, organisations={org.key: org},
        events=[Event("meeting", 0, len(text), place_key=town.key, organisers=[org.key],
                      date_start=f"2021-05-{1 + i % 28:02d}")],
        agreements=[Agreement("cooperation_agreement", 0, len(text), parties=[org.key], event_index=0)],
        text_is_file=bool(i % 3))


def all_csv(tables) -> dict[str, bytes]:
    return {name: csv_bytes(df) for name, df in tables.items()}


@pytest.fixture
def articles() -> list[Article]:
    arts = [article(i) for i in range(40)]
    arts.append(Article(article_id="bad", source="bad.txt", status="error", error="binary",
                        meta={"failed_stage": "ingest"}))
    return arts


def test_arrival_order_and_chunks_do_not_change_the_tables(articles, monkeypatch):
    problems = [Problem("x.zip", "ingest", "refused")]
    reference = all_csv(build_tables(articles, problems))
    shuffled = articles[:]
    random.Random(3).shuffle(shuffled)
    assert all_csv(build_tables(shuffled, problems)) == reference
    monkeypatch.setattr(build, "CHUNK", 3)  # several chunks, the last one partial
    assert all_csv(build_tables(shuffled, problems)) == reference


def test_entities_are_those_of_the_first_article_in_table_order(articles):
    tables = build_tables(reversed(articles), [])
    first = min((a for a in articles if a.status == "ok"), key=lambda a: (a.source, a.article_id))
    (org,) = tables["organisations"].itertuples()
    assert org.name == first.organisations["org:pl:sgp"].name
    aliases = org.aliases.split(" | ")
    # one alias per distinct name, first-seen order: acronym, then the first article's own aliases
    assert len(aliases) == len(set(aliases))
    assert aliases[:3] == ["SGP", *first.organisations["org:pl:sgp"].aliases]
    assert org.n_mentions == 40
    assert set(tables["places"]["name"]) == {t.name for t in TOWNS}
    assert list(tables["errors"]["source"]) == ["bad.txt"]


def test_texts_are_read_back_from_the_spool(articles):
    with TableBuilder() as builder:
        for art in articles:
            builder.add(art)
        tables, texts = builder.build([])
        spooled = builder.texts()
        assert spooled["a007"] == articles[7].text and "bad" not in spooled
        assert len(spooled) == 40
    extracted = {a.article_id for a in articles if a.text and not a.text_is_file}
    assert set(texts["article_id"]) == extracted
    in_table_order = sorted(articles, key=lambda a: (a.source, a.article_id))
    assert list(tables["articles"]["article_id"]) == [a.article_id for a in in_table_order]

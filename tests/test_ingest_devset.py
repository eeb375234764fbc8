"""Every devset and seed file is read: 24 + 1 ok articles, gold sources and dates, no errors."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.ingest import iter_articles, resolve_inputs
from pipeline.paths import shared_dir
from pipeline.record import Article, Problem

SHARED = shared_dir()
DEVSET = SHARED / "devset" / "articles"
GOLD = SHARED / "devset" / "gold"
SEEDS = SHARED / "seeds"

pytestmark = [
    pytest.mark.needs_shared,
    pytest.mark.skipif(not DEVSET.is_dir() or not SEEDS.is_dir(), reason=f"shared devset not found at {SHARED}"),
]


def _gold() -> dict[str, dict]:
    gold = {}
    for path in sorted(GOLD.glob("*.json")) + sorted(SEEDS.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        gold[data["source"]] = data
    return gold


def test_devset_and_seed_read_without_errors() -> None:
    results = list(iter_articles([DEVSET, SEEDS]))
    problems = [r for r in results if isinstance(r, Problem)]
    articles = [r for r in results if isinstance(r, Article)]
    assert problems == []
    assert [a.source for a in articles if a.status != "ok"] == []
    gold = _gold()
    assert len(articles) == 25 == len(gold)
    assert sorted(a.source for a in articles) == sorted(gold)
    for article in articles:
        assert article.published == gold[article.source]["published"], article.source
        assert article.text.strip()
        assert len(article.article_id) == 16 and article.article_id.startswith("a")
    assert len({a.article_id for a in articles}) == 25


def test_devset_encodings_and_offsets() -> None:
    by_source = {a.source: a for a in iter_articles([DEVSET]) if isinstance(a, Article)}
    crlf = by_source["005_pl_gruzja_memorandum.txt"]
    assert crlf.meta["encoding"] == "cp1250"
    raw = (DEVSET / "005_pl_gruzja_memorandum.txt").read_bytes()
    assert crlf.text == raw.decode("cp1250")  # whole file, CRLF kept
    assert "spółdzielcy" in crlf.title
    assert crlf.text[crlf.body_start - 2 : crlf.body_start] == "\r\n"
    cyr = by_source["012_ru_brest_seminar.txt"]
    assert cyr.meta["encoding"] == "cp1251"
    assert cyr.text == (DEVSET / "012_ru_brest_seminar.txt").read_bytes().decode("cp1251")
    bom = by_source["015_ru_gomel_yarmarka.txt"]
    assert not bom.text.startswith("\ufeff") and bom.text.startswith("url:")
    for article in by_source.values():
        if article.text_is_file:
            # the header's title value sits in the text, so it can be annotated in place
            assert not article.title or article.title in article.text[: article.body_start]
        elif article.meta["format"] == "html":
            assert article.title in article.text


def test_html_drops_navigation_and_sidebars() -> None:
    by_source = {a.source: a for a in iter_articles([DEVSET]) if isinstance(a, Article)}
    for name in ("003_pl_uwb_homel.html", "013_ru_vitebsk_konferencia.html", "016_be_grodna_seminar.html"):
        article = by_source[name]
        assert not article.text_is_file
        raw = (DEVSET / name).read_text(encoding="utf-8")
        # every nav/aside/footer link text is outside the extracted text
        from selectolax.lexbor import LexborHTMLParser

        tree = LexborHTMLParser(raw)
        for node in tree.css("nav, aside a, footer p, section.related a"):
            label = " ".join(node.text(deep=True).split())
            if label:
                assert label not in article.text, (name, label)
        assert "\n\n" in article.text


def test_ids_stable_and_input_order_independent() -> None:
    first = {a.source: a.article_id for a in iter_articles([DEVSET, SEEDS]) if isinstance(a, Article)}
    second = {a.source: a.article_id for a in iter_articles([SEEDS, DEVSET]) if isinstance(a, Article)}
    assert first == second
    pairs = resolve_inputs([DEVSET])
    assert [f.name for f, _ in pairs] == sorted(f.name for f, _ in pairs)

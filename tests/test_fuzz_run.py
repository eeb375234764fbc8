"""Property-based fuzzing of the whole run: any input ends as an article row or an error row.

Generated files (mixed scripts, RTL marks, zero-width joiners, combining characters, NUL,
broken markup, wrong JSON types, ragged CSV) go through ingest, every stage and the tables
build in this process. Default: a short run; `--runslow` (make test-long) runs
FUZZ_RUN_EXAMPLES (default 10,000) inputs.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.ingest import iter_articles
from pipeline.record import Article, Problem
from pipeline.run.stages import process
from pipeline.tables.build import build_tables

ALPHABET = st.one_of(
    st.characters(codec="utf-8"),
    st.sampled_from(list("ąćęłńóśźżĄĆĘŁŃÓŚŹŻабвгдеёжзийклмнопрстуфхцчшщъыьэюяіўїєґ«»„”–—()[]:.,;!? \n\t")),
    st.sampled_from(["\u200f", "\u200d", "\u200b", "\u0301", "\u0000", "\ufeff", "\u202e", "\r"]),
)
WORDS = st.sampled_from([
    "Seminarium", "w Mińsku", "9-11 października 2019 r.", "porozumienie o współpracy", "pomiędzy",
    "Fundacją Rozwoju", "a", "(свободной экономической зоны «Могилев»)", "Мемарандум", "у Гродне",
    "14.10.2019", "odbyło się", "wczoraj", "ul. 3 Maja 17", "<div>", "</p>", "<article>", "&amp;", "\n\n",
])
TEXT = st.one_of(st.text(ALPHABET, max_size=600), st.lists(WORDS, max_size=60).map(" ".join))


@st.composite
def input_file(draw) -> tuple[str, bytes]:
    text = draw(TEXT)
    kind = draw(st.sampled_from(["txt", "txt-header", "html", "jsonl", "json", "csv", "bytes"]))
    if kind == "txt":
        return "a.txt", text.encode("utf-8", "surrogatepass")
    if kind == "txt-header":
        return "h.txt", f"title: {text[:40]}\npublished: {draw(st.text(max_size=12))}\n\n{text}".encode("utf-8", "surrogatepass")
    if kind == "html":
        return "p.html", f"<html><head><title>{text[:30]}</title></head><body><article><p>{text}".encode("utf-8", "surrogatepass")
    if kind == "jsonl":
        values = draw(st.lists(st.one_of(st.just(text), st.integers(), st.none(), st.lists(st.integers(), max_size=2)), max_size=3))
        lines = [json.dumps({"id": i, "text": v}) for i, v in enumerate(values)] + [text[:20]]
        return "f.jsonl", "\n".join(lines).encode("utf-8", "surrogatepass")
    if kind == "json":
        return "r.json", json.dumps(draw(st.one_of(st.just({"text": text}), st.just([text]), st.integers()))).encode()
    if kind == "csv":
        return "t.csv", ("id,text,extra\n1," + text.replace("\n", " ")[:200] + "\n2\n3,a,b,c,d\n").encode("utf-8", "surrogatepass")
    return "b.txt", draw(st.binary(max_size=600))


def check_one(name: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        items = list(iter_articles([path]))
        assert items, "an input left no trace"
        articles = [process(a) for a in items if isinstance(a, Article)]
        problems = [p for p in items if isinstance(p, Problem)]
        for art in articles:
            assert art.status in ("ok", "empty", "error")
            for span in [*art.segments, *art.mentions, *art.events, *art.agreements]:
                assert 0 <= span.start <= span.end <= len(art.text)
        tables = build_tables(articles, problems)
        assert len(tables["articles"]) == len(articles)
        assert len(tables["errors"]) >= sum(a.status != "ok" for a in articles) + len(problems)


FUZZ = dict(deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))


@settings(max_examples=25, **FUZZ)
@given(input_file())
def test_whole_run_survives_generated_inputs(case):
    check_one(*case)


@pytest.mark.slow
@settings(max_examples=int(os.environ.get("FUZZ_RUN_EXAMPLES", "10000")), **FUZZ)
@given(input_file())
def test_whole_run_survives_generated_inputs_long(case):
    check_one(*case)

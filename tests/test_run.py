"""End-to-end behaviour of `pipeline run`: the contract, offsets, determinism, bad input."""
from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pandas as pd
import pytest

from conftest import REPO, run_pipeline
from pipeline.tables.schema import TABLES

SPAN_TABLES = ("segments", "mentions", "events", "agreements")
# encodings of the devset files that are not plain UTF-8 (../shared/devset/README.md)
DEVSET_ENCODINGS = {"005": "cp1250", "012": "cp1251"}


def read_table(out: Path, name: str) -> pd.DataFrame:
    return pd.read_parquet(out / f"{name}.parquet")


def source_texts(out: Path, roots: list[Path]) -> dict[str, str]:
    """article_id -> source text, rebuilt independently of the pipeline's own ingest."""
    articles = read_table(out, "articles")
    texts = dict(pd.read_parquet(out / "texts.parquet").itertuples(index=False, name=None))
    result = {}
    for row in articles.itertuples():
        if row.article_id in texts:
            result[row.article_id] = texts[row.article_id]
            continue
        path = next((r / row.source for r in roots if (r / row.source).exists()), None)
        if path is None:
            continue
        raw = path.read_bytes()
        if path.suffix == ".gz":
            raw = gzip.decompress(raw)
        enc = DEVSET_ENCODINGS.get(path.name[:3], "utf-8-sig")
        result[row.article_id] = raw.decode(enc)
    return result


def check_spans(out: Path, roots: list[Path]) -> int:
    texts = source_texts(out, roots)
    checked = 0
    for name in SPAN_TABLES:
        df = read_table(out, name)
        for row in df.itertuples():
            text = texts[row.article_id]
            assert 0 <= row.start < row.end <= len(text), (name, row)
            if name == "mentions":
                assert text[row.start:row.end] == row.text, (row.article_id, row.start, row.text)
                assert row.text == row.text.strip() and row.lemma == row.lemma.strip(), (row.article_id, row.text)
            checked += 1
    return checked


def test_tables_follow_the_contract(sample_out):
    for name, columns in TABLES.items():
        df = pd.read_csv(sample_out / f"{name}.csv", dtype=str, keep_default_na=False)
        assert list(df.columns[: len(columns)]) == columns, name
    assert (sample_out / "texts.parquet").exists()
    articles = pd.read_csv(sample_out / "articles.csv", dtype=str, keep_default_na=False)
    assert len(articles) >= 8 and set(articles["status"]) == {"ok"}
    assert articles["article_id"].is_unique
    assert len(pd.read_csv(sample_out / "events.csv")) > 0
    assert len(pd.read_csv(sample_out / "mentions.csv")) > 0
    for name in ("places", "organisations"):
        names = pd.read_csv(sample_out / f"{name}.csv", dtype=str, keep_default_na=False)["name"]
        assert (names == names.str.strip()).all() and (names != "").all(), name


def test_every_span_indexes_the_source_text(sample_out):
    assert check_spans(sample_out, [REPO / "data" / "raw"]) > 50


@pytest.mark.needs_shared
def test_devset_spans_and_no_error_rows(shared, tmp_path):
    roots = [shared / "devset" / "articles", shared / "seeds"]
    proc = run_pipeline("run", *map(str, roots), "--out", str(tmp_path), "--quiet", "--format", "both")
    assert proc.returncode == 0, proc.stderr
    articles = read_table(tmp_path, "articles")
    assert len(articles) == 25 and set(articles["status"]) == {"ok"}
    assert len(read_table(tmp_path, "errors")) == 0
    gold_sources = {json.loads(p.read_text())["source"] for p in (shared / "devset" / "gold").glob("*.json")}
    assert gold_sources <= set(articles["source"])
    assert check_spans(tmp_path, roots) > 200


def test_one_and_two_workers_give_identical_bytes(tmp_path):
    outs = []
    for workers in ("1", "2"):
        out = tmp_path / f"w{workers}"
        proc = run_pipeline("run", str(REPO / "data" / "raw"), "--out", str(out), "--quiet",
                            "--workers", workers, "--format", "both")
        assert proc.returncode == 0, proc.stderr
        outs.append(out)
    names = sorted(p.name for p in outs[0].iterdir() if not p.name.startswith("."))  # .cache: run state
    assert names == sorted(p.name for p in outs[1].iterdir() if not p.name.startswith("."))
    for name in names:
        if name.endswith(".csv"):
            assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name
        elif name.endswith(".duckdb"):  # the file's bytes hold page layout; its tables must be equal
            assert read_duckdb_equal(outs[0] / name, outs[1] / name), name
        else:
            assert read_parquet_equal(outs[0] / name, outs[1] / name), name


def read_parquet_equal(a: Path, b: Path) -> bool:
    return pd.read_parquet(a).equals(pd.read_parquet(b))


def read_duckdb_equal(a: Path, b: Path) -> bool:
    import duckdb

    def tables(path: Path) -> dict[str, pd.DataFrame]:
        with duckdb.connect(str(path), read_only=True) as con:
            names = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables ORDER BY 1").fetchall()]
            return {n: con.execute(f'SELECT * FROM "{n}" ORDER BY ALL').df() for n in names}

    ta, tb = tables(a), tables(b)
    return ta.keys() == tb.keys() and all(ta[n].equals(tb[n]) for n in ta)


def test_bad_inputs_become_rows_not_crashes(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "good.txt").write_text(
        "title: Seminarium w Grodnie\npublished: 2019-05-20\n\n"
        "W dniach 14-15 maja 2019 r. w Grodnie odbyło się seminarium o klastrach.\n", encoding="utf-8")
    (inp / "empty.txt").write_bytes(b"")
    (inp / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (inp / "broken.html").write_text("<html><body><article><p>Spotkanie w Mińsku <div><p", encoding="utf-8")
    (inp / "feed.jsonl").write_text('{"id": "x1", "text": "Forum w Brześciu."}\n{not json\n', encoding="utf-8")
    (inp / "table.csv").write_text("id,body\n1,no text column here\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = run_pipeline("run", str(inp), "--out", str(out), "--quiet")
    assert proc.returncode == 0, proc.stderr
    articles = pd.read_csv(out / "articles.csv", dtype=str, keep_default_na=False)
    errors = pd.read_csv(out / "errors.csv", dtype=str, keep_default_na=False)
    status = dict(zip(articles["source"], articles["status"]))
    assert status["good.txt"] == "ok"
    assert status["empty.txt"] == "empty"
    assert status["binary.txt"] == "error"
    assert any(s.startswith("feed.jsonl#") and v == "ok" for s, v in status.items())
    bad = [s for s, v in status.items() if v != "ok"]
    assert len(errors) >= len(bad) >= 4
    assert {"empty.txt", "binary.txt"} <= set(errors["source"])
    assert "articles read" in proc.stderr and "error" in proc.stderr


def test_missing_input_is_a_clear_error(tmp_path):
    proc = run_pipeline("run", str(tmp_path / "nope"), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2
    assert "nope" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_output_is_a_clear_error(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    proc = run_pipeline("run", str(REPO / "data" / "raw"), "--out", str(locked / "out"), "--quiet")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_output_that_is_a_file_is_a_clear_error(tmp_path):
    blocker = tmp_path / "out"
    blocker.write_text("not a folder")
    proc = run_pipeline("run", str(REPO / "data" / "raw"), "--out", str(blocker / "sub"), "--quiet")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr

"""The analyst layer on the real sample run (data/raw/ through `pipeline run`, fixture `sample_out`).

Expected values are computed here from the run's CSVs with pandas, never written down, so the
tests hold whatever the extraction stages find.
"""
from __future__ import annotations

import shutil

import duckdb
import pandas as pd
import pytest

from conftest import REPO, run_pipeline
from pipeline.analyst.load import open_database, source_texts
from pipeline.analyst.query import run_sql
from pipeline.tables.duckdb_db import DB_NAME, split_multi
from pipeline.tables.schema import TABLES


def csv(out, name: str) -> pd.DataFrame:
    return pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def db(sample_out):
    con = duckdb.connect(str(sample_out / DB_NAME), read_only=True)
    yield con
    con.close()


def test_database_has_every_table_with_the_csv_row_counts(sample_out, db):
    assert (sample_out / DB_NAME).exists()
    for name in TABLES:
        assert db.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] == len(csv(sample_out, name)), name
    types = dict(db.execute("SELECT column_name, data_type FROM information_schema.columns "
                            "WHERE table_name = 'events'").fetchall())
    assert types["date_start"] == "DATE" and types["start"] == "BIGINT"


def test_partial_dates_are_kept(sample_out, db):
    ev = csv(sample_out, "events")
    raw = sorted(v for v in ev.date_start if v)
    assert sorted(r[0] for r in db.execute("SELECT date_start_raw FROM events WHERE date_start_raw IS NOT NULL").fetchall()) == raw
    full = [v for v in raw if len(v) == 10]
    assert db.execute("SELECT count(*) FROM events WHERE date_start IS NOT NULL").fetchone()[0] == len(full)


@pytest.mark.parametrize("sql, expected", [
    ("SELECT count(*) AS n FROM events", lambda o: len(csv(o, "events"))),
    ("SELECT count(*) AS n FROM agreements WHERE status = 'signed'",
     lambda o: int((csv(o, "agreements").status == "signed").sum())),
    ("SELECT count(*) AS n FROM articles WHERE status = 'ok'", lambda o: int((csv(o, "articles").status == "ok").sum())),
    ("SELECT count(DISTINCT place_id) AS n FROM events WHERE place_id IS NOT NULL",
     lambda o: csv(o, "events").place_id.replace("", pd.NA).dropna().nunique()),
])
def test_query_counts_match_pandas(sample_out, sql, expected, capsys):
    from pipeline.cli import main
    assert main(["query", sql, "--out", str(sample_out), "--format", "csv"]) == 0
    assert int(capsys.readouterr().out.splitlines()[1]) == expected(sample_out)


def test_query_and_stats_commands(sample_out):
    proc = run_pipeline("query", "SELECT count(*) AS n FROM event_facts", "--out", str(sample_out))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].strip() == "n" and lines[2].strip() == str(len(csv(sample_out, "events")))
    proc = run_pipeline("stats", "--out", str(sample_out), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    stats = __import__("json").loads(proc.stdout)
    by_lang = {r["language"]: r["articles"] for r in stats["articles by language"]}
    assert by_lang == csv(sample_out, "articles").language.replace("", "und").value_counts().to_dict()
    by_type = {r["event_type"]: r["events"] for r in stats["events by type"]}
    assert by_type == csv(sample_out, "events").event_type.value_counts().to_dict()


def test_grouped_query_matches_pandas(sample_out, db):
    got = run_sql(db, "SELECT language, count(*) AS n FROM articles GROUP BY language")
    want = csv(sample_out, "articles").language.value_counts()
    assert dict(zip(got.language, got.n)) == want.to_dict()
    got = run_sql(db, "SELECT event_type, count(*) AS n FROM events GROUP BY event_type")
    assert dict(zip(got.event_type, got.n)) == csv(sample_out, "events").event_type.value_counts().to_dict()


def test_event_facts_view(sample_out, db):
    ev, pl = csv(sample_out, "events"), csv(sample_out, "places")
    facts = run_sql(db, "SELECT event_id, lat, lon, n_organisers, organisers FROM event_facts")
    assert len(facts) == len(ev) and facts.event_id.is_unique
    merged = ev.merge(pl[["place_id", "lat"]], on="place_id", how="left").set_index("event_id")
    for row in facts.itertuples(index=False):
        want = merged.loc[row.event_id, "lat"]
        assert (pd.isna(row.lat) and want in ("", None) or pd.isna(want)) or row.lat == pytest.approx(float(want))
        assert row.n_organisers == len(split_multi(merged.loc[row.event_id, "organisers"]))


def test_agreement_facts_and_org_activity(sample_out, db):
    ag = csv(sample_out, "agreements")
    facts = run_sql(db, "SELECT agreement_id, n_parties FROM agreement_facts")
    assert len(facts) == len(ag)
    want = {r.agreement_id: len(split_multi(r.parties)) for r in ag.itertuples()}
    assert dict(zip(facts.agreement_id, facts.n_parties)) == want
    total = db.execute("SELECT coalesce(sum(n_agreements), 0) FROM org_activity").fetchone()[0]
    assert total == sum(len(set(split_multi(p))) for p in ag.parties)
    ev = csv(sample_out, "events")
    organised = db.execute("SELECT coalesce(sum(n_events_organised), 0) FROM org_activity").fetchone()[0]
    assert organised == sum(len(set(split_multi(o))) for o in ev.organisers)


def test_evidence_is_the_source_span(sample_out, db):
    texts = source_texts(sample_out, csv(sample_out, "articles"), [REPO / "data" / "raw"])
    rows = db.execute("SELECT e.article_id, e.start, e.\"end\", v.sentence FROM events e "
                      "JOIN evidence v ON v.item_id = e.event_id").fetchall()
    assert len(rows) == db.execute("SELECT count(*) FROM events WHERE start IS NOT NULL").fetchone()[0]
    for article_id, start, end, sentence in rows:
        assert sentence == " ".join(texts[article_id][start:end].split())


def test_query_over_csvs_without_database(sample_out, tmp_path):
    folder = tmp_path / "csv_only"
    shutil.copytree(sample_out, folder, ignore=shutil.ignore_patterns(DB_NAME, "*.parquet", ".*"))
    sql = "SELECT event_id, event_type, place_name, year, n_organisers FROM event_facts ORDER BY event_id"
    from_db = run_sql(open_database(sample_out), sql)
    from_csv = run_sql(open_database(folder), sql)
    pd.testing.assert_frame_equal(from_db, from_csv)


def test_run_with_excel_flag(tmp_path):
    inputs = [REPO / "data" / "raw" / n for n in ("01_pl_pinsk_wizyta_studyjna.txt", "05_ru_brest_kruglyj_stol.txt")]
    out = tmp_path / "out"
    proc = run_pipeline("run", *map(str, inputs), "--out", str(out), "--excel", "--quiet")
    assert proc.returncode == 0, proc.stderr
    for name in TABLES:
        raw = (out / "excel" / f"{name}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), name
        header = raw[3:].split(b"\r\n", 1)[0].decode()
        assert header.split(";") == list(csv(out, name).columns), name
    # every Polish- and Cyrillic-lettered value of the main CSVs reads back intact from the excel files
    polish, cyrillic = set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ"), {chr(c) for c in range(0x400, 0x500)}
    found = {"pl": 0, "cyr": 0}
    for name, column in [("articles", "title"), ("places", "name"), ("organisations", "name")]:
        main = csv(out, name)[column]
        excel = pd.read_csv(out / "excel" / f"{name}.csv", sep=";", encoding="utf-8-sig", dtype=str,
                            keep_default_na=False)[column]
        assert list(excel) == list(main)
        found["pl"] += sum(bool(set(v) & polish) for v in main)
        found["cyr"] += sum(bool(set(v) & cyrillic) for v in main)
    assert found["pl"] and found["cyr"], found

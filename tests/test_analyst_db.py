"""The DuckDB file, its typing and views, the query/stats commands and --excel files, on small
hand-made tables (tests/analyst_tables.py); test_analyst_sample.py does the same on a real run."""
from __future__ import annotations

import json
import subprocess
import sys

import duckdb
import pandas as pd
import pytest

import analyst_tables as at
from pipeline.analyst.load import open_database, read_tables, source_texts
from pipeline.analyst.query import format_frame, run_sql
from pipeline.analyst.stats import compute_stats
from pipeline.tables.duckdb_db import DB_NAME, connect_tables, write_database
from pipeline.tables.excel import excel_bytes, write_excel


@pytest.fixture()
def folder(tmp_path):
    return at.write(tmp_path)


@pytest.fixture()
def con():
    c = connect_tables(at.tables(), at.texts())
    yield c
    c.close()


def test_dates_typed_and_partial_dates_kept(con):
    types = dict(con.execute("SELECT column_name, data_type FROM information_schema.columns "
                             "WHERE table_name = 'events'").fetchall())
    assert types["date_start"] == "DATE" and types["date_start_raw"] == "VARCHAR"
    assert types["date_inferred"] == "BOOLEAN" and types["start"] == "BIGINT" and types["confidence"] == "DOUBLE"
    rows = dict(con.execute("SELECT date_start_raw, date_start FROM events").fetchall())
    assert str(rows["2020-05-05"]) == "2020-05-05"
    assert rows["2019-10"] is None  # partial date: no fake day, the text is in date_start_raw
    published = con.execute("SELECT published_raw FROM articles WHERE published IS NULL AND published_raw IS NOT NULL").fetchall()
    assert published == [("2019-10",)]


def test_ids_are_primary_keys(con):
    for table, key in [("events", "event_id"), ("articles", "article_id"), ("organisations", "org_id")]:
        pk = con.execute("SELECT constraint_column_names FROM duckdb_constraints() "
                         "WHERE table_name = ? AND constraint_type = 'PRIMARY KEY'", [table]).fetchall()
        assert pk == [([key],)], table
    with pytest.raises(duckdb.ConstraintException):
        con.execute(f"INSERT INTO events (event_id) VALUES ('{at.A1}-e001')")


def test_event_facts_one_row_per_event_with_place_and_organisers(con):
    facts = run_sql(con, "SELECT * FROM event_facts ORDER BY event_id")
    assert len(facts) == len(at.rows()["events"])
    grodno = facts[facts.event_id == f"{at.A1}-e001"].iloc[0]
    assert grodno.lat == pytest.approx(53.68) and grodno.place_name == "Grodno"
    assert grodno.n_organisers == 2 and grodno.n_participants == 1
    assert grodno.organiser_ids == "O1"  # the unknown second organiser has no id
    assert grodno.evidence == at.TEXT_A[: at.TEXT_A.index(" Podpisano")]
    assert grodno.year == 2020
    brest = facts[facts.event_id == f"{at.A2}-e001"].iloc[0]
    assert brest.year == 2019  # from the partial date


def test_agreement_facts_and_parties(con):
    facts = run_sql(con, "SELECT * FROM agreement_facts")
    assert len(facts) == 1
    row = facts.iloc[0]
    assert row.n_parties == 3 and row.party_kinds == "organisation | organisation | place"
    assert row.event_type == "seminar" and row.evidence == "Podpisano memorandum."
    parties = run_sql(con, "SELECT name, party_id FROM agreement_parties ORDER BY position")
    assert list(parties.party_id) == ["O1", "O2", "P627904"]


def test_org_activity_counts(con):
    act = run_sql(con, "SELECT * FROM org_activity WHERE org_id = 'O2' ORDER BY year")
    assert list(act.year) == [2019, 2020]
    assert list(act.n_events_organised) == [1, 0]
    assert list(act.n_events_participated) == [0, 1]
    assert list(act.n_agreements) == [0, 1]


def test_database_file_written_atomically(tmp_path):
    path = write_database(at.tables(), tmp_path, at.texts())
    assert path == tmp_path / DB_NAME and sorted(p.name for p in tmp_path.iterdir()) == [DB_NAME]
    with duckdb.connect(str(path), read_only=True) as c:
        assert c.execute("SELECT count(*) FROM event_facts").fetchone()[0] == 2


def test_query_over_csvs_equals_query_over_database(folder):
    csv_con = open_database(folder)  # no database file: loaded from the tables
    sql = "SELECT event_id, place_name, year, organisers FROM event_facts ORDER BY event_id"
    from_csv = run_sql(csv_con, sql)
    write_database(read_tables(folder), folder, source_texts(folder, read_tables(folder)["articles"], [folder / "raw"]))
    db_con = open_database(folder)
    pd.testing.assert_frame_equal(from_csv, run_sql(db_con, sql))
    assert db_con.execute("SELECT count(*) FROM evidence").fetchone()[0] == 3  # a.txt re-read from raw/


def test_formats(con):
    df = run_sql(con, "SELECT event_id, date_start, organisers FROM events ORDER BY event_id")
    records = json.loads(format_frame(df, "json"))
    assert records[0]["date_start"] in ("2020-05-05", None) and len(records) == 2
    assert {r["date_start"] for r in records} == {"2020-05-05", None}
    md = format_frame(df, "markdown").splitlines()
    assert md[0] == "| event_id | date_start | organisers |" and "\\|" in format_frame(df, "markdown")
    back = pd.read_csv(__import__("io").StringIO(format_frame(df, "csv")))
    assert list(back.columns) == ["event_id", "date_start", "organisers"] and len(back) == 2
    table = format_frame(df, "table").splitlines()
    assert table[0].split() == ["event_id", "date_start", "organisers"] and table[-1] == "(2 rows)"


def test_stats_counts(con):
    stats = compute_stats(con)
    by_lang = stats["articles by language"].set_index("language")["articles"].to_dict()
    assert by_lang == {"pl": 1, "ru": 1, "und": 1}
    by_year = stats["events and agreements by year"].set_index("year")
    assert by_year.loc[2020, "events"] == 1 and by_year.loc[2020, "agreements"] == 1


def test_query_command_cli(folder):
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "query",
                           "SELECT count(*) AS n FROM events", "--out", str(folder), "--format", "json"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == [{"n": 2}]
    bad = subprocess.run([sys.executable, "-m", "pipeline.cli", "query", "SELECT nope FROM events",
                          "--out", str(folder)], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1 and "query error" in bad.stderr


def test_excel_flavour(tmp_path):
    paths = write_excel(at.tables(), tmp_path)
    assert {p.name for p in paths} >= {"events.csv", "organisations.csv", "places.csv"}
    raw = (tmp_path / "excel" / "organisations.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw[3:].split(b"\r\n")[0] == "org_id;name;acronym;aliases;country_code;n_mentions".encode()
    orgs = pd.read_csv(tmp_path / "excel" / "organisations.csv", sep=";", encoding="utf-8-sig", dtype=str)
    assert "Брестский областной исполнительный комитет" in set(orgs.name)
    assert "Fundacja Współpracy Polesia" in set(orgs.name)
    assert orgs.loc[orgs.org_id == "O3", "name"].item().startswith("'=")  # neutralised formula
    places = pd.read_csv(tmp_path / "excel" / "places.csv", sep=";", decimal=",", encoding="utf-8-sig")
    assert places.lat.tolist() == pytest.approx([53.68, 52.10]) and "Brześć" in set(places.name)
    assert b"53,68" in excel_bytes(at.tables()["places"])


def test_failed_database_is_a_warning_and_leaves_no_stale_file(tmp_path, capsys, monkeypatch):
    import argparse

    import pipeline.tables.duckdb_db as ddb
    from pipeline.analyst.cli import finish_run
    (tmp_path / DB_NAME).write_bytes(b"a previous run's database")

    def broken(*args, **kwargs):
        raise duckdb.Error("simulated")

    monkeypatch.setattr(ddb, "load_into", broken)
    assert finish_run(argparse.Namespace(excel=False), at.tables(), tmp_path, []) == []
    assert "pipeline.duckdb not written" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []  # neither the stale file nor a temporary one

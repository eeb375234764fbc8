"""The run's tables as one DuckDB file, typed, with keys, link tables and analyst views.

Why a database beside the CSVs: analysts ask the same joins again and again (an event with its
place and organisers, an agreement with its parties, an organisation's activity per year);
the views answer them in one `SELECT`, and typed columns make date arithmetic work.

Typing: every table of `schema.TABLES` keeps its columns. Date columns (`DATE_COLUMNS`) become
DATE where the value is a full `YYYY-MM-DD` date, NULL otherwise; the ISO text as written in the
CSV (also partial `2019-10` / `2019`) stays in `<column>_raw`, so nothing is lost. `true`/`false`
columns become BOOLEAN, `schema.INTEGER` BIGINT, `schema.FLOAT` DOUBLE. An id column that is
unique and never empty is the table's PRIMARY KEY.

Link tables (built from the ` | `-joined name columns, matched on `organisations.name`):
`event_organisations(event_id, role, position, name, org_id)` and
`agreement_parties(agreement_id, position, name, party_id, party_kind)`; `evidence(item_id,
kind, article_id, start, end, sentence)` holds the evidence sentence of every event and
agreement where the source texts were at hand.

The file is written atomically: built under a temporary name in the output folder, then renamed.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Mapping

import duckdb
import pandas as pd

from pipeline.tables.schema import FLOAT, INTEGER, MULTI_SEP, TABLES

DB_NAME = "pipeline.duckdb"
DATE_COLUMNS = {"published", "date_start", "date_end", "date"}
BOOL_COLUMNS = {"date_inferred"}
KEYS = {
    "articles": "article_id", "segments": "segment_id", "mentions": "mention_id",
    "places": "place_id", "organisations": "org_id", "events": "event_id",
    "event_clusters": "event_cluster_id", "agreements": "agreement_id",
}
ISO_DAY = r"^\d{4}-\d{2}-\d{2}"

VIEWS = {
    "event_facts": """
CREATE VIEW event_facts AS
WITH org AS (
    SELECT event_id,
           string_agg(org_id, ' | ' ORDER BY position) FILTER (WHERE role = 'organiser') AS organiser_ids,
           count(*) FILTER (WHERE role = 'organiser') AS n_organisers,
           count(*) FILTER (WHERE role = 'participant') AS n_participants
    FROM event_organisations GROUP BY event_id)
SELECT e.event_id, e.article_id, e.event_type, e.title, e.date_start, e.date_end,
       e.date_start_raw, e.date_end_raw, e.date_inferred,
       coalesce(year(e.date_start), TRY_CAST(substr(e.date_start_raw, 1, 4) AS INTEGER),
                year(a.published), TRY_CAST(substr(a.published_raw, 1, 4) AS INTEGER)) AS year,
       e.status, e.place_id, coalesce(p.name, e.place_name) AS place_name, p.name_en AS place_name_en,
       coalesce(e.country_code, p.country_code) AS country_code, p.lat, p.lon, p.feature AS place_feature,
       e.organisers, org.organiser_ids, coalesce(org.n_organisers, 0) AS n_organisers,
       e.participants, coalesce(org.n_participants, 0) AS n_participants,
       e.confidence, e.event_cluster_id, e."start", e."end", ev.sentence AS evidence,
       a.title AS article_title, a.published AS article_published, a.url AS article_url,
       a.source AS article_source, a.language AS article_language
FROM events e
LEFT JOIN places p ON p.place_id = e.place_id
LEFT JOIN articles a ON a.article_id = e.article_id
LEFT JOIN org ON org.event_id = e.event_id
LEFT JOIN evidence ev ON ev.item_id = e.event_id
""",
    "agreement_facts": """
CREATE VIEW agreement_facts AS
WITH pa AS (
    SELECT agreement_id, count(*) AS n_parties,
           string_agg(party_kind, ' | ' ORDER BY position) AS party_kinds
    FROM agreement_parties GROUP BY agreement_id)
SELECT g.agreement_id, g.article_id, g.agreement_type, g.title, g.date, g.date_raw, g.date_inferred,
       coalesce(year(g.date), TRY_CAST(substr(g.date_raw, 1, 4) AS INTEGER),
                year(a.published), TRY_CAST(substr(a.published_raw, 1, 4) AS INTEGER)) AS year,
       g.status, g.parties, g.party_ids, pa.party_kinds, coalesce(pa.n_parties, 0) AS n_parties,
       g.place_id, coalesce(p.name, g.place_name) AS place_name, p.name_en AS place_name_en,
       coalesce(g.country_code, p.country_code) AS country_code, p.lat, p.lon,
       g.event_id, e.event_type, e.title AS event_title,
       g.confidence, g."start", g."end", ev.sentence AS evidence,
       a.title AS article_title, a.published AS article_published, a.url AS article_url,
       a.source AS article_source, a.language AS article_language
FROM agreements g
LEFT JOIN places p ON p.place_id = g.place_id
LEFT JOIN articles a ON a.article_id = g.article_id
LEFT JOIN events e ON e.event_id = g.event_id
LEFT JOIN pa ON pa.agreement_id = g.agreement_id
LEFT JOIN evidence ev ON ev.item_id = g.agreement_id
""",
    "org_activity": """
CREATE VIEW org_activity AS
WITH acts AS (
    SELECT coalesce(eo.org_id, '') AS org_id, eo.name,
           CASE WHEN eo.org_id IS NULL THEN 'unlinked' ELSE 'organisation' END AS kind, f.year,
           eo.event_id, eo.role, NULL AS agreement_id
    FROM event_organisations eo JOIN event_facts f ON f.event_id = eo.event_id
    UNION ALL
    SELECT coalesce(ap.party_id, ''), ap.name, ap.party_kind, f.year, NULL, NULL, ap.agreement_id
    FROM agreement_parties ap JOIN agreement_facts f ON f.agreement_id = ap.agreement_id)
SELECT nullif(org_id, '') AS org_id, name, min(kind) AS kind, year,
       count(DISTINCT event_id) AS n_events,
       count(DISTINCT event_id) FILTER (WHERE role = 'organiser') AS n_events_organised,
       count(DISTINCT event_id) FILTER (WHERE role = 'participant') AS n_events_participated,
       count(DISTINCT agreement_id) AS n_agreements
FROM acts
GROUP BY org_id, name, year
""",
}


def split_multi(value: object) -> list[str]:
    """A ` | `-joined cell -> its values (empty cell -> [])."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return []
    return [v.strip() for v in str(value).split(MULTI_SEP.strip()) if v.strip()]


def _org_ids_by_name(organisations: pd.DataFrame) -> dict[str, str]:
    """Canonical name -> org_id; where two organisations share a name the smallest id wins."""
    out: dict[str, str] = {}
    for name, oid in sorted(zip(organisations["name"].astype("string"), organisations["org_id"].astype("string")),
                            key=lambda t: (str(t[0]), str(t[1]))):
        if pd.notna(name) and pd.notna(oid):
            out.setdefault(str(name), str(oid))
    return out


def event_organisations(events: pd.DataFrame, organisations: pd.DataFrame) -> pd.DataFrame:
    """One row per (event, organiser or participant) with the org_id its name resolves to."""
    by_name = _org_ids_by_name(organisations)
    rows = []
    for ev in events.itertuples(index=False):
        for role, column in (("organiser", "organisers"), ("participant", "participants")):
            for pos, name in enumerate(split_multi(getattr(ev, column)), 1):
                rows.append({"event_id": ev.event_id, "role": role, "position": pos,
                             "name": name, "org_id": by_name.get(name)})
    return pd.DataFrame(rows, columns=["event_id", "role", "position", "name", "org_id"])


def agreement_parties(agreements: pd.DataFrame, organisations: pd.DataFrame,
                      places: pd.DataFrame) -> pd.DataFrame:
    """One row per (agreement, party), in the order of `parties`, with its id and kind."""
    by_name = _org_ids_by_name(organisations)
    org_ids = set(organisations["org_id"].dropna().astype(str))
    place_ids = set(places["place_id"].dropna().astype(str))
    rows = []
    for ag in agreements.itertuples(index=False):
        names, ids = split_multi(ag.parties), split_multi(ag.party_ids)
        for pos, name in enumerate(names, 1):
            pid = ids[pos - 1] if len(ids) == len(names) else by_name.get(name)
            kind = "organisation" if pid in org_ids else "place" if pid in place_ids else "unlinked"
            rows.append({"agreement_id": ag.agreement_id, "position": pos, "name": name,
                         "party_id": pid, "party_kind": kind})
    return pd.DataFrame(rows, columns=["agreement_id", "position", "name", "party_id", "party_kind"])


def span_text(text: str, start, end) -> str:
    """`text[start:end]` with whitespace collapsed (line breaks inside a sentence); "" for a missing span."""
    if start is None or end is None or pd.isna(start) or pd.isna(end):
        return ""
    return " ".join(text[int(start):int(end)].split())


def evidence_frame(tables: Mapping[str, pd.DataFrame], texts: Mapping[str, str] | None) -> pd.DataFrame:
    """The evidence sentence (`text[start:end]`) of every event and agreement whose text is known."""
    rows = []
    for kind, name, id_col in (("event", "events", "event_id"), ("agreement", "agreements", "agreement_id")):
        df = tables.get(name)
        if df is None or not texts:
            continue
        for row in df.itertuples(index=False):
            text = texts.get(str(row.article_id))
            start, end = getattr(row, "start"), getattr(row, "end")
            if text is None or pd.isna(start) or pd.isna(end):
                continue
            rows.append({"item_id": getattr(row, id_col), "kind": kind, "article_id": row.article_id,
                         "start": int(start), "end": int(end), "sentence": span_text(text, start, end)})
    return pd.DataFrame(rows, columns=["item_id", "kind", "article_id", "start", "end", "sentence"])


def _column_sql(name: str, col: str, series: pd.Series) -> tuple[list[str], list[str]]:
    """(column definitions, select expressions) that type one source column."""
    q = f'"{col}"'
    if col in DATE_COLUMNS:
        raw = f"nullif(trim(CAST({q} AS VARCHAR)), '')"
        return ([f"{q} DATE", f'"{col}_raw" VARCHAR'],
                [f"CASE WHEN regexp_matches({raw}, '{ISO_DAY}') THEN TRY_CAST(substr({raw}, 1, 10) AS DATE) END",
                 raw])
    if col in BOOL_COLUMNS:
        return [f"{q} BOOLEAN"], [f"TRY_CAST(nullif(CAST({q} AS VARCHAR), '') AS BOOLEAN)"]
    if col in INTEGER or pd.api.types.is_integer_dtype(series):
        return [f"{q} BIGINT"], [f"TRY_CAST({q} AS BIGINT)"]
    if col in FLOAT or pd.api.types.is_float_dtype(series):
        return [f"{q} DOUBLE"], [f"TRY_CAST({q} AS DOUBLE)"]
    if pd.api.types.is_bool_dtype(series):
        return [f"{q} BOOLEAN"], [q]
    return [f"{q} VARCHAR"], [f"nullif(CAST({q} AS VARCHAR), '')"]


def _is_key(df: pd.DataFrame, col: str) -> bool:
    return col in df.columns and df[col].notna().all() and (df[col].astype(str) != "").all() and df[col].is_unique


def create_table(con: duckdb.DuckDBPyConnection, name: str, df: pd.DataFrame, key: str | None = None) -> None:
    """A typed copy of `df` as table `name` (key as PRIMARY KEY where it is one)."""
    defs, exprs = [], []
    for col in df.columns:
        d, e = _column_sql(name, str(col), df[col])
        defs += d
        exprs += e
    if key and _is_key(df, key):
        defs.append(f'PRIMARY KEY ("{key}")')
    con.execute(f'CREATE TABLE "{name}" ({", ".join(defs)})')
    if len(df):
        con.register("_incoming", df)
        con.execute(f'INSERT INTO "{name}" SELECT {", ".join(exprs)} FROM _incoming')
        con.unregister("_incoming")


def _empty(name: str) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="string") for c in TABLES[name]})


def load_into(con: duckdb.DuckDBPyConnection, tables: Mapping[str, pd.DataFrame],
              texts: Mapping[str, str] | None = None) -> None:
    """Every table, the link tables, the evidence table and the views, into `con`."""
    full = {name: tables.get(name, _empty(name)) for name in TABLES}
    full.update({k: v for k, v in tables.items() if k not in full})
    for name, df in full.items():
        create_table(con, name, df, KEYS.get(name))
    create_table(con, "event_organisations", event_organisations(full["events"], full["organisations"]))
    create_table(con, "agreement_parties",
                 agreement_parties(full["agreements"], full["organisations"], full["places"]))
    create_table(con, "evidence", evidence_frame(full, texts), "item_id")
    for sql in VIEWS.values():
        con.execute(sql)


def connect_tables(tables: Mapping[str, pd.DataFrame], texts: Mapping[str, str] | None = None) -> duckdb.DuckDBPyConnection:
    """An in-memory database of the tables (used where no database file was written)."""
    con = duckdb.connect(":memory:")
    load_into(con, tables, texts)
    return con


def write_database(tables: Mapping[str, pd.DataFrame], out: Path, texts: Mapping[str, str] | None = None,
                   name: str = DB_NAME) -> Path:
    """Write `out/pipeline.duckdb` atomically; returns its path."""
    out = Path(out)
    fd, tmp_name = tempfile.mkstemp(prefix=".writing-", suffix=".duckdb", dir=out)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()  # DuckDB wants to create the file itself
    try:
        con = duckdb.connect(str(tmp))
        try:
            load_into(con, tables, texts)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        os.replace(tmp, out / name)
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
            leftover.unlink(missing_ok=True)
    return out / name

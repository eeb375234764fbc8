"""`pipeline report`: one static HTML file describing a run, viewable with no network.

Why one file: it is mailed around and opened from a disk. CSS and the small sorting/filtering
script are inline, the figures are inline SVG (drawn by `figures`), nothing is fetched.
Content: the run's summary (counts, languages, types, errors), the timeline, the map, the
agreements network, and sortable tables of events and agreements with their evidence sentences.
"""
from __future__ import annotations

import argparse
import html
import io
import sys
from datetime import datetime, timezone
from pathlib import Path
from string import Template
from typing import Iterable, Sequence

import duckdb
import pandas as pd

from pipeline.analyst import figures
from pipeline.analyst.query import dates_as_dates

TEMPLATE = Path(__file__).with_name("report_template.html")
EVENT_COLUMNS = [("event_id", "id"), ("event_type", "type"), ("dates", "date"),
                 ("status", "status"), ("place_name", "place"), ("country_code", "country"),
                 ("organisers", "organisers"), ("participants", "participants"), ("title", "title"),
                 ("confidence", "confidence"), ("article_title", "article"), ("evidence", "evidence")]
AGREEMENT_COLUMNS = [("agreement_id", "id"), ("agreement_type", "type"), ("title", "title"), ("date_raw", "date"),
                     ("status", "status"), ("parties", "parties"), ("place_name", "place"),
                     ("country_code", "country"), ("event_id", "during event"), ("confidence", "confidence"),
                     ("article_title", "article"), ("evidence", "evidence")]

CELL_CLASS = {"evidence": "evidence", "article_title": "article"}


def _esc(value: object) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return html.escape(str(value))


def html_table(df: pd.DataFrame, columns: Sequence[tuple[str, str]], table_id: str = "", sortable: bool = True) -> str:
    """A table of the given (column, label) pairs; numbers right-aligned; empty frame -> a note."""
    if df.empty:
        return '<p class="empty">none</p>'
    cols = [(c, label) for c, label in columns if c in df.columns]
    head = "".join(f"<th>{html.escape(label)}</th>" for _, label in cols)
    rows = []
    for rec in dates_as_dates(df).to_dict(orient="records"):
        cells = []
        for c, _ in cols:
            v = rec[c]
            klass = ' class="num"' if isinstance(v, (int, float)) and not isinstance(v, bool) else \
                f' class="{CELL_CLASS[c]}"' if c in CELL_CLASS else ""
            cells.append(f"<td{klass}>{_esc(v)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    attrs = f' id="{html.escape(table_id)}"' if table_id else ""
    klass = "data" if sortable else "small"
    return f'<table class="{klass}"{attrs}><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def figure_svg(draw, *args, size: tuple[float, float] = (9, 5)) -> str:
    """Draw with `draw(ax, *args)` on a fresh Figure and return the inline `<svg>` element."""
    import matplotlib
    from matplotlib.figure import Figure
    with matplotlib.rc_context({"svg.hashsalt": "pipeline-report", "svg.fonttype": "path"}):
        fig = Figure(figsize=size)
        ax = fig.subplots()
        draw(ax, *args)
        fig.tight_layout()
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None})
    svg = buf.getvalue()
    return svg[svg.index("<svg"):]


def _fill_evidence(df: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    if df.empty or not texts:
        return df
    df = df.copy()
    missing = df["evidence"].isna() | (df["evidence"].astype("string") == "")
    df.loc[missing, "evidence"] = [figures.evidence_sentence(texts, r.article_id, r.start, r.end)
                                   for r in df[missing].itertuples(index=False)]
    return df


def _dates(df: pd.DataFrame) -> pd.DataFrame:
    """One `date` cell per event: `start`, or `start – end` for several days (ISO, so it sorts as text)."""
    df = df.copy()
    start, end = df["date_start_raw"].astype("string").fillna(""), df["date_end_raw"].astype("string").fillna("")
    df["dates"] = [s if not e or e == s else f"{s} – {e}" for s, e in zip(start, end)]
    return df


def _written_at(out: Path) -> str:
    for name in ("articles.csv", "articles.parquet"):
        p = out / name
        if p.exists():
            return datetime.fromtimestamp(p.stat().st_mtime, timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return "unknown"


def _cards(con: duckdb.DuckDBPyConnection) -> str:
    one = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
    cards = [
        ("articles", one("SELECT count(*) FROM articles")),
        ("read ok", one("SELECT count(*) FROM articles WHERE status = 'ok'")),
        ("empty / error", one("SELECT count(*) FROM articles WHERE status <> 'ok'")),
        ("events", one("SELECT count(*) FROM events")),
        ("event clusters", one("SELECT count(*) FROM event_clusters")),
        ("agreements", one("SELECT count(*) FROM agreements")),
        ("places", one("SELECT count(*) FROM places")),
        ("organisations", one("SELECT count(*) FROM organisations")),
        ("mentions", one("SELECT count(*) FROM mentions")),
        ("error rows", one("SELECT count(*) FROM errors")),
    ]
    return "".join(f'<div class="card"><b>{v}</b>{html.escape(k)}</div>' for k, v in cards)


def build_report(con: duckdb.DuckDBPyConnection, out: Path, texts: dict[str, str] | None = None) -> str:
    """The report's HTML for the run whose tables `con` holds."""
    events = _dates(_fill_evidence(
        con.execute("SELECT * FROM event_facts ORDER BY date_start_raw NULLS LAST, event_id").df(), texts or {}))
    agreements = _fill_evidence(con.execute("SELECT * FROM agreement_facts ORDER BY date_raw NULLS LAST, agreement_id").df(),
                                texts or {})
    places = con.execute("SELECT * FROM places").df()
    langs = con.execute("SELECT coalesce(language, 'und') AS language, count(*) AS articles FROM articles "
                        "GROUP BY 1 ORDER BY 2 DESC, 1").df()
    types = con.execute("SELECT 'event' AS kind, event_type AS type, count(*) AS n FROM events GROUP BY 2 "
                        "UNION ALL SELECT 'agreement', agreement_type, count(*) FROM agreements GROUP BY 2 "
                        "ORDER BY 1 DESC, 3 DESC, 2").df()
    errors = con.execute("SELECT stage, count(*) AS n FROM errors GROUP BY 1 ORDER BY 2 DESC, 1").df()
    values = {
        "title": "Events and agreements: run report",
        "subtitle": html.escape(f"tables in {out} (written {_written_at(out)}); report generated by `pipeline report`"),
        "cards": _cards(con),
        "languages_table": html_table(langs, [("language", "language"), ("articles", "articles")], sortable=False),
        "types_table": html_table(types, [("kind", "kind"), ("type", "type"), ("n", "count")], sortable=False),
        "errors_table": html_table(errors, [("stage", "errors by stage"), ("n", "count")], sortable=False),
        "timeline_svg": figure_svg(figures.draw_timeline, events, size=(12, 4.5)),
        "map_svg": figure_svg(figures.draw_map, places, events, agreements, size=(8, 6)),
        "network_svg": figure_svg(figures.draw_network, agreements, size=(8, 6)),
        "n_events": str(len(events)),
        "n_agreements": str(len(agreements)),
        "events_table": html_table(events, EVENT_COLUMNS, "events-table"),
        "agreements_table": html_table(agreements, AGREEMENT_COLUMNS, "agreements-table"),
    }
    return Template(TEMPLATE.read_text(encoding="utf-8")).substitute(values)


def write_report(out: Path, html_path: Path | None = None, input_roots: Iterable[Path] = ()) -> Path:
    """Build the report of the run in `out` and write it (default `out/report.html`)."""
    from pipeline.analyst.load import open_database, read_table, source_texts
    out = Path(out)
    roots = list(input_roots)
    con = open_database(out, roots)
    try:
        texts = {}
        if roots:
            articles = read_table(out, "articles")
            texts = source_texts(out, articles, roots) if articles is not None else {}
        page = build_report(con, out, texts)
    finally:
        con.close()
    target = Path(html_path) if html_path else out / "report.html"
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(target)
    return target


def cmd_report(args: argparse.Namespace) -> int:
    from pipeline.analyst.load import NoTables
    try:
        path = write_report(Path(args.out), Path(args.html) if args.html else None, [Path(p) for p in args.input])
    except NoTables as exc:
        print(f"pipeline: error: {exc}", file=sys.stderr)
        return 2
    print(f"pipeline: report written to {path}", file=sys.stderr)
    return 0


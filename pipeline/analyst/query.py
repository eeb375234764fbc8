"""`pipeline query "SQL"`: SQL over a run's tables, printed as a table, CSV, JSON or Markdown.

Runs against `out/pipeline.duckdb` where the run wrote it, else over the CSVs/Parquet files of
the folder loaded into an in-memory database with the same tables and views.
"""
from __future__ import annotations

import argparse
import json
import math
import sys

import duckdb
import pandas as pd

MAX_CELL = 60  # characters shown per cell in the `table` format (the other formats are never cut)


def run_sql(con: duckdb.DuckDBPyConnection, sql: str) -> pd.DataFrame:
    return con.execute(sql).df()


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(value)
    return " ".join(str(value).split())


def _plain(df: pd.DataFrame, max_cell: int = MAX_CELL) -> str:
    def cut(s: str) -> str:
        return s if len(s) <= max_cell else s[: max_cell - 1] + "…"

    header = [str(c) for c in df.columns]
    body = [[cut(_cell(v)) for v in row] for row in df.itertuples(index=False)]
    widths = [max([len(h)] + [len(r[i]) for r in body]) for i, h in enumerate(header)]
    numeric = [pd.api.types.is_numeric_dtype(df[c]) for c in df.columns]

    def line(cells: list[str]) -> str:
        return "  ".join(c.rjust(w) if num else c.ljust(w) for c, w, num in zip(cells, widths, numeric)).rstrip()

    rows = [line(header), "  ".join("-" * w for w in widths)] + [line(r) for r in body]
    rows.append(f"({len(df)} row{'s' if len(df) != 1 else ''})")
    return "\n".join(rows)


def _markdown(df: pd.DataFrame) -> str:
    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("|", "\\|")

    header = [esc(str(c)) for c in df.columns]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(esc(_cell(v)) for v in row) + " |" for row in df.itertuples(index=False)]
    return "\n".join(lines)


def _json(df: pd.DataFrame) -> str:
    records = [{str(c): (None if _cell(v) == "" and not isinstance(v, str) else
                         v.item() if hasattr(v, "item") else v)
                for c, v in zip(df.columns, row)} for row in df.itertuples(index=False)]
    return json.dumps(records, ensure_ascii=False, indent=1, default=str)


def dates_as_dates(df: pd.DataFrame) -> pd.DataFrame:
    """DuckDB DATE columns arrive as midnight timestamps; show them as `YYYY-MM-DD` again."""
    out = df.copy()
    for col in out.columns:
        s = out[col]
        if pd.api.types.is_datetime64_any_dtype(s) and getattr(s.dt, "tz", None) is None:
            valid = s.dropna()
            if (valid == valid.dt.normalize()).all():
                out[col] = s.dt.strftime("%Y-%m-%d").astype("string")
    return out


def format_frame(df: pd.DataFrame, fmt: str = "table") -> str:
    """The result as `table`, `csv`, `json` or `markdown` text (without the final newline)."""
    df = dates_as_dates(df)
    if fmt == "csv":
        return df.to_csv(index=False, lineterminator="\n").rstrip("\n")
    if fmt == "json":
        return _json(df)
    if fmt == "markdown":
        return _markdown(df)
    return _plain(df)


def cmd_query(args: argparse.Namespace) -> int:
    from pipeline.analyst.load import open_for_command
    con = open_for_command(args.out)
    if con is None:
        return 2
    try:
        df = run_sql(con, args.sql)
    except duckdb.Error as exc:
        print(f"pipeline: query error: {exc}", file=sys.stderr)
        return 1
    finally:
        con.close()
    print(format_frame(df, args.format))
    return 0


"""Reading an output folder back: typed tables, the database, the source texts.

Why: the query, stats and report commands and the notebook all start from an output folder;
they read it the same way here (Parquet where the run wrote it, as it keeps raw values; else the
CSVs with the contract's types).
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterable

import duckdb
import pandas as pd

from pipeline.tables.duckdb_db import DB_NAME, connect_tables
from pipeline.tables.schema import FLOAT, INTEGER, TABLES


class NoTables(Exception):
    """The folder holds no tables of a run."""


def dtypes(columns) -> dict[str, str]:
    """The pandas dtype of each column, as the tables stage types them (nullable numbers, strings)."""
    return {c: "Int64" if c in INTEGER else "Float64" if c in FLOAT else "string" for c in columns}


def read_table(out: Path, name: str) -> pd.DataFrame | None:
    """One table of the folder (Parquet preferred), typed; None where the run wrote neither."""
    pq, csv = Path(out) / f"{name}.parquet", Path(out) / f"{name}.csv"
    if pq.exists():
        df = pd.read_parquet(pq)
        return df.astype(dtypes(df.columns))
    if csv.exists():
        header = pd.read_csv(csv, nrows=0).columns
        return pd.read_csv(csv, dtype=dtypes(header), keep_default_na=False, na_values=[""])
    return None


def read_tables(out: Path) -> dict[str, pd.DataFrame]:
    """Every table of the contract found in `out` (missing ones as empty frames with their columns)."""
    found = {name: read_table(out, name) for name in TABLES}
    if all(df is None for df in found.values()):
        raise NoTables(f"no tables in {out} (run `pipeline run ... --out {out}` first)")
    return {name: df if df is not None else pd.DataFrame(columns=TABLES[name]).astype(dtypes(TABLES[name]))
            for name, df in found.items()}


def read_texts(out: Path) -> dict[str, str]:
    """The extracted texts of non-.txt articles (texts.parquet), by article id."""
    path = Path(out) / "texts.parquet"
    if not path.exists():
        return {}
    df = pd.read_parquet(path)
    return {str(a): str(t) for a, t in zip(df["article_id"], df["text"]) if pd.notna(t)}


def source_texts(out: Path, articles: pd.DataFrame, input_roots: Iterable[Path] = ()) -> dict[str, str]:
    """Source text of every article we can recover: texts.parquet, else the input file re-read.

    A `.txt` article's source text is the decoded file, which the run does not copy; it is read
    again through ingest (same decoding, so offsets match) from the first input root holding it.
    """
    texts = read_texts(out)
    roots = [Path(r) for r in input_roots]
    if not roots:
        return texts
    from pipeline.ingest import iter_file
    from pipeline.record import Article

    wanted: dict[str, set[str]] = {}
    for aid, source in zip(articles["article_id"], articles["source"]):
        if pd.notna(source) and str(aid) not in texts:
            wanted.setdefault(str(source).split("#", 1)[0], set()).add(str(aid))
    for rel, ids in sorted(wanted.items()):
        for root in roots:
            file = root / rel if root.is_dir() else root
            if not file.is_file():
                continue
            for item in iter_file(file, root if root.is_dir() else file):
                if isinstance(item, Article) and item.article_id in ids and item.status == "ok":
                    texts[item.article_id] = item.text
            break
    return texts


def database_path(out: Path) -> Path:
    return Path(out) / DB_NAME


def open_database(out: Path, input_roots: Iterable[Path] = ()) -> duckdb.DuckDBPyConnection:
    """The run's DuckDB file (read-only) where it exists, else the same schema built in memory
    from the CSVs/Parquet files (evidence from texts.parquet and the input roots given)."""
    path = database_path(out)
    if path.exists():
        return duckdb.connect(str(path), read_only=True)
    tables = read_tables(out)
    return connect_tables(tables, source_texts(out, tables["articles"], input_roots))


def open_for_command(out: Path | str) -> duckdb.DuckDBPyConnection | None:
    """`open_database` for the subcommands: None (after an error message) where there are no tables."""
    try:
        return open_database(Path(out))
    except NoTables as exc:
        print(f"pipeline: error: {exc}", file=sys.stderr)
        return None

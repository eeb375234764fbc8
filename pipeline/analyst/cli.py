"""The analyst's part of the `pipeline` command, kept here so that `pipeline/cli.py` only wires it.

`add_run_options` / `finish_run`: the `--excel` flag of `pipeline run` and the extra outputs written
after the tables (the DuckDB file always, the Excel-flavour CSVs on request).
`add_commands`: the `query`, `stats` and `report` subcommands.
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Iterable, Mapping

import pandas as pd


def add_run_options(run: argparse.ArgumentParser) -> None:
    run.add_argument("--excel", action="store_true",
                     help="also write excel/<table>.csv (UTF-8 BOM, ';' separator, ',' decimals) "
                          "for spreadsheets in Polish/Russian locales")


def finish_run(args: argparse.Namespace, tables: Mapping[str, pd.DataFrame], out: Path,
               articles: Iterable = ()) -> list[Path]:
    """After the tables: `out/pipeline.duckdb` (with evidence sentences from the articles' texts), excel/.

    A database that cannot be built is a warning, not a failed run: the tables are already in place
    and `pipeline query` reads them directly; a folder that cannot be written is an OutputError."""
    import sys

    import duckdb

    from pipeline.tables.duckdb_db import DB_NAME, write_database
    from pipeline.tables.excel import write_excel
    from pipeline.tables.write import OutputError
    texts = {a.article_id: a.text for a in articles if getattr(a, "text", "")}
    written = []
    try:
        written.append(write_database(tables, out, texts))
    except OSError as exc:
        raise OutputError(f"cannot write the database in {out}: {exc.strerror or exc}") from None
    except duckdb.Error as exc:  # the CSVs are written and `pipeline query` can read them: warn, go on
        (out / DB_NAME).unlink(missing_ok=True)  # never leave a previous run's database beside new tables
        print(f"pipeline: warning: {out}/pipeline.duckdb not written ({type(exc).__name__}: {exc})", file=sys.stderr)
    if getattr(args, "excel", False):
        written += write_excel(tables, out)
    return written


def add_commands(sub: argparse._SubParsersAction, default_out: str) -> None:
    from pipeline.analyst import query, report, stats
    query.add_parser(sub, default_out)
    stats.add_parser(sub, default_out)
    report.add_parser(sub, default_out)

"""The analyst's part of the `pipeline` command, kept here so that `pipeline/cli.py` only wires it.

`add_run_options` / `finish_run`: the `--excel` flag of `pipeline run` and the extra outputs written
after the tables (the DuckDB file always, the Excel-flavour CSVs on request).
`add_commands`: the `query`, `stats` and `report` subcommands.
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping

if TYPE_CHECKING:
    import pandas as pd

FORMATS = ("table", "csv", "json", "markdown")


def add_run_options(run: argparse.ArgumentParser) -> None:
    run.add_argument("--excel", action="store_true",
                     help="also write excel/<table>.csv (UTF-8 BOM, ';' separator, ',' decimals) "
                          "for spreadsheets in Polish/Russian locales")


def finish_run(args: argparse.Namespace, tables: Mapping[str, pd.DataFrame], out: Path,
               articles: Iterable = (), texts: Mapping[str, str] | None = None) -> list[Path]:
    """After the tables: `out/pipeline.duckdb` (with evidence sentences from the articles' texts, or
    from `texts`: article_id -> text, e.g. read on demand from the run's spool), excel/.

    A database that cannot be built is a warning, not a failed run: the tables are already in place
    and `pipeline query` reads them directly; a folder that cannot be written is an OutputError."""
    import shutil
    import sys

    import duckdb

    from pipeline.tables.duckdb_db import DB_NAME, write_database
    from pipeline.tables.excel import EXCEL_DIR, write_excel
    from pipeline.tables.write import OutputError
    if texts is None:
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
    else:  # spreadsheet files of an earlier run would no longer match these tables
        shutil.rmtree(out / EXCEL_DIR, ignore_errors=True)
    return written


def _query(args: argparse.Namespace) -> int:
    from pipeline.analyst.query import cmd_query
    return cmd_query(args)


def _stats(args: argparse.Namespace) -> int:
    from pipeline.analyst.stats import cmd_stats
    return cmd_stats(args)


def _report(args: argparse.Namespace) -> int:
    from pipeline.analyst.report import cmd_report
    return cmd_report(args)


def add_commands(sub: argparse._SubParsersAction, default_out: str) -> None:
    """Register `query`, `stats`, `report` (their modules are imported only when one runs)."""
    out_help = f"output folder of the run (default {default_out}/)"
    p = sub.add_parser("query", help="SQL over a run's tables (DuckDB; views event_facts, agreement_facts, org_activity)")
    p.add_argument("sql", help='e.g. "SELECT event_type, count(*) FROM events GROUP BY 1"')
    p.add_argument("--out", default=default_out, help=out_help)
    p.add_argument("--format", choices=FORMATS, default="table", help="output format (default table)")
    p.set_defaults(func=_query)
    p = sub.add_parser("stats", help="counts by language, year, type, country")
    p.add_argument("--out", default=default_out, help=out_help)
    p.add_argument("--format", choices=FORMATS, default="table", help="output format (default table)")
    p.set_defaults(func=_stats)
    p = sub.add_parser("report", help="a static HTML report of a run (one file, no network needed)")
    p.add_argument("--out", default=default_out, help=out_help)
    p.add_argument("--html", help="where to write the page (default OUT/report.html)")
    p.add_argument("--input", action="append", default=[],
                   help="input root(s) of the run, to recover evidence sentences of .txt articles "
                        "when the run wrote no database (repeatable)")
    p.set_defaults(func=_report)

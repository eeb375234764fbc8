"""The `pipeline` command.

    pipeline run [INPUT ...] [--out DIR] [--workers N] [--format csv|parquet|both] [--excel] [--quiet]
    pipeline query "SQL" [--out DIR] [--format table|csv|json|markdown]
    pipeline stats [--out DIR]
    pipeline report [--out DIR] [--html FILE]
    pipeline train-ner-pl --corpus NKJP.iob.gz --out DIR
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

DEFAULT_INPUT = Path("data/raw")
DEFAULT_OUT = Path("data/processed")


def _run(args: argparse.Namespace) -> int:
    from pipeline.ingest import InputNotFound, Limits, resolve_inputs
    from pipeline.tables.write import OutputError, prepare_output, write_tables
    from pipeline.analyst.cli import finish_run

    inputs = [Path(p) for p in (args.inputs or [DEFAULT_INPUT])]
    out = Path(args.out)
    try:
        resolve_inputs(inputs)
        prepare_output(out)
    except (InputNotFound, OutputError) as exc:
        print(f"pipeline: error: {exc}", file=sys.stderr)
        return 2
    limits = Limits(max_file_bytes=int(args.max_file_mb * 2**20))
    formats = {"csv", "parquet"} if args.format == "both" else {args.format}

    cache_dir = None if args.no_cache else Path(args.cache) if args.cache else out / ".cache"
    if args.engine == "dask":
        import shutil

        from pipeline.run.dask_engine import run_dask
        parts = out / ".parts"
        result = run_dask(inputs, parts, workers=max(args.workers, 1), scheduler=args.scheduler,
                          quiet=args.quiet, limits=limits, cache_dir=cache_dir, force=args.force, spool_dir=out)
        shutil.rmtree(parts, ignore_errors=True)
    else:
        from pipeline.run.local import run_local
        result = run_local(inputs, workers=args.workers, quiet=args.quiet, limits=limits,
                           cache_dir=cache_dir, force=args.force, spool_dir=out)
    t_build = time.perf_counter()
    with result.articles as spooled:
        tables, texts = spooled.build(result.problems)
        try:
            written = write_tables(tables, out, formats, extra_parquet={"texts": texts})
            del texts
            # pipeline.duckdb (evidence sentences read from the spooled texts), --excel files
            written += finish_run(args, tables, out, texts=spooled.texts())
        except OutputError as exc:
            print(f"pipeline: error: {exc}", file=sys.stderr)
            return 2
    status = tables["articles"]["status"].value_counts().to_dict()
    seconds = result.seconds + time.perf_counter() - t_build
    print(
        f"pipeline: {len(tables['articles'])} articles read "
        f"(ok {status.get('ok', 0)}, empty {status.get('empty', 0)}, error {status.get('error', 0)}); "
        f"{len(tables['errors'])} error rows; {len(tables['events'])} events, "
        f"{len(tables['agreements'])} agreements, {len(tables['places'])} places, "
        f"{len(tables['organisations'])} organisations; processed {result.processed}, "
        f"from cache {result.cached}; {seconds:.1f} s -> {out}/ ({len(written)} files)",
        file=sys.stderr,
    )
    return 0


def _train_ner_pl(argv: list[str]) -> int:
    from pipeline.annotate.ner_pl_train import main as train_main
    return train_main(argv)


def build_parser() -> argparse.ArgumentParser:
    from pipeline.analyst.cli import add_commands, add_run_options
    parser = argparse.ArgumentParser(prog="pipeline", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="process articles into the tables of SCHEMA.md")
    run.add_argument("inputs", nargs="*", help=f"files or folders (default {DEFAULT_INPUT}/)")
    run.add_argument("--out", default=str(DEFAULT_OUT), help=f"output folder (default {DEFAULT_OUT}/)")
    run.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    run.add_argument("--format", choices=["csv", "parquet", "both"], default="csv",
                     help="table format (texts.parquet is always written)")
    run.add_argument("--max-file-mb", type=float, default=50.0, help="per-file size limit in MB of text")
    run.add_argument("--quiet", action="store_true", help="no progress bar")
    run.add_argument("--engine", choices=["local", "dask"], default="local",
                     help="local processes, or dask.distributed (a LocalCluster unless --scheduler)")
    run.add_argument("--scheduler", help="address of an existing Dask scheduler (with --engine dask)")
    run.add_argument("--cache", help="per-article result cache folder (default OUT/.cache)")
    run.add_argument("--no-cache", action="store_true", help="process everything, store nothing")
    run.add_argument("--force", action="store_true", help="ignore cached results (and refresh them)")
    add_run_options(run)
    run.set_defaults(func=_run)
    sub.add_parser("train-ner-pl", help="train the Polish NER model on NKJP", add_help=False)
    add_commands(sub, str(DEFAULT_OUT))  # query, stats, report
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["train-ner-pl"]:
        return _train_ner_pl(argv[1:])
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("pipeline: interrupted; previous tables left as they were", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())

"""The local engine: stream articles through the stages, in one process or a pool.

Results come back in input order (`imap`), and no stage keeps state across articles, so the
tables are byte-identical whatever the number of workers.
"""
from __future__ import annotations

import multiprocessing as mp
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from pipeline.ingest import Limits, iter_articles
from pipeline.record import Article, Problem
from pipeline.run.stages import process, warm_up


@dataclass
class RunResult:
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0


def _split(items: Iterable[Article | Problem], problems: list[Problem]) -> Iterator[Article]:
    for item in items:
        if isinstance(item, Problem):
            problems.append(item)
        else:
            yield item


def _progress(iterable: Iterable[Article], quiet: bool) -> Iterable[Article]:
    if quiet or not sys.stderr.isatty():
        return iterable
    from tqdm import tqdm
    return tqdm(iterable, desc="articles", unit="art", file=sys.stderr)


def run_local(inputs: list[Path], workers: int = 1, quiet: bool = False,
              limits: Limits = Limits()) -> RunResult:
    t0 = time.perf_counter()
    result = RunResult()
    articles = _split(iter_articles(inputs, limits), result.problems)
    if workers <= 1:
        warm_up()
        processed = map(process, articles)
        result.articles = list(_progress(processed, quiet))
    else:
        ctx = mp.get_context("spawn")
        with ctx.Pool(workers, initializer=warm_up) as pool:
            processed = pool.imap(process, articles, chunksize=2)
            result.articles = list(_progress(processed, quiet))
    result.seconds = time.perf_counter() - t0
    return result

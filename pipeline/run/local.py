"""The local engine: stream articles through the stages, in one process or a pool.

Results come back in input order (`imap`), and no stage keeps state across articles, so the
tables are byte-identical whatever the number of workers. With a cache folder, finished
articles are stored as they complete and reused by the next run (incremental, resumable).
Finished articles go straight into a `TableBuilder` (spooled to disk): the driver's memory does
not grow with the archive.
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
from pipeline.run.cache import ArticleCache, content_key
from pipeline.tables.build import TableBuilder

# pipeline.run.stages (spaCy and the stages) is imported on the first article, not here: with one
# worker, lingua's models then load in a child process meanwhile (`lingua_ahead`).


@dataclass
class RunResult:
    articles: TableBuilder = field(default_factory=TableBuilder)  # the run's articles, spooled
    problems: list[Problem] = field(default_factory=list)
    processed: int = 0  # articles that went through the stages in this run
    cached: int = 0  # articles taken from the cache
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)  # wall, summed over the processed articles
    stage_cpu: dict[str, float] = field(default_factory=dict)  # CPU, likewise


@dataclass(frozen=True)
class Worker:
    """What each worker needs to handle one article: the cache, if any."""

    cache_dir: str | None = None
    force: bool = False

    def __call__(self, article: Article) -> tuple[Article, bool]:
        from pipeline.run.stages import process

        if article.status != "ok" or self.cache_dir is None:
            went_through = article.status == "ok"  # before `process`, which may mark it error
            return process(article), went_through
        cache = ArticleCache(Path(self.cache_dir))
        key = content_key(article)
        if not self.force:
            hit = cache.get(key)
            if hit is not None:
                return hit, False
        done = process(article)
        cache.put(key, done)
        return done, True

    def will_process(self, article: Article) -> bool:
        """Whether the article goes through the stages, i.e. is not taken from the cache (cheap:
        the cache entry is not read)."""
        if article.status != "ok":
            return False
        if self.cache_dir is None or self.force:
            return True
        return not ArticleCache(Path(self.cache_dir)).has(content_key(article))


def split_problems(items: Iterable[Article | Problem], problems: list[Problem]) -> Iterator[Article]:
    for item in items:
        if isinstance(item, Problem):
            problems.append(item)
        else:
            yield item


def progress(iterable: Iterable | None, quiet: bool):
    """A progress bar on a terminal (wrapping `iterable`, or a bar to update by hand when None)."""
    if quiet or not sys.stderr.isatty():
        return iterable
    from tqdm import tqdm
    return tqdm(iterable, desc="articles", unit="art", file=sys.stderr)


def collect(result: RunResult, outcomes: Iterable[tuple[Article, bool]]) -> None:
    for article, was_processed in outcomes:
        result.articles.add(article)
        if was_processed:
            result.processed += 1
            for key, sums in (("timings", result.stage_seconds), ("cpu_timings", result.stage_cpu)):
                for name, seconds in article.meta.get(key, {}).items():
                    sums[name] = sums.get(name, 0.0) + seconds
        elif article.status == "ok":
            result.cached += 1


def lingua_ahead(articles: Iterable[Article], worker: Worker) -> Iterator[Article]:
    """The articles, unchanged; on the first one to process, language scoring moves to a child
    process that starts loading the models that article's segments need at once, so that they
    load on another core while this process imports spaCy and loads the pipelines (`--workers
    1`: nothing is loaded before the first article). Ended after the last article."""
    from pipeline.segment import start_background, stop_background

    articles = iter(articles)
    for article in articles:
        if worker.will_process(article):
            break
        yield article
    else:
        return
    started = start_background(article.text, article.body_start)
    try:
        yield article
        yield from articles
    finally:
        if started:
            stop_background()


def release_models() -> None:
    from pipeline.run.stages import release_models as release

    release()


def _pool(workers: int):
    """A pool of workers with the models loaded. Where the platform can fork, the models are
    loaded once here and the workers inherit them (copy-on-write): no worker pays the cold
    start again, and the read-only model memory is shared. Elsewhere (macOS, Windows: fork is
    unsafe or missing) each spawned worker loads them itself."""
    from pipeline.run.stages import warm_up

    if sys.platform.startswith("linux"):
        warm_up()
        return mp.get_context("fork").Pool(workers)
    return mp.get_context("spawn").Pool(workers, initializer=warm_up)


def run_local(inputs: list[Path], workers: int = 1, quiet: bool = False, limits: Limits = Limits(),
              cache_dir: Path | None = None, force: bool = False, spool_dir: Path | None = None) -> RunResult:
    t0 = time.perf_counter()
    result = RunResult(TableBuilder(str(spool_dir) if spool_dir else None))
    articles = split_problems(iter_articles(inputs, limits), result.problems)
    worker = Worker(str(cache_dir) if cache_dir else None, force)
    if workers <= 1:  # no warm-up: each model loads when the first article needing it comes
        collect(result, progress(map(worker, lingua_ahead(articles, worker)), quiet))
    else:
        with _pool(workers) as pool:
            collect(result, progress(pool.imap(worker, articles, chunksize=2), quiet))
    release_models()  # the tables are built next, in this process
    result.seconds = time.perf_counter() - t0
    return result

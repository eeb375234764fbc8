"""The Dask engine: the same run on dask.distributed, one machine or many.

Articles are cut into partitions that workers process (with the same per-article worker and
cache as the local engine); each partition's results are written as a Parquet part (one JSON
record per article) in the output folder, and the driver then links and writes the tables
once. With `--scheduler ADDRESS` the output folder must be reachable by the workers at the
same path (a shared file system).
"""
from __future__ import annotations

import json
import time
from collections import deque
from itertools import islice
from pathlib import Path
from typing import Iterator

import pandas as pd

from pipeline.ingest import Limits, iter_articles
from pipeline.record import Article
from pipeline.run.local import RunResult, Worker, collect, progress, split_problems
from pipeline.run.serialize import article_from_dict, article_to_dict


def _partitions(articles: Iterator[Article], size: int) -> Iterator[list[Article]]:
    while batch := list(islice(articles, size)):
        yield batch


def process_partition(index: int, batch: list[Article], parts_dir: str, worker: Worker) -> tuple[str, list[bool]]:
    outcomes = [worker(a) for a in batch]
    path = Path(parts_dir) / f"part-{index:06d}.parquet"
    frame = pd.DataFrame({"record": [json.dumps(article_to_dict(a), ensure_ascii=False) for a, _ in outcomes]})
    tmp = path.with_suffix(".tmp")
    frame.to_parquet(tmp, index=False)
    tmp.replace(path)
    return str(path), [p for _, p in outcomes]


def run_dask(inputs: list[Path], parts_dir: Path, workers: int = 2, scheduler: str | None = None,
             quiet: bool = False, limits: Limits = Limits(), cache_dir: Path | None = None,
             force: bool = False, partition_size: int = 16, spool_dir: Path | None = None) -> RunResult:
    from dask.distributed import Client, LocalCluster

    from pipeline.tables.build import TableBuilder

    t0 = time.perf_counter()
    result = RunResult(TableBuilder(str(spool_dir) if spool_dir else None))
    parts_dir.mkdir(parents=True, exist_ok=True)
    for old in parts_dir.glob("part-*.parquet"):
        old.unlink()
    cluster = None if scheduler else LocalCluster(n_workers=max(workers, 1), threads_per_worker=1,
                                                  processes=True, dashboard_address=None)
    client = Client(scheduler or cluster)
    try:
        worker = Worker(str(cache_dir) if cache_dir else None, force)
        articles = split_problems(iter_articles(inputs, limits), result.problems)
        window = 2 * max(workers, 1)  # partitions in flight: memory bounded by partition size
        pending: deque = deque()
        bar = progress(None, quiet)

        def drain() -> None:
            path, processed = pending.popleft().result()
            records = pd.read_parquet(path)["record"]
            collect(result, ((article_from_dict(json.loads(r)), p) for r, p in zip(records, processed)))
            if bar is not None:
                bar.update(len(processed))

        for i, batch in enumerate(_partitions(articles, partition_size)):
            pending.append(client.submit(process_partition, i, batch, str(parts_dir), worker, pure=False))
            if len(pending) >= window:
                drain()
        while pending:
            drain()
        if bar is not None:
            bar.close()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    result.seconds = time.perf_counter() - t0
    return result

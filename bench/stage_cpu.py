"""CPU time of the cold start and of each stage, first pass and steady state.

    python bench/stage_cpu.py [INPUT ...] [--passes 3]

CPU time (`time.process_time`), not wall time, so that runs on a busy shared machine stay
comparable; wall time is printed beside it. The cold start is split into import and
warm-up; the first pass over the articles still pays per-text caches (lemmas, lingua per
unit text), the steady passes show the per-article cost of a long run.
"""
from __future__ import annotations

import argparse
import copy
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


class Clock:
    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def lap(self) -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        out = (wall - self.wall, cpu - self.cpu)
        self.wall, self.cpu = wall, cpu
        return out


def passes(articles: list, n: int) -> tuple[float, float, dict[str, float]]:
    """Per-article wall ms, CPU ms and per-stage CPU ms over n passes of `articles`."""
    from pipeline.run.stages import STAGES
    stages: dict[str, float] = {}
    clock = Clock()
    for _ in range(n):
        for article in articles:
            article = copy.deepcopy(article)
            for name, stage in STAGES:
                c = time.process_time()
                article = stage(article)
                stages[name] = stages.get(name, 0.0) + time.process_time() - c
    wall, cpu = clock.lap()
    k = 1000 / (n * len(articles))
    return wall * k, cpu * k, {name: v * k for name, v in stages.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="*", default=[str(REPO / "data" / "raw")])
    ap.add_argument("--passes", type=int, default=3)
    args = ap.parse_args()
    clock = Clock()
    from pipeline.ingest import iter_articles
    from pipeline.record import Article
    from pipeline.run.stages import warm_up
    print("import: wall %.2f s, cpu %.2f s" % clock.lap())
    warm_up()
    print("warm_up: wall %.2f s, cpu %.2f s" % clock.lap())
    articles = [a for a in iter_articles([Path(p) for p in args.inputs]) if isinstance(a, Article) and a.status == "ok"]
    for label, n in (("first pass", 1), (f"steady ({args.passes} passes)", args.passes)):
        wall, cpu, stages = passes(articles, n)
        per_stage = ", ".join(f"{k} {v:.1f}" for k, v in stages.items())
        print(f"{label}: {len(articles)} articles, per article wall {wall:.1f} ms, cpu {cpu:.1f} ms ({per_stage} ms)")


if __name__ == "__main__":
    main()

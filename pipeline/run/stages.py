"""The per-article stage chain: one article in, the same article enriched out.

A stage that fails marks the article `error` (with the stage's name) and the chain stops
for that article only; the batch goes on.
"""
from __future__ import annotations

import time
import traceback
from typing import Callable

from pipeline.annotate import annotate
from pipeline.extract import extract
from pipeline.normalise import normalise
from pipeline.record import Article

# One BLAS thread per process. natasha/slovnet runs its CNN through numpy's OpenBLAS, which by
# default starts a thread per core; for the short matrices of one article those threads cost
# more than they give, and with several workers on few cores they fight over them (measured on
# data/raw, 2 cores, steady state: 107 -> 32 ms/article wall). Parallelism is across articles.
BLAS_THREADS = 1


def limit_blas_threads(n: int = BLAS_THREADS) -> None:
    """Cap the BLAS thread pools this process has loaded (numpy is loaded by the imports above)."""
    from threadpoolctl import threadpool_limits
    threadpool_limits(limits=n, user_api="blas")


limit_blas_threads()

STAGES: list[tuple[str, Callable[[Article], Article]]] = [
    ("annotate", annotate),
    ("normalise", normalise),
    ("extract", extract),
]


def process(article: Article) -> Article:
    if article.status != "ok":
        return article
    timings = article.meta.setdefault("timings", {})
    for name, stage in STAGES:
        t0 = time.perf_counter()
        try:
            article = stage(article)
            timings[name] = time.perf_counter() - t0
        except Exception as exc:  # one bad article never stops the batch
            article.status = "error"
            article.error = f"{name}: {type(exc).__name__}: {exc}"[:500]
            article.meta["failed_stage"] = name
            article.meta["traceback"] = traceback.format_exc(limit=5)
            article.events, article.agreements = [], []
            break
    return article


def warm_up() -> None:
    """Load the models once per process (worker initializer)."""
    from pipeline.record import Article as _A
    for text in ("Spotkanie w Mińsku 9 października 2019 r.", "Встреча в Минске 9 октября 2019 года."):
        process(_A(article_id="warmup", source="warmup", text=text))

"""The per-article stage chain: one article in, the same article enriched out.

A stage that fails marks the article `error` (with the stage's name) and the chain stops
for that article only; the batch goes on.
"""
from __future__ import annotations

import ctypes
import functools
import gc
import time
import traceback
from typing import Callable

from pipeline.annotate.spacy_import import import_spacy

import_spacy()  # before anything imports spaCy in full (see below)

from pipeline.annotate import annotate  # noqa: E402
from pipeline.extract import extract  # noqa: E402
from pipeline.normalise import normalise  # noqa: E402
from pipeline.record import Article  # noqa: E402

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

# spaCy is imported above (without its command line: `annotate.spacy_import`), not by
# `pipeline.annotate` (whose dates ingest uses): every article needs it, and with one worker
# this import runs on the first article while lingua's models load in a child process
# (run.local.lingua_ahead), instead of the first segment waiting for them.

STAGES: list[tuple[str, Callable[[Article], Article]]] = [
    ("annotate", annotate),
    ("normalise", normalise),
    ("extract", extract),
]


def process(article: Article) -> Article:
    if article.status != "ok":
        return article
    timings = article.meta.setdefault("timings", {})  # wall seconds per stage
    cpu = article.meta.setdefault("cpu_timings", {})  # CPU seconds: comparable on a busy machine
    for name, stage in STAGES:
        t0, c0 = time.perf_counter(), time.process_time()
        try:
            article = stage(article)
            timings[name] = time.perf_counter() - t0
            cpu[name] = time.process_time() - c0
        except Exception as exc:  # one bad article never stops the batch
            article.status = "error"
            article.error = f"{name}: {type(exc).__name__}: {exc}"[:500]
            article.meta["failed_stage"] = name
            article.meta["traceback"] = traceback.format_exc(limit=5)
            article.events, article.agreements = [], []
            break
    return article


# Short texts whose processing loads every model and table an archive can need: the Polish,
# Russian and Belarusian pipelines, natasha, lingua's models of both scripts (units the letters
# leave open), the embedded-fragment NER of ru and be (with its place index), dates, the
# normalise gazetteer and lemmatisers, and the extract lexicons. Processing them costs ~40 ms;
# what they load would otherwise land on the first real articles (~1 s on data/raw).
WARM_UP_TEXTS = (
    "title: Konferencja Fundacji Rozwoju Regionalnego w Mohylewie\n\n"
    "Seminarium w Mohylewie odbyło się 9 października 2019 r. z udziałem Fundacji Rozwoju "
    "Regionalnego (Могилевский областной исполнительный комитет) i partnerów z Grodna "
    "(Гродзенскі абласны выканаўчы камітэт). Partnerzy podpisali porozumienie o współpracy.",
    "title: Встреча в Минске\n\nВстреча в Минске прошла 9 октября 2019 года. Стороны подписали "
    "меморандум о сотрудничестве с Белорусским государственным университетом.",
    "title: Сустрэча ў Гродне\n\nСустрэча ў Гродне адбылася 9 кастрычніка 2019 года. Бакі "
    "падпісалі пагадненне аб супрацоўніцтве з Гродзенскім дзяржаўным універсітэтам.",
    "Зустріч у Львові відбулася 9 жовтня 2019 року.",
    "The conference in Warsaw took place on 9 October 2019.",
)


def warm_up() -> None:
    """Load the models and tables once per process (worker initializer), by processing
    WARM_UP_TEXTS: what a stage loads lazily is then loaded exactly as a real article would."""
    from pipeline.ingest.build import from_txt
    from pipeline.segment import DEFAULT_BACKEND
    from pipeline.segment.backends import preload
    preload(DEFAULT_BACKEND)  # every language's models: a unit loads only its candidates'
    for i, text in enumerate(WARM_UP_TEXTS):
        process(from_txt(f"warmup{i}.txt", text, "utf-8"))


def release_models() -> None:
    """Drop what the stages loaded and remembered (every `lru_cache` of a pipeline module: models,
    lexicons, per-word caches) and hand the freed heap back to the OS. The driver calls it after
    the last article, so that building the tables does not stack on the models' memory
    (measured after warm_up: 551 -> 350 MB RSS). A later article simply loads them again."""
    for obj in gc.get_objects():
        if isinstance(obj, functools._lru_cache_wrapper) and getattr(obj, "__module__", "").startswith("pipeline."):
            obj.cache_clear()
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)  # glibc keeps freed small blocks otherwise
    except (OSError, AttributeError):
        pass  # not glibc: the memory is reused by the process, just not returned

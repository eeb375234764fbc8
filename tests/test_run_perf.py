"""The speed settings of the run stage: one BLAS thread, a warm-up that reaches every path."""
from __future__ import annotations

from threadpoolctl import threadpool_info

from pipeline.ingest.build import from_txt
from pipeline.run import stages


def test_blas_pools_are_single_threaded():
    blas = [p for p in threadpool_info() if p["user_api"] == "blas"]
    assert blas, "numpy's BLAS should be loaded by the stage imports"
    assert all(p["num_threads"] == stages.BLAS_THREADS for p in blas)


def test_warm_up_texts_reach_every_language_and_the_fragment_ner():
    stages.warm_up()
    done = [stages.process(from_txt(f"w{i}.txt", t, "utf-8")) for i, t in enumerate(stages.WARM_UP_TEXTS)]
    assert all(a.status == "ok" for a in done), [a.error for a in done]
    assert {a.language for a in done} == {"pl", "ru", "be", "uk", "en"}
    sources = {m.source for a in done for m in a.mentions}
    assert {"fragment:ru", "fragment:be", "ner:pl", "ner:ru", "ner:be", "dates"} <= sources


def test_models_released_after_a_run_load_again_with_the_same_results():
    from pipeline.annotate.nlp import get_nlp

    stages.warm_up()
    text = stages.WARM_UP_TEXTS[0]
    before = stages.process(from_txt("w.txt", text, "utf-8"))
    stages.release_models()
    assert get_nlp.cache_info().currsize == 0
    after = stages.process(from_txt("w.txt", text, "utf-8"))
    assert (after.mentions, after.events, after.agreements) == (before.mentions, before.events, before.agreements)

"""lingua per unit: restricted to the unit's candidate languages, in this process or in the child
process that `--workers 1` starts on the first article (`run.local.lingua_ahead`)."""
from __future__ import annotations

import math

import pytest

pytest.importorskip("lingua")

from pipeline.record import Article  # noqa: E402
from pipeline.segment import model_candidates, segment  # noqa: E402
from pipeline.segment import backends  # noqa: E402

# units the letters leave open: a Polish clause without Polish letters, Cyrillic names
UNITS = [("W czwartek rano", ("pl", "en")), ("Rada Gminy", ("pl", "en")), ("Новая школа", ("ru", "uk")),
         ("Сельская рада", ("ru", "be", "uk")), ("Мастацкая школа", ("ru", "be"))]
TEXT = ("Rada Gminy Terespol. W czwartek w Białej Podlaskiej podpisano porozumienie o współpracy "
        "z miastem Brześć (Брестская школа).")


def test_candidates_scored_like_the_five_language_detector_renormalised():
    full = backends._lingua_detector()
    scores = backends.LinguaBackend().scores([t for t, _ in UNITS], [[] for _ in UNITS], [c for _, c in UNITS])
    for (text, cands), got in zip(UNITS, scores):
        values = full.compute_language_confidence_values(text)
        expected = backends._logs({backends._LINGUA_CODES[v.language.name]: v.value for v in values}, cands)
        assert set(got) == set(cands)
        assert all(math.isclose(got[c], expected[c], abs_tol=1e-9) for c in cands), text


def test_model_candidates_are_the_sets_the_backend_is_asked_about():
    asked: list[tuple[str, ...]] = []

    class Recording:
        name = "recording"

        def scores(self, texts, words, candidates):
            asked.extend(candidates)
            return [{c: 0.0 for c in cands} for cands in candidates]

    backends._INSTANCES["recording"] = Recording()
    backends.BACKENDS["recording"] = Recording
    try:
        segment(TEXT, backend="recording")
    finally:
        del backends._INSTANCES["recording"], backends.BACKENDS["recording"]
    assert set(asked) == model_candidates(TEXT)
    assert model_candidates(TEXT) == {("pl", "en"), ("ru", "be", "uk")}
    assert model_candidates("Współpraca gmin przygranicznych") == set()  # the letters decide


@pytest.fixture
def fresh_lingua():
    """A backend with no model loaded in this process (else it keeps scoring here)."""
    backends._lingua_detector.cache_clear()
    backend = backends.LinguaBackend()
    yield backend
    backend.stop_child()


def test_child_scores_exactly_as_this_process(fresh_lingua):
    assert fresh_lingua.start_child({("pl", "en")})
    texts, cands = [t for t, _ in UNITS], [c for _, c in UNITS]
    remote = fresh_lingua.scores(texts, [[] for _ in UNITS], cands)
    assert backends._lingua_detector.cache_info().currsize == 0  # nothing loaded here
    fresh_lingua.stop_child()
    here = backends.LinguaBackend().scores(texts, [[] for _ in UNITS], cands)
    # lingua itself differs between processes in the last bits (its hash maps' order)
    for a, b in zip(remote, here):
        assert a.keys() == b.keys() and all(math.isclose(a[c], b[c], abs_tol=1e-12) for c in a)


def test_a_dead_child_is_replaced_by_this_process(fresh_lingua):
    assert not fresh_lingua.start_child(set())  # nothing to load ahead: no child
    assert fresh_lingua.start_child({("pl", "en")})
    fresh_lingua._child._proc.kill()
    fresh_lingua._child._proc.wait()
    assert fresh_lingua.scores(["Rada Gminy"], [[]], [("pl", "en")])[0].keys() == {"pl", "en"}
    assert fresh_lingua._child is None


def test_no_child_once_models_are_loaded_here():
    backends._lingua_detector(("pl", "en"))
    assert not backends.LinguaBackend().start_child({("pl", "en")})


def test_lingua_ahead_passes_articles_through_and_ends_the_child(monkeypatch):
    from pipeline.run.local import Worker, lingua_ahead

    backends._lingua_detector.cache_clear()
    backend = backends.LinguaBackend()
    monkeypatch.setitem(backends._INSTANCES, "lingua", backend)
    articles = [Article(article_id=f"a{i}", source=f"a{i}.txt", text=f"title: A{i}\n\n{TEXT}") for i in range(3)]
    seen = []
    for article in lingua_ahead(iter(articles), Worker()):
        seen.append(article)
        assert backend._child is not None
    assert seen == articles
    assert backend._child is None


def test_lingua_ahead_starts_the_child_on_the_first_article_not_in_the_cache(monkeypatch, tmp_path):
    from pipeline.run.cache import ArticleCache, content_key
    from pipeline.run.local import Worker, lingua_ahead

    backends._lingua_detector.cache_clear()
    backend = backends.LinguaBackend()
    monkeypatch.setitem(backends._INSTANCES, "lingua", backend)
    cached, new = (Article(article_id=n, source=f"{n}.txt", text=f"title: {n}\n\n{TEXT}") for n in ("c", "n"))
    ArticleCache(tmp_path).put(content_key(cached), cached)
    worker = Worker(str(tmp_path))
    assert not worker.will_process(cached) and worker.will_process(new)
    children = [backend._child is not None for _ in lingua_ahead(iter([cached, new]), worker)]
    assert children == [False, True] and backend._child is None

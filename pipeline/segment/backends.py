"""Language scorers behind one interface: given unit texts and the candidate languages of
their script, return log-scores per candidate.

- `rule`: marker words only (frequent short words per language); no model, no I/O.
- `lingua`: lingua-language-detector restricted to the unit's candidates among pl, ru, be, uk,
  en (restricting the language set makes it both faster and more accurate; it knows
  Belarusian). Each language's models load on first use, so a unit whose letters rule out
  Belarusian loads no Belarusian model (~0.25 s CPU less at start-up); the scores are those of
  the five-language detector renormalised over the candidates (equal within 4e-14 on all
  26,510 units devset, seeds, data/raw and SlavicNER pl/ru send to lingua; lingua itself
  varies in the last bits between processes). With `--workers 1` it runs in a child process
  started on the first article (`LinguaBackend.start_child`), so its models load on another
  core while the main process imports spaCy.
- `langdetect`: Google's n-gram profiles, seeded (`DetectorFactory.seed = 0`) so runs
  repeat; it has no Belarusian profile, so `be` only ever comes from the letters.

The letter rule (violations) is applied by the segmenter on top of every backend; a
backend only has to rank languages that the letters leave possible.
"""
from __future__ import annotations

import contextlib
import math
import os
import pickle
import subprocess
import sys
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO, Iterable, Protocol, Sequence

from pipeline.segment.letters import LANGUAGES, marker_hits

CACHE_SIZE = 50_000  # unit texts remembered per backend
FLOOR = 1e-6  # probability floor, so one detector's certainty never outweighs hard letter evidence


class Backend(Protocol):
    name: str

    def scores(self, texts: Sequence[str], words: Sequence[list[str]], candidates: Sequence[tuple[str, ...]]) -> list[dict[str, float]]:
        """Log-scores (higher is better) for each text over its candidate languages."""
        ...


def _logs(probs: dict[str, float], cands: tuple[str, ...]) -> dict[str, float]:
    total = sum(probs.get(c, 0.0) for c in cands)
    if total <= 0:
        return {c: 0.0 for c in cands}
    return {c: math.log(max(probs.get(c, 0.0) / total, FLOOR)) for c in cands}


class RuleBackend:
    """Marker words only; the letters and the priors (added for every backend) do the rest."""

    name = "rule"
    MARKER_WEIGHT = 1.0

    def scores(self, texts, words, candidates):
        out = []
        for ws, cands in zip(words, candidates):
            out.append({c: self.MARKER_WEIGHT * marker_hits(ws, c) for c in cands})
        return out


class LinguaBackend:
    """lingua restricted to the candidate languages of each unit; in this process, or in a
    child process once `start_child` was called (see there)."""

    name = "lingua"

    def __init__(self) -> None:
        self._child: _LinguaChild | None = None
        # names repeat within and across articles (Гродно, «Могилев»): ask once per process
        self._probs = lru_cache(maxsize=CACHE_SIZE)(self._compute)

    def _compute(self, text: str, candidates: tuple[str, ...]) -> dict[str, float]:
        if self._child is not None:
            try:
                return self._child.probs(text, candidates)
            except (EOFError, OSError, pickle.UnpicklingError):  # the child is gone: go on here
                self._child.close()
                self._child = None
        return _lingua_probs(text, candidates)

    def scores(self, texts, words, candidates):
        return [_logs(self._probs(text, cands), cands) for text, cands in zip(texts, candidates)]

    def preload(self) -> None:
        """Load every language's models now (before forking workers, which then share them)."""
        _lingua_detector(LANGUAGES, preloaded=True)

    def start_child(self, candidate_sets: Iterable[tuple[str, ...]]) -> bool:
        """Score units in a child process from now on, which starts loading the models of
        `candidate_sets` at once. Why: lingua holds the GIL while it loads (~0.7 s for pl+en),
        so a thread cannot overlap it with the rest of the start-up (importing spaCy, loading
        the pipelines), a process on another core can. Same detector, same scores (to lingua's
        own last-bit noise between processes). Not done when no model is expected or where
        models are loaded already. Returns whether a child runs."""
        candidate_sets = sorted(set(candidate_sets))
        if self._child is not None or not candidate_sets or _lingua_detector.cache_info().currsize:
            return self._child is not None
        try:
            self._child = _LinguaChild(candidate_sets)
        except OSError:  # could not start it: score here
            return False
        return True

    def stop_child(self) -> None:
        if self._child is not None:
            self._child.close()
            self._child = None


_LINGUA_NAMES = {"pl": "POLISH", "ru": "RUSSIAN", "be": "BELARUSIAN", "uk": "UKRAINIAN", "en": "ENGLISH"}


@lru_cache(maxsize=None)
def _lingua_detector(languages: tuple[str, ...] = LANGUAGES, preloaded: bool = False):
    """A detector for `languages`; lingua keeps the models in one process-wide store, so
    detectors of overlapping sets load each model once."""
    from lingua import Language, LanguageDetectorBuilder

    builder = LanguageDetectorBuilder.from_languages(*(getattr(Language, _LINGUA_NAMES[c]) for c in languages))
    return (builder.with_preloaded_language_models() if preloaded else builder).build()


def _lingua_probs(text: str, candidates: tuple[str, ...]) -> dict[str, float]:
    """lingua's confidence per language code, over the candidates."""
    values = _lingua_detector(candidates).compute_language_confidence_values(text)
    return {_LINGUA_CODES[v.language.name]: v.value for v in values}


_LINGUA_CODES = {n: c for c, n in _LINGUA_NAMES.items()}


class _LinguaChild:
    """`python -m pipeline.segment.lingua_child`, answering `_lingua_probs` requests pickled over
    its stdin/stdout, one at a time. A fresh interpreter rather than a fork: a fork copies the
    locks held by this process's other threads (BLAS, lingua's, allocators) and can hang on
    them; and rather than multiprocessing's spawn, which re-runs the caller's main script."""

    def __init__(self, candidate_sets: list[tuple[str, ...]]) -> None:
        root = str(Path(__file__).resolve().parents[2])  # this copy of the package, wherever run from
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")])),
               # lingua preloads on a thread per core; one leaves the other core to this process
               "RAYON_NUM_THREADS": "1"}
        self._proc = subprocess.Popen([sys.executable, "-m", "pipeline.segment.lingua_child"],
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        self._send(candidate_sets)

    def _send(self, obj: object) -> None:
        pickle.dump(obj, self._proc.stdin)
        self._proc.stdin.flush()

    def probs(self, text: str, candidates: tuple[str, ...]) -> dict[str, float]:
        self._send((text, candidates))
        return pickle.load(self._proc.stdout)

    def close(self) -> None:
        """End the child now (it holds nothing to save; it may be busy loading models)."""
        self._proc.kill()
        self._proc.wait()
        for pipe in (self._proc.stdin, self._proc.stdout):
            with contextlib.suppress(OSError):  # a request may be left unsent in the buffer
                pipe.close()


def serve(inp: BinaryIO, out: BinaryIO) -> None:
    """The child's loop: load the models of the candidate sets sent first, then answer
    `(text, candidates)` requests until the input ends (the parent closed it or is gone)."""
    for candidates in pickle.load(inp):
        _lingua_detector(candidates, preloaded=True)
    while True:
        try:
            text, candidates = pickle.load(inp)
        except EOFError:
            return
        pickle.dump(_lingua_probs(text, candidates), out)
        out.flush()


class LangdetectBackend:
    """langdetect, seeded, with its prior restricted to the candidates it knows."""

    name = "langdetect"

    def __init__(self) -> None:
        from langdetect import DetectorFactory
        from langdetect.detector_factory import init_factory
        import langdetect.detector_factory as factory

        DetectorFactory.seed = 0
        init_factory()
        self._factory = factory._factory
        self._known = set(self._factory.langlist)

    def scores(self, texts, words, candidates):
        from langdetect.lang_detect_exception import LangDetectException

        out = []
        for text, cands in zip(texts, candidates):
            known = [c for c in cands if c in self._known]
            probs: dict[str, float] = {}
            if known:
                detector = self._factory.create()
                detector.set_prior_map({c: 1.0 for c in known})
                detector.append(text)
                try:
                    detector.get_probabilities()
                    probs = {lang: p for lang, p in zip(detector.langlist, detector.langprob) if lang in cands}
                except LangDetectException:  # no n-gram features (e.g. one short word)
                    probs = {}
            if probs and len(known) < len(cands):
                # a language it has no profile for (be) ties with its best guess: letters decide
                best = max(probs.values())
                probs.update({c: best for c in cands if c not in self._known})
            out.append(_logs(probs, cands))
        return out


BACKENDS = {"rule": RuleBackend, "lingua": LinguaBackend, "langdetect": LangdetectBackend}


def clear_caches() -> None:
    """Forget remembered unit texts (so a timing pass starts cold)."""
    for backend in _INSTANCES.values():
        cache = getattr(backend, "_probs", None)
        if cache is not None:
            cache.cache_clear()


_INSTANCES: dict[str, Backend] = {}


def preload(name: str) -> None:
    """Load all models of the named backend (those without models have nothing to load)."""
    load = getattr(get_backend(name), "preload", None)
    if load is not None:
        load()


def get_backend(name: str) -> Backend:
    """A shared instance of the named backend."""
    if name not in _INSTANCES:
        if name not in BACKENDS:
            raise ValueError(f"unknown segment backend {name!r}; choose from {sorted(BACKENDS)}")
        _INSTANCES[name] = BACKENDS[name]()
    return _INSTANCES[name]

"""Language segments: contiguous single-language runs of an article (pl, ru, be, uk, en, und).

How: the text is cut into *units* (words of one script between hard boundaries — every
bracket, quote, sentence end or line break), each unit is scored by the letter rule
(letters a language cannot have, `pipeline/lang/<xx>/letters.json`) plus a backend, the
units of each script are decoded together (Viterbi with a switch penalty, so short names
take their context's language), and equal neighbours are merged into segments whose
borders follow the brackets and quotes. Digits, punctuation, URLs and e-mail addresses
have no language and attach to a neighbour; a range with no letters at all is `und`.

Policy: a Latin unit of at most 2 letters (`IT`, `D`), or a single Latin acronym (one word of
≤ 6 letters with ≥ 2 capitals, e.g. `PFRR`, `KOM`, `UwB`) between Cyrillic words, is attached to its neighbours
instead of forming a segment; two or more Latin words (`Podlaska Fundacja`) form their own.
Letters of other scripts (Georgian, Greek …) give `und` segments.

Default backend: `lingua`, by measurement (`python -m pipeline.evaluate.segments`, 2026-11-27,
character accuracy and segmentation time, best of 3 cold passes, 2 cores under load ~7-9):

    corpus                     lingua*          rule             langdetect       lingua-multi
    devset (24 art., body)     100.00 % 0.26 s  100.00 % 0.19 s  99.56 % 2.9 s    98.82 % 0.78 s
    SlavicNER (200 docs)        99.99 % 4.7 s    99.98 % 2.4 s   99.77 % 29.0 s   97.92 % 11.0 s
    short list (74 x 1-5 w.)    99.53 %          91.97 %         94.38 %          97.12 %
    mixed sentences (30)        99.17 %          97.15 %         99.08 %          95.67 %
    SlavicNER, all 1642 docs    99.91 % 39 s     99.90 % 17 s    (not run)        97.63 % 122 s

`rule` is ~1.5-2x faster but fails short names without telling letters (Рівне, Волинська
обласна рада); lingua is the only backend at >= 99 % everywhere and is ~2.5-3x faster than
lingua's own `detect_multiple_languages_of` (lingua-multi) on whole articles, because the
letters settle most units without a model call. The first call loads lingua's models
(~1.5 s on an idle machine, ~190 MB RSS per process; only those of the unit's candidate
languages, and with `--workers 1` in a child process: `start_background`).
"""
from __future__ import annotations

import re

from pipeline.record import Segment
from pipeline.segment.backends import BACKENDS, get_backend
from pipeline.segment.cut import Run, to_segments
from pipeline.segment.decode import decide, letter_evidence
from pipeline.segment.units import Unit, is_acronym, units_in

_LETTER = re.compile(r"[^\W\d_]")
DEFAULT_BACKEND = "lingua"
ABSORB_MAX_LETTERS = 2


def foreign_crumb(text: str, unit: Unit) -> bool:
    """A unit too small to be a language of its own inside another script's text."""
    if unit.script != "Latin":
        return False
    return unit.n_letters <= ABSORB_MAX_LETTERS or is_acronym(text, unit)


def crumb_flags(text: str, units: list[Unit]) -> list[bool]:
    """Which units are attached to their neighbours (a crumb of another script between them)."""
    flags = []
    for i, u in enumerate(units):
        neighbours = [units[j].script for j in (i - 1, i + 1) if 0 <= j < len(units)]
        flags.append(bool(neighbours) and all(s != u.script for s in neighbours) and foreign_crumb(text, u))
    return flags


def _language_units(text: str, start: int, end: int) -> list[Unit]:
    """The units that get a language of their own (crumbs and short other-script bits dropped)."""
    units = units_in(text, start, end)
    units = [u for u, crumb in zip(units, crumb_flags(text, units)) if not crumb]
    return [u for u in units if u.script != "Other" or u.n_letters > ABSORB_MAX_LETTERS]


def model_candidates(text: str, start: int = 0, end: int | None = None) -> set[tuple[str, ...]]:
    """The candidate-language sets the backend will be asked about for text[start:end] (units
    whose letters leave more than one language open): the models segmenting it needs."""
    units = _language_units(text, start, len(text) if end is None else end)
    _, alive, need = letter_evidence(text, units)
    return {alive[i] for i in need}


def segment(
    text: str, start: int = 0, end: int | None = None, hint: str | None = None, backend: str | None = None
) -> list[Segment]:
    """Contiguous single-language runs covering text[start:end] exactly, ordered.

    `hint` (a declared language) breaks ties; `backend` names a scorer from BACKENDS.
    """
    end = len(text) if end is None else end
    if start >= end:
        return []
    units = _language_units(text, start, end)
    scorer = get_backend(backend or DEFAULT_BACKEND)
    decisions = decide(text, units, scorer, hint)
    runs = [Run(u.start, u.end, d.language, d.confidence, u.n_letters) for u, d in zip(units, decisions)]
    return to_segments(text, runs, start, end)


def start_background(text: str, start: int = 0) -> bool:
    """Let the default backend score in a child process from now on, loading at once the models
    that segmenting text[start:] needs (see `LinguaBackend.start_child`); whether it does."""
    starter = getattr(get_backend(DEFAULT_BACKEND), "start_child", None)
    return bool(starter and starter(model_candidates(text, start)))


def stop_background() -> None:
    """Back to scoring in this process (ends the child, if any)."""
    stopper = getattr(get_backend(DEFAULT_BACKEND), "stop_child", None)
    if stopper:
        stopper()


def dominant_language(segments: list[Segment], text: str) -> str:
    """The language covering most letters; 'und' if no segment has a language."""
    weight: dict[str, int] = {}
    for s in segments:
        if s.language != "und":
            n = len(_LETTER.findall(text, s.start, s.end))
            weight[s.language] = weight.get(s.language, 0) + n
    weight = {k: v for k, v in weight.items() if v > 0}
    return max(sorted(weight), key=weight.__getitem__) if weight else "und"


__all__ = ["BACKENDS", "DEFAULT_BACKEND", "dominant_language", "model_candidates", "segment", "start_background",
           "stop_background"]

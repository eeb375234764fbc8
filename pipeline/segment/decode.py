"""Give every unit a language: letter evidence + backend scores, smoothed over the article.

Per script (Latin: pl/en; Cyrillic: ru/be/uk) the units form one sequence, decoded with
Viterbi: a unit's own score (emission) against a penalty for switching language between
neighbouring units of that script, set by what separates them (SWITCH_COST), so a short
ambiguous name ("Могилев") takes the language of its context while a quoted piece whose
letters or n-grams say otherwise switches.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from pipeline.segment.backends import Backend
from pipeline.segment.letters import languages_of_script, letters, violations
from pipeline.segment.units import QUOTE_LIKE, Unit, is_acronym

VIOLATION_COST = 3.0  # log units per letter the language cannot have
FAST_MARGIN = 2  # letters alone decide when every other language has this many violations
HINT_BONUS = 1.0
RULED_OUT = -1e6  # a strict language whose letters are missing while another language fits
# Cost of a language switch between neighbouring units of one script, by what separates them.
# Cyrillic: quotes and brackets are where a Ukrainian title or a Russian quote sits inside a
# Russian/Belarusian sentence, so a switch there is cheap; a bare dash or colon is not.
# Latin: a foreign name inside a Polish sentence (an English or Romanian organisation) stays
# with the sentence — Polish is the only Latin-script language the later stages read anyway;
# whole English sentences still switch at the sentence border.
SWITCH_COST = {
    ("Cyrillic", "sentence"): 2.0,
    ("Cyrillic", "mark"): 1.0,
    ("Cyrillic", "inside"): 6.0,
    ("Latin", "sentence"): 2.0,
    ("Latin", "mark"): 12.0,
    ("Latin", "inside"): 12.0,
}
_SENTENCE_BREAK = re.compile(r"[\r\n]|[.!?…]\s")


@dataclass
class Decision:
    language: str
    confidence: float


def _ruled_out(v: dict[str, int]) -> set[str]:
    """Strict languages with a letter they cannot have, while another language has none."""
    if min(v.values()) > 0:
        return set()
    return {c for c, n in v.items() if n and letters(c).strict}


def letter_evidence(
    text: str, units: list[Unit]
) -> tuple[list[dict[str, int]], list[tuple[str, ...]], list[int]]:
    """Per unit: violations per language of its script, the languages still possible, and
    which units (indices) the letters leave open, i.e. go to the backend."""
    viols = [{c: violations(u.counts, c) for c in languages_of_script(u.script)} for u in units]
    alive = [tuple(c for c in v if c not in _ruled_out(v)) for v in viols]
    need = []
    for i, (v, cs) in enumerate(zip(viols, alive)):
        ranked = sorted(v[c] for c in cs)
        if len(ranked) < 2 or (ranked[0] == 0 and ranked[1] >= FAST_MARGIN):
            continue  # the letters decide
        if is_acronym(text, units[i]):
            continue  # no n-grams to speak of (СЭЗ): letters, priors and context decide
        need.append(i)
    return viols, alive, need


def _emissions(
    text: str, units: list[Unit], backend: Backend, hint: str | None
) -> list[dict[str, float]]:
    viols, alive, need = letter_evidence(text, units)
    model = backend.scores(
        [text[units[i].start : units[i].end] for i in need],
        [units[i].words for i in need],
        [alive[i] for i in need],
    )
    from_model = dict(zip(need, model))
    out = []
    for i, (v, cs) in enumerate(zip(viols, alive)):
        m = from_model.get(i, {})
        out.append(
            {
                c: -VIOLATION_COST * v[c] + m.get(c, 0.0) + letters(c).prior + (HINT_BONUS if c == hint else 0.0)
                if c in cs
                else RULED_OUT
                for c in v
            }
        )
    return out


def _switch_cost(text: str, left: Unit, right: Unit) -> float:
    """By the gap: a sentence border (full stop before a capital, line break), a quote or
    bracket mark, or neither."""
    between = text[left.end : right.start]
    m = _SENTENCE_BREAK.search(between)
    if m and (m.group() in "\r\n" or text[right.start].isupper()):
        kind = "sentence"
    elif any(ch in QUOTE_LIKE for ch in between):
        kind = "mark"
    else:
        kind = "inside"
    return SWITCH_COST[(left.script, kind)]


def _viterbi(text: str, units: list[Unit], emissions: list[dict[str, float]]) -> list[str]:
    langs = list(emissions[0])
    best = [dict(emissions[0])]
    back: list[dict[str, str]] = [{}]
    for i in range(1, len(units)):
        cost = _switch_cost(text, units[i - 1], units[i])
        row, ptr = {}, {}
        for lang in langs:
            prev = max(langs, key=lambda p: (best[-1][p] - (0.0 if p == lang else cost), p == lang))
            row[lang] = best[-1][prev] - (0.0 if prev == lang else cost) + emissions[i][lang]
            ptr[lang] = prev
        best.append(row)
        back.append(ptr)
    last = max(langs, key=lambda lang: (best[-1][lang], -langs.index(lang)))
    path = [last]
    for i in range(len(units) - 1, 0, -1):
        path.append(back[i][path[-1]])
    return path[::-1]


def _confidence(emission: dict[str, float], language: str) -> float:
    top = max(emission.values())
    z = sum(math.exp(v - top) for v in emission.values())
    return math.exp(emission[language] - top) / z


def decide(text: str, units: list[Unit], backend: Backend, hint: str | None = None) -> list[Decision]:
    """A language and confidence for every unit; `Other`-script units are `und`."""
    decisions: list[Decision | None] = [None] * len(units)
    for script in ("Latin", "Cyrillic"):
        idx = [i for i, u in enumerate(units) if u.script == script]
        if not idx:
            continue
        group = [units[i] for i in idx]
        emissions = _emissions(text, group, backend, hint)
        for i, lang, em in zip(idx, _viterbi(text, group, emissions), emissions):
            decisions[i] = Decision(lang, _confidence(em, lang))
    return [d if d is not None else Decision("und", 0.0) for d in decisions]


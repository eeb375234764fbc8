"""Language segments: the seed's parenthesised Cyrillic name, be/uk sentences, coverage."""
from __future__ import annotations

import pytest

from pipeline.segment import BACKENDS, dominant_language, segment

SEED_LIKE = (
    "Porozumienie podpisali przedstawiciele Wolnej Strefy Ekonomicznej „Mohylew” "
    "(свободной экономической зоны «Могилев») i powiatu bielskiego."
)
BELARUSIAN = "Удзельнікі семінара абмеркавалі, як развіваць сельскі турызм на Гродзеншчыне."
UKRAINIAN = "Учасники форуму обговорили, як залучати гранти на ремонт шкіл у громадах."
MIXED = (
    "Вчера в Гродно эксперты PFRR и Podlaska Fundacja Rozwoju Regionalnego провели семинар. "
    "Mówiono też o projekcie (Навагрудскі раённы выканаўчы камітэт), a 12.03.2019 r. o umowie."
)


def _covers(segs, start, end):
    assert segs, "no segments"
    assert segs[0].start == start and segs[-1].end == end
    for a, b in zip(segs, segs[1:]):
        assert a.end == b.start, "gap or overlap"
    assert all(s.start < s.end for s in segs)
    assert all(0.0 <= s.confidence <= 1.0 for s in segs)


@pytest.mark.parametrize("backend", sorted(BACKENDS))
def test_parenthesised_cyrillic_name_is_exactly_one_ru_segment(backend):
    segs = segment(SEED_LIKE, backend=backend)
    ru = [s for s in segs if s.language == "ru"]
    assert len(ru) == 1
    a = SEED_LIKE.index("свободной")
    b = SEED_LIKE.index("»") + 1
    assert (ru[0].start, ru[0].end) == (a, b)
    assert {s.language for s in segs} == {"pl", "ru"}


def test_default_backend_on_seed_pattern():
    segs = segment(SEED_LIKE)
    assert [s.language for s in segs] == ["pl", "ru", "pl"]
    assert SEED_LIKE[segs[1].start : segs[1].end] == "свободной экономической зоны «Могилев»"


@pytest.mark.parametrize("backend", sorted(BACKENDS))
def test_belarusian_sentence_is_be(backend):
    segs = segment(BELARUSIAN, backend=backend)
    assert [s.language for s in segs] == ["be"]


@pytest.mark.parametrize("backend", sorted(BACKENDS))
def test_ukrainian_sentence_is_uk(backend):
    segs = segment(UKRAINIAN, backend=backend)
    assert [s.language for s in segs] == ["uk"]


def test_latin_name_in_cyrillic_text_is_own_segment_but_acronym_stays():
    segs = segment(MIXED)
    langs = [(MIXED[s.start : s.end].strip(), s.language) for s in segs]
    pl_name = [t for t, lang in langs if lang == "pl" and t.startswith("Podlaska Fundacja")]
    assert pl_name, langs
    ru_first = segs[0]
    assert ru_first.language == "ru" and "PFRR" in MIXED[ru_first.start : ru_first.end]
    be = [t for t, lang in langs if lang == "be"]
    assert be == ["Навагрудскі раённы выканаўчы камітэт"]


@pytest.mark.parametrize("backend", sorted(BACKENDS))
def test_segments_cover_range_without_gaps(backend):
    start, end = 5, len(MIXED) - 3
    _covers(segment(MIXED, start, end, backend=backend), start, end)
    _covers(segment(SEED_LIKE, backend=backend), 0, len(SEED_LIKE))


def test_no_letters_is_und_and_empty_range_is_empty():
    assert [s.language for s in segment("12.03.2019 — 15:30 (https://example.org/a)")] == ["und"]
    assert segment("abc", 2, 2) == []


def test_deterministic_over_repeated_runs():
    text = " ".join([SEED_LIKE, BELARUSIAN, UKRAINIAN, MIXED])
    for backend in sorted(BACKENDS):
        first = segment(text, backend=backend)
        for _ in range(3):
            assert segment(text, backend=backend) == first


def test_hint_breaks_ties_only():
    ambiguous = "Брест"  # letters allow ru, be and uk
    assert segment(ambiguous, hint="be", backend="rule")[0].language == "be"
    assert segment(BELARUSIAN, hint="ru", backend="rule")[0].language == "be"


def test_dominant_language_counts_letters():
    segs = segment(SEED_LIKE)
    assert dominant_language(segs, SEED_LIKE) == "pl"
    assert dominant_language([], "") == "und"

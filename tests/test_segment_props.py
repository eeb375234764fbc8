"""Property tests: any text, any range -> ordered segments covering it exactly, repeatably."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.segment import dominant_language, segment

ALPHABET = "abcząłóśWZ ПрівётўїэыИ «»„”()\"-–.,!?\n0123 :/@"
LANGS = {"pl", "en", "ru", "be", "uk", "und"}


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=120), st.data())
def test_cover_exactly_and_repeat(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    segs = segment(text, start, end, backend="rule")
    if start == end:
        assert segs == []
        return
    assert segs[0].start == start and segs[-1].end == end
    assert all(a.end == b.start for a, b in zip(segs, segs[1:]))
    assert all(s.start < s.end and s.language in LANGS and 0 <= s.confidence <= 1 for s in segs)
    assert all(a.language != b.language for a, b in zip(segs, segs[1:]))  # equal neighbours merged
    assert segment(text, start, end, backend="rule") == segs
    assert dominant_language(segs, text) in LANGS


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=80))
def test_default_backend_covers(text):
    segs = segment(text)
    assert segs[0].start == 0 and segs[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(segs, segs[1:]))

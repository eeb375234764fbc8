"""Date annotator: the written cases (tests/data/dates_cases.tsv) and the interface details."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.annotate.dates import anchor_from_text, find_dates, ordinal_day, parse_published
from pipeline.evaluate.dates_cases import case_passes, load_cases, render

CASES = load_cases()
POSITIVES = [c for c in CASES if not c.negative]
NEGATIVES = [c for c in CASES if c.negative]


def test_suite_size():
    assert len(POSITIVES) + len(NEGATIVES) >= 150 and len(NEGATIVES) >= 30
    assert {c.lang for c in CASES} >= {"pl", "ru", "be"}


@pytest.mark.parametrize("case", POSITIVES, ids=lambda c: f"L{c.line}-{c.lang}")
def test_positive_case(case):
    assert render(find_dates(case.text, case.lang, case.anchor)) == case.expected


@pytest.mark.parametrize("case", NEGATIVES, ids=lambda c: f"L{c.line}-{c.lang}")
def test_negative_case_has_no_date(case):
    found = render(find_dates(case.text, case.lang, case.anchor))
    assert case_passes(case, found), found


def test_positive_rate_at_least_97_percent():
    exact = sum(case_passes(c, render(find_dates(c.text, c.lang, c.anchor))) for c in POSITIVES)
    assert exact / len(POSITIVES) >= 0.97


ANCHOR = dt.date(2019, 10, 15)


def test_offsets_and_flags():
    text = "Wczoraj podpisano umowę, a 17–18 września odbyło się forum (w 2018 roku też)."
    found = find_dates(text, "pl", ANCHOR)
    assert [text[d.start:d.end] for d in found] == [d.text for d in found]
    rel, rng, year = found
    assert (rel.value, rel.relative, rel.year_from_anchor) == ("2019-10-14", True, False)
    assert (rng.value, rng.kind, rng.year_from_anchor, rng.relative) == ("2019-09-17/2019-09-18", "range", True, False)
    assert (year.value, year.kind, year.year_from_anchor) == ("2018", "year", False)


def test_time_is_not_a_date():
    found = find_dates("Start o godz. 10.00, koniec 12:30.", "pl", ANCHOR)
    assert [(d.label, d.value) for d in found] == [("TIME", "10:00"), ("TIME", "12:30")]


def test_year_range_is_a_period():
    (d,) = find_dates("Raport za lata 2014-2020.", "pl", ANCHOR)
    assert (d.label, d.value, d.kind) == ("DATE", "2014/2020", "period")


def test_without_anchor_missing_year_is_unknown():
    found = find_dates("Forum odbyło się 9 października, a wczoraj podpisano umowę.", "pl", None)
    assert [d.value for d in found] == ["", ""]
    assert find_dates("9 października 2019 r.", "pl", None)[0].value == "2019-10-09"


@pytest.mark.parametrize("lang", ["en", "und", ""])
def test_numeric_only_fallback(lang):
    found = find_dates("Meeting on 14.10.2019 and 9 października, maj, wczoraj.", lang, ANCHOR)
    assert [d.value for d in found] == ["2019-10-14"]


def test_cyrillic_fallback_vocabulary():
    # a Belarusian month in a segment labelled Russian is still read
    assert [d.value for d in find_dates("З 3 па 5 кастрычніка 2018 года", "ru")] == ["2018-10-03/2018-10-05"]


@pytest.mark.parametrize("value, iso", [
    ("2018-04-13T09:30:00+03:00", "2018-04-13"),
    ("2019-09-12 10:05", "2019-09-12"),
    ("2018-04-12", "2018-04-12"),
    ("14.10.2019", "2019-10-14"),
    ("9 października 2019", "2019-10-09"),
    ("10 октября 2019 г.", "2019-10-10"),
    ("3 кастрычніка 2018 года", "2018-10-03"),
    ("Wed, 13 Nov 2019 10:00:00 GMT", "2019-11-13"),
    ("nie", ""), ("", ""), ("9 października", ""),
])
def test_parse_published(value, iso):
    assert parse_published(value) == iso


@pytest.mark.parametrize("text, lang, n", [
    ("Drugiego dnia", "pl", 2), ("Trzeci dzień", "pl", 3), ("Ostatni dzień", "pl", -1),
    ("В первый день", "ru", 1), ("У апошні дзень", "be", -1), ("Drugie spotkanie", "pl", 2),
    ("В заключительный день ярмарки", "ru", -1), ("на 2-й день", "ru", 2), ("Spotkanie w Grodnie", "pl", None),
])
def test_ordinal_day(text, lang, n):
    assert ordinal_day(text, lang) == n


def test_anchor_from_text():
    text = "Aktualności | 06.07.2018\nW dniach 2-4 lipca gościliśmy delegację.\n"
    assert anchor_from_text(text, "pl") == dt.date(2018, 7, 6)
    assert anchor_from_text("Bez daty.", "pl") is None


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 .,-–:/ r.рг маяlistopadaвчераwczoraj\n")), max_size=80),
       st.sampled_from(["pl", "ru", "be", "uk", "und"]))
def test_never_raises_and_spans_are_sane(text, lang):
    found = find_dates(text, lang, ANCHOR)
    ends = [0]
    for d in found:
        assert 0 <= d.start < d.end <= len(text) and text[d.start:d.end] == d.text
        assert d.start >= ends[-1]  # sorted, non-overlapping
        ends.append(d.end)
        assert d.label in ("DATE", "TIME")


def test_interface_fields():
    from dataclasses import fields

    from pipeline.annotate.dates import DateMatch

    names = [f.name for f in fields(DateMatch)]
    assert names[:7] == ["start", "end", "text", "label", "value", "relative", "year_from_anchor"]
    assert [d.value for d in find_dates("14 października 2019", "PL")] == ["2019-10-14"]


def test_long_text_stays_fast():
    import time

    text = " ".join(c.text for c in CASES if c.lang == "pl") * 5
    t0 = time.process_time()
    found = find_dates(text, "pl", ANCHOR)
    assert len(found) > 500 and time.process_time() - t0 < 10


def test_deterministic():
    text = "С 12 по 14 марта 2019 года, вчера и в среду."
    assert find_dates(text, "ru", ANCHOR) == find_dates(text, "ru", ANCHOR)


def _flat_alternation(words) -> str:
    """The longest-first flat alternation `dates_grammar.alt` replaced (reference for its trie)."""
    import re
    from pipeline.annotate.dates_grammar import NEVER, alt_words
    items = sorted(alt_words(words), key=lambda w: (-len(w), w))
    if not items:
        return NEVER
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="abcąć. ", min_size=1, max_size=5), min_size=1, max_size=12),
       st.text(alphabet="abcąćABĄ. \n", max_size=40))
@example(words=[" ", "  a"], text="  A")  # a gap of two spaces once ended the trie's match early
def test_trie_alternation_matches_like_flat_alternation(words, text):
    import re
    from pipeline.annotate.dates_grammar import alt
    for tail in ("", r"(?!\w)", r"\s+c"):  # what follows decides which word the pattern keeps
        trie = re.compile(rf"(?<!\w)(?P<w>{alt(words)}){tail}", re.IGNORECASE)
        flat = re.compile(rf"(?<!\w)(?P<w>{_flat_alternation(words)}){tail}", re.IGNORECASE)
        assert [m.span("w") for m in trie.finditer(text)] == [m.span("w") for m in flat.finditer(text)]

"""Polish tokenizer and sentence splitter (no model needed): abbreviations, dates, ranges, quotes."""
from __future__ import annotations

import pytest

from pipeline.annotate.pl_tokenizer import blank_pl


@pytest.fixture(scope="module")
def nlp():
    return blank_pl()


def tokens(nlp, text: str) -> list[str]:
    return [t.text for t in nlp(text)]


def sents(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents]


@pytest.mark.parametrize("abbr, text", [
    ("r.", "Program ruszył w 2021 r. w trzech gminach."),
    ("dn.", "Warsztaty zaplanowano na dn. 3 marca."),
    ("ul.", "Biuro mieści się przy ul. Lipowej 12."),
    ("im.", "Szkoła im. Marii Konopnickiej gościła uczniów."),
    ("tys.", "Budżet wyniósł 40 tys. euro."),
    ("mln", "Wsparcie sięga 2 mln zł."),
    ("pt.", "Odbył się panel pt. Nowe rynki."),
    ("godz.", "Początek o godz. 10:00 w auli."),
    ("ok.", "Przyjechało ok. 40 osób."),
    ("m.in.", "Omówiono m.in. logistykę."),
    ("tj.", "Spotkanie w czwartek, tj. 5 maja."),
    ("np.", "Sektory takie jak np. turystyka."),
    ("woj.", "Gmina leży w woj. podlaskim."),
    ("pow.", "Sołectwo w pow. hajnowskim."),
    ("gm.", "Wieś w gm. Narewka."),
])
def test_abbreviation_is_one_token_and_no_sentence_end(nlp, abbr, text):
    assert abbr in tokens(nlp, text)
    assert len(sents(nlp, text)) == 1


def test_capitalised_abbreviation_variant(nlp):
    assert "Ul." in tokens(nlp, "Ul. Polna została wyremontowana.")


def test_day_abbreviation_does_not_end_sentence_but_year_does(nlp):
    text = "Forum zorganizowano w dn. 9 października 2019 r. Dzięki niemu powstały nowe projekty."
    assert sents(nlp, text) == ["Forum zorganizowano w dn. 9 października 2019 r.",
                               "Dzięki niemu powstały nowe projekty."]


def test_thousands_can_end_sentence_before_capital(nlp):
    text = "Zebrano 15 tys. Kolejna zbiórka ruszy jesienią."
    assert len(sents(nlp, text)) == 2


def test_numeric_date_is_one_token(nlp):
    assert "14.10.2019" in tokens(nlp, "Umowę podpisano 14.10.2019 w ratuszu.")


def test_date_range_with_en_dash(nlp):
    toks = tokens(nlp, "Targi trwały 12–14.03.2018 w hali.")
    assert toks[2:5] == ["12", "–", "14.03.2018"]


def test_numeric_range_with_hyphen(nlp):
    toks = tokens(nlp, "Wizyta potrwa 9-11 maja.")
    assert toks[2:5] == ["9", "-", "11"]


def test_decimal_number_is_one_token(nlp):
    assert "3,5" in tokens(nlp, "Wzrost o 3,5 proc. rok do roku.")


@pytest.mark.parametrize("text, name", [
    ("Projekt „Dobre Sąsiedztwo” ruszył.", "Dobre"),
    ("Projekt «Dobre Sąsiedztwo» ruszył.", "Dobre"),
])
def test_quotes_are_separate_tokens(nlp, text, name):
    toks = tokens(nlp, text)
    i = toks.index(name)
    assert toks[i - 1] in {"„", "«"} and toks[i + 2] in {"”", "»"}


def test_closing_quote_stays_with_its_sentence(nlp):
    text = "Prezes powiedział: „Jesteśmy gotowi.” Następnie głos zabrał burmistrz."
    assert sents(nlp, text) == ["Prezes powiedział: „Jesteśmy gotowi.”", "Następnie głos zabrał burmistrz."]


def test_initial_does_not_end_sentence(nlp):
    assert len(sents(nlp, "Referat wygłosił J. Nowicki z Lublina.")) == 1


def test_plain_periods_and_line_breaks_split(nlp):
    text = "Pierwsze zdanie. Drugie zdanie!\nNagłówek bez kropki\nTreść akapitu."
    assert sents(nlp, text) == ["Pierwsze zdanie.", "Drugie zdanie!", "Nagłówek bez kropki", "Treść akapitu."]


def test_lower_case_after_period_continues_sentence(nlp):
    assert len(sents(nlp, "Wg prognoz tzw. strefa wzrośnie.")) == 1


def test_write_sent_starts_stores_what_the_token_setter_stores():
    from pipeline.annotate.stateless import write_sent_starts
    nlp = blank_pl()
    flags = [True, False, None, True, False, False]
    by_setter = nlp.make_doc("Ala ma kota . Kot śpi")
    for tok, flag in zip(by_setter, flags):
        if flag is not None:
            tok.is_sent_start = flag
    by_array = write_sent_starts(nlp.make_doc("Ala ma kota . Kot śpi"), flags)
    assert [t.is_sent_start for t in by_array] == [t.is_sent_start for t in by_setter] == [True, False, None, True, False, False]
    assert [s.text for s in by_array.sents] == [s.text for s in by_setter.sents]


def test_factory_builds_nothing_only_while_a_saved_tokenizer_is_loaded():
    from spacy.util import registry

    from pipeline.annotate.pl_tokenizer import TOKENIZER_NAME, saved_tokenizer
    nlp = blank_pl()
    make = registry.tokenizers.get(TOKENIZER_NAME)()
    with saved_tokenizer():
        bare = make(nlp)
        assert bare.rules == {} and bare.infix_finditer is None and bare.token_match is None
    full = make(nlp)
    assert full.to_bytes(exclude=["vocab"]) == nlp.tokenizer.to_bytes(exclude=["vocab"])
    assert "m.in." in full.rules


def test_saved_tokenizer_flag_is_reset_after_an_error():
    from spacy.util import registry

    from pipeline.annotate.pl_tokenizer import TOKENIZER_NAME, saved_tokenizer
    with pytest.raises(RuntimeError):
        with saved_tokenizer():
            raise RuntimeError("load failed")
    assert "m.in." in registry.tokenizers.get(TOKENIZER_NAME)()(blank_pl()).rules

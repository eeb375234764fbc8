"""Lemmas read with the other mentions of the document (pipeline.normalise.lemmas_context).
Names below are made up or common; none is taken from the benchmarks in ../shared."""
from __future__ import annotations

import pytest

from pipeline.normalise.lemmas import lemmatise
from pipeline.normalise.lemmas_context import lemmatise_in_document


def _pl(*forms: str, label: str = "") -> list[tuple[str, str, str]]:
    return [(form, "pl", label) for form in forms]


@pytest.mark.parametrize("forms,expected", [
    # a foreign name whose ending alone is ambiguous, written bare elsewhere
    (("Greya", "Grey"), ["Grey", "Grey"]),
    (("Zorvisty", "Zorvista"), ["Zorvista", "Zorvista"]),
    # a full name in an oblique case beside the same name in the nominative
    (("Marka Trevory", "Mark Trevora"), ["Mark Trevora", "Mark Trevora"]),
    # a lone surname beside a person's full name (a given name first) in the nominative
    (("Greya", "Anna Grey"), ["Grey", "Anna Grey"]),
    # another oblique form whose own lemma is one of this form's (the instrumental shows -a)
    (("Tirunie", "Tiruną"), ["Tiruna", "Tiruna"]),
    # a lone given name or surname written just so in a full name in the nominative
    (("Marcela", "Marcela Dorn"), ["Marcela", "Marcela Dorn"]),
    (("Wale", "Anna Wale"), ["Wale", "Anna Wale"]),
    # an adjective-like surname written in a person's full name is the surname
    (("Sądeckiego", "Jana Sądeckiego"), ["Sądecki", "Jan Sądecki"]),
    (("Lwowskiej", "Anny Lwowskiej"), ["Lwowska", "Anna Lwowska"]),
])
def test_document_form_decides(forms, expected):
    assert lemmatise(forms[0], "pl", "") != expected[0]  # the form alone does not
    assert lemmatise_in_document(_pl(*forms)) == expected


@pytest.mark.parametrize("forms", [
    # two people whose names could each be the other's inflected form
    ("Longina", "Longin"),
    # an adjective's lemma stays the adjective whatever a street is called
    ("Lwowskiej", "Lwowska"),
    ("Lwowskiej", "Ulicy Lwowskiej"),
    # a name with a number is not the same as another number
    ("Skoda 120", "Skoda 130"),
    # a word with no other form in the document
    ("Greya", "Kowalski"),
    # a longer name that is no person's (no given name first) says nothing of a lone word
    ("Greya", "Hotel Grey"),
    # a form read as its own nominative keeps it, whatever another form's lemma
    ("Kwintary", "Kwintarą"),
    # a full name whose surname is oblique is the odd one where the lemma is written too
    ("Nowaka", "Jan Nowaka", "Nowak"),
])
def test_document_leaves_alone(forms):
    assert lemmatise_in_document(_pl(*forms)) == [lemmatise(f, "pl", "") for f in forms]


def test_people_plural_is_not_one_person():
    forms = ("Polaków", "Polak")
    assert lemmatise_in_document(_pl(*forms, label="PER")) == [lemmatise(f, "pl", "PER") for f in forms]


def test_other_labels_and_languages_give_no_evidence():
    assert lemmatise_in_document([("Greya", "pl", ""), ("Grey", "pl", "LOC")])[0] == lemmatise("Greya", "pl", "")
    assert lemmatise_in_document([("Greya", "ru", ""), ("Grey", "ru", "")])[0] == lemmatise("Greya", "ru", "")


def test_lone_mention_is_context_free():
    assert lemmatise_in_document(_pl("Greya")) == [lemmatise("Greya", "pl", "")]
    assert lemmatise_in_document([]) == []


def _article(text: str, spans: list[tuple[str, str]]):
    from pipeline.record import Article, Mention

    mentions, pos = [], 0
    for surface, label in spans:
        start = text.index(surface, pos)
        mentions.append(Mention(start, start + len(surface), surface, label, "pl"))
        pos = start + 1
    return Article("t", "t.txt", text=text, language="pl", mentions=mentions)


def test_normalise_reads_an_article_in_context():
    from pipeline.normalise import normalise

    text = "Spotkanie z Greyem. Anna Grey mówiła o planach; Greya zapytano później o szczegóły."
    article = normalise(_article(text, [("Greyem", "PER"), ("Anna Grey", "PER"), ("Greya", "PER")]))
    assert [m.lemma for m in article.mentions] == ["Grey", "Anna Grey", "Grey"]


def test_normalise_without_evidence_is_unchanged():
    from pipeline.normalise import normalise

    text = "Rozmowa z Greya i z Janem Nowakiem odbyła się wczoraj."
    article = normalise(_article(text, [("Greya", "PER"), ("Janem Nowakiem", "PER")]))
    assert [m.lemma for m in article.mentions] == [lemmatise("Greya", "pl", "PER"), "Jan Nowak"]

"""Span repair after the Polish NER: organisation names around head words, place adjectives, nested places."""
from __future__ import annotations

import pytest
from spacy.tokens import Span

from pipeline.annotate.ner_pl_repair import NESTED_KEY, Switches, repair
from pipeline.annotate.pl_tokenizer import blank_pl

RULES = Switches(orgs=True)  # the shipped switches plus the organisation rule these cases test


@pytest.fixture(scope="module")
def nlp():
    return blank_pl()


def spans(doc, label=None):
    return [(e.text, e.label_) for e in doc.ents if label is None or e.label_ == label]


def with_ents(doc, *pieces: tuple[str, str]):
    """Set entities given by (text, label) on a doc, first occurrence of each text."""
    ents = []
    for text, label in pieces:
        a = doc.text.index(text)
        ents.append(doc.char_span(a, a + len(text), label=label))
    doc.ents = ents
    return doc


def test_organisation_built_around_head_words(nlp):
    doc = nlp("Umowę podpisały Lubelska Izba Rzemiosła i Przedsiębiorczości oraz Fundacja Wspierania Eksportu.")
    out = repair(doc, RULES)
    assert spans(out, "ORG") == [("Lubelska Izba Rzemiosła i Przedsiębiorczości", "ORG"),
                                 ("Fundacja Wspierania Eksportu", "ORG")]


def test_organisation_absorbs_partial_and_inner_spans(nlp):
    doc = with_ents(nlp("Partnerem jest Wolna Strefa Ekonomiczna „Brześć” z siedzibą w Brześciu."),
                    ("Ekonomiczna", "ORG"), ("Brześć", "LOC"), ("Brześciu", "LOC"))
    out = repair(doc, RULES)
    assert spans(out) == [("Wolna Strefa Ekonomiczna „Brześć”", "ORG"), ("Brześciu", "LOC")]


def test_coordinated_organisations_stay_apart(nlp):
    doc = nlp("Wystąpili Związek Rzemiosła Polskiego i Krajowa Izba Gospodarcza.")
    assert spans(repair(doc, RULES), "ORG") == [("Związek Rzemiosła Polskiego", "ORG"), ("Krajowa Izba Gospodarcza", "ORG")]


def test_lone_head_word_is_not_an_entity(nlp):
    doc = nlp("Fundacja działa od dawna.")
    assert spans(repair(doc, RULES)) == []


def test_lower_case_place_adjective_becomes_loc_adj(nlp):
    doc = with_ents(nlp("Spotkali się z ukraińskimi rolnikami we Lwowie."), ("ukraińskimi", "LOC"), ("Lwowie", "LOC"))
    assert spans(repair(doc, RULES)) == [("ukraińskimi", "LOC_ADJ"), ("Lwowie", "LOC")]


def test_nested_places_inside_organisations(nlp):
    doc = nlp("Gościem było Ministerstwo Rolnictwa Ukrainy.")
    out = repair(doc, RULES)
    assert spans(out, "ORG") == [("Ministerstwo Rolnictwa Ukrainy", "ORG")]
    assert [(s.text, s.label_) for s in out.spans[NESTED_KEY]] == [("Ukrainy", "LOC")]


def test_switches(nlp):
    doc = nlp("Gościem było Ministerstwo Rolnictwa Ukrainy.")
    doc.ents = [Span(doc, 2, 3, label="ORG")]
    out = repair(doc, Switches(adjectives=False, nested=False))
    assert spans(out) == [("Ministerstwo", "ORG")] and NESTED_KEY not in out.spans


def test_gazetteer_place_after_preposition(nlp):
    doc = nlp("Delegacja pojechała do Nowopołocka i spotkała się z Kowalskim.")
    out = repair(doc, Switches(orgs=True, places=True))
    assert spans(out) == [("Nowopołocka", "LOC")]


def test_first_name_and_surname(nlp):
    doc = nlp("Głos zabrała Katarzyna Zielińska, a po niej dyrektor.")
    assert spans(repair(doc, Switches(orgs=True, persons=True))) == [("Katarzyna Zielińska", "PER")]
    assert spans(repair(nlp(doc.text), RULES)) == []  # off by default


def test_acronym_as_organisation(nlp):
    doc = nlp("Informację podała PAP, a potwierdziło MSZ w USA.")
    assert spans(repair(doc, Switches(orgs=True, acronyms=True)), "ORG") == [("PAP", "ORG"), ("MSZ", "ORG")]


def test_organisation_stops_before_a_person(nlp):
    doc = with_ents(nlp("Przemawiał przewodniczący Rady Miejskiej Tomasz Lis."), ("Tomasz Lis", "PER"))
    assert spans(repair(doc, RULES)) == [("Rady Miejskiej", "ORG"), ("Tomasz Lis", "PER")]
    doc = nlp("Nagrodę przyznała Fundacja im. Jana Karskiego.")
    assert spans(repair(doc, RULES), "ORG") == [("Fundacja im. Jana Karskiego", "ORG")]


def test_lower_case_organisation_adjective_becomes_org_adj(nlp):
    doc = with_ents(nlp("Rolnicy czekają na fundusze wspólnotowe i unijne dopłaty."), ("unijne", "ORG"))
    assert spans(repair(doc, RULES)) == [("unijne", "ORG_ADJ")]


def test_country_and_city_labelled_org_become_places(nlp):
    doc = with_ents(nlp("Wielka Brytania i Londyn negocjują z Polską Agencją Prasową."),
                    ("Wielka Brytania", "ORG"), ("Londyn", "ORG"), ("Polską Agencją Prasową", "ORG"))
    assert spans(repair(doc, RULES)) == [("Wielka Brytania", "LOC"), ("Londyn", "LOC"), ("Polską Agencją Prasową", "ORG")]


def test_inflected_country_after_preposition_is_a_place_not_an_inhabitant(nlp):
    doc = with_ents(nlp("Delegacja z Niemiec i z Węgier spotkała się z Niemcami, a Niemcy byli zadowoleni."),
                    ("Niemiec", "LOC_DEM"), ("Węgier", "PER"), ("Niemcami", "LOC_DEM"), ("Niemcy", "LOC_DEM"))
    # `z` + genitive: only the country reads so; `z` + instrumental and the nominative also read as inhabitants
    assert spans(repair(doc, RULES)) == [("Niemiec", "LOC"), ("Węgier", "LOC"), ("Niemcami", "LOC_DEM"), ("Niemcy", "LOC_DEM")]


def test_acronym_named_like_a_city_stays_an_organisation(nlp):
    doc = with_ents(nlp("Eksperci FES przyjechali do Fezu."), ("FES", "ORG"), ("Fezu", "LOC"))
    assert spans(repair(doc, RULES)) == [("FES", "ORG"), ("Fezu", "LOC")]


def test_institution_named_after_its_region_stays_an_organisation(nlp):
    doc = with_ents(nlp("Pismo wysłał Urząd Marszałkowski Województwa Podlaskiego."),
                    ("Urząd Marszałkowski Województwa Podlaskiego", "ORG"))
    assert spans(repair(doc, RULES)) == [("Urząd Marszałkowski Województwa Podlaskiego", "ORG")]


def test_place_names_switch_off_keeps_model_labels(nlp):
    doc = with_ents(nlp("Wielka Brytania głosowała."), ("Wielka Brytania", "ORG"))
    assert spans(repair(doc, Switches(orgs=True, place_names=False))) == [("Wielka Brytania", "ORG")]


def test_organisation_ending_in_a_preposition_takes_the_place_after_it(nlp):
    doc = with_ents(nlp("Przyjechali przedstawiciele Domu Kultury w Kobryniu i Biblioteki Miejskiej w Pińsku."),
                    ("Domu Kultury w", "ORG"), ("Kobryniu", "LOC"), ("Biblioteki Miejskiej", "ORG"), ("Pińsku", "LOC"))
    # a place after a preposition the name ends in belongs to the name; one after a whole name stays a place
    assert spans(repair(doc)) == [("Domu Kultury w Kobryniu", "ORG"), ("Biblioteki Miejskiej", "ORG"), ("Pińsku", "LOC")]
    assert ("Kobryniu", "LOC") in [(s.text, s.label_) for s in doc.spans[NESTED_KEY]]  # the place nested in it


def test_organisation_never_ends_in_a_preposition_or_conjunction(nlp):
    doc = with_ents(nlp("Wnioski złożyły Stowarzyszenie Sąsiedzi i Fundacja Dla Wsi w marcu."),
                    ("Stowarzyszenie Sąsiedzi i", "ORG"), ("Fundacja Dla Wsi w", "ORG"))
    assert spans(repair(doc)) == [("Stowarzyszenie Sąsiedzi", "ORG"), ("Fundacja Dla Wsi", "ORG")]


def test_organisation_starting_with_a_hyphenated_compound_adjective(nlp):
    doc = with_ents(nlp("Obrady otworzyła Litewsko-Polska Izba Handlowa, a potem Polsko-Ukraińsko-Białoruski Klub Seniora."),
                    ("Litewsko", "LOC"), ("Polska Izba Handlowa", "ORG"), ("Polsko", "LOC"), ("Białoruski Klub Seniora", "ORG"))
    assert spans(repair(doc)) == [("Litewsko-Polska Izba Handlowa", "ORG"),
                                  ("Polsko-Ukraińsko-Białoruski Klub Seniora", "ORG")]


def test_name_edges_switch_off_keeps_model_spans(nlp):
    doc = with_ents(nlp("Gości przyjął Dom Kultury w Kobryniu."), ("Dom Kultury w", "ORG"), ("Kobryniu", "LOC"))
    assert spans(repair(doc, Switches(edges=False))) == [("Dom Kultury w", "ORG"), ("Kobryniu", "LOC")]


def test_quoted_name_runs_on_to_its_closing_quote(nlp):
    doc = with_ents(nlp("Pomogło nam Towarzystwo „Nad Wieprzem i Bugiem” z Chełma."),
                    ("Towarzystwo „Nad Wieprzem", "ORG"), ("Bugiem", "LOC"), ("Chełma", "LOC"))
    assert spans(repair(doc)) == [("Towarzystwo „Nad Wieprzem i Bugiem”", "ORG"), ("Chełma", "LOC")]


def test_quoted_title_after_an_event_noun_is_no_organisation(nlp):
    doc = with_ents(nlp("W Kownie trwa konferencja „Drogi wodne – wspólne szanse” dla gmin."),
                    ("Kownie", "LOC"), ("„Drogi wodne", "ORG"))
    assert spans(repair(doc)) == [("Kownie", "LOC"), ("„Drogi wodne – wspólne szanse”", "EVT")]


def test_quote_closed_too_far_away_or_by_a_new_one_leaves_the_span(nlp):
    far = with_ents(nlp("Zaprosił nas Klub „Orlik a potem długo nic się nie działo aż do jesieni”."),
                    ("Klub „Orlik", "ORG"))
    assert spans(repair(far)) == [("Klub „Orlik", "ORG")]
    reopened = with_ents(nlp("Przyszli z Koła „Sokół i z Koła „Jastrząb” razem."), ("Koła „Sokół", "ORG"))
    assert spans(repair(reopened)) == [("Koła „Sokół", "ORG")]


def test_whole_quoted_title_after_an_event_noun_and_its_adjective(nlp):
    doc = with_ents(nlp("Byliśmy na targach rolniczych „Agrokomplex” w Nitrze."), ("„Agrokomplex”", "ORG"), ("Nitrze", "LOC"))
    assert spans(repair(doc)) == [("„Agrokomplex”", "EVT"), ("Nitrze", "LOC")]
    org = with_ents(nlp("Dotację dała Fundacja „Agrokomplex” z Nitry."), ("Fundacja „Agrokomplex”", "ORG"), ("Nitry", "LOC"))
    assert spans(repair(org)) == [("Fundacja „Agrokomplex”", "ORG"), ("Nitry", "LOC")]


def test_organisation_ending_in_a_destination_keeps_the_place_apart(nlp):
    doc = with_ents(nlp("Wyjazd Klubu Seniora do Kowla i Łucka trwał dwa dni."),
                    ("Klubu Seniora do", "ORG"), ("Kowla", "LOC"), ("Łucka", "LOC"))
    assert spans(repair(doc)) == [("Klubu Seniora", "ORG"), ("Kowla", "LOC"), ("Łucka", "LOC")]


def test_organisation_running_into_a_persons_name_is_cut_there(nlp):
    doc = with_ents(nlp("Przemawiał prezes Spółdzielni Andrzej Kmita."), ("Spółdzielni Andrzej Kmita", "ORG"))
    assert spans(repair(doc)) == [("Spółdzielni", "ORG"), ("Andrzej Kmita", "PER")]
    named = with_ents(nlp("Pomogła Fundacja Anny Kmity."), ("Fundacja Anny Kmity", "ORG"))
    assert spans(repair(named)) == [("Fundacja Anny Kmity", "ORG")]  # a genitive: the name's patron


def test_institution_tagged_as_a_place_is_an_organisation(nlp):
    doc = with_ents(nlp("Wniosek złożono w Urzędzie Gminy Krynki w marcu."), ("Urzędzie Gminy Krynki", "LOC"))
    assert spans(repair(doc)) == [("Urzędzie Gminy Krynki", "ORG")]
    after_adjectives = with_ents(nlp("Pismo wysłał Kobryński Rejonowy Komitet Wykonawczy."),
                                 ("Kobryński Rejonowy Komitet Wykonawczy", "LOC"))
    assert spans(repair(after_adjectives)) == [("Kobryński Rejonowy Komitet Wykonawczy", "ORG")]
    park = with_ents(nlp("Spacer po Białowieskim Parku Narodowym."), ("Białowieskim Parku Narodowym", "LOC"))
    assert spans(repair(park)) == [("Białowieskim Parku Narodowym", "LOC")]  # no organisation's head


def test_organisation_span_across_the_a_of_miedzy_x_a_y_is_two(nlp):
    doc = with_ents(nlp("Umowę zawarto między Fundacją Sąsiedzi a Kowelską Radą Miejską w maju."),
                    ("Fundacją Sąsiedzi a Kowelską Radą Miejską", "ORG"))
    assert spans(repair(doc)) == [("Fundacją Sąsiedzi", "ORG"), ("Kowelską Radą Miejską", "ORG")]


def test_unknown_word_after_a_place_preposition_that_the_gazetteer_links_is_a_place(nlp):
    doc = with_ents(nlp("Targi wina odbyły się w Komracie."), ("Komracie", "PER"))
    assert spans(repair(doc)) == [("Komracie", "LOC")]
    person = with_ents(nlp("Rozmawialiśmy z Kowalskym."), ("Kowalskym", "PER"))
    assert spans(repair(person)) == [("Kowalskym", "PER")]  # no town of that name

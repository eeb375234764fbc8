"""Agreements told in ways the devset does not show (tests/data/agreements_variety, written for
these tests): `list intencyjny` signed by "strony", `zawarto` / `parafowano`, "Podpisanie umowy
odbyło się ...", a signing announced for a later day, a document named first and signed in a
later paragraph, two agreements in one article, parties after the verb, as acronyms or as towns'
authorities, Russian and Belarusian wording, and agreements only discussed (no row); since
session 4 also a signing told before its document is named ("Podpisy złożyli ... Dokument, umowa
o partnerstwie, ..."), the subject in an earlier clause or sentence ("Delegacja X przyjechała do
Brześcia, gdzie podpisała ... z Y", "В ходе визита был подписан договор с Y"), parties told in
the next sentence ("Stronami dokumentu są ..."), a first-person "podpisaliśmy", an untagged party
joined by "i", a unit as the partner ("с гминой Сокулка"), a year the document is for ("na 2022
rok"), a signing that did not happen ("Do podpisania umowy jednak nie doszło"), "the document"
as the only name of the agreement, parties only in the heading, one signatory with two partners
each told with "z", and a place the NER ran on into the organisation after it; since session 5
a signing on a condition or only possible ("Jeśli ..., może zostać podpisane", "..., если ...":
no row, as the guidelines count signed or announced agreements), an agreement told as the
outcome of a meeting ("Efektem spotkania jest porozumienie ... między X a Y"), partners listed
after a colon, a subject the NER missed at the very start of a sentence, and Ukrainian / Belarusian
wording of the lists the Polish and Russian ones have.

The run is slow and the scorer lives in ../shared: `pytest --runslow tests/test_agreements_variety.py`.
The floor sits a little below the figure measured (agreements F1 1.000 on the 16 articles first
written, again on the 37 after session 4 and on the 44 after session 5), so that it guards the
constructions, not the exact figure.
"""
from __future__ import annotations

import json

import pytest

from pipeline.paths import REPO_ROOT
from tests.gold_sets import check_gold, set_figures
from tests.test_extract import make

SET = REPO_ROOT / "tests" / "data" / "agreements_variety"
ARTICLES = sorted((SET / "articles").glob("*.txt"))
GOLD = sorted((SET / "gold").glob("*.json"))


def test_every_article_has_its_gold_and_evidence_in_its_body():
    assert len(ARTICLES) >= 12
    check_gold(SET, max_words=12)


def test_the_set_holds_negatives_and_two_agreements_in_one_article():
    counts = [len(json.loads(g.read_text(encoding="utf-8"))["agreements"]) for g in GOLD]
    assert 0 in counts and 2 in counts


@pytest.fixture(scope="module")
def figures(tmp_path_factory) -> dict:
    return set_figures(SET, tmp_path_factory.mktemp("agreements_variety"))


@pytest.mark.slow
@pytest.mark.needs_shared
def test_agreements_reach_the_floor(figures):
    s = figures["agreements"]
    assert s["F1"] >= 0.9, s
    assert s["P"] >= 0.85 and s["R"] >= 0.85, s


@pytest.mark.slow
@pytest.mark.needs_shared
def test_matched_agreements_keep_their_date_type_and_status(figures):
    assert figures["ag_date"]["acc"] >= 0.9
    assert figures["ag_agreement_type"]["acc"] >= 0.9
    assert figures["ag_status"]["acc"] >= 0.9


# ----------------------------------------------------------------------------- the constructions, one by one
FDS = {"Fundacją Dobrego Sąsiedztwa": "Fundacja Dobrego Sąsiedztwa",
       "Fundacja Dobrego Sąsiedztwa": "Fundacja Dobrego Sąsiedztwa"}
GIR = {"Grodzieńską Izbą Rzemiosła": "Grodzieńska Izba Rzemiosła", "Grodzieńska Izba Rzemiosła": "Grodzieńska Izba Rzemiosła"}
BOTH = ["org:fundacja dobrego sąsiedztwa", "org:grodzieńska izba rzemiosła"]


def _rows(art) -> list[tuple]:
    return [(a.agreement_type, a.date, a.place_key, a.status, sorted(a.parties)) for a in art.agreements]


def test_a_document_named_first_is_signed_in_a_later_paragraph():
    text = ("Nowe memorandum o współpracy między Fundacją Dobrego Sąsiedztwa a Grodzieńską Izbą Rzemiosła "
            "ułatwi wymianę rzemieślników.\n\nDokument podpisano 5 marca 2021 r. w Grodnie.\n")
    art = make(text, "2021-03-08", places={"Grodnie": "Grodno"}, orgs={**FDS, **GIR},
               dates={"5 marca 2021 r.": "2021-03-05"})
    assert _rows(art) == [("memorandum", "2021-03-05", "geo:627904", "signed", BOTH)]


def test_a_document_only_named_is_no_agreement():
    text = "Memorandum o współpracy między Fundacją Dobrego Sąsiedztwa a Grodzieńską Izbą Rzemiosła obowiązuje od lat.\n"
    assert make(text, "2021-03-08", orgs={**FDS, **GIR}).agreements == []


@pytest.mark.parametrize("text,lang", [
    ("Rozmawiano o możliwości podpisania porozumienia o współpracy między Fundacją Dobrego Sąsiedztwa "
     "a Grodzieńską Izbą Rzemiosła.\n", "pl"),
    ("Fundacja Dobrego Sąsiedztwa i Grodzieńska Izba Rzemiosła nie podpisały jeszcze porozumienia.\n", "pl"),
    ("Do podpisania strony przygotują projekt umowy między Fundacją Dobrego Sąsiedztwa a Grodzieńską "
     "Izbą Rzemiosła.\n", "pl"),
])
def test_a_signing_only_discussed_or_negated_is_no_row(text, lang):
    assert make(text, "2021-03-08", lang=lang, orgs={**FDS, **GIR}).agreements == []


@pytest.mark.parametrize("text,lang", [
    ("Jeśli projekt otrzyma dofinansowanie, jesienią Fundacja Dobrego Sąsiedztwa podpisze porozumienie "
     "z Grodzieńską Izbą Rzemiosła.\n", "pl"),
    ("Porozumienie między Fundacją Dobrego Sąsiedztwa a Grodzieńską Izbą Rzemiosła może zostać podpisane "
     "jesienią.\n", "pl"),
    ("Подписание соглашения между Гродненским облисполкомом и Лидским райисполкомом планируется осенью, "
     "если проект получит финансирование.\n", "ru"),
    ("Соглашение между Гродненским облисполкомом и Лидским райисполкомом может быть подписано осенью.\n", "ru"),
])
def test_a_signing_on_a_condition_or_only_possible_is_no_row(text, lang):
    """The guidelines count agreements signed or announced to be signed; "if ... it will be signed",
    "it may be signed" announce nothing."""
    orgs = {**FDS, **GIR, "Fundacją Dobrego Sąsiedztwa": "Fundacja Dobrego Sąsiedztwa",
            "Гродненским облисполкомом": "Гродненский облисполком", "Лидским райисполкомом": "Лидский райисполком"}
    assert make(text, "2021-03-08", lang=lang, orgs=orgs).agreements == []


def test_a_may_or_if_in_another_clause_keeps_the_signing():
    text = ("Fundacja Dobrego Sąsiedztwa podpisała wczoraj porozumienie z Grodzieńską Izbą Rzemiosła. "
            "Porozumienie, które może pomóc rzemieślnikom, obowiązuje do 2025 r.\n")
    art = make(text, "2021-03-08", orgs={**FDS, **GIR})
    assert [(sorted(a.parties), a.status) for a in art.agreements] == [(BOTH, "signed")]


@pytest.mark.parametrize("text,lang", [
    ("Fundacja Dobrego Sąsiedztwa gościła w Grodnie. Efektem spotkania jest porozumienie o współpracy między "
     "Fundacją Dobrego Sąsiedztwa a Grodzieńską Izbą Rzemiosła.\n", "pl"),
    ("Итогом визита стало соглашение о сотрудничестве между Гродненским облисполкомом и Лидским "
     "райисполкомом.\n", "ru"),
])
def test_an_agreement_told_as_the_outcome_of_an_event_is_signed(text, lang):
    orgs = {**FDS, **GIR, "Fundacją Dobrego Sąsiedztwa": "Fundacja Dobrego Sąsiedztwa",
            "Гродненским облисполкомом": "Гродненский облисполком", "Лидским райисполкомом": "Лидский райисполком"}
    art = make(text, "2021-03-08", lang=lang, orgs=orgs)
    assert [(a.status, len(a.parties)) for a in art.agreements] == [("signed", 2)]


def test_an_agreement_told_as_a_cause_is_no_row():
    text = ("W wyniku umowy o współpracy między Fundacją Dobrego Sąsiedztwa a Grodzieńską Izbą Rzemiosła "
            "powstało centrum szkoleniowe.\n")
    orgs = {**FDS, **GIR, "Fundacją Dobrego Sąsiedztwa": "Fundacja Dobrego Sąsiedztwa"}
    assert make(text, "2021-03-08", orgs=orgs).agreements == []


def test_a_russian_sentence_opening_with_a_date_reads_its_between_clause():
    text = ("4 июня 2019 года в Гродно было подписано соглашение о сотрудничестве между "
            "Гродненским облисполкомом и Лидским райисполкомом.\n")
    art = make(text, "2019-06-10", lang="ru", places={"Гродно": "Grodno"},
               orgs={"Гродненским облисполкомом": "Гродненский облисполком",
                     "Лидским райисполкомом": "Лидский райисполком"},
               dates={"4 июня 2019 года": "2019-06-04"})
    assert _rows(art) == [("cooperation_agreement", "2019-06-04", "geo:627904", "signed",
                           ["org:гродненский облисполком", "org:лидский райисполком"])]


def test_two_documents_joined_by_oraz_each_with_its_own_partner():
    text = ("18 września 2018 r. Fundacja Dobrego Sąsiedztwa podpisała porozumienie o współpracy z Grodzieńską "
            "Izbą Rzemiosła oraz list intencyjny z Politechniką Grodzieńską.\n")
    art = make(text, "2018-09-20", orgs={**FDS, **GIR, "Politechniką Grodzieńską": "Politechnika Grodzieńska"},
               dates={"18 września 2018 r.": "2018-09-18"})
    assert sorted((a.agreement_type, sorted(a.parties)) for a in art.agreements) == [
        ("cooperation_agreement", BOTH),
        ("letter_of_intent", ["org:fundacja dobrego sąsiedztwa", "org:politechnika grodzieńska"])]


def test_a_retelling_with_another_noun_gives_the_day_and_place():
    text = ("Fundacja Dobrego Sąsiedztwa i Grodzieńska Izba Rzemiosła zawarły porozumienie o partnerstwie. "
            "Podpisanie umowy odbyło się 6 czerwca 2023 r. w Grodnie.\n")
    art = make(text, "2023-06-09", places={"Grodnie": "Grodno"}, orgs={**FDS, **GIR},
               dates={"6 czerwca 2023 r.": "2023-06-06"})
    assert _rows(art) == [("partnership", "2023-06-06", "geo:627904", "signed", BOTH)]


def test_a_planned_signing_has_the_place_after_its_date():
    text = ("Fundacja Dobrego Sąsiedztwa i Grodzieńska Izba Rzemiosła podpiszą porozumienie o współpracy "
            "21 listopada 2023 r. w Grodnie.\n")
    art = make(text, "2023-11-08", places={"Grodnie": "Grodno"}, orgs={**FDS, **GIR},
               dates={"21 listopada 2023 r.": "2023-11-21"})
    assert _rows(art) == [("cooperation_agreement", "2023-11-21", "geo:627904", "planned", BOTH)]


def test_parties_told_after_the_verb():
    text = ("Dzień później umowę partnerską zawarły Fundacja Dobrego Sąsiedztwa i Grodzieńska Izba Rzemiosła.\n")
    art = make(text, "2023-06-09", orgs={**FDS, **GIR})
    assert [sorted(a.parties) for a in art.agreements] == [BOTH]


def test_an_organisation_split_from_its_seat_is_one_party():
    text = "Могилевский университет подписал соглашение о сотрудничестве с Университетом в Гродно.\n"
    art = make(text, "2020-09-25", lang="ru", places={"Гродно": "Grodno"},
               orgs={"Могилевский университет": "Могилевский университет", "Университетом": "Университет"})
    assert len(art.agreements) == 1
    names = sorted(art.organisations[k].name for k in art.agreements[0].parties)
    assert names == ["Могилевский университет", "Университет в Гродно"]


def test_a_signing_with_no_party_named_takes_the_two_of_the_sentence_before():
    text = ("W dniach 16-18 maja 2022 r. delegacja Fundacji Dobrego Sąsiedztwa przebywała w Grodnie na zaproszenie "
            "Grodzieńskiej Izby Rzemiosła. Podczas wizyty podpisano porozumienie o współpracy.\n")
    art = make(text, "2022-05-20", places={"Grodnie": "Grodno"},
               orgs={"Fundacji Dobrego Sąsiedztwa": "Fundacja Dobrego Sąsiedztwa",
                     "Grodzieńskiej Izby Rzemiosła": "Grodzieńska Izba Rzemiosła"},
               dates={"16-18 maja 2022 r.": "2022-05-16/2022-05-18"})
    assert _rows(art) == [("cooperation_agreement", "", "geo:627904", "signed", BOTH)]


def test_officials_of_a_two_word_town_and_a_town_left_untagged_are_parties():
    art = make("Burmistrz Białej Podlaskiej i mer Lidy podpisali list intencyjny.\n", "2022-05-20")
    assert [sorted(a.parties) for a in art.agreements] == [["geo:626081", "geo:776175"]]
    art = make("Wczoraj Grodno i Lida podpisały umowę o partnerstwie miast.\n", "2022-05-20",
               places={"Grodno": "Grodno"})
    assert [sorted(a.parties) for a in art.agreements] == [["geo:626081", "geo:627904"]]


def test_a_document_with_only_a_partner_is_signed_by_the_last_signatory():
    text = ("Fundacja Dobrego Sąsiedztwa podpisała porozumienie o współpracy z Grodzieńską Izbą Rzemiosła. "
            "W przyszłym roku planowane jest podpisanie umowy z Politechniką Grodzieńską.\n")
    art = make(text, "2022-05-20", orgs={**FDS, **GIR, "Politechniką Grodzieńską": "Politechnika Grodzieńska"})
    assert sorted((sorted(a.parties), a.status) for a in art.agreements) == [
        (BOTH, "signed"), (["org:fundacja dobrego sąsiedztwa", "org:politechnika grodzieńska"], "planned")]


def test_a_district_joined_after_the_verb_and_left_untagged_is_a_party():
    text = "Porozumienie o współpracy podpisały wczoraj Grodno i Lida.\n"
    art = make(text, "2022-05-20", places={"Grodno": "Grodno"})
    assert [sorted(a.parties) for a in art.agreements] == [["geo:626081", "geo:627904"]]


@pytest.mark.parametrize("officials,unit", [
    ("Wójt gminy Hańsk", "gmina hańsk"),
    ("Marszałek województwa podlaskiego", "województwo podlaskie"),
])
def test_an_official_of_a_unit_stands_for_it(officials, unit):
    art = make(f"{officials} i mer Lidy podpisali list intencyjny.\n", "2022-05-20")
    assert [sorted(art.places[k].name.lower() for k in a.parties) for a in art.agreements] == [sorted([unit, "lida"])]


SEMINAR = "15 maja 2022 r. w Grodnie odbyło się seminarium. "


@pytest.mark.parametrize("told,date", [
    ("Tydzień wcześniej Fundacja Dobrego Sąsiedztwa i Grodzieńska Izba Rzemiosła podpisały porozumienie.", "2022-05-08"),
    ("Fundacja Dobrego Sąsiedztwa i Grodzieńska Izba Rzemiosła podpisały w 2019 r. porozumienie.", "2019"),
    ("Wcześniej Fundacja Dobrego Sąsiedztwa i Grodzieńska Izba Rzemiosła podpisały porozumienie.", ""),
])
def test_an_agreement_told_as_before_the_event_has_not_its_day(told, date):
    art = make(SEMINAR + told + "\n", "2022-05-20", places={"Grodnie": "Grodno"}, orgs={**FDS, **GIR},
               dates={"15 maja 2022 r.": "2022-05-15", "2019 r.": "2019"})
    assert _rows(art) == [("cooperation_agreement", date, "", "signed", BOTH)]


def test_one_organisation_span_over_two_subjects_is_split():
    text = "Fundacja Dobrego Sąsiedztwa i Grodzieńska Izba Rzemiosła podpisały porozumienie o współpracy.\n"
    art = make(text, "2022-05-20", orgs={"Fundacja Dobrego Sąsiedztwa i Grodzieńska Izba Rzemiosła":
                                         "Fundacja Dobrego Sąsiedztwa i Grodzieńska Izba Rzemiosła"})
    assert len(art.agreements) == 1
    assert sorted(art.organisations[k].name for k in art.agreements[0].parties) == [
        "Fundacja Dobrego Sąsiedztwa", "Grodzieńska Izba Rzemiosła"]


def test_a_list_of_parties_after_the_verb_and_a_unit_left_untagged():
    text = "Porozumienie podpisały wczoraj Fundacja Dobrego Sąsiedztwa, Grodzieńska Izba Rzemiosła i gmina Hańsk.\n"
    art = make(text, "2022-05-20", orgs={**FDS, **GIR})
    assert len(art.agreements) == 1
    parties = art.agreements[0].parties
    assert parties[:2] == BOTH and art.places[parties[2]].name == "gmina Hańsk"


def test_an_event_noun_in_what_the_document_is_about_is_no_event():
    text = ("12 maja 2021 r. w Grodnie Fundacja Dobrego Sąsiedztwa i Grodzieńska Izba Rzemiosła podpisały "
            "memorandum o wspólnym programie szkoleń dla doradców.\n")
    art = make(text, "2021-05-20", places={"Grodnie": "Grodno"}, orgs={**FDS, **GIR},
               dates={"12 maja 2021 r.": "2021-05-12"})
    assert [(e.event_type, e.date_start) for e in art.events] == [("signing", "2021-05-12")]
    text = "12 maja 2021 r. w Grodnie podpisano porozumienie o współpracy podczas seminarium dla doradców.\n"
    art = make(text, "2021-05-20", places={"Grodnie": "Grodno"}, dates={"12 maja 2021 r.": "2021-05-12"})
    assert [(e.event_type, e.date_start) for e in art.events] == [("seminar", "2021-05-12")]


# ----------------------------------------------------------------------------- constructions added in session 4
def test_a_signing_told_before_its_document_is_named():
    text = ("Podpisy złożyli wczoraj w Grodnie prezes Fundacji Dobrego Sąsiedztwa i dyrektor Grodzieńskiej Izby "
            "Rzemiosła. Dokument, umowa o partnerstwie, przewiduje wymianę uczniów.\n")
    art = make(text, "2022-05-20", places={"Grodnie": "Grodno"},
               orgs={"Fundacji Dobrego Sąsiedztwa": "Fundacja Dobrego Sąsiedztwa",
                     "Grodzieńskiej Izby Rzemiosła": "Grodzieńska Izba Rzemiosła"},
               dates={"wczoraj": ("2022-05-19", True)})
    assert _rows(art) == [("partnership", "2022-05-19", "geo:627904", "signed", BOTH)]
    assert art.agreements[0].title == "umowa o partnerstwie"


def test_parties_told_in_the_next_sentence():
    text = ("W środę w Grodnie podpisano list intencyjny. Stronami dokumentu są Fundacja Dobrego Sąsiedztwa "
            "oraz Grodzieńska Izba Rzemiosła.\n")
    art = make(text, "2022-05-20", places={"Grodnie": "Grodno"}, orgs={**FDS, **GIR})
    assert [(a.agreement_type, sorted(a.parties)) for a in art.agreements] == [("letter_of_intent", BOTH)]


def test_a_negated_signing_noun_is_no_row():
    text = ("Do podpisania porozumienia między Fundacją Dobrego Sąsiedztwa a Grodzieńską Izbą Rzemiosła "
            "jednak nie doszło.\n")
    assert make(text, "2022-05-20", orgs={**FDS, **GIR}).agreements == []


def test_a_first_person_signing_is_by_the_article_organisation():
    text = ("Fundacja Dobrego Sąsiedztwa działa od 2010 r. W piątek podpisaliśmy porozumienie o współpracy "
            "z Grodzieńską Izbą Rzemiosła.\n")
    art = make(text, "2022-05-20", orgs={**FDS, **GIR})
    assert [sorted(a.parties) for a in art.agreements] == [BOTH]


def test_a_partner_only_signing_takes_the_subject_of_the_sentence_before():
    text = ("Delegacja Fundacji Dobrego Sąsiedztwa przebywała w Grodnie. Drugiego dnia goście podpisali "
            "porozumienie o współpracy z Grodzieńską Izbą Rzemiosła.\n")
    art = make(text, "2022-05-20", places={"Grodnie": "Grodno"},
               orgs={"Fundacji Dobrego Sąsiedztwa": "Fundacja Dobrego Sąsiedztwa", **GIR})
    assert [sorted(a.parties) for a in art.agreements] == [BOTH]


def test_a_year_the_document_is_for_is_not_its_date():
    text = ("Fundacja Dobrego Sąsiedztwa i Grodzieńska Izba Rzemiosła podpisały program współpracy na 2023 rok.\n")
    art = make(text, "2022-05-20", orgs={**FDS, **GIR}, dates={"na 2023 rok": "2023"})
    assert [(a.agreement_type, a.date, a.status) for a in art.agreements] == [("other", "", "signed")]


def test_a_programme_name_is_no_document():
    text = ("Fundacja Dobrego Sąsiedztwa i Grodzieńska Izba Rzemiosła podpisały umowę w ramach Programu "
            "Współpracy Transgranicznej.\n")
    art = make(text, "2022-05-20", orgs={**FDS, **GIR})
    assert [a.agreement_type for a in art.agreements] == ["cooperation_agreement"]


def test_one_signatory_with_two_partners_told_each_with_z_signs_two_agreements():
    text = ("Fundacja Dobrego Sąsiedztwa podpisała umowy o współpracy z Grodzieńską Izbą Rzemiosła oraz "
            "z Politechniką Grodzieńską.\n")
    art = make(text, "2022-05-20", orgs={**FDS, **GIR, "Politechniką Grodzieńską": "Politechnika Grodzieńska"})
    assert sorted(sorted(a.parties) for a in art.agreements) == [
        BOTH, ["org:fundacja dobrego sąsiedztwa", "org:politechnika grodzieńska"]]


def test_a_document_noun_signed_with_no_agreement_named_is_an_agreement():
    text = ("Fundacja Dobrego Sąsiedztwa i Grodzieńska Izba Rzemiosła podpisały dokument o współpracy.\n")
    art = make(text, "2022-05-20", orgs={**FDS, **GIR})
    assert [(a.agreement_type, sorted(a.parties)) for a in art.agreements] == [("cooperation_agreement", BOTH)]


def test_a_partyless_signing_takes_the_parties_of_the_heading():
    text = ("Porozumienie Fundacji Dobrego Sąsiedztwa z Grodzieńską Izbą Rzemiosła\n\n"
            "W poniedziałek w Grodnie podpisano porozumienie o współpracy.\n")
    art = make(text, "2022-05-20", places={"Grodnie": "Grodno"},
               orgs={"Fundacji Dobrego Sąsiedztwa": "Fundacja Dobrego Sąsiedztwa", **GIR})
    assert [sorted(a.parties) for a in art.agreements] == [BOTH]


def test_the_sides_signing_takes_the_two_of_the_next_sentence():
    text = ("Porozumienie o współpracy strony podpisały po rozmowach. W rozmowach uczestniczyły Fundacja "
            "Dobrego Sąsiedztwa i Grodzieńska Izba Rzemiosła.\n")
    art = make(text, "2022-05-20", orgs={**FDS, **GIR})
    assert [sorted(a.parties) for a in art.agreements] == [BOTH]


@pytest.mark.parametrize("text", [
    "Fundacja Dobrego Sąsiedztwa prowadzi projekt z Grodzieńską Izbą Rzemiosła. Uczestnicy szkolenia podpisali "
    "dokumenty potwierdzające udział.\n",
    "Podpisy pod apelem złożyli prezes Fundacji Dobrego Sąsiedztwa i dyrektor Grodzieńskiej Izby Rzemiosła. "
    "Umowa o współpracy obu organizacji obowiązuje od dawna.\n",
])
def test_signatures_under_no_agreement_are_no_row(text):
    orgs = {**FDS, **GIR, "Fundacji Dobrego Sąsiedztwa": "Fundacja Dobrego Sąsiedztwa",
            "Grodzieńskiej Izby Rzemiosła": "Grodzieńska Izba Rzemiosła"}
    assert make(text, "2022-05-20", orgs=orgs).agreements == []


def test_a_twinning_agreement_is_a_partnership():
    text = "Гродненский облисполком и Лидский райисполком подписали соглашение о побратимстве.\n"
    art = make(text, "2019-06-10", lang="ru", orgs={"Гродненский облисполком": "Гродненский облисполком",
                                                    "Лидский райисполком": "Лидский райисполком"})
    assert [a.agreement_type for a in art.agreements] == ["partnership"]


@pytest.mark.parametrize("text,lang", [
    ("Fundacja Dobrego Sąsiedztwa i Grodzieńska Izba Rzemiosła podpisały porozumienie intencyjne.\n", "pl"),
    ("Гродненский облисполком и Лидский райисполком подписали соглашение о намерениях.\n", "ru"),
])
def test_an_agreement_of_intent_is_a_letter_of_intent(text, lang):
    art = make(text, "2022-05-20", lang=lang, orgs={**FDS, **GIR, "Гродненский облисполком": "Гродненский облисполком",
                                                   "Лидский райисполком": "Лидский райисполком"})
    assert [a.agreement_type for a in art.agreements] == ["letter_of_intent"]


def test_a_town_a_subject_comes_from_is_no_party():
    text = "Fundacja Dobrego Sąsiedztwa z Grodna i Grodzieńska Izba Rzemiosła podpisały porozumienie.\n"
    art = make(text, "2022-05-20", places={"Grodna": "Grodno"}, orgs={**FDS, **GIR})
    assert [sorted(a.parties) for a in art.agreements] == [BOTH]


@pytest.mark.parametrize("partner", ["Brzeska Izba Rolnicza", "Szacki Park Narodowy"])
def test_an_untagged_organisation_joined_by_i_is_a_party(partner):
    text = f"Porozumienie podpisały wczoraj Fundacja Dobrego Sąsiedztwa i {partner}.\n"
    art = make(text, "2022-05-20", orgs=FDS)
    assert len(art.agreements) == 1 and len(art.agreements[0].parties) == 2


VTPP = {"Волинська торгово-промислова палата": "Волинська торгово-промислова палата",
        "Волинською торгово-промисловою палатою": "Волинська торгово-промислова палата",
        "Люблінська фундація розвитку": "Люблінська фундація розвитку",
        "Люблінською фундацією розвитку": "Люблінська фундація розвитку"}


@pytest.mark.parametrize("text", [
    "Волинська торгово-промислова палата обговорювала можливість підписання договору з Люблінською фундацією розвитку.\n",
    "Урочисте укладення угоди між Волинською торгово-промисловою палатою та Люблінською фундацією розвитку не відбулося.\n",
    "Волинська торгово-промислова палата та Люблінська фундація розвитку підписали проєкт угоди про співпрацю.\n",
])
def test_ukrainian_signings_only_considered_negated_or_of_a_draft_are_no_row(text):
    """The Ukrainian lists hold what the Polish/Russian ones gained: not_signed_words ("можливість"),
    signing_nouns ("укладення"), draft_nouns ("проєкт", not the Russian spelling)."""
    assert make(text, "2023-09-18", lang="uk", orgs=VTPP).agreements == []


def test_a_ukrainian_contract_is_signed_with_its_partner():
    text = "Волинська торгово-промислова палата уклала контракт з Люблінською фундацією розвитку.\n"
    art = make(text, "2023-09-18", lang="uk", orgs=VTPP)
    assert [(a.agreement_type, len(a.parties)) for a in art.agreements] == [("contract", 2)]


def test_a_subject_the_ner_missed_at_the_start_of_the_sentence_is_a_party():
    text = "Caritas Diecezji Grodzieńskiej podpisała wczoraj porozumienie o współpracy z Grodzieńską Izbą Rzemiosła.\n"
    art = make(text, "2022-05-20", orgs=GIR)
    assert len(art.agreements) == 1
    assert sorted(art.organisations[k].name for k in art.agreements[0].parties) == [
        "Caritas Diecezji Grodzieńskiej", "Grodzieńska Izba Rzemiosła"]


def test_an_opening_run_cut_by_a_mention_is_no_party():
    text = "Prezes Fundacji Dobrego Sąsiedztwa podpisał wczoraj porozumienie z Grodzieńską Izbą Rzemiosła.\n"
    art = make(text, "2022-05-20", orgs={**GIR, "Fundacji Dobrego Sąsiedztwa": "Fundacja Dobrego Sąsiedztwa"})
    assert [sorted(a.parties) for a in art.agreements] == [BOTH]


def test_partners_listed_after_a_colon_are_all_parties():
    text = ("Umowę o partnerstwie podpisali: Fundacja Dobrego Sąsiedztwa, Grodzieńska Izba Rzemiosła oraz "
            "Politechnika Grodzieńska.\n")
    art = make(text, "2022-05-20", orgs={**FDS, **GIR, "Politechnika Grodzieńska": "Politechnika Grodzieńska"})
    assert [sorted(a.parties) for a in art.agreements] == [BOTH + ["org:politechnika grodzieńska"]]


GAV = {"Гродзенскі аблвыканкам": "Гродзенскі аблвыканкам", "Падляскае ваяводства": "Падляскае ваяводства"}


@pytest.mark.parametrize("text,lang,orgs", [
    ("Гродзенскі аблвыканкам і Падляскае ваяводства падпішуць пагадненне аб супрацоўніцтве ўвосень.\n", "be", GAV),
    ("Волинська торгово-промислова палата та Люблінська фундація розвитку підпишуть угоду восени.\n", "uk", VTPP),
])
def test_a_belarusian_or_ukrainian_future_signing_is_planned(text, lang, orgs):
    """No lemmatiser for be/uk: 'падпіш'/'підпиш' (perfective, so future) are signing and future stems."""
    art = make(text, "2022-10-10", lang=lang, orgs=orgs)
    assert [(a.status, len(a.parties)) for a in art.agreements] == [("planned", 2)]


def test_a_belarusian_signing_on_a_condition_is_no_row():
    text = "Гродзенскі аблвыканкам і Падляскае ваяводства падпішуць пагадненне пры ўмове, што праект атрымае грант.\n"
    assert make(text, "2022-10-10", lang="be", orgs=GAV).agreements == []

"""A second round of agreements told in ways neither the devset nor tests/data/agreements_variety
shows (tests/data/agreements_variety2, own-written): whole Ukrainian and Belarusian articles,
documents listed after "podpisano:" or in a visit programme, two documents between different
pairs in one sentence, officials standing for their institutions, a town and a district, one
party named with "partnerem z ..." and named in the next sentence, the document named only in
the headline, "zawarto porozumienie" / "umowa została zawarta" / "parafowano", "дорожная карта",
"протокол о сотрудничестве", twinning, a trilateral agreement, relative days ("w ubiegły
piątek", "в минувший четверг") and a dateline, signings announced with a place, and negatives
("szereg umów", a declared wish to sign).

The run is slow and the scorer lives in ../shared: `pytest --runslow tests/test_agreements_variety2.py`.
Measured on the 24 articles first written: agreements P/R 0.833/0.577; after this round's fixes,
on 25 articles, 1.000/0.926. Two whole Ukrainian articles stay missed: a whole Ukrainian article
gets no NER, so its organisations are no parties (its towns are, through the gazetteer).
The floors sit a little below, so that they guard the constructions, not the exact figure.
"""
from __future__ import annotations

import json

import pytest

from pipeline.paths import REPO_ROOT
from tests.gold_sets import check_gold, set_figures

SET = REPO_ROOT / "tests" / "data" / "agreements_variety2"
GOLD = sorted((SET / "gold").glob("*.json"))


def test_every_article_has_its_gold_and_evidence_in_its_body():
    assert len(GOLD) >= 20
    check_gold(SET, max_words=12)


def test_the_set_holds_whole_uk_and_be_articles_negatives_and_several_agreements():
    golds = [json.loads(g.read_text(encoding="utf-8")) for g in GOLD]
    counts = [len(d["agreements"]) for d in golds]
    assert 0 in counts and max(counts) >= 3
    assert {"uk", "be", "ru", "pl"} <= {d["language"] for d in golds}
    assert any(len(a["parties"]) == 3 for d in golds for a in d["agreements"])


@pytest.fixture(scope="module")
def figures(tmp_path_factory) -> dict:
    return set_figures(SET, tmp_path_factory.mktemp("agreements_variety2"))


@pytest.mark.slow
@pytest.mark.needs_shared
def test_agreements_reach_the_floor(figures):
    s = figures["agreements"]
    assert s["P"] >= 0.9 and s["R"] >= 0.85, s


@pytest.mark.slow
@pytest.mark.needs_shared
def test_matched_agreements_keep_their_date_type_and_status(figures):
    assert figures["ag_date"]["acc"] >= 0.9
    assert figures["ag_agreement_type"]["acc"] >= 0.9
    assert figures["ag_status"]["acc"] >= 0.9


# ----------------------------------------------------------------------------- the constructions, one by one
from tests.test_extract import make  # noqa: E402

from tests.test_agreements_variety import BOTH, FDS, GIR  # noqa: E402  (the same two partners)

PG = {"Politechniką Grodzieńską": "Politechnika Grodzieńska", "Lidzką Szkołą Rolniczą": "Lidzka Szkoła Rolnicza"}


def test_documents_listed_after_a_colon_are_each_signed():
    text = ("Wczoraj w Grodnie podpisano:\n"
            "1) porozumienie między Fundacją Dobrego Sąsiedztwa a Grodzieńską Izbą Rzemiosła;\n"
            "2) list intencyjny między Politechniką Grodzieńską a Lidzką Szkołą Rolniczą.\n")
    art = make(text, "2022-05-20", places={"Grodnie": "Grodno"}, orgs={**FDS, **GIR, **PG},
               dates={"Wczoraj": ("2022-05-19", True)})
    assert sorted((a.agreement_type, a.date, a.status, sorted(a.parties)) for a in art.agreements) == [
        ("cooperation_agreement", "2022-05-19", "signed", BOTH),
        ("letter_of_intent", "2022-05-19", "signed", ["org:lidzka szkoła rolnicza", "org:politechnika grodzieńska"])]


def test_a_list_ends_at_a_line_without_a_document():
    text = ("Podpisano:\n"
            "1) porozumienie między Fundacją Dobrego Sąsiedztwa a Grodzieńską Izbą Rzemiosła.\n"
            "Goście zwiedzili szkołę.\n"
            "Memorandum między Politechniką Grodzieńską a Lidzką Szkołą Rolniczą obowiązuje od lat.\n")
    art = make(text, "2022-05-20", orgs={**FDS, **GIR, **PG})
    assert [sorted(a.parties) for a in art.agreements] == [BOTH]


def test_a_signing_in_the_programme_of_a_coming_visit_is_planned():
    text = ("W dniach 18–19 maja 2023 r. Grodno odwiedzi delegacja Fundacji Dobrego Sąsiedztwa. Program wizyty:\n"
            "– 12:00 – podpisanie porozumienia między Fundacją Dobrego Sąsiedztwa a Grodzieńską Izbą Rzemiosła.\n")
    art = make(text, "2023-05-08", places={"Grodno": "Grodno"},
               orgs={**FDS, **GIR, "Fundacji Dobrego Sąsiedztwa": "Fundacja Dobrego Sąsiedztwa"},
               dates={"18–19 maja 2023 r.": "2023-05-18/2023-05-19"})
    assert [(a.status, sorted(a.parties)) for a in art.agreements] == [("planned", BOTH)]


def test_an_initialled_agreement_whose_signing_is_set_for_later_is_planned_there():
    text = ("W Lidzie parafowano porozumienie między Fundacją Dobrego Sąsiedztwa a Grodzieńską Izbą Rzemiosła. "
            "Jego podpisanie zaplanowano na 12 września 2023 r. w Grodnie.\n")
    art = make(text, "2023-08-28", places={"Grodnie": "Grodno", "Lidzie": "Lida"}, orgs={**FDS, **GIR},
               dates={"12 września 2023 r.": "2023-09-12"})
    assert [(a.date, a.place_key, a.status) for a in art.agreements] == [("2023-09-12", "geo:627904", "planned")]


@pytest.mark.parametrize("text,lang", [
    ("Fundacja Dobrego Sąsiedztwa i Grodzieńska Izba Rzemiosła zadeklarowały chęć zawarcia porozumienia.\n", "pl"),
    ("Гродненский облисполком и Лидский райисполком выразили готовность подписать соглашение.\n", "ru"),
])
def test_a_wish_or_readiness_to_sign_is_no_row(text, lang):
    orgs = {**FDS, **GIR, "Гродненский облисполком": "Гродненский облисполком", "Лидский райисполком": "Лидский райисполком"}
    assert make(text, "2022-05-20", lang=lang, orgs=orgs).agreements == []


@pytest.mark.parametrize("text,lang", [
    ("Гродненский облисполком и Лидский райисполком подписали дорожную карту сотрудничества.\n", "ru"),
    ("Fundacja Dobrego Sąsiedztwa i Grodzieńska Izba Rzemiosła podpisały mapę drogową współpracy.\n", "pl"),
])
def test_a_road_map_is_a_document(text, lang):
    orgs = {**FDS, **GIR, "Гродненский облисполком": "Гродненский облисполком", "Лидский райисполком": "Лидский райисполком"}
    art = make(text, "2022-05-20", lang=lang, orgs=orgs)
    assert [(a.agreement_type, len(a.parties)) for a in art.agreements] == [("other", 2)]


def test_an_organisation_tagged_on_its_head_word_only_takes_the_capitalised_words_after_it():
    text = ("Мемарандум паміж Гродзенскім аблвыканкамам і Універсітэтам Марыі Кюры-Складоўскай будзе падпісаны "
            "ў траўні.\n")
    art = make(text, "2023-05-02", lang="be", orgs={"Гродзенскім аблвыканкамам": "Гродзенскі аблвыканкам",
                                                   "Універсітэтам": "Універсітэтам"})
    assert len(art.agreements) == 1
    names = sorted(art.organisations[k].name for k in art.agreements[0].parties)
    assert names[0] == "Гродзенскі аблвыканкам" and names[1].endswith("Марыі Кюры-Складоўскай")


@pytest.mark.parametrize("text,lang,orgs", [
    ("Fundacja Dobrego Sąsiedztwa podpisała umowę partnerską z partnerem z Białorusi. Partnerem jest "
     "Grodzieńska Izba Rzemiosła.\n", "pl", {**FDS, **GIR}),
    ("Гродненский облисполком подписал соглашение с партнёром из Польши. Партнёром стал Лидский райисполком.\n", "ru",
     {"Гродненский облисполком": "Гродненский облисполком", "Лидский райисполком": "Лидский райисполком"}),
])
def test_a_partner_told_only_as_partner_is_named_in_the_next_sentence(text, lang, orgs):
    art = make(text, "2022-05-20", lang=lang, orgs=orgs)
    assert [len(a.parties) for a in art.agreements] == [2]


def test_a_partner_sentence_naming_two_organisations_gives_no_party():
    text = ("Fundacja Dobrego Sąsiedztwa podpisała umowę z partnerem z Białorusi. Partnerami są Grodzieńska Izba "
            "Rzemiosła i Politechnika Grodzieńska.\n")
    art = make(text, "2022-05-20", orgs={**FDS, **GIR, "Politechnika Grodzieńska": "Politechnika Grodzieńska"})
    assert all(len(a.parties) != 2 or "org:politechnika grodzieńska" not in a.parties for a in art.agreements)


def test_today_in_an_article_opening_with_a_dateline_is_the_datelines_day_and_town():
    text = ("Grodno, 14 listopada 2019 r.\n\nFundacja Dobrego Sąsiedztwa i Grodzieńska Izba Rzemiosła zawarły dziś "
            "porozumienie o współpracy.\n")
    art = make(text, "2019-11-16", orgs={**FDS, **GIR}, dates={"14 listopada 2019 r.": "2019-11-14"})
    assert _rows(art) == [("cooperation_agreement", "2019-11-14", "geo:627904", "signed", BOTH)]


def test_today_without_a_dateline_gives_no_day():
    text = "Fundacja Dobrego Sąsiedztwa i Grodzieńska Izba Rzemiosła zawarły dziś porozumienie o współpracy.\n"
    art = make(text, "2019-11-16", orgs={**FDS, **GIR})
    assert [a.date for a in art.agreements] == [""]


def _rows(art) -> list[tuple]:
    return [(a.agreement_type, a.date, a.place_key, a.status, sorted(a.parties)) for a in art.agreements]


@pytest.mark.parametrize("text,lang", [
    ("Fundacja Dobrego Sąsiedztwa i Grodzieńska Izba Rzemiosła podpisały List Intencyjny w sprawie szkoleń.\n", "pl"),
    ("Fundacja Dobrego Sąsiedztwa sfinalizowała porozumienie z Grodzieńską Izbą Rzemiosła.\n", "pl"),
    ("Гродненский облисполком и Лидский райисполком заключают договор о сотрудничестве.\n", "ru"),
])
def test_a_capitalised_document_name_and_other_signing_verbs(text, lang):
    orgs = {**FDS, **GIR, "Гродненский облисполком": "Гродненский облисполком", "Лидский райисполком": "Лидский райисполком"}
    art = make(text, "2022-05-20", lang=lang, orgs=orgs)
    assert [len(a.parties) for a in art.agreements] == [2]


def test_a_ukrainian_infinitive_signing_is_planned():
    text = "Волинська торгово-промислова палата та Люблінська фундація розвитку планують підписати угоду восени.\n"
    orgs = {"Волинська торгово-промислова палата": "Волинська торгово-промислова палата",
            "Люблінська фундація розвитку": "Люблінська фундація розвитку"}
    art = make(text, "2023-09-18", lang="uk", orgs=orgs)
    assert [(a.status, len(a.parties)) for a in art.agreements] == [("planned", 2)]


def test_a_quote_that_reports_the_signing_is_read():
    text = ("Portal uczelni podaje: «Fundacja Dobrego Sąsiedztwa i Grodzieńska Izba Rzemiosła podpisały wczoraj "
            "porozumienie o współpracy».\n")
    art = make(text, "2022-05-20", orgs={**FDS, **GIR})
    assert [sorted(a.parties) for a in art.agreements] == [BOTH]


def test_a_quoted_title_with_an_agreement_noun_and_no_signing_in_it_stays_a_title():
    text = ("Fundacja Dobrego Sąsiedztwa i Grodzieńska Izba Rzemiosła realizują projekt «Porozumienie ponad "
            "granicami».\n")
    assert make(text, "2022-05-20", orgs={**FDS, **GIR}).agreements == []


RU3 = {"Гродненский облисполком": "Гродненский облисполком", "Лидским райисполкомом": "Лидский райисполком",
       "Слонимским райисполкомом": "Слонимский райисполком"}
PAIRS2 = [["org:гродненский облисполком", "org:лидский райисполком"],
          ["org:гродненский облисполком", "org:слонимский райисполком"]]


@pytest.mark.parametrize("text", [
    "Гродненский облисполком подписал соглашения с Лидским райисполкомом и Слонимским райисполкомом.\n",
    "Гродненский облисполком подписал соглашение с Лидским райисполкомом. Аналогичный документ подписан и со "
    "Слонимским райисполкомом.\n",
])
def test_plural_documents_or_a_similar_one_give_one_agreement_with_each_partner(text):
    art = make(text, "2022-05-20", lang="ru", orgs=RU3)
    assert sorted(sorted(a.parties) for a in art.agreements) == PAIRS2


def test_a_singular_document_after_a_signing_noun_is_not_plural():
    text = ("Podpisanie porozumienia z Grodzieńską Izbą Rzemiosła i Politechniką Grodzieńską było celem wizyty "
            "Fundacji Dobrego Sąsiedztwa.\n")
    art = make(text, "2022-05-20", orgs={**FDS, **GIR, **PG, "Fundacji Dobrego Sąsiedztwa": "Fundacja Dobrego Sąsiedztwa"})
    assert len(art.agreements) <= 1


THREE = ["org:гродненский облисполком", "org:лидский райисполком", "org:слонимский райисполком"]
RU3N = {**RU3, "Лидский райисполком": "Лидский райисполком", "Слонимский райисполком": "Слонимский райисполком"}


def test_subjects_listed_with_commas_before_the_verb_are_all_parties():
    text = "Гродненский облисполком, Лидский райисполком и Слонимский райисполком подписали трёхстороннее соглашение.\n"
    art = make(text, "2022-05-20", lang="ru", orgs=RU3N)
    assert [sorted(a.parties) for a in art.agreements] == [THREE]


def test_a_singular_document_with_partners_joined_by_a_conjunction_has_them_all():
    text = "Гродненский облисполком подписал трёхстороннее соглашение с Лидским райисполкомом и Слонимским райисполкомом.\n"
    art = make(text, "2022-05-20", lang="ru", orgs=RU3)
    assert [sorted(a.parties) for a in art.agreements] == [THREE]



@pytest.mark.parametrize("text,lang", [
    ("Fundacja Dobrego Sąsiedztwa i Grodzieńska Izba Rzemiosła przygotowują się do podpisania porozumienia.\n", "pl"),
    ("Umowa partnerska między Fundacją Dobrego Sąsiedztwa a Grodzieńską Izbą Rzemiosła czeka na podpisanie.\n", "pl"),
    ("Ожидается подписание соглашения между Гродненским облисполкомом и Лидским райисполкомом.\n", "ru"),
])
def test_a_signing_prepared_for_or_awaited_is_planned(text, lang):
    orgs = {**FDS, **GIR, "Гродненским облисполкомом": "Гродненский облисполком",
            "Лидским райисполкомом": "Лидский райисполком"}
    art = make(text, "2022-05-20", lang=lang, orgs=orgs)
    assert [(a.status, len(a.parties)) for a in art.agreements] == [("planned", 2)]


@pytest.mark.parametrize("text", [
    "Fundacja Dobrego Sąsiedztwa podpisała umowy partnerskie z Grodzieńską Izbą Rzemiosła oraz Lidzką Szkołą Rolniczą.\n",
    "Fundacja Dobrego Sąsiedztwa podpisała z Grodzieńską Izbą Rzemiosła i Lidzką Szkołą Rolniczą umowy o współpracy.\n",
])
def test_plural_polish_documents_with_partners_after_the_verb_give_one_each(text):
    art = make(text, "2022-05-20", orgs={**FDS, **GIR, **PG})
    assert sorted(sorted(a.parties) for a in art.agreements) == [
        BOTH, ["org:fundacja dobrego sąsiedztwa", "org:lidzka szkoła rolnicza"]]


def test_a_partyless_signing_takes_two_untagged_towns_of_the_sentence_before():
    text = "Miasto Chełm i Kowel będą wspólnie dbać o zabytki. Umowa została zawarta wczoraj.\n"
    art = make(text, "2023-06-14")
    assert [sorted(art.places[k].name for k in a.parties) for a in art.agreements] == [["Chełm", "Kowel"]]


def test_one_untagged_town_is_no_pair():
    text = "Miasto Chełm i jego mieszkańcy świętują. Umowa została zawarta wczoraj.\n"
    assert make(text, "2023-06-14").agreements == []

"""Constructions news of the genre uses that the first extractor missed (sentences written for
these tests): arguments bound to their clause, days told from another event, "the same place",
a document retold by "Dokument podpisano ...", a setting event first named in a signing
sentence, a host town as subject, officials standing for their towns, days as ordinal words.
"""
from __future__ import annotations

import pytest

from pipeline.annotate.dates import find_dates
from tests.test_extract import make, rows


def test_each_clause_keeps_its_own_date_and_place():
    text = "W środę odbędzie się konferencja, a w czwartek w Pińsku odbędą się warsztaty.\n"
    art = make(text, "2022-05-16", places={"Pińsku": "Pińsk"},
               dates={"W środę": ("2022-05-18", True), "w czwartek": ("2022-05-19", True)})
    got = {e.event_type: (e.date_start, e.place_key) for e in art.events}
    assert got["training"] == ("2022-05-19", "geo:623549")
    assert got.get("conference", ("2022-05-18", ""))[1] != "geo:623549"


def test_a_day_before_in_the_same_place():
    text = ("Seminarium w Mohylewie\n\n5 maja 2021 r. w Mohylewie odbyło się seminarium o klastrach.\n\n"
            "Dzień wcześniej w tym samym miejscu obradowała komisja do spraw współpracy.\n")
    art = make(text, "2021-05-10", places={"Mohylewie": "Mohylew"}, dates={"5 maja 2021 r.": "2021-05-05"})
    assert ("meeting", "geo:625665", "2021-05-04", "2021-05-04", True, "held") in rows(art)


def test_next_day_in_russian_takes_the_day_after():
    text = ("12 мая 2021 года в Гродно прошёл семинар для фермеров. "
            "На следующий день участники встретились в Лиде с руководством района.\n")
    art = make(text, "2021-05-20", lang="ru", places={"Гродно": "Grodno", "Лиде": "Lida"},
               dates={"12 мая 2021 года": "2021-05-12"})
    assert ("meeting", "geo:626081", "2021-05-13", "2021-05-13", True, "held") in rows(art)


def test_document_retold_gives_the_agreement_its_date_and_place():
    text = ("Fundacja Dobrego Sąsiedztwa i Grodzieńska Izba Rzemiosła zawarły porozumienie o współpracy. "
            "Dokument podpisano 26 kwietnia w Grodnie.\n")
    art = make(text, "2023-04-28", places={"Grodnie": "Grodno"},
               orgs={"Fundacja Dobrego Sąsiedztwa": "Fundacja Dobrego Sąsiedztwa",
                     "Grodzieńska Izba Rzemiosła": "Grodzieńska Izba Rzemiosła"},
               dates={"26 kwietnia": "2023-04-26"})
    assert len(art.agreements) == 1
    a = art.agreements[0]
    assert (a.date, a.place_key, a.status) == ("2023-04-26", "geo:627904", "signed")


def test_event_first_named_as_the_setting_of_a_signing():
    text = ("17 maja 2019 r. Fundacja Dobrego Sąsiedztwa zawarła umowę o współpracy z Grodzieńską Izbą Rzemiosła. "
            "Umowę podpisano w Grodnie podczas konferencji naukowej.\n")
    art = make(text, "2019-05-20", places={"Grodnie": "Grodno"},
               orgs={"Fundacja Dobrego Sąsiedztwa": "Fundacja Dobrego Sąsiedztwa",
                     "Grodzieńską Izbą Rzemiosła": "Grodzieńska Izba Rzemiosła"},
               dates={"17 maja 2019 r.": "2019-05-17"})
    assert [(e.event_type, e.place_key, e.date_start) for e in art.events] == [("conference", "geo:627904", "2019-05-17")]
    assert [(a.date, a.place_key) for a in art.agreements] == [("2019-05-17", "geo:627904")]


def test_partner_named_by_a_common_noun_after_the_verb():
    text = ("Politechnika Grodzieńska gościła studentów. "
            "Tego samego dnia Towarzystwo Naukowe Ziemi Lidzkiej podpisało z politechniką list intencyjny.\n")
    art = make(text, "2019-05-20",
               orgs={"Politechnika Grodzieńska": "Politechnika Grodzieńska",
                     "Towarzystwo Naukowe Ziemi Lidzkiej": "Towarzystwo Naukowe Ziemi Lidzkiej"})
    assert [sorted(a.parties) for a in art.agreements] == [
        ["org:politechnika grodzieńska", "org:towarzystwo naukowe ziemi lidzkiej"]]


def test_host_town_as_subject_is_the_venue():
    text = "Wczoraj Grodno gościło delegację władz miejskich Lidy.\n"
    art = make(text, "2021-03-02", places={"Lidy": "Lida"}, dates={"Wczoraj": ("2021-03-01", True)})
    assert [(e.event_type, e.place_key, e.date_start) for e in art.events] == [("visit", "geo:627904", "2021-03-01")]


def test_officials_stand_for_their_towns_as_parties():
    text = "3 marca 2021 r. w Grodnie prezydent Mohylewa i mer Lidy podpisali list intencyjny.\n"
    art = make(text, "2021-03-10", places={"Grodnie": "Grodno"}, dates={"3 marca 2021 r.": "2021-03-03"})
    assert [(a.agreement_type, a.parties) for a in art.agreements] == [
        ("letter_of_intent", ["geo:625665", "geo:626081"])]


@pytest.mark.parametrize("text,lang,value", [
    ("odbędzie się piętnastego października", "pl", "2020-10-15"),
    ("Документ был подписан двадцать третьего сентября", "ru", "2020-09-23"),
    ("адбудзецца дваццаць першага лістапада", "be", "2020-11-21"),
])
def test_day_of_month_as_an_ordinal_word(text, lang, value):
    import datetime as dt
    assert [d.value for d in find_dates(text, lang, dt.date(2020, 10, 5))] == [value]


def test_a_signing_ceremony_told_next_gives_the_agreement_its_date_and_place():
    text = ("Fundacja Dobrego Sąsiedztwa i Grodzieńska Izba Rzemiosła zawarły porozumienie o współpracy. "
            "Uroczyste podpisanie odbyło się 5 marca w Grodnie.\n")
    art = make(text, "2020-03-10", places={"Grodnie": "Grodno"},
               orgs={"Fundacja Dobrego Sąsiedztwa": "Fundacja Dobrego Sąsiedztwa",
                     "Grodzieńska Izba Rzemiosła": "Grodzieńska Izba Rzemiosła"},
               dates={"5 marca": "2020-03-05"})
    assert [(a.date, a.place_key) for a in art.agreements] == [("2020-03-05", "geo:627904")]


def test_a_cycle_is_no_event_beside_its_members():
    text = ("W dniach 19-21.09.2022 Fundacja Dobrego Sąsiedztwa przeprowadziła cykl warsztatów. "
            "Pierwsze warsztaty odbyły się 19 września w Pińsku, kolejne 21 września w Lidzie.\n")
    art = make(text, "2022-09-26", places={"Pińsku": "Pińsk", "Lidzie": "Lida"},
               orgs={"Fundacja Dobrego Sąsiedztwa": "Fundacja Dobrego Sąsiedztwa"},
               dates={"19-21.09.2022": "2022-09-19/2022-09-21", "19 września": "2022-09-19",
                      "21 września": "2022-09-21"})
    assert [(e.place_key, e.date_start) for e in art.events] == [("geo:623549", "2022-09-19"),
                                                                  ("geo:626081", "2022-09-21")]


def test_signing_during_a_multi_day_visit_has_no_day_of_its_own():
    text = ("W dniach 10-14 kwietnia 2023 r. Mohylew gościł delegację samorządowców z Lidy. "
            "Podczas wizyty podpisano porozumienie o współpracy między Mohylewem a Lidą.\n")
    art = make(text, "2023-04-17", places={"Mohylew": "Mohylew", "Mohylewem": "Mohylew", "Lidą": "Lida", "Lidy": "Lida"},
               dates={"10-14 kwietnia 2023 r.": "2023-04-10/2023-04-14"})
    assert [(a.date, a.place_key, sorted(a.parties)) for a in art.agreements] == [
        ("", "geo:625665", ["geo:625665", "geo:626081"])]


def test_a_peoples_adjective_tagged_as_an_unlinked_place_is_no_venue():
    from pipeline.record import Place
    text = "Polscy doradcy rolni\n\n5 października 2018 r. odbyło się seminarium dla sadowników.\n"
    art = make(text, "2018-10-12", dates={"5 października 2018 r.": "2018-10-05"})
    art.places["loc:polscy"] = Place("loc:polscy", "Polscy")
    from pipeline.record import Mention
    art.mentions = sorted(art.mentions + [Mention(0, 6, "Polscy", "LOC", "pl", "Polscy", "loc:polscy")],
                          key=lambda m: (m.start, m.end))
    from pipeline.extract import extract
    extract(art)
    assert [(e.place_key, e.date_start) for e in art.events] == [("", "2018-10-05")]


def test_two_parties_inside_one_organisation_span_are_split():
    text = ("10 października 2019 r. w Mohylewie podpisano memorandum o współpracy pomiędzy "
            "Klastrem Metalowym a Wolną Strefą Ekonomiczną „Mohylew”.\n")
    art = make(text, "2019-10-20", places={"Mohylewie": "Mohylew"},
               orgs={"Klastrem Metalowym a Wolną Strefą Ekonomiczną „Mohylew”": "Wolna Strefa Ekonomiczna „Mohylew”"},
               dates={"10 października 2019 r.": "2019-10-10"})
    assert len(art.agreements) == 1
    names = [art.organisations[k].name for k in art.agreements[0].parties]
    assert len(names) == 2 and names[1] == "Wolna Strefa Ekonomiczna „Mohylew”"
    assert names[0].startswith("Klaster")


def test_an_untagged_acronym_after_realizowany_przez_is_the_implementer():
    from pipeline.record import Organisation
    text = ("Seminarium w Mohylewie odbyło się 9 października 2019 r.\n\n"
            "Projekt realizowany przez PFDS jest finansowany ze środków polskiej pomocy.\n")
    art = make(text, "2019-10-20", places={"Mohylewie": "Mohylew"}, dates={"9 października 2019 r.": "2019-10-09"},
               orgs={"Polska Fundacja Dobrego Sąsiedztwa": "Polska Fundacja Dobrego Sąsiedztwa"})
    art.organisations["org:polska fundacja dobrego sąsiedztwa"] = Organisation(
        "org:polska fundacja dobrego sąsiedztwa", "Polska Fundacja Dobrego Sąsiedztwa")
    from pipeline.extract import extract
    extract(art)
    assert [e.organisers for e in art.events] == [["org:polska fundacja dobrego sąsiedztwa"]]


def test_an_organisation_named_again_untagged_is_a_party():
    text = ("Delegacja Grodzieńskiej Izby Rzemiosła przebywała 10 czerwca 2019 r. w Lidzie. "
            "Wieczorem Fundacja Dobrego Sąsiedztwa i Grodzieńska Izba Rzemiosła podpisały list intencyjny.\n")
    art = make(text, "2019-06-14", places={"Lidzie": "Lida"},
               orgs={"Grodzieńskiej Izby Rzemiosła": "Grodzieńska Izba Rzemiosła",
                     "Fundacja Dobrego Sąsiedztwa": "Fundacja Dobrego Sąsiedztwa"},
               dates={"10 czerwca 2019 r.": "2019-06-10"})
    assert [sorted(a.parties) for a in art.agreements] == [
        ["org:fundacja dobrego sąsiedztwa", "org:grodzieńska izba rzemiosła"]]


def test_an_institution_tagged_as_an_unlinked_place_is_no_venue():
    from pipeline.extract import extract
    from pipeline.record import Mention, Place
    text = ("W dniach 10-11 czerwca 2019 r. w Lidzie przebywała delegacja z Grodna. "
            "Pierwszego dnia w Urzędzie Miasta Lidy odbyło się spotkanie robocze.\n")
    art = make(text, "2019-06-14", places={"Lidzie": "Lida", "Grodna": "Grodno"},
               dates={"10-11 czerwca 2019 r.": "2019-06-10/2019-06-11"})
    art.places["loc:urząd miasta lidy"] = Place("loc:urząd miasta lidy", "Urząd Miasta Lidy", country_code="BY")
    a = text.index("Urzędzie")
    art.mentions = sorted(art.mentions + [Mention(a, a + len("Urzędzie Miasta Lidy"), "Urzędzie Miasta Lidy", "LOC",
                                                  "pl", "Urząd Miasta Lidy", "loc:urząd miasta lidy")],
                          key=lambda m: (m.start, m.end))
    extract(art)
    assert [(e.event_type, e.place_key) for e in art.events] == [("visit", "geo:626081")]


def test_an_event_called_off_gives_no_event_and_the_one_instead_does():
    text = ("Zaplanowana na 3 marca konferencja w Pińsku nie odbędzie się. "
            "Zamiast niej 4 marca w Pińsku odbędą się warsztaty.\n")
    art = make(text, "2022-02-20", places={"Pińsku": "Pińsk"},
               dates={"3 marca": "2022-03-03", "4 marca": "2022-03-04"})
    assert [(e.event_type, e.date_start) for e in art.events] == [("training", "2022-03-04")]


def test_a_russian_forum_cancelled_gives_no_event():
    text = "Форум в Гродно, намеченный на 5 мая, отменён организаторами.\n"
    art = make(text, "2022-04-20", lang="ru", places={"Гродно": "Grodno"}, dates={"5 мая": "2022-05-05"})
    assert art.events == []


def test_an_event_moved_to_another_day_keeps_the_new_date():
    text = ("Seminarium w Pińsku, zaplanowane pierwotnie na 9 marca, zostało przeniesione na 23 marca.\n")
    art = make(text, "2023-03-02", places={"Pińsku": "Pińsk"},
               dates={"9 marca": "2023-03-09", "23 marca": "2023-03-23"})
    assert [(e.event_type, e.date_start, e.status) for e in art.events] == [("seminar", "2023-03-23", "planned")]


def test_a_signing_on_the_second_day_of_a_visit_told_after_the_first_day_takes_day_two():
    text = ("W dniach 12–13 maja w Pińsku gościła delegacja z Grodna. Pierwszego dnia goście zwiedzili "
            "miasto, a drugiego dnia podpisano porozumienie o współpracy między Pińskiem a Grodnem.\n")
    art = make(text, "2021-05-20", places={"Pińsku": "Pińsk", "Pińskiem": "Pińsk", "Grodna": "Grodno",
                                           "Grodnem": "Grodno"},
               dates={"W dniach 12–13 maja": "2021-05-12/2021-05-13"})
    assert [(a.date, a.place_key) for a in art.agreements] == [("2021-05-13", "geo:623549")]


def test_a_signing_retold_as_part_of_a_visit_is_the_visit():
    text = ("5 marca 2021 r. w Pińsku Fundacja Dobrego Sąsiedztwa i Grodzieńska Izba Rzemiosła podpisały "
            "porozumienie o współpracy. Podpisanie odbyło się podczas wizyty delegacji z Grodna.\n")
    art = make(text, "2021-03-08", places={"Pińsku": "Pińsk", "Grodna": "Grodno"},
               orgs={"Fundacja Dobrego Sąsiedztwa": "Fundacja Dobrego Sąsiedztwa",
                     "Grodzieńska Izba Rzemiosła": "Grodzieńska Izba Rzemiosła"},
               dates={"5 marca 2021 r.": "2021-03-05"})
    assert [(e.event_type, e.date_start, e.place_key) for e in art.events] == [("visit", "2021-03-05", "geo:623549")]


def test_implementers_joined_by_a_conjunction_after_an_alias_in_brackets():
    text = ("Seminarium w Mohylewie odbyło się 9 października 2019 r.\n\n"
            "Projekt realizowały Fundacja Dobrego Sąsiedztwa (Фонд добрососедства) "
            "i Grodzieńska Izba Rzemiosła, a wspierało go ministerstwo.\n")
    art = make(text, "2019-10-20", places={"Mohylewie": "Mohylew"}, dates={"9 października 2019 r.": "2019-10-09"},
               orgs={"Fundacja Dobrego Sąsiedztwa": "Fundacja Dobrego Sąsiedztwa",
                     "Фонд добрососедства": "Fundacja Dobrego Sąsiedztwa",
                     "Grodzieńska Izba Rzemiosła": "Grodzieńska Izba Rzemiosła"})
    assert [e.organisers for e in art.events] == [
        ["org:fundacja dobrego sąsiedztwa", "org:grodzieńska izba rzemiosła"]]

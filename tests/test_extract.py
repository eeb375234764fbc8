"""Events and agreements from hand-built articles (texts written for these tests).

The articles carry the mentions upstream stages would give (LOC/ORG with keys, DATE with ISO
values), so these tests exercise the extractor alone: duplicates, series, visit parts,
negatives, agreements and cross-article clusters.
"""
from __future__ import annotations

import re

import pytest

from pipeline.extract import extract
from pipeline.record import Article, Mention, Organisation, Place
from pipeline.tables.build import build_tables

PLACES = {
    "Mohylew": Place("geo:625665", "Mohylew", geonames_id=625665, country_code="BY", feature="city"),
    "Pińsk": Place("geo:623549", "Pińsk", geonames_id=623549, country_code="BY", feature="city"),
    "Lida": Place("geo:626081", "Lida", geonames_id=626081, country_code="BY", feature="city"),
    "Homel": Place("geo:627907", "Homel", geonames_id=627907, country_code="BY", feature="city"),
    "Grodno": Place("geo:627904", "Grodno", geonames_id=627904, country_code="BY", feature="city"),
    "Białoruś": Place("geo:630336", "Białoruś", geonames_id=630336, country_code="BY", feature="country"),
}


def make(text: str, published: str, lang: str = "pl", places: dict[str, str] | None = None,
         orgs: dict[str, str] | None = None, dates: dict[str, str | tuple[str, bool]] | None = None,
         article_id: str = "t1") -> Article:
    """An Article with mentions at every occurrence of the given surface strings.

    places: surface -> PLACES name; orgs: surface -> organisation name; dates: surface -> ISO
    value (or (value, relative))."""
    art = Article(article_id=article_id, source=f"{article_id}.txt", text=text, published=published,
                  language=lang)
    mentions: list[Mention] = []
    for surface, name in (places or {}).items():
        place = PLACES[name]
        art.places[place.key] = place
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            mentions.append(Mention(m.start(), m.end(), surface, "LOC", lang, name, place.key))
    for surface, name in (orgs or {}).items():
        key = "org:" + name.lower()
        art.organisations[key] = Organisation(key, name)
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            mentions.append(Mention(m.start(), m.end(), surface, "ORG", lang, name, key))
    for surface, value in (dates or {}).items():
        iso, relative = value if isinstance(value, tuple) else (value, False)
        for m in re.finditer(re.escape(surface), text):
            mentions.append(Mention(m.start(), m.end(), surface, "DATE", lang, iso, source="test",
                                    attrs={"relative": relative, "year_from_anchor": False}))
    art.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
    return extract(art)


def rows(art: Article) -> list[tuple]:
    return sorted((e.event_type, e.place_key, e.date_start, e.date_end, e.date_inferred, e.status)
                  for e in art.events)


def test_heading_and_body_tell_one_event():
    text = ("Spotkanie w Mohylewie\n\n"
            "Spotkanie w Mohylewie odbyło się 5 marca 2021 r. i zgromadziło czterdziestu przedsiębiorców. "
            "Spotkanie przygotowała Fundacja Dobrego Sąsiedztwa.\n")
    art = make(text, "2021-03-10", places={"Mohylewie": "Mohylew"},
               orgs={"Fundacja Dobrego Sąsiedztwa": "Fundacja Dobrego Sąsiedztwa"},
               dates={"5 marca 2021 r.": "2021-03-05"})
    assert rows(art) == [("meeting", "geo:625665", "2021-03-05", "2021-03-05", False, "held")]
    ev = art.events[0]
    assert ev.organisers == ["org:fundacja dobrego sąsiedztwa"]
    assert text[ev.start:ev.end].startswith("Spotkanie w Mohylewie odbyło się")  # evidence: the body, not the heading


def test_series_in_three_towns_splits_with_inferred_days():
    text = ("W dniach 3-5 maja 2022 r. odbyły się trzy warsztaty dla rolników w Pińsku, Lidzie i Homlu. "
            "Prowadzili je doradcy z Polski.\n")
    art = make(text, "2022-05-20", places={"Pińsku": "Pińsk", "Lidzie": "Lida", "Homlu": "Homel"},
               dates={"3-5 maja 2022 r.": "2022-05-03/2022-05-05"})
    assert rows(art) == [
        ("training", "geo:623549", "2022-05-03", "2022-05-03", True, "held"),
        ("training", "geo:626081", "2022-05-04", "2022-05-04", True, "held"),
        ("training", "geo:627907", "2022-05-05", "2022-05-05", True, "held"),
    ]


def test_series_with_a_date_per_place_is_planned_after_publication():
    text = "Kolejne seminaria odbędą się 7 czerwca w Pińsku oraz 9 czerwca w Grodnie.\n"
    art = make(text, "2022-05-20", places={"Pińsku": "Pińsk", "Grodnie": "Grodno"},
               dates={"7 czerwca": "2022-06-07", "9 czerwca": "2022-06-09"})
    assert rows(art) == [
        ("seminar", "geo:623549", "2022-06-07", "2022-06-07", False, "planned"),
        ("seminar", "geo:627904", "2022-06-09", "2022-06-09", False, "planned"),
    ]


def test_negative_report_gives_no_rows():
    text = ("Raport o współpracy przygranicznej\n\n"
            "Fundacja Dobrego Sąsiedztwa opublikowała raport o kontaktach firm z Grodna i Homla "
            "w latach 2015–2020. Autorzy piszą, że przedsiębiorcy oczekują szkoleń i wspólnych wyjazdów, "
            "a współpraca z partnerami na Białorusi trwa.\n")
    art = make(text, "2021-01-15", places={"Grodna": "Grodno", "Homla": "Homel", "Białorusi": "Białoruś"},
               orgs={"Fundacja Dobrego Sąsiedztwa": "Fundacja Dobrego Sąsiedztwa"},
               dates={"w latach 2015–2020": "2015/2020"})
    assert art.events == []
    assert art.agreements == []


def test_visit_with_a_day_trip_and_a_signing():
    text = ("W dniach 10-12 września 2021 r. w Mohylewie przebywała delegacja Fundacji Dobrego Sąsiedztwa. "
            "Drugiego dnia delegacja pojechała do Lidy. "
            "Ostatniego dnia Fundacja Dobrego Sąsiedztwa i Mohylewska Izba Rzemiosła podpisały "
            "porozumienie o współpracy.\n")
    art = make(text, "2021-09-20", places={"Mohylewie": "Mohylew", "Lidy": "Lida"},
               orgs={"Fundacji Dobrego Sąsiedztwa": "Fundacja Dobrego Sąsiedztwa",
                     "Fundacja Dobrego Sąsiedztwa": "Fundacja Dobrego Sąsiedztwa",
                     "Mohylewska Izba Rzemiosła": "Mohylewska Izba Rzemiosła"},
               dates={"10-12 września 2021 r.": "2021-09-10/2021-09-12"})
    assert rows(art) == [
        ("visit", "geo:625665", "2021-09-10", "2021-09-12", False, "held"),
        ("visit", "geo:626081", "2021-09-11", "2021-09-11", True, "held"),
    ]
    (ag,) = art.agreements
    assert ag.agreement_type == "cooperation_agreement"
    assert set(ag.parties) == {"org:fundacja dobrego sąsiedztwa", "org:mohylewska izba rzemiosła"}
    assert (ag.date, ag.date_inferred, ag.place_key, ag.status) == ("2021-09-12", True, "geo:625665", "signed")
    assert ag.event_index is not None and art.events[ag.event_index].place_key == "geo:625665"


def test_russian_seminar_and_memorandum_between_parties():
    text = ("15 мая в Гродно прошел семинар о сотрудничестве вузов. "
            "По итогам семинара был подписан меморандум о сотрудничестве между Гродненским "
            "университетом и Белостокским политехническим институтом.\n")
    art = make(text, "2019-05-17", lang="ru", places={"Гродно": "Grodno"},
               orgs={"Гродненским университетом": "Гродненский университет",
                     "Белостокским политехническим институтом": "Белостокский политехнический институт"},
               dates={"15 мая": "2019-05-15"})
    assert rows(art) == [("seminar", "geo:627904", "2019-05-15", "2019-05-15", False, "held")]
    (ag,) = art.agreements
    assert ag.agreement_type == "memorandum" and ag.date == "2019-05-15" and ag.place_key == "geo:627904"
    assert ag.parties == ["org:гродненский университет", "org:белостокский политехнический институт"]


def test_planned_agreement_without_date_or_event_keeps_them_empty():
    text = ("Wczoraj w Grodnie odbyła się narada przedstawicieli obu fundacji. "
            "Fundacja Dobrego Sąsiedztwa i Grodzieńska Fundacja Kultury zamierzają podpisać list intencyjny.\n")
    art = make(text, "2020-06-10", places={"Grodnie": "Grodno"},
               orgs={"Fundacja Dobrego Sąsiedztwa": "Fundacja Dobrego Sąsiedztwa",
                     "Grodzieńska Fundacja Kultury": "Grodzieńska Fundacja Kultury"},
               dates={"Wczoraj": ("2020-06-09", True)})
    assert rows(art) == [("meeting", "geo:627904", "2020-06-09", "2020-06-09", True, "held")]
    (ag,) = art.agreements
    assert (ag.agreement_type, ag.status, ag.date, ag.place_key) == ("letter_of_intent", "planned", "", "")


def test_two_articles_about_one_forum_share_a_cluster():
    pl = make("W dniach 4-5 października 2023 r. w Grodnie odbyło się Forum Gospodarcze Pogranicza.\n",
              "2023-10-06", places={"Grodnie": "Grodno"},
              dates={"4-5 października 2023 r.": "2023-10-04/2023-10-05"}, article_id="a-pl")
    ru = make("5 октября в Гродно завершился форум предпринимателей приграничья.\n",
              "2023-10-06", lang="ru", places={"Гродно": "Grodno"}, dates={"5 октября": "2023-10-05"},
              article_id="a-ru")
    other = make("12 października 2023 r. w Grodnie odbyło się forum młodzieży.\n", "2023-10-13",
                 places={"Grodnie": "Grodno"}, dates={"12 października 2023 r.": "2023-10-12"},
                 article_id="a-other")
    events = build_tables([pl, ru, other], [])["events"]
    assert len(events) == 3 and set(events["event_type"]) == {"forum"}
    cid = dict(zip(events["article_id"], events["event_cluster_id"]))
    assert cid["a-pl"] == cid["a-ru"] != cid["a-other"]
    clusters = build_tables([pl, ru, other], [])["event_clusters"]
    joined = clusters[clusters["event_cluster_id"] == cid["a-pl"]].iloc[0]
    assert joined["n_articles"] == 2 and joined["date_start"] == "2023-10-04"


@pytest.mark.parametrize("lang", ["pl", "ru", "be", "uk"])
def test_every_language_has_event_and_agreement_vocabulary(lang):
    from pipeline.extract.lexicon import vocab
    v = vocab(lang)
    assert v is not None
    assert set(v.data["event_triggers"]) <= {"seminar", "conference", "meeting", "study_visit", "training",
                                             "forum", "fair", "visit", "signing", "other"}
    assert v.words("signing_words") and v.data["agreement_triggers"]


def test_announcement_and_report_in_one_article_are_one_event():
    PLACES.setdefault("Lublin", Place("geo:765876", "Lublin", geonames_id=765876, country_code="PL",
                                      feature="city"))
    text = ("Konferencja w Lublinie\n\n"
            "Już 12 maja w Lublinie odbędzie się konferencja „Granica i rynek pracy”. "
            "Organizatorem jest Fundacja Pogranicze.\n\n"
            "Konferencja w Lublinie zgromadziła ponad stu uczestników z Polski i Białorusi.\n")
    art = make(text, "2022-05-20", places={"Lublinie": "Lublin", "Białorusi": "Białoruś"},
               orgs={"Fundacja Pogranicze": "Fundacja Pogranicze"}, dates={"12 maja": "2022-05-12"})
    assert rows(art) == [("conference", "geo:765876", "2022-05-12", "2022-05-12", False, "held")]
    assert art.events[0].organisers == ["org:fundacja pogranicze"]


def test_signing_on_its_own_is_a_signing_event_with_its_agreement():
    text = "Wczoraj w Grodnie Fundacja Pogranicze podpisała umowę o współpracy z Grodzieńskim Centrum Kultury.\n"
    art = make(text, "2022-05-20", places={"Grodnie": "Grodno"},
               orgs={"Fundacja Pogranicze": "Fundacja Pogranicze",
                     "Grodzieńskim Centrum Kultury": "Grodzieńskie Centrum Kultury"},
               dates={"Wczoraj": ("2022-05-19", True)})
    assert rows(art) == [("signing", "geo:627904", "2022-05-19", "2022-05-19", True, "held")]
    (ag,) = art.agreements
    assert ag.parties == ["org:fundacja pogranicze", "org:grodzieńskie centrum kultury"]
    assert (ag.date, ag.event_index) == ("2022-05-19", 0)


def test_generic_mentions_without_date_or_place_give_no_event():
    art = make("Spotkania z mieszkańcami są dla nas ważne. Fundacja Pogranicze organizuje je od lat.\n",
               "2022-05-20", orgs={"Fundacja Pogranicze": "Fundacja Pogranicze"})
    assert art.events == [] and art.agreements == []


def test_a_fair_at_the_same_time_is_not_a_part_of_the_conference():
    PLACES.setdefault("Mińsk", Place("geo:625144", "Mińsk", geonames_id=625144, country_code="BY",
                                     feature="city"))
    text = ("W dniach 3-5 czerwca 2021 r. w Mińsku odbyła się konferencja o handlu przygranicznym. "
            "W tym samym czasie w Mińsku trwały targi rolnicze, na których wystawiło się 20 polskich firm. "
            "Pierwszego dnia konferencji odbyła się sesja plenarna.\n")
    art = make(text, "2021-06-10", places={"Mińsku": "Mińsk"},
               dates={"3-5 czerwca 2021 r.": "2021-06-03/2021-06-05"})
    assert rows(art) == [
        ("conference", "geo:625144", "2021-06-03", "2021-06-05", False, "held"),
        ("fair", "geo:625144", "2021-06-03", "2021-06-05", True, "held"),
    ]


def test_agreement_between_three_parties_keeps_all_three():
    text = "10 marca w Grodnie podpisano porozumienie o współpracy między Fundacją Alfa, Stowarzyszeniem Beta i Izbą Gamma.\n"
    art = make(text, "2021-03-12", places={"Grodnie": "Grodno"},
               orgs={"Fundacją Alfa": "Fundacja Alfa", "Stowarzyszeniem Beta": "Stowarzyszenie Beta",
                     "Izbą Gamma": "Izba Gamma"}, dates={"10 marca": "2021-03-10"})
    (ag,) = art.agreements
    assert ag.parties == ["org:fundacja alfa", "org:stowarzyszenie beta", "org:izba gamma"]
    assert (ag.date, ag.place_key, ag.status) == ("2021-03-10", "geo:627904", "signed")


def test_a_year_alone_does_not_make_an_event():
    art = make("W 2018 roku zorganizowaliśmy 15 szkoleń dla rolników. Fundacja Alfa prowadzi też konferencje.\n",
               "2018-12-20", orgs={"Fundacja Alfa": "Fundacja Alfa"}, dates={"W 2018 roku": "2018"})
    assert art.events == [] and art.agreements == []


def test_visit_to_a_region_takes_its_town_and_keeps_a_day_elsewhere():
    PLACES.setdefault("Lublin", Place("geo:765876", "Lublin", geonames_id=765876, country_code="PL",
                                      feature="city"))
    PLACES.setdefault("Zamość", Place("geo:753866", "Zamość", geonames_id=753866, country_code="PL",
                                      feature="city"))
    PLACES.setdefault("woj. lubelskie", Place("loc:województwo lubelskie", "województwo lubelskie",
                                              feature="region"))
    text = ("12–14 мая делегация Брестской области находилась с официальным визитом в Люблинском "
            "воеводстве. В Люблине прошли переговоры с руководством воеводства. "
            "13 мая гости побывали в Замосце.\n")
    art = make(text, "2021-05-20", lang="ru",
               places={"Люблинском воеводстве": "woj. lubelskie", "Люблине": "Lublin", "Замосце": "Zamość"},
               dates={"12–14 мая": "2021-05-12/2021-05-14", "13 мая": "2021-05-13"})
    assert rows(art) == [
        ("visit", "geo:753866", "2021-05-13", "2021-05-13", False, "held"),
        ("visit", "geo:765876", "2021-05-12", "2021-05-14", False, "held"),
    ]


@pytest.mark.parametrize("lang", ["pl", "be"])  # lemma and stem vocabularies
def test_token_is_same_for_a_vocabulary_list_and_a_copy_of_it(lang):
    from pipeline.extract.lexicon import tokenize, vocab
    v = vocab(lang)
    text = ("Delegacja podpisała porozumienie i wzięła udział w seminarium." if lang == "pl"
            else "Дэлегацыя падпісала пагадненне і наведала семінар у Гродне.")
    for key in ("signing_words", "visit_verbs", "between_words", "organiser_cues"):
        words = v.words(key)
        for tok in tokenize(text, 0, len(text)):
            assert v.token_is(tok, words) == v.token_is(tok, list(words)) == \
                any(" " not in e and tok.has(e, v.stem, v.exclude) for e in words)

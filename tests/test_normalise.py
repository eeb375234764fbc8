"""Normalise and link: place names across scripts and cases, regions, name lemmas,
organisations (aliases, acronyms, run-level merge). Texts are written for these tests."""
from __future__ import annotations

import itertools

import pytest

from pipeline.normalise import normalise
from pipeline.normalise.gazetteer import get_gazetteer
from pipeline.normalise.lemmas import is_derived_adjective, lemmatise
from pipeline.normalise.organisations import acronym_matches, merge_organisations
from pipeline.record import Article, Mention, Organisation

CITIES = {  # inflected form -> GeoNames id
    "Mohylewie": 625665, "Homlu": 627907, "Pińsku": 623549, "Grodnie": 627904,
    "Brześciu": 629634, "Witebsku": 620127, "Kiszyniowie": 618426, "Mińsku": 625144,
    "Nowopołocku": 624784, "Kliczewie": 627205, "Bielc": 618605, "Kielc": 769250,
    "Komracie": 618491, "Bukareszcie": 683506,  # -t, -st softened before -cie, -ście
}


@pytest.mark.parametrize("form,gid", sorted(CITIES.items()))
def test_inflected_polish_city_names_link_to_geonames(form, gid):
    place = get_gazetteer().link(form, None, "pl")
    assert place is not None and place.geonames_id == gid


@pytest.mark.parametrize("form,lang,gid,name", [
    ("Гродно", "ru", 627904, "Grodno"),
    ("Гродне", "be", 627904, "Grodno"),
    ("Беластоку", "be", 776069, "Białystok"),
    ("Могилеве", "ru", 625665, "Mohylew"),
    ("Магілёве", "be", 625665, "Mohylew"),
    ("Брэсце", "be", 629634, "Brześć"),
    ("Наваполацку", "be", 624784, "Nowopołock"),
    ("Białej Podlaskiej", "pl", 776175, "Biała Podlaska"),
    ("Białorusi", "pl", 630336, "Białoruś"),
    ("Беларуси", "ru", 630336, "Białoruś"),
    ("Аўгустова", "be", 776597, "Augustów"),  # only the Russian spelling (Августов) is in GeoNames
    ("Жэшува", "be", 759734, "Rzeszów"),
    ("Вільні", "be", 593116, "Wilno"),  # a name the exonym table adds (GeoNames lacks Вільня)
    ("Коўна", "be", 598316, "Kowno"),
    ("Żółkwi", "pl", 687093, "Żółkiew"),
])
def test_cyrillic_and_multiword_names_get_polish_canonical_names(form, lang, gid, name):
    place = get_gazetteer().link(form, None, lang)
    assert (place.geonames_id, place.name) == (gid, name)


def test_mogilev_is_the_belarusian_city_not_mohyliv():
    place = get_gazetteer().link("Могилев", None, "ru")
    assert place.country_code == "BY" and place.name_en == "Mahilyow"


@pytest.mark.parametrize("form,lang,key", [
    ("obwodu witebskiego", "pl", "loc:obwód witebski"),
    ("Витебская область", "ru", "loc:obwód witebski"),
    ("Гродненской области", "ru", "loc:obwód grodzieński"),
    ("Гродзенскай вобласці", "be", "loc:obwód grodzieński"),
    ("województwo podlaskie", "pl", "loc:województwo podlaskie"),
    ("Подляшского воеводства", "ru", "loc:województwo podlaskie"),
    ("powiatu augustowskiego", "pl", "loc:powiat augustowski"),
    ("rejon lidzki", "pl", "loc:rejon lidzki"),
    ("Лидским районом", "ru", "loc:rejon lidzki"),
    ("gminy Supraśl", "pl", "loc:gmina supraśl"),
    # a Polish adjective outside the table is kept as written, not rebuilt from a town's name
    ("powiecie bialskim", "pl", "loc:powiat bialski"),
    ("powiatu krakowskiego", "pl", "loc:powiat krakowski"),
    ("rejonie szackim", "pl", "loc:rejon szacki"),
    ("гміна Супрасль", "be", "loc:gmina supraśl"),
])
def test_regions_get_loc_keys_with_polish_names(form, lang, key):
    place = get_gazetteer().link(form, None, lang)
    assert place is not None and place.key == key and place.geonames_id is None
    assert place.name == key[4:] or place.name.lower() == key[4:]


def test_gazetteer_get_returns_cities_and_regions():
    gaz = get_gazetteer()
    assert gaz.get("geo:625665").name == "Mohylew"
    assert gaz.get("loc:obwód grodzieński").feature == "region"
    assert gaz.get("geo:0") is None


@pytest.mark.parametrize("text,lang,label,lemma", [
    ("Podlaską Fundacją Rozwoju Regionalnego", "pl", "ORG", "Podlaska Fundacja Rozwoju Regionalnego"),
    ("Fundacją Rozwoju Regionalnego", "pl", "ORG", "Fundacja Rozwoju Regionalnego"),
    ("Wolnej Strefy Ekonomicznej „Mohylew”", "pl", "ORG", "Wolna Strefa Ekonomiczna „Mohylew”"),
    ("Ministerstwa Spraw Zagranicznych", "pl", "ORG", "Ministerstwo Spraw Zagranicznych"),
    ("Izbie Przemysłowo-Handlowej", "pl", "ORG", "Izba Przemysłowo-Handlowa"),
    ("Uniwersytetem w Białymstoku", "pl", "ORG", "Uniwersytet w Białymstoku"),
    ("Гомельским государственным университетом", "ru", "ORG", "Гомельский государственный университет"),
    ("свободной экономической зоны «Могилев»", "ru", "ORG", "свободная экономическая зона «Могилев»"),
    ("Маршалковского управления Люблинского воеводства", "ru", "ORG",
     "Маршалковское управление Люблинского воеводства"),
    ("Гродзенскага абласнога выканаўчага камітэта", "be", "ORG", "Гродзенскі абласны выканаўчы камітэт"),
    ("Mohylewie", "pl", "LOC", "Mohylew"),
    ("Nowopołocku", "pl", "LOC", "Nowopołock"),
    ("Grodnie", "pl", "LOC", "Grodno"),
    ("Stanach Zjednoczonych", "pl", "LOC", "Stany Zjednoczone"),
    ("Andrzejem Dudą", "pl", "PER", "Andrzej Duda"),
    ("Jana Pawła II", "pl", "PER", "Jan Paweł II"),
    ("12 marca 2019", "pl", "DATE", "12 marca 2019"),
])
def test_lemmatise(text, lang, label, lemma):
    assert lemmatise(text, lang, label) == lemma


@pytest.mark.parametrize("text,lang", [("białoruskich", "pl"), ("brytyjskiego", "pl"),
                                       ("белорусских", "ru"), ("Białoruskie", "pl"), ("Polscy", "pl"),
                                       ("Gruzińscy", "pl"), ("Niemieccy", "pl")])
def test_place_adjectives_are_not_places(text, lang):
    assert is_derived_adjective(text, lang)


def _article(text: str, spans: list[tuple[str, str, str]], language: str = "pl") -> Article:
    mentions, pos = [], 0
    for surface, label, lang in spans:
        start = text.index(surface, pos)
        mentions.append(Mention(start, start + len(surface), surface, label, lang))
        pos = start + 1
    return Article("t", "t.txt", text=text, language=language, mentions=mentions)


POLISH_TEXT = (
    "Wczoraj Lubelska Agencja Wspierania Przedsiębiorczości (LAWP) podpisała list intencyjny "
    "z Wolną Strefą Ekonomiczną „Witebsk” (свободной экономической зоной «Витебск») w Witebsku. "
    "Przedstawiciele LAWP odwiedzili też białoruskich producentów z obwodu witebskiego, "
    "a Uniwersytet Przyrodniczy w Lublinie przysłał ekspertów. Wcześniej UPwL gościł "
    "delegację Wolnej Strefy Ekonomicznej „Witebsk”."
)


def _polish_article() -> Article:
    return normalise(_article(POLISH_TEXT, [
        ("Lubelska Agencja Wspierania Przedsiębiorczości", "ORG", "pl"),
        ("LAWP", "ORG", "pl"),
        ("Wolną Strefą Ekonomiczną „Witebsk”", "ORG", "pl"),
        ("свободной экономической зоной «Витебск»", "ORG", "ru"),
        ("Witebsku", "LOC", "pl"),
        ("LAWP", "ORG", "pl"),
        ("białoruskich", "LOC", "pl"),
        ("obwodu witebskiego", "LOC", "pl"),
        ("Uniwersytet Przyrodniczy w Lublinie", "ORG", "pl"),
        ("UPwL", "ORG", "pl"),
        ("Wolnej Strefy Ekonomicznej „Witebsk”", "ORG", "pl"),
    ]))


def test_polish_russian_alias_pair_is_one_organisation():
    art = _polish_article()
    keys = {m.text: m.entity_key for m in art.mentions if m.label == "ORG"}
    zone = keys["Wolną Strefą Ekonomiczną „Witebsk”"]
    assert keys["свободной экономической зоной «Витебск»"] == zone
    assert keys["Wolnej Strefy Ekonomicznej „Witebsk”"] == zone
    org = art.organisations[zone]
    assert org.name == "Wolna Strefa Ekonomiczna „Witebsk”"
    assert "свободная экономическая зона «Витебск»" in org.aliases


def test_acronym_is_merged_with_its_expansion():
    art = _polish_article()
    keys = {m.text: m.entity_key for m in art.mentions if m.label == "ORG"}
    assert keys["LAWP"] == keys["Lubelska Agencja Wspierania Przedsiębiorczości"]
    assert art.organisations[keys["LAWP"]].acronym == "LAWP"
    assert keys["UPwL"] == keys["Uniwersytet Przyrodniczy w Lublinie"]


def test_places_and_adjectives_in_an_article():
    art = _polish_article()
    by_text = {m.text: m for m in art.mentions}
    assert by_text["Witebsku"].entity_key == "geo:620127"
    assert by_text["Witebsku"].lemma == "Witebsk"
    assert by_text["obwodu witebskiego"].entity_key == "loc:obwód witebski"
    assert by_text["białoruskich"].entity_key == ""
    assert set(art.places) == {"geo:620127", "loc:obwód witebski"}


def test_acronym_initials():
    assert acronym_matches("PFRR", "Podlaska Fundacja Rozwoju Regionalnego")
    assert acronym_matches("UwB", "Uniwersytet w Białymstoku")
    assert acronym_matches("СЭЗ «Гродноинвест»", "свободная экономическая зона «Гродноинвест»")
    assert not acronym_matches("MSZ", "Podlaska Fundacja Rozwoju Regionalnego")


def test_run_level_merge_across_scripts_is_order_independent():
    orgs = [
        Organisation("org:podlaska fundacja rozwoju regionalnego", "Podlaska Fundacja Rozwoju Regionalnego",
                     "PFRR", ["Podlaską Fundacją Rozwoju Regionalnego", "PFRR"]),
        Organisation("org:подляский фонд регионального развития", "Подляский фонд регионального развития",
                     "", ["Подляского фонда регионального развития"]),
        Organisation("org:podlaska fundacja rozwoju regionalnego", "Podlaska Fundacja Rozwoju Regionalnego"),
        Organisation("org:klaster obrobki metali", "Klaster Obróbki Metali", "KOM", ["KOM"]),
    ]
    results = {tuple(sorted(merge_organisations(list(p)).items())) for p in itertools.permutations(orgs)}
    assert len(results) == 1
    mapping = dict(next(iter(results)))
    assert mapping["org:подляский фонд регионального развития"] == "org:podlaska fundacja rozwoju regionalnego"
    assert mapping["org:klaster obrobki metali"] == "org:klaster obrobki metali"


def test_short_executive_committee_name_joins_the_full_one():
    text = ("Гомельский областной исполнительный комитет принял гостей. "
            "Гомельский облисполком подписал план.")
    art = normalise(_article(text, [
        ("Гомельский областной исполнительный комитет", "ORG", "ru"),
        ("Гомельский облисполком", "ORG", "ru"),
    ], language="ru"))
    assert len({m.entity_key for m in art.mentions}) == 1
    org = next(iter(art.organisations.values()))
    assert org.name == "Гомельский областной исполнительный комитет"
    assert "Гомельский облисполком" in org.aliases


def test_administrative_unit_tagged_as_organisation_becomes_a_place():
    text = "Соглашение подписали Витебская область и Подляшское воеводство."
    art = normalise(_article(text, [("Витебская область", "ORG", "ru"),
                                    ("Подляшское воеводство", "ORG", "ru")], language="ru"))
    assert [m.entity_key for m in art.mentions] == ["loc:obwód witebski", "loc:województwo podlaskie"]
    assert not art.organisations


def test_official_country_names_link_to_the_country():
    gaz = get_gazetteer()
    assert gaz.link("Республика Польша", None, "ru").geonames_id == 798544
    assert gaz.link("Republiki Białorusi", None, "pl").geonames_id == 630336


def test_translation_in_parentheses_and_cross_script_acronyms():
    text = ("Umowę podpisało Centrum Inicjatyw Lokalnych „Nistru” (Centrul de Initiative Locale "
            "„Nistru”). Wcześniej WSE „Brześć” i СЭЗ «Брест» wymieniły listy.")
    art = normalise(_article(text, [
        ("Centrum Inicjatyw Lokalnych „Nistru”", "ORG", "pl"),
        ("Centrul de Initiative Locale „Nistru”", "ORG", "und"),
        ("WSE „Brześć”", "ORG", "pl"),
        ("СЭЗ «Брест»", "ORG", "ru"),
    ]))
    keys = [m.entity_key for m in art.mentions]
    assert keys[0] == keys[1] and keys[2] == keys[3] and keys[0] != keys[2]
    assert art.organisations[keys[0]].name == "Centrum Inicjatyw Lokalnych „Nistru”"
    assert "СЭЗ «Брест»" in art.organisations[keys[2]].aliases


def test_places_inside_quoted_titles_are_not_linked():
    text = "Seminarium «Беларусь – Польша: общие задачи» odbyło się w Grodnie."
    art = normalise(_article(text, [("Беларусь", "LOC", "ru"), ("Польша", "LOC", "ru"),
                                    ("Grodnie", "LOC", "pl")]))
    assert [m.entity_key for m in art.mentions] == ["", "", "geo:627904"]
    assert set(art.places) == {"geo:627904"}


def test_region_phrases_missed_by_ner_are_added():
    text = "Goście z obwodu grodzieńskiego i z rejonu Ungheni odwiedzili gminę Supraśl."
    art = normalise(_article(text, []))
    found = {(m.text, m.entity_key, m.source) for m in art.mentions}
    assert ("obwodu grodzieńskiego", "loc:obwód grodzieński", "normalise:regions") in found
    assert ("rejonu Ungheni", "loc:rejon ungheni", "normalise:regions") in found
    assert ("gminę Supraśl", "loc:gmina supraśl", "normalise:regions") in found


def test_run_level_acronym_joins_its_expansion_but_not_a_longer_namesake():
    orgs = [
        Organisation("org:uniwersytet przyrodniczy w lublinie", "Uniwersytet Przyrodniczy w Lublinie", "UPwL"),
        Organisation("org:upwl", "UPwL", "UPwL", ["UPwL"]),
        Organisation("org:fundacja wspierania wsi", "Fundacja Wspierania Wsi", "MFWW", ["MFWW"]),
        Organisation("org:mazowiecka fundacja wspierania wsi", "Mazowiecka Fundacja Wspierania Wsi", "MFWW"),
        Organisation("org:urzad miasta", "Urząd Miasta", "UM", ["UM"]),
        Organisation("org:urzad miasta brzesc", "Urząd Miasta Brześć", "UM", ["UM"]),
    ]
    m = merge_organisations(orgs)
    assert m["org:upwl"] == m["org:uniwersytet przyrodniczy w lublinie"]
    assert m["org:fundacja wspierania wsi"] == m["org:mazowiecka fundacja wspierania wsi"] == \
        "org:mazowiecka fundacja wspierania wsi"
    assert m["org:urzad miasta"] != m["org:urzad miasta brzesc"]


def test_partial_ner_name_is_completed_from_the_defined_acronym():
    text = "Umowę przygotowała Mazowiecka Fundacja Wspierania Wsi (MFWW). MFWW zaprosiła gości."
    art = normalise(_article(text, [("Fundacja Wspierania Wsi", "ORG", "pl"), ("MFWW", "ORG", "pl")]))
    keys = {m.entity_key for m in art.mentions}
    assert len(keys) == 1
    assert art.organisations[keys.pop()].name == "Mazowiecka Fundacja Wspierania Wsi"


def test_coordinated_region_adjectives_share_the_region_word():
    text = "Klastry działają w obwodzie mińskim i brzeskim oraz w Подляского воеводства."
    art = normalise(_article(text, []))
    keys = [m.entity_key for m in art.mentions]
    assert keys[:2] == ["loc:obwód miński", "loc:obwód brzeski"]


def test_namesakes_of_similar_size_go_to_the_country_of_the_article():
    gaz = get_gazetteer()
    assert gaz.link("Shatsk", None, "pl").country_code == "RU"  # alone: the most populous Shatsk
    assert gaz.link("Shatsk", None, "pl", ("PL", "UA")).country_code == "UA"
    assert gaz.link("Могилев", None, "ru", ("UA",)).geonames_id == 625665  # a far larger city stays
    text = ("Wójt gminy Hanna gościł w Łucku radnych z sąsiedniej Ukrainy. Rozmawiano o turystyce, "
            "a w rejonie szackim powstanie nowa ścieżka rowerowa.")
    art = normalise(_article(text, [("Łucku", "LOC", "pl"), ("rejonie szackim", "LOC", "pl")]))
    assert {p.name: p.country_code for p in art.places.values()} == {
        "gmina Hanna": "PL", "Łuck": "UA", "rejon szacki": "UA"}
    art = normalise(_article("W rejonie szackim powstanie nowa ścieżka.", [("rejonie szackim", "LOC", "pl")]))
    assert [p.country_code for p in art.places.values()] == ["RU"]  # no context: population decides


def test_ukrainian_name_in_parentheses_is_an_alias_of_the_polish_one():
    # a Ukrainian fragment goes through the Russian fragment NER (lang/uk FRAGMENT_NER), so its
    # organisation joins the Polish name before it as one row
    from pipeline.ingest.build import from_txt
    from pipeline.run import stages

    text = ("Łuck, 3 marca 2024 r.\n\nDelegacja z Lublina spotkała się w czwartek z przedstawicielami "
            "Łuckiej Rady Miejskiej (Луцька міська рада). Rozmawiano o wymianie młodzieży i o wspólnym "
            "festiwalu nad Styrem, który miasta chcą zorganizować jesienią.\n")
    art = stages.process(from_txt("luck.txt", text, "utf-8"))
    assert art.status == "ok", art.error
    council = [o for o in art.organisations.values() if "Луцька міська рада" in o.aliases]
    assert len(council) == 1 and council[0].name == "Łucka Rada Miejska", art.organisations


@pytest.mark.parametrize("name,event", [
    ("Forum Rolnicze Nadbuża", True),
    ("Wschodnie Forum Kooperacji", True),  # a capitalised adjective before the event noun
    ("Litewsko-Polskie Targi Drzewne", True),
    ("XII Forum Rolnicze Nadbuża", True),  # an edition's number first
    ("Международный Семинар Кооператоров", True),
    ("Podkarpacka Izba Rolnicza", False),
    ("Gminny Ośrodek Kultury", False),
])
def test_event_names_are_told_from_organisation_names(name, event):
    from pipeline.normalise.organisations import is_event_name

    assert is_event_name(name) is event


@pytest.mark.parametrize("text,name", [
    ("польской организацией Stowarzyszenie Dolina Wieprza", "Stowarzyszenie Dolina Wieprza"),
    ("группа студентов Полоцкого государственного университета", "Полоцкого государственного университета"),
    ("делегация польского Фонда сельских инициатив", "Фонда сельских инициатив"),
    ("Общество охотников и рыболовов", "Общество охотников и рыболовов"),  # a name, no descriptor
])
def test_descriptors_before_an_organisation_name_are_dropped(text, name):
    from pipeline.normalise.organisations import name_part

    assert name_part(text) == name


def test_business_abbreviations_are_no_organisations():
    text = "Firmy z branży IT z Kowla umówiły się na rozmowy B2B z Fundacją Rozwoju Wołynia."
    art = normalise(_article(text, [("IT", "ORG", "pl"), ("Kowla", "LOC", "pl"), ("B2B", "ORG", "pl"),
                                    ("Fundacją Rozwoju Wołynia", "ORG", "pl")]))
    assert [o.name for o in art.organisations.values()] == ["Fundacja Rozwoju Wołynia"]
    assert all(m.attrs.get("common_term") for m in art.mentions if m.text in ("IT", "B2B"))


@pytest.mark.parametrize("a,b,same", [
    ("Izba Rolnicza Podola", "Izba Handlowo-Przemysłowa Podola", False),  # another word, not one left out
    ("Izba Podola", "Izba Handlowo-Rolnicza Podola", True),
    ("Fundacja Rozwoju Podola", "Wołyńska Fundacja Rozwoju Podola", True),
    ("Urząd Miasta Kowel", "Urząd Marszałkowski Województwa Wołyńskiego", False),
])
def test_short_forms_of_a_name_in_one_article(a, b, same):
    from pipeline.normalise.organisations import _contains_words

    assert _contains_words(a, b) is same


def test_region_phrase_takes_the_place_of_its_name_mention():
    text = "Gmina Narewka od roku współpracuje z rejonem Glodeni i z Mińskiem."
    art = normalise(_article(text, [("Glodeni", "LOC", "pl"), ("Mińskiem", "LOC", "pl")]))
    keys = {m.text: m.entity_key for m in art.mentions if m.label == "LOC"}
    assert keys["rejonem Glodeni"] == "loc:rejon glodeni" and "Glodeni" not in keys
    assert art.places["loc:rejon glodeni"].feature == "region" and keys["Mińskiem"] == "geo:625144"


@pytest.mark.parametrize("surface,lang,name,cc", [
    ("rejonie nowogródzkim", "pl", "rejon nowogródzki", "BY"),  # Nowogródek
    ("Навагрудскім раёне", "be", "rejon nowogródzki", "BY"),
    ("obwodzie nowogrodzkim", "pl", "obwód nowogrodzki", "RU"),  # Nowogród Wielki
])
def test_region_adjectives_that_differ_only_by_a_diacritic(surface, lang, name, cc):
    from pipeline.normalise.regions import parse_region

    place = parse_region(surface, lang, get_gazetteer())
    assert (place.name, place.country_code) == (name, cc)


def test_organisation_country_from_a_diacritic_region_adjective():
    from pipeline.normalise.organisations import country_of

    assert country_of("Nowogródzkie Centrum Kultury") == "BY"
    assert country_of("Nowogrodzka Izba Handlowa") == "RU"

"""Repairs of natasha's spans (Russian) and the Belarusian rules; sentences are our own."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.annotate.ner_be import repair_be
from pipeline.annotate.ner_ru import BARE, BE, RU, find_entities, find_entities_many
from pipeline.annotate.ner_ru_repair import clean, merge_genitive
from pipeline.evaluate.ner_scoring import exact_prf

DATA = Path(__file__).parent / "data"


def found(text, config=RU):
    return {(text[s:e], lab) for s, e, lab in find_entities(text, config)}


def test_clean_splits_bracketed_transcription_and_bullets():
    text = "Иван Сидоров (Ivan Sidorov) • Пётр Орлов"
    spans = clean(text, [(0, len(text), "PER")])
    assert [text[s:e] for s, e, _ in spans] == ["Иван Сидоров", "Ivan Sidorov", "Пётр Орлов"]


def test_genitive_place_joins_the_organisation():
    text = "Министерство торговли Латвии объявило тендер."
    a = text.index("Латвии")
    merged = merge_genitive(text, [(0, a - 1, "ORG"), (a, a + 6, "LOC")])
    assert merged == [(0, a + 6, "ORG")]


def test_nominative_place_after_org_stays_apart():
    text = "В Брест приехали представители банка. Минск ответил."
    spans = [(30, 36, "ORG"), (38, 43, "LOC")]  # separated by ". ": never merged
    assert merge_genitive(text, spans) == spans


def test_town_hall_takes_the_town_after_a_place_word():
    assert ("Примэрия города Унгены", "ORG") in found("Договор подписали Примэрия города Унгены и ассоциация фермеров.")
    assert ("мэрия города Сороки", "ORG") in found("Вчера мэрия города Сороки объявила конкурс.")


def test_quoted_name_is_attached_to_its_head():
    text = "Инвесторов из Польши принимала администрация свободной экономической зоны «Витебск»."
    assert ("свободной экономической зоны «Витебск»", "ORG") in found(text)
    assert ("СЭЗ «Гомельраспродукт»", "ORG") in found("Резидентом СЭЗ «Гомельраспродукт» стала фирма.")


def test_lower_case_qualified_description_is_an_org():
    text = "Проект поддержал областной исполнительный комитет, сообщили в пресс-службе."
    assert ("областной исполнительный комитет", "ORG") in found(text)


def test_head_with_genitive_place():
    text = "По словам представителя правительства Литвы, граница останется открытой."
    assert ("правительства Литвы", "ORG") in found(text)


def test_pronoun_adjective_does_not_make_an_org():
    text = "Эту организацию создали в прошлом году."
    assert not any(lab == "ORG" for _, lab in found(text))


def test_repairs_are_off_in_the_bare_config():
    text = "Проект поддержал областной исполнительный комитет."
    assert ("областной исполнительный комитет", "ORG") not in found(text, BARE)


def test_belarusian_event_word_is_not_a_person():
    text = "Мемарандум аб супрацоўніцтве падпісалі ў Оршы."
    assert not any(lab == "PER" for _, lab in found(text, BE))


def test_belarusian_ministry_with_genitive_complement():
    text = "Учора Міністэрства сельскай гаспадаркі абвясціла конкурс."
    assert ("Міністэрства сельскай гаспадаркі", "ORG") in found(text, BE)


def test_belarusian_spans_are_exact():
    text = "Старшыня Віцебскага аблвыканкама сустрэўся з мэрам Сувалак у Віцебску."
    for s, e, lab in repair_be(text, [(0, 32, "PER")]):
        assert 0 <= s < e <= len(text) and lab in {"PER", "ORG", "LOC"}


def _gold(name):
    rows = [json.loads(x) for x in (DATA / name).read_text(encoding="utf-8").splitlines() if x.strip()]
    return [(r["text"], [tuple(e[:3]) for e in r["entities"]], r["entities"]) for r in rows]


@pytest.mark.parametrize("name,minimum", [("be_ner.jsonl", 40), ("be_ner_heldout.jsonl", 20)])
def test_belarusian_gold_files_are_consistent(name, minimum):
    rows = _gold(name)
    assert len(rows) >= minimum
    for text, _, ents in rows:
        for s, e, lab, surface in ents:
            assert text[s:e] == surface and lab in {"PER", "ORG", "LOC"}


def test_belarusian_approach_beats_bare_natasha_on_held_out_sentences():
    rows = _gold("be_ner_heldout.jsonl")
    texts = [t for t, _, _ in rows]
    score = {}
    for name, cfg in (("bare", BARE), ("be", BE)):
        preds = find_entities_many(texts, cfg)
        score[name] = exact_prf((g, p) for (_, g, _), p in zip(rows, preds))["micro"]["F1"]
    assert score["be"] > score["bare"] + 0.2, score


def test_region_adjective_with_region_noun_is_one_loc():
    text = "Сотрудничество с Подкарпатским воеводством развивается."
    assert ("Подкарпатским воеводством", "LOC") in found(text)


def test_unclosed_quote_in_a_span_takes_its_closing_quote():
    assert clean("фирма «Альфа Бета» работает", [(6, 17, "ORG")]) == [(6, 18, "ORG")]


def test_apostrophe_words_stay_one_token():
    from pipeline.annotate.ner_ru_repair import tokens

    assert [t.text for t in tokens("грамадскае аб'яднанне")] == ["грамадскае", "аб'яднанне"]


def test_organisation_with_town_complement():
    text = "Семинар провёл Центр развития бизнеса г. Пинска."
    assert ("Центр развития бизнеса г. Пинска", "ORG") in found(text)


def test_coordinated_region_adjectives_are_places():
    text = "На семінар прыехалі супрацоўнікі з Пінскага, Лунінецкага і Столінскага раёнаў."
    got = found(text, BE)
    assert ("Пінскага", "LOC") in got and ("Лунінецкага", "LOC") in got
    assert ("Столінскага раёнаў", "LOC") in got


def test_plural_head_is_no_organisation():
    text = "Главы правительств стран Балтии обсудили вопрос с компаниями Эстонии."
    assert not any(lab == "ORG" and ("правительств" in t or "компаниями" in t) for t, lab in found(text))


def test_place_after_head_must_be_genitive():
    # "Тюменской областью" is instrumental: not the ministry's place
    text = "Он занимался управлением Тюменской областью до 2010 года."
    assert not any(lab == "ORG" and "Тюменской" in t for t, lab in found(text))


def test_lower_case_quotation_is_not_a_name():
    text = "Прокурора уволили из прокуратуры \"в связи с нарушением присяги\" в марте."
    assert not any(lab == "ORG" and "в связи" in t for t, lab in found(text))


def test_ascii_quoted_name_keeps_its_closing_quote():
    text = 'от ООО "Вектор" пришло'
    end = text.index('" пришло')
    assert clean(text, [(3, end, "ORG")]) == [(3, end + 1, "ORG")]


def test_names_view_keeps_names_and_aliases():
    from pipeline.annotate.ner_ru_repair import names_view

    text = "Глава правительства Литвы посетил Фонд развития (ФР) и партию «Заря»."
    a, b = text.index("правительства"), text.index("Литвы")
    f, r = text.index("Фонд"), text.index("ФР")
    q = text.index("партию")
    model = [(b, b + 5, "LOC"), (f, f + 13, "ORG"), (r, r + 2, "ORG")]
    full = [(a, b + 5, "ORG"), (f, f + 13, "ORG"), (r, r + 2, "ORG"), (q, q + 13, "ORG")]
    got = {text[s:e] for s, e, _ in names_view(text, full, model)}
    assert got == {"Литвы", "Фонд развития (ФР)"}


def test_governed_place_in_apposition_still_joins():
    # Беларусь stays nominative after Республики: the noun Республики carries the genitive
    text = "Делегацию принимали в Министерстве образования Республики Беларусь вчера."
    assert ("Министерстве образования Республики Беларусь", "ORG") in found(text)


def test_factrueval_view_leaves_the_closing_quote_out():
    from pipeline.annotate.ner_ru_repair import factrueval_view

    text = "лидер партии «Заря» и «Заря»"
    a, b = text.index("партии"), text.index("» и")
    c = text.rindex("«")
    spans = [(a, b + 1, "ORG"), (c, len(text), "ORG")]
    assert factrueval_view(text, spans) == [(a, b, "ORG"), (c, len(text), "ORG")]

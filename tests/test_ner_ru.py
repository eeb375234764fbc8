"""Russian/Belarusian NER wrapper: exact offsets, sentence boundaries, fragments."""
from __future__ import annotations

import pytest

from pipeline.annotate.ner_be_map import to_russian_spelling
from pipeline.annotate.ner_ru import entities_in_fragment, find_entities, load_be, load_ru


def _texts(text, spans):
    return {(text[s:e], lab) for s, e, lab in spans}


def test_ents_have_exact_offsets_and_labels():
    text = "Вчера губернатор Алексей Смирнов встретился в Витебске с делегацией компании «Лесстрой»."
    doc = load_ru()(text)
    for ent in doc.ents:
        assert text[ent.start_char:ent.end_char] == ent.text
        assert ent.label_ in {"PER", "ORG", "LOC"}
    found = {(e.text, e.label_) for e in doc.ents}
    assert ("Алексей Смирнов", "PER") in found
    assert ("Витебске", "LOC") in found


def test_sentences_survive_abbreviations_and_quotes():
    text = "В 2015 г. в г. Орше открыли музей и т.д. «Мы рады», — сказал директор. Потом был концерт."
    sents = [s.text for s in load_ru()(text).sents]
    assert sents == ["В 2015 г. в г. Орше открыли музей и т.д. «Мы рады», — сказал директор.", "Потом был концерт."]


def test_fragment_offsets_point_into_the_outer_text():
    text = "Umowę podpisał przewodniczący (Витебский областной исполнительный комитет) w piątek."
    a, b = text.index("("), text.index(")") + 1
    spans = entities_in_fragment(text, a, b, "ru")
    assert spans, "the Russian organisation name in parentheses is found"
    for s, e, _ in spans:
        assert a <= s < e <= b
    assert ("Витебский областной исполнительный комитет", "ORG") in _texts(text, spans)


def test_fragment_of_only_brackets_is_empty():
    assert entities_in_fragment("x ( ) y", 2, 5, "ru") == []


def test_belarusian_mapping_is_one_to_one():
    text = "Міністэрства эканомікі ўзяло ўдзел у сустрэчы з прадстаўнікамі аб'яднання."
    mapped = to_russian_spelling(text)
    assert len(mapped) == len(text)
    assert mapped.startswith("Министерства эканомики")
    assert "абъяднання" in mapped  # apostrophe -> hard sign


def test_belarusian_pipeline_offsets_are_exact():
    text = "У Магілёве прайшла сустрэча з кіраўніком Магілёўскага аблвыканкама."
    doc = load_be()(text)
    for ent in doc.ents:
        assert text[ent.start_char:ent.end_char] == ent.text


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_empty_texts(text):
    assert find_entities(text) == []
    assert list(load_ru()(text).ents) == []


def test_span_inside_a_spacy_token_splits_the_token():
    import spacy

    from pipeline.annotate.ner_ru import set_entities

    doc = set_entities(spacy.blank("ru")("ФилиалГродно открыт"), [(6, 12, "LOC")])
    assert [(e.text, e.start_char, e.end_char, e.label_) for e in doc.ents] == [("Гродно", 6, 12, "LOC")]
    assert doc.text == "ФилиалГродно открыт"

"""Property tests: normalisation never fails on odd mention text and is deterministic."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.normalise import normalise
from pipeline.normalise.gazetteer import get_gazetteer
from pipeline.normalise.lemmas import lemmatise
from pipeline.record import Article, Mention

ALPHABET = "abcęłńóśźżABCĘŁŃÓŚŹŻабвгдеёжийклмнопрстуўфхцчшщыьэюяАБВГДІЎ „”«»\"'-.,()0123456789"
texts = st.text(alphabet=ALPHABET, min_size=0, max_size=40)
labels = st.sampled_from(["PER", "ORG", "LOC", "LOC_ADJ", "EVT", "PRO", "", "DATE"])
langs = st.sampled_from(["pl", "ru", "be", "uk", "en", "und"])


@settings(max_examples=300, deadline=None)
@given(texts, langs, labels)
def test_lemmatise_total_and_deterministic(text, lang, label):
    first = lemmatise(text, lang, label)
    assert isinstance(first, str)
    lemmatise.cache_clear()
    assert lemmatise(text, lang, label) == first


@settings(max_examples=300, deadline=None)
@given(texts, langs)
def test_link_never_fails(text, lang):
    place = get_gazetteer().link(text, None, lang)
    assert place is None or place.key.startswith(("geo:", "loc:"))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(texts, labels, langs), max_size=6))
def test_normalise_total(spans):
    text = " ".join(s for s, _l, _g in spans)
    mentions, pos = [], 0
    for surface, label, lang in spans:
        mentions.append(Mention(pos, pos + len(surface), surface, label or "ORG", lang))
        pos += len(surface) + 1
    art = normalise(Article("p", "p.txt", text=text, language="pl", mentions=mentions))
    for m in art.mentions:
        assert not m.entity_key or m.entity_key in art.places or m.entity_key in art.organisations

"""The shipped Polish NER model (pipeline/models/pl_ner) on text written for these tests."""
from __future__ import annotations

import pytest

from pipeline.annotate.ner_pl import LABELS, load_pl
from pipeline.paths import PL_NER_MODEL_DIR as MODEL_DIR, PL_NER_MODEL_ENV as MODEL_ENV
from pipeline.paths import pl_ner_model_dir as model_path

pytestmark = pytest.mark.skipif(not (MODEL_DIR / "config.cfg").exists(), reason="no model in pipeline/models/pl_ner")

# Invented report in the style of the project's news archives (not taken from any corpus).
TEXT = (
    "W dniach 3–4 czerwca 2024 r. w Mohylewie odbyło się seminarium o współpracy przygranicznej. "
    "Organizatorem była Podlaska Fundacja Rozwoju Regionalnego, a partnerem Wolna Strefa Ekonomiczna „Mohylew”. "
    "W obradach uczestniczyli przedstawiciele Klastra Obróbki Metali oraz Ministerstwa Gospodarki Białorusi. "
    "Projekt współfinansuje Ministerstwo Spraw Zagranicznych RP. "
    "Dzień później goście zwiedzili zakłady w Nowopołocku, w Kliczewie i w Homlu. "
    "Kolejne warsztaty odbędą się w Pińsku, w Grodnie oraz w Mińsku."
)

ORGS = ["Podlaska Fundacja Rozwoju Regionalnego", "Wolna Strefa Ekonomiczna „Mohylew”", "Klastra Obróbki Metali",
        "Ministerstwa Gospodarki Białorusi", "Ministerstwo Spraw Zagranicznych RP"]
PLACES = ["Mohylewie", "Nowopołocku", "Kliczewie", "Homlu", "Pińsku", "Grodnie", "Mińsku"]


@pytest.fixture(scope="module")
def doc():
    return load_pl()(TEXT)


def ents(doc, label: str) -> list[str]:
    return [e.text for e in doc.ents if e.label_ == label]


@pytest.mark.parametrize("name", ORGS)
def test_organisations(doc, name):
    assert name in ents(doc, "ORG")


@pytest.mark.parametrize("name", PLACES)
def test_places_in_inflected_forms(doc, name):
    assert name in ents(doc, "LOC")


def test_sentences_follow_the_abbreviation_rules(doc):
    first = next(iter(doc.sents)).text.strip()
    assert first.startswith("W dniach") and first.endswith("przygranicznej.")
    assert len(list(doc.sents)) == 6


def test_labels_and_batches():
    nlp = load_pl()
    assert set(nlp.get_pipe("ner").labels) <= set(LABELS)
    texts = ["Delegacja z Grodna przyjechała do Białegostoku.", "Jan Nowak kieruje fundacją."]
    docs = list(nlp.pipe(texts))
    assert [d.text for d in docs] == texts


def test_place_adjective_is_not_a_place():
    doc = load_pl()("Rozmawiano o białoruskich i polskich przedsiębiorstwach.")
    assert not ents(doc, "LOC")


def test_model_folder_from_environment(monkeypatch, tmp_path):
    """PIPELINE_PL_NER_MODEL swaps the model for a whole run; an explicit folder still wins."""
    monkeypatch.delenv(MODEL_ENV, raising=False)
    assert model_path() == MODEL_DIR
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv(MODEL_ENV, str(empty))
    assert model_path() == empty
    assert model_path(str(MODEL_DIR)) == MODEL_DIR
    with pytest.raises(FileNotFoundError, match="empty"):
        load_pl()
    other = tmp_path / "other"
    other.symlink_to(MODEL_DIR, target_is_directory=True)
    monkeypatch.setenv(MODEL_ENV, str(other))
    swapped = load_pl()
    assert swapped is not load_pl(str(MODEL_DIR))
    text = "Delegacja z Grodna odwiedziła Podlaską Fundację Rozwoju Regionalnego w Białymstoku."
    found = [[(e.text, e.label_) for e in nlp(text).ents] for nlp in (swapped, load_pl(str(MODEL_DIR)))]
    assert found[0] == found[1]


def test_tokenizer_is_the_saved_one():
    """The factory skips its build while the model loads; the saved tokenizer must come out whole."""
    from spacy.tokenizer import Tokenizer

    nlp = load_pl()
    saved = Tokenizer(nlp.vocab).from_disk(MODEL_DIR / "tokenizer")
    assert nlp.tokenizer.to_bytes(exclude=["vocab"]) == saved.to_bytes(exclude=["vocab"])
    assert nlp.tokenizer.infix_finditer is not None and "m.in." in nlp.tokenizer.rules
    assert [t.text for t in nlp("Omówiono m.in. plan na 14.10.2025 r. w Łomży.")] == [
        "Omówiono", "m.in.", "plan", "na", "14.10.2025", "r.", "w", "Łomży", "."]

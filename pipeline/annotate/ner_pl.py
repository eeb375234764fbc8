"""Run-time Polish NLP: the project's own NER model shipped in pipeline/models/pl_ner.

`load_pl()(text)` gives sentences (`doc.sents`, rule-based, abbreviation-aware) and entities
(`doc.ents`) labelled PER, ORG, LOC, DATE, TIME, plus two labels for words derived from place
names, which point to a place but are not place mentions: LOC_ADJ for adjectives (`białoruskich`,
`polskich`) and LOC_DEM for inhabitants (`Polacy`, `Białorusinów`; SlavicNER counts these as PER).
Places nested in organisation names (`Ministerstwo Gospodarki Białorusi` -> `Białorusi`) are in
`doc.spans["pl_nested"]`. Importing this module registers every custom component the model uses.

To try another trained model in a whole run without installing it, set PIPELINE_PL_NER_MODEL to its
folder (a `train-ner-pl` model-best has no repair step: save one with it by
`ner_pl_train.install(model_best, target=<folder>)`). The cache key hashes that folder too.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from pipeline.annotate import ner_pl_repair  # noqa: F401  (registers pl_ner_repair)
from pipeline.annotate import pl_features  # noqa: F401  (registers pl_morph_features)
from pipeline.annotate import pl_tokenizer  # registers tokenizer + pl_news_sentences
from pipeline.paths import pl_ner_model_dir

LABELS = ("PER", "ORG", "LOC", "DATE", "TIME", "LOC_ADJ", "LOC_DEM")
DERIVED_FROM_PLACE = ("LOC_ADJ", "LOC_DEM")


def load_pl(model_dir: str | None = None) -> Language:
    """The Polish pipeline (tokenizer, sentences, NER), loaded once per process and model dir."""
    return _load(pl_ner_model_dir(model_dir))


@lru_cache(maxsize=None)
def _load(path: Path) -> Language:
    if not (path / "config.cfg").exists():
        raise FileNotFoundError(f"no Polish NER model in {path}; train one with `pipeline train-ner-pl`")
    if not (path / "tokenizer").exists():
        return spacy.load(path)
    with pl_tokenizer.saved_tokenizer():
        return spacy.load(path)

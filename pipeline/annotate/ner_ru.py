"""Russian and Belarusian NER as spaCy pipelines around natasha's slovnet model.

`load_ru()` / `load_be()` build a blank-"ru" tokenizer, razdel sentence boundaries and the
registered `natasha_ner` component. What the component finds is `find_entities`: natasha's
spans, then the repairs of `ner_ru_repair` (span clean-up, organisation descriptions over head
words, quoted names), with an optional 1:1 character mapping of Belarusian towards Russian
spelling before natasha reads it. Offsets always index the caller's text unchanged.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

import razdel
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.annotate.ner_be import RULES_BE, repair_be
from pipeline.annotate.ner_be_map import to_russian_spelling
from pipeline.annotate.ner_ru_natasha import Span, natasha_spans_many
from pipeline.annotate.ner_ru_repair import RULES, repair
from pipeline.annotate.stateless import write_sent_starts

LABELS = ("PER", "ORG", "LOC")


@dataclass(frozen=True)
class NerConfig:
    """How one language is read: `charmap` names a 1:1 spelling map applied before natasha
    ("" = none, "be" = Belarusian -> Russian); `heads` the language whose repairs run ("" =
    none; "ru": ner_ru_repair on the text natasha read, "be": ner_be on the original text);
    `rules` which of them run (ner_ru_repair.RULES, ner_be.RULES_BE); `convention` how the
    Russian repairs delimit a mention (ner_ru_repair.repair: "full", the pipeline's, or
    "names", only for scoring on names-only corpora)."""

    charmap: str = ""
    heads: str = "ru"
    rules: frozenset[str] = RULES
    convention: str = "full"


RU = NerConfig(charmap="", heads="ru")
BE = NerConfig(charmap="be", heads="be", rules=RULES_BE)
BARE = NerConfig(charmap="", heads="")
CONFIGS = {"ru": RU, "be": BE}


def prepare(text: str, config: NerConfig) -> str:
    """The text as natasha reads it under `config` (Belarusian mapped to Russian spelling)."""
    return to_russian_spelling(text) if config.charmap == "be" else text


def _repair_ru(text: str, read: str, spans: list[Span], config: NerConfig) -> list[Span]:
    return repair(read, spans, config.heads, config.rules, config.convention)  # pymorphy3 reads Russian spelling


def _repair_be(text: str, read: str, spans: list[Span], config: NerConfig) -> list[Span]:
    return repair_be(text, spans, config.rules)  # Belarusian stems read the original words


# NerConfig.heads -> its repair function (text, text as natasha read it, spans, config)
REPAIRS = {"ru": _repair_ru, "be": _repair_be}


def find_entities_many(texts: Iterable[str], config: NerConfig = RU,
                       model_spans: list[list[Span]] | None = None) -> Iterator[list[Span]]:
    """PER/ORG/LOC spans (start, end, label) of each text, sorted, non-overlapping.

    `model_spans`: natasha's spans on the texts as `config` prepares them, when the caller
    already has them (an evaluation scoring many repair variants runs the model once)."""
    texts = list(texts)
    prepared = [prepare(t, config) for t in texts]
    fix = REPAIRS.get(config.heads) if config.heads else None
    raw = natasha_spans_many(prepared) if model_spans is None else model_spans
    for text, read, spans in zip(texts, prepared, raw):
        spans = [s for s in spans if s[2] in LABELS]
        if fix is not None:
            spans = fix(text, read, spans, config)
        yield sorted(spans)


def find_entities(text: str, config: NerConfig = RU) -> list[Span]:
    return next(find_entities_many([text], config))


# ----------------------------------------------------------------------------- spaCy glue
def _split_at(doc: Doc, offsets: set[int]) -> Doc:
    """Split tokens so that every char offset in `offsets` is a token boundary (spaCy's
    tokenizer and razdel disagree now and then, e.g. on hyphens; spans must stay exact)."""
    todo = []
    points = sorted(offsets)
    for tok in doc:
        lo = bisect.bisect_right(points, tok.idx)
        hi = bisect.bisect_left(points, tok.idx + len(tok.text))
        cuts = [o - tok.idx for o in points[lo:hi]]
        if cuts:
            bounds = [0, *cuts, len(tok.text)]
            todo.append((tok, [tok.text[a:b] for a, b in zip(bounds, bounds[1:])]))
    if todo:
        with doc.retokenize() as retok:
            for tok, orths in todo:
                retok.split(tok, orths, heads=[(tok, 0)] * len(orths))
    return doc


def set_entities(doc: Doc, spans: list[Span]) -> Doc:
    """doc.ents from exact character spans."""
    doc = _split_at(doc, {o for s, e, _ in spans for o in (s, e)})
    ents = []
    for s, e, label in spans:
        span = doc.char_span(s, e, label=label, alignment_mode="strict")
        if span is not None:
            ents.append(span)
    doc.set_ents(spacy.util.filter_spans(ents))
    return doc


@Language.factory("razdel_sentencizer")
def make_razdel_sentencizer(nlp: Language, name: str):
    """Sentence starts from razdel (knows «…» quotes, "г.", "гг.", "т.д.")."""
    return RazdelSentencizer()


class RazdelSentencizer:
    def __call__(self, doc: Doc) -> Doc:
        starts = sorted(s.start for s in razdel.sentenize(doc.text))
        flags: list[bool | None] = []
        k = 0
        for tok in doc:
            opens = False
            while k < len(starts) and starts[k] < tok.idx + len(tok.text):
                opens, k = True, k + 1  # a razdel sentence begins in or before this token
            flags.append(None if tok.i == 0 else opens and not tok.is_space)
            if tok.i and opens and tok.is_space:
                k -= 1  # the sentence opens at the next non-space token
        return write_sent_starts(doc, flags)


@Language.factory("natasha_ner", default_config={"charmap": "", "heads": "ru", "rules": []})
def make_natasha_ner(nlp: Language, name: str, charmap: str, heads: str, rules: list[str]):
    """natasha NER + repairs; `charmap`/`heads`/`rules` as in NerConfig ([] = all rules)."""
    default = RULES_BE if heads == "be" else RULES
    return NatashaNER(NerConfig(charmap=charmap, heads=heads, rules=frozenset(rules) or default))


class NatashaNER:
    def __init__(self, config: NerConfig):
        self.config = config

    def __call__(self, doc: Doc) -> Doc:
        return set_entities(doc, find_entities(doc.text, self.config))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._run(batch)
                batch = []
        yield from self._run(batch)

    def _run(self, docs: list[Doc]) -> Iterator[Doc]:
        for doc, spans in zip(docs, find_entities_many([d.text for d in docs], self.config)):
            yield set_entities(doc, spans)


def build(config: NerConfig) -> Language:
    """A blank-"ru" pipeline: razdel sentences + natasha_ner with `config`."""
    nlp = spacy.blank("ru")
    nlp.add_pipe("razdel_sentencizer")
    nlp.add_pipe("natasha_ner", config={"charmap": config.charmap, "heads": config.heads,
                                        "rules": sorted(config.rules)})
    return nlp


@lru_cache(maxsize=1)
def load_ru() -> Language:
    """The Russian pipeline (natasha + repairs), built once per process."""
    return build(RU)


@lru_cache(maxsize=1)
def load_be() -> Language:
    """The Belarusian pipeline: the approach measured best in `pipeline.evaluate.ner_ru`."""
    return build(BE)


# ----------------------------------------------------------------------------- fragments
# How a fragment is shown to natasha: (prefix, suffix, capitalise the first letter). Measured
# in `pipeline.evaluate.ner_ru --corpora fragments` on tests/data/ru_be_fragments.jsonl.
FRAGMENT_WRAPS = {
    "alone": ("", "", False),
    "sentence": ("", ".", True),
    "context": ("Сообщается: ", ".", True),
}
FRAGMENT_WRAP = "alone"


def entities_in_fragment(text: str, start: int, end: int, lang: str, wrap: str = FRAGMENT_WRAP) -> list[Span]:
    """NER for a short ru/be piece text[start:end] inside another-language sentence.

    The piece (stripped of surrounding brackets/space) is read as a sentence of its own,
    wrapped as FRAGMENT_WRAPS[wrap] says; spans are mapped back to offsets into `text`, all
    inside [start, end).
    """
    config = CONFIGS.get(lang, RU)
    a, b = start, end
    while a < b and (text[a].isspace() or text[a] in "([{"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ")]},;:"):
        b -= 1
    if a >= b:
        return []
    prefix, suffix, capitalise = FRAGMENT_WRAPS[wrap]
    piece = text[a:b]
    if capitalise:
        piece = piece[:1].upper() + piece[1:]
    if suffix and piece[-1:] in ".!?…»\"”":
        suffix = ""
    shown = prefix + piece + suffix
    n = len(prefix)
    return [(a + s - n, a + e - n, lab) for s, e, lab in find_entities(shown, config)
            if s >= n and e <= n + (b - a)]

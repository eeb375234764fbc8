"""Polish tokenizer and sentence splitter for news text, registered with spaCy.

spaCy's Polish defaults split every period off (`dn`, `.`), so its punctuation sentencizer ends
a sentence after `w dn.`. Here abbreviations from `pipeline/lang/pl/abbreviations.tsv` stay one
token, numeric dates (`14.10.2019`) stay one token, and the sentence splitter knows which
abbreviations may end a sentence (`2019 r. Dzięki`) and which never do (`dn.`, `ul.`, `m.in.`).
"""
from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Callable, Iterator

import spacy
from spacy.lang.char_classes import ALPHA, ALPHA_LOWER, ALPHA_UPPER
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from pipeline.annotate.stateless import StatelessComponent, write_sent_starts
from pipeline.lang.pl.abbreviations import abbreviations

TOKENIZER_NAME = "pipeline.pl_news_tokenizer.v1"
SENTENCES_NAME = "pl_news_sentences"

# spaCy's Polish infix splitting `3.5` / `14.10.2019` at periods between digits
_DIGIT_PERIOD_INFIX = r"(?<=[0-9{al}])\.(?=[0-9{au}])".format(al=ALPHA, au=ALPHA_UPPER)
_OWN_PERIOD_INFIXES = [
    r"(?<=[{al}])\.(?=[{au}])".format(al=ALPHA_LOWER, au=ALPHA_UPPER),  # "koniec.Nowe"
]
# numeric date or decimal number kept as one token
_NUMERIC_TOKEN = re.compile(r"^(?:\d{1,2}\.\d{1,2}\.\d{2,4}|\d+[.,]\d+)$")


def customise_tokenizer(nlp: Language) -> Tokenizer:
    """Polish default tokenizer plus abbreviations, numeric dates and decimals as single tokens."""
    tok = nlp.tokenizer
    infixes = [p for p in nlp.Defaults.infixes if p != _DIGIT_PERIOD_INFIX] + _OWN_PERIOD_INFIXES
    tok.infix_finditer = compile_infix_regex(infixes).finditer
    tok.token_match = _NUMERIC_TOKEN.match
    for form in abbreviations():
        tok.add_special_case(form, [{ORTH: form}])
    return tok


# set while a saved pipeline is loaded whose `tokenizer` file will replace the factory's result
_FILLED_FROM_DISK: ContextVar[bool] = ContextVar("pl_tokenizer_filled_from_disk", default=False)


@contextmanager
def saved_tokenizer() -> Iterator[None]:
    """Within this block the factory returns a bare tokenizer for `from_disk` to fill.

    `Tokenizer.from_disk` resets every rule and pattern before reading the saved ones, so
    building them in the factory (~0.25 s: Polish defaults, regexes, special cases) is wasted."""
    token = _FILLED_FROM_DISK.set(True)
    try:
        yield
    finally:
        _FILLED_FROM_DISK.reset(token)


@spacy.registry.tokenizers(TOKENIZER_NAME)
def create_pl_news_tokenizer() -> Callable[[Language], Tokenizer]:
    """Tokenizer factory for configs: `[nlp.tokenizer] @tokenizers = "pipeline.pl_news_tokenizer.v1"`."""

    def make(nlp: Language) -> Tokenizer:
        from spacy.util import registry

        if _FILLED_FROM_DISK.get():
            return Tokenizer(nlp.vocab)
        base = registry.tokenizers.get("spacy.Tokenizer.v1")()(nlp)
        nlp.tokenizer = base
        return customise_tokenizer(nlp)

    return make


_TERMINAL = {".", "!", "?", "…", "...", "?!", "!?", "?!.", "!!", "??"}
_CLOSERS = {"”", "»", '"', "'", ")", "]", "’"}
_OPENERS = {"„", "«", '"', "(", "[", "–", "—", "-", "‘", "“"}
_INITIAL = re.compile(r"^[A-ZŁŚŻŹĆŃÓĘĄ]$")


def _starts_new(word: str) -> bool:
    """A word that may open a sentence: not starting with a lower-case letter."""
    c = word[:1]
    return bool(c) and not c.islower()


def sentence_starts(words: list[str], spaces: list[bool], abbrevs: dict[str, bool]) -> list[bool]:
    """Sentence-start flag per token, from punctuation, abbreviations and line breaks."""
    n = len(words)
    starts = [False] * n
    if n:
        starts[0] = True
    i = 0
    while i < n:
        w = words[i]
        end_here = False
        if "\n" in w and not w.strip():
            end_here = True
        elif w in _TERMINAL or (len(w) > 1 and set(w) <= set(".!?…")):
            prev = words[i - 1] if i > 0 else ""
            # "J. Kowalski": an initial, not a sentence end
            end_here = not (w == "." and _INITIAL.match(prev) and i > 0 and not spaces[i - 1])
        elif abbrevs.get(w):
            end_here = True  # only if the next word is capitalised (checked below)
        if end_here:
            j = i + 1
            while j < n and words[j] in _CLOSERS and not (words[j] == '"' and spaces[j - 1]):
                j += 1
            while j < n and not words[j].strip():
                j += 1
            if j < n:
                nxt = words[j]
                if "\n" in w or _starts_new(nxt) or nxt in _OPENERS:
                    if not (abbrevs.get(w) and not _starts_new(nxt)):
                        starts[j] = True
            i = max(j, i + 1)
            continue
        i += 1
    return starts


class PolishSentences(StatelessComponent):
    """Rule-based sentence splitter aware of Polish abbreviations (sets Token.is_sent_start)."""

    def __init__(self) -> None:
        self.abbrevs = abbreviations()

    def __call__(self, doc: Doc) -> Doc:
        words = [t.text for t in doc]
        spaces = [bool(t.whitespace_) for t in doc]
        return write_sent_starts(doc, sentence_starts(words, spaces, self.abbrevs))


@Language.factory(SENTENCES_NAME)
def make_pl_news_sentences(nlp: Language, name: str) -> PolishSentences:
    return PolishSentences()


def blank_pl() -> Language:
    """A model-free Polish pipeline: the news tokenizer and the sentence splitter only."""
    nlp = spacy.blank("pl", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})
    nlp.add_pipe(SENTENCES_NAME)
    return nlp

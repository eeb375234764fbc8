"""Read the NKJP named-entity IOB (PolEval 2018 training data) into documents with entity spans.

The IOB has no spacing information, so the text is rebuilt with Polish punctuation
conventions; training then re-tokenises that text with the project's own tokenizer, so
the model learns on the tokens it will see at run time.
"""
from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

# NKJP outermost type -> project label
LABEL_MAP = {
    "persName": "PER",
    "orgName": "ORG",
    "placeName": "LOC",
    "geogName": "LOC",
    "date": "DATE",
    "time": "TIME",
}
# Words derived from place names, which NKJP tags as places but SlavicNER does not: adjectives
# (brytyjskiego, polskich) and inhabitant nouns (Polacy, Brytyjczyków; SlavicNER: PER).
LOC_ADJ = "LOC_ADJ"
LOC_DEM = "LOC_DEM"

_NO_SPACE_BEFORE = set(",.;:!?)]}”»…%") | {"'s", "”", "»"}
_NO_SPACE_AFTER = set("([{„«")


@dataclass
class Token:
    orth: str
    ctag: str
    tag: str  # outermost IOB tag, e.g. B-orgName, or O


@dataclass
class NkjpDoc:
    name: str
    sentences: list[list[Token]] = field(default_factory=list)


def read_iob(path: Path) -> Iterator[NkjpDoc]:
    """Yield documents; sentences are separated by blank lines, documents by -DOCSTART FILE."""
    opener = gzip.open if str(path).endswith(".gz") else open
    doc: NkjpDoc | None = None
    sent: list[Token] = []
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART"):
                if line.startswith("-DOCSTART FILE"):
                    if doc is not None:
                        if sent:
                            doc.sentences.append(sent)
                        yield doc
                    doc, sent = NkjpDoc(line.split(" ", 2)[2].strip()), []
                continue
            if not line.strip():
                if sent and doc is not None:
                    doc.sentences.append(sent)
                sent = []
                continue
            cols = line.split("\t")
            if len(cols) < 4:
                continue
            outer = cols[3].split("#")[0]
            sent.append(Token(cols[0], cols[2], outer))
    if doc is not None:
        if sent:
            doc.sentences.append(sent)
        yield doc


def _type_of(tag: str) -> str:
    base = tag[2:]
    return base.split("-")[0]


def sentence_spans(sent: list[Token]) -> list[tuple[int, int, str]]:
    """(first token, last token + 1, label) of outermost entities in one sentence."""
    spans: list[tuple[int, int, str]] = []
    start, cur = None, None
    for i, tok in enumerate(sent + [Token("", "", "O")]):
        tag = tok.tag
        inside = tag.startswith("I-") and cur is not None and tag[2:] == cur
        if not inside:
            if start is not None and cur is not None:
                spans.append((start, i, cur))
            start, cur = (i, tag[2:]) if tag[:2] in ("B-", "I-") else (None, None)
    out = []
    for a, b, full in spans:
        label = LABEL_MAP.get(full.split("-")[0])
        if label is None:
            continue
        if label == "LOC" and is_derived_adjective(sent[a:b]):
            label = LOC_ADJ
        elif label == "LOC" and is_demonym(sent[a:b]):
            label = LOC_DEM
        out.append((a, b, label))
    return out


def is_derived_adjective(tokens: list[Token]) -> bool:
    """A lower-case adjective span tagged as a place (polskich, brytyjskiego) is not a place name."""
    return bool(tokens) and tokens[0].orth[:1].islower() and all(t.ctag.startswith("adj") for t in tokens)


def is_demonym(tokens: list[Token]) -> bool:
    """A place-tagged masculine-personal noun (Polacy, Brytyjczyków) names people, not a place."""
    from pipeline.annotate.pl_features import is_inhabitant_noun

    return (len(tokens) == 1 and tokens[0].ctag.startswith("subst") and ":m1" in tokens[0].ctag
            and is_inhabitant_noun(tokens[0].orth))


def _joins(prev: str, tok: str, nxt: str | None) -> bool:
    """Whether `tok` attaches to the previous token without a space."""
    if tok in _NO_SPACE_BEFORE or prev in _NO_SPACE_AFTER:
        return True
    if prev == "-" or tok == "-":
        return False
    return False


def rebuild_sentence(sent: list[Token]) -> tuple[str, list[tuple[int, int]]]:
    """Text of a sentence and the character span of each token."""
    text, offs = "", []
    quote_open = False
    hyphen_join: set[int] = set()
    for i, t in enumerate(sent):
        if t.orth == "-" and 0 < i < len(sent) - 1:
            a, b = sent[i - 1].orth, sent[i + 1].orth
            if (a.isalpha() and b.isalpha() and a[:1].isupper() and b[:1].isupper()) or (a.isdigit() and b.isdigit()):
                hyphen_join.update({i, i + 1})
    for i, t in enumerate(sent):
        if i == 0:
            sep = ""
        elif i in hyphen_join:
            sep = ""
        elif t.orth == '"':
            sep = "" if quote_open else " "
        elif sent[i - 1].orth == '"' and quote_open:
            sep = ""
        elif t.ctag.startswith("aglt"):
            sep = ""  # agglutinate: słyszał|em
        else:
            sep = "" if _joins(sent[i - 1].orth, t.orth, None) else " "
        if t.orth == '"':
            quote_open = not quote_open
        text += sep
        offs.append((len(text), len(text) + len(t.orth)))
        text += t.orth
    return text, offs


def doc_text_and_spans(doc: NkjpDoc) -> tuple[str, list[tuple[int, int, str]], list[int]]:
    """Whole document text (sentences joined by a space), char entity spans, sentence starts."""
    parts, spans, sent_starts = [], [], []
    pos = 0
    for sent in doc.sentences:
        stext, offs = rebuild_sentence(sent)
        sent_starts.append(pos)
        for a, b, label in sentence_spans(sent):
            spans.append((pos + offs[a][0], pos + offs[b - 1][1], label))
        parts.append(stext)
        pos += len(stext) + 1
    return " ".join(parts), spans, sent_starts

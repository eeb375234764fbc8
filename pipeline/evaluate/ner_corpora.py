"""Russian NER gold corpora in ../shared/ner, read at run time (never copied into the repo).

Each reader yields `(source, text)` pairs, `source` being the path that `score_ner.py` ties to
its gold document; Collection5 also yields its gold spans, since score_ner has no reader for it.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from pipeline.paths import shared_dir

Span = tuple[int, int, str]

# Collection5 types -> PER/ORG/LOC, the mapping natasha's own benchmark (naeval) uses.
COLLECTION5_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "GEOPOLIT": "LOC", "MEDIA": "ORG"}


def shared_root() -> Path:
    """../shared beside the repository, or $PIPELINE_SHARED (pipeline.paths)."""
    return shared_dir()


def _read(path: Path) -> str:
    # newline="" keeps \r\n: gold offsets count every character of the file.
    with path.open(encoding="utf-8", newline="") as f:
        return f.read()


def factrueval_texts(root: Path) -> Iterator[tuple[str, str]]:
    folder = root / "ner" / "factrueval2016" / "devset"
    for p in sorted(folder.glob("*.txt")):
        yield p.name, _read(p)


# factRuEval object type -> (label, the span types that make its name) in natasha's own benchmark
# (naeval's factRuEval adapter): a person is the whole object, an organisation or place only its
# `org_name` / `loc_name` spans (descriptors such as `компания`, `реку` left out).
FACTRUEVAL_NAME_SPANS = {"Person": ("PER", None), "Org": ("ORG", "org_name"),
                         "LocOrg": ("LOC", "loc_name"), "Location": ("LOC", "loc_name")}


def factrueval_name_docs(root: Path) -> Iterator[tuple[str, str, list[Span]]]:
    """factRuEval dev with gold spans in the names-only convention under which slovnet's scores
    are published (not score_ner.py's, which runs from the descriptor to the name); spans
    overlapping an earlier or longer one are dropped, as there (мид Грузии: ORG, not also LOC)."""
    for name, text in factrueval_texts(root):
        base = root / "ner" / "factrueval2016" / "devset" / Path(name).stem
        spans: dict[str, tuple[str, int, int]] = {}
        for line in _read(base.with_suffix(".spans")).splitlines():
            c = line.split("#")[0].split()
            if len(c) >= 4:
                spans[c[0]] = (c[1], int(c[2]), int(c[2]) + int(c[3]))
        found: list[Span] = []
        for line in _read(base.with_suffix(".objects")).splitlines():
            c = line.split("#")[0].split()
            if len(c) < 3 or c[1] not in FACTRUEVAL_NAME_SPANS:
                continue
            label, kind = FACTRUEVAL_NAME_SPANS[c[1]]
            parts = [spans[i] for i in c[2:] if i in spans]
            if kind is None and parts:
                found.append((min(a for _, a, _ in parts), max(b for _, _, b in parts), label))
            else:
                found.extend((a, b, label) for k, a, b in parts if k == kind)
        kept: list[Span] = []
        for sp in sorted(set(found), key=lambda s: (s[0], -(s[1] - s[0]))):
            if all(sp[1] <= k[0] or k[1] <= sp[0] for k in kept):
                kept.append(sp)
        yield name, text, kept


def slavicner_texts(root: Path, lang: str = "ru") -> Iterator[tuple[str, str]]:
    raw = root / "ner" / "slavicner" / "raw"
    for p in sorted(raw.glob(f"*/{lang}/*.txt")):
        yield str(p.relative_to(raw)), _read(p)


def collection5_docs(root: Path) -> Iterator[tuple[str, str, list[Span]]]:
    path = root / "ner" / "collection5" / "collection5_gold.jsonl"
    with path.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            d = json.loads(line)
            gold = [(s["start"], s["stop"], COLLECTION5_LABELS[s["type"]])
                    for s in d["spans"] if s["type"] in COLLECTION5_LABELS]
            yield str(d["id"]), d["text"], gold

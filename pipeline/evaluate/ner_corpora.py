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

"""The naive peer: what a plain script does with the same libraries, article by article.

langdetect for the language, natasha's NER over the whole text, and
`dateparser.search.search_dates(languages=[lang])` for dates; no segments, no linking, no
events. It is the yardstick the benchmark compares the pipeline with, on the same machine
at the same moment.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path


def load():
    from langdetect import DetectorFactory
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter
    DetectorFactory.seed = 0
    emb = NewsEmbedding()
    return Segmenter(), NewsNERTagger(emb), Doc


def run(texts: list[str]) -> dict:
    from dateparser.search import search_dates
    from langdetect import detect
    t0 = time.perf_counter()
    segmenter, tagger, Doc = load()
    loaded = time.perf_counter()
    n_ents = n_dates = 0
    for text in texts:
        try:
            lang = detect(text)
        except Exception:
            lang = "pl"
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(tagger)
        n_ents += len(doc.spans)
        n_dates += len(search_dates(text, languages=[lang if lang in ("pl", "ru", "be", "uk") else "pl"]) or [])
    done = time.perf_counter()
    return {"articles": len(texts), "load_s": loaded - t0, "process_s": done - loaded,
            "entities": n_ents, "dates": n_dates}


if __name__ == "__main__":
    files = sorted(Path(sys.argv[1]).rglob("*.txt"))
    print(run([f.read_text(encoding="utf-8") for f in files]))

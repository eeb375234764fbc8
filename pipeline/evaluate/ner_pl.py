"""Polish NER figures: PolEval 2018 and SlavicNER (pl) with the official scorer, and a benchmark.

    python -m pipeline.evaluate.ner_pl [--model DIR] [--no-repair | --repair-off orgs,adjectives,nested]
                                       [--native] [--limit N] [--only poleval|slavicner]
    python -m pipeline.evaluate.ner_pl --bench [--bench-words 200000]

The model reads every gold text whole (offsets count characters of the file; `Word: ...`
lines at the top are body text). Predictions go to a minimal `pipeline run`-style folder
(articles.csv + mentions.csv) that ../shared/eval/score_ner.py scores.

The model's own labels are mapped to each benchmark's annotation scheme (SCHEMES): PolEval
(NKJP guidelines) counts words derived from place names (LOC_ADJ `polskich`, LOC_DEM `Polacy`)
as places and annotates places nested in organisation names; SlavicNER (BSNLP guidelines)
counts demonyms as PER and neither adjectives nor nested names. --native writes the labels
unmapped and no nested spans (derived words then count nowhere).
Needs ../shared (or $PIPELINE_SHARED); exits 0 with a message when it is absent.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pipeline.evaluate.ner_corpora import _read, shared_root, slavicner_texts
from pipeline.evaluate.ner_scoring import score_ner, write_run_folder

SCORED = ("PER", "LOC", "ORG")
# model label -> benchmark label, and whether nested places (doc.spans["pl_nested"]) are written
SCHEMES = {
    "poleval": ({"LOC_ADJ": "LOC", "LOC_DEM": "LOC"}, True),
    "slavicner": ({"LOC_DEM": "PER"}, False),
    "native": ({}, False),
}


REPAIR_PARTS = ("orgs", "adjectives", "nested")


def load(model: str | None, off: set[str]):
    """The Polish pipeline with the named parts of the span repair post-step switched off (ablations)."""
    from pipeline.annotate.ner_pl import load_pl
    from pipeline.annotate.ner_pl_repair import REPAIR_NAME

    nlp = load_pl(model)
    if REPAIR_NAME in nlp.pipe_names:
        comp = nlp.get_pipe(REPAIR_NAME)
        for part in REPAIR_PARTS:
            setattr(comp, part, part not in off)
    return nlp


def predict(nlp, docs: list[tuple[str, str]], scheme: str) -> list[tuple[str, str, list]]:
    """(source, text, [(start, end, label)]) for every document, labels mapped to `scheme`."""
    from pipeline.annotate.ner_pl_repair import NESTED_KEY

    mapping, nested = SCHEMES[scheme]
    out = []
    texts = (t for _, t in docs)
    for (source, text), doc in zip(docs, nlp.pipe(texts, batch_size=32)):
        spans = [(e.start_char, e.end_char, mapping.get(e.label_, e.label_)) for e in doc.ents]
        if nested and NESTED_KEY in doc.spans:
            spans += [(e.start_char, e.end_char, e.label_) for e in doc.spans[NESTED_KEY]]
        out.append((source, text, spans))
    return out


def poleval_docs(root: Path, tmp: Path, limit: int) -> list[tuple[str, str]]:
    exporter = root / "eval" / "export_poleval_texts.py"
    gold = root / "ner" / "poleval2018" / "POLEVAL-NER_GOLD.json"
    cmd = [sys.executable, str(exporter), str(tmp), "--gold", str(gold)]
    if limit:
        cmd += ["--limit", str(limit)]
    subprocess.run(cmd, check=True, capture_output=True)
    return [(p.name, _read(p)) for p in sorted(tmp.glob("*.txt"))]


def print_score(title: str, res: dict) -> None:
    print(f"\n== {title}: {res['docs_scored']} documents scored")
    print(f"{'label':7s} {'exact P':>8s} {'R':>6s} {'F1':>6s} | {'overlap P':>9s} {'R':>6s} {'F1':>6s}")
    rows = [(lab, res["per_label"][lab]) for lab in SCORED if lab in res["per_label"]] + [("micro", res["micro"])]
    for lab, r in rows:
        e, o = r["exact"], r["overlap"]
        print(f"{lab:7s} {_f(e['P']):>8s} {_f(e['R']):>6s} {_f(e['F1']):>6s} | {_f(o['P']):>9s} {_f(o['R']):>6s} {_f(o['F1']):>6s}")
    final = 0.8 * (res["micro"]["overlap"]["F1"] or 0) + 0.2 * (res["micro"]["exact"]["F1"] or 0)
    print(f"final score (0.8 x overlap F1 + 0.2 x exact F1, PER/LOC/ORG) = {final:.3f}")


def _f(x) -> str:
    return "-" if x is None else f"{x:.3f}"


def repair_off(args: argparse.Namespace) -> set[str]:
    off = set(REPAIR_PARTS) if args.no_repair else set()
    return off | {p.strip() for p in (args.repair_off or "").split(",") if p.strip()}


def evaluate(args: argparse.Namespace, root: Path) -> int:
    nlp = load(args.model, repair_off(args))
    print(f"pipeline: {nlp.pipe_names}; repair parts off: {sorted(repair_off(args)) or 'none'}")
    scorer = root / "eval" / "score_ner.py"
    with tempfile.TemporaryDirectory() as tmpd:
        tmp = Path(tmpd)
        if args.only in (None, "poleval"):
            docs = poleval_docs(root, tmp / "poleval_txt", args.limit)
            t0 = time.perf_counter()
            preds = predict(nlp, docs, "native" if args.native else "poleval")
            dt = time.perf_counter() - t0
            write_run_folder(tmp / "poleval_run", preds, "pl")
            res = score_ner(tmp / "poleval_run", root / "ner" / "poleval2018" / "POLEVAL-NER_GOLD.json", "poleval", scorer)
            print_score(f"PolEval 2018 ({dt:.0f} s)", res)
        if args.only in (None, "slavicner"):
            docs = list(slavicner_texts(root, "pl"))
            if args.limit:
                docs = docs[: args.limit]
            t0 = time.perf_counter()
            preds = predict(nlp, docs, "native" if args.native else "slavicner")
            dt = time.perf_counter() - t0
            write_run_folder(tmp / "slavicner_run", preds, "pl")
            res = score_ner(tmp / "slavicner_run", root / "ner" / "slavicner", "slavicner", scorer)
            print_score(f"SlavicNER pl ({dt:.0f} s)", res)
    return 0


def bench(args: argparse.Namespace, root: Path) -> int:
    """Words/s of the Polish pipeline vs spaCy's blank Polish tokenizer, on the same texts, one process."""
    import spacy
    from pipeline.annotate.ner_pl import MODEL_DIR

    texts = [t for _, t in slavicner_texts(root, "pl")]
    t0 = time.perf_counter()
    nlp = load(args.model, repair_off(args))
    load_s = time.perf_counter() - t0
    blank = spacy.blank("pl")
    words = sum(len(d) for d in blank.pipe(texts))
    reps = max(1, -(-args.bench_words // max(words, 1)))
    corpus = texts * reps
    n_words = words * reps
    t0 = time.perf_counter()
    for _ in blank.pipe(corpus):
        pass
    blank_s = time.perf_counter() - t0
    nlp("rozgrzewka")  # first call pays lazy dictionary loads (Morfeusz, gazetteer); counted in load time
    t0 = time.perf_counter()
    for _ in nlp.pipe(corpus, batch_size=64):
        pass
    full_s = time.perf_counter() - t0
    size = sum(p.stat().st_size for p in Path(args.model or MODEL_DIR).rglob("*") if p.is_file())
    print(f"texts: SlavicNER pl x{reps} = {len(corpus)} texts, {n_words} words (blank pl tokens)")
    print(f"spaCy blank pl tokenizer: {n_words / blank_s:,.0f} words/s")
    print(f"Polish pipeline {nlp.pipe_names}: {n_words / full_s:,.0f} words/s")
    print(f"model size: {size / 1e6:.1f} MB; load time: {load_s:.2f} s")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None, help="model dir (default: pipeline/models/pl_ner)")
    ap.add_argument("--no-repair", action="store_true", help="switch off the whole span repair post-step")
    ap.add_argument("--repair-off", default="", help="comma-separated repair parts to switch off: orgs,adjectives,nested")
    ap.add_argument("--native", action="store_true", help="write the model's labels unmapped, no nested spans")
    ap.add_argument("--only", choices=["poleval", "slavicner"], default=None)
    ap.add_argument("--limit", type=int, default=0, help="first N documents of each corpus")
    ap.add_argument("--bench", action="store_true", help="throughput, size and load time instead of scores")
    ap.add_argument("--bench-words", type=int, default=200_000)
    args = ap.parse_args(argv)
    root = shared_root()
    if not (root / "ner").is_dir():
        print(f"skipped: shared NER corpora not found at {root} (set PIPELINE_SHARED)")
        return 0
    return bench(args, root) if args.bench else evaluate(args, root)


if __name__ == "__main__":
    raise SystemExit(main())

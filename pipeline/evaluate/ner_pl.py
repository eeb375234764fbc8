"""Polish NER figures: PolEval 2018 and SlavicNER (pl) with the official scorer, and a benchmark.

    python -m pipeline.evaluate.ner_pl [--model DIR] [--no-repair | --repair-off orgs,adjectives,nested]
                                       [--native] [--ablate] [--limit N] [--only poleval|slavicner]
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
from dataclasses import fields
from pathlib import Path

from pipeline.annotate.ner_pl_repair import Switches
from pipeline.evaluate.ner_corpora import _read, shared_root, slavicner_texts
from pipeline.evaluate.ner_scoring import score_ner, write_run_folder

SCORED = ("PER", "LOC", "ORG")
# model label -> benchmark label, and whether nested places (doc.spans["pl_nested"]) are written
SCHEMES = {
    "poleval": ({"LOC_ADJ": "LOC", "LOC_DEM": "LOC", "ORG_ADJ": "ORG"}, True),
    "slavicner": ({"LOC_DEM": "PER"}, False),
    "native": ({}, False),
}


REPAIR_PARTS = tuple(f.name for f in fields(Switches))


def load(model: str | None, off: set[str], on: frozenset[str] = frozenset()):
    """The Polish pipeline with the named parts of the span repair post-step switched off (ablations)."""
    from pipeline.annotate.ner_pl import load_pl
    from pipeline.annotate.ner_pl_repair import REPAIR_NAME

    nlp = load_pl(model)
    if REPAIR_NAME in nlp.pipe_names:
        comp = nlp.get_pipe(REPAIR_NAME)
        comp.switches = Switches(**{part: part not in off and (part in on or getattr(comp.switches, part))
                                    for part in REPAIR_PARTS})
    return nlp


def parse(nlp, docs: list[tuple[str, str]]) -> list:
    return list(nlp.pipe((t for _, t in docs), batch_size=32))


def spans_of(doc, scheme: str) -> list[tuple[int, int, str]]:
    """Entity spans of one parsed doc with labels mapped to `scheme` (plus nested places where it wants them)."""
    from pipeline.annotate.ner_pl_repair import NESTED_KEY

    mapping, nested = SCHEMES[scheme]
    spans = [(e.start_char, e.end_char, mapping.get(e.label_, e.label_)) for e in doc.ents]
    if nested and NESTED_KEY in doc.spans:
        spans += [(e.start_char, e.end_char, e.label_) for e in doc.spans[NESTED_KEY]]
    return spans


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


def repair_on(args: argparse.Namespace) -> set[str]:
    return {p.strip() for p in (args.repair_on or "").split(",") if p.strip()}


# ablation rows: (name, repair parts switched on, label scheme or None for the benchmark's own)
ABLATIONS = [
    ("model, native labels", (), "native"),
    ("model, labels mapped to scheme", (), None),
    ("+ repair: derived adjectives (LOC_ADJ, ORG_ADJ)", ("adjectives",), None),
    ("+ repair: organisations", ("adjectives", "orgs"), None),
    ("+ nested places", ("adjectives", "orgs", "nested"), None),
    ("+ gazetteer place names as LOC", ("adjectives", "orgs", "nested", "place_names"), None),
    ("+ organisation name edges", ("adjectives", "orgs", "nested", "place_names", "edges"), None),
    ("+ gazetteer places after prepositions", ("adjectives", "orgs", "nested", "place_names", "edges", "places"), None),
    ("+ first name + surname persons", ("adjectives", "orgs", "nested", "place_names", "edges", "places", "persons"), None),
    ("+ acronyms as ORG", ("adjectives", "orgs", "nested", "place_names", "edges", "places", "persons", "acronyms"), None),
]


def corpora(args: argparse.Namespace, root: Path, tmp: Path):
    """(benchmark name, gold path, [(source, text)]) for the selected corpora."""
    if args.only in (None, "poleval"):
        yield "poleval", root / "ner" / "poleval2018" / "POLEVAL-NER_GOLD.json", poleval_docs(root, tmp / "pe", args.limit)
    if args.only in (None, "slavicner"):
        docs = list(slavicner_texts(root, "pl"))
        yield "slavicner", root / "ner" / "slavicner", docs[: args.limit] if args.limit else docs


def score_docs(name: str, gold: Path, docs, parsed, scheme: str, scorer: Path, tmp: Path) -> dict:
    preds = [(src, text, spans_of(d, scheme)) for (src, text), d in zip(docs, parsed)]
    write_run_folder(tmp / f"{name}_run", preds, "pl")
    return score_ner(tmp / f"{name}_run", gold, name, scorer)


def evaluate(args: argparse.Namespace, root: Path) -> int:
    from pipeline.annotate.ner_pl_repair import repair

    off = set(REPAIR_PARTS) if args.ablate else repair_off(args)
    nlp = load(args.model, off, frozenset(repair_on(args)))
    print(f"pipeline: {nlp.pipe_names}; repair parts off: {sorted(off) or 'none'}")
    scorer = root / "eval" / "score_ner.py"
    with tempfile.TemporaryDirectory() as tmpd:
        tmp = Path(tmpd)
        for name, gold, docs in corpora(args, root, tmp):
            t0 = time.perf_counter()
            parsed = parse(nlp, docs)
            dt = time.perf_counter() - t0
            n_words = sum(len(d) for d in parsed)
            title = f"{'PolEval 2018' if name == 'poleval' else 'SlavicNER pl'} ({n_words} tokens, {dt:.0f} s)"
            if not args.ablate:
                res = score_docs(name, gold, docs, parsed, "native" if args.native else name, scorer, tmp)
                print_score(title, res)
                continue
            print(f"\n== {title}: ablation")
            for row, parts, scheme in ABLATIONS:
                variant = [repair(d.copy(), Switches(**{p: p in parts for p in REPAIR_PARTS})) for d in parsed]
                res = score_docs(name, gold, docs, variant, scheme or name, scorer, tmp)
                print_score(row, res)
    return 0


def bench(args: argparse.Namespace, root: Path) -> int:
    """Words/s of the Polish pipeline vs spaCy's blank Polish tokenizer, on the same texts, one process."""
    import spacy
    from pipeline.paths import pl_ner_model_dir

    texts = [t for _, t in slavicner_texts(root, "pl")]
    t0 = time.perf_counter()
    nlp = load(args.model, repair_off(args))
    nlp("rozgrzewka")  # the first call pays lazy dictionary loads (Morfeusz, GeoNames): part of load time
    load_s = time.perf_counter() - t0
    blank = spacy.blank("pl")
    corpus, n_words = [], 0
    while n_words < args.bench_words:  # SlavicNER pl texts, repeated if needed, up to the word budget
        for text in texts:
            corpus.append(text)
            n_words += len(blank(text))
            if n_words >= args.bench_words:
                break
    t0 = time.perf_counter()
    for _ in blank.pipe(corpus):
        pass
    blank_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in nlp.pipe(corpus, batch_size=64):
        pass
    full_s = time.perf_counter() - t0
    size = sum(p.stat().st_size for p in pl_ner_model_dir(args.model).rglob("*") if p.is_file())
    print(f"texts: {len(corpus)} SlavicNER pl texts, {n_words} words (blank pl tokens)")
    print(f"spaCy blank pl tokenizer: {n_words / blank_s:,.0f} words/s")
    print(f"Polish pipeline {nlp.pipe_names}: {n_words / full_s:,.0f} words/s")
    print(f"model size: {size / 1e6:.1f} MB; load time incl. dictionaries: {load_s:.2f} s")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None, help="model dir (default: pipeline/models/pl_ner)")
    ap.add_argument("--no-repair", action="store_true", help="switch off the whole span repair post-step")
    ap.add_argument("--repair-off", default="", help="repair parts to switch off: orgs,adjectives,nested,place_names,edges,places,persons,acronyms")
    ap.add_argument("--repair-on", default="", help="repair parts to switch on (places,persons,acronyms are off by default)")
    ap.add_argument("--native", action="store_true", help="write the model's labels unmapped, no nested spans")
    ap.add_argument("--ablate", action="store_true", help="one parse, then each repair part and label mapping in turn")
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

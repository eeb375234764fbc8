"""Scoring helpers shared by NER evaluations: a score_ner.py-compatible run folder, and an
exact-match P/R/F1 for corpora score_ner.py does not read (Collection5, own test sentences)."""
from __future__ import annotations

import csv
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Iterable, Sequence

Span = tuple[int, int, str]
LABELS = ("PER", "LOC", "ORG")


def write_run_folder(out: Path, docs: Iterable[tuple[str, str, Sequence[Span]]], language: str) -> None:
    """articles.csv + mentions.csv with the columns score_ner.py reads (SCHEMA.md names)."""
    out.mkdir(parents=True, exist_ok=True)
    with (out / "articles.csv").open("w", encoding="utf-8", newline="") as fa, \
            (out / "mentions.csv").open("w", encoding="utf-8", newline="") as fm:
        wa, wm = csv.writer(fa), csv.writer(fm)
        wa.writerow(["article_id", "source", "language", "n_chars"])
        wm.writerow(["article_id", "start", "end", "text", "label"])
        for i, (source, text, spans) in enumerate(docs):
            aid = f"a{i:05d}"
            wa.writerow([aid, source, language, len(text)])
            for s, e, lab in spans:
                wm.writerow([aid, s, e, text[s:e], lab])


def score_ner(pred_dir: Path, gold: Path, fmt: str, scorer: Path) -> dict:
    """Run ../shared/eval/score_ner.py on a run folder; its JSON figures."""
    with tempfile.TemporaryDirectory() as tmp:
        js = Path(tmp) / "score.json"
        cmd = [sys.executable, str(scorer), "--pred", str(pred_dir), "--gold", str(gold),
               "--format", fmt, "--labels", ",".join(LABELS), "--json", str(js)]
        subprocess.run(cmd, check=True, capture_output=True, text=True)
        return json.loads(js.read_text(encoding="utf-8"))


def exact_prf(pairs: Iterable[tuple[Sequence[Span], Sequence[Span]]]) -> dict[str, dict[str, float]]:
    """Exact-span micro P/R/F1 per label over (gold, predicted) span lists."""
    tp, ng, npred = Counter(), Counter(), Counter()
    for gold, pred in pairs:
        g, p = Counter(gold), Counter(pred)
        for sp, n in g.items():
            ng[sp[2]] += n
            tp[sp[2]] += min(n, p.get(sp, 0))
        for sp, n in p.items():
            npred[sp[2]] += n
    res = {}
    for lab in (*LABELS, "micro"):
        t = sum(tp[x] for x in LABELS) if lab == "micro" else tp[lab]
        g = sum(ng[x] for x in LABELS) if lab == "micro" else ng[lab]
        q = sum(npred[x] for x in LABELS) if lab == "micro" else npred[lab]
        p = t / q if q else 0.0
        r = t / g if g else 0.0
        res[lab] = {"P": p, "R": r, "F1": 2 * p * r / (p + r) if p + r else 0.0, "gold": g, "pred": q}
    return res


def label_prf(score: dict, lab: str) -> tuple[float, float, float]:
    """Exact (P, R, F1) of `lab` from a score_ner.py JSON (or an exact_prf result)."""
    if "per_label" in score:
        row = (score["micro"] if lab == "micro" else score["per_label"][lab])["exact"]
    else:
        row = score[lab]
    return row["P"] or 0.0, row["R"] or 0.0, row["F1"] or 0.0


def label_f1(score: dict, lab: str) -> float:
    """Exact F1 of `lab` from a score_ner.py JSON (or an exact_prf result)."""
    return label_prf(score, lab)[2]

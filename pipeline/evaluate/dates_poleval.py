"""DATE/TIME spans against the PolEval 2018 (NKJP) gold: an outside check of detection.

`python -m pipeline.evaluate.dates_poleval` reads ``../shared/ner/poleval2018/POLEVAL-NER_GOLD.json``
(1,828 Polish texts; `date` and `time` spans of `answers[0]`), runs `find_dates(text, "pl")`
with no anchor (spans only, values are not compared) and counts one-to-one overlap matches.

NKJP's conventions differ from ours, so read the figures with them in mind: it annotates
calendar expressions only, not relative ones ("wczoraj", "w tym roku", "w sobotę"), hence the
precision is also given over our non-relative DATEs; and it marks bare years ("1954"),
centuries ("XXI wieku") and holiday names ("3 Maja"), which we leave out on purpose (a bare
number is too often an amount, "3 Maja" too often a street), hence the recall without bare years.
"""
from __future__ import annotations

import argparse
import json
import re
from collections import Counter

from pipeline.annotate.dates import find_dates
from pipeline.paths import require_shared

_BARE_YEAR = re.compile(r"\d{4}")


def gold_spans(brat: str) -> dict[str, list[tuple[int, int, str]]]:
    out: dict[str, list[tuple[int, int, str]]] = {"DATE": [], "TIME": []}
    for line in brat.splitlines():
        if not line.startswith("T"):
            continue
        _, info, text = line.split("\t", 2)
        label, _, offsets = info.partition(" ")
        if label in ("date", "time"):
            spans = [tuple(map(int, part.split())) for part in offsets.split(";")]
            out[label.upper()].append((spans[0][0], spans[-1][1], text))
    return out


def _match(pred: list, gold: list) -> tuple[list[bool], list[bool]]:
    """Which predictions and which gold spans are matched, one-to-one, by overlap."""
    gold_hit = [False] * len(gold)
    pred_hit = []
    for p in pred:
        i = next((i for i, g in enumerate(gold) if not gold_hit[i] and g[0] < p.end and p.start < g[1]), None)
        if i is not None:
            gold_hit[i] = True
        pred_hit.append(i is not None)
    return pred_hit, gold_hit


def _prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> str:
    p, r = tp_p / n_p if n_p else 0.0, tp_g / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f} ({tp_p}/{n_p})  R {r:.3f} ({tp_g}/{n_g})  F1 {f:.3f}"


def main(argv: list[str] | None = None) -> None:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args(argv)
    path = require_shared("ner", "poleval2018", "POLEVAL-NER_GOLD.json")
    questions = json.loads(path.read_text(encoding="utf-8"))["questions"]
    c: Counter = Counter()
    for q in questions:
        text = q["input"]["fileContent"]
        gold = gold_spans(q["answers"][0]["data"]["brat"])
        found = find_dates(text, "pl")
        for label in ("DATE", "TIME"):
            pred = [d for d in found if d.label == label]
            pred_hit, gold_hit = _match(pred, gold[label])
            c[label, "pred"] += len(pred)
            c[label, "pred_hit"] += sum(pred_hit)
            c[label, "gold"] += len(gold[label])
            c[label, "gold_hit"] += sum(gold_hit)
            if label == "DATE":
                c["abs", "pred"] += sum(1 for d in pred if not d.relative)
                c["abs", "pred_hit"] += sum(h for d, h in zip(pred, pred_hit) if not d.relative)
                not_bare = [h for g, h in zip(gold[label], gold_hit) if not _BARE_YEAR.fullmatch(g[2].strip())]
                c["nobare", "gold"] += len(not_bare)
                c["nobare", "gold_hit"] += sum(not_bare)
    print(f"PolEval 2018 gold, {len(questions)} texts, overlap match, no anchor:")
    for label in ("DATE", "TIME"):
        print(f"  {label}: {_prf(c[label, 'pred_hit'], c[label, 'pred'], c[label, 'gold_hit'], c[label, 'gold'])}")
    print(f"  DATE precision over our non-relative DATEs: {c['abs', 'pred_hit'] / max(c['abs', 'pred'], 1):.3f}"
          f" ({c['abs', 'pred_hit']}/{c['abs', 'pred']})")
    print(f"  DATE recall without gold bare 4-digit years: {c['nobare', 'gold_hit'] / max(c['nobare', 'gold'], 1):.3f}"
          f" ({c['nobare', 'gold_hit']}/{c['nobare', 'gold']})")


if __name__ == "__main__":
    main()

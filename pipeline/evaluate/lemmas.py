"""Name lemmatisation accuracy on gold lemmas in ../shared (read at run time, never copied).

    python -m pipeline.evaluate.lemmas [--half dev|test] [--limit N] [--show 20] [--json out.json]

- PolEval 2019 lemmatisation index (`ner/poleval2019_lemmatization/index.tsv`, Polish, no
  entity types: lemmatised with an empty label, i.e. the generic head-and-agreement rules).
- SlavicNER pl and ru (`ner/slavicner/ner/<topic>/<lang>/*.tsv`): the gold mention text is
  lemmatised with its gold type (PER/LOC/ORG/PRO/EVT) and compared with the gold lemma.
Exact match, case-sensitive, whitespace collapsed (as score_ner.py does); beside it the
case-insensitive accuracy and PolEval 2019 task 2's own score, 0.2 x case-sensitive + 0.8 x
case-insensitive (the task's definition). Also prints the start-up time and memory of the
lemmatiser and the gazetteer.

`--half dev|test` splits every set deterministically so that rules are developed on one half
and checked on the other: PolEval rows by index parity (even rows dev), SlavicNER by document
(dev where the first byte of the file name's MD5 is even), so a document's repeated mentions
stay in one half.
"""
from __future__ import annotations

import argparse
import hashlib
import html
import json
import random
import re
import time
from collections import Counter
from pathlib import Path

from pipeline.paths import shared_dir

_WS = re.compile(r"\s+")


def _norm(s: str) -> str:
    return _WS.sub(" ", s).strip()


def _unquote(field: str) -> str:
    """A CSV-quoted field of the index: the outer quotes go and doubled quotes inside become
    one (a few fields lost their closing quote)."""
    if not field.startswith('"'):
        return field
    body = field[1:]
    if (len(body) - len(body.rstrip('"'))) % 2 == 1:
        body = body[:-1]
    return body.replace('""', '"')


HALVES = ("dev", "test")


def _in_half(index_or_name: int | str, half: str | None) -> bool:
    """Whether a row (PolEval: its index) or a document (SlavicNER: its file name) belongs
    to `half`; None keeps everything."""
    if half is None:
        return True
    if isinstance(index_or_name, int):
        bucket = index_or_name % 2
    else:
        bucket = hashlib.md5(index_or_name.encode("utf-8")).digest()[0] % 2
    return HALVES[bucket] == half


def poleval_items(root: Path, half: str | None = None) -> list[tuple[str, str, str, str]]:
    """(form, gold lemma, lang, label) rows of the PolEval 2019 index. The lemma column keeps
    the XML escaping of the corpus it was exported from (`Dolce &amp; Gabbana` for the form
    `Dolce & Gabbana`, 7 of the 8 rows with `&`), so it is unescaped before comparing."""
    path = root / "ner" / "poleval2019_lemmatization" / "index.tsv"
    rows = []
    for k, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        parts = line.split("\t")
        if len(parts) >= 4 and _in_half(k, half):
            rows.append((_unquote(parts[2]), html.unescape(_unquote(parts[3])), "pl", ""))
    return rows


def slavicner_items(root: Path, lang: str, half: str | None = None) -> list[tuple[str, str, str, str]]:
    rows = []
    for path in sorted((root / "ner" / "slavicner" / "ner").glob(f"*/{lang}/*.tsv")):
        if not _in_half(path.name, half):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 5 and parts[0].isdigit():
                rows.append((parts[2], parts[3], lang, parts[4]))
    return rows


def score(items, limit: int | None, seed: int = 0) -> dict:
    from pipeline.normalise.lemmas import lemmatise

    if limit and len(items) > limit:
        items = random.Random(seed).sample(items, limit)
    by_label: Counter = Counter()
    ok_label: Counter = Counter()
    errors = []
    ok_ci = 0
    t0 = time.perf_counter()
    for form, gold, lang, label in items:
        pred = lemmatise(form, lang, label)
        key = label or "-"
        by_label[key] += 1
        ok_ci += _norm(pred).lower() == _norm(gold).lower()
        if _norm(pred) == _norm(gold):
            ok_label[key] += 1
        else:
            errors.append((form, gold, pred, label))
    dt = time.perf_counter() - t0
    n = sum(by_label.values())
    acc_cs, acc_ci = (sum(ok_label.values()) / n, ok_ci / n) if n else (None, None)
    return {
        "n": n, "accuracy": acc_cs, "accuracy_ci": acc_ci,
        "poleval_score": 0.2 * acc_cs + 0.8 * acc_ci if n else None,
        "by_label": {k: {"n": by_label[k], "accuracy": ok_label[k] / by_label[k]} for k in sorted(by_label)},
        "ms_per_item": 1000 * dt / n if n else None, "errors": errors,
    }


def startup() -> dict:
    """Cold start of the gazetteer and the lemmatiser (first call, analysers included)."""
    import os

    import psutil

    proc = psutil.Process(os.getpid())
    rss0 = proc.memory_info().rss
    t0 = time.perf_counter()
    from pipeline.normalise.gazetteer import get_gazetteer

    get_gazetteer()
    t1 = time.perf_counter()
    rss1 = proc.memory_info().rss
    from pipeline.normalise.lemmas import lemmatise

    lemmatise("Podlaską Fundacją Rozwoju Regionalnego", "pl", "ORG")
    lemmatise("Гомельским государственным университетом", "ru", "ORG")
    t2 = time.perf_counter()
    rss2 = proc.memory_info().rss
    return {"gazetteer_ms": round(1000 * (t1 - t0)), "gazetteer_mb": round((rss1 - rss0) / 2**20, 1),
            "lemmatiser_ms": round(1000 * (t2 - t1)), "lemmatiser_mb": round((rss2 - rss1) / 2**20, 1)}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="name lemma accuracy (PolEval 2019, SlavicNER)")
    ap.add_argument("--limit", type=int, default=None, help="random sample of N items per set")
    ap.add_argument("--show", type=int, default=0, help="print N errors per set")
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--half", choices=HALVES, default=None,
                    help="score one deterministic half of every set (develop on dev, check on test)")
    args = ap.parse_args(argv)
    results: dict = {"startup": startup()}
    print("start-up: " + ", ".join(f"{k}={v}" for k, v in results["startup"].items()))
    root = shared_dir()
    sets = {
        "poleval2019": lambda: poleval_items(root, args.half),
        "slavicner_pl": lambda: slavicner_items(root, "pl", args.half),
        "slavicner_ru": lambda: slavicner_items(root, "ru", args.half),
    }
    for name, load in sets.items():
        try:
            items = load()
        except FileNotFoundError:
            items = []
        if not items:
            print(f"{name}: skipped ({root / 'ner'} absent; set PIPELINE_SHARED)")
            continue
        res = score(items, args.limit)
        labels = "  ".join(f"{k} {v['accuracy']:.4f} (n={v['n']})" for k, v in res["by_label"].items())
        print(f"{name}: accuracy {res['accuracy']:.4f} on {res['n']} forms "
              f"({res['ms_per_item']:.2f} ms/form)  by type: {labels}")
        print(f"   case-insensitive {res['accuracy_ci']:.4f}" + (
            f"; the task's own score (0.2 x case-sensitive + 0.8 x case-insensitive) {res['poleval_score']:.4f}"
            if name == "poleval2019" else ""))
        for form, gold, pred, label in res["errors"][: args.show]:
            print(f"   {label or '-':4} {form!r} -> {pred!r}  gold {gold!r}")
        res["errors"] = res["errors"][: max(200, args.show)]
        results[name] = res
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

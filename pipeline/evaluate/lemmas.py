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

Beside each context-free figure, a "document context" line: the same items lemmatised with
the other mentions of their document (`lemmas_context.lemmatise_in_document`; PolEval: the
index's document id, over both halves, as the task's systems saw whole documents; SlavicNER:
one file), with the items it gains and loses; `--show N` also lists N of those changes.

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


def _poleval_rows(root: Path) -> list[tuple[int, str, str, str]]:
    """(row index, document id, form, gold lemma) of every row of the PolEval 2019 index. The
    lemma column keeps the XML escaping of the corpus it was exported from (`Dolce &amp; Gabbana`
    for the form `Dolce & Gabbana`, 7 of the 8 rows with `&`), so it is unescaped."""
    path = root / "ner" / "poleval2019_lemmatization" / "index.tsv"
    rows = []
    for k, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        parts = line.split("\t")
        if len(parts) >= 4:
            rows.append((k, parts[1], _unquote(parts[2]), html.unescape(_unquote(parts[3]))))
    return rows


def poleval_items(root: Path, half: str | None = None) -> list[tuple[str, str, str, str]]:
    """(form, gold lemma, lang, label) rows of the PolEval 2019 index."""
    return [(form, gold, "pl", "") for k, _doc, form, gold in _poleval_rows(root) if _in_half(k, half)]


def poleval_context_lemmas(root: Path, half: str | None = None) -> list[str]:
    """Lemmas of `poleval_items(root, half)`, in order, each read with the other forms of its
    document (`lemmatise_in_document`): a document's forms are read together whichever half
    their rows are in (only forms, never gold lemmas), and scored by row as before."""
    rows = _poleval_rows(root)
    lemmas = document_lemmas([(form, "pl", "") for _k, _doc, form, _gold in rows], [doc for _k, doc, *_ in rows])
    return [lemma for (k, *_), lemma in zip(rows, lemmas) if _in_half(k, half)]


def document_lemmas(items: list[tuple[str, str, str]], docs: list[str]) -> list[str]:
    """Lemmas of (form, lang, label) items, in order, read document by document (`docs`:
    each item's document) through `lemmatise_in_document`."""
    from pipeline.normalise.lemmas_context import lemmatise_in_document

    by_doc: dict[str, list[int]] = {}
    for i, doc in enumerate(docs):
        by_doc.setdefault(doc, []).append(i)
    out = [""] * len(items)
    for indices in by_doc.values():
        for i, lemma in zip(indices, lemmatise_in_document([items[i] for i in indices])):
            out[i] = lemma
    return out


def _slavicner_files(root: Path, lang: str, half: str | None) -> list[tuple[str, list[tuple[str, str, str, str]]]]:
    """(file name, its (form, gold lemma, lang, label) rows) of SlavicNER in `lang`."""
    files = []
    for path in sorted((root / "ner" / "slavicner" / "ner").glob(f"*/{lang}/*.tsv")):
        if not _in_half(path.name, half):
            continue
        rows = []
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 5 and parts[0].isdigit():
                rows.append((parts[2], parts[3], lang, parts[4]))
        files.append((str(path.relative_to(root)), rows))
    return files


def slavicner_items(root: Path, lang: str, half: str | None = None) -> list[tuple[str, str, str, str]]:
    return [row for _name, rows in _slavicner_files(root, lang, half) for row in rows]


def slavicner_context_lemmas(root: Path, lang: str, half: str | None = None) -> list[str]:
    """Lemmas of `slavicner_items(root, lang, half)`, each file read as one document."""
    files = _slavicner_files(root, lang, half)
    items = [(form, lang_, label) for _name, rows in files for form, _gold, lang_, label in rows]
    return document_lemmas(items, [name for name, rows in files for _row in rows])


def score(items, limit: int | None, seed: int = 0, lemmas: list[str] | None = None) -> dict:
    """Accuracy of `lemmatise` on (form, gold, lang, label) items, or of the given `lemmas`
    (one per item, e.g. read in document context)."""
    from pipeline.normalise.lemmas import lemmatise

    preds = lemmas if lemmas is not None else [None] * len(items)
    pairs = list(zip(items, preds))
    if limit and len(pairs) > limit:
        pairs = random.Random(seed).sample(pairs, limit)
    by_label: Counter = Counter()
    ok_label: Counter = Counter()
    errors = []
    ok_ci = 0
    t0 = time.perf_counter()
    for (form, gold, lang, label), given in pairs:
        pred = lemmatise(form, lang, label) if given is None else given
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


def _context_figures(items, lemmas: list[str], limit: int | None) -> dict:
    """Accuracy of the document-context lemmas beside the context-free ones: the items each
    gains or loses (`+`/`-`) and every other change between two wrong lemmas (`~`)."""
    from pipeline.normalise.lemmas import lemmatise

    res = score(items, limit, lemmas=lemmas)
    changes = []
    for (form, gold, lang, label), after in zip(items, lemmas):
        before = lemmatise(form, lang, label)
        if after != before:
            ok_before, ok_after = _norm(before) == _norm(gold), _norm(after) == _norm(gold)
            sign = "+" if ok_after and not ok_before else "-" if ok_before and not ok_after else "~"
            changes.append((sign, form, gold, before, after))
    return {"n": res["n"], "accuracy": res["accuracy"], "accuracy_ci": res["accuracy_ci"],
            "gained": sum(c[0] == "+" for c in changes), "lost": sum(c[0] == "-" for c in changes),
            "changes": changes}


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
        "poleval2019": (lambda: poleval_items(root, args.half), lambda: poleval_context_lemmas(root, args.half)),
        "slavicner_pl": (lambda: slavicner_items(root, "pl", args.half),
                         lambda: slavicner_context_lemmas(root, "pl", args.half)),
        "slavicner_ru": (lambda: slavicner_items(root, "ru", args.half),
                         lambda: slavicner_context_lemmas(root, "ru", args.half)),
    }
    for name, (load, load_context) in sets.items():
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
        res["document_context"] = _context_figures(items, load_context(), args.limit)
        ctx = res["document_context"]
        print(f"   document context: accuracy {ctx['accuracy']:.4f} (context-free {res['accuracy']:.4f}; "
              f"{ctx['gained']} gained, {ctx['lost']} lost), case-insensitive {ctx['accuracy_ci']:.4f}")
        for sign, form, gold, before, after in ctx["changes"][: args.show]:
            print(f"   ctx {sign} {form!r} -> {after!r} (was {before!r})  gold {gold!r}")
        results[name] = res
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

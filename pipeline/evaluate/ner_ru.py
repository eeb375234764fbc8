"""Russian/Belarusian NER figures: bare natasha beside the repaired component.

    python -m pipeline.evaluate.ner_ru [--corpora factrueval,factrueval_names,slavicner,collection5,devset_ru,be,fragments,speed]
                                       [--ablate] [--limit N] [--json OUT]

factRuEval-2016 dev and SlavicNER ru are scored by ../shared/eval/score_ner.py on a run folder
(articles.csv + mentions.csv) written here from the component's predictions; Collection5 and the
Belarusian sentences (tests/data/be_ner*.jsonl) by an exact-span scorer; the devset's Belarusian
articles at entity-list level (pipeline.evaluate.ner_be_devset). Skips with a message when
../shared is absent.

Conventions: `repaired` is what the pipeline emits: an organisation mention runs from its
descriptor to its name, closing quote included (партии «Яблоко», Правительства Москвы).
factRuEval's flattened spans leave the closing quote out (партии «Яблоко); Collection5 tags
names only (Яблоко; Москвы) and keeps a bracketed alias in the mention (Фонда развития (ФР)).
Their tables add `repaired/fa` and `repaired/na`: the same output mapped to the corpus's
convention (ner_ru_repair.factrueval_view, names_view). SlavicNER is scored on `repaired` alone.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import razdel

from pipeline.annotate.ner_ru import BARE, RU, NerConfig, prepare, build, find_entities_many
from pipeline.annotate.ner_ru_natasha import Span, natasha_spans_many, tagger
from pipeline.annotate.ner_ru_repair import RULES
from pipeline.evaluate.ner_corpora import (collection5_docs, factrueval_name_docs, factrueval_texts, shared_root,
                                           slavicner_texts)
from pipeline.evaluate.ner_scoring import LABELS, exact_prf, label_f1, label_prf, score_ner, write_run_folder

PUBLISHED = {"PER": 0.959, "LOC": 0.915, "ORG": 0.825}  # slovnet on factRuEval test (natasha docs)
SCORER = "eval/score_ner.py"


def _variants(ablate: bool, view: str = "") -> dict[str, NerConfig]:
    """natasha, the repaired component, its output mapped to the corpus's convention `view`
    (disclosed, ner_ru_repair.repair's `convention`), and with `ablate` the component minus
    each rule (pipeline convention)."""
    v = {"natasha": BARE, "repaired": RU}
    if view:
        v[f"repaired/{view[:2]}"] = replace(RU, convention=view)
    if ablate:
        for r in sorted(RULES):
            v[f"-{r}"] = replace(RU, rules=RULES - {r})
    return v


def _print_table(title: str, rows: dict[str, dict], extra: dict[str, float] | None = None) -> None:
    """Exact P/R/F1 per label and micro F1, one row per variant."""
    print(f"\n{title}")
    print(f"{'variant':12s} " + " ".join(f"{lab + ' P/R/F1':>20s}" for lab in LABELS) + "  micro")
    for name, score in rows.items():
        cells = (" ".join(f"{x:.3f}" for x in label_prf(score, lab)) for lab in LABELS)
        print(f"{name:12s} " + " ".join(f"{c:>20s}" for c in cells) + f"  {label_f1(score, 'micro'):.3f}")
    if extra:
        print(f"{'published':12s} " + " ".join(f"{'F1 ' + format(extra[lab], '.3f'):>20s}" for lab in LABELS))


def predict(texts: list[str], variants: dict[str, NerConfig]) -> dict[str, list[list[Span]]]:
    """Each variant's spans; natasha runs once per spelling map, the variants differ in repairs."""
    model: dict[str, list[list[Span]]] = {}
    out = {}
    for vname, cfg in variants.items():
        if cfg.charmap not in model:
            model[cfg.charmap] = list(natasha_spans_many([prepare(t, cfg) for t in texts]))
        out[vname] = list(find_entities_many(texts, cfg, model[cfg.charmap]))
    return out


def eval_score_ner(name: str, docs: list[tuple[str, str]], gold: Path, fmt: str, root: Path,
                   variants: dict[str, NerConfig]) -> dict[str, dict]:
    """Exact P/R/F1 by score_ner.py, per variant."""
    rows = {}
    for vname, preds in predict([t for _, t in docs], variants).items():
        with tempfile.TemporaryDirectory() as tmp:
            write_run_folder(Path(tmp), [(s, t, p) for (s, t), p in zip(docs, preds)], "ru")
            rows[vname] = score_ner(Path(tmp), gold, fmt, root / SCORER)
    _print_table(f"{name}: exact (score_ner.py --format {fmt}, {len(docs)} docs)", rows,
                 PUBLISHED if fmt == "factrueval" else None)
    return rows


def quote_only_misses(docs: list[tuple[str, str]], root: Path, cfg: NerConfig) -> tuple[int, int]:
    """(predicted ORGs that equal a gold ORG but for their closing quote, gold ORGs) on
    factRuEval: its flattened spans run from the descriptor to the end of the name, leaving the
    closing » out (партии «Яблоко), while the component keeps it (партии «Яблоко»)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("score_ner", root / SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    gold = {d.name: {(m["start"], m["end"]) for m in d.ments if m["label"] == "ORG"}
            for d in mod.load_factrueval(root / "ner/factrueval2016/devset", [])}
    n = n_gold = 0
    for (src, text), pred in zip(docs, find_entities_many([t for _, t in docs], cfg)):
        g = gold.get(src.rsplit(".", 1)[0], set())
        n_gold += len(g)
        n += sum(1 for s, e, lab in pred if lab == "ORG" and text[e - 1:e] in "»\"“”" and (s, e) not in g and (s, e - 1) in g)
    return n, n_gold


def eval_spans(title: str, docs: list[tuple[str, str, list[Span]]], variants: dict[str, NerConfig],
               published: dict[str, float] | None = None) -> dict[str, dict]:
    """Exact P/R/F1 per variant on a corpus read here with its gold spans."""
    rows = {}
    for vname, preds in predict([t for _, t, _ in docs], variants).items():
        rows[vname] = exact_prf((gold, pred) for (_, _, gold), pred in zip(docs, preds))
    _print_table(f"{title}: exact ({len(docs)} docs)", rows, published)
    return rows


def eval_speed(texts: list[str]) -> dict[str, float]:
    """Sentences/s of bare natasha and of the spaCy component on the same texts, same run."""
    tagger()
    nlp = build(RU)
    list(nlp.pipe(texts[:2]))  # warm up (pymorphy3 dictionaries)
    n_sent = sum(1 for t in texts for _ in razdel.sentenize(t))
    t0 = time.perf_counter()
    for _ in natasha_spans_many(texts):
        pass
    t1 = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    t2 = time.perf_counter()
    res = {"sentences": n_sent, "natasha_sent_per_s": n_sent / (t1 - t0), "component_sent_per_s": n_sent / (t2 - t1)}
    print(f"\nspeed on {len(texts)} factRuEval texts, {n_sent} sentences: bare natasha "
          f"{res['natasha_sent_per_s']:.0f} sent/s, load_ru() pipeline {res['component_sent_per_s']:.0f} sent/s")
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", default="factrueval,factrueval_names,slavicner,collection5,devset_ru,be,fragments,speed")
    ap.add_argument("--ablate", action="store_true", help="also score the repaired component minus each rule")
    ap.add_argument("--limit", type=int, default=None, help="at most N documents per corpus")
    ap.add_argument("--json", help="write all figures here")
    args = ap.parse_args(argv)
    root = shared_root()
    if not (root / "ner").is_dir() or not (root / SCORER).is_file():
        print(f"ner_ru: {root} (../shared or $PIPELINE_SHARED) is absent: nothing to evaluate")
        return 0
    corpora = set(args.corpora.split(","))
    variants = _variants(args.ablate)
    out: dict[str, object] = {}
    if "factrueval" in corpora:
        docs = list(factrueval_texts(root))[: args.limit]
        out["factrueval"] = eval_score_ner("factRuEval-2016 dev", docs, root / "ner/factrueval2016/devset",
                                           "factrueval", root, _variants(args.ablate, "factrueval"))
        n, n_gold = quote_only_misses(docs, root, RU)  # what factrueval_view maps
        out["factrueval_quote_only"] = n
        print(f"repaired: {n} predicted ORG (of {n_gold} gold ORG) differ from a gold span only by the closing "
              f"quote that factRuEval's flattened spans leave out")
    if "factrueval_names" in corpora:
        out["factrueval_names"] = eval_spans(
            "factRuEval-2016 dev, names only (natasha's benchmark convention, the one of the published row)",
            list(factrueval_name_docs(root))[: args.limit], _variants(args.ablate, "names"), PUBLISHED)
    if "slavicner" in corpora:
        docs = list(slavicner_texts(root, "ru"))[: args.limit]
        out["slavicner_ru"] = eval_score_ner("SlavicNER ru", docs, root / "ner/slavicner", "slavicner", root,
                                             variants)
    if "collection5" in corpora:
        out["collection5"] = eval_spans("Collection5 (GEOPOLIT->LOC, MEDIA->ORG)",
                                        list(collection5_docs(root))[: args.limit], _variants(args.ablate, "names"))
    if "devset_ru" in corpora:
        from pipeline.evaluate.ner_be import evaluate_devset_ru

        out["devset_ru"] = evaluate_devset_ru(root)
    if "be" in corpora:
        from pipeline.evaluate.ner_be import evaluate_be

        out["be"] = evaluate_be(root)
    if "fragments" in corpora:
        from pipeline.evaluate.ner_be import evaluate_fragments

        out["fragments"] = evaluate_fragments()
    if "speed" in corpora:
        out["speed"] = eval_speed([t for _, t in factrueval_texts(root)][: args.limit])
    if args.json:
        Path(args.json).write_text(json.dumps(out, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

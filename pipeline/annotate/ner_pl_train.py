"""Train the Polish NER model on NKJP (PolEval 2018 training data) with spaCy's own training.

    python -m pipeline.annotate.ner_pl_train --corpus ../shared/ner/poleval2018/nkjp-nested-simplified-v2.iob.gz \
        --out training/pl_ner [--config pipeline/annotate/ner_pl.cfg] [--install]

Steps: NKJP IOB -> DocBins (document-level train/dev split fixed by --seed) in --work,
then `spacy train` (Python API) into --out; --install copies model-best into the package
folder pipeline/models/pl_ner (keeping its LICENSE and README).
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from pipeline.annotate import pl_tokenizer  # noqa: F401  (registers tokenizer + sentences)
from pipeline.annotate import pl_features  # noqa: F401  (registers the Morfeusz feature component)
from pipeline.annotate import ner_pl_repair  # noqa: F401  (registers the span repair post-step)
from pipeline.annotate.nkjp_iob import doc_text_and_spans, read_iob
from pipeline.paths import PL_NER_MODEL_DIR

HERE = Path(__file__).resolve().parent
DEFAULT_CONFIG = HERE / "ner_pl.cfg"
KEEP_IN_MODEL_DIR = ("LICENSE", "README.md")


def convert(corpus: Path, work: Path, dev_share: float, seed: int) -> tuple[Path, Path, dict[str, int]]:
    """Write train.spacy and dev.spacy; the split is by document, shuffled with `seed`."""
    nlp = spacy.blank("pl", config={"nlp": {"tokenizer": {"@tokenizers": pl_tokenizer.TOKENIZER_NAME}}})
    docs = list(read_iob(corpus))
    order = sorted(range(len(docs)), key=lambda i: docs[i].name)
    random.Random(seed).shuffle(order)
    n_dev = int(round(len(docs) * dev_share))
    dev_ids = set(order[:n_dev])
    bins = {"train": DocBin(), "dev": DocBin()}
    stats = {"train_docs": 0, "dev_docs": 0, "spans": 0, "spans_dropped": 0}
    for i, nd in enumerate(docs):
        text, spans, _ = doc_text_and_spans(nd)
        doc = nlp.make_doc(text)
        ents = []
        for a, b, label in spans:
            span = doc.char_span(a, b, label=label, alignment_mode="expand")
            stats["spans"] += 1
            if span is None:
                stats["spans_dropped"] += 1
                continue
            ents.append(span)
        ents = spacy.util.filter_spans(ents)
        doc.ents = ents
        part = "dev" if i in dev_ids else "train"
        bins[part].add(doc)
        stats[f"{part}_docs"] += 1
    work.mkdir(parents=True, exist_ok=True)
    paths = (work / "train.spacy", work / "dev.spacy")
    bins["train"].to_disk(paths[0])
    bins["dev"].to_disk(paths[1])
    return paths[0], paths[1], stats


def install(model_best: Path, target: Path = PL_NER_MODEL_DIR, repair_config: dict[str, bool] | None = None) -> None:
    """Save `model_best` plus the span repair post-step as the packaged model (LICENSE, README kept)."""
    nlp = spacy.load(model_best)
    if ner_pl_repair.REPAIR_NAME not in nlp.pipe_names:
        nlp.add_pipe(ner_pl_repair.REPAIR_NAME, after="ner", config=dict(repair_config or {}))
    nlp.meta.update({"name": "pl_ner", "license": "GPL-3.0",
                     "description": "Polish NER of the pipeline project, trained on NKJP-1M (PolEval 2018 Task 2 data)",
                     "sources": [{"name": "NKJP-1M named-entity layer (PolEval 2018 Task 2 training data)"}]})
    target.mkdir(parents=True, exist_ok=True)
    for child in target.iterdir():
        if child.name in KEEP_IN_MODEL_DIR:
            continue
        shutil.rmtree(child) if child.is_dir() else child.unlink()
    nlp.to_disk(target)
    drop_training_strings(target, nlp.get_pipe("ner").labels)


def drop_training_strings(target: Path, labels: tuple[str, ...]) -> None:
    """Keep only the labels in the saved StringStore.

    Training leaves every NKJP token, prefix and suffix in `vocab/strings.json` (~194k strings,
    0.3 s of every cold start to read). Prediction never needs them: the hash embeddings hash
    each attribute's text at run time, and the components add the strings they set. Only the
    reverse look-up of a hash seen in training would need them, and nothing does that."""
    (target / "vocab" / "strings.json").write_text(json.dumps(sorted(labels)), encoding="utf-8")


def resumed_config(config: Path, model: Path, out: Path) -> Path:
    """A copy of `config` whose trained components are sourced from `model`, so training continues from it."""
    cfg = spacy.util.load_config(config)
    for name in ("tok2vec", "ner"):
        cfg["components"][name] = {"source": str(model.resolve())}
    out.mkdir(parents=True, exist_ok=True)
    path = out / "resumed.cfg"
    cfg.to_disk(path)
    return path


def parse_args(argv: list[str]) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="train-ner-pl", description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True, help="nkjp-nested-simplified-v2.iob.gz")
    ap.add_argument("--out", type=Path, required=True, help="training output dir (model-best, model-last)")
    ap.add_argument("--work", type=Path, default=None, help="DocBin folder (default: <out>/corpus)")
    ap.add_argument("--config", type=Path, default=DEFAULT_CONFIG)
    ap.add_argument("--dev-share", type=float, default=0.1)
    ap.add_argument("--seed", type=int, default=13, help="seed of the document split")
    ap.add_argument("--max-steps", type=int, default=None)
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="config override, e.g. training.dropout=0.2 (repeatable)")
    ap.add_argument("--resume-from", type=Path, default=None, metavar="MODEL",
                    help="continue training the tok2vec and ner of this model (e.g. pipeline/models/pl_ner)")
    ap.add_argument("--convert-only", action="store_true")
    ap.add_argument("--install", action="store_true", help="copy model-best into pipeline/models/pl_ner")
    return ap.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (needs ../shared/ner/poleval2018)", file=sys.stderr)
        return 2
    work = args.work or args.out / "corpus"
    train_path, dev_path, stats = convert(args.corpus, work, args.dev_share, args.seed)
    print(f"converted: {stats}", flush=True)
    if args.convert_only:
        return 0
    from spacy.cli.train import train

    overrides: dict[str, object] = {"paths.train": str(train_path), "paths.dev": str(dev_path)}
    if args.max_steps is not None:
        overrides["training.max_steps"] = args.max_steps
    for item in args.set:
        key, _, value = item.partition("=")
        try:
            import json

            overrides[key] = json.loads(value)
        except ValueError:
            overrides[key] = value
    config = args.config if args.resume_from is None else resumed_config(args.config, args.resume_from, args.out)
    train(config, args.out, use_gpu=-1, overrides=overrides)
    if args.install:
        install(args.out / "model-best")
        print(f"installed {args.out / 'model-best'} -> {PL_NER_MODEL_DIR}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

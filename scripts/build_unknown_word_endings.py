"""Build `pipeline/lang/pl/unknown_word_endings.tsv`: how the capitalised nouns Morfeusz does
not know (foreign and rare names) end in NKJP-1M, with their gold lemmas.

Why: the hand-written rules of `unknown_word_suffixes.tsv` strip an ending wherever it stands
after a consonant, but a foreign word often has the ending as its own (`-ama`, `-ura`, `-ba`:
nominatives) and some oblique endings have no rule at all (`-zy`, `-sy` of women's names in
`-za`, `-sa`; the `-ej` of a place named by an adjective). The table gives, per final letters
(1 to 5, lower-cased), the edit most of the NKJP words so ending take (letters cut from the end,
letters added) and how many of them take it, out of how many; the lemmatiser follows it where
the evidence is clear (see `lemmas_rules.unknown_word_ending`).

Source: NKJP-1M as PolEval 2018 ships it (`ner/poleval2018/nkjp-nested-simplified-v2.iob.gz`
under the shared folder; columns orth, base, ctag, NER tag), counted by distinct (form, lemma)
pairs of capitalised nouns (`subst`) with a capitalised lemma whose form the Polish engine does
not know. Endings seen fewer than `--min` times are left out.

    python scripts/build_unknown_word_endings.py [--min 3] [--out pipeline/lang/pl/unknown_word_endings.tsv]
"""
from __future__ import annotations

import argparse
import gzip
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.paths import shared_dir  # noqa: E402

SOURCE = ("ner", "poleval2018", "nkjp-nested-simplified-v2.iob.gz")
OUT = ROOT / "pipeline" / "lang" / "pl" / "unknown_word_endings.tsv"
MAX_END = 5  # longest ending counted
MAX_CUT = 4
# the locative (and dative) -e of names the dictionary knows as well: a foreign word in -ie
# after a consonant is seldom a nominative unless English (`-kie`, `-rie`: no Polish
# locative ends so), and the known names show which nominative each such ending comes from
LOCATIVE = ("subst:sg:loc:", "subst:sg:dat:")
LOCATIVE_ENDINGS = ("ie", "rze")  # longer edits are stem alternations of single words, not endings


def pairs(path: Path) -> set[tuple[str, str]]:
    """Distinct (form, lemma) of capitalised nouns whose form the Polish engine does not know."""
    from pipeline.normalise.lemmas import _engine, _known

    engine = _engine("pl", False)
    seen: set[tuple[str, str]] = set()
    located: set[tuple[str, str]] = set()
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3:
                continue
            orth, base, ctag = parts[:3]
            if not ctag.startswith("subst:") or not orth.isalpha() or orth.isupper() \
                    or not orth[:1].isupper() or not base[:1].isupper():
                continue
            seen.add((orth, base))
            if ctag.startswith(LOCATIVE) and orth.endswith(LOCATIVE_ENDINGS):
                located.add((orth, base))
    return {(o, b) for o, b in seen if not _known(engine, o)} | located


def edit(form: str, lemma: str) -> tuple[int, str]:
    """(letters cut from the form's end, letters added) that turn the form into the lemma."""
    i = 0
    while i < min(len(form), len(lemma)) and form[i] == lemma[i]:
        i += 1
    return len(form) - i, lemma[i:]


def table(found: set[tuple[str, str]], minimum: int) -> list[tuple[str, int, str, int, int, int]]:
    """(ending, cut, added, count of the commonest edit, count of all, count of those that are
    their own lemma) per ending seen `minimum` times or more."""
    by_end: dict[str, Counter] = defaultdict(Counter)
    for form, lemma in found:
        cut, add = edit(form, lemma)
        if cut > MAX_CUT:
            continue
        for n in range(1, min(MAX_END, len(form) - 1) + 1):
            # an edit reaching into the stem says nothing of the ending (`-owie` -> `-ów` is
            # no edit of `-wie`): counted, never chosen
            by_end[form[-n:].lower()][(cut, add) if cut <= n else (-1, "")] += 1
    rows = []
    for end, counts in by_end.items():
        total = sum(counts.values())
        if total < minimum:
            continue
        edits = [kv for kv in counts.items() if kv[0][0] >= 0] or [((-1, ""), 0)]  # -1: none
        (cut, add), best = max(edits, key=lambda kv: (kv[1], -kv[0][0], kv[0][1]))
        rows.append((end, cut, add, best, total, counts[(0, "")]))
    return sorted(rows, key=lambda r: (r[0][::-1], r[0]))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--min", type=int, default=3, help="fewest words an ending needs")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    src = shared_dir().joinpath(*SOURCE)
    if not src.exists():
        print(f"skipped: {src} is not there (set PIPELINE_SHARED to the shared folder)")
        return
    rows = table(pairs(src), args.min)
    header = (
        "# Generated by scripts/build_unknown_word_endings.py from NKJP-1M (do not edit): per final\n"
        "# letters of capitalised nouns Morfeusz does not know, the commonest edit to the lemma.\n"
        "# Counted from NKJP: GPL-3.0, as the Polish NER model (README, Licences).\n"
        "# ending<TAB>letters cut (-1: no edit of the ending itself)<TAB>letters added<TAB>words with that edit<TAB>words<TAB>words kept\n"
    )
    args.out.write_text(header + "".join("\t".join(map(str, row)) + "\n" for row in rows),
                        encoding="utf-8")
    print(f"{args.out}: {len(rows)} endings")


if __name__ == "__main__":
    main()

"""Character-level accuracy and speed of language segments, every backend side by side.

    python -m pipeline.evaluate.segments [--slavicner-docs N] [--systems rule,lingua,...]

Corpora (../shared is read at run time, never copied; absent -> that corpus is skipped):
- devset: the articles of ../shared/devset/articles through `pipeline.ingest`, body only.
  The gold has no segments, so the reference is built per letter from the README's tables:
  a letter of the article's main script gets the main language; a Cyrillic letter in a Latin
  article gets the embedded Cyrillic language the README lists for that article (001 ->
  ru, 007 -> be, 006 -> uk, ...); a Latin letter in a Cyrillic article gets pl (the README:
  "Latin-script names inside Cyrillic articles", all Polish names). Letters of a lone Latin
  acronym/crumb in Cyrillic text (PFRR, KOM, UwB, IT) are excluded: attaching them is a
  policy (see pipeline.segment), not a fact. `embedded` = accuracy on the foreign-script letters.
- slavicner: the first N documents (sorted by path) of every topic/{pl,ru} folder; reference =
  the document language for the letters of that language's script; letters of the other
  script (Brexit in a Russian text) are excluded, as their language is not known.
- short: tests/data/segments_short.tsv, 1-5 word items written for this, each segmented alone.
- mixed: tests/data/segments_mixed.tsv, sentences written for this with their embedded pieces
  marked (`[uk:…]` inside a Russian sentence, a Russian quote in a Belarusian one, …).

Systems: our segmenter with each backend (`rule`, `lingua`, `langdetect`) and, as the
baseline, lingua's own `detect_multiple_languages_of` on the same ranges (`lingua-multi`).
Timing excludes model loading (one warm-up call per system) and starts every pass with empty
unit caches; segments/s = output segments per second of segmentation time.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from pipeline.paths import REPO_ROOT, shared_dir
from pipeline.record import Segment
from pipeline.segment import BACKENDS, DEFAULT_BACKEND, crumb_flags, segment
from pipeline.segment.backends import clear_caches
from pipeline.segment.letters import script_of_char
from pipeline.segment.units import units_in

SHORT_LIST = REPO_ROOT / "tests" / "data" / "segments_short.tsv"
MIXED_LIST = REPO_ROOT / "tests" / "data" / "segments_mixed.tsv"
_MARKED = re.compile(r"\[(pl|en|ru|be|uk):([^\]]*)\]")
SCRIPT_OF = {"pl": "Latin", "en": "Latin", "ru": "Cyrillic", "be": "Cyrillic", "uk": "Cyrillic"}
EMBEDDED_NAMES = {"Russian": "ru", "Belarusian": "be", "Ukrainian": "uk"}

# one document to score: text, the ranges segmented, and the reference language per letter offset
@dataclass
class Doc:
    name: str
    text: str
    ranges: list[tuple[int, int]]
    reference: dict[int, str] = field(default_factory=dict)
    embedded: set[int] = field(default_factory=set)  # offsets of foreign-script letters


Segmenter = Callable[[str, int, int], list[Segment]]


# ---------------------------------------------------------------- systems

def _ours(backend: str) -> Segmenter:
    return lambda text, a, b: segment(text, a, b, backend=backend)


def _lingua_multi() -> Segmenter:
    from pipeline.segment.backends import _LINGUA_NAMES, _lingua_detector
    from lingua import Language

    code = {getattr(Language, n): c for c, n in _LINGUA_NAMES.items()}
    detector = _lingua_detector()

    def run(text: str, a: int, b: int) -> list[Segment]:
        out = []
        for r in detector.detect_multiple_languages_of(text[a:b]):
            out.append(Segment(a + r.start_index, a + r.end_index, code.get(r.language, "und"), 1.0))
        return out

    return run


def systems(names: Iterable[str]) -> dict[str, Segmenter]:
    out: dict[str, Segmenter] = {}
    for name in names:
        out[name] = _lingua_multi() if name == "lingua-multi" else _ours(name)
    return out


# ---------------------------------------------------------------- references

def _keys(cell: str) -> list[str]:
    keys = []
    cell = re.sub(r"\([^)]*\)", "", cell)  # "007 (an organisation name and a quote)"
    for part in re.split(r",\s*|\s+and\s+", cell.strip().rstrip(".")):
        m = re.fullmatch(r"(\d{3})[–-](\d{3})", part)
        if m:
            keys += [f"{i:03d}" for i in range(int(m.group(1)), int(m.group(2)) + 1)]
        elif part:
            keys.append(part.strip())
    return keys


def devset_languages(readme: str) -> tuple[dict[str, str], dict[str, str]]:
    """(article key -> main language, article key -> embedded Cyrillic language) from the README."""
    main, embedded = {}, {}
    for m in re.finditer(r"^\|\s*(pl|ru|be|uk)\s*\(\d+\)\s*\|(.*)\|\s*$", readme, re.MULTILINE):
        for key in _keys(m.group(2)):
            main[key] = m.group(1)
    for m in re.finditer(r"^- \*\*(\w+) inside (\w+):\*\*\s*(.*)$", readme, re.MULTILINE):
        lang = EMBEDDED_NAMES.get(m.group(1))
        if lang:
            cell = m.group(3).split(". ")[0]
            for key in _keys(cell):
                embedded[key] = lang
    return main, embedded


def _key(source: str) -> str:
    head = source[:3]
    return f"{head}#{source.split('#', 1)[1]}" if "#" in source else head


def _excluded_crumbs(text: str, a: int, b: int) -> set[int]:
    units = units_in(text, a, b)
    out: set[int] = set()
    for u, crumb in zip(units, crumb_flags(text, units)):
        if crumb:
            out.update(range(u.start, u.end))
    return out


def devset_docs(root: Path) -> list[Doc]:
    from pipeline.ingest import iter_articles
    from pipeline.record import Article

    main, embedded = devset_languages((root / "README.md").read_text(encoding="utf-8"))
    docs = []
    for art in iter_articles([root / "articles"]):
        if not isinstance(art, Article) or art.status != "ok":
            continue
        key = _key(art.source)
        lang = main.get(key)
        if lang is None:
            print(f"  devset: no main language for {art.source} in README, skipped", file=sys.stderr)
            continue
        a, b = art.body_start, len(art.text)
        doc = Doc(art.source, art.text, [(a, b)])
        unscored = 0
        skip = _excluded_crumbs(art.text, a, b)
        for i in range(a, b):
            ch = art.text[i]
            if not ch.isalpha() or i in skip:
                continue
            script = script_of_char(ch)
            if script == SCRIPT_OF[lang]:
                doc.reference[i] = lang
            elif script == "Cyrillic" and key in embedded:
                doc.reference[i], _ = embedded[key], doc.embedded.add(i)
            elif script == "Latin":
                doc.reference[i], _ = "pl", doc.embedded.add(i)
            else:
                unscored += 1
        if unscored:
            print(f"  devset: {unscored} letters of {art.source} have no reference language", file=sys.stderr)
        docs.append(doc)
    return docs


def slavicner_docs(root: Path, per_folder: int) -> list[Doc]:
    from pipeline.evaluate.ner_corpora import slavicner_texts

    docs = []
    for lang in ("pl", "ru"):
        taken: dict[str, int] = defaultdict(int)
        for source, text in slavicner_texts(root, lang):
            topic = source.split("/", 1)[0]
            if taken[topic] >= per_folder:
                continue
            taken[topic] += 1
            doc = Doc(f"{lang}:{source}", text, [(0, len(text))])
            for i, ch in enumerate(text):
                if ch.isalpha() and script_of_char(ch) == SCRIPT_OF[lang]:
                    doc.reference[i] = lang
            docs.append(doc)
    return docs


def tsv_docs(path: Path) -> list[Doc]:
    """`language<TAB>text` lines (# comments); pieces marked `[uk:Волинь без кордонів]` inside
    the text are of that language, every other letter of the line's language."""
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        main, marked = line.split("\t", 1)
        text, spans, pos = [], [], 0
        for m in _MARKED.finditer(marked):
            text.append(marked[pos : m.start()])
            start = sum(map(len, text))
            text.append(m.group(2))
            spans.append((start, start + len(m.group(2)), m.group(1)))
            pos = m.end()
        text.append(marked[pos:])
        plain = "".join(text)
        doc = Doc(f"{main}:{plain[:40]}", plain, [(0, len(plain))])
        doc.reference = {i: main for i, ch in enumerate(plain) if ch.isalpha()}
        for a, b, lang in spans:
            for i in range(a, b):
                if plain[i].isalpha():
                    doc.reference[i] = lang
                    doc.embedded.add(i)
        docs.append(doc)
    return docs


# ---------------------------------------------------------------- scoring

@dataclass
class Score:
    letters: int = 0
    correct: int = 0
    embedded: int = 0
    embedded_correct: int = 0
    docs_all_correct: int = 0
    docs: int = 0
    segments: int = 0
    seconds: float = 0.0
    chars: int = 0

    def row(self, corpus: str, system: str) -> str:
        acc = 100.0 * self.correct / self.letters if self.letters else float("nan")
        emb = f"{100.0 * self.embedded_correct / self.embedded:6.2f}" if self.embedded else "     -"
        sps = self.segments / self.seconds if self.seconds else float("inf")
        cps = self.chars / self.seconds / 1000 if self.seconds else float("inf")
        return (f"{corpus:<10} {system:<13} {self.docs:>5} {self.letters:>8} {acc:7.2f} {emb} "
                f"{self.docs_all_correct:>5} {self.segments:>6} {self.seconds:8.3f} {sps:9.0f} {cps:8.1f}")


HEADER = (f"{'corpus':<10} {'system':<13} {'docs':>5} {'letters':>8} {'acc%':>7} {'emb%':>6} "
          f"{'docOK':>5} {'segs':>6} {'seconds':>8} {'segs/s':>9} {'kchar/s':>8}")


def label_at(segments: list[Segment]) -> dict[int, str]:
    out = {}
    for s in segments:
        for i in range(s.start, s.end):
            out[i] = s.language
    return out


def evaluate(docs: list[Doc], run: Segmenter, repeat: int = 1) -> tuple[Score, list[tuple[str, str, str]]]:
    """Score one system (time: best of `repeat` passes, the machine is shared); also returns
    (doc, reference languages, predicted segment) for every wrongly labelled segment."""
    score = Score(docs=len(docs))
    warm = "Rozmowy w Mohylewie, the partners (свободной зоны «Могилев»). Вітаем у Гродне. Наші громади."
    run(warm, 0, len(warm))  # loads the models of every language
    times = []
    for _ in range(max(repeat, 1)):
        clear_caches()  # every pass starts cold: no unit remembered from the warm-up or a previous pass
        t0 = time.perf_counter()
        outputs = [[s for a, b in doc.ranges for s in run(doc.text, a, b)] for doc in docs]
        times.append(time.perf_counter() - t0)
    score.seconds = min(times)
    errors = []
    for doc, segs in zip(docs, outputs):
        score.segments += len(segs)
        score.chars += sum(b - a for a, b in doc.ranges)
        predicted = label_at(segs)
        wrong = 0
        for i, ref in doc.reference.items():
            ok = predicted.get(i, "und") == ref
            score.letters += 1
            score.correct += ok
            wrong += not ok
            if i in doc.embedded:
                score.embedded += 1
                score.embedded_correct += ok
        score.docs_all_correct += wrong == 0
        if wrong:
            for s in segs:
                refs = {doc.reference.get(i) for i in range(s.start, s.end)} - {None}
                if refs and refs != {s.language}:
                    errors.append((doc.name, "/".join(sorted(refs)), f"{s.language}: {doc.text[s.start:s.end][:70]!r}"))
    return score, errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--systems", default=",".join([*sorted(BACKENDS), "lingua-multi"]))
    parser.add_argument("--slavicner-docs", type=int, default=20, help="documents per topic/language folder")
    parser.add_argument("--corpora", default="devset,slavicner,short,mixed")
    parser.add_argument("--errors", type=int, default=0, help="print up to N wrong segments per system")
    parser.add_argument("--repeat", type=int, default=3, help="timing passes per system (best is kept)")
    args = parser.parse_args(argv)

    shared = shared_dir()
    corpora: dict[str, list[Doc]] = {}
    wanted = args.corpora.split(",")
    if "devset" in wanted:
        if (shared / "devset" / "articles").exists():
            corpora["devset"] = devset_docs(shared / "devset")
        else:
            print(f"devset skipped: {shared / 'devset'} is not there (set PIPELINE_SHARED)")
    if "slavicner" in wanted:
        if (shared / "ner" / "slavicner" / "raw").exists():
            corpora["slavicner"] = slavicner_docs(shared, args.slavicner_docs)
        else:
            print(f"slavicner skipped: {shared / 'ner' / 'slavicner'} is not there (set PIPELINE_SHARED)")
    if "short" in wanted:
        corpora["short"] = tsv_docs(SHORT_LIST)
    if "mixed" in wanted:
        corpora["mixed"] = tsv_docs(MIXED_LIST)

    print(f"default backend: {DEFAULT_BACKEND}")
    print(HEADER)
    for corpus, docs in corpora.items():
        for name, run in systems(args.systems.split(",")).items():
            score, errors = evaluate(docs, run, args.repeat)
            print(score.row(corpus, name + ("*" if name == DEFAULT_BACKEND else "")), flush=True)
            for e in errors[: args.errors]:
                print("    ", *e)
    print("acc% = letters whose segment language equals the reference; emb% = same on embedded letters only "
          "(devset: foreign-script letters; mixed: the marked pieces); docOK = documents without a wrong letter; "
          "* = default")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

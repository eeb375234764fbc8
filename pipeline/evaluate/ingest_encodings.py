"""How often ingest decodes legacy code pages right, against charset-normalizer alone.

    python -m pipeline.evaluate.ingest_encodings [--corpus devset|slavicner] [--docs N] [--lengths 16,32,64,128,0]

Material (../shared read at run time, never copied): `devset` = the decoded body text of
every devset article (through `pipeline.ingest`); `slavicner` = held-out news text the
detector was never looked at against: the first N raw documents (sorted) of every
topic/{pl,ru} folder of ../shared/ner/slavicner/raw. Each body is cut into windows of N characters (0 = the
whole body; windows start every N characters, only windows with a non-ASCII letter count),
and each window is encoded in every code page it fits: cp1250 and ISO-8859-2 for Latin
script, cp1251 and KOI8-R for Cyrillic (Polish letters do not fit cp1251, so mixed windows
fit none and are skipped). A decoding is right when it gives back exactly the window's text
(bytes that mean the same in two code pages count as right under either). Prints accuracy
per code page and window length for `pipeline.ingest.encoding.decode_bytes` and for
charset-normalizer's best guess.
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict

from charset_normalizer import from_bytes

from pipeline.ingest.encoding import DecodeError, decode_bytes
from pipeline.paths import shared_dir
from pipeline.record import Article

CODE_PAGES = ("cp1250", "iso-8859-2", "cp1251", "koi8-r")


def windows(text: str, size: int) -> list[str]:
    if size <= 0:
        return [text]
    return [text[i : i + size] for i in range(0, max(1, len(text) - size + 1), size)]


def ours(data: bytes) -> str | None:
    try:
        return decode_bytes(data).text
    except DecodeError:
        return None


def charset_normalizer_alone(data: bytes) -> str | None:
    best = from_bytes(data).best()
    return str(best) if best is not None else None


def load_bodies(corpus: str, docs: int) -> list[str] | None:
    """Texts to cut into windows; None (after a message) when ../shared lacks the corpus."""
    if corpus == "devset":
        folder = shared_dir() / "devset" / "articles"
    else:
        folder = shared_dir() / "ner" / "slavicner" / "raw"
    if not folder.is_dir():
        print(f"skipped: {folder} is not there (set PIPELINE_SHARED)")
        return None
    from pipeline.ingest import iter_articles

    if corpus == "devset":
        return [a.text[a.body_start :] for a in iter_articles([folder]) if isinstance(a, Article) and a.status == "ok"]
    files = []
    for lang_dir in sorted(p for p in folder.glob("*/*") if p.name in ("pl", "ru")):
        files.extend(sorted(lang_dir.glob("*.txt"))[:docs])
    return [f.read_text(encoding="utf-8", errors="replace") for f in files]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lengths", default="16,32,64,128,0")
    parser.add_argument("--corpus", choices=("devset", "slavicner"), default="devset")
    parser.add_argument("--docs", type=int, default=10, help="slavicner: documents per topic and language")
    args = parser.parse_args(argv)
    bodies = load_bodies(args.corpus, args.docs)
    if bodies is None:
        return 0
    systems = {"ingest": ours, "charset-normalizer": charset_normalizer_alone}
    right: dict[tuple[str, str, int], int] = defaultdict(int)
    total: dict[tuple[str, int], int] = defaultdict(int)
    lengths = [int(x) for x in args.lengths.split(",")]
    for size in lengths:
        for body in bodies:
            for window in windows(body, size):
                if window.isascii() or not any(ch.isalpha() and not ch.isascii() for ch in window):
                    continue
                for enc in CODE_PAGES:
                    try:
                        data = window.encode(enc)
                    except UnicodeEncodeError:
                        continue
                    total[(enc, size)] += 1
                    for name, decode in systems.items():
                        right[(name, enc, size)] += decode(data) == window
    print(f"{len(bodies)} {args.corpus} texts; accuracy = decoded text identical to the original window")
    print(f"{'code page':<11} {'window':>7} {'n':>6} " + " ".join(f"{name:>19}" for name in systems))
    for enc in CODE_PAGES:
        for size in lengths:
            n = total[(enc, size)]
            if not n:
                continue
            cells = " ".join(f"{right[(name, enc, size)] / n:>19.3f}" for name in systems)
            print(f"{enc:<11} {size or 'whole':>7} {n:>6} {cells}")
    for name in systems:
        n = sum(total.values())
        r = sum(v for (s, _, _), v in right.items() if s == name)
        print(f"overall {name}: {r}/{n} = {r / n:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

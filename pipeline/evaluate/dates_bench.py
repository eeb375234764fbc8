"""`python -m pipeline.evaluate.dates_bench`: our annotator vs plain dateparser search_dates.

Both run in this process over the same sentences: the written suite (tests/data) and the
devset sentences holding a gold event/agreement date (when ../shared is there).

Speed: sentences/s of `find_dates(s, lang, anchor)` and of plain
`dateparser.search.search_dates(s, languages=[lang])`, each after one warm-up pass, best of
`--repeat` passes, by wall clock and by CPU time of this process.

Accuracy, the same rule for both:
- suite positive: every expected value is produced and nothing else (TIME as `T:hh:mm`);
- suite negative: no date at all (dateparser: no result; ours: no DATE);
- devset sentence: the gold value is among the values produced (other dates may be there).
dateparser has no ranges or partial dates, so its datetimes are read generously: a range is
produced when both its ends are among the returned dates, a month / a year when some
returned date falls in it, a time when some returned datetime has that hour and minute. For
accuracy it is given the anchor as RELATIVE_BASE (plain, it resolves "wczoraj" against today),
and a second, strict configuration adds REQUIRE_PARTS=["month"] (no bare weekday such as
"nie" = niedziela) and PREFER_DATES_FROM="current_period"; speed is measured on the plain call.
"""
from __future__ import annotations

import argparse
import datetime as dt
import time
from dataclasses import dataclass

from pipeline.annotate.dates import find_dates
from pipeline.evaluate.dates_cases import case_passes, load_cases, render


@dataclass(frozen=True)
class Item:
    text: str
    lang: str
    anchor: dt.date | None
    expected: tuple[str, ...]
    strict: bool  # suite case (exact) or devset sentence (gold value among the produced ones)


def items() -> tuple[list[Item], int]:
    out = [Item(c.text, c.lang, c.anchor, c.expected, True) for c in load_cases()]
    n_suite = len(out)
    try:
        from pipeline.evaluate.dates_devset import load_gold_dates

        gold, _ = load_gold_dates()
    except SystemExit as exc:  # ../shared absent
        print(exc)
        return out, n_suite
    out += [Item(g.sentence, g.lang, g.anchor, (g.value,), False) for g in gold if g.sentence and not g.inferred]
    return out, n_suite


def _covers(value: str, found: list[dt.datetime]) -> list[int] | None:
    """Indexes of the dateparser results that make up `value` at its precision, or None."""
    if value.startswith("T:"):
        hits = [i for i, d in enumerate(found) if d.strftime("%H:%M") == value[2:7]]
        return hits[:1] or None
    parts = value.split("/")
    idx = []
    for part in parts:
        fmt = {10: "%Y-%m-%d", 7: "%Y-%m", 4: "%Y"}[len(part)]
        hit = next((i for i, d in enumerate(found) if d.strftime(fmt) == part and i not in idx), None)
        if hit is None:
            return None
        idx.append(hit)
    return idx


def dateparser_correct(item: Item, results) -> bool:
    found = [d for _, d in results or []]
    if not item.expected:
        return not found
    used: set[int] = set()
    for value in item.expected:
        idx = _covers(value, found)
        if idx is None:
            return False
        used.update(idx)
    return len(used) == len(found) if item.strict else True


def ours_correct(item: Item) -> bool:
    found = render(find_dates(item.text, item.lang, item.anchor))
    if item.strict:
        from pipeline.evaluate.dates_cases import Case

        return case_passes(Case(0, item.lang, item.anchor, item.expected, item.text), found)
    return item.expected[0] in found


def _timed(fn, sentences, repeat: int) -> tuple[float, float]:
    """(sentences per wall-clock second, per CPU second): best of `repeat` passes after a warm-up.

    CPU time is given too because the machine is shared: wall time varies with the load.
    """
    for s in sentences:  # warm-up: dateparser loads its language data lazily, we compile the grammar
        fn(s)
    wall = cpu = float("inf")
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        for s in sentences:
            fn(s)
        wall, cpu = min(wall, time.perf_counter() - t0), min(cpu, time.process_time() - c0)
    return len(sentences) / wall, len(sentences) / cpu


def main(argv: list[str] | None = None) -> None:
    from dateparser.search import search_dates

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    data, n_suite = items()
    print(f"sentences: {len(data)} ({n_suite} suite cases, {len(data) - n_suite} devset sentences with a stated gold date)")

    ours_rate = _timed(lambda it: find_dates(it.text, it.lang, it.anchor), data, args.repeat)
    dp_rate = _timed(lambda it: search_dates(it.text, languages=[it.lang]), data, args.repeat)

    def dp(it: Item, strict: bool):
        settings = {"RELATIVE_BASE": dt.datetime.combine(it.anchor, dt.time())} if it.anchor else {}
        if strict:  # dateparser as the issue suggests using it: a fixed language and required parts
            settings.update(REQUIRE_PARTS=["month"], PREFER_DATES_FROM="current_period")
        return dateparser_correct(it, search_dates(it.text, languages=[it.lang], settings=settings or None))

    systems = {"ours": ours_correct, "dateparser": lambda it: dp(it, False),
               "dateparser strict": lambda it: dp(it, True)}
    right = {name: [fn(it) for it in data] for name, fn in systems.items()}
    groups = {"suite positives": lambda i: i.strict and bool(i.expected),
              "suite negatives": lambda i: i.strict and not i.expected,
              "devset sentences": lambda i: not i.strict, "all": lambda i: True}
    print(f"{'':18s}" + "".join(f"{name:>20s}" for name in systems))
    for group, keep in groups.items():
        idx = [k for k, it in enumerate(data) if keep(it)]
        if not idx:
            continue
        cells = []
        for name in systems:
            ok = sum(right[name][k] for k in idx)
            cells.append(f"{ok:5d}/{len(idx):<4d}{100 * ok / len(idx):6.1f} %")
        print(f"{group:18s}" + "".join(f"{c:>20s}" for c in cells))
    for i, clock in enumerate(("wall-clock", "CPU")):
        print(f"speed ({clock}): ours {ours_rate[i]:,.0f} sentences/s, plain search_dates {dp_rate[i]:,.0f} "
              f"sentences/s -> {ours_rate[i] / dp_rate[i]:.1f}x")


if __name__ == "__main__":
    main()

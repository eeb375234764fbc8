"""`python -m pipeline.evaluate.dates`: how right the date annotator is, in figures.

1. The written suite (`tests/data/dates_cases.tsv`): exact cases among positives, negatives
   with a false DATE.
2. The devset gold: every event (date_start/date_end) and agreement (date) with a date. Its
   evidence quote is located in the ingested article text and widened to its sentence;
   `find_dates(sentence, language, anchor=published)` is run on that sentence. Counted:
   - *hit*: the gold value (``START/END`` for a range) is among the sentence's DATE values
     (multi-year periods such as "2018–2019 годы" are not event dates and are left out);
   - *first*: the sentence's first DATE value is the gold value.
   Split by the gold's `date_inferred`: inferred dates (ordinal days, a signing dated by its
   event) are mostly not in the sentence, so the figure to read is the one for stated dates.
   Ordinal days: for the inferred items whose sentence has an ordinal ("Drugiego dnia",
   "В заключительный день"), `ordinal_day` gives n and the date is day n (or the last day) of
   the article's first multi-day range; counted right when it equals the gold date.
3. False dates over the whole bodies of the two hard negatives (018 report, 021 maj/nie/się).
4. Publication dates: ingest's `published` (parsed by `parse_published`) against the gold.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json

from pipeline.annotate.dates import find_dates
from pipeline.evaluate.dates_cases import case_passes, load_cases, render
from pipeline.paths import require_shared

FALSE_DATE_ARTICLES = ("018_hard_negative_raport.txt", "021_hard_maj_nie_sie.txt")


def event_dates(sentence: str, lang: str, anchor: dt.date | None) -> list[str]:
    """DATE values of a sentence that can date an event (periods of years excluded)."""
    return [d.value for d in find_dates(sentence, lang, anchor) if d.label == "DATE" and d.kind != "period"]


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} = {100 * a / b:.1f} %" if b else f"{a}/0"


def suite_report(verbose: bool) -> None:
    cases = load_cases()
    pos = [c for c in cases if not c.negative]
    neg = [c for c in cases if c.negative]
    bad_pos = [(c, render(find_dates(c.text, c.lang, c.anchor))) for c in pos]
    bad_pos = [(c, f) for c, f in bad_pos if not case_passes(c, f)]
    bad_neg = [(c, render(find_dates(c.text, c.lang, c.anchor))) for c in neg]
    bad_neg = [(c, f) for c, f in bad_neg if not case_passes(c, f)]
    by_lang = {lang: sum(1 for c in cases if c.lang == lang) for lang in sorted({c.lang for c in cases})}
    print(f"suite: {len(cases)} cases {by_lang}, {len(pos)} positive, {len(neg)} negative")
    print(f"  positives exact: {_pct(len(pos) - len(bad_pos), len(pos))}")
    print(f"  negatives with a false DATE: {len(bad_neg)}")
    for c, f in (bad_pos + bad_neg) if verbose else []:
        print(f"    line {c.line} [{c.lang}] expected {c.expected} got {f}: {c.text}")


def devset_report(verbose: bool) -> None:
    from pipeline.evaluate.dates_devset import load_gold_dates

    items, articles = load_gold_dates()
    rows = []
    for it in items:
        article = articles.get(it.source)
        anchor = dt.date.fromisoformat(article.published) if article and article.published else None
        found = event_dates(it.sentence, it.lang, anchor) if it.sentence else []
        rows.append((it, found, it.value in found, bool(found) and found[0] == it.value))
    print(f"devset: {len(items)} dated gold items ({sum(1 for i in items if i.kind == 'event')} events, "
          f"{sum(1 for i in items if i.kind == 'agreement')} agreements); "
          f"evidence not located: {sum(1 for i in items if not i.sentence)}")
    for name, keep in (("stated (date_inferred=false)", lambda i: not i.inferred),
                       ("inferred (date_inferred=true)", lambda i: i.inferred), ("all", lambda i: True)):
        sel = [r for r in rows if keep(r[0])]
        print(f"  {name:31s} hit {_pct(sum(r[2] for r in sel), len(sel))};"
              f"  first {_pct(sum(r[3] for r in sel), len(sel))}")
    for it, found, hit, _ in rows if verbose else []:
        print(f"    {'hit ' if hit else 'MISS'} {'inf' if it.inferred else '   '} {it.value:23s} {found} | {it.sentence[:90]}")
    _ordinal_days(items, articles)
    _false_dates(articles)
    _published(articles)


def _ordinal_days(items: list, articles: dict) -> None:
    """`ordinal_day` on the inferred items: day n of the article's first multi-day range."""
    from pipeline.annotate.dates import ordinal_day

    sel = [(it, ordinal_day(it.sentence, it.lang)) for it in items if it.inferred and it.sentence]
    sel = [(it, n) for it, n in sel if n is not None]
    right = 0
    for it, n in sel:
        article = articles[it.source]
        anchor = dt.date.fromisoformat(article.published) if article.published else None
        ranges = [d.value.split("/") for d in find_dates(article.text[article.body_start:], it.lang, anchor)
                  if d.kind == "range" and len(d.value) == 21]
        if ranges:
            first, last = (dt.date.fromisoformat(x) for x in ranges[0])
            day = last if n == -1 else first + dt.timedelta(days=n - 1)
            right += day <= last and day.isoformat() == it.value
    print(f"  ordinal days (inferred items whose sentence has one: day n of the article's first day range): "
          f"{_pct(right, len(sel))}")


def _false_dates(articles: dict) -> None:
    for source in FALSE_DATE_ARTICLES:
        article = articles.get(source)
        if article is None:
            continue
        anchor = dt.date.fromisoformat(article.published) if article.published else None
        found = [d for d in find_dates(article.text[article.body_start:], "pl", anchor) if d.label == "DATE"]
        shown = ", ".join(f"{d.text!r}={d.value}{' (period)' if d.kind == 'period' else ''}" for d in found)
        print(f"  DATE mentions in the body of {source}: {len(found)}: {shown}")


def _published(articles: dict) -> None:
    gold_dir = require_shared("devset", "gold")
    pairs = [(json.loads(p.read_text(encoding="utf-8")), None) for p in sorted(gold_dir.glob("*.json"))]
    same = sum(1 for g, _ in pairs if articles.get(g["source"]) and articles[g["source"]].published == g["published"])
    print(f"  publication dates (ingest -> parse_published) equal to gold: {_pct(same, len(pairs))}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every failing case / devset item")
    args = parser.parse_args(argv)
    suite_report(args.verbose)
    devset_report(args.verbose)


if __name__ == "__main__":
    main()

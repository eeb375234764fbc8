"""Gold dates of the devset, each with the sentence its evidence quote sits in.

Articles are read with the project's ingest (encodings, HTML `<article>`, JSON Lines, gzip);
the gold is `../shared/devset/gold/*.json`. An item is an event (`date_start`/`date_end`) or
an agreement (`date`) with a non-null date. Its sentence is the stretch of the article text
around the evidence quote, cut at line breaks and at `.!?` followed by a capital letter.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.paths import require_shared

_SENT_END = re.compile(r"\n|[.!?…](?=\s+[\"„«(–—-]?[A-ZĄĆĘŁŃÓŚŹŻА-ЯЁІЎЄЇҐ0-9])")
_ABBREVIATIONS = {"ul", "al", "pl", "pt", "nr", "ok", "godz", "tel", "im", "św", "tj", "ks", "prof", "dr",
                  "ул", "пр", "им", "вул", "тел", "д", "ш"}
_CYRILLIC = re.compile(r"[а-яёіўєїґ]", re.IGNORECASE)
_LATIN = re.compile(r"[a-ząćęłńóśźż]", re.IGNORECASE)


@dataclass(frozen=True)
class GoldDate:
    source: str
    kind: str  # event / agreement
    value: str  # ISO value, range as START/END
    inferred: bool
    evidence: str
    sentence: str  # "" when the evidence was not found in the text
    lang: str
    anchor: dt.date | None


def gold_value(start: str | None, end: str | None) -> str:
    if not start:
        return ""
    return start if not end or end == start else f"{start}/{end}"


def _collapsed(text: str) -> tuple[str, list[int]]:
    """Text with whitespace runs collapsed to one space, and the source offset of each char."""
    out, index, prev_space = [], [], False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not prev_space:
                out.append(" ")
                index.append(i)
            prev_space = True
        else:
            out.append(ch)
            index.append(i)
            prev_space = False
    return "".join(out), index


def sentence_of(text: str, quote: str) -> str:
    """The sentence of `text` that holds `quote` (whitespace-insensitive), "" if absent."""
    flat, index = _collapsed(text)
    pos = flat.find(" ".join(quote.split()))
    if pos < 0:
        return ""
    a, b = index[pos], index[pos + len(" ".join(quote.split())) - 1] + 1
    start, end = 0, len(text)
    for m in _SENT_END.finditer(text):
        if _after_abbreviation(text, m.start()):
            continue
        if m.start() < a:
            start = m.end()
        elif m.start() >= b:
            end = m.end()
            break
    return " ".join(text[start:end].split())


def _after_abbreviation(text: str, dot: int) -> bool:
    """A full stop that ends an abbreviation ("ul. 3 Maja", "pt. „Sąsiedzi”") ends no sentence."""
    word = re.search(r"(\w+)$", text[max(0, dot - 8):dot])
    return bool(word) and text[dot] == "." and word.group(1).lower() in _ABBREVIATIONS


def sentence_language(sentence: str, article_lang: str) -> str:
    """The article's language, or `ru` for a Cyrillic sentence inside a Latin-script article."""
    if article_lang == "pl" and len(_CYRILLIC.findall(sentence)) > len(_LATIN.findall(sentence)):
        return "ru"
    return article_lang


def _articles(articles_dir: Path) -> dict[str, object]:
    from pipeline.ingest import iter_articles

    return {a.source: a for a in iter_articles([articles_dir]) if hasattr(a, "text")}


def load_gold_dates() -> tuple[list[GoldDate], dict[str, object]]:
    """All dated gold items with their sentences, and the ingested articles by source."""
    gold_dir = require_shared("devset", "gold")
    articles = _articles(require_shared("devset", "articles"))
    items: list[GoldDate] = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        article = articles.get(gold["source"])
        text = article.text[article.body_start:] if article else ""
        anchor = dt.date.fromisoformat(gold["published"]) if gold.get("published") else None
        rows = [("event", gold_value(e["date_start"], e["date_end"]), e) for e in gold["events"]]
        rows += [("agreement", gold_value(a["date"], a["date"]), a) for a in gold["agreements"]]
        for kind, value, row in rows:
            if not value:
                continue
            sentence = sentence_of(text, row["evidence"])
            items.append(GoldDate(gold["source"], kind, value, bool(row["date_inferred"]), row["evidence"],
                                  sentence, sentence_language(sentence, gold["language"]), anchor))
    return items, articles

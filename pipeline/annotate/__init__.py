"""Annotate stage: language segments, sentences, entity mentions and dates.

The article's dominant language picks the spaCy pipeline that reads the whole text
(sentences + NER). Segments of another language inside it (a Russian name in parentheses
in a Polish sentence) are re-read by that language's fragment NER where one is declared,
and dates are found per sentence piece with the date grammar of the piece's language.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from functools import lru_cache
from typing import Iterable

from pipeline.annotate.dates import anchor_from_text, find_dates
from pipeline.annotate.nlp import fragment_ner, get_nlp
from pipeline.record import Article, Mention, Segment, Sentence
from pipeline.segment import dominant_language, segment

_HEADER_TITLE = re.compile(r"^title:[ \t]*(.*?)[ \t]*\r?$", re.IGNORECASE | re.MULTILINE)
# labels the date annotator owns; the NER model's own DATE/TIME guesses are dropped
DATE_LABELS = {"DATE", "TIME"}


def annotated_regions(article: Article) -> list[tuple[int, int]]:
    """Spans of the source text that are annotated: the header's title value and the body."""
    regions = []
    if article.body_start:
        m = _HEADER_TITLE.search(article.text, 0, article.body_start)
        if m and m.group(1):
            regions.append((m.start(1), m.end(1)))
    if article.body_start < len(article.text):
        regions.append((article.body_start, len(article.text)))
    return regions


def _without_space(text: str, a: int, b: int) -> tuple[int, int]:
    """[a, b) without the whitespace at its edges: a model's span may take in the line break
    after a name that ends a paragraph, which would stay in its lemma and its table name."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


class _LanguageMap:
    """Language of any offset, from the article's segments."""

    def __init__(self, segments: list[Segment]):
        self.segments = segments
        self.starts = [s.start for s in segments]

    def at(self, offset: int) -> Segment | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and self.segments[i].start <= offset < self.segments[i].end:
            return self.segments[i]
        return None

    def lang(self, offset: int, default: str) -> str:
        seg = self.at(offset)
        return seg.language if seg else default

    def pieces(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """(start, end, language) runs of [start, end) cut at segment borders."""
        out = []
        i = max(bisect.bisect_right(self.starts, start) - 1, 0)
        while i < len(self.segments) and self.segments[i].start < end:
            seg = self.segments[i]
            a, b = max(seg.start, start), min(seg.end, end)
            if a < b:
                out.append((a, b, seg.language))
            i += 1
        return out or [(start, end, "und")]


def _anchor(article: Article) -> dt.date | None:
    """The publication date; where missing, the latest full date in the text's first lines."""
    if article.published:
        try:
            return dt.date.fromisoformat(article.published[:10])
        except ValueError:
            pass
    return anchor_from_text(article.text[article.body_start:], article.language)


def _coverage(runs: Iterable[tuple[int, int, str]]) -> dict[str, int]:
    """Characters covered per language (`und` left out)."""
    weights: dict[str, int] = {}
    for a, b, lang in runs:
        if lang != "und":
            weights[lang] = weights.get(lang, 0) + (b - a)
    return weights


def _majority_language(pieces: list[tuple[int, int, str]], default: str) -> str:
    weights = _coverage(pieces)
    return max(sorted(weights), key=weights.__getitem__) if weights else default


def annotate(article: Article) -> Article:
    text = article.text
    regions = annotated_regions(article)
    hint = article.meta.get("language") or None
    segments: list[Segment] = []
    for start, end in regions:
        segments.extend(segment(text, start, end, hint=hint))
    article.segments = segments
    article.language = dominant_language(segments, text)
    coverage = _coverage((s.start, s.end, s.language) for s in segments)
    article.languages = sorted(coverage, key=lambda k: (-coverage[k], k))
    langs = _LanguageMap(segments)
    nlp = get_nlp(article.language)
    anchor = _anchor(article)
    mentions: list[Mention] = []
    sentences: list[Sentence] = []

    # the regions (title, body) go through the pipeline as one batch: measured ~1-2 ms/article
    # less than one call per region for the Polish model (same entities and sentences)
    for (start, end), doc in zip(regions, nlp.pipe([text[a:b] for a, b in regions])):
        for sent in doc.sents:
            a, b = _without_space(text, start + sent.start_char, start + sent.end_char)
            if a < b:
                sentences.append(Sentence(a, b, _majority_language(langs.pieces(a, b), article.language)))
        for ent in doc.ents:
            a, b = _without_space(text, start + ent.start_char, start + ent.end_char)
            if ent.label_ in DATE_LABELS or a == b:
                continue
            seg_lang = langs.lang(a, article.language)
            if seg_lang != article.language and fragment_ner(seg_lang):
                continue  # that fragment is read by its own language's NER below
            mentions.append(Mention(a, b, text[a:b], ent.label_, seg_lang, source=f"ner:{article.language}"))

    for seg in segments:
        if seg.language == article.language or fragment_ner(seg.language) is None:
            continue
        for a, b, label in _fragment_entities(text[seg.start:seg.end], seg.language):
            a, b = _without_space(text, seg.start + a, seg.start + b)
            if a == b:
                continue
            mentions.append(Mention(a, b, text[a:b], label, seg.language, source=f"fragment:{seg.language}"))

    for sent in sentences:
        for a, b, lang in langs.pieces(sent.start, sent.end):
            for d in find_dates(text[a:b], lang if lang != "und" else sent.language, anchor):
                m = Mention(a + d.start, a + d.end, d.text, d.label, lang, lemma=d.value, source="dates")
                m.attrs.update(relative=d.relative, year_from_anchor=d.year_from_anchor, kind=d.kind)
                mentions.append(m)

    mentions.sort(key=lambda m: (m.start, m.end, m.label))
    article.mentions = _drop_overlaps(mentions)
    article.sentences = sentences
    return article


@lru_cache(maxsize=20_000)
def _fragment_entities(piece: str, lang: str) -> tuple[tuple[int, int, str], ...]:
    """Entities of an embedded fragment, offsets into it. A fragment finder reads only its own
    piece, and the same names (partners' names in Russian or Belarusian) recur from article to
    article, so each piece is read once per process (~3 ms of natasha per fragment)."""
    return tuple(fragment_ner(lang)(piece, 0, len(piece), lang))


def _drop_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep mentions that do not overlap an earlier kept one of a longer span (DATE wins ties)."""
    ranked = sorted(mentions, key=lambda m: (-(m.end - m.start), m.label not in DATE_LABELS, m.start))
    kept: list[Mention] = []
    for m in ranked:
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: (m.start, m.end, m.label))

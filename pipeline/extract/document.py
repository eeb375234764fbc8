"""The article as the extractor reads it: body lines (headings vs paragraphs), sentences
inside them with their words and mentions.

Why lines: a heading ("Spotkanie w Mohylewie") introduces the paragraph after it and the
sentence splitter may glue it to that paragraph, so lines are cut first and the annotator's
sentences are clipped to them. Reading stops at a related-articles or comments heading
("Zobacz także", "Читайте также", "Komentarze"): dates there are not events.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.extract.lexicon import CYRILLIC, Token, fold, tokenize, vocab
from pipeline.record import Article, Mention, Place

SENT_END = re.compile(r"[.!?…:;»\"”)]\s*$")
FALLBACK_SPLIT = re.compile(r"(?<=[.!?…])\s+(?=[\"„«(–-]?[A-ZÀ-ŽА-ЯЁЎІЄЇ0-9])")
QUOTES = re.compile(r"„[^”\"\n]{1,120}[”\"]|«[^»\n]{1,120}»|\"[^\"\n]{1,120}\"|“[^”\n]{1,120}”")
MAX_HEADING_WORDS = 14
# a sentence cut after a number, an abbreviation or a comma goes on in the next one
CUT_TAIL = re.compile(r"(?:\b\d{1,2}\.|\b(?:dn|ul|nr|np|godz|im|tzw|m\.in|ул|им|т\.е|вул)\.|[,–-])\s*$", re.IGNORECASE)
GOES_ON = re.compile(r"^\s*[a-ząćęłńóśźżа-яёўіє(,;:)]")  # a digit may open a sentence ("13 мая ...")
# a piece that is only a date cut after its year mark ("17 maja 2019 r.", "5 мая 2018 г.") opens
# the sentence after it
DATE_ONLY = re.compile(r"^\W*(?:\w{1,7}\s+){0,2}\d{1,2}(?:[-–]\d{1,2})?[\s.]+\w+\.?\s+\d{4}\s*(?:r|г|g)\.\s*$",
                       re.IGNORECASE)


@dataclass
class Sent:
    start: int
    end: int
    lang: str
    block: int  # index of its line
    heading: bool
    tokens: list[Token]
    mentions: list[Mention]
    quotes: list[tuple[int, int]] = field(default_factory=list)  # quoted spans (titles)

    def text(self, article: Article) -> str:
        return article.text[self.start:self.end]

    def token_index(self, offset: int) -> int:
        """Index of the first token at or after `offset` (len(tokens) if none)."""
        for i, t in enumerate(self.tokens):
            if t.end > offset:
                return i
        return len(self.tokens)

    def in_quote(self, offset: int) -> bool:
        return any(a <= offset < b for a, b in self.quotes)


def _stop_words() -> list[str]:
    words: list[str] = []
    for lang in ("pl", "ru", "be", "uk"):
        v = vocab(lang)
        if v:
            words += v.words("stop_headings")
    return words


def _is_stop_line(line: str, stops: list[str]) -> bool:
    """"Zobacz także", "Читайте также", "Komentarze (2)", "Tagi: forum, Brześć"."""
    head = fold(line.strip()).split(":", 1)
    if len(head) == 2 and head[0].strip() in stops:
        return True
    low = fold(re.sub(r"[\s(\d)]+$", "", line.strip().rstrip(":"))).strip()
    return bool(low) and any(low == s or (low.startswith(s) and len(low) <= len(s) + 3) for s in stops)


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    for line in text[start:end].split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def _is_heading(line: str) -> bool:
    words = line.split()
    return len(words) <= MAX_HEADING_WORDS and not SENT_END.search(line)


def _sentence_spans(article: Article, a: int, b: int) -> list[tuple[int, int]]:
    spans = []
    for s in article.sentences:
        lo, hi = max(s.start, a), min(s.end, b)
        if lo < hi and article.text[lo:hi].strip():
            spans.append((lo, hi))
    if not spans:
        pos = a
        for m in FALLBACK_SPLIT.finditer(article.text, a, b):
            spans.append((pos, m.start()))
            pos = m.end()
        spans.append((pos, b))
    # cover gaps (text the annotator's sentences left out of this line)
    out, pos = [], a
    for lo, hi in sorted(spans):
        if lo > pos and article.text[pos:lo].strip():
            out.append((pos, lo))
        if hi > pos:
            out.append((max(lo, pos), hi))
            pos = hi
    if pos < b and article.text[pos:b].strip():
        out.append((pos, b))
    out = [(lo, hi) for lo, hi in out if any(c.isalnum() for c in article.text[lo:hi])]
    return _glue(article.text, out)


def _glue(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join sentence pieces the splitter cut at "r.", "1.", "8.10.2019" and the like."""
    out: list[tuple[int, int]] = []
    for lo, hi in spans:
        prev = text[out[-1][0]:out[-1][1]] if out else ""
        if out and (CUT_TAIL.search(prev) or GOES_ON.match(text[lo:hi]) or DATE_ONLY.match(prev)):
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def _sentence_language(article: Article, a: int, b: int) -> str:
    for s in article.sentences:
        if s.start <= a < s.end and s.language not in ("", "und"):
            return s.language
    chunk = article.text[a:b]
    if CYRILLIC.search(chunk) and article.language not in ("ru", "be", "uk"):
        return "ru"
    return article.language if article.language not in ("", "und") else ("ru" if CYRILLIC.search(chunk) else "pl")


OPEN_Q, CLOSE_Q = "„«“", "”»"
QUOTE_MARK = re.compile(f"[{OPEN_Q}{CLOSE_Q}]")


def _quotes(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Quoted spans of a sentence: titles in quotes, and direct speech that runs over the
    sentence border («Мы приехали ... договариваться. Уже весной ... в Могилеве», – podsumował)."""
    spans = [(lo + q.start(), lo + q.end()) for q in QUOTES.finditer(text[lo:hi])]
    chunk = text[lo:hi]
    inside = [(a - lo, b - lo) for a, b in spans]
    free = [m.start() for m in QUOTE_MARK.finditer(chunk) if not any(a <= m.start() < b for a, b in inside)]
    closes = [i for i in free if chunk[i] in CLOSE_Q]
    opens = [i for i in free if chunk[i] in OPEN_Q]
    if closes and (not opens or closes[0] < opens[0]):
        spans.append((lo, lo + closes[0] + 1))
    if opens and (not closes or opens[-1] > closes[-1]):
        spans.append((lo + opens[-1], hi))
    if chunk.lstrip().startswith(("–", "—", "- ")):  # dialogue line: "– ... – mówił prezes"
        cut = max(chunk.rfind(" – "), chunk.rfind(" — "))
        if cut > 0:
            spans.append((lo, lo + cut))
    return spans


def read(article: Article) -> list[Sent]:
    """The body's sentences in text order, each knowing its line and whether it is a heading."""
    text = article.text
    stops = _stop_words()
    mentions = sorted(article.mentions, key=lambda m: (m.start, m.end))
    sents: list[Sent] = []
    for block, (a, b) in enumerate(_lines(text, article.body_start, len(text))):
        line = text[a:b]
        if _is_stop_line(line, stops):
            break
        heading = _is_heading(line)
        for lo, hi in _sentence_spans(article, a, b):
            lang = _sentence_language(article, lo, hi)
            ms = [m for m in mentions if m.start >= lo and m.end <= hi]
            quotes = _quotes(text, lo, hi)
            sents.append(Sent(lo, hi, lang, block, heading, tokenize(text, lo, hi), ms, quotes))
    return sents


def title_sent(article: Article) -> Sent | None:
    """The headline of a .txt header (`title: ...`) as a sentence of its own, where the text
    holds it before the body: "Fundacja X zaprasza na szkolenie" may name the organiser the body
    leaves out."""
    at = article.text.find(article.title, 0, article.body_start) if article.title else -1
    if at < 0:
        return None
    lo, hi = at, at + len(article.title)
    ms = [m for m in sorted(article.mentions, key=lambda m: (m.start, m.end)) if m.start >= lo and m.end <= hi]
    return Sent(lo, hi, _sentence_language(article, lo, hi), -1, True, tokenize(article.text, lo, hi), ms,
                _quotes(article.text, lo, hi))


def place_of(article: Article, m: Mention) -> Place | None:
    return article.places.get(m.entity_key) if m.entity_key else None

"""Turning decoded content into `Article` records (one per article file or record)."""
from __future__ import annotations

from typing import Any

from pipeline.record import Article

from .htmlfile import HtmlTooDeep, parse_html
from .ids import article_id
from .published import parse_published
from .records import Record
from .textfile import parse_head


def failed(source: str, reason: str, id_root: str = "", status: str = "error", **meta: Any) -> Article:
    """An article that could not be read: it still gets a row (status empty/error)."""
    return Article(
        article_id=article_id(source, id_root), source=source, text="", text_is_file=False,
        status=status, error=reason, meta=dict(meta),
    )


def _article(source: str, id_root: str, text: str, empty_reason: str, body_start: int = 0, **fields: Any) -> Article:
    """An article read from content; status `empty` with `empty_reason` when it has no text."""
    article = Article(article_id=article_id(source, id_root), source=source, text=text, body_start=body_start, **fields)
    if not text.strip():
        article.status, article.error = "empty", empty_reason
    elif not text[body_start:].strip():
        article.status, article.error = "empty", "no body text after the header"
    return article


def from_txt(source: str, text: str, encoding: str, id_root: str = "") -> Article:
    """A `.txt` article: the whole decoded file is the text; header metadata parsed."""
    head = parse_head(text)
    return _article(
        source, id_root, text, "empty file", head.body_start,
        url=head.url, title=head.title, published=head.published, text_is_file=True,
        meta={**head.meta, "encoding": encoding, "format": "txt"},
    )


def from_html(source: str, html: str, encoding: str, id_root: str = "") -> Article:
    """An HTML page: the extracted main text is the article text (`text_is_file` False)."""
    try:
        page = parse_html(html)
    except HtmlTooDeep as exc:
        return failed(source, str(exc), id_root, format="html", encoding=encoding)
    return _article(
        source, id_root, page.text, "no article text found in HTML",
        url=page.url, title=page.title, published=page.published, text_is_file=False,
        meta={"encoding": encoding, "format": "html"},
    )


def from_record(source: str, record: Record, fmt: str, encoding: str, id_root: str = "") -> Article:
    """One record of a `.jsonl`/`.json`/`.csv` file."""
    if record.error:
        return failed(source, record.error, id_root, format=fmt)
    return _article(
        source, id_root, record.text, "record text is empty",
        url=record.url, title=record.title, published=parse_published(record.published_raw),
        text_is_file=False, meta={**record.meta, "encoding": encoding, "format": fmt},
    )

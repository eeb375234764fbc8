"""`.html` articles: the main article text, title, url and publication date.

The container is `<article>` (the one with most text), else `<main>`, else the element
holding most paragraph text, else `<body>`. Menus, sidebars, footers, forms and scripts are
dropped; block elements become paragraphs separated by a blank line. Parsing is done by
selectolax (lexbor), which never fetches anything.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .published import parse_published

DROP_TAGS = (
    "script", "style", "noscript", "template", "iframe", "svg", "nav", "aside", "footer",
    "form", "button", "select", "textarea", "object", "embed", "canvas", "dialog",
)
BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol blockquote pre section article header footer main table "
    "tr td th thead tbody dd dt dl figcaption figure address hr fieldset details summary caption "
    "center".split()
)
_BOILERPLATE = re.compile(
    r"(?:^|[\s_-])(sidebar|related|share|sharing|social|breadcrumbs?|newsletter|advert|ads|promo|cookies?|menu)(?:$|[\s_-])",
    re.I,
)
# the article's own furniture: byline, category and date line, view count, tag list
_PAGE_META = re.compile(r"(?:^|[\s_-])(meta|byline|author|views|tags?)(?:$|[\s_-])", re.I)
META_MAX_CHARS = 300  # a longer block so labelled is content, whatever its class says
MAX_DEPTH = 4000  # element nesting refused above: tree building is quadratic in depth
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*?(/?)>")
# void elements and those whose end tag may be left out never deepen the tree much
_NEUTRAL = frozenset(
    "area base br col embed hr img input link meta param source track wbr p li td th tr dt dd option "
    "optgroup tbody thead tfoot colgroup caption rb rt rp html head body".split()
)
COVER = 0.6  # share of the page's paragraph text the content box must hold
MAX_CLIMB = 100  # ancestors credited per paragraph (bounds work on absurdly deep markup)
_SPACE = re.compile(r"[ \t\n\r\f\v]+")
_VISIBLE_DATE = re.compile(r"\b(\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2})\b")
_META_DATE = (
    'meta[property="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="article:published_time"]',
    'meta[name="pubdate"]',
    'meta[name="publishdate"]',
    'meta[name="date"]',
    'meta[name="DC.date.issued"]',
)


class HtmlTooDeep(Exception):
    """Markup nested so deep that parsing it would take minutes (a hostile or broken page)."""


def nesting_depth(html: str, limit: int = MAX_DEPTH) -> int:
    """Upper bound of the element nesting depth from a linear scan of the tags, stopping
    once past `limit`. Counts conservatively (tags inside scripts count too)."""
    depth = deepest = 0
    for m in _TAG.finditer(html):
        name = m.group(2).lower()
        if name in _NEUTRAL or m.group(3):
            continue
        if m.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    break
    return deepest


@dataclass
class HtmlArticle:
    text: str
    title: str
    url: str
    published: str


def _collapse(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _attr(node: LexborNode | None, name: str) -> str:
    if node is None:
        return ""
    value = node.attributes.get(name)
    return value.strip() if isinstance(value, str) else ""


def _text_len(node: LexborNode) -> int:
    return len(_collapse(node.text(deep=True, separator=" ")))


def _drop_boilerplate(container: LexborNode) -> None:
    for tag in DROP_TAGS:
        for node in container.css(tag):
            node.decompose()
    for node in container.css("[class], [id]"):
        label = f"{_attr(node, 'class')} {_attr(node, 'id')}"
        if node.mem_id != container.mem_id and _BOILERPLATE.search(label) and node.tag not in ("article", "main", "body"):
            node.decompose()


def _drop_page_meta(container: LexborNode) -> None:
    """Byline and category lines (`23 maja 2018 · Redakcja`, `Образование · 28 октября 2019`)
    are no article text: their words would come out as organisations and places."""
    for node in container.css("[class], [id]"):
        label = f"{_attr(node, 'class')} {_attr(node, 'id')}"
        if node.mem_id != container.mem_id and node.tag not in ("article", "main", "body") \
                and _PAGE_META.search(label) and _text_len(node) <= META_MAX_CHARS:
            node.decompose()


def _main_container(tree: LexborHTMLParser) -> LexborNode | None:
    articles = tree.css("article")
    if articles:
        return max(articles, key=_text_len)
    main = tree.css_first("main")
    if main is not None:
        return main
    return _densest_block(tree) or tree.body


def _densest_block(tree: LexborHTMLParser) -> LexborNode | None:
    """The tightest element holding COVER of the page's paragraph text (no `<article>`/`<main>`).

    Every `<p>` credits its length to its ancestors (up to MAX_CLIMB levels); of the elements
    credited with at least COVER of the total, the one with the least credit — the deepest
    such box — is the content, so scattered `<div><p>` wrappers and navigation are handled alike.
    """
    credit: dict[int, list] = {}
    total = 0
    for p in tree.css("p"):
        n = _text_len(p)
        if not n:
            continue
        total += n
        node, depth = p.parent, 0
        while node is not None and depth < MAX_CLIMB and node.tag not in ("html", "-document"):
            entry = credit.setdefault(node.mem_id, [0, depth, node])
            entry[0] += n
            node, depth = node.parent, depth + 1
    boxes = [e for e in credit.values() if e[0] >= COVER * total]
    if not total or not boxes:
        return None
    return min(boxes, key=lambda e: (e[0], e[1]))[2]


def block_text(container: LexborNode) -> str:
    """Text of `container`, one paragraph per block element, paragraphs split by a blank line.

    Iterative (explicit stack) so that deeply nested markup cannot exhaust recursion.
    """
    paragraphs: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        lines = [_collapse(part) for part in "".join(buffer).split("\n")]
        para = "\n".join(line for line in lines if line)
        if para:
            paragraphs.append(para)
        buffer.clear()

    stack: list[tuple[LexborNode, bool]] = [(container, True)]
    while stack:
        node, entering = stack.pop()
        if node.is_text_node:
            buffer.append((node.text_content or "").replace("\n", " "))
            continue
        if not node.is_element_node and node is not container:
            continue
        tag = node.tag
        if not entering:
            if tag in BLOCK_TAGS:
                flush()
            continue
        if tag == "br":
            buffer.append("\n")
            continue
        if tag in BLOCK_TAGS:
            flush()
        stack.append((node, False))
        children: list[LexborNode] = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, True) for c in reversed(children))
    flush()
    return "\n\n".join(paragraphs)


def _json_ld_date(tree: LexborHTMLParser) -> str:
    for script in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(script.text(deep=True) or "")
        except (ValueError, RecursionError):
            continue
        todo = [data]
        while todo:
            item = todo.pop()
            if isinstance(item, list):
                todo.extend(item)
            elif isinstance(item, dict):
                found = parse_published(item.get("datePublished"))
                if found:
                    return found
                todo.extend(v for v in item.values() if isinstance(v, (list, dict)))
    return ""


def _published(tree: LexborHTMLParser, container: LexborNode | None) -> str:
    """Date from metadata: article meta tags, `<time datetime>` (article first), JSON-LD."""
    for selector in _META_DATE:
        found = parse_published(_attr(tree.css_first(selector), "content"))
        if found:
            return found
    for scope in ([container] if container is not None else []) + [tree.root]:
        if scope is None:
            continue
        for node in scope.css("time[datetime]"):
            found = parse_published(_attr(node, "datetime"))
            if found:
                return found
    return _json_ld_date(tree)


def _visible_date(text: str) -> str:
    """Last resort: the first numeric date near the top of the extracted text."""
    m = _VISIBLE_DATE.search(text[:2000])
    return parse_published(m.group(1)) if m else ""


def _title(tree: LexborHTMLParser, container: LexborNode | None) -> str:
    h1 = container.css_first("h1") if container is not None else None
    for candidate in (
        _collapse(h1.text(deep=True)) if h1 is not None else "",
        _attr(tree.css_first('meta[property="og:title"]'), "content"),
        _collapse(tree.css_first("title").text(deep=True)) if tree.css_first("title") is not None else "",
    ):
        if candidate:
            return _collapse(candidate)
    return ""


def parse_html(html: str) -> HtmlArticle:
    """Extract one article from a decoded HTML page (broken markup is repaired by lexbor).

    Raises HtmlTooDeep before parsing a page nested deeper than MAX_DEPTH elements: lexbor's
    tree building checks scopes along the open-element stack, so 250,000 unclosed `<div>`s
    (1.2 MB) take tens of minutes.
    """
    if nesting_depth(html) > MAX_DEPTH:
        raise HtmlTooDeep(f"HTML nested deeper than {MAX_DEPTH} elements")
    tree = LexborHTMLParser(html)
    url = _attr(tree.css_first('link[rel="canonical"]'), "href") or _attr(
        tree.css_first('meta[property="og:url"]'), "content"
    )
    container = _main_container(tree)
    title = _title(tree, container)
    # dates first: <time> inside a dropped header/footer of the page still dates the article
    published = _published(tree, container)
    if container is None:
        return HtmlArticle("", title, url, published)
    _drop_boilerplate(container)
    # a date shown only in the byline line still dates the article
    published = published or _visible_date(block_text(container))
    _drop_page_meta(container)
    return HtmlArticle(block_text(container), title, url, published)

"""Property-based fuzzing of ingest: whatever the bytes, every input file ends as articles
or problem rows, never an exception, never lost.

Default run: FUZZ_EXAMPLES (default 40) examples per strategy, ~240 inputs in all.
Long mode (`pytest --runslow -k fuzz_long`, or FUZZ_EXAMPLES=...): one mixed strategy of at
least 10,000 inputs that counts crashes and lost inputs instead of stopping at the first;
set FUZZ_REPORT=path to get the counts as JSON.
"""
from __future__ import annotations

import gzip
import io
import itertools
import json
import os
import tempfile
import time
import warnings
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.ingest import Limits
from pipeline.ingest.dispatch import Reader
from pipeline.record import Article, Problem

PER_STRATEGY = int(os.environ.get("FUZZ_EXAMPLES", "40"))
LONG_EXAMPLES = max(10_000, int(os.environ.get("FUZZ_EXAMPLES", "0")))
# small caps so that the limits themselves get exercised by modest inputs
LIMITS = Limits(max_file_bytes=2 * 2**20, max_archive_total=4 * 2**20, max_ratio=50.0,
                max_entries=40, max_depth=2, ratio_floor=64 * 2**10)
SETTINGS = dict(deadline=None, database=None, suppress_health_check=list(HealthCheck))

SPECIAL = list(
    "\u200f\u200e\u202e\u202d\u2066\u2069\u200d\u200c\u200b\ufeff\u0301\u0308\u0327\u0000\r\n\t :|#<>&\"',"
    "ąćęłńóśźżĄŚŻабвгдеёжзийклмнопрстуфхцчшщъыьэюяіўїєґІЎ„”«»–—…\ud7ff\U0001f600\u05d0\u0627"
)
TEXT = st.text(alphabet=st.one_of(st.characters(), st.sampled_from(SPECIAL)), max_size=800)
ENCODINGS = ["utf-8", "utf-8-sig", "cp1250", "cp1251", "koi8-r", "iso-8859-2", "utf-16"]
NAMES = ["a.txt", "b.html", "c.htm", "d.jsonl", "e.json", "f.csv", "g.txt.gz", "h.jsonl.gz",
         "i.zip", "noext", "j.csv.gz", "k.html.gz", "l.json.gz", "m.zip.gz", "n.bin"]
HEADER_KEYS = ["url", "title", "published", "date", "source", "author", "section", "language", "id", "truncated", "Farage", "x"]


def encode(text: str, encoding: str, cut: int | None) -> bytes:
    data = text.encode(encoding, errors="replace")
    return data[:cut] if cut is not None else data


@st.composite
def unicode_bytes(draw: st.DrawFn) -> bytes:
    """Mixed-script text with RTL marks, joiners, combining marks and NUL; maybe truncated."""
    text = draw(TEXT)
    if draw(st.booleans()):
        lines = draw(st.lists(st.tuples(st.sampled_from(HEADER_KEYS), TEXT.map(lambda t: t[:40])), max_size=5))
        eol = draw(st.sampled_from(["\n", "\r\n", "\r"]))
        text = "".join(f"{k}: {v}{eol}" for k, v in lines) + draw(st.sampled_from([eol, ""])) + text
    data = encode(text, draw(st.sampled_from(ENCODINGS)), None)
    if draw(st.booleans()) and data:
        data = data[: draw(st.integers(0, len(data)))]
    return data


@st.composite
def enormous_line(draw: st.DrawFn) -> bytes:
    unit = draw(st.sampled_from(["x", "ż", "Ж", "\u0301", " ", "<div>", "{", "\"", ",", "\x00", "\ufeff"]))
    n = draw(st.integers(1, 3_000_000 // max(1, len(unit.encode()))))
    return (unit * n).encode("utf-8")


def _tag_soup(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    tag = st.sampled_from(["div", "p", "article", "main", "nav", "aside", "footer", "span", "b", "br", "h1",
                           "time", "script", "style", "table", "td", "li", "meta", "title", "iframe", "x-y", "svg"])
    attr = st.sampled_from(['', ' class="sidebar"', ' datetime="2019-02-30"', ' datetime="2018-01-05"',
                            ' property="article:published_time" content="x"', ' type="application/ld+json"',
                            ' src="http://example.org/x"', ' id="menu"', " a='\"'", " =x"])

    def render(t: tuple[str, str, list[str], bool]) -> str:
        name, attrs, inner, close = t
        return f"<{name}{attrs}>" + "".join(inner) + (f"</{name}>" if close else "")

    return st.tuples(tag, attr, st.lists(children, max_size=6), st.booleans()).map(render)


HTML_SOUP = st.recursive(TEXT.map(lambda t: t[:60]) | st.sampled_from(["<", "</", "&amp", "&#0;", "<!--", "]]>", "{\"datePublished\": 1}"]),
                         _tag_soup, max_leaves=40)


@st.composite
def html_bytes(draw: st.DrawFn) -> bytes:
    if draw(st.integers(0, 4)) == 0:  # deeply nested, maybe unclosed
        depth = draw(st.integers(100, 30_000))
        tag = draw(st.sampled_from(["div", "b", "article", "p", "table", "li"]))
        inner = draw(TEXT)
        closing = f"</{tag}>" * depth if draw(st.booleans()) else ""
        page = f"<html><body>{f'<{tag}>' * depth}{inner}{closing}"
    else:
        page = draw(HTML_SOUP)
    return encode(page, draw(st.sampled_from(ENCODINGS)), None)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | TEXT,
    lambda c: st.lists(c, max_size=4) | st.dictionaries(st.sampled_from(["id", "text", "url", "title", "published", "date", "x"]) | TEXT, c, max_size=5),
    max_leaves=20,
)


@st.composite
def json_bytes(draw: st.DrawFn) -> bytes:
    """JSON/JSONL with wrong types, garbage lines, deep nesting."""
    records = draw(st.lists(JSON_VALUES | st.fixed_dictionaries({"text": TEXT}, optional={"id": JSON_VALUES, "published": JSON_VALUES}), max_size=6))
    style = draw(st.integers(0, 3))
    if style == 0:
        text = "\n".join(json.dumps(r) for r in records)
    elif style == 1:
        text = json.dumps(records)
    elif style == 2:
        text = "\n".join(draw(st.sampled_from([json.dumps(r), "{bad", "", "[" * 5000, "\"\\ud800\"", '{"text": "a\\ud800b", "title": "\\udfff", "id": "\\udc80"}'])) for r in records)
    else:
        text = "[" * draw(st.integers(1, 100_000))
    return encode(text, draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1251", "utf-16"])), None)


@st.composite
def csv_bytes(draw: st.DrawFn) -> bytes:
    """CSV with ragged rows, quotes, embedded newlines and NUL, with or without a text column."""
    cell = TEXT.map(lambda t: t[:80]) | st.sampled_from(['"', '""', 'a"b', "x\ny", "\x00", "=1+1"])
    header = draw(st.lists(st.sampled_from(["id", "text", "Text", "title", "published", "x", ""]), min_size=1, max_size=5))
    rows = draw(st.lists(st.lists(cell, max_size=7), max_size=8))
    quote = draw(st.booleans())

    def fmt(row: list[str]) -> str:
        return ",".join('"' + c.replace('"', '""') + '"' if quote else c for c in row)

    text = "\n".join([fmt(header), *map(fmt, rows)])
    return encode(text, draw(st.sampled_from(ENCODINGS)), None)


def _zip(members: list[tuple[str, bytes]], compress: bool) -> bytes:
    buf = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED) as z:
        warnings.simplefilter("ignore")  # repeated member names are on purpose
        for name, data in members:
            z.writestr(name, data)
    return buf.getvalue()


MEMBER_NAMES = st.sampled_from(["a.txt", "d/b.html", "../up.txt", "/abs.txt", "C:\\w.txt", "x/../../y.txt", ".hid.txt",
                                "f.jsonl", "g.csv", "in.zip", "z.txt.gz", "weird\u202e.txt", "ż/ó.txt", "no.exe", "dup.txt"])


@st.composite
def archive_bytes(draw: st.DrawFn) -> bytes:
    """Zips (maybe nested, truncated or corrupted) and gzips of the other strategies' bytes."""
    leaf = st.one_of(st.binary(max_size=300), unicode_bytes(), csv_bytes(), json_bytes())
    members = draw(st.lists(st.tuples(MEMBER_NAMES, leaf), max_size=6))
    members = [(n, gzip.compress(d) if n.endswith(".gz") else d) for n, d in members]
    if draw(st.booleans()):
        members.append(("in.zip", _zip(members[:2], True)))
    data = _zip(members, draw(st.booleans()))
    if draw(st.booleans()):
        data = gzip.compress(data)
    mangle = draw(st.integers(0, 3))
    if mangle == 1 and data:
        data = data[: draw(st.integers(0, len(data)))]
    elif mangle == 2 and data:
        pos = draw(st.integers(0, len(data) - 1))
        data = data[:pos] + bytes([draw(st.integers(0, 255))]) + data[pos + 1 :]
    return data


ANY_BYTES = st.one_of(st.binary(max_size=4096), unicode_bytes(), html_bytes(), json_bytes(), csv_bytes(),
                      archive_bytes(), enormous_line())


class Outcome:
    """Counts over a fuzz run: inputs, rows, crashes (exceptions or last-resort rows), lost inputs."""

    def __init__(self) -> None:
        self.inputs = 0
        self.articles = 0
        self.problems = 0
        self.crashes: list[str] = []
        self.lost: list[str] = []
        self.invalid: list[str] = []
        self.slowest: list[tuple[float, str, int]] = []  # (seconds, name, bytes), top 5

    def add(self, other: "Outcome") -> None:
        self.inputs += other.inputs
        self.articles += other.articles
        self.problems += other.problems
        self.crashes += other.crashes
        self.lost += other.lost
        self.invalid += other.invalid
        self.slowest = sorted(self.slowest + other.slowest, reverse=True)[:5]

    def as_dict(self) -> dict[str, object]:
        return {"inputs": self.inputs, "articles": self.articles, "problems": self.problems,
                "crashes": len(self.crashes), "lost": len(self.lost), "invalid": len(self.invalid),
                "examples": (self.crashes + self.lost + self.invalid)[:5],
                "slowest": [(round(t, 2), n, b) for t, n, b in self.slowest]}


_COUNTER = itertools.count()


def check_one(workdir: Path, name: str, data: bytes, outcome: Outcome) -> None:
    """Ingest one generated file (no last-resort catch) and check the invariants."""
    folder = workdir / str(next(_COUNTER))
    folder.mkdir()
    path = folder / name
    path.write_bytes(data)
    outcome.inputs += 1
    started = time.perf_counter()
    try:
        results = list(Reader(LIMITS).file(path, name))
    except Exception as exc:  # a crash: counted, reported
        outcome.crashes.append(f"{name}: {type(exc).__name__}: {exc}"[:300])
        return
    finally:
        path.unlink()
        folder.rmdir()
        seconds = time.perf_counter() - started
        outcome.slowest = sorted(outcome.slowest + [(seconds, name, len(data))], reverse=True)[:5]
    mine = [r for r in results if r.source == name or r.source.startswith(name + "#")]
    if not mine or len(mine) != len(results):
        outcome.lost.append(f"{name}: {[r.source for r in results]}"[:300])
    sources = [r.source for r in results if isinstance(r, Article)]
    if len(set(sources)) != len(sources):
        outcome.invalid.append(f"{name}: duplicate sources {sources}"[:300])
    for r in results:
        if isinstance(r, Problem):
            outcome.problems += 1
            if not r.error or r.stage != "ingest":
                outcome.invalid.append(f"{name}: problem without reason {r}")
            continue
        outcome.articles += 1
        problem = _article_problem(r)
        if problem:
            outcome.invalid.append(f"{name}: {problem}"[:300])
        if "internal error" in r.error:
            outcome.crashes.append(f"{name}: {r.error}"[:300])


def _article_problem(a: Article) -> str:
    if a.status not in ("ok", "empty", "error"):
        return f"bad status {a.status}"
    if a.status == "ok" and (not a.text.strip() or a.error):
        return "ok without text"
    if a.status != "ok" and not a.error:
        return "failed without reason"
    if not 0 <= a.body_start <= len(a.text):
        return "body_start outside the text"
    if not (a.article_id.startswith("a") and len(a.article_id) == 16):
        return f"bad id {a.article_id}"
    for value in (a.text, a.title, a.url, a.published, a.source, a.error):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return "text not encodable as UTF-8 (lone surrogate)"
    if a.published and (len(a.published) != 10 or a.published[4] != "-"):
        return f"bad published {a.published}"
    try:
        json.dumps(a.meta)
    except (TypeError, ValueError):
        return "meta not JSON-serialisable"
    return ""


def run_property(strategy: st.SearchStrategy[bytes], names: st.SearchStrategy[str], examples: int) -> Outcome:
    outcome = Outcome()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)

        @settings(max_examples=examples, **SETTINGS)
        @given(names, strategy)
        def prop(name: str, data: bytes) -> None:
            single = Outcome()  # judged per example, so that hypothesis shrinks to the culprit
            check_one(workdir, name, data, single)
            outcome.add(single)
            assert not single.crashes and not single.lost and not single.invalid, single.as_dict()

        prop()
    return outcome


NAME_ANY = st.sampled_from(NAMES)


@pytest.mark.parametrize(
    ("strategy", "names"),
    [
        (st.binary(max_size=4096), NAME_ANY),
        (unicode_bytes(), st.sampled_from(["a.txt", "noext", "b.html", "d.jsonl", "f.csv", "e.json"])),
        (html_bytes(), st.sampled_from(["b.html", "c.htm", "k.html.gz"])),
        (json_bytes(), st.sampled_from(["d.jsonl", "e.json", "h.jsonl.gz"])),
        (csv_bytes(), st.sampled_from(["f.csv", "j.csv.gz"])),
        (archive_bytes(), st.sampled_from(["i.zip", "m.zip.gz", "g.txt.gz"])),
    ],
    ids=["random-bytes", "unicode", "html", "json", "csv", "archives"],
)
def test_fuzz_ingest(strategy: st.SearchStrategy[bytes], names: st.SearchStrategy[str]) -> None:
    outcome = run_property(strategy, names, PER_STRATEGY)
    assert outcome.inputs >= PER_STRATEGY


@settings(max_examples=10, **SETTINGS)
@given(enormous_line(), st.sampled_from(["a.txt", "b.html", "d.jsonl", "f.csv"]))
def test_fuzz_enormous_lines(data: bytes, name: str) -> None:
    outcome = Outcome()
    with tempfile.TemporaryDirectory() as tmp:
        check_one(Path(tmp), name, data, outcome)
    assert outcome.as_dict()["crashes"] == outcome.as_dict()["lost"] == outcome.as_dict()["invalid"] == 0, outcome.as_dict()


@pytest.mark.slow
def test_fuzz_long() -> None:
    """>= 10,000 generated inputs of every kind; counts crashes and lost inputs (must be 0)."""
    outcome = Outcome()
    report = Path(os.environ["FUZZ_REPORT"]) if os.environ.get("FUZZ_REPORT") else None
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)

        @settings(max_examples=LONG_EXAMPLES, **SETTINGS)
        @given(NAME_ANY, ANY_BYTES)
        def prop(name: str, data: bytes) -> None:
            check_one(workdir, name, data, outcome)  # no assert: count everything, judge at the end
            if report and outcome.inputs % 250 == 0:  # progress, for a run that takes a while
                report.write_text(json.dumps(outcome.as_dict(), ensure_ascii=False, indent=1))

        prop()
    summary = outcome.as_dict()
    print("fuzz long mode:", json.dumps(summary, ensure_ascii=False))
    if report:
        report.write_text(json.dumps(summary, ensure_ascii=False, indent=1))
    assert outcome.inputs >= LONG_EXAMPLES
    assert summary["crashes"] == 0 and summary["lost"] == 0 and summary["invalid"] == 0, summary

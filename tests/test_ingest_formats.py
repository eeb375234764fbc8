"""Each input format and encoding, on small fixtures written here (own texts)."""
from __future__ import annotations

import gzip
import io
import json
import os
import socket
import zipfile
from pathlib import Path

import pytest

from ingest_helpers import articles, problems, read_all
from pipeline.ingest import InputNotFound, iter_articles, resolve_inputs
from pipeline.ingest.published import local_parse_published
from pipeline.record import Article, Problem

PL = "Wczoraj w Łomży odbyło się spotkanie przedstawicieli gmin z Żółkwi i Świdnika. Źródła podają, że współpraca się rozwija."
RU = "Вчера в Гродно прошло заседание совместной рабочей группы по приграничному сотрудничеству."
BE = "Учора ў Брэсцкім аблвыканкаме адбылося пасяджэнне рабочай групы па супрацоўніцтве."
UK = "Житомирський центр громадянської освіти провів семінар для вчителів із Бердичева."
HEADER = "url: https://example.org/a\ntitle: Spotkanie w Łomży\npublished: 2019-11-25\nauthor: Anna Nowak\n\n"


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --- .txt -------------------------------------------------------------------------------

def test_txt_header_block_is_metadata_and_part_of_the_text(tmp_path: Path) -> None:
    f = write(tmp_path / "a.txt", HEADER + PL + "\n")
    a = articles(f)["a.txt"]
    assert a.text == HEADER + PL + "\n"
    assert a.text_is_file and a.status == "ok"
    assert (a.url, a.title, a.published) == ("https://example.org/a", "Spotkanie w Łomży", "2019-11-25")
    assert a.meta["author"] == "Anna Nowak"
    assert a.text[a.body_start :].startswith("Wczoraj")
    assert a.text.index("Spotkanie w Łomży") < a.body_start  # title annotatable in place


def test_txt_first_line_with_colon_is_body(tmp_path: Path) -> None:
    text = "Farage: A może jednak porozumienie?\n\nTak mówił w Brukseli.\n"
    a = articles(write(tmp_path / "b.txt", text))["b.txt"]
    assert a.body_start == 0 and a.title == "" and a.text == text


def test_txt_header_needs_every_key_known(tmp_path: Path) -> None:
    text = "title: Spotkanie\nmiejsce: Łomża\n\n" + PL
    a = articles(write(tmp_path / "c.txt", text))["c.txt"]
    assert a.body_start == 0 and a.title == ""


def test_txt_header_keys_case_insensitive_and_date_key(tmp_path: Path) -> None:
    text = "URL: http://x.example/1\nTitle: Nagłówek\nDate: 05.03.2018\nLanguage: pl\nTruncated: yes\n\n" + PL
    a = articles(write(tmp_path / "d.txt", text))["d.txt"]
    assert (a.url, a.title, a.published) == ("http://x.example/1", "Nagłówek", "2018-03-05")
    assert a.meta["language"] == "pl" and a.meta["truncated"] == "yes"


def test_txt_seed_layout(tmp_path: Path) -> None:
    text = "Seminarium w Mohylewie\nKlastry na Białorusi | 07.10.2019\n\n" + PL + "\n"
    a = articles(write(tmp_path / "e.txt", text))["e.txt"]
    assert (a.title, a.published, a.meta["section"]) == ("Seminarium w Mohylewie", "2019-10-07", "Klastry na Białorusi")
    assert a.text[a.body_start :].startswith("Wczoraj")


def test_txt_crlf_kept_and_offsets_count_cr(tmp_path: Path) -> None:
    text = HEADER.replace("\n", "\r\n") + PL + "\r\n" + PL + "\r\n"
    a = articles(write(tmp_path / "f.txt", text.encode("cp1250")))["f.txt"]
    assert a.meta["encoding"] == "cp1250"
    assert a.text == text and a.text.count("\r\n") == text.count("\r\n")
    assert a.text[a.body_start - 2 : a.body_start] == "\r\n"


def test_txt_header_only_is_empty(tmp_path: Path) -> None:
    a = articles(write(tmp_path / "g.txt", "title: Tylko nagłówek\npublished: 2020-01-01\n\n\n"))["g.txt"]
    assert a.status == "empty" and a.error


# --- encodings -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (PL, "utf-8"), (PL, "cp1250"), (PL, "iso-8859-2"),
        (RU, "utf-8"), (RU, "cp1251"), (RU, "koi8-r"),
        (BE, "cp1251"), (UK, "cp1251"),
        ("Zażółć gęślą jaźń", "cp1250"), ("Zażółć gęślą jaźń", "iso-8859-2"),
        ("Встреча в Бресте", "cp1251"), ("Встреча в Бресте", "koi8-r"),
    ],
)
def test_encodings_detected(tmp_path: Path, text: str, encoding: str) -> None:
    body = HEADER.replace("Łomży", "Lomzy") + text + "\n"
    a = articles(write(tmp_path / "x.txt", body.encode(encoding)))["x.txt"]
    assert a.status == "ok" and a.text == body


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    a = articles(write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + (HEADER + RU).encode("utf-8")))["bom.txt"]
    assert a.text == HEADER + RU and a.meta["encoding"] == "utf-8-sig" and a.url == "https://example.org/a"


def test_cp1251_mislabelled_as_utf8(tmp_path: Path) -> None:
    # a BOM that claims UTF-8 in front of cp1251 bytes, and an HTML page declaring utf-8
    a = articles(write(tmp_path / "m.txt", b"\xef\xbb\xbf" + (RU + "\n" + BE).encode("cp1251")))["m.txt"]
    assert a.status == "ok" and a.text == RU + "\n" + BE
    page = f'<html><head><meta charset="utf-8"><title>Т</title></head><body><article><p>{RU}</p></article></body></html>'
    h = articles(write(tmp_path / "m.html", page.encode("cp1251")))["m.html"]
    assert h.status == "ok" and h.text == RU


def test_truncated_utf8_stays_utf8(tmp_path: Path) -> None:
    data = (PL + RU).encode("utf-8")[:-2]  # cut inside the last letter (before the final ".")
    a = articles(write(tmp_path / "t.txt", data))["t.txt"]
    assert a.meta["encoding"] == "utf-8" and a.text.startswith(PL) and a.meta["decode_replacements"] == 1


# --- .html ------------------------------------------------------------------------------

PAGE = """<!doctype html><html><head><title>Strona | Portal</title>
<meta property="og:title" content="Tytuł OG">{meta}
<link rel="canonical" href="https://example.org/news/1"></head>
<body><header><nav><a href="/">Start</a><a href="/x">Aktualności regionu</a></nav></header>
{body}
<aside class="sidebar"><h3>Inne wiadomości</h3><ul><li>Festiwal 3 maja 2018</li></ul></aside>
<footer><p>Redakcja, ul. Długa 1, Białystok</p></footer></body></html>"""


def test_html_article_text_title_url_date(tmp_path: Path) -> None:
    body = f"<main><article><h1>Nagłówek <b>artykułu</b></h1><p>{PL}</p><div class='share'>Udostępnij</div><p>Druga<br>linia.</p></article></main>"
    meta = '<meta property="article:published_time" content="2018-05-23T10:15:00+02:00">'
    a = articles(write(tmp_path / "p.html", PAGE.format(meta=meta, body=body)))["p.html"]
    assert a.text == f"Nagłówek artykułu\n\n{PL}\n\nDruga\nlinia."
    assert (a.title, a.url, a.published) == ("Nagłówek artykułu", "https://example.org/news/1", "2018-05-23")
    assert not a.text_is_file and a.body_start == 0


@pytest.mark.parametrize(
    ("meta", "body", "published"),
    [
        ("", f"<article><time datetime='2017-02-03'>3 lutego</time><p>{PL}</p></article>", "2017-02-03"),
        ('<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "datePublished": "2016-10-21T08:00:00Z"}]}</script>',
         f"<article><p>{PL}</p></article>", "2016-10-21"),
        ("", f"<article><p class='meta'>Białystok, 14.10.2019</p><p>{PL}</p></article>", "2019-10-14"),
        ("", f"<article><p>{PL}</p></article>", ""),
    ],
)
def test_html_published_sources(tmp_path: Path, meta: str, body: str, published: str) -> None:
    a = articles(write(tmp_path / "d.htm", PAGE.format(meta=meta, body=body)))["d.htm"]
    assert a.published == published and PL in a.text


def test_html_byline_and_category_lines_are_no_article_text(tmp_path: Path) -> None:
    body = (f"<article><h1>Tytuł</h1><div class='post-meta'>Gospodarka · 02.03.2020 · Zespół portalu</div>"
            f"<p class='byline'>Autor: Jan Kos</p><p>{PL}</p><ul class='tags'><li>Grodno</li><li>Lida</li></ul></article>")
    a = articles(write(tmp_path / "b.html", PAGE.format(meta="", body=body)))["b.html"]
    assert a.text == f"Tytuł\n\n{PL}" and a.published == "2020-03-02"
    long_meta = "<article><h1>Tytuł</h1><div class='meta-content'>" + f"<p>{PL}</p>" * 6 + "</div></article>"
    b = articles(write(tmp_path / "c.html", PAGE.format(meta="", body=long_meta)))["c.html"]
    assert b.text.count(PL) == 6  # a long block is content whatever its class


def test_html_without_article_uses_main_then_paragraph_heuristic(tmp_path: Path) -> None:
    main = PAGE.format(meta="", body=f"<main><h1>Tytuł</h1><p>{RU}</p><aside>Реклама</aside></main>")
    a = articles(write(tmp_path / "main.html", main))["main.html"]
    assert a.text == f"Tytuł\n\n{RU}" and a.title == "Tytuł"
    loose = PAGE.format(meta="", body=f"<div id='top'><a href='/'>Menu</a></div><div class='c'><p>{PL}</p><p>{RU}</p></div>")
    b = articles(write(tmp_path / "loose.html", loose))["loose.html"]
    assert b.text == f"{PL}\n\n{RU}" and b.title == "Tytuł OG"
    assert "Festiwal" not in b.text and "Redakcja" not in b.text and "Menu" not in b.text


def test_html_broken_markup_and_no_network(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("ingest tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    broken = (
        f"<html><head><link rel=stylesheet href='http://example.org/x.css'><title>Zepsuta</title>"
        f"<body><article><p>{PL}<p>{RU}<div><img src='http://example.org/i.png'><table><tr><td>{BE}"
        f"<iframe src='http://example.org/'></iframe><script>document.write('x')"
    )
    a = articles(write(tmp_path / "broken.html", broken))["broken.html"]
    assert a.status == "ok" and PL in a.text and RU in a.text and BE in a.text


def test_html_without_text_is_empty(tmp_path: Path) -> None:
    a = articles(write(tmp_path / "e.html", "<html><body><nav>Menu</nav><script>var a=1;</script></body></html>"))["e.html"]
    assert a.status == "empty" and a.error


# --- records ----------------------------------------------------------------------------

def test_jsonl_records_ids_positions_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "pl-1", "url": "u1", "title": "T1", "published": "2018-04-13T09:30:00+03:00", "text": PL}),
        "{not json",
        "",
        json.dumps({"text": RU, "published": "2019-09-12 10:05", "id": 7}),
        json.dumps({"text": BE}),
        json.dumps({"id": "x", "text": 12}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "pl-1", "text": UK}),
    ]
    got = articles(write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n"))
    assert list(got) == ["feed.jsonl#pl-1", "feed.jsonl#2", "feed.jsonl#7", "feed.jsonl#5", "feed.jsonl#x", "feed.jsonl#7~", "feed.jsonl#8"]
    assert got["feed.jsonl#pl-1"].published == "2018-04-13" and got["feed.jsonl#pl-1"].text == PL
    assert got["feed.jsonl#7"].published == "2019-09-12"
    assert got["feed.jsonl#2"].status == "error" and "line 2" in got["feed.jsonl#2"].error
    assert got["feed.jsonl#x"].status == "error" and "int" in got["feed.jsonl#x"].error
    assert got["feed.jsonl#7~"].status == "error"  # a list, not an object
    assert got["feed.jsonl#8"].text == UK  # repeated id falls back to the line number
    assert all(not a.text_is_file for a in got.values())


def test_json_object_and_list(tmp_path: Path) -> None:
    one = articles(write(tmp_path / "one.json", json.dumps({"id": "a1", "text": PL, "title": "T"})))
    assert list(one) == ["one.json#a1"] and one["one.json#a1"].title == "T"
    many = articles(write(tmp_path / "many.json", json.dumps([{"text": RU}, {"text": ""}, {"text": None}])))
    assert [(s, a.status) for s, a in many.items()] == [("many.json#1", "ok"), ("many.json#2", "empty"), ("many.json#3", "error")]
    bad = articles(write(tmp_path / "bad.json", "{\"text\": "))
    assert bad["bad.json"].status == "error"


def test_csv_records(tmp_path: Path) -> None:
    rows = 'ID,Title,text,published\nr1,Pierwszy,"' + PL + '\nz nową linią",2020-02-19\n,Drugi,' + RU + ",19.03.2018\n"
    got = articles(write(tmp_path / "t.csv", rows.encode("utf-8-sig")))
    assert list(got) == ["t.csv#r1", "t.csv#2"]
    assert got["t.csv#r1"].text == PL + "\nz nową linią" and got["t.csv#r1"].title == "Pierwszy"
    assert got["t.csv#2"].published == "2018-03-19"


def test_csv_in_cp1251(tmp_path: Path) -> None:
    got = articles(write(tmp_path / "ru.csv", ("id,text\n1," + RU + "\n").encode("cp1251")))
    assert got["ru.csv#1"].text == RU


def test_csv_without_text_column_and_ragged_rows(tmp_path: Path) -> None:
    no_text = articles(write(tmp_path / "n.csv", "id,body\n1,abc\n"))
    assert no_text["n.csv"].status == "error" and "text column" in no_text["n.csv"].error
    ragged = articles(write(tmp_path / "r.csv", f'id,text\n1,"{PL}"\n2\n3,{RU},extra\n4,{BE}\n'))
    assert [a.status for a in ragged.values()] == ["ok", "error", "error", "ok"]
    assert "ragged" in ragged["r.csv#2"].error


# --- compressed and archived ------------------------------------------------------------

def test_gzip_and_zip(tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt.gz", gzip.compress((HEADER + PL).encode("cp1250")))
    write(tmp_path / "in" / "feed.jsonl.gz", gzip.compress(json.dumps({"id": "r", "text": RU}).encode()))
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("deep/page.html", f"<article><p>{BE}</p></article>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("docs/b.txt", UK.encode("cp1251"))
        z.writestr("docs/feed.jsonl", json.dumps({"id": "z1", "text": PL}) + "\n")
        z.writestr("docs/c.txt.gz", gzip.compress(RU.encode("koi8-r")))
        z.writestr("nested.zip", inner.getvalue())
        z.writestr("docs/.hidden.txt", "x")
        z.writestr("docs/", "")
    write(tmp_path / "in" / "arch.zip", buf.getvalue())
    got = articles(tmp_path / "in")
    assert got["a.txt.gz"].text == HEADER + PL and got["a.txt.gz"].text_is_file and got["a.txt.gz"].published == "2019-11-25"
    assert got["feed.jsonl.gz#r"].text == RU
    assert got["arch.zip#docs/b.txt"].text == UK and got["arch.zip#docs/b.txt"].text_is_file
    assert got["arch.zip#docs/feed.jsonl#z1"].text == PL
    assert got["arch.zip#docs/c.txt.gz"].text == RU
    assert got["arch.zip#nested.zip#deep/page.html"].text == BE
    assert len(got) == 6 and all(a.status == "ok" for a in got.values())
    assert problems(tmp_path / "in") == {}


# --- folders, sources and ids -----------------------------------------------------------

def test_folders_sorted_hidden_skipped_unsupported_reported(tmp_path: Path) -> None:
    root = tmp_path / "root"
    for name in ("b/2.txt", "a/1.txt", "a/10.txt", ".git/x.txt", "a/.cache.txt", "c/picture.png", "z.txt"):
        write(root / name, PL)
    write(root / "z.json", json.dumps({"events": []}))  # sidecar of z.txt: not an article
    pairs = resolve_inputs([root])
    assert [f.relative_to(root).as_posix() for f, _ in pairs] == ["a/1.txt", "a/10.txt", "b/2.txt", "c/picture.png", "z.txt"]
    results = read_all(root)
    assert [r.source for r in results] == ["a/1.txt", "a/10.txt", "b/2.txt", "c/picture.png", "z.txt"]
    assert isinstance(results[3], Problem) and "unsupported" in results[3].error


def test_file_given_directly_and_missing_input(tmp_path: Path) -> None:
    f = write(tmp_path / "x" / "y" / "art.txt", PL)
    assert list(articles(f)) == ["art.txt"]
    with pytest.raises(InputNotFound) as err:
        resolve_inputs([tmp_path / "nope"])
    assert "nope" in err.value.message
    with pytest.raises(InputNotFound):
        list(iter_articles([tmp_path / "nope"]))


def test_ids_stable_unique_and_root_disambiguated(tmp_path: Path) -> None:
    write(tmp_path / "one" / "same.txt", PL)
    write(tmp_path / "two" / "same.txt", RU)
    write(tmp_path / "one" / "other.txt", BE)
    first = read_all(tmp_path / "one", tmp_path / "two")
    again = read_all(tmp_path / "one", tmp_path / "two")
    assert [r.article_id for r in first] == [r.article_id for r in again]
    assert len({r.article_id for r in first}) == 3
    alone = articles(tmp_path / "one")
    assert alone["other.txt"].article_id == first[0].article_id  # unique sources keep their plain id


def test_local_published_parser() -> None:
    assert local_parse_published("2018-04-13T09:30:00+03:00") == "2018-04-13"
    assert local_parse_published("2019-09-12 10:05") == "2019-09-12"
    assert local_parse_published("6.07.2018") == "2018-07-06"
    assert local_parse_published("2018/7/6") == "2018-07-06"
    assert local_parse_published("31.02.2018") == ""
    assert local_parse_published("wczoraj") == ""


def test_lone_surrogates_and_undecodable_file_names_become_valid_unicode(tmp_path: Path) -> None:
    write(tmp_path / "s.jsonl", '{"id": "\\udc80", "text": "a\\ud800b", "title": "\\udfff", "extra": "\\ud83d"}\n')
    (tmp_path / os.fsdecode(b"\xff\xfe-name.txt")).write_bytes(PL.encode())
    results = read_all(tmp_path)
    for r in results:
        for value in (r.source, getattr(r, "text", ""), getattr(r, "title", ""), json.dumps(getattr(r, "meta", {}), ensure_ascii=False)):
            value.encode("utf-8")  # raises on a lone surrogate
    got = {r.source: r for r in results}
    assert got["s.jsonl#1"].text == "a\ufffdb"
    assert "\ufffd\ufffd-name.txt" in got


def test_jsonl_is_streamed_past_the_file_limit_and_long_lines_fail_alone(tmp_path: Path) -> None:
    from ingest_helpers import ingest_in_subprocess

    record = json.dumps({"text": PL * 20}, ensure_ascii=False)
    f = tmp_path / "big.jsonl"
    with open(f, "w", encoding="utf-8") as out:
        for i in range(4000):
            out.write(record + "\n")
            if i == 10:
                out.write(json.dumps({"text": "x" * (3 * 2**20)}) + "\n")  # one line over the limit
    assert f.stat().st_size > 8 * 2**20
    run = ingest_in_subprocess([f], {"max_file_bytes": 2 * 2**20})
    statuses = [r["status"] for r in run["rows"]]
    assert len(statuses) == 4001 and statuses.count("error") == 1
    assert "too long" in run["rows"][11]["error"] and run["rows"][11]["source"] == "big.jsonl#12"
    assert run["peak_mib"] - run["base_mib"] < 40, run["peak_mib"]


def test_jsonl_line_separators_inside_strings(tmp_path: Path) -> None:
    text = "akapit\u2028drugi\u0085trzeci\x0cczwarty"
    got = articles(write(tmp_path / "sep.jsonl", json.dumps({"id": "s", "text": text}, ensure_ascii=False) + "\r\n"))
    assert list(got) == ["sep.jsonl#s"] and got["sep.jsonl#s"].text == text


def test_compressed_feed_streamed_and_bomb_stopped(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"id": f"r{i}", "text": RU}, ensure_ascii=False) + "\n" for i in range(50))
    write(tmp_path / "feed.jsonl.gz", gzip.compress(lines.encode()))
    got = articles(tmp_path / "feed.jsonl.gz")
    assert len(got) == 50 and got["feed.jsonl.gz#r49"].text == RU
    bomb = gzip.compress(lines.encode() + b" " * (8 * 2**20))
    results = read_all(write(tmp_path / "bomb.jsonl.gz", bomb))
    assert [r.source for r in results[:50]] == [f"bomb.jsonl.gz#r{i}" for i in range(50)]
    assert isinstance(results[-1], Problem) and "gzip bomb" in results[-1].error and len(results) == 51


def test_html_heuristic_finds_scattered_paragraphs(tmp_path: Path) -> None:
    body = (
        "<div class='top'><p>Menu główne</p></div>"
        f"<div class='content'><div class='row'><p>{PL}</p></div><div class='row'><p>{RU}</p></div>"
        f"<div class='row'><p>{BE}</p></div></div>"
        "<div class='bottom'><p>Kontakt: redakcja</p></div>"
    )
    a = articles(write(tmp_path / "s.html", PAGE.format(meta="", body=body)))["s.html"]
    assert a.text == f"{PL}\n\n{RU}\n\n{BE}"

"""Hostile and broken inputs: each ends as an error/empty article or a problem row, in
bounded memory (peak RSS of a fresh interpreter is measured and bounded)."""
from __future__ import annotations

import gzip
import io
import os
import stat
import zipfile
import zlib
from pathlib import Path

import pytest

from ingest_helpers import articles, ingest_in_subprocess, problems, read_all
from pipeline.ingest import Limits
from pipeline.record import Article, Problem

MIB = 2**20
RU = "Вчера в Гродно прошло заседание совместной рабочей группы по приграничному сотрудничеству."
PL = "Wczoraj w Łomży odbyło się spotkanie przedstawicieli gmin z Żółkwi i Świdnika."


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def zeros_zip(path: Path, members: dict[str, int]) -> Path:
    """A zip whose members are `size` zero bytes each, written in chunks (never held whole)."""
    chunk = bytes(MIB)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, size in members.items():
            with z.open(name, "w", force_zip64=True) as member:
                for _ in range(size // MIB):
                    member.write(chunk)
    return path


def zeros_gzip(path: Path, size: int) -> Path:
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = bytes(MIB)
    with open(path, "wb") as out:
        for _ in range(size // MIB):
            out.write(comp.compress(chunk))
        out.write(comp.flush())
    return path


# --- plain bad files --------------------------------------------------------------------

def test_empty_whitespace_nul_and_binary_files(tmp_path: Path) -> None:
    write(tmp_path / "empty.txt", b"")
    write(tmp_path / "blank.txt", b" \r\n\t\n")
    write(tmp_path / "nul.txt", bytes(4096))
    write(tmp_path / "image.html", b"\x89PNG\r\n\x1a\n" + os.urandom(2000))
    write(tmp_path / "random.txt", bytes(range(256)) * 8)
    write(tmp_path / "ok.txt", PL.encode())
    got = articles(tmp_path)
    assert got["empty.txt"].status == "empty" and got["blank.txt"].status == "empty"
    assert got["nul.txt"].status == "error" and "NUL" in got["nul.txt"].error
    assert got["image.html"].status == "error" and "png" in got["image.html"].error
    assert got["random.txt"].status == "error" and "binary" in got["random.txt"].error
    assert got["ok.txt"].status == "ok"


def test_undecodable_bytes(tmp_path: Path) -> None:
    # no control bytes, but C1/undefined bytes in every supported code page: not text
    data = bytes([0x81, 0x83, 0x88, 0x90, 0x98, 0x8D, 0x8F, 0x9D]) * 64
    a = articles(write(tmp_path / "u.txt", data))["u.txt"]
    assert a.status == "error" and "undecodable" in a.error


def test_nul_file_in_bounded_memory(tmp_path: Path) -> None:
    f = write(tmp_path / "zeros.txt", bytes(20 * MIB))
    out = ingest_in_subprocess([f])
    assert [(r["status"], "NUL" in r["error"]) for r in out["rows"]] == [("error", True)]
    assert out["peak_mib"] - out["base_mib"] < 80, out  # the file itself (20 MiB) and little more


def test_unreadable_and_special_files(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads files whatever their mode")
    f = write(tmp_path / "locked.txt", PL.encode())
    f.chmod(0)
    try:
        assert articles(f)["locked.txt"].status == "error"
    finally:
        f.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_fifo_and_dangling_symlink_in_folder(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")  # opening it for reading would block forever
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    got = {r.source: r for r in read_all(tmp_path)}
    assert isinstance(got["pipe.txt"], Problem) and "regular" in got["pipe.txt"].error
    assert got["gone.txt"].error and got["gone.txt"].status == "error"


# --- huge files -------------------------------------------------------------------------

def _one_line(path: Path, size: int) -> Path:
    line = ("Zażółć gęślą jaźń w Łomży " * 4000).encode()
    with open(path, "wb") as out:
        written = 0
        while written < size:
            out.write(line)
            written += len(line)
    return path


def test_huge_single_line_file_refused_in_bounded_memory(tmp_path: Path) -> None:
    f = _one_line(tmp_path / "huge.txt", 24 * MIB)
    out = ingest_in_subprocess([f], {"max_file_bytes": 16 * MIB})
    assert [(r["status"], "too large" in r["error"]) for r in out["rows"]] == [("error", True)]
    assert out["peak_mib"] - out["base_mib"] < 20, out  # refused from its size, never read


def test_long_single_line_under_the_limit_is_read(tmp_path: Path) -> None:
    f = _one_line(tmp_path / "long.txt", 12 * MIB)
    out = ingest_in_subprocess([f], {"max_file_bytes": 16 * MIB})
    assert [r["status"] for r in out["rows"]] == ["ok"]
    # bytes + decoded str (1-2 bytes/char) + detection sample: a few times the file
    assert out["peak_mib"] - out["base_mib"] < 6 * 13, out


@pytest.mark.slow
def test_200_mb_single_line_file(tmp_path: Path) -> None:
    f = _one_line(tmp_path / "200mb.txt", 200 * MIB)
    out = ingest_in_subprocess([f])
    assert [(r["status"], "too large" in r["error"]) for r in out["rows"]] == [("error", True)]
    assert out["peak_mib"] - out["base_mib"] < 20, out


# --- gzip ---------------------------------------------------------------------------------

def test_gzip_bomb_cut_off_in_bounded_memory(tmp_path: Path) -> None:
    f = zeros_gzip(tmp_path / "bomb.txt.gz", 120 * MIB)
    assert f.stat().st_size < MIB
    out = ingest_in_subprocess([f])
    assert [(r["status"], "gzip bomb" in r["error"]) for r in out["rows"]] == [("error", True)], out
    assert out["peak_mib"] - out["base_mib"] < 40, out


def test_gzip_over_size_limit_and_broken(tmp_path: Path) -> None:
    write(tmp_path / "big.txt.gz", gzip.compress(os.urandom(3 * MIB).hex().encode()))  # ratio ~2, 6 MiB out
    data = gzip.compress((PL * 200).encode())
    write(tmp_path / "cut.txt.gz", data[: len(data) // 2])
    write(tmp_path / "junk.txt.gz", b"\x1f\x8b\x08\x00garbage" * 10)
    write(tmp_path / "two.txt.gz", gzip.compress(PL.encode()) + gzip.compress(RU.encode()))
    write(tmp_path / "x.pdf.gz", gzip.compress(b"%PDF-1.4"))
    results = {r.source: r for r in read_all(tmp_path, limits=Limits(max_file_bytes=4 * MIB))}
    assert results["big.txt.gz"].status == "error" and "over" in results["big.txt.gz"].error
    assert results["cut.txt.gz"].status == "error" and "truncated" in results["cut.txt.gz"].error
    assert results["junk.txt.gz"].status == "error" and "gzip" in results["junk.txt.gz"].error
    assert results["two.txt.gz"].text == PL + RU  # multi-member gzip is one stream
    assert isinstance(results["x.pdf.gz"], Problem)


# --- zip ----------------------------------------------------------------------------------

def test_zip_bomb_refused_before_extraction(tmp_path: Path) -> None:
    f = zeros_zip(tmp_path / "bomb.zip", {"a.txt": 120 * MIB})
    assert f.stat().st_size < 2 * MIB
    out = ingest_in_subprocess([f])
    assert [(r["kind"], "zip bomb" in r["error"]) for r in out["rows"]] == [("Problem", True)], out
    assert out["peak_mib"] - out["base_mib"] < 20, out


def test_zip_total_size_and_entry_count(tmp_path: Path) -> None:
    big = zeros_zip(tmp_path / "total.zip", {f"{i}.txt": 4 * MIB for i in range(5)})
    got = problems(big, limits=Limits(max_archive_total=16 * MIB, max_ratio=1e9))
    assert "uncompressed" in got["total.zip"].error
    many = tmp_path / "many.zip"
    with zipfile.ZipFile(many, "w") as z:
        for i in range(10001):
            z.writestr(f"{i}.txt", "x")
    got = problems(many)
    assert "10001 entries" in got["many.zip"].error


def test_zip_member_lying_about_its_size(tmp_path: Path) -> None:
    """A member whose header says 100 bytes but inflates to 8 MiB is cut at its cap."""
    payload = zlib.compress(bytes(8 * MIB), 9)[2:-4]  # raw deflate
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("liar.txt", b"x" * 100)
    raw = bytearray(buf.getvalue())
    # swap the member's compressed data for the 8 MiB stream, keep the declared sizes
    info = zipfile.ZipFile(io.BytesIO(bytes(raw))).infolist()[0]
    start = info.header_offset + 30 + len(info.filename)
    forged = bytes(raw[:start]) + payload
    cd = raw[start + info.compress_size :]
    forged += bytes(cd)
    f = write(tmp_path / "liar.zip", forged)
    results = read_all(f)
    assert len(results) == 1 and results[0].source.startswith("liar.zip")
    assert getattr(results[0], "status", "error") == "error" or isinstance(results[0], Problem)


def test_zip_traversal_absolute_and_symlink_members_refused(tmp_path: Path) -> None:
    f = tmp_path / "evil.zip"
    with zipfile.ZipFile(f, "w") as z:
        z.writestr("../escape.txt", PL)
        z.writestr("a/../../escape2.txt", PL)
        z.writestr("/etc/evil.txt", PL)
        z.writestr("C:/evil.txt", PL)
        link = zipfile.ZipInfo("link.txt")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        z.writestr(link, "/etc/passwd")
        z.writestr("good.txt", RU)
    before = sorted(p.name for p in tmp_path.parent.iterdir())
    got = {r.source: r for r in read_all(f)}
    assert isinstance(got["evil.zip#../escape.txt"], Problem) and ".." in got["evil.zip#../escape.txt"].error
    assert isinstance(got["evil.zip#a/../../escape2.txt"], Problem)
    assert "absolute" in got["evil.zip#/etc/evil.txt"].error and "absolute" in got["evil.zip#C:/evil.txt"].error
    assert isinstance(got["evil.zip#link.txt"], Problem) and "symlink" in got["evil.zip#link.txt"].error
    assert got["evil.zip#good.txt"].text == RU
    assert sorted(p.name for p in tmp_path.parent.iterdir()) == before
    assert not (tmp_path.parent / "escape.txt").exists() and not Path("/etc/evil.txt").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["evil.zip"]  # nothing extracted


def test_nested_archives_beyond_max_depth(tmp_path: Path) -> None:
    def zipped(name: str, data: bytes) -> bytes:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr(name, data)
        return buf.getvalue()

    level2 = zipped("in.txt", PL.encode())
    level3 = zipped("l2.zip", level2)
    f = write(tmp_path / "l1.zip", zipped("l2.zip", level3))
    got = {r.source: r for r in read_all(f)}
    assert list(got) == ["l1.zip#l2.zip#l2.zip"]
    assert isinstance(got["l1.zip#l2.zip#l2.zip"], Problem) and "deeper" in got["l1.zip#l2.zip#l2.zip"].error
    ok = {r.source: r for r in read_all(write(tmp_path / "k1.zip", level3))}
    assert ok["k1.zip#l2.zip#in.txt"].text == PL


def test_broken_and_empty_zip(tmp_path: Path) -> None:
    write(tmp_path / "junk.zip", b"PK\x03\x04 not really a zip")
    with zipfile.ZipFile(tmp_path / "empty.zip", "w"):
        pass
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", PL * 50)
    write(tmp_path / "cut.zip", buf.getvalue()[:-30])
    got = {r.source: r for r in read_all(tmp_path)}
    assert isinstance(got["junk.zip"], Problem) and "corrupt" in got["junk.zip"].error
    assert isinstance(got["empty.zip"], Problem)
    assert isinstance(got["cut.zip"], Problem)


def test_deeply_nested_html_refused_fast(tmp_path: Path) -> None:
    """250,000 unclosed <div>s (1.2 MB) would take lexbor tens of minutes to build."""
    import time

    write(tmp_path / "deep.html", b"<html><body>" + b"<div>" * 250_000 + PL.encode())
    write(tmp_path / "ok.html", b"<html><body>" + b"<div>" * 300 + PL.encode() + b"</div>" * 300 + b"<p>x" * 20_000)
    started = time.perf_counter()
    got = articles(tmp_path)
    assert time.perf_counter() - started < 30
    assert got["deep.html"].status == "error" and "nested deeper" in got["deep.html"].error
    assert got["ok.html"].status == "ok" and PL in got["ok.html"].text


def test_large_legacy_encoded_file_decoded_in_bounded_time_and_memory(tmp_path: Path) -> None:
    import time

    f = write(tmp_path / "ru.txt", ((RU + "\n") * 50_000).encode("cp1251"))  # ~8 MiB
    started = time.perf_counter()
    out = ingest_in_subprocess([f])
    assert time.perf_counter() - started < 60
    assert [r["status"] for r in out["rows"]] == ["ok"] and out["rows"][0]["n_chars"] == (len(RU) + 1) * 50_000
    # bytes (8 MiB) + the decoded str (2 bytes per Cyrillic char: 16 MiB) + samples
    assert out["peak_mib"] - out["base_mib"] < 60, out

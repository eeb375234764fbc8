"""`pipeline report`: one self-contained HTML file, rendered by headless Chromium without console errors.

Chromium is Debian's `chromium` package (.ci/run installs it); where it is absent the rendering
tests skip with a message. The screenshot is left in the test's temporary folder (its path is
printed) and copied to $PIPELINE_REPORT_SCREENSHOT where that is set.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from conftest import run_pipeline
from pipeline.analyst.report import write_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (apt-get install chromium)")
CONSOLE = re.compile(r":CONSOLE[:(]|Uncaught|Failed to load resource")


class _Rows(HTMLParser):
    """Rows of the table with a given id, as lists of cell texts."""

    def __init__(self, table_id: str):
        super().__init__()
        self.table_id, self.inside, self.rows, self.cell = table_id, False, [], None

    def handle_starttag(self, tag, attrs):
        if tag == "table" and dict(attrs).get("id") == self.table_id:
            self.inside = True
        elif self.inside and tag == "tr":
            self.rows.append([])
        elif self.inside and tag in ("td", "th"):
            self.cell = ""

    def handle_endtag(self, tag):
        if tag == "table":
            self.inside = False
        elif self.inside and tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append(self.cell)
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def table_rows(page: str, table_id: str) -> list[list[str]]:
    parser = _Rows(table_id)
    parser.feed(page)
    return parser.rows


def chromium(args: list[str], profile: Path) -> subprocess.CompletedProcess:
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
           "--host-resolver-rules=MAP * ~NOTFOUND",  # any network fetch would fail and log an error
           "--hide-scrollbars", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180)


@pytest.fixture(scope="module")
def report(sample_out, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("report") / "report.html"
    proc = run_pipeline("report", "--out", str(sample_out), "--html", str(target))
    assert proc.returncode == 0, proc.stderr
    return target


def test_report_is_one_self_contained_file(report, sample_out):
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(?:src|href)\s*=\s*["'](?!#|data:)""", page), "the page must not load anything"
    assert "<link" not in page and "@import" not in page and not re.search(r"url\((?!#|data:)", page)
    assert page.count("<svg") >= 3  # timeline, map, network
    events = pd.read_csv(sample_out / "events.csv", dtype=str, keep_default_na=False)
    agreements = pd.read_csv(sample_out / "agreements.csv", dtype=str, keep_default_na=False)
    ev_rows = table_rows(page, "events-table")
    if len(events):
        assert len(ev_rows) == len(events) + 1  # header + one row per event
        assert {r[0] for r in ev_rows[1:]} == set(events.event_id)
    if len(agreements):
        assert len(table_rows(page, "agreements-table")) == len(agreements) + 1


def test_report_on_hand_made_tables_shows_evidence(tmp_path):
    import analyst_tables as at
    at.write(tmp_path)
    page = write_report(tmp_path, input_roots=[tmp_path / "raw"]).read_text(encoding="utf-8")
    rows = table_rows(page, "events-table")
    evidence = {r[0]: r[-1] for r in rows[1:]}
    assert evidence[f"{at.A1}-e001"] == at.TEXT_A[: at.TEXT_A.index(" Podpisano")]  # from raw/a.txt
    assert evidence[f"{at.A2}-e001"] == at.TEXT_B  # from texts.parquet


@needs_chromium
def test_report_renders_in_chromium_without_console_errors(report, tmp_path):
    shot = tmp_path / "report.png"
    proc = chromium([f"--screenshot={shot}", "--window-size=1400,2600", report.as_uri()], tmp_path / "profile")
    console = [line for line in proc.stderr.splitlines() if CONSOLE.search(line)]
    assert not console, console
    assert shot.exists() and shot.stat().st_size > 20_000, proc.stderr[-2000:]
    import matplotlib.image as mpimg
    pixels = mpimg.imread(shot)
    assert pixels.shape[0] == 2600 and pixels.shape[1] == 1400
    assert pixels[..., :3].std() > 0.05  # not a blank page
    print(f"screenshot: {shot}")
    if os.environ.get("PIPELINE_REPORT_SCREENSHOT"):
        shutil.copy(shot, os.environ["PIPELINE_REPORT_SCREENSHOT"])


@needs_chromium
def test_report_tables_sort_on_click(report, tmp_path):
    page = report.read_text(encoding="utf-8")
    header = table_rows(page, "events-table")[0]
    if len(table_rows(page, "events-table")) < 3:
        pytest.skip("fewer than two events in the sample run: nothing to sort")
    col = header.index("confidence") + 1
    click = ("<script>var th = document.querySelector('#events-table th:nth-child(%d)'); th.click(); th.click();"
             "</script></body>" % col)
    clicked = tmp_path / "clicked.html"
    clicked.write_text(page.replace("</body>", click), encoding="utf-8")
    proc = chromium(["--dump-dom", clicked.as_uri()], tmp_path / "profile")
    assert not [line for line in proc.stderr.splitlines() if CONSOLE.search(line)]
    rows = table_rows(proc.stdout, "events-table")[1:]
    values = [float(r[col - 1]) for r in rows if r[col - 1]]
    assert values == sorted(values, reverse=True)  # two clicks: descending


def test_report_of_a_run_without_any_row(tmp_path):
    from pipeline.tables.schema import TABLES
    from pipeline.tables.write import write_tables
    write_tables({n: pd.DataFrame(columns=c) for n, c in TABLES.items()}, tmp_path, {"csv"})
    page = write_report(tmp_path).read_text(encoding="utf-8")
    assert page.count("<svg") >= 3 and "Events (0)" in page and "Agreements (0)" in page

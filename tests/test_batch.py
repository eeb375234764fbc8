"""Batch behaviour: incremental and resumable runs, the Dask engine, crash safety."""
from __future__ import annotations

import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from conftest import REPO, run_pipeline

RAW = REPO / "data" / "raw"


def csv_bytes(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.csv"))}


def summary_counts(stderr: str) -> tuple[int, int]:
    m = re.search(r"processed (\d+), from cache (\d+)", stderr)
    assert m, stderr
    return int(m.group(1)), int(m.group(2))


def make_archive(folder: Path, n: int) -> None:
    """n distinct small articles, written from the sample articles' bodies."""
    folder.mkdir(parents=True, exist_ok=True)
    bodies = [p.read_text(encoding="utf-8").split("\n\n", 1)[-1] for p in sorted(RAW.glob("*.txt"))]
    for i in range(n):
        (folder / f"n{i:03d}.txt").write_text(
            f"title: Komunikat {i}\npublished: 2019-0{1 + i % 9}-15\n\n{bodies[i % len(bodies)]}\n\nNr {i}.\n",
            encoding="utf-8")


def test_second_run_processes_nothing_and_rewrites_identical_tables(tmp_path):
    out = tmp_path / "out"
    first = run_pipeline("run", str(RAW), "--out", str(out), "--quiet")
    assert first.returncode == 0, first.stderr
    tables = csv_bytes(out)
    processed, cached = summary_counts(first.stderr)
    assert processed > 0 and cached == 0
    second = run_pipeline("run", str(RAW), "--out", str(out), "--quiet")
    assert second.returncode == 0, second.stderr
    assert summary_counts(second.stderr) == (0, processed)
    assert csv_bytes(out) == tables
    forced = run_pipeline("run", str(RAW), "--out", str(out), "--quiet", "--force")
    assert summary_counts(forced.stderr) == (processed, 0)
    assert csv_bytes(out) == tables


def test_new_articles_are_the_only_ones_processed(tmp_path):
    inp, out = tmp_path / "in", tmp_path / "out"
    make_archive(inp, 6)
    assert run_pipeline("run", str(inp), "--out", str(out), "--quiet").returncode == 0
    make_archive(inp, 8)  # same 6 + 2 new
    proc = run_pipeline("run", str(inp), "--out", str(out), "--quiet")
    assert summary_counts(proc.stderr) == (2, 6)
    assert len(pd.read_csv(out / "articles.csv")) == 8


def test_dask_engine_gives_the_same_tables(tmp_path):
    local, dask = tmp_path / "local", tmp_path / "dask"
    assert run_pipeline("run", str(RAW), "--out", str(local), "--quiet", "--workers", "1").returncode == 0
    proc = run_pipeline("run", str(RAW), "--out", str(dask), "--quiet", "--engine", "dask", "--workers", "2")
    assert proc.returncode == 0, proc.stderr
    assert csv_bytes(dask) == csv_bytes(local)
    assert not (dask / ".parts").exists()


def _start(inp: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "pipeline.cli", "run", str(inp), "--out", str(out), "--quiet"],
                            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_killed_runs_leave_old_tables_and_resume_to_the_same_result(tmp_path):
    inp, out, ref = tmp_path / "in", tmp_path / "out", tmp_path / "ref"
    make_archive(inp, 12)
    assert run_pipeline("run", str(inp), "--out", str(ref), "--quiet", "--no-cache").returncode == 0
    reference = csv_bytes(ref)
    # an earlier complete result on a smaller archive is what must survive the kills
    small = tmp_path / "small"
    make_archive(small, 3)
    assert run_pipeline("run", str(small), "--out", str(out), "--quiet", "--no-cache").returncode == 0
    old = csv_bytes(out)
    rng = random.Random(7)
    for point in range(5):
        proc = _start(inp, out)
        time.sleep(rng.uniform(2.0, 12.0) + 2.0 * point)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        now = csv_bytes(out)
        assert now in (old, reference), f"kill point {point}: tables neither the old nor the new complete set"
    final = run_pipeline("run", str(inp), "--out", str(out), "--quiet")
    assert final.returncode == 0, final.stderr
    processed, cached = summary_counts(final.stderr)
    assert processed + cached == 12
    assert csv_bytes(out) == reference

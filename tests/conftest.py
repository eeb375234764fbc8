"""Shared test options: `--runslow` for the long mode; tests that need ../shared skip without it."""
from __future__ import annotations

import pytest

from pipeline.paths import shared_dir


def pytest_addoption(parser):
    parser.addoption("--runslow", action="store_true", default=False,
                     help="also run tests marked slow (long fuzzing, 200 MB files)")


def pytest_collection_modifyitems(config, items):
    skip_slow = pytest.mark.skip(reason="slow: run with --runslow (make test-long)")
    skip_shared = pytest.mark.skip(reason=f"needs {shared_dir()} (set PIPELINE_SHARED)")
    has_shared = shared_dir().exists()
    for item in items:
        if "slow" in item.keywords and not config.getoption("--runslow"):
            item.add_marker(skip_slow)
        if "needs_shared" in item.keywords and not has_shared:
            item.add_marker(skip_shared)


@pytest.fixture(scope="session")
def shared():
    return shared_dir()


REPO = __import__("pathlib").Path(__file__).resolve().parents[1]


def run_pipeline(*args: str, cwd=None) -> "subprocess.CompletedProcess":
    """`pipeline ...` in a subprocess, as a user would run it."""
    import subprocess
    import sys
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], cwd=cwd or REPO,
                          capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="session")
def sample_out(tmp_path_factory):
    """The tables produced from data/raw/ (one run shared by the tests that read them)."""
    out = tmp_path_factory.mktemp("sample_out")
    proc = run_pipeline("run", str(REPO / "data" / "raw"), "--out", str(out), "--quiet", "--format", "both")
    assert proc.returncode == 0, proc.stderr
    return out

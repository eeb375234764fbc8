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

"""Where the read-only shared material lives (never copied into the repository)."""
from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """`$PIPELINE_SHARED`, else `../shared` beside the repository."""
    return Path(os.environ.get("PIPELINE_SHARED", REPO_ROOT.parent / "shared")).resolve()


def require_shared(*parts: str) -> Path:
    """A path inside shared/, or SystemExit with a clear message where it is absent."""
    path = shared_dir().joinpath(*parts)
    if not path.exists():
        raise SystemExit(f"skipped: {path} is not there (set PIPELINE_SHARED to the shared folder)")
    return path

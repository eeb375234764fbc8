"""Where things live: the read-only shared material (never copied into the repository) and the
Polish NER model a run uses."""
from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
PL_NER_MODEL_DIR = Path(__file__).resolve().parent / "models" / "pl_ner"  # the shipped model
PL_NER_MODEL_ENV = "PIPELINE_PL_NER_MODEL"


def pl_ner_model_dir(model_dir: str | Path | None = None) -> Path:
    """`model_dir`, else $PIPELINE_PL_NER_MODEL (to try a model in a whole run without installing
    it), else the shipped model."""
    return Path(model_dir or os.environ.get(PL_NER_MODEL_ENV) or PL_NER_MODEL_DIR)


def shared_dir() -> Path:
    """`$PIPELINE_SHARED`, else `../shared` beside the repository."""
    return Path(os.environ.get("PIPELINE_SHARED", REPO_ROOT.parent / "shared")).resolve()


def require_shared(*parts: str) -> Path:
    """A path inside shared/, or SystemExit with a clear message where it is absent."""
    path = shared_dir().joinpath(*parts)
    if not path.exists():
        raise SystemExit(f"skipped: {path} is not there (set PIPELINE_SHARED to the shared folder)")
    return path

"""Per-language data, looked up by language code.

Each `pipeline/lang/<xx>/__init__.py` declares what the stages need for that language as
plain data (loader paths, word lists); the stages call `lang_data(code, NAME)` instead of
branching on the language code. Larger tables sit beside it as JSON/TSV files.
"""
from __future__ import annotations

import importlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

LANG_DIR = Path(__file__).parent
FALLBACK = "xx"


@lru_cache(maxsize=None)
def _module(code: str):
    try:
        return importlib.import_module(f"pipeline.lang.{code}")
    except ModuleNotFoundError:
        return importlib.import_module(f"pipeline.lang.{FALLBACK}")


def lang_data(code: str, name: str, default: Any = None) -> Any:
    """The value `name` declared for language `code` (fallback language `xx` where absent)."""
    value = getattr(_module(code), name, None)
    if value is None and code != FALLBACK:
        value = getattr(_module(FALLBACK), name, None)
    return default if value is None else value


@lru_cache(maxsize=None)
def load_json(code: str, filename: str) -> Any:
    """A JSON data file of language `code`, or None where the language has none."""
    path = LANG_DIR / code / filename
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def data_lines(path: Path) -> list[str]:
    """The lines of a language data file that carry data: blank lines and `#` comments skipped;
    no lines where the file is absent (a language without that table)."""
    if not path.exists():
        return []
    return [line for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def resolve(dotted: str):
    """'package.module:attr' -> the object (used for per-language loader declarations)."""
    module, _, attr = dotted.partition(":")
    return getattr(importlib.import_module(module), attr)

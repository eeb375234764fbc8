"""Helpers shared by the ingest tests (not a test module)."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from pipeline.ingest import Limits, iter_articles
from pipeline.record import Article, Problem

REPO = Path(__file__).resolve().parents[1]


def read_all(*inputs: Path, limits: Limits = Limits()) -> list[Article | Problem]:
    return list(iter_articles(list(inputs), limits))


def articles(*inputs: Path, limits: Limits = Limits()) -> dict[str, Article]:
    return {r.source: r for r in read_all(*inputs, limits=limits) if isinstance(r, Article)}


def problems(*inputs: Path, limits: Limits = Limits()) -> dict[str, Problem]:
    return {r.source: r for r in read_all(*inputs, limits=limits) if isinstance(r, Problem)}


def ingest_in_subprocess(inputs: list[Path], limits: dict | None = None) -> dict:
    """Run ingest in a fresh interpreter; its results and its own peak RSS in MiB.

    Also the baseline RSS after imports, so tests can bound what reading the input added.
    """
    code = textwrap.dedent(
        """
        import json, resource, sys
        from pathlib import Path
        from pipeline.ingest import Limits, iter_articles
        from pipeline.record import Article
        base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        args = json.loads(sys.argv[1])
        rows = []
        for r in iter_articles([Path(p) for p in args["inputs"]], Limits(**args["limits"])):
            rows.append({"kind": type(r).__name__, "source": r.source, "error": r.error,
                         "status": getattr(r, "status", ""), "n_chars": len(getattr(r, "text", ""))})
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps({"rows": rows, "base_mib": base / 1024, "peak_mib": peak / 1024}))
        """
    )
    arg = json.dumps({"inputs": [str(p) for p in inputs], "limits": limits or {}})
    proc = subprocess.run([sys.executable, "-c", code, arg], capture_output=True, text=True, cwd=REPO, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout)

"""Events and agreements on the held-out set: articles written blind to the extractor, so the
figures say how it generalises beyond the devset it was tuned on.

    python -m pipeline.evaluate.heldout [--out DIR] [--show N] [--json OUT.json]

Runs `pipeline run tests/data/heldout/articles --no-cache` into `--out` (default: a temporary
folder) and prints the full figures of `../shared/eval/score_events.py` against
`tests/data/heldout/gold`. The articles and gold are ours; only the scorer is read from
../shared, and without it the command says so and exits 0.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from pipeline.evaluate.events import score
from pipeline.paths import REPO_ROOT, require_shared

HELDOUT = REPO_ROOT / "tests" / "data" / "heldout"


def run_heldout(out: Path, articles: Path = HELDOUT / "articles") -> None:
    """One uncached run, so the figures never come from results of an older pipeline."""
    cmd = [sys.executable, "-m", "pipeline.cli", "run", str(articles), "--out", str(out),
           "--no-cache", "--quiet"]
    proc = subprocess.run(cmd, cwd=REPO_ROOT, capture_output=True, text=True)
    sys.stdout.write(proc.stdout)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"pipeline run failed ({proc.returncode})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, help="output folder of the run (default: temporary)")
    ap.add_argument("--show", type=int, default=10, help="list the N articles with most errors")
    ap.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    args = ap.parse_args(argv)
    try:
        require_shared("eval", "score_events.py")
    except SystemExit as skip:
        print(skip)
        return 0
    with tempfile.TemporaryDirectory(prefix="eval_heldout_") as tmp:
        out = args.out or Path(tmp) / "out"
        run_heldout(out)
        return score(out, HELDOUT / "gold", args.show, args.json)


if __name__ == "__main__":
    sys.exit(main())

"""Events and agreements against the gold: run the pipeline on the devset and the seed, then
print the full figures of `../shared/eval/score_events.py` for each.

    python -m pipeline.evaluate.events [--out DIR] [--show N] [--json-dir DIR] [--no-run]

The run writes to `--out` (default: a temporary folder) and is scored twice: with
`--gold ../shared/devset/gold` and with `--gold ../shared/seeds`. Nothing from ../shared is
copied; without it the command says so and exits 0.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from pipeline.paths import REPO_ROOT, shared_dir


def run_pipeline(out: Path, inputs: list[Path]) -> None:
    cmd = [sys.executable, "-m", "pipeline.cli", "run", *map(str, inputs), "--out", str(out), "--quiet"]
    proc = subprocess.run(cmd, cwd=REPO_ROOT, capture_output=True, text=True)
    sys.stdout.write(proc.stdout)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"pipeline run failed ({proc.returncode})")


def score(out: Path, gold: Path, show: int, json_out: Path | None) -> int:
    scorer = shared_dir() / "eval" / "score_events.py"
    cmd = [sys.executable, str(scorer), "--pred", str(out), "--gold", str(gold)]
    if show:
        cmd += ["--show", str(show)]
    if json_out:
        cmd += ["--json", str(json_out)]
    print(f"\n$ score_events.py --gold {gold}", flush=True)
    return subprocess.run(cmd, cwd=REPO_ROOT).returncode


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, help="output folder of the run (default: temporary)")
    ap.add_argument("--show", type=int, default=0, help="list the N articles with most errors")
    ap.add_argument("--json-dir", type=Path, help="write devset.json and seed.json figures here")
    ap.add_argument("--no-run", action="store_true", help="score an existing --out without running")
    args = ap.parse_args(argv)
    shared = shared_dir()
    devset, seeds = shared / "devset", shared / "seeds"
    if not (devset / "gold").is_dir() or not seeds.is_dir() or not (shared / "eval" / "score_events.py").exists():
        print(f"skipped: {shared} has no devset/seeds/scorer (set PIPELINE_SHARED to the shared folder)")
        return 0
    with tempfile.TemporaryDirectory(prefix="eval_events_") as tmp:
        out = args.out or Path(tmp) / "out"
        if not args.no_run:
            run_pipeline(out, [devset / "articles", seeds])
        if args.json_dir:
            args.json_dir.mkdir(parents=True, exist_ok=True)
        rc = 0
        for name, gold in (("devset", devset / "gold"), ("seed", seeds)):
            json_out = args.json_dir / f"{name}.json" if args.json_dir else None
            rc |= score(out, gold, args.show, json_out)
    return rc


if __name__ == "__main__":
    sys.exit(main())

"""End-to-end benchmark: throughput at several archive sizes, stages, memory, cold start,
and the naive peer (bench/naive_peer.py) on the same articles in the same run.

    python bench/run.py [--sizes 200,1000,5000] [--workers 1,2] [--peer 200]

The archive is generated from data/raw/ by repeating its articles with varied years, places
of numbering and a closing line, so that no two generated articles are the same text.
Each measurement runs in a fresh subprocess (peak memory is that process's own).

Cold start, two ways: "all models loaded" (import + `warm_up()`, what `--workers N` pays once
before forking) and "time to first result" (process start to the first article processed, as
`--workers 1` does it: each model loads when an article first needs it), for a Polish article
without (bench/first_pl.txt) and with an embedded Russian name (data/raw's first article).

The peer runs twice on the same articles: as written (numpy's BLAS at its default of a thread
per core, which on a busy machine costs the peer more than it gives) and with one BLAS thread
(as the pipeline runs); the ratio is printed against both.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def samples() -> list[tuple[str, str, str]]:
    from pipeline.ingest import iter_articles
    from pipeline.record import Article
    out = []
    for a in iter_articles([REPO / "data" / "raw"]):
        if isinstance(a, Article) and a.status == "ok":
            out.append((a.title, a.published, a.text[a.body_start:]))
    return out


def generate(n: int, folder: Path) -> int:
    """Write n varied articles as .txt files; returns the number of words."""
    base = samples()
    words = 0
    for i in range(n):
        title, published, body = base[i % len(base)]
        shift = (i // len(base)) % 5
        year = str(2019 - shift)
        body = body.replace("2019", year) + f"\n\nKomunikat nr {i + 1}/{year}.\n"
        published = published.replace("2019", year)
        text = f"title: {title}\npublished: {published}\n\n{body}"
        (folder / f"a{i:06d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def child(folder: str, workers: int) -> None:
    """Run the pipeline in this process on `folder` and print figures as JSON."""
    t0 = time.perf_counter()
    from pipeline.run.local import run_local
    from pipeline.tables.write import write_tables
    result = run_local([Path(folder)], workers=workers, quiet=True)
    t1 = time.perf_counter()
    with result.articles as spooled, tempfile.TemporaryDirectory() as out:
        tables, texts = spooled.build(result.problems)
        n_articles = len(spooled)
        t2 = time.perf_counter()
        write_tables(tables, Path(out), {"csv"}, extra_parquet={"texts": texts})
    t3 = time.perf_counter()
    usage, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({
        "seconds": t2 - t0, "process_s": t1 - t0, "tables_s": t2 - t1, "write_s": t3 - t2,
        "cpu_s": usage.ru_utime + usage.ru_stime + children.ru_utime + children.ru_stime,
        "stages": result.stage_seconds, "stages_cpu": result.stage_cpu, "articles": n_articles,
        "events": len(tables["events"]),
        "agreements": len(tables["agreements"]),
        "rss_self_mb": usage.ru_maxrss / 1024, "rss_children_mb": children.ru_maxrss / 1024,
    }))


def first(path: str, launched: float) -> None:
    """Process start (`launched`, the parent's clock) to the first article of `path` processed,
    the way `pipeline run --workers 1` does it (`lingua_ahead` included); prints seconds and
    peak RSS (this process; and any child it had: the lingua child) as JSON."""
    from pipeline.ingest import iter_articles
    from pipeline.record import Article
    from pipeline.run.local import Worker, lingua_ahead
    worker = Worker()
    articles = lingua_ahead((a for a in iter_articles([Path(path)]) if isinstance(a, Article)), worker)
    done, _ = worker(next(articles))
    seconds = time.time() - launched
    articles.close()  # ends the lingua child, if one ran
    print(json.dumps({"seconds": seconds, "status": done.status, "events": len(done.events),
                      "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "rss_children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))


ONE_BLAS_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def _cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _python(code_or_args: list[str], env: dict[str, str] | None = None) -> tuple[str, float, float]:
    """Run a Python subprocess (with `env` added to the environment): (its last output line,
    wall seconds, CPU seconds)."""
    t0, c0 = time.perf_counter(), _cpu_children()
    proc = subprocess.run([sys.executable, *code_or_args], capture_output=True, text=True, cwd=REPO,
                          env={**os.environ, **(env or {})})
    if proc.returncode:
        raise SystemExit(proc.stderr[-2000:])
    return proc.stdout.strip().splitlines()[-1], time.perf_counter() - t0, _cpu_children() - c0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="200,1000,5000")
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--peer", type=int, default=200, help="articles the naive peer processes (0: no peer)")
    ap.add_argument("--child", nargs=2, metavar=("FOLDER", "WORKERS"), help=argparse.SUPPRESS)
    ap.add_argument("--first", nargs=2, metavar=("PATH", "LAUNCHED"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return child(args.child[0], int(args.child[1]))
    if args.first:
        return first(args.first[0], float(args.first[1]))

    sizes = [int(s) for s in args.sizes.split(",")]
    workers = [int(w) for w in args.workers.split(",")]
    _, cold, cold_cpu = _python(["-c", "from pipeline.run.stages import warm_up; warm_up(); print('ok')"])
    _, bare, bare_cpu = _python(["-c", "print('ok')"])
    print(f"cold start, all models loaded (import + warm_up, paid once before forking workers): "
          f"{cold - bare:.2f} s, CPU {cold_cpu - bare_cpu:.2f} s (interpreter alone {bare:.2f} s)")
    raw_first = next(p for p in sorted((REPO / "data" / "raw").iterdir()) if p.suffix == ".txt")
    for label, path in (("Polish article", REPO / "bench" / "first_pl.txt"),
                        (f"Polish article with a Russian name ({raw_first.name})", raw_first)):
        line, _, cpu = _python([__file__, "--first", str(path), repr(time.time())])
        r = json.loads(line)
        child_rss = f", child process {r['rss_children_mb']:.0f} MB" if r.get("rss_children_mb") else ""
        print(f"time to first result, {label}, --workers 1: {r['seconds']:.2f} s, CPU {cpu:.2f} s "
              f"(process start to article processed, interpreter included, CPU of all processes; "
              f"peak RSS {r['rss_mb']:.0f} MB{child_rss})")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            folder = Path(tmp) / f"n{n}"
            folder.mkdir()
            words = generate(n, folder)
            for w in workers:
                line, _, _ = _python([__file__, "--child", str(folder), str(w)])
                r = json.loads(line)
                rss = max(r["rss_self_mb"], r["rss_children_mb"]) if w > 1 else r["rss_self_mb"]
                child_rss = f" (+ lingua child {r['rss_children_mb']:.0f} MB)" if w == 1 and r["rss_children_mb"] else ""
                rows.append((n, w, r, words, rss))
                st = ", ".join(f"{k} {v:.1f}s" for k, v in r["stages"].items())
                print(f"N={n:5d} workers={w}: {n / r['seconds']:7.1f} art/s, {words / r['seconds']:8.0f} words/s, "
                      f"{1000 * r['seconds'] / n:6.1f} ms/article ({1000 * r['cpu_s'] / n:.1f} ms CPU, all processes); "
                      f"stages (wall, summed over workers) {st}; tables {r['tables_s']:.1f}s (+ writing CSV "
                      f"{r['write_s']:.1f}s); peak RSS/worker {rss:.0f} MB{child_rss}; events {r['events']}, "
                      f"agreements {r['agreements']}", flush=True)
                in_stages = sum(r["stages_cpu"].values())
                print(f"    CPU per article: in the stages {1000 * in_stages / n:.1f} ms ("
                      + ", ".join(f"{k} {1000 * v / n:.1f}" for k, v in r["stages_cpu"].items())
                      + f"), outside them {1000 * (r['cpu_s'] - in_stages) / n:.1f} ms (imports, model loads "
                      f"outside the stages, ingest, cache, IPC, tables)", flush=True)
        peer_n = min(args.peer, sizes[0])
        peer_dir = Path(tmp) / f"n{sizes[0]}"
        files = sorted(peer_dir.glob("*.txt"))[:peer_n]
        code = ("import json,sys; sys.path.insert(0,'bench'); from naive_peer import run; from pathlib import Path; "
                f"print(json.dumps(run([Path(p).read_text(encoding='utf-8') for p in {[str(f) for f in files]!r}])))")
        # As written, the peer leaves numpy's BLAS at one thread per core (natasha's CNN runs on it),
        # as a plain script does; the second run caps it at one thread, as the pipeline does.
        peers = {}
        for label, env in (("as written", None), ("one BLAS thread", ONE_BLAS_THREAD)) if files else ():
            line, wall, cpu = _python(["-c", code], env)
            peers[label] = {**json.loads(line), "wall_s": wall, "cpu_s": cpu}
    for label, peer in peers.items():
        peer_rate = peer["articles"] / (peer["load_s"] + peer["process_s"])
        print(f"naive peer ({label}) on {peer['articles']} articles: {peer_rate:.1f} art/s end to end "
              f"({peer['articles'] / peer['process_s']:.1f} art/s excluding {peer['load_s']:.1f} s model load; "
              f"CPU {peer['cpu_s']:.1f} s in {peer['wall_s']:.1f} s)")
        for n, w, r, words, rss in rows:
            print(f"    ratio to this peer at N={n}, {w} worker{'s' if w > 1 else ''}: "
                  f"{n / r['seconds'] / peer_rate:.1f}x end to end" + ("" if w == 1 else " (the peer is one process)"))
    per_article = {n: r["seconds"] / n for n, w, r, _, _ in rows if w == 1}
    if len(per_article) > 1:
        lo, hi = min(per_article.values()), max(per_article.values())
        print(f"per-article time spread across sizes (1 worker): {100 * (hi - lo) / lo:.0f} % "
              f"(end to end, the start-up included)")
        sizes_1 = sorted(per_article)
        marginal = [(b, 1000 * (per_article[b] * b - per_article[a] * a) / (b - a))
                    for a, b in zip(sizes_1, sizes_1[1:])]
        print("marginal time per added article (1 worker, start-up excluded): "
              + ", ".join(f"up to N={b}: {ms:.1f} ms" for b, ms in marginal))
    for n in sizes:
        one = next((r for m, w, r, _, _ in rows if m == n and w == 1), None)
        for m, w, r, _, _ in rows:
            if m == n and w > 1 and one:
                print(f"speed-up with {w} workers at N={n}: {one['seconds'] / r['seconds']:.2f}x")


if __name__ == "__main__":
    main()

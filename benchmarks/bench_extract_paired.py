"""Two versions of extraction timed in paired batches, for a busy machine.

    PYTHONPATH=src .venv/bin/python benchmarks/bench_extract_paired.py --against /tmp/old/src [--pairs 40] [--batch 200]

``bench_extract.py --against`` alternates whole runs of a few seconds each; with
other sessions on both cores the load changes between two runs, and three rounds
of it cannot tell a change of 5 % (on 2026-12-07 one version's rounds spread from
182 to 237 docs/CPU-s).  Here each version runs in a process of its own, started
once, warmed up once (the distinct generated documents extracted twice), and both
processes are pinned to the same core; they then take turns on the same batches of
``--batch`` generated documents, ``--pairs`` times, the first of each pair taking
turns too.  The two CPU times of one pair are measured a second apart, under the
same load, so the ratio of a pair is steady where the figures are not: the median
ratio is the figure to compare versions by, with its lowest and highest.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

WORKER = """
import os, sys, time
sys.path.insert(0, {benchmarks!r})
from bench_extract import generated_documents
from policylens.extraction import extract
os.sched_setaffinity(0, {{{cpu}}})
docs = generated_documents({docs})
for _ in range(2):
    for d in docs:
        extract(d)
print("ready", flush=True)
i = 0
for line in sys.stdin:
    c = time.process_time()
    for _ in range(int(line)):
        extract(docs[i % len(docs)])
        i += 1
    print(time.process_time() - c, flush=True)
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--against", type=Path, required=True, metavar="SRC", help="the other version's src folder")
    ap.add_argument("--pairs", type=int, default=40, help="batches timed in each version (default 40)")
    ap.add_argument("--batch", type=int, default=200, help="documents a batch (default 200)")
    ap.add_argument("--docs", type=int, default=1000, help="distinct generated documents, cycled (default 1000)")
    args = ap.parse_args(argv)
    cpu = min(os.sched_getaffinity(0))
    code = WORKER.format(benchmarks=str(HERE), cpu=cpu, docs=args.docs)
    versions = {"other": args.against.resolve(), "this": HERE.parent / "src"}
    workers = {
        name: subprocess.Popen(
            [sys.executable, "-c", code],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(src)},
        )
        for name, src in versions.items()
    }
    for worker in workers.values():
        if worker.stdout is None or worker.stdout.readline().strip() != "ready":
            print("a worker failed to start", file=sys.stderr)
            return 1
    speeds: dict[str, list[float]] = {name: [] for name in workers}
    for k in range(args.pairs):
        for name in ("other", "this") if k % 2 == 0 else ("this", "other"):
            worker = workers[name]
            assert worker.stdin is not None and worker.stdout is not None
            worker.stdin.write(f"{args.batch}\n")
            worker.stdin.flush()
            speeds[name].append(args.batch / float(worker.stdout.readline()))
    for worker in workers.values():
        assert worker.stdin is not None
        worker.stdin.close()
        worker.wait()
    ratios = [b / a for a, b in zip(speeds["other"], speeds["this"], strict=True)]
    for name, src in versions.items():
        print(f"{name:6} {src}: median {statistics.median(speeds[name]):.1f} docs/CPU-s")
    print(
        f"this / other: median {statistics.median(ratios):.3f} over {len(ratios)} pairs of {args.batch} documents "
        f"(lowest {min(ratios):.3f}, highest {max(ratios):.3f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

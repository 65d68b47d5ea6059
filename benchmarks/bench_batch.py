"""Resolution after a batch: N new generated documents ingested into a knowledge base, the batch's pass timed.

    python benchmarks/bench_batch.py --db sqlite:////tmp/kb10k_copy.db [--docs 20] [--seed 99] [--check]

Run it on a COPY of a knowledge base (bench_ingest.py --keep builds one): the
documents come from bench_ingest's generator with another seed, so they are
new, and go through ``policylens.ingest`` as the CLI's do, which runs the
batch's pass (``KnowledgeBase.resolve(document_ids)``, ``derive.update``);
its time is reported alone (``--full``: the same ingest with a full
rebuild instead, on another copy, for comparison).  A knowledge base from before migration 0011 is
first rebuilt in full (timed apart).  ``--check`` then rebuilds everything
(``derive.rebuild``) and compares the fingerprints of the derived tables:
they must be equal.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_ingest import generate  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from policylens import service  # noqa: E402
from policylens.store import KnowledgeBase  # noqa: E402
from policylens.store.digest import fingerprint, overall  # noqa: E402
from policylens.store.schema import TrackedSubjectRow  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="SQLAlchemy URL of a COPY of a knowledge base")
    ap.add_argument("--docs", type=int, default=20)
    ap.add_argument("--seed", type=int, default=99)
    ap.add_argument("--check", action="store_true", help="compare with a full rebuild afterwards")
    ap.add_argument(
        "--full",
        action="store_true",
        help="run the batch's ingest with a full rebuild instead (the figure to compare with)",
    )
    args = ap.parse_args(argv)
    with KnowledgeBase.open(args.db) as kb:
        with kb.reading() as conn:
            tracked = conn.scalar(select(func.count()).select_from(TrackedSubjectRow))
        if not tracked:
            t0 = time.perf_counter()
            kb.resolve()
            print(f"first full rebuild (no tracked subjects yet): {time.perf_counter() - t0:.2f} s")
        timings = []
        cpu = []  # this process's CPU time: steadier than the wall clock while other work shares the cores
        resolve = kb.resolve

        def timed(document_ids=None):
            t0, c0 = time.perf_counter(), time.process_time()
            try:
                return resolve(None if args.full else document_ids)
            finally:
                timings.append(time.perf_counter() - t0)
                cpu.append(time.process_time() - c0)

        kb.resolve = timed  # type: ignore[method-assign]
        with tempfile.TemporaryDirectory() as folder:
            generate(Path(folder), args.docs, seed=args.seed)
            t0 = time.perf_counter()
            report = service.ingest([folder], db=kb)
            total = time.perf_counter() - t0
        if report.error:  # the pass failed and was rolled back: its time and any fingerprint would mislead
            print(f"ingest of {args.docs}: {report.error}", file=sys.stderr)
            return 1
        if not timings:  # every document was already stored (a seed used before): no batch was resolved
            print(
                f"ingest of {args.docs}: {total:.2f} s, stored {report.count('stored')}: nothing new to resolve; "
                "pass another --seed",
                file=sys.stderr,
            )
            return 2
        print(
            f"ingest of {args.docs}: {total:.2f} s, stored {report.count('stored')}, "
            f"batch resolution {timings[0]:.2f} s (CPU {cpu[0]:.2f} s)"
        )
        if args.check:
            with kb.reading() as conn:
                after_batch = fingerprint(conn)
            t0 = time.perf_counter()
            resolve()
            print(f"full rebuild: {time.perf_counter() - t0:.2f} s")
            with kb.reading() as conn:
                rebuilt = fingerprint(conn)
            print(
                f"batch {overall(after_batch)[:16]}  full {overall(rebuilt)[:16]}  "
                f"{'EQUAL' if after_batch == rebuilt else 'DIFFERENT'}"
            )
            return 0 if after_batch == rebuilt else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

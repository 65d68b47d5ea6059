"""Run the resolution pass on a knowledge base and fingerprint everything it derived.

Optimising ``store/derive.py`` must not change its result.  This script runs
``KnowledgeBase.resolve()`` once (timed), then dumps every derived table as
sorted rows of all its columns and prints one SHA-256 per table and one
overall.  Entity, relation and conflict ids are assigned in a deterministic
order, so the rows are compared raw, ids included: two runs of the same
knowledge base before and after a change must print the same digests.

    PYTHONPATH=src python benchmarks/check_rebuild.py --db sqlite:////tmp/copy.db
    PYTHONPATH=src python benchmarks/check_rebuild.py --db postgresql+psycopg://postgres@127.0.0.1:55432/kb10k_work

Run it on a copy: the pass rewrites the derived tables (to the same rows,
if all is well).  ``--no-resolve`` only fingerprints what is stored.
"""

from __future__ import annotations

import argparse
import sys
import time

from policylens.store.digest import fingerprint, overall
from policylens.store.kb import KnowledgeBase


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="SQLAlchemy URL of a COPY of a knowledge base")
    parser.add_argument("--no-resolve", action="store_true", help="fingerprint without running the pass")
    parser.add_argument(
        "--batch",
        type=int,
        default=0,
        metavar="N",
        help="run the pass as after a batch of the N newest documents (derive.update), not as a full rebuild",
    )
    args = parser.parse_args(argv)
    with KnowledgeBase.open(args.db) as kb:
        if not args.no_resolve:
            t0 = time.perf_counter()
            counts = kb.resolve(_newest(kb, args.batch) if args.batch else None)
            print(f"resolve: {time.perf_counter() - t0:.2f} s {counts}")
        with kb.reading() as conn:
            tables = fingerprint(conn)
    for name, (n, digest) in tables.items():
        print(f"{name:24} {n:>8} {digest[:16]}")
    print(f"{'ALL':24} {'':>8} {overall(tables)[:16]}")
    return 0


def _newest(kb: KnowledgeBase, n: int) -> list[int]:
    from sqlalchemy import select

    from policylens.store.schema import DocumentRow

    with kb.reading() as conn:
        return list(conn.scalars(select(DocumentRow.id).order_by(DocumentRow.id.desc()).limit(n)))


if __name__ == "__main__":
    sys.exit(main())

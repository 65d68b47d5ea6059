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
import datetime as dt
import hashlib
import json
import sys
import time

from sqlalchemy import select

from policylens.store.derive import DERIVED
from policylens.store.kb import KnowledgeBase


def _canon(value: object) -> object:
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _canon(v) for k, v in sorted(value.items())}
    if isinstance(value, (list, tuple)):
        return [_canon(v) for v in value]
    return value


def fingerprint(kb: KnowledgeBase) -> dict[str, tuple[int, str]]:
    """Table name -> (row count, digest of its sorted rows)."""
    out = {}
    with kb.reading() as conn:
        for model in reversed(DERIVED):
            table = model.__table__
            rows = [json.dumps(_canon(list(r)), sort_keys=True, ensure_ascii=False)
                    for r in conn.execute(select(*table.columns))]
            rows.sort()
            digest = hashlib.sha256("\n".join(rows).encode()).hexdigest()
            out[table.name] = (len(rows), digest)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="SQLAlchemy URL of a COPY of a knowledge base")
    parser.add_argument("--no-resolve", action="store_true", help="fingerprint without running the pass")
    args = parser.parse_args(argv)
    with KnowledgeBase.open(args.db) as kb:
        if not args.no_resolve:
            t0 = time.perf_counter()
            counts = kb.resolve()
            print(f"resolve: {time.perf_counter() - t0:.2f} s {counts}")
        tables = fingerprint(kb)
    overall = hashlib.sha256()
    for name, (n, digest) in tables.items():
        print(f"{name:24} {n:>8} {digest[:16]}")
        overall.update(f"{name}:{n}:{digest}\n".encode())
    print(f"{'ALL':24} {'':>8} {overall.hexdigest()[:16]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

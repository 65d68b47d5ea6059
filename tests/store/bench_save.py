"""Throughput of KnowledgeBase.save() alone, on synthetic documents (no reading, no extraction).

    .venv/bin/python tests/store/bench_save.py [--docs 10000] [--db sqlite:///PATH]

Each document is ~3 KB of distinct text with 20 facts (8 quantities, one with an
alternative; 4 events; 8 entities with two mentions each), the size the ingest
benchmark expects.  Documents are built before the clock starts; the time is
that of the save() calls, one process, one commit per document.  On a shared
machine the CPU time is the steadier figure; the difference is mostly waiting
for the disk (WAL writes and checkpoints).
Not collected by pytest: it measures, it does not assert.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from policylens.model import Alternative, Document, Entity, Event, Extraction, Quantity
from policylens.store import KnowledgeBase

WORDS = (
    "province city cluster park plan target output export enterprise industry machine tool "
    "equipment investment billion yuan growth percent annual platform innovation centre "
    "approved launched issued built digital green manufacturing supply chain logistics port "
    "certification standard fund training talent research laboratory product market"
).split()


def synthetic(i: int, rng: random.Random) -> Extraction:
    text = " ".join(rng.choice(WORDS) for _ in range(440))  # ~3 KB
    spans = [(p, p + 12) for p in sorted(rng.sample(range(0, len(text) - 12), 24))]
    quantities = [
        Quantity(
            kind="target",
            text=text[s:e],
            start=s,
            end=e,
            value=rng.random() * 1e9,
            unit="CNY",
            metric="output",
            deadline=2027,
            subject="cluster",
            alternatives=[Alternative(value=1.4e8, unit="USD")] if n == 0 else [],
        )
        for n, (s, e) in enumerate(spans[:8])
    ]
    events = [
        Event(type="launch", text=text[s:e], start=s, end=e, actor="city", date="2026-05") for s, e in spans[8:12]
    ]
    entities = [
        Entity(
            type="place",
            name=f"Place {i}-{n}",
            mentions=[spans[12 + n], spans[12 + n]],
            attributes={"level": "municipal"},
        )
        for n in range(8)
    ]
    return Extraction(
        Document(source=f"synthetic/{i}.txt", text=text, published="2026-05-01"),
        quantities,
        events,
        entities,
        industries=["machine_tools"],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--db", help="knowledge base URL (default: a fresh SQLite file)")
    args = parser.parse_args()
    rng = random.Random(7)
    docs = [synthetic(i, rng) for i in range(args.docs)]
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'bench.db'}"
        with KnowledgeBase.open(url) as kb:
            started, cpu_started = time.perf_counter(), time.process_time()
            statuses = [kb.save(doc).status for doc in docs]
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
            stored = kb.count_documents()
    print(
        f"{len(docs)} saves in {elapsed:.1f} s: {len(docs) / elapsed:.0f} docs/s, "
        f"{1000 * elapsed / len(docs):.2f} ms/doc wall, {1000 * cpu / len(docs):.2f} ms/doc CPU "
        f"(this process); {statuses.count('stored')} stored, {stored} in the knowledge base"
    )


if __name__ == "__main__":
    main()

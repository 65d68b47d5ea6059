"""Knowledge-base benchmark: N generated documents ingested, then p50/p95 latency of `targets` and `search`.

    python benchmarks/bench_kb.py [--docs 10000] [--db URL] [--repeat 30] [--queries-only]

Documents come from bench_ingest's generator (the demo corpus perturbed:
mixed paragraphs, swapped places, scaled numbers).  Ingest goes through
``policylens.ingest`` as the CLI does, so the time includes the one
resolution pass after the batch (reported separately as well, re-run on the
stored documents).  Each query is then run ``--repeat`` times through the
KnowledgeBase methods the CLI calls; the first run of each is a warm-up and
not counted.  The default database is a fresh SQLite file; pass a
PostgreSQL URL (an empty database) for the same on PostgreSQL.
``--queries-only`` times the queries on a knowledge base ``--db`` already
holds (one an earlier run built), skipping generation and ingest.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_ingest import generate  # noqa: E402  (the same generated documents as the ingest benchmark)

from policylens import service  # noqa: E402
from policylens.config import Settings  # noqa: E402
from policylens.store import KnowledgeBase  # noqa: E402

AS_OF = dt.date(2026, 11, 22)
TARGET_QUERIES = {
    "all targets (first 50)": dict(limit=50),
    "region Shandong, first 50": dict(region="Shandong", limit=50),
    "region Qingdao, first 100": dict(region="Qingdao", limit=100),
    "region Jiangsu, status met, first 50": dict(region="Jiangsu", status="met", limit=50),
    # Whole listings (every matching target judged and returned), for scale.
    "region Qingdao, all": dict(region="Qingdao"),
    "region Jiangsu, status met, all": dict(region="Jiangsu", status="met"),
    "industry machine-tools, region Shandong": dict(industry="machine-tools", region="Shandong", limit=50),
    "entity Weifang, status past_due_unverified": dict(entity="Weifang", status="past_due_unverified", limit=50),
}
SEARCH_QUERIES = {
    "smart factories": dict(query="smart factories"),
    "export, region Shandong": dict(query="export", region="Shandong"),
    "cluster, industry machine-tools, since 2024": dict(
        query="cluster", industry="machine-tools", since=dt.date(2024, 1, 1)
    ),
    "industrial park, source media": dict(query="industrial park", source_type="media"),
    "hydrogen equipment, entity Weifang": dict(query="hydrogen equipment", entity="Weifang"),
}


def _timed(call, repeat: int) -> dict[str, float]:
    call()  # warm-up: caches, the first connection
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        rows = call()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return {
        "p50_ms": round(statistics.median(times), 2),
        "p95_ms": round(times[min(len(times) - 1, int(0.95 * len(times)))], 2),
        "rows": len(rows),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--db", default=None, help="knowledge base URL (default: a fresh SQLite file in a temp dir)")
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument(
        "--out",
        type=Path,
        default=None,
        help="where to write the JSON result (default: benchmarks/results/kb-<db>.json)",
    )
    ap.add_argument(
        "--queries-only",
        action="store_true",
        help="time the queries on the knowledge base --db already holds; no ingest",
    )
    args = ap.parse_args(argv)
    if args.queries_only and not args.db:
        ap.error("--queries-only needs --db (an existing knowledge base)")

    work = Path(tempfile.mkdtemp(prefix="policylens-bench-kb-"))
    try:
        db = args.db or f"sqlite:///{work / 'bench.db'}"
        backend = "postgresql" if db.startswith("postgresql") else "sqlite"
        with KnowledgeBase.open(db) as kb:
            result = {"db": backend, **({} if args.queries_only else _build(kb, db, work / "docs", args.docs))}
            result.update(
                {
                    "documents_in_kb": kb.count_documents(),
                    "as_of": AS_OF.isoformat(),
                    "repeat": args.repeat,
                    "targets": {
                        name: _timed(lambda q=q: kb.targets(as_of=AS_OF, **q), args.repeat)
                        for name, q in TARGET_QUERIES.items()
                    },
                    "search": {
                        name: _timed(
                            lambda q=q: kb.search(q["query"], **{k: v for k, v in q.items() if k != "query"}),
                            args.repeat,
                        )
                        for name, q in SEARCH_QUERIES.items()
                    },
                }
            )
        print(json.dumps(result, indent=2))
        name = f"kb-{backend}-queries.json" if args.queries_only else f"kb-{backend}.json"
        out = args.out or Path(__file__).resolve().parent / "results" / name
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _build(kb: KnowledgeBase, db: str, docs: Path, count: int) -> dict:
    """Generate ``count`` documents, ingest them as the CLI does, then time one more resolution pass."""
    docs.mkdir()
    generate(docs, count)
    t0 = time.perf_counter()
    report = service.ingest([str(docs)], db=kb, settings=Settings(db_url=db))
    ingest_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    counts = kb.resolve()
    resolve_s = time.perf_counter() - t0
    return {
        "documents": count,
        "stored": report.count("stored"),
        "failed": len(report.failed),
        "ingest_seconds": round(ingest_s, 2),
        "documents_per_second": round(count / ingest_s, 1),
        "resolve_seconds": round(resolve_s, 2),
        "derived": counts,
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


if __name__ == "__main__":
    sys.exit(main())

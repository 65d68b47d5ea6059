"""Web load test: `policylens serve` on 127.0.0.1, p50/p95 latency and requests/s of the dashboard, a document
page and /api/v1/targets over a knowledge base of N generated documents.

    python benchmarks/bench_web.py [--docs 10000] [--db URL] [--requests 300] [--seconds 60]

With --db pointing at a knowledge base that already holds documents, that
one is used as it is (build it once, measure many times); otherwise the N
documents come from bench_ingest's generator and are ingested first through
``policylens.ingest``, as bench_kb does.  The server is the real command, a
subprocess on a free port.  Each route gets a few warm-up requests, then at
most --requests requests, one at a time, stopping early after --seconds:
the load is bounded in count and in time.  The first request of each route
is reported apart: the dashboard keeps its aggregates for a minute, so that
one shows the uncached cost.  The JSON result is printed and
written to benchmarks/results/web-<db>.json.  Goals: p95 under 150 ms for
pages, under 50 ms for the API.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_ingest import generate

from policylens import service
from policylens.config import Settings
from policylens.store import KnowledgeBase

AS_OF = "2026-11-22"
GOALS_MS = {"page": 150, "api": 50}
WARM_UP = 3


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ensure_kb(db: str | None, docs: int, work: Path) -> tuple[str, int]:
    """The knowledge base to serve and its document count: the one given if it has documents, else built."""
    if db:
        with KnowledgeBase.open(db) as kb:
            if (count := kb.count_documents()) > 0:
                return db, count
    db = db or f"sqlite:///{work / 'bench.db'}"
    folder = work / "docs"
    folder.mkdir()
    generate(folder, docs)
    t0 = time.perf_counter()
    report = service.ingest([str(folder)], db=db, settings=Settings(db_url=db))
    print(f"built {db}: {report.count('stored')} documents in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    return db, report.count("stored")


def _serve(db: str, port: int) -> subprocess.Popen:
    command = [
        sys.executable,
        "-c",
        "from policylens.cli import main; main()",
        "--db",
        db,
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    return subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "POLICYLENS_TOKEN": ""},
    )


def _wait_ready(client: httpx.Client, server: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"the server exited: {server.stderr.read()}")
        try:
            if client.get("/api/v1/overview").status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    sys.exit(f"the server did not answer within {timeout:.0f} s")


def _measure(client: httpx.Client, path: str, requests: int, seconds: float) -> dict:
    """Latency of one route; ``first_ms`` is the first request, before any cache (the dashboard's) is warm."""
    t0 = time.perf_counter()
    client.get(path).raise_for_status()
    first_ms = (time.perf_counter() - t0) * 1000
    for _ in range(WARM_UP - 1):
        client.get(path).raise_for_status()
    times: list[float] = []
    started = time.perf_counter()
    while len(times) < requests and time.perf_counter() - started < seconds:
        t0 = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - t0) * 1000)
        response.raise_for_status()
    elapsed = time.perf_counter() - started
    times.sort()
    return {
        "path": path,
        "requests": len(times),
        "first_ms": round(first_ms, 1),
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[min(len(times) - 1, int(0.95 * len(times)))], 1),
        "max_ms": round(times[-1], 1),
        "requests_per_second": round(len(times) / elapsed, 1),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=10_000, help="documents to generate when building (default 10000)")
    ap.add_argument("--db", default=None, help="knowledge base URL; reused as it is when it holds documents")
    ap.add_argument("--requests", type=int, default=300, help="at most this many measured requests per route")
    ap.add_argument("--seconds", type=float, default=60, help="and at most this long per route")
    ap.add_argument("--out", type=Path, default=None, help="JSON result (default benchmarks/results/web-<db>.json)")
    args = ap.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="policylens-bench-web-"))
    server = None
    try:
        db, count = _ensure_kb(args.db, args.docs, work)
        port = _free_port()
        server = _serve(db, port)
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            _wait_ready(client, server)
            middle = client.get("/api/v1/documents", params={"limit": 1, "offset": count // 2}).json()["items"][0]
            routes = {
                "dashboard": ("page", f"/?as_of={AS_OF}"),
                "document page": ("page", f"/documents/{middle['id']}"),
                "api targets": ("api", f"/api/v1/targets?as_of={AS_OF}"),
            }
            results = {
                name: {
                    "kind": kind,
                    "goal_p95_ms": GOALS_MS[kind],
                    **_measure(client, path, args.requests, args.seconds),
                }
                for name, (kind, path) in routes.items()
            }
        for r in results.values():
            r["meets_goal"] = r["p95_ms"] < r["goal_p95_ms"]
        backend = "postgresql" if db.startswith("postgresql") else "sqlite"
        result = {"db": backend, "documents": count, "as_of": AS_OF, "routes": results}
        print(json.dumps(result, indent=2))
        out = args.out or Path(__file__).resolve().parent / "results" / f"web-{backend}.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

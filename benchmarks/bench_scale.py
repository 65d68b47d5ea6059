"""Scale benchmark: knowledge bases of 1,000, 10,000 and 100,000 generated documents on SQLite and PostgreSQL.

    python benchmarks/bench_scale.py [--sizes 1000 10000 100000] [--backends sqlite postgresql]
                                     [--dir /work/scale] [--batch 1000] [--repeat 10] [--requests 50]

For each backend and size N:

1. **build**: N documents (bench_ingest's generator) ingested with 2 workers
   (``bench_ingest.py`` in a subprocess): documents/s with and without the
   resolution pass that ends the batch, peak RSS of the writer before and
   after that pass, CPU seconds of the writer and of the whole process tree;
2. **queries** on the N-document knowledge base: p50/p95 of bench_kb's
   ``targets`` and ``search`` query sets (store calls, as the CLI makes them),
   and of the dashboard, a document page and ``/api/v1/targets`` served by
   the real ``policylens serve`` (bench_web's serve-and-request code);
3. **marginal ingest** of ``--batch`` new documents into it, once with 1 worker
   and once with 2 (the per-worker rate at that size, and whether the memory of
   an ingest grows with the knowledge base), then 20 more with the resolution
   that follows them timed (``kb.resolve()`` over an N-document base).

SQLite knowledge bases are built in ``--dir`` as ``kbN.sqlite`` (written under
a temporary name, renamed when the build is complete, and not modified after:
step 3 runs on a copy).  PostgreSQL runs in a throwaway server started here as
``tests/conftest.py`` starts its own, durability off (fsync, synchronous_commit
and full_page_writes off): its write figures are an upper bound for a durable
server.  Results go to benchmarks/results/scale.json (merged with earlier runs
by backend and size) and a markdown table is printed.
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
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_kb import AS_OF, SEARCH_QUERIES, TARGET_QUERIES, _timed  # noqa: E402
from bench_web import _free_port, _measure, _serve, _wait_ready  # noqa: E402

from policylens.store import KnowledgeBase  # noqa: E402

BUILD_SEED, ONE_SEED, TWO_SEED, RESOLVE_SEED = 7, 1001, 1002, 1003  # distinct generated batches
RESOLVE_BATCH = 20
PG_USER = "postgres"


def ingest(db: str, docs: int, seed: int, workers: int) -> dict:
    """bench_ingest.py in a subprocess; its JSON plus the CPU and peak RSS of its whole process tree."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        command = [
            sys.executable,
            str(HERE / "bench_ingest.py"),
            "--docs",
            str(docs),
            "--seed",
            str(seed),
            "--workers",
            str(workers),
            "--db",
            db,
            "--out",
            out.name,
        ]
        load = os.getloadavg()[0]
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        if status != 0:
            sys.exit(f"{' '.join(command)} failed ({status})")
        result = json.loads(Path(out.name).read_text())
    # The machine is shared: the 1-minute load average before and after says what the timings competed with.
    result["load_average"] = [round(load, 2), round(os.getloadavg()[0], 2)]
    # The worker processes count when they were reaped before the child exited (the pool shuts down first).
    result["cpu_seconds_process_tree"] = round(usage.ru_utime + usage.ru_stime, 2)
    return result


def queries(db: str, repeat: int) -> dict:
    with KnowledgeBase.open(db) as kb:
        return {
            "targets": {
                name: _timed(lambda q=q: kb.targets(as_of=AS_OF, **q), repeat) for name, q in TARGET_QUERIES.items()
            },
            "search": {
                name: _timed(lambda q=q: kb.search(q["query"], **{k: v for k, v in q.items() if k != "query"}), repeat)
                for name, q in SEARCH_QUERIES.items()
            },
        }


def web(db: str, count: int, requests: int, seconds: float) -> dict:
    port = _free_port()
    server = _serve(db, port)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
            _wait_ready(client, server)
            middle = client.get("/api/v1/documents", params={"limit": 1, "offset": count // 2}).json()["items"][0]
            routes = {
                "dashboard": f"/?as_of={AS_OF}",
                "document page": f"/documents/{middle['id']}",
                "api targets": f"/api/v1/targets?as_of={AS_OF}",
            }
            return {name: _measure(client, path, requests, seconds) for name, path in routes.items()}
    finally:
        server.terminate()
        server.wait(timeout=30)


def size_bytes(db: str) -> int:
    if db.startswith("sqlite"):
        path = Path(db.removeprefix("sqlite:///"))
        return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
    with KnowledgeBase.open(db) as kb, kb.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT pg_database_size(current_database())").scalar_one()


def run(backend: str, size: int, args: argparse.Namespace, pg: PgServer | None) -> dict:
    """Build, time the queries, then the marginal ingests; the result so far is saved after each step."""
    if backend == "sqlite":
        final = args.dir / f"kb{size}.sqlite"
        building = final.with_name(final.name + ".building")
        if args.built:  # a build bench_ingest finished (or is finishing) into ``building``, with this JSON
            build = json.loads(args.built.read_text())
        else:
            for stale in [*args.dir.glob(building.name + "*"), *args.dir.glob(final.name + "*")]:
                stale.unlink()
            build = ingest(f"sqlite:///{building}", size, BUILD_SEED, args.workers)
        if building.exists():
            building.rename(final)  # bench_ingest closed it: checkpointed, no -wal left
        db = f"sqlite:///{final}"
    else:
        assert pg is not None
        db = build_db = pg.create_database(f"kb{size}")
        build = ingest(build_db, size, BUILD_SEED, args.workers)
    print(f"{backend} {size}: built, {build['documents_per_second']} docs/s", file=sys.stderr)
    result = {"backend": backend, "documents": size, "build": build, "bytes": size_bytes(db)}
    _merged(args.out, result)
    load = os.getloadavg()[0]
    result["queries"] = queries(db, args.repeat)
    _merged(args.out, result)
    result["web"] = web(db, size, args.requests, args.seconds)
    result["queries_load_average"] = [round(load, 2), round(os.getloadavg()[0], 2)]
    _merged(args.out, result)
    print(f"{backend} {size}: queries timed", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="policylens-scale-", dir=args.dir) as scratch:
        if backend == "sqlite":  # the built file stays as built (others copy it); more documents go to a copy
            copy = Path(scratch) / final.name
            shutil.copyfile(final, copy)
            db = f"sqlite:///{copy}"
        for key, docs, seed, workers in (
            ("ingest_1_worker", args.batch, ONE_SEED, 1),
            ("ingest_2_workers", args.batch, TWO_SEED, 2),
            ("resolve_after_20", RESOLVE_BATCH, RESOLVE_SEED, 1),
        ):
            result[key] = ingest(db, docs, seed, workers)
            _merged(args.out, result)
    print(f"{backend} {size}: marginal ingest done", file=sys.stderr)
    return result


def table(results: list[dict]) -> str:
    """One markdown row per backend and size."""

    def loads(pair: list[float] | None) -> str:
        if not pair:
            return "not recorded"
        low, high = f"{min(pair):.1f}", f"{max(pair):.1f}"
        return low if low == high else f"{low}–{high}"

    head = (
        "| backend | documents | build docs/s (2 workers; without resolution) | +batch docs/s 1 worker "
        "| +batch docs/s 2 workers | resolve after +20 (s) | peak RSS writer MiB (build; +batch) "
        "| MB on disk | targets p50 / worst p95 ms (paged) | search p50 / worst p95 ms "
        "| dashboard p50/p95 ms | document page p50/p95 ms | API targets p50/p95 ms "
        "| load average (queries; +20) |"
    )
    lines = [head, "|" + "---|" * head.count(" | ") + "---|"]
    for r in results:
        b = r["build"]
        one = r.get("ingest_1_worker", {})
        two = r.get("ingest_2_workers", {})

        def worst(group: str, r: dict = r) -> str:
            if group not in r.get("queries", {}):
                return "not measured"
            # Paged queries only (the goal's); the whole listings (", all") are in the JSON.
            queries_ = [q for name, q in r["queries"][group].items() if not name.endswith(", all")]
            return f"{statistics.median(q['p50_ms'] for q in queries_):.0f} / {max(q['p95_ms'] for q in queries_):.0f}"

        def route(name: str, r: dict = r) -> str:
            if name not in r.get("web", {}):
                return "not measured"
            return f"{r['web'][name]['p50_ms']:.0f} / {r['web'][name]['p95_ms']:.0f}"

        def rate(step: dict) -> str:
            return str(step["store_documents_per_second"]) if step else "not measured"

        twenty = r.get("resolve_after_20", {})
        resolved = (
            f"{twenty['resolve_seconds']} ({twenty['resolve_cpu_seconds']} CPU)"
            if "resolve_cpu_seconds" in twenty
            else twenty.get("resolve_seconds", "not measured")
        )
        batch_rss = max((s["peak_rss_mib"] for s in (one, two) if s), default=None)
        lines.append(
            f"| {r['backend']} | {r['documents']:,} | {b['documents_per_second']} ({b['store_documents_per_second']}) "
            f"| {rate(one)} | {rate(two)} | {resolved} "
            f"| {b['peak_rss_mib']:.0f}; {f'{batch_rss:.0f}' if batch_rss else 'not measured'} "
            f"| {r['bytes'] / 1e6:,.0f} | {worst('targets')} | {worst('search')} "
            f"| {route('dashboard')} | {route('document page')} | {route('api targets')} "
            f"| {loads(r.get('queries_load_average'))}; {loads(twenty.get('load_average'))} |"
        )
    return "\n".join(lines)


class PgServer:
    """A throwaway PostgreSQL cluster on 127.0.0.1 (see ``pg_server``)."""

    def __init__(self, port: int):
        self.port = port

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=PG_USER, dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://{PG_USER}@127.0.0.1:{self.port}/{name}"


@contextmanager
def pg_server() -> Iterator[PgServer]:
    """initdb, start, yield, stop: as tests/conftest.py does (as root, the server runs as the postgres user)."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name))
    bindir = found[-1].parent if found else Path(shutil.which("initdb") or "initdb").parent
    base = Path(tempfile.mkdtemp(prefix="policylens-scale-pg-"))
    as_root = os.geteuid() == 0
    if as_root:
        shutil.chown(base, user=PG_USER)

    def pg(*args: str) -> None:
        command = [str(bindir / args[0]), *args[1:]]
        subprocess.run(
            ["runuser", "-u", PG_USER, "--", *command] if as_root else command,
            cwd=base,
            check=True,
            capture_output=True,
        )

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    options = (
        f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off"
    )
    pg("initdb", "-D", str(base / "data"), "-U", PG_USER, "--auth=trust", "-E", "UTF8", "--locale=C")
    pg("pg_ctl", "-D", str(base / "data"), "-o", options, "-l", str(base / "server.log"), "-w", "start")
    try:
        yield PgServer(port)
    finally:
        pg("pg_ctl", "-D", str(base / "data"), "-m", "fast", "-w", "stop")
        shutil.rmtree(base, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    ap.add_argument("--backends", nargs="+", choices=["sqlite", "postgresql"], default=["sqlite", "postgresql"])
    ap.add_argument("--dir", type=Path, default=Path("/work/scale"), help="where the SQLite knowledge bases go")
    ap.add_argument("--workers", type=int, default=2, help="of the build (default 2)")
    ap.add_argument("--batch", type=int, default=1000, help="documents of each marginal ingest (default 1000)")
    ap.add_argument("--repeat", type=int, default=10, help="timed runs of each store query")
    ap.add_argument("--requests", type=int, default=50, help="at most this many requests per route")
    ap.add_argument("--seconds", type=float, default=20, help="and at most this long per route")
    ap.add_argument("--out", type=Path, default=HERE / "results" / "scale.json")
    ap.add_argument(
        "--built",
        type=Path,
        default=None,
        help="SQLite: the JSON of a bench_ingest build already made into DIR/kbN.sqlite(.building); measure the rest",
    )
    ap.add_argument("--table-only", action="store_true", help="print the table of the results in --out; run nothing")
    args = ap.parse_args(argv)
    if args.table_only:
        print(table(json.loads(args.out.read_text())))
        return 0
    args.dir.mkdir(parents=True, exist_ok=True)

    for backend in args.backends:
        with pg_server() if backend == "postgresql" else _nothing() as pg:
            for size in args.sizes:
                _merged(args.out, run(backend, size, args, pg))  # read again: another run may have added sizes
    print(table(json.loads(args.out.read_text())))
    return 0


def _merged(out: Path, result: dict) -> list[dict]:
    """The results in ``out`` with this one added (replacing an earlier run of its backend and size); written."""
    previous = json.loads(out.read_text()) if out.exists() else []
    results = {(r["backend"], r["documents"]): r for r in previous}
    results[result["backend"], result["documents"]] = result
    ordered = [results[k] for k in sorted(results)]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(ordered, indent=2) + "\n", encoding="utf-8")
    return ordered


@contextmanager
def _nothing() -> Iterator[None]:
    yield None


if __name__ == "__main__":
    sys.exit(main())

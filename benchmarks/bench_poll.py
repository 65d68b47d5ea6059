"""Poll benchmark: F feeds of E entries each, served from 127.0.0.1, polled into a fresh knowledge base.

    python benchmarks/bench_poll.py [--feeds 200] [--entries 50] [--workers 2] [--db URL] [--profile]

A local HTTP server (a process of its own, so that it does not compete with
the poll for the interpreter lock) serves RSS feeds whose entries link to article pages
(generated as bench_ingest.py generates documents, so they are distinct
and of realistic size), honouring ETag and Last-Modified.  Two watchlists
are set; one poll reads every feed, follows every link, stores and
matches every article and delivers the alerts to a JSONL file.  A second
poll of the unchanged feeds (every one answered 304) is timed too.

Reports total time, the part of it until the last entry was stored (the rest
is resolution, matching and delivery), entries and alerts per second, and
the second poll's time, as JSON (also written to benchmarks/results/poll.json).  --profile
runs the first poll under pyinstrument and prints where the time went.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import random
import resource
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from bench_ingest import make_document, sample_paragraphs

from policylens import monitor
from policylens.config import Settings
from policylens.store import KnowledgeBase

WATCHLISTS = {
    "qingdao machine tools": {"region": "Qingdao", "industry": "machine-tools"},
    "green factories": {"keyword": "green factory"},
}


def site(feeds: int, entries: int, seed: int = 7) -> dict[str, bytes]:
    """Every path the server answers: /feed/F.xml and /news/F/E.html."""
    rng, paras = random.Random(seed), sample_paragraphs()
    pages: dict[str, bytes] = {}
    for f in range(feeds):
        items = []
        for e in range(entries):
            text = make_document(f * entries + e, paras, rng)
            title, _, body = text.partition("\n\n")
            path = f"/news/{f}/{e}.html"
            paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
            pages[path] = (
                f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
                f"{paragraphs}</article></body></html>"
            ).encode()
            items.append(f"<item><title>{title}</title><link>{{base}}{path}</link><guid>{path}</guid></item>")
        pages[f"/feed/{f}.xml"] = (
            "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            f"<title>feed {f}</title>{''.join(items)}</channel></rss>"
        ).encode()
    return pages


def serve(pages: dict[str, bytes], requests: Counter[str] | None = None) -> tuple[ThreadingHTTPServer, str]:
    """Serve ``pages`` with ETags on 127.0.0.1; ``requests`` (if given) counts the requests per path."""
    etags = {path: '"' + hashlib.sha1(body).hexdigest()[:16] + '"' for path, body in pages.items()}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body leave at once, not 40 ms apart

        def do_GET(self):  # noqa: N802
            if requests is not None:
                requests[self.path] += 1
            body = pages.get(self.path)
            if body is None:
                self.send_error(404)
                return
            if self.headers.get("If-None-Match") == etags[self.path]:
                self.send_response(304)
                self.send_header("ETag", etags[self.path])
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            kind = "application/rss+xml" if self.path.endswith(".xml") else "text/html; charset=utf-8"
            self.send_header("Content-Type", kind)
            self.send_header("ETag", etags[self.path])
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    host, port = httpd.server_address[:2]
    base = f"http://{host}:{port}"
    for path in [p for p in pages if p.endswith(".xml")]:
        pages[path] = pages[path].replace(b"{base}", base.encode())
        etags[path] = '"' + hashlib.sha1(pages[path]).hexdigest()[:16] + '"'
    return httpd, base


def _serve_site(feeds: int, entries: int, pipe) -> None:
    """The server process: generate the site, serve it, send back its base URL, serve until killed."""
    _httpd, base = serve(site(feeds, entries))
    pipe.send(base)
    threading.Event().wait()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--feeds", type=int, default=200)
    ap.add_argument("--entries", type=int, default=50)
    ap.add_argument("--workers", type=int, default=2, help="processes that read and extract (default 2)")
    ap.add_argument("--db", default=None, help="knowledge base URL (default: a fresh SQLite file in a temp dir)")
    ap.add_argument("--profile", action="store_true", help="profile the first poll with pyinstrument")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "results" / "poll.json")
    args = ap.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="policylens-bench-poll-"))
    server = None
    try:
        t0 = time.perf_counter()
        ours, theirs = multiprocessing.Pipe()
        server = multiprocessing.Process(target=_serve_site, args=(args.feeds, args.entries, theirs), daemon=True)
        server.start()
        base = ours.recv()
        gen_s = time.perf_counter() - t0
        db = args.db or f"sqlite:///{work / 'bench.db'}"
        # One local host serves every feed: no pacing, and its address (127.0.0.1) is allowed.
        settings = Settings(db_url=db, crawl_delay=0, allow_private_feeds=True)
        alerts_file = work / "alerts.jsonl"
        with KnowledgeBase.open(db) as kb:
            for name, criteria in WATCHLISTS.items():
                monitor.add_watchlist(kb, name, **criteria)
            for f in range(args.feeds):
                monitor.add_feed(kb, f"{base}/feed/{f}.xml", "1h")
            profiler = None
            if args.profile:
                from pyinstrument import Profiler

                profiler = Profiler()
                profiler.start()
            last_stored = [0.0]

            def on_outcome(_outcome) -> None:
                last_stored[0] = time.perf_counter()

            t0 = time.perf_counter()
            first = monitor.poll(
                kb, settings, deliver_to=[f"jsonl:{alerts_file}"], workers=args.workers, on_outcome=on_outcome
            )
            elapsed = time.perf_counter() - t0
            until_stored = last_stored[0] - t0 if last_stored[0] else 0.0
            cpu = resource.getrusage(resource.RUSAGE_SELF)
            if profiler is not None:
                profiler.stop()
                print(profiler.output_text(unicode=True, color=False, show_all=False), file=sys.stderr)
            t0 = time.perf_counter()
            second = monitor.poll(kb, settings, deliver_to=[f"jsonl:{alerts_file}"], every_feed=True)
            second_s = time.perf_counter() - t0
        entries = sum(f.entries for f in first.feeds)
        result = {
            "feeds": args.feeds,
            "entries": entries,
            "stored": first.stored,
            "failed": len(first.errors),
            "first_errors": first.errors[:3],
            "alerts": len(first.alerts),
            "delivered": sum(d.delivered for d in first.deliveries),
            "workers": args.workers,
            "seconds": round(elapsed, 2),
            "seconds_until_last_stored": round(until_stored, 2),
            "entries_per_second": round(entries / elapsed, 1),
            "cpu_seconds_this_process": round(cpu.ru_utime + cpu.ru_stime, 2),
            "alerts_per_second": round(len(first.alerts) / elapsed, 1),
            "second_poll_seconds": round(second_s, 2),
            "second_poll_not_modified": sum(f.status == "not_modified" for f in second.feeds),
            "generation_seconds": round(gen_s, 2),
            "db": "postgresql" if db.startswith("postgresql") else "sqlite",
        }
        print(json.dumps(result, indent=2))
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    finally:
        if server is not None:
            server.kill()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

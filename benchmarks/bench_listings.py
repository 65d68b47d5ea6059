"""Listing benchmark: S listing pages (no feeds) of E article links each, served from 127.0.0.1 and polled.

    python benchmarks/bench_listings.py [--sources 200] [--entries 5] [--db URL]

Each listing is a portal-shaped page (a menu, the main ``<ul>`` of dated
title links, a footer) whose links are relative; the articles are distinct
documents generated as bench_ingest.py generates them.  The first poll
classifies every source, reads its list, follows every link and stores
every article; a second poll of the unchanged listings is timed too, and
the server's request counts say what each cost: the goal for an unchanged
listing is one conditional request (robots.txt is kept from the first poll).

Pacing is off (``crawl_delay=0``): one local host serves every source, and
the figure measured is the reader's work, not the politeness delay.
Results as JSON (also written to benchmarks/results/listings.json).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench_ingest import make_document, sample_paragraphs
from bench_poll import serve

from policylens import monitor
from policylens.config import Settings
from policylens.store import KnowledgeBase

MENU = '<div class="nav"><a href="/">Home</a> <a href="/about.html">About</a> <a href="/news/">News</a></div>'
FOOTER = '<div class="footer"><a href="/contact.html">Contact the office of this website</a></div>'


def site(sources: int, entries: int, seed: int = 7) -> dict[str, bytes]:
    """Every path the server answers: /list/S/index.html and /list/S/E.html."""
    rng, paras = random.Random(seed), sample_paragraphs()
    pages: dict[str, bytes] = {}
    for s in range(sources):
        rows = []
        for e in range(entries):
            text = make_document(s * entries + e, paras, rng)
            title, _, body = text.partition("\n\n")
            paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
            pages[f"/list/{s}/{e}.html"] = (
                f"<html><head><title>{title}</title></head><body><article>"
                f"<h1>{title}</h1>{paragraphs}</article></body></html>"
            ).encode()
            rows.append(f'<li><a href="{e}.html">{title}</a><span>2024-10-{1 + e % 28:02d}</span></li>')
        pages[f"/list/{s}/index.html"] = (
            f"<html><body>{MENU}<ul class='list'>{''.join(rows)}</ul>{FOOTER}</body></html>"
        ).encode()
    return pages


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sources", type=int, default=200)
    ap.add_argument("--entries", type=int, default=5)
    ap.add_argument("--db", default=None, help="knowledge base URL (default: a fresh SQLite file in a temp dir)")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "results" / "listings.json")
    args = ap.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="policylens-bench-listings-"))
    httpd = None
    requests: Counter[str] = Counter()
    try:
        httpd, base = serve(site(args.sources, args.entries), requests)
        db = args.db or f"sqlite:///{work / 'bench.db'}"
        settings = Settings(db_url=db, crawl_delay=0, allow_private_feeds=True)
        with KnowledgeBase.open(db) as kb:
            for s in range(args.sources):
                monitor.add_feed(kb, f"{base}/list/{s}/index.html", "1h")
            t0 = time.perf_counter()
            first = monitor.poll(kb, settings)
            first_s = time.perf_counter() - t0
            first_requests = sum(requests.values())
            requests.clear()
            t0 = time.perf_counter()
            second = monitor.poll(kb, settings, every_feed=True)
            second_s = time.perf_counter() - t0
            kinds = Counter(f.kind for f in monitor.list_feeds(kb))
        entries = sum(f.entries for f in first.feeds)
        result = {
            "sources": args.sources,
            "kinds": dict(kinds),
            "entries": entries,
            "stored": first.stored,
            "failed": len(first.errors),
            "first_poll_seconds": round(first_s, 2),
            "entries_per_second": round(entries / first_s, 1),
            "first_poll_requests_per_source": round(first_requests / args.sources, 2),
            "second_poll_seconds": round(second_s, 2),
            "second_poll_not_modified": sum(f.status == "not_modified" for f in second.feeds),
            "second_poll_requests_per_source": round(sum(requests.values()) / args.sources, 2),
            "db": "postgresql" if db.startswith("postgresql") else "sqlite",
        }
        print(json.dumps(result, indent=2))
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    finally:
        if httpd is not None:
            httpd.shutdown()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

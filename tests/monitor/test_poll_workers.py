"""A poll large enough to use the worker pool: entries fetched concurrently, extracted in worker processes,
stored a group per transaction, each marked seen once; a dead link is its own error line.  Real feed server
on 127.0.0.1, SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from policylens import monitor
from policylens.config import Settings
from policylens.store.schema import FeedEntryRow

CITIES = [
    "Harbourton",
    "Millbrook",
    "Eastvale",
    "Stonebridge",
    "Northwick",
    "Riverside",
    "Clearwater",
    "Ashford",
    "Westmoor",
    "Lakeport",
    "Hillcrest",
    "Greenfield",
]


def _story(city: str, n: int) -> str:
    return (
        f"{city} approves {n} new smart factories\n\n"
        f"The {city} industry bureau said on Tuesday it had approved {n} smart factory projects for its "
        f"{city} high-tech zone, with total investment of {n * 3} billion yuan. "
        f"Officials in {city} expect output of the zone to reach {n * 11} billion yuan by 2028.\n\n"
        f"Companies in {city} will receive grants for automation of up to {n % 7 + 2} million yuan each."
    )


def test_a_poll_on_the_worker_pool_stores_every_entry_once(kb, feed_server):
    first = [(f"a{i}", _story(city, 10 + i)) for i, city in enumerate(CITIES)]
    second = [(f"b{i}", _story(city, 40 + i)) for i, city in enumerate(CITIES)]
    feed_a = feed_server.rss("/a.xml", first)
    feed_b = feed_server.rss("/b.xml", second)
    del feed_server.resources["/news/b3.html"]  # a dead link
    monitor.add_feed(kb, feed_a, "1h")
    monitor.add_feed(kb, feed_b, "1h")
    settings = Settings(allow_private_feeds=True, crawl_delay=0)
    now = dt.datetime.now(dt.UTC)

    report = monitor.poll(kb, settings, now=now, workers=2)
    assert [(f.status, f.entries, f.new, f.stored, f.failed) for f in report.feeds] == [
        ("read", 12, 12, 12, 0),
        ("read", 12, 12, 11, 1),
    ]
    assert len(report.errors) == 1 and "/news/b3.html" in report.errors[0]
    assert kb.count_documents() == 23
    with kb.reading() as conn:
        assert conn.scalar(select(func.count()).select_from(FeedEntryRow)) == 23
    assert report.matched is not None and report.matched[1] - report.matched[0] == 23

    feed_server.article("b3", _story("Portmore", 99))  # the link works again: only that entry is fetched
    again = monitor.poll(kb, settings, now=now + dt.timedelta(hours=2), workers=2)
    assert [(f.new, f.stored) for f in again.feeds] == [(0, 0), (1, 1)]
    assert not again.errors
    assert max(feed_server.requests[f"/news/{slug}.html"] for slug, _ in first + second if slug != "b3") == 1

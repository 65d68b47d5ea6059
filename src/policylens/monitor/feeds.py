"""The feeds a poll reads: each with how often, when next, and the validators of its last complete read.

A feed's ETag and Last-Modified are saved only once every entry of that read
is stored: were they saved first, a crash (or one failed entry) would make
the next poll's conditional GET answer 304 and the missing entries would
never be read again.  Either way the feed rests for its interval (a
scheduler sleeping until the next due feed must not spin on a dead one);
its error is kept for ``feeds list``, and the next read, unconditional
after an incomplete one, tries the missing entries again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, replace
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from policylens.errors import InputError, ParameterError
from policylens.ingestion.fetch import is_url
from policylens.store import KnowledgeBase
from policylens.store.schema import FeedEntryRow, FeedRow

from ._time import aware, utcnow
from .durations import format_duration, parse_duration
from .state import start_watching

DEFAULT_EVERY = "1h"
USER_KINDS = ("auto", "feed", "listing", "sitemap")  # "discovered" is found, not chosen


@dataclass(frozen=True, slots=True)
class Feed:
    id: int
    url: str
    every_seconds: int
    next_due: dt.datetime
    etag: str | None = None
    last_modified: str | None = None
    last_polled_at: dt.datetime | None = None
    last_error: str | None = None
    kind: str = "auto"  # feed, discovered (a feed the page at ``url`` declares), listing, sitemap; auto until read
    fetch_url: str | None = None  # the discovered feed
    pages: int = 1  # listing pages a read may follow
    entries: int = 0  # entries stored from it so far (filled by list_feeds)

    @property
    def every(self) -> str:
        return format_duration(self.every_seconds)

    def describe_kind(self) -> str:
        """For a person: "listing", "discovered feed <url>", "auto (decided at its first poll)"…"""
        if self.kind == "discovered":
            return f"discovered feed {self.fetch_url}"
        if self.kind == "auto":
            return "auto (decided at its first poll)"
        return self.kind + (f", {self.pages} pages" if self.kind == "listing" and self.pages > 1 else "")

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["every"] = self.every
        for key in ("next_due", "last_polled_at"):
            out[key] = out[key].isoformat() if out[key] else None
        return out


def add_feed(kb: KnowledgeBase, url: str, every: str | int = DEFAULT_EVERY, kind: str = "auto", pages: int = 1) -> Feed:
    """Register a source, due at once; ``every`` is seconds or a duration such as "30m".

    ``kind`` "auto" lets the first read decide whether the URL is a feed, a
    page declaring one, a listing or a sitemap; ``pages`` is how many listing
    pages a read may follow (a backfill on the first read).
    """
    url = (url or "").strip()
    if not is_url(url):
        raise InputError(url or "feeds add", "a feed is an http(s) URL")
    seconds = every if isinstance(every, int) else parse_duration(every)
    if seconds <= 0:
        raise ParameterError("every", f"{every!r} must be longer than zero")
    if kind not in USER_KINDS:
        raise ParameterError("kind", f"{kind!r} is not one of {', '.join(USER_KINDS)}")
    if pages < 1:
        raise ParameterError("pages", f"{pages} must be 1 or more")
    with kb.writing() as conn:
        if conn.scalar(select(FeedRow.id).where(FeedRow.url == url)) is not None:
            raise InputError(url, "this feed is registered already; see `policylens feeds list`")
        start_watching(conn)
        now = utcnow()
        conn.execute(
            insert(FeedRow),
            {"url": url, "every_seconds": seconds, "next_due": now, "added_at": now, "kind": kind, "pages": pages},
        )
    return next(f for f in list_feeds(kb) if f.url == url)


def list_feeds(kb: KnowledgeBase) -> list[Feed]:
    """Every source with how many entries it has yielded."""
    with kb.reading() as conn:
        counts = {
            feed_id: count
            for feed_id, count in conn.execute(
                select(FeedEntryRow.feed_id, func.count()).group_by(FeedEntryRow.feed_id)
            )
        }
        return [
            replace(_feed(r), entries=counts.get(r.id, 0)) for r in conn.execute(select(FeedRow).order_by(FeedRow.url))
        ]


def remove_feed(kb: KnowledgeBase, url: str) -> None:
    """Forget a feed and which of its entries were read; the documents stay."""
    with kb.writing() as conn:
        if not conn.execute(delete(FeedRow).where(FeedRow.url == url.strip())).rowcount:
            raise InputError(url, "no feed with this URL; see `policylens feeds list`")


def due_feeds(conn: Connection, now: dt.datetime, every_feed: bool = False) -> list[Feed]:
    stmt = select(FeedRow).order_by(FeedRow.next_due, FeedRow.id)
    if not every_feed:
        stmt = stmt.where(FeedRow.next_due <= now)
    return [_feed(r) for r in conn.execute(stmt)]


def next_due(kb: KnowledgeBase) -> dt.datetime | None:
    """When the next feed is due (a scheduler sleeps until then); None without feeds."""
    with kb.reading() as conn:
        return aware(conn.scalar(select(FeedRow.next_due).order_by(FeedRow.next_due).limit(1)))


def record_read(
    conn: Connection,
    feed: Feed,
    now: dt.datetime,
    etag: str | None,
    last_modified: str | None,
    complete: bool,
    error: str | None = None,
) -> None:
    """After a read the feed rests; only a complete one (every entry stored, or 304) keeps its validators."""
    values: dict[str, Any] = {
        "last_polled_at": now,
        "last_error": error,
        "next_due": now + dt.timedelta(seconds=feed.every_seconds),
        "etag": etag if complete else None,
        "last_modified": last_modified if complete else None,
    }
    conn.execute(update(FeedRow).where(FeedRow.id == feed.id).values(**values))


def set_kind(conn: Connection, feed_id: int, kind: str, fetch_url: str | None) -> None:
    """What an "auto" source turned out to be, once its first read has told."""
    conn.execute(update(FeedRow).where(FeedRow.id == feed_id).values(kind=kind, fetch_url=fetch_url))


def _feed(row: Any) -> Feed:
    return Feed(
        row.id,
        row.url,
        row.every_seconds,
        aware(row.next_due),
        row.etag,
        row.last_modified,
        aware(row.last_polled_at),
        row.last_error,
        row.kind,
        row.fetch_url,
        row.pages,
    )

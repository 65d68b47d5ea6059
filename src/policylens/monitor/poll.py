"""One poll: read every due feed, store its new entries, match new documents, record alerts, deliver.

Each step leaves the knowledge base consistent for the next poll should
the process die after it:

1. a feed entry is marked seen only once its document is stored (a crash
   before that refetches it, and the store recognises the text);
   the feed's validators are saved only after all its entries are;
2. the documents stored since the last match (``state``) are resolved and
   matched, and their alerts recorded in the transaction that moves the
   mark: the alerts exist before anything is sent;
3. delivery sends each destination what it is owed and records each
   delivery as it is made (see ``delivery`` for why that is exactly once).

Polls take turns (``lock``).  Bad input never stops a poll: an unreachable
feed, a broken feed, a dead link is one line in the report naming it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import func, insert, select

from policylens import parallel
from policylens.config import Settings
from policylens.errors import InputError
from policylens.ingestion import RawInput
from policylens.ingestion.fetch import http_client
from policylens.ingestion.sources import entry_input
from policylens.service import Outcome, failure, knowledge_base, store_documents, write_groups
from policylens.store import KnowledgeBase
from policylens.store.schema import AlertRow, FeedEntryRow

from ._time import utcnow
from .alerts import Alert, list_alerts, record_alerts
from .delivery import (
    DeliveryResult,
    RetryPolicy,
    check_destination,
    deliver,
    register_destinations,
)
from .feeds import Feed, due_feeds, record_read
from .followups import follow_ups
from .lock import poll_lock
from .matching import match_watchlists
from .quotes import Quoter
from .sources import Crawler
from .state import set_matched_through, unmatched
from .watchlists import list_watchlists

_FETCHERS = 4  # sources (and then entry pages) fetched at once by one poll
_AHEAD = 64  # entry pages fetched ahead of extraction at most, so a large poll holds few in memory


@dataclass(slots=True)
class FeedResult:
    url: str
    status: str  # "read", "not_modified" or "failed"
    entries: int = 0
    new: int = 0  # entries not seen before
    stored: int = 0
    duplicates: int = 0
    failed: int = 0
    error: str | None = None
    skipped: list[str] = field(default_factory=list)  # links robots.txt disallows, one line each

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


@dataclass(slots=True)
class PollReport:
    started_at: dt.datetime
    feeds: list[FeedResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one line per feed or entry that failed
    matched: tuple[int, int] | None = None  # the documents matched: (after, through]
    alerts: list[Alert] = field(default_factory=list)  # recorded by this poll
    deliveries: list[DeliveryResult] = field(default_factory=list)

    @property
    def stored(self) -> int:
        return sum(f.stored for f in self.feeds)

    def to_dict(self) -> dict[str, Any]:
        return {
            "started_at": self.started_at.isoformat(),
            "feeds": [f.to_dict() for f in self.feeds],
            "stored": self.stored,
            "errors": self.errors,
            "matched_documents": (self.matched[1] - self.matched[0]) if self.matched else 0,
            "alerts": [a.to_dict() for a in self.alerts],
            "deliveries": [d.to_dict() for d in self.deliveries],
        }


def poll(
    db: KnowledgeBase | str | None = None,
    settings: Settings | None = None,
    *,
    deliver_to: Sequence[str] = (),
    now: dt.datetime | None = None,
    every_feed: bool = False,
    retry: RetryPolicy | None = None,
    show: Callable[[Alert], None] | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
    workers: int = 1,
) -> PollReport:
    """Poll the due feeds (all with ``every_feed``), match, record alerts and deliver them.

    ``deliver_to``: destinations ("print", "jsonl:PATH", "webhook:URL"); each
    gets every alert it is owed, including earlier polls' undelivered ones.
    ``now`` (default: the clock) decides which feeds are due and which
    resting destinations are tried again.  ``show`` prints an alert for the
    ``print`` destination; ``on_outcome`` sees every stored or failed entry.
    ``workers`` > 1 reads and extracts the new entries in that many processes,
    as ``ingest`` does.
    Raises PollRunning when another poll holds the knowledge base.
    """
    settings = settings or Settings.from_env()
    # Whatever started the poll (the CLI may read intranet pages), the addresses a poll fetches come
    # from content: private ones only when the operator opted in to private feeds.
    settings = dataclasses.replace(settings, allow_private_urls=settings.allow_private_feeds)
    specs = list(dict.fromkeys(check_destination(s) for s in deliver_to))
    now = now or utcnow()
    report = PollReport(now)
    with knowledge_base(db, settings) as kb, poll_lock(kb):
        with kb.writing() as conn:
            register_destinations(conn, specs, now)
            newest_alert = conn.scalar(select(func.max(AlertRow.id))) or 0
            feeds = due_feeds(conn, now, every_feed)
        with http_client(settings) as client:
            crawler = Crawler(kb, settings, client, now)
            fetched = _read_sources(feeds, crawler)
            report.feeds = _read_feeds(kb, feeds, fetched, crawler, now, report.errors, on_outcome, workers)
        _match(kb, report)
        report.alerts = list_alerts(kb, None, after_id=newest_alert)[::-1]
        report.deliveries = deliver(kb, specs, settings, now, retry or RetryPolicy(), show)
    return report


def _read_sources(feeds: list[Feed], crawler: Crawler) -> dict[int, Any]:
    """Every source's entries (None when unchanged), or the exception its reading raised.

    Sources are read concurrently so one slow site does not delay the rest; a site's own sources one
    after another (polite to each host, and the crawler spaces its requests), at most ``_FETCHERS``
    sites at a time.
    """
    by_host: dict[str, list[Feed]] = {}
    for feed in feeds:
        by_host.setdefault(urlsplit(feed.url).hostname or "", []).append(feed)
    out: dict[int, Any] = {}

    def read_host(host_feeds: list[Feed]) -> None:
        for feed in host_feeds:
            try:
                out[feed.id] = crawler.read(feed)  # a feed, a discovered feed, a listing or a sitemap
            except Exception as exc:  # noqa: BLE001 - handed to the source's own report line
                out[feed.id] = exc

    if len(by_host) <= 1:
        for host_feeds in by_host.values():
            read_host(host_feeds)
        return out
    with ThreadPoolExecutor(max_workers=min(_FETCHERS, len(by_host)), thread_name_prefix="poll-fetch") as pool:
        list(pool.map(read_host, by_host.values()))
    return out


@dataclass(slots=True)
class _New:
    """A new entry of a read feed, on its way to the store."""

    feed: Feed
    result: FeedResult
    entry: Any  # a FeedEntry


def _read_feeds(
    kb: KnowledgeBase,
    feeds: list[Feed],
    fetched: dict[int, Any],
    crawler: Crawler,
    now: dt.datetime,
    errors: list[str],
    on_outcome: Callable[[Outcome], None] | None,
    workers: int,
) -> list[FeedResult]:
    """Store the new entries of every feed read, then record each feed's read; one result per feed.

    The entries of all feeds go through one pipeline: their pages fetched
    concurrently (``_fetched``), read and extracted on ``workers`` processes
    (``parallel``, as ``ingest --workers``), and stored by this process a group
    per transaction (``store_documents``), each group's entries marked seen
    right after it.  A feed's validators are saved only once all its entries
    are stored.
    """
    results: list[FeedResult] = []
    new: list[_New] = []
    read: list[tuple[Feed, FeedResult, Any]] = []
    for feed in feeds:
        result = FeedResult(feed.url, "read")
        results.append(result)
        try:
            raw = fetched[feed.id]
            if isinstance(raw, Exception):
                raise raw
            if raw is None:
                result.status = "not_modified"
                with kb.writing() as conn:
                    record_read(conn, feed, now, feed.etag, feed.last_modified, complete=True)
                continue
            entries, result.skipped = raw.entries, raw.skipped
        except Exception as exc:  # noqa: BLE001 - whatever one feed does, the other feeds are read
            exc = exc if isinstance(exc, InputError) else InputError(feed.url, failure(exc, feed.url))
            result.status, result.error = "failed", str(exc)
            errors.append(str(exc))
            with kb.writing() as conn:
                record_read(conn, feed, now, None, None, complete=False, error=exc.reason)
            continue
        read.append((feed, result, raw))
        with kb.reading() as conn:
            seen = set(conn.scalars(select(FeedEntryRow.key).where(FeedEntryRow.feed_id == feed.id)))
        result.entries = len(entries)
        for entry in entries:
            if entry.key not in seen:
                seen.add(entry.key)
                result.new += 1
                new.append(_New(feed, result, entry))

    new = _round_robin(new)
    pages = _fetched(new, crawler)
    prepared = parallel.prepared(pages, crawler.settings, workers=workers, step=parallel.prepare_to_store)
    for group in write_groups(zip(new, prepared, strict=True)):
        outcomes = store_documents(kb, [item for _, item in group], crawler.settings)
        marks = []
        for (entry, _), outcome in zip(group, outcomes, strict=True):
            if on_outcome:
                on_outcome(outcome)
            if outcome.status == "failed":
                entry.result.failed += 1
                errors.append(f"{outcome.source}: {outcome.error}")
                continue
            entry.result.stored += outcome.status == "stored"
            entry.result.duplicates += outcome.status == "duplicate"
            marks.append(
                {"feed_id": entry.feed.id, "key": entry.entry.key, "document_id": outcome.document_id, "seen_at": now}
            )
        if marks:
            with kb.writing() as conn:
                conn.execute(insert(FeedEntryRow), marks)

    for feed, result, raw in read:
        error = f"{result.failed} of {result.new} new entries failed" if result.failed else None
        with kb.writing() as conn:
            record_read(conn, feed, now, raw.etag, raw.last_modified, complete=not result.failed, error=error)
    return results


def _round_robin(new: list[_New]) -> list[_New]:
    """The entries interleaved host by host, so concurrent fetches spread over hosts (each host is paced)."""
    by_host: dict[str, list[_New]] = {}
    for entry in new:
        by_host.setdefault(urlsplit(entry.entry.link or "").hostname or "", []).append(entry)
    queues = list(by_host.values())
    return [queue[i] for i in range(max(map(len, queues), default=0)) for queue in queues if i < len(queue)]


def _fetched(new: list[_New], crawler: Crawler) -> Iterator[RawInput | InputError]:
    """Each entry's article (``entry_input``), in order, fetched ``_FETCHERS`` at a time, a bounded way ahead.

    The poll's client paces requests per host whatever thread sends them
    (``politeness.Pacer``), so fetching concurrently stays polite.
    """
    settings, client = crawler.settings, crawler.client

    def one(item: _New) -> RawInput | InputError:
        entry = item.entry
        try:
            return entry_input(entry, settings, client)
        except InputError as exc:
            return exc
        except Exception as exc:  # noqa: BLE001 - whatever one entry does, the poll goes on
            source = entry.link or f"{entry.feed}#entry-{entry.number}"
            return InputError(source, failure(exc, source))

    if not new:
        return
    with ThreadPoolExecutor(max_workers=_FETCHERS, thread_name_prefix="poll-entry") as pool:
        pending: deque = deque()
        for item in new:
            pending.append(pool.submit(one, item))
            if len(pending) >= _AHEAD:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _match(kb: KnowledgeBase, report: PollReport) -> None:
    """Resolve, then match the documents stored since the last match; record alerts and move the mark at once."""
    with kb.reading() as conn:
        id_range = unmatched(conn)
    if id_range is None:
        return
    kb.resolve(range(id_range[0] + 1, id_range[1] + 1))  # the new documents' entities, progress links, …
    watchlists = list_watchlists(kb)
    with kb.writing() as conn:
        quoter = Quoter(conn)
        watch = match_watchlists(conn, watchlists, id_range, quoter)
        record_alerts(conn, watch + follow_ups(conn, id_range, quoter, {d.document_id for d in watch}))
        set_matched_through(conn, id_range[1])
    report.matched = id_range

"""Where a poll gets a source's entries: an RSS/Atom feed, a feed a page declares, a listing page, a sitemap.

A source registered as "auto" is classified by its first read: a feed is
read as one; an HTML page that declares or links a feed (trafilatura's feed
discovery) has that feed read instead, from then on; a sitemap yields its
newest URLs; any other HTML page is a listing whose main list of article
links is its entries (``listings``).  The kind is stored at once, so later
reads go straight to the right parser.

Every request goes through the poll's client, paced per host
(``politeness``), and nothing robots.txt disallows is requested: a
disallowed source fails with that reason, a disallowed article is skipped
with one line.  A listing's first page is read with conditional GET, so an
unchanged listing costs one request; the next pages are followed (up to
the source's ``pages``) only while every link of the page just read is new,
which backfills a first read and catches up after a busy spell.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import httpx
from sqlalchemy import select
from trafilatura.feeds import FeedParameters, determine_feed

from policylens.config import Settings
from policylens.errors import InputError
from policylens.ingestion.decode import decode
from policylens.ingestion.fetch import fetch, fetch_if_changed
from policylens.ingestion.raw import RawInput
from policylens.ingestion.sources import FeedEntry, feed_entries, is_feed
from policylens.store import KnowledgeBase
from policylens.store.schema import FeedEntryRow

from .feeds import Feed, set_kind
from .listings import normalise, parse_listing, rules
from .politeness import Pacer
from .robots import Robots
from .sitemaps import is_sitemap, parse_sitemap


@dataclass(slots=True)
class SourceRead:
    entries: list[FeedEntry]
    etag: str | None  # validators of the request a later poll repeats conditionally
    last_modified: str | None
    skipped: list[str] = field(default_factory=list)  # one line per link robots.txt disallows


class Crawler:
    """A poll's reader of sources: one per poll, sharing its client, pacing and robots.txt files."""

    def __init__(self, kb: KnowledgeBase, settings: Settings, client: httpx.Client, now: dt.datetime) -> None:
        self.kb, self.settings, self.client, self.now = kb, settings, client, now
        self.pacer = Pacer(settings)
        self.pacer.install(client)
        self.robots = Robots(kb, settings, client, self.pacer, now)

    def read(self, feed: Feed) -> SourceRead | None:
        """The source's entries, or None when its conditional GET says nothing changed; InputError on failure."""
        url = feed.fetch_url or feed.url
        self._check(url, feed.url)
        raw = fetch_if_changed(url, self.settings, feed.etag, feed.last_modified, source=feed.url, client=self.client)
        if raw is None:
            return None
        seen = self._seen(feed)
        kind = feed.kind
        if kind == "auto":
            kind, raw = self._classify(feed, raw)
        if kind in ("feed", "discovered"):
            if not is_feed(raw):
                raise InputError(feed.url, "not an RSS or Atom feed")
            read = SourceRead(feed_entries(raw), raw.etag, raw.last_modified)
        elif kind == "sitemap":
            read = self._sitemap(feed, raw)
        else:
            read = self._listing(feed, raw, seen)
        return self._allowed_entries(feed, read, seen)

    def _check(self, url: str, source: str) -> None:
        if not self.robots.allowed(url):
            raise InputError(source, f"{url} is disallowed by robots.txt; not fetched")

    def _classify(self, feed: Feed, raw: RawInput) -> tuple[str, RawInput]:
        """What an "auto" source is, stored at once; a page's declared feed replaces the page."""
        kind, fetch_url = "listing", None
        if is_feed(raw):
            kind = "feed"
        elif is_sitemap(raw.data):
            kind = "sitemap"
        elif found := self._discover(feed, raw):
            kind, fetch_url, raw = "discovered", found.url, found
        elif not parse_listing(self._text(raw), raw.url or feed.url, self.now.date()).links:
            raise InputError(
                feed.url, "not an RSS or Atom feed, and no feed, sitemap or list of articles was found on the page"
            )
        with self.kb.writing() as conn:
            set_kind(conn, feed.id, kind, fetch_url)
        return kind, raw

    def _discover(self, feed: Feed, raw: RawInput) -> RawInput | None:
        """The first feed the page declares or links that robots.txt allows and that has entries."""
        base = raw.url or feed.url
        params = FeedParameters(base, httpx.URL(base).host, base)
        for url in determine_feed(self._text(raw), params):
            if not self.robots.allowed(url):
                continue
            try:
                found = fetch(url, self.settings, source=feed.url, client=self.client)
                if is_feed(found) and feed_entries(found):
                    return found
            except InputError:
                continue
        return None

    def _listing(self, feed: Feed, raw: RawInput, seen: set[str]) -> SourceRead:
        read = SourceRead([], raw.etag, raw.last_modified)
        keys: set[str] = set()
        page_url, page = raw.url or feed.url, raw
        for number in range(1, max(feed.pages, 1) + 1):
            listing = parse_listing(self._text(page), page_url, self.now.date())
            fresh = [link for link in listing.links if link.url not in keys]
            for link in fresh:
                keys.add(link.url)
                read.entries.append(
                    FeedEntry(
                        feed.url, len(read.entries) + 1, link.url, link.title, link.published, link.url, None, False
                    )
                )
            if number == feed.pages or not listing.next_page or not fresh or any(link.url in seen for link in fresh):
                break
            page_url = listing.next_page
            if not self.robots.allowed(page_url):
                read.skipped.append(f"{page_url}: disallowed by robots.txt; next page of {feed.url} not read")
                break
            page = fetch(page_url, self.settings, source=feed.url, client=self.client)
        if not read.entries:
            raise InputError(feed.url, "no list of articles found on the page")
        return read

    def _sitemap(self, feed: Feed, raw: RawInput) -> SourceRead:
        limits = rules()
        read = SourceRead([], raw.etag, raw.last_modified)
        sitemap = parse_sitemap(raw.data)
        items = sitemap.items
        if sitemap.index:
            items = []
            for child in sitemap.items[: limits["sitemap_max_children"]]:
                if not self.robots.allowed(child.url):
                    read.skipped.append(f"{child.url}: disallowed by robots.txt; sitemap of {feed.url} not read")
                    continue
                items += parse_sitemap(fetch(child.url, self.settings, source=feed.url, client=self.client).data).items
            items.sort(key=lambda i: i.lastmod or "", reverse=True)
        keys: set[str] = set()
        for item in items:
            key = normalise(item.url)
            if key in keys:
                continue
            keys.add(key)
            published = item.lastmod[:10] if item.lastmod and len(item.lastmod) >= 10 else None
            read.entries.append(FeedEntry(feed.url, len(read.entries) + 1, key, None, published, item.url, None, False))
            if len(read.entries) >= limits["sitemap_max_entries"]:
                break
        if not read.entries:
            raise InputError(feed.url, "sitemap lists no pages")
        return read

    def _allowed_entries(self, feed: Feed, read: SourceRead, seen: set[str]) -> SourceRead:
        """Drop the new entries whose pages robots.txt disallows, one line each."""
        kept = []
        for entry in read.entries:
            if entry.link and not entry.full and entry.key not in seen and not self.robots.allowed(entry.link):
                read.skipped.append(f"{entry.link}: disallowed by robots.txt; entry of {feed.url} not fetched")
                continue
            kept.append(entry)
        read.entries = kept
        return read

    def _seen(self, feed: Feed) -> set[str]:
        with self.kb.reading() as conn:
            return set(conn.scalars(select(FeedEntryRow.key).where(FeedEntryRow.feed_id == feed.id)))

    @staticmethod
    def _text(raw: RawInput) -> str:
        return decode(raw.data, raw.source, raw.charset)

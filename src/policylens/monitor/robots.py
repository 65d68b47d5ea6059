"""robots.txt: which URLs a poll may fetch, and how long a host asks it to wait between requests.

A host's file is kept in the knowledge base for a day (RFC 9309 allows
caching it that long), so a poll of an unchanged listing costs the one
conditional request and no second one for robots.txt.  A missing file
(4xx) allows everything; a server error (5xx) disallows everything for
this poll only; an unreachable host is left to the fetch itself to report.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from urllib.robotparser import RobotFileParser

import httpx
from sqlalchemy import delete, insert, select

from policylens.config import Settings
from policylens.errors import InputError
from policylens.ingestion.decode import decode
from policylens.ingestion.fetch import fetch
from policylens.store import KnowledgeBase
from policylens.store.schema import RobotsRow

from ._time import aware
from .politeness import Pacer, origin

AGENT = "policylens"  # the product token robots.txt groups are matched against
KEEP_FOR = dt.timedelta(days=1)
_STATUS = re.compile(r"\AHTTP (\d{3})")
_DISALLOW_ALL = "User-agent: *\nDisallow: /\n"


class Robots:
    def __init__(
        self, kb: KnowledgeBase, settings: Settings, client: httpx.Client, pacer: Pacer, now: dt.datetime
    ) -> None:
        self.kb, self.settings, self.client, self.pacer, self.now = kb, settings, client, pacer, now
        self._parsers: dict[str, RobotFileParser | None] = {}
        self._lock = threading.Lock()  # guards the table of per-origin locks
        self._origin_locks: dict[str, threading.Lock] = {}

    def allowed(self, url: str) -> bool:
        parser = self._parser(origin(url))
        return parser is None or parser.can_fetch(AGENT, url)

    def _parser(self, key: str) -> RobotFileParser | None:
        # One lock per origin: a site that is slow to answer for its robots.txt holds up only its own reads.
        with self._lock:
            origin_lock = self._origin_locks.setdefault(key, threading.Lock())
        with origin_lock:
            if key not in self._parsers:
                body = self._stored(key)
                if body is None:
                    body = self._fetch(key)
                self._parsers[key] = None if body is None else self._parse(key, body)
            return self._parsers[key]

    def _parse(self, key: str, body: str) -> RobotFileParser:
        parser = RobotFileParser()
        parser.parse(body.splitlines())
        if (delay := parser.crawl_delay(AGENT)) is not None:
            self.pacer.ask_for(key, float(delay))
        return parser

    def _stored(self, key: str) -> str | None:
        with self.kb.reading() as conn:
            row = conn.execute(select(RobotsRow).where(RobotsRow.origin == key)).first()
        fetched = aware(row.fetched_at) if row is not None else None
        if row is None or fetched is None or fetched + KEEP_FOR < self.now:
            return None
        return row.body

    def _fetch(self, key: str) -> str | None:
        url = httpx.URL(key).copy_with(path="/robots.txt")
        try:
            raw = fetch(str(url), self.settings, client=self.client)
            body = decode(raw.data, str(url), raw.charset)
        except InputError as exc:
            status = _STATUS.match(exc.reason)
            if status is None:
                return None  # unreachable: the fetch that follows says so
            if status.group(1).startswith("5"):
                return _DISALLOW_ALL  # for this poll only: not stored
            body = ""  # no robots.txt: everything is allowed
        with self.kb.writing() as conn:
            conn.execute(delete(RobotsRow).where(RobotsRow.origin == key))
            conn.execute(insert(RobotsRow), {"origin": key, "body": body, "fetched_at": self.now})
        return body

"""The reads both the API and the pages make, so a page shows exactly what its API endpoint returns.

Each is one KnowledgeBase or briefs call plus what the web adds: a 404 for
an unknown id or name, paging where the store has only a limit, sorting a
page of targets, a brief for a document id.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from policylens import briefs, monitor
from policylens.errors import InputError
from policylens.model import Document, Extraction
from policylens.store import KnowledgeBase
from policylens.store.queries import EntityProfile, Overview, TargetView

from .errors import WebError, not_found

T = TypeVar("T")


def document(kb: KnowledgeBase, document_id: int) -> Document:
    found = kb.get_document(document_id)
    if found is None:
        raise not_found(f"document {document_id}")
    return found


def extraction(kb: KnowledgeBase, document_id: int) -> Extraction:
    found = kb.load_extraction(document_id)
    if found is None:
        raise not_found(f"document {document_id}")
    return found


def named(read: Callable[[], T]) -> T:
    """``read()``, where a region or entity filter that names nothing is a 404 (the thing asked for is not here)."""
    try:
        return read()
    except InputError as exc:
        raise WebError(404, str(exc)) from None


def profile(kb: KnowledgeBase, name: str, as_of: dt.date | None) -> EntityProfile:
    """The entity's profile; a name that denotes no entity (or several) is a 404 saying which."""
    try:
        return kb.profile(name, as_of)
    except InputError as exc:
        raise WebError(404, str(exc)) from None


@dataclass(frozen=True, slots=True)
class TargetQuery:
    region: str | None = None
    industry: str | None = None
    status: str | None = None
    entity: str | None = None
    as_of: dt.date | None = None

    def filters(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of,
            "region": self.region,
            "industry": self.industry,
            "status": self.status,
            "entity": self.entity,
        }


def count_targets(kb: KnowledgeBase, query: TargetQuery) -> int:
    """How many targets the query matches, over every page."""
    return named(lambda: kb.count_targets(**query.filters()))


def targets(
    kb: KnowledgeBase, query: TargetQuery, limit: int | None, offset: int = 0, sort: str | None = None
) -> list[TargetView]:
    """One page of targets: earliest deadline first, or by ``sort`` across every matching target.

    The store pages by deadline with a limit only, so a page at ``offset``
    asks for ``offset + limit`` rows and keeps the last ``limit``: deep pages
    cost more, the first ones (what people look at) stay cheap.  Another
    order (status, progress…) is judged in Python, so it reads every matching
    target first; a sorted page is right for the whole set, not just for the
    rows that happen to share a page.
    """

    def read(count: int | None) -> list[TargetView]:
        return named(lambda: kb.targets(**query.filters(), limit=count))

    if sort not in SORTS:
        return read(None if limit is None else offset + limit)[offset:]
    key, descending = SORTS[sort]
    rows = sorted(read(None), key=key, reverse=descending)
    return rows[offset:] if limit is None else rows[offset : offset + limit]


# Sort keys for targets (the store's own order is by deadline): (key, descending).
SORTS = {
    "status": (lambda t: t.status, False),
    "subject": (lambda t: (t.entity.name if t.entity else t.subject or "").casefold(), False),
    "metric": (lambda t: (t.metric or "").casefold(), False),
    "value": (lambda t: t.value, True),
    "progress": (lambda t: -1.0 if t.progress_percent is None else t.progress_percent, True),
}


def brief(
    kb: KnowledgeBase, document_id: int, as_of: dt.date | None, audience: list[str] | None, language: str
) -> briefs.Brief:
    """The brief of a stored document; an unknown audience or language is bad input (422)."""
    document(kb, document_id)
    try:
        return briefs.brief(document_id, db=kb, as_of=as_of, audience=audience, language=language)
    except briefs.RulesError as exc:
        raise WebError(422, f"audience: {exc}") from None


def alerts(kb: KnowledgeBase, watchlist: str | None, undelivered: bool, limit: int | None) -> list[monitor.Alert]:
    """The newest alerts; an unknown watchlist is a 404 rather than an empty list that looks like quiet."""
    if watchlist is not None and watchlist not in {w.name for w in monitor.list_watchlists(kb)}:
        raise not_found(f"watchlist {watchlist!r}")
    return monitor.list_alerts(kb, limit, undelivered=undelivered, watchlist=watchlist)


class OverviewCache:
    """The dashboard's aggregates, kept for ``ttl`` seconds per day asked about.

    They scan every target's status periods (about 140 ms at 10,000
    documents on SQLite), and the dashboard is the page everyone opens.  The
    web's own ingest clears the cache; a CLI ingest beside the server shows up
    within ``ttl`` seconds.
    """

    def __init__(self, ttl: float = 60.0):
        self.ttl = ttl
        self._kept: dict[dt.date, tuple[float, Overview]] = {}

    def get(self, kb: KnowledgeBase, as_of: dt.date) -> Overview:
        now = time.monotonic()
        kept = self._kept.get(as_of)
        if kept is not None and now - kept[0] < self.ttl:
            return kept[1]
        overview = kb.overview(as_of)
        self._kept = {day: entry for day, entry in self._kept.items() if now - entry[0] < self.ttl}
        self._kept[as_of] = (now, overview)
        return overview

    def clear(self) -> None:
        self._kept = {}

"""Watchlists: what a user wants to be told about, kept as the words they gave.

A watchlist stores a region name, an industry tag, an entity name and a
keyword, never a canonical entity id: entity resolution is rebuilt with
every ingest batch and may renumber or merge entities, while "Qingdao" or
"COSMOPlat" keep meaning what the user meant.  Names are resolved each time
documents are matched (see ``matching``).

What can be checked when the watchlist is added is checked then, so a typo
is one clear error and not a watchlist that silently never fires: the
industry must be a tag of the taxonomy, the region a place the gazetteer or
the knowledge base knows, the keyword must hold a word.  An entity may be
one no document names yet: being told when it first appears is the point.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import delete, insert, select

from policylens.errors import InputError, ParameterError
from policylens.extraction import gazetteer as gz
from policylens.extraction.industries import taxonomy
from policylens.store import KnowledgeBase, queries, search
from policylens.store.schema import WatchlistRow

from ._time import aware, utcnow
from .state import start_watching

CRITERIA = ("region", "industry", "entity", "keyword")


@dataclass(frozen=True, slots=True)
class Watchlist:
    id: int
    name: str
    region: str | None = None
    industry: str | None = None
    entity: str | None = None
    keyword: str | None = None
    created_at: str | None = None

    def criteria(self) -> dict[str, str]:
        """The criteria given, in a fixed order."""
        return {c: getattr(self, c) for c in CRITERIA if getattr(self, c)}

    def describe(self) -> str:
        return ", ".join(f"{c} {v!r}" for c, v in self.criteria().items())

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def add_watchlist(
    kb: KnowledgeBase,
    name: str,
    *,
    region: str | None = None,
    industry: str | None = None,
    entity: str | None = None,
    keyword: str | None = None,
) -> Watchlist:
    """Store a new watchlist; InputError for a taken name, no criteria, or a criterion that can never match."""
    name = (name or "").strip()
    if not name:
        raise InputError("watch add", "a watchlist needs a name")
    given = {
        c: v.strip() for c, v in zip(CRITERIA, (region, industry, entity, keyword), strict=True) if v and v.strip()
    }
    if not given:
        raise InputError(
            name, "a watchlist needs at least one criterion: a region, an industry, an entity or a keyword"
        )
    if "industry" in given and given["industry"] not in taxonomy():
        raise ParameterError(
            "industry", f"unknown industry {given['industry']!r}; choose from {', '.join(sorted(taxonomy()))}"
        )
    if "keyword" in given:
        search.fts5_query(given["keyword"])  # raises when it holds no word
    with kb.writing() as conn:
        if "region" in given and not gz.load().lookup(given["region"]):
            try:
                queries.entity(conn, given["region"], "place")
            except InputError as exc:
                raise ParameterError(
                    "region",
                    f"{given['region']!r} is not a place the gazetteer or the knowledge base knows ({exc.reason})",
                ) from None
        if conn.scalar(select(WatchlistRow.id).where(WatchlistRow.name == name)) is not None:
            raise InputError(name, "a watchlist of that name exists; remove it first or pick another name")
        start_watching(conn)
        conn.execute(insert(WatchlistRow), {"name": name, **given, "created_at": utcnow()})
    return get_watchlist(kb, name)


def get_watchlist(kb: KnowledgeBase, name: str) -> Watchlist:
    with kb.reading() as conn:
        row = conn.execute(select(WatchlistRow).where(WatchlistRow.name == name)).first()
    if row is None:
        raise InputError(name, "no watchlist of that name; see `policylens watch list`")
    return _watchlist(row)


def list_watchlists(kb: KnowledgeBase) -> list[Watchlist]:
    with kb.reading() as conn:
        return [_watchlist(r) for r in conn.execute(select(WatchlistRow).order_by(WatchlistRow.name))]


def remove_watchlist(kb: KnowledgeBase, name: str) -> None:
    """Forget a watchlist; its alerts stay (they say which watchlist raised them, by name)."""
    with kb.writing() as conn:
        if not conn.execute(delete(WatchlistRow).where(WatchlistRow.name == name)).rowcount:
            raise InputError(name, "no watchlist of that name; see `policylens watch list`")


def _watchlist(row: Any) -> Watchlist:
    created = aware(row.created_at)
    return Watchlist(
        row.id, row.name, row.region, row.industry, row.entity, row.keyword, created.isoformat() if created else None
    )

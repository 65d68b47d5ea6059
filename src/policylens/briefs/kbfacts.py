"""Reads of the knowledge base that briefs need and the store does not offer (yet) as queries of its own.

The store answers "which targets, with what status" and "which conflicts";
a brief must also *quote and cite* each answer, so it needs the stored
extraction a fact belongs to and the fact's place in that document's text.
These helpers bridge the two: they take the store's ids (a quantity id from
a TargetView or ConflictView, a document id) back to the Quantity and Entity
objects of a loaded Extraction.  The SQL here reads the store's tables with
the store's own filters (``search.document_filters``, the region closure of
``entity_regions``); it never writes.  If the store grows equivalent
queries, these should call them instead.
"""
from __future__ import annotations

import datetime as dt
from collections import OrderedDict, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from threading import Lock

from sqlalchemy import Connection, and_, exists, func, or_, select

from policylens.model import Extraction, Quantity
from policylens.store import KnowledgeBase
from policylens.store.schema import (
    DocumentEntityRow,
    DocumentIndustryRow,
    DocumentRow,
    EntityLinkRow,
    EntityRegionRow,
    QuantityRow,
)
from policylens.store.search import SearchFilters, document_filters

# A stored document never changes (its id names one text, whose hash is kept), so its extraction
# can be reused by every brief a process writes: a batch or a web server loads each one once.
_CACHE: OrderedDict[tuple[str, int, str], Extraction] = OrderedDict()
CACHE_SIZE = 1024
_CACHE_LOCK = Lock()  # a web server writes briefs from several threads


def stored_extraction(kb: KnowledgeBase, document_id: int, content_hash: str | None) -> Extraction | None:
    """The stored extraction of a document, from the process-wide cache when this text was loaded before."""
    key = (str(kb.engine.url), document_id, content_hash or "")
    with _CACHE_LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]
    found = kb.load_extraction(document_id)
    if found is not None:
        with _CACHE_LOCK:
            _CACHE[key] = found
            while len(_CACHE) > CACHE_SIZE:
                _CACHE.popitem(last=False)
    return found


def clear_cache() -> None:
    """Forget the extractions kept for reuse (benchmarks time a first brief with it)."""
    with _CACHE_LOCK:
        _CACHE.clear()


def content_hashes(conn: Connection, document_ids: Iterable[int]) -> dict[int, str]:
    ids = list(set(document_ids))
    if not ids:
        return {}
    return dict(conn.execute(select(DocumentRow.id, DocumentRow.content_hash).where(DocumentRow.id.in_(ids))).all())


def quantities(conn: Connection, extractions: dict[int, Extraction], ids: Iterable[int]
               ) -> dict[int, tuple[Extraction, Quantity]]:
    """The Quantity objects of loaded extractions that the store's quantity ``ids`` denote.

    Matched by document and character span, which name one figure of one
    text whatever order the rows were read back in; an id whose document is
    not loaded is left out.
    """
    wanted = list(set(ids))
    if not wanted:
        return {}
    rows = conn.execute(select(QuantityRow.id, QuantityRow.document_id, QuantityRow.start_offset,
                               QuantityRow.end_offset).where(QuantityRow.id.in_(wanted))).all()
    spans: dict[int, dict[tuple[int, int], Quantity]] = {}
    out = {}
    for qid, doc_id, start, end in rows:
        x = extractions.get(doc_id)
        if x is None:
            continue
        if doc_id not in spans:
            spans[doc_id] = {(q.start, q.end): q for q in reversed(x.quantities)}
        q = spans[doc_id].get((start, end))
        if q is not None:
            out[qid] = (x, q)
    return out


def linked_entities(conn: Connection, document_id: int) -> dict[int, int]:
    """Ordinal of each of a stored document's entities -> the canonical entity it was resolved to."""
    return dict(conn.execute(
        select(DocumentEntityRow.ordinal, EntityLinkRow.entity_id)
        .join(EntityLinkRow, EntityLinkRow.document_entity_id == DocumentEntityRow.id)
        .where(DocumentEntityRow.document_id == document_id)).all())


@dataclass(slots=True)
class Sharing:
    """What another stored document shares with a brief's document: its entities (by ordinal) and industries."""

    document_id: int
    ordinals: list[int]
    industries: list[str]


def sharing_documents(conn: Connection, strong: set[int], places: set[int], industries: list[str],
                      exclude: int | None) -> list[Sharing]:
    """Documents naming one of the ``strong`` entities, or a place in or inside ``places`` with an industry.

    "Inside" follows the store's region closure, so a brief on Qingdao finds
    a Jiaozhou document of the same industry; an industry is required with a
    place because a region alone relates too much.
    """
    de, link = DocumentEntityRow, EntityLinkRow
    found: dict[int, list[int]] = defaultdict(list)
    if strong:
        stmt = (select(de.document_id, de.ordinal).join(link, link.document_entity_id == de.id)
                .where(link.entity_id.in_(strong)))
        for doc_id, ordinal in conn.execute(stmt):
            found[doc_id].append(ordinal)
    common: dict[int, list[str]] = defaultdict(list)
    if places and industries:
        stmt = (select(de.document_id, de.ordinal).join(link, link.document_entity_id == de.id)
                .join(EntityRegionRow, EntityRegionRow.entity_id == link.entity_id)
                .where(EntityRegionRow.region_id.in_(places), de.type == "place",
                       exists().where(DocumentIndustryRow.document_id == de.document_id,
                                      DocumentIndustryRow.industry.in_(industries))))
        for doc_id, ordinal in conn.execute(stmt):
            found[doc_id].append(ordinal)
        for doc_id, industry in conn.execute(
                select(DocumentIndustryRow.document_id, DocumentIndustryRow.industry)
                .where(DocumentIndustryRow.document_id.in_(list(found)), DocumentIndustryRow.industry.in_(industries))
                .order_by(DocumentIndustryRow.document_id, DocumentIndustryRow.ordinal)):
            common[doc_id].append(industry)
    return [Sharing(d, sorted(set(o)), common.get(d, [])) for d, o in found.items() if d != exclude]


@dataclass(frozen=True, slots=True)
class WindowDocument:
    id: int
    content_hash: str
    published: str | None
    dated: bool  # False: counted by the day it was ingested
    near_duplicate_of: int | None


def documents_in_window(conn: Connection, since: dt.date, until: dt.date, *, region_id: int | None = None,
                        industry: str | None = None) -> list[WindowDocument]:
    """Documents published in [since, until], or ingested then when they carry no date, oldest first.

    Region and industry use the store's own document filters, so a region
    includes every place inside it, exactly as search and targets do.
    """
    d = DocumentRow
    # ingested_at is a timestamp: compare with the day after ``until`` so that day counts whole.
    after = dt.datetime.combine(until + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
    start = dt.datetime.combine(since, dt.time(), tzinfo=dt.UTC)
    when = or_(and_(d.published_date.is_not(None), d.published_date >= since, d.published_date <= until),
               and_(d.published_date.is_(None), d.ingested_at >= start, d.ingested_at < after))
    conditions = document_filters(SearchFilters(region_id=region_id, industry=industry))
    stmt = (select(d.id, d.content_hash, d.published, d.published_date.is_not(None), d.near_duplicate_of)
            .where(when, *conditions)
            .order_by(func.coalesce(d.published_date, func.date(d.ingested_at)), d.id))
    return [WindowDocument(*row) for row in conn.execute(stmt)]

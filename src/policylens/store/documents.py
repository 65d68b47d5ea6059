"""Reads about stored documents that the brief and digest need to quote and cite what the store answers.

The store answers "which targets, with what status" and "which conflicts"
by ids; a brief quotes each answer from the stored extraction it belongs to.
These queries take ids back to what a loaded extraction is indexed by (a
document's text hash, a figure's character span, an entity's ordinal) and
find the documents related to one by the store's own filters (the region
closure of ``entity_regions``, ``search.document_filters``).  The monitor
reads here too, inside a poll's transaction: which new documents match a
watchlist, the names and facts that made them match, the texts it quotes.
They never write; ``KnowledgeBase`` offers each as a method.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, and_, exists, func, or_, select

from .schema import (
    DocumentEntityRow,
    DocumentIndustryRow,
    DocumentRow,
    EntityLinkRow,
    EntityRegionRow,
    EventRow,
    QuantityIndustryRow,
    QuantityRow,
)
from .search import SearchFilters, document_filters


def content_hashes(conn: Connection, document_ids: Iterable[int]) -> dict[int, str]:
    """Document id -> the hash of its text, for the ids that are stored."""
    ids = list(set(document_ids))
    if not ids:
        return {}
    return dict(conn.execute(select(DocumentRow.id, DocumentRow.content_hash).where(DocumentRow.id.in_(ids))).all())


def quantity_spans(conn: Connection, ids: Iterable[int]) -> list[tuple[int, int, int, int]]:
    """(quantity id, document id, start, end) of each stored quantity among ``ids``."""
    wanted = list(set(ids))
    if not wanted:
        return []
    return [
        (qid, doc_id, start, end)
        for qid, doc_id, start, end in conn.execute(
            select(QuantityRow.id, QuantityRow.document_id, QuantityRow.start_offset, QuantityRow.end_offset).where(
                QuantityRow.id.in_(wanted)
            )
        ).all()
    ]


def linked_entities(conn: Connection, document_id: int) -> dict[int, int]:
    """Ordinal of each of a stored document's entities -> the canonical entity it was resolved to."""
    return dict(
        conn.execute(
            select(DocumentEntityRow.ordinal, EntityLinkRow.entity_id)
            .join(EntityLinkRow, EntityLinkRow.document_entity_id == DocumentEntityRow.id)
            .where(DocumentEntityRow.document_id == document_id)
        ).all()
    )


@dataclass(slots=True)
class Sharing:
    """What another stored document shares with a brief's document: its entities (by ordinal) and industries."""

    document_id: int
    ordinals: list[int]
    industries: list[str]


def sharing_documents(
    conn: Connection, strong: set[int], places: set[int], industries: list[str], exclude: int | None
) -> list[Sharing]:
    """Documents naming one of the ``strong`` entities, or a place in or inside ``places`` with an industry.

    "Inside" follows the store's region closure, so a brief on Qingdao finds
    a Jiaozhou document of the same industry; an industry is required with a
    place because a region alone relates too much.
    """
    de, link = DocumentEntityRow, EntityLinkRow
    found: dict[int, list[int]] = defaultdict(list)
    if strong:
        stmt = (
            select(de.document_id, de.ordinal)
            .join(link, link.document_entity_id == de.id)
            .where(link.entity_id.in_(strong))
        )
        for doc_id, ordinal in conn.execute(stmt):
            found[doc_id].append(ordinal)
    common: dict[int, list[str]] = defaultdict(list)
    if places and industries:
        stmt = (
            select(de.document_id, de.ordinal)
            .join(link, link.document_entity_id == de.id)
            .join(EntityRegionRow, EntityRegionRow.entity_id == link.entity_id)
            .where(
                EntityRegionRow.region_id.in_(places),
                de.type == "place",
                exists().where(
                    DocumentIndustryRow.document_id == de.document_id, DocumentIndustryRow.industry.in_(industries)
                ),
            )
        )
        for doc_id, ordinal in conn.execute(stmt):
            found[doc_id].append(ordinal)
        for doc_id, industry in conn.execute(
            select(DocumentIndustryRow.document_id, DocumentIndustryRow.industry)
            .where(DocumentIndustryRow.document_id.in_(list(found)), DocumentIndustryRow.industry.in_(industries))
            .order_by(DocumentIndustryRow.document_id, DocumentIndustryRow.ordinal)
        ):
            common[doc_id].append(industry)
    return [Sharing(d, sorted(set(o)), common.get(d, [])) for d, o in found.items() if d != exclude]


@dataclass(frozen=True, slots=True)
class WindowDocument:
    id: int
    content_hash: str
    published: str | None
    dated: bool  # False: counted by the day it was ingested
    near_duplicate_of: int | None


def documents_in_window(
    conn: Connection, since: dt.date, until: dt.date, *, region_id: int | None = None, industry: str | None = None
) -> list[WindowDocument]:
    """Documents published in [since, until], or ingested then when they carry no date, oldest first.

    Region and industry use the store's own document filters, so a region
    includes every place inside it, exactly as search and targets do.
    """
    d = DocumentRow
    # ingested_at is a timestamp: compare with the day after ``until`` so that day counts whole.
    after = dt.datetime.combine(until + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
    start = dt.datetime.combine(since, dt.time(), tzinfo=dt.UTC)
    when = or_(
        and_(d.published_date.is_not(None), d.published_date >= since, d.published_date <= until),
        and_(d.published_date.is_(None), d.ingested_at >= start, d.ingested_at < after),
    )
    conditions = document_filters(SearchFilters(region_id=region_id, industry=industry))
    stmt = (
        select(d.id, d.content_hash, d.published, d.published_date.is_not(None), d.near_duplicate_of)
        .where(when, *conditions)
        .order_by(func.coalesce(d.published_date, func.date(d.ingested_at)), d.id)
    )
    return [WindowDocument(*row) for row in conn.execute(stmt)]


# --- what the monitor reads to match new documents to watchlists and quote them ---

_CHUNK = 500  # ids per IN (...) list, well under every backend's limit on bound parameters


def document_texts(conn: Connection, document_ids: Iterable[int]) -> dict[int, str]:
    """Document id -> its clean text, for the ids that are stored."""
    wanted = list(set(document_ids))
    out: dict[int, str] = {}
    for start in range(0, len(wanted), _CHUNK):
        out.update(
            conn.execute(
                select(DocumentRow.id, DocumentRow.text).where(DocumentRow.id.in_(wanted[start : start + _CHUNK]))
            ).all()
        )
    return out


def matching_documents(
    conn: Connection, filters: SearchFilters, entity_ids: Iterable[int] = ()
) -> dict[int, int | None]:
    """Document id -> the id it is a near-duplicate of (or None), for the documents that pass ``filters``
    and, when ``entity_ids`` are given, name one of those entities; in id order."""
    conditions = document_filters(filters)
    if ids := list(entity_ids):
        conditions.append(
            exists().where(
                DocumentEntityRow.document_id == DocumentRow.id,
                EntityLinkRow.document_entity_id == DocumentEntityRow.id,
                EntityLinkRow.entity_id.in_(ids),
            )
        )
    return dict(
        conn.execute(
            select(DocumentRow.id, DocumentRow.near_duplicate_of).where(*conditions).order_by(DocumentRow.id)
        ).all()
    )


def entity_names(
    conn: Connection, id_range: tuple[int, int], *, region_id: int | None = None, entity_ids: Iterable[int] = ()
) -> list[tuple[int, str]]:
    """(document id, name as the document writes it) of the entities in the region (``region_id``, the
    places inside it and what lies there) or among ``entity_ids``, for documents after < id <= through."""
    stmt = (
        select(DocumentEntityRow.document_id, DocumentEntityRow.name)
        .join(EntityLinkRow, EntityLinkRow.document_entity_id == DocumentEntityRow.id)
        .where(DocumentEntityRow.document_id > id_range[0], DocumentEntityRow.document_id <= id_range[1])
        .order_by(DocumentEntityRow.document_id, DocumentEntityRow.ordinal)
    )
    if region_id is not None:
        stmt = stmt.join(EntityRegionRow, EntityRegionRow.entity_id == EntityLinkRow.entity_id).where(
            EntityRegionRow.region_id == region_id
        )
    else:
        stmt = stmt.where(EntityLinkRow.entity_id.in_(list(entity_ids)))
    return [(doc_id, name) for doc_id, name in conn.execute(stmt)]


def fact_starts(conn: Connection, kind: str, ids: Iterable[int]) -> dict[int, int]:
    """Quantity or event id (``kind`` "quantity" or "event") -> where its span starts in its document."""
    model: type[QuantityRow] | type[EventRow] = QuantityRow if kind == "quantity" else EventRow
    wanted = list(ids)
    out: dict[int, int] = {}
    for start in range(0, len(wanted), _CHUNK):
        out.update(
            conn.execute(select(model.id, model.start_offset).where(model.id.in_(wanted[start : start + _CHUNK]))).all()
        )
    return out


def industry_quantities(conn: Connection, industry: str, id_range: tuple[int, int]) -> list[tuple[int, int]]:
    """(document id, start) of the quantities tagged with ``industry`` in documents after < id <= through,
    targets first within a document."""
    return [
        (doc_id, start)
        for doc_id, start in conn.execute(
            select(QuantityRow.document_id, QuantityRow.start_offset)
            .join(QuantityIndustryRow, QuantityIndustryRow.quantity_id == QuantityRow.id)
            .where(
                QuantityIndustryRow.industry == industry,
                QuantityRow.document_id > id_range[0],
                QuantityRow.document_id <= id_range[1],
            )
            .order_by(QuantityRow.document_id, QuantityRow.kind.desc(), QuantityRow.ordinal)
        )
    ]

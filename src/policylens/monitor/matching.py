"""Which new documents match which watchlists, and the facts that made them match.

A watchlist's criteria are ANDed, each the same question the knowledge base
answers elsewhere, so an alert agrees with what ``search`` and ``targets``
show: a region includes every place inside it and everything located there
(``entity_regions``), an industry is a tag of the document, an entity is any
entity going by that name or alias, a keyword is a full-text match on the
document (its text, its quantities, its events).  Names are resolved now,
against the rebuilt entities, which is why watchlists keep names.

Only the documents of one id range (those stored since the last match) are
looked at.  A repost of a story (a near-duplicate) shares its first
version's key, so it does not raise the same alert twice.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, exists, select

from policylens.errors import InputError
from policylens.store import queries, search
from policylens.store.schema import (
    DocumentEntityRow,
    DocumentRow,
    EntityLinkRow,
    EntityRegionRow,
    EventRow,
    QuantityIndustryRow,
    QuantityRow,
)

from .alerts import WATCH, AlertDraft
from .quotes import Quoter
from .watchlists import Watchlist

MAX_FACTS = 5  # quoted sentences per alert; the brief has the rest
MAX_NAMES = 6


def match_watchlists(conn: Connection, watchlists: list[Watchlist], id_range: tuple[int, int],
                     quoter: Quoter) -> list[AlertDraft]:
    return [draft for w in watchlists for draft in _match(conn, w, id_range, quoter)]


def _match(conn: Connection, w: Watchlist, id_range: tuple[int, int], quoter: Quoter) -> list[AlertDraft]:
    try:
        region = queries.region_id(conn, w.region)
    except InputError:
        return []  # a place only the knowledge base knew, gone from it: nothing can lie in it now
    if region == queries.NOWHERE:
        return []
    entity_ids = [e.id for e in queries.find_entities(conn, w.entity)] if w.entity else []
    if w.entity and not entity_ids:
        return []  # no document names it yet
    filters = search.SearchFilters(region_id=region, industry=w.industry, id_range=id_range)
    conditions = search.document_filters(filters)
    if entity_ids:
        conditions.append(exists().where(
            DocumentEntityRow.document_id == DocumentRow.id,
            EntityLinkRow.document_entity_id == DocumentEntityRow.id,
            EntityLinkRow.entity_id.in_(entity_ids)))
    docs = {r.id: r for r in conn.execute(
        select(DocumentRow.id, DocumentRow.near_duplicate_of).where(*conditions).order_by(DocumentRow.id))}
    if not docs:
        return []
    facts: dict[int, list[str]] = defaultdict(list)
    names: dict[int, list[str]] = defaultdict(list)
    if w.keyword:
        _keyword_facts(conn, w.keyword, filters, docs, facts, quoter)
        docs = {d: r for d, r in docs.items() if d in facts}
    if region is not None:
        _names_in(conn, EntityRegionRow.region_id == region, EntityRegionRow.entity_id, id_range, docs, names)
    if entity_ids:
        _names_in(conn, EntityLinkRow.entity_id.in_(entity_ids), None, id_range, docs, names)
    if w.industry:
        _industry_facts(conn, w.industry, id_range, docs, facts, quoter)
    drafts = []
    for doc_id, row in docs.items():
        found = list(dict.fromkeys(names[doc_id]))[:MAX_NAMES]
        quoted = list(dict.fromkeys(facts[doc_id]))[:MAX_FACTS]
        drafts.append(AlertDraft(
            key=f"{WATCH}:{w.id}:{row.near_duplicate_of or doc_id}", kind=WATCH, document_id=doc_id,
            watchlist=w.name, reason=_reason(w, found), facts=quoted))
    return drafts


def _reason(w: Watchlist, names: list[str]) -> str:
    parts = [f"matches watchlist {w.name!r} ({w.describe()})"]
    if names:
        parts.append("names " + ", ".join(names))
    return "; ".join(parts)


def _names_in(conn: Connection, condition: Any, via: Any, id_range: tuple[int, int], docs: dict[int, Any],
              names: dict[int, list[str]]) -> None:
    """The document's own spelling of the entities that satisfy ``condition`` (in the region, or the entity)."""
    stmt = (select(DocumentEntityRow.document_id, DocumentEntityRow.name)
            .join(EntityLinkRow, EntityLinkRow.document_entity_id == DocumentEntityRow.id)
            .where(DocumentEntityRow.document_id > id_range[0], DocumentEntityRow.document_id <= id_range[1],
                   condition)
            .order_by(DocumentEntityRow.document_id, DocumentEntityRow.ordinal))
    if via is not None:
        stmt = stmt.join(EntityRegionRow, via == EntityLinkRow.entity_id)
    for doc_id, name in conn.execute(stmt):
        if doc_id in docs:
            names[doc_id].append(name)


def _keyword_facts(conn: Connection, keyword: str, filters: search.SearchFilters, docs: dict[int, Any],
                   facts: dict[int, list[str]], quoter: Quoter) -> None:
    """The sentences where the keyword occurs (a fact's sentence, else the document's title)."""
    hits = search.search(conn, keyword, filters, limit=max(1000, 50 * len(docs)))
    hits = [h for h in hits if h.document_id in docs]
    starts = _starts(conn, hits)
    quoter.load(h.document_id for h in hits)
    for h in sorted(hits, key=lambda h: (h.kind == "document", h.item_id or 0)):
        if h.kind == "document":
            quoted = quoter.find(h.document_id, keyword)
            facts[h.document_id].append(quoted or f"mentions {keyword!r}" + (f": {h.title}" if h.title else ""))
        else:
            facts[h.document_id].append(quoter.sentence(h.document_id, starts[(h.kind, h.item_id)]))


def _starts(conn: Connection, hits: list[search.SearchHit]) -> dict[tuple[str, int | None], int]:
    """Each quantity and event hit's start offset, keyed as the hits name them (a document hit has no item)."""
    out: dict[tuple[str, int | None], int] = {}
    for kind, model in (("quantity", QuantityRow), ("event", EventRow)):
        ids = [h.item_id for h in hits if h.kind == kind]
        for start in range(0, len(ids), 500):
            out.update({(kind, i): s for i, s in conn.execute(
                select(model.id, model.start_offset).where(model.id.in_(ids[start:start + 500])))})
    return out


def _industry_facts(conn: Connection, industry: str, id_range: tuple[int, int], docs: dict[int, Any],
                    facts: dict[int, list[str]], quoter: Quoter) -> None:
    """The sentences of the document's quantities tagged with the industry (targets first)."""
    rows = [r for r in conn.execute(
        select(QuantityRow.document_id, QuantityRow.start_offset)
        .join(QuantityIndustryRow, QuantityIndustryRow.quantity_id == QuantityRow.id)
        .where(QuantityIndustryRow.industry == industry, QuantityRow.document_id > id_range[0],
               QuantityRow.document_id <= id_range[1])
        .order_by(QuantityRow.document_id, QuantityRow.kind.desc(), QuantityRow.ordinal)) if r.document_id in docs]
    quoter.load(r.document_id for r in rows)
    for r in rows:
        facts[r.document_id].append(quoter.sentence(r.document_id, r.start_offset))

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

from sqlalchemy import Connection

from policylens.errors import InputError
from policylens.store import documents, queries, search

from .alerts import WATCH, AlertDraft
from .quotes import Quoter
from .watchlists import Watchlist

MAX_FACTS = 5  # quoted sentences per alert; the brief has the rest
MAX_NAMES = 6


def match_watchlists(
    conn: Connection, watchlists: list[Watchlist], id_range: tuple[int, int], quoter: Quoter
) -> list[AlertDraft]:
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
    docs = documents.matching_documents(conn, filters, entity_ids)
    if not docs:
        return []
    facts: dict[int, list[str]] = defaultdict(list)
    names: dict[int, list[str]] = defaultdict(list)
    if w.keyword:
        _keyword_facts(conn, w.keyword, filters, docs, facts, quoter)
        docs = {d: r for d, r in docs.items() if d in facts}
    if region is not None:
        _names_in(documents.entity_names(conn, id_range, region_id=region), docs, names)
    if entity_ids:
        _names_in(documents.entity_names(conn, id_range, entity_ids=entity_ids), docs, names)
    if w.industry:
        _industry_facts(conn, w.industry, id_range, docs, facts, quoter)
    drafts = []
    for doc_id, first_version in docs.items():
        found = list(dict.fromkeys(names[doc_id]))[:MAX_NAMES]
        quoted = list(dict.fromkeys(facts[doc_id]))[:MAX_FACTS]
        drafts.append(
            AlertDraft(
                key=f"{WATCH}:{w.id}:{first_version or doc_id}",
                kind=WATCH,
                document_id=doc_id,
                watchlist=w.name,
                reason=_reason(w, found),
                facts=quoted,
            )
        )
    return drafts


def _reason(w: Watchlist, names: list[str]) -> str:
    parts = [f"matches watchlist {w.name!r} ({w.describe()})"]
    if names:
        parts.append("names " + ", ".join(names))
    return "; ".join(parts)


def _names_in(found: list[tuple[int, str]], docs: dict[int, Any], names: dict[int, list[str]]) -> None:
    """The document's own spelling of the entities that made it match (in the region, or the entity)."""
    for doc_id, name in found:
        if doc_id in docs:
            names[doc_id].append(name)


def _keyword_facts(
    conn: Connection,
    keyword: str,
    filters: search.SearchFilters,
    docs: dict[int, Any],
    facts: dict[int, list[str]],
    quoter: Quoter,
) -> None:
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
    return {
        (kind, i): start
        for kind in ("quantity", "event")
        for i, start in documents.fact_starts(
            conn, kind, [h.item_id for h in hits if h.kind == kind and h.item_id is not None]
        ).items()
    }


def _industry_facts(
    conn: Connection,
    industry: str,
    id_range: tuple[int, int],
    docs: dict[int, Any],
    facts: dict[int, list[str]],
    quoter: Quoter,
) -> None:
    """The sentences of the document's quantities tagged with the industry (targets first)."""
    rows = [
        (doc_id, start) for doc_id, start in documents.industry_quantities(conn, industry, id_range) if doc_id in docs
    ]
    quoter.load(doc_id for doc_id, _ in rows)
    for doc_id, start in rows:
        facts[doc_id].append(quoter.sentence(doc_id, start))

"""Full-text search over documents and their facts, on SQLite (FTS5) and PostgreSQL (tsvector).

Both backends index the same prepared text (:func:`index_text`) with plain
word tokens and no stemmer of their own, so a query finds the same things on
either.  Preparation does three things the engines would do differently:

- every Chinese, Japanese or Korean character becomes a token of its own,
  and a query's run of such characters becomes a phrase of them.  A query of
  one or two characters therefore works (a trigram index could not answer
  it, a word segmenter would need a dictionary), and a longer run matches
  only where its characters stand together;
- Latin words are lower-cased and reduced to a singular ("factories" ->
  "factory"), the one inflection that matters for searching facts;
- everything else (punctuation, symbols) separates words.

Each hit carries a snippet of the matching text itself, the query's words
marked (:func:`snippet`).  It is cut from the stored original, not from the
prepared index text that FTS5's ``snippet()`` or PostgreSQL's ``ts_headline``
would quote (lower-cased, singular, one token per Chinese character), so a
reader sees the source's own words, and both backends show the same.

Filters narrow by the document: its source type and date, an industry it
was tagged with, an entity it names, or a region, which includes every place
inside it (through ``entity_regions``) and everything located there.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Connection, and_, bindparam, column, exists, func, literal_column, select, table, text
from sqlalchemy.sql.expression import ColumnElement

from ..errors import InputError
from ..model import Extraction
from ..words import singular
from .schema import (
    SEARCH_TSV_COLUMN,
    DocumentEntityRow,
    DocumentIndustryRow,
    DocumentRow,
    EntityLinkRow,
    EntityRegionRow,
    EventRow,
    QuantityRow,
    SearchItemRow,
)

# CJK ideographs (with extensions and compatibility forms), kana and hangul.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"


@cache
def _token_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A token, and a run of CJK characters: compiled at the first text indexed or searched, since classes
    this wide take about 7 ms to compile, which a command that neither indexes nor searches (``targets``,
    ``entity``) need not pay."""
    return re.compile(rf"[{_CJK}]+|[^\W_{_CJK}]+"), re.compile(rf"^[{_CJK}]+$")


def _tokens(value: str) -> list[str | list[str]]:
    """Words, and runs of CJK characters as lists of single characters."""
    token, cjk_run = _token_patterns()
    out: list[str | list[str]] = []
    for m in token.finditer(value.casefold()):
        word = m.group()
        out.append(list(word) if cjk_run.match(word) else singular(word))
    return out


def index_text(*parts: str | None) -> str:
    """The indexed form of some text: tokens separated by single spaces."""
    words: list[str] = []
    for part in parts:
        for token in _tokens(part or ""):
            words.extend(token if isinstance(token, list) else [token])
    return " ".join(words)


def item_texts(extraction: Extraction) -> list[str]:
    """The indexed text of a document's search rows: the document's, then each quantity's, then each event's."""
    doc = extraction.document
    return [
        index_text(doc.title, doc.publisher, doc.text),
        *(index_text(q.text, q.metric, q.subject) for q in extraction.quantities),
        *(index_text(e.text, e.actor, e.object) for e in extraction.events),
    ]


def document_items(
    document_id: int, extraction: Extraction, quantity_ids: list[int], event_ids: list[int], texts: list[str]
) -> list[dict[str, Any]]:
    """The search rows of one document, written in its save transaction; ``texts`` are its ``item_texts``."""
    kinds = [("document", None)] + [("quantity", qid) for qid in quantity_ids] + [("event", eid) for eid in event_ids]
    return [
        {"document_id": document_id, "kind": kind, "item_id": item_id, "text": text}
        for (kind, item_id), text in zip(kinds, texts, strict=True)
    ]


def _query_terms(query: str) -> list[str | list[str]]:
    terms = _tokens(query)
    if not terms:
        raise InputError("search", f"nothing to search for in {query!r}: give at least one word")
    return terms


def fts5_query(query: str) -> str:
    """All words must occur; a CJK run is a phrase of its characters."""
    return " AND ".join('"' + (" ".join(t) if isinstance(t, list) else t) + '"' for t in _query_terms(query))


def tsquery(query: str) -> str:
    return " & ".join(
        "(" + " <-> ".join(f"'{c}'" for c in t) + ")" if isinstance(t, list) else f"'{t}'" for t in _query_terms(query)
    )


@dataclass(frozen=True, slots=True)
class SearchFilters:
    region_id: int | None = None
    industry: str | None = None
    entity_id: int | None = None
    source_type: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    kinds: tuple[str, ...] = ()
    # (after, through): only documents with after < id <= through, the new ones a poll matches.
    id_range: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str  # document, quantity or event
    document_id: int
    item_id: int | None
    title: str | None
    published: str | None
    source_type: str
    text: str
    rank: float
    snippet: str = ""  # the matching passage, in the source's words ("…" where it was cut)
    marks: tuple[tuple[int, int], ...] = ()  # (start, end) in ``snippet`` of each occurrence of a query word

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "document_id": self.document_id,
            "item_id": self.item_id,
            "title": self.title,
            "published": self.published,
            "source_type": self.source_type,
            "text": self.text,
            "rank": self.rank,
            "snippet": self.snippet,
            "marks": [list(m) for m in self.marks],
        }


def _occurrences(text: str, terms: list[str | list[str]]) -> list[tuple[int, int]]:
    """Where the query's terms occur in ``text``, as the index reads it (any case, plural or singular)."""
    found: list[tuple[int, int]] = []
    for term in terms:
        if isinstance(term, list):  # a run of CJK characters: the characters together
            phrase = "".join(term)
            found += [(m.start(), m.end()) for m in re.finditer(re.escape(phrase), text)]
            continue
        for m in re.finditer(rf"(?<![^\W_]){re.escape(term[:3])}[^\W_{_CJK}]*", text, re.IGNORECASE):
            if singular(m.group().casefold()) == term:
                found.append((m.start(), m.end()))
    return sorted(found)


def snippet(text: str, query: str, width: int = 160) -> tuple[str, tuple[tuple[int, int], ...]]:
    """About ``width`` characters of ``text`` around the first occurrence of the query's words, and where they are.

    The passage is cut at spaces (between any two characters in Chinese text)
    and marked "…" where cut; whitespace is collapsed so it reads on one line.
    """
    flat = " ".join(text.split())
    found = _occurrences(flat, _query_terms(query))
    first = found[0][0] if found else 0
    start = max(0, first - width // 3)
    if start and (space := flat.rfind(" ", 0, start + 1)) > start - 20:
        start = space + 1
    end = min(len(flat), start + width)
    if end < len(flat) and (space := flat.rfind(" ", start, end)) > end - 20:
        end = space
    head, tail = ("…" if start else ""), ("…" if end < len(flat) else "")
    shift = len(head) - start
    marks = tuple((a + shift, b + shift) for a, b in found if a >= start and b <= end)
    return head + flat[start:end] + tail, marks


def document_filters(filters: SearchFilters) -> list[Any]:
    """Conditions on ``documents`` shared by search and other document-level queries."""
    conditions: list[Any] = []
    if filters.id_range is not None:
        conditions += [DocumentRow.id > filters.id_range[0], DocumentRow.id <= filters.id_range[1]]
    if filters.source_type:
        conditions.append(DocumentRow.source_type == filters.source_type)
    if filters.since:
        conditions.append(DocumentRow.published_date >= filters.since)
    if filters.until:
        conditions.append(DocumentRow.published_date <= filters.until)
    if filters.industry:
        conditions.append(
            exists().where(
                DocumentIndustryRow.document_id == DocumentRow.id, DocumentIndustryRow.industry == filters.industry
            )
        )
    if filters.entity_id is not None:
        conditions.append(
            exists().where(
                DocumentEntityRow.document_id == DocumentRow.id,
                EntityLinkRow.document_entity_id == DocumentEntityRow.id,
                EntityLinkRow.entity_id == filters.entity_id,
            )
        )
    if filters.region_id is not None:
        conditions.append(
            exists().where(
                DocumentEntityRow.document_id == DocumentRow.id,
                EntityLinkRow.document_entity_id == DocumentEntityRow.id,
                EntityRegionRow.entity_id == EntityLinkRow.entity_id,
                EntityRegionRow.region_id == filters.region_id,
            )
        )
    return conditions


def search(
    conn: Connection, query: str, filters: SearchFilters = SearchFilters(), limit: int | None = 20
) -> list[SearchHit]:
    """The best-ranked items matching every word of ``query`` under the filters."""
    item = SearchItemRow.__table__
    if conn.dialect.name == "sqlite":
        rank: ColumnElement[Any] = literal_column("bm25(search_fts)")  # lower is better
        fts = table("search_fts", column("rowid"))
        stmt = (
            select(item.c.kind, item.c.document_id, item.c.item_id, rank.label("rank"))
            .select_from(item)
            .join(fts, fts.c.rowid == item.c.id)
            .where(text("search_fts MATCH :q"))
            .order_by(rank)
        )
        params = {"q": fts5_query(query)}
    else:
        # The stored vector of revision 0006 (GIN-indexed): matching and ranking read it
        # instead of parsing each matching row's text again.
        vector: ColumnElement[Any] = literal_column(f"{SearchItemRow.__tablename__}.{SEARCH_TSV_COLUMN}")
        q = func.to_tsquery(literal_column("'simple'"), bindparam("q"))
        rank = func.ts_rank(vector, q)
        stmt = (
            select(item.c.kind, item.c.document_id, item.c.item_id, rank.label("rank"))
            .select_from(item)
            .where(vector.op("@@")(q))
            .order_by(rank.desc())
        )
        params = {"q": tsquery(query)}
    stmt = stmt.join(DocumentRow.__table__, DocumentRow.id == item.c.document_id).order_by(DocumentRow.id.desc())
    conditions = document_filters(filters)
    if filters.kinds:
        conditions.append(item.c.kind.in_(filters.kinds))
    if conditions:
        stmt = stmt.where(and_(*conditions))
    rows = conn.execute(stmt.limit(limit), params).all()
    return _hits(conn, rows, query)


def _hits(conn: Connection, rows: Sequence[Any], query: str) -> list[SearchHit]:
    """Attach what a reader sees: the document's title and date, the fact's own words, the matching passage."""
    doc_ids = {r.document_id for r in rows}
    whole = {r.document_id for r in rows if r.kind == "document"}  # only these need the document's text
    docs = (
        {
            d.id: d
            for d in conn.execute(
                select(
                    DocumentRow.id,
                    DocumentRow.title,
                    DocumentRow.published,
                    DocumentRow.source_type,
                    DocumentRow.source,
                ).where(DocumentRow.id.in_(doc_ids))
            )
        }
        if doc_ids
        else {}
    )
    bodies = (
        {i: body for i, body in conn.execute(select(DocumentRow.id, DocumentRow.text).where(DocumentRow.id.in_(whole)))}
        if whole
        else {}
    )
    texts: dict[tuple[str, int], str] = {}
    for kind, model, context in (("quantity", QuantityRow, QuantityRow.metric), ("event", EventRow, EventRow.date)):
        ids = [r.item_id for r in rows if r.kind == kind]
        if ids:
            # A quantity's span is short ("300"): its metric says what the number counts.
            texts.update(
                {
                    (kind, i): t if not extra or extra in t else f"{t} — {extra}"
                    for i, t, extra in conn.execute(select(model.id, model.text, context).where(model.id.in_(ids)))
                }
            )
    hits = []
    for r in rows:
        d = docs[r.document_id]
        shown = texts.get((r.kind, r.item_id), "") if r.item_id is not None else (d.title or d.source)
        if r.item_id is not None:
            passage, marks = snippet(shown, query)
        elif not (found := snippet(bodies[r.document_id], query))[1] and d.title:
            passage, marks = snippet(d.title, query)  # the words matched only in the title (or publisher)
        else:
            passage, marks = found
        hits.append(
            SearchHit(
                r.kind,
                r.document_id,
                r.item_id,
                d.title,
                d.published,
                d.source_type,
                shown,
                round(float(r.rank), 4),
                passage,
                marks,
            )
        )
    return hits

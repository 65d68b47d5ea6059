"""Follow-ups: a new document that carries an earlier document's story forward.

Three links, all read from what the rebuild derived, so a follow-up says
what ``targets`` and ``entity`` show:

- progress: a statistic of the new document is a progress observation of
  an earlier document's target (``target_progress``);
- restatement: a target of the new document restates an earlier one
  (``target_restatements``);
- implementation: the new document is implementation rules or measures
  (``data/followups.yaml``) for a cluster, park or programme that an earlier
  document's approval event is about (``event_entities``).

Only earlier documents the user was told about (a watchlist alert, now or
in an earlier poll) are followed up, and at most ``MAX_EARLIER`` of them
(the most recent) per new document: on a knowledge base of thousands of
similar reports, progress links join nearly every pair, and an alert for
each would bury the ones that matter.  Each pair of documents makes one
alert, naming the earlier document and quoting the sentences of every link
between them.  Near-duplicates count as
their first version, as they do in the rebuild, so a repost follows up
nothing new and is not followed up twice.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import aliased

from policylens import vocab
from policylens.store.schema import (
    AlertRow,
    DocumentEntityRow,
    DocumentRow,
    EntityLinkRow,
    EntityRow,
    EventEntityRow,
    EventRow,
    QuantityRow,
    TargetProgressRow,
    TargetRestatementRow,
)

from .alerts import FOLLOW_UP, WATCH, AlertDraft
from .quotes import Quoter

MAX_FACTS = 6
MAX_EARLIER = 3  # earlier documents followed up per new document


@cache
def _rules() -> dict[str, Any]:
    data = dict(vocab.load("policylens.monitor", "followups.yaml"))
    data["implementation_phrases"] = tuple(p.casefold() for p in data["implementation_phrases"])
    return data


@dataclass(slots=True)
class _Pair:
    reasons: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)


def follow_ups(conn: Connection, id_range: tuple[int, int], quoter: Quoter, watched: set[int]) -> list[AlertDraft]:
    """One draft per (new document, watched earlier document) pair that some link joins.

    ``watched``: the documents this poll's watchlist alerts are about; those
    of earlier polls' alerts are read here.
    """
    watched = watched | set(conn.scalars(select(AlertRow.document_id).where(AlertRow.kind == WATCH)))
    docs = _Documents(conn)
    pairs: dict[tuple[int, int], _Pair] = defaultdict(_Pair)
    for new_doc, new_start, old_doc, old_start, how in _quantity_links(conn, id_range):
        if docs.root(new_doc) == docs.root(old_doc):
            continue
        pair = pairs[(new_doc, old_doc)]
        pair.reasons.append(how)
        pair.facts += [quoter.sentence(new_doc, new_start), f"#{old_doc}: {quoter.sentence(old_doc, old_start)}"]
    for new_doc, old_doc, name, old_start in _implementations(conn, id_range, docs, quoter):
        pair = pairs[(new_doc, old_doc)]
        pair.reasons.append(f"implementation rules for {name}, approved")
        pair.facts.append(f"#{old_doc}: {quoter.sentence(old_doc, old_start)}")
    kept: dict[int, list[int]] = defaultdict(list)
    for new_doc, old_doc in sorted(pairs, key=lambda p: (p[0], -p[1])):
        if old_doc in watched and len(kept[new_doc]) < MAX_EARLIER:
            kept[new_doc].append(old_doc)
    drafts = []
    for (new_doc, old_doc), pair in sorted(pairs.items()):
        if old_doc not in kept[new_doc]:
            continue
        title = docs.title(old_doc)
        named = f"#{old_doc}" + (f" ({title})" if title else "")
        reasons = "; ".join(dict.fromkeys(pair.reasons))
        drafts.append(
            AlertDraft(
                key=f"{FOLLOW_UP}:{docs.root(new_doc)}:{docs.root(old_doc)}",
                kind=FOLLOW_UP,
                document_id=new_doc,
                earlier_document_id=old_doc,
                reason=f"follows up document {named}: {reasons}",
                facts=list(dict.fromkeys(pair.facts))[:MAX_FACTS],
            )
        )
    return drafts


class _Documents:
    """First versions, titles and dates of documents, loaded as the links name them."""

    def __init__(self, conn: Connection):
        self.conn = conn
        self.rows: dict[int, Any] = {}

    def _row(self, doc_id: int) -> Any:
        if doc_id not in self.rows:
            self.rows[doc_id] = self.conn.execute(
                select(
                    DocumentRow.id, DocumentRow.near_duplicate_of, DocumentRow.title, DocumentRow.published_date
                ).where(DocumentRow.id == doc_id)
            ).one()
        return self.rows[doc_id]

    def root(self, doc_id: int) -> int:
        return self._row(doc_id).near_duplicate_of or doc_id

    def title(self, doc_id: int) -> str | None:
        return self._row(doc_id).title

    def earlier(self, a: int, b: int) -> bool:
        """Document ``a`` came before ``b``: by publication date when both have one, else by storage order."""
        da, db = self._row(a).published_date, self._row(b).published_date
        if isinstance(da, dt.date) and isinstance(db, dt.date) and da != db:
            return da < db
        return a < b


def _quantity_links(conn: Connection, id_range: tuple[int, int]) -> list[tuple[int, int, int, int, str]]:
    """(new doc, its fact's offset, earlier doc, its target's offset, reason) for progress and restatements."""
    new, old = aliased(QuantityRow), aliased(QuantityRow)
    out = []
    for model, new_col, old_col, how in (
        (
            TargetProgressRow,
            TargetProgressRow.observation_id,
            TargetProgressRow.target_id,
            "a statistic shows progress on its target",
        ),
        (
            TargetRestatementRow,
            TargetRestatementRow.restated_by_id,
            TargetRestatementRow.target_id,
            "restates its target",
        ),
    ):
        for r in conn.execute(
            select(
                new.document_id, new.start_offset, old.document_id.label("old_doc"), old.start_offset.label("old_start")
            )
            .select_from(model)
            .join(new, new.id == new_col)
            .join(old, old.id == old_col)
            .where(new.document_id > id_range[0], new.document_id <= id_range[1], old.document_id != new.document_id)
            .order_by(new.document_id, new.ordinal)
        ):
            out.append((r.document_id, r.start_offset, r.old_doc, r.old_start, how))
    return out


def _implementations(
    conn: Connection, id_range: tuple[int, int], docs: _Documents, quoter: Quoter
) -> list[tuple[int, int, str, int]]:
    """(new doc, earlier doc, entity name, offset of the approval) for implementation rules of approved things."""
    rules = _rules()
    followed = (
        select(DocumentEntityRow.document_id, EntityRow.id, EntityRow.name)
        .join(EntityLinkRow, EntityLinkRow.document_entity_id == DocumentEntityRow.id)
        .join(EntityRow, EntityRow.id == EntityLinkRow.entity_id)
        .where(
            DocumentEntityRow.document_id > id_range[0],
            DocumentEntityRow.document_id <= id_range[1],
            EntityRow.type.in_(rules["followed_entity_types"]),
        )
    )
    candidates: dict[int, dict[int, str]] = defaultdict(dict)
    for doc_id, entity_id, name in conn.execute(followed):
        candidates[entity_id][doc_id] = name
    if not candidates:
        return []
    approvals = conn.execute(
        select(EventRow.document_id, EventRow.start_offset, EventEntityRow.entity_id)
        .join(EventEntityRow, EventEntityRow.event_id == EventRow.id)
        .where(EventRow.type == "approval", EventEntityRow.entity_id.in_(list(candidates)))
        .order_by(EventRow.document_id, EventRow.ordinal)
    ).all()
    out = []
    for old_doc, start, entity_id in approvals:
        for new_doc, name in candidates[entity_id].items():
            if (
                docs.root(new_doc) != docs.root(old_doc)
                and docs.earlier(old_doc, new_doc)
                and _is_implementation(quoter, new_doc, docs.title(new_doc))
            ):
                out.append((new_doc, old_doc, name, start))
    return out


def _is_implementation(quoter: Quoter, doc_id: int, title: str | None) -> bool:
    text = f"{title or ''}\n{quoter.text(doc_id)}".casefold()
    return any(phrase in text for phrase in _rules()["implementation_phrases"])

"""Alerts: recorded once per thing to tell (``key``), read back with their delivery state.

An alert is written in the transaction that marks its document matched (see
``state``), before anything is delivered: the table is the outbox.  What it
says is kept as text (reason, quoted facts, the document's title), never as
entity ids, so a later rebuild of the knowledge base cannot change it.  It
points at its document by id, and at the brief of that document by the CLI
command and the web path that show it.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, and_, exists, not_, select
from sqlalchemy.dialects import postgresql, sqlite

from policylens.store import KnowledgeBase
from policylens.store.schema import AlertRow, DeliveryRow, DestinationRow, DocumentRow

from ._time import aware, utcnow

WATCH, FOLLOW_UP = "watch", "follow-up"


@dataclass(slots=True)
class AlertDraft:
    """An alert before it is stored: ``key`` makes a second draft of the same thing a no-op."""

    key: str
    kind: str
    document_id: int
    reason: str
    facts: list[str] = field(default_factory=list)
    watchlist: str | None = None
    earlier_document_id: int | None = None


@dataclass(slots=True)
class Alert:
    id: int
    uid: str
    kind: str
    document_id: int
    title: str | None
    reason: str
    facts: list[str]
    created_at: str
    watchlist: str | None = None
    earlier_document_id: int | None = None
    deliveries: list[dict[str, Any]] = field(default_factory=list)

    @property
    def label(self) -> str:
        """What raised it, in a few words: "watch: shandong", "follow-up"."""
        return f"{self.kind}: {self.watchlist}" if self.watchlist else self.kind

    @property
    def brief_command(self) -> str:
        return f"policylens brief {self.document_id}"

    @property
    def brief_path(self) -> str:
        """Where the web app serves this document's brief."""
        return f"/briefs/{self.document_id}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "uid": self.uid,
            "kind": self.kind,
            "watchlist": self.watchlist,
            "document_id": self.document_id,
            "title": self.title,
            "earlier_document_id": self.earlier_document_id,
            "reason": self.reason,
            "facts": self.facts,
            "brief": {"command": self.brief_command, "path": self.brief_path},
            "created_at": self.created_at,
            "deliveries": self.deliveries,
        }


def record_alerts(conn: Connection, drafts: list[AlertDraft]) -> None:
    """Insert the drafts whose key is new; one already recorded (a re-run, a repost) is left as it was."""
    if not drafts:
        return
    titles = _titles(conn, {d.document_id for d in drafts})
    now = utcnow()
    rows = [
        {
            "uid": uuid.uuid4().hex,
            "key": d.key,
            "kind": d.kind,
            "watchlist": d.watchlist,
            "document_id": d.document_id,
            "earlier_document_id": d.earlier_document_id,
            "title": titles.get(d.document_id),
            "reason": d.reason,
            "facts": d.facts,
            "created_at": now,
        }
        for d in {d.key: d for d in drafts}.values()
    ]
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(AlertRow).on_conflict_do_nothing(index_elements=["key"])
    for chunk in _chunks(rows, 500):
        conn.execute(stmt, chunk)


def list_alerts(
    kb: KnowledgeBase,
    limit: int | None = 50,
    *,
    undelivered: bool = False,
    watchlist: str | None = None,
    document_id: int | None = None,
    after_id: int | None = None,
) -> list[Alert]:
    """Alerts, newest first; ``undelivered``: only those some destination is still owed."""
    stmt = select(AlertRow).order_by(AlertRow.id.desc())
    if undelivered:
        stmt = stmt.where(owed_somewhere())
    if watchlist is not None:
        stmt = stmt.where(AlertRow.watchlist == watchlist)
    if document_id is not None:
        stmt = stmt.where(AlertRow.document_id == document_id)
    if after_id is not None:
        stmt = stmt.where(AlertRow.id > after_id)
    if limit is not None:
        stmt = stmt.limit(limit)
    with kb.reading() as conn:
        rows = conn.execute(stmt).all()
        return alerts_from_rows(conn, rows)


def alerts_from_rows(conn: Connection, rows: Sequence[Any]) -> list[Alert]:
    """Alert rows with their deliveries (one query for all of them)."""
    deliveries: dict[int, list[dict[str, Any]]] = {r.id: [] for r in rows}
    for chunk in _chunks(list(deliveries), 500):
        for d in conn.execute(
            select(
                DeliveryRow.alert_id,
                DestinationRow.spec,
                DeliveryRow.attempts,
                DeliveryRow.delivered_at,
                DeliveryRow.last_error,
            )
            .join(DestinationRow, DestinationRow.id == DeliveryRow.destination_id)
            .where(DeliveryRow.alert_id.in_(chunk))
            .order_by(DestinationRow.spec)
        ):
            delivered = aware(d.delivered_at)
            deliveries[d.alert_id].append(
                {
                    "destination": d.spec,
                    "attempts": d.attempts,
                    "delivered_at": delivered.isoformat() if delivered else None,
                    "last_error": d.last_error,
                }
            )
    return [
        Alert(
            r.id,
            r.uid,
            r.kind,
            r.document_id,
            r.title,
            r.reason,
            list(r.facts or []),
            aware(r.created_at).isoformat(),
            r.watchlist,
            r.earlier_document_id,
            deliveries[r.id],
        )
        for r in rows
    ]


def owed(destination: Any) -> Any:
    """The condition: the alert is owed to this destination and not delivered there yet."""
    return and_(
        AlertRow.id >= destination.first_alert_id,
        not_(
            exists().where(
                DeliveryRow.alert_id == AlertRow.id,
                DeliveryRow.destination_id == destination.id,
                DeliveryRow.delivered_at.is_not(None),
            )
        ),
    )


def owed_somewhere() -> Any:
    """The condition: some destination is owed the alert and has not had it."""
    delivered = (
        select(DeliveryRow.alert_id)
        .where(
            DeliveryRow.alert_id == AlertRow.id,
            DeliveryRow.destination_id == DestinationRow.id,
            DeliveryRow.delivered_at.is_not(None),
        )
        .correlate(AlertRow, DestinationRow)
    )  # two levels up: not automatic
    return exists().where(AlertRow.id >= DestinationRow.first_alert_id, not_(delivered.exists()))


def _titles(conn: Connection, ids: set[int]) -> dict[int, str | None]:
    out: dict[int, str | None] = {}
    for chunk in _chunks(sorted(ids), 500):
        out.update(conn.execute(select(DocumentRow.id, DocumentRow.title).where(DocumentRow.id.in_(chunk))).all())
    return out


def _chunks(items: list[Any], size: int) -> list[list[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]

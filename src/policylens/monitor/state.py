"""Which documents have been matched against the watchlists: everything up to one document id.

Matching runs after the ingest of a poll is resolved, in the transaction
that records the alerts and moves this mark, so a crash before it leaves
the new documents unmatched and the next poll matches them: none is missed,
none alerted twice.  The mark starts at the newest document when monitoring
begins (the first watchlist or feed), so a knowledge base of years of
documents does not raise years of alerts at once.
"""

from __future__ import annotations

from sqlalchemy import Connection, func, insert, select, update

from policylens.store.schema import DocumentRow, MonitorStateRow

MATCHED_THROUGH = "matched_through"


def start_watching(conn: Connection) -> None:
    """Set the mark to the newest document, unless monitoring has started before."""
    if matched_through(conn) is None:
        newest = conn.scalar(select(func.max(DocumentRow.id))) or 0
        conn.execute(insert(MonitorStateRow), {"name": MATCHED_THROUGH, "value": newest})


def matched_through(conn: Connection) -> int | None:
    return conn.scalar(select(MonitorStateRow.value).where(MonitorStateRow.name == MATCHED_THROUGH))


def unmatched(conn: Connection) -> tuple[int, int] | None:
    """(after, through): the documents stored since the last match, or None when there are none."""
    after = matched_through(conn)
    newest = conn.scalar(select(func.max(DocumentRow.id))) or 0
    if after is None or newest <= after:
        return None
    return after, newest


def set_matched_through(conn: Connection, document_id: int) -> None:
    conn.execute(update(MonitorStateRow).where(MonitorStateRow.name == MATCHED_THROUGH).values(value=document_id))

"""Digests on a schedule (``serve --poll --digest-every 1d --deliver smtp://…``), each window once.

Every destination that takes digests (``Kind.digests``) gets, once a window
of whole days has passed, ``policylens digest`` for the days since the last
one it got, through yesterday.  The last day sent is recorded in
``monitor_state`` per destination right after the destination took the
digest, so a restarted server does not send it again; a crash between the
two resends it with the same Message-ID, which mail systems recognise.  The
first digest of a destination covers the window that ended yesterday.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import cast

from sqlalchemy import insert, select, update

from policylens.briefs import digest
from policylens.config import Settings
from policylens.store import KnowledgeBase
from policylens.store.schema import MonitorStateRow

from .delivery import RetryPolicy, attempt, masked, stored_name
from .destinations import DigestSender, kind_of

_THROUGH = "digest_through "  # + the destination as stored: the last day its digests covered (a date ordinal)


def send_due_digests(
    kb: KnowledgeBase, settings: Settings, specs: list[str], every_days: int, today: dt.date, retry: RetryPolicy
) -> tuple[list[str], list[str]]:
    """Send each due digest; (what was sent, what failed), one line each.  A failed one is due again later."""
    sent, failed = [], []
    for spec in specs:
        kind = kind_of(spec)
        if kind is None or not kind.digests:
            continue
        name = _THROUGH + stored_name(spec)
        with kb.reading() as conn:
            through = conn.scalar(select(MonitorStateRow.value).where(MonitorStateRow.name == name))
        until = today - dt.timedelta(days=1)
        since = dt.date.fromordinal(through + 1) if through is not None else until - dt.timedelta(days=every_days - 1)
        if (until - since).days + 1 < every_days:
            continue
        brief = digest(since, until, db=kb, as_of=today)
        sender = cast(DigestSender, kind.open(spec, settings, None))  # kind.digests: it has send_digest
        try:
            error = attempt(partial(sender.send_digest, brief, since, until), retry if kind.retried else None)
        finally:
            sender.close()
        window = f"digest {since.isoformat()}…{until.isoformat()}"
        if error is not None:
            failed.append(f"{masked(spec)}: {window}: {error}")
            continue
        with kb.writing() as conn:
            values = {"value": until.toordinal()}
            if not conn.execute(update(MonitorStateRow).where(MonitorStateRow.name == name).values(**values)).rowcount:
                conn.execute(insert(MonitorStateRow), {"name": name, **values})
        sent.append(f"{masked(spec)}: {window} sent")
    return sent, failed

"""Delivering alerts to every destination, each alert once per destination.

The kinds of destination (print, JSONL file, webhook, email…) are modules
of ``monitor.destinations``, each registering itself; this module is the
bookkeeping they share.

The alerts table is the outbox.  A destination, once used, is owed every
alert recorded from then on (``destinations.first_alert_id``), so a new
webhook does not receive years of history and an old one misses nothing;
an alert leaves the outbox for a destination only when a ``deliveries`` row
says it was delivered there, written right after the destination took it.

Exactly once, even across a crash between sending and recording:

- a webhook request carries the alert's uid as ``Idempotency-Key``; a
  request cut off by the crash is sent again with the same key, which the
  receiver uses to drop the repeat (the standard contract for webhooks);
- a JSONL file is its own record: the uids already in it are not appended
  again;
- an email's Message-ID is made from the alert's uid, so a resent one is
  the same message to the receiving mail system;
- printing is for a person watching; a crash mid-print may print one
  alert twice.

A network destination (webhook, email) is retried within the poll with exponential backoff, a bounded
number of times.  If it still fails, the destination rests (its alerts stay
pending) until ``next_attempt_at``, which backs off exponentially over
polls too, and the next poll after that delivers the backlog in order.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from policylens.config import Settings
from policylens.errors import ParameterError
from policylens.store import KnowledgeBase
from policylens.store.schema import AlertRow, DeliveryRow, DestinationRow

from ._time import aware, utcnow
from .alerts import Alert, alerts_from_rows, owed
from .destinations import DeliveryError, Sender, kind_of, usage

__all__ = [
    "DeliveryError",
    "DeliveryResult",
    "RetryPolicy",
    "attempt",
    "check_destination",
    "deliver",
    "masked",
    "register_destinations",
    "stored_name",
]

_BATCH = 200  # pending alerts read per round trip


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Attempts per alert within a poll, the waits between them, and how long a failing destination rests."""

    attempts: int = 4
    first_delay: float = 0.5  # seconds; doubled after each failed attempt
    max_delay: float = 8.0
    rest: float = 60.0  # seconds a destination rests after its first failed poll; doubled per failed poll
    max_rest: float = 6 * 3600.0

    def delay(self, failed_attempts: int) -> float:
        return min(self.first_delay * 2 ** (failed_attempts - 1), self.max_delay)

    def rest_after(self, failures: int) -> dt.timedelta:
        return dt.timedelta(seconds=min(self.rest * 2 ** (failures - 1), self.max_rest))


@dataclass(slots=True)
class DeliveryResult:
    """What one poll delivered to one destination."""

    destination: str
    delivered: int = 0
    pending: int = 0
    resting_until: str | None = None
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "destination": self.destination,
            "delivered": self.delivered,
            "pending": self.pending,
            "resting_until": self.resting_until,
            "error": self.error,
        }


def check_destination(spec: str) -> str:
    """``spec`` as stored (e.g. "print", "jsonl:PATH" with an absolute path, "webhook:URL"); InputError if malformed."""
    spec = (spec or "").strip()
    kind = kind_of(spec)
    checked = kind.check(spec) if kind is not None else None
    if checked is None:
        raise ParameterError("deliver_to", f"{masked(spec)!r} is not a destination; write one of: {usage()}")
    return checked


def masked(spec: str) -> str:
    """A destination as it may be shown, logged and stored: its secrets (passwords, tokens) replaced by ``***``."""
    kind = kind_of(spec)
    return kind.mask(spec) if kind is not None else spec


def stored_name(spec: str) -> str:
    """How the knowledge base names a destination: masked, with a digest telling apart two secrets."""
    shown = masked(spec)
    return shown if shown == spec else f"{shown} #{hashlib.sha256(spec.encode('utf-8')).hexdigest()[:16]}"


def register_destinations(conn: Connection, specs: list[str], now: dt.datetime) -> None:
    """Make each destination known; a new one is owed the alerts recorded from now on (this poll's included).

    A destination stored in plain text by an earlier version is renamed to its masked form, keeping its
    place in the outbox.
    """
    first = (conn.scalar(select(func.max(AlertRow.id))) or 0) + 1
    for spec in specs:
        key = stored_name(spec)
        if key != spec:
            conn.execute(update(DestinationRow).where(DestinationRow.spec == spec).values(spec=key))
        if conn.scalar(select(DestinationRow.id).where(DestinationRow.spec == key)) is None:
            conn.execute(insert(DestinationRow), {"spec": key, "first_alert_id": first, "failures": 0, "added_at": now})


def deliver(
    kb: KnowledgeBase,
    specs: list[str],
    settings: Settings,
    now: dt.datetime,
    retry: RetryPolicy,
    show: Callable[[Alert], None] | None = None,
) -> list[DeliveryResult]:
    """Deliver every alert each destination is owed, oldest first; ``show`` prints for ``print``."""
    return [_deliver_to(kb, spec, settings, now, retry, show) for spec in specs]


def _deliver_to(
    kb: KnowledgeBase,
    spec: str,
    settings: Settings,
    now: dt.datetime,
    retry: RetryPolicy,
    show: Callable[[Alert], None] | None,
) -> DeliveryResult:
    result = DeliveryResult(masked(spec))
    with kb.reading() as conn:
        dest = conn.execute(select(DestinationRow).where(DestinationRow.spec == stored_name(spec))).one()
        result.pending = conn.scalar(select(func.count()).select_from(AlertRow).where(owed(dest))) or 0
    resting = aware(dest.next_attempt_at)
    if resting is not None and resting > now:
        result.resting_until = resting.isoformat()
        return result
    kind = kind_of(spec)
    assert kind is not None, "delivering to an unchecked destination"
    with _opened(kind.open(spec, settings, show)) as sender:
        after = 0
        while True:
            with kb.reading() as conn:
                rows = conn.execute(
                    select(AlertRow).where(owed(dest), AlertRow.id > after).order_by(AlertRow.id).limit(_BATCH)
                ).all()
                batch = alerts_from_rows(conn, rows)
            if not batch:
                break
            for alert in batch:
                after = alert.id
                error = _send(kb, dest.id, sender, alert, retry if kind.retried else None)
                if error is not None:
                    _rest(kb, dest, now, retry, error)
                    result.error = error
                    return result
                result.delivered += 1
                result.pending -= 1
    if dest.failures:
        with kb.writing() as conn:
            conn.execute(
                update(DestinationRow)
                .where(DestinationRow.id == dest.id)
                .values(failures=0, next_attempt_at=None, last_error=None)
            )
    return result


def _send(kb: KnowledgeBase, dest_id: int, sender: Sender, alert: Alert, retry: RetryPolicy | None) -> str | None:
    """Hand one alert over, retrying as the policy says; record each attempt.  None on success, else the error."""
    return attempt(
        lambda: sender.send(alert),
        retry,
        lambda error: _record(kb, dest_id, alert.id, delivered=error is None, error=error),
    )


def attempt(
    call: Callable[[], None], retry: RetryPolicy | None, after_each: Callable[[str | None], None] | None = None
) -> str | None:
    """Call ``call`` until it succeeds, as often as ``retry`` allows (once without), waiting between attempts.

    ``after_each`` gets each attempt's error (None for the one that succeeded).  None on success, else the last
    error.
    """
    attempts = retry.attempts if retry else 1
    error = None
    for number in range(1, attempts + 1):
        try:
            call()
        except DeliveryError as exc:
            error = str(exc)
            if after_each is not None:
                after_each(error)
            if retry is not None and number < attempts:
                time.sleep(retry.delay(number))
            continue
        if after_each is not None:
            after_each(None)
        return None
    return error


def _record(kb: KnowledgeBase, dest_id: int, alert_id: int, delivered: bool, error: str | None) -> None:
    values = {"last_error": error, **({"delivered_at": utcnow()} if delivered else {})}
    with kb.writing() as conn:
        where = (DeliveryRow.alert_id == alert_id, DeliveryRow.destination_id == dest_id)
        done = conn.execute(
            update(DeliveryRow).where(*where).values(attempts=DeliveryRow.attempts + 1, **values)
        ).rowcount
        if not done:
            conn.execute(
                insert(DeliveryRow),
                {"alert_id": alert_id, "destination_id": dest_id, "attempts": 1, "delivered_at": None, **values},
            )


def _rest(kb: KnowledgeBase, dest: Any, now: dt.datetime, retry: RetryPolicy, error: str) -> None:
    failures = dest.failures + 1
    with kb.writing() as conn:
        conn.execute(
            update(DestinationRow)
            .where(DestinationRow.id == dest.id)
            .values(failures=failures, next_attempt_at=now + retry.rest_after(failures), last_error=error)
        )


@contextmanager
def _opened(sender: Sender) -> Iterator[Sender]:
    """The sender of one destination, closed after the poll's deliveries to it."""
    try:
        yield sender
    finally:
        sender.close()

"""Delivering alerts: printed, appended to a JSONL file, or POSTed to a webhook; each once per destination.

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
- printing is for a person watching; a crash mid-print may print one
  alert twice.

A webhook is retried within the poll with exponential backoff, a bounded
number of times.  If it still fails, the destination rests (its alerts stay
pending) until ``next_attempt_at``, which backs off exponentially over
polls too, and the next poll after that delivers the backlog in order.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import parse_qsl, urlsplit, urlunsplit

import httpx
from sqlalchemy import Connection, func, insert, select, update

from policylens.config import Settings
from policylens.errors import InputError
from policylens.ingestion.fetch import is_url, one_line
from policylens.store import KnowledgeBase
from policylens.store.schema import AlertRow, DeliveryRow, DestinationRow

from ._time import aware, utcnow
from .alerts import Alert, alerts_from_rows, owed

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
        return {"destination": self.destination, "delivered": self.delivered, "pending": self.pending,
                "resting_until": self.resting_until, "error": self.error}


class DeliveryError(Exception):
    """One attempt to hand an alert to a destination failed; the message says why, on one line."""


def check_destination(spec: str) -> str:
    """``spec`` as stored ("print", "jsonl:PATH" with an absolute path, "webhook:URL"); InputError if malformed."""
    spec = (spec or "").strip()
    kind, _, target = spec.partition(":")
    if kind == "print" and not target:
        return "print"
    if kind == "jsonl" and target:
        return f"jsonl:{Path(target).expanduser().resolve()}"
    if kind == "webhook" and is_url(target):
        return f"webhook:{target}"
    raise InputError("--deliver", f"{masked(spec)!r} is not a destination; write print, jsonl:PATH or webhook:http(s)://…")


def masked(spec: str) -> str:
    """A destination as it may be shown, logged and stored: a webhook URL's secrets replaced by ``***``.

    The user and password, every query value (``?key=…``, ``token=…``) and the fragment are secrets;
    so is a path segment that looks like a token (16 or more characters mixing letters and digits,
    as chat services put in their webhook paths).
    """
    kind, _, target = spec.partition(":")
    if kind != "webhook":
        return spec
    url = urlsplit(target)
    host = url.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = ("***@" if url.username or url.password else "") + host + (f":{url.port}" if url.port else "")
    path = "/".join("***" if _looks_secret(part) else part for part in url.path.split("/"))
    query = "&".join(f"{name}=***" for name, _ in parse_qsl(url.query, keep_blank_values=True))
    return "webhook:" + urlunsplit((url.scheme, netloc, path, query, "***" if url.fragment else ""))


def _looks_secret(part: str) -> bool:
    return len(part) >= 16 and any(c.isdigit() for c in part) and any(c.isalpha() for c in part)


def _stored(spec: str) -> str:
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
        key = _stored(spec)
        if key != spec:
            conn.execute(update(DestinationRow).where(DestinationRow.spec == spec).values(spec=key))
        if conn.scalar(select(DestinationRow.id).where(DestinationRow.spec == key)) is None:
            conn.execute(insert(DestinationRow), {"spec": key, "first_alert_id": first, "failures": 0,
                                                  "added_at": now})


def deliver(kb: KnowledgeBase, specs: list[str], settings: Settings, now: dt.datetime, retry: RetryPolicy,
            show: Callable[[Alert], None] | None = None) -> list[DeliveryResult]:
    """Deliver every alert each destination is owed, oldest first; ``show`` prints for ``print``."""
    return [_deliver_to(kb, spec, settings, now, retry, show) for spec in specs]


def _deliver_to(kb: KnowledgeBase, spec: str, settings: Settings, now: dt.datetime, retry: RetryPolicy,
                show: Callable[[Alert], None] | None) -> DeliveryResult:
    result = DeliveryResult(masked(spec))
    with kb.reading() as conn:
        dest = conn.execute(select(DestinationRow).where(DestinationRow.spec == _stored(spec))).one()
        result.pending = conn.scalar(select(func.count()).select_from(AlertRow).where(owed(dest))) or 0
    resting = aware(dest.next_attempt_at)
    if resting is not None and resting > now:
        result.resting_until = resting.isoformat()
        return result
    kind, _, target = spec.partition(":")
    with _opened(kind, target, settings, show) as sender:
        after = 0
        while True:
            with kb.reading() as conn:
                rows = conn.execute(select(AlertRow).where(owed(dest), AlertRow.id > after)
                                    .order_by(AlertRow.id).limit(_BATCH)).all()
                batch = alerts_from_rows(conn, rows)
            if not batch:
                break
            for alert in batch:
                after = alert.id
                error = _send(kb, dest.id, sender, alert, retry if kind == "webhook" else None)
                if error is not None:
                    _rest(kb, dest, now, retry, error)
                    result.error = error
                    return result
                result.delivered += 1
                result.pending -= 1
    if dest.failures:
        with kb.writing() as conn:
            conn.execute(update(DestinationRow).where(DestinationRow.id == dest.id)
                         .values(failures=0, next_attempt_at=None, last_error=None))
    return result


def _send(kb: KnowledgeBase, dest_id: int, sender: Any, alert: Alert, retry: RetryPolicy | None) -> str | None:
    """Hand one alert over, retrying as the policy says; record each attempt.  None on success, else the error."""
    attempts = retry.attempts if retry else 1
    error = None
    for attempt in range(1, attempts + 1):
        try:
            sender.send(alert)
        except DeliveryError as exc:
            error = str(exc)
            _record(kb, dest_id, alert.id, delivered=False, error=error)
            if attempt < attempts:
                time.sleep(retry.delay(attempt))
            continue
        _record(kb, dest_id, alert.id, delivered=True, error=None)
        return None
    return error


def _record(kb: KnowledgeBase, dest_id: int, alert_id: int, delivered: bool, error: str | None) -> None:
    values = {"last_error": error, **({"delivered_at": utcnow()} if delivered else {})}
    with kb.writing() as conn:
        where = (DeliveryRow.alert_id == alert_id, DeliveryRow.destination_id == dest_id)
        done = conn.execute(update(DeliveryRow).where(*where)
                            .values(attempts=DeliveryRow.attempts + 1, **values)).rowcount
        if not done:
            conn.execute(insert(DeliveryRow), {"alert_id": alert_id, "destination_id": dest_id, "attempts": 1,
                                               "delivered_at": None, **values})


def _rest(kb: KnowledgeBase, dest: Any, now: dt.datetime, retry: RetryPolicy, error: str) -> None:
    failures = dest.failures + 1
    with kb.writing() as conn:
        conn.execute(update(DestinationRow).where(DestinationRow.id == dest.id).values(
            failures=failures, next_attempt_at=now + retry.rest_after(failures), last_error=error))


class _Printer:
    def __init__(self, show: Callable[[Alert], None] | None):
        self.show = show or _print_line

    def send(self, alert: Alert) -> None:
        self.show(alert)

    def close(self) -> None:
        pass


def _print_line(alert: Alert, stream: TextIO | None = None) -> None:
    (stream or sys.stdout).write(f"[{alert.kind}] #{alert.document_id} {alert.title or ''} — {alert.reason} "
                                 f"({alert.brief_command})\n")


class _JsonLines:
    """Appends one JSON object per alert; the uids already in the file are its record of what it took."""

    def __init__(self, path: str):
        self.path = Path(path)
        self.taken: set[str] = set()
        try:
            with self.path.open(encoding="utf-8") as f:
                for line in f:
                    try:
                        self.taken.add(json.loads(line)["uid"])
                    except (ValueError, KeyError, TypeError):
                        continue  # a line cut short by a crash, or written by someone else
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise InputError(str(self.path), f"cannot read: {exc.strerror or exc}") from None
        self.file: TextIO | None = None

    def send(self, alert: Alert) -> None:
        if alert.uid in self.taken:
            return
        try:
            if self.file is None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.file = self.path.open("a", encoding="utf-8")
                if self.file.tell() and not self.path.read_bytes().endswith(b"\n"):
                    self.file.write("\n")  # end a line a crash cut short, so ours starts clean
            self.file.write(json.dumps(alert.to_dict(), ensure_ascii=False) + "\n")
            self.file.flush()
            os.fsync(self.file.fileno())
        except OSError as exc:
            raise DeliveryError(f"{self.path}: cannot write: {exc.strerror or exc}") from None
        self.taken.add(alert.uid)

    def close(self) -> None:
        if self.file is not None:
            self.file.close()


class _Webhook:
    """POSTs each alert as JSON with its uid as Idempotency-Key; any non-2xx answer is a failed attempt."""

    def __init__(self, url: str, settings: Settings):
        self.url = url
        self.shown = masked(f"webhook:{url}").partition(":")[2]  # what messages name: no secret in a log
        self.client = httpx.Client(timeout=settings.timeout, headers={"User-Agent": settings.user_agent},
                                   follow_redirects=False)

    def send(self, alert: Alert) -> None:
        try:
            response = self.client.post(self.url, json=alert.to_dict(), headers={"Idempotency-Key": alert.uid})
        except httpx.HTTPError as exc:
            detail = str(exc).replace(self.url, self.shown)
            raise DeliveryError(one_line(f"{self.shown}: {exc.__class__.__name__}: {detail}")) from None
        if not response.is_success:
            raise DeliveryError(f"{self.shown}: HTTP {response.status_code} {response.reason_phrase}".strip())

    def close(self) -> None:
        self.client.close()


@contextmanager
def _opened(kind: str, target: str, settings: Settings, show: Callable[[Alert], None] | None) -> Iterator[Any]:
    """The sender of one destination, closed after the poll's deliveries to it."""
    sender: Any
    if kind == "jsonl":
        sender = _JsonLines(target)
    elif kind == "webhook":
        sender = _Webhook(target, settings)
    else:
        sender = _Printer(show)
    try:
        yield sender
    finally:
        sender.close()

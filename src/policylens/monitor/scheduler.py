"""Polling on a schedule inside a long-running process (``policylens serve --poll``).

A background thread polls, then sleeps until the next feed is due, but never
longer than ``idle`` seconds, so a feed added meanwhile (from the CLI, say)
or a resting webhook's backlog is picked up without a restart.  A failed
poll is one line in the log and the next round goes on: a server must not
go down because a feed did.  Stopping does not wait for a poll in flight to
finish; the poll's own ordering (see ``poll``) makes an interrupted one
safe to run again.

With ``digest_every`` (whole days) it also sends the digest of each window
to the destinations that take digests (email), once (see ``digests``).
"""

from __future__ import annotations

import datetime as dt
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from policylens.config import Settings
from policylens.errors import ParameterError, PolicylensError
from policylens.store import KnowledgeBase

from ._time import utcnow
from .delivery import RetryPolicy, check_destination
from .destinations import kind_of
from .digests import send_due_digests
from .feeds import next_due
from .lock import PollRunning
from .poll import PollReport, poll


def _log_to_stderr(line: str) -> None:
    sys.stderr.write(f"policylens poll: {line}\n")
    sys.stderr.flush()


@dataclass(slots=True)
class SchedulerState:
    """What a page can say about the poller: when it last ran, what it did, when it runs next."""

    last_started: dt.datetime | None = None
    last_summary: str | None = None
    last_error: str | None = None
    next_run: dt.datetime | None = None
    polls: int = 0


class PollScheduler:
    """Polls the knowledge base's feeds on a thread of its own until stopped."""

    def __init__(
        self,
        kb: KnowledgeBase,
        settings: Settings,
        *,
        deliver_to: Sequence[str] = (),
        idle: float = 60.0,
        on_poll: Callable[[PollReport], None] | None = None,
        log: Callable[[str], None] = _log_to_stderr,
        digest_every: float | None = None,
        retry: RetryPolicy | None = None,
    ):
        self.kb, self.settings, self.idle, self.on_poll, self.log = kb, settings, idle, on_poll, log
        self.deliver_to = [check_destination(d) for d in deliver_to]  # a bad destination fails at start-up
        self.retry = retry or RetryPolicy()
        self.digest_days = _whole_days(digest_every, self.deliver_to) if digest_every else None
        self._digest_failures = 0
        self._digest_rest_until: dt.datetime | None = None
        self.state = SchedulerState()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="policylens-poller", daemon=True)
        self._thread.start()

    def stop(self, wait: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(wait)

    def run_once(self) -> PollReport | None:
        """One poll now; None when another poll holds the knowledge base or the poll failed (logged)."""
        self.state.last_started = utcnow()
        try:
            report = poll(self.kb, self.settings, deliver_to=self.deliver_to, show=self._show)
        except PollRunning:
            self.state.last_summary = "skipped: another poll was running"
            return None
        except PolicylensError as exc:
            self.state.last_error = str(exc)
            self.log(f"failed: {exc}")
            return None
        self.state.polls += 1
        self.state.last_error = report.errors[-1] if report.errors else None
        for line in report.errors:
            self.log(line)
        for d in report.deliveries:
            if d.error:
                self.log(f"{d.destination}: {d.error}; {d.pending} alert(s) wait for the next poll")
        self.state.last_summary = (
            f"{len(report.feeds)} feed(s) due, {report.stored} new document(s), {len(report.alerts)} new alert(s)"
        )
        if self.on_poll is not None:
            self.on_poll(report)
        return report

    def send_digests(self, now: dt.datetime | None = None) -> None:
        """Send the digests that are due; after a failure, rest (backing off) before trying again."""
        now = now or utcnow()
        if self.digest_days is None or (self._digest_rest_until is not None and now < self._digest_rest_until):
            return
        sent, failed = send_due_digests(
            self.kb, self.settings, self.deliver_to, self.digest_days, now.date(), self.retry
        )
        for line in sent + failed:
            self.log(line)
        if failed:
            self._digest_failures += 1
            self._digest_rest_until = now + self.retry.rest_after(self._digest_failures)
        else:
            self._digest_failures, self._digest_rest_until = 0, None

    def seconds_to_next(self, now: dt.datetime) -> float:
        """Until the next feed is due, between one second and ``idle``."""
        due = next_due(self.kb)
        wait = self.idle if due is None else (due - now).total_seconds()
        return min(max(wait, 1.0), self.idle)

    def _loop(self) -> None:
        while not self._stop.is_set():
            now, wait = utcnow(), self.idle
            try:
                self.run_once()
                now = utcnow()
                self.send_digests(now)
                wait = self.seconds_to_next(now)
            except Exception as exc:  # noqa: BLE001 (a database hiccup must not end the thread)
                self.state.last_error = f"{exc.__class__.__name__}: {exc}"
                self.log(f"failed: {self.state.last_error}")
            self.state.next_run = now + dt.timedelta(seconds=wait)
            self._stop.wait(wait)

    def _show(self, alert) -> None:
        """The ``print`` destination in a server: one line per alert in the log."""
        self.log(f"[{alert.label}] #{alert.document_id} {alert.title or ''} ({alert.brief_path})")


def _whole_days(seconds: float, destinations: list[str]) -> int:
    """The digest period in days; InputError unless it is whole days and some destination takes digests."""
    days, rest = divmod(int(seconds), 86400)
    if rest or days < 1:
        raise ParameterError("digest_every", "a digest covers whole days: write 1d, 7d…")
    if not any((kind := kind_of(d)) is not None and kind.digests for d in destinations):
        raise ParameterError("digest_every", "no destination delivered to takes digests; add smtp://… or smtps://…")
    return days

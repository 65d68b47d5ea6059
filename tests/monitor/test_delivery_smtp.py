"""Email delivery against a real SMTP server on 127.0.0.1 (aiosmtpd): every alert exactly once.

The server answers 451 to its first messages; the poll retries with backoff
and, when that is not enough, the destination rests and gets the backlog
later, in order.  A poller killed while the server holds an email, run
again, resends that one email with the same Message-ID (which the server
drops as a repeat) and nothing else twice.  The password never shows.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
from collections import Counter

import pytest
from monitor_samples import APPROVAL, ELSEWHERE, IMPLEMENTATION, PROGRESS
from test_delivery import FAST, poll
from test_monitor_cli import SRC

from policylens import monitor
from policylens.config import Settings
from policylens.errors import InputError, ParameterError
from policylens.monitor.delivery import RetryPolicy
from policylens.monitor.destinations.smtp import digest_message_id, message_id
from policylens.monitor.scheduler import PollScheduler
from policylens.store import KnowledgeBase


def test_email_failing_first_attempts_gets_each_alert_once(watched, mail_factory):
    server = mail_factory(fail_first=2)
    report = poll(watched, server.spec(to="desk@example.org,ops@example.org"))
    assert len(report.alerts) == 2
    assert report.deliveries[0].delivered == 2 and report.deliveries[0].error is None
    assert set(server.accepted) == {message_id(a.uid) for a in report.alerts}
    assert sorted(Counter(key for key, _ in server.messages).values()) == [1, 3]  # three tries, then one
    assert {rcpt for _, rcpts in server.envelopes for rcpt in rcpts} == {"desk@example.org", "ops@example.org"}
    alert = report.alerts[0]
    mail = server.accepted[message_id(alert.uid)]
    assert mail["From"] == "alerts@example.org" and alert.label in mail["Subject"]
    body = mail.get_content()
    assert alert.reason in body and alert.brief_command in body
    assert monitor.list_alerts(watched, undelivered=True) == []


def test_a_mail_server_down_for_a_while_gets_the_backlog_later_in_order(watched, mail_factory):
    server = mail_factory(fail_first=3)  # more than one poll's attempts for the first alert
    start = dt.datetime.now(dt.UTC)
    first = poll(watched, server.spec(), now=start)
    result = first.deliveries[0]
    assert result.delivered == 0 and result.pending == 2 and "451" in result.error
    resting = poll(watched, server.spec(), now=start + dt.timedelta(seconds=30))
    assert resting.deliveries[0].resting_until and len(server.messages) == 3  # resting: not even tried
    back = poll(watched, server.spec(), now=start + dt.timedelta(seconds=61))
    assert back.deliveries[0].delivered == 2 and back.deliveries[0].pending == 0
    assert [key for key, _ in server.messages[3:]] == [message_id(a.uid) for a in first.alerts]  # oldest first


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")  # a test server on 127.0.0.1
def test_the_password_is_masked_in_reports_errors_and_the_database(tmp_path, feed_server, mail_factory):
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    server = mail_factory(login=("alerts", "s3cretPassw0rd"))
    wrong = server.spec(userinfo="alerts:wrongPassw0rd@")
    right = server.spec(userinfo="alerts:s3cretPassw0rd@")
    once = RetryPolicy(attempts=1, first_delay=0.01)
    with KnowledgeBase.open(url) as opened:
        monitor.add_watchlist(opened, "shandong", region="Shandong")
        monitor.add_feed(opened, feed_server.rss("/feed.xml", [("approval", APPROVAL)]))
        report = monitor.poll(opened, Settings(allow_private_feeds=True), deliver_to=[wrong, right], retry=once)
        shown = [a.to_dict() for a in monitor.list_alerts(opened, None)]
    refused, sent = report.deliveries
    assert refused.error and "535" in refused.error  # authentication failed
    assert sent.delivered == 1 and len(server.accepted) == 1
    everything = repr([report.to_dict(), shown]) + "".join(
        p.read_bytes().decode("latin-1") for p in tmp_path.glob("kb.db*")
    )
    for secret in ("s3cretPassw0rd", "wrongPassw0rd"):
        assert secret not in everything
    assert f"smtp://alerts:***@127.0.0.1:{server.port}?from=" in sent.destination


@pytest.mark.parametrize(
    "spec",
    [
        "smtp://127.0.0.1:25?to=desk@example.org",  # no sender
        "smtp://127.0.0.1:25?from=alerts@example.org",  # no recipient
        "smtp://127.0.0.1:25?from=alerts@example.org&to=nobody",  # not an address
        "smtp://127.0.0.1:99999?from=alerts@example.org&to=desk@example.org",  # no such port
        "smtp://127.0.0.1?from=alerts@example.org&to=desk@example.org&tls=1",  # an option we do not know
        "smtps://127.0.0.1?from=alerts@example.org&to=desk@example.org&starttls=yes",  # TLS twice
        "smtp://?from=alerts@example.org&to=desk@example.org",  # no server
    ],
)
def test_bad_email_destinations_are_refused_before_anything_runs(spec):
    with pytest.raises(ParameterError) as caught:
        monitor.check_destination(spec)
    assert caught.value.parameter == "deliver_to" and "smtp://" in str(caught.value)


def test_a_password_in_a_refused_spec_is_not_shown():
    with pytest.raises(InputError) as caught:
        monitor.check_destination("smtp://me:hunter2hunter2@127.0.0.1?to=desk@example.org")
    assert "hunter2hunter2" not in str(caught.value) and "me:***@" in str(caught.value)


def _poll_process(db: str, spec: str) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from policylens.cli import main; main()",
            "--db",
            db,
            "poll",
            "--all",
            "--deliver",
            spec,
        ],
        env={**os.environ, "PYTHONPATH": SRC},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_a_killed_poller_sends_each_email_once(kb_url, feed_server, mail_factory):
    with KnowledgeBase.open(kb_url) as opened:
        monitor.add_watchlist(opened, "shandong", region="Shandong")
        monitor.add_watchlist(opened, "tools", industry="machine-tools")
        monitor.add_feed(
            opened,
            feed_server.rss(
                "/feed.xml",
                [("impl", IMPLEMENTATION), ("progress", PROGRESS), ("approval", APPROVAL), ("hefei", ELSEWHERE)],
            ),
        )
    server = mail_factory(hold_first=True)
    first = _poll_process(kb_url, server.spec())
    try:
        assert server.holding.wait(60), first.communicate(timeout=5)
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    finally:
        server.release()
        if first.poll() is None:
            first.kill()
    assert first.returncode == -signal.SIGKILL

    second = _poll_process(kb_url, server.spec())
    _, err = second.communicate(timeout=120)
    assert second.returncode == 0, err
    with KnowledgeBase.open(kb_url) as opened:
        alerts = monitor.list_alerts(opened, None)
        assert monitor.list_alerts(opened, undelivered=True) == []
    assert len(alerts) >= 5
    assert set(server.accepted) == {message_id(a.uid) for a in alerts}
    repeats = [key for key, n in Counter(key for key, _ in server.messages).items() if n > 1]
    assert len(repeats) <= 1  # only the email in flight at the kill was sent again, with its Message-ID


def _scheduler(kb, spec: str, every: str = "1d") -> PollScheduler:
    return PollScheduler(
        kb,
        Settings(allow_private_feeds=True),
        deliver_to=[spec],
        log=lambda line: None,
        digest_every=monitor.parse_duration(every),
        retry=FAST,
    )


def test_a_digest_is_emailed_once_per_window_even_across_a_restart(watched, mail_factory):
    poll(watched, "print")  # two documents in the knowledge base, ingested today
    server = mail_factory(fail_first=1)  # the first attempt is refused: the retry sends it
    today = dt.datetime.now(dt.UTC).replace(hour=9, minute=0, second=0, microsecond=0)
    week = _scheduler(watched, server.spec(), "7d")
    week.send_digests(today + dt.timedelta(days=1))
    yesterday, first_day = today.date(), today.date() - dt.timedelta(days=6)
    assert list(server.accepted) == [digest_message_id(server.spec(), first_day, yesterday)]
    mail = server.accepted[digest_message_id(server.spec(), first_day, yesterday)]
    assert mail["X-Policylens-Digest"] == f"{first_day}/{yesterday}"
    assert {part.get_content_type() for part in mail.iter_parts()} == {"text/plain", "text/html"}
    week.send_digests(today + dt.timedelta(days=1, hours=3))  # the same window: nothing
    _scheduler(watched, server.spec(), "7d").send_digests(today + dt.timedelta(days=7))  # restarted, window open
    assert len(server.messages) == 2  # the refused attempt and the digest
    _scheduler(watched, server.spec(), "7d").send_digests(today + dt.timedelta(days=8))
    next_window = digest_message_id(server.spec(), yesterday + dt.timedelta(days=1), yesterday + dt.timedelta(days=7))
    assert list(server.accepted)[1:] == [next_window] and len(server.messages) == 3


def test_a_failing_mail_server_rests_the_digest_then_gets_it(kb, mail_factory):
    server = mail_factory(fail_first=FAST.attempts)  # every attempt of the first round fails
    scheduler = _scheduler(kb, server.spec())
    start = dt.datetime(2026, 3, 2, 8, tzinfo=dt.UTC)
    scheduler.send_digests(start)
    assert not server.accepted and len(server.messages) == FAST.attempts
    scheduler.send_digests(start + dt.timedelta(seconds=30))  # resting: not even tried
    assert len(server.messages) == FAST.attempts
    scheduler.send_digests(start + dt.timedelta(seconds=61))
    one_day = dt.date(2026, 3, 1)
    assert list(server.accepted) == [digest_message_id(server.spec(), one_day, one_day)]


@pytest.mark.parametrize(
    ("every", "spec", "complaint"),
    [
        ("12h", "smtp://127.0.0.1?from=a@example.org&to=b@example.org", "whole days"),
        ("1d", "print", "no destination delivered to takes digests"),
    ],
)
def test_a_digest_schedule_needs_whole_days_and_an_email_destination(kb, every, spec, complaint):
    with pytest.raises(ParameterError) as caught:
        _scheduler(kb, spec, every)
    assert caught.value.parameter == "digest_every" and complaint in str(caught.value)

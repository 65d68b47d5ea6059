"""Delivery against a real webhook receiver on 127.0.0.1 and real JSONL files: every alert exactly once.

The receiver answers 500 to its first requests; the poll retries with
backoff and, when that is not enough, the alerts wait in the database for
a later poll.  A JSONL file that already holds an alert (the process died
before recording the delivery) is not written twice.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

import pytest
from monitor_samples import APPROVAL, IMPLEMENTATION, PROGRESS
from sqlalchemy import delete

from policylens import monitor
from policylens.config import Settings
from policylens.errors import ParameterError
from policylens.monitor.delivery import RetryPolicy
from policylens.store.schema import DeliveryRow

FAST = RetryPolicy(attempts=3, first_delay=0.01, rest=60.0)


def poll(kb, *destinations, now=None, every_feed=False):
    return monitor.poll(
        kb,
        Settings(allow_private_feeds=True, crawl_delay=0),
        deliver_to=list(destinations),
        retry=FAST,
        now=now,
        every_feed=every_feed,
    )


def test_webhook_failing_first_attempts_gets_each_alert_once(watched, feed_server, receiver_factory):
    receiver = receiver_factory(fail_first=2)
    report = poll(watched, f"webhook:{receiver.url}")
    assert len(report.alerts) == 2
    assert report.deliveries[0].delivered == 2 and report.deliveries[0].error is None
    assert set(receiver.accepted) == {a.uid for a in report.alerts}
    sent = Counter(key for key, _ in receiver.requests)
    assert sorted(sent.values()) == [1, 3]  # the first alert took three attempts, the second one
    body = receiver.accepted[report.alerts[0].uid]
    assert body["brief"] == {
        "command": f"policylens brief {body['document_id']}",
        "path": f"/briefs/{body['document_id']}",
    }
    alert = monitor.list_alerts(watched, 1, document_id=body["document_id"])[0]
    assert alert.deliveries and alert.deliveries[0]["attempts"] in (1, 3)
    feed_server.rss("/feed.xml", [("impl", IMPLEMENTATION), ("progress", PROGRESS), ("approval", APPROVAL)])
    later = poll(watched, f"webhook:{receiver.url}", every_feed=True)
    assert later.alerts and set(receiver.accepted) == {a.uid for a in monitor.list_alerts(watched, None)}
    assert max(Counter(key for key, _ in receiver.requests[3:]).values()) == 1  # no repeats once accepted


def test_a_webhook_down_for_a_while_gets_the_backlog_later_in_order(watched, receiver_factory):
    receiver = receiver_factory(fail_first=3)  # more than one poll's attempts for the first alert
    start = dt.datetime.now(dt.UTC)
    first = poll(watched, f"webhook:{receiver.url}", now=start)
    result = first.deliveries[0]
    assert result.delivered == 0 and result.pending == 2 and "HTTP 500" in result.error
    assert {a.id for a in monitor.list_alerts(watched, undelivered=True)} == {a.id for a in first.alerts}
    resting = poll(watched, f"webhook:{receiver.url}", now=start + dt.timedelta(seconds=30))
    assert resting.deliveries[0].resting_until and len(receiver.requests) == 3  # resting: not even tried
    back = poll(watched, f"webhook:{receiver.url}", now=start + dt.timedelta(seconds=61))
    assert back.deliveries[0].delivered == 2 and back.deliveries[0].pending == 0
    assert [key for key, _ in receiver.requests[3:]] == [a.uid for a in first.alerts]  # oldest first
    assert monitor.list_alerts(watched, undelivered=True) == []


def test_jsonl_once_per_alert_even_after_a_crash_before_recording(watched, tmp_path):
    path = tmp_path / "alerts.jsonl"
    report = poll(watched, f"jsonl:{path}")
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    assert [x["uid"] for x in lines] == [a.uid for a in report.alerts]
    # A poller that wrote a line and died before recording it: the file is the record.
    monitor.poll(
        watched, Settings(allow_private_feeds=True, crawl_delay=0), deliver_to=[f"jsonl:{tmp_path / 'other.jsonl'}"]
    )
    with watched.writing() as conn:
        conn.execute(delete(DeliveryRow))
    with path.open("a") as f:
        f.write('{"uid": "cut sho')  # and the last line was cut short
    again = poll(watched, f"jsonl:{path}")
    assert again.deliveries[0].delivered == 2
    uids = []
    for line in path.read_text().splitlines():
        try:
            uids.append(json.loads(line)["uid"])
        except ValueError:
            continue
    assert uids == [a.uid for a in report.alerts]


def test_a_new_destination_is_owed_alerts_from_its_first_use(watched, feed_server, tmp_path, receiver_factory):
    early = tmp_path / "early.jsonl"
    poll(watched, f"jsonl:{early}")
    receiver = receiver_factory()
    feed_server.rss("/feed.xml", [("progress", PROGRESS), ("approval", APPROVAL)])
    report = poll(watched, f"jsonl:{early}", f"webhook:{receiver.url}", every_feed=True)
    assert report.alerts and set(receiver.accepted) == {a.uid for a in report.alerts}
    assert len(early.read_text().splitlines()) == len(monitor.list_alerts(watched, None))


def test_bad_destinations_are_refused_before_anything_runs(watched):
    for spec in ("email:me@example.org", "webhook:ftp://x", "jsonl:", "print:now"):
        with pytest.raises(ParameterError) as caught:
            poll(watched, spec)
        assert caught.value.parameter == "deliver_to" and repr(spec) in str(caught.value)
    assert watched.count_documents() == 0

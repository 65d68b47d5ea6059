"""The poller inside a long-running process: a real thread polling a real feed server on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator

import pytest
from monitor_samples import APPROVAL, ELSEWHERE

from policylens import monitor
from policylens.config import Settings
from policylens.errors import InputError
from policylens.monitor.scheduler import PollScheduler
from policylens.store import KnowledgeBase


@pytest.fixture
def kb(sqlite_url: str) -> Iterator[KnowledgeBase]:
    with KnowledgeBase.open(sqlite_url) as opened:
        yield opened


def wait_for(condition, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the poller did not get there in time")
        time.sleep(0.05)


def test_the_thread_polls_at_once_records_alerts_and_stops_promptly(kb, feed_server, tmp_path):
    monitor.add_watchlist(kb, "shandong", region="Shandong")
    monitor.add_feed(kb, feed_server.rss("/feed.xml", [("approval", APPROVAL), ("hefei", ELSEWHERE)]), "1h")
    out = tmp_path / "alerts.jsonl"
    seen: list[monitor.PollReport] = []
    poller = PollScheduler(
        kb,
        Settings(allow_private_feeds=True, crawl_delay=0),
        deliver_to=[f"jsonl:{out}"],
        idle=0.2,
        on_poll=seen.append,
        log=lambda line: None,
    )
    poller.start()
    try:
        wait_for(lambda: seen and seen[0].alerts)
        wait_for(lambda: poller.state.polls >= 3)  # idle 0.2 s: it keeps checking, the feed is not due again
    finally:
        started = time.monotonic()
        poller.stop()
        assert time.monotonic() - started < 5
    [alert] = seen[0].alerts
    assert alert.watchlist == "shandong" and out.read_text().count(alert.uid) == 1
    assert feed_server.requests["/feed.xml"] == 1  # due once an hour: later rounds did not refetch it
    assert "1 new alert" in poller.state.last_summary or "0 new alert" in poller.state.last_summary
    assert poller.state.next_run is not None and poller.state.last_error is None


def test_a_failing_feed_is_logged_and_the_next_round_goes_on(kb, feed_server):
    monitor.add_feed(kb, feed_server.url("/missing.xml"), "1m")
    lines: list[str] = []
    poller = PollScheduler(kb, Settings(allow_private_feeds=True, crawl_delay=0), idle=0.2, log=lines.append)
    assert poller.run_once() is not None
    assert len(lines) == 1 and "/missing.xml" in lines[0] and "404" in lines[0]
    assert "404" in poller.state.last_error
    [feed] = monitor.list_feeds(kb)
    assert "404" in feed.last_error  # kept with the feed, for the alerts page
    assert poller.run_once() is not None  # the next round runs (the feed rests until due again)
    assert len(lines) == 1 and poller.state.last_error is None


def test_the_wait_is_until_the_next_due_feed_within_bounds(kb, feed_server):
    poller = PollScheduler(kb, Settings(allow_private_feeds=True, crawl_delay=0), idle=60)
    now = dt.datetime.now(dt.UTC)
    assert poller.seconds_to_next(now) == 60  # no feeds: check again after idle
    monitor.add_feed(kb, feed_server.url("/feed.xml"), "1h")
    assert poller.seconds_to_next(now) == 1.0  # a new feed is due at once (never a busy loop)
    assert poller.seconds_to_next(now - dt.timedelta(seconds=30)) == pytest.approx(30, abs=2)


def test_a_bad_destination_fails_at_start_up(kb):
    with pytest.raises(InputError, match="not a destination"):
        PollScheduler(kb, Settings(allow_private_feeds=True, crawl_delay=0), deliver_to=["carrier-pigeon"])

"""Issue 17: what a feed carries decides what a poll fetches, so a poll refuses private addresses.

The feed server runs on 127.0.0.1, a private address: polled without the
operator's opt-in (``allow_private_feeds``), nothing of it is fetched,
whatever settings started the poll (the CLI's, which may read intranet
pages, or ``serve --poll``'s).
"""
from __future__ import annotations

import socket

import pytest

from policylens import monitor
from policylens.config import Settings
from policylens.errors import InputError
from policylens.ingestion.fetch import fetch
from policylens.monitor.scheduler import PollScheduler
from policylens.store import KnowledgeBase
from monitor_samples import APPROVAL


@pytest.fixture
def kb(sqlite_url: str):
    with KnowledgeBase.open(sqlite_url) as opened:
        yield opened


@pytest.mark.parametrize("settings", [Settings(), Settings(allow_private_urls=True)], ids=["default", "cli"])
def test_a_poll_fetches_no_private_address_without_the_opt_in(kb, feed_server, settings):
    feed = feed_server.rss("/local.xml", [("approval", APPROVAL)])
    monitor.add_feed(kb, feed)
    report = monitor.poll(kb, settings)
    assert [f.status for f in report.feeds] == ["failed"]
    assert report.errors == [f"{feed}: refused: 127.0.0.1 is a private or local address (127.0.0.1)"]
    assert sum(feed_server.requests.values()) == 0 and report.stored == 0


def test_the_scheduler_of_serve_poll_refuses_them_too(kb, feed_server):
    monitor.add_feed(kb, feed_server.rss("/local.xml", [("approval", APPROVAL)]))
    scheduler = PollScheduler(kb, Settings(allow_private_urls=True), idle=60)
    report = scheduler.run_once()
    assert report is not None and report.feeds[0].status == "failed"
    assert sum(feed_server.requests.values()) == 0


def test_an_operator_opts_in_to_private_feeds(kb, feed_server):
    monitor.add_feed(kb, feed_server.rss("/local.xml", [("approval", APPROVAL)]))
    assert monitor.poll(kb, Settings(allow_private_feeds=True)).stored == 1


def test_the_address_checked_is_the_address_connected_to(feed_server, monkeypatch):
    # A DNS server that answers a public address first and a loopback one afterwards (rebinding) cannot run
    # here, so getaddrinfo is replaced for this host name only.  Without pinning, the connection would
    # resolve again and reach the local server.
    real = socket.getaddrinfo
    answers = iter(["8.8.8.8"])  # global; nothing answers on the feed server's port there

    def rebinding(host, *args, **kwargs):
        if host != "rebind.example":
            return real(host, *args, **kwargs)
        address = next(answers, "127.0.0.1")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, 0))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    url = feed_server.article("secret", APPROVAL).replace("127.0.0.1", "rebind.example")
    with pytest.raises(InputError) as caught:
        fetch(url, Settings(allow_private_urls=False, timeout=1.0))
    assert "private or local" not in caught.value.reason  # the check passed: the public answer came first
    assert sum(feed_server.requests.values()) == 0

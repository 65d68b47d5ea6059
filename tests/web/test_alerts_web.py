"""The alerts page and API over a server that polls a real feed server on 127.0.0.1 (``serve --poll``)."""

from __future__ import annotations

import json
import time

import httpx
import pytest
from live_server import LiveServer
from monitor_samples import APPROVAL, ELSEWHERE

from policylens import monitor
from policylens.config import Settings
from policylens.store import KnowledgeBase


def wait_for_alerts(client: httpx.Client, seconds: float = 60.0) -> list[dict]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        alerts = client.get("/api/v1/alerts").json()["items"]
        if alerts:
            return alerts
        time.sleep(0.1)
    raise AssertionError("the server's poller raised no alert in time")


@pytest.fixture
def polling_server(tmp_path, feed_server):
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    with KnowledgeBase.open(url) as kb:
        monitor.add_watchlist(kb, "shandong", region="Shandong")
        monitor.add_watchlist(kb, "nev", industry="new-energy-vehicles", keyword="battery")
        monitor.add_feed(kb, feed_server.rss("/feed.xml", [("approval", APPROVAL), ("hefei", ELSEWHERE)]))
    out = tmp_path / "alerts.jsonl"
    # The feed server is on 127.0.0.1: this operator opted in to private feeds.
    with LiveServer(
        Settings(db_url=url, allow_private_feeds=True, crawl_delay=0), poll=True, deliver_to=[f"jsonl:{out}"]
    ) as server:
        yield server, out


def test_a_polling_server_shows_its_alerts_and_delivers_them(polling_server):
    server, out = polling_server
    with httpx.Client(base_url=server.url, timeout=30) as client:
        alerts = wait_for_alerts(client)
        assert {a["watchlist"] for a in alerts} == {"shandong", "nev"}
        shandong = next(a for a in alerts if a["watchlist"] == "shandong")
        assert shandong["brief"]["path"] == f"/briefs/{shandong['document_id']}"

        page = client.get("/alerts")
        assert page.status_code == 200 and "Polling in this server" in page.text
        assert shandong["title"] in page.text and f'href="/briefs/{shandong["document_id"]}"' in page.text
        assert client.get(shandong["brief"]["path"]).status_code == 200

        only = client.get("/alerts", params={"watchlist": "nev"}).text
        assert "Hefei" in only and "Qingdao CNC" not in only
        listed = client.get("/api/v1/watchlists").json()["items"]
        assert [(w["name"], w["region"], w["keyword"]) for w in listed] == [
            ("nev", None, "battery"),
            ("shandong", "Shandong", None),
        ]
        dashboard = client.get("/").text
        assert "Latest alerts" in dashboard and f'href="/briefs/{shandong["document_id"]}"' in dashboard
        # The overview the dashboard shows was refreshed when the poll stored documents.
        assert client.get("/api/v1/overview").json()["counts"]["documents"] == 2

    delivered = [json.loads(line)["uid"] for line in out.read_text().splitlines()]
    assert sorted(delivered) == sorted(a["uid"] for a in alerts)


def test_alert_filters_and_unknown_watchlists(empty_server):
    with httpx.Client(base_url=empty_server.url, timeout=30) as client:
        assert client.get("/api/v1/alerts").json()["items"] == []
        assert client.get("/api/v1/watchlists").json()["items"] == []
        assert "Latest alerts" not in client.get("/").text
        missing = client.get("/api/v1/alerts", params={"watchlist": "nope"})
        assert missing.status_code == 404 and "watchlist 'nope'" in missing.json()["error"]
        assert client.get("/alerts", params={"watchlist": "nope"}).status_code == 404
        assert client.get("/api/v1/alerts", params={"limit": 0}).status_code == 422
        page = client.get("/alerts", params={"undelivered": "true"})
        assert page.status_code == 200 and "does not poll" in page.text and "No alerts" in page.text

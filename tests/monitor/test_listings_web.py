"""The web's Alerts page says what each source is, served by a real uvicorn on 127.0.0.1."""

from __future__ import annotations

import datetime as dt

import httpx
from web.live_server import LiveServer

from policylens import monitor
from policylens.config import Settings
from policylens.store import KnowledgeBase


def test_the_alerts_page_shows_each_sources_kind_entries_and_last_poll(tmp_path, listing_server_factory):
    site = listing_server_factory()
    for n in (1, 2):
        site.story(f"/n/{n}.html", f"subject{n}", n)
    rows = "".join(
        f'<li><a href="/n/{n}.html">A long headline about subject {n} today</a> 2024-10-3{n}</li>' for n in (1, 2)
    )
    listing = site.put("/n/index.html", f"<html><body><ul>{rows}</ul></body></html>")
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    with KnowledgeBase.open(url) as kb:
        monitor.add_feed(kb, listing)
        monitor.add_feed(kb, "http://127.0.0.1:1/unreachable-sitemap.xml", kind="sitemap")
        monitor.poll(kb, Settings(crawl_delay=0, allow_private_feeds=True), now=dt.datetime.now(dt.UTC))
    with LiveServer(Settings(db_url=url)) as server:
        page = httpx.get(f"{server.url}/alerts", timeout=10).text
    row = page[page.index(listing) :].split("</tr>", 1)[0]
    assert '<td class="wrap">listing</td>' in row and "<td>2</td>" in row
    assert dt.datetime.now(dt.UTC).strftime("%Y-%m-%d") in row.split("<td>1h</td>", 1)[1]
    unreachable = page[page.index("unreachable-sitemap.xml") :].split("</tr>", 1)[0]
    assert "sitemap" in unreachable and "cannot fetch" in unreachable  # the last problem

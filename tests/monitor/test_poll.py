"""Polling against a real feed server on 127.0.0.1, on SQLite and PostgreSQL.

The server honours ETag/Last-Modified with 304 and the tests change its
feeds between polls: new entries are stored once, old ones are not fetched
again, each watchlist and follow-up raises its alert once, and a bad feed
is one error line while the other feeds are read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from monitor_samples import APPROVAL, ELSEWHERE, IMPLEMENTATION, PROGRESS
from sqlalchemy import func, select

from policylens import monitor
from policylens.config import Settings
from policylens.errors import InputError
from policylens.store import KnowledgeBase
from policylens.store.schema import AlertRow, FeedEntryRow, WatchlistRow

LATER = dt.timedelta(hours=2)


@pytest.fixture
def kb(kb_url: str) -> Iterator[KnowledgeBase]:
    with KnowledgeBase.open(kb_url) as opened:
        yield opened


def run(kb: KnowledgeBase, now: dt.datetime | None = None, **kwargs) -> monitor.PollReport:
    return monitor.poll(kb, Settings(allow_private_feeds=True, crawl_delay=0), now=now, **kwargs)


def by_watchlist(alerts: list[monitor.Alert]) -> dict[str | None, set[int]]:
    out: dict[str | None, set[int]] = {}
    for a in alerts:
        out.setdefault(a.watchlist, set()).add(a.document_id)
    return out


def test_feeds_polled_with_conditional_get_and_changes_picked_up(kb, feed_server):
    feed = feed_server.rss("/feed.xml", [("approval", APPROVAL), ("hefei", ELSEWHERE)])
    monitor.add_feed(kb, feed, "1h")
    monitor.add_watchlist(kb, "qingdao tools", region="Qingdao", industry="machine-tools")
    start = dt.datetime.now(dt.UTC)

    first = run(kb, start)
    assert [(f.status, f.entries, f.stored) for f in first.feeds] == [("read", 2, 2)]
    assert by_watchlist(first.alerts) == {"qingdao tools": {first.alerts[0].document_id}}
    assert "Jiaozhou" in first.alerts[0].reason  # Jiaozhou lies in Qingdao: sub-regions count

    assert run(kb, start + dt.timedelta(minutes=30)).feeds == []  # not due yet
    unchanged = run(kb, start + LATER)
    assert [f.status for f in unchanged.feeds] == ["not_modified"] and not unchanged.alerts
    assert feed_server.not_modified["/feed.xml"] == 1

    feed_server.rss("/feed.xml", [("impl", IMPLEMENTATION), ("approval", APPROVAL), ("hefei", ELSEWHERE)])
    changed = run(kb, start + 2 * LATER)
    assert [(f.status, f.entries, f.new, f.stored) for f in changed.feeds] == [("read", 3, 1, 1)]
    assert feed_server.requests["/news/approval.html"] == 1  # a stored entry's page is not fetched again
    assert feed_server.requests["/news/impl.html"] == 1
    assert {a.kind for a in changed.alerts} == {"watch", "follow-up"}
    with kb.reading() as conn:
        assert conn.scalar(select(func.count()).select_from(FeedEntryRow)) == 3


def test_each_criterion_and_their_combination(kb, feed_server):
    monitor.add_watchlist(kb, "region", region="Shandong")
    monitor.add_watchlist(kb, "industry", industry="new-energy-vehicles")
    monitor.add_watchlist(kb, "entity", entity="Qingdao CNC machine tool cluster")
    monitor.add_watchlist(kb, "keyword", keyword="export certification")
    monitor.add_watchlist(
        kb,
        "all four",
        region="Qingdao",
        industry="machine-tools",
        entity="Qingdao CNC machine tool cluster",
        keyword="export certification",
    )
    monitor.add_watchlist(kb, "contradiction", region="Hefei", keyword="export certification")
    monitor.add_feed(
        kb, feed_server.rss("/feed.xml", [("approval", APPROVAL), ("hefei", ELSEWHERE), ("progress", PROGRESS)])
    )
    report = run(kb)
    with kb.reading() as conn:
        ids = dict(conn.execute(select(AlertRow.document_id, AlertRow.title)).all())
    title = {v.split(",")[0].split(" Opens")[0]: k for k, v in ids.items()}
    approval = title["Shandong Approves Qingdao CNC Machine Tool Cluster"]
    hefei = title["Hefei"]
    progress = next(k for k, v in ids.items() if "Exports Rise" in v)
    found = by_watchlist([a for a in report.alerts if a.kind == "watch"])
    assert found == {
        "region": {approval, progress},
        "industry": {hefei},
        "entity": {approval, progress},
        "keyword": {approval},
        "all four": {approval},
    }
    keyword = next(a for a in report.alerts if a.watchlist == "keyword")
    assert any("export certification" in f for f in keyword.facts)  # the sentence that matched is quoted
    assert all(a.brief_path == f"/briefs/{a.document_id}" for a in report.alerts)


def test_follow_ups_name_the_earlier_document(kb, feed_server):
    monitor.add_watchlist(kb, "export certification", keyword="export certification")
    monitor.add_feed(kb, feed_server.rss("/feed.xml", [("approval", APPROVAL)]))
    first = run(kb)
    assert [a.kind for a in first.alerts] == ["watch"]  # nothing earlier to follow up
    approval = first.alerts[0].document_id
    feed_server.rss("/feed.xml", [("progress", PROGRESS), ("impl", IMPLEMENTATION), ("approval", APPROVAL)])
    report = run(kb, every_feed=True)
    follow = [a for a in report.alerts if a.kind == "follow-up"]
    assert {a.earlier_document_id for a in follow} == {approval}
    reasons = {a.title.split(" ")[1]: a for a in follow}
    assert "implementation rules for Qingdao CNC machine tool cluster" in reasons["Issues"].reason
    assert "progress on its target" in reasons["CNC"].reason
    assert any("RMB 5 billion" in f for f in reasons["CNC"].facts)  # the earlier target is quoted
    assert all(f"#{approval}" in a.reason for a in follow)


def test_only_documents_the_user_was_told_about_are_followed_up(kb, feed_server):
    monitor.add_watchlist(kb, "hefei", region="Hefei")
    monitor.add_feed(kb, feed_server.rss("/feed.xml", [("approval", APPROVAL)]))
    run(kb)
    feed_server.rss("/feed.xml", [("progress", PROGRESS), ("impl", IMPLEMENTATION), ("approval", APPROVAL)])
    assert run(kb, every_feed=True).alerts == []  # the approval raised no alert, so nothing follows it up


def test_a_repost_and_a_rerun_raise_no_second_alert(kb, feed_server):
    monitor.add_watchlist(kb, "qingdao", region="Qingdao")
    monitor.add_feed(kb, feed_server.rss("/a.xml", [("approval", APPROVAL)]))
    assert len(run(kb).alerts) == 1
    repost = APPROVAL.replace("on Wednesday", "on Wednesday, according to a statement")
    monitor.add_feed(kb, feed_server.rss("/b.xml", [("repost", repost), ("same", APPROVAL)]))
    again = run(kb, every_feed=True)
    assert again.stored == 1 and again.alerts == []  # a near-duplicate counts as its first version
    with kb.reading() as conn:
        assert conn.scalar(select(func.count()).select_from(AlertRow)) == 1


def test_bad_feeds_are_one_line_each_and_the_rest_is_read(kb, feed_server):
    good = feed_server.rss("/good.xml", [("approval", APPROVAL)])
    broken = feed_server.put("/broken.xml", "<?xml version='1.0'?><rss><channel><title>cut <off", "application/rss+xml")
    html = feed_server.put("/page.html", "<html><body><p>not a feed</p></body></html>")
    dead_link = feed_server.rss("/dead.xml", [("gone", ELSEWHERE)])
    del feed_server.resources["/news/gone.html"]
    for url in (good, broken, html, dead_link, "http://127.0.0.1:1/unreachable.xml"):
        monitor.add_feed(kb, url)
    report = run(kb)
    status = {f.url.rsplit("/", 1)[1]: f.status for f in report.feeds}
    assert status == {
        "good.xml": "read",
        "broken.xml": "failed",
        "page.html": "failed",
        "dead.xml": "read",
        "unreachable.xml": "failed",
    }
    assert len(report.errors) == 4 and all("\n" not in e for e in report.errors)
    assert any(e.startswith(broken) and "feed has no entries" in e for e in report.errors)
    assert any(e.startswith(html) and "not an RSS or Atom feed" in e for e in report.errors)
    assert any("404" in e and "gone.html" in e for e in report.errors)
    assert report.stored == 1
    # The feed with a dead entry kept no validators: the next read is unconditional and retries the entry.
    feed_server.article("gone", ELSEWHERE)
    retried = run(kb, every_feed=True)
    assert {f.url.rsplit("/", 1)[1]: f.stored for f in retried.feeds if f.stored} == {"dead.xml": 1}


def test_the_rebuild_leaves_monitoring_alone(kb, feed_server):
    monitor.add_watchlist(kb, "qingdao", region="Qingdao")
    monitor.add_feed(kb, feed_server.rss("/feed.xml", [("approval", APPROVAL)]))
    run(kb)
    kb.resolve()
    with kb.reading() as conn:
        assert conn.scalar(select(func.count()).select_from(WatchlistRow)) == 1
        assert conn.scalar(select(func.count()).select_from(AlertRow)) == 1
        assert conn.scalar(select(func.count()).select_from(FeedEntryRow)) == 1


def test_watchlists_and_feeds_refuse_what_can_never_work(kb):
    for call, named in [
        (lambda: monitor.add_watchlist(kb, "x"), "x"),
        (lambda: monitor.add_watchlist(kb, "x", industry="spaceships"), "industry"),
        (lambda: monitor.add_watchlist(kb, "x", region="Nowhereville"), "region"),
        (lambda: monitor.add_watchlist(kb, "x", keyword="!!!"), "search"),
        (lambda: monitor.remove_watchlist(kb, "missing"), "missing"),
        (lambda: monitor.add_feed(kb, "ftp://example.org/feed"), "ftp://example.org/feed"),
        (lambda: monitor.add_feed(kb, "http://example.org/feed", "soon"), "every"),
        (lambda: monitor.remove_feed(kb, "http://example.org/missing"), "http://example.org/missing"),
    ]:
        with pytest.raises(InputError) as caught:
            call()
        assert caught.value.source == named
    monitor.add_watchlist(kb, "x", region="Qingdao")
    with pytest.raises(InputError, match="exists"):
        monitor.add_watchlist(kb, "x", region="Jinan")
    assert [w.name for w in monitor.list_watchlists(kb)] == ["x"]
    monitor.remove_watchlist(kb, "x")
    assert monitor.list_watchlists(kb) == []

"""Sources without feeds, polled from real HTTP servers on 127.0.0.1 (see listing_servers).

Listing pages in the shapes portals publish (English and Chinese, UTF-8 and
GBK, ``<ul><li>`` and tables, paged), a page that declares its feed, a
sitemap index, robots.txt disallowing part of a site, and listings that
change between polls.  The servers log every request, so the tests check
what was never requested and how requests to one host were spaced.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from policylens import monitor
from policylens.config import Settings
from policylens.monitor.listings import parse_listing
from policylens.store import KnowledgeBase
from policylens.store.schema import DocumentRow

LATER = dt.timedelta(hours=2)
FAST = Settings(crawl_delay=0, allow_private_feeds=True)  # the listing servers run on 127.0.0.1

MENU = """<div id="top-menu"><ul><li><a href="/">Home</a></li><li><a href="/about/">About us</a></li>
<li><a href="/news/">News</a></li></ul></div>"""
FOOTER = """<footer><a href="/contact/how-to-reach-our-office-by-mail.html">How to reach our office by mail today</a>
<a href="/legal/privacy-policy-and-terms-of-use.html">Privacy policy and terms of use for this site</a></footer>"""
RELATED = """<div class="related-box"><h3>Related</h3><ul>
<li><a href="/old/one-older-story-about-ports.html">An older story about ports and shipping</a></li></ul></div>"""


@pytest.fixture
def kb(kb_url: str) -> Iterator[KnowledgeBase]:
    with KnowledgeBase.open(kb_url) as opened:
        yield opened


def english_listing(items: list[tuple[str, str, str]], extra: str = "") -> str:
    """A UTF-8 news page: menu, a main <ul> of (href, title, date) items, a related box and a footer."""
    rows = "".join(
        f'<li><a href="{href}">{title}</a> <span class="date">{date}</span></li>' for href, title, date in items
    )
    return (
        f"<html><head><title>News</title></head><body>{MENU}<main><h1>Latest news</h1>"
        f'<ul class="news-list">{rows}</ul>{extra}</main>{RELATED}{FOOTER}</body></html>'
    )


def chinese_table(rows: list[tuple[str, str, str]], next_href: str | None) -> bytes:
    """A GBK portal page: the list as table rows, dates in brackets, 下一页/尾页 paging."""
    cells = "".join(
        f'<tr><td><a href="{href}" title="{title}">{title[:14]}...</a></td><td>[{date}]</td></tr>'
        for href, title, date in rows
    )
    paging = (
        f'<div class="page"><a href="{next_href}">下一页</a> <a href="index_9.html">尾页</a></div>' if next_href else ""
    )
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>通知公告</title>'
        '</head><body><div class="dh"><a href="/">首页</a><a href="/zwgk/">政务公开</a></div>'
        f'<table class="list">{cells}</table>{paging}'
        '<div class="bottom-links"><a href="/wzdt.html">网站地图</a></div></body></html>'
    )
    return html.encode("gbk")


def test_a_listing_is_polled_and_each_new_article_stored_once(kb, listing_server_factory):
    site = listing_server_factory()
    items = [
        (f"/news/2024/story-{n}.html", f"The ministry announces measure number {n} for ports", "2024-10-3" + str(n))
        for n in (1, 2)
    ]
    for href, _, _ in items:
        site.story(href, "ports", int(href[-6]))
    listing = site.put("/news/index.html", english_listing(items))
    monitor.add_feed(kb, listing)
    start = dt.datetime.now(dt.UTC)

    first = monitor.poll(kb, FAST, now=start)
    assert [(f.status, f.entries, f.stored) for f in first.feeds] == [("read", 2, 2)], first.errors
    [source] = monitor.list_feeds(kb)
    assert (source.kind, source.entries) == ("listing", 2)
    never = {
        "/",
        "/about/",
        "/news/",
        "/contact/how-to-reach-our-office-by-mail.html",
        "/legal/privacy-policy-and-terms-of-use.html",
        "/old/one-older-story-about-ports.html",
    }
    assert never.isdisjoint(site.paths())  # menus, footers and related boxes are not articles

    site.story("/news/2024/story-3.html", "harbours", 3)
    items.insert(0, ("/news/2024/story-3.html", "The ministry announces measure number 3 for harbours", "2024-11-01"))
    site.put("/news/index.html", english_listing(items))
    second = monitor.poll(kb, FAST, now=start + LATER)
    assert [(f.status, f.new, f.stored) for f in second.feeds] == [("read", 1, 1)]
    for n in (1, 2, 3):
        assert site.paths().count(f"/news/2024/story-{n}.html") == 1  # a stored link is not fetched again


def test_an_unchanged_listing_costs_one_conditional_request(kb, listing_server_factory):
    site = listing_server_factory()
    site.story("/a/one.html", "steel", 1)
    site.story("/a/two.html", "copper", 2)
    listing = site.put(
        "/list.html",
        english_listing(
            [
                ("/a/one.html", "A long headline about steel output", "2024-10-30"),
                ("/a/two.html", "A long headline about copper output", "2024-10-29"),
            ]
        ),
    )
    monitor.add_feed(kb, listing)
    start = dt.datetime.now(dt.UTC)
    monitor.poll(kb, FAST, now=start)
    before = len(site.log)
    again = monitor.poll(kb, FAST, now=start + LATER)
    assert [f.status for f in again.feeds] == ["not_modified"]
    assert site.paths()[before:] == ["/list.html"] and site.not_modified["/list.html"] == 1


def test_a_gbk_table_listing_is_paged_with_relative_links_and_bracket_dates(kb, listing_server_factory):
    site = listing_server_factory()
    titles = [
        "关于印发制造业数字化转型行动方案的通知",
        "关于开展专精特新中小企业认定工作的通知",
        "关于公布智能制造示范工厂名单的公告",
        "关于征集工业互联网平台典型案例的通知",
    ]
    for n, topic in enumerate(("digital", "special", "factory", "platform"), 1):
        site.story(f"/tzgg/2024/art{n}.html", topic, n)
    site.put(
        "/tzgg/list/index.html",
        chinese_table(
            [("../2024/art1.html", titles[0], "10-30"), ("../2024/art2.html", titles[1], "10-28")], "index_1.html"
        ),
        "text/html",
    )
    site.put(
        "/tzgg/list/index_1.html",
        chinese_table(
            [("/tzgg/2024/art3.html", titles[2], "09-12"), ("./../2024/art4.html", titles[3], "09-01")], None
        ),
        "text/html",
    )
    monitor.add_feed(kb, site.url("/tzgg/list/index.html"), pages=3)

    report = monitor.poll(kb, FAST, now=dt.datetime(2024, 11, 2, tzinfo=dt.UTC), every_feed=True)
    assert [(f.status, f.entries, f.stored) for f in report.feeds] == [("read", 4, 4)], report.errors
    assert "/wzdt.html" not in site.paths() and "/tzgg/list/index_9.html" not in site.paths()
    with kb.reading() as conn:
        published = sorted(conn.scalars(select(DocumentRow.published)))
    assert published == ["2024-09-01", "2024-09-12", "2024-10-28", "2024-10-30"]  # the dates beside the links


def test_listing_parser_reads_titles_dates_and_next_page():
    html = chinese_table(
        [
            ("a.html", "关于印发制造业数字化转型行动方案的通知", "12-30"),
            ("b.html", "关于开展专精特新中小企业认定工作的通知", "01-03"),
        ],
        "index_1.html",
    ).decode("gbk")
    listing = parse_listing(html, "http://portal.example.cn/tzgg/index.html", dt.date(2025, 1, 5))
    assert [(link.url.rsplit("/", 1)[1], link.title, link.published) for link in listing.links] == [
        ("a.html", "关于印发制造业数字化转型行动方案的通知", "2024-12-30"),  # not in the future: last year
        ("b.html", "关于开展专精特新中小企业认定工作的通知", "2025-01-03"),
    ]
    assert listing.next_page == "http://portal.example.cn/tzgg/index_1.html"
    menu_only = (
        f"<html><body>{MENU}<ul><li><a href='/x'>Search</a></li><li><a href='/y'>Login</a></li></ul></body></html>"
    )
    assert parse_listing(menu_only, "http://example.org/", dt.date(2025, 1, 5)).links == []


def test_robots_disallowed_paths_are_never_requested(kb, listing_server_factory):
    site = listing_server_factory()
    site.put("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    site.story("/public/open.html", "open", 1)
    site.story("/private/closed.html", "closed", 2)
    listing = site.put(
        "/public/index.html",
        english_listing(
            [
                ("/public/open.html", "An open notice anyone may read today", "2024-10-30"),
                ("/private/closed.html", "A closed notice that robots may not fetch", "2024-10-29"),
            ]
        ),
    )
    hidden = site.put(
        "/private/index.html", english_listing([("/private/closed.html", "A closed notice again here", "2024-10-29")])
    )
    monitor.add_feed(kb, listing)
    monitor.add_feed(kb, hidden)
    report = monitor.poll(kb, FAST)
    by_url = {f.url: f for f in report.feeds}
    assert by_url[listing].stored == 1
    assert any("/private/closed.html" in line and "robots.txt" in line for line in by_url[listing].skipped)
    assert by_url[hidden].status == "failed" and "robots.txt" in (by_url[hidden].error or "")
    assert not [p for p in site.paths() if p.startswith("/private/")]
    assert site.paths().count("/robots.txt") == 1  # read once per host, and kept for the next polls


def test_a_page_that_declares_its_feed_is_read_through_the_feed(kb, listing_server_factory):
    site = listing_server_factory()
    story = "Harbour works begin\n\nThe port authority began harbour works in the north basin on Monday."
    feed = site.rss("/feed.xml", [("one", story)])
    home = site.put(
        "/home.html",
        f'<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml">'
        f"</head><body>{MENU}<p>Welcome</p></body></html>",
    )
    monitor.add_feed(kb, home)
    start = dt.datetime.now(dt.UTC)
    first = monitor.poll(kb, FAST, now=start)
    assert [(f.status, f.stored) for f in first.feeds] == [("read", 1)], first.errors
    [source] = monitor.list_feeds(kb)
    assert (source.kind, source.fetch_url) == ("discovered", feed)
    before = len(site.log)
    monitor.poll(kb, FAST, now=start + LATER)
    assert site.paths()[before:] == ["/feed.xml"] and site.not_modified["/feed.xml"] == 1


def test_a_sitemap_index_yields_its_pages(kb, listing_server_factory):
    site = listing_server_factory()
    for n, topic in enumerate(("wind", "solar", "grid"), 1):
        site.story(f"/p/{topic}.html", topic, n)
    child = (
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(
            f"<url><loc>{site.url(f'/p/{t}.html')}</loc><lastmod>2024-10-{20 + n}</lastmod></url>"
            for n, t in enumerate(("wind", "solar"), 1)
        )
        + "</urlset>"
    )
    other = (
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{site.url('/p/grid.html')}</loc></url></urlset>"
    )
    site.put("/sitemap-news.xml", child, "application/xml")
    site.put("/sitemap-other.xml", other, "application/xml")
    index = site.put(
        "/sitemap.xml",
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{site.url('/sitemap-news.xml')}</loc><lastmod>2024-10-22</lastmod></sitemap>"
        f"<sitemap><loc>{site.url('/sitemap-other.xml')}</loc></sitemap></sitemapindex>",
        "application/xml",
    )
    monitor.add_feed(kb, index)
    report = monitor.poll(kb, FAST)
    assert [(f.status, f.entries, f.stored) for f in report.feeds] == [("read", 3, 3)], report.errors
    assert monitor.list_feeds(kb)[0].kind == "sitemap"


def test_requests_to_one_host_are_spaced_and_name_policylens(kb, listing_server_factory):
    site = listing_server_factory()
    for n in (1, 2, 3):
        site.story(f"/n/{n}.html", f"topic{n}", n)
    listing = site.put(
        "/n/index.html",
        english_listing([(f"/n/{n}.html", f"A long headline about topic {n} here", "2024-10-30") for n in (1, 2, 3)]),
    )
    monitor.add_feed(kb, listing)
    delay = 0.4
    report = monitor.poll(kb, Settings(crawl_delay=delay, contact="ops@example.org", allow_private_feeds=True))
    assert report.feeds[0].stored == 3
    times = [r.at for r in site.log]
    assert len(times) == 5  # robots.txt, the listing, three articles
    # Arrival times carry the scheduling jitter of a busy machine; unpaced, the gaps would be milliseconds.
    assert min(b - a for a, b in itertools.pairwise(times)) >= 0.75 * delay
    assert times[-1] - times[0] >= 4 * delay - 0.05
    assert all("policylens" in r.user_agent and "ops@example.org" in r.user_agent for r in site.log)


def test_feeds_list_says_what_each_source_is(sqlite_url, listing_server_factory):
    from typer.testing import CliRunner

    from policylens.cli import app

    runner = CliRunner()
    site = listing_server_factory()
    site.put("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    site.story("/a/one.html", "steel", 1)
    site.story("/private/two.html", "copper", 2)
    listing = site.put(
        "/list.html",
        english_listing(
            [
                ("/a/one.html", "A long headline about steel output", "2024-10-30"),
                ("/private/two.html", "A long headline about copper output", "2024-10-29"),
            ]
        ),
    )
    added = runner.invoke(app, ["--db", sqlite_url, "feeds", "add", listing, "--pages", "2"])
    assert added.exit_code == 0 and "kind decided at its first poll" in added.output
    assert runner.invoke(app, ["--db", sqlite_url, "feeds", "add", listing + "?x", "--kind", "rss"]).exit_code != 0
    polled = runner.invoke(app, ["--db", sqlite_url, "poll"])
    assert "skipped: " in polled.stderr and "/private/two.html" in polled.stderr
    listed = json.loads(runner.invoke(app, ["--db", sqlite_url, "--json", "feeds", "list"]).stdout)
    assert [(f["kind"], f["entries"], f["pages"], f["last_error"]) for f in listed] == [("listing", 1, 2, None)]
    assert listed[0]["last_polled_at"] is not None
    table = runner.invoke(app, ["--db", sqlite_url, "feeds", "list"]).stdout
    assert "listing" in table and "pages" in table  # the table may wrap the kind over two lines


def test_listing_parser_prefers_the_main_list_of_blocks_over_dated_side_lists():
    blocks = "".join(
        f'<div class="card"><h3><a href="/press/{n}">Council sets out plan number {n} for '
        f'regional ports</a></h3><p class="meta">Posted Oct {n + 10}, 2024</p></div>'
        for n in range(1, 5)
    )
    side = "".join(
        f'<li><a href="/popular/{n}">A popular older story number {n} here</a> 2023-01-0{n}</li>' for n in range(1, 4)
    )
    html = (
        f'<html><head><link rel="next" href="?page=2"></head><body>{MENU}<section id="content">{blocks}</section>'
        f'<div class="sidebar"><ul>{side}</ul></div><div class="widget"><ul>{side}</ul></div></body></html>'
    )
    listing = parse_listing(html, "https://news.example.org/press/", dt.date(2024, 11, 1))
    assert [(link.url, link.published) for link in listing.links] == [
        (f"https://news.example.org/press/{n}", f"2024-10-{n + 10}") for n in range(1, 5)
    ]
    assert listing.next_page == "https://news.example.org/press/?page=2"

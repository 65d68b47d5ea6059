"""URLs and feeds against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import time

import pytest

from policylens.config import Settings
from policylens.errors import InputError
from policylens.ingestion import read_documents
from policylens.ingestion.fetch import fetch
from policylens.model import Document

ARTICLE = """<!doctype html><html><head><meta charset="utf-8">
<title>Harbour city opens robotics park | Example Daily</title>
<meta property="og:title" content="Harbour city opens robotics park">
<meta property="article:published_time" content="2025-03-14T08:00:00+08:00">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour city opens robotics park</h1>
<p>The harbour city opened a robotics park on Friday, its planning office said, with room for
forty manufacturers of industrial robots and their suppliers.</p>
<p>The park covers 3.2 square kilometres and aims to reach an output of 5 billion yuan by 2027,
according to the plan published by the city government.</p>
<p>Officials said the first twelve companies have signed leases and will move in next year.</p>
</article>
<footer>Copyright 2025 Example Daily. All rights reserved.</footer>
</body></html>"""


def one(sources, settings):
    results = list(read_documents(sources, settings))
    assert len(results) == 1
    return results[0]


def test_html_page_is_read_with_its_title_and_date(http_server, settings):
    url = http_server.add("/news/robotics.html", ARTICLE)
    doc = one([url], settings)
    assert isinstance(doc, Document), doc
    assert doc.title == "Harbour city opens robotics park"
    assert doc.published == "2025-03-14"
    assert doc.format == "html" and doc.url == url
    assert "3.2 square kilometres" in doc.text
    assert "All rights reserved" not in doc.text and "Home" not in doc.text.split("\n")


def test_charset_from_the_http_header_decodes_gbk(http_server, settings):
    html = (
        "<html><body><h1>青岛发布先进制造业行动计划</h1><p>到2025年，全市规模以上工业增加值年均增长8%以上，"
        "培育国家级专精特新企业一百家，建设智能工厂五十个，工业互联网平台普及率达到百分之五十。</p></body></html>"
    )
    url = http_server.add("/gbk.html", html.encode("gbk"), headers={"Content-Type": "text/html; charset=GBK"})
    doc = one([url], settings)
    assert isinstance(doc, Document), doc
    assert "年均增长8%以上" in doc.text and doc.language == "zh"


def test_timeout_is_a_clear_error(http_server):
    url = http_server.add("/slow", ARTICLE, delay=1.5)
    err = one([url], Settings(timeout=0.3))
    assert isinstance(err, InputError)
    assert err.source == url and "timed out after 0.3 s" in err.reason


@pytest.mark.parametrize("status, words", [(404, "HTTP 404 Not Found"), (500, "HTTP 500 Internal Server Error")])
def test_http_errors_are_clear(http_server, settings, status, words):
    url = http_server.add(f"/status-{status}", "nope", status=status)
    err = one([url], settings)
    assert isinstance(err, InputError) and err.reason == words
    assert str(err) == f"{url}: {words}"


def test_redirect_loop(http_server, settings):
    url = http_server.add("/loop", status=302, headers={"Location": "/loop"})
    err = one([url], settings)
    assert isinstance(err, InputError)
    assert err.reason == "redirect loop: more than 3 redirects"


def test_redirect_is_followed_to_the_final_url(http_server, settings):
    target = http_server.add("/final.html", ARTICLE)
    url = http_server.add("/moved", status=301, headers={"Location": "/final.html"})
    doc = one([url], settings)
    assert isinstance(doc, Document) and doc.url == target and doc.source == url


def test_size_limit_is_enforced_while_streaming(http_server):
    url = http_server.add("/big", b"<p>" + b"x" * 20_000 + b"</p>", chunked=True)
    err = one([url], Settings(max_bytes=5_000))
    assert isinstance(err, InputError) and "too large" in err.reason and "5000" in err.reason


def test_private_addresses_are_refused_when_not_allowed(http_server):
    url = http_server.add("/intranet.html", ARTICLE)
    err = one([url], Settings(allow_private_urls=False))
    assert isinstance(err, InputError) and "private or local address" in err.reason


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Policy wire</title><link>{base}/</link>
<item><title>Robotics park</title><link>{base}/news/robotics.html</link>
<pubDate>Fri, 14 Mar 2025 08:00:00 GMT</pubDate></item>
<item><title>Gone</title><link>{base}/gone.html</link></item>
<item><title>Inline note</title><pubDate>Mon, 17 Mar 2025 09:00:00 GMT</pubDate>
<description>&lt;p&gt;The port authority approved a second container terminal with an annual
capacity of 2 million TEU, to open in 2028.&lt;/p&gt;</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Policy wire</title><id>urn:x</id>
<updated>2025-03-17T09:00:00Z</updated>
<entry><title>Robotics park</title><id>urn:1</id><link href="/news/robotics.html"/>
<updated>2025-03-14T08:00:00Z</updated></entry>
<entry><title>Gone</title><id>urn:2</id><link href="/gone.html"/><updated>2025-03-15T08:00:00Z</updated></entry>
<entry><title>Inline note</title><id>urn:3</id><updated>2025-03-17T09:00:00Z</updated>
<content type="html">&lt;p&gt;The port authority approved a second container terminal with an annual
capacity of 2 million TEU, to open in 2028.&lt;/p&gt;</content></entry>
</feed>"""


@pytest.mark.parametrize(
    "name, template, media_type", [("rss", RSS, "application/rss+xml"), ("atom", ATOM, "application/atom+xml")]
)
def test_feed_with_a_broken_entry_goes_on(http_server, settings, name, template, media_type):
    http_server.add("/news/robotics.html", ARTICLE)
    feed = http_server.add(
        f"/feed.{name}", template.format(base=http_server.url("")), headers={"Content-Type": media_type}
    )
    results = list(read_documents([feed], settings))
    assert len(results) == 3
    good, broken, inline = results
    assert isinstance(good, Document) and good.title == "Harbour city opens robotics park"
    assert isinstance(broken, InputError)
    assert broken.source == http_server.url("/gone.html")
    assert "HTTP 404" in broken.reason and f"entry 2 of feed {feed}" in broken.reason
    assert isinstance(inline, Document) and "2 million TEU" in inline.text
    assert inline.title == "Inline note" and inline.published == "2025-03-17"


def test_feed_file_is_expanded(http_server, settings, tmp_path):
    http_server.add("/news/robotics.html", ARTICLE)
    path = tmp_path / "wire.xml"
    path.write_text(RSS.format(base=http_server.url("")), encoding="utf-8")
    kinds = [type(r).__name__ for r in read_documents([str(path)], settings)]
    assert kinds == ["Document", "InputError", "Document"]


def test_connection_refused_is_one_clear_line(settings):
    import socket

    with socket.socket() as probe:  # a port that was free a moment ago and has nobody listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/nothing"
    err = one([url], settings)
    assert isinstance(err, InputError) and err.reason.startswith("cannot fetch: ConnectError")
    assert "\n" not in str(err)


FULL_TEXT_RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>
<item><title>Valve plant opens</title><link>{base}/not-served.html</link>
<pubDate>Tue, 01 Apr 2025 08:00:00 GMT</pubDate><description>A short teaser.</description>
<content:encoded>&lt;p&gt;A valve maker opened a plant with an annual capacity of 40,000 units on
Tuesday, the county government said.&lt;/p&gt;</content:encoded></item>
</channel></rss>"""


def test_feed_that_carries_whole_articles_is_not_fetched(http_server, settings, tmp_path):
    path = tmp_path / "full.xml"
    path.write_text(FULL_TEXT_RSS.format(base=http_server.url("")), encoding="utf-8")
    [doc] = list(read_documents([str(path)], settings))
    assert isinstance(doc, Document), doc
    assert "40,000 units" in doc.text and doc.url == http_server.url("/not-served.html")
    assert doc.title == "Valve plant opens" and doc.published == "2025-04-01"


def test_a_server_that_drips_is_cut_off_at_the_timeout_for_the_whole_fetch(http_server):
    body = "".join(f"<p>Line {n} of a page sent one line at a time.</p>\n" for n in range(40))
    url = http_server.add("/drip.html", body, chunked=True, drip=0.2)  # 8 s in all, every read well in time
    started = time.monotonic()
    with pytest.raises(InputError) as caught:
        fetch(url, Settings(timeout=1.0))
    assert time.monotonic() - started < 3.0
    assert "timed out" in caught.value.reason and "POLICYLENS_TIMEOUT" in caught.value.reason


def test_a_host_name_no_resolver_can_ask_for_is_one_clear_line():
    url = f"https://{'a' * 70}.example.com/news.html"  # a label over the 63 characters DNS allows
    with pytest.raises(InputError) as caught:
        fetch(url, Settings(allow_private_urls=False))
    assert caught.value.source == url and "not a valid host name" in caught.value.reason

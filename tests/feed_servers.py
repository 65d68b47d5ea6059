"""Real HTTP on 127.0.0.1 for the monitoring and web tests: a feed server and a webhook receiver.

The fixtures are re-exported by the conftest.py of each test package that uses them.

The feed server serves RSS and Atom feeds and article pages, honours
If-None-Match / If-Modified-Since with 304, counts requests per path, and
lets a test change a feed between polls.  The webhook receiver answers 500
to the first N requests, then accepts, recording every body with its
Idempotency-Key; it can also hold its first request until the test lets go
(to kill a poller while a delivery is in flight).
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

import pytest
from monitor_samples import page


def _serve(handler: type[BaseHTTPRequestHandler]) -> tuple[ThreadingHTTPServer, str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    host, port = httpd.server_address[:2]
    return httpd, f"http://{host}:{port}"


@dataclass
class Resource:
    body: bytes
    content_type: str
    modified: float = field(default_factory=time.time)

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha1(self.body).hexdigest()[:16] + '"'


class FeedServer:
    def __init__(self) -> None:
        self.resources: dict[str, Resource] = {}
        self.requests: Counter[str] = Counter()
        self.not_modified: Counter[str] = Counter()
        self.base = ""

    def url(self, path: str) -> str:
        return self.base + path

    def put(self, path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8") -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        old = self.resources.get(path)
        # Last-Modified has one-second resolution: a change must move it forward.
        modified = max(time.time(), (old.modified + 1) if old else 0)
        self.resources[path] = Resource(data, content_type, modified)
        return self.url(path)

    def article(self, slug: str, text: str) -> str:
        return self.put(f"/news/{slug}.html", page(text))

    def rss(self, path: str, items: list[tuple[str, str]], title: str = "Policy news") -> str:
        """An RSS feed of (slug, text) articles, newest first, each linking to its page (served too)."""
        entries = []
        for slug, text in items:
            link = self.article(slug, text)
            headline = text.split("\n", 1)[0]
            entries.append(
                f"<item><title>{escape(headline)}</title><link>{link}</link>"
                f"<guid>{link}</guid><description>{escape(headline)}</description></item>"
            )
        xml = (
            f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>{self.base}</link><description>news</description>{''.join(entries)}</channel></rss>"
        )
        return self.put(path, xml, "application/rss+xml")

    def atom(self, path: str, items: list[tuple[str, str]]) -> str:
        """An Atom feed carrying each article in full (no page to fetch)."""
        entries = []
        for slug, text in items:
            headline = text.split("\n", 1)[0]
            html = escape("".join(f"<p>{p}</p>" for p in text.split("\n\n")[1:]))
            entries.append(
                f"<entry><id>urn:policylens-test:{slug}</id><title>{escape(headline)}</title>"
                f"<updated>2025-06-05T00:00:00Z</updated>"
                f'<content type="html">{html}</content></entry>'
            )
        xml = (
            '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Atom news</title><id>urn:policylens-test:feed</id><updated>2025-06-05T00:00:00Z</updated>"
            f"{''.join(entries)}</feed>"
        )
        return self.put(path, xml, "application/atom+xml")


def _feed_handler(server: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the http.server API
            server.requests[self.path] += 1
            res = server.resources.get(self.path)
            if res is None:
                self.send_error(404, "Not Found")
                return
            last_modified = email.utils.formatdate(res.modified, usegmt=True)
            since = self.headers.get("If-Modified-Since")
            unchanged = (
                self.headers.get("If-None-Match") == res.etag
                if self.headers.get("If-None-Match")
                else since is not None and email.utils.parsedate_to_datetime(since).timestamp() >= int(res.modified)
            )
            if unchanged:
                server.not_modified[self.path] += 1
                self.send_response(304)
                self.send_header("ETag", res.etag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", res.content_type)
            self.send_header("Content-Length", str(len(res.body)))
            self.send_header("ETag", res.etag)
            self.send_header("Last-Modified", last_modified)
            self.end_headers()
            self.wfile.write(res.body)

        def log_message(self, *args):
            pass

    return Handler


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    server = FeedServer()
    httpd, server.base = _serve(_feed_handler(server))
    yield server
    httpd.shutdown()
    httpd.server_close()


class Receiver:
    """A webhook endpoint: fails the first ``fail_first`` requests, then accepts, once per Idempotency-Key."""

    def __init__(self, fail_first: int = 0, hold_first: bool = False) -> None:
        self.fail_first = fail_first
        self.hold = threading.Event() if hold_first else None
        self.holding = threading.Event()
        self.requests: list[tuple[str, dict]] = []  # every request: (key, body)
        self.accepted: dict[str, dict] = {}  # key -> body, the first time each was accepted
        self.lock = threading.Lock()
        self.url = ""

    def release(self) -> None:
        if self.hold is not None:
            self.hold.set()


def _receiver_handler(receiver: Receiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
            key = self.headers.get("Idempotency-Key", "")
            with receiver.lock:
                receiver.requests.append((key, body))
                first = len(receiver.requests) == 1
                failing = len(receiver.requests) <= receiver.fail_first
                if not failing:
                    receiver.accepted.setdefault(key, body)  # a repeated key is acknowledged, not processed
            if first and receiver.hold is not None:
                receiver.holding.set()
                receiver.hold.wait(30)
            try:
                self.send_response(500 if failing else 200)
                self.send_header("Content-Length", "0")
                self.end_headers()
            except (BrokenPipeError, ConnectionResetError):
                pass  # the poller was killed while we held its request

        def log_message(self, *args):
            pass

    return Handler


@pytest.fixture
def receiver_factory() -> Iterator:
    servers = []

    def make(fail_first: int = 0, hold_first: bool = False) -> Receiver:
        receiver = Receiver(fail_first, hold_first)
        httpd, base = _serve(_receiver_handler(receiver))
        receiver.url = base + "/hook"
        servers.append((httpd, receiver))
        return receiver

    yield make
    for httpd, receiver in servers:
        receiver.release()
        httpd.shutdown()
        httpd.server_close()

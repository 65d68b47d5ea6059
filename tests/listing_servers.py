"""Real HTTP on 127.0.0.1 for listing sources: pages without feeds, in the shapes portals publish.

A ListingServer is the feed server (conditional GET with 304, resources a
test changes between polls) that also logs every request — path, arrival
time and User-Agent — so a test can assert that robots.txt-disallowed paths
were never requested and that requests to one host were spaced.  Pages are
served as given: UTF-8 or GBK bytes, with or without a charset header.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from feed_servers import FeedServer, _feed_handler, _serve
from monitor_samples import page


@dataclass(frozen=True)
class Request:
    path: str
    at: float  # time.monotonic() on arrival
    user_agent: str


class ListingServer(FeedServer):
    def __init__(self) -> None:
        super().__init__()
        self.log: list[Request] = []
        self.lock = threading.Lock()

    def paths(self) -> list[str]:
        return [r.path for r in self.log]

    def story(self, path: str, topic: str, n: int) -> str:
        """An article page of its own words (stored as a document of its own, not a near-duplicate)."""
        words = " ".join(f"{topic}{k}x{n}" for k in range(40))
        text = (
            f"{topic.title()} notice number {n}\n\n"
            f"The {topic} office published notice {n} today. {words}.\n\n"
            f"Officials said item {n} of the {topic} programme starts next month."
        )
        return self.put(path, page(text))


def _listing_handler(server: ListingServer):
    base = _feed_handler(server)

    class Handler(base):  # type: ignore[valid-type,misc]
        def do_GET(self):
            with server.lock:
                server.log.append(Request(self.path, time.monotonic(), self.headers.get("User-Agent", "")))
            super().do_GET()

    return Handler


@pytest.fixture
def listing_server_factory() -> Iterator:
    """Makes listing servers, one origin (host:port) each."""
    running = []

    def make() -> ListingServer:
        server = ListingServer()
        httpd, server.base = _serve(_listing_handler(server))
        running.append(httpd)
        return server

    yield make
    for httpd in running:
        httpd.shutdown()
        httpd.server_close()

"""The monitoring tests' servers (a real feed server, listing servers, webhook receivers and SMTP servers on
127.0.0.1, see feed_servers, listing_servers and mail_servers) and the knowledge base the delivery tests poll."""

from collections.abc import Iterator

import pytest
from feed_servers import feed_server, receiver_factory  # noqa: F401  (fixtures)
from listing_servers import listing_server_factory  # noqa: F401  (fixture)
from mail_servers import mail_factory  # noqa: F401  (fixture)
from monitor_samples import APPROVAL, ELSEWHERE

from policylens import monitor
from policylens.store import KnowledgeBase


@pytest.fixture(autouse=True)
def local_feeds_unpaced(monkeypatch: pytest.MonkeyPatch) -> None:
    """The servers run on 127.0.0.1: these tests poll them as an operator who opted in to private feeds,
    and poll one local host many times, unpaced (the CLI's settings come from the environment)."""
    monkeypatch.setenv("POLICYLENS_ALLOW_PRIVATE_FEEDS", "1")
    monkeypatch.setenv("POLICYLENS_CRAWL_DELAY", "0")


@pytest.fixture
def kb(kb_url: str) -> Iterator[KnowledgeBase]:
    with KnowledgeBase.open(kb_url) as opened:
        yield opened


@pytest.fixture
def watched(kb, feed_server) -> KnowledgeBase:  # noqa: F811 (the fixture, imported above)
    """A knowledge base watching Shandong, with a feed of three articles that raise five alerts."""
    monitor.add_watchlist(kb, "shandong", region="Shandong")
    monitor.add_watchlist(kb, "tools", industry="machine-tools")
    monitor.add_feed(kb, feed_server.rss("/feed.xml", [("approval", APPROVAL), ("hefei", ELSEWHERE)]))
    return kb

"""The monitoring tests' servers: a real feed server, listing servers and webhook receivers on 127.0.0.1."""
import pytest
from feed_servers import feed_server, receiver_factory  # noqa: F401  (fixtures)
from listing_servers import listing_server_factory  # noqa: F401  (fixture)


@pytest.fixture(autouse=True)
def _no_crawl_delay(monkeypatch):
    """The CLI's settings come from the environment: its tests poll one local host many times, unpaced."""
    monkeypatch.setenv("POLICYLENS_CRAWL_DELAY", "0")

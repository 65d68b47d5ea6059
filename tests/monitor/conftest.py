"""The monitoring tests' servers: a real feed server, listing servers and webhook receivers on 127.0.0.1."""
import pytest
from feed_servers import feed_server, receiver_factory  # noqa: F401  (fixtures)
from listing_servers import listing_server_factory  # noqa: F401  (fixture)


@pytest.fixture(autouse=True)
def local_feeds_unpaced(monkeypatch: pytest.MonkeyPatch) -> None:
    """The servers run on 127.0.0.1: these tests poll them as an operator who opted in to private feeds,
    and poll one local host many times, unpaced (the CLI's settings come from the environment)."""
    monkeypatch.setenv("POLICYLENS_ALLOW_PRIVATE_FEEDS", "1")
    monkeypatch.setenv("POLICYLENS_CRAWL_DELAY", "0")

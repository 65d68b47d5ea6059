"""The monitoring tests' servers: a real feed server and webhook receivers on 127.0.0.1 (see feed_servers)."""
from feed_servers import feed_server, receiver_factory  # noqa: F401  (fixtures)

import pytest


@pytest.fixture(autouse=True)
def private_feeds_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The feed server runs on 127.0.0.1: these tests poll it as an operator who opted in to private feeds."""
    monkeypatch.setenv("POLICYLENS_ALLOW_PRIVATE_FEEDS", "1")

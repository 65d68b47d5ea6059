"""Servers for the web tests: the demo corpus on SQLite and PostgreSQL, and fresh empty ones.

The demo corpus ships with the package, so the API tests always run; the
browser tests use ``../shared/corpus`` and skip when it is absent.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from feed_servers import feed_server  # noqa: F401  (a fixture: real feeds for the poller)
from live_server import TOKEN, LiveServer

from policylens import service
from policylens.config import Settings
from policylens.demo import corpus_dir


def demo_sources() -> list[str]:
    return [str(p) for p in sorted(corpus_dir().iterdir()) if p.is_file() and p.name != "README.md"]


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def demo_server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A server over the demo corpus, once per backend, writing on (token set)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'kb.db'}"
    else:
        url = request.getfixturevalue("pg_server").create_database()
    report = service.ingest(demo_sources(), db=url, settings=Settings(db_url=url))
    assert not report.failed, [o.error for o in report.failed]
    with LiveServer(Settings(db_url=url, token=TOKEN)) as server:
        yield server


@pytest.fixture(scope="module")
def http(demo_server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=demo_server.url, timeout=60) as client:
        yield client


@pytest.fixture
def empty_server(tmp_path) -> Iterator[LiveServer]:
    """A fresh SQLite knowledge base with writing on and a small upload limit (4 KiB)."""
    settings = Settings(db_url=f"sqlite:///{tmp_path / 'kb.db'}", token=TOKEN, max_upload_bytes=4096)
    with LiveServer(settings) as server:
        yield server

"""A knowledge base on each backend, empty, opened through the public entry point."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from policylens.store import KnowledgeBase


@pytest.fixture
def kb(kb_url: str) -> Iterator[KnowledgeBase]:
    with KnowledgeBase.open(kb_url) as opened:
        yield opened

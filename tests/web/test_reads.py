"""The reads the API and pages share, over the demo corpus in a real SQLite file."""

from __future__ import annotations

import datetime as dt

import pytest

from policylens import service
from policylens.config import Settings
from policylens.demo import corpus_dir
from policylens.store import KnowledgeBase
from policylens.web import reads

AS_OF = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('reads') / 'kb.db'}"
    sources = [str(p) for p in sorted(corpus_dir().iterdir()) if p.is_file() and p.name != "README.md"]
    service.ingest(sources, db=url, settings=Settings(db_url=url))
    with KnowledgeBase.open(url) as opened:
        yield opened


def test_pages_in_deadline_order_join_up_to_the_whole_listing(kb):
    query = reads.TargetQuery(as_of=AS_OF)
    whole = [t.id for t in reads.targets(kb, query, None)]
    paged = [t.id for offset in range(0, len(whole), 7) for t in reads.targets(kb, query, 7, offset)]
    assert len(whole) > 20 and paged == whole


@pytest.mark.parametrize("sort", sorted(reads.SORTS))
def test_a_sorted_page_is_sorted_across_every_target_not_within_its_page(kb, sort):
    query = reads.TargetQuery(as_of=AS_OF)
    key, descending = reads.SORTS[sort]
    everything = sorted(reads.targets(kb, query, None), key=key, reverse=descending)
    second_page = reads.targets(kb, query, 10, 10, sort)
    assert [t.id for t in second_page] == [t.id for t in everything[10:20]]

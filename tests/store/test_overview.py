"""The dashboard's reads: overview counts agree with the judged targets; entity lookup by name fragment."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from policylens import service
from policylens.demo import corpus_dir
from policylens.store import KnowledgeBase

AS_OF = dt.date(2026, 11, 22)


@pytest.fixture
def demo_kb(kb: KnowledgeBase) -> KnowledgeBase:
    report = service.ingest([str(p) for p in sorted(corpus_dir().iterdir()) if p.name != "README.md"], db=kb)
    assert not report.failed
    return kb


def test_overview_counts_agree_with_the_judged_targets(demo_kb):
    overview = demo_kb.overview(AS_OF, recent=3)
    everything = demo_kb.targets(as_of=AS_OF)
    judged = [t for t in everything if t.role == "goal"]  # terms and thresholds have no status
    assert overview.counts["documents"] == demo_kb.count_documents()
    assert overview.counts["targets"] == len(judged)
    assert overview.counts["terms"] == len(everything) - len(judged) > 0
    assert overview.counts["conflicts"] == len(demo_kb.conflicts())
    assert overview.status_counts == dict(Counter(t.status for t in judged))
    by_year = Counter((int(str(t.deadline)[:4]), t.status) for t in judged if t.deadline is not None)
    assert {(d["year"], d["status"]): d["count"] for d in overview.deadlines} == by_year
    assert [d["id"] for d in overview.recent_documents] == [12, 11, 10]
    # The status on another day comes from the same stored periods.
    earlier = demo_kb.overview(dt.date(2020, 1, 1))
    assert earlier.status_counts == dict(
        Counter(t.status for t in demo_kb.targets(as_of=dt.date(2020, 1, 1)) if t.role == "goal")
    )


def test_newest_conflicts_come_first_by_document(demo_kb):
    every = demo_kb.conflicts()
    newest = demo_kb.conflicts(newest=True, limit=1)
    assert len(newest) == 1
    assert max(c.other_document_id or c.document_id for c in every) == (
        newest[0].other_document_id or newest[0].document_id
    )


def test_entities_by_name_fragment(demo_kb):
    found = demo_kb.list_entities("WEIF")
    assert found[0]["name"] == "Weifang"
    assert [e["mention_count"] for e in found] == sorted((e["mention_count"] for e in found), reverse=True)
    assert {e["type"] for e in demo_kb.list_entities("weif", entity_type="cluster")} == {"cluster"}
    assert demo_kb.list_entities("100%_") == []  # LIKE wildcards are matched literally
    assert len(demo_kb.list_entities(limit=5)) == 5

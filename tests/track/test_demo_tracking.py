"""What a new user sees after `make demo`: goals followed across documents, terms kept apart, honest filters.

Built from the bundled demo corpus (project-written documents) into a real
SQLite file and a real PostgreSQL database, with no user decisions applied.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from policylens import service
from policylens.demo import corpus_dir
from policylens.store import KnowledgeBase

AS_OF = dt.date(2026, 11, 22)


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def demo_kb(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}"
    else:
        url = request.getfixturevalue("pg_server").create_database()
    with KnowledgeBase.open(url) as kb:
        report = service.ingest([str(p) for p in sorted(corpus_dir().iterdir()) if p.name != "README.md"], db=kb)
        assert not report.failed
        yield kb


def test_long_and_short_names_of_one_cluster_are_one_entity(demo_kb):
    short = demo_kb.entity("Weifang-Linyi-Dezhou agricultural machinery cluster")
    long = demo_kb.entity("Weifang-Linyi-Dezhou provincial advanced manufacturing cluster for agricultural machinery")
    assert short.id == long.id


def test_the_live_restatement_of_a_goal_shows_its_latest_figure(demo_kb):
    exports = [t for t in demo_kb.targets(as_of=AS_OF, region="Weifang") if t.metric == "exports"]
    live = [t for t in exports if t.status != "superseded"]
    assert len(live) == 1 and len(exports) >= 2
    goal = live[0]
    assert goal.status == "open" and goal.value == 2e10
    assert goal.latest is not None and goal.latest["value"] == pytest.approx(1.34e10)
    assert goal.progress_percent == 67.0
    # The figure comes from another document than the restatement, and the disagreeing one is flagged.
    assert goal.latest["document_id"] != goal.document_id
    assert any({c.value, c.other_value} == {1.34e10, 1.31e10} for c in demo_kb.conflicts())


def test_caps_rewards_and_funds_get_no_goal_status(demo_kb):
    everything = demo_kb.targets(as_of=AS_OF)
    terms = [t for t in everything if t.role == "term"]
    assert terms and all(t.status == "term" and t.progress_percent is None for t in terms)
    capped = [t for t in everything if "capped" in t.text or "up to" in t.text]
    assert capped and all(t.role == "term" for t in capped)
    assert {t.id for t in demo_kb.targets(as_of=AS_OF, status="term")} == {t.id for t in terms}
    assert not [t for t in demo_kb.targets(as_of=AS_OF, status="past_due_unverified") if t.role != "goal"]


def test_industry_filter_returns_targets_whose_own_subject_or_metric_is_in_the_industry(demo_kb):
    farm = demo_kb.targets(as_of=AS_OF, industry="agricultural-machinery")
    assert farm and all(
        "agricultural machinery" in ((t.entity.name if t.entity else "") + " " + (t.metric or "")) for t in farm
    )
    # The provincial plan mentions farm machinery, but its R&D, water and training goals are not in the industry.
    assert not [t for t in farm if t.metric and ("water" in t.metric or "R&D" in t.metric or "workers" in t.metric)]

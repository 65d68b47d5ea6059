"""The issue's correctness checks on ../shared/corpus ingested whole, on SQLite and a real PostgreSQL.

The corpus is other people's text: read from the shared folder, never copied
here; the tests skip with a message when it is absent.  Checks are chosen to
hold whatever the extraction's wording of a metric: documents are found by
file name, targets by document and deadline.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from shared_corpus import CORPUS as _CORPUS
from shared_corpus import corpus_missing

from policylens import service
from policylens.store import KnowledgeBase

pytestmark = pytest.mark.slow  # the whole corpus ingested on both backends: make test-fast skips it

CORPUS = _CORPUS / "docs"
AS_OF = dt.date(2026, 11, 22)


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def corpus_kb(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    """The whole corpus ingested once per backend through the public API (which resolves after the batch)."""
    if not CORPUS.is_dir():
        corpus_missing(f"the shared corpus is not at {CORPUS.resolve()}")
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('corpus') / 'kb.db'}"
    else:
        url = request.getfixturevalue("pg_server").create_database()
    with KnowledgeBase.open(url) as kb:
        report = service.ingest([str(CORPUS)], db=kb)
        assert not report.failed, [o.error for o in report.failed]
        yield kb


def _document_id(kb: KnowledgeBase, file_name: str) -> int:
    return next(d.id for d in kb.list_documents(limit=1000) if Path(d.source).name == file_name)


def test_the_same_company_in_two_documents_is_one_entity(corpus_kb):
    haier = corpus_kb.profile("Haier")
    assert haier.entity.type == "company"
    assert corpus_kb.entity("Haier Group").id == haier.entity.id
    # "Haier" in one document and "Haier Group" in the other (the grown corpus has more about Haier)
    assert {Path(d["source"]).name for d in haier.documents} >= {
        "01_jiaozhou_industrial_system.txt",
        "02_qingdao_new_manufacturing.txt",
    }


def test_one_place_under_all_its_spellings(corpus_kb):
    area = corpus_kb.profile("Qingdao West Coast New Area")
    assert corpus_kb.entity("WCNA").id == area.entity.id
    assert area.document_count >= 3
    assert corpus_kb.entity("Shandong Province").id == corpus_kb.entity("Shandong").id


def test_jiaozhou_parent_chain_reaches_shandong(corpus_kb):
    jiaozhou = corpus_kb.profile("Jiaozhou")
    assert jiaozhou.entity.key == "adcode:370281"
    assert [p.name for p in jiaozhou.hierarchy][:2] == ["Qingdao", "Shandong"]
    shandong_targets = {t.id for t in corpus_kb.targets(as_of=AS_OF, region="Shandong")}
    qingdao_targets = {t.id for t in corpus_kb.targets(as_of=AS_OF, region="Qingdao")}
    assert qingdao_targets and qingdao_targets < shandong_targets


def test_target_status_as_of_2026_11_22(corpus_kb):
    by_document: dict[int, list] = {}
    for t in corpus_kb.targets(as_of=AS_OF):
        by_document.setdefault(t.document_id, []).append(t)
    plan_2022_2025 = by_document[_document_id(corpus_kb, "03_shandong_action_plan.txt")]
    # The 2025 targets of the action plan: past due, and no later figure in the corpus settles them.
    assert {t.status for t in plan_2022_2025 if t.deadline == 2025} == {"past_due_unverified"}
    pioneer_city = by_document[_document_id(corpus_kb, "qd03_qingdao_pioneer_city.txt")]
    assert {t.status for t in pioneer_city if t.deadline == 2026} == {"due"}
    cluster = by_document[_document_id(corpus_kb, "00_machine_tool_cluster.txt")]
    assert {t.status for t in cluster if t.deadline == 2027} == {"open"}
    # The same targets a year and a half earlier.
    earlier = {t.id: t.status for t in corpus_kb.targets(as_of=dt.date(2025, 6, 1))}
    assert {earlier[t.id] for t in plan_2022_2025 if t.deadline == 2025} == {"due"}
    # No status claims more than the figures show.
    for targets in by_document.values():
        for t in targets:
            assert (t.status in ("met", "missed")) <= (t.latest is not None)


def test_the_98_42_million_restatement_is_flagged(corpus_kb):
    flagged = [c for c in corpus_kb.conflicts(kind="currency_restatement") if "$98.42 million" in c.text]
    assert len(flagged) == 1
    assert flagged[0].document_id == _document_id(corpus_kb, "qd13_wcna_manufacturing_blueprint.txt")
    assert "98.42 million USD" in flagged[0].reason


def test_search_the_corpus_by_region_and_source_type(corpus_kb):
    hits = corpus_kb.search("machine tool", region="Shandong")
    assert hits and all(h.document_id != _document_id(corpus_kb, "cn06_chongqing_nev_industry.txt") for h in hits)
    releases = corpus_kb.search("manufacturing", source_type="press_release", limit=100)
    assert releases and {h.source_type for h in releases} == {"press_release"}

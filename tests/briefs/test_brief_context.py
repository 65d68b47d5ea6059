"""What the knowledge base adds: related documents, their targets' status, and figures that disagree.

Facts are given exactly (brief_samples.extraction) and saved in a real
knowledge base, so these tests measure the brief's use of the KB, not how
well the extractors read invented prose.
"""

from __future__ import annotations

from datetime import date

import pytest
from brief_samples import extraction

from policylens.briefs import brief, compose, context_from_kb
from policylens.service import extract_path, ingest
from policylens.store import KnowledgeBase

CLUSTER = "Lakeshore-Harbor valve cluster"

PLAN_FACTS = (
    {
        "kind": "target",
        "text": "exceed RMB 12 billion",
        "value": 12e9,
        "unit": "CNY",
        "comparator": ">",
        "metric": "exports",
        "subject": CLUSTER,
        "deadline": 2028,
    },
)
PLAN = extraction(
    f"Lakeshore Approves Valve Cluster\n\nThe province approved the {CLUSTER} in May 2026. "
    "The cluster aims to exceed RMB 12 billion in exports by 2028.",
    "plan.txt",
    published="2026-05-12",
    industries=("machine-tools",),
    entities=(("cluster", CLUSTER),),
    facts=PLAN_FACTS,
)

PROGRESS = extraction(
    f"Valve Cluster Exports Grow\n\nIn 2028, exports of the {CLUSTER} reached RMB 13 billion.",
    "progress.txt",
    published="2029-03-03",
    industries=("machine-tools",),
    entities=(("cluster", CLUSTER),),
    facts=(
        {
            "kind": "statistic",
            "text": "RMB 13 billion",
            "value": 13e9,
            "unit": "CNY",
            "metric": "exports",
            "subject": CLUSTER,
            "as_of": 2028,
        },
    ),
)

DISAGREEING = extraction(
    f"Valve Exports Fall Short\n\nIn 2028, exports of the {CLUSTER} were RMB 9 billion.",
    "disagree.txt",
    published="2029-04-01",
    industries=("machine-tools",),
    entities=(("cluster", CLUSTER),),
    facts=(
        {
            "kind": "statistic",
            "text": "RMB 9 billion",
            "value": 9e9,
            "unit": "CNY",
            "metric": "exports",
            "subject": CLUSTER,
            "as_of": 2028,
        },
    ),
)

UNRELATED = extraction(
    "Harbor Opens Ferry Terminal\n\nA ferry terminal opened in Harbor Bay.", "ferry.txt", published="2027-01-01"
)


@pytest.fixture
def kb(sqlite_url):
    with KnowledgeBase.open(sqlite_url) as opened:
        ids = {
            name: opened.save(x).document_id
            for name, x in (("plan", PLAN), ("progress", PROGRESS), ("disagree", DISAGREEING), ("ferry", UNRELATED))
        }
        opened.resolve()  # entities, progress and conflicts span documents: the KB derives them after saves
        yield opened, ids


def test_related_documents_share_the_cluster_and_exclude_the_document_itself(kb):
    opened, ids = kb
    ctx = context_from_kb(opened, opened.load_extraction(ids["plan"]), date(2029, 6, 1))
    related = {r.extraction.document.id for r in ctx.related}
    assert related == {ids["progress"], ids["disagree"]}
    assert all(r.shared[0].name == CLUSTER for r in ctx.related)


def test_a_later_figure_in_the_knowledge_base_settles_the_target_status(sqlite_url):
    with KnowledgeBase.open(sqlite_url) as opened:
        plan_id = opened.save(PLAN).document_id
        opened.save(PROGRESS)
        opened.resolve()
        b = brief(plan_id, db=opened, as_of=date(2029, 6, 1))
    [target] = [p for p in b.section("confirmed").points if p.kind == "target"]
    assert target.data["status"] == "met" and "met according to a later figure" in target.text
    assert "latest figure" in target.text  # where it stands, quoted from the later document


def test_related_section_lists_earlier_documents_with_their_targets_status(kb):
    opened, ids = kb
    b = brief(ids["progress"], db=opened, as_of=date(2029, 6, 1))
    related = b.section("related").points
    docs = [p for p in related if p.kind == "related"]
    assert {p.data["document_id"] for p in docs} == {ids["plan"], ids["disagree"]}
    [target] = [p for p in related if p.kind == "related_target"]
    # Two figures for 2028 disagree; the track stage lets the later publication (RMB 9 billion) decide.
    assert target.data["document_id"] == ids["plan"] and target.data["status"] == "missed"
    assert '"exceed RMB 12 billion in exports by 2028" in Lakeshore Approves Valve Cluster' in target.text
    cited = {c.number: c for c in b.citations}
    assert cited[target.citations[0]].document_id == ids["plan"]


def test_conflicting_figures_across_documents_are_flagged_for_verification(kb):
    opened, ids = kb
    b = brief(ids["progress"], db=opened, as_of=date(2029, 6, 1))
    conflicts = [p for p in b.section("basis").points if p.kind == "conflict"]
    assert len(conflicts) == 1
    assert '"RMB 13 billion"' in conflicts[0].text and '"RMB 9 billion"' in conflicts[0].text
    assert {c.document_id for c in b.citations if c.number in conflicts[0].citations} == {
        ids["progress"],
        ids["disagree"],
    }
    validate = next(p for p in b.section("basis").points if p.kind == "validate")
    assert "which of the conflicting figures is right" in validate.data["items"]


def test_a_knowledge_base_without_relatives_says_so(sqlite_url):
    with KnowledgeBase.open(sqlite_url) as opened:
        ferry = opened.save(UNRELATED).document_id
        opened.save(PLAN)
        opened.resolve()
        related = brief(ferry, db=opened, as_of=date(2029, 6, 1)).section("related")
    assert related.points == [] and "holds no other document" in related.note


def test_an_unknown_document_id_names_it(sqlite_url):
    from policylens.errors import InputError

    with (
        KnowledgeBase.open(sqlite_url) as opened,
        pytest.raises(InputError, match="document 42: not in the knowledge base"),
    ):
        brief(42, db=opened)


def test_more_relatives_than_a_brief_lists_says_so(kb):
    opened, ids = kb
    ctx = context_from_kb(opened, opened.load_extraction(ids["plan"]), date(2029, 6, 1), max_related=1)
    assert ctx.truncated and len(ctx.related) == 1
    note = compose(opened.load_extraction(ids["plan"]), context=ctx, as_of=date(2029, 6, 1)).section("related").note
    assert "holds more related documents than a brief lists" in note


def test_a_document_in_hand_finds_its_relatives_by_name_and_tracks_its_targets_against_them(kb):
    opened, ids = kb
    in_hand = extraction(
        PLAN.document.text + " Again.",
        "plan-copy.txt",
        published="2026-05-12",
        industries=("machine-tools",),
        entities=(("cluster", CLUSTER),),
        facts=PLAN_FACTS,
    )
    ctx = context_from_kb(opened, in_hand, date(2029, 6, 1))
    assert {r.extraction.document.id for r in ctx.related} >= {ids["progress"], ids["disagree"]}
    [target] = [q for q in in_hand.quantities if q.kind == "target"]
    assert ctx.status(target).status == "missed"


def test_a_stored_document_briefed_from_a_file_is_not_its_own_relative(tmp_path, sqlite_url):
    path = tmp_path / "plan.txt"
    path.write_text(PLAN.document.text, encoding="utf-8")
    ingest([str(path)], db=sqlite_url)
    with KnowledgeBase.open(sqlite_url) as opened:
        ctx = context_from_kb(opened, extract_path(path), date(2029, 6, 1))
    assert ctx.related == []

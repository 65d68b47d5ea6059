"""The Python API that every door wraps: policylens.ingest and policylens.extract."""

from __future__ import annotations

import policylens
from policylens.store import KnowledgeBase

PLAN = (
    "Lakeside City Issues Plan for Sensor Industry\n\n"
    "Lakeside City, March 3, 2026 -- The municipal government issued a plan on Monday. "
    "By 2028, the city will cultivate 40 sensor enterprises with annual revenue above 100 million yuan.\n"
)


def test_ingest_returns_documents_and_stores_their_facts(tmp_path):
    source = tmp_path / "plan.txt"
    source.write_text(PLAN, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'kb.db'}"

    report = policylens.ingest([str(source)], db=url)

    assert [d.title for d in report.documents] == ["Lakeside City Issues Plan for Sensor Industry"]
    outcome = report.outcomes[0]
    assert outcome.status == "stored" and outcome.counts["quantities"] >= 1
    with KnowledgeBase.open(url) as kb:
        stored = kb.load_extraction(outcome.document_id)
    assert any(q.value == 40 and q.kind == "target" for q in stored.quantities)


def test_ingest_reports_a_bad_source_and_goes_on(tmp_path):
    good = tmp_path / "plan.txt"
    good.write_text(PLAN, encoding="utf-8")
    report = policylens.ingest([str(tmp_path / "missing.txt"), str(good)], db=f"sqlite:///{tmp_path / 'kb.db'}")
    assert [o.status for o in report.outcomes] == ["failed", "stored"]
    assert "missing.txt" in report.outcomes[0].source


def test_extract_needs_no_knowledge_base(tmp_path):
    source = tmp_path / "plan.txt"
    source.write_text(PLAN, encoding="utf-8")
    facts = policylens.extract_path(source)
    assert all(facts.document.text[q.start : q.end] == q.text for q in facts.quantities)
    assert policylens.extract(facts.document).to_dict() == facts.to_dict()


def test_brief_from_the_top_level_api(tmp_path):
    source = tmp_path / "plan.txt"
    source.write_text(PLAN, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    (outcome,) = policylens.ingest([str(source)], db=url).outcomes
    markdown = policylens.render_brief(policylens.brief(outcome.document_id, db=url), "md")
    assert "Lakeside City Issues Plan for Sensor Industry" in markdown
    assert "40" in markdown

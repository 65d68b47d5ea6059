"""Briefs a reader trusts, on the bundled demo corpus: short, each fact once, goals with where they stand.

The demo corpus (project-written documents) is ingested into a real SQLite
knowledge base, with no user decision applied, and every document briefed.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from policylens import service
from policylens.briefs import brief, render
from policylens.demo import corpus_dir
from policylens.store import KnowledgeBase

AS_OF = date(2026, 11, 23)
MARKUP = re.compile(r"(?m)^(?:#+|-)\s+|\*+|\\|\s?\[\d+\]")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}"
    report = service.ingest([str(p) for p in sorted(corpus_dir().iterdir()) if p.name != "README.md"], db=url)
    assert not report.failed
    with KnowledgeBase.open(url) as kb:
        yield kb, sorted({o.document_id for o in report.outcomes if o.document_id is not None})


def _body(b) -> str:
    """The rendered brief without its list of cited sentences, markup and citation markers."""
    return MARKUP.sub("", render(b, "md").split("\n## Sources\n")[0])


def _confirmed(b, kind):
    return [p for p in b.section("confirmed").points if p.kind == kind]


def test_default_briefs_stay_under_900_words_and_long_ones_keep_more(demo):
    kb, ids = demo
    for document_id in ids:
        short, long = (brief(document_id, db=kb, as_of=AS_OF, long=flag) for flag in (False, True))
        assert len(_body(short).split()) <= 900, document_id
        assert len(_body(long).split()) >= len(_body(short).split())
        used = {n for s in short.sections for p in s.points for n in p.citations}
        assert used == {c.number for c in short.citations}, "every listed source is cited, and only those"


def test_each_goal_is_stated_once_with_its_status_and_no_bullet_lacks_a_metric(demo):
    kb, ids = demo
    for document_id in ids:
        b = brief(document_id, db=kb, as_of=AS_OF)
        body = _body(b)
        for point in _confirmed(b, "target"):
            quote = point.text.split(": ", 1)[1].split("; ")[0]
            assert body.count(quote) == 1, (document_id, quote)
        for point in _confirmed(b, "target") + _confirmed(b, "statistic"):
            assert point.data["metric"], point.text


def test_the_weifang_goal_shows_where_it_stands_against_the_goal(demo):
    kb, ids = demo
    latest_doc = next(i for i in ids if "exports climb" in (kb.get_document(i).title or ""))
    b = brief(latest_doc, db=kb, as_of=AS_OF)
    [goal] = [p for p in _confirmed(b, "target") if "20 billion" in p.text]
    assert "latest figure" in goal.text and "67% of the goal" in goal.text
    assert "another source says" in goal.text and "13.1 billion" in goal.text  # the disagreeing figure beside it
    cited = {c.number: c for c in b.citations}
    assert any(cited[n].document_id != latest_doc for n in goal.citations)  # the figure's own sentence
    # The disagreeing figure is flagged beside it.
    conflicts = [p for p in b.section("basis").points if p.kind == "conflict"]
    assert any("13.4 billion" in p.text and "13.1 billion" in p.text for p in conflicts)


def test_caps_and_rewards_are_terms_with_no_goal_status(demo):
    kb, ids = demo
    terms = []
    for document_id in ids:
        for b in (brief(document_id, db=kb, as_of=AS_OF), brief(document_id, db=kb, as_of=AS_OF, long=True)):
            for point in _confirmed(b, "target"):
                if point.data["status"] in ("term", "threshold"):
                    terms.append(point)
                    assert not re.search(r"\b(met|missed|past due)\b", point.text), point.text
            for point in b.section("monitor").points:
                assert "up to RMB" not in point.text and "capped at" not in point.text, point.text
    assert any(p.text.startswith("Term: ") for p in terms)


def test_no_goal_is_both_settled_and_still_to_validate(demo):
    kb, ids = demo
    for document_id in ids:
        b = brief(document_id, db=kb, as_of=AS_OF, long=True)
        validate = next(p for p in b.section("basis").points if p.kind == "validate").data["items"]
        for point in _confirmed(b, "target"):
            if point.data["status"] in ("met", "missed"):
                quote = point.text.split(": ", 1)[1].split("; ")[0]
                assert not [v for v in validate if quote in v], (document_id, quote)


def test_government_sources_are_called_official_and_no_brief_names_a_local_path(demo):
    kb, ids = demo
    governments = 0
    for document_id in ids:
        b = brief(document_id, db=kb, as_of=AS_OF)
        basis = {p.kind: p for p in b.section("basis").points}
        assert str(corpus_dir()) not in render(b, "md").split("\n## Sources\n")[0]
        if b.source["source_type"] == "government":
            governments += 1
            assert basis["official"].data["official"] == "yes"
            assert "unknown" not in basis["source_type"].text and "not official" not in _body(b)
    assert governments >= 1

"""The digest over a real SQLite knowledge base built from policylens's own demo corpus.

The demo corpus (src/policylens/demo/corpus, written for policylens) gives
dated documents across Shandong (Weifang, Jinan, Qingdao with Jiaozhou and
Huangdao inside it), Anhui, Jiangsu and Guangdong, a near-duplicate
republication and plans whose deadlines fall in known years.  Three
documents written here add what the demo lacks for a digest: two figures
for one cluster that disagree (so the knowledge base records a conflict), an
undated document, and hostile markup.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re

import pytest
from brief_samples import HOSTILE, extraction
from test_brief_grounding import _metadata, check_citations, ungrounded

from policylens.briefs import digest, render
from policylens.demo import corpus_dir
from policylens.errors import InputError, ParameterError
from policylens.service import ingest
from policylens.store import KnowledgeBase

AS_OF = dt.date(2026, 11, 23)
CLUSTER = "Lakeshore-Harbor valve cluster"

EXPORTS = extraction(
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
UNDATED = extraction("Harbor Opens Ferry Terminal\n\nA ferry terminal opened in Harbor Bay.", "ferry.txt")
HOSTILE_DOC = extraction(HOSTILE, "hostile.txt", published="2029-05-20")


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('digest') / 'kb.db'}"
    report = ingest([str(p) for p in sorted(corpus_dir().iterdir()) if p.name != "README.md"], db=url)
    assert not report.failed, [(o.source, o.error) for o in report.failed]
    with KnowledgeBase.open(url) as opened:
        for x in (EXPORTS, DISAGREEING, UNDATED, HOSTILE_DOC):
            opened.save(x)
        opened.resolve()
        yield opened


def sources_of(b) -> set[str]:
    """The file names of the documents a digest lists as new (its republished copies folded in)."""
    return {
        p.data["source"].rsplit("/", 1)[-1]
        for s in b.sections
        if s.id.startswith("changed")
        for p in s.points
        if p.kind == "document"
    }


def test_the_window_keeps_documents_published_in_it_and_folds_a_republished_copy(kb):
    b = digest(dt.date(2024, 1, 1), dt.date(2024, 12, 31), db=kb, as_of=AS_OF)
    assert sources_of(b) == {
        "02_weifang_agri_machinery_cluster.txt",
        "03_huangdao_robot_joints_prnewswire.txt",
        "06_jinan_sme_digital_notice.txt",
        "08_weifang_park_launch.html",
    }
    [weifang] = [p for s in b.sections for p in s.points if p.kind == "document" and p.data["copies"]]
    assert "republished as" in weifang.text  # 07, a near-duplicate of 02 a day later, is folded into it
    assert b.source["counts"]["documents"] == 4
    # One day either side of a document's date decides.
    assert "04_hefei_nev_xinhua.txt" in sources_of(
        digest(dt.date(2025, 1, 18), dt.date(2025, 1, 18), db=kb, as_of=AS_OF)
    )
    assert not sources_of(digest(dt.date(2025, 1, 19), dt.date(2025, 4, 7), db=kb, as_of=AS_OF))


def test_documents_are_grouped_by_cluster_or_place_with_their_facts_cited(kb):
    b = digest(dt.date(2024, 3, 1), dt.date(2024, 3, 31), db=kb, as_of=AS_OF)
    [changed] = [s for s in b.sections if s.id.startswith("changed")]
    assert "agricultural machinery" in changed.title
    kinds = [p.kind for p in changed.points]
    assert kinds[0] == "document" and "event" in kinds and "target" in kinds
    target = next(p for p in changed.points if p.kind == "target")
    assert "exceeding RMB 20 billion by 2027" in target.text
    assert all(p.citations for p in changed.points)


def test_a_region_includes_the_places_inside_it(kb):
    qingdao = sources_of(digest(dt.date(2023, 1, 1), dt.date(2026, 12, 31), db=kb, region="Qingdao", as_of=AS_OF))
    # Jiaozhou and Huangdao (West Coast New Area) lie inside Qingdao; Hefei and Guangdong do not.
    assert {"10_jiaozhou_notice_zh.txt", "03_huangdao_robot_joints_prnewswire.txt"} <= qingdao
    assert "04_hefei_nev_xinhua.txt" not in qingdao
    shandong = sources_of(digest(dt.date(2023, 1, 1), dt.date(2026, 12, 31), db=kb, region="Shandong", as_of=AS_OF))
    assert qingdao < shandong and "02_weifang_agri_machinery_cluster.txt" in shandong
    assert not {"04_hefei_nev_xinhua.txt", "guangdong-robot-plan"} & shandong
    b = digest(dt.date(2025, 1, 1), dt.date(2025, 12, 31), db=kb, region="Qingdao", as_of=AS_OF)
    assert b.title.endswith("— Qingdao") and any(p.kind == "region" for p in b.section("basis").points)
    # Targets follow the region too: Jiaozhou's 2025 targets came due, Hefei's 2027 ones are elsewhere.
    targets = b.section("targets").points
    assert any("亿元" in p.text for p in targets) and not any("Hefei" in p.text for p in targets)


def test_targets_that_came_due_in_the_window_carry_their_status_as_of_the_day_asked(kb):
    b = digest(dt.date(2025, 1, 1), dt.date(2025, 12, 31), db=kb, as_of=AS_OF)
    due = [p for p in b.section("targets").points if p.kind == "target"]
    plan = [p for p in due if "Shandong Province Action Plan" in p.text]
    assert plan and all(p.data["due_in_window"] for p in plan)
    statuses = {p.data["status"] for p in plan}
    # The 2026 progress report settles some of the plan's 2025 targets; the rest are past due, unverified.
    assert statuses <= {"met", "missed", "past_due_unverified"} and statuses & {"met", "missed"}
    unverified = next(p for p in plan if p.data["status"] == "past_due_unverified")
    assert "past due and unverified as of 2026-11-23" in unverified.text
    # Before the deadline passed, the same target was due, not past due.
    earlier = digest(dt.date(2025, 1, 1), dt.date(2025, 12, 31), db=kb, as_of=dt.date(2025, 12, 31))
    assert all(
        p.data["status"] == "due"
        for p in earlier.section("targets").points
        if p.kind == "target" and "Shandong Province Action Plan" in p.text
    )


def test_a_conflict_appears_in_the_window_of_its_later_document(kb):
    b = digest(dt.date(2029, 1, 1), dt.date(2029, 12, 31), db=kb, as_of=dt.date(2029, 6, 1))
    [conflict] = b.section("conflicts").points
    assert '"RMB 13 billion"' in conflict.text and '"RMB 9 billion"' in conflict.text
    cited = {c.document_id for c in b.citations if c.number in conflict.citations}
    assert {c.source for c in b.citations if c.document_id in cited} == {"progress.txt", "disagree.txt"}
    assert any(p.data.get("rule") == "conflicts" for p in b.section("monitor").points)
    # Until the disagreeing figure is published, there is no conflict yet.
    march = digest(dt.date(2029, 3, 1), dt.date(2029, 3, 31), db=kb, as_of=dt.date(2029, 6, 1))
    assert all(s.id != "conflicts" for s in march.sections)


def test_an_undated_document_counts_from_the_day_it_was_ingested_and_says_so(kb):
    today = dt.datetime.now(dt.UTC).date()
    b = digest(today, today, db=kb, as_of=today)
    [ferry] = [p for s in b.sections for p in s.points if p.kind == "document" and p.data["source"] == "ferry.txt"]
    assert not ferry.data["dated"] and "undated, counted from the day it was ingested" in ferry.text


def test_an_empty_window_is_a_short_digest_saying_nothing_matched(kb):
    b = digest(dt.date(2030, 1, 1), dt.date(2030, 6, 30), db=kb, region="Shandong", as_of=AS_OF)
    assert [s.id for s in b.sections] == ["summary"] and b.citations == []
    text = render(b, "md")
    assert "Nothing matched" in text and "in Shandong or any place inside it" in text
    assert "Sources" not in text and len(text.splitlines()) < 10


def test_every_number_and_name_in_a_digest_is_grounded_in_what_it_cites(kb):
    windows = [
        ("2023-01-01", "2026-12-31", None),
        ("2025-01-01", "2025-12-31", "Qingdao"),
        ("2029-01-01", "2029-12-31", None),
        ("2024-01-01", "2024-12-31", "Shandong"),
    ]
    for since, until, region in windows:
        b = digest(dt.date.fromisoformat(since), dt.date.fromisoformat(until), db=kb, region=region, as_of=AS_OF)
        documents = {c.document_id: kb.get_document(c.document_id) for c in b.citations}
        check_citations(b, documents)
        # Numbers and names come from the cited documents, the window and day asked, or the KB's region name.
        sources = "\n".join(
            [
                *(d.text for d in documents.values()),
                *map(_metadata, documents.values()),
                since,
                until,
                AS_OF.isoformat(),
                region or "",
            ]
        )
        for fmt in ("md", "html"):
            text = render(b, fmt)
            if fmt == "html":
                text = html.unescape(re.sub(r"<style>.*?</style>|<[^>]+>", " ", text, flags=re.DOTALL))
            assert ungrounded(text, sources) == [], (since, until, region, fmt)


def test_html_escapes_everything_and_json_has_the_same_structure(kb):
    b = digest(dt.date(2029, 1, 1), dt.date(2029, 12, 31), db=kb, as_of=dt.date(2029, 6, 1))
    page = render(b, "html")
    assert page.startswith("<!DOCTYPE html>") and "@media print" in page
    assert "<script>" not in page and "&lt;script&gt;" in page
    data = json.loads(render(b, "json"))
    assert [s["id"] for s in data["sections"]] == [s.id for s in b.sections]
    assert data["source"]["kind"] == "digest" and len(data["citations"]) == len(b.citations)


def test_bad_windows_regions_and_industries_name_the_parameter(kb):
    with pytest.raises(ParameterError, match="until: 2024-01-01 is before the first day, 2025-01-01") as caught:
        digest(dt.date(2025, 1, 1), dt.date(2024, 1, 1), db=kb)
    assert caught.value.parameter == "until"
    with pytest.raises(ParameterError, match="industry: unknown industry 'spaceships'"):
        digest(dt.date(2025, 1, 1), db=kb, industry="spaceships")
    with pytest.raises(InputError, match="Xyzzyplace"):
        digest(dt.date(2025, 1, 1), db=kb, region="Xyzzyplace")


def test_an_industry_keeps_only_documents_tagged_with_it(kb):
    b = digest(dt.date(2023, 1, 1), dt.date(2026, 12, 31), db=kb, industry="agricultural-machinery", as_of=AS_OF)
    found = sources_of(b)
    assert "02_weifang_agri_machinery_cluster.txt" in found and "04_hefei_nev_xinhua.txt" not in found
    assert "agricultural machinery" in b.title


def test_the_same_digest_on_sqlite_and_postgresql(kb_url):
    """Window and region filters are SQL on both backends (dates, timestamps, the region closure)."""
    ingest([str(p) for p in sorted(corpus_dir().iterdir()) if p.name != "README.md"], db=kb_url)
    b = digest(dt.date(2024, 1, 1), dt.date(2024, 12, 31), db=kb_url, region="Shandong", as_of=AS_OF)
    assert sources_of(b) == {
        "02_weifang_agri_machinery_cluster.txt",
        "03_huangdao_robot_joints_prnewswire.txt",
        "06_jinan_sme_digital_notice.txt",
        "08_weifang_park_launch.html",
    }
    today = dt.datetime.now(dt.UTC).date()
    assert [s.id for s in digest(today, today, db=kb_url, as_of=today).sections] == ["summary"]

"""Issue 8's cross-language promises, on SQLite and a real PostgreSQL.

A Chinese notice and an English article about the same county-level city
(both invented here) must meet in one knowledge base: one place entity with
both documents, named in English with its Chinese names as aliases; a
Chinese target followed by an English statistic of the same subject, metric
and unit as its progress; and search that finds one- and two-character
Chinese queries.  Ingested through the public API, as a user would.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from jiaozhou_samples import ARTICLE, NOTICE

from policylens import service
from policylens.store import KnowledgeBase

AS_OF = dt.date(2026, 11, 22)


@pytest.fixture
def both(kb: KnowledgeBase, tmp_path: Path) -> KnowledgeBase:
    """The knowledge base with the Chinese notice and the English article ingested in one batch."""
    paths = []
    for name, text in (("jiaozhou_notice_zh.txt", NOTICE), ("jiaozhou_article_en.txt", ARTICLE)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    report = service.ingest(paths, db=kb)
    assert [o.status for o in report.outcomes] == ["stored", "stored"], [o.error for o in report.outcomes]
    return kb


def test_one_place_entity_holds_both_documents(both):
    jiaozhou = both.profile("Jiaozhou")
    assert jiaozhou.entity.name == "Jiaozhou"  # the gazetteer's English (pinyin) name is canonical
    assert jiaozhou.entity.key == "adcode:370281"
    assert {"胶州市", "胶州"} <= set(jiaozhou.aliases)
    assert jiaozhou.attributes["name_en"] == "Jiaozhou"
    assert {Path(d["source"]).name for d in jiaozhou.documents} == {"jiaozhou_notice_zh.txt", "jiaozhou_article_en.txt"}
    # Asked for by its Chinese name, it is the same entity.
    assert both.entity("胶州市").id == jiaozhou.entity.id
    assert [p.name for p in jiaozhou.hierarchy][:2] == ["Qingdao", "Shandong"]


def test_a_chinese_target_links_to_an_english_statistic(both):
    targets = {t.metric: t for t in both.targets(as_of=AS_OF, region="Jiaozhou")}
    output = targets["机床产业产值"]  # whose it is is the subject (Jiaozhou), not part of the metric
    assert (output.value, output.unit, output.deadline, output.entity.name) == (2e10, "CNY", 2027, "Jiaozhou")
    assert [(o["value"], o["unit"]) for o in output.observations] == [(1.7e10, "CNY")]
    assert output.latest is not None and output.progress_percent == pytest.approx(85.0)
    # A count of firms is not an amount of money: no English figure speaks to it.
    assert targets["培育规上机床企业"].observations == []


@pytest.mark.parametrize("query", ["新区", "机床", "园"])
def test_short_chinese_queries_find_the_notice(both, query):
    hits = both.search(query)
    assert hits and {h.title for h in hits} == {"胶州市人民政府关于加快高端数控机床产业园建设的通知"}


def test_a_chinese_query_that_is_not_there_finds_nothing(both):
    assert both.search("港口") == []
    assert both.search("园区") == []  # both characters occur, never side by side

"""Chinese news of an occasion: a background clause (随着…) reports no event; figures told of a dated occasion
are of its year."""

from policylens.extraction import extract
from policylens.extraction.text import TextIndex
from policylens.extraction.zh.entities import find_entities
from policylens.extraction.zh.events import find_events
from policylens.model import Document


def events(text, published="2026-07-15"):
    doc = Document(source="t.txt", text=text, published=published, language="zh")
    index = TextIndex(text)
    return find_events(doc, index, find_entities(doc, index))


def quantities(text, published="2026-04-20"):
    doc = Document(source="t.txt", text=text, published=published, language="zh")
    return {q.text: q for q in extract(doc).quantities}


def test_a_background_clause_reports_no_event():
    assert events("文章开头。\n随着新厂房投产，公司隔膜产能达到8亿平方米。") == []
    assert events("文章开头。\n伴随着一批项目陆续开工，园区投资持续增长。") == []


def test_the_event_after_a_background_clause_is_reported():
    found = events("文章开头。\n随着配套完善，5月18日，某某智能装备产业园正式开园。")
    assert [(e.type, e.date) for e in found] == [("launch", "2026-05-18")]

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


def test_figures_told_of_a_dated_occasion_are_of_its_year():
    text = (
        "文章开头。\n"
        "4月16日上午，某经开区春季重大项目集中签约活动举行，现场签约项目14个，协议总投资96.4亿元。\n"
        "当天下午，经开区7个重点项目集中开工，总投资38.5亿元。\n"
    )
    found = quantities(text)
    assert found["14个"].as_of == 2026
    assert found["38.5亿元"].as_of == 2026


def test_a_running_total_is_of_no_one_year():
    text = "文章开头。\n10月21日，某省召开新闻发布会。全省累计培育制造业单项冠军企业180家，居全国第三。\n"
    found = quantities(text, published="2025-10-22")
    assert found["180家"].as_of is None


def test_a_figure_in_a_paragraph_with_no_occasion_keeps_no_year():
    found = quantities("文章开头。\n园区现有规上企业86家，从业人员超过2万人。\n")
    assert found["86家"].as_of is None

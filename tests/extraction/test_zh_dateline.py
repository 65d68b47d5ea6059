"""An undated Chinese page is read as of the day its opening sentence reports, only when that says its year."""

import pytest

from policylens.extraction import extract
from policylens.extraction.text import TextIndex
from policylens.extraction.zh.dateline import dateline
from policylens.model import Document

STORY = (
    "9月22日，2022国际虚拟现实创新大会在青岛举行。\n"
    "今年上半年，全省虚拟现实企业营业收入超过300亿元。今年5月印发的《青岛市支持虚拟现实产业发展若干政策》明确了支持方向。\n"
    "大会现场，总投资287.2亿元的31个项目签约。"
)


def day(text, title=None):
    doc = Document(source="t.txt", text=text, title=title, language="zh")
    return dateline(doc, TextIndex(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (STORY, "2022-09-22"),
        ("2023年8月28日上午，烟台市重点项目集中签约。", "2023-08-28"),
        ("8月28日，第三届中国制造业博览会在济南开幕。", None),  # no year said
        ("9月22日，全市召开工作会议。2022年全市产值增长5%。", None),  # a year, but not the gathering's
        ("2024年1月1日起，新办法正式施行。", None),  # a day from which something holds
        ("全市工业经济运行平稳。9月22日，2022国际虚拟现实创新大会举行。", None),  # not the opening
    ],
)
def test_the_opening_sentence_dates_the_page_only_when_it_says_the_year(text, expected):
    assert day(text) == expected


def test_the_headline_is_skipped():
    text = "虚拟现实产业加速发展\n9月22日，2022国际虚拟现实创新大会在青岛举行。"
    assert day(text, title="虚拟现实产业加速发展") == "2022-09-22"


def test_an_undated_story_resolves_its_year_against_that_day_but_stays_undated():
    x = extract(Document(source="t.txt", text=STORY, language="zh"))
    assert x.document.published is None
    dates = {e.text: e.date for e in x.events}
    assert dates["2022国际虚拟现实创新大会在青岛举行"] == "2022-09-22"
    assert any(d and d.startswith("2022-05") for d in dates.values())
    signed = next(q for q in x.quantities if q.text == "287.2亿元")
    assert signed.kind == "statistic"  # what a signed project invests is a fact, not a designed size
    revenue = next(q for q in x.quantities if q.text.endswith("300亿元"))
    assert revenue.as_of == 2022


def test_a_dated_page_keeps_its_own_date():
    x = extract(Document(source="t.txt", text=STORY, published="2023-01-10", language="zh"))
    assert next(e for e in x.events if e.type == "other").date == "2022-09-22"
    assert next(q for q in x.quantities if q.text.endswith("300亿元")).as_of == 2023

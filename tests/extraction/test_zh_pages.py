"""How Chinese pages are written, read end to end on pages invented for these tests."""

from __future__ import annotations

from policylens.extraction import extract
from policylens.ingestion import RawInput, read_document
from policylens.ingestion.clean import is_furniture


def read(page: str, url: str = "http://example.com/a.html"):
    return read_document(RawInput(source="test.txt", data=page.encode("utf-8"), url=url, media_type="text/plain"))


def test_a_labelled_row_of_place_links_is_navigation():
    assert is_furniture("地方频道:北京 天津 河北 山西 内蒙古 辽宁 吉林")
    assert is_furniture("分站：北京 上海 广州 深圳 成都")
    assert not is_furniture("重点城市:北京、上海、广州、深圳、成都")  # a list in prose keeps its commas
    page = (
        "某网首页 地方 新闻 经济 视频\n"
        "地方频道:北京 天津 河北 山西 内蒙古 辽宁 吉林 黑龙江 上海 江苏 浙江 安徽 福建\n"
        "某市:电子信息产业再添新项目\n"
        "2025年03月02日 | 来源:某日报\n"
        "3月1日,某市电子信息产业项目集中签约仪式举行,现场签约项目15个,总投资62亿元,涵盖芯片封装、显示面板等领域。\n"
    )
    document = read(page)
    assert document.title == "某市:电子信息产业再添新项目"
    places = {e.name for e in extract(document).entities if e.type == "place"}
    assert not places & {"北京", "天津", "河北", "福建"}


def test_a_departments_name_above_the_headline_is_its_site_and_stays_as_issuer():
    page = (
        "某省商务厅\n"
        "首页 机构概况 政务公开 政务服务 互动交流\n"
        "某省商务厅关于印发《某省外贸企业培育行动方案(2025—2027年)》的通知\n"
        "发布时间:2025-04-02 来源:某省商务厅 字号:大 中 小 打印 关闭\n"
        "现将《某省外贸企业培育行动方案(2025—2027年)》印发给你们,请结合实际认真组织实施,确保各项任务落到实处。\n"
    )
    document = read(page)
    assert document.title == "某省商务厅关于印发《某省外贸企业培育行动方案(2025—2027年)》的通知"
    assert document.source_type == "government"
    letterhead = "某市发展和改革委员会\n关于 2024 年全市重点项目建设情况的报告\n2024 年，全市重点项目完成投资 356 亿元，同比增长 8.1%，项目建设总体进展顺利。\n"
    document = read(letterhead, url="http://example.com/report.pdf")
    assert document.title == "关于 2024 年全市重点项目建设情况的报告"
    assert "某市发展和改革委员会" in document.text  # the issuer, cited like any other fact

"""Metadata of Chinese pages: source types, titles and dates of Chinese portals and reposts."""

from __future__ import annotations

import pytest

from policylens.ingestion.clean import split_page
from policylens.ingestion.metadata import describe

BODY = (
    "今年前三季度，某州新材料产业集群实现产值120亿元，同比增长9.5%。截至9月末，集群规模以上企业达到40家。\n"
    "按照规划，到2028年，集群产值将突破300亿元。\n"
)


def meta(text, url=None, **kwargs):
    return describe(split_page(text), url, **kwargs)


@pytest.mark.parametrize("host", ["www.example-news.com.hk", "news.example.mo", "www.example.com.tw"])
def test_a_repost_of_a_mainland_daily_on_a_hong_kong_or_macao_site_is_media(host):
    page = "某州新材料集群產值創新高\n2026-09-18 11:26　來源：某某日報　瀏覽次數：1,200\n" + BODY
    assert meta(page, f"https://{host}/article/2026-09/18/content_1.htm").source_type == "media"


def test_the_same_repost_on_a_mainland_site_stays_state_media():
    page = "某州新材料集群產值創新高\n2026-09-18 11:26　來源：某某日報　瀏覽次數：1,200\n" + BODY
    assert meta(page, "https://www.example-news.com/article/1.htm").source_type == "state_media"


def test_a_hong_kong_government_site_stays_government():
    page = "某州新材料集群產值創新高\n2026-09-18　來源：某某日報\n" + BODY
    assert meta(page, "https://www.info.gov.hk/gia/general/1.htm").source_type == "government"


def read(tmp_path, page, url):
    from policylens.ingestion import read_path

    path = tmp_path / "page.txt"
    path.write_text(f"URL: {url}\n\n{page}", encoding="utf-8")
    return read_path(path)


@pytest.mark.parametrize("site", ["株洲市人民政府", "株洲市人民政府门户网站", "某某经济技术开发区管理委员会"])
def test_the_government_whose_portal_carries_the_page_stays_in_the_text(tmp_path, site):
    page = (
        f"{site}\n当前位置：首页 > 政务公开 > 工作动态\n某区新材料集群产值创新高\n"
        "发布时间：2026-09-18 11:26　来源：区工业和信息化局\n" + BODY
    )
    doc = read(tmp_path, page, "http://www.example.gov.cn/xwdt/202609/t20260918_1.html")
    assert doc.title == "某区新材料集群产值创新高"
    assert site in doc.text and doc.text.index(site) < doc.text.index("今年前三季度")


def test_a_menu_of_short_links_set_off_by_bars_is_no_headline():
    page = (
        "某广网\n关于我们 | 广告服务\n陕西某市：煤化工产业链延链补链 一批重大项目加快建设\n"
        "2026-05-22 11:03:00 来源：某广网\n" + BODY
    )
    assert meta(page).title == "陕西某市：煤化工产业链延链补链 一批重大项目加快建设"


def test_a_document_title_broken_onto_a_second_line_is_read_whole():
    page = (
        "某市人民政府门户网站\n当前位置：首页 > 信息公开 > 通知公告\n某市工业和信息化局关于组织申报2026年度市级\n"
        "工业互联网标杆工厂的通知\n发布日期：2026-05-22　来源：市工信局\n" + BODY
    )
    assert meta(page).title == "某市工业和信息化局关于组织申报2026年度市级工业互联网标杆工厂的通知"


def test_a_red_head_documents_letterhead_is_no_title():
    page = (
        "临沂市人民政府文件\n\n临政发〔2026〕5号\n\n临沂市人民政府\n关于印发临沂市制造业高质量发展实施方案的通知\n\n"
        "各县区人民政府，市政府各部门：\n现将《临沂市制造业高质量发展实施方案》印发给你们，请认真贯彻执行。\n"
    )
    found = meta(page, "https://www.example.com/doc/1.html")
    assert (found.title, found.source_type) == ("关于印发临沂市制造业高质量发展实施方案的通知", "government")


@pytest.mark.parametrize("stamp", ["兰山区融媒体中心  2026-05-12", "2026-05-12 10:20  兰山区融媒体中心"])
def test_a_media_centre_named_on_the_stamp_line_is_state_media(stamp):
    page = f"兰山区：聚力打造千亿级商贸物流产业集群\n\n{stamp}\n\n" + BODY
    assert meta(page, "https://www.example.com/n/1.html").source_type == "state_media"

"""Titles, dates, source types and languages from pages written for these tests."""

from __future__ import annotations

import pytest

from policylens.ingestion.clean import split_page
from policylens.ingestion.dates import date_in_url, date_of_line, numeric_order
from policylens.ingestion.metadata import describe, language

BODY = (
    "The province approved a cluster for industrial robots with an export target of 5 billion yuan by 2027, "
    "according to the plan released by its industry department."
)


@pytest.mark.parametrize(
    "line, iso",
    [
        ("Jul 14, 2026", "2026-07-14"),
        ("Oct. 2, 2025", "2025-10-02"),
        ("NINGBO, China, Apr. 9, 2024 /Xinhua-AsiaNet/--", "2024-04-09"),
        ("(example.com.cn) | 2021-02-16", "2021-02-16"),
        ("Updated: August 19, 2021", "2021-08-19"),
        ("date 2022-11-11", "2022-11-11"),
        ("2024年10月30日", "2024-10-30"),
        ("发布时间：2024-10-30", "2024-10-30"),
        ("发布日期:2019-06-03 08:15:00 浏览次数:12", "2019-06-03"),
        ("Wednesday, 3 September 2025, 09:00 HKT", "2025-09-03"),
        ("By Li Ming | Updated: 2016-04-11 21:48", "2016-04-11"),
        ("June 2026", "2026-06"),
        ("2025年6月", "2025-06"),
        ("SHENZHEN, China, Sept. 2, 2025 (GLOBE NEWSWIRE) -- " + BODY, "2025-09-02"),
        ("FRANKFORT, Ky. (April 9, 2026) – " + BODY, "2026-04-09"),
        ("Published: 12.08.2026", "2026-08-12"),
        ("AUSTIN (Oct. 2, 2025) — " + BODY, "2025-10-02"),
        # a government release writes its place in title case, a dateline's stop after the date
        ("New Delhi, 12 March 2026: " + BODY, "2026-03-12"),
        ("Hanoi, March 12, 2026 (VNA) - " + BODY, "2026-03-12"),
        # a date line in the language of the page's country, on a page in English
        ("Ciudad de México, 18 de marzo de 2026", "2026-03-18"),
        ("Brasília, 4 de agosto de 2026", "2026-08-04"),
        ("Kamis, 18 Maret 2026 | 14:20 WIB", "2026-03-18"),
        ("Berlin, 18. März 2026", "2026-03-18"),
        ("Roma, 2 luglio 2026", "2026-07-02"),
    ],
)
def test_page_dates(line, iso):
    assert date_of_line(line) == iso


@pytest.mark.parametrize(
    "line",
    [
        BODY,
        "In June 2026, the province approved the cluster.",
        "The plan runs until December 31, 2025",
        "2022年1-9月,全市工业用电量同比增长4.2%。",
        "3月8日,市政府举行新闻发布会介绍港口建设进展",
        "Feb 30, 2024",
        "WASHINGTON (Reuters) - The department said on May 3, 2025 that it approved the plan.",
    ],
)
def test_dates_that_are_not_the_page_date(line):
    assert date_of_line(line) is None


@pytest.mark.parametrize(
    "url, iso",
    [
        ("http://example.gov.cn/2020-11/05/c_1.htm", "2020-11-05"),
        ("http://news.example.com/n3/2023/0915/c9-1.html", "2023-09-15"),
        ("https://blog.example.com/2021/03/some-story.html", "2021-03"),
        ("https://example.gov.cn/art/2019/6/3/art_1_2.html", "2019-06-03"),
        ("https://example.com/2022/10/20/story", "2022-10-20"),
        ("https://wire.example.jp/release/202305170001", None),
        ("https://example.com/?p=123456", None),
        (None, None),
        ("https://example.com/news/2026/03/18", "2026-03-18"),  # the day ends the path
        ("https://wire.example.kr/view/AEN20260318001200320", "2026-03-18"),  # service, day, serial
        ("https://daily.example.kr/view.php?ud=20260318000123", "2026-03-18"),  # the query's id opens with its day
        ("https://example.com/view.php?id=2026031800", None),  # two digits after: no serial, no day
        ("https://example.com/p/20231315123", None),  # no month 13
    ],
)
def test_dates_in_urls(url, iso):
    assert date_in_url(url) == iso


@pytest.mark.parametrize(
    "dateline, url, published",
    [
        ("HANOI, March 18 (VNA) – " + BODY, "https://example.vn/news/2026/03/story.html", "2026-03-18"),
        ("SEOUL, March 18 (Yonhap) -- " + BODY, "https://example.kr/2026/03/story", "2026-03-18"),
        # the dateline's month is not the URL's: the month alone, as the URL gives it
        ("HANOI, April 2 (VNA) – " + BODY, "https://example.vn/news/2026/03/story.html", "2026-03"),
        # no year anywhere: no date rather than a guessed one
        ("HANOI, March 18 (VNA) – " + BODY, "https://example.vn/news/story.html", None),
        ("Hanoi, March 18 (VNA) – " + BODY, "https://example.vn/news/2026/03/story.html", "2026-03-18"),
    ],
)
def test_a_yearless_wire_dateline_dates_the_page_with_the_urls_month(dateline, url, published):
    assert meta("Province approves three new industrial projects\n\n" + dateline, url).published == published


def meta(text, url=None, **kwargs):
    return describe(split_page(text), url, **kwargs)


def test_longest_headline_like_line_wins_over_section_labels_and_site_names():
    m = meta(
        "Regional News\n\nRobot cluster approved for the coastal province\n\nCoastal Daily\nMay 2, 2025\n\n" + BODY
    )
    assert m.title == "Robot cluster approved for the coastal province"
    assert m.title_line == "Robot cluster approved for the coastal province"
    assert m.published == "2025-05-02"


def test_markup_title_beats_head_lines():
    m = meta("Kicker line for the story\n\n" + BODY, title="Robot cluster approved")
    assert m.title == "Robot cluster approved" and m.title_line == "Robot cluster approved"


def test_title_named_in_the_opening_sentence():
    m = meta(
        "Recently, the provincial government issued the Implementation Plan for Smart Manufacturing "
        "(2024–2026), requiring all cities to act.\n" + BODY
    )
    assert m.title == "Implementation Plan for Smart Manufacturing (2024–2026)"
    assert m.title_line is None


def test_no_title_when_the_page_opens_with_prose():
    assert meta(BODY + "\n" + BODY).title is None


@pytest.mark.parametrize(
    "url, kind",
    [
        ("https://www.example.gov.cn/a.html", "government"),
        ("https://agency.gov/news/1", "government"),
        ("https://www.gov.uk/news/1", "government"),
        ("http://english.news.cn/2024/1.htm", "state_media"),
        ("https://www.chinadaily.com.cn/a/1.html", "state_media"),
        ("https://www.globenewswire.com/news-release/1", "press_release"),
        ("https://www.prnewswire.com/news-releases/1.html", "press_release"),
        ("https://trade-magazine.example.com/article/1", "media"),
    ],
)
def test_source_type_from_the_domain(url, kind):
    assert meta(BODY, url).source_type == kind


@pytest.mark.parametrize(
    "text, kind",
    [
        ("HANGZHOU, China, May 6, 2025 (GLOBE NEWSWIRE) -- " + BODY, "press_release"),
        ("HANGZHOU, China, May 6, 2025 /PRNewswire/ -- " + BODY, "press_release"),
        ("WUXI, China, Mar. 5, 2024 /Xinhua-AsiaNet/--\n" + BODY, "press_release"),
        ("HONG KONG, Aug 2, 2023 - (ACN Newswire) - " + BODY, "press_release"),
        (BODY + "\nSource: Official Website of the People's Government of Example Province", "government"),
        ("为加快建设制造强市,现结合我市实际,制定本行动计划。\n" + BODY, "government"),
        ("Robot cluster approved\n\n(Xinhua) | 2025-05-02\n\n" + BODY, "state_media"),
        ("This article is based on the provincial notice and company filings.\n" + BODY, "analysis"),
        (BODY + "\nAnalysis shows that exporters may feel the effect first.", "analysis"),
        (BODY, "unknown"),
    ],
)
def test_source_type_from_the_text(text, kind):
    assert meta(text).source_type == kind


def test_domain_decides_before_text_signs():
    text = BODY + "\nAnalysis shows that exporters may feel the effect first."
    assert meta(text, "https://www.example.gov.cn/1.html").source_type == "government"
    assert meta(text, "https://blog.example.com/1.html").source_type == "analysis"


def test_publisher_from_source_line_newswire_or_domain():
    assert (
        meta(BODY + "\nSource: Example Province Development Commission").publisher
        == "Example Province Development Commission"
    )
    assert meta("HANGZHOU, China, May 6, 2025 (GLOBE NEWSWIRE) -- " + BODY).publisher == "GLOBE NEWSWIRE"
    assert meta(BODY, "https://www.chinadaily.com.cn/a/1.html").publisher == "China Daily"
    assert meta(BODY, "https://www.trade-mag.example.com/1").publisher == "trade-mag.example.com"


def test_language_from_script():
    assert language("青岛市发布先进制造业行动计划, 到2025年 GDP 增长 8%") == "zh"
    assert language(BODY) == "en"
    assert language("") == "en"


def test_labelled_publication_date_beats_a_written_date():
    text = (
        "成文日期：2024年10月28日\n发布日期：2024-10-30\n\n某某市发布先进制造业行动计划\n\n"
        + "为加快建设先进制造业强市，市政府近日印发行动计划，提出到2027年规模以上工业增加值年均增长百分之八。"
    )
    assert meta(text).published == "2024-10-30"


def test_a_government_sites_banner_and_name_are_not_its_headline():
    page = (
        "Skip to main content\nAn official website of the United States government\nHere's how you know\n"
        "U.S. Department of Commerce\nHome | About | News\n\nPress Release\n\n"
        "Department Awards Grants to Expand Chip Production in Ohio\n\nFOR IMMEDIATE RELEASE\n\n" + BODY
    )
    assert meta(page).title == "Department Awards Grants to Expand Chip Production in Ohio"


def test_an_official_documents_number_dates_an_undated_page_to_its_year():
    body = "各市、县人民政府：\n为推动县域经济高质量发展，经省政府同意，提出以下指导意见。"
    assert meta("皖政办秘〔2024〕56号\n" + body).published == "2024"
    assert meta("闽工信规[2024]9号\n发布日期：2024-06-18\n" + body).published == "2024-06-18"
    # a number cited inside a sentence is another document's
    assert meta("根据《关于开展集群竞赛的通知》(工信厅规函〔2024〕252号)，" + body).published is None


@pytest.mark.parametrize(
    "line, title",
    [
        (
            "Robot cluster approved for the coastal province | Coastal Daily",
            "Robot cluster approved for the coastal province",
        ),
        ("某某市发布先进制造业行动计划_某某市人民政府门户网站", "某某市发布先进制造业行动计划"),
        (
            "Robot cluster approved for the coastal province - example.com",
            "Robot cluster approved for the coastal province",
        ),
        ("Ningbo - a port city builds robots", "Ningbo - a port city builds robots"),
    ],
)
def test_site_name_is_trimmed_from_the_title(line, title):
    assert meta(line + "\n\n" + BODY).title == title


def test_think_tank_domain_is_analysis():
    assert meta(BODY, "https://www.example-think.merics.org/en/report").source_type == "analysis"


def test_commentary_section_or_label_is_analysis():
    assert meta(BODY, "https://news.example.com/analysis/2026/08/battery-glut").source_type == "analysis"
    assert meta(BODY, "https://news.example.com/world/2026/08/battery-glut").source_type == "media"
    assert meta("Analysis | Why battery makers are moving inland\n\n" + BODY).source_type == "analysis"


def test_a_summary_a_model_wrote_is_analysis():
    url = "https://www.example-digest.io/briefs/riverland-copper-strategy"
    page = "Riverland Copper Strategy: Summary\n\nAI summary · 4 min read\n\n" + BODY
    assert meta(page, url).source_type == "analysis"
    page = "Riverland Copper Strategy\n\n" + BODY + "\nThis brief was written by an AI model from public sources.\n"
    assert meta(page, url).source_type == "analysis"
    assert meta(BODY, "https://news.example.com/summaries/2026/copper").source_type == "analysis"
    assert meta("Riverland Copper Strategy\n\n" + BODY, url).source_type == "media"


def test_a_headline_comes_before_its_longer_deck():
    m = meta(
        "Riverside Report\n\nHarbour city bids for a hydrogen valley\n\n"
        "City puts 2 billion yuan of projects forward as the province speeds up permits for clean-tech plants\n\n"
        + BODY
    )
    assert m.title == "Harbour city bids for a hydrogen valley"


def test_a_headline_may_end_in_an_abbreviation():
    m = meta("Lakeshore Opens $80 Million Plant, Its Largest Outside the U.S.\n\nJune 2, 2026\n\n" + BODY)
    assert m.title == "Lakeshore Opens $80 Million Plant, Its Largest Outside the U.S."


def test_a_date_stamp_line_with_a_source_is_not_the_title():
    m = meta(
        "Harbour city reports progress on its battery industry\n\n"
        "2026-02-27   Source: Harbour City Development and Reform Commission   [Print] [Close]\n\n" + BODY
    )
    assert m.title == "Harbour city reports progress on its battery industry"
    assert m.published == "2026-02-27"


def test_a_date_inside_a_pipe_separated_byline():
    m = meta(
        "Harbour city clears 40 component projects worth 3 billion yuan\n\n"
        "Staff Reporter | Riverside | August 5, 2026 | 4 min read\n\n" + BODY
    )
    assert m.published == "2026-08-05"


def test_subtitle_below_a_chinese_headline_is_not_the_title():
    text = (
        "某某市智能制造迈上新台阶\n——市工业和信息化局召开智能制造工作推进会议并部署下一阶段重点任务\n\n"
        + "近日，某某市工业和信息化局召开智能制造工作推进会，会议提出到2026年全市建成智能工厂100家。"
    )
    assert meta(text).title == "某某市智能制造迈上新台阶"


def test_a_hard_wrapped_first_paragraph_is_not_taken_for_the_headline(tmp_path):
    from policylens.ingestion import read_path

    path = tmp_path / "wrapped.txt"
    path.write_text(
        "Harbour Town Approves Valve Cluster\n\nMay 4, 2026\n\n"
        "The harbour town approved a valve cluster on Monday. By 2029, the town aims to host 60 valve\n"
        "makers and raise output to 30 billion yuan.\n",
        encoding="utf-8",
    )
    assert read_path(path).title == "Harbour Town Approves Valve Cluster"


@pytest.mark.parametrize(
    "line, iso",
    [
        ("LISBON, 3rd March, 2024 (Agency)", "2024-03-03"),
        ("Published on the 21st of June 2023", "2023-06-21"),
        ("time: 2018-05-06", "2018-05-06"),
        ("发布日期: 2021- 03- 09 10: 20", "2021-03-09"),
        ("Source: Example Wire 10-23-2022 08:00:00", "2022-10-23"),  # only month-first reads
        ("Posted 23.10.2022", "2022-10-23"),  # only day-first reads
        ("【发布时间：2023-08-30】", "2023-08-30"),
        ("Posted On: 14-Jan-2025 5:30PM", "2025-01-14"),
        ("Posted On: 14 JAN 2025 5:30PM by Example Bureau", "2025-01-14"),
        ("Publish Time: 2023-08-30 | Views", "2023-08-30"),
        ("Date of publication: 03.12.2026", "2026-12-03"),
        ("By Staff Writer · December 3, 2026 · 4 min read", "2026-12-03"),
        ("发布时间：２０２６－０５－１３", "2026-05-13"),  # full-width digits and marks
    ],
)
def test_more_date_forms(line, iso):
    assert date_of_line(line) == iso


@pytest.mark.parametrize(
    "line, order, iso",
    [
        ("05-03-2024 09:10", None, None),  # May 3 or 5 March: no day is guessed
        ("05-03-2024 09:10", "md", "2024-05-03"),
        ("05-03-2024 09:10", "dm", "2024-03-05"),
        ("06/06/2024", None, "2024-06-06"),
        # a weekday beside the date tells its two readings apart when only one fell on that day
        ("Posted: Tue, 12/01/2026 - 09:30", None, "2026-12-01"),
        ("Posted: Mon, 12/01/2026 - 09:30", None, "2026-01-12"),
        ("Posted: Thu, 12/03/2026 - 09:30", None, None),  # 3 December and 12 March 2026 were both Thursdays
        ("Tuesday, 12/1/2026, 09:30 (GMT+7)", "dm", "2026-12-01"),  # the weekday outweighs the site's habit
        ("Thursday, 12/3/2026, 09:30 (GMT+7)", "dm", "2026-03-12"),
    ],
)
def test_ambiguous_numeric_dates_need_an_order(line, order, iso):
    assert date_of_line(line, order) == iso


@pytest.mark.parametrize(
    "lines, url, order",
    [
        (["Updated 05-03-2024", "Posted 02-19-2024"], None, "md"),  # another date on the page reads one way
        (["Updated 05-03-2024", "Posted 19.02.2024"], None, "dm"),
        (["05-03-2024"], "https://example.com/news/2024/03/x.html", "dm"),  # the URL's month
        (["05-03-2024"], "https://news.example.co.uk/a/1", "dm"),  # the country of the domain
        (["05-03-2024"], "https://example.gov/a/1", "md"),
        (["编辑：王某 05-03-2024 09:10"], "https://example.com/a/1", "md"),  # Chinese writes the month first
        (["10:05:12 PM | 5/3/2024"], "https://example.com/a/1", "md"),  # a 12-hour clock
        (["05-03-2024"], "https://example.com/a/1", None),
        (["No date here"], "https://example.co.uk/a/1", None),
    ],
)
def test_numeric_order_from_evidence(lines, url, order):
    assert numeric_order(lines, url) == order


@pytest.mark.parametrize(
    "url, iso",
    [
        ("http://www.example.gov.cn/col/202204/t20220420_123.html", "2022-04-20"),
        ("http://www.example.gov.cn/col/202204/index.html", "2022-04"),
        ("https://example.org/news/2024/4/story-title", "2024-04"),
        ("https://example.com/news/news_20230830_123.html", "2023-08-30"),
        ("https://example.com/p/12345_2023083012345.html", None),
    ],
)
def test_more_url_dates(url, iso):
    assert date_in_url(url) == iso


def test_an_ambiguous_stamp_is_read_with_the_page_evidence_and_left_out_without_it():
    text = "Cluster plan approved for the northern district\n\nSource: Example News 05-03-2024 17:35\n\n" + BODY
    assert meta(text, "https://news.example.co.uk/a/1").published == "2024-03-05"
    assert meta(text, "https://example.com/a/1").published is None
    assert meta(text, "https://example.com/a/1").title == "Cluster plan approved for the northern district"


def test_a_month_only_date_never_pre_empts_an_exact_day_in_that_month():
    text = "Robot cluster approved for the coastal province\n\nMarch 2024\n\n" + BODY
    assert meta(text, "https://example.com/2024/03/18/robots").published == "2024-03-18"
    assert meta(text, "https://example.com/2023/11/02/robots").published == "2024-03"


def test_contact_lines_are_not_the_title():
    m = meta(
        "E-mail desk@example.org Phone 010-1234-5678\n\nRobot cluster approved for the coastal province\n\n" + BODY
    )
    assert m.title == "Robot cluster approved for the coastal province"


ZH_BODY = "近日，某省人民政府办公厅印发行动计划，提出到2027年全省机器人产业规模达到500亿元，培育10家以上龙头企业。"


def test_chinese_titles_skip_menu_rows_site_names_and_label_tables():
    m = meta(
        "某网首页 华东 华北 西南 华南 西北 东北\n\n某某新闻网河西新闻\n\n首页 > 要闻 > 正文\n\n"
        "某省加快建设机器人产业集群!\n\n" + ZH_BODY
    )
    assert m.title == "某省加快建设机器人产业集群!"
    m = meta("索引号: 0001/2024-01  主题分类:\n 体裁分类:  发布机构: 市工信局\n\n稳步推进 提质增效\n\n" + ZH_BODY)
    assert m.title == "稳步推进 提质增效"


def test_a_ministerial_statements_office_holders_are_not_its_title():
    m = meta(
        "Media Statements\nJoint statement\nMinister for Natural Resources and Mines\nThe Honourable Jane Doe\n"
        "Treasurer\nRuritania backs $120 million minerals processing hub in Port Vale\n\n" + BODY
    )
    assert m.title == "Ruritania backs $120 million minerals processing hub in Port Vale"


def test_chinese_titles_skip_page_links_spaced_labels_and_repost_credits():
    m = meta(
        "某某日报\n上一版\u3000下一版\u3000|\u3000上一篇\u3000下一篇\n某区汽车零部件集群入选国家级名单\n\n" + ZH_BODY
    )
    assert m.title == "某区汽车零部件集群入选国家级名单"
    m = meta(
        "索 引 号：11630000MB1937021K/2026-00412\u3000\u3000发布机构：某省人民政府办公厅\n"
        "某省人民政府办公厅关于印发某产业链实施方案的通知\n\n" + ZH_BODY
    )
    assert m.title == "某省人民政府办公厅关于印发某产业链实施方案的通知"
    m = meta(
        "某经开区\n以下文章来源于某某发布，作者某区融媒体中心区县新闻中心\n一天两大喜讯！某项目竣工投产\n\n" + ZH_BODY
    )
    assert m.title == "一天两大喜讯！某项目竣工投产"


def test_a_stamp_that_opens_with_a_date_and_its_time_dates_the_page():
    m = meta("某某产经观察\n2026-03-17 10:24\u3000江苏\u3000科技领域创作者\n关注\n\n" + ZH_BODY)
    assert m.published == "2026-03-17"


def test_original_title_label_is_stripped():
    m = meta("原标题：某市机器人产业规模首次突破百亿元\n" + ZH_BODY)
    assert m.title == "某市机器人产业规模首次突破百亿元"


def test_title_named_in_a_cover_notice():
    m = meta(
        "各区人民政府，市政府各部门：\n《某市机器人产业发展规划》已经市政府同意，现印发给你们，请认真贯彻执行。\n"
        "某市人民政府办公厅\n" + ZH_BODY
    )
    assert m.title == "某市机器人产业发展规划"


@pytest.mark.parametrize(
    "head, kind",
    [
        ("Issued by: General Office of the Example Provincial People's Government", "government"),
        ("某政办发〔2023〕12号", "government"),
        ("发文机关: 某市人民政府  成文日期: 2024-01-02", "government"),
        ("来源：某市人民政府  2024-01-02", "government"),
        ("来源：新华网  2024-01-02", "state_media"),
        ("Source: Xinhua | 2024-01-02", "state_media"),
        ("来源：某某晨报  2024-01-02", "media"),
        ("Source: Example Evening Post | 2024-01-02", "media"),
        ("ABU DHABI, 1st November, 2025 (WAM) -- the two sides signed.", "state_media"),
        ("ABU DHABI, 1st November, 2025 (Example Wire) -- the two sides signed.", "media"),
    ],
)
def test_official_documents_and_reposts_named_by_their_head(head, kind):
    text = "Robot cluster plan for the province\n" + head + "\n" + (ZH_BODY if "来源" in head else BODY)
    assert meta(text, "https://portal.example.com/a/1.html").source_type == kind


@pytest.mark.parametrize(
    "page",
    [
        "某某日报\n2026年08月14日　第03版：经济新闻\n某区集群入选国家级名单\n\n" + ZH_BODY,
        "某区集群入选国家级名单\n\n本报讯（记者 某某）日前，工业和信息化部公布名单。" + ZH_BODY,
    ],
)
def test_a_chinese_papers_masthead_or_own_report_is_state_media(page):
    assert meta(page, "http://epaper.example.com/html/2026-08/14/content_1.htm").source_type == "state_media"


@pytest.mark.parametrize(
    "line, iso",
    [
        ("二〇二一年十月二十五日", "2021-10-25"),
        ("二○二三年一月三十一日", "2023-01-31"),
        ("二〇二三年十二月九日", "2023-12-09"),
        ("二〇二三年二月三十日", None),
    ],
)
def test_dates_in_chinese_numerals(line, iso):
    assert date_of_line(line) == iso


@pytest.mark.parametrize(
    "footer, kind",
    [
        ("主办单位：某市人民政府办公室  承办单位：某市大数据局", "government"),
        ("Copyright © 2024 The People's Government of Example Province. All rights reserved.", "government"),
        ("Sponsored by: Foreign Affairs Office of the People's Government of Example Province", "government"),
        ("主办单位：某某日报社", "media"),
        ("网站标识码：1234000000  某ICP备00000000号", "government"),
        ("政府网站找错  网站地图", "government"),
        ("某ICP备00000000号  公网安备00000000000000号", "media"),
    ],
)
def test_the_footer_of_a_government_portal(footer, kind):
    text = "Robot cluster plan for the province\n" + BODY + "\n" + BODY + "\n" + footer
    assert meta(text, "https://portal.example.com/a/1.html").source_type == kind


@pytest.mark.parametrize(
    "line, title",
    [
        ("某省发布机器人产业集群行动计划-新华网", "某省发布机器人产业集群行动计划"),
        ("某省机器人产业规模突破500亿元-增长12%", "某省机器人产业规模突破500亿元-增长12%"),
    ],
)
def test_a_chinese_site_suffix_without_spaces(line, title):
    assert meta(line + "\n\n" + ZH_BODY).title == title


@pytest.mark.parametrize(
    "text, kind, title",
    [
        ("某市人民政府门户网站\n某省加快建设机器人产业集群\n" + ZH_BODY, "government", "某省加快建设机器人产业集群"),
        (
            "The People's Government of Example Province\nRobot cluster plan approved\n" + BODY,
            "government",
            "Robot cluster plan approved",
        ),
        (
            "People's Government of Example Province issues robot plan\n" + BODY,
            "media",
            "People's Government of Example Province issues robot plan",
        ),
    ],
)
def test_a_government_portal_named_in_the_head(text, kind, title):
    m = meta(text, "https://portal.example.com/a/1.html")
    assert (m.source_type, m.title) == (kind, title)


def test_a_month_only_date_from_the_format_is_refined_by_the_page():
    text = "Robot cluster approved for the coastal province\n\nMarch 18, 2024\n\n" + BODY
    assert meta(text, published="2024-03").published == "2024-03-18"
    assert meta(text, published="2024-02").published == "2024-02"
    assert meta(text, published="2024-02-29").published == "2024-02-29"


@pytest.mark.parametrize(
    "head, kind",
    [
        ("2024年10月30日 09:12  来源：新华网", "state_media"),
        ("发布时间：2024-10-30  来源：某市工业和信息化局", "government"),
        ("时间：2024-10-30  来源：某省日报", "state_media"),
        ("來源：新華網  發佈時間：2024年10月30日", "state_media"),
        ("來源：某自治區人民政府辦公廳", "government"),
        ("发布时间：2024-10-30  来源：某某晨报", "media"),
        # a county's media centre or a city's broadcaster, run by its government as its party daily is
        ("2024-10-30  来源：某县融媒体中心", "state_media"),
        ("发布时间：2024-10-30  来源：某市广播电视台", "state_media"),
        ("來源：某縣融媒體中心", "state_media"),
    ],
)
def test_a_source_named_after_the_date_or_in_traditional_characters(head, kind):
    m = meta("某省加快建设机器人产业集群\n" + head + "\n" + ZH_BODY, "https://portal.example.com/a/1.html")
    assert m.source_type == kind


@pytest.mark.parametrize(
    "line, iso",
    [
        ("發佈時間：2024-10-30 09:12", "2024-10-30"),
        ("發布日期：2024年10月30日", "2024-10-30"),
    ],
)
def test_date_labels_in_traditional_characters(line, iso):
    assert date_of_line(line) == iso


@pytest.mark.parametrize(
    "url, iso",
    [
        ("https://news.example.com/24/1030/15/ABCDEF12.html", "2024-10-30"),
        ("https://news.example.com/24/1345/15/ABCDEF12.html", None),
        ("https://news.example.com/24/1030/index.html", None),
    ],
)
def test_a_two_digit_year_in_the_url_counts_beside_its_hour(url, iso):
    assert date_in_url(url) == iso


@pytest.mark.parametrize(
    "head, published, kind, publisher",
    [
        ("2024-10-30 15:20 来源：中国新闻网 作者：某某", "2024-10-30", "state_media", "中国新闻网"),
        ("稿源：新华社 2024-10-30", "2024-10-30", "state_media", "新华社"),
        ("2024年10月30日 09:30  人民网", "2024-10-30", "state_media", None),
        ("2024-10-30 15:20 来源：某某晚报 作者：某某 责任编辑：某某某", "2024-10-30", "media", "某某晚报"),
        ("会议指出：2024年10月30日起全市实施新的产业扶持办法", None, "media", None),
    ],
)
def test_a_chinese_date_stamp_line_with_its_byline_fields(head, published, kind, publisher):
    m = meta("某省加快建设机器人产业集群\n" + head + "\n\n" + ZH_BODY, "https://portal.example.com/a/1.html")
    assert (m.published, m.source_type) == (published, kind)
    if publisher:
        assert m.publisher == publisher


@pytest.mark.parametrize(
    "opening, kind",
    [
        (
            "人民网南宁3月12日电 （记者 某某）3月11日，南宁市某产业园正式开园，首批企业入驻，园区运营良好。",
            "state_media",
        ),
        (
            "中新網烏魯木齊3月12日電 （記者 某某）新疆維吾爾自治區近日印發推進新型工業化實施方案，明確目標任務。",
            "state_media",
        ),
        ("央视网消息：某市今年以来工业增速加快，据人民网3月12日电力供应报道，企业生产平稳有序。", "media"),
    ],
)
def test_a_state_outlets_dateline_opening_the_story(opening, kind):
    assert meta("某市产业园开园\n" + opening, "https://www.example.com/a/1.html").source_type == kind


@pytest.mark.parametrize(
    "addressees, kind",
    [
        ("各市、县、区人民政府，省政府各部门、各直属机构：", "government"),
        ("各設區市人民政府，省政府各部門：", "government"),
        ("各位读者朋友们：", "media"),
    ],
)
def test_an_official_documents_addressees_make_a_repost_government(addressees, kind):
    text = (
        "某省关于推进制造业数字化转型的通知\n" + addressees + "\n"
        "为加快制造业数字化转型，推动企业上云用数赋智，各地要结合实际抓好落实，确保各项任务按期完成。\n"
    )
    assert meta(text, "https://www.example-wenku.com/doc/1.html").source_type == kind


@pytest.mark.parametrize(
    "line, iso",
    [
        ("更新时间：2024-03-13 发布时间：2024-03-12", "2024-03-12"),
        ("Updated: May 3, 2024 | Published: May 2, 2024", "2024-05-02"),
        ("Updated: May 3, 2024", "2024-05-03"),
        ("作者：某某 公開日期：2024-03-12 瀏覽：1", "2024-03-12"),
        ("发表日期：2024.3.12 作者：张三 阅读：5", "2024-03-12"),
    ],
)
def test_a_publication_label_beats_an_update_label_on_the_same_line(line, iso):
    from policylens.ingestion.dates import labelled_date

    assert labelled_date(line, "md") == iso


def test_a_portals_title_field_is_the_title_and_its_table_fields_are_not():
    text = (
        "索引号：11330000/2024-00012\n主题分类：工业\n体裁分类：通知\n发布机构：某省经信厅\n成文日期：2024-05-10\n"
        "标题：关于公布2024年度省级特色产业集群名单的通知\n各市经信局：\n"
        "根据有关认定管理办法，经评审和公示，现将2024年度省级特色产业集群名单予以公布，请各地加强指导服务。\n"
    )
    assert meta(text, "https://www.example.gov.cn/a/1.html").title == "关于公布2024年度省级特色产业集群名单的通知"


@pytest.mark.parametrize(
    "source, kind", [("來源：天山網", "state_media"), ("来源：荆楚网", "state_media"), ("来源：某某生活网", "media")]
)
def test_a_provinces_official_news_portal_is_state_media(source, kind):
    text = (
        "某市新材料产业园开园\n发布时间：2024-06-12 " + source + "\n"
        "6月10日，某市新材料产业园正式开园，首批入驻企业12家，总投资86亿元，园区规划面积5平方公里。\n"
    )
    assert meta(text, "https://www.example.com/a/1.html").source_type == kind


def test_the_visitors_date_in_a_portals_header_is_not_the_page_date():
    text = (
        "今天是：2025年11月20日 星期四\n某市印发制造业数字化转型实施方案\n"
        + "某市印发方案，提出培育智能工厂三十家，推动制造业数字化转型取得显著成效。"
    )
    m = meta(text, "http://www.example.gov.cn/zwgk/202403/t20240305_1.html")
    assert (m.published, m.title) == ("2024-03-05", "某市印发制造业数字化转型实施方案")
    assert meta(text, "http://www.example.gov.cn/zwgk/post_1.html").published is None


def test_a_day_before_a_letter_and_digit_article_id_in_a_url():
    assert date_in_url("https://news.example.com/rain/a/20240305A01ABC00") == "2024-03-05"


@pytest.mark.parametrize(
    "source",
    ["来源：工业和信息化部", "来源：某省工业和信息化厅网站", "来源：某市人民政府门户网站", "来源：国务院"],
)
def test_a_repost_from_a_ministry_or_a_government_website_is_government(source):
    text = "某市印发制造业数字化转型实施方案\n2024-03-05 10:21 " + source + "\n" + BODY
    assert meta(text, "https://www.example.com/a/1.html").source_type == "government"


def test_a_reposted_statistical_bulletin_is_government():
    text = "某市2023年国民经济和社会发展统计公报\n某市统计局  国家统计局某市调查队\n2024年3月5日\n" + BODY
    assert meta(text, "https://www.example.com/a/1.html").source_type == "government"


def test_a_headline_that_opens_with_its_reporting_period():
    text = "2024年1-2月全市工业经济运行情况\n发布日期：2024-03-18  来源：市统计局\n" + BODY
    m = meta(text)
    assert (m.title, m.published) == ("2024年1-2月全市工业经济运行情况", "2024-03-18")


@pytest.mark.parametrize("line", ["生效日期：2024-04-01", "报名截止时间：2024-03-20", "活动时间：2024年3月20日"])
def test_other_dates_a_page_states_are_not_its_date(line):
    assert date_of_line(line) is None
    assert meta("某市印发制造业数字化转型实施方案\n" + line + "\n" + BODY).published is None


@pytest.mark.parametrize("line", ["2024年3月5日，某项目开工现场", "（2024年3月5日摄）", "图为2024年3月5日拍摄的园区"])
def test_a_photo_caption_dates_the_picture_not_the_page(line):
    assert date_of_line(line) is None


def test_a_disclosure_table_saved_cell_by_cell():
    text = (
        "索引号：\n11530000MB1234567X/2024-00123\n发布机构：\n某省人民政府办公厅\n成文日期：\n2024年02月28日\n"
        "发布日期：\n2024年03月05日\n标题：\n某省人民政府办公厅关于印发某省制造业数字化转型实施方案的通知\n" + BODY
    )
    m = meta(text)
    assert (m.published, m.title) == ("2024-03-05", "某省人民政府办公厅关于印发某省制造业数字化转型实施方案的通知")


def test_the_bureau_under_a_bulletins_title_is_kept_and_publishes_it():
    page = split_page("2023年国民经济和社会发展统计公报\n某市统计局  国家统计局某市调查队\n2024年3月5日\n" + BODY)
    assert page.issuer == ["某市统计局  国家统计局某市调查队"]
    assert describe(page, "https://www.example.com/a/1.html").publisher == "某市统计局"


def _wider(answer: str | None, asked: list[str]):
    def search() -> str | None:
        asked.append("asked")
        return answer

    return search


@pytest.mark.parametrize(
    "top, wider, published",
    [
        ("Staff reporter\n\n", "2024-03-05", "2024-03-05"),  # nothing else dates the page
        ("Staff reporter\n\n", "2024-01-01", None),  # a year alone, filled in with 1 January, is no date
        ("March 2024\n\n", "2024-03-05", "2024-03-05"),  # an exact day refines the month
        ("March 2024\n\n", "2024-03-01", "2024-03"),  # the 1st is what a month alone is filled with
        ("March 2024\n\n", "2023-11-20", "2024-03"),  # a day outside the month the page shows loses
    ],
)
def test_the_wider_search_fills_in_only_what_the_page_does_not_say(top, wider, published):
    page = split_page(top + BODY)
    asked: list[str] = []
    assert describe(page, None, wider_date=_wider(wider, asked)).published == published
    assert asked == ["asked"]


def test_the_wider_search_is_not_run_when_the_page_gives_an_exact_day():
    asked: list[str] = []
    page = split_page("Jul 14, 2026\n\n" + BODY)
    assert describe(page, None, wider_date=_wider("2020-02-02", asked)).published == "2026-07-14"
    assert describe(split_page(BODY), None, published="2025-01-09", wider_date=_wider(None, asked)).published == (
        "2025-01-09"
    )
    assert asked == []


def test_the_source_name_stops_at_the_next_label_on_its_line():
    # "Source: X Font size: large medium small": a portal's field row, machine-translated
    line = "Release time: 2024-03-12 09:30 Source: Linyi Municipal Bureau of Statistics Font size: large medium small"
    assert meta(line + "\n\n" + BODY).publisher == "Linyi Municipal Bureau of Statistics"


@pytest.mark.parametrize(
    "head, title",
    [
        # a body's name printed above its release's headline is a masthead
        (
            "Ministry of Fisheries, Forestry and Rural Affairs\nPress Release\n\n"
            "Province to plant 2 million trees by 2030 under new forestry plan",
            "Province to plant 2 million trees by 2030 under new forestry plan",
        ),
        # a title abbreviation's full stop ends no sentence
        (
            "Office of the Governor\n\nGov. Alvarez Announces Orbis Pumps to Create 400 Jobs in Riverton",
            "Gov. Alvarez Announces Orbis Pumps to Create 400 Jobs in Riverton",
        ),
        # a release's serial number is furniture
        (
            "Press release No. 031/2026\n\nOrbis Pumps to build valve plant in Riverton",
            "Orbis Pumps to build valve plant in Riverton",
        ),
        # a portal's name above its menu, and a breadcrumb with long steps, are the site's, not the headline
        (
            "RIVERTON PROVINCE ELECTRONIC PORTAL\nHome | Introduction | News | Investment | Tourism\n"
            "Home > News > Economy - Investment\n\nRiverton hands investment certificates to four valve projects",
            "Riverton hands investment certificates to four valve projects",
        ),
        (
            "Office of Pumps and Valves Supply Chains\nHome » Office of Pumps and Valves Supply Chains » Articles\n\n"
            "Agency Finalizes $12 Million Award to Orbis Pumps",
            "Agency Finalizes $12 Million Award to Orbis Pumps",
        ),
        # a masthead-shaped headline with nothing after it is still the headline
        (
            "Ministry of Commerce Announces New Export Rules for Machine Tools",
            "Ministry of Commerce Announces New Export Rules for Machine Tools",
        ),
    ],
)
def test_the_headline_under_a_masthead(head, title):
    assert meta(head + "\n\n" + BODY).title == title


def test_a_work_report_is_dated_the_day_it_was_delivered_and_its_speaker_is_no_title():
    page = (
        "政府工作报告\n——2026 年 1 月 14 日在某市第十届人民代表大会第六次会议上\n某市人民政府市长　某某某\n各位代表：\n"
        + ZH_BODY
    )
    m = meta(page, "http://www.example.gov.cn/uploads/2026/01/20260120_zfgzbg.pdf")
    assert (m.title, m.published) == ("政府工作报告", "2026-01-14")
    assert "某市人民政府市长" in split_page(page).text(m.title_line)  # the body it speaks for stays citable


def test_a_wechat_accounts_call_to_follow_it_is_no_title():
    page = "某某经开区\n以下文章来源于某某发布\n点击蓝字 关注我们\n一天两大喜讯！某项目竣工投产\n" + ZH_BODY
    assert meta(page, "https://mp.weixin.qq.com/s/abc").title == "一天两大喜讯！某项目竣工投产"


@pytest.mark.parametrize(
    "head, title",
    [
        (
            "Bloomberg\nMarkets | Economics | Industries\n\nMost Read from Bloomberg\n"
            "- Nickel Slumps as Chinese Buyers Pull Back\n- Asia's Factories Brace for Another Slow Quarter\n\nMetals\n\n"
            "Indonesia Clears $2.1 Billion Alumina Refinery in Bauxite Push\n",
            "Indonesia Clears $2.1 Billion Alumina Refinery in Bauxite Push",
        ),
        (
            "REPUBLIC OF KENYA\nMINISTRY OF INVESTMENTS, TRADE AND INDUSTRY\nState Department for Industry\n\n"
            "PRESS RELEASE\n\nCS launches Kedong Valley Automotive Special Economic Zone, targets 10,000 electric buses\n",
            "CS launches Kedong Valley Automotive Special Economic Zone, targets 10,000 electric buses",
        ),
        (
            "Battery Industry Review\nHome › News › Europe\nTags: gigafactory, state aid, Czechia, LFP\n\n"
            "Brussels clears CZK 9.8bn Czech aid for Kadan gigafactory\n",
            "Brussels clears CZK 9.8bn Czech aid for Kadan gigafactory",
        ),
    ],
)
def test_no_list_item_capitals_letterhead_or_tag_line_is_the_headline(head, title):
    body = "The European Commission has approved the aid, ending a review that had dragged on for eleven months.\n"
    assert meta(head + "\n" + body * 3).title == title


@pytest.mark.parametrize(
    "head, kind",
    [
        # a body's masthead above its release's headline makes the page the body's, whatever its domain
        ("Office of the Governor\n\nGovernor Welcomes Orbis Pumps Valve Plant to Riverton", "government"),
        ("MINISTRY OF INVESTMENTS, TRADE AND INDUSTRY\n\nCS launches Riverton Valve Zone", "government"),
        # a headline that only names a body is a story about it
        ("Ministry of Commerce Announces New Export Rules for Machine Tools", "media"),
    ],
)
def test_a_bodys_masthead_makes_a_government_page(head, kind):
    assert meta(head + "\n\n" + BODY, "https://www.riverton-news.example.com/2026/05/story.html").source_type == kind


@pytest.mark.parametrize(
    "line", ["**Robot cluster approved**", "*Robot cluster approved*", "__Robot cluster approved__"]
)
def test_markdown_emphasis_around_a_headline_is_no_part_of_the_title(line):
    assert meta(line + "\n\n" + BODY).title == "Robot cluster approved"

"""How Chinese pages are written, read end to end on pages invented for these tests."""

from __future__ import annotations

import pytest

from policylens.extraction import extract
from policylens.ingestion import RawInput, read_document
from policylens.ingestion.clean import is_furniture
from policylens.model import Document


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


def test_a_year_written_with_a_space_as_pdfs_convert_it_still_dates_its_paragraph():
    text = "2024 年，全县规模以上工业增加值同比增长 7.2%，高于全市 1.1 个百分点。\n到 2026 年，全县规上工业企业力争达到 260 户。"
    document = Document(source="t.txt", text=text, published="2025-01-15", language="zh")
    found = {q.value: q for q in extract(document).quantities}
    assert found[7.2].as_of == 2024 and found[7.2].kind == "statistic"
    assert found[260].kind == "target" and found[260].deadline == 2026


def test_a_section_heading_naming_a_year_dates_the_figures_under_it():
    text = (
        "某县2025年政府工作报告\n\n"
        "一、2024年工作回顾\n"
        "过去一年，经济运行稳中有进。\n"
        "产业园区提质扩容，某县食品产业园产值达到86亿元，新入驻企业14家。\n"
        "二、2025年重点工作\n"
        "推进某县纺织产业园二期建设，力争新增规上工业企业20户。\n"
    )
    document = Document(source="t.txt", text=text, published="2025-02-20", language="zh")
    found = {q.value: q for q in extract(document).quantities}
    assert found[8.6e9].as_of == 2024 and found[14].as_of == 2024
    assert found[20].kind == "target" and found[20].deadline == 2025


def test_a_numbered_heading_just_above_the_first_paragraph_opens_the_body():
    page = (
        "某县人民政府\n"
        "2025年某县政府工作报告(摘要)\n"
        "发布时间:2025-02-20 来源:某县融媒体中心\n"
        "一、2024年工作回顾\n"
        "过去一年，全县地区生产总值完成312亿元、增长5.8%，规模以上工业增加值增长7.4%，经济运行稳中有进、稳中向好。\n"
    )
    document = read(page)
    assert "一、2024年工作回顾\n过去一年" in document.text


def test_the_signature_date_under_a_cover_notice_stays_in_the_text_and_dates_the_issuance():
    page = (
        "某市人民政府门户网站\n"
        "当前位置:首页 > 政务公开 > 通知公告\n"
        "某市商务局关于印发《某市外贸稳增长行动方案》的通知\n"
        "发布时间:2025-04-09 10:30 来源:某市商务局 字号:大 中 小 打印 关闭\n"
        "各区县商务主管部门:\n"
        "现将《某市外贸稳增长行动方案》印发给你们,请结合实际认真组织实施,确保各项任务落到实处。\n"
        "某市商务局\n"
        "2025年4月3日\n"
        "某市外贸稳增长行动方案\n"
        "为推动全市外贸稳规模、优结构,制定本方案。到2027年,全市外贸进出口总额力争突破800亿元。\n"
    )
    document = read(page)
    assert "\n2025年4月3日\n" in document.text
    assert document.published == "2025-04-09"
    [issuance] = [e for e in extract(document).events if e.type == "issuance"]
    assert issuance.date == "2025-04-03"


def test_recommended_links_close_the_article():
    body = "9月16日,某市电工电器产业园正式揭牌,首批入驻企业12家,协议投资总额达到36亿元,园区规划面积5.2平方公里。"
    page = f"某网 首页 > 园区 > 正文\n某市电工电器产业园揭牌\n{body}\n{body}\n相关推荐\n· 某地园区经济发展报告发布\n"
    document = read(page)
    assert "报告发布" not in document.text


def test_a_social_media_stamp_with_account_author_and_place_dates_the_page():
    # an account's post: its name (twice, as the account and the author), the day with the time, where it was posted
    for stamp in ("原创 某区融媒 某区融媒 2025年07月21日 19:05 浙江", "原创 某区融媒 2025-07-21 19:05 发表于浙江"):
        page = f"某区新材料产业园首批项目投产\n{stamp}\n7月20日，某区新材料产业园首批3个项目投产，总投资12亿元。\n"
        document = read(page, url="https://mp.weixin.qq.com/s/Zx9YwV8uT7")
        assert document.published == "2025-07-21", stamp
        assert document.title == "某区新材料产业园首批项目投产"
        assert stamp not in document.text
    # a sentence that states a day and a time is no stamp
    page = "某区新材料产业园首批项目投产\n据了解，某区融媒 2025年07月21日 19:05 报道，项目已投产。\n"
    assert read(page, url="https://mp.weixin.qq.com/s/Zx9YwV8uT7").published is None


def test_a_disclosure_tables_generated_date_is_the_pages_date():
    # the fields of a portal's disclosure table run on one line; 生成日期 is the day the page was put out
    page = (
        "索引号： 体裁分类： 发布机构： 某县统计局 生成日期： 2025-02-14\n"
        "2024年某县工业经济运行简况\n"
        "2024年，全县规上工业增加值增长6.1%，营业收入达到318亿元。\n"
    )
    assert read(page, url="http://www.example.gov.cn/a.html").published == "2025-02-14"
    page = page.replace("索引号： 体裁分类： 发布机构： 某县统计局 生成日期： 2025-02-14", "录入时间：2025-02-14 10:02")
    assert read(page, url="http://www.example.gov.cn/a.html").published == "2025-02-14"


def test_a_disclosure_tables_title_label_spaced_to_the_width_of_the_others_is_no_part_of_the_title():
    for label in ("标　　题：", "标 题：", "标  题:"):
        page = (
            "索 引 号：11370000MB0000000X/2025-00031\n"
            "发布机构：某县统计局\n"
            f"{label}2024年某县工业经济运行简况\n"
            "发布日期：2025-02-14\n"
            "2024年，全县规上工业增加值增长6.1%，营业收入达到318亿元。\n"
        )
        assert read(page, url="http://www.example.gov.cn/a.html").title == "2024年某县工业经济运行简况", label


def test_a_platform_accounts_kind_tells_the_source_type():
    story = "点击蓝字 关注我们\n某某齿轮项目竣工投产\n6月11日上午，渝驰齿轮传动有限公司新能源汽车齿轮项目正式竣工投产，总投资12亿元。\n"
    url = "https://mp.weixin.qq.com/s/Qn7xK2cVbR4t"
    # a park's or a bureau's account is the government's; a county media centre's is state media
    assert read("綦南经开区\n綦南经开区 2026年06月12日 18:30 重庆\n" + story, url=url).source_type == "government"
    assert read("原创 柯城融媒 柯城融媒 2026年06月12日 19:05 浙江\n" + story, url=url).source_type == "state_media"
    # any other account is an outlet of its own
    assert read("汽车零部件观察\n汽车零部件观察 2026年06月12日 18:30 重庆\n" + story, url=url).source_type == "media"


def test_a_government_accounts_story_gives_its_figures_to_whom_it_tells_of():
    # an official document's undated figures are its government's; a government account's story is a story
    page = (
        "綦南经开区\n綦南经开区 2026年06月12日 18:30 重庆\n点击蓝字 关注我们\n一天两大喜讯！齿轮项目竣工投产\n"
        "6月11日上午，渝驰齿轮传动有限公司新能源汽车齿轮项目正式竣工投产。渝驰齿轮传动有限公司是宜昌市重点企业。\n"
        "项目总投资12亿元，达产后可实现年产值18亿元。全市今年新增规上工业企业14家。\n"
    )
    subjects = {q.text: q.subject for q in extract(read(page, url="https://mp.weixin.qq.com/s/Qn7xK2")).quantities}
    assert subjects["12亿元"] == "渝驰齿轮传动有限公司" and subjects["14家"] == "宜昌市"


def test_the_day_a_document_was_written_does_not_date_the_page_its_url_dates():
    page = (
        "索引号：000014349/2026-00123\n发布机构：自治区工业和信息化厅\n成文日期：2026年03月16日\n"
        "自治区工业和信息化厅关于印发某某产业集群培育行动计划（2026—2030年）的通知\n"
        "各设区市工业和信息化局：\n现将《某某产业集群培育行动计划（2026—2030年）》印发给你们，请认真贯彻执行。\n"
    )
    assert read(page, url="http://gxt.gxzf.gov.cn/zwgk/t20260320_123.shtml").published == "2026-03-20"
    # with nothing else to date it, the day it was written does
    assert read(page, url="http://gxt.gxzf.gov.cn/zwgk/123.shtml").published == "2026-03-16"


def test_a_notices_signature_date_does_not_date_the_page_its_url_dates():
    page = (
        "关于公布2026年度市级专精特新中小企业名单的通知\n"
        "各县（市、区）工业和信息化局：\n经企业申报、专家评审，现将2026年度市级专精特新中小企业名单予以公布。\n"
        "市工业和信息化局\n2026年3月16日\n"
    )
    assert read(page, url="http://gxj.example.gov.cn/tzgg/202603/t20260320_1.html").published == "2026-03-20"
    assert read(page, url="http://gxj.example.gov.cn/tzgg/1.html").published == "2026-03-16"


def test_a_traditional_pages_site_name_after_its_headline_is_no_part_of_the_title():
    page = (
        "新疆昌吉：硅基新材料集群產值創新高 - 香港商報網\n2026-06-12 10:21 來源：新疆日報\n"
        "今年1至8月，昌吉州硅基新材料產業集群實現產值286.5億元，同比增長20.6%。\n"
    )
    assert (
        read(page, url="https://www.hkcd.com/content/2026/06/12/content_1.html").title
        == "新疆昌吉：硅基新材料集群產值創新高"
    )


def test_a_sites_name_and_section_after_the_headline_are_no_part_of_the_title():
    body = "2026-06-12 来源：三峡日报\n今年1至5月，宜昌市磷化工产业集群实现产值520亿元，同比增长12.3%。\n"
    url = "http://www.example.gov.cn/zwgk/1.html"
    for line in (
        "宜昌磷化工产业集群加速转型升级--经济·科技--人民网",
        "宜昌磷化工产业集群加速转型升级_政务动态_宜昌市人民政府",
        "宜昌磷化工产业集群加速转型升级——宜昌市人民政府",
    ):
        assert read(line + "\n" + body, url=url).title == "宜昌磷化工产业集群加速转型升级", line
    # a subtitle set off by a dash names no site
    line = "磷化工产业集群加速成势——访宜昌市政府负责人"
    assert read(line + "\n" + body, url=url).title == line


def test_a_disclosure_tables_name_field_gives_the_title_without_its_label():
    for label in ("名　　称：", "信息名称："):
        page = f"{label}宜昌市磷化工产业集群培育行动计划\n发布日期：2026-06-12\n到2027年，全市磷化工产业集群产值力争突破1000亿元。\n"
        assert read(page, url="http://www.example.gov.cn/zwgk/2.html").title == "宜昌市磷化工产业集群培育行动计划", (
            label
        )


@pytest.mark.parametrize("word", ["园区", "产业园"])
def test_a_clause_opening_with_the_parks_word_speaks_of_the_park_last_named(word):
    page = (
        "宜昌磷化工产业园加快发展\n2026-06-12 来源：三峡日报\n"
        "近日，记者走进宜昌磷化工产业园，多个项目正在加紧建设。\n"
        f"今年1—5月，{word}实现规上工业产值216.4亿元，同比增长11.2%。\n"
    )
    subjects = {q.text: q.subject for q in extract(read(page, url="http://www.example.com/a.html")).quantities}
    assert subjects["216.4亿元"] == "宜昌磷化工产业园"


def test_a_clause_opening_with_xiangmu_gives_the_project_to_the_company_building_it():
    page = (
        "渝驰齿轮项目竣工投产\n2026-06-12 来源：綦江日报\n"
        "6月11日上午，重庆渝驰齿轮传动有限公司新能源汽车齿轮项目在綦江区正式竣工投产。\n"
        "项目总投资12亿元，建成智能化生产线3条。\n"
    )
    subjects = {q.text: q.subject for q in extract(read(page, url="http://www.example.com/a.html")).quantities}
    assert subjects["12亿元"] == "重庆渝驰齿轮传动有限公司"
    # with no company named, a project's figure is read as any clause's
    page = page.replace("重庆渝驰齿轮传动有限公司", "")
    subjects = {q.text: q.subject for q in extract(read(page, url="http://www.example.com/a.html")).quantities}
    assert subjects["12亿元"] is not None


def test_a_bare_gongsi_opening_a_clause_is_the_company_the_page_is_about():
    page = (
        "营口镁睿新材料股份有限公司新项目投产\n2026-08-21 来源：公司新闻\n"
        "8月20日，营口镁睿新材料股份有限公司年产3万吨镁合金项目一期投产。营口镁睿新材料股份有限公司总经理表示，产品供不应求。\n"
        "上月，公司全资子公司镁睿新材（上海）国际贸易有限公司在上海完成注册。\n"
        "今年1—7月，公司实现营业收入19.7亿元，同比增长23.6%。\n"
    )
    subjects = {q.text: q.subject for q in extract(read(page, url="http://www.example.com/a.html")).quantities}
    assert subjects["19.7亿元"] == "营口镁睿新材料股份有限公司"


def test_a_county_media_centres_news_site_on_its_governments_domain_is_state_media():
    story = (
        "首页 > 新闻中心 > 本地要闻\n我县集中签约项目21个 协议总投资126.8亿元\n"
        "来源：某县融媒体中心　发布时间：2026-05-27 09:12\n"
        "5月26日上午，某县2026年第二批重大项目集中签约暨开工活动举行，现场集中签约项目21个，协议总投资126.8亿元。\n"
    )
    url = "http://www.example.gov.cn/rmt/xwzx/202605/t20260527_1.html"
    assert read("来安新闻网\n" + story, url=url).source_type == "state_media"
    # the government's own portal
    assert read("来安县人民政府\n" + story, url=url).source_type == "government"

"""Chinese quantities: kind, comparator, change, deadline, as_of, annual and metric from how plans and reports write them."""

import pytest

from policylens.extraction.text import TextIndex
from policylens.extraction.zh.entities import find_entities
from policylens.extraction.zh.quantities import find_quantities
from policylens.model import Document


def read(text, published="2024-03-01", title=None):
    doc = Document(source="t.txt", text=text, published=published, title=title, language="zh")
    out = find_quantities(doc, TextIndex(text), [])
    for q in out:
        assert text[q.start : q.end] == q.text
    return out


def one(text, **kw):
    found = read(text, **kw)
    assert len(found) == 1, [(q.text, q.value) for q in found]
    return found[0]


def test_target_with_deadline_and_comparator():
    q = one("到2026年，全市新能源汽车产量力争达到50万辆以上。")
    assert (q.kind, q.value, q.unit, q.comparator, q.deadline) == ("target", 500000, "count", ">", 2026)
    assert q.text == "50万辆以上"


def test_statistic_with_year_and_change():
    q = one("2023年，全区外贸进出口总额同比增长7.5%。")
    assert (q.kind, q.value, q.unit, q.change, q.as_of, q.deadline) == ("statistic", 7.5, "%", "increase", 2023, None)


def test_decrease():
    q = one("单位工业增加值能耗累计下降16%。")
    assert (q.change, q.value) == ("decrease", 16)


def test_a_net_change_in_a_count():
    # "净增" / "净减": the net rise or fall of a count since a date, as statistical releases write it
    assert one("截至9月末，规上工业企业比上年末净增103家。").change == "increase"
    assert one("全市规上工业企业较年初净减5家。").change == "decrease"


def test_comparators_before_the_number():
    assert one("招引项目超过120个。").comparator == ">"
    assert one("研发投入不低于3%。").comparator == ">="
    assert one("新增就业约2万人。").comparator == "~"
    assert one("已建成园区逾30个。").comparator == ">"
    assert one("营业收入突破800亿元。").comparator == ">"
    assert one("新增用地不超过500亩。").comparator == "<="


def test_comparators_after_the_number():
    assert one("到2027年，培育专精特新企业200家左右。").comparator == "~"
    assert one("到2027年，培育专精特新企业200家以上。").comparator == ">"
    # a page converted from PDF may wrap the line between the figure and its comparator
    q = one("规模以上工业增加值增长 6.5%\n左右，")
    assert (q.comparator, q.text) == ("~", "6.5%\n左右")


def test_kind_cues():
    assert one("该企业预计年产值可达30亿元。", published=None).kind == "target"
    assert one("去年全市已建成5G基站1200个。", published=None).kind == "statistic"
    assert one("园区计划总投资80亿元。", published=None).kind == "target"
    assert one("截至目前，累计引进企业46家。", published=None).kind == "statistic"


def test_plan_document_commits_to_what_it_lists():
    text = "为加快发展，制定本行动计划。\n培育省级以上创新平台40家。"
    assert one(text).kind == "target"
    report = "为加快发展，全市持续发力。\n培育省级以上创新平台40家。"
    assert one(report).kind == "statistic"


def test_paragraph_opening_deadline_governs_its_list():
    text = "到2028年，全省目标如下：建成数字工厂300个；培育链主企业50家。"
    found = read(text)
    assert [(q.value, q.kind, q.deadline) for q in found] == [(300, "target", 2028), (50, "target", 2028)]


def test_plan_period_in_title_sets_deadline():
    text = "各县区培育特色产业集群12个。"
    q = one(text, title="某省特色产业集群培育工作方案（2024—2026年）")
    assert (q.kind, q.deadline) == ("target", 2026)


def test_five_year_plan_end():
    q = one("“十四五”期末，全市高新技术企业力争达到3000家。")
    assert q.deadline == 2025


def test_relative_period_counts_from_page_year():
    q = one("未来三年，全市将新建标准厂房100万平方米。", published="2024-05-01")
    assert (q.deadline, q.unit, q.value) == (2027, "m2", 1000000)


def test_annual():
    assert one("规上工业增加值年均增长6%。").annual is True
    assert one("每年新增高新技术企业100家以上。").annual is True
    assert one("全市规上工业企业达到3100家。").annual is False
    # the 年 of a year named ("当年新增", "全年新增") counts that year's new firms, no rate per year
    assert one("其中当年新增3家。").annual is False
    # a project's yearly tax or throughput ("达产后年纳税超过3亿元", "年加工玉米30万吨"): per year
    assert one("项目达产后年纳税超过3亿元。").annual is True
    assert one("项目建成后可年加工玉米30万吨。").annual is True
    assert one("全年新增规上工业企业112户。").annual is False


def test_range_and_percentage_points():
    q = one("到2027年，争创3—5个国家级集群。")
    assert (q.value, q.value_max, q.comparator) == (3, 5, "=")
    q = one("数字经济占比每年提高1个百分点。")
    assert (q.unit, q.change, q.annual) == ("pp", "increase", True)


def test_as_of_from_document_opening_year():
    text = "2022年1-12月，全市工业运行平稳。\n其中，电子信息产业增加值增长9.2%。"
    found = read(text, published=None)
    assert [(q.value, q.as_of) for q in found] == [(9.2, 2022)]


def test_baseline():
    q = one("2023年，全市工业投资比2020年增长35%。")
    assert (q.change, q.baseline) == ("increase", 2020)


def test_metric_is_what_is_measured():
    assert one("全市规模以上工业企业达到3100家。").metric == "规模以上工业企业"
    assert one("培育10个千亿级产业集群。").metric == "千亿级产业集群"
    # the currency named before the figure ("为人民币1亿5000万元") is no part of what is measured
    assert one("合同总金额为人民币1亿5000万元。").metric == "合同总金额"


def test_years_and_dates_are_not_quantities():
    assert read("2024年10月30日，某市召开2024年度工作会议。") == []


def test_reporting_months_take_the_page_year():
    found = read("1-2月全省规模以上工业增加值同比增长6.8%。", published="2024-03-15")
    assert [(q.value, q.as_of) for q in found] == [(6.8, 2024)]
    found = read("1-12月全省规模以上工业增加值同比增长5.1%。", published="2024-01-20")
    assert [(q.value, q.as_of) for q in found] == [(5.1, 2023)]


def test_years_relative_to_the_page():
    found = read("去年全市地区生产总值增长6.2%。今年主要预期目标是：地区生产总值增长6%左右。", published="2025-01-20")
    assert [(q.value, q.kind, q.as_of, q.deadline) for q in found] == [
        (6.2, "statistic", 2024, None),
        (6, "target", None, 2025),
    ]


def test_a_share_of_a_plan_is_still_a_report():
    found = read("一季度已完成投资76亿元，占全年计划投资的12%。", published="2024-04-20")
    assert [(q.value, q.kind) for q in found] == [(7.6e9, "statistic"), (12, "statistic")]


def test_a_future_year_outweighs_a_weak_report_word():
    found = read("2025-2027年，全市计划新增标准厂房100万平方米，其中2025年完成30%。", published="2024-11-01")
    assert [(q.value, q.kind, q.deadline) for q in found] == [(1000000, "target", 2027), (30, "target", 2025)]


def test_year_then_word_is_not_a_per_year_cue():
    q = one("2023年产业规模突破500亿元。", published="2024-06-18")
    assert (q.annual, q.kind, q.as_of) == (False, "statistic", 2023)


def test_one_figure_for_each_listed_measure():
    found = read("全市规上工业产值、营收均超过1.5万亿。", published=None)
    assert [(q.metric, q.value, q.comparator) for q in found] == [("规上工业产值", 1.5e12, ">"), ("营收", 1.5e12, ">")]


def test_the_sentence_before_sets_the_year():
    found = read("报告显示，2023年集团营业收入达到3718亿元；利润总额267亿元，增长6.2%。", published="2024-04-10")
    assert [(q.value, q.as_of) for q in found] == [(3.718e11, 2023), (2.67e10, 2023), (6.2, 2023)]


def test_a_city_page_does_not_lend_its_figures_to_the_province_it_names():
    from policylens.extraction.zh.entities import find_entities

    text = (
        "山东省近日部署工作，山东省各地积极响应，山东省将持续推进。\n"
        "济宁市统计局发布数据。今年全市完成投资76.8亿元，全市项目进展顺利。"
    )
    doc = Document(source="t.txt", text=text, published="2024-03-01", language="zh")
    index = TextIndex(text)
    [q] = find_quantities(doc, index, find_entities(doc, index))
    assert q.subject == "济宁市"


def test_spaced_amount_keeps_its_comparator():
    q = one("全省数字经济核心产业营收超 9 万亿元。")
    assert (q.value, q.unit, q.comparator, q.text) == (9e12, "CNY", ">", "超 9 万亿元")


PLAN_WITH_GOALS = (
    "某市推动制造业发展的通知\n一、总体要求\n坚持创新驱动。\n二、主要目标\n"
    "到2027年，全市制造业实现高质量发展：\n"
    "——产业规模持续壮大。规模以上工业营业收入突破1.5万亿元。\n"
    "——创新能力显著增强。新增专精特新企业50家。\n"
    "三、重点任务\n（一）壮大集群。目前全市已有产业集群12个。"
)


def test_goals_listed_under_a_goal_heading_take_its_deadline():
    found = {q.text: q for q in read(PLAN_WITH_GOALS)}
    assert (found["突破1.5万亿元"].kind, found["突破1.5万亿元"].deadline) == ("target", 2027)
    assert (found["50家"].kind, found["50家"].deadline) == ("target", 2027)
    assert found["12个"].kind == "statistic"  # the next heading ends the goals


def test_a_lead_in_with_a_deadline_and_a_colon_governs_the_list_after_it():
    text = "工作开展情况。\n到2026年，实现以下目标：\n1.新建5G基站3000个。\n2.培育龙头企业20家。\n（二）保障措施\n现有企业100家。"
    found = {q.text: q for q in read(text)}
    assert [(found[t].kind, found[t].deadline) for t in ("3000个", "20家")] == [("target", 2026)] * 2
    assert found["100家"].kind == "statistic"


def test_a_report_on_goals_is_not_a_goal_heading():
    text = "2023年工作总结\n一、目标任务完成情况\n全市规上工业增加值增长6.5%，新增高新技术企业200家。"
    assert {q.kind for q in read(text, published="2024-01-20")} == {"statistic"}


def test_reporting_periods_without_a_year_take_the_pages():
    assert one("开头。\n前三季度，全省完成固定资产投资3000亿元。", published="2024-10-25").as_of == 2024
    assert one("开头。\n截至6月底，全市累计培育专精特新企业500家。", published="2024-07-20").as_of == 2024
    assert one("开头。\n1-11月，全市规上工业增加值同比增长6%。", published="2025-01-10").as_of == 2024
    assert one("开头。\n上半年，全市规上工业增加值同比增长7.2%。", published="2024-03-10").as_of == 2023


def test_a_name_inside_a_clause_is_not_the_figures_subject():
    from policylens.extraction.zh.entities import find_entities

    text = (
        "潍坊市工业经济稳步发展，潍坊市制造业基础雄厚。\n"
        "潍坊市规上工业企业达1459家，部分产品市场占有率排在全球、亚洲前3。\n"
        "2023年，青岛市规上工业企业超过5000家。"
    )
    doc = Document(source="t.txt", text=text, published="2024-03-01", language="zh")
    index = TextIndex(text)
    found = {q.text: q.subject for q in find_quantities(doc, index, find_entities(doc, index))}
    assert found["1459家"] == "潍坊市"
    assert found["排在全球、亚洲前3"] == "潍坊市"
    assert found["超过5000家"] == "青岛市"  # opening its clause after a year


def test_a_goal_heading_opening_its_paragraph_governs_the_list_after_it():
    text = (
        "一、总体要求\n（二）发展目标。到2025年，全市制造业综合实力显著增强。\n"
        "——规模效益。规上工业增加值年均增长7%。\n二、重点任务\n（一）培育集群。现有集群8个。"
    )
    found = {q.text: q for q in read(text)}
    assert (found["7%"].kind, found["7%"].deadline) == ("target", 2025)
    assert found["8个"].kind == "statistic"


def test_list_items_after_a_paragraph_opening_with_a_deadline_share_it():
    text = (
        "工作开展情况。\n到2025年，全市数字经济发展水平明显提升。\n——数字经济核心产业增加值达到800亿元。\n"
        "——新建5G基站5000个。\n现有企业100家。"
    )
    found = {q.text: q for q in read(text)}
    assert [(found[t].kind, found[t].deadline) for t in ("800亿元", "5000个")] == [("target", 2025)] * 2
    assert found["100家"].kind == "statistic"


def test_a_baseline_year_is_neither_the_deadline_nor_the_date():
    q = one("开头。\n到2025年，全市工业增加值比2020年增长50%。", published=None)
    assert (q.kind, q.deadline, q.baseline) == ("target", 2025, 2020)
    q = one("开头。\n2023年，全市工业增加值较2022年增长8%。", published="2024-02-01")
    assert (q.kind, q.as_of, q.baseline) == ("statistic", 2023, 2022)


def test_a_deadline_year_in_chinese_numerals():
    q = one("到二〇二六年，全县规模以上工业产值突破800亿元。")
    assert (q.kind, q.deadline) == ("target", 2026)


def test_a_span_of_years_after_its_count_runs_from_the_page_year():
    assert (
        one("力争用三年时间，全区培育专精特新企业120家。").deadline,
        one("五年内，全区数字经济规模达到600亿元。").deadline,
    ) == (2027, 2029)
    q = one("近三年内，全区累计培育专精特新企业120家。")
    assert (q.kind, q.deadline) == ("statistic", None)


def test_the_end_of_the_plan_period_is_the_period_in_its_title():
    q = one("到规划期末，全市集成电路产业规模达到300亿元。", title="某市集成电路产业发展规划（2024—2028年）")
    assert (q.kind, q.deadline) == ("target", 2028)


def subjects(text, title=None, publisher=None, url=None):
    from policylens.extraction.zh.entities import find_entities

    doc = Document(
        source="t.txt", text=text, published="2024-03-01", title=title, publisher=publisher, url=url, language="zh"
    )
    index = TextIndex(text)
    return [(q.text, q.subject) for q in find_quantities(doc, index, find_entities(doc, index))]


def test_the_pages_own_place_is_named_by_its_title_or_issuer():
    body = "全市规模以上工业增加值增长5.2%。"
    assert subjects(body, title="2023年柳州市工业经济运行情况") == [("5.2%", "柳州市")]
    assert subjects(body, publisher="柳州市统计局") == [("5.2%", "柳州市")]
    assert subjects("柳州市统计局\n\n" + body) == [("5.2%", "柳州市")]
    # a title naming only a place of another level says nothing of 全市
    assert subjects(body, title="广西壮族自治区工业经济运行情况") == [("5.2%", None)]


def test_a_government_portal_names_its_own_place_in_pinyin():
    body = "承接青岛市产业体系，培育胶州市现代化产业体系。\n全市地区生产总值增长5.6%。"
    assert subjects(body, url="http://www.jiaozhou.gov.cn/html/1.htm") == [("5.6%", "胶州市")]
    # the city above, named more often, is the page's own only when nothing else says: not on Jiaozhou's portal
    assert subjects(body)[0][1] != "胶州市"
    # only a government portal's host counts, and only a place the page names
    assert subjects(body, url="http://jiaozhou.example.com/1.htm") == subjects(body)
    assert subjects(body, url="http://www.weifang.gov.cn/1.htm") == subjects(body)


def test_whole_of_the_place_after_another_place_named_is_the_pages_own_again():
    text = (
        "2023年柳州市工业经济运行情况\n\n南宁市工业增加值增长3%，南宁市利润增长2%，南宁市营收增长1%。\n全市利润增长4%。"
    )
    assert subjects(text)[-1] == ("4%", "柳州市")


def test_each_place_of_a_list_owns_the_figure_of_its_item():
    found = subjects("2023年柳州市工业经济运行情况\n\n全市工业增加值增长5%，其中鱼峰区增长7%、柳南区增长4%。")
    assert found == [("5%", "柳州市"), ("7%", "鱼峰区"), ("4%", "柳南区")]
    # places listed before one figure do not own it
    assert subjects("柳州市某产品市场占有率排在广西、云南前3。")[-1][1] == "柳州市"


def test_a_plan_period_written_with_a_full_width_hyphen():
    q = one("全市数字经济核心产业增加值突破900亿元。", title="某市数字经济发展行动方案（2024－2026年）")
    assert (q.kind, q.deadline) == ("target", 2026)


def test_a_five_year_plan_in_corner_brackets():
    q = one("到「十四五」期末，全區規模以上工業增加值達到1000億元。")
    assert (q.kind, q.deadline) == ("target", 2025)


def subjects_of(text, source_type=None, title=None):
    from policylens.extraction.zh.entities import find_entities

    doc = Document(
        source="t.txt", text=text, published="2024-03-01", title=title, language="zh", source_type=source_type
    )
    index = TextIndex(text)
    return {q.text: q.subject for q in find_quantities(doc, index, find_entities(doc, index))}


def test_whole_province_speaks_for_the_province_the_page_names_not_a_city_before_it():
    # neither title nor issuer names the province; the cities named first are given tasks, not 全省's figures
    text = (
        "近日，省政府办公厅印发新能源汽车产业发展方案。昆明市、曲靖市要发挥带动作用，曲靖市建设电池基地。\n"
        "方案提出，到2026年，全省新能源汽车产量达到50万辆，云南省电池产业规模突破2000亿元。"
    )
    found = subjects_of(text, source_type="government")
    assert found["50万辆"] == "云南省"


def test_whole_region_with_no_place_of_its_level_named_is_nobodys_rather_than_a_citys():
    text = "5月17日，自治区工业和信息化厅在南宁召开推进会。会议通报，今年以来全区新签约工业项目320个。"
    assert subjects_of(text, source_type="government")["320个"] is None


def test_a_verb_of_intent_before_the_whole_place_still_opens_the_clause():
    text = (
        "某省制造业发展方案\n\n昆明市建设新材料基地。会议要求，力争全年全省工业投资增长10%以上，"
        "云南省数字经济规模突破1000亿元。"
    )
    assert subjects_of(text, source_type="government")["10%以上"] == "云南省"


def test_a_media_page_about_a_city_keeps_the_city_for_figures_naming_nobody():
    text = (
        "青岛虚拟现实产业观察\n青岛市虚拟现实产业加快发展，青岛市聚集企业300余家，青岛市营收增长24%。"
        "山东省出台了支持政策，全省相关产业规模扩大。\n新引进项目40个。"
    )
    assert subjects_of(text, source_type="media", title="青岛虚拟现实产业观察")["40个"] == "青岛市"


def test_traditional_whole_province_after_simplification():
    from policylens.extraction import extract

    text = "近日，省政府印發發展方案。昆明市建設電池基地。到2026年，全省新能源汽車產量達到50萬輛，雲南省產業規模突破2000億元。"
    doc = Document(source="t.txt", text=text, published="2024-03-01", language="zh", source_type="government")
    found = {q.text: q.subject for q in extract(doc).quantities}
    assert found["50萬輛"] in ("雲南省", "云南省")


def test_by_the_end_of_the_year_is_the_pages_year():
    q = one("年底前，全省完成技术改造投资500亿元。", published="2024-03-01")
    assert (q.kind, q.deadline) == ("target", 2024)
    q = one("全市年内建成新型储能电站12座。", published="2023-05-10")
    assert (q.kind, q.deadline) == ("target", 2023)
    # "三年内" counts three years from the page's year, not this year
    q = one("力争三年内培育龍頭企業20家。", published="2023-05-10")
    assert q.deadline == 2026
    # ... but in a plan for three years it is the plan's own three years, due at the period's end
    title = "某省盐湖锂产业链高质量发展实施方案（2026—2028年）"
    q = one("三年内新增查明碳酸锂资源量200万吨以上。", published="2026-04-10", title=title)
    assert q.deadline == 2028
    # already done within the year: a statistic, no deadline
    q = one("年内已完成技术改造投资80亿元。", published="2023-05-10")
    assert (q.kind, q.deadline) == ("statistic", None)


def test_this_company_or_this_park_is_the_last_one_named():
    text = (
        "某市新材料产业园开园\n青岛经济技术开发区新材料产业园正式开园。某某新材料有限公司是龙头企业。"
        "该公司去年实现营业收入25亿元。该园区已入驻企业18家。"
    )
    found = subjects_of(text, source_type="media")
    assert found["25亿元"] == "某某新材料有限公司"
    assert found["18家"] == "青岛经济技术开发区新材料产业园"
    # "该公司" with no company named before it is nobody known, not the page's place
    assert subjects_of("青岛市工业稳步增长。\n该公司营收增长12%。", source_type="media")["12%"] is None


def test_a_goal_on_a_page_about_its_own_year_is_due_that_year():
    text = "今年全市经济工作总体要求已经明确。\n主要预期目标：地区生产总值增长6%左右，城镇新增就业1.5万人。"
    found = {q.text: q for q in read(text, published="2024-01-20")}
    assert (found["6%左右"].kind, found["6%左右"].deadline) == ("target", 2024)
    # a project's designed size is due at no year
    text = "今年全市重点项目加快推进。\n该项目规划面积约200亩，计划年产新材料5万吨。"
    found = {q.text: q for q in read(text, published="2024-01-20")}
    assert found["约200亩"].deadline is None
    # a page that also sets a later deadline leaves a goal without its own year undated
    text = "今年全市印发行动方案，到2027年建成先进制造业强市。\n方案提出：规上工业增加值年均增长8%。"
    found = {q.text: q for q in read(text, published="2024-01-20")}
    assert found["8%"].deadline is None


def test_this_county_refers_to_the_last_place_named():
    text = "柳州市新能源产业发展良好。鹿寨县引进电池项目3个。该县规模以上工业增加值增长8%。"
    assert subjects(text, title="柳州市某产业发展情况")[-1] == ("8%", "鹿寨县")


def test_figures_read_with_respectively_go_to_the_names_listed_in_order():
    found = subjects("一季度，成都、绵阳、德阳分别增长7.2%、8.1%和5.5%。")
    assert found == [("7.2%", "成都"), ("8.1%", "绵阳"), ("5.5%", "德阳")]
    # a list that does not pair up with the figures assigns nothing by position: the clause's opening name owns both
    assert subjects("成都、绵阳、德阳三市分别增长7.2%和8.1%。") == [("7.2%", "成都"), ("8.1%", "成都")]


def test_a_five_year_plan_that_has_ended_reports_facts():
    q = one("“十三五”期间，全省累计建成5G基站8.6万个。", published="2024-03-05")
    assert (q.kind, q.as_of, q.deadline) == ("statistic", 2020, None)
    q = one("到“十四五”期末，全省5G基站达到12万个。", published="2024-03-05")
    assert (q.kind, q.deadline) == ("target", 2025)


def test_a_clauses_own_deadline_does_not_govern_the_next_paragraph():
    text = (
        "一、主要目标\n到2026年，全省数字化转型取得显著成效。\n"
        "——产业规模。软件业务收入年均增长12%，力争“十四五”末达到3000亿元。\n"
        "——企业培育。累计培育专精特新企业不少于300家。"
    )
    deadlines = {q.text: q.deadline for q in read(text, published="2024-03-05")}
    assert deadlines == {"12%": 2026, "3000亿元": 2025, "不少于300家": 2026}


def test_the_company_a_report_speaks_of_as_gongsi():
    text = "柳州市加快发展工程机械产业。柳州市的某某重工集团股份有限公司发布年度报告。报告显示，2023年公司实现营业收入512亿元。"
    assert subjects(text) == [("512亿元", "某某重工集团股份有限公司")]


def test_a_plan_that_sets_a_figure_does_not_own_it():
    # the province the plan is named for owns its goals; a campaign counting its own items keeps them
    assert subjects("湖北省“十四五”制造业发展规划提出，到2025年制造业增加值占比达到30%。") == [("30%", "湖北省")]
    found = subjects("湖北省中小企业特色产业集群培育行动提出，到2027年培育国家级特色产业集群30个。")
    assert found == [("30个", "湖北省中小企业特色产业集群培育行动")]


def test_a_sentence_opening_with_a_past_day_reports_what_happened_even_on_a_plans_page():
    text = "近日，某省印发《某省新能源装备产业发展行动方案（2024—2026年）》。\n3月4日，某新能源装备产业园开园，12个项目集中签约。"
    q = one(text, published="2024-03-05", title="某省印发新能源装备产业发展行动方案")
    assert (q.kind, q.as_of, q.deadline) == ("statistic", 2024, None)
    # the day a figure was told is not what the figure describes
    q = one("3月4日，某省工信厅在新闻发布会上介绍，全省累计培育单项冠军235家。", published="2024-03-05")
    assert q.as_of is None


def test_a_bulletins_figures_belong_to_the_place_of_the_bureau_that_issues_it():
    body = "初步核算，全年全市地区生产总值4038.7亿元，比上年增长6.8%。"
    found = subjects(body, title="2023年国民经济和社会发展统计公报", publisher="绵阳市统计局")
    assert [s for _, s in found] == ["绵阳市", "绵阳市"]


def test_about_before_a_share_verb_bounds_the_share_after_it():
    q = one("去年,全县光伏装机约占全县电力装机的47%。", published="2025-03-01")
    assert q.comparator == "~" and q.value == 47
    q = one("去年,外资企业约占全区进出口总额的三成。", published="2025-03-01")
    assert q.comparator == "~" and q.value == 30 and q.unit == "%"


def test_a_cue_inside_a_word_that_only_contains_it_sets_no_kind():
    # 拟 ("plans to") inside 虚拟/模拟 says nothing of the future
    q = one("崂山区汇聚了全国约70%的虚拟现实科研力量。", published="2022-09-23")
    assert q.kind == "statistic"


def test_the_owner_and_its_modal_are_not_the_metric_and_a_development_zone_owns_its_figures():
    text = "签约项目中，京衡绿能科技有限公司将投资12.6亿元。今年1—5月，綦南经开区实现规上工业产值216.4亿元。"
    doc = Document(source="t.txt", text=text, published="2026-06-12", language="zh")
    index = TextIndex(text)
    found = find_quantities(doc, index, find_entities(doc, index))
    assert [(q.value, q.metric) for q in found][0] == (1.26e9, "投资")
    assert found[0].subject == "京衡绿能科技有限公司"
    assert found[1].subject == "綦南经开区"


def test_negative_growth_is_a_fall_of_that_much_whichever_way_it_is_written():
    found = read("全市规模以上工业增加值增长-4.2%，固定资产投资增长负0.8%，出口负增长2.3%。")
    assert [(q.value, q.change, q.metric) for q in found] == [
        (4.2, "decrease", "规模以上工业增加值"),
        (0.8, "decrease", "固定资产投资"),
        (2.3, "decrease", "出口"),
    ]
    assert [q.text for q in found] == ["-4.2%", "负0.8%", "2.3%"]  # the sign stays in what is quoted


def test_an_amount_at_the_very_start_takes_no_sign_from_the_page_end():
    found = read("10%的企业实现增长-")
    assert [(q.text, q.value) for q in found] == [("10%", 10)]


def test_a_designed_size_makes_targets_of_its_own_sentence_only():
    # a project named by what it will produce ("年产5万吨…项目") or its output once running ("达产后…") is a design;
    # the sentence after it, reporting what the project cost, states a fact
    for opening in (
        "7月14日，某公司年产5万吨锂电铜箔项目竣工投产。",
        "7月14日，某公司新基地竣工投产，达产后年产值约40亿元。",
    ):
        found = read(opening + "项目总投资36亿元，新增就业岗位600个。", published="2026-07-15")
        kinds = {q.text: q.kind for q in found}
        assert kinds["36亿元"] == "statistic" and kinds["600个"] == "statistic", kinds
        assert all(kind == "target" for text, kind in kinds.items() if text in ("5万吨", "约40亿元")), kinds


def test_a_goal_for_the_whole_year_is_due_at_the_end_of_the_pages_year():
    q = one("下一步，全区将紧盯目标，全年工业产值力争突破520亿元。", published="2026-06-12")
    assert (q.kind, q.deadline) == ("target", 2026)
    # a year reported whole is a fact, and keeps no deadline
    q = one("去年全年，全区实现工业产值480亿元。", published="2026-06-12")
    assert (q.kind, q.deadline, q.as_of) == ("statistic", None, 2025)


def test_an_estimate_of_a_year_that_has_ended_is_that_years_figure():
    text = (
        "政府工作报告\n一、2024年工作回顾\n过去一年，全县经济稳中有进。预计全县地区生产总值完成412.6亿元、增长5.2%。\n"
        "二、2025年主要目标\n预计全县地区生产总值增长5.5%左右。"
    )
    found = read(text, published="2025-01-20")
    assert [(q.value, q.kind, q.as_of, q.deadline) for q in found] == [
        (pytest.approx(4.126e10), "statistic", 2024, None),
        (5.2, "statistic", 2024, None),
        (5.5, "target", None, 2025),
    ]


def test_the_size_of_a_class_of_projects_counted_is_no_projects_designed_size():
    found = read("本次集中签约项目12个，总投资86.5亿元，其中投资超10亿元项目3个，涵盖高端纺织等领域。")
    assert {q.text: q.kind for q in found}["超10亿元"] == "statistic"
    found = read("现场集中签约项目21个，协议总投资126.8亿元，其中10亿元以上项目4个；同步开工项目9个。")
    assert {q.text: q.kind for q in found}["10亿元以上"] == "statistic"
    # a project named by its size is still what it will make
    assert one("某公司将建设年产2万吨锂电材料项目。").kind == "target"


def test_a_notices_proposed_designation_counts_what_it_lists():
    q = one("经企业申报、专家评审，拟认定南通恒泰精工机械有限公司等153家企业为2026年度南通市专精特新中小企业。")
    assert (q.kind, q.value) == ("statistic", 153)
    # a plan's intent is still a goal
    assert one("全市拟新建5G基站1500个。").kind == "target"


def test_a_clause_that_opens_on_the_past_sets_no_goal():
    # "过去客户要跑到珠三角找配套": what had to be done then; the share reached now is a fact
    text = "“过去客户要跑到珠三角找配套，现在半小时车程内就能买齐，本地配套率从两成提高到了四成五。”"
    assert one(text).kind == "statistic"
    # a goal said now still is one
    assert one("现在客户要在半小时车程内买齐配套，本地配套率要提高到六成。").kind == "target"


def test_a_day_after_a_short_aside_dates_what_the_sentence_reports():
    # on a page about a plan to 2028, "值得一提的是，3月16日，…" reports what happened that day
    text = "到2028年，全市低空经济产业规模力争突破300亿元。\n值得一提的是，3月16日，某产业园揭牌，首批12家企业集中签约入驻，协议总投资68亿元。"
    q = read(text, published="2026-03-17")[-1]
    assert (q.value, q.kind, q.deadline, q.as_of) == (6.8e9, "statistic", None, 2026)


def test_this_year_after_a_goal_word_is_the_goals_year():
    q = one("县委书记在讲话中要求，确保今年签约项目开工率达到80%以上。", published="2026-05-18")
    assert (q.kind, q.deadline, q.as_of) == ("target", 2026, None)
    # this year told with no goal word reports a fact
    q = one("今年签约项目开工率达到80%以上。", published="2026-05-18")
    assert (q.kind, q.as_of) == ("statistic", 2026)


def test_the_work_set_out_for_the_year_ahead_is_goals():
    text = (
        "一、2024年工作回顾\n全年完成技改投资120亿元。\n"
        "二、2025年重点工作\n实施“千企改造”工程，全年完成技改投资150亿元；新建5G基站1500个。"
    )
    found = read(text, published="2025-02-14")
    assert [(q.value, q.kind, q.deadline) for q in found] == [
        (1.2e10, "statistic", None),
        (1.5e10, "target", 2025),
        (1500, "target", 2025),
    ]


def test_a_size_after_completion_is_due_at_no_year():
    text = "某项目计划总投资15.8亿元，预计2027年底建成投产，达产后年产值可达40亿元。"
    q = [q for q in read(text, published="2026-06-12") if q.value == 4e9][0]
    assert (q.kind, q.deadline) == ("target", None)
    # the year the project is to be done by still dates a figure told before the completion
    q = one("预计2027年底前完成投资15.8亿元。", published="2026-06-12")
    assert (q.kind, q.deadline) == ("target", 2027)


def test_a_forecast_speaks_of_its_own_sentence_only():
    text = "项目全部达产后，预计年产值约26亿元。依托项目，公司镁合金产品综合能耗较传统工艺降低三成左右。"
    found = read(text, published="2026-08-21")
    assert [(q.value, q.kind) for q in found][-1] == (30, "statistic")


def test_a_change_after_a_reckoning_clause_measures_the_figure_before_it():
    text = "前三季度，全市实现地区生产总值4216.37亿元，按不变价格计算，同比增长6.1%。"
    q = [q for q in read(text, published="2026-10-23") if q.unit == "%"][0]
    assert "地区生产总值" in q.metric


def test_a_rank_is_named_by_what_is_ranked_and_where_in_the_texts_words():
    def rank_metric(text):
        return [q.metric for q in read(text, published="2026-10-23") if q.unit == "rank"]

    assert rank_metric("全市地区生产总值同比增长6.1%，增速居全省第2位。") == ["增速居全省"]
    assert rank_metric("规模以上工业企业营业收入达到1.34万亿元，总量居全国第17位。") == ["总量居全国"]
    # with no words of its own before the verb, the rank is named by the verb and its scope, never by a clause before
    assert rank_metric("全省规模以上工业增加值同比增长6.8%，增速高于全国平均水平1.1个百分点，居全国第9位。") == [
        "居全国"
    ]


def test_the_figure_before_a_change_is_no_part_of_its_metric():
    # a figure spaced as a PDF or release writes it, with a unit of four characters or a rate's slash
    found = read("主要产品中，发电量 753.6 亿千瓦时，增长2.7%。", published="2026-10-23")
    assert [q.metric for q in found if q.unit == "%"] == ["发电量"]
    found = read("公司锂电铜箔总产能达到12万吨/年，同比增长50%。", published="2026-10-23")
    assert [q.metric for q in found if q.unit == "%"] == ["公司锂电铜箔总产能"]


def test_a_capacity_a_year_is_named_by_what_is_made():
    def capacity(text):
        return [q.metric for q in read(text, published="2026-06-12") if q.unit not in ("CNY", "%")]

    assert capacity("某公司年产20万吨再生铝及深加工项目计划总投资15.8亿元。") == ["再生铝"]
    assert capacity("某公司一体化压铸项目达产后可年产压铸件60万套。") == ["年产压铸件"]
    assert capacity("某公司年产5万吨高性能锂电铜箔项目竣工投产。") == ["高性能锂电铜箔"]
    # a project named at its clause's end is what the size is of
    assert capacity("某公司年产48万锭色纺纱项目，已开工。") == ["色纺纱项目"]
    # a value made a year, or the output of one, is no capacity
    [q] = read("项目达产后年产值约30亿元。", published="2026-06-12")
    assert q.metric != "年产值约"
    [q] = read("到2027年全市新能源汽车年产量将达到百万辆。", published="2026-06-12")
    assert q.metric == "新能源汽车年产量"


def test_an_owners_name_opening_the_words_before_a_figure_is_no_part_of_its_metric():
    text = "到2027年，胶州市机床产业产值达到200亿元。"
    doc = Document(source="t.txt", text=text, published="2026-03-12", language="zh")
    index = TextIndex(text)
    [q] = find_quantities(doc, index, find_entities(doc, index))
    assert q.metric == "机床产业产值"


def test_a_firm_named_after_what_it_is_owns_the_figure():
    text = "文章开头。\n其中，港资企业恒港基建有限公司将投资12亿港元。"
    doc = Document(source="t.txt", text=text, published="2026-09-18", language="zh")
    index = TextIndex(text)
    [q] = find_quantities(doc, index, find_entities(doc, index))
    assert q.subject == "恒港基建有限公司"


def test_a_period_since_last_year_runs_to_the_pages_year():
    q = one("企业负责人介绍，去年以来企业累计招用本地员工1010人。", published="2026-05-27")
    assert q.as_of == 2026
    q = one("去年企业招用本地员工1010人。", published="2026-05-27")
    assert q.as_of == 2025


def test_a_period_up_to_now_is_no_deadline():
    # "今年以来": what has been done so far; a planned size told of it ("计划总投资") is due at no year
    found = read("今年以来，集群新增投资项目23个，计划总投资超过90亿元。", published="2026-08-14")
    assert [(q.value, q.deadline) for q in found] == [(23, None), (9e9, None)]


def test_the_year_before_the_one_told_dates_its_figure():
    found = read("过去一年，规模以上工业增加值增长7.1%，扭转了上年负增长2.3%的局面。", published="2026-01-14")
    assert [(q.value, q.as_of) for q in found] == [(7.1, 2025), (2.3, 2024)]
    # compared with the year before, the figure is still of the year told
    found = read("过去一年，规模以上工业增加值比上年增长7.1%。", published="2026-01-14")
    assert [(q.value, q.as_of) for q in found] == [(7.1, 2025)]


def test_a_goal_before_an_offer_in_its_paragraph_does_not_make_the_offer_due():
    text = "下一步，力争到2026年底全市规上工业企业数字化转型覆盖率达到75%。对新认定的智能工厂示范企业，市级财政给予一次性奖励50万元。"
    found = read(text, published="2026-06-09")
    assert [(q.value, q.kind, q.deadline) for q in found] == [(75, "target", 2026), (500000, "target", None)]


def test_a_sites_planned_size_is_due_at_no_year_its_paragraph_gives():
    text = "根据培育方案，到2027年，集群产值将达到500亿元。园区规划面积12.8平方公里，首期开发3.2平方公里。"
    found = read(text, published="2025-09-17")
    assert [(q.value, q.deadline) for q in found] == [(5e10, 2027), (12.8, None), (3.2, None)]
    # a share of the region's output is no site ("占地区生产总值比重")
    text = "到2027年，全区规上工业总产值力争达到1.8万亿元。制造业增加值占地区生产总值比重较2025年提高1.5个百分点。"
    assert [q.deadline for q in read(text, published="2026-03-20")] == [2027, 2027]


def test_a_support_measure_is_named_by_who_qualifies():
    text = "对新认定的省级专精特新中小企业，市财政给予一次性奖励20万元；对新认定的省级智能工厂，给予最高不超过100万元的奖励。"
    found = read(text, published="2026-07-03")
    assert [q.metric for q in found] == ["新认定的省级专精特新中小企业", "新认定的省级智能工厂"]
    # a rate told before the offer word keeps the words before it
    [q] = read("对新建项目按设备投资额的10%给予补助。", published="2026-04-10")
    assert q.metric and "设备投资额" in q.metric


def test_a_change_against_a_year_after_a_figure_is_of_that_figures_measure():
    found = read("到2028年，铝精深加工转化率达到80%，较2025年提高15个百分点。", published="2026-03-12")
    assert [q.metric for q in found] == ["铝精深加工转化率", "铝精深加工转化率"]


def test_a_compound_measure_word_counts_as_one():
    [q] = read("到2028年，低空飞行器年飞行量达到50万架次。", published="2026-03-17")
    assert (q.text.endswith("50万架次"), q.value, q.unit, q.metric) == (True, 500000, "count", "低空飞行器年飞行量")
    found = read("年接待游客120万人次。", published="2026-03-17")
    assert [(q.value, q.metric) for q in found] == [(1200000, "年接待游客")]


def test_the_three_sectors_of_an_economy_are_no_count_of_three():
    found = read("三次产业结构调整为8.2:37.7:54.1。全市连续三次获评国家产融合作试点城市。")
    # the three sectors name no count; the three times the city was named are one
    assert [(q.text, q.value, q.start > 20) for q in found if q.unit == "count"] == [("三次", 3, True)]


def test_a_sum_without_yuan_before_zhichi_is_no_count_of_zhi():
    found = read("市财政每年拿出3000万支持企业技术改造，组建专业技术团队30支。")
    # 支持 ("to support") after a sum is no measure word: the sum is not 30 million of something counted
    assert [(q.text, q.value, q.unit) for q in found if q.unit == "count"] == [("30支", 30, "count")]


def test_reaching_more_than_a_figure_is_more_than_it():
    assert one("全市规模以上工业企业达到4300余家。").comparator == ">"
    assert one("全市规模以上工业企业达到4300家。").comparator == "="


def test_progress_against_a_plan_is_a_fact():
    assert one("目前，一期工程完成年度计划的65%。").kind == "statistic"
    found = read("上半年，全市工业投资增速达到12.5%，高于预期目标5个百分点。", published="2024-08-01")
    assert [(q.text, q.kind) for q in found] == [("12.5%", "statistic"), ("5个百分点", "statistic")]
    # a goal said of the plan is still a goal
    assert one("力争全年完成年度计划的110%。").kind == "target"


def test_duo_opening_a_word_after_the_unit_is_no_more_than():
    q = one("该公司建设年产30万吨多晶硅项目。")
    assert (q.text, q.comparator) == ("30万吨", "=")
    assert one("全市有企业300家多。").comparator == ">"


def test_the_clause_before_gives_its_measure_without_its_chinese_numeral():
    found = read("全州新增高新技术企业两百三十家，累计达到一千零五十家。")
    assert [(q.value, q.metric) for q in found] == [(230, "全州新增高新技术企业"), (1050, "全州新增高新技术企业")]


def test_an_autonomous_prefectures_zhou_is_no_part_of_the_measure():
    from policylens.extraction import extract

    text = "今年1—8月，昌吉州规模以上工业增加值同比增长8.6%。"
    [q] = extract(Document(source="t.txt", text=text, published="2026-09-18", language="zh")).quantities
    # the subject by the short form every longer name of the prefecture holds
    assert (q.metric, q.subject) == ("规模以上工业增加值", "昌吉")


def test_yue_ending_a_word_is_no_about():
    assert one("全市签约5亿元。").comparator == "="
    assert one("某公司签约金额约5亿元。").comparator == "~"

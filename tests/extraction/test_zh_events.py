"""Chinese events: trigger words by type, dates read against the page's date, goals and headings are not events."""

from policylens.extraction.text import TextIndex
from policylens.extraction.zh.entities import find_entities
from policylens.extraction.zh.events import find_events
from policylens.model import Document


def events(text, published="2024-11-05", title=None):
    doc = Document(source="t.txt", text=text, published=published, title=title, language="zh")
    index = TextIndex(text)
    found = find_events(doc, index, find_entities(doc, index))
    for e in found:
        assert text[e.start : e.end] == e.text
    return found


def test_issuance_with_actor_and_page_date_for_the_opening_sentence():
    [e] = events("烟台市人民政府办公室印发《烟台市工业互联网发展实施方案》。")
    assert (e.type, e.actor, e.date, e.approximate) == ("issuance", "烟台市人民政府办公室", "2024-11-05", True)


def test_month_day_takes_the_page_year():
    found = events("文章开头。\n10月28日，龙口生物医药产业园正式开园。")
    assert [(e.type, e.date) for e in found] == [("launch", "2024-10-28")]


def test_month_day_after_the_page_date_is_last_year():
    found = events("文章开头。\n12月20日，某项目正式开工。", published="2024-03-01")
    assert [(e.type, e.date) for e in found] == [("launch", "2023-12-20")]


def test_types():
    text = (
        "2024年6月，省政府批复同意设立某高新区。某新材料项目签约落地。某工厂首台整机下线。"
        "某研究院揭牌成立。某集群入选国家级名单。"
    )
    types = [e.type for e in events(text)]
    assert types == ["approval", "investment", "production", "establishment", "approval"]


def test_publishing_a_list_is_an_approval():
    [e] = events("文章开头。\n日前，省工业和信息化厅公布了2024年度特色产业集群名单。")
    assert e.type == "approval"
    assert e.date == "2024-11-05" and e.approximate


def test_goals_headings_and_ceremonies_are_not_events():
    assert events("文章开头。\n到2027年，力争新开工项目100个。") == []
    assert events("文章开头。\n（一）5个项目投产。") == []
    assert events("文章开头。\n新闻发布会在市政府举行。") == []


def test_same_day_takes_the_date_told_before():
    found = events("文章开头。\n9月10日，某区重大项目集中签约仪式举行。当天，某创新中心揭牌成立。")
    assert [(e.type, e.date) for e in found] == [("investment", "2024-09-10"), ("establishment", "2024-09-10")]


def test_last_year_is_relative_to_the_page():
    found = events("文章开头。\n据了解，该项目一期已于去年建成投产。")
    assert [(e.type, e.date) for e in found] == [("production", "2023")]


def test_a_relative_year_in_a_clause_of_its_own_dates_the_month_after_it():
    # the month has come by the page's date: without the 去年 it would be read as this year's
    found = events("文章开头。\n去年11月，某经济技术开发区获批国家级经济技术开发区。", published="2023-11-22")
    assert [(e.type, e.date, e.date_text) for e in found] == [("approval", "2022-11", "去年11月")]
    found = events("文章开头。\n今年3月，某市召开全市制造业高质量发展大会。", published="2024-06-12")
    assert [(e.type, e.date) for e in found] == [("other", "2024-03")]


def test_a_plan_period_is_not_an_event_date():
    found = events("某市印发《某市行动方案（2024—2026年）》。", published="2024-05-20")
    assert [e.date for e in found] == ["2024-05-20"]


def test_the_notice_formula_issues():
    [e] = events("各区市：\n现将《某市制造业数字化转型实施方案》印发给你们，请认真贯彻执行。", published="2024-05-20")
    assert e.type == "issuance"


def test_nouns_built_on_trigger_words_are_not_events():
    assert events("文章开头。\n企业自成立以来发展迅速，开工率保持在90%，启动资金已到位。") == []


def test_an_issuance_named_with_its_document_after_de():
    found = events("文章开头。\n今年5月印发的《某市数字产业发展行动计划》明确了方向。")
    assert [(e.type, e.date) for e in found] == [("issuance", "2024-05")]
    assert events("文章开头。\n印发的通知要求各地落实。") == []


def test_an_ellipsis_ends_the_goal_before_it():
    found = events("文章开头。\n将我省建设成为制造强省……近日，某省人民政府印发《某省制造业行动计划》。")
    assert [e.type for e in found] == ["issuance"]


def test_the_occasion_just_described_dates_what_happens_at_it():
    found = events(
        "文章开头。\n8月28日，某市重点项目推介会举行。\n活动期间，全市集中签约35个项目。", published="2024-09-02"
    )
    assert ("investment", "2024-08-28") in [(e.type, e.date) for e in found]


def test_a_first_time_milestone_is_an_achievement():
    found = events("文章开头。\n去年，全市规上工业营业收入首次突破万亿元。")
    assert [(e.type, e.date) for e in found] == [("achievement", "2023")]


def test_the_public_release_line_of_a_notice_is_no_event():
    assert events("文章开头。\n某市人民政府\n2024年3月1日\n（此件公开发布）") == []


def test_a_trigger_inside_a_quoted_occasion_names_it():
    found = events("文章开头。\n8月28日，“某市重点项目集中签约仪式”在某酒店举办。会上，5个项目成功签约。")
    assert [e.text for e in found] == ["5个项目成功签约"]


def test_a_plan_named_as_the_ground_of_a_clause_is_no_issuance():
    assert events("文章开头。\n根据市政府印发的《某市数字经济行动方案》，各区县加快推进产业发展。") == []
    assert events("文章开头。\n为贯彻落实省政府印发的《某省制造业行动计划》，现提出如下意见。") == []
    [e] = events("文章开头。\n3月5日，市政府印发的《某市数字经济行动方案》明确了重点任务。")
    assert (e.type, e.date) == ("issuance", "2024-03-05")


def test_a_ground_that_dates_its_plan_reports_the_issuance():
    # "根据某市今年4月印发的《…》": the plan's own date told, as in "今年5月印发的《…》提出"
    [e] = events("文章开头。\n根据市政府今年3月印发的《某市数字经济行动方案》，各区县加快推进产业发展。")
    assert (e.type, e.date) == ("issuance", "2024-03")


def test_an_issuance_of_nothing_named_is_no_event():
    assert events("文章开头。\n近年来，该省出台了一系列扶持政策，产业加快发展。") == []
    assert [e.type for e in events("文章开头。\n近日，该省出台了《某产业扶持办法》。")] == ["issuance"]


def test_the_reposted_headline_line_reports_nothing():
    found = events("原标题：某市新材料产业园开园\n\n5月8日，某市新材料产业园正式开园。")
    assert [(e.type, e.date) for e in found] == [("launch", "2024-05-08")]


def test_a_header_label_is_no_issuance():
    assert events("某区经济运行情况\n\n发布机构：区统计局  发布日期：2024-10-30\n\n全区经济平稳运行。") == []


def test_yesterday_and_today_count_back_from_the_page_date():
    found = events("文章开头。\n昨天，某汽车工厂首台新车下线。今天上午，某产业园正式开园。", published="2024-03-01")
    assert [(e.type, e.date, e.approximate) for e in found] == [
        ("production", "2024-02-29", False),
        ("launch", "2024-03-01", False),
    ]


def test_plants_put_into_operation_and_zones_passing_inspection():
    found = events("文章开头。\n6月18日，某光伏电站全容量并网发电。\n某综合保税区顺利通过国家验收。")
    assert [(e.type, e.date) for e in found] == [("production", "2024-06-18"), ("approval", None)]
    assert events("文章开头。\n冷库、锅炉房已投入使用。") == []


def test_a_clause_that_says_it_is_done_reports_despite_a_plan_before_it():
    found = events("文章开头。\n按照计划，该项目已于5月建成投产。")
    assert [(e.type, e.date) for e in found] == [("production", "2024-05")]
    found = events("文章开头。\n该项目计划总投资50亿元，已于3月开工建设。")
    assert [(e.type, e.date) for e in found] == [("launch", "2024-03")]
    assert events("文章开头。\n该项目计划明年投产，将成功带动就业。") == []


def test_since_it_started_is_a_measure_not_a_start():
    assert events("文章开头。\n截至目前，该项目自开工累计完成投资12亿元。") == []


def test_a_trigger_inside_an_occasion_in_corner_brackets_names_it():
    assert events("文章开头。\n「某市重点项目集中签约仪式」在某地举办。") == []


def test_the_name_opening_the_clause_acts_not_the_place_where():
    [e] = events("文章开头。\n6月5日，陕西省人民政府与某某集团有限公司在西安签署战略合作协议。")
    assert (e.type, e.actor, e.date) == ("other", "陕西省人民政府", "2024-06-05")


def test_a_body_named_after_from_or_at_is_no_actor():
    found = events("文章开头。\n记者从省工业和信息化厅获悉，近日共有5家企业入选国家级名单。")
    assert [(e.type, e.actor) for e in found] == [("approval", None)]


def test_signing_written_as_qianding_in_either_script():
    [e] = events("文章开头。\n4月9日，长沙经济技术开发区与某某股份有限公司签订投资协议。")
    assert (e.type, e.date) == ("investment", "2024-04-09")
    from policylens.extraction import extract

    text = "文章開頭。\n4月9日，長沙經濟技術開發區與某某股份有限公司簽訂投資協議。"
    [e] = extract(Document(source="t.txt", text=text, published="2024-11-05", language="zh")).events
    assert (e.type, e.date, e.text) == ("investment", "2024-04-09", text[11:35])


def test_a_plan_named_before_its_verb_was_issued_not_planned():
    # the 计划 and 目标 in a document's name do not make the clause look ahead
    [e] = events("文章开头。\n近日，《某市先进制造业强市建设行动计划》正式印发。")
    assert (e.type, e.actor, e.object) == ("issuance", None, "《某市先进制造业强市建设行动计划》")
    [e] = events("文章开头。\n近日，《青岛市产业发展远景目标纲要》正式印发。")
    assert e.actor is None  # the city inside the document's name did not issue it


def test_the_document_speaking_of_itself_is_no_issuance():
    assert events("文章开头。\n根据《某某规划纲要》，制定本规划。") == []


def test_firms_drafting_standards_issue_no_policy():
    assert events("文章开头。\n集群内企业累计主导制定国际标准3项，参与制定行业标准12项。") == []


def test_a_product_brought_out_is_production_not_issuance():
    [e] = events("文章开头。\n5月8日，某某纺织有限公司推出了多款功能性面料新产品。")
    assert (e.type, e.date) == ("production", "2024-05-08")


def test_after_it_starts_production_is_a_condition_not_the_event():
    assert events("文章开头。\n该项目建成投产后，预计年产值可达50亿元。") == []
    [e] = events("文章开头。\n项目一期已于去年竣工投产，二期正在加快建设。")
    assert (e.type, e.date) == ("production", "2023")


def test_more_ways_of_designating_breaking_ground_and_trial_runs():
    found = events(
        "文章开头。\n3月2日，某某集群被评定为省级特色产业集群。\n4月8日，某某新材料项目破土动工。\n"
        "5月6日，某某储能电站一期试运行。"
    )
    assert [(e.type, e.date) for e in found] == [
        ("approval", "2024-03-02"),
        ("launch", "2024-04-08"),
        ("production", "2024-05-06"),
    ]


def test_a_gathering_held_is_an_event_but_a_press_briefing_is_not():
    found = events(
        "文章开头。\n3月8日，第五届某某装备制造业博览会在某某国际会展中心开幕。2月28日，某市召开全市制造业发展大会。"
    )
    assert [(e.type, e.date) for e in found] == [("other", "2024-03-08"), ("other", "2024-02-28")]
    assert events("文章开头。\n3月8日，某市召开新闻发布会。") == []
    assert events("文章开头。\n3月8日，某区举行仪式。") == []  # no gathering named


def test_rankings_and_honours():
    found = events("文章开头。\n某区在2024年百强区榜单中位列第18位。某园区荣获“国家绿色工业园区”称号。")
    assert [e.type for e in found] == ["achievement", "approval"]


def test_words_that_only_contain_a_future_cue_do_not_look_ahead():
    # 虚拟 holds 拟 ("intends to"), 模拟 too: the conference was held, not planned
    [e] = events("文章开头。\n9月22日，某某虚拟仿真技术博览会在某市举行。")
    assert (e.type, e.date) == ("other", "2024-09-22")


def test_a_plans_own_undated_tasks_are_not_events():
    text = (
        "为加快培育先进制造业集群，制定本方案。\n"
        "（一）建设创新平台。支持龙头企业组建产业联盟，设立集群发展促进机构。\n"
        "（二）完善政策。设立专项资金，开通审批绿色通道。"
    )
    assert events(text, published="2024-03-05") == []


def test_what_a_plan_says_as_reported_is_not_an_event():
    text = (
        "近日，某省印发《某省集群培育行动方案》。\n"
        "《方案》明确了重点任务。一是建设创新平台，设立集群发展促进机构。二是开通项目审批绿色通道。"
    )
    found = events(text, published="2024-03-08")
    assert [(e.type, e.date) for e in found] == [("issuance", "2024-03-08")]


def test_standing_tasks_are_not_events():
    assert events("文章开头。\n省工信厅每年认定一批省级先进制造业集群，定期举办集群发展大会。") == []


def test_an_occasion_named_first_takes_the_day_written_after_it():
    [e] = events("文章开头。\n某市重点项目集中签约仪式于3月5日在某地举行。")
    assert (e.type, e.date) == ("investment", "2024-03-05")
    # a month inside a document's name is no date (and an issuance told with none is no event)
    assert events("文章开头。\n某市印发《2023年12月工作要点》。") == []


def test_a_cover_notice_is_dated_by_its_signature():
    text = (
        "某省商务厅关于印发《某省跨境电商高质量发展行动方案》的通知\n"
        "各设区市商务局:\n"
        "现将《某省跨境电商高质量发展行动方案》印发给你们,请认真组织实施。\n"
        "某省商务厅\n"
        "2024年9月3日\n"
        "一、主要目标\n"
    )
    title = "某省商务厅关于印发《某省跨境电商高质量发展行动方案》的通知"
    found = [e for e in events(text, published="2024-09-10", title=title) if e.type == "issuance"]
    assert [(e.date, e.approximate) for e in found] == [("2024-09-03", False)]


def test_a_section_heading_naming_a_past_year_dates_its_events():
    text = (
        "某县2025年政府工作报告\n"
        "一、2024年工作回顾\n"
        "某县食品产业集群成功入选省级特色产业集群。\n"
        "某县纺织产业园二期建成投产。\n"
        "二、2025年重点工作\n"
        "推动某县物流园开工建设。\n"
    )
    found = events(text, published="2025-02-20")
    assert [(e.type, e.date) for e in found][:2] == [("approval", "2024"), ("production", "2024")]
    assert all(e.date is None for e in found[2:])  # this year's work is no report of that year


def test_a_plaque_unveiled_launches_and_a_body_set_up_is_established():
    text = "文章开头。\n5月8日,某市智能装备产业园在某区揭牌。\n同日,某市智能装备产业园管委会揭牌,某市储能产业联盟成立。"
    found = events(text, published="2025-05-09")
    assert [e.type for e in found] == ["launch", "launch", "establishment"]
    # told as set up ("揭牌成立"), the body is established
    assert [e.type for e in events("文章开头。\n5月8日,某创新中心揭牌成立。", published="2025-05-09")] == [
        "establishment"
    ]


def test_a_cooperation_agreement_is_other_and_a_projects_total_investment_no_event():
    [e] = events("文章开头。\n4月9日，某市工业和信息化局与某研究院签署合作协议。")
    assert (e.type, e.date) == ("other", "2024-04-09")
    assert events("文章开头。\n该项目总投资8.6亿元，建成后年产值12亿元。") == []


def test_a_running_total_and_a_reference_to_signed_projects_are_no_events():
    assert events("文章开头。\n全省累计开通5G基站9.6万个。") == []
    text = "文章开头。\n5月20日,某市集中签约项目12个。据悉,签约项目中,某公司将投资45亿元建设电池项目。"
    assert [e.text for e in events(text, published="2025-05-21")] == ["某市集中签约项目12个"]


def test_who_builds_a_project_is_no_investment_made():
    text = (
        "文章开头。\n该基地由某某控股集团投资建设，总投资12亿元。\n5月8日，由于需求旺盛，某新材料项目在本区签约落户。"
    )
    assert [(e.type, e.date) for e in events(text)] == [("investment", "2024-05-08")]


def test_what_a_goal_section_lists_is_to_be_done_not_an_event():
    plan = (
        "二、目标路径\n（一）工作目标\n新增落户创投风投机构20家\n组建产投工作领导小组，推进资源共享\n"
        "（二）工作进展\n3月5日，某产业园正式开园。"
    )
    # the section ends at the next heading of its rank: what follows it reports again
    assert [(e.type, e.text) for e in events(plan)] == [("launch", "某产业园正式开园")]


def test_a_rank_told_with_its_scope_between_verb_and_place():
    text = (
        "文章开头。\n去年，某区在全省营商环境评价中排名全省第三。\n某县位居2024年全国百强县第12位。\n"
        "在日前发布的某城市发展指数中，某市位列地级市第9位。"
    )
    assert [e.type for e in events(text, published="2024-05-10")] == ["achievement"] * 3
    # an edition or a batch numbered after the verb is no place in a ranking
    assert events("文章开头。\n某市排名靠前的企业入选第五批名单。")[0].type == "approval"


def test_the_rank_of_a_measure_is_a_statistic_not_an_achievement():
    text = (
        "文章开头。\n全市工业营业收入1.2万亿元，总量居全国第 17 位。\n全市汽车产量位居全国城市第5位。\n"
        "两家企业的主要产品市场占有率位列全国前三。\n两项数量分别居全国第二、第一位。"
    )
    assert events(text) == []
    # a count of what was achieved, ranked in the clause after it, is a ranking reached
    found = events("文章开头。\n截至去年底，全省累计培育单项冠军企业120家，居全国首位。")
    assert [e.type for e in found] == ["achievement"]


def test_entering_a_ranking_is_an_achievement_entering_a_list_an_approval():
    found = events(
        "文章开头。\n去年，某县跻身全国工业百强县。\n某集群入选国家级中小企业特色产业集群名单。\n"
        "今年上半年，全市工业产值创历史新高。"
    )
    assert [e.type for e in found] == ["achievement", "approval", "achievement"]


def test_working_meetings_held_are_gatherings():
    [e] = events("文章开头。\n6月上旬，某市召开全市制造业高质量发展推进会。", published="2024-06-20")
    assert (e.type, e.date) == ("other", "2024-06")
    [e] = events("文章开头。\n5月8日，某区举办民营企业家座谈会。", published="2024-06-20")
    assert (e.type, e.date) == ("other", "2024-05-08")


def test_last_month_and_this_month_count_from_the_page_date():
    [e] = events("文章开头。\n上月，某市集中签约重大项目28个。", published="2024-01-20")
    assert (e.type, e.date, e.date_text) == ("investment", "2023-12", "上月")
    [e] = events("文章开头。\n本月，某储能电站全容量并网。", published="2024-06-20")
    assert e.date == "2024-06"


def test_a_year_naming_the_occasion_gives_way_to_the_day_the_page_says():
    [e] = events("文章开头。\n某地日前举行2025年第一季度重大项目集中开工活动。", published="2025-01-20")
    assert (e.type, e.date, e.approximate) == ("launch", "2025-01-20", True)
    [e] = events("文章开头。\n上月，某市举办2024年重点项目推介会。", published="2024-06-20")
    assert e.date == "2024-05"


def test_an_occasion_named_in_the_sentence_dates_it_rather_than_the_one_before():
    text = "文章开头。\n9月10日，某市重点项目推介会举行。\n在10月8日召开的某产业大会上，某产业联盟宣告成立。"
    found = events(text, published="2024-11-01")
    assert [(e.type, e.date) for e in found] == [("other", "2024-09-10"), ("establishment", "2024-10-08")]


def test_a_notice_printing_its_plan_before_the_signature_is_dated_by_it():
    title = "某市发展和改革委员会关于印发《某市产业集群培育行动计划》的通知"
    text = (
        title + "\n各区县：\n现将《某市产业集群培育行动计划》印发给你们，请认真抓好落实。\n"
        "一、发展目标\n"
        + "力争通过三年努力，培育千亿级产业集群2个，规模以上工业企业数量达到两千家。\n"
        * 8
        + "二、重点工程\n"
        "每年遴选30家企业给予研发费用补助。\n某市发展和改革委员会\n2025年3月7日\n网站标识码：1234567890"
    )
    found = [e for e in events(text, published="2025-03-11", title=title) if e.type == "issuance"]
    assert [(e.date, e.date_text, e.approximate) for e in found] == [("2025-03-07", "2025年3月7日", False)]


def test_a_signature_date_written_in_characters():
    text = "某省人民政府办公厅\n各市人民政府：\n现将《某省数字经济促进方案》印发给你们。\n某省人民政府办公厅\n二〇二四年十二月二十三日\n"
    [e] = events(text, published="2024-12-30")
    assert (e.type, e.date) == ("issuance", "2024-12-23")


def test_an_occasion_joining_two_acts_held_is_a_gathering():
    text = "文章开头。\n5月20日，某市电池产业链项目集中签约暨重大项目开工仪式在某新区举行。现场共签约项目12个。"
    found = events(text, published="2025-05-21")
    assert [(e.type, e.date) for e in found] == [("other", "2025-05-20"), ("investment", "2025-05-20")]
    # a signing ceremony alone is the signing
    assert [e.type for e in events("文章开头。\n近日，某区重大项目集中签约仪式举行。")] == ["investment"]


def test_leave_given_a_measure_of_signing_and_what_has_not_happened_are_no_events():
    found = events("文章开头。\n经国务院批准，某国家级高新区正式设立。")
    assert [e.type for e in found] == ["establishment"]
    assert [e.type for e in events("文章开头。\n经国务院批准设立某高新区。")] == ["approval"]
    found = events("文章开头。\n近日，大会期间，32个项目现场签约，签约金额达320亿元。")
    assert [e.text for e in found] == ["32个项目现场签约"]
    assert events("文章开头。\n受资金影响，该项目尚未开工。") == []
    assert events("文章开头。\n该生产线有望年底投产，二期明年开工建设。") == []


def test_a_milestone_crossed_is_an_achievement_and_a_title_received_a_recognition():
    found = events("文章开头。\n去年，全市工业总产值迈上千亿台阶。\n某园区获得“国家绿色工业园区”称号。")
    assert [(e.type, e.date) for e in found] == [("achievement", "2023"), ("approval", None)]
    assert events("文章开头。\n全市规上工业增加值突破500亿元。") == []  # a figure, no milestone named


def test_dates_spaced_as_a_pdf_conversion_writes_them():
    [e] = events("文章开头。\n2024 年 3 月 5 日，某产业园正式开园。")
    assert (e.date, e.date_text) == ("2024-03-05", "2024 年 3 月 5 日")
    assert events("文章开头。\n到 2025 年，某项目开工建设。") == []  # a deadline, spaced, still looks ahead


def test_measures_under_a_task_heading_are_to_be_done_unless_dated():
    text = (
        "某省关于加快发展新质生产力的实施意见政策解读\n"
        "三、重点任务\n支持有条件的市设立产业投资基金，定期召开推进会。\n"
        "四、保障措施\n建立省级统筹协调机制，组建专家咨询委员会，设立专项资金。\n"
        "2023年，全省已有3个集群入选国家先进制造业集群。\n"
    )
    found = events(text, published="2024-06-18")
    assert [(e.type, e.date) for e in found] == [("approval", "2023")]
    # a heading that reports on the tasks introduces what was done
    text = "一、重点任务完成情况\n某市组建产业联盟，设立产业基金。\n"
    assert [e.type for e in events(text, published="2024-06-18")] == ["establishment", "establishment"]


def test_a_meeting_held_for_the_act_is_the_act_and_a_count_of_those_named_no_event():
    [e] = events("文章开头。\n3月5日，某区重点项目签约会在某宾馆举行。")
    assert (e.type, e.date) == ("investment", "2024-03-05")
    [e] = events("文章开头。\n3月5日，某市“数字赋能”行动启动会召开。")
    assert e.type == "launch"
    assert [e.text for e in events("文章开头。\n近日，签约会上，5个项目签约。")] == ["5个项目签约"]
    assert events("文章开头。\n全市获评省级以上人才称号的企业家数量逐年攀升。") == []
    assert events("文章开头。\n按照产业分类组建多个工作小组。") == []
    assert [e.type for e in events("文章开头。\n该区成立了招商专班。")] == ["establishment"]


def test_a_range_of_days_is_dated_by_its_first_day():
    [e] = events("文章开头。\n6月12日—14日，第三届某装备制造业博览会在某会展中心举办。", published="2024-12-30")
    assert (e.type, e.date, e.date_text) == ("other", "2024-06-12", "6月12日")
    # a span of months names no one day or month, and a signing told with no time is none
    assert events("文章开头。\n1-2月，某市集中签约项目12个。", published="2024-12-30") == []


def test_listing_for_supervision_or_sale_establishes_nothing():
    assert events("文章开头。\n对12个重点问题挂牌督办。该地块于3月5日挂牌出让。") == []
    [e] = events("文章开头。\n3月5日，某产业园管委会挂牌成立。")
    assert (e.type, e.date) == ("establishment", "2024-03-05")


def test_a_platform_released_is_launched_but_a_plan_named_for_one_is_issued():
    [e] = events("文章开头。\n3月5日，某集团正式发布某某工业互联网平台。")
    assert (e.type, e.date) == ("launch", "2024-03-05")
    [e] = events("文章开头。\n3月5日，某市发布《某市工业互联网平台建设行动方案》。")
    assert e.type == "issuance"


def test_an_award_received_is_a_recognition_but_money_received_is_not():
    found = events("文章开头。\n某公司获得第二十五届中国专利金奖。\n某项目获省科学技术进步一等奖。")
    assert [e.type for e in found] == ["approval", "approval"]
    assert events("文章开头。\n某企业获得省级奖补资金500万元。") == []


def test_an_agreement_that_commits_nothing_is_another_kind_of_occasion():
    found = events("文章开头。\n5月16日，某县人民政府与某研究院签署战略合作协议。")
    assert [(e.type, e.date) for e in found] == [("other", "2024-05-16")]
    found = events("文章开头。\n5月16日，某县与某集团签订投资协议。")
    assert [e.type for e in found] == ["investment"]


def test_the_occasion_told_this_time_or_at_the_ceremony_takes_the_pages_day():
    text = (
        "近日，某县重点项目集中签约仪式在县行政中心举行。县领导以及签约企业代表参加仪式。\n"
        "本次集中签约项目12个，总投资86.5亿元。\n"
        "仪式上，某县人民政府还与某研究院签署战略合作协议。"
    )
    found = events(text, published="2026-05-18")
    assert [(e.type, e.date) for e in found] == [
        ("investment", "2026-05-18"),
        ("investment", "2026-05-18"),
        ("other", "2026-05-18"),
    ]


def test_periods_spans_credits_captions_and_names_report_nothing():
    text = (
        "文章开头。\n根据《某市专精特新中小企业认定管理办法》，现将名单予以公示。公示期为7月3日至7月9日。\n"
        "该项目从签约到投产仅用时14个月。\n▲开工仪式现场\n（信息来源：某市发布）\n本文内容由作者整理发布。"
    )
    assert [e.type for e in events(text)] == ["approval"]


def test_a_year_that_numbers_a_batch_does_not_date_it():
    text = "6月11日上午，某项目竣工投产。\n同日下午，某经开区2026年第二批重大项目集中开工仪式在某片区举行。"
    found = events(text, published="2026-06-12")
    assert [(e.type, e.date) for e in found] == [("production", "2026-06-11"), ("launch", "2026-06-11")]


def test_a_high_for_the_year_is_a_record_but_an_innovation_highland_is_not():
    found = events("文章开头。\n9月份，全省规上工业增加值同比增长7.5%，月度增速创年内新高。科技创新高地建设加快。")
    assert [(e.type, e.date) for e in found] == [("achievement", "2024-09")]


def test_the_same_batch_takes_the_day_of_the_list_before_it():
    text = "文章开头。\n6月30日，省工信厅公布2026年度专精特新中小企业名单。同批公布的智能工厂名单中，我市9家企业入选。"
    found = events(text, published="2026-07-03")
    assert [(e.type, e.date) for e in found] == [("approval", "2026-06-30"), ("approval", "2026-06-30")]


def test_a_paragraph_on_the_occasions_projects_shares_its_day():
    text = (
        "文章开头。\n4月18日上午，某经开区重大项目集中签约活动举行，16个项目集中签约。\n"
        "签约项目中，某公司计划投资22亿元建设基地。总部位于广州的某储能科技股份有限公司与管委会签订投资协议。"
    )
    signed = [e for e in events(text, published="2026-04-20") if "签订投资协议" in e.text]
    assert [(e.type, e.date) for e in signed] == [("investment", "2026-04-18")]


def test_a_count_word_inside_another_word_counts_nothing():
    # 国家数控机床 holds 家数; the approval is still one event
    [e] = events(
        "文章开头。\n8月，工业和信息化部批复支持某省创建国家数控机床产业创新发展示范区。", published="2026-10-22"
    )
    assert (e.type, e.date) == ("approval", "2026-08")
    assert events("文章开头。\n入选企业总数达到120家。") == []


def test_a_supply_or_purchase_contract_signed_commits_no_investment():
    found = events(
        "8月20日，公司与韩国某精工株式会社签署镁合金部件长期供货协议。7月中旬，公司与省内一家企业签订《镁合金锭采购合同》。"
    )
    assert [e.type for e in found] == ["other", "other"]


def test_a_relative_clause_that_dates_its_act_reports_it():
    found = events("该集团今年6月在开发区成立的天棉智慧纺织有限公司，已建成全疆首条生产线。", published="2026-09-15")
    assert [(e.type, e.date) for e in found] == [("establishment", "2026-06")]


def test_an_undated_relative_clause_describes():
    assert events("新成立的企业达到120家，成立的企业多为中小企业。", published="2026-09-15") == []


def test_a_list_published_and_who_entered_it_are_one_designation():
    found = events(
        "文章开头。\n10月15日，省工业和信息化厅公布2024年度省级智能工厂名单，某县3家企业成功入选。"
        "同批公布的绿色工厂名单中，某县5家企业入选。"
    )
    assert [(e.type, e.date, e.text) for e in found] == [
        ("approval", "2024-10-15", "省工业和信息化厅公布2024年度省级智能工厂名单，某县3家企业成功入选"),
        ("approval", "2024-10-15", "某县5家企业入选"),
    ]


def test_a_record_told_for_a_period_of_the_year_is_dated_by_its_last_month():
    found = events("文章开头。\n今年1—8月，某集群实现营业收入820亿元，营业收入、利润总额均创同期新高。")
    assert [(e.type, e.date) for e in found] == [("achievement", "2024-08")]
    found = events("文章开头。\n2024年上半年，某市工业投资额创历史新高。")
    assert [(e.type, e.date) for e in found] == [("achievement", "2024-06")]
    # a period of another year dates nothing of this one
    found = events("文章开头。\n2023年1—8月增速较低。2024年，某公司营收创历史新高。")
    assert [(e.type, e.date) for e in found] == [("achievement", "2024")]


def test_the_opening_takes_the_day_the_text_is_dated_with_before_the_pages_day():
    # a text dated on a line of its own ("2026年3月16日", as a notice is signed) was written that day; the page
    # that carries it may be put up days later
    text = "经研究，市工业和信息化局公布2026年度市级专精特新中小企业名单。\n市工业和信息化局\n2026年3月16日\n"
    [e] = events(text, published="2026-03-20")
    assert (e.type, e.date) == ("approval", "2026-03-16")
    [e] = events(text.split("\n")[0], published="2026-03-20")
    assert e.date == "2026-03-20"


def test_the_firms_selected_and_whom_a_notice_speaks_to_are_no_events():
    found = events("文章开头。\n据了解，入选企业通过智能化改造，生产效率平均提升三成以上。")
    assert found == []
    found = events("文章开头。\n对公示名单有异议的，可在公示期内向市工业和信息化局反映。")
    assert found == []
    # a designation told is one
    found = events("文章开头。\n10月28日，某市3家企业入选省级智能工厂名单。")
    assert [e.type for e in found] == ["approval"]


def test_a_period_compared_with_does_not_date_what_the_sentence_tells():
    found = events(
        "文章开头。\n今年1—10月，某集群实现营业收入1372.6亿元，增速较上半年加快3.1个百分点，营业收入、利润总额均创同期新高。",
        published="2026-11-18",
    )
    assert [(e.type, e.date) for e in found] == [("achievement", "2026-10")]


def test_how_many_entered_a_list_is_a_count_not_a_designation():
    found = events("文章开头。\n10月下旬，某集群获认定为省级先进制造业集群（第二批），全省共有8个集群入选。")
    assert [(e.type, e.text) for e in found] == [("approval", "某集群获认定为省级先进制造业集群（第二批）")]


def test_a_profiles_founding_year_after_the_verb_is_no_event():
    # "成立于2011年", "投产于1998年": what the body is, as a company's profile says it, not an act reported
    found = events(
        "文章开头。\n关于某公司：某新材料股份有限公司成立于2011年，是国家级专精特新企业。", published="2026-08-21"
    )
    assert found == []
    found = events("文章开头。\n该厂投产于1998年，现有职工1200人。", published="2026-08-21")
    assert found == []
    # the act reported with its date before the verb stays one
    found = events("文章开头。\n8月20日，某新材料股份有限公司在某市成立。", published="2026-08-21")
    assert [(e.type, e.date) for e in found] == [("establishment", "2026-08-20")]


def test_a_company_registered_is_established():
    found = events(
        "文章开头。\n上月，公司全资子公司某国际贸易有限公司在上海自贸区完成注册，注册资本5000万元。",
        published="2026-08-21",
    )
    assert [(e.type, e.date) for e in found] == [("establishment", "2026-07")]


def test_the_sum_signed_restates_the_signing():
    # "签约总额5.8亿美元": a figure of the signing just told, no second signing
    found = events(
        "文章开头。\n9月20日，推介会上，某省与境外企业现场签约项目16个，签约总额5.8亿美元。", published="2026-09-24"
    )
    assert [(e.type, e.text) for e in found] == [("investment", "某省与境外企业现场签约项目16个")]


def test_a_proposal_put_to_notice_now_is_a_designation_on_the_page_date():
    # 拟 looks ahead for what is proposed; the notice itself (现予以公示) is done on the page's date
    text = "文章开头。\n经专家评审，拟认定某精工机械有限公司等153家企业为2026年度某市专精特新中小企业，现予以公示。"
    [e] = events(text, published="2026-07-03")
    assert (e.type, e.date, e.approximate) == ("approval", "2026-07-03", False)
    assert events("文章开头。\n经专家评审，拟认定某精工机械有限公司等153家企业为2026年度某市专精特新中小企业。") == []


def test_the_terms_of_a_designation_are_no_designation():
    text = "文章开头。\n5月20日，专家围绕申报政策、认定条件等进行了详细解读。"
    assert [e.type for e in events(text)] == []
    assert [e.type for e in events("文章开头。\n会议要求，各地要做好评定工作。")] == []


def test_a_signing_a_start_or_a_release_told_with_no_time_is_no_event():
    # a project's profile and a page's background: no day is told for the act
    text = (
        "文章开头。\n该项目签约落户某经济开发区，主要生产动力电池。"
        "近年来，某市先后出台《某市新能源汽车产业发展规划》等政策文件。项目开工建设以来进展顺利。"
    )
    assert events(text) == []
    # with a time told, each is reported
    text = "文章开头。\n3月5日，该项目签约落户某经济开发区。今年4月，某市出台《某市新能源汽车产业发展规划》。"
    assert [(e.type, e.date) for e in events(text)] == [("investment", "2024-03-05"), ("issuance", "2024-04")]
    # designations and plants in production are told as states, undated, in a list of what a place has won or built
    assert [e.type for e in events("文章开头。\n某市入选全国首批制造业新型技改试点城市。")] == ["approval"]


def test_a_notice_that_prints_no_signature_issues_on_the_page_date():
    text = "各县（市、区）人民政府：\n《某市制造业数字化转型实施方案》已经市政府同意，现印发给你们，请认真贯彻执行。"
    [e] = events(text, published="2026-04-10")
    assert (e.type, e.date) == ("issuance", "2026-04-10")


def test_a_shortlist_entered_is_no_designation_but_a_ranking_entered_is_reached():
    assert events("文章开头。\n3月5日，某公司入围2026年度某示范工厂候选名单。") == []
    [e] = events("文章开头。\n3月5日，某县入围全国工业百强县。")
    assert (e.type, e.date) == ("achievement", "2024-03-05")


def test_a_list_named_before_its_verb_is_a_designation():
    text = "各县（市、区）工信局：\n现将《2026年度某市专精特新中小企业名单》印发给你们，请做好服务工作。"
    [e] = events(text, published="2026-07-03")
    assert (e.type, e.date) == ("approval", "2026-07-03")
    [e] = events("文章开头。\n近日，《2026年度某省智能工厂名单》正式公布。", published="2026-07-03")
    assert e.type == "approval"


def test_a_ranking_or_a_record_told_with_no_time_is_no_event():
    text = "文章开头。\n随着新基地投产，公司锂电铜箔总产能达到12万吨/年，位列国内同行业第3位。"
    assert events(text) == []
    found = events("文章开头。\n今年上半年，公司锂电铜箔产能位列国内同行业第3位。", published="2026-07-15")
    assert [(e.type, e.date) for e in found] == [("achievement", "2026-06")]


def test_a_wire_story_counts_its_days_from_its_dateline():
    # reposted two days later: 昨日 and 今日 are the dateline's, 当天 after it is the dateline's day
    text = (
        "新华社合肥5月22日电（记者 张三）记者从某省发展改革委获悉，昨日，某汽车集团新能源汽车整车项目在合肥经开区开工。"
        "\n今日，某省人民政府与某集团签署投资协议。\n当天，某产业园举行开工仪式。"
    )
    found = events(text, published="2024-05-24")
    assert [(e.type, e.date) for e in found] == [
        ("launch", "2024-05-21"),
        ("investment", "2024-05-22"),
        ("launch", "2024-05-22"),
    ]


def test_a_newspaper_dateline_dates_its_yesterday():
    text = "本报济南5月22日讯（记者 张三）昨日，某某新材料项目在某高新区开工。"
    [e] = events(text, published="2024-05-24")
    assert (e.type, e.date) == ("launch", "2024-05-21")


def test_news_given_out_is_no_issuance():
    found = events("文章开头。\n山东省工业和信息化厅6月17日发布消息，全省12个集群入选国家级名单。")
    assert [(e.type, e.text) for e in found] == [("approval", "全省12个集群入选国家级名单")]


def test_what_a_verb_ending_its_clause_acts_on_is_named_before_it():
    found = events("文章开头。\n5月29日，某某公司新产品正式发布。5月28日，某某工业互联网平台正式发布。")
    assert [e.type for e in found] == ["production", "launch"]


def test_a_firm_listed_on_an_exchange_is_no_body_established():
    found = events("文章开头。\n6月7日，某某公司成功挂牌新三板。6月8日，某市人工智能创新中心挂牌成立。")
    assert [(e.type, e.date) for e in found] == [("establishment", "2024-06-08")]


def test_a_task_heading_after_a_blank_line_governs_all_its_parts():
    # the heading's rank is read where its mark stands: a blank line before it had made it end at its first part
    text = "文章开头。\n\n三、重点任务\n（一）壮大产业集群。设立临沂市产业投资基金。\n（二）优化服务。组建临沂市人工智能产业联盟。\n"
    assert events(text, published="2026-03-01") == []


def test_a_date_in_chinese_numerals_dates_its_act():
    # (the page's opening act, which without a date it reads takes the page's own day, 2026-06-20)
    found = events(
        "二〇二六年五月十二日，临沂市人民政府印发《临沂市制造业数字化转型行动方案》。", published="2026-06-20"
    )
    assert [(e.type, e.date, e.approximate) for e in found] == [("issuance", "2026-05-12", False)]


def test_the_steps_a_designation_went_through_are_no_designation():
    text = "各市工业和信息化局：\n经企业自愿申报、各市推荐、专家评审和网上公示等程序，认定某某机械有限公司等2150家企业为2026年度山东省专精特新中小企业。"
    assert [e.text[:2] for e in events(text, published="2026-06-30")] == ["认定"]


def test_a_designation_made_public_now_is_one_act():
    text = "各市工业和信息化局：\n认定某某机械有限公司等2150家企业为2026年度山东省专精特新中小企业，现予以公布。"
    found = events(text, published="2026-06-30")
    assert [(e.type, e.text[-5:]) for e in found] == [("approval", "现予以公布")]

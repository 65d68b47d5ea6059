"""Chinese entities: gazetteer places by their Chinese names, and named things by their heads."""

from policylens.extraction import gazetteer
from policylens.extraction.text import TextIndex
from policylens.extraction.zh.entities import find_entities
from policylens.model import Document


def entities(text):
    doc = Document(source="t.txt", text=text, language="zh")
    found = find_entities(doc, TextIndex(text))
    for e in found:
        for s, t in e.mentions:
            assert 0 <= s < t <= len(text)
    return found


def named(found, etype):
    return [e.name for e in found if e.type == etype]


def test_chinese_place_names_resolve_to_the_english_places_key():
    found = entities("青岛市和胶州市联合举办活动，西海岸新区也参加了。青岛的企业代表出席。")
    by_name = {e.name: e for e in found if e.type == "place"}
    gaz = gazetteer.load()
    qingdao = gaz.lookup("Qingdao")[0]
    assert by_name["青岛市"].key == qingdao.key
    assert "Qingdao" in by_name["青岛市"].aliases and "青岛" in by_name["青岛市"].aliases
    assert len(by_name["青岛市"].mentions) == 2
    assert by_name["胶州市"].key == gaz.lookup("Jiaozhou")[0].key
    assert by_name["西海岸新区"].key == gaz.lookup("West Coast New Area")[0].key
    assert by_name["胶州市"].attributes["located_in"] == "青岛"


def test_bare_county_short_form_needs_its_full_name_in_the_document():
    assert "胶州" not in named(entities("胶州湾的风景很好。"), "place")


def test_a_place_name_does_not_end_inside_xian_yu():
    # 县域 ("county-level") after 和 is no mention of 和县; a place before 市域 is the place
    assert named(entities("推动和县域经济高质量发展。"), "place") == []
    assert named(entities("胶州市域经济稳步增长。"), "place") == ["胶州"]


def test_the_body_that_opens_a_documents_title_issues_it():
    found = entities("根据《工业和信息化部办公厅关于组织开展先进制造业集群竞赛的通知》，各地开展申报。")
    assert named(found, "government") == ["工业和信息化部办公厅"]
    assert named(found, "programme") == ["工业和信息化部办公厅关于组织开展先进制造业集群竞赛的通知"]
    # other words of a title name the document only
    assert named(entities("《青岛市工业互联网三年攻坚实施方案》近日印发。"), "government") == []


def test_set_phrases_are_not_place_mentions():
    assert named(entities("坚持中国特色社会主义道路。"), "place") == []


def test_organisations_by_head():
    found = entities(
        "日前，某省工业和信息化厅公布名单。山东海川智能装备有限公司位列其中。"
        "烟台市人民政府办公室印发通知。会议由市政府主持。"
    )
    assert "山东海川智能装备有限公司" in named(found, "company")
    governments = named(found, "government")
    assert "烟台市人民政府办公室" in governments and "市政府" in governments


def test_a_verb_that_is_also_a_countys_short_form_still_ends_a_name():
    # 会同 is a county of Hunan (会同县) and the verb "jointly with": the bureau and its partner are two bodies
    found = entities("宜昌市经济和信息化局会同市财政局出台支持政策。")
    assert named(found, "government") == ["宜昌市经济和信息化局", "市财政局"]


def test_setting_up_a_body_is_no_part_of_its_name():
    found = entities("德国凯尔特纺织机械公司在当地设立研发中心，首期投资1.2亿欧元。")
    assert named(found, "institution") == []  # "当地设立研发中心" named nothing; 研发中心 alone is no name
    found = entities("该集团在石河子市设立纺织机械研究院。")
    assert named(found, "institution") == ["纺织机械研究院"]


def test_a_company_named_by_its_trade_alone_is_not_named():
    # read back from its head, "华为技术有限公司" stops at 为 (a function character): "技术有限公司" names no firm
    found = entities("宜昌市人民政府与华为技术有限公司签署战略合作协议。宜昌城市建设投资控股集团有限公司完成融资。")
    assert "技术有限公司" not in named(found, "company") and "控股集团有限公司" not in named(found, "company")
    found = entities("湖北兴发科技有限公司投资建设新项目。")
    assert named(found, "company") == ["湖北兴发科技有限公司"]  # a place before its trade: a name


def test_a_firm_known_by_its_short_name_and_trade_is_a_company():
    found = entities("秦巴本草药业拟投资9.5亿元建设中药配方颗粒生产线。旌城重工 30 万千瓦级水电机组完成调试。")
    assert named(found, "company") == ["秦巴本草药业", "旌城重工"]
    # the industries those words also end are no firm
    found = entities("全市重工业营业收入增长5.2%，生物医药业产值增长10%。")
    assert named(found, "company") == []


def test_data_in_a_name_is_a_word_not_the_function_character_ju():
    # 据 ends a name read backwards ("据悉", "根据"), but not inside 数据 ("大数据平台", "大数据产业集群")
    found = entities("同日，新余锂电产业大数据平台正式上线运行，新蒲新区大数据产业集群加快壮大。")
    assert named(found, "platform") == ["新余锂电产业大数据平台"]
    assert named(found, "cluster") == ["新蒲新区大数据产业集群"]


def test_words_holding_a_function_character_do_not_cut_a_name():
    # 有, 对, 就, 都 and 等 end a name read backwards as function characters, not inside these words
    found = entities("宜昌有机硅新材料产业园开园。宜昌对外经济技术合作中心成立。宜昌市公共就业服务中心组织招聘。")
    assert named(found, "park") == ["宜昌有机硅新材料产业园"]
    assert named(found, "institution") == ["宜昌对外经济技术合作中心", "宜昌市公共就业服务中心"]


def test_a_province_before_a_clusters_city_locates_it_and_is_no_part_of_its_name():
    found = entities("新疆昌吉硅基新材料集群产值创新高。湖北省宜昌市磷化工产业集群入选名单。")
    assert named(found, "cluster") == ["昌吉硅基新材料集群", "宜昌市磷化工产业集群"]
    # a cluster named from a province's own region keeps the province
    assert named(entities("广西北部湾临港先进制造业集群加快发展。"), "cluster") == ["广西北部湾临港先进制造业集群"]


def test_a_base_named_by_the_size_it_is_to_reach_is_a_goal_not_a_name():
    found = entities("园区相关负责人表示，到2028年建成千亿级汽摩零部件产业基地。")
    assert named(found, "park") == [] and named(found, "cluster") == []


def test_a_short_form_the_text_declares_is_the_names_alias():
    text = "福建汀瑞铜箔科技股份有限公司（以下简称“汀瑞铜箔”）新基地投产。目前，汀瑞铜箔总产能达到12万吨/年。"
    [company] = [e for e in entities(text) if e.type == "company"]
    assert company.name == "福建汀瑞铜箔科技股份有限公司" and company.aliases == ["汀瑞铜箔"]
    # the full name, the declaration and the later short mention; not the short form inside the full name
    assert [text[s:e] for s, e in company.mentions] == ["福建汀瑞铜箔科技股份有限公司", "汀瑞铜箔", "汀瑞铜箔"]
    assert company.mentions[1][0] > company.mentions[0][1]


def test_a_cluster_named_from_two_places_joined_by_a_dash_starts_at_the_first():
    found = entities("西安—咸阳输变电装备集群入选国家先进制造业集群。")
    assert named(found, "cluster") == ["西安—咸阳输变电装备集群"]
    # a year before the dash is no place
    assert named(entities("2024—宜昌磷化工产业集群加快发展。"), "cluster") == ["宜昌磷化工产业集群"]


def test_a_university_named_by_two_characters_of_its_own():
    found = entities("公司与清华大学、浙江大学等高校开展合作，并与复旦大学共建联合研究中心。")
    assert named(found, "institution") == ["清华大学", "浙江大学", "复旦大学"]
    assert named(entities("该大学与企业签约。这所学院成立于1958年。"), "institution") == []


def test_descriptions_are_not_names():
    found = entities("全省已有国家级中小企业特色产业集群20个，各类园区运行良好。")
    assert named(found, "cluster") == [] and named(found, "park") == []


def test_a_size_or_a_kind_of_base_is_a_description_not_a_name():
    found = entities("到2025年，力争培育营业收入百亿级集群35个，把集群培育成为各类重大产业基地的后备军。")
    assert named(found, "cluster") == [] and named(found, "park") == []
    found = entities("2024年先进制造业集群竞赛胜出集群名单公布，共有35个集群。")
    assert named(found, "cluster") == []
    # a kind of cluster as a list sorts them ("…类集群") is no cluster's name; the named one beside it is
    found = entities("遂宁电子电路集群成功入选，成为全省今年唯一入选的电子信息类集群。")
    assert named(found, "cluster") == ["遂宁电子电路集群"]


def test_clusters_and_parks_with_names():
    found = entities("近日，烟台市海洋牧场装备特色产业集群入选名单；龙口生物医药产业园正式开园。")
    assert "烟台市海洋牧场装备特色产业集群" in named(found, "cluster")
    assert "龙口生物医药产业园" in named(found, "park")


def test_list_sharing_one_head():
    found = entities("重点打造智能家电、轨道交通装备等3个千亿级产业集群。")
    assert named(found, "cluster") == ["智能家电产业集群", "轨道交通装备产业集群"]


def test_programmes():
    found = entities("市政府印发《某市数字经济发展行动计划（2024—2026年）》，深入实施“强链补链”行动。")
    programmes = named(found, "programme")
    assert "某市数字经济发展行动计划（2024—2026年）" in programmes
    assert "强链补链" in programmes


def test_a_campaign_named_after_its_verb_keeps_the_quotation_mark_that_closes_it():
    found = entities("今年，全市深入实施制造业高质量发展“十大行动”。")
    assert named(found, "programme") == ["制造业高质量发展“十大行动”"]


def test_a_three_year_plan_named_without_book_title_marks_keeps_its_last_word():
    # "三年行动" is a head, but "三年行动方案" and "三年行动计划" are longer ones read from the same place
    for kind in ("方案", "计划"):
        found = entities(f"根据宜昌市工业倍增三年行动{kind}，到2027年全市工业总产值翻番。")
        assert named(found, "programme") == [f"宜昌市工业倍增三年行动{kind}"]


def test_a_park_named_by_its_place():
    found = entities("潍坊高新区今年新引进项目36个。")
    assert "潍坊高新区" in named(found, "park")


def test_a_conference_is_not_a_park():
    assert named(entities("某市召开成都市产业园区高质量发展大会。"), "park") == []


def test_title_without_its_period_is_the_same_programme():
    found = entities("某市印发烟台市数字经济发展行动方案。\n《烟台市数字经济发展行动方案（2024—2026年）》已经同意。")
    programmes = [e for e in found if e.type == "programme"]
    assert len(programmes) == 1 and len(programmes[0].mentions) >= 2


def test_industry_words_name_a_cluster():
    found = entities("确定以下集群：\n1.烟台市高端化工产业集群\n2.潍坊市动力装备产业集群")
    assert named(found, "cluster") == ["烟台市高端化工产业集群", "潍坊市动力装备产业集群"]


def test_a_named_area_in_the_gazetteer_stays_a_place():
    found = entities("青岛西海岸新区新开工项目120个，即墨临空经济区加快建设。")
    assert "青岛西海岸新区" not in named(found, "park")
    assert "即墨临空经济区" in named(found, "park")


def test_road_names_are_not_places():
    assert named(entities("地址：青岛市市南区香港中路1号。"), "place") == ["青岛市", "市南区"]


def test_free_trade_zone_name_with_brackets():
    found = entities("当天，中国（山东）自由贸易试验区青岛片区管委会签署协议。")
    assert "中国（山东）自由贸易试验区青岛片区管委会" in named(found, "government")


def test_national_bodies():
    found = entities("国务院办公厅印发通知，国家发展改革委、市工业和信息化局联合部署。")
    governments = named(found, "government")
    assert {"国务院办公厅", "国家发展改革委", "市工业和信息化局"} <= set(governments)


def test_clusters_named_with_ji_qun_alone():
    found = entities("某市工业母机集群和某省集成电路集群入选国家先进制造业集群名单，推动集群化发展。")
    assert named(found, "cluster") == ["某市工业母机集群", "某省集成电路集群"]


def test_bodies_named_from_a_parent_body_or_with_a_short_head():
    found = entities("国家统计局某市调查队发布数据。工业和信息化部办公厅印发通知。")
    assert named(found, "government") == ["国家统计局某市调查队", "工业和信息化部办公厅"]


def test_words_ending_in_a_head_are_not_bodies():
    found = entities("青岛市优化产业布局，形成新格局。")
    assert named(found, "government") == []


def test_verbs_before_a_name_are_not_part_of_it():
    found = entities("青岛市导入某某电子集团有限公司项目，崂山区布局新能源汽车产业集群。")
    assert named(found, "company") == ["某某电子集团有限公司"]
    assert named(found, "cluster") == ["新能源汽车产业集群"]
    assert named(entities("坚持县域特色产业集群集聚发展。"), "cluster") == []
    # 有 ends a name read backwards, but not inside 有色 ("non-ferrous")
    assert named(entities("名单中有金白兰武有色金属集群。"), "cluster") == ["金白兰武有色金属集群"]


def test_a_quoted_campaign_is_a_programme():
    found = entities("全市发起“数字经济+先进制造”攻势，推动转型。")
    assert named(found, "programme") == ["数字经济+先进制造"]


def test_a_zones_party_working_committee_is_a_body():
    found = entities("烟台高新区工委副书记出席活动。")
    assert "烟台高新区工委" in named(found, "government")


def test_a_county_short_form_before_quan_qu_is_the_place():
    found = entities("2021年，椒江全区上下坚持稳中求进。")
    assert "椒江" in named(found, "place")
    assert "椒江" not in named(entities("椒江两岸风光秀丽。"), "place")  # a bare short form stays a word


def test_a_generic_short_title_is_not_another_programme():
    found = entities("省政府印发《某省制造强省三年行动计划》（以下简称《行动计划》）。《行动计划》提出目标。")
    assert named(found, "programme") == ["某省制造强省三年行动计划"]


def test_science_and_industry_cities_are_parks():
    found = entities("成都天府国际生物城与泰州中国医药城签约，怀柔科学城加快建设。")
    assert named(found, "park") == ["成都天府国际生物城", "泰州中国医药城", "怀柔科学城"]
    assert named(entities("加快建设科学城。"), "park") == []


def test_campaigns_quoted_in_corner_brackets():
    assert named(entities("深入实施「工业强区」战略和「链长制」。"), "programme") == ["工业强区", "链长制"]


def test_campaigns_named_by_a_kind_of_programme():
    found = set(named(entities("深入开展专精特新中小企业梯度培育工程，实施中小企业数字化赋能行动。"), "programme"))
    assert {"专精特新中小企业梯度培育工程", "中小企业数字化赋能行动"} <= found


def test_construction_works_are_no_programme():
    assert named(entities("项目完成厂区绿化工程和道路硬化工程，工程机械陆续进场。"), "programme") == []


def test_a_quoted_slogan_with_its_kind_of_campaign_after_it():
    found = set(named(entities("启动实施“百园千企”示范工程，全面推进「智改数转」三年行动计划。"), "programme"))
    assert found == {"“百园千企”示范工程", "「智改数转」三年行动计划"}


def test_a_quoted_brand_after_a_level_is_that_governments_programme():
    found = set(named(entities("培育省“专精强企”技术中心30家，认定省级「链群融合」示范园区5个。"), "programme"))
    assert found == {"专精强企", "链群融合"}


def test_a_quoted_phrase_after_the_whole_province_is_no_programme():
    assert named(entities("工业母机成为全省“三大支柱之一”，企业获评专精特新“小巨人”。"), "programme") == []


def test_parts_is_a_word_not_a_count():
    # 零 is no numeral before 部: "汽车零部件" does not end the name at "零部"
    found = entities("某市良庆区汽车零部件产业集群、柳州市柳南区新能源汽车零部件产业集群成功入选。")
    assert "柳州市柳南区新能源汽车零部件产业集群" in named(found, "cluster")
    assert any(n.endswith("良庆区汽车零部件产业集群") for n in named(found, "cluster"))


def test_a_verb_of_designation_ends_a_name_read_backwards():
    found = entities("此前，南宁经济技术开发区成功获批国家级绿色工业园区。")
    assert named(found, "park") == ["南宁经济技术开发区"]


def test_a_campaign_named_after_the_verb_that_carries_it_out():
    found = entities("深入实施制造业技术改造专项，开展大规模设备更新行动，推进东数西算工程。该项目实施后效益明显。")
    assert named(found, "programme") == ["制造业技术改造专项", "大规模设备更新行动", "东数西算工程"]
    assert named(entities("推进工程建设，落实计划任务。"), "programme") == []


def test_a_five_year_plans_quoted_number_belongs_to_the_plans_name():
    found = entities("落实某市“十四五”智能制造发展规划。")
    assert named(found, "programme") == ["某市“十四五”智能制造发展规划"]


def test_a_cluster_named_for_two_trades_and_a_park_after_its_level():
    found = entities("芜湖市机器人及智能装备集群获评国家级集群。国家级南宁高新技术产业开发区排名上升。")
    assert named(found, "cluster") == ["芜湖市机器人及智能装备集群"]
    assert named(found, "park") == ["南宁高新技术产业开发区"]


def test_a_trades_name_may_carry_a_digit_and_a_letter():
    assert named(entities("长沙市5G产业园开园，某市3D打印产业园新增企业。"), "park") == [
        "长沙市5G产业园",
        "某市3D打印产业园",
    ]
    assert named(entities("全市新建3个产业园。"), "park") == []


def test_a_places_cluster_named_with_a_quoted_brand():
    assert named(entities("武汉市“光芯屏端网”产业集群入选。"), "cluster") == ["武汉市“光芯屏端网”产业集群"]
    # a brand without a place before it names a campaign, not one cluster
    found = entities("新增省级“雁阵形”产业集群9个。")
    assert named(found, "cluster") == [] and named(found, "programme") == ["雁阵形"]


def test_no_place_starts_inside_a_word_ending_in_its_first_character():
    assert named(entities("建成创新平台30个,其中国家级平台3个。"), "place") == []
    assert named(entities("入选企业12家,其中山东省5家。"), "place") == ["山东省"]
    assert named(entities("中国家电产业持续增长。"), "place") == ["中国"]


def test_a_park_name_stops_at_a_verb_of_ranking_and_a_level_alone_names_no_cluster():
    found = entities("到2026年,岳阳高新区进入全国高新区综合排名前60位。")
    assert named(found, "park") == ["岳阳高新区"]
    assert named(entities("某县纺织集群已入选自治区级产业集群。"), "cluster") == ["某县纺织集群"]


def test_one_of_a_kind_is_no_cluster_name():
    names = [e.name for e in entities("文章开头。\n某县是全国重要的小家电产业集群之一，也是某省电子信息产业园之一。")]
    assert not any(n.endswith(("产业集群", "产业园")) for n in names), names
    assert "宁波家电产业集群" in [e.name for e in entities("宁波家电产业集群产值突破千亿元。")]


def test_platform_known_by_its_quoted_brand():
    found = entities("文章开头。\n全市上线“企服通”综合服务平台，接入企业3000家。")
    assert named(found, "platform") == ["“企服通”综合服务平台"]
    assert "企服通" in next(e for e in found if e.type == "platform").aliases


def test_body_named_from_the_park_it_runs():
    found = entities("文章开头。\n某某经济技术开发区管委会与宁远高科园管委联合发布通知。")
    govs = named(found, "government")
    assert "某某经济技术开发区管委会" in govs and "宁远高科园管委" in govs, govs
    assert named(entities("文章开头。\n推动开发区管委会改革。"), "government") == []


def test_an_approximation_before_a_name_is_not_part_of_it():
    names = {e.name for e in entities("工业和信息化部计划到2027年累计培育200个左右国家级中小企业特色产业集群。")}
    assert not any(n.startswith("左右") for n in names)


def test_a_countys_short_form_straddling_a_city_name_is_not_read():
    found = entities("拟认定南通恒泰精工机械有限公司等153家企业。")
    assert named(found, "company") == ["南通恒泰精工机械有限公司"]


def test_what_a_firm_is_to_the_story_and_a_consent_are_no_part_of_a_name():
    found = entities(
        "集群内龙头企业津驰智能科技（天津）有限公司营业收入首次突破50亿元。"
        "园区企业翼擎航空科技（盐城）有限公司研制的首款飞行器下线。河北省人民政府批复同意故城经济开发区扩区调位。"
    )
    assert named(found, "company") == ["津驰智能科技（天津）有限公司", "翼擎航空科技（盐城）有限公司"]
    assert named(found, "park") == ["故城经济开发区"]


def test_the_writers_own_place_and_a_joint_act_are_no_part_of_a_name():
    found = entities("我市梧江精工机械有限公司入选名单。双方共建智能制造诊断服务中心。")
    assert named(found, "company") == ["梧江精工机械有限公司"]
    assert "共建智能制造诊断服务中心" not in [e.name for e in found]


def test_a_zone_that_opens_a_parks_name_is_named_too():
    found = entities("6月28日，某河经济技术开发区风电装备产业园揭牌仪式举行。")
    assert named(found, "park") == ["某河经济技术开发区", "某河经济技术开发区风电装备产业园"]


def test_a_time_or_an_intent_before_a_name_and_an_office_holders_title_are_no_part_of_it():
    assert named(entities("今年褒河经开区新增企业30家。"), "park") == ["褒河经开区"]
    found = entities("荆门储能电池产业集群去年产值超千亿。力争全年集群产值突破百亿元。")
    assert named(found, "cluster") == ["荆门储能电池产业集群"]
    assert named(entities("辽宁省统计局副局长某某介绍。"), "government") == ["辽宁省统计局"]
    # a commission (委员会) is still a body
    assert named(entities("福建省发展和改革委员会印发通知。"), "government") == ["福建省发展和改革委员会"]


def test_names_heard_in_company_news_pages():
    found = {
        (e.type, e.name)
        for e in entities(
            "当天，公司与韩国大成精工株式会社签署供货协议。上月，公司全资子公司镁睿新材（上海）国际贸易有限公司完成注册。"
            "项目落户仙人岛能源化工区和防城港企沙工业区。新余锂电新能源集群获江西省工业和信息化厅认定。获嘉县产业集聚区表示。"
        )
    }
    assert {
        ("company", "韩国大成精工株式会社"),
        ("company", "镁睿新材（上海）国际贸易有限公司"),
        ("park", "仙人岛能源化工区"),
        ("park", "防城港企沙工业区"),
        ("government", "江西省工业和信息化厅"),
    } <= found
    assert not any(name.startswith(("公司", "嘉县")) for _, name in found)


def test_a_campaign_named_by_its_slogan_and_a_few_words_and_a_contract_that_is_no_programme():
    found = {
        (e.type, e.name)
        for e in entities("全市深入开展“工业强市”攻坚行动，推进“秦创原”成果转化行动。公司签订《镁合金锭采购合同》。")
    }
    assert {("programme", "“工业强市”攻坚行动"), ("programme", "“秦创原”成果转化行动")} <= found
    assert not any("采购合同" in name for _, name in found)


def test_a_body_that_promotes_investment_keeps_its_name_whole():
    found = entities("活动现场，泰安市投资促进中心推介新材料产业园。岱岳区招商服务中心主任参加活动。")
    assert sorted(named(found, "institution")) == ["岱岳区招商服务中心", "泰安市投资促进中心"]
    assert named(entities("泰安市投资促进局与某公司签约。"), "government") == ["泰安市投资促进局"]


def test_a_reposted_storys_headline_in_book_title_marks_is_no_programme():
    found = entities("原标题：《某县电子电路集群跻身“国家队”》\n某县印发《某县电子信息产业发展行动计划》。")
    assert named(found, "programme") == ["某县电子信息产业发展行动计划"]


def test_a_programme_read_only_inside_a_longer_programmes_name_is_none():
    # the verb-led reading stops short of a long name ("印发…培育行动"), inside the full one read by its head
    text = (
        "自治区工业和信息化厅关于印发广西北部湾临港先进制造业集群培育行动计划（2026—2030年）的通知\n"
        "现将《广西北部湾临港先进制造业集群培育行动计划（2026—2030年）》印发给你们。"
    )
    assert named(entities(text), "programme") == ["广西北部湾临港先进制造业集群培育行动计划（2026—2030年）"]


def test_what_a_firm_is_said_to_be_before_its_name_is_no_part_of_it():
    found = entities("上月，公司与国内动力电池企业沧澜新能源科技有限公司签订战略合作协议。")
    assert named(found, "company") == ["沧澜新能源科技有限公司"]
    found = entities("其中，港资企业恒港基建有限公司将投资12亿港元。")
    assert named(found, "company") == ["恒港基建有限公司"]
    # a firm whose trade starts with 企业 keeps it
    found = entities("青岛海川企业管理有限公司与某区签约。")
    assert named(found, "company") == ["青岛海川企业管理有限公司"]


def test_an_investment_firms_name_keeps_its_investment_word():
    # 投资 ends a name read backwards ("某集团投资某项目"), but not inside a firm's own name
    found = entities("其中，港资企业恒港基建投资有限公司将投资12亿港元建设光伏组件项目。")
    assert named(found, "company") == ["恒港基建投资有限公司"]


def test_a_joint_lab_keeps_its_lian_he_which_as_a_verb_ends_a_name():
    found = entities("同日，汀瑞铜箔与龙岩学院共建的极薄铜箔联合实验室揭牌。")
    assert "极薄铜箔联合实验室" in named(found, "institution")


def test_a_list_counted_by_its_kinds_shares_its_head():
    found = entities(
        "全市形成了电子信息、装备制造、新材料三大千亿级产业集群。临沂经开区、临沂高新区两大园区产值增长12%。"
    )
    assert named(found, "cluster") == ["电子信息产业集群", "装备制造产业集群", "新材料产业集群"]
    # parks listed by their full names share no head: the count names no park
    assert sorted(named(found, "park")) == ["临沂经开区", "临沂高新区"]


def test_a_citys_central_districts_and_hospital_are_no_centre():
    found = entities("临沂市中心城区建设加快推进，临沂市中心医院扩建完成，临沂市政务服务中心启用。")
    assert named(found, "institution") == ["临沂市政务服务中心"]


def test_an_autonomous_prefecture_named_with_its_zhou_is_one_mention():
    text = "昌吉州规模以上工业增加值增长8.6%，昌吉州工业和信息化局介绍。"
    [place] = [e for e in entities(text) if e.type == "place"]
    assert (place.name, place.mentions[0], place.attributes["level"]) == ("昌吉州", (0, 3), "prefecture")


def test_a_visit_or_a_hearing_is_no_part_of_the_park_named_after_it():
    found = entities("组织企业参观临沂综合保税区。会议听取临沂经开区汇报。")
    assert sorted(named(found, "park")) == ["临沂经开区", "临沂综合保税区"]
    found = entities("市长张某拜会山东重工集团有限公司董事长，约谈临沂某某化工有限公司负责人。")
    assert named(found, "company") == ["山东重工集团有限公司", "临沂某某化工有限公司"]


def test_a_time_before_a_name_is_no_part_of_it():
    found = entities("当天下午临沂高新区举行签约仪式。随后临沂某某机械有限公司举行投产仪式。")
    assert (named(found, "park"), named(found, "company")) == (["临沂高新区"], ["临沂某某机械有限公司"])


def test_a_documents_declared_short_form_is_its_alias_not_a_programme():
    text = (
        "市政府办公室印发《临沂市制造业数字化转型行动方案（2026—2028年）》（以下简称《方案》）。《方案》提出，到2028年…"
    )
    [plan] = [e for e in entities(text) if e.type == "programme"]
    assert (plan.name, "《方案》" in plan.aliases) == ("临沂市制造业数字化转型行动方案（2026—2028年）", True)

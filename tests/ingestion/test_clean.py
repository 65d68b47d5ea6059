"""Cleaning on pages written for these tests: furniture goes, article lines stay character for character."""

from __future__ import annotations

from policylens.ingestion.clean import is_furniture, split_page

ARTICLE = [
    (
        "The harbour district approved a plan to build 12 automated container berths by 2028, its "
        "planning bureau said on Tuesday, adding that the first four would open next year."
    ),
    "Officials said the plan, worth 8.5 billion yuan, would double the port's capacity for refrigerated cargo.",
    "What happens next",
    "The bureau will publish implementation rules within three months.",
]

PAGE = "\n".join(
    [
        "Skip to main content",
        "Menu",
        "Home > News > Economy",
        "English | Français | Español | 中文",
        "Harbour district plans automated berths",
        "By Staff Writer | Updated: 2025-04-08 10:30",
        "Share:",
        "Facebook Twitter LinkedIn Email",
        "",
        ARTICLE[0],
        "",
        "A crane at the harbour. [Photo/City Daily]",
        ARTICLE[1],
        "1,234 views",
        "",
        ARTICLE[2],
        "",
        ARTICLE[3],
        "",
        "Tel: +1 555 0100",
        "Recommended for You",
        "Another story about ports",
        "Register Now",
        "Copyright © 2025 City Daily. All rights reserved.",
    ]
)


def test_article_lines_survive_unchanged_and_in_order():
    page = split_page(PAGE)
    assert [line for line in page.body if line.strip()] == ARTICLE
    assert (
        page.text("Harbour district plans automated berths")
        == "Harbour district plans automated berths\n\n"
        + ARTICLE[0]
        + "\n\n"
        + ARTICLE[1]
        + "\n\n"
        + ARTICLE[2]
        + "\n\n"
        + ARTICLE[3]
    )


def test_head_holds_menus_headline_and_byline():
    page = split_page(PAGE)
    assert "Harbour district plans automated berths" in page.head
    assert page.head[0] == "Skip to main content"


def test_tail_is_cut_at_its_first_marker():
    page = split_page(PAGE)
    assert page.dropped[-4:] == [
        "Recommended for You",
        "Another story about ports",
        "Register Now",
        "Copyright © 2025 City Daily. All rights reserved.",
    ]
    assert "Tel: +1 555 0100" in page.dropped


def test_a_press_releases_legal_notes_and_contacts_end_the_article():
    for marker in ("Forward-Looking Statements", "Safe Harbor Statement", "Contacts", "Media Contacts:"):
        page = split_page("\n".join(ARTICLE + ["", marker, "", "This release contains forward-looking statements."]))
        assert page.body[-1] == ARTICLE[-1] and page.dropped[0] == marker


def test_a_closing_marker_early_in_the_page_only_drops_its_line():
    lines = [ARTICLE[0], "Related", ARTICLE[1], ARTICLE[0], ARTICLE[1], ARTICLE[3]]
    page = split_page("\n".join(lines))
    assert page.body == lines[:1] + lines[2:] and page.dropped == ["Related"]


def test_indentation_and_inner_spacing_are_kept():
    line = "  本报讯  市工业和信息化局日前公布了今年第一批智能工厂名单，全市共有二十家企业入选，数量居全省首位。"
    page = split_page("首页 > 新闻中心 > 工作动态\n字号：大 中 小\n" + line + "\n打印本页 关闭窗口\n")
    assert page.body == [line]


def test_chinese_furniture():
    for line in [
        "首页 > 新闻中心",
        "【字体：大 中 小】",
        "打印本页",
        "【关闭窗口】",
        "返回顶部",
        "版权所有：某某市人民政府办公室",
        "鲁ICP备12345678号",
        "主办单位：某某市工业和信息化局",
        "浏览次数：1024",
        "当前位置：首页 > 政务公开",
        "分享到：",
        "扫一扫在手机打开当前页",
    ]:
        assert is_furniture(line), line


def test_chinese_furniture_in_traditional_characters():
    for line in [
        "瀏覽次數：1,847　【字體：大 中 小】",
        "首頁 > 新聞中心",
        "【關閉窗口】",
        "版權所有：某某市人民政府辦公室",
        "責任編輯：周曉彤",
        "聯絡電話：(852) 2831 6620",
    ]:
        assert is_furniture(line), line


def test_english_furniture():
    for line in [
        "Skip to content",
        "Print",
        "Home> Newsroom>Latest",
        "Weekly Top 10",
        "WEBINAR",
        "Quotes are delayed by 15 minutes.",
        "Privacy Policy and Terms of Use",
        "Follow author",
        "Views: 3,021",
        "Media contact: Anna Berg",
        "Phone: 010-1234-5678",
        "Home About Us News Business Services",
        "Large Middle Small",
        "We use cookies to improve your experience on our site.",
        "Was this article helpful? 👍 132 · 👎 4",
        "Ref: MITI/PR/2026/041",
        "Our ref. DTI/2026/17",
        "Did you find this page useful?",
        "👍 48 · 👎 3",
    ]:
        assert is_furniture(line), line


def test_article_lines_that_look_a_little_like_furniture_stay():
    for line in [
        "Home appliances and electronics made up a third of exports.",
        "Home Appliances and Smart Kitchen Equipment Cluster",
        "Print media groups in the province merged in 2023.",
        "The plan runs until December 31, 2025.",
        "2024年10月30日,市政府召开常务会议。",
        "Qingdao: Powering Ahead in New Manufacturing",
        "Was this policy a success? Exports rose 12% in its first year.",
        "The subsidy was helpful to 132 firms.",
        "Reference: the plan of 2026 sets the goals.",
    ]:
        assert not is_furniture(line), line


def test_short_opening_paragraph_belongs_to_the_body():
    text = "\n".join(["Port plan approved", "", "The city approved the port plan on Monday.", "", ARTICLE[0]])
    page = split_page(text)
    assert page.body[0] == "The city approved the port plan on Monday."
    assert page.head == ["Port plan approved", ""]


def test_note_without_long_paragraphs():
    page = split_page("Plan approved\n\nThe city approved project 7.\n")
    assert page.head == ["Plan approved", ""]
    assert page.body == ["The city approved project 7."]


def test_tables_are_not_menus():
    for line in ["| Metric | 2023 | 2024 |", "Exports | 12.5 | 14.1 | 16.0", "产值 / 2023年 / 1500亿元"]:
        assert not is_furniture(line), line


def test_chinese_menu_row():
    assert is_furniture("首页 政务公开 政务服务 互动交流 走进本市")
    assert not is_furniture("首页设计获奖 企业创新能力持续提升，全年新增专利2000件。")


def test_breadcrumbs_go_but_prose_with_arrows_stays():
    for trail in (
        "Home > News > Economy",
        "首页 > 新闻中心 > 通知公告",
        "You are here: Home » Policy » Harbour District Approves a Plan for Twelve Automated Berths",
        "您当前的位置：首页 > 政务公开 > 政策文件",
    ):
        assert is_furniture(trail), trail
    for prose in (
        "Output rose where demand > supply > last year's level, the bureau said.",
        "The city will build 300 smart factories <script>alert(1)</script> by 2027, it said.",
        "Exports grew by more than 5% > the 3% target > the national average in 2024",
    ):
        assert not is_furniture(prose), prose


def test_menu_rows_contact_lines_and_label_tables():
    for line in [
        "某网首页 华东 华北 西南 华南 西北 东北 港澳",
        "E-mail newsdesk@example.org Phone 021-5555-0100",
        "Tel +86 (10) 5555 0100",
        "体裁分类:  发布机构: 市统计局",
        "信息索引号: 0001/2024-00012  主题分类:",
        "记者：王某 通讯员：李某",
    ]:
        assert is_furniture(line), line
    for line in [
        "稳步推进 提质增效",
        "全市工业增加值增长6.5% 高技术制造业增长12.1% 新动能持续壮大",
        "目标:到2027年,产值达到100亿元。措施:加快项目建设。",
        "Phone makers shipped 3,000,000 handsets in the quarter, the ministry said.",
        "Email marketing firms in the zone grew by 12% last year.",
    ]:
        assert not is_furniture(line), line


def test_very_short_lead_paragraphs_belong_to_the_body():
    text = "\n".join(["Port plan approved?", "", "It is done.", "", "The vote was 31 to 4.", "", ARTICLE[0]])
    page = split_page(text)
    assert page.body[:3] == ["It is done.", "", "The vote was 31 to 4."]
    assert page.head == ["Port plan approved?", ""]


def test_a_short_question_or_abbreviation_is_not_taken_for_a_lead():
    page = split_page("\n".join(["Jobs at U.S. Steel Co.", "", "Port plan approved?", "", ARTICLE[0]]))
    assert page.body[0] == ARTICLE[0]


def test_the_issuer_line_of_an_official_page_stays_under_the_headline():
    body = "2024年，全市规模以上工业增加值比上年增长6.5%，其中高技术制造业增长12.1%，对全市工业增长的贡献率为35.2%。"
    page = split_page(f"索引号: 0001/2024-01  主题分类:\n 体裁分类:  发布机构: 市统计局\n\n稳步推进 提质增效\n\n{body}")
    assert page.issuer == [" 体裁分类:  发布机构: 市统计局"]
    assert page.text("稳步推进 提质增效") == "稳步推进 提质增效\n\n 体裁分类:  发布机构: 市统计局\n\n" + body
    assert split_page("\n".join(["Plan approved", "", ARTICLE[0]])).issuer == []


def test_the_disclosure_note_of_an_official_document_is_furniture():
    assert is_furniture("（此件公开发布）") and is_furniture("(此件主动公开)")
    assert not is_furniture("此件公开发布后，各部门要认真抓好落实。")


def test_chinese_link_rows_with_full_width_bars():
    assert is_furniture("首页丨新闻丨政务丨服务") and is_furniture("首页｜要闻｜政务｜互动")
    assert not is_furniture("海报丨建设制造业强省,河南这样干!")


def test_a_price_line_above_the_lead_belongs_to_the_body():
    page = split_page("\n".join(["Copper rally lifts miners", "", "LME copper $9,412.50 +1.8%", "", ARTICLE[0]]))
    assert page.head == ["Copper rally lifts miners", ""]
    assert page.body[0] == "LME copper $9,412.50 +1.8%"
    page = split_page("\n".join(["Top 10 parks of 2024", "", ARTICLE[0]]))
    assert page.head == ["Top 10 parks of 2024", ""]


def test_a_list_of_names_closing_the_page_is_kept_but_menu_leftovers_are_not():
    lead = (
        "某省工业和信息化厅公布年度省级特色产业集群名单，全省共有四个集群入选，涉及装备制造、电子信息等领域。名单如下："
    )
    items = ["甲市汽车产业集群", "乙市机械产业集群", "丙市电子产业集群"]
    page = split_page("\n".join([lead, *items, "关于我们", "联系我们"]))
    assert page.body[-3:] == items


def test_an_extracted_article_keeps_its_opening_lines_and_drops_only_furniture_and_its_headline():
    article = (
        "Harbour city doubles its robot park\n"
        "Share on Facebook\n"
        "Eleven new plants and a training centre in two years\n"
        "- 40 hectares added\n"
        "The harbour city approved an extension of its robot park that adds 40 hectares and eleven plants, "
        "with a training centre for technicians due to open in 2027."
    )
    saved = split_page(article)
    extracted = split_page(article, extracted_title="Harbour city doubles its robot park", extracted=True)
    # A saved page's head runs to its first line of prose; an extracted article's deck and list are its own.
    assert "Eleven new plants and a training centre in two years" not in saved.body
    assert extracted.head == ["Harbour city doubles its robot park", "Share on Facebook"]
    assert extracted.body[:2] == ["Eleven new plants and a training centre in two years", "- 40 hectares added"]


def test_the_clean_text_reads_markdown_emphasis_as_plain_words():
    lines = [ARTICLE[0], "", "- **Battery exports:** US$3.1 billion, a *record*", "", ARTICLE[1]]
    text = split_page("\n".join(lines)).text()
    assert "- Battery exports: US$3.1 billion, a record" in text
    # a footnote's star and a product's are no emphasis
    kept = split_page("\n".join([ARTICLE[0], "", "Output rose 5%* in 2025 and 3 * 4 = 12.", "", ARTICLE[1]])).text()
    assert "Output rose 5%* in 2025 and 3 * 4 = 12." in kept


def test_underscores_and_stars_inside_words_are_kept_as_written():
    line = 'Run <a href="javascript:window.__xss=1">this</a> or window.__init__ with a*b and 2**10.'
    text = split_page("\n".join([ARTICLE[0], "", line, "", ARTICLE[1]])).text()
    assert line in text


def test_a_content_sites_counts_of_readers_and_comments_are_furniture():
    for line in ("阅读 1.2万", "点赞 356", "评论 28", "热门评论：共有3条评论", "浏览次数：2316"):
        assert is_furniture(line), line
    # a line of the story that opens with one of the words is the story's
    assert not is_furniture("阅读推广活动覆盖1.2万人。")

"""Chinese amounts: numerals, scale words, units, ranges, ranks; and what is not an amount."""

import cn2an
import pytest

from policylens.extraction.zh.numbers import find_amounts, parse_cn


@pytest.mark.parametrize(
    "token,value",
    [
        ("三", 3),
        ("十五", 15),
        ("两", 2),
        ("一百二十", 120),
        ("十", 10),
        ("三千", 3000),
        ("1,500", 1500),
        ("2.5", 2.5),
        ("二〇二五", 2025),
    ],
)
def test_parse_numerals(token, value):
    assert parse_cn(token) == value


def test_malformed_numeral_is_none():
    assert parse_cn("十四五") is None
    assert parse_cn("") is None


def amounts(text):
    return [(text[a.start : a.end], a.value, a.value_max, a.unit, a.comparator) for a in find_amounts(text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("总投资300亿元", ("300亿元", 3e10, None, "CNY")),
        ("专项资金5000万元", ("5000万元", 5e7, None, "CNY")),
        ("产业规模突破1.2万亿元", ("1.2万亿元", 1.2e12, None, "CNY")),
        ("出口额达8.6亿美元", ("8.6亿美元", 8.6e8, None, "USD")),
        ("占比提高到百分之三十", ("百分之三十", 30, None, "%")),
        ("增长4.5%", ("4.5%", 4.5, None, "%")),
        ("提高2个百分点", ("2个百分点", 2, None, "pp")),
        ("新建厂房12平方公里", ("12平方公里", 12, None, "km2")),
        ("流转土地三千亩", ("三千亩", 3000, None, "mu")),
        ("年处理废钢80万吨", ("80万吨", 800000, None, "t")),
        ("装机容量250万千瓦", ("250万千瓦", 2.5, None, "GW")),
        ("培育十五家龙头企业", ("十五家", 15, None, "count")),
        ("建成两座园区", ("两座", 2, None, "count")),
        ("新开通一百二十条航线", ("一百二十条", 120, None, "count")),
        ("打造3—5个示范区", ("3—5个", 3, 5, "count")),
        ("引进3至5家企业", ("3至5家", 3, 5, "count")),
        # a count that happens to look like a year is still a count
        ("全省新增市场主体2000家", ("2000家", 2000, None, "count")),
        ("實施技術改造項目1980個", ("1980個", 1980, None, "count")),
    ],
)
def test_amounts(text, expected):
    found = amounts(text)
    assert len(found) == 1, found
    assert found[0][:4] == expected


def test_scaled_figure_after_money_word_is_yuan():
    assert amounts("全市工业总产值超过2.3万亿")[0][1:4] == (2.3e12, None, "CNY")
    assert amounts("全市人口超过2.3万亿") == []  # no money word: not read as yuan


def test_more_than_suffix_sets_comparator():
    assert amounts("带动上下游企业200余家")[0][4] == ">"


@pytest.mark.parametrize(
    "text,value,comparator",
    [
        ("产量居全国第二", 2, None),
        ("出口额位居全省首位", 1, None),
        ("综合实力排在全国前5", 5, "<="),
        ("全省第3", 3, None),
    ],
)
def test_ranks(text, value, comparator):
    found = amounts(text)
    assert [(f[1], f[3], f[4]) for f in found] == [(value, "rank", comparator)]


def test_rank_lists_continue():
    found = amounts("两项指标分别居全国第三、第五位")
    assert [f[1] for f in found if f[3] == "rank"] == [3, 5]


@pytest.mark.parametrize(
    "text",
    [
        "2025年10月30日",
        "1-12月",
        "（2023—2025年）",
        "第二条生产线",
        "5G基站",
        "“1+3+N”体系",
        "一批企业",
        "进一步提升",
        "一企一策",
        "“十四五”规划",
        "一季度",
        "3个月内完成",
        "二级巡视员",
        "2号车间",
        "2024款新车上市",
        "2023届毕业生",
        "2022批次",
    ],
)
def test_not_amounts(text):
    assert amounts(text) == []


def test_lone_count_words_after_one_are_articles():
    assert amounts("打造一个平台，建设一条产业链") == []


def test_restatement_in_another_currency_is_an_alternative():
    [a] = find_amounts("出口额300亿元（约合42亿美元）")
    assert (a.value, a.unit) == (3e10, "CNY")
    assert [(x.value, x.unit) for x in a.alternatives] == [(4.2e9, "USD")]


def test_restatement_naming_the_yuan_is_an_alternative_in_either_script():
    # "（约合人民币13.6亿元）": the yuan named before the figure; "約合人民幣" as traditional-script pages write it
    for text in ("出口额1.9亿美元（约合人民币13.6亿元）", "投資1.2億歐元（約合人民幣9.4億元）"):
        [a] = find_amounts(text)
        assert a.unit in ("USD", "EUR") and [x.unit for x in a.alternatives] == ["CNY"]


def test_acronym_before_a_figure_and_letter_names():
    assert amounts("全年GDP5.2万亿元")[0][:4] == ("5.2万亿元", 5.2e12, None, "CNY")
    assert amounts("H7车型") == [] and amounts("A股") == []


def test_numerals_with_wan_and_yi_inside():
    assert parse_cn("一万五千") == 15000
    assert parse_cn("三亿二千万") == 320000000
    assert amounts("培育一万五千家企业")[0][:4] == ("一万五千家", 15000, None, "count")
    assert amounts("投资三千万元")[0][:4] == ("三千万元", 3e7, None, "CNY")


def test_traditional_characters():
    assert amounts("投資300億元")[0][:4] == ("300億元", 3e10, None, "CNY")
    assert amounts("增長2.5個百分點")[0][:4] == ("2.5個百分點", 2.5, None, "pp")
    assert amounts("超過1.2萬億元")[0][:4] == ("1.2萬億元", 1.2e12, None, "CNY")


@pytest.mark.parametrize(
    "token,value",
    [
        ("三万五", 35000),
        ("两千六", 2600),
        ("一千零十", 1010),
        ("一点五七", 1.57),
        ("负三", -3),
        ("壹佰贰拾", 120),
        ("三亿五千万", 3.5e8),
        ("82，225.00", 82225),
        ("1，234，567", 1234567),
    ],
)
def test_abbreviated_decimal_negative_and_financial_numerals(token, value):
    assert parse_cn(token) == value


def test_pair_of_digits_is_an_approximation_not_a_number():
    assert parse_cn("三五") is None and parse_cn("一两") is None


@pytest.mark.parametrize("n", [10, 15, 20, 101, 110, 999, 1010, 2600, 35000, 100001, 3050000, 12345678, 900000000])
def test_written_numerals_read_back_as_cn2an_writes_them(n):
    """cn2an as the oracle: a number it writes in Chinese, plain or financial (two characters or more), reads back."""
    for style in ("low", "up"):
        written = cn2an.an2cn(n, style)
        found = find_amounts(f"共有{written}家企业")
        assert [(a.value, a.unit) for a in found] == [(n, "count")], (written, found)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("增长百分之一点五七", ("百分之一点五七", 1.57, None, "%")),
        ("利润同比负百分之三", ("负百分之三", -3, None, "%")),
        ("增速为负3.5%", ("负3.5%", -3.5, None, "%")),
        ("合同金额82，225.00元", ("82，225.00元", 82225, None, "CNY")),
        ("引进三到五家企业", ("三到五家", 3, 5, "count")),
        ("投资500亿韩元", ("500亿韩元", 5e10, None, "KRW")),
        ("售价3万泰铢", ("3万泰铢", 3e4, None, "THB")),
        # a currency named with its country, never yuan for the money word before it
        ("投资2亿马来西亚林吉特", ("2亿马来西亚林吉特", 2e8, None, "MYR")),
        ("投资500亿印尼盾", ("500亿印尼盾", 5e10, None, "IDR")),
        ("投资20亿巴基斯坦卢比", ("20亿巴基斯坦卢比", 2e9, None, "PKR")),
        ("贷款20亿卢布", ("20亿卢布", 2e9, None, "RUB")),
        ("营收12亿澳元", ("12亿澳元", 1.2e9, None, "AUD")),
        ("营收80亿新台币", ("80亿新台币", 8e9, None, "TWD")),
        ("全省规上工业营收 1.34 万亿元", ("1.34 万亿元", 1.34e12, None, "CNY")),
        ("全省高新技术企业 1819 家", ("1819 家", 1819, None, "count")),
        ("合同额壹佰伍拾万元", ("壹佰伍拾万元", 1.5e6, None, "CNY")),
        # JioNLP's money-parser cases: the lower end of a range with its own scale, 个亿, jiao and fen
        ("补贴标准为1万-5万元", ("1万-5万元", 1e4, 5e4, "CNY")),
        ("奖励10万至50万元", ("10万至50万元", 1e5, 5e5, "CNY")),
        # ... joined by 到 as well, and each end at its own scale
        ("单个项目奖励500万到1000万元", ("500万到1000万元", 5e6, 1e7, "CNY")),
        ("计划投资5000万到1亿元", ("5000万到1亿元", 5e7, 1e8, "CNY")),
        # a bound marked as included is still the range's lower end, never dropped
        ("奖励1万(含)-5万元", ("1万(含)-5万元", 1e4, 5e4, "CNY")),
        ("给予1万元（含）至5万元补助", ("1万元（含）至5万元", 1e4, 5e4, "CNY")),
        ("贷款两个亿卢布", ("两个亿卢布", 2e8, None, "RUB")),
        ("售价两到三仟澳元", ("两到三仟澳元", 2000, 3000, "AUD")),
        ("引进三至五百家企业", ("三至五百家", 300, 500, "count")),
        ("价格123元1角1分", ("123元1角1分", 123.11, None, "CNY")),
        ("花了一百三十五块六角七分钱", ("一百三十五块六角七分钱", 135.67, None, "CNY")),
        # one numeral through 亿 and on to 万, never the part before 万 times 万, nor two amounts
        ("总投资一亿零五百万元", ("一亿零五百万元", 1.05e8, None, "CNY")),
        ("合同金额为贰亿零伍佰万元整", ("贰亿零伍佰万元", 2.05e8, None, "CNY")),
        # Arabic digits with Chinese place words inside
        ("总投资1亿5000万元", ("1亿5000万元", 1.5e8, None, "CNY")),
        ("投资3亿2800万元", ("3亿2800万元", 3.28e8, None, "CNY")),
        ("投资3千5百万元", ("3千5百万元", 3.5e7, None, "CNY")),
        ("带动就业1万2千人", ("1万2千人", 12000, None, "count")),
    ],
)
def test_forms_pages_write(text, expected):
    found = amounts(text)
    assert len(found) == 1, found
    assert found[0][:4] == expected


@pytest.mark.parametrize(
    "text",
    [
        "产业发展迈上一个新台阶",
        "走访陆家嘴的企业",
        "收拾好后离开",
        "三五家企业",
        "排名第 7 家",
        "一块儿推进",
        "两块钱",
    ],
)
def test_words_that_look_like_counts(text):
    assert amounts(text) == []


def test_rank_with_spaces():
    assert [(f[1], f[3]) for f in amounts("总量居全国第 7 位")] == [(7, "rank")]


def test_many_written_numerals_read_back_exactly():
    """A seeded sample across magnitudes, with cn2an writing each number plain, financial and as a percentage."""
    import random

    rng = random.Random(13)
    numbers = [rng.randrange(10, 10 ** rng.randint(2, 12)) for _ in range(300)]
    wrong = []
    for n in numbers:
        for style in ("low", "up"):
            written = cn2an.an2cn(n, style)
            found = [(a.value, a.unit) for a in find_amounts(f"累计{written}家")]
            if found != [(n, "count")]:
                wrong.append((n, written, found))
        decimal = n / 100
        written = cn2an.an2cn(f"{decimal:.2f}".rstrip("0").rstrip("."), "low")
        found = [(a.value, a.unit) for a in find_amounts(f"占比百分之{written}")]
        if found != [(pytest.approx(decimal), "%")]:
            wrong.append((decimal, written, found))
    assert wrong == []


def test_amounts_in_yi_and_wan_are_never_read_as_wrong_values():
    """cn2an as the oracle for sums written through 亿 to 万 before a unit ("一亿零五百万元", "3亿2800万元"), in
    characters, in financial numerals, and in digits with the place words between: each is read exactly or,
    in characters, left unread, never read as another value; in digits with place words, always read."""
    import random

    rng = random.Random(13)
    wrong = []
    for _ in range(200):
        n = rng.randrange(1, 10**5) * 10 ** rng.randint(4, 6)
        found = {
            w: [(a.value, a.unit) for a in find_amounts(f"项目投资{w}元，")]
            for w in (cn2an.an2cn(n, "low"), cn2an.an2cn(n, "up"))
        }
        wrong += [(n, w, f) for w, f in found.items() if f not in ([], [(n, "CNY")])]
        yi, wan = divmod(n // 10**4, 10**4)
        if yi and wan and n % 10**4 == 0:
            mixed = f"{yi}亿{'零' if wan < 1000 else ''}{wan}万"
            if (f := [(a.value, a.unit) for a in find_amounts(f"项目投资{mixed}元，")]) != [(n, "CNY")]:
                wrong.append((n, mixed, f))
    assert wrong == []


def test_full_width_decimal_point_and_spaced_digits():
    assert amounts("增长５．２％")[0][:4] == ("５．２％", 5.2, None, "%")
    # "1 819": the thousands grouped with a space, as statistical releases write them; never 819 alone
    assert [a[:4] for a in amounts("共有1 819家企业")] == [("1 819家", 1819, None, "count")]
    assert amounts("共有12 3456家企业") == []  # not groups of three: one number or two, never read


@pytest.mark.parametrize("text", ["带动数十亿元投资", "几十家企业", "数百家企业", "十几家企业"])
def test_vague_numbers_are_left_out(text):
    assert amounts(text) == []


def amounts_of(text):
    return [(text[a.start : a.end], a.value, a.value_max, a.unit) for a in find_amounts(text)]


def test_shares_in_tenths():
    assert amounts_of("外资企业约占全区进出口总额的三成") == [("三成", 30.0, None, "%")]
    assert amounts_of("新能源车销量同比增长近七成") == [("七成", 70.0, None, "%")]
    assert amounts_of("出口比重提高两成") == [("两成", 20.0, None, "%")]
    # 成 as part of a word, or after a numeral that is part of one
    assert amounts_of("政策不是一成不变的") == []
    assert amounts_of("收购九成新的二手设备") == []
    assert amounts_of("园区建成投产,三成集团入驻") == []
    assert amounts_of("打造全国唯一成熟的产业链") == []


def test_a_digit_after_cheng_is_the_share_in_hundredths():
    # "四成五" is 45 %, not 40 %; a digit that counts something after it is no part of the share
    assert amounts_of("本地配套率提高到了四成五。") == [("四成五", 45.0, None, "%")]
    assert amounts_of("外资企业占全市的六成二。") == [("六成二", 62.0, None, "%")]
    assert amounts_of("产值增长三成五家企业受益") == [("三成", 30.0, None, "%"), ("五家", 5.0, None, "count")]


def test_doubling_is_a_multiple():
    assert amounts_of("企业数量较2020年翻一番") == [("翻一番", 2.0, None, "times")]
    assert amounts_of("经济总量翻两番") == [("翻两番", 4.0, None, "times")]


def test_energy_over_time_is_not_power():
    assert amounts_of("建设年产12吉瓦时储能电池项目") == [("12吉瓦时", 12.0, None, "GWh")]
    assert amounts_of("配套建设200兆瓦时储能") == [("200兆瓦时", 200.0, None, "MWh")]


def test_a_range_with_its_unit_on_both_ends_is_one_range():
    assert amounts_of("新增配套企业20家至30家") == [("20家至30家", 20.0, 30.0, "count")]
    assert amounts_of("产值达到80亿元—100亿元") == [("80亿元—100亿元", 8e9, 1e10, "CNY")]
    # a before and an after, not a range
    assert len(amounts_of("企业由20家增加到30家")) == 2
    assert len(amounts_of("投资从80亿元到100亿元")) == 2


def test_a_change_from_one_figure_to_another_is_no_range():
    # "由1万至5万家": what the count grew to, not a range from 10,000 to 50,000
    assert [a[:4] for a in amounts("企业数量由1万至5万家")] == [("5万家", 5e4, None, "count")]


def test_the_tail_of_a_number_in_trillions_is_not_read_alone():
    # 兆 is 10^12 in Taiwan's usage; the part after it alone would be a false figure
    assert amounts("預算四十九兆九千五百九十二億元") == []
    assert [a[:4] for a in amounts("装机容量100兆瓦")] == [("100兆瓦", 100, None, "MW")]


def test_figure_and_unit_across_a_pdf_line_wrap():
    # text taken from a PDF breaks a line between a figure and its unit
    assert amounts("利润率比上年提高 1.6\n个百分点")[0][1:4] == (1.6, None, "pp")
    assert amounts("全区软件收入达到75\n亿元，增长一成")[0][1:4] == (7.5e9, None, "CNY")
    # a page number alone on its line is not read with the line after it
    assert amounts("产业链完整。\n7\n家企业入选名单") == []


def test_bare_scale_after_reach():
    # "达到百万辆": a round figure written with its scale word alone, after the verb that states it
    assert amounts("整车年产能将达到百万辆")[0][:4] == ("百万辆", 1e6, None, "count")
    assert amounts("区内企业数量达千家")[0][:4] == ("千家", 1000, None, "count")
    assert amounts("每百万人拥有量") == []


@pytest.mark.parametrize(
    "text,expected",
    [
        # a statistical release (or a page converted from PDF) groups the thousands with a space
        ("全县规上工业企业达2 317家", ("2 317家", 2317, None, "count")),
        ("实现营业收入5 608.42 亿元", ("5 608.42 亿元", 5.60842e11, None, "CNY")),
        ("人均可支配收入41\u2009208元", ("41\u2009208元", 41208, None, "CNY")),
        ("累计完成投资1 234 567万元", ("1 234 567万元", 1.234567e10, None, "CNY")),
    ],
)
def test_thousands_grouped_with_spaces(text, expected):
    found = amounts(text)
    assert len(found) == 1, found
    assert found[0][:4] == expected


@pytest.mark.parametrize("text", ["排名第 1 200 位", "比值3 45倍", "共12 3456家"])
def test_spaced_digits_that_are_no_grouped_amount(text):
    assert [f for f in amounts(text) if f[3] != "%"] == []


def test_a_sector_of_the_economy_is_no_rank():
    # 第三产业 is the tertiary sector: "全市第三产业增加值" ranks nothing third
    assert [f[3] for f in amounts("全市第三产业增加值增长5.1%")] == ["%"]
    assert [(f[1], f[3]) for f in amounts("增速居全市第三。")] == [(3, "rank")]

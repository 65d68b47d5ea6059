"""A policy's support measures ("对…给予奖励…"): what it offers is a commitment, however the sentence is dated."""

from policylens.extraction.text import TextIndex
from policylens.extraction.zh.quantities import find_quantities
from policylens.model import Document


def read(text, published="2026-07-10", title=None):
    doc = Document(source="t.txt", text=text, published=published, title=title, language="zh")
    out = find_quantities(doc, TextIndex(text), [])
    for q in out:
        assert text[q.start : q.end] == q.text
    return out


def test_a_reward_and_its_cap_are_offered():
    found = read(
        "根据市里的扶持办法，对首次入选省级工业设计中心的企业，市财政给予一次性奖励30万元；对认定为省级绿色工厂的，给予最高不超过80万元的奖励。"
    )
    assert [(q.kind, q.deadline) for q in found] == [("target", None), ("target", None)]
    assert [q.value for q in found] == [300000, 800000]


def test_a_rate_and_a_cap_after_the_day_the_measure_was_issued():
    text = "今年3月，某省政府出台若干措施，提出对年度新增研发投入超过2000万元的企业，按其新增部分的5%给予补助，单个企业最高不超过500万元。"
    found = read(text)
    assert [(q.value, q.kind, q.deadline) for q in found] == [
        (20000000, "target", None),
        (5, "target", None),
        (5000000, "target", None),
    ]


def test_an_offer_in_a_plan_holds_for_its_period():
    text = "某市新材料产业发展行动方案（2026—2028年）\n四、保障措施\n对新建新材料项目按设备投资额的8%给予补贴，单个项目最高不超过1500万元。"
    found = read(text, published="2026-04-02")
    assert {(q.kind, q.deadline) for q in found} == {("target", 2028)}


def test_support_given_last_year_is_a_report():
    found = read("去年，全市对52家企业给予技改补贴，共发放资金1.6亿元。")
    assert {q.kind for q in found} == {"statistic"}
    found = read("2025年，对新认定的专精特新企业给予奖励共计2400万元。")
    assert {q.kind for q in found} == {"statistic"}


def test_a_figure_before_the_offer_is_not_offered():
    [q, *_] = read("全市规上工业增加值增长6.5%，对新认定的省级智能工厂给予奖励。")
    assert (q.text, q.kind) == ("6.5%", "statistic")

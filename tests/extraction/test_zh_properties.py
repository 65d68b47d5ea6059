"""Whatever Chinese or mixed text comes in, the Chinese readers never raise and every span holds its text."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policylens.extraction import extract
from policylens.extraction.zh.numbers import find_amounts
from policylens.model import Document

pytestmark = pytest.mark.slow  # large Hypothesis runs: make test-fast skips it

PIECES = st.sampled_from(
    [
        "到2025年，",
        "2023年",
        "全市",
        "青岛市",
        "胶州",
        "西海岸新区",
        "将",
        "已",
        "累计",
        "力争",
        "超过",
        "约",
        "不低于",
        "左右",
        "以上",
        "余",
        "3",
        "1.2",
        "300",
        "5000",
        "十五",
        "两",
        "一百二十",
        "百分之三十",
        "万",
        "亿",
        "万亿",
        "元",
        "%",
        "个百分点",
        "家",
        "个",
        "平方公里",
        "亩",
        "吨",
        "万千瓦",
        "—",
        "至",
        "-",
        "~",
        "同比增长",
        "下降",
        "年均",
        "每年",
        "居全国第",
        "首位",
        "前",
        "《",
        "》",
        "“",
        "”",
        "（",
        "）",
        "(",
        ")",
        "有限公司",
        "产业集群",
        "产业园",
        "人民政府",
        "行动计划",
        "印发",
        "批复",
        "启动",
        "签约",
        "投产",
        "、",
        "，",
        "。",
        "；",
        "：",
        "\n",
        " ",
        "等",
        "10月13日",
        "日前",
        "十四五",
        "期末",
        "第",
        "5G",
        "+",
        "/",
        "1/10",
        "By 2025, ",
        "RMB 3 billion",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=200),
    st.lists(PIECES, max_size=50).map("".join),
    st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=50).map("".join),
)
DATES = st.one_of(st.none(), st.sampled_from(["2024", "2023-06", "2022-11-11", "not a date", ""]))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, published=DATES, title=st.one_of(st.none(), st.text(max_size=40), PIECES))
def test_chinese_extraction_never_raises_and_spans_hold(text, published, title):
    doc = Document(source="gen.txt", text=text, published=published, title=title, language="zh")
    x = extract(doc)
    for q in x.quantities:
        assert 0 <= q.start < q.end <= len(text) and text[q.start : q.end] == q.text
        assert q.kind in ("target", "statistic")
        assert q.comparator in ("=", ">", ">=", "<", "<=", "~")
        assert q.value == q.value
        assert q.value_max is None or q.value_max >= q.value
        assert q.kind == "target" or q.deadline is None
        assert q.kind == "statistic" or q.as_of is None
    for e in x.events:
        assert 0 <= e.start <= e.end <= len(text) and text[e.start : e.end] == e.text
    for ent in x.entities:
        assert ent.name
        for s, t in ent.mentions:
            assert 0 <= s < t <= len(text)


@settings(max_examples=300, deadline=None)
@given(text=TEXTS)
def test_amounts_lie_inside_the_text(text):
    for a in find_amounts(text):
        assert 0 <= a.start < a.end <= len(text)


def test_a_chinese_text_labelled_english_is_still_read_as_chinese():
    text = "到2026年，全市新能源汽车产量力争达到50万辆以上，产业规模突破1500亿元，青岛市将建设三个产业园。"
    x = extract(Document(source="t.txt", text=text))  # language left at its default
    assert [q.value for q in x.quantities] == [500000, 1.5e11, 3]

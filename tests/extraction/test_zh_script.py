"""Traditional characters: read through a simplified copy at the same offsets, spans carry the text as written."""

from policylens.extraction.pipeline import extract
from policylens.extraction.zh.script import simplify
from policylens.model import Document

TRADITIONAL = (
    "某自治區人民政府關於印發產業發展實施方案的通知。到2025年，全區工業增加值力爭達到3000億元，"
    "培育產業集群10個，烏魯木齊經濟技術開發區新簽約項目20個。"
)


def test_traditional_text_is_simplified_at_the_same_length():
    simplified = simplify(TRADITIONAL)
    assert len(simplified) == len(TRADITIONAL)
    assert "亿元" in simplified and "乌鲁木齐经济技术开发区" in simplified


def test_simplified_page_with_a_few_traditional_looking_characters_is_left_alone():
    text = "濛阳镇位于彭州市南部，是一个以农业为主的乡镇，全镇工业园区规划面积5平方公里，新签约项目12个。"
    assert simplify(text) is text


def test_traditional_page_reads_like_simplified_and_spans_hold():
    document = Document(id="t", source="test", text=TRADITIONAL, language="zh")
    extraction = extract(document)
    found = {(q.text, q.value, q.unit, q.kind, q.deadline) for q in extraction.quantities}
    assert ("3000億元", 3e11, "CNY", "target", 2025) in found
    assert ("20個", 20, "count", "target", 2025) in found
    for q in extraction.quantities:
        assert TRADITIONAL[q.start : q.end] == q.text
    parks = [e for e in extraction.entities if e.type == "park"]
    assert [p.name for p in parks] == ["烏魯木齊經濟技術開發區"]  # named as the page writes it
    assert "乌鲁木齐经济技术开发区" in parks[0].aliases  # where a simplified page's name of it meets it
    for entity in extraction.entities:
        for s, e in entity.mentions:
            assert TRADITIONAL[s:e] in {entity.name, *entity.aliases}


def test_metric_subject_and_actor_of_a_traditional_page_are_as_written():
    text = (
        "新疆維吾爾自治區人民政府辦公廳印發推進新型工業化實施方案。到2027年，全區規模以上工業增加值年均增長8%以上。"
        "6月10日，新疆准東經濟技術開發區新材料產業園正式開園。"
    )
    extraction = extract(Document(id="t", source="test", text=text, language="zh", published="2024-06-12"))
    [q] = [q for q in extraction.quantities if q.value == 8]
    assert q.metric in text and "規模以上工業增加值" in q.metric
    assert q.subject == "新疆維吾爾自治區"
    actors = {e.actor for e in extraction.events}
    assert {"新疆維吾爾自治區人民政府辦公廳", "新疆准東經濟技術開發區新材料產業園"} <= actors


def test_a_traditional_title_names_the_pages_own_place():
    text = "近日召開推進大會。會議通報，今年以來全市新簽約工業項目320個，烏蘇市增長9%，沙灣市增長7%，沙灣市營收增長5%。"
    document = Document(
        id="t",
        source="test",
        text=text,
        language="zh",
        published="2024-06-12",
        title="克拉瑪依市推進新型工業化工作會議召開",
    )
    [q] = [q for q in extract(document).quantities if q.value == 320]
    assert q.subject == "克拉瑪依市"


def test_a_traditional_headline_repeated_atop_the_body_reports_no_event_of_its_own():
    title = "某自治區印發推進新型工業化實施方案"
    text = (
        title + "\n\n近日，新疆維吾爾自治區人民政府辦公廳印發《新疆維吾爾自治區推進新型工業化實施方案》，明確發展目標。"
    )
    document = Document(id="t", source="test", text=text, language="zh", published="2024-06-12", title=title)
    events = extract(document).events
    assert [e.actor for e in events] == ["新疆維吾爾自治區人民政府辦公廳"]


def test_full_width_digits_read_as_digits_and_spans_hold():
    text = "某省人民政府关于印发工业机器人产业行动计划的通知\n\n到２０２８年，全省工业机器人产量达到１２００台。"
    assert simplify(text) == text.replace("２０２８", "2028").replace("１２００", "1200")
    found = extract(Document(source="t.txt", text=text, published="2026-05-01")).quantities
    assert [(q.text, q.value, q.kind, q.deadline) for q in found] == [("１２００台", 1200, "target", 2028)]
    assert all(text[q.start : q.end] == q.text for q in found)

"""Traditional characters: read through a simplified copy at the same offsets, spans carry the text as written."""
from policylens.extraction.pipeline import extract
from policylens.extraction.zh.script import simplify
from policylens.model import Document

TRADITIONAL = ("某自治區人民政府關於印發產業發展實施方案的通知。到2025年，全區工業增加值力爭達到3000億元，"
               "培育產業集群10個，烏魯木齊經濟技術開發區新簽約項目20個。")


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
        assert TRADITIONAL[q.start:q.end] == q.text
    parks = [e for e in extraction.entities if e.type == "park"]
    assert [p.name for p in parks] == ["乌鲁木齐经济技术开发区"]
    assert "烏魯木齊經濟技術開發區" in parks[0].aliases  # the name as the page writes it
    for entity in extraction.entities:
        for s, e in entity.mentions:
            assert TRADITIONAL[s:e] in {entity.name, *entity.aliases}

"""Whatever the text, the whole extraction pipeline never raises and every span is valid.

The contract promises that every quantity, event and entity mention points
into document.text with text == document.text[start:end]; this holds for
arbitrary Unicode as well as for generated policy prose.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policylens.extraction import extract
from policylens.model import Document

pytestmark = pytest.mark.slow  # large Hypothesis runs of the whole pipeline: make test-fast skips it

PROSE = st.sampled_from(
    [
        "By 2027, ",
        "In June 2026, ",
        "Qingdao ",
        "Jiaozhou City ",
        "the West Coast New Area ",
        "will build ",
        "approved ",
        "the Provincial Department of Industry and Information Technology ",
        "issued the ",
        "Action Plan for Smart Manufacturing (2024-2026)",
        "Co., Ltd.",
        " Industrial Park",
        " cluster ",
        "leading enterprises such as A, B and C",
        "more than ",
        "about ",
        "1,500 ",
        "3.5",
        "%",
        " billion yuan",
        " ($2.1 billion)",
        " to ",
        "three ",
        "machine tools",
        "robots",
        ". ",
        "\n\n",
        "recently ",
        "launched ",
        "<script>alert(1)</script>",
        "青岛市",
        "2025年",
        "亿元",
        "\u200b",
        "\ufeff",
        "",
        "Mr. ",
        "No. 1 ",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(PROSE, max_size=50).map("".join),
    st.lists(st.one_of(PROSE, st.text(max_size=4)), max_size=50).map("".join),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=TEXTS,
    title=st.one_of(st.none(), st.text(max_size=80)),
    published=st.one_of(st.none(), st.sampled_from(["2026", "2026-06", "2026-06-24", "garbage"])),
    language=st.sampled_from(["en", "zh", "und"]),
)
def test_extract_never_raises_and_every_span_holds(text, title, published, language):
    doc = Document(source="generated.txt", text=text, title=title, published=published, language=language)
    result = extract(doc)
    for item in (*result.quantities, *result.events):
        assert 0 <= item.start < item.end <= len(text)
        assert text[item.start : item.end] == item.text
    for entity in result.entities:
        for start, end in entity.mentions:
            assert 0 <= start < end <= len(text)
    contract = result.to_dict()
    assert contract["document"]["text"] == text

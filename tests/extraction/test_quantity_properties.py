"""Whatever the text, quantity extraction never raises and every span points at its own text."""

from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policylens.extraction.numbers import find_amounts
from policylens.extraction.quantities import find_quantities
from policylens.extraction.text import TextIndex
from policylens.model import Document, Entity

pytestmark = pytest.mark.slow  # large Hypothesis runs: make test-fast skips it

# Pieces of policy prose, so that generated text often holds numbers, units, cues and years.
PIECES = st.sampled_from(
    [
        "By 2025, ",
        "In 2023, ",
        "the city ",
        "will build ",
        "has built ",
        "more than ",
        "about ",
        "up ",
        "1,200 ",
        "3.5",
        "%",
        " percent",
        " billion yuan",
        " ($2.1 billion)",
        "RMB",
        "US$",
        " to ",
        "–",
        "three ",
        "five ",
        "enterprises",
        " square kilometers",
        ", ",
        ". ",
        "; ",
        ":\n",
        "\n\n",
        "1. ",
        "(2) ",
        "last year",
        "ranked second",
        "top three",
        "2/3",
        "(2021-2025)",
        "Jan. 5",
        "09:30",
        "86-10-1234-5678",
        "FY 2023-24",
        "annually",
        " a year",
        "compared to 2020",
        " times",
        "Five-Year Plan",
        "Top 500",
        "5G",
        "-",
        "(",
        ")",
        "\u00a0",
        "“",
        "”",
        "亿",
        "万",
        "0",
        "9",
        "twenty-",
        "one ",
        "of ",
        "from ",
        "and ",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(PIECES, max_size=40).map("".join),
    st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=40).map("".join),
)
DATES = st.one_of(st.none(), st.sampled_from(["2024", "2023-06", "2022-11-11", "not a date", ""]))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, published=DATES, title=st.one_of(st.none(), st.text(max_size=60)))
def test_quantities_never_raise_and_spans_hold(text, published, title):
    doc = Document(source="gen.txt", text=text, published=published, title=title)
    entities = [Entity("place", "X", [(0, min(3, len(text)))])] if text else []
    for q in find_quantities(doc, TextIndex(text), entities):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.kind in ("target", "statistic")
        assert q.comparator in ("=", ">", ">=", "<", "<=", "~")
        assert q.value == q.value  # not NaN
        assert q.value_max is None or q.value_max >= q.value
        assert q.kind == "target" or q.deadline is None
        assert q.kind == "statistic" or q.as_of is None


@settings(max_examples=300, deadline=None)
@given(text=TEXTS)
def test_amounts_are_ordered_and_disjoint(text):
    found = find_amounts(text)
    for a, b in pairwise(found):
        assert a.end <= b.start
    for a in found:
        assert 0 <= a.start < a.end <= len(text)

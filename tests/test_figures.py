"""Figures as people write them: no exponent ever, thousands separated, scale words for large values."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from policylens.figures import amount, number, scaled

finite = st.floats(min_value=-1e15, max_value=1e15, allow_nan=False, allow_infinity=False)


@given(finite)
def test_a_number_reads_back_as_the_value_it_shows(value):
    text = number(value)
    assert "e" not in text.lower()
    assert re.fullmatch(r"-?\d{1,3}(,\d{3})*(\.\d+)?", text), text
    back = float(text.replace(",", ""))
    assert abs(back - value) <= max(0.005, abs(value) * 0.006)


@given(finite)
def test_grouping_off_leaves_the_same_digits(value):
    assert number(value, grouping=False) == number(value).replace(",", "")


@given(st.floats(min_value=1e6, max_value=999.99e12))
def test_large_values_take_a_scale_word(value):
    text = scaled(value)
    lead, word = text.split(" ")
    assert word in ("million", "billion", "trillion")
    assert 1 <= float(lead.replace(",", "")) < 1000
    assert "e" not in lead


@given(st.floats(min_value=0, max_value=999_000))
def test_values_below_a_million_are_written_out(value):
    assert scaled(value) == number(value)


def test_the_issues_examples():
    assert amount(2e10, "CNY") == "CNY 20 billion"
    assert amount(1.5e6, "count") == "1.5 million"
    assert amount(5000, "count") == "5,000"
    assert amount(12.5, "%") == "12.5%"
    assert amount(2e10, "USD", 3e10) == "USD 20–30 billion"
    assert amount(6.8, "km2") == "6.8 km2"
    assert number(0.00123) == "0.00123" and number(-0.0) == "0"

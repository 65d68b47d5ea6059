"""The shortcuts taken for speed give exactly what the plain code they replace gives."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policylens.extraction import numbers

PIECES = st.sampled_from([
    "1", "12", "2024", "2025", "-", "‐", "/", ".", ":", ",", " ", "\n", "\n  ", "\t", "+", "(", ")", "@",
    "a@b.com ", "x@y", "https://a.b/c ", "www.x.org", "http", "January", "Jan", "Jan.", "June", "May",
    "Sept", "Dec", "of ", "st", "nd", "rd", "th", "FY", "'", "H1", "Q3", "1H", "2Q", "IV", "IV.", "•", "*",
    "·", "、", "–", "~", "1234567", "+86 ", "(010) ", "3)", "(2) ", "Smith", "the ", "١٢", "\u00a0",
])
TEXTS = st.one_of(st.text(max_size=200), st.lists(PIECES, max_size=40).map("".join),
                  st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=40).map("".join))


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS)
def test_not_amount_spans_are_finditers(text):
    assert numbers._not_amount_spans(text) == [m.span() for m in numbers.NOT_AMOUNT.finditer(text)]

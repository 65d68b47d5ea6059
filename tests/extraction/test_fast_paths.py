"""The shortcuts taken for speed give exactly what the plain code they replace gives."""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policylens.extraction import industries, numbers, quantities

pytestmark = pytest.mark.slow  # large Hypothesis runs comparing each shortcut with the plain code: make test-fast skips it

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


INDUSTRY_PIECES = st.sampled_from([
    "solar", "solar panels", "Solar", "photovoltaic", "PV", "robot", "robots", "robotics", "industrial robots",
    "semiconductor", "chips", "AI", "ai", "new energy vehicles", "NEV", "battery", "batteries", "steel",
    "textile", "biomedicine", "x", "é", "-", " ", "  ", ".", ",", "\n", "5G", "二", "新能源", "汽车", "光伏",
    "机器人", "abc", "0", "machine tool", "machine tools", "machine", "tool", "smart home", "mill-turn", "CNC",
    "high-speed train", "rail transit", "家电", "机床",
])
INDUSTRY_TEXTS = st.one_of(st.lists(INDUSTRY_PIECES, max_size=30).map("".join),
                           st.lists(st.one_of(INDUSTRY_PIECES, st.text(max_size=3)), max_size=30).map("".join))


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=INDUSTRY_TEXTS, a=st.integers(0, 300), b=st.integers(0, 300))
def test_industries_from_the_starts_found_once_are_the_scans(text, a, b):
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    starts = industries._Starts(text)
    assert industries.industries_in(text, start, end, starts) == industries.industries_in(text, start, end)
    assert list(industries._hits(text, start, end, starts)) == list(_plain_hits(text, start, end))


def _plain_hits(text, start, end):
    """industries._hits as it was: every word of text[:end] from start looked up."""
    index = industries._keywords_by_start()
    window = text[:end]
    resume = start
    for m in industries._STARTS.finditer(window, start):
        pos = m.start()
        if pos < resume:
            continue
        for keyword in index.get(m.group().lower(), ()):
            hit = keyword.pattern.match(window, pos)
            if hit:
                yield pos, keyword.industries
                resume = hit.end()
                break


CUE_PIECES = st.sampled_from([
    "will", "will reach", "is expected to", "has been", "have been", "have already built", "have set", "reached",
    "increased", "accounted for", "Has", "HAVE", "achieved", "by", "to", "-", " ", "  ", "\n", ",", ".", "x",
    "é", "K", "\u212a", "ſ", "İ", "1", "_", "aims to", "plans to", "target", "hosted", "upon completion",
])
CUE_TEXTS = st.one_of(st.text(max_size=100), st.lists(CUE_PIECES, max_size=30).map("".join),
                      st.lists(st.one_of(CUE_PIECES, st.text(max_size=3)), max_size=30).map("".join))


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=CUE_TEXTS, a=st.integers(0, 120), b=st.integers(0, 120))
def test_word_patterns_match_as_their_whole_pattern(text, a, b):
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    for words in (quantities._CUE, quantities._PAST):
        fast = [(m.span(), m.groupdict()) for m in words.finditer(text, start, end)]
        assert fast == [(m.span(), m.groupdict()) for m in words.whole.finditer(text, start, end)]


def test_the_whole_cue_patterns_are_the_original_ones():
    from policylens.extraction.quantities import _words
    assert quantities._CUE.whole.pattern == (
        rf"\b(?:(?P<t>{_words('target_cues')})|(?P<s>{_words('statistic_cues')})"
        r"|(?P<p>have\s+(?:\w+\s+)?(?:been|become|\w+ed|\w+en|built|grown|made|won|seen|brought|set)))"
        r"(?![\w-])")
    assert quantities._PAST.whole.pattern == rf"\b(?:{_words('past_markers')})\b"


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(TEXTS, st.lists(st.sampled_from(["Phase", "code", ":", "#", " ", "\t", "\n", ".", "'", "’",
                                                     "$", "x", "é", "3", "-", "No."]), max_size=40).map("".join)),
       a=st.integers(0, 200))
def test_word_before_from_a_line_start_is_the_plain_search(text, a):
    start = min(a, len(text))
    line_start = text.rfind("\n", 0, start) + 1
    fast = numbers._WORD_BEFORE_IN_LINE.search(text, line_start, start)
    plain = numbers._WORD_BEFORE.search(text, line_start, start)
    assert (fast and (fast.span(), fast.span(1))) == (plain and (plain.span(), plain.span(1)))

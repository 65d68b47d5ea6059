"""Issue 16's shortcuts in the scans shared by the extractors give exactly what the plain code they replace
gives (the style of test_fast_paths.py: each shortcut against the code it replaced, on texts built to reach
its edges)."""

import heapq
import re
from collections import Counter
from itertools import groupby
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from policylens.extraction import dates, gazetteer, numbers, shortcuts
from policylens.extraction.entities.tokens import _TOKEN_SPLIT, Tokens
from policylens.extraction.gazetteer import TOKEN

pytestmark = pytest.mark.slow  # large Hypothesis runs comparing each shortcut with the plain code

DATE_PIECES = st.sampled_from(
    [
        "today",
        "Today",
        "TODAY",
        "yesterday",
        "earlier this year",
        "this year",
        "this  month",
        "this\nweek",
        "last year",
        "last few",
        "next month",
        "past few",
        "recent",
        "recently",
        "currently",
        "at present",
        "presently",
        "at presently",
        "fiscal year",
        "Fiscal Year",
        "financial year",
        "the first half",
        "the third quarter",
        "the 5th",
        "the 31st",
        "the 3rdx",
        "first half",
        "the first 10 months",
        "first three quarters",
        "Second Quarter",
        "fourth quarter",
        "third",
        "the",
        "th",
        "2024",
        "1",
        "Q3",
        "FY",
        "Jan.",
        "March",
        "mid-",
        "Mid-",
        "MID-",
        "-",
        "_",
        ".",
        ",",
        " ",
        "\n",
        "x",
        "A",
        "é",
        "\u212a",
        "\u017f",
        "\u0130",
        "\u0131",
        "٣",
    ]
)
DATE_TEXTS = st.one_of(
    st.text(max_size=80),
    st.lists(DATE_PIECES, max_size=30).map("".join),
    st.lists(st.one_of(DATE_PIECES, st.text(max_size=3)), max_size=30).map("".join),
)

# The patterns as they were before issue 16: every digit and capital a start, the words in their own order.
_PLAIN_UPPER_START = re.compile(r"[0-9A-Z]")
_PLAIN_LOWER_START = re.compile(
    r"today|yesterday|earlier\s+this|this\s+(?:year|month|week)|last\s+(?:year|month|week|few)|"
    r"next\s+(?:year|month)|past\s+few|recent|currently|at\s+present|presently|fiscal\s+year|"
    r"financial\s+year|the\s+(?:first|second|third|fourth)\s+(?:half|quarter|\w+\s+(?:quarters|months))|"
    r"the\s+[1-3]?\d(?:st|nd|rd|th)\b|(?:first|second|third|fourth)\s+(?:half|quarter)|first\s+\w+\s+(?:quarters|months)"
)
_PLAIN_LOWER_START_ANY_CASE = re.compile(_PLAIN_LOWER_START.pattern, re.IGNORECASE)


def _plain_starts(text: str, start: int, end: int) -> list[int]:
    lowered = text[start:end].lower()
    if len(lowered) == end - start:
        lower_starts = (start + m.start() for m in _PLAIN_LOWER_START.finditer(lowered))
    else:
        lower_starts = (m.start() for m in _PLAIN_LOWER_START_ANY_CASE.finditer(text, start, end))
    merged = heapq.merge((m.start() for m in _PLAIN_UPPER_START.finditer(text, start, end)), lower_starts)
    return [
        p
        for p, _ in groupby(merged)
        if p == 0
        or not (text[p - 1].isalnum() or text[p - 1] in "_.," or text[p - 1] == "-" and not dates._after_dash(text, p))
    ]


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=DATE_TEXTS, a=st.integers(0, 200), b=st.integers(0, 200))
@example(text="at presently, this year", a=0, b=200)
@example(text="x2024 ABC mid-March, Mid-2024 -5 _Q3 .Jan", a=0, b=200)
@example(text="\u0130 today, the 5th", a=0, b=200)
def test_date_starts_are_the_plain_ones(text, a, b):
    """Starts found by the run-skipping capital scan and the lower-case words grouped by first letter are the
    starts every capital and digit, and each word in its own order, gave."""
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    assert list(dates._starts(text, start, end)) == _plain_starts(text, start, end)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=DATE_TEXTS, a=st.integers(0, 200), b=st.integers(0, 200), flags=st.sampled_from([0, re.IGNORECASE]))
def test_lower_start_words_grouped_by_letter_match_as_listed(text, a, b, flags):
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    grouped = re.compile(dates._LOWER_START.pattern, flags)
    plain = re.compile(_PLAIN_LOWER_START.pattern, flags)
    assert [m.span() for m in grouped.finditer(text, start, end)] == [
        m.span() for m in plain.finditer(text, start, end)
    ]
    for pos in range(start, end + 1):
        fast, slow = grouped.match(text, pos, end), plain.match(text, pos, end)
        assert (fast and fast.span()) == (slow and slow.span())


def test_white_space_other_than_the_space_is_never_printable():
    """The shortcut of shortcuts.squeezed: a printable text holds no white space but the plain space."""
    spaces = [chr(c) for c in range(0x110000) if _SPACE.match(chr(c))]
    assert " " in spaces and "\u3000" in spaces and "\x1c" in spaces
    assert [c for c in spaces if c != " " and c.isprintable()] == []


def test_word_characters_are_those_str_calls_alphanumeric():
    """The shortcut of shortcuts.previous_word: sre's \\w is str.isalnum() or the underscore, character by character."""
    assert [c for c in map(chr, range(0x110000)) if bool(_WORD_CHAR.match(c)) != (c.isalnum() or c == "_")] == []


_SPACE = re.compile(r"\s")
_WORD_CHAR = re.compile(r"\w")
SPACE_TEXTS = st.one_of(
    st.text(max_size=40),
    st.lists(
        st.sampled_from([" ", "  ", "\t", "\n", "\u00a0", "\u3000", "\u2028", "\x1c", "\x85", "a", "Park", "-", "é"]),
        max_size=20,
    ).map("".join),
)


@settings(max_examples=2000, deadline=None)
@given(text=SPACE_TEXTS)
def test_squeezed_is_the_substitution(text):
    assert shortcuts.squeezed(text) == re.sub(r"\s+", " ", text)
    assert shortcuts.Spaces().sub(" ", text) == re.sub(r"\s+", " ", text)
    assert shortcuts.Spaces().sub("_", text) == re.sub(r"\s+", "_", text)
    assert shortcuts.Spaces().sub(" ", text, 1) == re.sub(r"\s+", " ", text, count=1)


_PLAIN_PREVIOUS_WORD = re.compile(r"(?<![\w’'-])([\w’'-]+)\W*$")
WORD_BEFORE_TEXTS = st.one_of(
    st.text(max_size=50),
    st.lists(
        st.sampled_from(
            [
                "the",
                "Park",
                "rose",
                " ",
                "  ",
                "\n",
                "-",
                "--",
                "'",
                "’",
                "'s",
                "_",
                "é",
                "٣",
                "5",
                "$",
                ",",
                ".",
                "(",
                "x" * 35,
            ]
        ),
        max_size=25,
    ).map("".join),
)


@settings(max_examples=3000, deadline=None)
@given(text=WORD_BEFORE_TEXTS, a=st.integers(0, 120))
@example(text="-- ", a=3)
@example(text="a '- ", a=5)
@example(text="x" * 40 + " by ", a=44)
@example(text="state-owned’s  ", a=15)
def test_previous_word_is_the_search(text, a):
    pos = min(a, len(text))
    m = _PLAIN_PREVIOUS_WORD.search(text[max(0, pos - 30) : pos])
    assert shortcuts.previous_word(text, pos) == (m.group(1).lower() if m else "")


@settings(max_examples=1000, deadline=None)
@given(
    words=st.lists(
        st.one_of(
            st.text(min_size=1, max_size=6),
            st.sampled_from(["Acme", "acme", "5G", "2nd", "2024", "٣x", "Ⅻ", "ǅ", "É", "'s", "3.5", "1st", "x1"]),
        ),
        max_size=30,
    )
)
def test_capitalised_is_the_plain_test(words):
    assert shortcuts.capitalised(words) == [
        w[0].isupper() or (w[0].isdigit() and any(c.isalpha() for c in w)) for w in words
    ]


SPOKEN_PIECES = st.sampled_from(
    [
        "half of",
        "Half of",
        "HALF of",
        "halves of",
        "a third of",
        "Third of",
        "two-thirds of",
        "quarter of",
        "Quarters of",
        "a fifth of",
        "tenth of",
        "hundredths of",
        "halfway",
        "thirdly",
        " of",
        "of an",
        "of a",
        " ",
        "\n",
        "-",
        "x",
        "İ",
        "\u212a",
        "ſ",
        "Σ",
        "é",
        "two",
        "one",
        "1/2",
    ]
)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.one_of(
        st.text(max_size=60), st.lists(st.one_of(SPOKEN_PIECES, st.text(max_size=3)), max_size=25).map("".join)
    )
)
@example(
    text="İ half of, a Third of the",
)
def test_spoken_fractions_are_the_scan(text):
    found = numbers._spoken_fractions(text, text.lower())
    plain = numbers._SPOKEN_FRACTION.finditer(text)
    assert [(m.span(), m.groupdict()) for m in found] == [(m.span(), m.groupdict()) for m in plain]


def _plain_chain(places, key):
    """Gazetteer.chain as it was: each place compared with every one in the chain, field by field."""
    out = []
    place = places.get(key)
    while place is not None and place not in out:
        out.append(place)
        place = places.get(place.parent) if place.parent else None
    return out


def test_every_chain_of_the_gazetteer_is_the_plain_one():
    gaz = gazetteer.load()
    for key in gaz.places:
        assert gaz.chain(key) == _plain_chain(gaz.places, key)


KEYS = st.sampled_from(["a", "b", "c", "d", "e"])


@settings(max_examples=1000, deadline=None)
@given(
    entries=st.dictionaries(
        KEYS, st.tuples(KEYS, st.one_of(st.none(), KEYS), st.sampled_from(["city", "province"])), max_size=5
    ),
    start=KEYS,
)
def test_chains_through_cycles_and_aliases_are_the_plain_ones(entries, start):
    """Parents that loop, and dictionary keys naming a place filed under another key (two equal places under
    two keys, or two places of one key that differ), stop the chain where the plain comparison stops it."""
    places = {
        k: gazetteer.Place(key, level, key.upper(), (), None, (), parent) for k, (key, parent, level) in entries.items()
    }
    assert gazetteer.Gazetteer.chain(SimpleNamespace(places=places), start) == _plain_chain(places, start)


@settings(max_examples=1000, deadline=None)
@given(data=st.data())
def test_words_outside_some_places_are_those_counted_more_often(data):
    words = data.draw(st.lists(st.sampled_from(["Key", "The", "key", "Acme", "In", "x", ""]), max_size=20))
    places = data.draw(st.sets(st.integers(0, max(0, len(words) - 1)))) if words else set()
    counts = Counter(words)
    counts.subtract(words[k] for k in places)
    assert shortcuts.words_outside(words, places) == {w for w, c in counts.items() if c > 0}


NAME_TEXTS = st.lists(
    st.sampled_from(
        ["Key", "key", "KEY", "Acme", "The", "the", "In", "in", "projects", " ", ". ", "\n", ": ", "“", "(", "x"]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(text=st.one_of(st.text(max_size=120), NAME_TEXTS))
def test_name_like_reads_the_inner_words_as_the_counter_did(text):
    tokens = Tokens(text)
    if not len(tokens):
        return
    counts = Counter(tokens.words)
    counts.subtract(tokens.words[k] for k in tokens._sentence_initials())
    inner = {w for w, c in counts.items() if c > 0}
    for i in range(len(tokens)):
        word = tokens.words[i]
        plain = word.isupper() or any(c.isupper() for c in word[1:]) or not tokens.sentence_initial(i) or word in inner
        assert tokens.name_like(i, i) == plain


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(st.text(max_size=120), NAME_TEXTS, WORD_BEFORE_TEXTS))
@example(text="U.S.-based Acme's 4.0 plan, e.g. the ’s x_y 2nd")
def test_token_spans_from_a_split_are_the_matches(text):
    matches = list(TOKEN.finditer(text))
    assert shortcuts.split_spans(_TOKEN_SPLIT, text) == (
        [m.start() for m in matches],
        [m.end() for m in matches],
        [m.group() for m in matches],
    )
    tokens = Tokens(text)
    assert (tokens.starts, tokens.ends, tokens.words) == shortcuts.split_spans(_TOKEN_SPLIT, text)

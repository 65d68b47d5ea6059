"""What issue 16 reads only when a figure asks for it, or only where its words are, gives exactly what reading it
at once gave: each part of a sentence's timing, read lazily in any order and any subset, and the forms a name is
written in, against the eager readings they replaced; the searches a look for their word passes over, on every
string they match, in any case (the style of test_fast_paths.py)."""

import re
from bisect import bisect_right

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from policylens.extraction import quantities as q
from policylens.extraction.entities import find_entities
from policylens.extraction.text import TextIndex
from policylens.model import Document

pytestmark = pytest.mark.slow  # large Hypothesis runs comparing each shortcut with the plain code

# Pieces of sentences that say when: months with and without days, days of the week, parts of a year, the
# present, past and perfect verbs, years, and the words around them.
TIMING_PIECES = [
    "on March 3",
    "in May",
    "May",
    "last month",
    "last week",
    "on Tuesday",
    "yesterday",
    "in the first half",
    "in H1",
    "Q3",
    "the third quarter",
    "January-June",
    "currently",
    "now",
    "to date",
    "today",
    "rose",
    "has risen",
    "were built",
    "has been completed",
    "2024",
    "in 2025",
    "sales",
    "grew 5%",
    "$3 billion",
    ",",
    ".",
    "-",
    "–",
]
TIMING_TEXTS = st.lists(st.sampled_from(TIMING_PIECES), max_size=14).map(" ".join)
PARTS = ["month_day", "recent_day", "month", "period_end_month", "past", "present"]


def _eager(text: str, start: int, end: int, pub_month: int | None) -> dict:
    """The reading _Reader._timing made of every part at once before issue 16 made it lazy."""
    lowered = text[start:end].lower()
    part = (
        q._PART_OF_YEAR.search(text, start, end)
        if q._ANY_YEAR.search(text, start, end) is None
        and (any(w in lowered for w in q._PART_WORDS) or q._HQ_DIGIT.search(text, start, end))
        else None
    )
    return {
        "month_day": q._MONTH_DAY.search(text, start, end) is not None,
        "recent_day": q._RECENT_DAY.search(text, start, end) is not None,
        "month": q._month_named(text, start, end, pub_month),
        "period_end_month": q._part_end_month(part) if part else None,
        "past": any(
            not q._PERFECT.search(text, max(start, m.start() - 25), m.start())
            for m in q._PAST.finditer(text, start, end)
        ),
        "present": q._PRESENT.search(text, start, end) is not None,
    }


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=TIMING_TEXTS,
    a=st.integers(0, 60),
    b=st.integers(0, 200),
    pub_month=st.none() | st.integers(1, 12),
    asked=st.lists(st.sampled_from(PARTS), max_size=8),
)
@example(text="Sales rose 5% in May and last week, in the first half.", a=0, b=200, pub_month=6, asked=PARTS)
@example(text="x on March 3 has risen now", a=2, b=20, pub_month=None, asked=PARTS[::-1])
def test_a_timing_read_part_by_part_is_the_eager_reading(text, a, b, pub_month, asked):
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    timing = q._Timing(text, start, end, pub_month)
    eager = _eager(text, start, end, pub_month)
    for part in asked + PARTS:  # the parts asked first, in any order, then all of them again
        assert getattr(timing, part) == eager[part], part


# Case as the text may write it, and the characters case-insensitive matching takes for an ASCII letter.
_FOLDS = {"s": "\u017f", "k": "\u212a", "i": "\u0130"}


@st.composite
def _matched_in_text(draw, pattern) -> str:
    # the look at the first letters (anycase.opening) is left out: Hypothesis writes no strings for a look ahead
    matched = draw(
        st.from_regex(re.compile(re.sub(r"^\(\?=\[[^\]]*\]\)", "", pattern.pattern), pattern.flags), fullmatch=True)
    )
    how = draw(st.sampled_from(["as", "upper", "title", "folded"]))
    if how == "folded":
        matched = "".join(_FOLDS.get(c.lower(), c) if draw(st.booleans()) else c for c in matched)
    else:
        matched = {"as": matched, "upper": matched.upper(), "title": matched.title()}[how]
    return draw(st.sampled_from(["", " ", "x ", "5 ", ", "])) + matched + draw(st.sampled_from(["", " ", "5"]))


@pytest.mark.parametrize("name", ["_FROM_PRESENT", "_FROM_LEVEL"])
@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_window_without_from_holds_no_reading_of_from(name, data):
    # _Reader._starting_level tries these patterns only where might_hold finds _FROM_NEEDS in the window.
    pattern = getattr(q, name)
    text = data.draw(_matched_in_text(pattern))
    if pattern.search(text) is not None:  # text after a match may end what must end the window ("\\s+$")
        assert q.might_hold(text, text.lower(), q._FROM_NEEDS)


def test_the_look_for_from_passes_over_a_window_without_it():
    assert q.might_hold("up FROM ", "up from ", q._FROM_NEEDS)
    assert not q.might_hold("rose since ", "rose since ", q._FROM_NEEDS)


# Names written in more than one way, across lines and with runs of spaces, among words and figures.
WRITTEN_PIECES = [
    "South Korea",
    "South  Korea",
    "South\nKorea",
    "the Republic of Korea",
    "Korea",
    "Suzhou Industrial Park",
    "Suzhou  Industrial Park",
    "Acme Corp",
    "Acme",
    "Jiangsu Province",
    "Jiangsu",
    "exported",
    "rose",
    "$5 billion",
    "15%",
    "30 factories",
    ", ",
    ". ",
    " and ",
    "\n\n",
]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(st.sampled_from(WRITTEN_PIECES), min_size=1, max_size=20).map(" ".join))
@example(text="South Korea exported $5 billion. the Republic of Korea rose 15%. South  Korea and Korea rose 15%")
def test_a_name_written_as_the_text_writes_it_is_read_when_asked_as_at_once(text):
    document = Document(source="t.txt", text=text)
    index = TextIndex(text)
    entities = find_entities(document, index)
    reader = q._Reader(document, index, entities)
    written = {  # the forms _Reader read of every name at once before issue 16 read them when asked
        ent.name: [(ms, q._SPACES.sub(" ", text[ms:me])) for ms, me in sorted(ent.mentions)]
        for ent in entities
        if ent.type in q._WRITTEN_TYPES
    }
    for name in [*written, *(e.name for e in entities), "Nowhere", None]:
        for pos in range(0, len(text) + 1, 7):
            forms = written.get(name or "")
            if name is not None and name[-2:] in ("'s", "’s"):
                eager = name[:-2]
            elif not forms or name is None:
                eager = name
            else:
                i = bisect_right(forms, (pos,)) - 1
                form = forms[i][1] if i >= 0 else forms[0][1]
                bad = not form.strip() or any(w not in name for w in q._ACRONYM.findall(form))
                eager = name if bad or q._BROKEN_WORD.search(form) else form
            assert reader._as_written(name, pos) == eager

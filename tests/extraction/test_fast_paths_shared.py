"""What issue 16 reads once and shares (between the figures of a sentence, or between the names of a document)
gives exactly what reading it afresh gives: each shared reading against a fresh reader, or the plain code, on
texts built to reach its edges (the style of test_fast_paths.py)."""

import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from policylens.extraction import quantities
from policylens.extraction.entities import find_entities
from policylens.extraction.entities.assemble import _any_level_word, _level_words
from policylens.extraction.entities.tokens import _DISCLAIMER, title_lines
from policylens.extraction.numbers import find_amounts
from policylens.extraction.text import TextIndex
from policylens.model import Document

pytestmark = pytest.mark.slow  # large Hypothesis runs comparing each shortcut with the plain code


def _texts(pieces: list[str], max_size: int, sep: str = "") -> st.SearchStrategy[str]:
    """Texts of up to ``max_size`` of ``pieces`` joined by ``sep``."""
    return st.lists(st.sampled_from(pieces), max_size=max_size).map(sep.join)


# Pieces of sentences about who owns a figure: names, places that locate them, asides, pronouns and
# definite descriptions, adjuncts, verbs, clause openings and figures, so that two figures often share a
# clause, a verb or neither.
SUBJECT_PIECES = st.sampled_from(
    [
        "Hefei",
        "Anhui",
        "Suzhou Industrial Park",
        "Acme Corp",
        "the Qingdao cluster",
        "Jiangsu Province",
        "China",
        "It",
        "it",
        "They",
        "The park",
        "the park",
        "The province",
        "the province's",
        "This city",
        "the plan",
        "According to Acme Corp",
        "such as Hefei",
        "on the Shanghai Stock Exchange",
        "With 300 firms",
        "has built",
        "exported",
        "will reach",
        "rose",
        "attracted",
        "is expected to create",
        "said",
        "30 factories",
        "$5 billion",
        "15%",
        "1,200 jobs",
        "in 2023",
        "by 2027",
        ", ",
        ", and ",
        ", while ",
        "; ",
        " and ",
        " ",
        " ",
        ". ",
        ".\n\n",
    ]
)
SUBJECT_TEXTS = st.lists(SUBJECT_PIECES, min_size=1, max_size=30).map("".join)


def _reader(text: str) -> quantities._Reader:
    document = Document(source="t.txt", text=text)
    index = TextIndex(text)
    return quantities._Reader(document, index, find_entities(document, index))


def _figures(reader: quantities._Reader) -> list:
    return [a for a in find_amounts(reader.text) if not reader._skip(a)]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=SUBJECT_TEXTS)
@example(text="Hefei, Anhui, has built 30 factories and 1,200 jobs in 2023. It exported $5 billion, and rose 15%.")
@example(text="The park, the Qingdao cluster, attracted $5 billion; Acme Corp said it will reach 15% and 30 factories.")
@example(text="With 300 firms, Suzhou Industrial Park exported $5 billion and 15%, while China rose 15% and 30 firms.")
def test_a_clause_read_once_for_its_figures_gives_each_figure_the_fresh_subject(text):
    # One reader shares what the words before a clause's verb say (and what a description opening a clause
    # refers to) between the figures after that verb; a fresh reader for each figure reads it again.
    shared = _reader(text)
    for a in _figures(shared):
        fresh = _reader(text)
        assert shared._clause_subject(a, shared._sentence(a.start)) == fresh._clause_subject(
            a, fresh._sentence(a.start)
        )
        assert shared._subject(a, shared._sentence(a.start)) == fresh._subject(a, fresh._sentence(a.start))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=SUBJECT_TEXTS)
def test_a_description_opening_a_clause_is_read_once_a_place(text):
    shared = _reader(text)
    places = [0] + [m.end() for m in re.finditer(r"[,;.]\s*", text)]
    for at in places + places:  # each place asked twice: the second answer is the one kept
        assert shared._opening_referent(at) == _reader(text)._opening_referent(at)


LEVEL_PIECES = st.sampled_from(
    [
        "national",
        "national-level",
        "international",
        "provincial",
        "provincial-level",
        "province-level",
        "municipal",
        "city-level",
        "county",
        "county-level",
        "state-level",
        "world-class",
        "world",
        "level",
        "-",
        " ",
        "_",
        "x",
        "park",
        "acme",
    ]
)


@settings(max_examples=1000, deadline=None)
@given(name=st.lists(LEVEL_PIECES, max_size=8).map("".join))
@example(name="international park")
@example(name="city-level_park")
def test_a_name_without_a_level_word_is_passed_over_by_one_search(name):
    # _describe tries the level words one by one only where the alternation of them all finds one.
    assert (_any_level_word().search(name) is not None) == any(word.search(name) for word, _ in _level_words())


# The cue words of the patterns issue 16 opened with a look at their first letters, in three cases and with the
# characters case-insensitive matching takes for a letter, between the characters that end or join a word.
_OPENED = (
    (quantities._PLAN_TITLE, ("plan_title_words",)),
    (quantities._PRESENT, ("present_cues",)),
    (quantities._PAST, ("past_markers",)),
    (quantities._CHANGE_CUE, ("increase_cues", "decrease_cues")),
    (quantities._ANNUAL_BEFORE, ("annual_cues",)),
    (quantities._LIST_OPENER, ("list_openers",)),
    (quantities._CONJUNCTION, ()),
    (quantities._ANNUAL_AFTER, ()),
)
_CUE_WORDS = sorted(
    {str(w) for _, keys in _OPENED for key in keys for w in quantities._CUES[key]}
    | {"and", "or", "but", "while", "which", "that year", "whereas", "annually", "a year", "per annum", "yearly"}
)
OPENED_TEXTS = st.lists(
    st.one_of(
        st.sampled_from(_CUE_WORDS).flatmap(lambda w: st.sampled_from([w, w.upper(), w.title()])),
        st.sampled_from([" ", "  ", "-", "\n", ",", ".", "x", "5", "_", "\u0130", "\u0131", "\u017f", "\u212a"]),
    ),
    max_size=20,
).map("".join)


_LEADING_LOOK = re.compile(r"^\(\?=\[[^\]]*\]\)")


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=OPENED_TEXTS, a=st.integers(0, 120), b=st.integers(0, 300))
@example(text=" ".join(w for word in _CUE_WORDS for w in (word, word.upper(), word.title())), a=0, b=100_000)
@example(text="-".join(_CUE_WORDS), a=0, b=100_000)
def test_patterns_opened_by_a_look_at_their_first_letters_match_as_without_it(text, a, b):
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    for fast, _ in _OPENED:
        plain = re.compile(_LEADING_LOOK.sub("", fast.pattern), fast.flags)
        assert plain.pattern != fast.pattern
        assert [(m.span(), m.groupdict()) for m in fast.finditer(text, start, end)] == [
            (m.span(), m.groupdict()) for m in plain.finditer(text, start, end)
        ]


COMPARATOR_WORDS = sorted({w for words in quantities._CUES["comparators"].values() for w in map(str, words)})


@settings(max_examples=500, deadline=None)
@given(
    word=st.one_of(
        st.sampled_from(COMPARATOR_WORDS).flatmap(lambda w: st.sampled_from([w, w.upper(), f"x-{w}", f"{w}s"])),
        st.from_regex(r"[A-Za-z][\w’'&-]{0,12}", fullmatch=True),
    ),
    first=st.booleans(),
)
@example(word="over", first=True)
@example(word="well-over", first=False)
def test_a_word_read_once_at_a_metric_edge_is_the_search(word, first):
    # _is_comparator and _edge_junk are cached by word: each answer, asked twice, is what the search gives.
    for _ in range(2):
        assert quantities._is_comparator(word) == (quantities._COMPARATOR_BEFORE.search(word) is not None)
        assert quantities._edge_junk(word, first) == quantities._edge_junk.__wrapped__(word, first)


@settings(max_examples=1000, deadline=None)
@given(
    text=st.lists(
        st.sampled_from(
            [
                "forward",
                "FORWARD",
                "Forward",
                "forwar",
                "-",
                " ",
                "looking",
                "statements",
                "statement",
                "within the",
                "meaning",
                "safe harbor",
                "safe harbour",
                "\n",
                "x",
                "\u0130",
                "\u017f",
                "\u212a",
                "ﬀ",
                "ＦＯＲＷＡＲＤ",
            ]
        ),
        max_size=20,
    ).map("".join)
)
@example(text="Forward-Looking Statements within the meaning of the Act")
def test_the_disclaimers_title_lines_finds_are_the_searches(text):
    # title_lines searches paragraphs for a disclaimer only in a text whose lower case holds "forward".
    index = TextIndex(text)
    disclaimers = {(start, end) for start, end in index.paragraphs if _DISCLAIMER.search(text, start, end)}
    assert disclaimers <= set(title_lines(text, index))


def test_only_the_ascii_letters_of_forward_match_them_ignoring_case():
    # Why the look at the lower case is enough: every character that matches a letter of "forward" ignoring
    # case lowers to that letter.
    letters = re.compile("[forwad]", re.IGNORECASE)
    assert {chr(c) for c in range(0x110000) if letters.fullmatch(chr(c))} == set("forwadFORWAD")


DATELINE_TEXTS = _texts(
    [
        "QINGDAO",
        "BEIJING, China",
        ", ",
        "Aug. 25, 2025",
        "Sept 3",
        " ",
        "\t",
        "\n",
        "\r\n",
        "\n\n",
        " -- ",
        " — ",
        "-",
        "(GLOBE NEWSWIRE)",
        "/PRNewswire/",
        "x",
        "The",
        "2024",
    ],
    20,
    "",
)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=DATELINE_TEXTS)
@example(text="QINGDAO, China, Aug. 25, 2025 (GLOBE NEWSWIRE) -- x\nBEIJING -- y\n\nTOKYO — z")
def test_datelines_tried_at_line_starts_are_the_scan(text):
    found = [m.span() for m in quantities.finditer_at(quantities._DATELINE, text, quantities._line_starts(text))]
    assert found == [m.span() for m in quantities._DATELINE.finditer(text)]


MONTH_TEXTS = _texts(
    [
        "in",
        "In",
        "during",
        "for",
        "through",
        "by the end of",
        "last",
        "Last",
        "month",
        "months",
        "Month",
        "May",
        "may",
        "June",
        "Jun",
        "March",
        "Mar",
        "December",
        "DECEMBER",
        "september",
        " ",
        "\n",
        ",",
        "2024",
        "5",
        "x",
    ],
    12,
    " ",
)


@settings(max_examples=1000, deadline=None)
@given(text=MONTH_TEXTS, pub_month=st.one_of(st.none(), st.integers(1, 12)))
@example(text="in May", pub_month=None)
@example(text="Last\nmonth", pub_month=3)
def test_a_month_named_is_looked_for_only_where_a_month_is_written(text, pub_month):
    m = quantities._MONTH_ALONE.search(text)
    plain = (
        None
        if m is None
        else (
            quantities._MONTH_NUMBER[m.group("m").lower()]
            if m.group("m")
            else ((pub_month - 2) % 12 + 1 if pub_month is not None else None)
        )
    )
    assert quantities._month_named(text, 0, len(text), pub_month) == plain


GATED_TEXTS = _texts(
    [
        *map(str, quantities._CUES["list_openers"]),
        "its",
        "Its",
        "ITS",
        "their",
        "THEIR",
        "it",
        "the",
        "such",
        "like-minded",
        "in",
        "across",
        "at",
        "near",
        "plant",
        "market share",
        ",",
        " ",
        "\n",
        "-",
        "\u0130",
        "\u017f",
        "\u212a",
        "x",
    ],
    14,
    " ",
)


@settings(max_examples=1000, deadline=None)
@given(text=GATED_TEXTS)
@example(text="key parts such as  cylinders")
@example(text="\u0130TS market share in the")
def test_windows_passed_over_by_a_look_for_their_words_hold_no_match(text):
    # _without_examples and _Reader._scoped search a window only where might_hold finds the words the pattern needs.
    lowered = text.lower()
    if not quantities.might_hold(text, lowered, quantities._LIST_OPENER_NEEDS):
        assert quantities._LIST_OPENER.search(text) is None
        assert quantities._without_examples(text) == text
    if not quantities.might_hold(text, lowered, quantities._POSSESSIVES):
        assert quantities._SCOPED_BY_POSSESSIVE.search(text) is None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=GATED_TEXTS)
@example(text="its first plant, in Chonburi")
def test_a_place_scoped_by_a_possessive_is_the_search(text):
    reader = _reader(text)
    for start in range(len(text) + 1):
        plain = quantities._SCOPED_BY_POSSESSIVE.search(text, max(0, start - 60), start) is not None
        assert reader._scoped(start) == plain


@settings(max_examples=1000, deadline=None)
@given(gap=st.text(alphabet=" \t\n,;:.()-'’x5\u00a0", max_size=6))
def test_a_break_between_words_after_a_count_is_found_by_a_set_as_by_the_characters(gap):
    # _counted_noun asks of the gap before every word whether it holds one of these characters.
    assert (not quantities._PHRASE_BREAKS.isdisjoint(gap)) == any(c in gap for c in ",;:.()")

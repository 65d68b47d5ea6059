"""The shortcuts taken for speed give exactly what the plain code they replace gives."""

import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from policylens.extraction import events, gazetteer, industries, numbers, quantities
from policylens.extraction.anycase import any_case, finditer_at, might_hold, needed, opening, places_of
from policylens.extraction.entities import lists
from policylens.extraction.entities.patterns import patterns
from policylens.extraction.entities.tokens import Tokens

pytestmark = (
    pytest.mark.slow
)  # large Hypothesis runs comparing each shortcut with the plain code: make test-fast skips it

PIECES = st.sampled_from(
    [
        "1",
        "12",
        "2024",
        "2025",
        "-",
        "‐",
        "/",
        ".",
        ":",
        ",",
        " ",
        "\n",
        "\n  ",
        "\t",
        "+",
        "(",
        ")",
        "@",
        "a@b.com ",
        "x@y",
        "https://a.b/c ",
        "www.x.org",
        "http",
        "January",
        "Jan",
        "Jan.",
        "June",
        "May",
        "Sept",
        "Dec",
        "of ",
        "st",
        "nd",
        "rd",
        "th",
        "FY",
        "'",
        "H1",
        "Q3",
        "1H",
        "2Q",
        "IV",
        "IV.",
        "•",
        "*",
        "·",
        "、",
        "–",
        "~",
        "1234567",
        "+86 ",
        "(010) ",
        "3)",
        "(2) ",
        "Smith",
        "the ",
        "١٢",
        "\u00a0",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=200),
    st.lists(PIECES, max_size=40).map("".join),
    st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=40).map("".join),
)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS)
@example(text="IV. Goals\nII. Aims\n  3) x\n• 5. y\n(2) z\n> 4. q\n# 1. t\nCL. x\n\t7. s\n- 8. u\n·9) v\n*10. w")
def test_not_amount_spans_are_finditers(text):
    assert numbers._not_amount_spans(text) == [m.span() for m in numbers.NOT_AMOUNT.finditer(text)]


INDUSTRY_PIECES = st.sampled_from(
    [
        "solar",
        "solar panels",
        "Solar",
        "photovoltaic",
        "PV",
        "robot",
        "robots",
        "robotics",
        "industrial robots",
        "semiconductor",
        "chips",
        "AI",
        "ai",
        "new energy vehicles",
        "NEV",
        "battery",
        "batteries",
        "steel",
        "textile",
        "biomedicine",
        "x",
        "é",
        "-",
        " ",
        "  ",
        ".",
        ",",
        "\n",
        "5G",
        "二",
        "新能源",
        "汽车",
        "光伏",
        "机器人",
        "abc",
        "0",
        "machine tool",
        "machine tools",
        "machine",
        "tool",
        "smart home",
        "mill-turn",
        "CNC",
        "high-speed train",
        "rail transit",
        "家电",
        "机床",
    ]
)
INDUSTRY_TEXTS = st.one_of(
    st.lists(INDUSTRY_PIECES, max_size=30).map("".join),
    st.lists(st.one_of(INDUSTRY_PIECES, st.text(max_size=3)), max_size=30).map("".join),
)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=INDUSTRY_TEXTS, a=st.integers(0, 300), b=st.integers(0, 300))
def test_industries_from_the_starts_found_once_are_the_scans(text, a, b):
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    starts = industries._Starts(text)
    assert industries.industries_in(text, start, end, starts) == industries.industries_in(text, start, end)
    assert list(industries._hits(text, start, end, starts)) == list(_plain_hits(text, start, end))


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=INDUSTRY_TEXTS)
def test_the_industries_of_a_name_kept_are_those_read_afresh(text):
    """industries_in of a whole text (an entity's name) answers from what it kept for that text: the
    industries the plain scan reads, in order of first mention; a caller changing the list it got changes
    no later answer."""
    fresh: list[str] = []
    for _, ids in _plain_hits(text, 0, len(text)):
        fresh += [i for i in ids if i not in fresh]
    for _ in range(2):
        got = industries.industries_in(text)
        assert got == fresh
        got.append("changed by a caller")


# Every Latin word and every CJK character: where a keyword may begin, before the scan named the CJK characters.
_EVERY_START = re.compile(r"(?<![\w-])[A-Za-z0-9]+|[\u4e00-\u9fff]")


def _plain_hits(text, start, end):
    """industries._hits as it was: every word and CJK character of text[:end] from start looked up."""
    index = industries._keywords_by_start()
    window = text[:end]
    resume = start
    for m in _EVERY_START.finditer(window, start):
        pos = m.start()
        if pos < resume:
            continue
        for keyword in index.get(m.group().lower(), ()):
            hit = keyword.pattern.match(window, pos)
            if hit:
                yield pos, keyword.industries
                resume = hit.end()
                break


CUE_PIECES = st.sampled_from(
    [
        "will",
        "will reach",
        "is expected to",
        "has been",
        "have been",
        "have already built",
        "have set",
        "reached",
        "increased",
        "accounted for",
        "Has",
        "HAVE",
        "achieved",
        "by",
        "to",
        "-",
        " ",
        "  ",
        "\n",
        ",",
        ".",
        "x",
        "é",
        "K",
        "\u212a",
        "ſ",
        "İ",
        "1",
        "_",
        "aims to",
        "plans to",
        "target",
        "hosted",
        "upon completion",
    ]
)
CUE_TEXTS = st.one_of(
    st.text(max_size=100),
    st.lists(CUE_PIECES, max_size=30).map("".join),
    st.lists(st.one_of(CUE_PIECES, st.text(max_size=3)), max_size=30).map("".join),
)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=CUE_TEXTS, a=st.integers(0, 120), b=st.integers(0, 120))
def test_cue_patterns_match_as_the_plain_ones(text, a, b):
    """The cue patterns, written by any_case, find what the plain alternations of their words find."""

    def words(key):
        return numbers._alternation(quantities._CUES[key])

    plain_cue = re.compile(
        rf"\b(?:(?P<t>{words('target_cues')})|(?P<s>{words('statistic_cues')}|{words('present_qualifiers')})"
        rf"|(?P<a>{words('present_attributes')})"
        r"|(?P<p>have\s+(?:\w+\s+)?(?:been|become|\w+ed|\w+en|built|grown|made|won|seen|brought|set)))(?![\w-])",
        re.I,
    )
    plain_past = re.compile(rf"\b(?:{words('past_markers')})\b", re.I)
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    for fast, plain in ((quantities._CUE, plain_cue), (quantities._PAST, plain_past)):
        assert [(m.span(), m.groupdict()) for m in fast.finditer(text, start, end)] == [
            (m.span(), m.groupdict()) for m in plain.finditer(text, start, end)
        ]


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.one_of(
        TEXTS,
        st.lists(
            st.sampled_from(
                ["Phase", "code", ":", "#", " ", "\t", "\n", ".", "'", "’", "$", "x", "é", "3", "-", "No.", "w" * 50]
            ),
            max_size=40,
        ).map("".join),
    ),
    a=st.integers(0, 400),
)
def test_word_before_from_a_line_start_is_the_plain_search(text, a):
    start = min(a, len(text))
    line_start = text.rfind("\n", 0, start) + 1
    plain = numbers._WORD_BEFORE.search(text, line_start, start)
    for fast in (
        numbers._WORD_BEFORE_IN_LINE.search(text, line_start, start),
        numbers._word_before_in_line(text, start),
    ):
        assert (fast and (fast.span(), fast.span(1))) == (plain and (plain.span(), plain.span(1)))


WORD_LISTS = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "plan",
                "Plans",
                "k",
                "kelvin",
                "sigh",
                "is",
                "in",
                "a b",
                "a-b",
                "$5",
                "(x",
                "ünit",
                "é",
                "ſx",
                "İl",
                "on",
                "one",
                "once",
            ]
        ),
        st.text(alphabet="abcikKsS İıſ\u212a-é$(", min_size=1, max_size=5),
    ),
    min_size=1,
    max_size=12,
)
ANY_CASE_TEXTS = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "Plan",
                "PLANS",
                "plan",
                "K",
                "\u212a",
                "ſ",
                "İ",
                "ı",
                " ",
                "-",
                "a b",
                "A-B",
                "ONE",
                "once",
                "$5",
                "(X",
                "ÜNIT",
                "É",
                "\n",
            ]
        ),
        st.text(alphabet="abcikKsS İıſ\u212a-é$(", max_size=3),
    ),
    max_size=25,
).map("".join)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words=WORD_LISTS, text=ANY_CASE_TEXTS, spaced=st.booleans(), depth=st.integers(1, 4))
@example(words=["plans", "plan", "on", "one"], text="Plans ONE plan", spaced=True, depth=2)
def test_any_case_alternations_match_as_the_plain_ones(words, text, spaced, depth):
    """Grouped by first letter (and by the letters after it, ``depth`` deep), an alternation matched ignoring
    case finds the same spans, and where what follows it fails, it gives back its words in the same order:
    the word it took is the plain alternation's."""

    def alternation(ws):
        return numbers._alternation(ws, spaced)

    for around in ("(?:{})", "({})(?![\\w-])", "({})(?=[sS ])", "({})[a-z]"):
        plain = re.compile(around.format(alternation(words)), re.IGNORECASE)
        grouped = re.compile(around.format(any_case(words, alternation, depth)), re.IGNORECASE)
        assert [m.regs for m in grouped.finditer(text)] == [m.regs for m in plain.finditer(text)]
        for pos in range(len(text) + 1):
            m, n = grouped.match(text, pos), plain.match(text, pos)
            assert (m and m.regs) == (n and n.regs)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words=WORD_LISTS, text=ANY_CASE_TEXTS, flags=st.sampled_from([0, re.IGNORECASE]))
def test_a_pattern_opened_by_a_look_at_its_first_characters_matches_as_without_it(words, text, flags):
    body = rf"(?:{numbers._alternation(words)})"
    look = opening(w[0] for w in words)
    opened = re.compile(look + body, flags)
    assert [m.span() for m in opened.finditer(text)] == [m.span() for m in re.finditer(body, text, flags)]


_OPENING = re.compile(r"\(\?=\[[^\]]*\]\)")


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(TEXTS, CUE_TEXTS, ANY_CASE_TEXTS), a=st.integers(0, 120), b=st.integers(0, 200))
@example(text="Q3 2024, h1 2025, 2Q2023, FY2023-24, fiscal 2024, by end-2025, \u017fince 2020", a=0, b=200)
@example(text="\u0130t is expected to reach, it has been set, \u017fet to, \u212aey targets", a=0, b=200)
@example(text="one hundred, a dozen, −5, US$3, Rs 40, usd 5, zł 7, \u212aRW 9, twenty-one, \u017fix", a=0, b=200)
@example(text="the pilot zone, science parks and Zones; a clusters' base", a=0, b=200)
@example(text="It ranked No. 3, came in second, \u017ftood 4th and RANKS the third", a=0, b=200)
@example(text="it has been HAS grown \u0130s to, on March 3 and May 12, 2024, This plan, the Province", a=0, b=200)
@example(text="with an average annual growth rate of", a=0, b=200)
@example(text="reaching its annual growth rate of", a=0, b=200)
@example(text="aiming for a growth of", a=0, b=200)
def test_patterns_match_as_without_their_opening(text, a, b):
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    for fast in (
        numbers.AMOUNT,
        numbers._RANK,
        quantities._CUE,
        quantities._YEAR_EXPR,
        quantities._PERFECT,
        quantities._MONTH_DAY,
        quantities._PLAN_REFERENCE,
        quantities._DEFINITE,
        quantities._RATE_OF,
        quantities._CHANGE_OF,
        patterns().descriptive,
    ):
        plain = re.compile(_OPENING.sub("", fast.pattern).replace(r"(?=\d)(?P<num>", "(?P<num>"), fast.flags)
        assert plain.pattern != fast.pattern
        assert [(m.span(), m.groupdict()) for m in fast.finditer(text, start, end)] == [
            (m.span(), m.groupdict()) for m in plain.finditer(text, start, end)
        ]


TOKEN_TEXTS = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "Acme",
                "the",
                "s",
                "'s",
                "’s ",
                " ",
                "  ",
                "\n",
                ".",
                ". ",
                "!",
                "?",
                ":",
                ",",
                '"',
                "“",
                "‘",
                "'",
                "(",
                "\t",
                "U.S.",
                "-",
                "2nd",
                "4.0",
                "e.g. ",
                "_",
            ]
        ),
        st.text(max_size=3),
    ),
    max_size=40,
).map("".join)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TOKEN_TEXTS)
@example(text="it's the firms' ’s 's_ 'sx x'sy a.s s's U.S.'s 'S")
def test_tokens_opened_by_a_character_class_are_the_plain_pattern(text):
    plain = re.compile(r"(?!(?<=['’])s\b)[^\W_]+(?:['’.](?!s\b)[^\W_]+)*")
    assert [m.span() for m in gazetteer.TOKEN.finditer(text)] == [m.span() for m in plain.finditer(text)]


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TOKEN_TEXTS)
def test_sentence_initial_tokens_are_the_gap_rule(text):
    """Tokens found to open a sentence from the text's breaks are those whose gap before says so."""
    tokens = Tokens(text)

    def plain(i):
        if i == 0:
            return True
        gap = tokens.gap(i - 1)
        return "\n" in gap or gap.strip(" \t\"“‘'(*")[-1:] in (".", "!", "?", ":")  # "*": Markdown's bold

    assert [tokens.sentence_initial(i) for i in range(len(tokens) + 1)] == [plain(i) for i in range(len(tokens) + 1)]
    if tokens.words:
        tokens.name_like(0, 0)
        if tokens._inner_words is not None:
            assert tokens._inner_words == {w for k, w in enumerate(tokens.words) if not plain(k)}


PLAN_TEXTS = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "plan",
                "programme",
                "policy",
                " for ",
                " on ",
                " of ",
                "the ",
                "The",
                "Zone",
                " ",
                "\n",
                "work",
                "action",
                "-",
                ",",
                "x-y",
                "A",
                "2025",
            ]
        ),
        st.text(max_size=3),
    ),
    max_size=30,
).map("".join)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=PLAN_TEXTS)
def test_plan_for_pattern_matches_as_the_backtracking_one(text):
    """The possessive words before a plan noun match as the plain ones, and every match holds the core
    that lets a text without it go unscanned."""
    p = patterns()
    plain = re.compile(p.plan_for.pattern.replace(r"[\w-]*+", r"[\w-]*"))
    assert plain.pattern != p.plan_for.pattern
    matches = list(p.plan_for.finditer(text))
    assert [(m.span(), m.groups()) for m in matches] == [(m.span(), m.groups()) for m in plain.finditer(text)]
    assert all(p.plan_for_core.search(text, m.start(), m.end()) for m in matches)


WORD_PIECES = st.sampled_from(
    ["Top", "top", "tOp", "to", "p", "T", "t", "x", "5", "10", "five", "Five", "-", " ", "_", "é", "’", "'", ",", "\n"]
)


@settings(max_examples=1000, deadline=None)
@given(text=st.lists(st.one_of(WORD_PIECES, st.text(max_size=2)), max_size=20).map("".join))
def test_top_found_by_its_letter_is_the_word_boundary_pattern(text):
    plain = re.compile(numbers._TOP.pattern.replace(r"(?P<top>[Tt](?<!\w[Tt])op)", r"\b(?P<top>[Tt]op)", 1))
    assert plain.pattern != numbers._TOP.pattern
    found = [(m.span(), m.groupdict()) for m in numbers._TOP.finditer(text)]
    assert found == [(m.span(), m.groupdict()) for m in plain.finditer(text)]


@settings(max_examples=1000, deadline=None)
@given(text=st.lists(st.one_of(WORD_PIECES, st.text(max_size=2)), max_size=20).map("".join), pos=st.integers(0, 60))
def test_previous_word_is_the_plain_search(text, pos):
    pos = min(pos, len(text))
    m = re.search(r"([\w’'-]+)\W*$", text[max(0, pos - 30) : pos])
    assert quantities._previous_word(text, pos) == (m.group(1).lower() if m else "")


CASE_PIECES = st.sampled_from(
    ["rank", "RANK", "Rank", "ſtood", "stood", "fınished", "FİNISHED", "\u212aRANK", "half", "HALF", "x", " ", "é"]
)


@settings(max_examples=1000, deadline=None)
@given(text=st.lists(st.one_of(CASE_PIECES, st.text(max_size=3)), max_size=12).map("".join))
def test_might_hold_is_false_only_where_no_word_matches_ignoring_case(text):
    words = ["rank", "stood", "finished", "half"]
    if not might_hold(text, text.lower(), needed(words)):
        assert re.search("|".join(words), text, re.IGNORECASE) is None


def test_might_hold_finds_a_word_in_any_case():
    assert might_hold("It RANKED third", "it ranked third", needed(["rank"]))
    assert not might_hold("It came last", "it came last", needed(["rank"]))
    assert might_hold("It \u017ftood", "it \u017ftood", needed(["stood"]))  # long s: matching ignoring case takes it
    assert might_hold("was set\nup in", "was set\nup in", needed(["set up"]))  # a phrase: its first word is looked for


YEAR_PIECES = st.sampled_from(
    ["first", "last", "three", "3", "half", "HALF", "quarters", "Months", "H1", "q3", "June", "July", "-", "–"]
    + ["since 2020", "FROM 2019 to 2021", "between 2019 and", "set\nup in 2010", "the 2020 level", "baseline"]
    + ["last year", "this YEAR", "the coming\nyear", "in the next", "over", "five", "5", "years", " ", "the", "ı"]
)


@settings(max_examples=1000, deadline=None)
@given(text=st.lists(st.one_of(YEAR_PIECES, st.text(max_size=2)), max_size=12).map(" ".join))
def test_sentence_scans_skipped_by_a_look_at_the_words_would_find_nothing(text):
    lowered = text.lower()
    if quantities._YEAR_WORD not in lowered:
        assert quantities._RELATIVE.search(text) is None
        assert quantities._NEXT_YEARS.search(text) is None
    if not any(w in lowered for w in quantities._PART_WORDS) and not quantities._HQ_DIGIT.search(text):
        assert quantities._PART_OF_YEAR.search(text) is None
    for pattern, needs in (*quantities._BASELINE_SCANS, (quantities._FROM_YEAR_TO, quantities._FROM_TO)):
        if not might_hold(text, lowered, needs):
            assert pattern.search(text) is None


@settings(max_examples=500, deadline=None)
@given(
    text=st.lists(st.sampled_from(['"', "“", "”", "'", "‘", "’", " ", "Made in X", "plan", "A"]), max_size=12).map(
        "".join
    )
)
def test_quotations_are_only_found_where_a_quotation_mark_stands(text):
    from policylens.extraction.entities import quoted

    if '"' not in text and "“" not in text:
        assert quoted._QUOTED.search(text) is None


PLACE_PIECES = st.sampled_from(["in ", "In ", "main ", "Shatian", "Xi", ", ", ",", "Dongguan", " ", "\n", "é", "_"])


@settings(max_examples=1000, deadline=None)
@given(text=st.lists(st.one_of(PLACE_PIECES, st.text(max_size=2)), max_size=20).map("".join))
@example(text="main Shatian, Dongguan; in Xia, Fujian; in Shatian, Dongguan")
def test_town_before_a_place_is_the_word_boundary_pattern(text):
    from policylens.extraction.entities import places

    plain = re.compile(r"\bin ([A-Z][a-z]{2,}), (?=[A-Z])")
    assert [(m.span(), m.span(1)) for m in places._IN_TOWN.finditer(text)] == [
        (m.span(), m.span(1)) for m in plain.finditer(text)
    ]


NOUN_PIECES = st.sampled_from(["X", "4.0", " ", "  ", "\t", "\n", "plan", "initiative", "programme", "s", "-", "é"])


@settings(max_examples=1000, deadline=None)
@given(text=st.lists(st.one_of(NOUN_PIECES, st.text(max_size=2)), max_size=20).map("".join))
def test_programme_noun_opened_by_its_space_is_the_look_behind_pattern(text):
    from policylens.extraction.entities import context

    fast = context._programme_noun()
    plain = re.compile(fast.pattern.replace(r"[ \t](?<=[A-Za-z0-9][ \t])[ \t]*", r"(?<=[A-Za-z0-9])[ \t]+", 1))
    assert plain.pattern != fast.pattern
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


COMPARATOR_PIECES = st.sampled_from(
    ["more than", "no more than", "Over", "at least", "UP TO", "about", "under", "some", "\u017fome", " ", "\n", "5"]
    + ["approx.", "an estimated", "xover", "-", "é", "\u212a"]
)


@settings(max_examples=1000, deadline=None)
@given(text=st.lists(st.one_of(COMPARATOR_PIECES, st.text(max_size=2)), max_size=12).map("".join), a=st.integers(0, 80))
def test_comparator_before_a_figure_is_the_plain_pattern(text, a):
    plain = re.compile(
        "(?:"
        + "|".join(
            rf"(?P<c{i}>\b(?:{numbers._alternation(words)}))"
            for i, words in enumerate(quantities._CUES["comparators"].values())
        )
        + r")\s*$",
        re.I,
    )
    lo = min(a, len(text))
    for pattern_text, start in ((text, lo), (text + " ", 0)):
        fast, slow = quantities._COMPARATOR_BEFORE.search(pattern_text, start), plain.search(pattern_text, start)
        assert (fast and (fast.span(), fast.lastgroup)) == (slow and (slow.span(), slow.lastgroup))


BREAK_PIECES = st.sampled_from(
    [
        ".",
        "!",
        "?",
        ":",
        "。",
        "！",
        "；",
        " ",
        "\n",
        "\t",
        '"',
        "”",
        "’",
        "'",
        ")",
        "]",
        "(",
        "“",
        "A",
        "a",
        "3",
        "中",
        "x",
    ]
)


@settings(max_examples=1000, deadline=None)
@given(text=st.lists(st.one_of(BREAK_PIECES, st.text(max_size=2)), max_size=30).map("".join))
def test_sentence_ends_and_token_breaks_opened_by_a_class_are_the_plain_patterns(text):
    from policylens.extraction import text as text_index
    from policylens.extraction.entities import tokens

    # Markdown's bold ("**") may stand between a stop and the next sentence, as AI-written summaries write
    plain_end = re.compile(r"[.!?](?=[\"”’')\]*]*\s+(?:\*\*|[\"“‘(\[])?[A-Z0-9\u4e00-\u9fff])|[。！？；]")
    plain_break = re.compile(r"\n|[.!?:][ \t\"“‘'(*]*")
    for fast, plain in ((text_index._SENTENCE_END, plain_end), (tokens._BREAK, plain_break)):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


@settings(max_examples=1000, deadline=None)
@given(
    text=st.lists(st.one_of(BREAK_PIECES, st.sampled_from(['"Made in X"', "“Plan” ", "—"])), max_size=20).map("".join)
)
def test_quotations_opened_by_a_look_for_the_mark_are_the_plain_pattern(text):
    from policylens.extraction.entities import quoted

    plain = re.compile(quoted._QUOTED.pattern.removeprefix(r"(?=[\"“])"))
    assert plain.pattern != quoted._QUOTED.pattern
    assert [m.span(1) for m in quoted._QUOTED.finditer(text)] == [m.span(1) for m in plain.finditer(text)]


@settings(max_examples=1000, deadline=None)
@given(
    text=st.lists(
        st.one_of(
            st.sampled_from(
                ["a subsidiary of", "Spokesperson for", "\u017fpokeswoman for", "listed company", ",", " "]
            ),
            st.text(max_size=2),
        ),
        max_size=10,
    ).map("".join),
    a=st.integers(0, 40),
)
def test_company_context_before_a_name_is_the_plain_pattern(text, a):
    from policylens import vocab

    raw = vocab.load("policylens.extraction", "entity_patterns.yaml")
    words = [*raw["company_appositives"], *raw["company_contexts_before"]]
    plain = re.compile(r"(?<![\w-])(?:" + numbers._alternation(words) + r"),?\s+$", re.IGNORECASE)
    for t in (text, text + " "):
        lo = min(a, len(t))
        fast, slow = patterns().company_before.search(t, lo), plain.search(t, lo)
        assert (fast and fast.span()) == (slow and slow.span())


def test_name_occurrences_found_without_a_pattern_match_the_alternation():
    # _occurrences must give exactly what one alternation of the forms, longest first, gives
    import random
    import re

    from policylens.extraction.entities.assemble import _occurrences

    rng = random.Random(3)
    vocabulary = [
        "Qingdao",
        "Qingdao's",
        "Haier",
        "Haier Group",
        "Group",
        "CRRC",
        "CRRC Sifang",
        "Sifang",
        "Co.,",
        "Ltd.",
    ]
    for _ in range(300):
        words = [rng.choice(vocabulary + ["the", "-", "x", "and"]) for _ in range(rng.randint(1, 30))]
        text = "".join(w + rng.choice([" ", "  ", "\n", "", "-"]) for w in words)
        forms = dict.fromkeys(" ".join(rng.sample(vocabulary, rng.randint(1, 2))) for _ in range(rng.randint(1, 6)))
        pattern = re.compile(
            r"(?<![\w-])(?:"
            + "|".join(r"\s+".join(map(re.escape, f.split())) for f in sorted(forms, key=len, reverse=True))
            + r")(?![\w-])"
        )
        expected = [m.span() for m in pattern.finditer(text)]
        assert _occurrences(text, forms) == expected, (text, forms)
        assert _occurrences(text, forms, find_limit=0) == expected, (text, forms)  # the walk of a directory page


def _zh_kind_cue_pieces() -> list[str]:
    from policylens.extraction.zh import quantities as zq

    words = [w for key in zq._CUE_LISTS for w in zq._CUES[key]] + list(zq._FIVE_YEAR)
    return [*words, *zq._CUES["relative_periods_after"], "到", "截至", "2025", "二〇二五", "三", "年", "底", "“", "”"]


@settings(max_examples=1000, deadline=None)
@given(
    text=st.lists(
        st.one_of(st.sampled_from(_zh_kind_cue_pieces()), st.text(max_size=2)),
        max_size=20,
    ).map("".join)
)
def test_zh_kind_cues_match_as_without_their_opening(text):
    from policylens.extraction.zh import quantities as zq

    _matches_as_without_opening(zq._KIND_CUE, zq._KIND_CUE_OPENING, text)


def _matches_as_without_opening(pattern: re.Pattern, opening: str, text: str) -> None:
    """A pattern opened by a look-ahead of its first characters finds what it finds without it."""
    plain = re.compile(pattern.pattern.removeprefix(opening))
    assert plain.pattern != pattern.pattern
    fast = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
    assert fast == [(m.span(), m.groupdict()) for m in plain.finditer(text)]


@settings(max_examples=1000, deadline=None)
@given(
    names=st.sets(st.text("北京市山东青岛", min_size=1, max_size=4), max_size=12),
    text=st.text("北京市山东青岛a", max_size=12),
)
def test_zh_place_name_at_a_position_is_the_longest_there(names, text):
    from policylens.extraction.zh import entities as zent

    lengths = zent._lengths_by_start(names)
    for i in range(len(text)):
        longest = max((n for n in names if text.startswith(n, i)), key=len, default=None)
        assert zent._name_at(text, i, names, lengths) == longest


@settings(max_examples=1000, deadline=None)
@given(form=st.text("ab.*", max_size=3), text=st.text("ab.*", max_size=12))
def test_zh_occurrences_of_a_name_are_the_plain_pattern_matches(form, text):
    from policylens.extraction.zh import entities as zent

    assert list(zent._occurrences(form, text)) == [m.span() for m in re.finditer(re.escape(form), text)]


@settings(max_examples=1000, deadline=None)
@given(text=st.text('“”"‘’「」『』ab1\n', max_size=40), a=st.integers(0, 40), b=st.integers(0, 40))
def test_zh_figure_in_quotes_is_the_plain_scan(text, a, b):
    from policylens.extraction.zh import numbers as znum

    start, end = sorted((a, b))
    spans = [m.span() for m in znum._QUOTED.finditer(text)]
    assert znum._in_quote(text, start, end) == any(s < start and end < e for s, e in spans)


SPANS = st.lists(st.tuples(st.integers(0, 12), st.integers(1, 6)).map(lambda p: (p[0], p[0] + p[1])), max_size=8)


@settings(max_examples=1000, deadline=None)
@given(spans=SPANS, a=st.integers(0, 14), n=st.integers(1, 6))
def test_zh_names_holding_a_place_are_the_plain_scans(spans, a, n):
    from policylens.extraction.zh import entities as zent

    b = a + n
    covers = zent._Covers(spans)
    assert covers.opens_before(a, b) == any(s < a and b <= e for s, e in spans)
    assert covers.holds(a, b) == any(s <= a and b <= e and (s, e) != (a, b) for s, e in spans)


@settings(max_examples=500, deadline=None)
@given(spans=SPANS, a=st.integers(0, 14), n=st.integers(0, 8))
def test_zh_places_by_position_are_the_plain_scans(spans, a, n):
    from policylens.extraction.zh import entities as zent

    hits, last = [], 0  # in text order, never overlapping, as _places finds them
    for s, e in sorted(spans):
        if s >= last:
            hits.append(zent._PlaceHit(s, e, None))
            last = e
    places = zent._Places(hits)
    b = a + n
    assert places.at(a) is next((h for h in hits if h.start == a), None)
    assert places.ends_at(a) == any(h.end == a for h in hits)
    assert places.within(a, b) == [h for h in hits if a <= h.start and h.end <= b]


def _plain_without_nested(found):
    found = sorted(found, key=lambda f: (f.start, -(f.end - f.start)))
    out = []
    for f in found:
        if any(
            o.start <= f.start
            and f.end <= o.end
            and (o.start, o.end) != (f.start, f.end)
            and (o.type == f.type or o.type == "programme")
            for o in out
        ):
            continue
        if any((o.start, o.end) == (f.start, f.end) for o in out):
            continue
        out.append(f)
    return out


@settings(max_examples=1000, deadline=None)
@given(
    spans=st.lists(
        st.tuples(st.integers(0, 12), st.integers(1, 6), st.sampled_from(["park", "cluster", "programme"])),
        max_size=10,
    )
)
def test_zh_names_without_nested_are_the_plain_scan(spans):
    from policylens.extraction.zh import entities as zent

    found = [zent._Found(t, f"n{k}", s, s + n) for k, (s, n, t) in enumerate(spans)]
    assert zent._without_nested(found) == _plain_without_nested(found)


@settings(max_examples=1000, deadline=None)
@given(text=st.text("《》“”「」ab\n", max_size=40), pos=st.integers(0, 40))
def test_zh_event_positions_inside_quotes_and_titles_are_the_plain_scans(text, pos):
    from policylens.extraction.zh import events as zev

    for pattern in (zev._QUOTED_NAME, zev._BOOK_TITLE):
        spans = [m.span() for m in pattern.finditer(text)]
        assert zev._Inside(spans).holds(pos) == any(s < pos < e for s, e in spans)


@settings(max_examples=1000, deadline=None)
@given(
    text=st.lists(
        st.one_of(
            st.sampled_from(
                ["百分之", "三十", "5", "１２", "万", "亿元", "千", "超", "约", "个", "至", "—", "元", "家", "\n"]
            ),
            st.text(max_size=2),
        ),
        max_size=15,
    ).map("".join)
)
def test_zh_amounts_match_as_without_their_opening(text):
    from policylens.extraction.zh import numbers as znum

    _matches_as_without_opening(znum.AMOUNT, znum._AMOUNT_OPENING, text)


def test_words_of_one_length_that_match_at_one_place_are_tried_in_a_fixed_order():
    """Found by the property above: " " (written to match a hyphen too) and "-" both match "- " at 0; which one
    is tried first must not depend on the process's string hashing."""
    words = ["plan", "-", " "]
    plain = re.compile(rf"(?:{numbers._alternation(words)})", re.IGNORECASE)
    grouped = re.compile(rf"(?:{any_case(words, numbers._alternation)})", re.IGNORECASE)
    assert [m.span() for m in grouped.finditer("- ")] == [m.span() for m in plain.finditer("- ")] == [(0, 2)]


LIST_TEXTS = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "enterprises",
                "Enterprises",
                "automakers",
                "makers",
                "start-ups",
                "such as ",
                "like ",
                "including ",
                "as well as ",
                "e.g. ",
                "led by ",
                "LED",
                "called",
                "Led  By\n",
                " ",
                ", ",
                "—",
                "\n",
                "the ",
                "Acme",
            ]
        ),
        st.text(alphabet="aeklsdS İıſ\u212a-.,—", max_size=3),
    ),
    max_size=30,
).map("".join)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(TEXTS, ANY_CASE_TEXTS, LIST_TEXTS))
@example(text="\u017fuppliers such as X, Firms  like  Y, LED by Z; \u0130stanbul companies including A")
@example(text="automakers such as A, carmakers like B and co.enterprises including C")
def test_list_triggers_found_from_their_first_words_are_the_finditer(text):
    p = patterns()
    assert [(m.span(), m.groups()) for m in lists._triggers(text, p)] == [
        (m.span(), m.groups()) for m in p.list_trigger.finditer(text)
    ]


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.one_of(
        TEXTS,
        st.lists(
            st.sampled_from(["top", "Top", "TOP", "s", "-", " ", "5", "ten", "by", "By", "BY", "a", "third", "half"]),
            max_size=30,
        ).map(" ".join),
        st.lists(st.sampled_from(["top", "Top", "by", "By", "x", "-", " ", "3", "one", "half", " a ", "of"])).map(
            "".join
        ),
    )
)
@example(text="Top 5, top-ten, stop 3, TOP 4, by a third, By half, nearby half, by one quarter of, by roughly a fifth")
def test_scans_tried_where_their_first_word_is_are_the_finditers(text):
    for pattern, words in ((numbers._TOP, ("top", "Top")), (numbers._BY_FRACTION, ("by", "By"))):
        assert [(m.span(), m.groups()) for m in finditer_at(pattern, text, places_of(text, words))] == [
            (m.span(), m.groups()) for m in pattern.finditer(text)
        ]


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS)
@example(
    text="\n IV. x\n(1) y\n· 2\n•3 Jan Jun Jul Feb Mar May 12 +4 [5] #6 :7 ;8 ^9 https://x www.y FY24 H1 Q3 Apr\nDec"
)
def test_not_amount_starts_listed_at_once_are_where_the_start_pattern_matches(text):
    assert numbers._not_amount_starts(text) == [
        p for p in range(len(text) + 1) if numbers._NOT_AMOUNT_START.match(text, p)
    ]


def test_every_copular_ranking_holds_one_of_its_superlatives_as_written():
    """find_events scans for copular rankings only in texts holding one of ``ranking_words``."""
    lex = events._lexicon()
    assert lex.ranking_words and all(re.escape(w) == w for w in lex.ranking_words)
    assert lex.copular_ranking.pattern.endswith("(?:" + "|".join(lex.ranking_words) + r")\b)")
    assert not lex.copular_ranking.flags & re.IGNORECASE

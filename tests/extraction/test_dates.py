"""Date expressions on sentences written for these tests."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policylens.extraction.dates import find_dates, parse_reference


def dates(text: str, reference: str | None = "2026-06-24"):
    return [(d.text, d.iso) for d in find_dates(text, reference=reference)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The cluster was approved in June 2026.", [("in June 2026", "2026-06")]),
        ("The list came out on Jan. 22 after review.", [("on Jan. 22", "2026-01-22")]),
        ("GLOBE NEWSWIRE, Aug. 25, 2025 -- Jiangsu said", [("Aug. 25, 2025", "2025-08-25")]),
        ("Signed on 22 August 2019 in Jinan.", [("on 22 August 2019", "2019-08-22")]),
        ("Updated: 2024-10-30 09:15", [("2024-10-30", "2024-10-30")]),
        ("Output rose in 2023.", [("in 2023", "2023")]),
        ("Last year, exports grew.", [("Last year", "2025")]),
        ("Sales doubled this year.", [("this year", "2026")]),
        ("Revenue in Q3 2024 fell.", [("in Q3 2024", "2024-09")]),
        ("It grew in the first half of 2024.", [("in the first half of 2024", "2024-06")]),
        ("Output in FY 2024-25 rose.", [("in FY 2024-25", "2025")]),
        ("The line opened in early March.", [("in early March", "2026-03")]),
        ("It started in March last year.", [("in March last year", "2025-03")]),
        ("Work resumed mid-2024.", [("mid-2024", "2024")]),
        ("The fund was set up yesterday.", [("yesterday", "2026-06-23")]),
        ("The ministry said on Tuesday.", [("on Tuesday", "2026-06-23")]),
        ("The fair runs on April 21-25, 2027 in Shanghai.", [("on April 21-25, 2027", "2027-04-21")]),
        ("The expo ran from 3–6 March 2026.", [("from 3–6 March 2026", "2026-03-03")]),
        ("Sales grew in the first half of last year.", [("in the first half of last year", "2025-06")]),
        ("The rules were published earlier this week.", [("earlier this week", "2026-06")]),
        ("The ministry announced on the 5th that exports rose.", [("on the 5th", "2026-06-05")]),
        ("The ministry announced on the 28th (local time) a new fund.", [("on the 28th", "2026-05-28")]),
        ("It was adopted on the 5th plenary session.", []),
        ("The master plan for 2021-2030 was approved in February.", [("in February", "2026-02")]),
    ],
)
def test_expressions(text, expected):
    assert dates(text) == expected


def test_month_named_without_year_after_the_reference_is_last_year():
    assert dates("The plan was issued on Dec. 28.", reference="2024-01-05") == [("on Dec. 28", "2023-12-28")]
    assert dates("The plan was issued on Dec. 28.", reference=None) == [("on Dec. 28", None)]


def test_vague_expressions():
    (recently,) = find_dates("The county recently issued a plan.", reference="2022-07-11")
    assert (recently.iso, recently.approximate) == ("2022-07-11", True)
    (days,) = find_dates("In recent days, orders picked up.", reference="2022-07")
    assert (days.iso, days.approximate) == ("2022-07", True)
    (years,) = find_dates("In recent years, the city has grown.", reference="2022-07-11")
    assert (years.text, years.iso) == ("In recent years", None)


def test_bare_years_are_not_dates():
    assert dates("The 2022 International Forum drew 300 guests.") == []
    assert dates("The Action Plan (2022-2025) sets targets.") == []
    assert dates("About 2000 firms joined.") == []


def test_modal_may_and_verb_march_are_words():
    assert dates("Prices may 10 percent higher; workers march on.") == []


def test_relations():
    found = {
        d.text: d.relation
        for d in find_dates(
            "By 2025 it will grow, since 2013 it has grown, from 2018 it rose, in 2021 it fell, "
            "for the six months ended 30 June 2019"
        )
    }
    assert found == {
        "By 2025": "by",
        "since 2013": "since",
        "from 2018": "since",
        "in 2021": "at",
        "30 June 2019": "ended",
    }


def test_impossible_dates_keep_their_text_without_iso():
    assert dates("It was due on Feb. 30, 2023.") == [("on Feb. 30, 2023", None)]


@pytest.mark.parametrize(
    "reference, expected",
    [
        ("2026-06-24", (2026, 6, 24)),
        ("2026-06", (2026, 6, None)),
        ("2026", (2026, None, None)),
        ("2024-02-30", (2024, 2, None)),
        ("2024-13", (2024, None, None)),
        ("June", None),
        (None, None),
    ],
)
def test_reference(reference, expected):
    assert parse_reference(reference) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.sampled_from([None, "2024", "2024-02", "2024-02-29", "x"]))
def test_arbitrary_text_never_raises(text, reference):
    for d in find_dates(text, reference=reference):
        assert text[d.start : d.end] == d.text
        assert d.iso is None or d.iso[:2] in ("19", "20")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "in ",
                "on ",
                "May ",
                "June ",
                "31 ",
                "29 ",
                "Feb. ",
                "2024",
                "-",
                "1H",
                "FY",
                "last year",
                "mid-",
                "Q4 ",
                "recently",
                "Tuesday",
                " ",
                ", ",
            ]
        ),
        max_size=20,
    ),
    st.sampled_from([None, "2024-01-01", "2023-12-31"]),
)
def test_date_soup_never_raises(parts, reference):
    text = "".join(parts)
    for d in find_dates(text, reference=reference):
        assert text[d.start : d.end] == d.text


@pytest.mark.parametrize(
    "text, expected",
    [
        # The year at the end of a span is both ends'.
        (
            "The fair runs from Feb. 1 to March 3, 2027.",
            [("from Feb. 1", "2027-02-01"), ("March 3, 2027", "2027-03-03")],
        ),
        ("Output grew from May to Oct 2023.", [("from May", "2023-05"), ("Oct 2023", "2023-10")]),
        ("Talks ran Nov. 18-Dec. 19, 2015.", [("Nov. 18", "2015-11-18")]),
        (
            "Talks ran from Nov. 18 to Jan. 9, 2016.",
            [("from Nov. 18", "2015-11-18"), ("Jan. 9, 2016", "2016-01-09")],
        ),
        ("Plants shut in May and June 2019.", [("in May", "2019-05"), ("June 2019", "2019-06")]),
        # A year written in a way not read here leaves the date without one, never the document's year.
        ("The firm was founded on 13 Sept nineteen seventy two.", [("on 13 Sept", None)]),
        ("The conference was in October two thousand and five.", [("in October", None)]),
        ("The plant opened in April of 87.", [("in April", None)]),
        ("The treaty was signed on 5 December 1391.", [("on 5 December", None)]),
        ("Sales were 5% higher in December 1500 workers said.", [("in December", "2025-12")]),
        # Spacing, abbreviations.
        ("IVAC was sold on Dec. 31 , 1994.", [("on Dec. 31 , 1994", "1994-12-31")]),
        ("Filed in November , 2016.", [("in November , 2016", "2016-11")]),
        ("Zibo approves green factory projects Jun. 6, 2022.", [("Jun. 6, 2022", "2022-06-06")]),
        ("The range ends in the middle of September.", [("in the middle of September", "2025-09")]),
        # A decade is not its first year.
        ("Output grew in the 1990s and in 1990s.", []),
    ],
)
def test_years_written_elsewhere(text, expected):
    assert dates(text) == expected


_FORMATS = ["{B} {d}, {Y}", "{b}. {d}, {Y}", "{d} {B} {Y}", "{d}{o} {B} {Y}", "{B} {d}{o}, {Y}", "{Y}-{m:02d}-{d:02d}"]


def _ordinal(day: int) -> str:
    return {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(day, "th")


def _format(fmt: str, day: date) -> str:
    written = fmt.format(B=f"{day:%B}", b=f"{day:%b}", d=day.day, m=day.month, Y=day.year, o=_ordinal(day.day))
    return written.replace("May.", "May")  # "May" has no abbreviation


@settings(max_examples=300, deadline=None)
@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
    st.sampled_from(_FORMATS),
    st.sampled_from(["on ", "", "Signed on ", "It ran from "]),
    st.sampled_from(["2026-06-24", "2024-01-05", None]),
)
def test_written_dates_read_back(day, fmt, before, reference):
    read = [d.iso for d in find_dates(f"{before}{_format(fmt, day)} in Lagos.", reference=reference)]
    assert read == [day.isoformat()]


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
    st.integers(min_value=1, max_value=6),
    st.sampled_from(["to", "-", "until", "and", "through"]),
    st.booleans(),
)
def test_span_takes_the_year_written_at_its_end(day, months, joiner, with_day):
    index = day.year * 12 + day.month - 1 + months
    last = date(index // 12, index % 12 + 1, 1)
    if last.year > 2099:
        return
    if with_day:
        text = f"Output grew from {day:%B} {day.day} {joiner} {last:%B} 1, {last.year}."
        expected = day.isoformat()
    else:
        text = f"Output grew from {day:%B} {joiner} {last:%B} {last.year}."
        expected = f"{day.year:04d}-{day.month:02d}"
    assert find_dates(text, reference="2026-06-24")[0].iso == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A weekday before the date it names is no date of its own.
        ("It was signed on Tuesday, March 5, 2024.", [("on Tuesday, March 5, 2024", "2024-03-05")]),
        ("The ministry said on Monday 4 March that", [("on Monday 4 March", "2026-03-04")]),
        # A weekday of a week named against the document's (a Wednesday): weeks run Monday to Sunday.
        ("The fair opens on Friday next week.", [("on Friday next week", "2026-07-03")]),
        ("The fair opens next week on Friday.", [("next week on Friday", "2026-07-03")]),
        ("Talks began last week Monday.", [("last week Monday", "2026-06-15")]),
        ("Last week, on Friday, the board met.", [("Last week, on Friday", "2026-06-19")]),
        ("The fair opens on Sunday of next week.", [("on Sunday of next week", "2026-07-05")]),
        # A weekday and its day of the month: the nearest such day.
        ("The line opens on Friday the 26th.", [("on Friday the 26th", "2026-06-26")]),
        ("The line opened on Wednesday 3rd.", [("on Wednesday 3rd", "2026-06-03")]),
        ("On Tuesday the 5 ministries issued rules.", [("On Tuesday", "2026-06-23")]),
        ("On Monday, 12 firms signed.", [("On Monday", "2026-06-22")]),
        # "last Wednesday" on a Wednesday is a week back; "last Monday" the Monday just past.
        ("The plant opened last Wednesday.", [("last Wednesday", "2026-06-17")]),
        ("The plant opened last Monday.", [("last Monday", "2026-06-22")]),
        ("The plant opened this past Friday.", [("this past Friday", "2026-06-19")]),
        # A day counted from another is neither.
        ("It closed two days before yesterday.", []),
        ("The rules apply 30 days after May 1, 2026.", []),
        ("Filing opens three weeks from today.", []),
        ("It was approved the day before yesterday.", []),
        ("Exports rose for two years since 2020.", [("since 2020", "2020")]),
        ("Output grew in the five years from 2021 to 2025.", [("from 2021", "2021")]),
    ],
)
def test_weekdays(text, expected):
    assert dates(text) == expected


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
    st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]),
    st.sampled_from(["last", "this", "next"]),
    st.booleans(),
)
def test_weekday_of_a_named_week(reference, weekday, which, after):
    text = f"The fair opens on {weekday} {which} week." if after else f"The fair opens {which} week on {weekday}."
    (found,) = find_dates(text, reference=reference.isoformat())
    day = date.fromisoformat(found.iso)
    assert day.strftime("%A") == weekday
    monday = reference - timedelta(days=reference.weekday())
    assert (day - monday).days // 7 == {"last": -1, "this": 0, "next": 1}[which]


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
    st.integers(min_value=-150, max_value=150),
)
def test_weekday_with_its_day_of_the_month(reference, shift):
    day = reference + timedelta(days=shift)
    text = f"The line opens on {day:%A} the {day.day}{_ordinal(day.day)}."
    (found,) = find_dates(text, reference=reference.isoformat())
    read = date.fromisoformat(found.iso)
    assert (read.day, read.weekday()) == (day.day, day.weekday())
    assert abs((read - reference).days) <= abs(shift)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The expo ran from 3 to 6 March 2026.", [("from 3 to 6 March 2026", "2026-03-03")]),
        ("Plants shut on 18 and 19 June.", [("19 June", "2026-06-19")]),
        ("Work resumed in mid-March.", [("in mid-March", "2026-03")]),
        ("It took effect on the 6th of April 2024.", [("6th of April 2024", "2024-04-06")]),
        ("Due 05-Aug-2016 and 23/Sep/2020.", [("05-Aug-2016", "2016-08-05"), ("23/Sep/2020", "2020-09-23")]),
        # An amount before a day-month is no day.
        ("It was bought for $12 December 27.", [("December 27", "2025-12-27")]),
        # Numbers in a longer chain are no ISO date.
        ("Leave from 10-1-2018-10-7-2018.", []),
    ],
)
def test_day_month_forms(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize(
    "text, iso",
    [
        ("21/04/2016", "2016-04-21"),
        ("04/21/2016", "2016-04-21"),
        ("13.5.2015", "2015-05-13"),
        ("1/1/2016", "2016-01-01"),
        ("05/06/2016", None),  # May 6 in the US, 5 June elsewhere: not guessed
        ("31/02/2016", None),
    ],
)
def test_numeric_dates_only_when_the_order_is_clear(text, iso):
    assert dates(f"The order was signed on {text} in Delhi.") == [(f"on {text}", iso)]


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
    st.sampled_from(["the {d}{o} of {B} {Y}", "{d:02d}-{b}-{Y}", "{d}/{b}/{Y}", "{d}{o} of {B}, {Y}"]),
)
def test_day_month_forms_read_back(day, fmt):
    read = [d.iso for d in find_dates(f"Signed {_format(fmt, day)} in Lagos.", reference="2026-06-24")]
    assert read == [day.isoformat()]


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)), st.sampled_from(["/", "-", "."]))
def test_numeric_dates_are_read_back_or_left_alone(day, sep):
    for first, second in ((day.month, day.day), (day.day, day.month)):
        (found,) = find_dates(f"Signed on {first:02d}{sep}{second:02d}{sep}{day.year} in Lagos.")
        assert found.iso == (None if day.day <= 12 and day.day != day.month else day.isoformat())


def test_the_end_of_a_span_whose_start_goes_unread_dates_nothing_alone():
    # "between 2015 and Feb 2018" happened over years, not in February 2018
    for text in ("Output doubled between 2015 and Feb 2018.", "The range is between 2014 through 2018."):
        assert find_dates(text, reference="2024-06-01") == []
    both = find_dates("Output doubled between January 2015 and March 2016.", reference="2024-06-01")
    assert [d.iso for d in both] == ["2015-01", "2016-03"]


@pytest.mark.parametrize(
    "text",
    [
        "Report no. 1\n\nDec. 15, 2023\n\nThe plant opened.",  # a heading's number over a dateline
        "The list runs to item 5\nDecember saw growth.",
    ],
)
def test_a_day_and_a_month_on_two_lines_are_no_date(text):
    found = [(d.text, d.iso) for d in find_dates(text, 0, len(text), "2024-01-10")]
    assert all("\n" not in t for t, _ in found), found
    assert ("1\n\nDec.", "2023-12-01") not in found


@pytest.mark.parametrize(
    "text, expected",
    [
        # A period of months is dated by the month it ends: a figure for it is one as of then.
        ("In January-October 2026, exports rose.", [("In January-October 2026", "2026-10")]),
        ("Exports in Jan-Sep 2025 rose.", [("in Jan-Sep 2025", "2025-09")]),
        ("In January to September this year, FDI rose.", [("In January to September this year", "2026-09")]),
        ("Output in January–March of last year fell.", [("in January–March of last year", "2025-03")]),
        ("In the first 10 months of 2026, FDI rose.", [("In the first 10 months of 2026", "2026-10")]),
        ("In the first two months of this year, output rose.", [("In the first two months of this year", "2026-02")]),
        ("Revenue rose in the first three quarters of 2025.", [("in the first three quarters of 2025", "2025-09")]),
        ("Sales fell in the second half of 2025.", [("in the second half of 2025", "2025-12")]),
        ("Sales fell in H2 2025.", [("in H2 2025", "2025-12")]),
        # Without a year: the latest such period ended before the document's month (June 2026).
        ("In the first half year Haimen signed 38 projects.", [("In the first half year", "2025-06")]),
        ("In the first five months, output rose.", [("In the first five months", "2026-05")]),
        ("Output rose 9% for the first half of the year.", [("for the first half of the year", "2025-06")]),
        ("In the January-May period, output rose.", [("January-May period", "2026-05")]),
        # Months bounding a span stay its two ends.
        ("Output grew from May to Oct 2023.", [("from May", "2023-05"), ("Oct 2023", "2023-10")]),
        # The first months of something else, or a later part of a year not named, are not read.
        ("Tax is waived for the first six months.", []),
        ("In the first six months after opening, it made 900 cars.", []),
        ("In the second half, output will rise.", []),
        # A range of months with neither a year nor a preposition may be this year's or last year's.
        ("The trial runs June to September.", []),
        ("It rained in the first half of March.", [("in the first half of March", "2026-03")]),
    ],
)
def test_periods(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("reference, expected", [("2026-11-06", "2026-10"), ("2026-10-06", "2025-10"), ("2026", None)])
def test_a_period_without_its_year_is_the_latest_ended(reference, expected):
    assert dates("In the first 10 months, FDI rose.", reference) == [("In the first 10 months", expected)]

"""The one reading of a contract period (year, ISO month, ISO date) that every stage shares."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import policylens.periods as periods_module
from policylens.periods import from_stored, month_of, parts, period_end, period_start, to_stored, year_of


@pytest.mark.parametrize(
    ("period", "year", "start", "end"),
    [
        (2027, 2027, date(2027, 1, 1), date(2027, 12, 31)),
        ("2027", 2027, date(2027, 1, 1), date(2027, 12, 31)),
        ("2024-02", 2024, date(2024, 2, 1), date(2024, 2, 29)),
        ("2023-02", 2023, date(2023, 2, 1), date(2023, 2, 28)),
        ("2026-06-24", 2026, date(2026, 6, 24), date(2026, 6, 24)),
        ("2026-6-3", 2026, date(2026, 6, 3), date(2026, 6, 3)),
        (" 2026-06", 2026, date(2026, 6, 1), date(2026, 6, 30)),
        ("2026-06-24T08:00:00+08:00", 2026, date(2026, 6, 24), date(2026, 6, 24)),
        (date(2025, 3, 9), 2025, date(2025, 3, 9), date(2025, 3, 9)),
    ],
)
def test_a_period_has_a_year_a_first_day_and_a_last_day(period, year, start, end):
    assert year_of(period) == year
    assert period_start(period) == start
    assert period_end(period) == end


@pytest.mark.parametrize(
    ("period", "start", "end"),
    [
        ("2026-13", date(2026, 1, 1), date(2026, 12, 31)),  # no such month: the year remains
        ("2026-00-05", date(2026, 1, 1), date(2026, 12, 31)),
        ("2025-02-30", date(2025, 2, 1), date(2025, 2, 28)),  # no such day: the month remains
    ],
)
def test_an_impossible_month_or_day_falls_back_to_the_coarser_period(period, start, end):
    assert period_start(period) == start
    assert period_end(period) == end


@pytest.mark.parametrize(
    "period",
    [
        None,
        "",
        "soon",
        "by the end of the plan",
        "26-06",
        "20261",
        "0000",
        0,
        99999,
        -5,
        True,
        2026.0,
    ],
)
def test_what_names_no_period_is_absent_not_an_error(period):
    year_of(1), year_of(2026)  # cached first: True and 2026.0 compare equal to them, yet name no period
    assert year_of(period) is None
    assert period_start(period) is None
    assert period_end(period) is None


@given(st.dates(), st.sampled_from(["year", "month", "day"]))
def test_every_written_form_of_a_day_contains_it(day, precision):
    text = {"year": f"{day.year:04d}", "month": f"{day.year:04d}-{day.month:02d}", "day": day.isoformat()}[precision]
    assert period_start(text) <= day <= period_end(text)
    assert year_of(text) == day.year
    assert period_start(text).year == period_end(text).year == day.year


@pytest.mark.parametrize(
    ("contract", "stored"),
    [
        (2025, "2025"),
        ("2026-06", "2026-06"),
        ("2026-06-30", "2026-06-30"),
        (None, None),
    ],
)
def test_a_stored_period_comes_back_in_the_contract_shape(contract, stored):
    assert to_stored(contract) == stored
    assert from_stored(stored) == contract


def test_a_year_written_as_a_string_comes_back_as_the_contract_int():
    assert from_stored(to_stored("2025")) == 2025
    assert from_stored("FY2025") == "FY2025"  # not a bare year: kept as written


def test_the_module_imports_nothing_of_the_package():
    """So that extraction (a pure function of a document) may use it as model does."""
    tree = ast.parse(Path(periods_module.__file__).read_text(encoding="utf-8"))
    imported = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    imported += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    assert imported and not [m for m in imported if m.startswith(("policylens", "."))]


@pytest.mark.parametrize(
    "period, expected",
    [
        ("2027-06-30", (2027, 6, 30)),
        ("2027-06", (2027, 6, None)),
        (2027, (2027, None, None)),
        ("2027-13", (2027, None, None)),
        ("20271", None),
        ("soon", None),
    ],
)
def test_the_parts_of_a_period_and_its_month(period, expected):
    """Extraction reads a document's publication year and month here instead of with its own regex."""
    assert parts(period) == expected
    assert month_of(period) == (expected[1] if expected else None)


def test_no_other_module_reads_a_period_with_its_own_pattern():
    """The year-of-a-published-date regexes the extractors had are gone; they ask this module."""
    src = Path(periods_module.__file__).parent
    for path in src.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "def _year_of(" not in text and "def _year(" not in text, path

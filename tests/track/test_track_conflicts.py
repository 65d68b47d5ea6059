"""Figures that disagree: across documents, and a currency restatement against its year's rate."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policylens.model import Alternative, Quantity
from policylens.track import Observation, TargetFact, convert, cross_document_conflicts, currency_conflicts


def stat(
    value,
    document_id,
    id=None,
    unit="CNY",
    as_of=2024,
    comparator="=",
    metric="exports",
    subject="Qingdao",
    change=None,
) -> Observation:
    return Observation(
        id=id or document_id,
        document_id=document_id,
        published="2025-03-01",
        value=value,
        unit=unit,
        as_of=as_of,
        comparator=comparator,
        subject=subject,
        metric=metric,
        change=change,
    )


def test_two_documents_giving_different_figures_for_the_same_year_conflict():
    a, b = stat(100e9, 1), stat(110e9, 2)
    (conflict,) = cross_document_conflicts([a, b])
    assert conflict.kind == "cross_document"
    assert conflict.facts == (a, b) and conflict.values == (100e9, 110e9)
    assert "100 billion CNY in document 1" in conflict.reason and "110 billion CNY in document 2" in conflict.reason


@pytest.mark.parametrize(
    "other",
    [
        stat(101e9, 2),  # within rounding
        stat(95e9, 2, comparator=">"),  # "more than 95 billion" agrees with 100 billion
        stat(110e9, 2, as_of=2023),  # another year
        stat(110e9, 2, metric="imports"),  # another measure
        stat(110e9, 2, subject="Jinan"),  # another place
        stat(110e9, 1, id=9),  # the same document
        stat(100e9 / 7.1217, 2, unit="USD"),  # the same sum in dollars at 2024's rate
    ],
)
def test_figures_that_can_both_hold_do_not_conflict(other):
    assert cross_document_conflicts([stat(100e9, 1), other]) == []


def test_only_pairs_from_different_documents_are_compared_and_in_the_order_given():
    # Document 1 repeats its figure; document 2 disagrees once, document 3 agrees.
    first = [stat(100e9, 1, id=i) for i in (1, 2, 3)]
    other, same = stat(110e9, 2, id=4), stat(100e9, 3, id=5)
    later = stat(100e9, 1, id=6)
    found = cross_document_conflicts([*first, other, same, later])
    assert [(c.facts[0].id, c.facts[1].id) for c in found] == [(1, 4), (2, 4), (3, 4), (4, 5), (4, 6)]


def test_a_page_repeating_one_figure_thousands_of_times_has_nothing_to_compare():
    assert cross_document_conflicts([stat(100e9 + i, 1, id=i + 1) for i in range(3000)]) == []


def test_a_decrease_and_an_increase_for_the_same_year_conflict():
    down = stat(3.0, 1, unit="%", change="decrease", metric="exports growth")
    up = stat(2.0, 2, unit="%", change="increase", metric="exports growth")
    assert len(cross_document_conflicts([down, up])) == 1


def test_a_target_and_a_statistic_for_the_same_year_are_progress_not_a_conflict():
    goal = TargetFact(
        id=5,
        document_id=3,
        published="2022-01-01",
        subject="Qingdao",
        metric="exports",
        value=150e9,
        unit="CNY",
        deadline=2024,
    )
    assert cross_document_conflicts([stat(100e9, 1), goal]) == []
    other_goal = TargetFact(
        id=6,
        document_id=4,
        published="2023-01-01",
        subject="Qingdao",
        metric="exports",
        value=120e9,
        unit="CNY",
        deadline=2024,
    )
    assert len(cross_document_conflicts([goal, other_goal])) == 1


def quantity(value, unit, alt_value, alt_unit, **kw) -> Quantity:
    return Quantity("target", "…", 0, 1, value, unit, alternatives=[Alternative(alt_value, alt_unit)], **kw)


def test_a_restatement_off_by_a_thousand_is_flagged_with_the_expected_value():
    q = quantity(540e9, "CNY", 75.3e6, "USD", deadline=2025, metric="output value")
    (conflict,) = currency_conflicts([q], published="2023-04-10")
    assert conflict.kind == "currency_restatement" and conflict.facts == (q,)
    assert conflict.values == (540e9, 75.3e6)
    expected = convert(540e9, "CNY", "USD", 2025) / 1e9
    assert conflict.reason == (
        f"540 billion CNY is about {expected:.3g} billion USD at 7.15 CNY/USD (2025), not 75.3 million USD"
    )


def test_correct_restatements_pass():
    assert currency_conflicts([quantity(270e9, "CNY", 38.66e9, "USD", as_of=2019)]) == []
    assert currency_conflicts([quantity(2e9, "EUR", 15.3e9, "CNY")], published="2023-05") == []
    assert currency_conflicts([quantity(30e6, "km2", 30, "m2")]) == []  # not money


def test_a_target_converted_at_its_publication_rate_passes():
    # 1 trillion yuan ($162.8 billion): 2014's rate, 16% off 2025's, for a 2025 target.
    q = quantity(1e12, "CNY", 162.8e9, "USD", deadline=2025)
    assert currency_conflicts([q], published="2014-09-01") == []
    assert len(currency_conflicts([q])) == 1


def test_a_restatement_25_percent_off_is_flagged():
    (conflict,) = currency_conflicts([quantity(100e9, "CNY", 18e9, "USD", as_of=2021)])
    assert "15.5 billion USD at 6.452 CNY/USD (2021)" in conflict.reason


numbers = st.floats(allow_nan=True, allow_infinity=True)
units = st.sampled_from(["CNY", "USD", "EUR", "count", "%"])
comparators = st.sampled_from(["=", ">", ">=", "<", "<=", "~", "?"])


@settings(max_examples=60)
@given(
    st.lists(
        st.tuples(
            numbers,
            st.none() | numbers,
            units,
            comparators,
            st.integers(1, 3),
            st.sampled_from([None, "increase", "decrease"]),
        ),
        max_size=5,
    ),
    numbers,
    units,
    numbers,
    units,
    st.none() | st.integers(-5, 12000),
)
def test_conflict_checks_never_raise(facts, value, unit, alt_value, alt_unit, year):
    stats = [
        Observation(
            i, doc, None, v, u, as_of=2024, value_max=vmax, comparator=c, change=ch, subject="Qingdao", metric="exports"
        )
        for i, (v, vmax, u, c, doc, ch) in enumerate(facts)
    ]
    for conflict in cross_document_conflicts(stats):
        assert conflict.kind == "cross_document"
    q = quantity(value, unit, alt_value, alt_unit, as_of=year)
    for conflict in currency_conflicts([q], published="2024-01"):
        assert conflict.kind == "currency_restatement"

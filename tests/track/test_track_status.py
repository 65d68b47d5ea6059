"""Target status as of a day: every status, the day moving a target between them, and progress."""

from __future__ import annotations

import math
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from policylens.model import Quantity
from policylens.track import STATUSES, Observation, TargetFact, target_status

MID_2025 = date(2025, 6, 1)
TODAY = date(2026, 11, 22)


def target(value=500.0, unit="count", comparator="=", deadline=2025, change=None, **kw) -> TargetFact:
    fields = dict(
        id=1,
        document_id=10,
        published="2022-03-01",
        subject="Shandong",
        metric="green factories",
        value_max=None,
        annual=False,
    )
    fields.update(kw)
    return TargetFact(value=value, unit=unit, comparator=comparator, deadline=deadline, change=change, **fields)


def obs(value, as_of=2025, published="2026-02-15", unit="count", id=2, change=None, comparator="="):
    return Observation(
        id=id,
        document_id=20 + id,
        published=published,
        value=value,
        unit=unit,
        as_of=as_of,
        change=change,
        comparator=comparator,
    )


def test_the_same_2025_target_is_due_in_2025_and_past_due_a_year_later():
    t = target()
    assert target_status(t, [], MID_2025).status == "due"
    late = target_status(t, [], TODAY)
    assert late.status == "past_due_unverified"
    assert late.progress_percent is None and late.latest_observation is None


def test_a_later_deadline_is_open_and_no_deadline_is_open():
    assert target_status(target(deadline=2027), [], TODAY).status == "open"
    assert target_status(target(deadline=None), [], TODAY).status == "open"


def test_met_when_the_latest_figure_reaches_the_target_with_progress():
    result = target_status(target(), [obs(480, as_of=2024, id=2), obs(520, id=3)], TODAY)
    assert result.status == "met"
    assert result.progress_percent == 104.0
    assert result.latest_observation.id == 3


def test_missed_when_the_deadline_year_figure_falls_short():
    result = target_status(target(), [obs(430)], TODAY)
    assert result.status == "missed"
    assert result.progress_percent == 86.0


def test_a_figure_only_for_an_earlier_year_leaves_a_passed_target_unverified_but_shows_progress():
    result = target_status(target(), [obs(430, as_of=2024, published="2025-01-20")], TODAY)
    assert result.status == "past_due_unverified"
    assert result.progress_percent == 86.0


def test_a_figure_published_after_the_day_asked_about_is_not_known_yet():
    early = obs(520, as_of="2025-03", published="2025-07-01")
    assert target_status(target(), [early], MID_2025).status == "due"
    assert target_status(target(), [early], date(2025, 7, 2)).status == "met"


def test_superseded_unless_met():
    assert target_status(target(), [obs(430)], TODAY, superseded_by=9).status == "superseded"
    assert target_status(target(), [obs(520)], TODAY, superseded_by=9).status == "met"


def test_comparators():
    def status(comparator, value, observed, obs_comparator="="):
        t = target(value=value, comparator=comparator)
        return target_status(t, [obs(observed, comparator=obs_comparator)], TODAY).status

    assert status(">", 30, 30) == "missed"  # "exceeding 30" is not met by exactly 30 ...
    assert status(">", 30, 30, obs_comparator=">") == "met"  # ... but is by "exceeded 30"
    assert status(">", 30, 31) == "met"
    assert status(">=", 30, 30) == "met"
    assert status("~", 50, 47.6) == "met"  # within 5% below "about 50"
    assert status("~", 50, 47) == "missed"
    assert status("=", 1000, 990) == "met"  # within 1%
    assert status("=", 1000, 985) == "missed"
    assert status("<=", 3, 2) == "met"  # a ceiling is met from below
    assert status("<", 3, 3) == "missed"


def test_a_rank_target_is_met_by_a_better_rank():
    t = target(value=3, unit="rank", comparator="=", metric="national ranking")
    assert target_status(t, [obs(2, unit="rank")], TODAY).status == "met"
    assert target_status(t, [obs(5, unit="rank")], TODAY).status == "missed"


def test_a_decrease_target_compares_changes():
    t = target(value=17, unit="%", comparator="~", change="decrease", metric="energy consumption per unit")
    more = target_status(t, [obs(18, unit="%", change="decrease")], TODAY)
    assert more.status == "met" and more.progress_percent == 105.9
    wrong_way = target_status(t, [obs(2, unit="%", change="increase")], TODAY)
    assert wrong_way.status == "missed" and wrong_way.progress_percent == -11.8
    level = target_status(t, [obs(80, unit="%")], TODAY)  # a level says nothing about a change
    assert level.status == "past_due_unverified" and level.latest_observation is None


def test_an_iso_deadline_is_compared_by_date():
    t = target(deadline="2027-06")
    assert target_status(t, [], date(2027, 6, 30)).status == "due"
    assert target_status(t, [], date(2027, 7, 1)).status == "past_due_unverified"
    # A figure for March 2027 predates the deadline; one for the whole of 2027 covers it.
    assert (
        target_status(t, [obs(400, as_of="2027-03", published="2027-04")], date(2027, 9, 1)).status
        == "past_due_unverified"
    )
    assert target_status(t, [obs(400, as_of=2027, published="2028-01")], date(2028, 2, 1)).status == "missed"


def test_a_dollar_figure_counts_towards_a_yuan_target_at_its_year_s_rate():
    t = target(value=30e9, unit="CNY", comparator=">", metric="exports")
    result = target_status(t, [obs(4.5e9, unit="USD")], TODAY)  # about 32 billion yuan in 2025
    assert result.status == "met"
    assert 105 < result.progress_percent < 110


def test_from_quantity_keeps_the_fields_status_needs():
    q = Quantity(
        "target",
        "exceeding RMB 30 billion in exports by 2027",
        0,
        44,
        30e9,
        "CNY",
        metric="exports",
        comparator=">",
        deadline=2027,
        subject="cluster",
    )
    t = TargetFact.from_quantity(q, id=5, document_id=1, published="2026-06-24")
    assert (t.value, t.unit, t.comparator, t.deadline, t.subject) == (30e9, "CNY", ">", 2027, "cluster")


numbers = st.floats(allow_nan=True, allow_infinity=True) | st.integers(-(10**30), 10**30).map(float)
periods = (
    st.none()
    | st.integers(-10, 12000)
    | st.text(max_size=12)
    | st.sampled_from(["2025", "2027-06", "2027-13", "2025-02-30", "2025-06-15"])
)
units = st.sampled_from(["count", "CNY", "USD", "EUR", "%", "rank", "km2"])
comparators = st.sampled_from(["=", ">", ">=", "<", "<=", "~", "?"])
changes = st.sampled_from([None, "increase", "decrease"])


@given(
    value=numbers,
    value_max=st.none() | numbers,
    unit=units,
    comparator=comparators,
    change=changes,
    deadline=periods,
    published=st.none() | st.text(max_size=12),
    observed=st.lists(
        st.tuples(numbers, units, changes, periods, st.none() | st.text(max_size=12), comparators), max_size=4
    ),
    day=st.dates(),
    superseded_by=st.none() | st.integers(),
)
def test_target_status_never_raises(
    value, value_max, unit, comparator, change, deadline, published, observed, day, superseded_by
):
    t = TargetFact(1, 1, published, None, None, value, unit, value_max, comparator, change, deadline)
    found = [
        Observation(i + 2, 2, pub, v, u, as_of, comparator=c, change=ch)
        for i, (v, u, ch, as_of, pub, c) in enumerate(observed)
    ]
    result = target_status(t, found, day, superseded_by)
    assert result.status in STATUSES
    assert result.progress_percent is None or math.isfinite(result.progress_percent)

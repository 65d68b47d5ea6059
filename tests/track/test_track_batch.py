"""The track stage over a whole knowledge base, from plain inputs (no database): what the rebuild stores."""

from __future__ import annotations

from datetime import date

from policylens.model import Alternative, Quantity
from policylens.track.batch import track_all


def quantity(kind, value, metric="robot makers", subject="Lakeside", **kw) -> Quantity:
    return Quantity(
        kind=kind,
        text=f"{value}",
        start=0,
        end=len(f"{value}"),
        value=value,
        unit="count",
        metric=metric,
        subject=subject,
        **kw,
    )


# (id, document id, quantity): a plan's goal, a later report of progress on it, and a cap of a subsidy.
GOAL = (1, 10, quantity("target", 200.0, deadline=2027))
REPORT = (2, 20, quantity("statistic", 210.0, as_of=2025))
CAP = (3, 10, quantity("target", 5.0, metric="subsidy", deadline=2027))
PUBLISHED = {10: "2024-03-01", 20: "2026-01-15", 30: "2026-02-01"}


def test_a_report_on_a_goal_is_its_progress_and_dates_its_status():
    tracked = track_all([GOAL, REPORT], {1: "Lakeside", 2: "Lakeside"}, {}, PUBLISHED, {})
    assert [(t, o) for t, o, _ in tracked.progress] == [(1, 2)]
    alone = track_all([GOAL], {1: "Lakeside"}, {}, PUBLISHED, {})
    assert [p[2] for p in alone.periods] == ["open", "due", "past_due_unverified"]
    assert tracked.periods[0][:3] == (1, date.min, "open")
    assert ("met" in [p[2] for p in tracked.periods]) and tracked.periods != alone.periods
    assert tracked.restated == [] and tracked.conflicts == []


def test_the_subject_it_is_tracked_under_is_the_callers():
    tracked = track_all([GOAL, REPORT], {1: "Lakeside", 2: "Riverton"}, {}, PUBLISHED, {})
    assert tracked.progress == []


def test_a_term_of_an_instrument_gets_no_progress_or_status():
    tracked = track_all([GOAL, REPORT, CAP], {1: "Lakeside", 2: "Lakeside", 3: "Lakeside"}, {}, PUBLISHED, {3: "term"})
    assert {p[0] for p in tracked.periods} == {1}


def test_a_repost_counts_as_its_first_version_and_restates_nothing():
    repost = (4, 30, quantity("target", 200.0, deadline=2027))
    subjects = {1: "Lakeside", 4: "Lakeside"}
    assert track_all([GOAL, repost], subjects, {}, PUBLISHED, {}).restated == [(1, 4)]
    assert track_all([GOAL, repost], subjects, {30: 10}, PUBLISHED, {}).restated == []


def test_a_currency_restatement_far_off_is_a_conflict_of_its_document():
    wrong = (
        5,
        20,
        Quantity(
            kind="statistic",
            text="RMB 100 million",
            start=0,
            end=15,
            value=1e8,
            unit="CNY",
            metric="investment",
            subject="Lakeside",
            as_of=2025,
            alternatives=[Alternative(1e9, "USD")],
        ),
    )
    tracked = track_all([wrong], {5: "Lakeside"}, {}, PUBLISHED, {})
    assert [(c[0], c[1]) for c in tracked.conflicts] == [("currency_restatement", 5)]

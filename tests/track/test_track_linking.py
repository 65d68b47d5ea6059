"""Progress links and restatements: what must link, and the look-alikes that must not."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from policylens.track import (
    Observation,
    TargetFact,
    as_goals,
    link,
    link_score,
    metric_similarity,
    metrics_match,
    normalise_subject,
    restatements,
    target_status,
    track_targets,
)


def target(
    metric="green factories",
    subject="Shandong",
    unit="count",
    id=1,
    document_id=10,
    published="2022-03-01",
    deadline=2025,
    value=500.0,
    change=None,
) -> TargetFact:
    return TargetFact(
        id=id,
        document_id=document_id,
        published=published,
        subject=subject,
        metric=metric,
        value=value,
        unit=unit,
        deadline=deadline,
        change=change,
    )


def stat(
    metric="green factories",
    subject="Shandong",
    unit="count",
    value=520.0,
    as_of=2025,
    published="2026-02-15",
    id=2,
    document_id=20,
    change=None,
) -> Observation:
    return Observation(
        id=id,
        document_id=document_id,
        published=published,
        value=value,
        unit=unit,
        as_of=as_of,
        subject=subject,
        metric=metric,
        change=change,
    )


def test_a_later_statistic_links_and_gives_progress():
    t = target()
    found = stat(metric="green factories built", subject="Shandong Province", value=450)
    linked = link([t], [found, stat(metric="smart factories", id=3)])
    assert linked == {1: [found]}
    result = target_status(t, linked[1], date(2026, 11, 22))
    assert result.status == "missed" and result.progress_percent == 90.0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("smart factories and digitalized workshops built", "smart factories and digital workshops"),
        ("manufacturing innovation centres", "manufacturing innovation centers"),
        ("output value of the manufacturing industry", "total manufacturing industry output value"),
        ("国家级中小企业特色产业集群", "国家中小企业特色产业集群"),  # "national-level" / "national"
    ],
)
def test_the_same_measure_in_other_words_matches(a, b):
    assert metrics_match(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("exports", "imports"),
        ("green factories", "smart factories"),
        ("enterprises", "listed enterprises"),
        ("industrial enterprises above designated size", "industrial enterprises"),
        ("national clusters", "international clusters"),
        ("national-level green factories", "green factories"),
        ("output value", "input value"),
        ("省级特色产业集群", "国家级特色产业集群"),  # provincial / national clusters
        ("出口额", "进口额"),  # exports / imports
    ],
)
def test_distinguishing_words_must_agree(a, b):
    assert not metrics_match(a, b)
    assert not metrics_match(b, a)


@pytest.mark.parametrize(
    "found",
    [
        stat(subject="Jiangsu"),  # another place
        stat(subject=None),  # a place the statistic does not name
        stat(as_of=2021, published="2022-01-10"),  # before the plan: its baseline
        stat(document_id=10),  # the plan's own figure
        stat(unit="%"),  # a share, not a count
        stat(change="increase"),  # a growth, not a level
        stat(as_of=None, published=None),  # no time at all
    ],
)
def test_no_link_across_subject_time_document_unit_or_kind(found):
    assert link_score(target(), found) is None


def test_currencies_link_to_each_other():
    t = target(metric="exports", unit="CNY", value=30e9)
    assert link_score(t, stat(metric="exports", unit="USD", value=4e9)) is not None


def test_a_target_without_subject_links_only_on_a_near_identical_metric():
    t = target(subject=None, metric="smart factories and digital workshops")
    assert link_score(t, stat(metric="smart factories and digital workshops", subject="Jinan")) == 100
    assert link_score(t, stat(metric="smart factories and digitalized workshops", subject="Jinan")) is None


def test_subject_normalisation_ignores_case_article_and_administrative_suffix():
    assert normalise_subject("The Jiaozhou City") == normalise_subject("jiaozhou") == "jiaozhou"
    assert normalise_subject("Qingdao West Coast New Area") != normalise_subject("Qingdao")


def test_a_later_plan_with_a_deadline_as_late_supersedes_the_earlier():
    first = target(id=1, published="2021-05-01", deadline=2025, value=400)
    second = target(id=2, document_id=11, published="2023-01-01", deadline=2025, value=500)
    third = target(
        id=3, document_id=12, published="2024-06-01", deadline=2027, value=600, metric="green factories built"
    )
    assert restatements([first, second, third]) == {1: 3, 2: 3}


def test_no_restatement_by_an_earlier_deadline_another_metric_or_the_same_document():
    first = target(id=1, published="2021-05-01", deadline=2027)
    earlier_deadline = target(id=2, document_id=11, published="2023-01-01", deadline=2025)
    other_metric = target(id=3, document_id=12, published="2023-01-01", deadline=2027, metric="smart factories")
    same_document = target(id=4, document_id=10, published="2023-01-01", deadline=2027)
    assert restatements([first, earlier_deadline, other_metric, same_document]) == {}


def test_a_restating_plan_counts_only_once_published():
    first = target(id=1, published="2021-05-01", deadline=2025)
    second = target(id=2, document_id=11, published="2024-06-01", deadline=2027)
    assert restatements([first, second], as_of=date(2024, 1, 1)) == {}
    assert restatements([first, second], as_of=date(2024, 6, 1)) == {1: 2}


def test_track_targets_links_restates_and_judges_on_the_day_asked():
    first = target(id=1, published="2021-05-01", deadline=2025, value=500)
    second = target(id=2, document_id=11, published="2025-03-01", deadline=2027, value=800)
    found = stat(value=650, as_of=2025, published="2026-02-15", id=3, document_id=30)
    before = track_targets([first, second], [found], date(2025, 1, 15))
    assert (before[1].status, before[2].status) == ("due", "open")
    after = track_targets([first, second], [found], date(2026, 11, 22))
    assert after[1].status == "met" and after[1].progress_percent == 130.0
    assert after[2].status == "open" and after[2].progress_percent == 81.2
    # Without the figure, the restated 2025 target is superseded rather than past due.
    assert track_targets([first, second], [], date(2026, 11, 22))[1].status == "superseded"


def test_changes_link_only_on_the_same_basis():
    fall = target(metric="energy consumption per unit of industrial added value", unit="%", value=17, change="decrease")
    since_2020 = replace(fall, baseline=2020)

    def observed(baseline, annual=False):
        return Observation(
            id=2,
            document_id=20,
            published="2026-02-15",
            value=18,
            unit="%",
            as_of=2025,
            change="decrease",
            subject="Shandong",
            metric=fall.metric,
            baseline=baseline,
            annual=annual,
        )

    assert link_score(since_2020, observed(2020)) is not None
    assert link_score(since_2020, observed(None)) is None  # a fall on the year before
    assert link_score(fall, observed(None)) is not None
    assert link_score(fall, observed(None, annual=True)) is None  # an average annual fall


@pytest.mark.parametrize(
    "zh, en, same",
    [
        ("胶州市机床产业产值", "Jiaozhou's machine tool industry output", True),
        ("机床出口额", "machine tool exports", True),
        ("机床出口额", "machine tool imports", False),  # a distinguishing word, read in English
        ("胶州市机床产业产值", "Qingdao machine tool industry output", False),  # the place inside differs
        ("机床产业链产值", "machine tool industry output", False),  # 链 has no reading: no cross-language link
    ],
)
def test_a_chinese_metric_meets_an_english_one_in_english_words(zh, en, same):
    assert metrics_match(zh, en) is same
    assert metrics_match(en, zh) is same


def test_a_restatement_takes_progress_reported_since_its_goal_was_first_set():
    plan = target(id=1, published="2024-03-01", deadline=2027, value=20.0, unit="CNY", metric="exports")
    report = stat(id=3, document_id=30, value=13.4, unit="CNY", metric="exports", as_of=2025, published="2026-01-20")
    repeat = target(
        id=2, document_id=11, published="2026-02-10", deadline=2027, value=20.0, unit="CNY", metric="exports"
    )
    # Alone, the repeat came after the 2025 figure, which would only be its baseline.
    assert link([repeat], [report]) == {}
    goals = as_goals([plan, repeat], restatements([plan, repeat]))
    assert link(goals, [report]) == {1: [report], 2: [report]}
    after = track_targets([plan, repeat], [report], date(2026, 6, 1))
    assert after[2].status == "open" and after[2].progress_percent == 67.0
    assert after[1].status == "superseded"


def test_goals_leave_unrestated_targets_as_they_are():
    lone = target(id=1)
    assert as_goals([lone], {}) == [lone]


def test_the_subject_named_in_a_metric_is_no_part_of_the_measure():
    # "Jiaozhou's machine tool output" of Jiaozhou and "machine tool output" of Jiaozhou are one measure ...
    assert (
        metric_similarity("Jiaozhou's machine tool industry output", "machine tool industry output", "jiaozhou") == 100
    )
    assert metric_similarity("胶州市机床产业产值", "machine tool industry output", "jiaozhou") == 100
    # ... but without the shared subject the place is a word with no counterpart.
    assert metric_similarity("Jiaozhou's machine tool industry output", "machine tool industry output") == 0


_PHRASES = [
    "smart factories and digitalized workshops built",
    "smart factories and digital workshops",
    "manufacturing innovation centres",
    "output value of the manufacturing industry",
    "total manufacturing industry output value",
    "exports",
    "imports",
    "green factories",
    "listed enterprises",
    "enterprises",
    "industrial enterprises above designated size",
    "national-level green factories",
    "Jiaozhou's machine tool industry output",
    "machine tool industry output",
    "Qingdao machine tool industry output",
    "machine tool exports",
    "胶州市机床产业产值",
    "机床出口额",
    "国家级中小企业特色产业集群",
    "国家中小企业特色产业集群",
    "省级特色产业集群",
    "output",
    "input value",
    None,
]


@pytest.mark.parametrize("subject", [None, "jiaozhou", "qingdao"])
def test_metric_similarity_is_symmetric(subject):
    """``batch.reach`` asks it in one order only (of a stored metric and a touched one, either may come first)."""
    for a in _PHRASES:
        for b in _PHRASES:
            assert metric_similarity(a, b, subject) == metric_similarity(b, a, subject), (a, b)

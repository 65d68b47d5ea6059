"""deciding_links and first_restatements give every status that link and restatements give, on any day.

They are the knowledge base's fast paths; the pairwise functions are the
reference.  Facts are drawn at random from small vocabularies so that
subjects, metrics, periods and documents collide often.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policylens.periods import period_start
from policylens.track import (
    Observation,
    TargetFact,
    deciding_links,
    first_restatements,
    link,
    restatements,
    status_periods,
    target_status,
)
from policylens.track.batch import period_rows
from policylens.track.linking import _status_key, deciding_suffixes, link_score
from policylens.track.status import known_since, status_changes_around, status_periods_sharing

pytestmark = pytest.mark.slow  # large Hypothesis runs over every day of many periods: make test-fast skips it

SUBJECTS = st.sampled_from([None, "Riverton", "Riverton City", "Lakeside"])
METRICS = st.sampled_from(["smart factories", "smart factories built", "green factories", "exports"])
UNITS = st.sampled_from(["count", "CNY", "USD", "%"])
PUBLISHED = st.sampled_from([None, "2021-03-01", "2022", "2023-06", "2024-01-15", "2025-12-31", "2026-02-01"])
PERIODS = st.sampled_from([None, 2021, 2022, 2023, 2024, 2025, "2025-06", 2026, 2027])
DAYS = [date(2020, 1, 1), date(2022, 7, 1), date(2024, 1, 1), date(2025, 12, 31), date(2026, 11, 22), date(2030, 1, 1)]


@st.composite
def facts(draw):
    n_targets, n_stats = draw(st.integers(1, 12)), draw(st.integers(0, 25))
    targets = [
        TargetFact(
            id=i,
            document_id=draw(st.integers(1, 5)),
            published=draw(PUBLISHED),
            subject=draw(SUBJECTS),
            metric=draw(METRICS),
            value=draw(st.sampled_from([10.0, 50, 100])),
            unit=draw(UNITS),
            comparator=draw(st.sampled_from(["=", ">=", "~", "<"])),
            change=draw(st.sampled_from([None, None, "increase"])),
            deadline=draw(PERIODS),
        )
        for i in range(n_targets)
    ]
    stats = [
        Observation(
            id=100 + i,
            document_id=draw(st.integers(1, 5)),
            published=draw(PUBLISHED),
            value=draw(st.sampled_from([5.0, 10, 49, 50, 120])),
            unit=draw(UNITS),
            as_of=draw(PERIODS),
            subject=draw(SUBJECTS),
            metric=draw(METRICS),
            change=draw(st.sampled_from([None, None, "increase"])),
            comparator=draw(st.sampled_from(["=", ">"])),
        )
        for i in range(n_stats)
    ]
    return targets, stats


@settings(max_examples=300, deadline=None)
@given(facts())
def test_deciding_links_give_the_status_all_links_give(drawn):
    targets, stats = drawn
    every, deciding = link(targets, stats), deciding_links(targets, stats)
    for t in targets:
        kept = [o for o, _ in deciding.get(t.id, [])]
        assert set(o.id for o in kept) <= set(o.id for o in every.get(t.id, []))
        for day in DAYS:
            assert target_status(t, kept, day) == target_status(t, every.get(t.id, []), day)


@settings(max_examples=300, deadline=None)
@given(facts())
def test_first_restatement_supersedes_exactly_when_restatements_does(drawn):
    targets, _ = drawn
    first = first_restatements(targets)
    published = {t.id: period_start(t.published) for t in targets}
    for day in DAYS:
        expected = set(restatements(targets, day))
        assert {t for t, later in first.items() if published[later] <= day} == expected


@settings(max_examples=300, deadline=None)
@given(facts(), st.lists(st.dates(min_value=date(2019, 1, 1), max_value=date(2031, 1, 1)), min_size=1, max_size=5))
def test_status_periods_give_the_status_of_any_day(drawn, days):
    targets, stats = drawn
    every, deciding, first = link(targets, stats), deciding_links(targets, stats), first_restatements(targets)
    by_id = {t.id: t for t in targets}
    for t in targets:
        later = by_id.get(first.get(t.id))
        periods = status_periods(
            t, [o for o, _ in deciding.get(t.id, [])], (period_start(later.published), later.id) if later else None
        )
        assert periods[0][0] == date.min
        for day in [*days, *DAYS]:
            stored = [status for start, status in periods if start <= day][-1]
            superseded = restatements(targets, day).get(t.id)
            assert stored == target_status(t, every.get(t.id, []), day, superseded).status


@settings(max_examples=300, deadline=None)
@given(facts(), st.booleans())
def test_status_periods_match_target_status_asked_on_every_day(drawn, restated):
    """The incremental sweep of status_periods is the day-by-day target_status, figure ties included."""
    targets, stats = drawn
    every = link(targets, stats)
    for t in targets:
        observations = every.get(t.id, []) + every.get(t.id, [])[:2]  # repeated figures tie on every key
        restatement = (date(2024, 1, 1), 999) if restated else None
        periods = status_periods(t, observations, restatement)
        days = sorted({date.min, *(p for p, _ in periods), date(2024, 1, 1), *DAYS})
        for day in days:
            stored = [status for start, status in periods if start <= day][-1]
            superseded = restatement[1] if restatement and restatement[0] <= day else None
            assert stored == target_status(t, observations, day, superseded).status


@settings(max_examples=300, deadline=None)
@given(facts(), st.booleans(), st.dates(min_value=date(2019, 1, 2), max_value=date(2031, 1, 1)))
def test_status_periods_from_a_day_are_the_whole_ones_from_that_day(drawn, restated, since):
    """A batch's pass rewrites a target's periods from a day on: the status in force the day before, then
    exactly the whole sweep's periods that begin on that day or later."""
    targets, stats = drawn
    every = link(targets, stats)
    for t in targets:
        restatement = (date(2024, 1, 1), 999) if restated else None
        whole = status_periods_sharing(t, every.get(t.id, []), restatement, {})
        (before, in_force), *changes = status_periods_sharing(t, every.get(t.id, []), restatement, {}, since)
        assert before < since and in_force == [status for start, status in whole if start < since][-1]
        assert changes == [(start, status) for start, status in whole if start >= since]


@settings(max_examples=300, deadline=None)
@given(facts(), st.booleans())
def test_period_rows_of_many_targets_give_target_status_on_every_day(drawn, restated):
    """period_rows computes each figure's days once for all the targets linking to it: statuses stay right.

    Every target is linked to every figure (many share each one), a figure also repeated (the same
    object twice), and one copied under the same id with another value and date (a figure is known
    by its object, not its id); each target's periods are checked against target_status.
    """
    targets, stats = drawn
    if stats:
        stats = [*stats, stats[0], replace(stats[-1], value=1000.0, published="2026-02-01", as_of=2027)]
    links = {t.id: [(o, 1.0) for o in stats] for t in targets}
    first = {t.id: targets[-1].id for t in targets[:-1]} if restated else {}
    day = {t.id: period_start(t.published) for t in targets}
    rows = period_rows(targets, links, first, day)
    for t in targets:
        periods = [(start, status) for target, start, status, _ in rows if target == t.id]
        later = first.get(t.id)
        restatement = (day[later], later) if later is not None and day[later] is not None else None
        for when in sorted({date.min, *(p for p, _ in periods), date(2026, 2, 1), *DAYS}):
            stored = [status for start, status in periods if start <= when][-1]
            superseded = restatement[1] if restatement and restatement[0] <= when else None
            assert stored == target_status(t, stats, when, superseded).status


@settings(max_examples=300, deadline=None)
@given(facts(), st.integers(0, 25), st.integers(0, 25))
def test_deciding_links_extend_from_the_deciding_ones(drawn, split, dropped):
    """A batch's pass links an old target from its stored deciding links and the new figures alone.

    Adding figures makes no figure decide that did not before, and dropping
    one that decides nothing changes nothing: so the deciding links among
    the old deciding ones and the new figures are those among all figures.
    """
    targets, stats = drawn
    old, new = stats[:split], stats[split:]
    for t in targets:
        stored = [o for o, _ in deciding_links([t], old).get(t.id, [])]
        assert deciding_links([t], [*stored, *new]) == deciding_links([t], stats)
        if dropped < len(old) and old[dropped] not in stored:
            kept = old[:dropped] + old[dropped + 1 :]
            assert deciding_links([t], kept) == deciding_links([t], old)


def test_deciding_links_count_a_figure_alike_whether_or_not_the_targets_document_has_figures():
    """An undated target: a figure dated the first day there is decides nothing, its own document's figure or not."""
    t = TargetFact(id=1, document_id=1, published=None, subject="Lakeside", metric="exports", value=5.0, unit="USD")
    own = Observation(
        id=2, document_id=1, published="2024-01-01", value=1.0, unit="USD", subject="Lakeside", metric="exports"
    )
    first_day = replace(own, id=3, document_id=2, published="0001-01-01")
    assert deciding_links([t], [own, first_day]) == deciding_links([t], [first_day]) == {}


@st.composite
def one_group(draw):
    """A group's goals and many figures known on many days, mostly comparable and of few periods (as on
    the benchmark: long staircases of links): a batch's figures fall between stored ones, so that a
    target's status is swept in several stretches."""
    published = st.dates(min_value=date(2019, 1, 1), max_value=date(2027, 12, 31)).map(date.isoformat)
    targets = [
        TargetFact(
            id=i,
            document_id=draw(st.integers(1, 3)),
            published=draw(published),
            subject="Riverton",
            metric="smart factories",
            value=draw(st.sampled_from([10.0, 50, 100])),
            unit=draw(st.sampled_from(["count", "count", "%"])),
            comparator=draw(st.sampled_from(["=", ">=", "~", "<"])),
            deadline=draw(PERIODS),
        )
        for i in range(draw(st.integers(1, 4)))
    ]
    stats = [
        Observation(
            id=100 + i,
            document_id=draw(st.integers(1, 40)),
            published=draw(st.one_of(published, st.none())),
            value=draw(st.sampled_from([5.0, 10, 49, 50, 120])),
            unit=draw(st.sampled_from(["count", "count", "count", "%"])),
            as_of=draw(st.sampled_from([None, 2023, 2024, 2024])),  # of one period, a later one is a record
            subject="Riverton",
            metric="smart factories",
            comparator=draw(st.sampled_from(["=", ">"])),
        )
        for i in range(draw(st.integers(10, 40)))
    ]
    return targets, stats


def _staircase(
    t: TargetFact, candidates: list[tuple[Observation, float]], published: date | None
) -> list[tuple[Observation, float]]:
    """The deciding links of one target among ``candidates`` (in the order they became known), the slow and
    obvious way: every figure of another document whose period ends after ``published`` that beats every
    such figure before it."""
    chosen, best = [], None
    for o, score in candidates:
        key = _status_key(o)  # it starts with observed_period(o) or date.min
        if o.document_id == t.document_id or key[0] <= (published or date.min):
            continue
        if best is None or key > best:
            chosen.append((o, score))
            best = key
    return chosen


@st.composite
def shared_documents(draw):
    """A group's goals and figures of few documents, so that most goals share a document with figures that
    decide for the others: of periods after and before the goals' days, known on many days."""
    published = st.dates(min_value=date(2019, 1, 1), max_value=date(2027, 12, 31)).map(date.isoformat)
    targets = [
        TargetFact(
            id=i,
            document_id=draw(st.integers(1, 4)),
            published=draw(published),
            subject="Riverton",
            metric=draw(st.sampled_from(["smart factories", "smart factories built"])),
            value=50.0,
            unit="count",
        )
        for i in range(draw(st.integers(1, 6)))
    ]
    stats = [
        Observation(
            id=100 + i,
            document_id=draw(st.integers(1, 6)),
            published=draw(st.one_of(published, st.none())),
            value=draw(st.sampled_from([5.0, 10, 49, 50, 120])),
            unit=draw(st.sampled_from(["count", "count", "count", "%"])),
            as_of=draw(st.sampled_from([None, 2020, 2022, 2023, 2024, "2024-06", 2025, 2026, 2027])),
            subject="Riverton",
            metric=draw(st.sampled_from(["smart factories", "smart factories built"])),
        )
        for i in range(draw(st.integers(0, 40)))
    ]
    return targets, stats


@settings(max_examples=1000, deadline=None)
@given(st.one_of(shared_documents(), one_group(), facts()))
def test_a_goals_links_derived_from_its_groups_staircase_are_its_own_staircase(drawn):
    """A goal that shares a document with figures of its group gets its deciding links from the group's
    staircase of records: the same as its own staircase over every candidate, its document's excluded."""
    targets, stats = drawn
    suffixes = deciding_suffixes(targets, stats)
    for t in targets:
        # Every figure the target may link to, its own document's among them (the staircase leaves them out).
        candidates = [(o, s) for o in stats if (s := link_score(replace(t, document_id=-1), o)) is not None]
        candidates.sort(key=lambda link: (known_since(link[0]) or date.min, _status_key(link[0])))
        expected = _staircase(t, candidates, period_start(t.published))
        derived = suffixes.get(t.id)
        assert (derived.links[derived.start :] if derived else []) == expected


def _records(t: TargetFact, stats: list[Observation]) -> list[Observation]:
    """The target's deciding links among ``stats`` whatever their footing, in the order they became known."""
    ordered = sorted(stats, key=lambda o: (known_since(o) or date.min, _status_key(o)))
    return [o for o, _ in _staircase(t, [(o, 1.0) for o in ordered], period_start(t.published))]


@settings(max_examples=500, deadline=None)
@given(st.one_of(facts(), one_group()), st.booleans(), st.data())
def test_status_swept_around_the_changed_links_is_the_whole_sweep(drawn, restated, data):
    """New figures change a target's deciding links on a few days: sweeping only around those days and
    keeping the stored periods elsewhere gives the whole sweep's periods from the first of them on.
    The links are the records among all the figures, other units (not comparable) among them."""
    targets, stats = drawn
    new = set(data.draw(st.sets(st.sampled_from([o.id for o in stats]), max_size=4), label="new") if stats else ())
    old = [o for o in stats if o.id not in new]
    restatement = (date(2024, 1, 1), 999) if restated else None
    for t in targets:
        had, now = _records(t, old), _records(t, stats)
        changed = [known_since(o) or date.min for o in now + had if (o in now) != (o in had)]
        if not changed or min(changed) == date.min:  # no change, or one from the start: swept whole
            continue
        since = min(changed)
        whole = status_periods_sharing(t, had, restatement, {})
        ends = [start for start, _ in whole[1:]] + [None]
        held = [
            (start, status, end)
            for (start, status), end in zip(whole, ends, strict=True)
            if end is None or end >= since
        ]
        expected = status_periods_sharing(t, now, restatement, {}, since)
        answer = status_changes_around(t, now, changed, restatement, {}, held)
        assert answer[0][1] == expected[0][1] and answer[1:] == expected[1:]

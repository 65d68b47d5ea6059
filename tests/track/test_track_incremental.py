"""A batch's retracking (``track.incremental.retrack``) over stored rows gives the rows of tracking everything.

Each case tracks the old facts with ``track_all`` (the stored rows), hands
``retrack`` the new and moved facts with a store over those rows, puts its
rows in place of the stored ones of the targets it recomputed, and compares
with ``track_all`` over all facts.  Each case also checks that the path it
is about was taken.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from datetime import date

from policylens.model import Quantity
from policylens.periods import period_start
from policylens.track.batch import Tracked, track_all
from policylens.track.incremental import Outline, Retracked, retrack
from policylens.track.linking import normalise_subject

Row = tuple[int, int, Quantity]


def figure(kind: str, value: float, subject: str = "Lakeside", metric: str = "robot makers", **kw) -> Quantity:
    return Quantity(
        kind=kind, text=f"{value}", start=0, end=1, value=value, unit="count", metric=metric, subject=subject, **kw
    )


class _Store:
    """The stored quantities and the rows ``track_all`` made of the old ones; remembers what was read."""

    def __init__(self, rows: Sequence[Row], tracked: Tracked):
        self.rows, self.tracked = {r[0]: r for r in rows}, tracked
        self.read: set[int] = set()

    def quantities(self, ids: Collection[int]) -> list[Row]:
        self.read |= set(ids)
        return [self.rows[i] for i in sorted(ids)]

    def restatements(self, targets: Collection[int]) -> dict[int, int]:
        return {t: later for t, later in self.tracked.restated if t in targets}

    def linking(self, statistics: Collection[int]) -> set[int]:
        return {t for t, o, _ in self.tracked.progress if o in statistics}

    def periods(self, since: Mapping[int, date]) -> dict[int, list[tuple[date, str, date | None]]]:
        held: dict[int, list[tuple[date, str, date | None]]] = defaultdict(list)
        for t, start, status, end in sorted(self.tracked.periods):
            if t in since and (end is None or end >= since[t]):
                held[t].append((start, status, end))
        return held


def _rows_after(
    old: Sequence[Row],
    new: Sequence[Row],
    published: Mapping[int, str],
    old_subjects: Mapping[int, str | None],
    moved: Mapping[int, str | None] | None = None,
) -> tuple[Tracked, Tracked, Retracked, _Store]:
    """(stored rows with the retracked ones in place, track_all over everything, retrack's answer, the store)."""
    stored = track_all(old, old_subjects, {}, published, {})
    subjects = {**old_subjects, **{r[0]: r[2].subject for r in new}, **(moved or {})}
    everything = [*old, *new]
    rewritten = {r[0] for r in new} | set(moved or ())
    outlines = {}
    for qid, document_id, q in everything:
        subject = normalise_subject(subjects[qid])
        assert subject is not None
        period = q.deadline if q.kind == "target" else q.as_of
        day = period_start(published[document_id])
        outlines[qid] = Outline(q.kind == "target", subject, q.metric, day, None if period is None else str(period))
    store = _Store(everything, stored)
    batch = {r[1] for r in new}
    answer = retrack(outlines, rewritten, store, subjects, {}, published, {}, batch)
    restated = answer.restated
    lost = set(answer.lost)
    kept = [p for p in stored.progress if p[0] not in answer.relinked and (p[0], p[1]) not in lost]
    merged = Tracked(
        sorted(kept + answer.tracked.progress + answer.gained),
        sorted([r for r in stored.restated if r[0] not in restated] + answer.tracked.restated),
        sorted(_cut(stored.periods, answer) + answer.tracked.periods + answer.cut_periods),
        sorted(answer.tracked.conflicts),
    )
    full = track_all(everything, subjects, {}, published, {}, currency_documents=batch, conflicts_of=rewritten)
    expected = Tracked(sorted(full.progress), sorted(full.restated), sorted(full.periods), sorted(full.conflicts))
    return merged, expected, answer, store


def _cut(periods: Sequence[tuple], answer: Retracked) -> list[tuple]:
    """The stored periods that stay after ``answer``: a cut target's before its day, the last one ended anew."""
    cuts = {t: (day, end) for t, day, end in answer.cuts}
    whole = answer.linked - cuts.keys()
    kept = []
    for t, start, status, end in periods:
        if t in cuts:
            day, new_end = cuts[t]
            if start < day:
                kept.append((t, start, status, new_end if end is None or end >= day else end))
        elif t not in whole:
            kept.append((t, start, status, end))
    return kept


def test_a_new_figure_displaces_an_old_deciding_one():
    """A figure for 2024 known before the stored figure for 2023: that one no longer decides anything."""
    published = {1: "2022-01-01", 2: "2024-01-01", 3: "2025-01-01", 4: "2023-12-01", 5: "2023-02-01"}
    goal = (1, 1, figure("target", 500.0, deadline=2027))
    for_2023 = (2, 2, figure("statistic", 300.0, as_of=2023))
    for_2024 = (3, 3, figure("statistic", 400.0, as_of=2024))
    outdated = (5, 5, figure("statistic", 100.0, as_of=2021))  # before the goal: never a link
    early = (4, 4, figure("statistic", 350.0, as_of=2024))
    subjects = {1: "Lakeside", 2: "Lakeside", 3: "Lakeside", 5: "Lakeside"}
    merged, expected, answer, _ = _rows_after([goal, for_2023, for_2024, outdated], [early], published, subjects)
    assert merged == expected
    assert [(t, o) for t, o, _ in expected.progress] == [(1, 3), (1, 4)]
    assert answer.linked == {1}
    # its links come as a difference from the stored ones: (1, 2) lost, (1, 4) gained, (1, 3) kept unwritten
    assert answer.relinked == set() and answer.lost == [(1, 2)] and [g[:2] for g in answer.gained] == [(1, 4)]


def test_a_later_goal_gains_and_loses_only_the_links_past_its_own_day():
    """Two goals of one group share its staircase of figures.  A new figure for 2023, known in 2022, displaces
    the stored one for 2022 and precedes the later goal's day: only the earlier goal gains the one and loses
    the other, while both gain the new figure for 2025."""
    published = {1: "2021-01-01", 2: "2024-06-01", 3: "2025-01-01", 4: "2022-03-01", 5: "2025-06-01", 6: "2023-01-01"}
    early_goal = (1, 1, figure("target", 500.0, deadline=2030))
    late_goal = (2, 2, figure("target", 900.0, deadline=2027))  # an earlier deadline: no restatement
    for_2024 = (3, 3, figure("statistic", 300.0, as_of=2024))
    for_2022 = (6, 6, figure("statistic", 200.0, as_of=2022))
    for_2023 = (4, 4, figure("statistic", 250.0, as_of=2023))
    for_2025 = (5, 5, figure("statistic", 400.0, as_of=2025))
    subjects = {1: "Lakeside", 2: "Lakeside", 3: "Lakeside", 6: "Lakeside"}
    merged, expected, answer, _ = _rows_after(
        [early_goal, late_goal, for_2024, for_2022], [for_2023, for_2025], published, subjects
    )
    assert merged == expected
    assert answer.relinked == set() and answer.linked == {1, 2}
    assert sorted(g[:2] for g in answer.gained) == [(1, 4), (1, 5), (2, 5)] and answer.lost == [(1, 6)]


def test_a_new_figure_that_decides_nothing_leaves_the_rows():
    """A figure for 2022 known after the stored figure for 2023: the goal's links and periods stay."""
    published = {1: "2022-01-01", 2: "2024-01-01", 3: "2025-06-01"}
    goal = (1, 1, figure("target", 500.0, deadline=2027))
    for_2023 = (2, 2, figure("statistic", 300.0, as_of=2023))
    late = (3, 3, figure("statistic", 250.0, as_of=2022))
    merged, expected, answer, _ = _rows_after([goal, for_2023], [late], published, {1: "Lakeside", 2: "Lakeside"})
    assert merged == expected
    assert answer.linked == set()


def test_a_new_target_restating_an_old_one_first_moves_a_later_goals_origin():
    """A 2023 plan restates the 2022 goal before the 2025 plan did: the 2025 goal dates from 2025 again."""
    published = {1: "2022-01-01", 2: "2025-01-01", 3: "2024-01-01", 4: "2023-06-01"}
    first_goal = (1, 1, figure("target", 500.0, deadline=2027))
    later_goal = (2, 2, figure("target", 600.0, deadline=2027))
    report = (3, 3, figure("statistic", 300.0, as_of=2023))
    longer = (4, 4, figure("target", 700.0, deadline=2028))
    old = [first_goal, later_goal, report]
    subjects = {1: "Lakeside", 2: "Lakeside", 3: "Lakeside"}
    merged, expected, answer, _ = _rows_after(old, [longer], published, subjects)
    assert merged == expected
    stored = track_all(old, subjects, {}, published, {})
    assert stored.restated == [(1, 2)] and (2, 3) in [(t, o) for t, o, _ in stored.progress]
    assert (1, 4) in expected.restated and 2 not in [t for t, _, _ in expected.progress]
    assert 2 in answer.linked and 1 in answer.restated


def test_a_figure_moved_to_another_subject_takes_its_links_along():
    """A deciding figure's subject moves: the goal it decided is linked again from what stays."""
    published = {1: "2022-01-01", 2: "2024-01-01", 3: "2025-01-01", 4: "2022-01-01"}
    goal = (1, 1, figure("target", 500.0, deadline=2027))
    for_2023 = (2, 2, figure("statistic", 300.0, as_of=2023))
    for_2024 = (3, 3, figure("statistic", 400.0, as_of=2024))
    elsewhere = (4, 4, figure("target", 450.0, subject="Riverton", deadline=2027))
    old = [goal, for_2023, for_2024, elsewhere]
    subjects = {1: "Lakeside", 2: "Lakeside", 3: "Lakeside", 4: "Riverton"}
    merged, expected, answer, _ = _rows_after(old, [], published, subjects, moved={3: "Riverton"})
    assert merged == expected
    assert {(t, o) for t, o, _ in expected.progress} == {(1, 2), (4, 3)}
    assert answer.linked == {1, 4}


def test_a_new_figure_conflicting_with_a_stored_one():
    """Two documents give the same measure for 2024 far apart: one conflict, of the new figure."""
    published = {1: "2024-06-01", 2: "2025-01-01"}
    old = [(1, 1, figure("statistic", 300.0, as_of=2024))]
    merged, expected, _, _ = _rows_after(
        old, [(2, 2, figure("statistic", 900.0, as_of=2024))], published, {1: "Lakeside"}
    )
    assert merged == expected
    assert [c[:3] for c in expected.conflicts] == [("cross_document", 1, 2)]


def test_a_new_targets_first_restatement_found_past_the_first_candidates_read():
    """Twenty later plans set an earlier deadline (no restatement); the last one sets a later deadline."""
    published = {1: "2022-01-01", **{d: f"{2023 + d // 12}-{d % 12 + 1:02d}-01" for d in range(2, 23)}}
    goal = (1, 1, figure("target", 500.0, deadline=2030))
    shorter = [(d, d, figure("target", 400.0, deadline=2027)) for d in range(2, 22)]
    longer = (22, 22, figure("target", 600.0, deadline=2031))
    old = [*shorter, longer]
    merged, expected, answer, store = _rows_after(old, [goal], published, {q: "Lakeside" for q, _, _ in old})
    assert merged == expected
    assert (1, 22) in expected.restated and 1 in answer.restated

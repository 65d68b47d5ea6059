"""The track stage over a whole knowledge base: progress links, restatements, status periods, conflicts.

The knowledge base's rebuild hands over every stored quantity with its ids,
the subject it is tracked under and the documents' dates, and stores the
rows that come back; nothing here reads or writes a database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from ..model import Quantity
from ..periods import period_start
from .conflicts import (
    cross_document_conflicts,
    currency_conflicts,
    group_key,  # which figures cross_document_conflicts compares
)
from .linking import METRIC_THRESHOLD, as_goals, deciding_links, first_restatements, metric_similarity
from .status import Observation, TargetFact, status_changes_around, status_periods_sharing


@dataclass(frozen=True, slots=True)
class Tracked:
    """What the track stage derives, as rows in the order of the store's columns."""

    progress: list[tuple[int, int, float]]  # target id, observation id, link score
    restated: list[tuple[int, int]]  # target id, id of the target that first restates it
    periods: list[tuple[int, date, str, date | None]]  # target id, first day, status, day it ends
    conflicts: list[tuple[str, int, int | None, Any, Any, str]]  # kind, quantity, other, values, reason


def track_all(
    quantities: Sequence[tuple[int, int, Quantity]],
    subjects: Mapping[int, str | None],
    root: Mapping[int, int],
    published: Mapping[int, str | None],
    roles: Mapping[int, str],
    currency_documents: Collection[int] | None = None,
    conflicts_of: Collection[int] | None = None,
) -> Tracked:
    """Track every quantity: ``(id, document id, Quantity)`` with the subject each is tracked under.

    ``subjects`` gives each quantity's subject as the knowledge base
    resolved it (a canonical entity's name, or the quantity's own words).
    A near-duplicate document counts as its first version (``root``), so a
    repost neither restates a plan's targets nor reports progress on them;
    its own publication date still dates a currency restatement.  Terms and
    thresholds (``roles``: target id -> role other than goal) are not goals:
    they get no progress, restatement or goal status.

    Facts interact only with facts of the same normalised subject (a target
    without one links to any statistic), and a currency restatement lies
    within one document: so a knowledge base's batch pass hands over only
    the subjects its batch touched, and ``currency_documents`` (the batch's
    documents, every one of whose quantities it hands over) limits the
    currency check to them.  A cross-document conflict concerns its two
    figures alone: ``conflicts_of`` (the quantities a batch added or moved)
    limits them to those involving one of these, and only the groups of
    figures they fall in are compared.
    """
    targets, statistics = facts_of(quantities, subjects, root, published, roles)
    first = first_restatements(targets)
    links = deciding_links(as_goals(targets, first), statistics)
    day = {t.id: period_start(t.published) for t in targets}
    return Tracked(
        progress_rows(links),
        list(first.items()),
        period_rows(targets, links, first, day),
        conflict_rows(quantities, targets, statistics, published, currency_documents, conflicts_of),
    )


def facts_of(
    quantities: Iterable[tuple[int, int, Quantity]],
    subjects: Mapping[int, str | None],
    root: Mapping[int, int],
    published: Mapping[int, str | None],
    roles: Mapping[int, str],
) -> tuple[list[TargetFact], list[Observation]]:
    """The goals and statistics among ``quantities``, as the track stage compares them (see :func:`track_all`)."""
    targets, statistics = [], []
    for qid, doc_id, q in quantities:
        if q.kind == "target" and qid in roles:
            continue
        fact: dict[str, Any] = {"id": qid, "document_id": root.get(doc_id, doc_id), "published": published.get(doc_id)}
        if q.kind == "target":
            targets.append(
                TargetFact(
                    subject=subjects[qid],
                    metric=q.metric,
                    value=q.value,
                    value_max=q.value_max,
                    unit=q.unit,
                    comparator=q.comparator,
                    change=q.change,
                    deadline=q.deadline,
                    annual=q.annual,
                    baseline=q.baseline,
                    **fact,
                )
            )
        else:
            statistics.append(
                Observation(
                    subject=subjects[qid],
                    metric=q.metric,
                    value=q.value,
                    value_max=q.value_max,
                    unit=q.unit,
                    comparator=q.comparator,
                    change=q.change,
                    as_of=q.as_of,
                    annual=q.annual,
                    baseline=q.baseline,
                    **fact,
                )
            )
    return targets, statistics


def progress_rows(links: Mapping[int, list[tuple[Observation, float]]]) -> list[tuple[int, int, float]]:
    return [(tid, o.id, score) for tid, linked in links.items() for o, score in linked]


def period_rows(
    targets: Iterable[TargetFact],
    links: Mapping[int, list[tuple[Observation, float]]],
    first: Mapping[int, int],
    day: Mapping[int, date | None],
) -> list[tuple[int, date, str, date | None]]:
    """Status period rows of ``targets``, given their deciding links, first restatements and each target's own day."""
    periods: list[tuple[int, date, str, date | None]] = []
    dated: dict[int, Any] = {}  # a figure's days and key, computed once however many targets link to it
    for t in targets:
        periods += _rows(t.id, _spans(t, links, first, day, dated))
    return periods


@dataclass(frozen=True, slots=True)
class Splice:
    """What a target's status periods after a change of some of its links follow from, besides the links.

    ``changed``: the days the links it gains or loses became known;
    ``held``: its stored periods
    (first day, status, end) that end on the earliest of those days or later,
    or never (see :func:`~policylens.track.status.status_changes_around`).
    """

    changed: Sequence[date]
    held: Sequence[tuple[date, str, date | None]]


def period_cuts(
    targets: Iterable[TargetFact],
    links: Mapping[int, list[tuple[Observation, float]]],
    first: Mapping[int, int],
    day: Mapping[int, date | None],
    since: Mapping[int, date],
    splices: Mapping[int, Splice] | None = None,
) -> tuple[list[tuple[int, date, date | None]], list[tuple[int, date, str, date | None]]]:
    """:func:`period_rows` of ``targets`` from a day of each on (``since``: target id -> a day after ``date.min``).

    For a target whose figures and restatement differ from the stored ones
    only from that day on, its periods before it stay as stored: the answer
    is each target's (id, that day, the new end of the period in force the
    day before it) and the rows of its periods that start on that day or
    later, so that only those are written.  A target in ``splices`` (its
    restatement unchanged, its links changed on those days alone) is swept
    only around the changes, its stored periods filling the rest.
    """
    cuts, periods = [], []
    dated: dict[int, Any] = {}
    for t in targets:
        splice = (splices or {}).get(t.id)
        if splice is not None and splice.held and splice.held[0][0] < since[t.id] == min(splice.changed):
            observations = [o for o, _ in links.get(t.id, ())]
            _, *changes = status_changes_around(
                t, observations, splice.changed, _restatement(t, first, day), dated, splice.held
            )
        else:
            _, *changes = _spans(t, links, first, day, dated, since[t.id])
        cuts.append((t.id, since[t.id], changes[0][0] if changes else None))
        periods += _rows(t.id, changes)
    return cuts, periods


def _spans(
    t: TargetFact,
    links: Mapping[int, list[tuple[Observation, float]]],
    first: Mapping[int, int],
    day: Mapping[int, date | None],
    dated: dict[int, Any],
    since: date | None = None,
) -> list[tuple[date, str]]:
    observations = [o for o, _ in links.get(t.id, ())]
    return status_periods_sharing(t, observations, _restatement(t, first, day), dated, since)


def _restatement(t: TargetFact, first: Mapping[int, int], day: Mapping[int, date | None]) -> tuple[date, int] | None:
    """The day and id of the target that first restates ``t``, if it has one with a day."""
    later = first.get(t.id)
    return (later_day, later) if later is not None and (later_day := day[later]) is not None else None


def _rows(target: int, spans: Sequence[tuple[date, str]]) -> list[tuple[int, date, str, date | None]]:
    """Rows of consecutive (first day, status) spans: each ends the day the next begins."""
    ends = [start for start, _ in spans[1:]]
    return [(target, start, status, ends[i] if i < len(ends) else None) for i, (start, status) in enumerate(spans)]


def conflict_rows(
    quantities: Sequence[tuple[int, int, Quantity]],
    targets: list[TargetFact],
    statistics: list[Observation],
    published: Mapping[int, str | None],
    currency_documents: Collection[int] | None,
    conflicts_of: Collection[int] | None,
) -> list[tuple[str, int, int | None, Any, Any, str]]:
    """Figures that disagree across documents, then figures a document restates in another currency."""
    conflicts: list[tuple[str, int, int | None, Any, Any, str]] = []
    facts: list[TargetFact | Observation] = [*targets, *statistics]
    if conflicts_of is not None:
        groups = {key for f in facts if f.id in conflicts_of and (key := group_key(f)) is not None}
        facts = [f for f in facts if group_key(f) in groups]
    for c in cross_document_conflicts(facts):
        a, b = c.facts
        if conflicts_of is None or a.id in conflicts_of or b.id in conflicts_of:
            conflicts.append(("cross_document", a.id, b.id, c.values[0], c.values[1], c.reason))
    by_document: dict[int, list[tuple[int, Quantity]]] = defaultdict(list)
    for qid, doc_id, q in quantities:
        if q.alternatives and (currency_documents is None or doc_id in currency_documents):
            by_document[doc_id].append((qid, q))
    for doc_id, items in by_document.items():
        ids = {id(q): qid for qid, q in items}
        for c in currency_conflicts([q for _, q in items], published.get(doc_id)):
            conflicts.append(("currency_restatement", ids[id(c.facts[0])], None, c.values[0], c.values[1], c.reason))
    return conflicts


def reach(
    touched: Iterable[tuple[str, str | None]], metrics: Mapping[str, Collection[str | None]]
) -> set[tuple[str, str | None]]:
    """The (subject, metric) pairs whose facts a change to the ``touched`` pairs can change the tracking of.

    ``subject`` is a normalised subject (``linking.normalise_subject``), not
    None, and ``metrics`` lists the metrics stated under each.  Two facts
    meet in the track stage only under one subject and only when their
    metrics are alike: a progress link, a restatement and a conflict all
    need a metric similarity of at least ``METRIC_THRESHOLD`` (with the
    subject's own words set aside, or not), and a restatement chain is a
    chain of such pairs.  So the answer is everything joined to a touched
    pair by such similarities; facts with no subject meet any statistic,
    and are the caller's to handle.
    """
    seen = set(touched)
    frontier = list(seen)
    while frontier:
        subject, metric = frontier.pop()
        for other in metrics.get(subject, ()):
            if (subject, other) not in seen and _alike(metric, other, subject):
                seen.add((subject, other))
                frontier.append((subject, other))
    return seen


@lru_cache(maxsize=65536)
def _alike(a: str | None, b: str | None, subject: str) -> bool:
    if a == b:
        return True
    # Either similarity reaching the threshold joins them (with or without the subject's own words, in the
    # order a link, a restatement or a conflict asks): stop at the first.  ``metric_similarity`` is symmetric
    # (tests/track/test_track_linking.py holds it), so one order of each is asked, not both.
    return metric_similarity(a, b) >= METRIC_THRESHOLD or metric_similarity(a, b, subject) >= METRIC_THRESHOLD

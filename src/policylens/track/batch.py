"""The track stage over a whole knowledge base: progress links, restatements, status periods, conflicts.

The knowledge base's rebuild hands over every stored quantity with its ids,
the subject it is tracked under and the documents' dates, and stores the
rows that come back; nothing here reads or writes a database.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..model import Quantity
from ..periods import period_start
from .conflicts import cross_document_conflicts, currency_conflicts
from .linking import as_goals, deciding_links, first_restatements
from .status import Observation, TargetFact, status_periods


@dataclass(frozen=True, slots=True)
class Tracked:
    """What the track stage derives, as rows in the order of the store's columns."""

    progress: list[tuple[int, int, float]]  # target id, observation id, link score
    restated: list[tuple[int, int]]  # target id, id of the target that first restates it
    periods: list[tuple[int, date, str, date | None]]  # target id, first day, status, day it ends
    conflicts: list[tuple[str, int, int | None, Any, Any, str]]  # kind, quantity, other, values, reason


def track_all(quantities: Sequence[tuple[int, int, Quantity]], subjects: Mapping[int, str | None],
              root: Mapping[int, int], published: Mapping[int, str | None], roles: Mapping[int, str]) -> Tracked:
    """Track every quantity: ``(id, document id, Quantity)`` with the subject each is tracked under.

    ``subjects`` gives each quantity's subject as the knowledge base
    resolved it (a canonical entity's name, or the quantity's own words).
    A near-duplicate document counts as its first version (``root``), so a
    repost neither restates a plan's targets nor reports progress on them;
    its own publication date still dates a currency restatement.  Terms and
    thresholds (``roles``: target id -> role other than goal) are not goals:
    they get no progress, restatement or goal status.
    """
    targets, statistics = [], []
    for qid, doc_id, q in quantities:
        if q.kind == "target" and qid in roles:
            continue
        fact: dict[str, Any] = {"id": qid, "document_id": root.get(doc_id, doc_id), "published": published.get(doc_id)}
        if q.kind == "target":
            targets.append(TargetFact(subject=subjects[qid], metric=q.metric, value=q.value, value_max=q.value_max,
                                      unit=q.unit, comparator=q.comparator, change=q.change, deadline=q.deadline,
                                      annual=q.annual, baseline=q.baseline, **fact))
        else:
            statistics.append(Observation(subject=subjects[qid], metric=q.metric, value=q.value, value_max=q.value_max,
                                          unit=q.unit, comparator=q.comparator, change=q.change, as_of=q.as_of,
                                          annual=q.annual, baseline=q.baseline, **fact))
    first = first_restatements(targets)
    links = deciding_links(as_goals(targets, first), statistics)
    progress = [(tid, o.id, score) for tid, linked in links.items() for o, score in linked]
    by_id = {t.id: t for t in targets}
    periods = []
    for t in targets:
        later = by_id[first[t.id]] if t.id in first else None
        restatement = ((day, later.id) if later is not None and (day := period_start(later.published)) is not None
                       else None)
        spans = status_periods(t, [o for o, _ in links.get(t.id, ())], restatement)
        for (start, status), following in zip(spans, [*spans[1:], None], strict=True):
            periods.append((t.id, start, status, following[0] if following else None))
    return Tracked(progress, list(first.items()), periods, _conflicts(quantities, targets, statistics, published))


def _conflicts(quantities: Sequence[tuple[int, int, Quantity]], targets: list[TargetFact],
               statistics: list[Observation], published: Mapping[int, str | None]
               ) -> list[tuple[str, int, int | None, Any, Any, str]]:
    """Figures that disagree across documents, then figures a document restates in another currency."""
    conflicts: list[tuple[str, int, int | None, Any, Any, str]] = []
    for c in cross_document_conflicts([*targets, *statistics]):
        a, b = c.facts
        conflicts.append(("cross_document", a.id, b.id, c.values[0], c.values[1], c.reason))
    by_document: dict[int, list[tuple[int, Quantity]]] = defaultdict(list)
    for qid, doc_id, q in quantities:
        if q.alternatives:
            by_document[doc_id].append((qid, q))
    for doc_id, items in by_document.items():
        ids = {id(q): qid for qid, q in items}
        for c in currency_conflicts([q for _, q in items], published.get(doc_id)):
            conflicts.append(("currency_restatement", ids[id(c.facts[0])], None, c.values[0], c.values[1], c.reason))
    return conflicts

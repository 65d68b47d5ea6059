"""The track stage after a batch, within the groups of facts it touched: only the results that can change.

A knowledge base's batch pass knows which stored quantities it added or
moved to another subject (the *rewritten* ones) and which groups of facts
they can meet (``batch.reach``).  Within those groups most targets keep
their progress links, first restatement and status periods, and this
module recomputes only the others, reading the few facts and stored rows
it needs through a :class:`Stored`.  What a target's results depend on:

* Its first restatement is the earliest of the targets that restate it
  (``linking.first_restatements``).  A new target can only take that place,
  so an old target's first restatement is the first among its stored one
  and the new targets that may restate it; only when the stored one moved
  away are all candidates compared again.  A rewritten target's own is
  the earliest of its candidates that restates it: they are read earliest
  first until the earliest restating one read comes before all unread.
* The day its goal was first set (``linking.goal_origins``) depends on the
  targets whose chain of first restatements leads to it: computed from the
  stored restatements before and after, for every target of the groups.
* Its deciding links (``linking.deciding_links``) are the figures that beat
  every earlier counting figure, in the order they became known: the part
  of its group's staircase of records past the figures whose periods end by
  its goal's day.  A new figure whose period ends by then does not count for
  it and changes nothing; with the goal's day unchanged, the links it gains
  and loses are those its group's staircase gains and loses past that point,
  so each group's staircase is computed from its candidates with and without
  the rewritten ones and compared once for all its targets (the stored links
  are not read: 2 million rows a batch at 50,000 generated documents).  A
  target that is rewritten, whose goal's day moved, or one of whose deciding
  figures moved away is linked again from all its candidate figures.
* Its status periods follow from its links and its first restatement.  The
  status on a day depends only on the figures known and the restatement
  published by then, so an old target's periods before the first day a
  figure it gains or loses became known (or a restatement that changed was
  published) stay as stored, and only the rest is computed and written.
* A cross-document conflict concerns two figures alone: those of the
  rewritten quantities are found among the figures they may conflict with.

Every set of candidates read here is a superset of the true one (the same
subject, a metric alike by the rule the linking applies, whatever the
footing): the linking functions themselves then decide, as in a rebuild.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import compress
from operator import attrgetter, itemgetter
from typing import Protocol

from ..model import Quantity
from .batch import Splice, Tracked, conflict_rows, facts_of, period_cuts, period_rows, progress_rows
from .linking import (
    METRIC_THRESHOLD,
    Suffix,
    as_goal,
    deciding_links,
    deciding_suffixes,
    first_restatements,
    goal_origins,
    metric_similarity,
    metrics_match,
)
from .status import Observation, TargetFact, known_since, observed_period

_log = logging.getLogger(__name__)
# Candidates read at first for a rewritten target's first restatement (then four times as many, and so on).
_FIRST_READ = 8
_NO_LINKS = Suffix([], 0)  # a target without deciding links
_FIGURE, _ID = itemgetter(0), attrgetter("id")  # a link's figure, a figure's id


@dataclass(frozen=True, slots=True)
class Outline:
    """What the pass knows of a quantity before reading it: enough to tell which facts it can meet."""

    is_target: bool
    subject: str  # normalised (``linking.normalise_subject``): a fact without one falls back to a full track
    metric: str | None
    day: date | None  # its document's publication day
    period: str | None  # a target's deadline, a statistic's as-of, as ``conflicts.group_key`` writes it


class Stored(Protocol):
    """The knowledge base's stored quantities and the last pass's rows, read on demand."""

    def quantities(self, ids: Collection[int]) -> Sequence[tuple[int, int, Quantity]]:
        """(id, document id, Quantity) of the quantities ``ids``."""
        ...

    def restatements(self, targets: Collection[int]) -> Mapping[int, int]:
        """Target id -> its stored first restatement, for ``targets``."""
        ...

    def linking(self, statistics: Collection[int]) -> set[int]:
        """The targets with a stored progress link to one of ``statistics``."""
        ...

    def periods(self, since: Mapping[int, date]) -> Mapping[int, list[tuple[date, str, date | None]]]:
        """Target id -> its stored status periods (first day, status, end) that end on its day or later or never,
        by first day, for the targets of ``since`` (target id -> a day)."""
        ...


@dataclass(frozen=True, slots=True)
class Retracked:
    """The rows of the targets whose results were recomputed, and which targets each table's rows are for.

    A target whose stored progress links were read (one a new figure counts
    for) gets its links as a difference from them, ``lost`` and ``gained``:
    a link's score depends on its target and figure alone, so the links it
    keeps need no writing, and a caller holding every such target's stored
    links to compare would pay for tens of thousands of rows a batch.
    """

    tracked: Tracked  # its progress rows are those of ``relinked``, its periods those of ``linked`` not cut
    linked: set[int]  # targets whose progress links or status periods changed
    restated: set[int]  # targets whose first restatement ``tracked`` holds
    relinked: set[int]  # of ``linked``, the targets whose progress rows ``tracked`` holds whole
    lost: list[tuple[int, int]] = field(default_factory=list)  # (target, statistic) links the others lose
    gained: list[tuple[int, int, float]] = field(default_factory=list)  # and those they gain, with their score
    # Of ``linked``, targets whose status periods change only from a day on (``batch.period_cuts``): (target,
    # that day, the new end of its period in force the day before), and their period rows from that day on.
    cuts: list[tuple[int, date, date | None]] = field(default_factory=list)
    cut_periods: list[tuple[int, date, str, date | None]] = field(default_factory=list)


class _Nearby:
    """The facts of a subject by metric, to find those a given fact may meet."""

    def __init__(self, outlines: Mapping[int, Outline]):
        self.outlines = outlines
        self.by_subject: dict[tuple[bool, str], dict[str | None, list[int]]] = defaultdict(lambda: defaultdict(list))
        for qid, o in outlines.items():
            self.by_subject[(o.is_target, o.subject)][o.metric].append(qid)

    def _where(self, qid: int, targets: bool, alike: Callable[[str | None, str | None, str], bool]) -> set[int]:
        """The facts of one kind and ``qid``'s subject whose metric is ``alike`` (its metric, theirs, the subject)."""
        o = self.outlines[qid]
        metrics = self.by_subject.get((targets, o.subject), {})
        return {q for metric, ids in metrics.items() if alike(o.metric, metric, o.subject) for q in ids}

    def statistics_for(self, target: int) -> set[int]:
        """The statistics ``deciding_links`` may link to the target."""
        return self._where(target, False, lambda t, s, subject: metric_similarity(t, s, subject) >= METRIC_THRESHOLD)

    def targets_for(self, statistic: int) -> set[int]:
        """The targets ``deciding_links`` may link the statistic to."""
        return self._where(statistic, True, lambda s, t, subject: metric_similarity(t, s, subject) >= METRIC_THRESHOLD)

    def restating(self, target: int) -> set[int]:
        """The targets that may restate the target or that it may restate (``first_restatements``)."""
        return self._where(target, True, _match_either)

    def comparable(self, qid: int) -> set[int]:
        """The facts of the same kind and period that may conflict with ``qid`` (``cross_document_conflicts``)."""
        period = self.outlines[qid].period
        if period is None:
            return set()
        alike = self._where(qid, self.outlines[qid].is_target, _match_either)
        return {q for q in alike if self.outlines[q].period == period}


def _match_either(a: str | None, b: str | None, _subject: str) -> bool:
    return metrics_match(a, b) or metrics_match(b, a)


class _Facts:
    """The facts read so far, each quantity read once."""

    def __init__(
        self,
        stored: Stored,
        subjects: Mapping[int, str | None],
        root: Mapping[int, int],
        published: Mapping[int, str | None],
        roles: Mapping[int, str],
    ):
        self.stored, self.subjects, self.root, self.published, self.roles = stored, subjects, root, published, roles
        self.quantities: dict[int, tuple[int, int, Quantity]] = {}
        self.targets: dict[int, TargetFact] = {}
        self.statistics: dict[int, Observation] = {}

    def read(self, ids: Iterable[int]) -> None:
        missing = set(ids) - self.quantities.keys()
        if not missing:
            return
        rows = self.stored.quantities(missing)
        self.quantities.update((row[0], row) for row in rows)
        targets, statistics = facts_of(rows, self.subjects, self.root, self.published, self.roles)
        self.targets.update((t.id, t) for t in targets)
        self.statistics.update((o.id, o) for o in statistics)


def retrack(
    outlines: Mapping[int, Outline],
    rewritten: Collection[int],
    stored: Stored,
    subjects: Mapping[int, str | None],
    root: Mapping[int, int],
    published: Mapping[int, str | None],
    roles: Mapping[int, str],
    currency_documents: Collection[int],
) -> Retracked:
    """The track stage's changed rows within the groups of ``outlines``, the quantities the batch can reach.

    ``outlines`` holds every quantity of those groups but the targets with a
    role (no goals); ``rewritten`` the quantities the batch added or moved
    to another subject (all of them, with a role or not); ``subjects``,
    ``root``, ``published`` and ``roles`` are as for ``batch.track_all``,
    and ``currency_documents`` the batch's documents, every quantity of
    which is rewritten.  The stored rows of every other target of the
    groups stay right (see the module's docstring).
    """
    near = _Nearby(outlines)
    facts = _Facts(stored, subjects, root, published, roles)
    goals = {q for q, o in outlines.items() if o.is_target}
    new_targets = goals.intersection(rewritten)
    new_statistics = {q for q in rewritten if q in outlines and not outlines[q].is_target}

    stored_first = dict(stored.restatements(goals))
    first, restated = _first_restatements(near, facts, rewritten, stored_first)
    days = {t: outlines[t].day for t in goals}
    before, after = goal_origins(days, stored_first), goal_origins(days, first)
    relinked = new_targets | {t for t in goals if before[t] != after[t]} | (stored.linking(new_statistics) & goals)
    # A target whose first restatement changed keeps its links but not its status periods.
    superseded = {t for t in restated if first.get(t) != stored_first.get(t)}
    facts.read(rewritten)

    def counts(statistic: int, target: int) -> bool:
        """Whether the figure counts for the goal at all (``deciding_links``): else it cannot change its links."""
        period = observed_period(facts.statistics[statistic]) or date.min
        return period > (after[target] or date.min)

    reported = {t for s in new_statistics for t in near.targets_for(s) if counts(s, t)}
    extended = (superseded | reported) - relinked
    _log.debug(
        "retrack: %d new or moved targets, %d statistics; %d targets linked again, %d extended",
        len(new_targets),
        len(new_statistics),
        len(relinked),
        len(extended),
    )
    facts.read(
        {
            *relinked,
            *extended,
            *(s for t in relinked | extended for s in near.statistics_for(t)),
            *rewritten,
            *(q for r in rewritten if r in outlines for q in near.comparable(r)),
        }
    )
    statistics = sorted(facts.statistics.values(), key=lambda o: o.id)
    links = deciding_links([as_goal(facts.targets[t], after[t]) for t in sorted(relinked)], statistics)
    # An extended target's links before and after the batch, from all its candidates with and without the
    # rewritten ones (a candidate moved away that it linked to made it one to link again): the targets of a
    # group share its staircase, compared once, and each one's difference is the part past its start.
    extending = [as_goal(facts.targets[t], after[t]) for t in sorted(extended)]
    now_links = deciding_suffixes(extending, statistics)
    had_links = deciding_suffixes(extending, [o for o in statistics if o.id not in rewritten])
    differences: dict[tuple[int, int], tuple[list[int], list[int]]] = {}

    def difference(t: int) -> tuple[list[tuple[Observation, float]], list[Observation]]:
        """The links the extended target ``t`` gains (with their scores) and loses."""
        now, had = now_links.get(t, _NO_LINKS), had_links.get(t, _NO_LINKS)
        # A figure on both lists is past both starts or neither: every figure a target's list holds past its
        # start, and none before it, has a period that ends after the goal's day, the same before and after.
        key = (id(had.links), id(now.links))
        if key not in differences:
            # A goal sharing a document with figures has lists of its own, each nearly its group's (hundreds of
            # links on the benchmark): the places of the links one list holds and the other not are found
            # without a Python loop over them.
            before_ids, after_ids = list(map(_ID, map(_FIGURE, had.links))), list(map(_ID, map(_FIGURE, now.links)))
            differences[key] = (_missing(after_ids, before_ids), _missing(before_ids, after_ids))
        more, fewer = differences[key]
        return [now.links[i] for i in more if i >= now.start], [had.links[i][0] for i in fewer if i >= had.start]

    # Of the targets extended, those whose links and first restatement stay keep their status periods too;
    # the others' links are written as a difference from their stored ones, and their periods from the
    # first day a figure they gain or lose becomes known, or a restatement that changed is published.
    unchanged, lost, gained, since = set(), [], [], {}
    moved: dict[int, list[date]] = {}  # a target whose restatement stays -> the days its links changed
    for t in sorted(extended):
        more, fewer = difference(t)
        restatements = {r for r in (stored_first.get(t), first.get(t)) if r is not None} if t in superseded else ()
        if not more and not fewer and not restatements:
            unchanged.add(t)
            continue
        if t in now_links:
            now = now_links[t]
            links[t] = now.links[now.start :]
        lost += [(t, o.id) for o in sorted(fewer, key=lambda o: o.id)]
        gained += [(t, o.id, score) for o, score in sorted(more, key=lambda link: link[0].id)]
        changed = [known_since(o) or date.min for o in (*fewer, *(o for o, _ in more))]
        since[t] = min((*changed, *(d for r in restatements if (d := days.get(r)) is not None)), default=date.max)
        if not restatements:
            moved[t] = changed
    linked = relinked | extended - unchanged
    cut = {t: day for t, day in since.items() if day > date.min}  # else its periods are computed whole
    held = stored.periods({t: day for t, day in cut.items() if t in moved})
    splices = {t: Splice(moved[t], held[t]) for t in held}
    cuts, cut_periods = period_cuts([facts.targets[t] for t in sorted(cut)], links, first, days, cut, splices)
    whole = [facts.targets[t] for t in sorted(linked - cut.keys())]
    quantities = sorted(facts.quantities.values(), key=lambda row: row[0])
    compared = [facts.targets[q] for q in sorted(facts.targets)]
    return Retracked(
        Tracked(
            progress_rows({t: links[t] for t in sorted(relinked) if t in links}),
            sorted((t, first[t]) for t in restated if t in first),
            period_rows(whole, links, first, days),
            conflict_rows(quantities, compared, statistics, published, currency_documents, rewritten),
        ),
        linked,
        restated,
        relinked,
        lost,
        gained,
        cuts,
        cut_periods,
    )


def _missing(ids: list[int], others: list[int]) -> list[int]:
    """The places in ``ids`` of the ids that ``others`` does not hold."""
    missing = set(ids).difference(others)
    return list(compress(range(len(ids)), map(missing.__contains__, ids))) if missing else []


def _first_restatements(
    near: _Nearby, facts: _Facts, rewritten: Collection[int], stored_first: Mapping[int, int]
) -> tuple[dict[int, int], set[int]]:
    """Every goal's first restatement after the batch, and the targets whose one was computed again.

    A rewritten target's is computed among all that may restate it, as is an
    old target's whose stored one was rewritten; any other old target's is
    the first among its stored one and the new targets that may restate it
    and come before it.
    """
    outlines = near.outlines

    def order(t: int) -> tuple[date, int]:
        """A target's place in ``first_restatements``' order (an undated one restates nothing)."""
        return (outlines[t].day or date.min, t)

    def may_restate(later: int, earlier: int) -> bool:
        """Only a target published strictly later can restate another."""
        a, b = outlines[later].day, outlines[earlier].day
        return a is not None and b is not None and a > b

    new_targets = {t for t in rewritten if t in outlines and outlines[t].is_target}
    anew = new_targets | {t for t, later in stored_first.items() if later in rewritten}
    among: dict[int, set[int]] = {}  # an old target -> its stored first restatement and the new ones before it
    for n in new_targets:
        for t in near.restating(n) - anew:
            kept = stored_first.get(t)
            if may_restate(n, t) and (kept is None or order(n) < order(kept)):
                among.setdefault(t, set() if kept is None else {kept}).add(n)
    facts.read({q for t, ids in among.items() for q in (t, *ids)} | anew)
    # The others' candidates are read earliest first, a few more each round, until the earliest
    # restating one read comes before every candidate not read yet.
    queues = {t: sorted((u for u in near.restating(t) if may_restate(u, t)), key=order) for t in anew}
    shown, size, pending = dict.fromkeys(anew, 0), _FIRST_READ, set(anew)
    while True:
        for t in pending:
            shown[t] = min(len(queues[t]), size)
        facts.read(u for t in pending for u in queues[t][: shown[t]])
        # Over more targets than its candidates, a target's first restatement is still the earliest
        # restating one: exact for each target whose candidates up to that one were all read.
        computed = first_restatements([facts.targets[q] for q in sorted(facts.targets)])
        pending = {
            t
            for t in pending
            if shown[t] < len(queues[t])
            and not (t in computed and order(computed[t]) <= order(queues[t][shown[t] - 1]))
        }
        if not pending:
            break
        size *= 4
    first = {t: later for t, later in stored_first.items() if t not in among and t not in anew}
    first.update((t, computed[t]) for t in among.keys() | anew if t in computed)
    return first, among.keys() | anew

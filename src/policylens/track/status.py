"""Where a target stands on a given day, judged from the statistics reported since.

The reader's question is "did they do what they said?", asked on a day the
caller chooses (``as_of``): the same 2025 target is still due in mid-2025 and
past due a year later.  Everything here is a pure function of the facts and
that day, so the knowledge base, the CLI and the tests get the same answer.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from operator import itemgetter

from ..model import Quantity
from ..periods import period_end, period_start, year_of
from . import rates

STATUSES = ("open", "due", "met", "missed", "past_due_unverified", "superseded")

# How close an observation must come to a target stated as "about X" or
# "X": plans round, and statistics are revised by a percent or two.
TOLERANCE = {"~": 0.05, "=": 0.01}


@dataclass(frozen=True, slots=True)
class TargetFact:
    """A target as the knowledge base stores it: the quantity plus where it was published."""

    id: int
    document_id: int
    published: str | None
    subject: str | None
    metric: str | None
    value: float
    unit: str
    value_max: float | None = None
    comparator: str = "="
    change: str | None = None
    deadline: int | str | None = None
    annual: bool = False
    baseline: int | None = None

    @classmethod
    def from_quantity(cls, q: Quantity, *, id: int, document_id: int, published: str | None) -> TargetFact:
        return cls(
            id=id,
            document_id=document_id,
            published=published,
            subject=q.subject,
            metric=q.metric,
            value=q.value,
            value_max=q.value_max,
            unit=q.unit,
            comparator=q.comparator,
            change=q.change,
            deadline=q.deadline,
            annual=q.annual,
            baseline=q.baseline,
        )


@dataclass(frozen=True, slots=True)
class Observation:
    """A statistic that may show progress on a target; subject and metric serve the linking."""

    id: int
    document_id: int
    published: str | None
    value: float
    unit: str
    as_of: int | str | None = None
    value_max: float | None = None
    comparator: str = "="
    change: str | None = None
    subject: str | None = None
    metric: str | None = None
    annual: bool = False
    baseline: int | None = None

    @classmethod
    def from_quantity(cls, q: Quantity, *, id: int, document_id: int, published: str | None) -> Observation:
        return cls(
            id=id,
            document_id=document_id,
            published=published,
            value=q.value,
            unit=q.unit,
            as_of=q.as_of,
            value_max=q.value_max,
            comparator=q.comparator,
            change=q.change,
            subject=q.subject,
            metric=q.metric,
            annual=q.annual,
            baseline=q.baseline,
        )


@dataclass(frozen=True, slots=True)
class Status:
    status: str
    progress_percent: float | None
    latest_observation: Observation | None
    reason: str


def known_since(observation: Observation) -> date | None:
    """The first day a reader could have seen the figure.

    Its publication date when known; else the end of the period it
    describes, since a figure for 2025 cannot be reported before 2025 ends.
    """
    return period_start(observation.published) or period_end(observation.as_of)


def observed_period(observation: Observation) -> date | None:
    """The last day of the period the figure describes, its publication standing in for a missing as-of."""
    return period_end(observation.as_of) or period_start(observation.published)


def _same_direction(target: TargetFact, observation: Observation) -> bool | None:
    """Whether the observation is on the same footing as the target, and which sign it carries.

    Levels compare with levels and changes with changes; a decrease observed
    against an increase target counts negatively.  None when they cannot be
    compared at all.
    """
    if (target.change is None) != (observation.change is None):
        return None
    return target.change is None or target.change == observation.change


def _in_target_terms(target: TargetFact, observation: Observation, fallback_year: int) -> float | None:
    same_sign = _same_direction(target, observation)
    if same_sign is None or not rates.convertible(observation.unit, target.unit):
        return None
    return _converted(
        target, observation, year_of(observation.as_of) or year_of(observation.published) or fallback_year
    )


def _converted(target: TargetFact, observation: Observation, year: int) -> float:
    """A comparable figure's value in the target's unit and direction, converted at ``year``."""
    value = rates.convert(observation.value, observation.unit, target.unit, year)
    return value if _same_direction(target, observation) else -value


def _lower_is_better(target: TargetFact) -> bool:
    """Ceilings ("no more than", "below") and rankings ("ranked third") are met from below."""
    if target.comparator in ("<", "<="):
        return True
    return target.comparator in ("=", "~") and target.unit == "rank"


def _threshold(target: TargetFact, lower_is_better: bool) -> float:
    """The bound to reach: a range ("5-8%") is met at its lenient end."""
    if lower_is_better and target.value_max is not None:
        return target.value_max
    return target.value


def _satisfies(target: TargetFact, value: float, observation: Observation) -> bool:
    """Whether an observed value (in the target's unit and sign) meets the target.

    "About X" and "X" count as met a little short of X (``TOLERANCE``) and
    beyond it, because a plan that says "500 green factories" is met by 520.
    Strict comparators need the value past the bound, or an observation that
    itself says "exceeded" the same figure.
    """
    lower = _lower_is_better(target)
    goal = _threshold(target, lower)
    # Flip ceilings so that bigger is always better below.
    better, bound = (-value, -goal) if lower else (value, goal)
    if target.comparator in TOLERANCE:
        return better >= bound - TOLERANCE[target.comparator] * abs(goal)
    if target.comparator in (">=", "<="):
        return better >= bound
    beyond = observation.comparator == ("<" if lower else ">")
    return better > bound or (better == bound and beyond)


def _progress(target: TargetFact, value: float) -> float | None:
    goal = target.value
    if goal == 0:
        return None
    progress = value / goal * 100
    return round(progress, 1) if math.isfinite(progress) else None


def _describe(observation: Observation) -> str:
    period = observation.as_of if observation.as_of is not None else observation.published
    when = f" ({period})" if period is not None else ""
    return f"observation {observation.id}: {observation.value:g} {observation.unit}{when}"


def _comparable(target: TargetFact, observation: Observation) -> bool:
    """Whether :func:`_in_target_terms` can express the observation in the target's terms at all."""
    return _same_direction(target, observation) is not None and rates.convertible(observation.unit, target.unit)


def _latest_key(observation: Observation) -> tuple[date, str, int]:
    """The order in which the latest figure is chosen: its period, then publication, then id."""
    return (observed_period(observation) or date.min, observation.published or "", observation.id)


def _verdict(
    target: TargetFact, latest: Observation | None, latest_value: float | None, as_of: date, superseded_by: int | None
) -> str:
    """The status name on ``as_of``, given the latest comparable figure visible then (see :func:`target_status`)."""
    return _verdict_on(
        latest is not None and latest_value is not None and _satisfies(target, latest_value, latest),
        superseded_by is not None,
        (period_start(target.deadline), period_end(target.deadline)),
        as_of,
        (observed_period(latest) or date.min) if latest is not None else None,
    )


def _verdict_on(
    met: bool, superseded: bool, deadline: tuple[date | None, date | None], as_of: date, latest_period: date | None
) -> str:
    """:func:`_verdict` once the latest figure is judged (``met``, the period it describes) and the deadline's
    first and last days are known: the sweep of :func:`status_periods_sharing` judges each figure once."""
    deadline_start, deadline_end = deadline
    if met:
        return "met"
    if superseded:
        return "superseded"
    if deadline_start is None or deadline_end is None:  # both or neither: an undated deadline
        return "open"
    if as_of <= deadline_end:
        return "due" if deadline_end.year == as_of.year else "open"
    if latest_period is not None and latest_period >= deadline_start:
        return "missed"
    return "past_due_unverified"


def _reason(status: str, target: TargetFact, latest: Observation | None, as_of: date, superseded_by: int | None) -> str:
    """Why :func:`_verdict` said ``status``, in words for the reader."""
    if status == "met":
        assert latest is not None  # _verdict says "met" only of a figure
        return f"{_describe(latest)} meets {target.comparator} {target.value:g} {target.unit}"
    if status == "superseded":
        return f"restated by target {superseded_by} in a later document"
    if status == "open" and period_end(target.deadline) is None:
        return "no deadline"
    if status == "due":
        return f"deadline {target.deadline} falls in {as_of.year}"
    if status == "open":
        return f"deadline {target.deadline} is after {as_of.year}"
    if status == "missed":
        assert latest is not None  # _verdict says "missed" only of a figure
        return (
            f"{_describe(latest)} falls short of {target.comparator} "
            f"{target.value:g} {target.unit} by {target.deadline}"
        )
    return (
        f"deadline {target.deadline} has passed and no figure for {target.deadline} or later "
        f"is known by {as_of.isoformat()}"
    )


def target_status(
    target: TargetFact, observations: Iterable[Observation], as_of: date, superseded_by: int | None = None
) -> Status:
    """The status of ``target`` on the day ``as_of``, from the observations linked to it.

    Only figures published by ``as_of`` count, and the latest period decides:
    a figure for the deadline year or later settles met or missed; an earlier
    figure that already meets the target counts as met.  A target met stays
    met whatever later plans say; otherwise a restatement in a later
    document (``superseded_by``) explains it better than "missed" would.
    """
    comparable = [o for o in observations if (known_since(o) or as_of) <= as_of and _comparable(target, o)]
    latest = max(comparable, key=_latest_key, default=None)
    latest_value = None
    if latest is not None:
        latest_value = _in_target_terms(target, latest, year_of(target.deadline) or as_of.year)
    progress = _progress(target, latest_value) if latest_value is not None else None
    status = _verdict(target, latest, latest_value, as_of, superseded_by)
    return Status(status, progress, latest, _reason(status, target, latest, as_of, superseded_by))


def status_periods(
    target: TargetFact, observations: Iterable[Observation], restated: tuple[date, int] | None = None
) -> list[tuple[date, str]]:
    """The target's status over all time: (first day, status) pairs, each holding until the next.

    The status can change only on the days a linked figure becomes known,
    the day the restatement ``restated`` (its publication day and id) is
    published, the first day of the deadline's year and the day after the
    deadline; the status is judged as :func:`target_status` would on each of
    those days.  The knowledge base stores these periods so that a query for
    "past due on this day" is answered in SQL rather than by judging every
    target.

    The knowledge base calls this for every target on every resolution pass,
    so rather than asking :func:`target_status` afresh on each day (every
    figure, every day), the figures are taken in the order they become known
    and the latest one so far is carried from day to day.  Ties on the
    latest-figure key go to the figure given first, as ``max`` would.
    """
    return status_periods_sharing(target, observations, restated, {})


# What the sweep asks of a figure whatever the target: the day it became known, its latest-figure key, and
# the year its value is converted at when it names one.
_Dated = tuple[date | None, tuple[date, str, int], int | None]


_DAY_AFTER_START = date.min + timedelta(days=1)


def _dated(observation: Observation) -> _Dated:
    year = year_of(observation.as_of) or year_of(observation.published)
    return known_since(observation), _latest_key(observation), year


def status_periods_sharing(
    target: TargetFact,
    observations: Iterable[Observation],
    restated: tuple[date, int] | None,
    dated: dict[int, _Dated],
    since: date | None = None,
) -> list[tuple[date, str]]:
    """:func:`status_periods`, with ``dated`` (``id()`` of a figure -> :func:`_dated`) shared across targets.

    The caller keeps every figure in ``dated`` alive while it is used (a figure's ``id()`` is its key).
    With ``since`` (a day after ``date.min``), only the part a change of the figures or the restatement
    known from that day on can change: the first pair is the status in force the day before ``since``
    (dated by the last day before ``since`` the sweep looks at, not by the day that status began), then
    each change from ``since`` on.  A batch's pass rewrites only that part of a target's stored periods.
    """
    # A figure with no known day is visible from the start.  The figures visible before ``since`` (before the
    # day after the start, without it) are only ever compared for the latest among them: that one is taken
    # at once, and only the later arrivals are sorted and swept.  Of two with one choice key, the one given
    # first wins, as ``max`` would.
    early = since if since is not None else _DAY_AFTER_START
    days: set[date | None] = set()
    best: tuple | None = None
    latest: Observation | None = None
    latest_year: int | None = None
    arrivals: list[tuple[date, tuple, Observation, int | None]] = []  # (first day visible, choice, figure, year)
    for i, o in enumerate(observations):
        if (d := dated.get(id(o))) is None:
            d = dated[id(o)] = _dated(o)
        known, key, year = d
        days.add(known)
        if not _comparable(target, o):
            continue
        visible, choice = known or date.min, (key, -i)
        if visible >= early:
            arrivals.append((visible, choice, o, year))
        elif best is None or choice > best:
            best, latest, latest_year = choice, o, year
    if restated is not None:
        days.add(restated[0])
    start, end = period_start(target.deadline), period_end(target.deadline)
    if end is not None:
        days.add(date(end.year, 1, 1))
        if end < date.max:
            days.add(end + timedelta(days=1))
    sweep = [date.min, *sorted(d for d in days if d is not None and d > date.min)]
    judged_from = 0 if since is None else bisect_left(sweep, since) - 1  # the last day before ``since``
    arrivals.sort(key=itemgetter(0))
    deadline_year = year_of(target.deadline)
    periods: list[tuple[date, str]] = []
    # What _verdict asks of the latest figure, computed again only when it or the fallback year changes.
    judged: Observation | None = None
    judged_year, met, latest_period = 0, False, date.min
    seen = 0
    for day in sweep[judged_from:]:
        while seen < len(arrivals) and arrivals[seen][0] <= day:
            _, choice, o, year = arrivals[seen]
            if best is None or choice > best:
                best, latest, latest_year = choice, o, year
            seen += 1
        year = (latest_year or deadline_year or day.year) if latest is not None else 0
        if latest is not None and (latest is not judged or year != judged_year):
            judged, judged_year = latest, year
            # every arrival is comparable, so _in_target_terms is the conversion at the figure's year
            met = _satisfies(target, _converted(target, latest, year), latest)
            latest_period = best[0][0] if best is not None else date.min  # observed_period(latest) or date.min
        superseded = restated is not None and restated[0] <= day
        status = _verdict_on(met, superseded, (start, end), day, latest_period if latest is not None else None)
        if not periods or periods[-1][1] != status:
            periods.append((day, status))
    return periods


def status_changes_around(
    target: TargetFact,
    observations: Sequence[Observation],
    changed: Iterable[date],
    restated: tuple[date, int] | None,
    dated: dict[int, _Dated],
    held: Sequence[tuple[date, str, date | None]],
) -> list[tuple[date, str]]:
    """:func:`status_periods_sharing` from ``since`` = the earliest of ``changed`` on, sweeping only around the changes.

    For a target whose deciding links (``observations``, after the change, in
    the order :func:`~policylens.track.linking.deciding_links` gives them:
    when each became known) differ from its stored ones only by links that
    became known on the ``changed`` days (each after ``date.min``), its
    restatement unchanged; ``held`` are its stored periods (first day,
    status, end) that end on ``since`` or later or never.

    Deciding links are records: each one's latest-figure key beats every
    earlier one's.  So after a changed day, once a comparable link becomes
    known on a day when none changed, the latest figure is that one before
    and after the change, and the status is the stored one from then until
    the next changed day (a link gained is known on a changed day, where a
    stretch to sweep begins anyway).
    A new figure in a long-tracked group changes a few weeks of each target's
    history, and the sweep of all the links known since it (the whole group
    on the benchmark, where a batch's figures fall anywhere in eight years)
    was the part of a batch's pass that grew with the square of the group.
    Only the stretches from each changed day to the next such link are swept
    (:func:`status_periods_sharing` over the links around them), the stored
    periods fill the rest, and the answer is the same: the first pair is the
    status in force the day before ``since`` (dated by that stored period's
    first day), then each change from ``since`` on.
    """

    def known(o: Observation) -> date:
        if (d := dated.get(id(o))) is None:
            d = dated[id(o)] = _dated(o)
        return d[0] or date.min

    def rejoins(day: date) -> date | None:
        """The day the first comparable link known after ``day`` became known, if any."""
        j = bisect_right(observations, day, key=known)
        while j < len(observations) and not _comparable(target, observations[j]):
            j += 1
        return known(observations[j]) if j < len(observations) else None

    stretches: list[tuple[date, date | None]] = []  # [first day, rejoin day) of each stretch swept, None: no end
    for day in sorted(set(changed)):
        if stretches and ((end := stretches[-1][1]) is None or day <= end):
            if end is not None:
                again = rejoins(day)
                stretches[-1] = (stretches[-1][0], None if again is None else max(end, again))
            continue
        stretches.append((day, rejoins(day)))
    starts = [start for start, _, _ in held]

    def stored_on(day: date) -> str:
        return held[bisect_right(starts, day) - 1][1]

    since = stretches[0][0]
    before = held[bisect_left(starts, since) - 1]  # the stored period in force the day before ``since``
    events: list[tuple[date, str]] = []
    resumed: date | None = since  # where the stored periods hold again (None: never)
    for first, end in stretches:
        assert resumed is not None  # a stretch without an end is the last
        if resumed < first:
            events.append((resumed, stored_on(resumed)))
            events += [(start, status) for start, status, _ in held if resumed < start < first]
        # The links from the last comparable one known before the stretch (the latest figure on its eve;
        # the one just before it dates the sweep's last day before it) to the last known within it.
        i = bisect_left(observations, first, key=known)
        j = i - 1
        while j > 0 and not _comparable(target, observations[j]):
            j -= 1
        k = len(observations) if end is None else bisect_left(observations, end, key=known)
        # Its first pair, the status on the stretch's eve, is the stored one: only the changes are taken.
        swept = status_periods_sharing(target, observations[max(j, 0) : k], restated, dated, first)
        events += [(d, status) for d, status in swept[1:] if end is None or d < end]
        resumed = end
    if resumed is not None:
        events.append((resumed, stored_on(resumed)))
        events += [(start, status) for start, status, _ in held if start > resumed]
    periods = [(before[0], before[1])]
    for day, status in events:
        if status != periods[-1][1]:
            periods.append((day, status))
    return periods

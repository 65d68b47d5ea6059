"""Figures that cannot all be right.

Two kinds matter to a reader deciding what to trust: two documents giving
different values for the same subject, measure and period, and one document
restating a sum in another currency at a rate that year never had ("660
billion yuan ($98.42 million)" is off by a factor of a thousand).  Both are
flagged, not resolved: which source is right is the reader's call.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..model import Quantity
from ..periods import year_of
from . import rates
from .linking import metrics_match, normalise_subject
from .status import TOLERANCE, Observation, TargetFact

# A restatement may round, use a spot rate or the previous year's average;
# beyond this it is a different number.
CURRENCY_TOLERANCE = 0.15

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


@dataclass(frozen=True, slots=True)
class Conflict:
    kind: str  # "cross_document" or "currency_restatement"
    facts: tuple[Any, ...]  # the facts as given: TargetFact/Observation, or the Quantity restated
    values: tuple[float, ...]
    reason: str


def _human(value: float, digits: int = 4) -> str:
    for scale, word in _SCALES:
        if abs(value) >= scale:
            return f"{value / scale:.{digits}g} {word}"
    return f"{value:.{digits}g}"


def _period(fact: TargetFact | Observation) -> int | str | None:
    return fact.deadline if isinstance(fact, TargetFact) else fact.as_of


def _interval(fact: TargetFact | Observation) -> tuple[float, float]:
    """The values that would make the fact true, signed so that a decrease is negative.

    "=" and "~" allow the rounding of ``TOLERANCE`` on either side, so two
    exact figures conflict once they differ by more than about 2%.  A
    comparator outside the contract bounds nothing.
    """
    low = fact.value
    high = low if fact.value_max is None else fact.value_max
    slack = TOLERANCE.get(fact.comparator)
    if slack is not None:
        low, high = low - slack * abs(low), high + slack * abs(high)
    elif fact.comparator in (">", ">="):
        high = math.inf
    elif fact.comparator in ("<", "<="):
        low = -math.inf
    else:
        low, high = -math.inf, math.inf
    return (-high, -low) if fact.change == "decrease" else (low, high)


def _in_unit(interval: tuple[float, float], unit: str, to_unit: str, year: int | None) -> tuple[float, float]:
    if unit == to_unit:
        return interval
    year = year or rates.latest_year()
    return rates.convert(interval[0], unit, to_unit, year), rates.convert(interval[1], unit, to_unit, year)


def _stated(fact: TargetFact | Observation) -> str:
    """What one side of a cross-document conflict says: "= 5.2 billion CNY in document 7"."""
    return f"{fact.comparator} {_human(fact.value)} {fact.unit} in document {fact.document_id}"


def group_key(fact: TargetFact | Observation) -> tuple[Any, ...] | None:
    subject, period = normalise_subject(fact.subject), _period(fact)
    if subject is None or period is None or not fact.metric:
        return None
    unit = "money" if fact.unit in rates.currencies() else fact.unit
    return type(fact).__name__, subject, unit, fact.change is None, fact.annual, fact.baseline, str(period)


def cross_document_conflicts(facts: Iterable[TargetFact | Observation]) -> list[Conflict]:
    """Pairs of facts from different documents on the same subject, metric, unit and period that cannot both hold.

    Targets are compared with targets (same deadline) and statistics with
    statistics (same as-of): a statistic that differs from a target is
    progress, not a conflict.  Facts without a subject, metric or period are
    never compared, since nothing ties them to one another.
    """
    groups: dict[tuple[Any, ...], list[TargetFact | Observation]] = defaultdict(list)
    for fact in facts:
        if (key := group_key(fact)) is not None:
            groups[key].append(fact)
    conflicts = []
    for members in groups.values():
        by_document: dict[int, list[int]] = defaultdict(list)
        for index, fact in enumerate(members):
            by_document[fact.document_id].append(index)
        if len(by_document) < 2:
            continue
        # Each fact's interval, conversion year and its words in the reason once, not once per
        # pair: the knowledge base compares every pair of a group on every resolution pass.
        prepared = [
            (
                fact,
                _interval(fact),
                year_of(_period(fact)),
                f"{fact.subject}, {fact.metric}, {_period(fact)}: {_stated(fact)} but ",
                _stated(fact),
            )
            for fact in members
        ]
        for i, j in _pairs_across(list(by_document.values())):
            a, (a_low, a_high), _, a_first, _ = prepared[i]
            b, b_interval, b_year, _, b_second = prepared[j]
            if not metrics_match(a.metric, b.metric):
                continue
            b_low, b_high = _in_unit(b_interval, b.unit, a.unit, b_year)
            if a_high < b_low or b_high < a_low:
                conflicts.append(Conflict("cross_document", (a, b), (a.value, b.value), a_first + b_second))
    return conflicts


def _pairs_across(buckets: list[list[int]]) -> list[tuple[int, int]]:
    """Every (i, j), i < j, of indices in different buckets, in order.

    Only these pairs are compared: a page that states one figure thousands
    of times makes a group of thousands with no pair to compare, which a
    loop over every pair would still walk.
    """
    return sorted(
        (min(i, j), max(i, j))
        for x, own in enumerate(buckets)
        for other in buckets[x + 1 :]
        for i in own
        for j in other
    )


def _rate_text(from_unit: str, to_unit: str, year: int) -> str:
    if rates.BASE in (from_unit, to_unit):
        other = to_unit if from_unit == rates.BASE else from_unit
        return f"{rates.cny_per(other, year)[0]:.4g} {rates.BASE}/{other}"
    return f"{rates.convert(1.0, from_unit, to_unit, year):.4g} {to_unit}/{from_unit}"


def currency_conflicts(quantities: Iterable[Quantity], published: str | None = None) -> list[Conflict]:
    """Quantities of one document whose restatement in another currency is off by more than 15%.

    The year is the figure's as-of, else its deadline, else the document's
    ``published`` year.  Writers convert at the rate of the day they write,
    which for a target is often years before its deadline, so a restatement
    that fits the rate of any of those years is accepted; the reason quotes
    the first.
    """
    conflicts = []
    for q in quantities:
        years = list(
            dict.fromkeys(y for y in (year_of(q.as_of), year_of(q.deadline), year_of(published)) if y is not None)
        )
        years = years or [rates.latest_year()]
        for alt in q.alternatives:
            if alt.unit == q.unit or not rates.convertible(q.unit, alt.unit):
                continue
            expected = [rates.convert(q.value, q.unit, alt.unit, y) for y in years]
            if not all(e > 0 and math.isfinite(e) for e in expected):
                continue
            if all(abs(alt.value - e) / e > CURRENCY_TOLERANCE for e in expected):
                year = rates.cny_per(alt.unit if q.unit == rates.BASE else q.unit, years[0])[1]
                conflicts.append(
                    Conflict(
                        "currency_restatement",
                        (q,),
                        (q.value, alt.value),
                        f"{_human(q.value)} {q.unit} is about {_human(expected[0], 3)} {alt.unit} at "
                        f"{_rate_text(q.unit, alt.unit, years[0])} ({year}), not {_human(alt.value)} {alt.unit}",
                    )
                )
    return conflicts

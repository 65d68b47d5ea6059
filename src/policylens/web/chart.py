"""The dashboard's timeline: targets by deadline year, stacked by status, as inline SVG geometry.

Drawn on the server so the chart is there without JavaScript and without a
charting library; the template turns these numbers into <rect> and <text>
elements (autoescaped like everything else).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

# Bottom to top: settled first, then what still needs attention.
STACK_ORDER = ("met", "missed", "superseded", "past_due_unverified", "due", "open")
WIDTH, HEIGHT = 720, 240
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 16, 28


@dataclass(slots=True)
class Bar:
    year: int
    x: float
    width: float
    total: int
    segments: list[dict[str, Any]] = field(default_factory=list)  # {"status", "y", "height", "count"}


@dataclass(slots=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    ticks: list[dict[str, float]]  # {"value", "y"}
    baseline: float
    statuses: list[str]  # those present, in stack order, for the legend


def timeline(deadlines: list[dict[str, Any]], max_years: int = 16) -> Chart | None:
    """Geometry for ``Overview.deadlines`` rows: every year from the first to the last, at most ``max_years``."""
    by_year: dict[int, dict[str, int]] = defaultdict(dict)
    for row in deadlines:
        by_year[row["year"]][row["status"]] = row["count"]
    if not by_year:
        return None
    years = sorted(by_year)
    start, end = years[0], years[-1]
    if end - start + 1 > max_years:  # keep a readable span around the year most targets fall in
        busiest = max(years, key=lambda y: sum(by_year[y].values()))
        start = max(start, min(busiest - max_years // 2, end - max_years + 1))
        end = start + max_years - 1
    span = list(range(start, end + 1))
    top = max(sum(by_year.get(y, {}).values()) for y in span)
    step = _nice_step(top)
    scale_top = step * -(-top // step)
    inner_w, inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = inner_w / len(span)
    bars: list[Bar] = []
    for i, year in enumerate(span):
        counts = by_year.get(year, {})
        bar = Bar(year, LEFT + i * slot + slot * 0.15, slot * 0.7, sum(counts.values()))
        y: float = TOP + inner_h
        for status in STACK_ORDER:
            if counts.get(status):
                h = inner_h * counts[status] / scale_top
                y -= h
                bar.segments.append(
                    {"status": status, "y": round(y, 1), "height": round(h, 1), "count": counts[status]}
                )
        bars.append(bar)
    ticks = [
        {"value": v, "y": round(TOP + inner_h - inner_h * v / scale_top, 1)} for v in range(0, scale_top + 1, step)
    ]
    present = {s for y in span for s in by_year.get(y, {})}
    return Chart(WIDTH, HEIGHT, bars, ticks, TOP + inner_h, [s for s in STACK_ORDER if s in present])


def _nice_step(top: int) -> int:
    """1, 2 or 5 times a power of ten: at most five gridlines up to ``top``."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            if top <= 5 * factor * magnitude:
                return factor * magnitude
        magnitude *= 10

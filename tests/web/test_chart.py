"""The deadline chart's geometry: one bar per year, stacked segments proportional to their counts."""

from __future__ import annotations

from policylens.web import chart


def test_bars_cover_every_year_and_stack_in_proportion():
    rows = [
        {"year": 2025, "status": "past_due_unverified", "count": 30},
        {"year": 2025, "status": "met", "count": 10},
        {"year": 2027, "status": "open", "count": 20},
    ]
    c = chart.timeline(rows)
    assert [b.year for b in c.bars] == [2025, 2026, 2027]
    assert [b.total for b in c.bars] == [40, 0, 20]
    met, past = c.bars[0].segments
    assert (met["status"], past["status"]) == ("met", "past_due_unverified")  # settled at the bottom
    assert abs(past["height"] - 3 * met["height"]) < 0.5
    assert met["y"] + met["height"] == c.baseline
    assert c.ticks[0]["value"] == 0 and c.ticks[-1]["value"] >= 40
    assert c.statuses == ["met", "past_due_unverified", "open"]


def test_no_deadlines_no_chart():
    assert chart.timeline([]) is None


def test_a_long_span_keeps_the_busiest_years():
    rows = [{"year": y, "status": "open", "count": 100 if y == 2030 else 1} for y in range(1990, 2061, 5)]
    years = [b.year for b in chart.timeline(rows, max_years=16).bars]
    assert len(years) <= 16 and 2030 in years

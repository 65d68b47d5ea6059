"""Figures as people write them: "CNY 20 billion", "1.5 million", "5,000", "12.5%", never "2e+10".

One place for turning a stored value into text, used by the command line's
tables and by the briefs (which pass their own language's scale words).  No
output of these functions has an exponent, however large or small the value.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

# (power of ten, word), largest first: the English scale words of the command line's tables.
SCALES: Sequence[tuple[int, str]] = ((12, "trillion"), (9, "billion"), (6, "million"))


def number(value: float, grouping: bool = True) -> str:
    """Digits, never an exponent: at most two decimals, or three significant digits below 1.

    5000 -> "5,000" (or "5000" without grouping), 12.5 -> "12.5", 0.00123 -> "0.00123".
    """
    if not math.isfinite(value):
        return str(value)
    if value == 0:
        return "0"
    places = 2 if abs(value) >= 1 else 2 - math.floor(math.log10(abs(value)))
    text = f"{value:{',' if grouping else ''}.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def scaled(
    value: float, scales: Sequence[tuple[int, str]] = SCALES, template: str = "{value} {word}", grouping: bool = True
) -> str:
    """The value with the largest scale word it reaches: 2e10 -> "20 billion", 5000 -> "5,000"."""
    for power, word in sorted(scales, key=lambda s: -s[0]):
        shown = number(value / 10**power, grouping)
        if abs(float(shown.replace(",", ""))) >= 1:  # as shown: 999,999,999 is "1 billion", not "1,000 million"
            return template.format(value=shown, word=word)
    return number(value, grouping)


def amount(value: float, unit: str = "", value_max: float | None = None) -> str:
    """A value (or range) with its unit as written in English text.

    Currency codes go first ("CNY 20 billion"), a percentage sticks to its
    number ("12.5%"), a count has no unit ("5,000"), other units follow
    ("6.8 km2").  A range shares one scale word when both ends reach it
    ("CNY 20–30 billion").
    """
    if value_max is None:
        figure = scaled(value)
    else:
        power, word = next(((p, w) for p, w in SCALES if abs(value_max) >= 10**p and abs(value) >= 10**p), (0, ""))
        figure = (
            f"{number(value / 10**power)}–{number(value_max / 10**power)}" + (f" {word}" if word else "")
            if power
            else f"{scaled(value)}–{scaled(value_max)}"
        )
    if unit in ("", "count"):
        return figure
    if unit == "%":
        return f"{figure}%"
    if len(unit) == 3 and unit.isalpha() and unit.isupper():  # an ISO 4217 currency code
        return f"{unit} {figure}"
    return f"{figure} {unit}"

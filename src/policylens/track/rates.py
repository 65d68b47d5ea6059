"""Annual exchange rates between the yuan, the dollar and the euro.

Chinese plans state money in yuan and English reports restate it in dollars
or euros; comparing the two needs the rate of the year the figure belongs
to.  The numbers live in ``data/exchange_rates.yaml`` with their source.
"""

from __future__ import annotations

from ._data import load

BASE = "CNY"


def _table() -> dict[str, dict[int, float]]:
    return load("exchange_rates")["cny_per"]


def currencies() -> frozenset[str]:
    return frozenset(_table()) | {BASE}


def latest_year() -> int:
    """The year to assume when a figure gives none: the latest rate is the likeliest guess."""
    return max(max(by_year) for by_year in _table().values())


def convertible(from_unit: str, to_unit: str) -> bool:
    """Whether two units measure the same thing: equal units, or two currencies of the table."""
    return from_unit == to_unit or (from_unit in currencies() and to_unit in currencies())


def cny_per(currency: str, year: int) -> tuple[float, int]:
    """Yuan per unit of ``currency`` in ``year``, and the year actually used.

    Outside the table's years the nearest year stands in: a 2009 or 2030
    figure is still checked, against the closest rate known.
    """
    if currency == BASE:
        return 1.0, year
    by_year = _table().get(currency)
    if not by_year:
        raise ValueError(f"no exchange rate for {currency!r}; known: {', '.join(sorted(currencies()))}")
    used = min(by_year, key=lambda y: (abs(y - year), -y))
    return by_year[used], used


def convert(value: float, from_unit: str, to_unit: str, year: int) -> float:
    """``value`` in ``from_unit`` expressed in ``to_unit`` at the annual rate of ``year``."""
    if from_unit == to_unit:
        return value
    if not convertible(from_unit, to_unit):
        raise ValueError(f"cannot convert {from_unit!r} to {to_unit!r}: only currencies of the rates table convert")
    return value * cny_per(from_unit, year)[0] / cny_per(to_unit, year)[0]

"""Turn quantulum3's output into the extraction contract so score.py can judge it beside policylens.

quantulum3 is the general-purpose quantity parser one would reach for instead
of writing policylens's own; scoring it on the same corpus with the same
scorer says whether the domain-specific extractor earns its keep. The
adapter is deliberately thin: it renames units to contract codes and copies
spans and values as quantulum3 gives them (including its quirks, such as a
parenthesised "($235.7 billion)" read as a negative amount), so the score is
quantulum3's, not the adapter's. quantulum3 has no notion of targets, so
every item is a statistic.
"""

from __future__ import annotations

from typing import Any

# quantulum3 unit names -> contract unit codes; currencies go by their ISO code instead.
UNITS = {
    "dimensionless": "count",
    "set": "count",
    "count": "times",  # quantulum3 files "2.15 times" under a unit it calls "count"
    "percentage": "%",
    "percentage point": "pp",
    "square kilometre": "km2",
    "square metre": "m2",
    "hectare": "ha",
    "tonne": "t",
    "ton": "t",
    "kilogram": "kg",
    "gigawatt": "GW",
    "megawatt": "MW",
    "terawatt hour": "TWh",
    "megaelectronvolt": "MeV",
    "minute": "min",
    "hour": "h",
    "day": "day",
    "year": "year",
}
CURRENCY_NAMES = {
    "chinese yuan": "CNY",
    "renminbi": "CNY",
    "yuan": "CNY",
    "dollar": "USD",
    "united states dollar": "USD",
    "euro": "EUR",
}


def contract_unit(unit: Any) -> str:
    """A contract code where one exists, else quantulum3's own unit name (which then matches nothing)."""
    code = getattr(unit, "currency_code", None)
    if code:
        return code
    return UNITS.get(unit.name) or CURRENCY_NAMES.get(unit.name) or unit.name


def to_quantities(text: str, parsed: list[Any]) -> list[dict[str, Any]]:
    out = []
    for q in parsed:
        start, end = q.span
        out.append(
            {
                "kind": "statistic",
                "text": text[start:end],
                "start": start,
                "end": end,
                "value": q.value,
                "unit": contract_unit(q.unit),
            }
        )
    return out


def to_extraction(document: dict[str, Any], parsed: list[Any]) -> dict[str, Any]:
    """One contract-shaped prediction; ``document`` is the contract's document object, text included."""
    return {"document": document, "quantities": to_quantities(document["text"], parsed), "events": [], "entities": []}

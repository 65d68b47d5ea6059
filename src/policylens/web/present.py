"""How values read on a page: numbers, comparators, statuses, entity links; the template environment.

Autoescaping is on for every template, whatever its name: all page text
comes from documents written by other people.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from fastapi.templating import Jinja2Templates

from policylens.extraction.industries import taxonomy
from policylens.model import SOURCE_TYPES
from policylens.track import STATUSES

STATUS_LABELS = {
    "open": "Open",
    "due": "Due this year",
    "met": "Met",
    "missed": "Missed",
    "past_due_unverified": "Past due, unverified",
    "superseded": "Superseded",
}
COMPARATORS = {"=": "", ">": ">", ">=": "≥", "<": "<", "<=": "≤", "~": "≈"}
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def number(value: float | None) -> str:
    """12,500 · 3.2 million · 660 billion: as a reader would write the figure."""
    if value is None:
        return "—"
    for scale, word in _SCALES:
        if abs(value) >= scale:
            return f"{_plain(value / scale)} {word}"
    return _plain(value)


def _plain(value: float) -> str:
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def amount(value: float, value_max: float | None = None, unit: str = "", comparator: str = "=") -> str:
    """ "≥ 1.2 billion CNY", "30–40 %": a quantity's normalised value as one phrase."""
    shown = number(value) + (f"–{number(value_max)}" if value_max is not None else "")
    sign = COMPARATORS.get(comparator, comparator)
    unit = {"percent": "%", "count": ""}.get(unit, unit)  # a count's unit is the measure, named beside it
    return " ".join(part for part in (sign, shown, unit) if part)


def entity_url(name: str) -> str:
    """Entity pages go by name: canonical ids are rebuilt with every ingest batch, names stay."""
    return "/entities/" + quote(name, safe="")


def with_query(path: str, params: dict[str, Any], **changes: Any) -> str:
    """``path`` with the current filters, some changed; empty values dropped."""
    merged = {**params, **changes}
    query = urlencode({k: v for k, v in merged.items() if v not in (None, "")})
    return f"{path}?{query}" if query else path


def industry_labels() -> dict[str, str]:
    return {i.id: i.label for i in taxonomy().values()}


def templates(directory: Path | None = None) -> Jinja2Templates:
    """The page templates with autoescape on for all of them and the helpers above as filters."""
    directory = directory or Path(__file__).parent / "templates"
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(directory),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(number=number, entity_url=entity_url)
    env.globals.update(
        amount=amount,
        with_query=with_query,
        STATUS_LABELS=STATUS_LABELS,
        STATUSES=STATUSES,
        SOURCE_TYPES=SOURCE_TYPES,
        INDUSTRIES=industry_labels(),
    )
    return Jinja2Templates(env=env)

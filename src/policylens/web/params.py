"""Query parameters shared by the API and the pages, read the same way for both.

HTML forms send every field, empty or not, so an empty value means "not
given".  A value that cannot be used is a 422 naming the parameter and the
value, before the knowledge base is asked anything.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import Path as FastAPIPath

from policylens.model import SOURCE_TYPES
from policylens.track import STATUSES

from .errors import WebError

TARGET_SORTS = ("deadline", "status", "subject", "metric", "value", "progress")
# Ids are INTEGER columns (32-bit on PostgreSQL) and offsets 64-bit integers in the database: a larger
# number is a 422, not a driver overflow.
MAX_ID = 2**31 - 1
MAX_OFFSET = 2**63 - 1
DocumentId = Annotated[
    int, FastAPIPath(ge=1, le=MAX_ID, description="A document's id, as listed by /documents.", examples=[2])
]


def given(value: str | None) -> str | None:
    """The value stripped, or None when the field was empty."""
    value = (value or "").strip()
    return value or None


def day(value: str | None, name: str) -> dt.date | None:
    value = given(value)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise WebError(422, f"{name}: {value!r} is not a date; write YYYY-MM-DD") from None


def one_of(value: str | None, name: str, choices: tuple[str, ...]) -> str | None:
    value = given(value)
    if value is not None and value not in choices:
        raise WebError(422, f"{name}: unknown value {value!r}; choose from {', '.join(choices)}")
    return value


def status(value: str | None) -> str | None:
    return one_of(value, "status", STATUSES)


def source_type(value: str | None) -> str | None:
    return one_of(value, "source_type", SOURCE_TYPES)


def audience(value: str | None) -> list[str] | None:
    """Comma-separated stakeholder groups (the brief's rules check the names)."""
    groups = [g.strip() for g in (value or "").split(",") if g.strip()]
    return groups or None

"""Timestamps as the monitoring tables keep them: aware UTC, whatever the backend hands back."""

from __future__ import annotations

import datetime as dt
from typing import overload

from ..clock import now as utcnow  # the product's one clock, under the name the monitor's modules import

__all__ = ["aware", "utcnow"]


@overload
def aware(value: dt.datetime) -> dt.datetime: ...
@overload
def aware(value: None) -> None: ...
def aware(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite returns the stored UTC time without its zone; PostgreSQL returns it with one."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.UTC)

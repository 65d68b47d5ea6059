"""Periods given as a year (2025), an ISO month ("2027-06") or an ISO date.

Deadlines, as-of periods and publication dates all arrive in this loose
shape from the extraction contract.  A period is compared by its first or
last day depending on the question, so "by 2025" and "by 2025-12-31" agree.
Anything unreadable (a garbled string, year 0 or 99999) counts as absent
rather than raising, because one bad row must not stop a batch.
"""
from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache

_ISO = re.compile(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


@lru_cache(maxsize=4096)  # a corpus has few distinct periods, compared many times
def _parts(period: int | str | date | None) -> tuple[int, int | None, int | None] | None:
    if isinstance(period, date):
        return period.year, period.month, period.day
    if isinstance(period, bool) or period is None:
        return None
    if isinstance(period, int):
        year, month, day = period, None, None
    elif isinstance(period, str) and (m := _ISO.match(period)):
        year = int(m[1])
        month = int(m[2]) if m[2] else None
        day = int(m[3]) if m[3] else None
    else:
        return None
    if not 1 <= year <= 9999:
        return None
    if month is not None and not 1 <= month <= 12:
        month = day = None
    if month is not None and day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        day = None
    return year, month, day


def year_of(period: int | str | date | None) -> int | None:
    parts = _parts(period)
    return parts[0] if parts else None


@lru_cache(maxsize=4096)  # status queries ask for the same few periods thousands of times
def period_start(period: int | str | date | None) -> date | None:
    parts = _parts(period)
    if parts is None:
        return None
    year, month, day = parts
    return date(year, month or 1, day or 1)


@lru_cache(maxsize=4096)
def period_end(period: int | str | date | None) -> date | None:
    parts = _parts(period)
    if parts is None:
        return None
    year, month, day = parts
    month = month or 12
    return date(year, month, day or calendar.monthrange(year, month)[1])

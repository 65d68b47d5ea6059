"""Periods as the extraction contract gives them: a year (2025), an ISO month ("2027-06") or an ISO date.

Deadlines, as-of periods, event dates and publication dates all arrive in this
loose shape.  Every stage that needs a period's year, first day or last day
asks here, so that the store's date columns, the tracker's status and the
briefs' wording cannot disagree about what "2026-06" means.  A period is
compared by its first or last day depending on the question, so "by 2025" and
"by 2025-12-31" agree.

Anything unreadable (a garbled string, year 0 or 99999, a year run into more
digits) counts as absent rather than raising, because one bad row must not
stop a batch; an impossible month or day is dropped and the coarser period
kept ("2026-13" is the year 2026).

The knowledge base stores a period as a string ("2025", "2026-06");
:func:`to_stored` and :func:`from_stored` convert between that and the
contract's shape, where a bare year is an int.

Like ``model``, this module imports nothing of the package, so any stage
(extraction included) may use it.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache

Period = int | str | date | None

_ISO = re.compile(r"\s*(\d{4})(?!\d)(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_BARE_YEAR = re.compile(r"^\d{4}$")


@lru_cache(maxsize=4096, typed=True)  # typed: True and 2026.0 hash like 1 and 2026 but name no period
def _parts(period: Period) -> tuple[int, int | None, int | None] | None:
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


def parts(period: Period) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) of the period, month and day None where it names none; None if unreadable."""
    return _parts(period)


def year_of(period: Period) -> int | None:
    """The period's year (2027 for 2027, "2027-06" or "2027-06-30"), None if it names none."""
    parts = _parts(period)
    return parts[0] if parts else None


def month_of(period: Period) -> int | None:
    """The period's month (6 for "2027-06" or "2027-06-30"), None for a bare year or no period."""
    parts = _parts(period)
    return parts[1] if parts else None


@lru_cache(maxsize=4096, typed=True)  # status queries ask for the same few periods thousands of times
def period_start(period: Period) -> date | None:
    """The period's first day ("2026-06" -> 2026-06-01, 2026 -> 2026-01-01)."""
    parts = _parts(period)
    if parts is None:
        return None
    year, month, day = parts
    return date(year, month or 1, day or 1)


@lru_cache(maxsize=4096, typed=True)
def period_end(period: Period) -> date | None:
    """The period's last day ("2026-02" -> 2026-02-28, 2026 -> 2026-12-31)."""
    parts = _parts(period)
    if parts is None:
        return None
    year, month, day = parts
    month = month or 12
    return date(year, month, day or calendar.monthrange(year, month)[1])


def to_stored(period: int | str | None) -> str | None:
    """The period as the knowledge base stores it: always a string (2025 -> "2025")."""
    return None if period is None else str(period)


def from_stored(value: str | None) -> int | str | None:
    """A stored period back in the contract's shape: a bare year as an int, anything else as given."""
    return int(value) if value is not None and _BARE_YEAR.match(value) else value

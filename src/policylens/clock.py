"""The one place the product reads the clock: ``today()`` and ``now()``.

"Today" decides which targets are due, which alerts are old and what a
digest covers; reading it in one place means a test, a demo or a replay can
set it once (``with clock.fixed(day):``) and every layer—library, CLI, web,
briefs, monitor—sees the same day.  Library functions take ``as_of: date |
None`` and ask :func:`today` only when given None, so an explicit day always
wins over the clock.

A fixed *day* moves "today" only: ``now()`` keeps running, so rows written
meanwhile keep their true timestamps.  A fixed *datetime* (a test of
timestamps) moves both.  The setting is process-wide rather than per
context, because the web server answers in worker threads that a context
variable set in the caller would not reach.

Like ``periods``, this module imports nothing of the package.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

_fixed: dt.date | dt.datetime | None = None


def now() -> dt.datetime:
    """The current moment, timezone-aware UTC (or the fixed moment, when a datetime is fixed)."""
    if isinstance(_fixed, dt.datetime):
        return _fixed if _fixed.tzinfo is not None else _fixed.replace(tzinfo=dt.UTC)
    return dt.datetime.now(dt.UTC)


def today() -> dt.date:
    """Today's date on this machine, or the fixed day."""
    if isinstance(_fixed, dt.datetime):
        return _fixed.date()
    return _fixed if _fixed is not None else dt.date.today()


@contextmanager
def fixed(when: dt.date | dt.datetime) -> Iterator[None]:
    """Within the block, :func:`today` (and for a datetime :func:`now`) answer ``when``; nestable."""
    global _fixed
    before, _fixed = _fixed, when
    try:
        yield
    finally:
        _fixed = before

"""Stored periods back in the contract's shape, for every reader of the knowledge base.

Deadlines and as-of periods are stored as strings ("2025", "2026-06"); the
contract gives a bare year as an int.  One function, so that the document
loader, the rebuild and the queries cannot disagree.
"""
from __future__ import annotations

import re

_YEAR = re.compile(r"^\d{4}$")


def loaded_when(value: str | None) -> int | str | None:
    """A bare year comes back as the int the contract uses for it, anything else as given."""
    return int(value) if value is not None and _YEAR.match(value) else value

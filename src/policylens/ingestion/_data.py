"""Loads the ingest stage's YAML data once, so rules live in data files rather than code."""

from __future__ import annotations

import re
from typing import Any

from policylens import vocab


def load(name: str) -> dict[str, Any]:
    return vocab.load("policylens.ingestion", f"{name}.yaml")


def any_of(patterns: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One alternation of many patterns: a single search per line instead of one per pattern."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)

"""Loads the ingest stage's YAML data once, so rules live in data files rather than code."""
from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load(name: str) -> dict[str, Any]:
    text = resources.files("policylens.ingestion").joinpath("data", f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def any_of(patterns: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One alternation of many patterns: a single search per line instead of one per pattern."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)

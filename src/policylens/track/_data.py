"""The YAML tables of ``track/data``, read through ``policylens.vocab`` (cached there, a user's data folder
extending them), since every call of the tracking functions consults them."""

from __future__ import annotations

from typing import Any

from policylens import vocab


def load(name: str) -> Any:
    return vocab.load("policylens.track", f"{name}.yaml")

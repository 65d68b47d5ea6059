"""Read the YAML tables shipped in ``track/data``.

Found through importlib.resources so they load from an installed wheel as
well as from the source tree; cached because every call of the tracking
functions consults them.
"""
from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load(name: str) -> Any:
    text = resources.files("policylens.track").joinpath("data", f"{name}.yaml").read_text("utf-8")
    return yaml.safe_load(text)

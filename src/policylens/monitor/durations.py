"""How often a feed is polled, written the way people say it: 30m, 1h, 1d (also 90s, 2w, 1h30m)."""

from __future__ import annotations

import re

from policylens.errors import ParameterError

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_PART = re.compile(r"(\d+)\s*([smhdw])")
_WHOLE = re.compile(r"(?:\s*\d+\s*[smhdw])+\s*")


def parse_duration(text: str, parameter: str = "every") -> int:
    """Seconds in ``text``; ParameterError naming the parameter and the value when it is not a positive duration."""
    value = (text or "").strip().lower()
    if not _WHOLE.fullmatch(value):
        raise ParameterError(parameter, f"{text!r} is not a duration; write a number and a unit, e.g. 30m, 1h or 1d")
    seconds = sum(int(n) * _UNITS[unit] for n, unit in _PART.findall(value))
    if seconds <= 0:
        raise ParameterError(parameter, f"{text!r} must be longer than zero")
    return seconds


def format_duration(seconds: int) -> str:
    """The shortest spelling :func:`parse_duration` reads back as ``seconds`` (3600 -> "1h", 5400 -> "1h30m")."""
    parts = []
    for unit, size in sorted(_UNITS.items(), key=lambda item: -item[1]):
        if unit == "w" and seconds % size:
            continue  # "1w3d" reads worse than "10d"
        count, seconds = divmod(seconds, size)
        if count:
            parts.append(f"{count}{unit}")
    return "".join(parts) or "0s"

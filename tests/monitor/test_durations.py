"""Durations as people write them, and the one-line error for anything else."""

from __future__ import annotations

import pytest

from policylens.errors import InputError
from policylens.monitor import format_duration, parse_duration


@pytest.mark.parametrize(
    "text, seconds",
    [("30m", 1800), ("1h", 3600), ("1d", 86400), ("90s", 90), ("2w", 1209600), ("1h30m", 5400), (" 1H ", 3600)],
)
def test_durations_read(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("seconds", [1, 59, 60, 3600, 5400, 86400, 90061, 604800, 864000])
def test_format_reads_back(seconds):
    assert parse_duration(format_duration(seconds)) == seconds


@pytest.mark.parametrize("text", ["", "1", "h", "5q", "1.5h", "-1h", "0m", "1h and 2m"])
def test_bad_durations_name_the_parameter_and_value(text):
    with pytest.raises(InputError) as caught:
        parse_duration(text)
    assert str(caught.value).startswith("every: ") and repr(text) in str(caught.value)

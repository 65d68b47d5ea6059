"""The annual rates table and conversion between yuan, dollars and euros."""

from __future__ import annotations

import pytest

from policylens.track import convert, convertible
from policylens.track.rates import cny_per


def test_conversion_uses_the_year_s_rate():
    assert convert(6.8985e9, "CNY", "USD", 2019) == pytest.approx(1e9)
    assert convert(1e9, "USD", "CNY", 2021) == pytest.approx(6.4515e9)
    assert convert(1.0, "EUR", "USD", 2023) == pytest.approx(7.66 / 7.0467)


def test_a_year_outside_the_table_uses_the_nearest():
    assert cny_per("USD", 2005) == cny_per("USD", 2010)[:1] + (2010,)
    assert cny_per("EUR", 2031)[1] == 2025


def test_only_currencies_convert():
    assert convert(12.0, "count", "count", 2020) == 12.0
    assert convertible("CNY", "EUR") and not convertible("CNY", "count") and not convertible("CNY", "INR")
    with pytest.raises(ValueError, match="'%'"):
        convert(1.0, "%", "CNY", 2020)

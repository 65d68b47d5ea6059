"""A destination kind registered from outside the shipped ones is checked, masked and delivered to like them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from test_delivery import poll

from policylens import monitor
from policylens.errors import InputError
from policylens.monitor.destinations import KINDS, Kind, register


class Pigeons:
    """Takes alerts into a list."""

    def __init__(self, loft: list):
        self.loft = loft

    def send(self, alert) -> None:
        self.loft.append(alert.uid)

    def close(self) -> None:
        pass


@pytest.fixture
def loft() -> Iterator[list]:
    taken: list = []
    register(
        Kind(
            "pigeon",
            "pigeon:LOFT",
            check=lambda spec: spec if spec.partition(":")[2] else None,
            open=lambda spec, settings, show: Pigeons(taken),
            mask=lambda spec: "pigeon:***",
        )
    )
    yield taken
    del KINDS["pigeon"]


def test_the_shipped_kinds_are_registered():
    assert {"print", "jsonl", "webhook", "smtp", "smtps"} <= set(KINDS)
    with pytest.raises(ValueError, match="registered twice"):
        register(KINDS["print"])


def test_a_registered_kind_gets_each_alert_once_and_its_secret_is_masked(watched, loft):
    report = poll(watched, "pigeon:home-loft")
    assert report.alerts and loft == [a.uid for a in report.alerts]
    assert report.deliveries[0].destination == "pigeon:***"
    again = poll(watched, "pigeon:home-loft", every_feed=True)
    assert again.deliveries[0].delivered == 0 and len(loft) == len(report.alerts)
    assert monitor.list_alerts(watched, undelivered=True) == []
    with pytest.raises(InputError) as caught:
        monitor.check_destination("pigeon:")
    assert "pigeon:LOFT" in str(caught.value)  # the usage of every kind, this one included

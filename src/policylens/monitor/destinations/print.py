"""``print``: one line per alert on stdout, or through the caller's ``show`` (the CLI's, the server's log).

Printing is for a person watching; a crash mid-print may print one alert twice.
"""

from __future__ import annotations

import sys

from policylens.monitor.alerts import Alert

from . import Kind, Show, register


class Printer:
    def __init__(self, show: Show | None):
        self.show = show or print_line

    def send(self, alert: Alert) -> None:
        self.show(alert)

    def close(self) -> None:
        pass


def print_line(alert: Alert) -> None:
    sys.stdout.write(
        f"[{alert.kind}] #{alert.document_id} {alert.title or ''} — {alert.reason} ({alert.brief_command})\n"
    )


register(
    Kind(
        "print",
        "print",
        check=lambda spec: spec if spec == "print" else None,
        open=lambda spec, settings, show: Printer(show),
    )
)

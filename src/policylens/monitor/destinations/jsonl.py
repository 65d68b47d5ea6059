"""``jsonl:PATH``: one JSON object per alert appended to a file, which is its own record of what it took.

The uids already in the file are not appended again, so a poller that wrote
a line and died before recording the delivery does not write it twice.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TextIO

from policylens.errors import InputError
from policylens.monitor.alerts import Alert

from . import DeliveryError, Kind, register


class JsonLines:
    def __init__(self, path: str):
        self.path = Path(path)
        self.taken: set[str] = set()
        try:
            with self.path.open(encoding="utf-8") as f:
                for line in f:
                    try:
                        self.taken.add(json.loads(line)["uid"])
                    except (ValueError, KeyError, TypeError):
                        continue  # a line cut short by a crash, or written by someone else
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise InputError(str(self.path), f"cannot read: {exc.strerror or exc}") from None
        self.file: TextIO | None = None

    def send(self, alert: Alert) -> None:
        if alert.uid in self.taken:
            return
        try:
            if self.file is None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.file = self.path.open("a", encoding="utf-8")
                if self.file.tell() and not self.path.read_bytes().endswith(b"\n"):
                    self.file.write("\n")  # end a line a crash cut short, so ours starts clean
            self.file.write(json.dumps(alert.to_dict(), ensure_ascii=False) + "\n")
            self.file.flush()
            os.fsync(self.file.fileno())
        except OSError as exc:
            raise DeliveryError(f"{self.path}: cannot write: {exc.strerror or exc}") from None
        self.taken.add(alert.uid)

    def close(self) -> None:
        if self.file is not None:
            self.file.close()


def _check(spec: str) -> str | None:
    target = spec.partition(":")[2]
    return f"jsonl:{Path(target).expanduser().resolve()}" if target else None


register(Kind("jsonl", "jsonl:PATH", check=_check, open=lambda spec, settings, show: JsonLines(spec.partition(":")[2])))

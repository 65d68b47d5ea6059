"""A time budget for one input's work, enforced from outside the work itself.

Extraction is a pure function of a document and knows no clock, and one
pathological input must still not hold a batch, a poll or a web worker for
minutes.  A check of the clock between passes cannot stop a pass that has
gone quadratic, a signal only reaches the main thread, and a thread or
process per document costs more than most documents take to extract.  So one
watchdog thread per process keeps the deadlines of the calls running under a
budget and, when one passes, raises an exception inside the thread that made
the call (CPython's ``PyThreadState_SetAsyncExc``, delivered at the next
bytecode).  The normal path costs a heap push and a lock.  A single long call
into C (one regex over a huge text) is interrupted only when it returns,
which is why the clean text is capped too (``Settings.max_text_chars``).
"""

from __future__ import annotations

import ctypes
import heapq
import itertools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from policylens.errors import PolicylensError

T = TypeVar("T")


class BudgetExceeded(PolicylensError):
    """One input's work took longer than the settings allow."""


class _Expired(BaseException):
    """Raised asynchronously in the working thread; a BaseException so no ``except Exception`` swallows it."""


@dataclass(order=True, slots=True)
class _Deadline:
    at: float
    order: int
    thread: int = field(compare=False)
    active: bool = field(default=True, compare=False)
    fired: bool = field(default=False, compare=False)


class _Watchdog:
    def __init__(self) -> None:
        self._lock = threading.Condition()
        self._heap: list[_Deadline] = []
        self._order = itertools.count()
        self._thread: threading.Thread | None = None

    def arm(self, seconds: float) -> _Deadline:
        deadline = _Deadline(time.monotonic() + seconds, next(self._order), threading.get_ident())
        with self._lock:
            heapq.heappush(self._heap, deadline)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="policylens-budget", daemon=True)
                self._thread.start()
            self._lock.notify()
        return deadline

    def disarm(self, deadline: _Deadline) -> None:
        with self._lock:
            deadline.active = False
            if deadline.fired:  # raised but perhaps not yet delivered: withdraw it
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(deadline.thread), None)

    def _run(self) -> None:
        with self._lock:
            while True:
                while self._heap and not self._heap[0].active:
                    heapq.heappop(self._heap)
                if not self._heap:
                    self._lock.wait()
                    continue
                wait = self._heap[0].at - time.monotonic()
                if wait > 0:
                    self._lock.wait(wait)
                    continue
                # Raised again every tenth of a second until the work is over: a frame called from C code
                # that ignores errors (a dict lookup's __eq__, a finaliser) can swallow one.
                deadline = heapq.heappop(self._heap)
                deadline.fired = True
                deadline.at = time.monotonic() + _AGAIN
                heapq.heappush(self._heap, deadline)
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(deadline.thread), ctypes.py_object(_Expired))


_AGAIN = 0.1  # seconds between raises while the work goes on
_WATCHDOG = _Watchdog()


def within(seconds: float | None, work: Callable[[], T], what: str) -> T:
    """``work()``, stopped with BudgetExceeded once it has run ``seconds`` (None: no limit)."""
    if seconds is None:
        return work()
    deadline = _WATCHDOG.arm(seconds)
    try:
        try:
            result = work()
        finally:
            _WATCHDOG.disarm(deadline)
    except _Expired:
        _WATCHDOG.disarm(deadline)  # again, in case a later raise interrupted the first disarm
    else:
        if not deadline.fired:
            return result
    # Stopped, or finished although the deadline had passed (a raise was swallowed): over budget either way.
    raise BudgetExceeded(f"{what} took longer than the limit of {seconds:g} s")

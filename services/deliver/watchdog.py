"""One thread per process that fires deadlines, instead of a ``threading.Timer`` (a new
OS thread) for every webhook attempt.

``arm(seconds, fire)`` returns a handle; ``cancel`` it when the attempt ends. ``fire`` runs
on the watchdog thread, so it must be quick and must not raise (``Held.cut`` is both).
"""

from __future__ import annotations

import heapq
import itertools
import os
import threading
import time
from collections.abc import Callable


class Alarm:
    __slots__ = ("cancelled", "fire")

    def __init__(self, fire: Callable[[], None]) -> None:
        self.fire = fire
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True  # a flag, read by the watchdog thread: no lock needed


class Watchdog:
    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._heap: list[tuple[float, int, Alarm]] = []
        self._seq = itertools.count()
        self._pid = 0

    def arm(self, seconds: float, fire: Callable[[], None]) -> Alarm:
        alarm = Alarm(fire)
        with self._cond:
            if self._pid != os.getpid():  # first use, or a forked child: its own thread
                self._heap.clear()
                self._pid = os.getpid()
                threading.Thread(target=self._run, name="watchdog", daemon=True).start()
            heapq.heappush(self._heap, (time.monotonic() + seconds, next(self._seq), alarm))
            self._cond.notify()
        return alarm

    def _run(self) -> None:
        while True:
            with self._cond:
                while self._heap and self._heap[0][2].cancelled:
                    heapq.heappop(self._heap)  # finished attempts leave quickly
                if not self._heap:
                    self._cond.wait()
                    continue
                when, _, alarm = self._heap[0]
                wait = when - time.monotonic()
                if wait > 0:
                    self._cond.wait(min(wait, 1.0))  # re-checks cancellations at least each second
                    continue
                heapq.heappop(self._heap)
            if not alarm.cancelled:
                alarm.fire()


watchdog = Watchdog()

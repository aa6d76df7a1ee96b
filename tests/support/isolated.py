"""Run one function in a forked child and measure it: wall time, peak RSS, outcome.

A fork per case isolates a crash (the child dies, the test reports it), bounds a hang
(the parent kills the child at the guard), and gives each case its own peak RSS: the
child resets the kernel's high-water mark first (``/proc/self/clear_refs``), so the
figure is this case's peak, not the test process's. Linux only, like the suite.
"""

from __future__ import annotations

import json
import os
import select
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Measured:
    outcome: str  # "ok", "error: <Type>: <message>", "crashed (exit N)" or "hung"
    seconds: float
    peak_rss_mib: float
    detail: dict[str, Any]


def _status_kib(field: str) -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def run_isolated(fn: Callable[[], dict[str, Any]], guard: float = 60.0) -> Measured:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: measure, report on the pipe, leave without cleanup
        os.close(read_end)
        try:
            with open("/proc/self/clear_refs", "w") as f:
                f.write("5")  # reset VmHWM to the current RSS
        except OSError:
            pass
        started = time.perf_counter()
        try:
            detail = fn()
            outcome = "ok"
        except Exception as exc:
            detail, outcome = {}, f"error: {type(exc).__name__}: {str(exc)[:120]}"
        report = {
            "outcome": outcome,
            "seconds": time.perf_counter() - started,
            "peak_rss_mib": _status_kib("VmHWM") / 1024,
            "detail": detail,
        }
        os.write(write_end, json.dumps(report).encode())
        os._exit(0)
    os.close(write_end)
    started = time.monotonic()
    chunks: list[bytes] = []
    while True:
        left = guard - (time.monotonic() - started)
        ready, _, _ = select.select([read_end], [], [], max(0.0, left))
        if not ready:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            os.close(read_end)
            return Measured("hung", guard, 0.0, {})
        chunk = os.read(read_end, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(read_end)
    _, status = os.waitpid(pid, 0)
    if not chunks:
        return Measured(f"crashed (exit {os.waitstatus_to_exitcode(status)})", 0.0, 0.0, {})
    data = json.loads(b"".join(chunks))
    return Measured(data["outcome"], data["seconds"], data["peak_rss_mib"], data["detail"])

"""Stopping a child process the same way everywhere: a polite signal, then a kill."""

from __future__ import annotations

import signal
import subprocess


def stop_process(
    process: subprocess.Popen[bytes], timeout: float = 30.0, sig: int = signal.SIGTERM
) -> int:
    """Send ``sig`` (SIGTERM: a Celery worker's warm shutdown), wait up to ``timeout``
    seconds, then SIGKILL. Returns the exit code."""
    if process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return int(process.returncode)

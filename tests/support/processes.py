"""Real pressroom processes for the operations tests: a worker pool, a CLI command."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path

import requests

from shared.processes import stop_process

ROOT = Path(__file__).resolve().parents[2]


def env_for(redis_url: str, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "PRESSROOM_REDIS_URL": redis_url,
            "PRESSROOM_LOG_LEVEL": "INFO",
            "PYTHONPATH": str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
        }
    )
    env.update(extra or {})
    return env


def cli(
    redis_url: str, *args: str, extra: Mapping[str, str] | None = None, input: str = ""
) -> subprocess.CompletedProcess[str]:
    """``pressroom ARGS`` as an operator runs it, in its own process."""
    return subprocess.run(
        [sys.executable, "-m", "services.cli", *args],
        env=env_for(redis_url, extra),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        input=input,
        check=False,
    )


def start_worker(
    redis_url: str, stage: str, log: Path, extra: Mapping[str, str] | None = None
) -> subprocess.Popen[bytes]:
    """``pressroom worker STAGE`` (which execs Celery), output to ``log``."""
    with open(log, "ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "services.cli", "worker", stage],
            env=env_for(redis_url, extra),
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def wait_ready(process: subprocess.Popen[bytes], log: Path, timeout: float = 90) -> None:
    """Until Celery logs ``ready`` (it consumes from then on)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"worker exited: {log.read_text(errors='replace')[-3000:]}")
        if " ready." in log.read_text(errors="replace"):
            return
        time.sleep(0.2)
    raise RuntimeError(f"worker not ready: {log.read_text(errors='replace')[-3000:]}")


def wait_http(url: str, timeout: float = 60) -> requests.Response:
    deadline = time.monotonic() + timeout
    while True:
        try:
            response = requests.get(url, timeout=2)
            if response.ok:
                return response
        except requests.RequestException:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url} did not answer")
        time.sleep(0.2)


def stop(process: subprocess.Popen[bytes], timeout: float = 60) -> int:
    return stop_process(process, timeout)

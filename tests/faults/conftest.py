"""The fault suite's own system: Redis with an append-only file in a data dir (so a
SIGKILLed Redis restarts from it), short timeouts so that recoveries fit in CI, and
the chaos marker that makes the poison release crash its parse process."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from services.cli.system import System
from shared.chaos import CRASH_MARKER_ENV
from shared.redis_server import free_port
from tests.faults.subscriber import Subscriber

POISON_MARKER = "CHAOS-POISON-7f3a"

# Timeouts a production deployment would not use, so that every recovery fits in CI; the
# relations the guarantees rest on hold all the same (time limit < visibility timeout).
FAULT_ENV = {
    "PRESSROOM_SWEEP_INTERVAL": "0.5",
    "PRESSROOM_MAX_ATTEMPTS": "3",
    "PRESSROOM_VISIBILITY_TIMEOUT": "30",
    "PRESSROOM_TASK_TIME_LIMIT": "20",
    "PRESSROOM_STUCK_AFTER": "60",
    "PRESSROOM_WEBHOOK_ALLOW_NETWORKS": "127.0.0.0/8",
    "PRESSROOM_WEBHOOK_DEADLINE": "3",
    # The production schedule's 5-minute step would only stretch the drain: faults a few
    # seconds apart can catch one delivery three times. Same number of retries, shorter.
    "PRESSROOM_WEBHOOK_RETRY_DELAYS": "0,2,5,10,20,30,30,30",
    "PRESSROOM_SUBSCRIPTION_CONCURRENCY": "4",
    "PRESSROOM_RATE_LIMIT_PER_MINUTE": "1000000",
    "PRESSROOM_LOG_LEVEL": os.environ.get("PRESSROOM_FAULTS_LOG_LEVEL", "WARNING"),
    CRASH_MARKER_ENV: POISON_MARKER,
}


@pytest.fixture
def fault_system(tmp_path: Path) -> Iterator[System]:
    data = tmp_path / "pressroom"
    running = System(
        data_dir=data, api_port=free_port(), log_path=tmp_path / "system.log", extra_env=FAULT_ENV
    )
    try:
        running.start(wait=120)
    except RuntimeError:
        running.stop()
        print((tmp_path / "system.log").read_text(errors="replace")[-5000:])
        raise
    yield running
    running.stop()


@pytest.fixture
def subscriber() -> Iterator[Subscriber]:
    sub = Subscriber()
    sub.up()
    yield sub
    sub.down()

"""Fixtures that start real parts: a redis-server on a free port, the whole system as
child processes (API, one Celery worker per stage, scheduler), loopback receivers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from services.cli.receiver import Receiver
from services.cli.system import System
from shared.redis_server import RedisServer, free_port
from shared.store import Store

# Short sweeps and few attempts keep the waits in the tests short.
TEST_ENV = {
    "PRESSROOM_SWEEP_INTERVAL": "0.3",
    "PRESSROOM_MAX_ATTEMPTS": "3",
    "PRESSROOM_LOG_LEVEL": "INFO",
    "PRESSROOM_WEBHOOK_ALLOW_NETWORKS": "127.0.0.0/8",
    "PRESSROOM_WEBHOOK_DEADLINE": "3",
    "PRESSROOM_DISABLE_AFTER_FAILED_DELIVERIES": "2",
    "PRESSROOM_SECRET_ROTATION_GRACE": "60",
    # The tests submit the same body many times on purpose; duplicates by body are
    # tested on their own (tests/integration/test_access.py).
    "PRESSROOM_DUPLICATE_WINDOW": "0",
    # Polling tests make many requests; the limit is tested on its own API processes.
    "PRESSROOM_RATE_LIMIT_PER_MINUTE": "1000000",
}


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    with RedisServer() as server:
        yield server


@pytest.fixture
def store(redis_server: RedisServer) -> Iterator[Store]:
    s = Store.from_url(redis_server.url)
    s.r.flushall()
    yield s
    s.r.close()


@pytest.fixture(scope="session")
def system(tmp_path_factory: pytest.TempPathFactory) -> Iterator[System]:
    data = tmp_path_factory.mktemp("pressroom")
    running = System(
        data_dir=data,
        api_port=free_port(),
        log_path=data / "system.log",
        extra_env=TEST_ENV,
    )
    try:
        running.start(wait=120)
    except RuntimeError:
        running.stop()
        print((data / "system.log").read_text(errors="replace")[-5000:])
        raise
    yield running
    running.stop()


@pytest.fixture
def system_store(system: System) -> Iterator[Store]:
    s = Store.from_url(str(system.redis_url))
    yield s
    s.r.close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with Receiver() as rx:
        yield rx


@pytest.fixture
def subscribe(system: System) -> Iterator[Callable[..., dict]]:
    """Create subscriptions for a test; they are deleted when it ends."""
    created: list[str] = []

    def make(url: str, channels: list[str], **fields: object) -> dict:
        response = system.http.post(
            f"{system.api_url}/v1/subscriptions",
            json={"url": url, "channels": channels, **fields},
            timeout=10,
        )
        assert response.status_code == 201, response.text
        sub = dict(response.json())
        created.append(sub["id"])
        return sub

    yield make
    for sub_id in created:
        system.http.delete(f"{system.api_url}/v1/subscriptions/{sub_id}", timeout=10)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        path = Path(str(item.fspath))
        if "integration" in path.parts:
            item.add_marker(pytest.mark.integration)
        if "e2e" in path.parts:
            item.add_marker(pytest.mark.e2e)

"""The whole pipeline through Redis Sentinel: Celery's broker and the store both find the
master by asking a real redis-server in Sentinel mode (the binary the project installs)."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from services.cli.receiver import Receiver
from services.cli.system import System
from shared.processes import stop_process
from shared.redis_server import RedisServer, free_port, redis_server_binary
from tests.support.wire import DEFENCE_RELEASE, release_view, settled, wait_for


@pytest.fixture
def sentinel_url(tmp_path: Path) -> Iterator[str]:
    master = RedisServer(tmp_path / "master").start()
    port = free_port()
    conf = tmp_path / "sentinel.conf"
    conf.write_text(
        f"port {port}\nbind 127.0.0.1\n"
        f"sentinel monitor pressroom-test 127.0.0.1 {master.port} 1\n"
        "sentinel down-after-milliseconds pressroom-test 2000\n"
    )
    sentinel = subprocess.Popen(
        [redis_server_binary(), str(conf), "--sentinel"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    client = redis.Redis(port=port, socket_connect_timeout=1)

    def knows_master() -> bool:
        try:
            return client.sentinel_get_master_addr_by_name("pressroom-test") is not None
        except redis.RedisError:
            return False

    assert wait_for(knows_master, bool, timeout=20)
    try:
        yield f"sentinel://127.0.0.1:{port}"
    finally:
        stop_process(sentinel, 10)
        master.stop()


def test_pipeline_runs_through_sentinel(sentinel_url: str, tmp_path: Path) -> None:
    system = System(
        data_dir=tmp_path / "system",
        api_port=free_port(),
        redis_url=sentinel_url,
        log_path=tmp_path / "system.log",
        extra_env={
            "PRESSROOM_REDIS_SENTINEL_MASTER": "pressroom-test",
            "PRESSROOM_SWEEP_INTERVAL": "0.3",
        },
    )
    with Receiver() as rx:
        try:
            system.start(wait=120)
            sub = system.http.post(
                f"{system.api_url}/v1/subscriptions",
                json={"url": rx.url, "channels": ["Military Industry"]},
                timeout=10,
            ).json()
            answer = system.http.post(
                f"{system.api_url}/v1/releases", json={"body": DEFENCE_RELEASE}, timeout=10
            )
            assert answer.status_code == 202
            assert rx.wait_for(lambda got: len(got) == 1, timeout=90)
            view = wait_for(lambda: release_view(system, answer.json()["id"]), settled, timeout=30)
            assert view["deliveries"][0]["subscription_id"] == sub["id"]
        finally:
            system.stop()
    time.sleep(0)

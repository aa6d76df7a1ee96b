"""Metrics and operator commands against a real Redis and a real worker process."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests
from prometheus_client import REGISTRY

from services.cli.system import System
from shared import metrics
from shared.celery_app import create_app
from shared.dispatch import Dispatcher
from shared.models import DeliveryStatus, RawRelease, Submission
from shared.queues import queue_stats, sent_at
from shared.redis_server import RedisServer, free_port
from shared.settings import Settings
from shared.store import DeadLetter, Store
from shared.topology import Stage, route_for
from tests.support.processes import cli, start_worker, stop, wait_ready
from tests.support.wire import DEFENCE_RELEASE, wait_for


def metric(text: str, name: str, **labels: str) -> float | None:
    """One sample's value from a Prometheus text exposition."""
    for line in text.splitlines():
        if not line.startswith(name + ("{" if labels else " ")):
            continue
        found = dict(re.findall(r'(\w+)="([^"]*)"', line.split(" ")[0]))
        if all(found.get(k) == v for k, v in labels.items()):
            return float(line.rsplit(" ", 1)[1])
    return None


@pytest.fixture
def parse_worker(
    store: Store, redis_server: RedisServer, tmp_path: Path
) -> Iterator[tuple[int, Path]]:
    port = free_port()
    log = tmp_path / "worker.log"
    process = start_worker(
        redis_server.url, "parse", log, extra={"PRESSROOM_METRICS_PORT": str(port)}
    )
    try:
        wait_ready(process, log)
        yield port, log
    finally:
        stop(process)


def test_worker_pool_serves_task_metrics_and_queue_age_is_stamped(
    store: Store, redis_server: RedisServer, parse_worker: tuple[int, Path]
) -> None:
    port, _log = parse_worker
    raw = RawRelease(
        id="rel_metrics",
        submission=Submission(body=DEFENCE_RELEASE),
        received_at=datetime.now(UTC),
    )
    assert store.create_release(raw, requeue_after=600)
    store.r.delete(route_for(Stage.PARSE).queue)
    Dispatcher(create_app("test-ops", settings=Settings(redis_url=redis_server.url))).send(
        Stage.PARSE, raw.id
    )

    # Parse runs in the pool's child process; the main process serves the sum.
    def scrape() -> str:
        return requests.get(f"http://127.0.0.1:{port}/metrics", timeout=5).text

    text = wait_for(
        scrape, lambda t: metric(t, "pressroom_tasks_total", stage="parse", outcome="ok"), 60
    )
    assert metric(text, "pressroom_tasks_total", stage="parse", outcome="ok") == 1.0
    assert metric(text, "pressroom_task_duration_seconds_count", stage="parse") == 1.0

    # Parse handed the release to enrich (no enrich worker here): it waits in enrich's
    # inbox, and a wake-up waits in the enrich list, stamped with its send time; the older
    # of the two gives the stage its age.
    enrich = route_for(Stage.ENRICH).queue
    oldest = store.r.lindex(enrich, -1)
    assert sent_at(oldest) is not None
    stats = {s.stage: s for s in queue_stats(store.r, datetime.now(UTC).timestamp() + 30)}
    assert stats[Stage.ENRICH].inbox == 1
    assert stats[Stage.ENRICH].depth == 2  # the release and its wake-up
    assert stats[Stage.ENRICH].oldest_age is not None and stats[Stage.ENRICH].oldest_age >= 30
    assert stats[Stage.PARSE].depth == 0 and stats[Stage.PARSE].oldest_age is None

    health = cli(
        redis_server.url, "healthcheck", "worker", extra={"PRESSROOM_METRICS_PORT": str(port)}
    )
    assert health.returncode == 0, health.stdout + health.stderr
    queues = cli(redis_server.url, "queues")
    assert queues.returncode == 0, queues.stderr
    assert re.search(r"enrich\s+│\s+\S+\s+│\s+1\s+│\s+1\s+│", queues.stdout), queues.stdout
    workers = cli(redis_server.url, "workers", "--timeout", "3")
    assert workers.returncode == 0, workers.stderr
    assert re.search(r"parse\s+│\s+parse-", workers.stdout), workers.stdout


def test_healthcheck_fails_without_redis() -> None:
    dead = f"redis://127.0.0.1:{free_port()}/0"
    result = cli(dead, "healthcheck", "redis")
    assert result.returncode == 1
    assert result.stdout.startswith("unhealthy: redis")


def test_dlq_list_show_replay_and_purge(store: Store, redis_server: RedisServer) -> None:
    task = route_for(Stage.PARSE).task
    for n in (1, 2):
        store.add_dead_letter(
            DeadLetter(
                key=f"{task}:rel_{n}",
                task=task,
                args=[f"rel_{n}"],
                reason="ParseError: no headline",
                attempts=3,
                at=datetime.now(UTC),
            )
        )
    listed = cli(redis_server.url, "dlq", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [json.loads(line)["args"] for line in listed.stdout.splitlines()] == [
        ["rel_1"],
        ["rel_2"],
    ]
    shown = cli(redis_server.url, "dlq", "show", f"{task}:rel_1")
    assert "ParseError: no headline" in shown.stdout

    replayed = cli(redis_server.url, "dlq", "replay", f"{task}:rel_1")
    assert replayed.returncode == 0, replayed.stderr
    queued = [json.loads(m) for m in store.r.lrange(route_for(Stage.PARSE).queue, 0, -1)]
    assert [(m["headers"]["task"], m["headers"]["argsrepr"]) for m in queued] == [
        (task, "['rel_1']")
    ]
    assert [d.key for d in store.dead_letters()] == [f"{task}:rel_2"]

    missing = cli(redis_server.url, "dlq", "replay", "nope")
    assert missing.returncode == 2 and "no dead letter 'nope'" in missing.stderr
    purged = cli(redis_server.url, "dlq", "purge", "--all", "--yes")
    assert purged.returncode == 0 and "purged 1" in purged.stdout
    assert store.dead_letters() == []


def test_delivery_outcome_and_ingest_to_delivery_latency() -> None:
    received = datetime.now(UTC) - timedelta(seconds=7)

    def sample(name: str, **labels: str) -> float:
        return REGISTRY.get_sample_value(name, labels) or 0.0

    before_ok = sample("pressroom_deliveries_total", outcome="succeeded")
    before_retry = sample("pressroom_deliveries_total", outcome="retrying")
    before_e2e = sample("pressroom_ingest_to_delivery_seconds_count")
    before_slow = sample("pressroom_ingest_to_delivery_seconds_bucket", le="5.0")

    # What the deliver stage reports after each attempt.
    metrics.delivery_attempted(DeliveryStatus.SUCCEEDED.value, datetime.now(UTC), received)
    assert sample("pressroom_deliveries_total", outcome="succeeded") == before_ok + 1
    assert sample("pressroom_ingest_to_delivery_seconds_count") == before_e2e + 1
    # Seven seconds after ingest: not in the 5 s bucket.
    assert sample("pressroom_ingest_to_delivery_seconds_bucket", le="5.0") == before_slow

    # A failed attempt counts by its status and adds no latency.
    metrics.delivery_attempted(DeliveryStatus.RETRYING.value, None, received)
    assert sample("pressroom_deliveries_total", outcome="retrying") == before_retry + 1
    assert sample("pressroom_ingest_to_delivery_seconds_count") == before_e2e + 1


def test_api_serves_request_counters_and_queue_gauges(system: System) -> None:
    labels = {"method": "GET", "route": "/v1/releases/{release_id}", "status": "404"}

    def scrape() -> str:
        answer = requests.get(f"{system.api_url}/metrics", timeout=10)
        assert answer.status_code == 200
        return answer.text

    before = metric(scrape(), "pressroom_http_requests_total", **labels) or 0.0
    system.http.get(f"{system.api_url}/v1/releases/rel_nope", timeout=10)
    text = scrape()
    # Route templates, never raw ids, label the request counter.
    assert metric(text, "pressroom_http_requests_total", **labels) == before + 1
    assert "rel_nope" not in text
    for stage in ("parse", "enrich", "publish", "deliver"):
        queue = f"pressroom.{stage}"
        assert metric(text, "pressroom_queue_depth", queue=queue) is not None
        assert metric(text, "pressroom_queue_oldest_age_seconds", queue=queue) is not None
    assert metric(text, "pressroom_tasks_in_flight") is not None

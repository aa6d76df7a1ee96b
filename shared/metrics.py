"""Every Prometheus metric pressroom exports, in one place, and the hooks that feed them.

Where each is served:
- the API's ``/metrics`` (``services.ingest.metrics``): HTTP requests, releases accepted,
  and the queue gauges, read from Redis at scrape time (``QueueCollector``);
- each worker pool's endpoint on ``PRESSROOM_METRICS_PORT``: task counters and
  histograms per stage, deliveries by outcome, ingest-to-delivery latency. Celery's
  prefork pool runs tasks in child processes, so workers use prometheus_client's
  multiprocess mode: ``pressroom worker`` points ``PROMETHEUS_MULTIPROC_DIR`` at a fresh
  directory before Celery starts, children write their values there, and the main
  process serves the sum (``start_worker_endpoint``).

Hooks: ``task_finished`` is called by ``StageTask``, ``delivery_attempted`` by the deliver
stage. Neither raises: a metrics failure must not fail a release.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

from celery.signals import before_task_publish, worker_init, worker_process_shutdown
from prometheus_client import (
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    multiprocess,
    start_http_server,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from shared import stats
from shared.logging import get_logger
from shared.queues import SENT_AT_HEADER, in_flight, queue_stats

if TYPE_CHECKING:
    import redis

    from shared.celery_app import StageTask

log = get_logger("pressroom.metrics")

TASK_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120)
E2E_BUCKETS = (0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900, 3600, 4 * 3600, 24 * 3600)

TASKS = Counter(
    "pressroom_tasks",
    "Stage tasks finished, by stage and outcome "
    "(ok = processed; retry = retried; rejected and dead-lettered = failed).",
    ["stage", "outcome"],
)
TASK_SECONDS = Histogram(
    "pressroom_task_duration_seconds",
    "Wall time of one stage task, by stage.",
    ["stage"],
    buckets=TASK_BUCKETS,
)
DELIVERIES = Counter(
    "pressroom_deliveries",
    "Webhook delivery attempts by the delivery's resulting status (succeeded, retrying, failed).",
    ["outcome"],
)
INGEST_TO_DELIVERY_SECONDS = Histogram(
    "pressroom_ingest_to_delivery_seconds",
    "From a release's acceptance by ingest to its successful delivery to a subscriber.",
    buckets=E2E_BUCKETS,
)
HTTP_REQUESTS = Counter(
    "pressroom_http_requests",
    "API requests by method, route template and status code.",
    ["method", "route", "status"],
)
HTTP_SECONDS = Histogram(
    "pressroom_http_request_duration_seconds",
    "API request latency by method and route template.",
    ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)
RELEASES_ACCEPTED = Counter(
    "pressroom_releases_accepted",
    "New releases stored and queued for parse, by source (api, dropdir, feed).",
    ["source"],
)


# ---- task hooks (called by shared.celery_app.StageTask) -----------------------------


def task_finished(task: StageTask, subject: str, outcome: str, seconds: float) -> None:
    try:
        TASKS.labels(task.stage.value, outcome).inc()
        TASK_SECONDS.labels(task.stage.value).observe(seconds)
        stats.record_task(task.store.r, task.stage, outcome, time.time())
    except Exception as exc:
        log.warning("metrics.hook_failed", error=f"{type(exc).__name__}: {exc}")


def batch_finished(task: StageTask, releases: int, seconds: float) -> None:
    """A batch from the inbox counts as one ok task per release; its wall time is shared."""
    try:
        TASKS.labels(task.stage.value, "ok").inc(releases)
        for _ in range(releases):
            TASK_SECONDS.labels(task.stage.value).observe(seconds / releases)
        stats.record_task(task.store.r, task.stage, "ok", time.time(), releases)
    except Exception as exc:
        log.warning("metrics.hook_failed", error=f"{type(exc).__name__}: {exc}")


def delivery_attempted(status: str, delivered_at: datetime | None, received_at: datetime) -> None:
    """Called by the deliver stage after each attempt, which knows its outcome (reading
    the delivery back before and after every task cost two Redis reads per delivery)."""
    try:
        DELIVERIES.labels(status).inc()
        if delivered_at is not None:
            latency = (delivered_at - received_at).total_seconds()
            INGEST_TO_DELIVERY_SECONDS.observe(max(0.0, latency))
    except Exception as exc:
        log.warning("metrics.hook_failed", error=f"{type(exc).__name__}: {exc}")


# ---- message send time, for the oldest-message age of a queue -----------------------


@before_task_publish.connect
def _stamp_sent_at(headers: dict[str, Any] | None = None, **_: Any) -> None:
    # Celery's headers carry no send time; this one rides in the kombu envelope's headers,
    # where shared.queues reads it from the oldest message of each list.
    if headers is not None:
        headers.setdefault(SENT_AT_HEADER, time.time())


# ---- queue gauges, read from Redis at scrape time -------------------------------------


class QueueCollector(Collector):
    """``pressroom_queue_depth``, ``pressroom_queue_oldest_age_seconds`` and
    ``pressroom_tasks_in_flight`` for every worker queue."""

    def __init__(self, client: redis.Redis) -> None:
        self.client = client

    def collect(self) -> Iterator[GaugeMetricFamily]:
        depth = GaugeMetricFamily(
            "pressroom_queue_depth", "Messages waiting in a stage's queue.", labels=["queue"]
        )
        age = GaugeMetricFamily(
            "pressroom_queue_oldest_age_seconds",
            "How long the oldest waiting message of a queue has waited (0 when empty).",
            labels=["queue"],
        )
        try:
            rows = queue_stats(self.client, time.time())
            flight = in_flight(self.client)
        except Exception as exc:  # Redis down: no gauges rather than a failed scrape
            log.warning("metrics.queue_read_failed", error=str(exc))
            return
        for row in rows:
            depth.add_metric([row.queue], row.depth)
            age.add_metric([row.queue], row.oldest_age or 0.0)
        yield depth
        yield age
        yield GaugeMetricFamily(
            "pressroom_tasks_in_flight",
            "Messages taken by workers and not yet acknowledged (all queues).",
            value=flight,
        )


# ---- the worker pool's endpoint -----------------------------------------------------


def multiprocess_registry() -> CollectorRegistry:
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)
    return registry


def start_worker_endpoint(port: int, host: str = "0.0.0.0") -> None:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = multiprocess_registry()
    else:
        log.warning("metrics.single_process", hint="start workers with `pressroom worker`")
        registry = REGISTRY
    try:
        start_http_server(port, addr=host, registry=registry)
    except OSError as exc:  # port taken (two pools on one host): run on without metrics
        log.error("metrics.port_unavailable", port=port, error=str(exc))
        return
    log.info("metrics.serving", port=port)


@worker_init.connect
def _serve_worker_metrics(**_: Any) -> None:
    from shared.ops_settings import get_ops_settings

    s = get_ops_settings()
    if s.metrics_port:
        start_worker_endpoint(s.metrics_port, s.metrics_host)


@worker_process_shutdown.connect
def _forget_pool_process(**_: Any) -> None:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.mark_process_dead(os.getpid())

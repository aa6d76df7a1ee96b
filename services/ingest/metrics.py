"""The API's Prometheus endpoint: request counters, releases accepted, queue gauges.

One API process serves its own counters; the queue gauges are read from Redis at scrape
time, so every replica reports the same values (aggregate them with ``max``).
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

import redis
from fastapi import FastAPI, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, generate_latest

from shared.metrics import HTTP_REQUESTS, HTTP_SECONDS, RELEASES_ACCEPTED, QueueCollector

SUBMIT_ROUTE = "/v1/releases"

_queue_collectors: dict[int, QueueCollector] = {}


def route_template(request: Request) -> str:
    """The matched route's template (``/v1/releases/{release_id}``), never the raw path:
    raw paths would make one time series per id."""
    route = request.scope.get("route")
    path = getattr(route, "path", None)
    return str(path) if path else "unmatched"


def instrument(api: FastAPI, client: redis.Redis) -> None:
    """Count every request and serve ``GET /metrics`` on ``api``."""
    collector = QueueCollector(client)
    # One queue collector per process: registering twice would duplicate the series.
    previous = _queue_collectors.pop(0, None)
    if previous is not None:
        REGISTRY.unregister(previous)
    REGISTRY.register(collector)
    _queue_collectors[0] = collector

    @api.middleware("http")
    async def _count(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        started = time.perf_counter()
        response = await call_next(request)
        route = route_template(request)
        HTTP_REQUESTS.labels(request.method, route, str(response.status_code)).inc()
        HTTP_SECONDS.labels(request.method, route).observe(time.perf_counter() - started)
        if request.method == "POST" and route == SUBMIT_ROUTE and response.status_code == 202:
            RELEASES_ACCEPTED.labels("api").inc()
        return response

    @api.get("/metrics", include_in_schema=False)
    def metrics() -> Response:
        return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)

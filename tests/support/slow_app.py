"""A Celery app built by pressroom's own factory (same acks_late, reject-on-lost, prefetch
and time limits as every stage) with one task whose length the test chooses, so a test can
stop a real worker while a task is surely running."""

from __future__ import annotations

import os
import time

import redis

from shared.celery_app import create_app

QUEUE = "pressroom.test-slow"
TASK = "pressroom.test.slow"

app = create_app("pressroom-slowtest")
app.conf.task_routes = {TASK: {"queue": QUEUE}}
_client: redis.Redis | None = None


def client() -> redis.Redis:
    global _client
    if _client is None:
        _client = redis.Redis.from_url(os.environ["PRESSROOM_REDIS_URL"], decode_responses=True)
    return _client


@app.task(name=TASK)
def slow(job: str, seconds: float) -> None:
    client().rpush("test:started", job)
    time.sleep(seconds)
    client().rpush("test:done", job)

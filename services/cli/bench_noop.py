"""No-op Celery tasks for the benchmark's queue bound: the machinery alone.

Four stages like the pipeline's, each on its own queue and worker pool, built by the
same app factory (same reliability settings, same Redis); each task hands its subject
on with ``send_task`` as the stages' Dispatcher does, and the last one counts it done.
"""

from __future__ import annotations

import time

import redis

from shared.celery_app import create_app
from shared.settings import get_settings

STAGES = 4
DONE_KEY = "bench:noop:done"
LAST_KEY = "bench:noop:last"

app = create_app("pressroom-bench-noop")
_client: redis.Redis | None = None


def queue(stage: int) -> str:
    return f"pressroom.bench.noop{stage}"


def task_name(stage: int) -> str:
    return f"pressroom.bench.noop{stage}"


def _redis() -> redis.Redis:
    # Made lazily in each pool process: connections must not cross a fork.
    global _client
    if _client is None:
        _client = redis.Redis.from_url(get_settings().redis_url)
    return _client


def _make(stage: int) -> None:
    @app.task(name=task_name(stage))
    def step(subject: str) -> None:
        if stage + 1 < STAGES:
            app.send_task(task_name(stage + 1), args=[subject], queue=queue(stage + 1))
        else:
            pipe = _redis().pipeline(transaction=False)
            pipe.incr(DONE_KEY)
            pipe.set(LAST_KEY, time.time())
            pipe.execute()


for _stage in range(STAGES):
    _make(_stage)

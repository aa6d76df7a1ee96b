"""Per-minute task counts per stage in Redis, so `pressroom queues` can show throughput
without a Prometheus server.

    pr:stats:{stage}:{unix minute}   hash  outcome -> tasks finished in that minute (TTL 2 h)
"""

from __future__ import annotations

from collections import Counter

import redis

from shared.topology import WORKER_STAGES, Stage

STATS_PREFIX = "pr:stats:"
STATS_TTL = 2 * 3600


def minute_of(ts: float) -> int:
    return int(ts // 60)


def stats_key(stage: Stage | str, minute: int) -> str:
    return f"{STATS_PREFIX}{Stage(stage).value}:{minute}"


def record_task(
    client: redis.Redis, stage: Stage, outcome: str, now: float, count: int = 1
) -> None:
    key = stats_key(stage, minute_of(now))
    pipe = client.pipeline(transaction=False)
    pipe.hincrby(key, outcome, count)
    pipe.expire(key, STATS_TTL)
    pipe.execute()


def finished_per_minute(
    client: redis.Redis, now: float, minutes: int = 5
) -> dict[Stage, Counter[str]]:
    """Tasks finished per stage and outcome over the last ``minutes`` whole minutes, divided
    by ``minutes`` (the minute in progress is left out: it would read low)."""
    current = minute_of(now)
    wanted = [(stage, m) for stage in WORKER_STAGES for m in range(current - minutes, current)]
    pipe = client.pipeline(transaction=False)
    for stage, m in wanted:
        pipe.hgetall(stats_key(stage, m))
    totals: dict[Stage, Counter[str]] = {stage: Counter() for stage in WORKER_STAGES}
    for (stage, _m), counts in zip(wanted, pipe.execute(), strict=True):
        for outcome, n in counts.items():
            name = outcome.decode() if isinstance(outcome, bytes) else outcome
            totals[stage][name] += int(n)
    return totals

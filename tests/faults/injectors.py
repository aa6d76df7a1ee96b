"""The faults, each a function that injects one, waits for it to play out, clears it and
answers (started, cleared). They act on real processes: signals to the worker pools and
their pool children, SIGKILL to redis-server, CLIENT KILL, a subscriber that goes away."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import redis

from services.cli.system import System
from tests.faults.subscriber import Subscriber

PREFORK_STAGES = ("parse", "enrich", "publish")  # deliver runs threads: no pool children
ALL_STAGES = ("parse", "enrich", "publish", "deliver")


@dataclass
class Context:
    system: System
    subscriber: Subscriber
    rng: random.Random
    submit_poison: Callable[[int], None]  # submits n poison releases
    poison_per_injection: int = 2


Fault = Callable[[Context], tuple[float, float]]


def pool_children(pid: int) -> list[int]:
    """The pool processes a worker main process forked (Linux /proc)."""
    path = Path(f"/proc/{pid}/task/{pid}/children")
    try:
        return [int(p) for p in path.read_text().split()]
    except (FileNotFoundError, ProcessLookupError):
        return []


def _main(ctx: Context, stage: str) -> subprocess.Popen[bytes]:
    process = ctx.system.child(f"worker-{stage}").process
    assert process is not None
    return process


def _reap_group(pgid: int) -> None:
    # Pool children orphaned by a killed main process: a container runtime would take
    # them down with it, so does the suite (they cannot ack anything any more).
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, signal.SIGKILL)


def kill_pool_child(ctx: Context) -> tuple[float, float]:
    stage = ctx.rng.choice(PREFORK_STAGES)
    started = time.time()
    children = pool_children(_main(ctx, stage).pid)
    if children:
        os.kill(ctx.rng.choice(children), signal.SIGKILL)
    return started, time.time()  # the pool replaces its child by itself


def kill_worker_main(ctx: Context) -> tuple[float, float]:
    stage = ctx.rng.choice(ALL_STAGES)
    main = _main(ctx, stage)
    started = time.time()
    main.kill()
    main.wait()
    time.sleep(0.3)
    _reap_group(main.pid)
    ctx.system.restart_child(f"worker-{stage}")
    return started, time.time()


def _shutdown(ctx: Context, sig: signal.Signals) -> tuple[float, float]:
    stage = ctx.rng.choice(ALL_STAGES)
    main = _main(ctx, stage)
    started = time.time()
    main.send_signal(sig)
    try:
        main.wait(60)
    except subprocess.TimeoutExpired:
        main.kill()
        main.wait()
    _reap_group(main.pid)
    ctx.system.restart_child(f"worker-{stage}")
    return started, time.time()


def warm_shutdown(ctx: Context) -> tuple[float, float]:
    return _shutdown(ctx, signal.SIGTERM)


def cold_shutdown(ctx: Context) -> tuple[float, float]:
    return _shutdown(ctx, signal.SIGQUIT)


def kill_redis(ctx: Context) -> tuple[float, float]:
    server = ctx.system.redis
    assert server is not None, "the suite runs its own redis-server"
    started = time.time()
    server.kill()
    time.sleep(1.0)
    server.start(timeout=60)  # same port, same data dir: it loads its append-only file
    return started, time.time()


def drop_client_connections(ctx: Context) -> tuple[float, float]:
    client = redis.Redis.from_url(str(ctx.system.redis_url))
    started = time.time()
    client.client_kill_filter(_type="normal", skipme=True)
    client.close()
    return started, time.time()


# Subscriber outages last 2 s: the webhook schedule retries at once, then after 4-6 s,
# then after ~5 min (services/deliver/policy.py); a longer outage waits for that step by
# design, which a CI run cannot afford (docs/reliability.md).
def subscriber_down(ctx: Context, seconds: float = 2.0) -> tuple[float, float]:
    started = time.time()
    ctx.subscriber.down()  # connection refused
    time.sleep(seconds)
    ctx.subscriber.up()
    return started, time.time()


def _subscriber_mode(ctx: Context, mode: str, seconds: float) -> tuple[float, float]:
    """The subscriber answers in ``mode`` for ``seconds``, then normally again."""
    started = time.time()
    ctx.subscriber.mode = mode
    time.sleep(seconds)
    ctx.subscriber.mode = "ok"
    return started, time.time()


def subscriber_500(ctx: Context, seconds: float = 2.0) -> tuple[float, float]:
    return _subscriber_mode(ctx, "500", seconds)


def slow_answers(ctx: Context, seconds: float = 4.0) -> tuple[float, float]:
    return _subscriber_mode(ctx, "slow", seconds)


def poison_release(ctx: Context) -> tuple[float, float]:
    started = time.time()
    ctx.submit_poison(ctx.poison_per_injection)
    return started, time.time()


FAULTS: dict[str, Fault] = {
    "SIGKILL pool child": kill_pool_child,
    "SIGKILL worker main": kill_worker_main,
    "SIGTERM warm shutdown": warm_shutdown,
    "SIGQUIT cold shutdown": cold_shutdown,
    "SIGKILL redis + AOF restart": kill_redis,
    "CLIENT KILL TYPE normal": drop_client_connections,
    "subscriber down": subscriber_down,
    "subscriber 500": subscriber_500,
    "slow answers": slow_answers,
    "poison release": poison_release,
}

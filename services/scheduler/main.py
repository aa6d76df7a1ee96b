"""The scheduler process: sweep forever, one leader at a time however many run."""

from __future__ import annotations

import os
import signal
import socket
import threading
import time

import redis

from shared.celery_app import create_app
from shared.dispatch import Dispatcher
from shared.inbox import Inbox
from shared.logging import get_logger
from shared.settings import Settings, get_settings
from shared.store import Store

from .sweeps import Sweeper

log = get_logger("pressroom.scheduler")
HOUSEKEEPING_INTERVAL = 300.0


def run_scheduler(settings: Settings | None = None, stop: threading.Event | None = None) -> None:
    s = settings or get_settings()
    stop = stop or threading.Event()
    store = Store.from_url(s.redis_url)
    dispatcher = Dispatcher(create_app("pressroom-scheduler", settings=s), Inbox(store.r))
    # A lease long enough for a task to pick the work up; it is renewed each sweep.
    sweeper = Sweeper(
        store, dispatcher, stuck_after=s.stuck_after, lease=max(60.0, s.task_time_limit)
    )
    owner = f"{socket.gethostname()}:{os.getpid()}"
    lock_ttl = max(10.0, s.sweep_interval * 5)

    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: stop.set())

    log.info("scheduler.started", owner=owner, interval=s.sweep_interval)
    next_chores = 0.0
    while not stop.is_set():
        try:
            if store.try_lead("scheduler", owner, lock_ttl):
                now = time.time()
                if now >= next_chores:
                    sweeper.housekeeping(now)
                    next_chores = now + HOUSEKEEPING_INTERVAL
                report = sweeper.sweep(now)
                if report.total:
                    log.info("scheduler.swept", **report.__dict__)
        except redis.RedisError as exc:
            log.warning("scheduler.redis_error", error=str(exc))
        stop.wait(s.sweep_interval)
    log.info("scheduler.stopped")

"""SIGTERM to a real Celery worker process: the running task finishes, messages it had not
started go back to the queue, and a rolling restart loses nothing."""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from celery import Celery

from shared.celery_app import create_app
from shared.redis_server import RedisServer
from shared.settings import Settings
from shared.store import Store
from tests.support import slow_app
from tests.support.processes import ROOT, env_for, wait_ready
from tests.support.wire import wait_for


def worker(redis_url: str, log: Path, name: str) -> subprocess.Popen[bytes]:
    """The command line of services/cli/system.py's worker_command, on the test app."""
    with open(log, "ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "tests.support.slow_app", "worker",
             "-Q", slow_app.QUEUE, "-n", f"{name}@%h", "--concurrency", "1",
             "--loglevel", "INFO", "--without-mingle", "--without-gossip"],
            env=env_for(redis_url), cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip


@pytest.fixture
def sender(store: Store, redis_server: RedisServer) -> Iterator[Celery]:
    yield create_app("test-sender", settings=Settings(redis_url=redis_server.url))


def send(app: Celery, job: str, seconds: float) -> None:
    app.send_task(slow_app.TASK, args=[job, seconds], queue=slow_app.QUEUE)


def test_sigterm_lets_the_running_task_finish(
    store: Store, redis_server: RedisServer, sender: Celery, tmp_path: Path
) -> None:
    log = tmp_path / "a.log"
    a = worker(redis_server.url, log, "a")
    try:
        wait_ready(a, log)
        send(sender, "long", 3.0)
        assert wait_for(lambda: store.r.lrange("test:started", 0, -1), bool, 30) == ["long"]
        a.send_signal(signal.SIGTERM)  # mid-task
        assert a.wait(60) == 0
    finally:
        if a.poll() is None:
            a.kill()
    # Warm shutdown waited for the task: it finished, and was acknowledged.
    assert store.r.lrange("test:done", 0, -1) == ["long"]
    assert store.r.llen(slow_app.QUEUE) == 0
    assert store.r.hlen("unacked") == 0


def test_rolling_restart_loses_no_task(
    store: Store, redis_server: RedisServer, sender: Celery, tmp_path: Path
) -> None:
    jobs = [f"job-{n}" for n in range(6)]
    a = worker(redis_server.url, tmp_path / "a.log", "a")
    b: subprocess.Popen[bytes] | None = None
    try:
        wait_ready(a, tmp_path / "a.log")
        for job in jobs:
            send(sender, job, 0.7)
        wait_for(lambda: store.r.llen("test:started"), lambda n: n >= 1, 30)
        # The new worker comes up first, then the old one is told to stop (maxSurge 1).
        b = worker(redis_server.url, tmp_path / "b.log", "b")
        wait_ready(b, tmp_path / "b.log")
        a.send_signal(signal.SIGTERM)
        assert a.wait(60) == 0
        finished = wait_for(
            lambda: store.r.lrange("test:done", 0, -1), lambda d: len(set(d)) >= 6, 60
        )
    finally:
        for p in (a, b):
            if p is not None and p.poll() is None:
                p.send_signal(signal.SIGTERM)
                try:
                    p.wait(30)
                except subprocess.TimeoutExpired:
                    p.kill()
    # Every task ran to the end; any that A had taken but not started went back to the queue.
    assert sorted(set(finished)) == jobs
    assert store.r.llen(slow_app.QUEUE) == 0
    a_log = (tmp_path / "a.log").read_text(errors="replace")
    b_log = (tmp_path / "b.log").read_text(errors="replace")
    assert "succeeded" in a_log and "succeeded" in b_log  # both workers did some of the work

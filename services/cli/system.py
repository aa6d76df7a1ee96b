"""Run the whole system as child processes: Redis (embedded unless given), the API,
one Celery worker pool per stage, and the scheduler.

Used by ``pressroom up``, ``pressroom demo``, the benchmark and the tests, so that
all of them run pressroom exactly the way an operator does.
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import requests

from services.ingest.keys import KeyStore
from shared.redis_server import RedisServer, free_port
from shared.secrets import ensure_key_file
from shared.store import Store
from shared.topology import WORKER_STAGES, Stage, route_for

# Deliver waits on subscribers' networks, not on the CPU: threads, and more of them.
POOLS = {Stage.DELIVER: "threads"}
DEFAULT_CONCURRENCY = {Stage.DELIVER: 8}


def worker_command(
    stage: Stage | str, concurrency: int | None = None, loglevel: str = "INFO"
) -> list[str]:
    """The command line of one worker pool: what an operator runs to scale a stage."""
    stage = Stage(stage)
    route = route_for(stage)
    concurrency = concurrency or DEFAULT_CONCURRENCY.get(stage, 1)
    return [
        sys.executable, "-m", "celery",
        "-A", f"services.{stage.value}.tasks",
        "worker",
        "-Q", route.queue,
        "-n", f"{stage.value}-{secrets.token_hex(3)}@%h",
        "--concurrency", str(concurrency),
        "--loglevel", loglevel,
        "--pool", POOLS.get(stage, "prefork"),
        "--without-mingle",
        "--without-gossip",
    ]  # fmt: skip


def api_command(port: int, host: str = "127.0.0.1") -> list[str]:
    return [sys.executable, "-m", "services.cli", "api", "--host", host, "--port", str(port)]


def scheduler_command() -> list[str]:
    return [sys.executable, "-m", "services.cli", "scheduler"]


def ensure_admin_key(
    redis_url: str, path: Path, sentinel_master: str | None = None
) -> tuple[str, bool]:
    """The development admin key in ``path``, made (and stored hashed in Redis) on first
    start or when the file's key is unknown to this Redis. (key, newly made)."""
    keys = KeyStore(Store.from_url(redis_url, sentinel_master))
    if path.exists():
        token = path.read_text().strip()
        if keys.verify(token) is not None:
            return token, False
    _, token = keys.create("development", ["admin"])
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(token + "\n")
    return token, True


@dataclass
class Child:
    name: str
    command: list[str]
    process: subprocess.Popen[bytes] | None = None


@dataclass
class System:
    """A running pressroom. ``redis_url`` None starts an embedded redis-server."""

    data_dir: Path
    api_port: int = 8000
    redis_url: str | None = None
    concurrency: Mapping[str, int] = field(default_factory=dict)
    stages: Iterable[Stage] = WORKER_STAGES
    extra_env: Mapping[str, str] = field(default_factory=dict)
    log_path: Path | None = None
    redis: RedisServer | None = None
    children: list[Child] = field(default_factory=list)
    admin_key: str = ""
    admin_key_created: bool = False
    _http: requests.Session | None = field(default=None, repr=False)

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.api_port}"

    @property
    def http(self) -> requests.Session:
        """A session that sends the development admin key (made at start)."""
        if self._http is None:
            self._http = requests.Session()
            self._http.headers["Authorization"] = f"Bearer {self.admin_key}"
        return self._http

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.setdefault("PRESSROOM_WEBHOOK_ALLOW_NETWORKS", "127.0.0.0/8,::1/128")
        env.update(self.extra_env)
        env["PRESSROOM_REDIS_URL"] = str(self.redis_url)
        env["PRESSROOM_DATA_DIR"] = str(self.data_dir)
        root = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
        return env

    def start(self, wait: float = 60.0) -> System:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if self.redis_url is None:
            self.redis = RedisServer(self.data_dir / "redis", port=free_port()).start()
            self.redis_url = self.redis.url
        self.children = [Child("api", api_command(self.api_port))]
        if "PRESSROOM_SECRET_KEY" not in self.env():
            ensure_key_file(self.data_dir / "secret-key")
        self.admin_key, self.admin_key_created = ensure_admin_key(
            str(self.redis_url),
            self.data_dir / "api-key",
            self.env().get("PRESSROOM_REDIS_SENTINEL_MASTER"),
        )
        for stage in self.stages:
            n = self.concurrency.get(stage.value)
            self.children.append(Child(f"worker-{stage.value}", worker_command(stage, n)))
        self.children.append(Child("scheduler", scheduler_command()))
        env = self.env()
        log = open(self.log_path, "ab") if self.log_path else None  # noqa: SIM115
        for child in self.children:
            # A session of its own: Ctrl-C reaches only us, and we stop children in order.
            child.process = subprocess.Popen(
                child.command,
                env=env,
                stdout=log or None,
                stderr=subprocess.STDOUT if log else None,
                start_new_session=True,
            )
        self.wait_healthy(wait)
        return self

    def wait_healthy(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for child in self.children:
                if child.process is not None and child.process.poll() is not None:
                    raise RuntimeError(f"{child.name} exited with code {child.process.returncode}")
            try:
                if requests.get(self.api_url + "/healthz", timeout=1).ok:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"the API did not become healthy within {timeout:g}s")

    def child(self, name: str) -> Child:
        return next(c for c in self.children if c.name == name)

    def restart_child(self, name: str, timeout: float = 30.0) -> Child:
        """Start one child again with its own command line, as a supervisor does after a
        crash (the fault suite kills children and calls this). One still running is
        stopped first: SIGTERM, then SIGKILL after ``timeout``."""
        child = self.child(name)
        old = child.process
        if old is not None and old.poll() is None:
            old.terminate()
            try:
                old.wait(timeout)
            except subprocess.TimeoutExpired:
                old.kill()
                old.wait()
        log = open(self.log_path, "ab") if self.log_path else None  # noqa: SIM115
        try:
            child.process = subprocess.Popen(
                child.command,
                env=self.env(),
                stdout=log or None,
                stderr=subprocess.STDOUT if log else None,
                start_new_session=True,
            )
        finally:
            if log is not None:
                log.close()  # the child holds its own descriptor
        return child

    def stop(self, timeout: float = 30.0) -> None:
        """API first (no new work), then workers (warm shutdown), scheduler, Redis last."""
        for child in self.children:
            if child.process is not None and child.process.poll() is None:
                child.process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + timeout
        for child in self.children:
            if child.process is None:
                continue
            try:
                child.process.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.process.kill()
                child.process.wait()
        if self.redis is not None:
            self.redis.stop()

    def __enter__(self) -> System:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

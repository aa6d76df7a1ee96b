"""A webhook receiver on loopback, for the demo, the benchmark and the tests.

It records every delivery it accepts (headers, body, time) and answers with a
programmable behaviour per request: a status code, a delay, extra headers or a
huge body. Scripts read ``deliveries`` or ask ``wait_for``.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes
    at: float

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Answer:
    status: int = 200
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b"ok"


Behaviour = Callable[[Received], Answer]


class Receiver:
    def __init__(self, port: int = 0, behaviour: Behaviour | None = None) -> None:
        self.deliveries: list[Received] = []
        self.attempts: list[Received] = []
        self.behaviour: Behaviour = behaviour or (lambda _r: Answer())
        self._lock = threading.Condition()
        self._connections: set[socket.socket] = set()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body leave in two writes; with Nagle on, a kept-alive connection
            # waits out the sender's delayed ACK (40 ms) between them. Real servers set
            # TCP_NODELAY too.
            disable_nagle_algorithm = True

            def setup(self) -> None:
                super().setup()
                with receiver._lock:
                    receiver._connections.add(self.connection)

            def handle(self) -> None:
                # A sender that stops reading (its size bound) resets the connection.
                with contextlib.suppress(ConnectionError):
                    super().handle()

            def finish(self) -> None:
                with receiver._lock:
                    receiver._connections.discard(self.connection)
                super().finish()

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                got = Received(
                    path=self.path,
                    headers={k.lower(): v for k, v in self.headers.items()},
                    body=self.rfile.read(length),
                    at=time.time(),
                )
                answer = receiver.behaviour(got)
                if answer.delay:
                    time.sleep(answer.delay)
                with receiver._lock:
                    receiver.attempts.append(got)
                    if 200 <= answer.status < 300:
                        receiver.deliveries.append(got)
                    receiver._lock.notify_all()
                try:
                    self.send_response(answer.status)
                    for name, value in answer.headers.items():
                        self.send_header(name, value)
                    self.send_header("content-length", str(len(answer.body)))
                    self.end_headers()
                    self.wfile.write(answer.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the sender gave up first (its deadline or size bound)

            def log_message(self, *_args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.server.daemon_threads = True
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self) -> Receiver:
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop as a server going down does: no new connections, and the kept-alive ones
        closed (their handler threads would otherwise go on answering)."""
        self.server.shutdown()
        self.server.server_close()
        with self._lock:
            open_now = list(self._connections)
        for conn in open_now:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)

    def drain(self) -> list[Received]:
        """Take the deliveries received so far (and forget the attempts), so a long run
        (the benchmark) holds bounded memory."""
        with self._lock:
            taken, self.deliveries, self.attempts = self.deliveries, [], []
        return taken

    def wait_for(self, predicate: Callable[[list[Received]], bool], timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        with self._lock:
            while not predicate(self.deliveries):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._lock.wait(remaining)
            return True

    def __enter__(self) -> Receiver:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

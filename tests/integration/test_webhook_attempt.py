"""One webhook attempt against real sockets on loopback: pinning, bounds, the watchdog."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from services.cli.receiver import Answer, Receiver
from services.deliver.http import post
from services.deliver.ssrf import parse_networks

LOOPBACK = parse_networks("127.0.0.0/8")


@pytest.fixture
def trickler() -> Iterator[int]:
    """A server that answers headers at once, then one body byte every 0.3 s for 30 s."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    stop = threading.Event()

    def serve() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            conn.recv(65536)
            conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n")
            try:
                for _ in range(100):
                    if stop.is_set():
                        break
                    conn.sendall(b"x")
                    time.sleep(0.3)
            except OSError:
                pass  # the sender cut the connection: what the test wants
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield int(server.getsockname()[1])
    stop.set()
    thread.join(5)
    server.close()


def test_a_trickling_answer_is_cut_at_the_deadline(trickler: int) -> None:
    started = time.monotonic()
    result = post(f"http://127.0.0.1:{trickler}/", b"{}", {}, LOOPBACK, 2.0, 2.0, 65536)
    took = time.monotonic() - started
    assert result.status_code is None
    assert result.error is not None and "deadline" in result.error
    assert took < 5  # 100 bytes at 0.3 s each would take 30 s


def test_the_connection_goes_to_the_checked_address_with_the_original_host() -> None:
    with Receiver() as rx:
        port = rx.server.server_address[1]
        result = post(
            f"http://hooks.example.test:{port}/in",
            b"{}",
            {},
            LOOPBACK,
            2.0,
            5.0,
            65536,
            resolver=lambda _host, _port: ["127.0.0.1"],
        )
    assert result.status_code == 200
    assert rx.attempts[0].headers["host"] == f"hooks.example.test:{port}"


def test_any_refused_address_refuses_the_target() -> None:
    result = post(
        "http://mixed.example.test/",
        b"{}",
        {},
        [],
        2.0,
        5.0,
        65536,
        resolver=lambda _h, _p: ["93.184.216.34", "10.0.0.7"],
    )
    assert result.status_code is None and "10.0.0.7" in str(result.error)
    assert result.retryable_error is False


def test_response_read_is_bounded() -> None:
    with Receiver(behaviour=lambda _g: Answer(200, body=b"y" * 3_000_000)) as rx:
        result = post(rx.url, b"{}", {}, LOOPBACK, 2.0, 5.0, 65536)
    assert result.status_code == 200


def test_a_connection_left_with_unread_answer_is_not_reused() -> None:
    """The bound stops reading mid-answer; the rest must not become the next answer."""
    bodies = iter([b"y" * 3_000_000, b"ok", b"ok"])
    codes = iter([200, 201, 202])
    with Receiver(behaviour=lambda _g: Answer(next(codes), body=next(bodies))) as rx:
        results = [post(rx.url, b"{}", {}, LOOPBACK, 2.0, 5.0, 65536) for _ in range(3)]
    assert [r.status_code for r in results] == [200, 201, 202]


def test_connections_to_a_subscriber_are_reused() -> None:
    from services.deliver.http import pools

    with Receiver() as rx:
        port = rx.server.server_address[1]
        for _ in range(3):
            assert post(f"{rx.url}/in", b"{}", {}, LOOPBACK, 2.0, 5.0, 65536).status_code == 200
        pool = pools.get("127.0.0.1", "127.0.0.1", port, "http")
        assert (pool.num_connections, pool.num_requests) == (1, 3)


def test_the_watchdog_cuts_only_its_own_attempts_connection() -> None:
    """Two attempts share a subscriber's pool: the one past its deadline is cut, the other
    (slow, but within its own deadline) is answered."""
    delays = {"/slow": 4.0, "/medium": 1.5}
    with Receiver(behaviour=lambda got: Answer(200, delay=delays[got.path])) as rx:
        results: dict[str, object] = {}

        def attempt(path: str, deadline: float) -> None:
            results[path] = post(f"{rx.url}{path}", b"{}", {}, LOOPBACK, 2.0, deadline, 65536)

        threads = [
            threading.Thread(target=attempt, args=("/slow", 1.0)),
            threading.Thread(target=attempt, args=("/medium", 5.0)),
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(10)
    slow, medium = results["/slow"], results["/medium"]
    assert getattr(slow, "status_code", 0) is None
    assert getattr(medium, "status_code", 0) == 200

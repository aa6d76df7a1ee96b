"""One webhook attempt over HTTP with ``requests``, bounded in every direction.

The target's name is resolved here, every address checked by the SSRF guard, and
the connection made to a checked address (so a second, different DNS answer can't
slip a private address in between check and connect), while the URL's host name
is kept for the Host header, TLS SNI and certificate checks. Connect timeout, a
wall-clock deadline for the whole attempt, at most ``max_response_bytes`` of the
answer read, and redirects never followed. requests' exceptions are mapped here,
once, into an AttemptResult.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from .policy import AttemptResult, parse_retry_after
from .ssrf import IPNetwork, refusal

Resolver = Callable[[str, int], list[str]]


def resolve(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _pinned(
    pool: type[HTTPConnectionPool], address: str, opened: list[Any]
) -> type[HTTPConnectionPool]:
    """A pool class whose connections go to ``address`` whatever the URL's host resolves
    to, and are remembered in ``opened`` so a watchdog can cut them."""

    def _new_conn(self: Any) -> Any:
        conn: Any = pool._new_conn(self)
        # urllib3 dials _dns_host. The URL's host name still goes in the Host header and,
        # through server_hostname/assert_hostname, into TLS SNI and the certificate check.
        conn._dns_host = address
        opened.append(conn)
        return conn

    return type(f"Pinned{pool.__name__}", (pool,), {"_new_conn": _new_conn})


class PinnedAdapter(HTTPAdapter):
    """Sends every request of a session to one already-checked IP address."""

    def __init__(self, address: str, hostname: str) -> None:
        self._address = address
        self._hostname = hostname
        self.opened: list[Any] = []
        super().__init__(max_retries=0)

    def cut(self) -> None:
        """Shut every connection down, waking a read blocked on a trickling answer."""
        for conn in self.opened:
            sock = getattr(conn, "sock", None)
            if sock is not None:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def init_poolmanager(
        self, connections: int, maxsize: int, block: bool = False, **kw: Any
    ) -> None:
        # urllib3 drops the TLS keywords for plain-http pools.
        kw.update(server_hostname=self._hostname, assert_hostname=self._hostname)
        super().init_poolmanager(connections, maxsize, block, **kw)
        self.poolmanager.pool_classes_by_scheme = {
            "http": _pinned(HTTPConnectionPool, self._address, self.opened),
            "https": _pinned(HTTPSConnectionPool, self._address, self.opened),
        }


def post(
    url: str,
    body: bytes,
    headers: dict[str, str],
    allowed_networks: Sequence[IPNetwork],
    connect_timeout: float,
    deadline: float,
    max_response_bytes: int,
    resolver: Resolver = resolve,
) -> AttemptResult:
    started = time.monotonic()

    def elapsed_ms() -> float:
        return round((time.monotonic() - started) * 1000, 2)

    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return AttemptResult(None, 0.0, f"not an http(s) URL: {url}", retryable_error=False)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        addresses = resolver(parts.hostname, port)
    except (OSError, UnicodeError) as exc:
        return AttemptResult(None, elapsed_ms(), f"cannot resolve {parts.hostname}: {exc}")
    for address in addresses:
        reason = refusal(ipaddress.ip_address(address.split("%")[0]), allowed_networks)
        if reason:
            return AttemptResult(
                None, elapsed_ms(), f"refused target: {reason}", retryable_error=False
            )
    if not addresses:
        return AttemptResult(None, elapsed_ms(), f"{parts.hostname} resolves to no address")

    session = requests.Session()
    session.trust_env = False  # proxies from the environment must not re-route webhooks
    adapter = PinnedAdapter(addresses[0], parts.hostname)
    headers = {**headers, "host": parts.netloc.rsplit("@", 1)[-1]}
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    timeout = urllib3.Timeout(connect=connect_timeout, read=deadline, total=deadline)
    # Socket timeouts bound each wait, not the whole attempt: an answer trickling in a
    # byte at a time would never trip them. The watchdog bounds the wall-clock time.
    watchdog = threading.Timer(deadline, adapter.cut)
    watchdog.daemon = True
    watchdog.start()
    try:
        return _send(session, url, body, headers, timeout, deadline, max_response_bytes, started)
    finally:
        watchdog.cancel()
        session.close()


def _send(
    session: requests.Session,
    url: str,
    body: bytes,
    headers: dict[str, str],
    timeout: urllib3.Timeout,
    deadline: float,
    max_response_bytes: int,
    started: float,
) -> AttemptResult:
    def elapsed_ms() -> float:
        return round((time.monotonic() - started) * 1000, 2)

    def past_deadline() -> bool:
        return time.monotonic() - started >= deadline

    try:
        response = session.post(
            url,
            data=body,
            headers=headers,
            timeout=timeout,  # type: ignore[arg-type]  # requests passes urllib3 Timeouts through
            allow_redirects=False,
            stream=True,
        )
    except requests.exceptions.ConnectTimeout:
        return AttemptResult(None, elapsed_ms(), "connect timeout")
    except requests.exceptions.Timeout:
        return AttemptResult(None, elapsed_ms(), "timed out")
    except requests.exceptions.ConnectionError as exc:
        if past_deadline():
            return AttemptResult(None, elapsed_ms(), f"deadline of {deadline:g}s passed")
        return AttemptResult(None, elapsed_ms(), f"connection error: {_short(exc)}")
    except requests.exceptions.RequestException as exc:
        return AttemptResult(
            None, elapsed_ms(), f"request failed: {_short(exc)}", retryable_error=False
        )
    try:
        read = 0
        for chunk in response.iter_content(1024):
            read += len(chunk)
            if read >= max_response_bytes or past_deadline():
                break
        if past_deadline():
            return AttemptResult(None, elapsed_ms(), f"deadline of {deadline:g}s passed")
    except requests.exceptions.RequestException as exc:
        if past_deadline():
            return AttemptResult(None, elapsed_ms(), f"deadline of {deadline:g}s passed")
        return AttemptResult(None, elapsed_ms(), f"reading response: {_short(exc)}")
    finally:
        response.close()
    status = response.status_code
    return AttemptResult(
        status_code=status,
        latency_ms=elapsed_ms(),
        error=None if 200 <= status < 300 else f"HTTP {status}",
        retry_after=parse_retry_after(response.headers.get("retry-after"), time.time()),
    )


def _short(exc: Exception) -> str:
    return str(exc).splitlines()[0][:200]

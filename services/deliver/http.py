"""One webhook attempt over HTTP with ``requests``, bounded in every direction.

Connect timeout, a wall-clock deadline for the whole attempt, at most
``max_response_bytes`` of the answer read, and redirects never followed.
requests' exceptions are mapped here, once, into an AttemptResult.
"""

from __future__ import annotations

import time

import requests

from .policy import AttemptResult, parse_retry_after


def post(
    session: requests.Session,
    url: str,
    body: bytes,
    headers: dict[str, str],
    connect_timeout: float,
    deadline: float,
    max_response_bytes: int,
) -> AttemptResult:
    started = time.monotonic()

    def elapsed_ms() -> float:
        return round((time.monotonic() - started) * 1000, 2)

    try:
        # The read timeout bounds each socket wait; the loop below bounds the total.
        response = session.post(
            url,
            data=body,
            headers=headers,
            timeout=(connect_timeout, deadline),
            allow_redirects=False,
            stream=True,
        )
    except requests.exceptions.ConnectTimeout:
        return AttemptResult(None, elapsed_ms(), "connect timeout")
    except requests.exceptions.Timeout:
        return AttemptResult(None, elapsed_ms(), "timed out")
    except requests.exceptions.ConnectionError as exc:
        return AttemptResult(None, elapsed_ms(), f"connection error: {_short(exc)}")
    except requests.exceptions.RequestException as exc:
        return AttemptResult(
            None, elapsed_ms(), f"request failed: {_short(exc)}", retryable_error=False
        )
    try:
        read = 0
        for chunk in response.iter_content(8192):
            read += len(chunk)
            if read >= max_response_bytes or time.monotonic() - started > deadline:
                break
        if time.monotonic() - started > deadline:
            return AttemptResult(None, elapsed_ms(), f"deadline of {deadline:g}s passed")
    except requests.exceptions.RequestException as exc:
        return AttemptResult(None, elapsed_ms(), f"reading response: {_short(exc)}")
    finally:
        response.close()
    return AttemptResult(
        status_code=response.status_code,
        latency_ms=elapsed_ms(),
        error=None if response.ok else f"HTTP {response.status_code}",
        retry_after=parse_retry_after(response.headers.get("retry-after"), time.time()),
    )


def _short(exc: Exception) -> str:
    return str(exc).splitlines()[0][:200]

"""What an attempt's outcome means and when to try again (pure; the clock and dice are injected)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from enum import StrEnum

# Delay before each retry, in seconds: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h.
RETRY_DELAYS: tuple[float, ...] = (0, 5, 300, 1800, 7200, 18000, 36000, 36000)
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
JITTER = 0.2
RETRY_AFTER_CAP = 36000.0  # a subscriber may ask us to wait, but not for longer than 10 h


class Verdict(StrEnum):
    SUCCEEDED = "succeeded"
    RETRY = "retry"  # 408, 429, 5xx, timeouts, connection errors
    FAILED = "failed"  # other 4xx, 3xx (redirects are not followed), refused targets
    GONE = "gone"  # 410: the subscriber asks us to stop for good


@dataclass(frozen=True)
class AttemptResult:
    status_code: int | None
    latency_ms: float
    error: str | None = None
    retry_after: float | None = None
    retryable_error: bool = True  # only read when status_code is None


def judge(result: AttemptResult) -> Verdict:
    code = result.status_code
    if code is None:
        return Verdict.RETRY if result.retryable_error else Verdict.FAILED
    if 200 <= code < 300:
        return Verdict.SUCCEEDED
    if code == 410:
        return Verdict.GONE
    if code in (408, 429) or code >= 500:
        return Verdict.RETRY
    return Verdict.FAILED


def retry_delay(
    attempts_made: int,
    retry_after: float | None = None,
    rng: random.Random | None = None,
    delays: tuple[float, ...] = RETRY_DELAYS,
) -> float | None:
    """Seconds until the next attempt after ``attempts_made`` failures, or None to give up."""
    if attempts_made < 1 or attempts_made > len(delays):
        return None
    base = delays[attempts_made - 1]
    jitter = (rng or random).uniform(-JITTER, JITTER)
    delay = base * (1 + jitter)
    if retry_after is not None:
        delay = max(delay, min(max(retry_after, 0.0), RETRY_AFTER_CAP))
    return delay


def parse_retry_after(value: str | None, now_epoch: float) -> float | None:
    """``Retry-After`` as seconds: either delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - now_epoch)

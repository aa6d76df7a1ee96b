"""What one attempt does to a delivery and its subscription (pure; clock and dice injected)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from shared.models import Delivery, DeliveryStatus

from .policy import RETRY_DELAYS, AttemptResult, Verdict, judge, retry_delay


@dataclass(frozen=True)
class Outcome:
    delivery: Delivery
    verdict: Verdict
    exhausted: bool  # no attempt will follow although this one failed


def record_attempt(
    delivery: Delivery,
    result: AttemptResult,
    now: datetime,
    rng: random.Random,
    delays: tuple[float, ...] = RETRY_DELAYS,
) -> Outcome:
    updated = delivery.model_copy(
        update={
            "attempts": delivery.attempts + 1,
            "last_status_code": result.status_code,
            "last_error": result.error,
            "last_latency_ms": result.latency_ms,
        }
    )
    verdict = judge(result)
    if verdict is Verdict.SUCCEEDED:
        updated.status, updated.delivered_at, updated.next_attempt_at = (
            DeliveryStatus.SUCCEEDED, now, None,
        )  # fmt: skip
        return Outcome(updated, verdict, exhausted=False)
    if verdict is Verdict.RETRY:
        delay = retry_delay(updated.attempts, result.retry_after, rng, delays)
        if delay is not None:
            updated.status = DeliveryStatus.RETRYING
            updated.next_attempt_at = now + timedelta(seconds=delay)
            return Outcome(updated, verdict, exhausted=False)
    updated.status, updated.next_attempt_at = DeliveryStatus.FAILED, None
    return Outcome(updated, verdict, exhausted=True)


def disable_reason(
    exhausted_in_a_row: int,
    failing_since: float,
    now: float,
    max_in_a_row: int,
    max_failing_days: float,
) -> str | None:
    """Why a subscription whose deliveries keep failing should be disabled, if it should."""
    if exhausted_in_a_row >= max_in_a_row:
        return f"{exhausted_in_a_row} deliveries in a row failed after every retry"
    days = (now - failing_since) / 86400
    if days >= max_failing_days:
        return f"deliveries have failed for {days:.1f} days without a success"
    return None

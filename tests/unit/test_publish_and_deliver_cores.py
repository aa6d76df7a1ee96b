from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from services.deliver.policy import (
    MAX_ATTEMPTS,
    RETRY_DELAYS,
    AttemptResult,
    Verdict,
    judge,
    parse_retry_after,
    retry_delay,
)
from services.publish.core import is_embargoed, matching_subscriptions, plan_deliveries
from shared import ids
from shared.models import ChannelAssignment, EnrichedRelease, Subscription

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def sub(sub_id: str, channels: list[str], active: bool = True) -> Subscription:
    return Subscription(
        id=sub_id, url=f"http://h/{sub_id}", channels=channels, active=active, created_at=NOW
    )


def release() -> EnrichedRelease:
    return EnrichedRelease(
        id="rel_1",
        headline="H",
        channels=[
            ChannelAssignment(
                slug="military-industry",
                name="Military Industry",
                kind="industry",
                reason="declared",
            )
        ],
    )


def test_only_active_subscriptions_sharing_a_channel_match() -> None:
    subs = [
        sub("a", ["military-industry"]),
        sub("b", ["retail"]),
        sub("c", ["military-industry"], active=False),
    ]
    assert [s.id for s in matching_subscriptions(release(), subs)] == ["a"]


def test_delivery_ids_are_deterministic() -> None:
    [first] = plan_deliveries(release(), [sub("a", ["military-industry"])], NOW)
    [again] = plan_deliveries(
        release(), [sub("a", ["military-industry"])], NOW + timedelta(hours=1)
    )
    assert first.id == again.id == ids.delivery_id("rel_1", "a")
    assert first.id != ids.delivery_id("rel_1", "b")


def test_embargo() -> None:
    assert is_embargoed(NOW + timedelta(seconds=1), NOW)
    assert not is_embargoed(NOW - timedelta(seconds=1), NOW)
    assert not is_embargoed(None, NOW)


@pytest.mark.parametrize(
    ("code", "verdict"),
    [
        (200, Verdict.SUCCEEDED), (204, Verdict.SUCCEEDED), (302, Verdict.FAILED),
        (400, Verdict.FAILED), (404, Verdict.FAILED), (408, Verdict.RETRY), (410, Verdict.GONE),
        (429, Verdict.RETRY), (500, Verdict.RETRY), (503, Verdict.RETRY),
    ],
)  # fmt: skip
def test_judge_status_codes(code: int, verdict: Verdict) -> None:
    assert judge(AttemptResult(status_code=code, latency_ms=1)) is verdict


def test_network_errors_retry() -> None:
    assert judge(AttemptResult(None, 1, "connection refused")) is Verdict.RETRY
    assert judge(AttemptResult(None, 1, "bad url", retryable_error=False)) is Verdict.FAILED


def test_retry_schedule_with_jitter_and_end() -> None:
    rng = random.Random(7)
    for attempt, base in enumerate(RETRY_DELAYS, start=1):
        delay = retry_delay(attempt, rng=rng)
        assert delay is not None
        assert base * 0.8 <= delay <= base * 1.2
    assert retry_delay(MAX_ATTEMPTS, rng=rng) is None


def test_retry_after_is_honoured_and_clamped() -> None:
    assert retry_delay(1, retry_after=120, rng=random.Random(1)) == 120
    assert retry_delay(1, retry_after=10**9, rng=random.Random(1)) == 36000


def test_parse_retry_after() -> None:
    assert parse_retry_after("30", 0) == 30
    assert parse_retry_after("Thu, 01 Jan 1970 00:01:00 GMT", 0) == 60
    assert parse_retry_after("soon", 0) is None

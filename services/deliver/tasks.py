"""Celery adapter of the deliver stage: one attempt of one delivery, outcome recorded."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import requests

from shared.celery_app import StageTask, create_app
from shared.errors import NotFound
from shared.logging import get_logger
from shared.models import DeliveryStatus, EnrichedRelease
from shared.topology import Stage, route_for

from .http import post
from .payload import render_payload
from .policy import AttemptResult, Verdict, judge, retry_delay

app = create_app("pressroom-deliver")
log = get_logger("pressroom.deliver")
_session: requests.Session | None = None


def http_session() -> requests.Session:
    global _session
    if _session is None:
        _session = requests.Session()
        _session.trust_env = False  # proxies from the environment must not re-route webhooks
    return _session


class DeliverTask(StageTask):
    stage = Stage.DELIVER


@app.task(name=route_for(Stage.DELIVER).task, base=DeliverTask, bind=True)
def run(self: DeliverTask, delivery_id: str) -> None:
    store, settings = self.store, self.settings
    delivery = store.get_delivery(delivery_id)
    if delivery is None:
        raise NotFound(f"no delivery {delivery_id}")
    if delivery.status in (DeliveryStatus.SUCCEEDED, DeliveryStatus.FAILED):
        log.info("delivery.skipped", status=delivery.status.value)
        return
    release = store.load_document(delivery.release_id, "enriched", EnrichedRelease)
    subscription = store.get_subscription(delivery.subscription_id)
    if release is None or subscription is None or not subscription.active:
        delivery.status = DeliveryStatus.FAILED
        delivery.last_error = "subscription deleted or disabled" if release else "release missing"
        delivery.next_attempt_at = None
        store.save_delivery(delivery)
        return
    body = render_payload(release, delivery.id, subscription.id)
    headers = {"content-type": "application/json", "user-agent": "pressroom-webhooks/0.1"}
    result: AttemptResult = post(
        http_session(),
        subscription.url,
        body,
        headers,
        connect_timeout=settings.webhook_connect_timeout,
        deadline=settings.webhook_deadline,
        max_response_bytes=settings.webhook_max_response_bytes,
    )
    now = datetime.now(UTC)
    delivery.attempts += 1
    delivery.last_status_code = result.status_code
    delivery.last_error = result.error
    delivery.last_latency_ms = result.latency_ms
    verdict = judge(result)
    if verdict is Verdict.SUCCEEDED:
        delivery.status = DeliveryStatus.SUCCEEDED
        delivery.delivered_at = now
        delivery.next_attempt_at = None
    elif verdict is Verdict.RETRY:
        delay = retry_delay(delivery.attempts, result.retry_after, random.Random())
        if delay is None:
            delivery.status = DeliveryStatus.FAILED
            delivery.next_attempt_at = None
        else:
            delivery.status = DeliveryStatus.RETRYING
            delivery.next_attempt_at = now + timedelta(seconds=delay)
    else:
        delivery.status = DeliveryStatus.FAILED
        delivery.next_attempt_at = None
        if verdict is Verdict.GONE:
            subscription.active = False
            store.save_subscription(subscription)
    store.save_delivery(delivery)
    log.info(
        "delivery.attempted",
        release_id=delivery.release_id,
        subscription_id=subscription.id,
        status_code=result.status_code,
        verdict=verdict.value,
        attempts=delivery.attempts,
        latency_ms=result.latency_ms,
    )

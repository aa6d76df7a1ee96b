"""Celery adapter of the deliver stage: one signed attempt of one delivery, outcome recorded."""

from __future__ import annotations

import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from shared import metrics
from shared.celery_app import StageTask, create_app
from shared.deliveries import Context, DeliveryBook
from shared.errors import NotFound
from shared.logging import get_logger
from shared.models import Delivery, DeliveryStatus, EnrichedRelease, RawRelease, Subscription
from shared.secrets import SecretBox, load_key
from shared.store import Store
from shared.topology import Stage, route_for

from .http import post
from .outcome import Outcome, disable_reason, record_attempt
from .payload import envelope, release_fragment
from .policy import Verdict
from .signing import webhook_headers
from .ssrf import IPNetwork, parse_networks

app = create_app("pressroom-deliver")
log = get_logger("pressroom.deliver")

# When all of a subscription's slots are busy, look again this soon (no attempt is spent).
BUSY_RETRY_SECONDS = 1.0
# A delivery's lock outlives one attempt's deadline by this much.
LOCK_MARGIN_SECONDS = 15.0
# Retry jitter. One per process: a fresh Random() per attempt seeds itself from the OS.
_dice = random.Random()
# Attempts of one fan-out in flight at once, per worker process (they wait on the network).
FANOUT_THREADS = 16


class DeliverTask(StageTask):
    stage = Stage.DELIVER
    _box: SecretBox | None = None
    _allowed: list[IPNetwork] | None = None
    _book: DeliveryBook | None = None

    @property
    def book(self) -> DeliveryBook:
        if self._book is None:
            type(self)._book = DeliveryBook(self.store.r)
        assert self._book is not None
        return self._book

    @property
    def box(self) -> SecretBox:
        if self._box is None:
            s = self.settings
            type(self)._box = SecretBox(load_key(s.secret_key, s.secret_key_file))
        assert self._box is not None
        return self._box

    @property
    def allowed_networks(self) -> list[IPNetwork]:
        if self._allowed is None:
            type(self)._allowed = parse_networks(self.settings.webhook_allow_networks)
        assert self._allowed is not None
        return self._allowed


@dataclass
class _Release:
    """A release's documents, read once for all of its deliveries in one message, and its
    part of the payload, rendered once for all of them (by publication time, which is
    the same for every delivery of a release)."""

    release: EnrichedRelease | None
    raw: RawRelease | None
    fragments: dict[float | None, bytes] = field(default_factory=dict)

    def fragment(self, published_at: float | None) -> bytes:
        if published_at not in self.fragments:  # two threads may both render: same bytes
            assert self.release is not None and self.raw is not None
            submission = self.raw.submission
            published = (
                datetime.fromtimestamp(published_at, UTC) if published_at else datetime.now(UTC)
            )
            self.fragments[published_at] = release_fragment(
                self.release,
                first_created=self.raw.received_at,
                published=published,
                embargoed=submission.embargo_until,
                external_id=submission.external_id,
            )
        return self.fragments[published_at]


class _Releases:
    def __init__(self, store: Store) -> None:
        self._store = store
        self._lock = threading.Lock()
        self._loaded: dict[str, _Release] = {}

    def get(self, release_id: str) -> _Release:
        with self._lock:
            if release_id not in self._loaded:
                self._loaded[release_id] = _Release(
                    self._store.load_document(release_id, "enriched", EnrichedRelease),
                    self._store.load_raw(release_id),
                )
            return self._loaded[release_id]


_fanout: ThreadPoolExecutor | None = None


def _fanout_pool() -> ThreadPoolExecutor:
    # Made on first use in the worker process (never across a fork); shared by the pool's
    # threads, whose tasks only wait on it, so it cannot deadlock.
    global _fanout
    if _fanout is None:
        _fanout = ThreadPoolExecutor(FANOUT_THREADS, thread_name_prefix="fanout")
    return _fanout


@app.task(name=route_for(Stage.DELIVER).task, base=DeliverTask, bind=True)
def run(self: DeliverTask, delivery_ids: str | list[str]) -> None:
    """One delivery (a retry, a replay), or a release's whole fan-out from publish.

    A fan-out message makes only the first attempts, side by side, so a slow subscriber
    holds up no other; deliveries already attempted belong to the scheduler's back-off and
    are skipped if the message is redelivered."""
    token = self.request.id or "local"
    releases = _Releases(self.store)
    if isinstance(delivery_ids, str):
        deliver_one(self, delivery_ids, releases, token, first_only=False)
        return
    futures = [
        _fanout_pool().submit(deliver_one, self, d, releases, f"{token}:{d}", first_only=True)
        for d in delivery_ids
    ]
    errors = [e for e in (f.exception() for f in futures) if e is not None]
    if errors:
        raise errors[0]  # the message is retried; finished deliveries are skipped then


def deliver_one(
    task: DeliverTask, delivery_id: str, releases: _Releases, token: str, first_only: bool
) -> None:
    store, settings = task.store, task.settings
    # One attempt of a delivery at a time: after a Redis restart or a redelivery two
    # messages for it can run at once, and both would spend retries in the same second.
    lease = settings.webhook_deadline + LOCK_MARGIN_SECONDS
    locked, delivery = task.book.open(delivery_id, token, lease)
    if not locked:
        # The holder records the outcome; should it die first, the scheduler looks again.
        store.recheck_delivery(delivery_id, time.time() + lease)
        log.info("delivery.in_flight_elsewhere", delivery_id=delivery_id)
        return
    finished = False
    try:
        finished = deliver_locked(task, delivery_id, delivery, releases, token, first_only)
    finally:
        if not finished:  # ``finish`` gives the lock up with the outcome; else do it here
            store.unlock(f"delivery:{delivery_id}", token)


def deliver_locked(
    task: DeliverTask,
    delivery_id: str,
    delivery: Delivery | None,
    releases: _Releases,
    token: str,
    first_only: bool,
) -> bool:
    """Make the attempt if one is due; True when the outcome was saved (lock given up)."""
    store, settings, book = task.store, task.settings, task.book
    if delivery is None:
        raise NotFound(f"no delivery {delivery_id}")
    if delivery.status in (DeliveryStatus.SUCCEEDED, DeliveryStatus.FAILED) or (
        first_only and delivery.attempts > 0
    ):
        if delivery.status in (DeliveryStatus.SUCCEEDED, DeliveryStatus.FAILED):
            store.unschedule_delivery(delivery_id)  # a stale recheck: nothing left to do
        log.info("delivery.skipped", delivery_id=delivery_id, status=delivery.status.value)
        return False
    docs = releases.get(delivery.release_id)
    release, raw = docs.release, docs.raw
    ctx = book.context(
        delivery.subscription_id, delivery.release_id, token,
        settings.subscription_concurrency, settings.task_time_limit,
    )  # fmt: skip
    subscription, slot = ctx.subscription, token if ctx.slot else ""
    if release is None or raw is None or subscription is None or not subscription.active:
        why = (
            "release missing"
            if release is None or raw is None
            else "subscription deleted or disabled"
        )
        failed = delivery.model_copy(
            update={"status": DeliveryStatus.FAILED, "last_error": why, "next_attempt_at": None}
        )
        book.finish(failed, token, slot_token=slot)
        return True
    if not slot:
        # Too many attempts in flight to this subscriber: try shortly, without spending an attempt.
        delivery.next_attempt_at = datetime.now(UTC) + timedelta(seconds=BUSY_RETRY_SECONDS)
        book.finish(delivery, token)
        return True
    try:
        outcome = attempt(task, delivery, docs, subscription, ctx, token)
    except BaseException:
        store.release_slot(subscription.id, token)
        raise
    metrics.delivery_attempted(
        outcome.delivery.status.value, outcome.delivery.delivered_at, raw.received_at
    )
    return True


def attempt(
    task: DeliverTask,
    delivery: Delivery,
    docs: _Release,
    subscription: Subscription,
    ctx: Context,
    token: str,
) -> Outcome:
    """One signed POST; its outcome, the subscription's health, the slot and the lock are
    saved in one step."""
    settings = task.settings
    body = envelope(docs.fragment(ctx.published_at), delivery.id, subscription.id)
    if ctx.sealed_secrets is None:
        raise NotFound(f"subscription {subscription.id} has no signing secret")
    secrets = task.box.open(ctx.sealed_secrets).active(time.time())
    headers = {
        "content-type": "application/json",
        "user-agent": "pressroom-webhooks/0.1",
        **webhook_headers(secrets, delivery.id, int(time.time()), body),
    }
    result = post(
        subscription.url,
        body,
        headers,
        task.allowed_networks,
        connect_timeout=settings.webhook_connect_timeout,
        deadline=settings.webhook_deadline,
        max_response_bytes=settings.webhook_max_response_bytes,
    )
    now = datetime.now(UTC)
    outcome = record_attempt(delivery, result, now, _dice, settings.retry_delays)
    succeeded = outcome.verdict is Verdict.SUCCEEDED
    health = task.book.finish(
        outcome.delivery, token, "ok" if succeeded else "fail", now.timestamp(),
        outcome.exhausted, slot_token=token,
    )  # fmt: skip
    if health is not None:
        in_a_row, since = health
        reason = (
            "the endpoint answered 410 Gone"
            if outcome.verdict is Verdict.GONE
            else disable_reason(
                in_a_row,
                since,
                now.timestamp(),
                settings.disable_after_failed_deliveries,
                settings.disable_after_failing_days,
            )
        )
        if reason:
            subscription.active, subscription.disabled_reason = False, reason
            task.store.save_subscription(subscription)
            log.warning("subscription.disabled", subscription_id=subscription.id, reason=reason)
    log.info(
        "delivery.attempted",
        release_id=delivery.release_id,
        subscription_id=subscription.id,
        status_code=result.status_code,
        verdict=outcome.verdict.value,
        attempts=outcome.delivery.attempts,
        latency_ms=result.latency_ms,
        error=result.error,
    )
    return outcome

"""A release's fan-out (or one retried delivery): each delivery one signed attempt, the
attempts side by side, their Redis bookkeeping grouped (shared.deliveries)."""

from __future__ import annotations

import contextlib
import random
import time
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol

import redis

from shared import metrics
from shared.deliveries import Context, DeliveryBook, Finish
from shared.errors import NotFound
from shared.logging import get_logger
from shared.models import Delivery, DeliveryStatus, EnrichedRelease, RawRelease, Subscription
from shared.secrets import SecretBox
from shared.settings import Settings
from shared.store import Store

from .http import post
from .outcome import Outcome, disable_reason, record_attempt
from .payload import envelope, release_fragment
from .policy import AttemptResult, Verdict
from .signing import webhook_headers
from .ssrf import IPNetwork

log = get_logger("pressroom.deliver")

# When all of a subscription's slots are busy, the fan-out looks again after each of these
# pauses (0.63 s in all): the slots are held by other releases' attempts, which take
# milliseconds, so waiting here beats a round trip through the scheduler. After the last
# pause the scheduler looks again this soon. No attempt is spent either way.
BUSY_PAUSES = (0.01, 0.02, 0.04, 0.08, 0.16, 0.32)
BUSY_RETRY_SECONDS = 1.0
# A subscriber still busy after every pause is slow, not merely shared: for this long, its
# deliveries in this process go to the scheduler at once, so that waiting on it does not
# tie up the worker's threads (the fan-outs of every other subscriber need them).
CONGESTED_SECONDS = 5.0
# Subscription id -> until when (monotonic) it counts as congested. Process-wide; a plain
# dict is safe here: each read and write is one step under the GIL.
_congested: dict[str, float] = {}
# A delivery's lock outlives one attempt's deadline by this much.
LOCK_MARGIN_SECONDS = 15.0
# Retry jitter. One per process: a fresh Random() per attempt seeds itself from the OS.
_dice = random.Random()
# Attempts of one fan-out in flight at once, per worker process (they wait on the network).
FANOUT_THREADS = 16


class Deliverer(Protocol):
    """What a fan-out needs from its worker (the Celery task in ``tasks``)."""

    @property
    def store(self) -> Store: ...
    @property
    def settings(self) -> Settings: ...
    @property
    def book(self) -> DeliveryBook: ...
    @property
    def box(self) -> SecretBox: ...
    @property
    def allowed_networks(self) -> list[IPNetwork]: ...


@dataclass
class _Release:
    """A release's documents, read once for all of its deliveries in one message, and its
    part of the payload, rendered once for all of them (by publication time, which is
    the same for every delivery of a release)."""

    release: EnrichedRelease | None
    raw: RawRelease | None
    fragments: dict[float | None, bytes] = field(default_factory=dict)

    def fragment(self, published_at: float | None) -> bytes:
        if published_at not in self.fragments:  # rendered on the task's thread only
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


_fanout: ThreadPoolExecutor | None = None


def _fanout_pool() -> ThreadPoolExecutor:
    # Made on first use in the worker process (never across a fork); shared by the pool's
    # threads, whose tasks only wait on it, so it cannot deadlock.
    global _fanout
    if _fanout is None:
        _fanout = ThreadPoolExecutor(FANOUT_THREADS, thread_name_prefix="fanout")
    return _fanout


@dataclass
class _Attempt:
    delivery: Delivery
    owner: str  # owns the delivery's lock and, while the attempt runs, a subscription slot
    subscription: Subscription
    docs: _Release


class FanOut:
    """One message's deliveries, attempted side by side with their bookkeeping grouped:
    the locks and deliveries read in one round trip, the subscriptions and slots in one
    per release, and the outcomes saved in one per group of attempts that end together
    (shared.deliveries). A delivery's lock is held from ``open`` to its ``finish``; on an
    unexpected error the locks and slots still held are given back (they expire anyway)."""

    def __init__(self, task: Deliverer, owners: dict[str, str], first_only: bool) -> None:
        self.task, self.owners, self.first_only = task, owners, first_only
        self.store, self.settings, self.book = task.store, task.settings, task.book
        self.lease = self.settings.webhook_deadline + LOCK_MARGIN_SECONDS
        self.locked: set[str] = set()  # deliveries whose lock this message holds
        self.slots: dict[str, str] = {}  # delivery id -> subscription whose slot it holds

    def run(self) -> None:
        try:
            self._run()
        finally:
            self._give_back()

    def _run(self) -> None:
        ids = list(self.owners)
        opened = self.book.open(ids, [self.owners[d] for d in ids], self.lease)
        due: list[Delivery] = []
        missing: list[str] = []
        for delivery_id, (locked, delivery) in zip(ids, opened, strict=True):
            if not locked:
                # The holder records the outcome; should it die first, the scheduler looks again.
                self.store.recheck_delivery(delivery_id, time.time() + self.lease)
                log.info("delivery.in_flight_elsewhere", delivery_id=delivery_id)
                continue
            self.locked.add(delivery_id)
            if delivery is None:
                missing.append(delivery_id)
                continue
            finished = delivery.status in (DeliveryStatus.SUCCEEDED, DeliveryStatus.FAILED)
            if finished or (self.first_only and delivery.attempts > 0):
                if finished:
                    self.store.unschedule_delivery(delivery_id)  # a stale recheck
                log.info("delivery.skipped", delivery_id=delivery_id, status=delivery.status.value)
            else:
                due.append(delivery)
        by_release: dict[str, list[Delivery]] = {}
        for delivery in due:
            by_release.setdefault(delivery.release_id, []).append(delivery)
        for release_id, deliveries in by_release.items():
            self._release_fan_out(release_id, deliveries)
        if missing:
            raise NotFound(f"no delivery {missing[0]}")

    def _release_fan_out(self, release_id: str, deliveries: list[Delivery]) -> None:
        """Attempt a release's deliveries. One whose subscription has all its slots taken (by
        other releases' attempts, which take milliseconds) is looked at again after a short
        pause, and handed to the scheduler only after the last pause."""
        docs = _Release(
            self.store.load_document(release_id, "enriched", EnrichedRelease),
            self.store.load_raw(release_id),
        )
        failure: BaseException | None = None
        waiting = deliveries
        for pause in (*BUSY_PAUSES, None):
            waiting, error = self._round(release_id, docs, waiting, last=pause is None)
            failure = failure or error
            if not waiting or pause is None:
                break
            time.sleep(pause)
        if failure is not None:
            raise failure  # the message is retried; finished deliveries are skipped then

    def _round(
        self, release_id: str, docs: _Release, deliveries: list[Delivery], last: bool
    ) -> tuple[list[Delivery], BaseException | None]:
        """Take slots and attempt what got one. (Deliveries still waiting for a slot, the
        first error raised by an attempt.)"""
        contexts = self.book.contexts(
            release_id,
            [(d.subscription_id, self.owners[d.id]) for d in deliveries],
            self.settings.subscription_concurrency,
            self.settings.task_time_limit,
        )
        no_attempt: list[Finish] = []
        attempts: list[tuple[_Attempt, Context]] = []
        busy: list[Delivery] = []
        for delivery, ctx in zip(deliveries, contexts, strict=True):
            owner = self.owners[delivery.id]
            if ctx.slot:
                self.slots[delivery.id] = delivery.subscription_id
            subscription = ctx.subscription
            if docs.release is None or docs.raw is None:
                no_attempt.append(self._failed(delivery, "release missing"))
            elif subscription is None or not subscription.active:
                no_attempt.append(self._failed(delivery, "subscription deleted or disabled"))
            elif ctx.slot:
                attempts.append((_Attempt(delivery, owner, subscription, docs), ctx))
            elif last or _congested.get(subscription.id, 0.0) > time.monotonic():
                # Still too many attempts in flight to this subscriber: the scheduler tries
                # shortly, and no attempt is spent.
                if last:
                    _congested[subscription.id] = time.monotonic() + CONGESTED_SECONDS
                delivery.next_attempt_at = datetime.now(UTC) + timedelta(seconds=BUSY_RETRY_SECONDS)
                no_attempt.append(Finish(delivery, owner))
            else:
                busy.append(delivery)
        self._finish(no_attempt)
        failure: BaseException | None = None
        requests = []
        for attempt, ctx in attempts:
            try:
                requests.append((attempt, self._request(attempt, ctx)))
            except Exception as exc:  # its lock and slot are given back in run()
                failure = failure or exc
        if len(requests) == 1:  # a retry or a single subscriber: no hand-off to a thread
            attempt, (url, body, headers) = requests[0]
            self._record([(attempt, self._post(url, body, headers))])
        else:
            failure = self._post_side_by_side(requests) or failure
        return busy, failure

    def _post_side_by_side(
        self, requests: list[tuple[_Attempt, tuple[str, bytes, dict[str, str]]]]
    ) -> BaseException | None:
        """POST on the fan-out threads; save each group of outcomes as it comes in, so a
        slow subscriber delays no other's record. The first error, if any attempt raised."""
        pending = {
            _fanout_pool().submit(self._post, *request): attempt for attempt, request in requests
        }
        failure: BaseException | None = None
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            ended: list[tuple[_Attempt, AttemptResult]] = []
            for future in done:
                attempt = pending.pop(future)
                error = future.exception()
                if error is None:
                    ended.append((attempt, future.result()))
                else:
                    failure = failure or error  # its lock and slot are given back in run()
            self._record(ended)
        return failure

    def _failed(self, delivery: Delivery, why: str) -> Finish:
        failed = delivery.model_copy(
            update={"status": DeliveryStatus.FAILED, "last_error": why, "next_attempt_at": None}
        )
        owner = self.owners[delivery.id]
        return Finish(failed, owner, slot_token=owner if delivery.id in self.slots else "")

    def _request(self, attempt: _Attempt, ctx: Context) -> tuple[str, bytes, dict[str, str]]:
        """The signed POST of one attempt: URL, body and headers."""
        delivery, subscription = attempt.delivery, attempt.subscription
        body = envelope(attempt.docs.fragment(ctx.published_at), delivery.id, subscription.id)
        if ctx.sealed_secrets is None:
            raise NotFound(f"subscription {subscription.id} has no signing secret")
        secrets = self.task.box.open(ctx.sealed_secrets).active(time.time())
        headers = {
            "content-type": "application/json",
            "user-agent": "pressroom-webhooks/0.1",
            **webhook_headers(secrets, delivery.id, int(time.time()), body),
        }
        return subscription.url, body, headers

    def _post(self, url: str, body: bytes, headers: dict[str, str]) -> AttemptResult:
        s = self.settings
        return post(
            url, body, headers, self.task.allowed_networks,
            connect_timeout=s.webhook_connect_timeout, deadline=s.webhook_deadline,
            max_response_bytes=s.webhook_max_response_bytes,
        )  # fmt: skip

    def _record(self, ended: list[tuple[_Attempt, AttemptResult]]) -> None:
        """Save the outcomes of attempts that ended together; disable a subscription whose
        deliveries keep failing."""
        now = datetime.now(UTC)
        outcomes = [
            record_attempt(a.delivery, result, now, _dice, self.settings.retry_delays)
            for a, result in ended
        ]
        healths = self._finish(
            [
                Finish(
                    outcome.delivery,
                    a.owner,
                    "ok" if outcome.verdict is Verdict.SUCCEEDED else "fail",
                    now.timestamp(),
                    outcome.exhausted,
                    slot_token=a.owner,
                )
                for (a, _), outcome in zip(ended, outcomes, strict=True)
            ]
        )
        for (a, result), outcome, health in zip(ended, outcomes, healths, strict=True):
            if health is not None:
                self._maybe_disable(a.subscription, outcome, health, now.timestamp())
            assert a.docs.raw is not None
            metrics.delivery_attempted(
                outcome.delivery.status.value, outcome.delivery.delivered_at, a.docs.raw.received_at
            )
            log.info(
                "delivery.attempted",
                release_id=a.delivery.release_id,
                subscription_id=a.subscription.id,
                status_code=result.status_code,
                verdict=outcome.verdict.value,
                attempts=outcome.delivery.attempts,
                latency_ms=result.latency_ms,
                error=result.error,
            )

    def _finish(self, finishes: list[Finish]) -> list[tuple[int, float] | None]:
        healths = self.book.finish(finishes)
        for f in finishes:  # ``finish`` gave the lock and the slot up
            self.locked.discard(f.delivery.id)
            self.slots.pop(f.delivery.id, None)
        return healths

    def _maybe_disable(
        self, subscription: Subscription, outcome: Outcome, health: tuple[int, float], now: float
    ) -> None:
        in_a_row, since = health
        s = self.settings
        reason = (
            "the endpoint answered 410 Gone"
            if outcome.verdict is Verdict.GONE
            else disable_reason(
                in_a_row,
                since,
                now,
                s.disable_after_failed_deliveries,
                s.disable_after_failing_days,
            )
        )
        if reason:
            subscription.active, subscription.disabled_reason = False, reason
            self.store.save_subscription(subscription)
            log.warning("subscription.disabled", subscription_id=subscription.id, reason=reason)

    def _give_back(self) -> None:
        """Locks and slots still held after an error: give them back now rather than let
        them expire (the lease), so a retry of the message can attempt at once."""
        for delivery_id in self.locked:
            owner = self.owners[delivery_id]
            with contextlib.suppress(redis.RedisError):
                if delivery_id in self.slots:
                    self.store.release_slot(self.slots[delivery_id], owner)
                self.store.unlock(f"delivery:{delivery_id}", owner)
        self.locked.clear()
        self.slots.clear()

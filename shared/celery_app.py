"""The one Celery app factory and the base task every stage's task is built on.

Reliability settings (DESIGN.md, "Guarantees"):
- acks_late + reject_on_worker_lost: a message is acknowledged only after its task
  finished, and a killed pool process puts it back on the queue;
- acks_on_failure_or_timeout=False: a task killed by its hard time limit is requeued too
  (a task that *fails* is rejected without requeue, i.e. dropped: StageTask turns every
  failure into a retry, a dead letter or a requeue, so none reaches Celery);
- prefetch 1: a worker holds at most one message it has not started;
- JSON only, no result backend: messages are ids, documents live in the store;
- time limits below the Redis visibility timeout, so Redis never hands a task
  that is still running to a second worker.
An attempt counter in Redis bounds all of these redeliveries: a message that
started ``max_attempts`` times goes to the dead-letter set instead of looping.

Between stages releases travel through inboxes (``shared.inbox``): a task called with no
subject is a wake-up and runs a batch from its stage's inbox (``StageTask._drain``).
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

import redis
import structlog
from celery import Celery, Task
from celery.exceptions import Reject

from shared import metrics
from shared.broker import transport_for
from shared.dispatch import Dispatcher
from shared.errors import InputError
from shared.inbox import Inbox
from shared.logging import configure_logging, get_logger
from shared.settings import Settings, get_settings
from shared.store import DeadLetter, Store
from shared.topology import RELEASE_STAGES, Stage, task_routes

log = get_logger("pressroom.task")

# Retries of unexpected errors inside one delivery of a message; short, because a
# long countdown on the Redis broker is held in worker memory past the visibility timeout.
RETRY_COUNTDOWN_CAP = 10.0


def create_app(
    main: str, include: list[str] | None = None, settings: Settings | None = None
) -> Celery:
    s = settings or get_settings()
    app = Celery(main, broker=s.redis_url, include=include or [])
    app.conf.update(
        # kombu's Redis (or Redis Sentinel) transport, one crash mended (shared/broker.py)
        broker_transport=transport_for(s.redis_url),
        task_serializer="json",
        accept_content=["json"],
        result_serializer="json",
        result_backend=None,
        task_ignore_result=True,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        task_acks_on_failure_or_timeout=False,
        worker_prefetch_multiplier=1,
        task_time_limit=s.task_time_limit,
        task_soft_time_limit=max(1, s.task_time_limit - 5),
        broker_transport_options={
            "visibility_timeout": s.visibility_timeout,
            "socket_timeout": 10,
            "socket_connect_timeout": 5,
            "retry_on_timeout": True,
            "health_check_interval": 30,
            "master_name": s.redis_sentinel_master,  # read only for sentinel:// URLs
        },
        broker_connection_retry_on_startup=True,
        broker_connection_max_retries=None,
        task_routes=task_routes(),
        task_create_missing_queues=True,
        task_default_queue="pressroom.default",
        worker_hijack_root_logger=False,
        worker_cancel_long_running_tasks_on_connection_loss=True,
        # Events cost every task several extra Redis publishes; monitors (Flower) need them.
        worker_send_task_events=s.task_events,
        task_send_sent_event=s.task_events,
        enable_utc=True,
        timezone="UTC",
    )
    configure_logging(s.log_level, s.log_format)
    return app


class StageTask(Task):
    """Plumbing around every stage task: log context, attempt counting, retries, dead letters.

    The subject of a task (its first argument) is a release id, or a delivery id
    for the deliver stage. Subclasses set ``stage``.
    """

    abstract = True
    stage: Stage
    # Where a release goes after this stage (None: the stage hands on by itself).
    next_stage: Stage | None = None
    _store: Store | None = None
    _settings: Settings | None = None
    _dispatcher: Dispatcher | None = None
    _failed_in_batch = 0  # releases of the running batch that failed (one task at a time)

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            type(self)._settings = get_settings()
        assert self._settings is not None
        return self._settings

    @property
    def store(self) -> Store:
        # Created lazily in each pool process: connections must not cross a fork.
        if self._store is None:
            type(self)._store = Store.from_url(self.settings.redis_url)
        assert self._store is not None
        return self._store

    @property
    def dispatcher(self) -> Dispatcher:
        if self._dispatcher is None:
            s = self.settings
            inbox = Inbox(self.store.r, claim_ttl=2 * s.visibility_timeout + s.task_time_limit)
            type(self)._dispatcher = Dispatcher(self.app, inbox)
        assert self._dispatcher is not None
        return self._dispatcher

    def hand_on(self, stage: Stage, release_ids: list[str]) -> None:
        self.dispatcher.hand_on(stage, release_ids)

    def process(self, release_id: str) -> bool:
        """The stage's work on one release: load, compute, save. True when the release is
        ready for ``next_stage``. Stages implement it; ``run`` and ``run_batch`` call it."""
        raise NotImplementedError

    def run_one(self, release_id: str) -> None:
        """The body of a task sent for one release (a re-send, a replay, a dissolved batch)."""
        if self.process(release_id) and self.next_stage is not None:
            self.hand_on(self.next_stage, [release_id])

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Never let a message be dropped because the store or the broker hiccupped.

        Celery rejects a message *without* requeueing when ``retry()`` cannot send the
        retry (the broker is down) and when a task fails with an exception, and on the
        Redis transport a rejected message is gone: a delivery lost for good, a release
        stuck until the stuck-release sweep. Found by the fault suite (Redis SIGKILLed
        mid-task); so such a message goes back to its queue instead. The attempt counter
        still bounds how often it comes back; if Redis is down even for the requeue, the
        message stays unacknowledged and the visibility timeout returns it.
        """
        try:
            if not args and not kwargs:
                return self._drained()
            return self._counted_call(*args, **kwargs)
        except Reject as rejected:
            if rejected.requeue:
                raise
            raise Reject(rejected.reason, requeue=True) from rejected
        except redis.RedisError as exc:
            raise Reject(f"store unreachable: {exc}", requeue=True) from exc

    def _counted_call(self, *args: Any, **kwargs: Any) -> Any:
        subject = str(args[0]) if args else ""
        task_id = self.request.id or "local"
        structlog.contextvars.clear_contextvars()
        subject_key = "delivery_id" if self.stage is Stage.DELIVER else "release_id"
        structlog.contextvars.bind_contextvars(
            **{subject_key: subject}, stage=self.stage.value, task_id=task_id
        )
        started = time.perf_counter()
        attempt = self.store.count_attempt(task_id)
        outcome = "ok"
        try:
            if attempt > self.settings.max_attempts:
                outcome = "dead-lettered"
                self.give_up(
                    subject, args, f"started {attempt - 1} times without finishing", attempt
                )
                return None
            if self.stage in RELEASE_STAGES:
                self.store.set_stage_state(subject, self.stage, "running", attempts=attempt)
            result = self.run(*args, **kwargs)
            self.store.clear_attempts(task_id)
            return result
        except InputError as exc:
            outcome = "rejected"
            self.store.clear_attempts(task_id)
            self.give_up(subject, args, f"{type(exc).__name__}: {exc}", attempt)
            return None
        except Exception as exc:
            if attempt >= self.settings.max_attempts:
                outcome = "dead-lettered"
                self.give_up(subject, args, f"{type(exc).__name__}: {exc}", attempt)
                return None
            outcome = "retry"
            log.warning("task.error", error=f"{type(exc).__name__}: {exc}", attempt=attempt)
            raise self.retry(
                exc=exc, countdown=min(RETRY_COUNTDOWN_CAP, 0.5 * 2**attempt), max_retries=None
            ) from exc
        finally:
            elapsed = time.perf_counter() - started
            log.info(
                "task.finished",
                task=self.name,
                outcome=outcome,
                attempt=attempt,
                duration_ms=round(elapsed * 1000, 2),
            )
            metrics.task_finished(self, subject, outcome, elapsed)
            structlog.contextvars.clear_contextvars()

    # ---- batches from the stage's inbox -------------------------------------------------

    def _drained(self) -> None:
        """A wake-up whose batch fails as a whole goes back to the queue, so that its second
        run dissolves the batch; dropped, its releases would wait for the in-flight sweep."""
        try:
            self._drain()
        except (Reject, redis.RedisError):
            raise
        except Exception as exc:
            log.warning("batch.failed", error=f"{type(exc).__name__}: {exc}")
            raise Reject(f"batch failed: {type(exc).__name__}: {exc}", requeue=True) from exc

    def _drain(self) -> None:
        """A wake-up: take a batch from the stage's inbox and run it.

        The same message handed out again means its first run died holding a batch; then
        each of those releases is sent on alone, so one that kills its worker is counted
        and dead-lettered by itself instead of taking its batch-mates down again."""
        task_id = self.request.id or "local"
        inbox = self.dispatcher.inbox
        assert inbox is not None
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(stage=self.stage.value, task_id=task_id)
        held = inbox.held_by(task_id)
        if held:
            for release_id in held:
                self.dispatcher.send(self.stage, release_id)
            inbox.let_go(task_id)
            log.warning("batch.dissolved", releases=len(held))
            return
        claim = inbox.claim(self.stage, task_id, self.settings.batch_size)
        if claim.wake_another:
            self.dispatcher.wake(self.stage)  # a backlog: let an idle process take the next batch
        if claim.release_ids:
            started = time.perf_counter()
            self.store.set_stage_states(claim.release_ids, self.stage, "running")
            self.run_batch(claim.release_ids)
            elapsed = time.perf_counter() - started
            log.info(
                "batch.finished",
                releases=len(claim.release_ids),
                duration_ms=round(elapsed * 1000, 2),
            )
            metrics.batch_finished(self, len(claim.release_ids), elapsed)
        inbox.let_go(task_id)
        structlog.contextvars.clear_contextvars()

    def run_batch(self, release_ids: list[str]) -> None:
        """Run a batch: by default each release in turn, then all that succeeded handed on
        together. Stages that gain from doing several releases at once override this."""
        done = [rid for rid in release_ids if self.isolated(rid, self.process, rid)]
        if done and self.next_stage is not None:
            self.hand_on(self.next_stage, done)

    def isolated(self, release_id: str, fn: Any, *args: Any) -> Any:
        """Run one release's part of a batch so that its failure stays its own: bad input
        dead-letters it, any other error sends it alone into the retrying path. A lost
        store connection fails the batch (its redelivery dissolves the batch)."""
        try:
            return fn(*args)
        except (redis.RedisError, Reject):
            raise
        except InputError as exc:
            self._failed_in_batch += 1
            self.give_up(release_id, (release_id,), f"{type(exc).__name__}: {exc}", 1)
            metrics.task_finished(self, release_id, "rejected", 0.0)
        except Exception as exc:
            error = f"{type(exc).__name__}: {exc}"
            self._failed_in_batch += 1
            log.warning("batch.release_failed", release_id=release_id, error=error)
            self.dispatcher.send(self.stage, release_id)
            metrics.task_finished(self, release_id, "retry", 0.0)
        return None

    def give_up(self, subject: str, args: tuple[Any, ...], reason: str, attempts: int) -> None:
        """Park the message in the dead-letter set, where an operator can list and replay it."""
        self.store.add_dead_letter(
            DeadLetter(
                key=f"{self.name}:{subject}",
                task=self.name,
                args=list(args),
                reason=reason,
                attempts=attempts,
                at=datetime.now(UTC),
            )
        )
        if self.stage in RELEASE_STAGES:
            self.store.fail_release(subject, self.stage, reason, attempts)
        log.error("task.dead_lettered", reason=reason, attempts=attempts)

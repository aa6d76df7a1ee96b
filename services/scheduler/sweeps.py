"""The periodic sweeps: what the scheduler does every ``PRESSROOM_SWEEP_INTERVAL`` seconds.

Times live in Redis sorted sets instead of Celery ETAs, because the Redis broker
redelivers any message still unacknowledged after its visibility timeout, and a
long ETA would be handed out again and again. Each sweep claims what is due by
pushing its time forward by a lease; the task that finishes the work removes it.
"""

from __future__ import annotations

from dataclasses import dataclass

from shared.dispatch import Dispatcher
from shared.logging import get_logger
from shared.store import Store
from shared.topology import INBOX_STAGES, Stage

log = get_logger("pressroom.scheduler")


@dataclass
class SweepReport:
    requeued_releases: int = 0
    due_deliveries: int = 0
    released_embargoes: int = 0
    woken_stages: int = 0

    @property
    def total(self) -> int:
        return (
            self.requeued_releases
            + self.due_deliveries
            + self.released_embargoes
            + self.woken_stages
        )


class Sweeper:
    def __init__(self, store: Store, dispatcher: Dispatcher, stuck_after: float, lease: float):
        self.store = store
        self.dispatcher = dispatcher
        self.stuck_after = stuck_after
        self.lease = lease

    def housekeeping(self, now: float) -> None:
        """Slow chores, every few minutes: trim statistics buckets to their window."""
        self.store.trim_stats(now)

    def sweep(self, now: float) -> SweepReport:
        report = SweepReport()
        for release_id, stage in self.store.claim_stuck_releases(now, self.stuck_after):
            if stage is None:
                self.store.forget_inflight(release_id)
                continue
            self.dispatcher.send(Stage(stage), release_id)
            report.requeued_releases += 1
            log.warning("release.requeued", release_id=release_id, stage=stage)
        for delivery_id in self.store.claim_due_deliveries(now, self.lease):
            self.dispatcher.send(Stage.DELIVER, delivery_id)
            report.due_deliveries += 1
        for release_id in self.store.due_embargoes(now, self.lease):
            self.dispatcher.send(Stage.PUBLISH, release_id)
            report.released_embargoes += 1
            log.info("release.embargo_lifted", release_id=release_id)
        for stage in INBOX_STAGES:
            # A wake-up lost with a crash stops counting after a while; then wake the stage.
            if self.dispatcher.wake_if_idle(stage):
                report.woken_stages += 1
        return report

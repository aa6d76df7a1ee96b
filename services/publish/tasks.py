"""Celery adapter of the publish stage: embargo check, fan-out into deliveries."""

from __future__ import annotations

from datetime import UTC, datetime

from shared.celery_app import StageTask, create_app
from shared.errors import NotFound
from shared.logging import get_logger
from shared.models import DeliveryStatus, EnrichedRelease, RawRelease
from shared.topology import Stage, route_for

from .core import is_embargoed, plan_deliveries

app = create_app("pressroom-publish")
log = get_logger("pressroom.publish")


class PublishTask(StageTask):
    stage = Stage.PUBLISH

    def process(self, release_id: str) -> bool:
        """Publish one release and send its fan-out; False when an embargo holds it."""
        store = self.store
        docs = store.load_release(release_id, {"enriched": EnrichedRelease, "raw": RawRelease})
        release, raw = docs["enriched"], docs["raw"]
        if not isinstance(release, EnrichedRelease) or not isinstance(raw, RawRelease):
            raise NotFound(f"release {release_id} has no enriched document to publish")
        now = datetime.now(UTC)
        embargo = raw.submission.embargo_until
        if is_embargoed(embargo, now):
            assert embargo is not None
            store.hold_for_embargo(release_id, embargo.timestamp())
            log.info("release.embargoed", release_id=release_id, until=embargo.isoformat())
            return False
        subscriptions = store.list_subscriptions()
        deliveries = plan_deliveries(release, subscriptions, now)
        first_attempt_by = now.timestamp() + self.settings.stuck_after
        if store.create_deliveries(deliveries, first_attempt_by):
            pending = deliveries  # all new: none attempted yet
        else:
            # Re-runs after a crash re-send deliveries that never got their first attempt.
            pending = [
                d
                for d in store.deliveries_for_release(release_id)
                if d.status is DeliveryStatus.PENDING and d.attempts == 0
            ]
        slugs = [c.slug for c in release.channels]
        if store.mark_published(release_id, now.timestamp(), slugs):
            # Feeds keep a bounded window (statistics are trimmed by the scheduler).
            oldest = now.timestamp() - self.settings.feed_window_days * 86400
            store.trim_channels(slugs, oldest, self.settings.feed_max_items)
        # One message carries the release's whole fan-out; the scheduler's retries go one
        # by one. Per release, not per batch: each subscription takes only a few attempts
        # at once, and a batch's fan-outs in one message would queue behind those slots.
        self.dispatcher.send_batch(Stage.DELIVER, [d.id for d in pending])
        log.info(
            "release.published",
            release_id=release_id,
            deliveries=len(deliveries),
            channels=sorted(release.channel_slugs()),
        )
        return True


@app.task(name=route_for(Stage.PUBLISH).task, base=PublishTask, bind=True)
def run(self: PublishTask, release_id: str) -> None:
    """One release; called with no release id, a wake-up that takes a batch from the inbox."""
    self.run_one(release_id)

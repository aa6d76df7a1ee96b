"""The API's submission path, for the other sources: store the raw release, then queue it.

Stored first, queued second: if the send fails, the scheduler finds the release past its
deadline in ``pr:inflight`` and queues it (as for the API). The release id comes from the
external id, so a re-submission of the same content is recognised and not queued twice.
"""

from __future__ import annotations

from datetime import UTC, datetime

from shared import ids
from shared.dispatch import Dispatcher
from shared.logging import get_logger
from shared.metrics import RELEASES_ACCEPTED
from shared.models import RawRelease, Submission
from shared.store import Store
from shared.topology import Stage

log = get_logger("pressroom.sources")


def accept(
    store: Store,
    dispatcher: Dispatcher,
    submission: Submission,
    stuck_after: float,
    source: str,
    producer: str | None = None,
) -> tuple[str, bool]:
    """Returns the release id and whether it is new (False: submitted before)."""
    raw = RawRelease(
        id=ids.release_id(submission.external_id, producer),
        submission=submission,
        received_at=datetime.now(UTC),
        producer=producer,
    )
    created = store.create_release(raw, stuck_after)
    if created:
        try:
            dispatcher.hand_on(Stage.PARSE, [raw.id])
        except Exception as exc:
            log.warning("source.enqueue_deferred", release_id=raw.id, error=str(exc))
        RELEASES_ACCEPTED.labels(source).inc()
        log.info("release.accepted", release_id=raw.id, source=source)
    return raw.id, created

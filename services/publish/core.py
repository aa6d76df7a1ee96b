"""Which subscriptions get a release, and the deliveries that follow (pure)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from shared import ids
from shared.models import Delivery, EnrichedRelease, Subscription


def is_embargoed(embargo_until: datetime | None, now: datetime) -> bool:
    """True while the release must not go out; an embargo in the past means now."""
    return embargo_until is not None and embargo_until > now


def matching_subscriptions(
    release: EnrichedRelease, subscriptions: Iterable[Subscription]
) -> list[Subscription]:
    """Active subscriptions that share at least one channel with the release."""
    slugs = release.channel_slugs()
    return [s for s in subscriptions if s.active and slugs.intersection(s.channels)]


def plan_deliveries(
    release: EnrichedRelease, subscriptions: Iterable[Subscription], now: datetime
) -> list[Delivery]:
    """One delivery per matching subscription, with the deterministic delivery id."""
    return [
        Delivery(
            id=ids.delivery_id(release.id, sub.id),
            release_id=release.id,
            subscription_id=sub.id,
            url=sub.url,
            created_at=now,
        )
        for sub in matching_subscriptions(release, subscriptions)
    ]

"""Which subscriptions get a release, and the deliveries that follow (pure)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from shared import ids
from shared.models import Delivery, EnrichedRelease, Subscription, SubscriptionFilters


def is_embargoed(embargo_until: datetime | None, now: datetime) -> bool:
    """True while the release must not go out; an embargo in the past means now."""
    return embargo_until is not None and embargo_until > now


def release_countries(release: EnrichedRelease) -> set[str]:
    countries = {e.ids["iso3166"][:2].upper() for e in release.entities if "iso3166" in e.ids}
    if release.dateline.country:
        countries.add(release.dateline.country.upper())
    return countries


def passes_filters(release: EnrichedRelease, filters: SubscriptionFilters) -> bool:
    """Every filter given must hold; within one filter any value may match."""
    if filters.languages and (release.language or "").lower() not in {
        lang.lower() for lang in filters.languages
    }:
        return False
    if filters.countries and not release_countries(release) & {
        c.upper() for c in filters.countries
    }:
        return False
    if filters.entities:
        names = {e.name.casefold() for e in release.entities}
        if not names & {n.casefold() for n in filters.entities}:
            return False
    if filters.keywords:
        text = f"{release.headline}\n{release.body_text}".casefold()
        if not any(k.casefold() in text for k in filters.keywords):
            return False
    return True


def matching_subscriptions(
    release: EnrichedRelease, subscriptions: Iterable[Subscription]
) -> list[Subscription]:
    """Active subscriptions that share a channel with the release and whose filters pass."""
    slugs = release.channel_slugs()
    return [
        s
        for s in subscriptions
        if s.active and slugs.intersection(s.channels) and passes_filters(release, s.filters)
    ]


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

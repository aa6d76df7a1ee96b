"""Subscriptions: webhooks with their channels, filters, signing secrets and delivery logs."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from pydantic import AwareDatetime, BaseModel, Field

from shared import ids
from shared.errors import InputError, NotFound
from shared.logging import get_logger
from shared.models import (
    Delivery,
    DeliveryStatus,
    Subscription,
    SubscriptionPatch,
    SubscriptionRequest,
)
from shared.secrets import SigningSecrets, new_webhook_secret
from shared.taxonomy import Taxonomy

from ..auth import require
from ..deps import Deps, get_deps
from .common import ERRORS

log = get_logger("pressroom.api")
router = APIRouter(
    prefix="/v1/subscriptions", tags=["subscriptions"], dependencies=[Depends(require("admin"))]
)
DepsParam = Annotated[Deps, Depends(get_deps)]


class SubscriptionCreated(Subscription):
    secret: str = Field(description="The signing secret; shown once, here.")


class SecretRotated(BaseModel):
    id: str
    secret: str
    previous_valid_until: datetime


class ReplayRequest(BaseModel):
    since: AwareDatetime
    status: DeliveryStatus = DeliveryStatus.FAILED


class Replayed(BaseModel):
    replayed: int


def channel_slugs(taxonomy: Taxonomy, names: list[str]) -> list[str]:
    unknown = taxonomy.unknown(names)
    if unknown:
        raise InputError("unknown channel(s): " + ", ".join(repr(u) for u in unknown))
    return sorted({c.slug for c in map(taxonomy.resolve, names) if c is not None})


def existing(deps: Deps, sub_id: str) -> Subscription:
    sub = deps.store.get_subscription(sub_id)
    if sub is None:
        raise NotFound(f"no subscription {sub_id!r}")
    return sub


@router.post("", status_code=201, response_model=SubscriptionCreated, responses=ERRORS)
def create_subscription(request: SubscriptionRequest, deps: DepsParam) -> SubscriptionCreated:
    sub = Subscription(
        id=ids.subscription_id(),
        url=str(request.url),
        channels=channel_slugs(deps.taxonomy, request.channels),
        filters=request.filters,
        description=request.description,
        created_at=datetime.now(UTC),
    )
    secret = new_webhook_secret()
    # The secret first: a subscription must never exist without one to sign with.
    deps.store.save_sealed_secrets(sub.id, deps.box.seal(SigningSecrets(current=secret)))
    deps.store.save_subscription(sub)
    log.info("subscription.created", subscription_id=sub.id, channels=sub.channels)
    return SubscriptionCreated(**sub.model_dump(), secret=secret)


@router.get("", response_model=list[Subscription], responses=ERRORS)
def list_subscriptions(deps: DepsParam) -> list[Subscription]:
    return deps.store.list_subscriptions()


@router.get("/{sub_id}", response_model=Subscription, responses=ERRORS)
def get_subscription(sub_id: str, deps: DepsParam) -> Subscription:
    return existing(deps, sub_id)


@router.patch("/{sub_id}", response_model=Subscription, responses=ERRORS)
def patch_subscription(sub_id: str, patch: SubscriptionPatch, deps: DepsParam) -> Subscription:
    sub = existing(deps, sub_id)
    changes = patch.model_dump(exclude_unset=True)
    if "url" in changes:
        sub.url = str(patch.url)
    if patch.channels is not None:
        sub.channels = channel_slugs(deps.taxonomy, patch.channels)
    if patch.filters is not None:
        sub.filters = patch.filters
    if "description" in changes:
        sub.description = patch.description
    if patch.active is not None:
        sub.active = patch.active
        if patch.active:  # re-enabled by an operator: forget the failure streak
            sub.disabled_reason = None
            deps.store.record_delivery_success(sub.id)
    deps.store.save_subscription(sub)
    return sub


@router.delete("/{sub_id}", status_code=204, responses=ERRORS)
def delete_subscription(sub_id: str, deps: DepsParam) -> Response:
    if not deps.store.delete_subscription(sub_id):
        raise NotFound(f"no subscription {sub_id!r}")
    return Response(status_code=204)


@router.post("/{sub_id}/rotate-secret", response_model=SecretRotated, responses=ERRORS)
def rotate_secret(sub_id: str, deps: DepsParam) -> SecretRotated:
    existing(deps, sub_id)
    sealed = deps.store.load_sealed_secrets(sub_id)
    if sealed is None:
        raise NotFound(f"subscription {sub_id!r} has no secret")
    old = deps.box.open(sealed)
    until = time.time() + deps.settings.secret_rotation_grace
    new = SigningSecrets(current=new_webhook_secret(), previous=old.current, previous_until=until)
    deps.store.save_sealed_secrets(sub_id, deps.box.seal(new))
    log.info("subscription.secret_rotated", subscription_id=sub_id)
    return SecretRotated(
        id=sub_id, secret=new.current, previous_valid_until=datetime.fromtimestamp(until, UTC)
    )


@router.get("/{sub_id}/deliveries", response_model=list[Delivery], responses=ERRORS)
def delivery_log(
    sub_id: str,
    deps: DepsParam,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[Delivery]:
    """This subscription's deliveries, newest first: status, attempts, last code and latency."""
    existing(deps, sub_id)
    return deps.store.deliveries_for_subscription(sub_id, limit)


def _replay(deps: Deps, delivery: Delivery) -> None:
    """Send again under the same webhook-id; the scheduler picks it up on its next sweep."""
    delivery.status = DeliveryStatus.PENDING
    delivery.attempts = 0
    delivery.next_attempt_at = datetime.now(UTC)
    deps.store.save_delivery(delivery)


@router.post("/{sub_id}/deliveries/{delivery_id}/replay", response_model=Replayed, responses=ERRORS)
def replay_one(sub_id: str, delivery_id: str, deps: DepsParam) -> Replayed:
    existing(deps, sub_id)
    delivery = deps.store.get_delivery(delivery_id)
    if delivery is None or delivery.subscription_id != sub_id:
        raise NotFound(f"no delivery {delivery_id!r} for subscription {sub_id!r}")
    _replay(deps, delivery)
    return Replayed(replayed=1)


@router.post("/{sub_id}/replay", response_model=Replayed, responses=ERRORS)
def replay_since(sub_id: str, request: ReplayRequest, deps: DepsParam) -> Replayed:
    """Replay every delivery in ``status`` (default failed) created since a time."""
    existing(deps, sub_id)
    deliveries = deps.store.deliveries_for_subscription(
        sub_id, limit=100_000, since=request.since.timestamp()
    )
    chosen = [d for d in deliveries if d.status is request.status]
    for delivery in chosen:
        _replay(deps, delivery)
    return Replayed(replayed=len(chosen))

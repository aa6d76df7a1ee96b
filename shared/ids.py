"""Deterministic identifiers, so a re-run of any stage writes the same keys."""

from __future__ import annotations

import hashlib
import secrets


def _digest(*parts: str, length: int = 24) -> str:
    h = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return h[:length]


def release_id(external_id: str | None, producer: str | None = None) -> str:
    """Same producer + external id -> same release id; otherwise a fresh random id."""
    if external_id:
        return "rel_" + _digest("release", producer or "", external_id)
    return "rel_" + secrets.token_hex(12)


def delivery_id(release: str, subscription: str) -> str:
    """Standard Webhooks ``webhook-id``: stable for a release and subscription."""
    return "msg_" + _digest("delivery", release, subscription)


def subscription_id() -> str:
    return "sub_" + secrets.token_hex(12)

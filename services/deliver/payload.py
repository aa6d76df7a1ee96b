"""The bytes a subscriber receives for a release (pure)."""

from __future__ import annotations

import json
from typing import Any

from shared.models import EnrichedRelease

PAYLOAD_VERSION = "pressroom.release.v1"


def render_payload(release: EnrichedRelease, delivery_id: str, subscription_id: str) -> bytes:
    """Compact JSON: the enriched release with an envelope naming the delivery."""
    document: dict[str, Any] = {
        "type": PAYLOAD_VERSION,
        "delivery_id": delivery_id,
        "subscription_id": subscription_id,
        "release": release.model_dump(mode="json"),
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

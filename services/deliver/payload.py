"""The bytes a subscriber receives for a release (pure)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from shared.models import EnrichedRelease
from shared.ninjs import ENVELOPE_TYPE, extensions, to_ninjs


def render_payload(
    release: EnrichedRelease,
    delivery_id: str,
    subscription_id: str,
    first_created: datetime,
    published: datetime,
    embargoed: datetime | None = None,
    external_id: str | None = None,
) -> bytes:
    """Compact UTF-8 JSON: the release in ninjs, with pressroom's extensions beside it."""
    document: dict[str, Any] = {
        "type": ENVELOPE_TYPE,
        "delivery_id": delivery_id,
        "subscription_id": subscription_id,
        "ninjs": to_ninjs(release, first_created, published, embargoed, external_id),
        "pressroom": extensions(release),
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

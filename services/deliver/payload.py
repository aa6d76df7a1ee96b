"""The bytes a subscriber receives for a release (pure).

Everything but two ids is the same for every subscriber of a release, so the release's
part is rendered once (``release_fragment``) and each delivery only wraps it in its
envelope (``envelope``). ``render_payload`` is the two together: the same bytes as one
``json.dumps`` of the whole document.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from shared.models import EnrichedRelease
from shared.ninjs import ENVELOPE_TYPE, extensions, to_ninjs


def _compact(document: dict[str, Any]) -> bytes:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def release_fragment(
    release: EnrichedRelease,
    first_created: datetime,
    published: datetime,
    embargoed: datetime | None = None,
    external_id: str | None = None,
) -> bytes:
    """``"ninjs":{...},"pressroom":{...}``: the release in ninjs, pressroom's extensions
    beside it, as members of the envelope object (without its braces)."""
    document = {
        "ninjs": to_ninjs(release, first_created, published, embargoed, external_id),
        "pressroom": extensions(release),
    }
    return _compact(document)[1:-1]


def envelope(fragment: bytes, delivery_id: str, subscription_id: str) -> bytes:
    """One subscriber's payload: compact UTF-8 JSON, its ids first, then the release."""
    head = _compact(
        {"type": ENVELOPE_TYPE, "delivery_id": delivery_id, "subscription_id": subscription_id}
    )
    return head[:-1] + b"," + fragment + b"}"


def render_payload(
    release: EnrichedRelease,
    delivery_id: str,
    subscription_id: str,
    first_created: datetime,
    published: datetime,
    embargoed: datetime | None = None,
    external_id: str | None = None,
) -> bytes:
    fragment = release_fragment(release, first_created, published, embargoed, external_id)
    return envelope(fragment, delivery_id, subscription_id)

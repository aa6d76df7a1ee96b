"""Standard Webhooks signatures (pure): ``v1,`` + base64(HMAC-SHA256(key, id.timestamp.body)).

Several secrets sign at once during a rotation; the header then holds one
space-separated ``v1,`` entry per secret, and receivers accept any that verifies.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

from shared.secrets import secret_key_bytes


def signature(secret: str, msg_id: str, timestamp: int, body: bytes) -> str:
    signed = f"{msg_id}.{timestamp}.".encode() + body
    digest = hmac.new(secret_key_bytes(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def webhook_headers(secrets: list[str], msg_id: str, timestamp: int, body: bytes) -> dict[str, str]:
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": " ".join(signature(s, msg_id, timestamp, body) for s in secrets),
    }

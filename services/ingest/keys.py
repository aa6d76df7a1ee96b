"""Producer API keys: made random, shown once, stored as digests, scoped, revocable.

A key reads ``prk_<id>_<secret>``: the id finds the record, the secret (32 random
bytes) is checked against its SHA-256 digest in constant time. A fast digest is
enough because the secret has full entropy; nothing that could recover it is
stored. Scopes: ``submit`` (post releases, to ``channels`` or any with ``*``),
``read`` (release status), ``admin`` (everything, including subscriptions and keys).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
from datetime import UTC, datetime
from typing import Literal, cast

from pydantic import BaseModel, Field

from shared.store import PREFIX, Store

Scope = Literal["submit", "read", "admin"]
SCOPES: tuple[Scope, ...] = ("submit", "read", "admin")
API_KEYS = PREFIX + "apikeys"
TOKEN = re.compile(r"^prk_([0-9a-f]{12})_([A-Za-z0-9_-]{40,})$")

# Sliding-window log per key: timestamps of recent requests in a sorted set.
_RATE_LIMIT = """
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - ARGV[2])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return tostring(oldest[2] + ARGV[2] - ARGV[1])
end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
redis.call('EXPIRE', KEYS[1], math.ceil(ARGV[2]) + 1)
return ''
"""


class ApiKey(BaseModel):
    id: str
    producer: str = Field(min_length=1, max_length=100)
    scopes: list[Scope]
    channels: list[str] = Field(default_factory=lambda: ["*"])
    created_at: datetime
    revoked_at: datetime | None = None
    digest: str = Field(exclude=True, default="")

    def allows(self, scope: Scope) -> bool:
        return self.revoked_at is None and ("admin" in self.scopes or scope in self.scopes)

    def may_post_to(self, slug: str) -> bool:
        return "admin" in self.scopes or "*" in self.channels or slug in self.channels


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_token() -> tuple[str, str, str]:
    """(key id, the whole key to hand out, its digest to keep)."""
    key_id = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    return key_id, f"prk_{key_id}_{secret}", digest(secret)


class KeyStore:
    def __init__(self, store: Store) -> None:
        self.r = store.r
        self._rate_limit = self.r.register_script(_RATE_LIMIT)

    def create(
        self, producer: str, scopes: list[Scope], channels: list[str] | None = None
    ) -> tuple[ApiKey, str]:
        key_id, token, kept = new_token()
        record = ApiKey(
            id=key_id,
            producer=producer,
            scopes=sorted(set(scopes)),
            channels=channels or ["*"],
            created_at=datetime.now(UTC),
            digest=kept,
        )
        self._save(record)
        return record, token

    def _save(self, record: ApiKey) -> None:
        # ``digest`` never leaves in API answers (excluded from dumps) but is stored.
        stored = record.model_dump(mode="json") | {"digest": record.digest}
        self.r.hset(API_KEYS, record.id, json.dumps(stored))

    def get(self, key_id: str) -> ApiKey | None:
        raw = cast(str | None, self.r.hget(API_KEYS, key_id))
        return ApiKey.model_validate_json(raw) if raw else None

    def verify(self, token: str) -> ApiKey | None:
        match = TOKEN.match(token)
        if not match:
            return None
        record = self.get(match.group(1))
        if record is None or record.revoked_at is not None:
            return None
        return record if hmac.compare_digest(record.digest, digest(match.group(2))) else None

    def list(self) -> list[ApiKey]:
        keys = [ApiKey.model_validate_json(v) for v in cast(list[str], self.r.hvals(API_KEYS))]
        return sorted(keys, key=lambda k: k.created_at)

    def revoke(self, key_id: str) -> ApiKey | None:
        record = self.get(key_id)
        if record is None:
            return None
        if record.revoked_at is None:
            record.revoked_at = datetime.now(UTC)
            self._save(record)
        return record

    def take(self, key_id: str, limit: int, window: float, now: float) -> float | None:
        """Count one request; None if allowed, else seconds until one would be."""
        member = f"{now!r}:{secrets.token_hex(4)}"
        wait = self._rate_limit(
            keys=[f"{PREFIX}ratelimit:{key_id}"], args=[now, window, limit, member]
        )
        return float(wait) if wait else None

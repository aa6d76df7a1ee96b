"""Who is calling: API keys from ``Authorization: Bearer``, their scopes and rate limit.

Routes declare what they need with ``Depends(require("admin"))`` and get the key's
record back; a missing or bad key is a 401, a key without the scope a 403, and a
key past its per-minute budget (shared by every API process, kept in Redis) a 429
with ``Retry-After``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from shared.errors import Forbidden, RateLimited, Unauthorized

from .deps import Deps, get_deps
from .keys import ApiKey, Scope

bearer = HTTPBearer(auto_error=False, description="An API key: prk_…")
RATE_WINDOW = 60.0


def authenticate(deps: Deps, credentials: HTTPAuthorizationCredentials | None) -> ApiKey:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthorized("missing API key: send 'Authorization: Bearer <key>'")
    key = deps.keys.verify(credentials.credentials.strip())
    if key is None:
        raise Unauthorized("invalid or revoked API key")
    wait = deps.keys.take(key.id, deps.settings.rate_limit_per_minute, RATE_WINDOW, time.time())
    if wait is not None:
        raise RateLimited(wait)
    return key


def require(*scopes: Scope) -> Callable[..., ApiKey]:
    """A dependency admitting keys that hold any of ``scopes`` (admin holds all)."""

    def dependency(
        request: Request,
        deps: Annotated[Deps, Depends(get_deps)],
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> ApiKey:
        key = authenticate(deps, credentials)
        if not any(key.allows(s) for s in scopes):
            raise Forbidden(f"this key lacks the {' or '.join(scopes)} scope")
        request.state.producer = key.producer
        return key

    return dependency

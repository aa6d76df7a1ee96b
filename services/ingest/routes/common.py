"""Response documentation shared by the routes."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


class ErrorBody(BaseModel):
    error: str
    type: str


ERRORS: dict[int | str, dict[str, Any]] = {
    # 401/403/429 come from the key check and the rate limit, in front of every route.
    code: {"model": ErrorBody}
    for code in (400, 401, 403, 404, 409, 413, 415, 422, 429, 503)
}

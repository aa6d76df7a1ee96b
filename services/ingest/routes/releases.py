"""Submitting releases and reading their state."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from shared import ids
from shared.errors import Forbidden, NotFound, PayloadTooLarge, PressroomError
from shared.logging import get_logger
from shared.models import EnrichedRelease, RawRelease
from shared.ninjs import to_ninjs
from shared.topology import Stage

from ..auth import authenticate, bearer, require
from ..deps import Deps, get_deps
from ..intake import check_declared_channels, submission_from_body
from ..keys import ApiKey
from .common import ERRORS

log = get_logger("pressroom.api")
router = APIRouter()

SUBMISSION_BODY_DOC: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/Submission"}},
            "text/plain": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}},
            "text/markdown": {"schema": {"type": "string"}},
        },
    }
}


class Accepted(BaseModel):
    id: str
    status_url: str
    duplicate: bool = False


class NotPublished(PressroomError):
    status_code = 409


async def read_bounded(request: Request, limit: int) -> bytes:
    """The body, refused as soon as it passes ``limit`` bytes (not only by Content-Length)."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(f"body of {declared} bytes is over the limit of {limit} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(f"body is over the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


@router.post(
    "/v1/releases",
    status_code=202,
    response_model=Accepted,
    responses=ERRORS,
    openapi_extra=SUBMISSION_BODY_DOC,
)
async def submit_release(
    request: Request,
    deps: Annotated[Deps, Depends(get_deps)],
    key: Annotated[ApiKey, Depends(require("submit"))],
    idempotency_key: Annotated[
        str | None,
        Header(max_length=200, description="Retries with the same key get the same release."),
    ] = None,
) -> JSONResponse:
    data = await read_bounded(request, deps.settings.max_body_bytes)
    submission = submission_from_body(data, request.headers.get("content-type"))
    check_declared_channels(submission, deps.taxonomy)
    for name in submission.channels:
        channel = deps.taxonomy.resolve(name)
        if channel is not None and not key.may_post_to(channel.slug):
            raise Forbidden(f"this key may not post to the channel {channel.name!r}")
    raw = RawRelease(
        id=ids.release_id(idempotency_key or submission.external_id, key.producer),
        submission=submission,
        received_at=datetime.now(UTC),
        producer=key.producer,
    )
    content_key = f"{key.producer}:{hashlib.sha256(data).hexdigest()}"
    release_id, created = await run_in_threadpool(
        deps.store.submit_release,
        raw,
        deps.settings.stuck_after,
        content_key,
        deps.settings.duplicate_window,
    )
    if created:
        # Stored first, then queued: if the send fails, the scheduler sends it later.
        try:
            await run_in_threadpool(deps.dispatcher.hand_on, Stage.PARSE, [raw.id])
        except Exception as exc:  # the release is safe in the store
            log.warning("api.enqueue_deferred", release_id=raw.id, error=str(exc))
        log.info("release.accepted", release_id=raw.id, bytes=len(data))
    body = Accepted(
        id=release_id,
        status_url=str(request.url_for("release_status", release_id=release_id)),
        duplicate=not created,
    )
    return JSONResponse(body.model_dump(), status_code=202)


@router.get("/v1/releases/{release_id}", name="release_status", responses=ERRORS)
def release_status(
    release_id: str,
    deps: Annotated[Deps, Depends(get_deps)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    format: Annotated[Literal["status", "ninjs"], Query()] = "status",
) -> dict[str, Any]:
    """The release's state per stage and documents so far (needs a key), or, with
    ``format=ninjs``, the published release, which is public like the feeds."""
    if format == "ninjs":
        return ninjs_document(deps, release_id)
    key = authenticate(deps, credentials)
    if not (key.allows("read") or key.allows("submit")):
        raise Forbidden("this key lacks the read scope")
    view = deps.store.release_view(release_id)
    if view is None:
        raise NotFound(f"no release {release_id!r}")
    return view


def ninjs_document(deps: Deps, release_id: str) -> dict[str, Any]:
    published = deps.store.published_at(release_id)
    raw = deps.store.load_raw(release_id)
    if raw is None:
        raise NotFound(f"no release {release_id!r}")
    if published is None:
        raise NotPublished(f"release {release_id!r} is not published (yet)")
    release = deps.store.load_document(release_id, "enriched", EnrichedRelease)
    assert release is not None  # published implies enriched
    return to_ninjs(
        release,
        raw.received_at,
        datetime.fromtimestamp(published, UTC),
        raw.submission.embargo_until,
        raw.submission.external_id,
    )

"""The HTTP API (FastAPI): submit releases, read their state, manage subscriptions.

Thin adapter: the request is read (bounded), turned into a Submission by the
pure ``intake`` module, stored, and handed to parse by task name.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import redis
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from shared import ids
from shared.celery_app import create_app
from shared.dispatch import Dispatcher
from shared.errors import InputError, NotFound, PayloadTooLarge, PressroomError
from shared.logging import get_logger
from shared.models import RawRelease, Subscription, SubscriptionRequest
from shared.settings import Settings, get_settings
from shared.store import Store
from shared.taxonomy import Taxonomy, load_taxonomy
from shared.topology import Stage

from .intake import check_declared_channels, submission_from_body

log = get_logger("pressroom.api")

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


class ErrorBody(BaseModel):
    error: str
    type: str


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (400, 404, 413, 415, 422, 503)
}


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


def create_api(
    settings: Settings | None = None,
    store: Store | None = None,
    dispatcher: Dispatcher | None = None,
    taxonomy: Taxonomy | None = None,
) -> FastAPI:
    s = settings or get_settings()
    store = store or Store.from_url(s.redis_url)
    dispatcher = dispatcher or Dispatcher(create_app("pressroom-api", settings=s))
    taxonomy = taxonomy or load_taxonomy()
    api = FastAPI(
        title="pressroom",
        version="0.1.0",
        description="Submit press releases, follow them through the pipeline, manage subscribers.",
    )

    @api.exception_handler(PressroomError)
    async def _pressroom_error(_request: Request, exc: PressroomError) -> JSONResponse:
        status = getattr(exc, "status_code", 400)
        return JSONResponse({"error": str(exc), "type": type(exc).__name__}, status_code=status)

    @api.exception_handler(RequestValidationError)
    async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err["loc"] if p != "body") or "body"
            parts.append(f"{where}: {err['msg']}")
        return JSONResponse({"error": "; ".join(parts), "type": "InputError"}, status_code=422)

    @api.exception_handler(redis.RedisError)
    async def _redis_down(_request: Request, exc: redis.RedisError) -> JSONResponse:
        log.error("api.redis_error", error=str(exc))
        return JSONResponse(
            {"error": "the store is unavailable; retry later", "type": "Unavailable"},
            status_code=503,
            headers={"Retry-After": "5"},
        )

    @api.get("/healthz")
    def healthz() -> JSONResponse:
        try:
            store.ping()
        except redis.RedisError as exc:
            return JSONResponse({"status": "unavailable", "redis": str(exc)}, status_code=503)
        return JSONResponse({"status": "ok", "redis": "ok"})

    @api.post(
        "/v1/releases",
        status_code=202,
        response_model=Accepted,
        responses=ERRORS,
        openapi_extra=SUBMISSION_BODY_DOC,
    )
    async def submit_release(request: Request) -> JSONResponse:
        data = await read_bounded(request, s.max_body_bytes)
        submission = submission_from_body(data, request.headers.get("content-type"))
        check_declared_channels(submission, taxonomy)
        raw = RawRelease(
            id=ids.release_id(submission.external_id),
            submission=submission,
            received_at=datetime.now(UTC),
        )
        created = await run_in_threadpool(store.create_release, raw, s.stuck_after)
        if created:
            # Stored first, then queued: if the send fails the scheduler re-sends it.
            try:
                await run_in_threadpool(dispatcher.send, Stage.PARSE, raw.id)
            except Exception as exc:
                log.warning("api.enqueue_deferred", release_id=raw.id, error=str(exc))
            log.info("release.accepted", release_id=raw.id, bytes=len(data))
        body = Accepted(
            id=raw.id,
            status_url=str(request.url_for("release_status", release_id=raw.id)),
            duplicate=not created,
        )
        return JSONResponse(body.model_dump(), status_code=202)

    @api.get("/v1/releases/{release_id}", name="release_status", responses=ERRORS)
    def release_status(release_id: str) -> dict[str, Any]:
        view = store.release_view(release_id)
        if view is None:
            raise NotFound(f"no release {release_id!r}")
        return view

    @api.post("/v1/subscriptions", status_code=201, response_model=Subscription, responses=ERRORS)
    def create_subscription(request: SubscriptionRequest) -> Subscription:
        unknown = taxonomy.unknown(request.channels)
        if unknown:
            raise InputError("unknown channel(s): " + ", ".join(repr(u) for u in unknown))
        slugs = [c.slug for c in map(taxonomy.resolve, request.channels) if c is not None]
        sub = Subscription(
            id=ids.subscription_id(),
            url=str(request.url),
            channels=sorted(set(slugs)),
            description=request.description,
            created_at=datetime.now(UTC),
        )
        store.save_subscription(sub)
        log.info("subscription.created", subscription_id=sub.id, channels=sub.channels)
        return sub

    @api.get("/v1/subscriptions", response_model=list[Subscription])
    def list_subscriptions() -> list[Subscription]:
        return store.list_subscriptions()

    @api.get("/v1/subscriptions/{sub_id}", response_model=Subscription, responses=ERRORS)
    def get_subscription(sub_id: str) -> Subscription:
        sub = store.get_subscription(sub_id)
        if sub is None:
            raise NotFound(f"no subscription {sub_id!r}")
        return sub

    @api.delete("/v1/subscriptions/{sub_id}", status_code=204, responses=ERRORS)
    def delete_subscription(sub_id: str) -> Response:
        if not store.delete_subscription(sub_id):
            raise NotFound(f"no subscription {sub_id!r}")
        return Response(status_code=204)

    @api.get("/v1/channels")
    def list_channels() -> list[dict[str, Any]]:
        return [
            {"slug": c.slug, "name": c.name, "kind": c.kind, "iptc": c.iptc}
            for c in sorted(taxonomy.channels.values(), key=lambda c: (c.kind, c.slug))
        ]

    return api

"""The HTTP API (FastAPI): submit releases, follow them, manage subscriptions, pull channels.

Thin adapter: requests are read (bounded), turned into documents by the pure
modules (``intake``, ``feeds``), stored, and handed on by task name. Routes live in
``routes/``, one module per resource; what they need comes from ``deps``.
"""

from __future__ import annotations

import redis
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from shared.celery_app import create_app
from shared.dispatch import Dispatcher
from shared.errors import PressroomError
from shared.inbox import Inbox
from shared.logging import get_logger
from shared.secrets import SecretKeyMissing
from shared.settings import Settings, get_settings
from shared.store import Store
from shared.taxonomy import Taxonomy, load_taxonomy

from .deps import Deps
from .keys import KeyStore
from .metrics import instrument
from .routes import channels, keys, releases, subscriptions

log = get_logger("pressroom.api")


def create_api(
    settings: Settings | None = None,
    store: Store | None = None,
    dispatcher: Dispatcher | None = None,
    taxonomy: Taxonomy | None = None,
) -> FastAPI:
    s = settings or get_settings()
    api = FastAPI(
        title="pressroom",
        version="0.1.0",
        description="Submit press releases, follow them, manage subscribers, pull channels.",
    )
    store = store or Store.from_url(s.redis_url)
    api.state.deps = Deps(
        settings=s,
        store=store,
        dispatcher=dispatcher
        or Dispatcher(create_app("pressroom-api", settings=s), Inbox(store.r)),
        taxonomy=taxonomy or load_taxonomy(),
        keys=KeyStore(store),
    )
    api.include_router(releases.router)
    api.include_router(subscriptions.router)
    api.include_router(channels.router)
    api.include_router(keys.router)
    instrument(api, api.state.deps.store.r)

    @api.exception_handler(SecretKeyMissing)
    async def _no_key(_request: Request, exc: SecretKeyMissing) -> JSONResponse:
        log.error("api.secret_key_missing", error=str(exc))
        return JSONResponse({"error": str(exc), "type": "Unavailable"}, status_code=503)

    @api.exception_handler(PressroomError)
    async def _pressroom_error(_request: Request, exc: PressroomError) -> JSONResponse:
        status = getattr(exc, "status_code", 400)
        headers = getattr(exc, "headers", None)
        return JSONResponse(
            {"error": str(exc), "type": type(exc).__name__}, status_code=status, headers=headers
        )

    @api.exception_handler(StarletteHTTPException)
    async def _http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        # Unknown paths, wrong methods: the same error shape as everything else.
        return JSONResponse(
            {"error": str(exc.detail), "type": "HTTPError"},
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )

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
            api.state.deps.store.ping()
        except redis.RedisError as exc:
            return JSONResponse({"status": "unavailable", "redis": str(exc)}, status_code=503)
        return JSONResponse({"status": "ok", "redis": "ok"})

    return api

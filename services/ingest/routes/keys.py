"""Producer API keys (admin scope): create (shown once), list, revoke."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from shared.errors import InputError, NotFound

from ..auth import require
from ..deps import Deps, get_deps
from ..keys import ApiKey, Scope
from .common import ERRORS

router = APIRouter(prefix="/v1/keys", tags=["keys"], dependencies=[Depends(require("admin"))])
DepsParam = Annotated[Deps, Depends(get_deps)]
DEFAULT_SCOPES: tuple[Scope, ...] = ("submit", "read")


class KeyRequest(BaseModel):
    producer: str = Field(min_length=1, max_length=100)
    scopes: list[Scope] = Field(default_factory=lambda: list(DEFAULT_SCOPES), min_length=1)
    channels: list[str] = Field(
        default_factory=lambda: ["*"], max_length=200, description="Channels it may post to."
    )


class KeyCreated(ApiKey):
    key: str = Field(description="The key itself; shown once, here.")


@router.post("", status_code=201, response_model=KeyCreated, responses=ERRORS)
def create_key(request: KeyRequest, deps: DepsParam) -> KeyCreated:
    slugs = ["*"] if "*" in request.channels else []
    for name in request.channels:
        if name == "*":
            continue
        channel = deps.taxonomy.resolve(name)
        if channel is None:
            raise InputError(f"channels: unknown channel {name!r}")
        slugs.append(channel.slug)
    record, token = deps.keys.create(request.producer, list(request.scopes), sorted(set(slugs)))
    return KeyCreated(**record.model_dump(), key=token)


@router.get("", response_model=list[ApiKey], responses=ERRORS)
def list_keys(deps: DepsParam) -> list[ApiKey]:
    return deps.keys.list()


@router.delete("/{key_id}", response_model=ApiKey, responses=ERRORS)
def revoke_key(key_id: str, deps: DepsParam) -> ApiKey:
    record = deps.keys.revoke(key_id)
    if record is None:
        raise NotFound(f"no key {key_id!r}")
    return record

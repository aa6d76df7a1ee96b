"""The sources file (``PRESSROOM_SOURCES_PATH``): which drop directories and feeds to ingest.

Pure apart from ``load``/``save``; ``save`` writes a temporary file and renames it, so a
crash mid-write never leaves a half-written file for the runner to read.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from shared.errors import InputError

NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")


class _Source(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(pattern=NAME.pattern)
    channels: list[str] = Field(default_factory=list, description="Declared on every release.")
    producer: str | None = Field(None, description="Scopes the idempotency keys.")


class DropDir(_Source):
    kind: Literal["dropdir"] = "dropdir"
    path: Path
    settle_seconds: float = Field(
        1.0,
        ge=0,
        description="Files modified more recently are left for the next scan "
        "(they may still be being written); write elsewhere and rename in to skip the wait.",
    )


class Feed(_Source):
    kind: Literal["feed"] = "feed"
    url: str = Field(pattern=r"^https?://")
    interval_seconds: float = Field(300.0, ge=5)


Source = Annotated[DropDir | Feed, Field(discriminator="kind")]


class SourcesConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")
    sources: list[Source] = Field(default_factory=list)

    def named(self, name: str) -> DropDir | Feed | None:
        return next((s for s in self.sources if s.name == name), None)


def add_source(config: SourcesConfig, source: DropDir | Feed) -> SourcesConfig:
    if config.named(source.name) is not None:
        raise InputError(f"a source named {source.name!r} exists already")
    return SourcesConfig(sources=[*config.sources, source])


def remove_source(config: SourcesConfig, name: str) -> SourcesConfig:
    if config.named(name) is None:
        raise InputError(f"no source named {name!r}")
    return SourcesConfig(sources=[s for s in config.sources if s.name != name])


def load(path: Path) -> SourcesConfig:
    if not path.exists():
        return SourcesConfig()
    try:
        return SourcesConfig.model_validate_json(path.read_text("utf-8"))
    except ValidationError as exc:
        raise InputError(f"{path}: {exc.errors()[0]['msg']} at {exc.errors()[0]['loc']}") from None


def save(path: Path, config: SourcesConfig) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".sources-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(config.model_dump_json(indent=2) + "\n")
    os.replace(tmp, path)

"""Settings of the operating side (metrics endpoints, ingest sources), ``PRESSROOM_*`` too.

Kept apart from ``shared.settings`` so the pipeline's settings stay the pipeline's;
``pressroom settings-doc`` documents both models in one table.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class OpsSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PRESSROOM_", extra="ignore")

    metrics_port: int = Field(
        0,
        ge=0,
        le=65535,
        description="Port of a worker pool's Prometheus endpoint (`/metrics`); 0 turns it off. "
        "The API always serves `/metrics` on its own port.",
    )
    metrics_host: str = Field("0.0.0.0", description="Interface of a worker's metrics endpoint.")
    sources_path: Path = Field(
        Path("var/sources.json"),
        description="The ingest sources file (drop directories and feeds) that "
        "`pressroom sources` edits and runs.",
    )
    sources_tick: float = Field(
        2.0, gt=0, description="Seconds between two scans of the drop directories."
    )
    feed_timeout: float = Field(15.0, gt=0, description="Bound of one feed fetch, in seconds.")
    feed_max_bytes: int = Field(
        5 * 1024 * 1024, ge=1024, description="Largest feed document fetched."
    )


@lru_cache(maxsize=1)
def get_ops_settings() -> OpsSettings:
    return OpsSettings()

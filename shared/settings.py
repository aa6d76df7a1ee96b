"""Settings for every pressroom process, read from ``PRESSROOM_*`` environment variables."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PRESSROOM_", extra="ignore")

    redis_url: str = Field(
        "redis://127.0.0.1:6379/0",
        description="Redis used as Celery broker and as the release store.",
    )
    redis_sentinel_master: str = Field(
        "mymaster",
        description="With a `sentinel://host:26379;sentinel://host2:26379` Redis URL: the "
        "name of the monitored master that Sentinel fails over.",
    )
    api_url: str = Field("http://127.0.0.1:8000", description="Where the CLI finds a running API.")
    data_dir: Path = Field(Path("var"), description="Local state for `pressroom up`.")
    max_body_bytes: int = Field(
        1024 * 1024, ge=1024, description="Largest submission body the API accepts."
    )
    log_level: str = Field("INFO", description="DEBUG, INFO, WARNING or ERROR.")
    log_format: str = Field("json", description="`json` (one object a line) or `console`.")
    visibility_timeout: int = Field(
        300,
        ge=30,
        description="Seconds before Redis hands an unacknowledged task to another worker.",
    )
    task_time_limit: int = Field(
        120, ge=5, description="Hard per-task limit; kept below the visibility timeout."
    )
    max_attempts: int = Field(
        5, ge=1, description="Deliveries of one task message before it goes to the dead-letter set."
    )
    sweep_interval: float = Field(
        2.0, gt=0, description="Seconds between scheduler sweeps (stuck releases, due retries)."
    )
    stuck_after: int = Field(
        600,
        ge=10,
        description="Seconds a release may wait in a stage before the scheduler re-enqueues it.",
    )
    webhook_allow_networks: str = Field(
        "",
        description="Comma-separated CIDRs that webhook targets may resolve to despite the "
        "private/loopback guard (for example 127.0.0.0/8 for local testing).",
    )
    api_key: str | None = Field(
        None, description="The key the CLI sends (default: read from $PRESSROOM_DATA_DIR/api-key)."
    )
    rate_limit_per_minute: int = Field(
        600, ge=1, description="Requests one API key may make in any 60 s, across API processes."
    )
    duplicate_window: int = Field(
        600,
        ge=0,
        description="Seconds within which an identical body from the same producer is answered "
        "as a duplicate of the first (0: off).",
    )
    secret_key: str | None = Field(
        None,
        description="Fernet key that encrypts webhook secrets at rest "
        "(default: read from $PRESSROOM_DATA_DIR/secret-key).",
    )
    secret_rotation_grace: int = Field(
        86400, ge=0, description="Seconds the previous secret keeps signing after a rotation."
    )
    disable_after_failed_deliveries: int = Field(
        20, ge=1, description="Exhausted deliveries in a row that disable a subscription."
    )
    disable_after_failing_days: float = Field(
        5.0, gt=0, description="Days of failing deliveries, with no success, that disable one."
    )
    subscription_concurrency: int = Field(
        2, ge=1, description="Attempts in flight at once to one subscription."
    )
    feed_window_days: int = Field(30, ge=1, description="How long channel feeds keep a release.")
    feed_max_items: int = Field(1000, ge=10, description="Most releases a channel feed keeps.")
    webhook_retry_delays: str = Field(
        "0,5,300,1800,7200,18000,36000,36000",
        description="Seconds before each webhook retry, comma-separated (±20 % jitter is "
        "added); the number of entries is the number of retries.",
    )
    task_events: bool = Field(
        False,
        description="Workers send Celery task events from the start (sent, received, "
        "started, succeeded). Off by default, as in Celery: they cost each task a few Redis "
        "messages. Flower turns them on at run time itself (its `--enable_events`, on by "
        "default), as does `celery control enable_events`.",
    )
    batch_size: int = Field(
        8,
        ge=1,
        le=256,
        description="Most releases a parse, enrich or publish worker takes from its stage's "
        "inbox at once. A batch forms only from a backlog, so it adds no wait at light load.",
    )
    webhook_connect_timeout: float = Field(5.0, gt=0)
    webhook_deadline: float = Field(15.0, gt=0, description="Wall-clock bound of one attempt.")
    webhook_max_response_bytes: int = Field(64 * 1024, ge=0)

    @property
    def retry_delays(self) -> tuple[float, ...]:
        return tuple(float(part) for part in self.webhook_retry_delays.split(",") if part.strip())

    @property
    def secret_key_file(self) -> Path:
        return self.data_dir / "secret-key"

    @property
    def api_key_file(self) -> Path:
        return self.data_dir / "api-key"

    @field_validator("webhook_retry_delays")
    @classmethod
    def _delays_are_seconds(cls, value: str) -> str:
        try:
            delays = [float(part) for part in value.split(",") if part.strip()]
        except ValueError:
            raise ValueError("PRESSROOM_WEBHOOK_RETRY_DELAYS: comma-separated seconds") from None
        if any(d < 0 for d in delays):
            raise ValueError("PRESSROOM_WEBHOOK_RETRY_DELAYS: delays cannot be negative")
        return value

    def model_post_init(self, __context: object) -> None:
        if self.task_time_limit >= self.visibility_timeout:
            raise ValueError(
                "PRESSROOM_TASK_TIME_LIMIT must be below PRESSROOM_VISIBILITY_TIMEOUT, "
                "or Redis would hand a running task to a second worker"
            )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()

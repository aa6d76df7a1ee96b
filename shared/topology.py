"""The map of the system: stages, their queues and the task names that cross them.

A release flows ingest -> parse -> enrich -> publish -> deliver. Each stage
after ingest is a Celery worker pool consuming exactly one queue, so an
operator scales a stage by starting more ``pressroom worker STAGE`` processes.
Services never import each other; they hand work on with ``send_task`` and
the names below.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Stage(StrEnum):
    INGEST = "ingest"
    PARSE = "parse"
    ENRICH = "enrich"
    PUBLISH = "publish"
    DELIVER = "deliver"


@dataclass(frozen=True)
class Route:
    stage: Stage
    queue: str
    task: str


QUEUE_PREFIX = "pressroom."

# The one task each worker pool runs. Messages carry ids; documents live in Redis.
ROUTES: dict[Stage, Route] = {
    stage: Route(stage, f"{QUEUE_PREFIX}{stage.value}", f"pressroom.{stage.value}.run")
    for stage in (Stage.PARSE, Stage.ENRICH, Stage.PUBLISH, Stage.DELIVER)
}

# The stage whose task runs after each stage; publish fans out to deliver itself.
NEXT_STAGE: dict[Stage, Stage | None] = {
    Stage.INGEST: Stage.PARSE,
    Stage.PARSE: Stage.ENRICH,
    Stage.ENRICH: Stage.PUBLISH,
    Stage.PUBLISH: Stage.DELIVER,
    Stage.DELIVER: None,
}

# Stages a release passes through as a whole (delivery is per subscription).
RELEASE_STAGES: tuple[Stage, ...] = (Stage.INGEST, Stage.PARSE, Stage.ENRICH, Stage.PUBLISH)

WORKER_STAGES: tuple[Stage, ...] = tuple(ROUTES)

# Stages whose releases wait in an inbox and are taken in batches (shared.inbox); the
# deliver stage gets one message per release's fan-out instead.
INBOX_STAGES: tuple[Stage, ...] = (Stage.PARSE, Stage.ENRICH, Stage.PUBLISH)


def task_routes() -> dict[str, dict[str, str]]:
    """Celery ``task_routes``: every task name to its queue."""
    return {route.task: {"queue": route.queue} for route in ROUTES.values()}


def route_for(stage: Stage | str) -> Route:
    return ROUTES[Stage(stage)]

"""Celery adapter of the enrich stage: tag entities, route to channels, hand on to publish."""

from __future__ import annotations

from typing import Any

from celery.signals import worker_init

from shared.celery_app import StageTask, create_app
from shared.dispatch import Dispatcher
from shared.errors import NotFound
from shared.models import ParsedRelease
from shared.topology import Stage, route_for

from .core import load_enricher

app = create_app("pressroom-enrich")
dispatcher = Dispatcher(app)


@worker_init.connect
def _load_model_before_fork(**_: Any) -> None:
    # Loaded in the worker's main process, so the pool's children share it copy-on-write.
    load_enricher()


class EnrichTask(StageTask):
    stage = Stage.ENRICH


@app.task(name=route_for(Stage.ENRICH).task, base=EnrichTask, bind=True)
def run(self: EnrichTask, release_id: str) -> None:
    parsed = self.store.load_document(release_id, "parsed", ParsedRelease)
    if parsed is None:
        raise NotFound(f"release {release_id} has no parsed document")
    enriched = load_enricher().enrich(parsed)
    self.store.save_stage_output(
        release_id, Stage.ENRICH, "enriched", enriched, Stage.PUBLISH, self.settings.stuck_after
    )
    dispatcher.send(Stage.PUBLISH, release_id)

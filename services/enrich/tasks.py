"""Celery adapter of the enrich stage: tag entities, route to channels, hand on to publish."""

from __future__ import annotations

from typing import Any

from celery.signals import worker_init

from shared.celery_app import StageTask, create_app
from shared.errors import NotFound
from shared.logging import get_logger
from shared.models import EnrichedRelease, ParsedRelease
from shared.topology import Stage, route_for

from .core import load_enricher

app = create_app("pressroom-enrich")
log = get_logger("pressroom.enrich")


@worker_init.connect
def _load_model_before_fork(**_: Any) -> None:
    # Loaded in the worker's main process, so the pool's children share it copy-on-write.
    load_enricher()


class EnrichTask(StageTask):
    stage = Stage.ENRICH
    next_stage = Stage.PUBLISH

    def process(self, release_id: str) -> bool:
        parsed = self.store.load_document(release_id, "parsed", ParsedRelease)
        if parsed is None:
            raise NotFound(f"release {release_id} has no parsed document")
        self._save([(release_id, load_enricher().enrich(parsed))])
        return True

    def run_batch(self, release_ids: list[str]) -> None:
        """The model runs over the whole batch at once (``nlp.pipe``); if that fails, each
        release goes again alone, so one bad document cannot fail the others."""
        loaded = self.store.load_documents(release_ids, "parsed", ParsedRelease)
        ready = [(rid, doc) for rid, doc in zip(release_ids, loaded, strict=True) if doc]
        try:
            enriched = load_enricher().enrich_many([doc for _, doc in ready])
        except Exception as exc:
            log.warning("batch.fallback", error=f"{type(exc).__name__}: {exc}")
            super().run_batch(release_ids)
            return
        self._save([(rid, doc) for (rid, _), doc in zip(ready, enriched, strict=True)])
        self.hand_on(Stage.PUBLISH, [rid for rid, _ in ready])
        # Releases without a parsed document take the one-release path: NotFound is
        # retried alone, then dead-lettered; one whose document turned up is handed on.
        super().run_batch([rid for rid, doc in zip(release_ids, loaded, strict=True) if not doc])

    def _save(self, outputs: list[tuple[str, EnrichedRelease]]) -> None:
        self.store.save_stage_outputs(
            outputs, Stage.ENRICH, "enriched", Stage.PUBLISH, self.settings.stuck_after
        )


@app.task(name=route_for(Stage.ENRICH).task, base=EnrichTask, bind=True)
def run(self: EnrichTask, release_id: str) -> None:
    """One release; called with no release id, a wake-up that takes a batch from the inbox."""
    self.run_one(release_id)

"""Celery adapter of the parse stage: load the raw release, parse it, save, hand on to enrich."""

from __future__ import annotations

from shared.celery_app import StageTask, create_app
from shared.chaos import crash_if_marked
from shared.errors import NotFound
from shared.topology import Stage, route_for

from .core import parse_submission

app = create_app("pressroom-parse")


class ParseTask(StageTask):
    stage = Stage.PARSE
    next_stage = Stage.ENRICH

    def process(self, release_id: str) -> bool:
        raw = self.store.load_raw(release_id)
        if raw is None:
            raise NotFound(f"no raw release {release_id}")
        crash_if_marked(raw.submission.body)  # the fault suite's poison release; inert by default
        parsed = parse_submission(release_id, raw.submission)
        self.store.save_stage_output(
            release_id, Stage.PARSE, "parsed", parsed, Stage.ENRICH, self.settings.stuck_after
        )
        return True


@app.task(name=route_for(Stage.PARSE).task, base=ParseTask, bind=True)
def run(self: ParseTask, release_id: str) -> None:
    """One release; called with no release id, a wake-up that takes a batch from the inbox."""
    self.run_one(release_id)

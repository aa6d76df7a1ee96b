"""Celery adapter of the parse stage: load the raw release, parse it, save, hand on to enrich."""

from __future__ import annotations

from shared.celery_app import StageTask, create_app
from shared.chaos import crash_if_marked
from shared.dispatch import Dispatcher
from shared.errors import NotFound
from shared.topology import Stage, route_for

from .core import parse_submission

app = create_app("pressroom-parse")
dispatcher = Dispatcher(app)


class ParseTask(StageTask):
    stage = Stage.PARSE


@app.task(name=route_for(Stage.PARSE).task, base=ParseTask, bind=True)
def run(self: ParseTask, release_id: str) -> None:
    raw = self.store.load_raw(release_id)
    if raw is None:
        raise NotFound(f"no raw release {release_id}")
    crash_if_marked(raw.submission.body)  # the fault suite's poison release; inert by default
    parsed = parse_submission(release_id, raw.submission)
    self.store.save_stage_output(
        release_id, Stage.PARSE, "parsed", parsed, Stage.ENRICH, self.settings.stuck_after
    )
    dispatcher.send(Stage.ENRICH, release_id)

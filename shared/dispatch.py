"""Hand a release or delivery to a stage's queue by task name (``send_task``).

This is the only way services talk to each other: no service imports another.
"""

from __future__ import annotations

from celery import Celery

from shared.topology import Stage, route_for


class Dispatcher:
    def __init__(self, app: Celery) -> None:
        self.app = app

    def send(self, stage: Stage, subject: str) -> None:
        route = route_for(stage)
        self.app.send_task(route.task, args=[subject], queue=route.queue)

    def send_batch(self, stage: Stage, subjects: list[str]) -> None:
        """One message for several subjects (a release's deliveries): a task costs the
        machinery ~2.5 ms of CPU however little it does, so a fan-out pays it once."""
        if subjects:
            route = route_for(stage)
            self.app.send_task(route.task, args=[subjects], queue=route.queue)

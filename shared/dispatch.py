"""Hand releases and deliveries on to a stage by task name (``send_task``).

This is the only way services talk to each other: no service imports another. Two ways:

- ``hand_on``: into the stage's inbox (``shared.inbox``), the normal path between stages;
  a wake-up message goes out only when none is already waiting, and the stage's workers
  take the inbox in batches;
- ``send``: one subject in its own message, for what must stand alone: the scheduler's
  re-sends, dead-letter replays, a crashed batch dissolved, a delivery's retry.
"""

from __future__ import annotations

from celery import Celery

from shared.inbox import Inbox
from shared.topology import Stage, route_for


class Dispatcher:
    def __init__(self, app: Celery, inbox: Inbox | None = None) -> None:
        self.app = app
        self.inbox = inbox

    def send(self, stage: Stage, subject: str) -> None:
        route = route_for(stage)
        self.app.send_task(route.task, args=[subject], queue=route.queue)

    def send_batch(self, stage: Stage, subjects: list[str]) -> None:
        """One message for several subjects (a release's deliveries): a task costs the
        machinery ~2.5 ms of CPU however little it does, so a fan-out pays it once."""
        if subjects:
            route = route_for(stage)
            self.app.send_task(route.task, args=[subjects], queue=route.queue)

    def wake(self, stage: Stage) -> None:
        """A wake-up: the stage's task with no subject takes a batch from its inbox."""
        route = route_for(stage)
        self.app.send_task(route.task, args=[], queue=route.queue)

    def hand_on(self, stage: Stage, release_ids: list[str]) -> None:
        """Releases into the stage's inbox, and a wake-up if no worker is about to look.

        If Redis takes the ids but the wake-up cannot be sent, the wake-up count expires
        and the scheduler's sweep wakes the stage (``wake_if_idle``)."""
        if release_ids and self._inbox().put(stage, release_ids):
            self.wake(stage)

    def wake_if_idle(self, stage: Stage) -> bool:
        """Wake the stage if its inbox holds releases and no wake-up is waiting."""
        if self._inbox().put(stage, []):
            self.wake(stage)
            return True
        return False

    def _inbox(self) -> Inbox:
        if self.inbox is None:
            raise RuntimeError("this Dispatcher was made without an inbox")
        return self.inbox

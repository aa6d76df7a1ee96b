"""Celery adapter of the deliver stage: a message is a release's fan-out (a list of delivery
ids, from publish) or one delivery (a retry or a replay, from the scheduler or the API);
``fanout`` does the work."""

from __future__ import annotations

from shared.celery_app import StageTask, create_app
from shared.deliveries import DeliveryBook
from shared.secrets import SecretBox, load_key
from shared.topology import Stage, route_for

from .fanout import FanOut
from .ssrf import IPNetwork, parse_networks

app = create_app("pressroom-deliver")


class DeliverTask(StageTask):
    stage = Stage.DELIVER
    _box: SecretBox | None = None
    _allowed: list[IPNetwork] | None = None
    _book: DeliveryBook | None = None

    @property
    def book(self) -> DeliveryBook:
        if self._book is None:
            type(self)._book = DeliveryBook(self.store.r)
        assert self._book is not None
        return self._book

    @property
    def box(self) -> SecretBox:
        if self._box is None:
            s = self.settings
            type(self)._box = SecretBox(load_key(s.secret_key, s.secret_key_file))
        assert self._box is not None
        return self._box

    @property
    def allowed_networks(self) -> list[IPNetwork]:
        if self._allowed is None:
            type(self)._allowed = parse_networks(self.settings.webhook_allow_networks)
        assert self._allowed is not None
        return self._allowed


@app.task(name=route_for(Stage.DELIVER).task, base=DeliverTask, bind=True)
def run(self: DeliverTask, delivery_ids: str | list[str]) -> None:
    """One delivery (a retry, a replay), or a release's whole fan-out from publish.

    A fan-out message makes only the first attempts, side by side, so a slow subscriber
    holds up no other; deliveries already attempted belong to the scheduler's back-off and
    are skipped if the message is redelivered."""
    token = self.request.id or "local"
    if isinstance(delivery_ids, str):
        FanOut(self, {delivery_ids: token}, first_only=False).run()
    else:
        FanOut(self, {d: f"{token}:{d}" for d in delivery_ids}, first_only=True).run()

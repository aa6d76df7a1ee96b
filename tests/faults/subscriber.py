"""A loopback subscriber for the fault suite: verifies every signature, records every
``webhook-id`` it answered 2xx, and can be made to misbehave (down, 500, slow).

It serves several subscriptions, one path each (``/a``, ``/b``), on one fixed port, so
that it can go down (connection refused) and come back where subscriptions point.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass

from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from services.cli.receiver import Answer, Received, Receiver
from shared.redis_server import free_port


@dataclass(frozen=True)
class Hit:
    """One request the subscriber received."""

    webhook_id: str
    subscription_id: str
    release_id: str
    at: float
    status: int
    verified: bool


class Subscriber:
    def __init__(self) -> None:
        self.port = free_port()
        self.hooks: dict[str, tuple[str, Webhook]] = {}  # path -> (subscription id, verifier)
        self.hits: list[Hit] = []
        self.mode = "ok"  # ok | 500 | slow
        self.slow_delay = 1.0
        self._lock = threading.Lock()
        self._receiver: Receiver | None = None

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def expect(self, path: str, subscription_id: str, secret: str) -> None:
        self.hooks[path] = (subscription_id, Webhook(secret))

    def up(self) -> None:
        self._receiver = Receiver(port=self.port, behaviour=self._answer).start()

    def down(self) -> None:
        if self._receiver is not None:
            self._receiver.stop()
            self._receiver = None

    def ok_hits(self) -> list[Hit]:
        with self._lock:
            return [h for h in self.hits if 200 <= h.status < 300]

    def _answer(self, got: Received) -> Answer:
        sub_id, hook = self.hooks.get(got.path, ("", None))
        verified = False
        release_id = ""
        if hook is not None:
            try:
                payload = hook.verify(got.body, got.headers)
                verified = True
                release_id = str(payload["pressroom"]["release_id"])
            except (WebhookVerificationError, KeyError, TypeError, json.JSONDecodeError):
                verified = False
        # A bad signature is refused: it then shows as a lost delivery, never as a success.
        if not verified:
            answer = Answer(400)
        elif self.mode == "500":
            answer = Answer(500)
        elif self.mode == "slow":
            answer = Answer(200, delay=self.slow_delay)
        else:
            answer = Answer(200)
        hit = Hit(
            webhook_id=got.headers.get("webhook-id", ""),
            subscription_id=sub_id,
            release_id=release_id,
            at=time.time(),
            status=answer.status,
            verified=verified,
        )
        with self._lock:
            self.hits.append(hit)
        return answer

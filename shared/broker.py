"""The Redis broker transport pressroom's workers use: kombu's, with one fault mended.

Found by the fault suite (tests/faults, "SIGKILL redis + AOF restart"): when Redis dies
under load, Celery closes the broken connection while the worker still holds messages
(the channel's close puts them back; a deliver thread finishing its task acks one). Both
reach for a Redis client through a channel whose transport the connection has already
dropped, and kombu's ``_connparams`` raises ``AttributeError``, not a connection error.
Celery calls that unrecoverable and the worker process exits: a stage left with no
consumer, a pipeline stuck until someone restarts it (seen on the deliver pool, about
one Redis restart in six under load, in two variants).

Raising the connection error it is instead lets kombu and Celery do what they do for
any lost connection: log, reconnect, carry on. Nothing held is lost: a message neither
acked nor restored stays in Redis's unacked index, and the visibility-timeout sweep
hands it out again (the stage's work is idempotent, so a redelivery is harmless).
"""

from __future__ import annotations

from typing import Any

import redis
from kombu.transport import redis as kombu_redis

# What Celery's ``broker_transport`` names (a URL scheme cannot name a class).
TRANSPORT = "shared.broker:Transport"


class Channel(kombu_redis.Channel):
    def _connparams(self, asynchronous: bool = False) -> Any:
        transport = self.connection
        if transport is None or transport.client is None:
            raise redis.ConnectionError("the broker connection is already closed")
        return super()._connparams(asynchronous)


class Transport(kombu_redis.Transport):
    Channel = Channel

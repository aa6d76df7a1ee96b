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
SENTINEL_TRANSPORT = "shared.broker:SentinelTransport"


def transport_for(url: str) -> str:
    """The transport class for a broker URL: Sentinel's for ``sentinel://`` URLs."""
    return SENTINEL_TRANSPORT if url.startswith("sentinel://") else TRANSPORT


class _Mended(kombu_redis.Channel):
    """kombu's channel, plus: one synchronous Redis client per connection pool.

    kombu builds a new ``redis.Redis`` for every publish, ack and event (``conn_or_acquire``
    with no client); its constructor fills a table of several hundred response callbacks,
    about a tenth of a stage worker's CPU in the profile. The client is only a handle on
    the pool and is safe to share between threads, so one per pool does. A pool dropped by
    kombu (``_disconnect_pools``) gets a fresh client with its successor.
    """

    _sync_client: tuple[Any, Any] | None = None

    def _create_client(self, asynchronous: bool = False) -> Any:
        if asynchronous:
            return super()._create_client(asynchronous=True)
        pool = self.pool
        cached = self._sync_client
        if cached is None or cached[0] is not pool:
            cached = self._sync_client = (pool, super()._create_client(asynchronous=False))
        return cached[1]

    def _connparams(self, asynchronous: bool = False) -> Any:
        transport = self.connection
        if transport is None or transport.client is None:
            raise redis.ConnectionError("the broker connection is already closed")
        return super()._connparams(asynchronous)


class Channel(_Mended):
    pass


class SentinelChannel(_Mended, kombu_redis.SentinelChannel):
    """The same mends on kombu's Sentinel channel (it finds the master through Sentinel)."""


class Transport(kombu_redis.Transport):
    Channel = Channel


class SentinelTransport(kombu_redis.SentinelTransport):
    Channel = SentinelChannel

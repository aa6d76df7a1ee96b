"""A delivery attempt's Redis bookkeeping in three round trips: open, context, finish.

An attempt used to make about a dozen round trips (lock, delivery, subscription, slot,
publication time, secrets, save, health, slot release, unlock), each costing the deliver
worker's one GIL more than the Redis work itself. The same keys as ``shared.store``
(``pr:delivery:*``, ``pr:sub-*``, ``pr:lock:*``) with the same meaning; only grouped:

- ``open``: take the delivery's attempt lock and read the delivery (a pipeline);
- ``context``: the subscription, its sealed secrets, the publication time and one of the
  subscription's slots (one script, so the slot is taken atomically as before);
- ``finish``: the delivery and its schedule, the subscription's health, the slot and the
  lock, in one script: all of it or, if Redis dies first, none (the lock then expires and
  the scheduler's recheck or the message's redelivery makes the attempt again:
  at-least-once).
"""

from __future__ import annotations

from dataclasses import dataclass

import redis

from shared.models import Delivery, Subscription
from shared.store import (
    DUE_DELIVERIES,
    PREFIX,
    PUBLISHED,
    SUB_SECRETS,
    SUBSCRIPTIONS,
    delivery_key,
    now_ts,
)

# KEYS: subscriptions, secrets, published, slots. ARGV: sub id, release id, now, limit,
# lease end, token. Takes a slot only for an active-looking subscription record; the
# caller still checks ``active`` (JSON stays out of Lua) and gives an unneeded slot back.
_CONTEXT = """
local sub = redis.call('HGET', KEYS[1], ARGV[1])
local sealed = redis.call('HGET', KEYS[2], ARGV[1])
local published = redis.call('ZSCORE', KEYS[3], ARGV[2])
local slot = 0
if sub then
  redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', ARGV[3])
  if redis.call('ZCARD', KEYS[4]) < tonumber(ARGV[4]) then
    redis.call('ZADD', KEYS[4], ARGV[5], ARGV[6])
    redis.call('EXPIRE', KEYS[4], 3600)
    slot = 1
  end
end
return {sub or false, sealed or false, published or false, slot}
"""

# KEYS: delivery, due, health, slots, lock. ARGV: delivery JSON, due time ('' = none),
# delivery id, health ('ok' | 'fail' | ''), now, exhausted (0/1), slot token ('' = none),
# lock owner. Answers {exhausted in a row, failing since} after a failure, else {}.
_FINISH = """
redis.call('SET', KEYS[1], ARGV[1])
if ARGV[2] ~= '' then
  redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
else
  redis.call('ZREM', KEYS[2], ARGV[3])
end
local answer = {}
if ARGV[4] == 'ok' then
  redis.call('DEL', KEYS[3])
elseif ARGV[4] == 'fail' then
  redis.call('HSETNX', KEYS[3], 'failing_since', ARGV[5])
  local count = redis.call('HINCRBY', KEYS[3], 'exhausted', tonumber(ARGV[6]))
  answer = {count, redis.call('HGET', KEYS[3], 'failing_since')}
end
if ARGV[7] ~= '' then redis.call('ZREM', KEYS[4], ARGV[7]) end
if redis.call('GET', KEYS[5]) == ARGV[8] then redis.call('DEL', KEYS[5]) end
return answer
"""


def lock_key(delivery_id: str) -> str:
    return f"{PREFIX}lock:delivery:{delivery_id}"


def slots_key(sub_id: str) -> str:
    return f"{PREFIX}sub-slots:{sub_id}"


def health_key(sub_id: str) -> str:
    return f"{PREFIX}sub-health:{sub_id}"


@dataclass(frozen=True)
class Context:
    subscription: Subscription | None
    sealed_secrets: str | None
    published_at: float | None
    slot: bool


class DeliveryBook:
    def __init__(self, client: redis.Redis) -> None:
        self.r = client
        self._context = client.register_script(_CONTEXT)
        self._finish = client.register_script(_FINISH)

    def open(self, delivery_id: str, owner: str, lease: float) -> tuple[bool, Delivery | None]:
        """Take the delivery's attempt lock (it expires by itself: a holder that dies frees
        it) and read the delivery. (locked, delivery)."""
        pipe = self.r.pipeline(transaction=False)
        pipe.set(lock_key(delivery_id), owner, nx=True, px=int(lease * 1000))
        pipe.get(delivery_key(delivery_id))
        locked, data = pipe.execute()
        return bool(locked), Delivery.model_validate_json(data) if data else None

    def context(
        self, sub_id: str, release_id: str, token: str, limit: int, lease: float
    ) -> Context:
        now = now_ts()
        keys = [SUBSCRIPTIONS, SUB_SECRETS, PUBLISHED, slots_key(sub_id)]
        sub, sealed, published, slot = self._context(
            keys=keys, args=[sub_id, release_id, now, limit, now + lease, token]
        )
        return Context(
            Subscription.model_validate_json(sub) if sub else None,
            str(sealed) if sealed else None,
            float(published) if published else None,
            bool(slot),
        )

    def finish(
        self,
        delivery: Delivery,
        owner: str,
        health: str = "",
        now: float = 0.0,
        exhausted: bool = False,
        slot_token: str = "",
    ) -> tuple[int, float] | None:
        """Save the delivery and its schedule, note the subscription's health ('ok',
        'fail' or '' for no attempt made), give the slot back and the lock up. After a
        failure: (exhausted deliveries in a row, failing since)."""
        due = delivery.next_attempt_at.timestamp() if delivery.next_attempt_at else ""
        sub_id = delivery.subscription_id
        answer = self._finish(
            keys=[delivery_key(delivery.id), DUE_DELIVERIES, health_key(sub_id),
                  slots_key(sub_id), lock_key(delivery.id)],
            args=[delivery.model_dump_json(), due, delivery.id, health, now,
                  1 if exhausted else 0, slot_token, owner],
        )  # fmt: skip
        if health != "fail":
            return None
        return int(answer[0]), float(answer[1])

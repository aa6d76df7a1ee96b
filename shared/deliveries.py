"""A fan-out's Redis bookkeeping in a few round trips, however many deliveries it holds.

An attempt once made about a dozen round trips (lock, delivery, subscription, slot,
publication time, secrets, save, health, slot release, unlock), then three; each costs the
deliver worker's one GIL more than the Redis work itself. Now a release's whole fan-out
takes three calls plus one per group of attempts that finish together. The same keys as
``shared.store`` (``pr:delivery:*``, ``pr:sub-*``, ``pr:lock:*``) with the same meaning;
only grouped:

- ``open``: take each delivery's attempt lock and read the delivery (one pipeline);
- ``contexts``: each subscription, its sealed secrets and one of its slots, and the
  release's publication time (one script, so each slot is taken atomically as before);
- ``finish``: for each delivery, the delivery and its schedule, the subscription's health,
  the slot and the lock, in one script: all of it or, if Redis dies first, none (the locks
  then expire and the scheduler's recheck or the message's redelivery makes the attempts
  again: at-least-once).
"""

from __future__ import annotations

from collections.abc import Sequence
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

# KEYS: subscriptions, secrets, published, then one slots key per subscription asked for.
# ARGV: release id, now, limit, lease end, then (sub id, token) per subscription.
# Answers the publication time, then (subscription, sealed secrets, slot) per subscription.
# Takes a slot only for an active-looking subscription record; the caller still checks
# ``active`` (JSON stays out of Lua) and gives an unneeded slot back.
_CONTEXTS = """
local answer = {redis.call('ZSCORE', KEYS[3], ARGV[1]) or false}
for i = 4, #KEYS do
  local sub_id, token = ARGV[5 + (i - 4) * 2], ARGV[6 + (i - 4) * 2]
  local sub = redis.call('HGET', KEYS[1], sub_id)
  local sealed = redis.call('HGET', KEYS[2], sub_id)
  local slot = 0
  if sub then
    redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', ARGV[2])
    if redis.call('ZCARD', KEYS[i]) < tonumber(ARGV[3]) then
      redis.call('ZADD', KEYS[i], ARGV[4], token)
      redis.call('EXPIRE', KEYS[i], 3600)
      slot = 1
    end
  end
  table.insert(answer, sub or false)
  table.insert(answer, sealed or false)
  table.insert(answer, slot)
end
return answer
"""

# KEYS: due, then per delivery: delivery, health, slots, lock. ARGV per delivery: delivery
# JSON, due time ('' = none), delivery id, health ('ok' | 'fail' | ''), now, exhausted
# (0/1), slot token ('' = none), lock owner. Answers per delivery {exhausted in a row,
# failing since} after a failure, else {}.
_FINISH = """
local answers = {}
for i = 0, (#KEYS - 1) / 4 - 1 do
  local k, a = 1 + i * 4, i * 8
  redis.call('SET', KEYS[k + 1], ARGV[a + 1])
  if ARGV[a + 2] ~= '' then
    redis.call('ZADD', KEYS[1], ARGV[a + 2], ARGV[a + 3])
  else
    redis.call('ZREM', KEYS[1], ARGV[a + 3])
  end
  local answer = {}
  if ARGV[a + 4] == 'ok' then
    redis.call('DEL', KEYS[k + 2])
  elseif ARGV[a + 4] == 'fail' then
    redis.call('HSETNX', KEYS[k + 2], 'failing_since', ARGV[a + 5])
    local count = redis.call('HINCRBY', KEYS[k + 2], 'exhausted', tonumber(ARGV[a + 6]))
    answer = {count, redis.call('HGET', KEYS[k + 2], 'failing_since')}
  end
  if ARGV[a + 7] ~= '' then redis.call('ZREM', KEYS[k + 3], ARGV[a + 7]) end
  if redis.call('GET', KEYS[k + 4]) == ARGV[a + 8] then redis.call('DEL', KEYS[k + 4]) end
  table.insert(answers, answer)
end
return answers
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


@dataclass(frozen=True)
class Finish:
    """What one attempt (or the decision to make none) leaves behind."""

    delivery: Delivery
    owner: str  # the lock's owner
    health: str = ""  # 'ok', 'fail' or '' when no attempt was made
    now: float = 0.0
    exhausted: bool = False
    slot_token: str = ""  # the slot to give back, '' when none was taken


class DeliveryBook:
    def __init__(self, client: redis.Redis) -> None:
        self.r = client
        self._contexts = client.register_script(_CONTEXTS)
        self._finish = client.register_script(_FINISH)

    def open(
        self, delivery_ids: Sequence[str], owners: Sequence[str], lease: float
    ) -> list[tuple[bool, Delivery | None]]:
        """Take each delivery's attempt lock (it expires by itself: a holder that dies
        frees it) and read the delivery. (locked, delivery) for each."""
        pipe = self.r.pipeline(transaction=False)
        for delivery_id, owner in zip(delivery_ids, owners, strict=True):
            pipe.set(lock_key(delivery_id), owner, nx=True, px=int(lease * 1000))
            pipe.get(delivery_key(delivery_id))
        answers = pipe.execute()
        return [
            (bool(locked), Delivery.model_validate_json(data) if data else None)
            for locked, data in zip(answers[::2], answers[1::2], strict=True)
        ]

    def contexts(
        self, release_id: str, wanted: Sequence[tuple[str, str]], limit: int, lease: float
    ) -> list[Context]:
        """For each (subscription id, slot token): the subscription, its sealed secrets,
        the release's publication time, and whether one of the subscription's ``limit``
        slots was taken for the token (held until ``lease`` seconds from now)."""
        now = now_ts()
        keys = [SUBSCRIPTIONS, SUB_SECRETS, PUBLISHED, *(slots_key(sub) for sub, _ in wanted)]
        args: list[str | float | int] = [release_id, now, limit, now + lease]
        for sub_id, token in wanted:
            args += [sub_id, token]
        published, *rest = self._contexts(keys=keys, args=args)
        published_at = float(published) if published else None
        return [
            Context(
                Subscription.model_validate_json(sub) if sub else None,
                str(sealed) if sealed else None,
                published_at,
                bool(slot),
            )
            for sub, sealed, slot in zip(rest[::3], rest[1::3], rest[2::3], strict=True)
        ]

    def finish(self, finishes: Sequence[Finish]) -> list[tuple[int, float] | None]:
        """For each: save the delivery and its schedule, note the subscription's health,
        give the slot back and the lock up. After a failure: (exhausted deliveries in a
        row, failing since); else None."""
        if not finishes:
            return []
        keys: list[str] = [DUE_DELIVERIES]
        args: list[str | float | int] = []
        for f in finishes:
            d = f.delivery
            sub_id = d.subscription_id
            keys += [delivery_key(d.id), health_key(sub_id), slots_key(sub_id), lock_key(d.id)]
            due = d.next_attempt_at.timestamp() if d.next_attempt_at else ""
            args += [d.model_dump_json(), due, d.id, f.health, f.now,
                     1 if f.exhausted else 0, f.slot_token, f.owner]  # fmt: skip
        answers = self._finish(keys=keys, args=args)
        return [
            (int(answer[0]), float(answer[1])) if f.health == "fail" else None
            for f, answer in zip(finishes, answers, strict=True)
        ]

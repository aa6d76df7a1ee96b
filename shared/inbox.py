"""Stage inboxes: releases waiting for a stage, taken by its workers in batches.

A Celery task costs the machinery about 2.5-3.5 ms of CPU however little it does (receive,
hand to a pool process, acknowledge), as much as parsing a release. So releases do not
travel one message each between stages. A stage hands releases on by appending their ids
to the next stage's inbox, a Redis list, and sends a *wake-up* message (the stage's task
with no arguments) only when no wake-up is already waiting. A worker that wakes takes up
to ``batch`` ids at once. When the stage keeps up, every batch holds one release and a
release waits for nothing; when it falls behind, the backlog gathers in the inbox and each
message moves a whole batch.

Keys (beside the store's ``pr:`` layout):

    pr:inbox:{stage}           LIST   "{release id} {enqueued at}", oldest at the head
    pr:inbox:{stage}:wakeups   STRING wake-ups sent and not yet started (expires, so a lost
                                      message stops counting after WAKEUP_TTL_MS)
    pr:claim:{task id}         LIST   the ids a wake-up took; kept until its batch is done

What keeps the guarantees (a release reaches every stage at least once, a poison release
cannot take others down with it):

- taking ids and recording the claim under the wake-up's task id is one script, so an id
  is always either in the inbox or in a claim;
- the wake-up message is acknowledged late like every task; if its worker dies mid-batch,
  Celery hands the same message (same task id) out again, and that run finds the claim and
  *dissolves* it: every id is sent on as its own message, with its own attempt count and
  dead-letter path, so a release that kills its worker ends in the dead-letter set alone;
- behind both, every release waiting in a stage has a deadline in the store's in-flight
  set, and the scheduler re-sends any release that misses it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import redis

from shared.topology import Stage

INBOX_PREFIX = "pr:inbox:"
CLAIM_PREFIX = "pr:claim:"
# Wake-ups allowed to wait at once per stage. Each worker that wakes to a longer backlog
# sends one more, so idle processes join in one after another.
WAKEUPS_AHEAD = 2
# A wake-up lost with a crash stops counting after this long (and the scheduler's sweep
# then wakes the stage again). Extra wake-ups cost one empty task, a lost one a stall.
WAKEUP_TTL_MS = 15_000

# KEYS: inbox, wakeups. ARGV: limit, wake-up TTL (ms), entries... -> 1 when the caller must
# send a wake-up (fewer than ``limit`` are waiting), else 0.
_PUT = """
if #ARGV > 2 then
  redis.call('RPUSH', KEYS[1], unpack(ARGV, 3))
elseif redis.call('LLEN', KEYS[1]) == 0 then
  return 0
end
local waiting = tonumber(redis.call('GET', KEYS[2]) or '0')
if waiting < tonumber(ARGV[1]) then
  redis.call('INCR', KEYS[2])
  redis.call('PEXPIRE', KEYS[2], ARGV[2])
  return 1
end
return 0
"""

# KEYS: inbox, wakeups, claim. ARGV: batch, claim TTL (s), limit, wake-up TTL (ms).
# -> {1 when the caller must send another wake-up, else 0; entries taken...}
_CLAIM = """
local waiting = tonumber(redis.call('GET', KEYS[2]) or '0')
if waiting > 0 then
  redis.call('DECR', KEYS[2])
  waiting = waiting - 1
end
local taken = redis.call('LPOP', KEYS[1], ARGV[1])
if not taken then
  return {0}
end
redis.call('RPUSH', KEYS[3], unpack(taken))
redis.call('EXPIRE', KEYS[3], ARGV[2])
local more = 0
if redis.call('LLEN', KEYS[1]) > 0 and waiting < tonumber(ARGV[3]) then
  redis.call('INCR', KEYS[2])
  redis.call('PEXPIRE', KEYS[2], ARGV[4])
  more = 1
end
return {more, unpack(taken)}
"""


def inbox_key(stage: Stage | str) -> str:
    return f"{INBOX_PREFIX}{Stage(stage).value}"


def claim_key(task_id: str) -> str:
    return f"{CLAIM_PREFIX}{task_id}"


def encode_entry(release_id: str, enqueued_at: float) -> str:
    return f"{release_id} {enqueued_at:.3f}"


def decode_entry(entry: str | bytes) -> tuple[str, float | None]:
    """(release id, enqueued at); the time is None when the entry carries none."""
    text = entry.decode() if isinstance(entry, bytes) else entry
    release_id, _, stamp = text.partition(" ")
    try:
        return release_id, float(stamp)
    except ValueError:
        return release_id, None


@dataclass(frozen=True)
class Claim:
    release_ids: list[str]
    wake_another: bool  # the inbox still holds releases and no wake-up is waiting for them


@dataclass(frozen=True)
class InboxStat:
    stage: Stage
    depth: int
    oldest_age: float | None


class Inbox:
    """The inboxes of all stages on one Redis; the Celery side (sending the wake-up a
    method asks for) belongs to ``shared.dispatch.Dispatcher``."""

    def __init__(self, client: redis.Redis, claim_ttl: int = 3600) -> None:
        self.r = client
        self.claim_ttl = claim_ttl
        self._put = client.register_script(_PUT)
        self._claim = client.register_script(_CLAIM)

    def put(self, stage: Stage, release_ids: list[str]) -> bool:
        """Append releases to a stage's inbox; True when the caller must send a wake-up.

        With no ids it only asks whether a non-empty inbox lacks a waiting wake-up (the
        scheduler's sweep, after a lost message)."""
        now = time.time()
        entries = [encode_entry(rid, now) for rid in release_ids]
        wake = self._put(
            keys=[inbox_key(stage), _wakeups_key(stage)],
            args=[WAKEUPS_AHEAD, WAKEUP_TTL_MS, *entries],
        )
        return bool(wake)

    def claim(self, stage: Stage, task_id: str, batch: int) -> Claim:
        reply = self._claim(
            keys=[inbox_key(stage), _wakeups_key(stage), claim_key(task_id)],
            args=[max(1, batch), self.claim_ttl, WAKEUPS_AHEAD, WAKEUP_TTL_MS],
        )
        more, *entries = reply
        return Claim([decode_entry(e)[0] for e in entries], bool(int(more)))

    def held_by(self, task_id: str) -> list[str]:
        """What a wake-up with this task id took and did not finish (a crashed run)."""
        return [decode_entry(e)[0] for e in self.r.lrange(claim_key(task_id), 0, -1)]

    def let_go(self, task_id: str) -> None:
        self.r.delete(claim_key(task_id))

    def stats(self, stages: tuple[Stage, ...], now: float) -> list[InboxStat]:
        """Depth and the age of the oldest entry of each stage's inbox, in one round trip."""
        pipe = self.r.pipeline(transaction=False)
        for stage in stages:
            pipe.llen(inbox_key(stage))
            pipe.lindex(inbox_key(stage), 0)
        replies = pipe.execute()
        out = []
        for i, stage in enumerate(stages):
            depth, head = int(replies[2 * i]), replies[2 * i + 1]
            stamp = decode_entry(head)[1] if head else None
            age = max(0.0, now - stamp) if stamp is not None and depth else None
            out.append(InboxStat(stage, depth, age))
        return out


def _wakeups_key(stage: Stage) -> str:
    return f"{inbox_key(stage)}:wakeups"

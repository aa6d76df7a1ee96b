"""What is waiting in each stage's queue: depth and the age of the oldest message.

kombu's Redis transport keeps a queue as a Redis list named after the queue; producers
LPUSH and workers BRPOP, so the oldest message is the list's last element. Each element
is a JSON envelope ``{"body", "headers", "properties", ...}``. Celery's message headers
carry no send time, so ``shared.metrics`` stamps one (``SENT_AT_HEADER``) on every task
message as it is published; messages without it (sent by an older version) have no age.
Messages a worker has taken but not yet acknowledged live in kombu's ``unacked`` hash and
are not counted here: they are in flight, not waiting.

Releases waiting between stages sit in the stages' inboxes (``shared.inbox``), not in
Celery's lists (which then hold only a wake-up or two), so a stage's depth is its
messages plus its inbox entries, and its age the older of the two heads.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import redis

from shared.inbox import Inbox
from shared.topology import INBOX_STAGES, WORKER_STAGES, Stage, route_for

SENT_AT_HEADER = "pressroom_sent_at"
UNACKED_KEY = "unacked"


@dataclass(frozen=True)
class QueueStat:
    stage: Stage
    queue: str
    depth: int  # messages plus inbox entries: the work waiting for the stage
    oldest_age: float | None
    inbox: int = 0  # of ``depth``, releases in the stage's inbox


def sent_at(raw_message: str | bytes | None) -> float | None:
    """The send time stamped on a kombu Redis message, or None when absent or unreadable."""
    if not raw_message:
        return None
    try:
        envelope = json.loads(raw_message)
        value = envelope["headers"][SENT_AT_HEADER]
        return float(value)
    except (ValueError, KeyError, TypeError):
        return None


def queue_stats(client: redis.Redis, now: float) -> list[QueueStat]:
    """Depth and oldest age of every worker queue, read in one round trip."""
    pipe = client.pipeline(transaction=False)
    for stage in WORKER_STAGES:
        queue = route_for(stage).queue
        pipe.llen(queue)
        pipe.lindex(queue, -1)
    replies = pipe.execute()
    inboxes = {row.stage: row for row in Inbox(client).stats(INBOX_STAGES, now)}
    stats = []
    for i, stage in enumerate(WORKER_STAGES):
        depth, oldest = int(replies[2 * i]), replies[2 * i + 1]
        stamp = sent_at(oldest)
        ages = [max(0.0, now - stamp)] if stamp is not None and depth else []
        waiting = inboxes.get(stage)
        entries = waiting.depth if waiting else 0
        if waiting and waiting.oldest_age is not None:
            ages.append(waiting.oldest_age)
        age = max(ages) if ages else None
        stats.append(QueueStat(stage, route_for(stage).queue, depth + entries, age, entries))
    return stats


def in_flight(client: redis.Redis) -> int:
    """Messages taken by workers and not yet acknowledged, all queues together."""
    return int(client.hlen(UNACKED_KEY))

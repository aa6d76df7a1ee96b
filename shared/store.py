"""The Redis store: releases with their per-stage documents and state, subscriptions,
deliveries, the retry schedule and the dead-letter set.

Key layout (all under ``pr:``):

    pr:release:{id}            hash  raw | parsed | enriched | state:{stage} | next | received_at
    pr:inflight                zset  release id -> time after which the scheduler re-enqueues it
    pr:subscriptions           hash  subscription id -> Subscription JSON
    pr:delivery:{id}           str   Delivery JSON
    pr:release-deliveries:{id} set   delivery ids of a release
    pr:deliveries:due          zset  delivery id -> time its next attempt is due
    pr:attempts:{task id}      str   how many times a task message started
    pr:dlq                     hash  dead-letter key -> DeadLetter JSON
    pr:embargoed               zset  release id -> embargo time (the scheduler publishes it then)
    pr:published               zset  release id -> publication time
    pr:channel:{slug}          zset  release id -> publication time, per channel (feeds, pull API)
    pr:stats:{hour|day}[:slug] hash  bucket start -> releases published (old buckets trimmed)
    pr:sub-secrets             hash  subscription id -> encrypted signing secrets
    pr:sub-deliveries:{id}     zset  delivery id -> creation time, per subscription
    pr:sub-health:{id}         hash  exhausted (in a row) | failing_since
    pr:sub-slots:{id}          zset  attempt token -> lease expiry (per-subscription concurrency)

Every write a stage makes is idempotent, so re-running a stage from the last
saved state (after a crash, a redelivery or a replay) converges on the same keys.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar, cast
from urllib.parse import urlsplit

import redis
from pydantic import BaseModel
from redis.sentinel import Sentinel

from shared.models import (
    Delivery,
    RawRelease,
    StageState,
    Subscription,
)
from shared.settings import get_settings
from shared.topology import Stage

M = TypeVar("M", bound=BaseModel)

PREFIX = "pr:"
INFLIGHT = PREFIX + "inflight"
SUBSCRIPTIONS = PREFIX + "subscriptions"
DUE_DELIVERIES = PREFIX + "deliveries:due"
DLQ = PREFIX + "dlq"
EMBARGOED = PREFIX + "embargoed"
PUBLISHED = PREFIX + "published"
SUB_SECRETS = PREFIX + "sub-secrets"
ATTEMPTS_TTL = 7 * 24 * 3600

HOUR, DAY = 3600, 86400
STATS_KEEP = {"hour": 26, "day": 367}  # buckets kept: a day and a year, with a margin

# Marks a release published once: the feeds, the per-channel index and the
# statistics count it only the first time, however often publish re-runs.
_PUBLISH = """
if redis.call('ZADD', KEYS[1], 'NX', ARGV[1], ARGV[2]) == 0 then return 0 end
local hour = tostring(math.floor(ARGV[1] / 3600) * 3600)
local day = tostring(math.floor(ARGV[1] / 86400) * 86400)
redis.call('HINCRBY', 'pr:stats:hour', hour, 1)
redis.call('HINCRBY', 'pr:stats:day', day, 1)
for i = 3, #ARGV do
  redis.call('ZADD', 'pr:channel:' .. ARGV[i], ARGV[1], ARGV[2])
  redis.call('HINCRBY', 'pr:stats:hour:' .. ARGV[i], hour, 1)
  redis.call('HINCRBY', 'pr:stats:day:' .. ARGV[i], day, 1)
end
return 1
"""

# Deletes a lock only if its holder still owns it (it may have expired and passed on).
_UNLOCK = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""

# Stores the raw release and queues it for parse in one step. Answers the id of an
# earlier release when this one is a duplicate (the same id, or the same body from the
# same producer within the window; KEYS[3] is '' when not checked), and '' when it
# stored the new one.
_CREATE_RELEASE = """
if KEYS[3] ~= '' then
  local earlier = redis.call('GET', KEYS[3])
  if earlier then return earlier end
end
if redis.call('HSETNX', KEYS[1], 'raw', ARGV[1]) == 0 then return ARGV[6] end
redis.call('HSET', KEYS[1], 'received_at', ARGV[2], 'next', ARGV[3], 'state:ingest', ARGV[4])
redis.call('ZADD', KEYS[2], ARGV[5], ARGV[6])
if KEYS[3] ~= '' then redis.call('SET', KEYS[3], ARGV[6], 'EX', ARGV[7]) end
return ''
"""


CLIENT_OPTIONS: dict[str, Any] = {
    "decode_responses": True,
    "socket_timeout": 10,
    "socket_connect_timeout": 5,
    "health_check_interval": 30,
    "retry_on_timeout": True,
}


def connect(url: str, sentinel_master: str | None = None) -> redis.Redis:
    """A client for ``redis://`` / ``unix://`` URLs, or, for Celery-style
    ``sentinel://[:password@]host:port;sentinel://host2:port/db`` URLs, a client of the
    master that Sentinel names, which follows it through a failover."""
    if not url.startswith("sentinel://"):
        return redis.Redis.from_url(url, **CLIENT_OPTIONS)
    hosts: list[tuple[str, int]] = []
    password: str | None = None
    db = 0
    for part in url.split(";"):
        parsed = urlsplit(part.strip())
        hosts.append((parsed.hostname or "127.0.0.1", parsed.port or 26379))
        password = password or parsed.password
        if parsed.path.strip("/").isdigit():
            db = int(parsed.path.strip("/"))
    sentinels = Sentinel(hosts, socket_timeout=5)
    master = sentinel_master or get_settings().redis_sentinel_master
    client: redis.Redis = sentinels.master_for(master, password=password, db=db, **CLIENT_OPTIONS)
    return client


def release_key(release_id: str) -> str:
    return f"{PREFIX}release:{release_id}"


def delivery_key(delivery_id: str) -> str:
    return f"{PREFIX}delivery:{delivery_id}"


def now_ts() -> float:
    return time.time()


def utcnow() -> datetime:
    return datetime.now(UTC)


class DeadLetter(BaseModel):
    key: str
    task: str
    args: list[Any]
    reason: str
    attempts: int
    at: datetime


class Store:
    def __init__(self, client: redis.Redis) -> None:
        self.r = client
        self._create_release = client.register_script(_CREATE_RELEASE)
        self._publish = client.register_script(_PUBLISH)
        self._unlock = client.register_script(_UNLOCK)

    @classmethod
    def from_url(cls, url: str, sentinel_master: str | None = None) -> Store:
        return cls(connect(url, sentinel_master))

    def ping(self) -> bool:
        return bool(self.r.ping())

    # ---- releases -------------------------------------------------------------

    def create_release(self, raw: RawRelease, requeue_after: float) -> bool:
        """Store a new release and mark it queued for parse. False if it exists already."""
        return self.submit_release(raw, requeue_after)[1]

    def submit_release(
        self,
        raw: RawRelease,
        requeue_after: float,
        content_key: str | None = None,
        dedupe_window: int = 0,
    ) -> tuple[str, bool]:
        """Store a release atomically unless it duplicates one: (release id, newly stored).

        ``content_key`` names the body (producer + hash); the same key within
        ``dedupe_window`` seconds answers the earlier release's id.
        """
        state = StageState(status="done", at=raw.received_at)
        dedupe = f"{PREFIX}content:{content_key}" if content_key and dedupe_window > 0 else ""
        earlier = self._create_release(
            keys=[release_key(raw.id), INFLIGHT, dedupe],
            args=[
                raw.model_dump_json(),
                raw.received_at.isoformat(),
                Stage.PARSE.value,
                state.model_dump_json(),
                now_ts() + requeue_after,
                raw.id,
                max(dedupe_window, 1),
            ],
        )
        return (str(earlier), False) if earlier else (raw.id, True)

    def load_raw(self, release_id: str) -> RawRelease | None:
        data = self.r.hget(release_key(release_id), "raw")
        return RawRelease.model_validate_json(data) if data else None

    def load_document(self, release_id: str, field: str, model: type[M]) -> M | None:
        data = self.r.hget(release_key(release_id), field)
        return model.model_validate_json(data) if data else None

    def load_release(
        self, release_id: str, fields: dict[str, type[BaseModel]]
    ) -> dict[str, BaseModel | None]:
        """Several documents of one release in one round trip (``{"raw": RawRelease, ...}``)."""
        values = self.r.hmget(release_key(release_id), list(fields))
        return {
            name: model.model_validate_json(v) if v else None
            for (name, model), v in zip(fields.items(), values, strict=True)
        }

    def load_documents(self, release_ids: list[str], field: str, model: type[M]) -> list[M | None]:
        pipe = self.r.pipeline(transaction=False)
        for rid in release_ids:
            pipe.hget(release_key(rid), field)
        return [model.model_validate_json(v) if v else None for v in pipe.execute()]

    def save_stage_output(
        self,
        release_id: str,
        stage: Stage,
        field: str,
        document: BaseModel,
        next_stage: Stage | None,
        requeue_after: float,
    ) -> None:
        """Persist a stage's document and hand the release on, in one transaction."""
        self.save_stage_outputs([(release_id, document)], stage, field, next_stage, requeue_after)

    def save_stage_outputs(
        self,
        outputs: Sequence[tuple[str, BaseModel]],
        stage: Stage,
        field: str,
        next_stage: Stage | None,
        requeue_after: float,
    ) -> None:
        """``save_stage_output`` for a batch of (release id, document), in one transaction."""
        pipe = self.r.pipeline(transaction=True)
        done, queued, deadline = _state("done"), _state("queued"), now_ts() + requeue_after
        for release_id, document in outputs:
            key = release_key(release_id)
            pipe.hset(key, field, document.model_dump_json())
            pipe.hset(key, f"state:{stage.value}", done)
            if next_stage is None:
                pipe.hdel(key, "next")
                pipe.zrem(INFLIGHT, release_id)
            else:
                pipe.hset(
                    key, mapping={"next": next_stage.value, f"state:{next_stage.value}": queued}
                )
                pipe.zadd(INFLIGHT, {release_id: deadline})
        pipe.execute()

    def set_stage_state(
        self,
        release_id: str,
        stage: Stage,
        status: str,
        error: str | None = None,
        attempts: int = 0,
    ) -> None:
        self.r.hset(
            release_key(release_id),
            f"state:{stage.value}",
            _state(status, error=error, attempts=attempts),
        )

    def set_stage_states(self, release_ids: list[str], stage: Stage, status: str) -> None:
        """One stage state for a batch of releases, in one round trip."""
        pipe = self.r.pipeline(transaction=False)
        for release_id in release_ids:
            pipe.hset(release_key(release_id), f"state:{stage.value}", _state(status))
        pipe.execute()

    def fail_release(self, release_id: str, stage: Stage, error: str, attempts: int) -> None:
        """A stage gave up on the release: record why and stop the scheduler re-enqueueing it."""
        pipe = self.r.pipeline(transaction=True)
        pipe.hset(
            release_key(release_id),
            f"state:{stage.value}",
            _state("failed", error=error, attempts=attempts),
        )
        pipe.zrem(INFLIGHT, release_id)
        pipe.execute()

    def release_view(self, release_id: str) -> dict[str, Any] | None:
        """Everything known about a release: state per stage and documents so far."""
        data = cast(dict[str, str], self.r.hgetall(release_key(release_id)))
        if not data:
            return None
        states = {
            k.removeprefix("state:"): json.loads(v)
            for k, v in data.items()
            if k.startswith("state:")
        }
        documents = {
            name: json.loads(data[name]) for name in ("raw", "parsed", "enriched") if name in data
        }
        deliveries = [d.model_dump(mode="json") for d in self.deliveries_for_release(release_id)]
        return {
            "id": release_id,
            "received_at": data.get("received_at"),
            "next_stage": data.get("next"),
            "stages": states,
            "documents": documents,
            "deliveries": deliveries,
        }

    def claim_stuck_releases(
        self, now: float, lease: float, limit: int = 500
    ) -> list[tuple[str, str | None]]:
        """Releases whose stage has not finished by its deadline, with the stage to re-run."""
        claimed = self._claim_due(INFLIGHT, now, lease, limit)
        return [(rid, cast(str | None, self.r.hget(release_key(rid), "next"))) for rid in claimed]

    def forget_inflight(self, release_id: str) -> None:
        self.r.zrem(INFLIGHT, release_id)

    def hold_for_embargo(self, release_id: str, until: float) -> None:
        """Park a processed release until its embargo; the scheduler publishes it then."""
        pipe = self.r.pipeline(transaction=True)
        pipe.zadd(EMBARGOED, {release_id: until})
        pipe.hset(release_key(release_id), f"state:{Stage.PUBLISH.value}", _state("embargoed"))
        pipe.zrem(INFLIGHT, release_id)
        pipe.execute()

    def due_embargoes(self, now: float, lease: float, limit: int = 500) -> list[str]:
        """Embargoed releases whose time has come, claimed for ``lease`` seconds."""
        return self._claim_due(EMBARGOED, now, lease, limit)

    def mark_published(self, release_id: str, at: float, channel_slugs: list[str]) -> bool:
        """Record publication (index, feeds, stats) once; True the first time."""
        first = bool(self._publish(keys=[PUBLISHED], args=[at, release_id, *channel_slugs]))
        pipe = self.r.pipeline(transaction=True)
        key = release_key(release_id)
        pipe.hset(key, f"state:{Stage.PUBLISH.value}", _state("done"))
        pipe.hset(key, "published_at", str(at))
        pipe.hdel(key, "next")
        pipe.zrem(INFLIGHT, release_id)
        pipe.zrem(EMBARGOED, release_id)
        pipe.execute()
        return first

    def published_at(self, release_id: str) -> float | None:
        score = self.r.zscore(PUBLISHED, release_id)
        return float(score) if score is not None else None

    # ---- channels, feeds and statistics ------------------------------------------

    def channel_page(
        self, slug: str, before: tuple[float, str] | None, limit: int
    ) -> list[tuple[str, float]]:
        """Newest first; ``before`` is the (time, id) of the last item of the previous page."""
        key = f"{PREFIX}channel:{slug}"
        top: float | str = "+inf" if before is None else before[0]
        page: list[tuple[str, float]] = []
        offset = 0
        while len(page) < limit:
            batch = cast(
                list[tuple[str, float]],
                self.r.zrevrangebyscore(
                    key, top, "-inf", start=offset, num=limit + 16, withscores=True
                ),
            )
            if not batch:
                break
            offset += len(batch)
            for member, score in batch:
                # Same time as the cursor: only ids after it in the (reverse) order.
                if before is not None and score == before[0] and member >= before[1]:
                    continue
                page.append((member, score))
                if len(page) == limit:
                    break
        return page

    def channel_count(self, slugs: list[str]) -> dict[str, int]:
        pipe = self.r.pipeline(transaction=False)
        for slug in slugs:
            pipe.zcard(f"{PREFIX}channel:{slug}")
        return dict(zip(slugs, (int(n) for n in pipe.execute()), strict=True))

    def published_counts(self, now: float, slug: str | None = None) -> tuple[int, int]:
        """Releases published in the last 24 hours and the last 365 days."""
        suffix = f":{slug}" if slug else ""
        hours = cast(dict[str, str], self.r.hgetall(f"{PREFIX}stats:hour{suffix}"))
        days = cast(dict[str, str], self.r.hgetall(f"{PREFIX}stats:day{suffix}"))
        # Whole buckets: the current hour plus the 23 before; the current day plus 364.
        since_hour = (now // HOUR - 23) * HOUR
        since_day = (now // DAY - 364) * DAY
        last_day = sum(int(v) for k, v in hours.items() if float(k) >= since_hour)
        last_year = sum(int(v) for k, v in days.items() if float(k) >= since_day)
        return last_day, last_year

    def stats_channels(self) -> list[str]:
        """Channels that have statistics (that ever published a release)."""
        keys = self.r.scan_iter(f"{PREFIX}stats:day:*", count=1000)
        return sorted(str(k).split(":", 3)[3] for k in keys)

    def trim_stats(self, now: float) -> None:
        """Drop buckets older than kept, so statistics use bounded memory."""
        for suffix in ["", *(f":{s}" for s in self.stats_channels())]:
            for unit, size in (("hour", HOUR), ("day", DAY)):
                key = f"{PREFIX}stats:{unit}{suffix}"
                oldest = (now // size - STATS_KEEP[unit]) * size
                stale = [k for k in cast(list[str], self.r.hkeys(key)) if float(k) < oldest]
                if stale:
                    self.r.hdel(key, *stale)

    def _claim_due(self, zset: str, now: float, lease: float, limit: int) -> list[str]:
        """Members of ``zset`` due by ``now``, each pushed forward by a lease so that the next
        sweep does not take it again while a task works on it (the task removes it when done).

        Only the scheduler holding the ``scheduler`` lease sweeps, so read-then-write is safe.
        """
        due = cast(list[str], self.r.zrangebyscore(zset, "-inf", now, start=0, num=limit))
        if due:
            self.r.zadd(zset, dict.fromkeys(due, now + lease), xx=True)
        return due

    # ---- subscriptions --------------------------------------------------------

    def save_subscription(self, sub: Subscription) -> None:
        self.r.hset(SUBSCRIPTIONS, sub.id, sub.model_dump_json())

    def get_subscription(self, sub_id: str) -> Subscription | None:
        data = self.r.hget(SUBSCRIPTIONS, sub_id)
        return Subscription.model_validate_json(data) if data else None

    def list_subscriptions(self) -> list[Subscription]:
        subs = [Subscription.model_validate_json(v) for v in self.r.hvals(SUBSCRIPTIONS)]
        return sorted(subs, key=lambda s: s.created_at)

    def delete_subscription(self, sub_id: str) -> bool:
        pipe = self.r.pipeline(transaction=True)
        pipe.hdel(SUBSCRIPTIONS, sub_id)
        pipe.hdel(SUB_SECRETS, sub_id)
        pipe.delete(f"{PREFIX}sub-health:{sub_id}")
        deleted, *_ = pipe.execute()
        return bool(deleted)

    def save_sealed_secrets(self, sub_id: str, sealed: str) -> None:
        self.r.hset(SUB_SECRETS, sub_id, sealed)

    def load_sealed_secrets(self, sub_id: str) -> str | None:
        return cast(str | None, self.r.hget(SUB_SECRETS, sub_id))

    def all_sealed_secrets(self) -> dict[str, str]:
        return cast(dict[str, str], self.r.hgetall(SUB_SECRETS))

    def record_delivery_success(self, sub_id: str) -> None:
        self.r.delete(f"{PREFIX}sub-health:{sub_id}")

    def release_slot(self, sub_id: str, token: str) -> None:
        self.r.zrem(f"{PREFIX}sub-slots:{sub_id}", token)

    # ---- deliveries -----------------------------------------------------------

    def create_deliveries(self, deliveries: list[Delivery], first_attempt_by: float) -> bool:
        """Store a release's whole fan-out in one transaction, leaving deliveries that exist
        alone (publish re-runs must not reset their progress). True when
        every one is new and they are all the release has: none can have been attempted,
        so the caller need not read them back.

        Each new delivery is also due in the retry schedule at ``first_attempt_by``: the
        fan-out message can be lost (a worker killed between taking it off the queue and
        recording it as unacknowledged), and then the scheduler makes the first attempt.
        The first attempt's outcome replaces that time."""
        if not deliveries:
            return False
        pipe = self.r.pipeline(transaction=True)
        for delivery in deliveries:
            pipe.set(delivery_key(delivery.id), delivery.model_dump_json(), nx=True)
            pipe.sadd(f"{PREFIX}release-deliveries:{delivery.release_id}", delivery.id)
            pipe.zadd(
                f"{PREFIX}sub-deliveries:{delivery.subscription_id}",
                {delivery.id: delivery.created_at.timestamp()},
                nx=True,
            )
            # On a re-run this may re-add a finished delivery: the deliver task then
            # finds it finished and drops the entry.
            pipe.zadd(DUE_DELIVERIES, {delivery.id: first_attempt_by}, nx=True)
        pipe.scard(f"{PREFIX}release-deliveries:{deliveries[0].release_id}")
        *replies, count = pipe.execute()
        return all(replies[0::4]) and int(count) == len(deliveries)

    def trim_channels(self, slugs: list[str], oldest: float, max_items: int) -> None:
        """``trim_channel`` for several channels in one round trip."""
        pipe = self.r.pipeline(transaction=False)
        for slug in slugs:
            key = f"{PREFIX}channel:{slug}"
            pipe.zremrangebyscore(key, "-inf", f"({oldest}")
            pipe.zremrangebyrank(key, 0, -max_items - 1)
        pipe.execute()

    def get_delivery(self, delivery_id: str) -> Delivery | None:
        data = self.r.get(delivery_key(delivery_id))
        return Delivery.model_validate_json(data) if data else None

    def save_delivery(self, delivery: Delivery) -> None:
        pipe = self.r.pipeline(transaction=True)
        pipe.set(delivery_key(delivery.id), delivery.model_dump_json())
        if delivery.next_attempt_at is not None:
            pipe.zadd(DUE_DELIVERIES, {delivery.id: delivery.next_attempt_at.timestamp()})
        else:
            pipe.zrem(DUE_DELIVERIES, delivery.id)
        pipe.execute()

    def deliveries_for_release(self, release_id: str) -> list[Delivery]:
        ids = sorted(cast(set[str], self.r.smembers(f"{PREFIX}release-deliveries:{release_id}")))
        if not ids:
            return []
        values = self.r.mget([delivery_key(i) for i in ids])
        return [Delivery.model_validate_json(v) for v in values if v]

    def deliveries_for_subscription(
        self, sub_id: str, limit: int = 100, since: float | None = None
    ) -> list[Delivery]:
        """Newest first."""
        ids = cast(
            list[str],
            self.r.zrevrangebyscore(
                f"{PREFIX}sub-deliveries:{sub_id}",
                "+inf",
                since if since is not None else "-inf",
                start=0,
                num=limit,
            ),
        )
        if not ids:
            return []
        values = self.r.mget([delivery_key(i) for i in ids])
        return [Delivery.model_validate_json(v) for v in values if v]

    def recheck_delivery(self, delivery_id: str, at: float) -> None:
        """Make sure the scheduler looks at a delivery again by ``at`` (keeps an earlier time)."""
        self.r.zadd(DUE_DELIVERIES, {delivery_id: at}, nx=True)

    def unschedule_delivery(self, delivery_id: str) -> None:
        self.r.zrem(DUE_DELIVERIES, delivery_id)

    def claim_due_deliveries(self, now: float, lease: float, limit: int = 500) -> list[str]:
        return self._claim_due(DUE_DELIVERIES, now, lease, limit)

    # ---- attempts and dead letters ---------------------------------------------

    def count_attempt(self, task_id: str) -> int:
        key = f"{PREFIX}attempts:{task_id}"
        pipe = self.r.pipeline(transaction=True)
        pipe.incr(key)
        pipe.expire(key, ATTEMPTS_TTL)
        count, _ = pipe.execute()
        return int(count)

    def clear_attempts(self, task_id: str) -> None:
        self.r.delete(f"{PREFIX}attempts:{task_id}")

    def add_dead_letter(self, letter: DeadLetter) -> None:
        self.r.hset(DLQ, letter.key, letter.model_dump_json())

    def dead_letters(self) -> list[DeadLetter]:
        letters = [DeadLetter.model_validate_json(v) for v in self.r.hvals(DLQ)]
        return sorted(letters, key=lambda d: d.at)

    def remove_dead_letter(self, key: str) -> bool:
        return bool(self.r.hdel(DLQ, key))

    # ---- locks ----------------------------------------------------------------

    def unlock(self, name: str, owner: str) -> None:
        self._unlock(keys=[f"{PREFIX}lock:{name}"], args=[owner])

    def try_lead(self, name: str, owner: str, ttl: float) -> bool:
        """A lease so that only one scheduler sweeps at a time, however many run."""
        key = f"{PREFIX}lock:{name}"
        if self.r.set(key, owner, nx=True, px=int(ttl * 1000)):
            return True
        if self.r.get(key) == owner:
            self.r.pexpire(key, int(ttl * 1000))
            return True
        return False


def _state(status: str, error: str | None = None, attempts: int = 0) -> str:
    return StageState.model_validate(
        {"status": status, "at": utcnow(), "error": error, "attempts": attempts}
    ).model_dump_json()

"""One fault run: subscriptions, a steady load, faults injected on a schedule, the drain,
and everything the checker needs. The test and the on-demand run both call ``run``."""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

import redis

from services.cli.system import System
from shared.inbox import inbox_key
from shared.store import DLQ, DUE_DELIVERIES, EMBARGOED, INFLIGHT
from shared.topology import INBOX_STAGES, WORKER_STAGES, route_for
from tests.faults.checker import Accepted, Injection, first_deliveries, lost
from tests.faults.client import api_session
from tests.faults.injectors import FAULTS, Context
from tests.faults.load import Load
from tests.faults.releases import CHANNEL
from tests.faults.subscriber import Hit, Subscriber

SUBSCRIPTIONS = {"/a": [CHANNEL], "/b": [CHANNEL, "Mexico"]}


@dataclass(frozen=True)
class Config:
    releases: int
    rate: float  # releases a second
    faults: Sequence[str]  # the kinds, in FAULTS
    rounds: int  # each kind is injected this many times
    poison_marker: str
    lead_in: float = 5.0  # seconds of clean load before the first fault
    drain_timeout: float = 240.0  # covers the tests' shortened webhook schedule several times
    seed: int = 6


@dataclass
class Result:
    accepted: list[Accepted]
    hits: list[Hit]
    injections: list[Injection]
    subscriptions: list[str]
    dead_letters: dict[str, int]  # release id -> starts recorded when it was parked
    drain_seconds: float
    residue: dict[str, int]  # what was left in queues and schedules after the drain
    load_retries: int
    refused: list[tuple[int, str]] = field(default_factory=list)


def schedule(config: Config, rng: random.Random) -> list[tuple[float, str]]:
    """(seconds after the load starts, fault) spread evenly over the load, kinds shuffled
    within each round so that no fault always follows the same one."""
    kinds = []
    for _ in range(config.rounds):
        batch = list(config.faults)
        rng.shuffle(batch)
        kinds += batch
    duration = config.releases / config.rate
    span = max(1.0, duration - config.lead_in - 5.0)
    step = span / max(1, len(kinds))
    return [(config.lead_in + i * step, kind) for i, kind in enumerate(kinds)]


def subscribe(system: System, subscriber: Subscriber) -> list[str]:
    session = api_session(system.data_dir)
    ids = []
    for path, channels in SUBSCRIPTIONS.items():
        response = session.post(
            f"{system.api_url}/v1/subscriptions",
            json={"url": subscriber.url(path), "channels": channels},
            timeout=10,
        )
        assert response.status_code == 201, response.text
        sub = response.json()
        subscriber.expect(path, sub["id"], sub["secret"])
        ids.append(sub["id"])
    return ids


def residue(client: redis.Redis) -> dict[str, int]:
    """Work still queued, unacknowledged or scheduled; all zero once the wire drained."""
    found = {route_for(s).queue: int(client.llen(route_for(s).queue)) for s in WORKER_STAGES}
    found.update({inbox_key(s): int(client.llen(inbox_key(s))) for s in INBOX_STAGES})
    found["unacked"] = int(client.hlen("unacked"))
    found[INFLIGHT] = int(client.zcard(INFLIGHT))
    found[DUE_DELIVERIES] = int(client.zcard(DUE_DELIVERIES))
    found[EMBARGOED] = int(client.zcard(EMBARGOED))
    return found


def dead_lettered_releases(client: redis.Redis) -> dict[str, int]:
    import json

    out = {}
    for value in client.hvals(DLQ):
        letter = json.loads(value)
        out[str(letter["args"][0])] = int(letter["attempts"])
    return out


def run(system: System, subscriber: Subscriber, config: Config, log=print) -> Result:
    rng = random.Random(config.seed)
    subs = subscribe(system, subscriber)
    load = Load(
        system.api_url,
        system.data_dir,
        run=f"r{rng.randrange(10**6)}",
        releases=config.releases,
        rate=config.rate,
        poison_marker=config.poison_marker,
    )
    ctx = Context(system, subscriber, rng, load.submit_poison)
    plan = schedule(config, rng)
    injections: list[Injection] = []
    load.start()
    begin = time.monotonic()
    for offset, kind in plan:
        pause = begin + offset - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        started, cleared = FAULTS[kind](ctx)
        injections.append(Injection(kind, started, cleared))
        took = cleared - started
        log(f"[faults] {time.monotonic() - begin:6.1f}s {kind}: cleared in {took:.1f}s")
    load.join()
    faults_over = time.time()
    log(f"[faults] load done: {len(load.accepted)} accepted, {load.retries} retries")

    deadline = time.monotonic() + config.drain_timeout
    client = redis.Redis.from_url(str(system.redis_url), decode_responses=True)
    while time.monotonic() < deadline:
        missing = lost(load.snapshot(), subs, first_deliveries(subscriber.ok_hits()))
        if not missing and not any(residue(client).values()):
            break
        time.sleep(1.0)
    drained = time.time() - faults_over
    return Result(
        accepted=load.snapshot(),
        hits=list(subscriber.hits),
        injections=injections,
        subscriptions=subs,
        dead_letters=dead_lettered_releases(client),
        drain_seconds=drained,
        residue=residue(client),
        load_retries=load.retries,
        refused=list(load.refused),
    )

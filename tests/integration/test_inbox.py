"""Stage inboxes on a real redis-server and a real parse worker: releases are taken in
batches, wake-ups are not sent while one waits, and a batch whose worker dies is dissolved
so that only the release that kills its worker ends in the dead-letter set."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from celery import Celery
from celery.exceptions import Reject

from shared.celery_app import StageTask, create_app
from shared.inbox import WAKEUPS_AHEAD, Inbox, claim_key, inbox_key
from shared.models import RawRelease, Submission
from shared.redis_server import RedisServer
from shared.settings import Settings
from shared.store import Store, release_key
from shared.topology import Stage
from tests.support.processes import start_worker, stop, wait_ready

BODY = (
    "Harbor Lights Unveils Solar Ferry\n\n"
    "PORTLAND, Maine, March 3, 2026 -- Harbor Lights Marine said on Tuesday that its first "
    'solar ferry will enter service in May. "It is quiet and clean," said Dana Whitfield, '
    "the company's chief executive.\n\n###\n"
)


def test_wakeups_are_sent_only_while_fewer_than_the_limit_wait(store: Store) -> None:
    inbox = Inbox(store.r)
    asked = [inbox.put(Stage.PARSE, [f"rel_{i}"]) for i in range(5)]
    assert asked == [True] * WAKEUPS_AHEAD + [False] * (5 - WAKEUPS_AHEAD)
    assert store.r.llen(inbox_key(Stage.PARSE)) == 5
    # A sweep asking for an inbox that has its wake-ups waiting sends nothing more.
    assert inbox.put(Stage.PARSE, []) is False
    assert inbox.put(Stage.ENRICH, []) is False  # empty: nothing to wake for


def test_a_claim_takes_a_batch_in_order_and_records_it_under_the_task(store: Store) -> None:
    inbox = Inbox(store.r)
    inbox.put(Stage.ENRICH, [f"rel_{i}" for i in range(5)])
    first = inbox.claim(Stage.ENRICH, "task-a", batch=3)
    assert first.release_ids == ["rel_0", "rel_1", "rel_2"]
    # Two remain and a wake-up slot is free again (this run took one): wake another worker.
    assert first.wake_another is True
    assert inbox.held_by("task-a") == ["rel_0", "rel_1", "rel_2"]
    assert store.r.ttl(claim_key("task-a")) > 0
    second = inbox.claim(Stage.ENRICH, "task-b", batch=3)
    assert second.release_ids == ["rel_3", "rel_4"] and second.wake_another is False
    assert inbox.claim(Stage.ENRICH, "task-c", batch=3).release_ids == []
    inbox.let_go("task-a")
    assert inbox.held_by("task-a") == []


def test_inbox_stats_give_depth_and_the_age_of_the_oldest_entry(store: Store) -> None:
    inbox = Inbox(store.r)
    inbox.put(Stage.PUBLISH, ["rel_x", "rel_y"])
    [row] = inbox.stats((Stage.PUBLISH,), time.time() + 20)
    assert row.depth == 2 and row.oldest_age is not None and row.oldest_age >= 19


def _raw(release_id: str, body: str) -> RawRelease:
    return RawRelease(
        id=release_id,
        submission=Submission(body=body, content_type="text/plain"),
        received_at=datetime.now(UTC),
    )


def test_a_batch_whose_worker_dies_is_dissolved_and_only_the_poison_is_dead_lettered(
    redis_server: RedisServer, store: Store, tmp_path: Path
) -> None:
    marker = "POISON-7f3a"
    good = [f"rel_good{i}" for i in range(4)]
    poison = "rel_poison"
    for rid in good:
        store.create_release(_raw(rid, BODY), requeue_after=600)
    store.create_release(_raw(poison, BODY + f"\n{marker}\n"), requeue_after=600)
    inbox = Inbox(store.r)
    # The poison sits mid-batch: its worker dies after taking all five at once.
    inbox.put(Stage.PARSE, [good[0], good[1], poison, good[2], good[3]])
    Celery(broker=redis_server.url).send_task(
        "pressroom.parse.run", args=[], queue="pressroom.parse"
    )
    log = tmp_path / "parse.log"
    worker = start_worker(
        redis_server.url,
        "parse",
        log,
        extra={
            "PRESSROOM_CHAOS_CRASH_MARKER": marker,
            "PRESSROOM_MAX_ATTEMPTS": "2",
            "PRESSROOM_BATCH_SIZE": "8",
        },
    )
    try:
        wait_ready(worker, log)
        deadline = time.monotonic() + 90
        letters: list[str] = []
        while time.monotonic() < deadline:
            letters = [d.key for d in store.dead_letters()]
            parsed = [store.r.hexists(release_key(rid), "parsed") for rid in good]
            if letters and all(parsed):
                break
            time.sleep(0.3)
        assert letters == [f"pressroom.parse.run:{poison}"]
        assert all(store.r.hexists(release_key(rid), "parsed") for rid in good)
        assert not store.r.hexists(release_key(poison), "parsed")
        # The good releases went on to enrich's inbox; no claim is left behind.
        waiting = store.r.lrange(inbox_key(Stage.ENRICH), 0, -1)
        assert sorted(e.split()[0] for e in waiting) == sorted(good)
        assert store.r.keys("pr:claim:*") == []
        assert "batch.dissolved" in log.read_text(errors="replace")
    finally:
        stop(worker)


def test_a_batch_that_fails_as_a_whole_goes_back_and_is_then_dissolved(
    redis_server: RedisServer, store: Store
) -> None:
    settings = Settings(redis_url=redis_server.url)
    app = create_app("test-inbox", settings=settings)

    class BrokenBatch(StageTask):
        stage = Stage.PUBLISH
        _settings = settings

        def run_batch(self, release_ids: list[str]) -> None:
            raise RuntimeError("the batch path itself broke")

    @app.task(name="test.inbox.broken", base=BrokenBatch, bind=True)
    def broken(self: BrokenBatch, release_id: str) -> None:
        raise AssertionError("a wake-up never runs the single-release body")

    Inbox(store.r).put(Stage.PUBLISH, ["rel_a", "rel_b"])
    with pytest.raises(Reject) as rejected:
        broken()  # a wake-up: no release id
    assert rejected.value.requeue  # back to the queue, not dropped
    assert Inbox(store.r).held_by("local") == ["rel_a", "rel_b"]

    broken()  # the same message again: each release goes on alone
    queued = [
        json.loads(m)["headers"]["argsrepr"] for m in store.r.lrange("pressroom.publish", 0, -1)
    ]
    assert sorted(a for a in queued if "rel_" in a) == ["['rel_a']", "['rel_b']"]
    assert Inbox(store.r).held_by("local") == []

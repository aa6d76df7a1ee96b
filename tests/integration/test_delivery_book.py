"""The deliver stage's grouped bookkeeping (shared.deliveries) against a real Redis: locks,
per-subscription slots and the outcomes of several attempts saved in one call."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from shared.deliveries import DeliveryBook, Finish, health_key, lock_key, slots_key
from shared.models import Delivery, DeliveryStatus, Subscription
from shared.store import DUE_DELIVERIES, PUBLISHED, Store

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def _subscribe(store: Store, sub_id: str, active: bool = True) -> None:
    store.save_subscription(
        Subscription(id=sub_id, url="http://127.0.0.1:9/in", channels=["technology"],
                     active=active, created_at=NOW)
    )  # fmt: skip
    store.save_sealed_secrets(sub_id, f"sealed-{sub_id}")


def _delivery(n: int, sub_id: str) -> Delivery:
    return Delivery(
        id=f"msg_{n}", release_id="rel_1", subscription_id=sub_id,
        url="http://127.0.0.1:9/in", created_at=NOW,
    )  # fmt: skip


def test_open_locks_each_delivery_once_and_reads_it(store: Store) -> None:
    book = DeliveryBook(store.r)
    store.create_deliveries([_delivery(1, "sub_a"), _delivery(2, "sub_b")], 0)
    first = book.open(["msg_1", "msg_2", "msg_3"], ["t:1", "t:2", "t:3"], 30)
    assert [locked for locked, _ in first] == [True, True, True]
    assert [d.id if d else None for _, d in first] == ["msg_1", "msg_2", None]
    again = book.open(["msg_1", "msg_2"], ["u:1", "u:2"], 30)
    assert [locked for locked, _ in again] == [False, False]
    assert store.r.get(lock_key("msg_1")) == "t:1"


def test_contexts_take_slots_up_to_the_limit_per_subscription(store: Store) -> None:
    book = DeliveryBook(store.r)
    _subscribe(store, "sub_a")
    _subscribe(store, "sub_b")
    store.r.zadd(PUBLISHED, {"rel_1": NOW.timestamp()})
    wanted = [("sub_a", "t:1"), ("sub_b", "t:2"), ("sub_missing", "t:3")]
    contexts = book.contexts("rel_1", wanted, limit=1, lease=60)
    assert [c.slot for c in contexts] == [True, True, False]  # no slot for no subscription
    assert [c.subscription.id if c.subscription else None for c in contexts] == [
        "sub_a", "sub_b", None,
    ]  # fmt: skip
    assert contexts[0].sealed_secrets == "sealed-sub_a" and contexts[2].sealed_secrets is None
    assert {c.published_at for c in contexts} == {NOW.timestamp()}
    # sub_a's one slot is taken: a second attempt to it must wait.
    busy = book.contexts("rel_1", [("sub_a", "t:4")], limit=1, lease=60)
    assert busy[0].slot is False
    assert store.r.zrange(slots_key("sub_a"), 0, -1) == ["t:1"]


def test_finish_saves_several_outcomes_and_gives_locks_and_slots_back(store: Store) -> None:
    book = DeliveryBook(store.r)
    _subscribe(store, "sub_a")
    _subscribe(store, "sub_b")
    store.create_deliveries([_delivery(1, "sub_a"), _delivery(2, "sub_b")], 0)
    book.open(["msg_1", "msg_2"], ["t:1", "t:2"], 30)
    book.contexts("rel_1", [("sub_a", "t:1"), ("sub_b", "t:2")], limit=4, lease=60)
    store.r.hset(health_key("sub_a"), mapping={"exhausted": 2, "failing_since": 100})

    ok = _delivery(1, "sub_a").model_copy(
        update={"status": DeliveryStatus.SUCCEEDED, "attempts": 1, "delivered_at": NOW}
    )
    retry_at = NOW + timedelta(minutes=5)
    failed = _delivery(2, "sub_b").model_copy(
        update={"status": DeliveryStatus.RETRYING, "attempts": 1, "next_attempt_at": retry_at}
    )
    healths = book.finish(
        [
            Finish(ok, "t:1", "ok", 200.0, slot_token="t:1"),
            Finish(failed, "t:2", "fail", 200.0, exhausted=True, slot_token="t:2"),
        ]
    )
    assert healths == [None, (1, 200.0)]
    saved = [store.get_delivery(d) for d in ("msg_1", "msg_2")]
    assert [d.status if d else None for d in saved] == [
        DeliveryStatus.SUCCEEDED, DeliveryStatus.RETRYING,
    ]  # fmt: skip
    assert store.r.exists(health_key("sub_a")) == 0  # a success clears the failing streak
    assert store.r.zscore(DUE_DELIVERIES, "msg_1") is None
    assert store.r.zscore(DUE_DELIVERIES, "msg_2") == retry_at.timestamp()
    assert store.r.zcard(slots_key("sub_a")) == 0 and store.r.zcard(slots_key("sub_b")) == 0
    assert store.r.exists(lock_key("msg_1"), lock_key("msg_2")) == 0
    assert book.finish([]) == []


def test_finish_leaves_a_lock_taken_over_by_another_owner(store: Store) -> None:
    book = DeliveryBook(store.r)
    store.create_deliveries([_delivery(1, "sub_a")], 0)
    book.open(["msg_1"], ["t:1"], 30)
    store.r.set(lock_key("msg_1"), "someone-else")  # t:1's lease ran out and was re-taken
    book.finish([Finish(_delivery(1, "sub_a"), "t:1")])
    assert store.r.get(lock_key("msg_1")) == "someone-else"

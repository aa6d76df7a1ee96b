"""Webhooks as a subscriber sees them: signed, retried, bounded, guarded; pull channels and feeds.

Every test drives real worker processes on a real Redis and a real loopback receiver.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import feedparser
import pytest
import requests
from standardwebhooks.webhooks import Webhook

from services.cli.receiver import Answer, Received, Receiver
from services.cli.system import System
from shared.store import Store
from shared.topology import ROUTES
from tests.support.ninjs import ninjs_errors
from tests.support.wire import DEFENCE_RELEASE, release_view, settled, wait_for


@pytest.fixture(autouse=True)
def quiet_pipeline(system: System) -> None:
    """Start each test with nothing in flight, so no earlier release reaches its subscribers."""
    store = Store.from_url(str(system.redis_url))
    queues = [route.queue for route in ROUTES.values()]

    def busy() -> int:
        return int(store.r.zcard("pr:inflight")) + sum(int(store.r.llen(q)) for q in queues)

    wait_for(busy, lambda n: n == 0, timeout=60)


def submit(system: System, body: str = DEFENCE_RELEASE, **fields: object) -> str:
    response = system.http.post(
        f"{system.api_url}/v1/releases", json={"body": body, **fields}, timeout=10
    )
    assert response.status_code == 202, response.text
    return str(response.json()["id"])


def deliveries_of(system: System, release_id: str) -> list[dict[str, Any]]:
    view = wait_for(lambda: release_view(system, release_id), settled, timeout=60)
    return list(view["deliveries"])


def sequence(*answers: Answer) -> Callable[[Received], Answer]:
    queue = list(answers)
    return lambda _got: queue.pop(0) if queue else Answer()


def test_every_delivery_is_signed_and_verifies(
    system: System, receiver: Receiver, subscribe
) -> None:
    sub = subscribe(receiver.url, ["Military Industry"])
    assert sub["secret"].startswith("whsec_")
    ids = [submit(system) for _ in range(3)]

    def ours(got: list[Received]) -> set[str]:
        # Releases still in flight from earlier tests may reach this new subscriber too.
        return {r.json()["pressroom"]["release_id"] for r in got} & set(ids)

    assert receiver.wait_for(lambda got: len(ours(got)) == 3, timeout=60)
    hook = Webhook(sub["secret"])
    for got in receiver.deliveries:
        payload = hook.verify(got.body, got.headers)  # raises if the signature is wrong
        assert got.headers["webhook-id"] == payload["delivery_id"]
        assert ninjs_errors(payload["ninjs"]) == []
    # The secret is shown once: never again by the API, never in clear in Redis.
    listed = system.http.get(f"{system.api_url}/v1/subscriptions/{sub['id']}", timeout=10).json()
    assert "secret" not in listed


def test_secret_never_stored_in_clear(system: System, system_store, subscribe) -> None:
    sub = subscribe("http://127.0.0.1:9/none", ["Retail"])
    dump = b"".join(system_store.r.dump(key) or b"" for key in system_store.r.scan_iter("pr:*"))
    assert sub["secret"].encode() not in dump
    assert sub["secret"].removeprefix("whsec_").encode() not in dump


def test_rotation_signs_with_both_secrets_during_grace(
    system: System, receiver: Receiver, subscribe
) -> None:
    sub = subscribe(receiver.url, ["Military Industry"])
    rotated = system.http.post(
        f"{system.api_url}/v1/subscriptions/{sub['id']}/rotate-secret", timeout=10
    )
    assert rotated.status_code == 200
    new_secret = rotated.json()["secret"]
    assert new_secret != sub["secret"]
    submit(system)
    assert receiver.wait_for(lambda got: len(got) == 1, timeout=60)
    got = receiver.deliveries[0]
    assert got.headers["webhook-signature"].count("v1,") == 2
    Webhook(new_secret).verify(got.body, got.headers)
    Webhook(sub["secret"]).verify(got.body, got.headers)


def test_500_then_recovery_is_retried_with_the_same_webhook_id(system: System, subscribe) -> None:
    with Receiver(behaviour=sequence(Answer(500), Answer(502))) as rx:
        subscribe(rx.url, ["Military Industry"])
        release_id = submit(system)
        assert rx.wait_for(lambda got: len(got) == 1, timeout=60)
        [delivery] = deliveries_of(system, release_id)
    assert delivery["status"] == "succeeded" and delivery["attempts"] == 3
    assert len({a.headers["webhook-id"] for a in rx.attempts}) == 1
    # immediately, then about 5 s later (±20 %)
    assert rx.attempts[2].at - rx.attempts[1].at >= 3.5


def test_429_retry_after_is_honoured(system: System, subscribe) -> None:
    with Receiver(behaviour=sequence(Answer(429, headers={"Retry-After": "3"}))) as rx:
        subscribe(rx.url, ["Military Industry"])
        release_id = submit(system)
        assert rx.wait_for(lambda got: len(got) == 1, timeout=60)
        deliveries_of(system, release_id)
    assert rx.attempts[1].at - rx.attempts[0].at >= 2.9


def test_4xx_fails_at_once_and_302_is_not_followed(system: System, subscribe) -> None:
    with (
        Receiver(behaviour=lambda _g: Answer(404)) as missing,
        Receiver(
            behaviour=lambda _g: Answer(302, headers={"Location": "http://127.0.0.1:9/elsewhere"})
        ) as moved,
    ):
        subscribe(missing.url, ["Military Industry"])
        subscribe(moved.url, ["Military Industry"])
        release_id = submit(system)
        deliveries = deliveries_of(system, release_id)
    by_code = {d["last_status_code"]: d for d in deliveries}
    assert by_code[404]["status"] == "failed" and by_code[404]["attempts"] == 1
    assert by_code[302]["status"] == "failed" and by_code[302]["attempts"] == 1
    assert len(missing.attempts) == 1 and len(moved.attempts) == 1


def test_410_disables_the_subscription(system: System, subscribe) -> None:
    with Receiver(behaviour=lambda _g: Answer(410)) as rx:
        sub = subscribe(rx.url, ["Military Industry"])
        deliveries_of(system, submit(system))
        after = system.http.get(f"{system.api_url}/v1/subscriptions/{sub['id']}", timeout=10).json()
        assert after["active"] is False and "410" in after["disabled_reason"]
        deliveries_of(system, submit(system))
        assert len(rx.attempts) == 1  # nothing more is sent to a disabled subscription


def test_repeated_exhausted_deliveries_disable_and_operator_re_enables(
    system: System, subscribe
) -> None:
    with Receiver(behaviour=lambda _g: Answer(400)) as rx:
        sub = subscribe(rx.url, ["Military Industry"])
        for _ in range(2):  # PRESSROOM_DISABLE_AFTER_FAILED_DELIVERIES=2 in the tests
            deliveries_of(system, submit(system))
        url = f"{system.api_url}/v1/subscriptions/{sub['id']}"
        after = system.http.get(url, timeout=10).json()
        assert after["active"] is False and "in a row" in after["disabled_reason"]
        again = system.http.patch(url, json={"active": True}, timeout=10).json()
        assert again["active"] is True and again["disabled_reason"] is None


def test_slow_and_huge_answers_are_bounded(system: System, subscribe) -> None:
    huge = Answer(200, body=b"x" * (5 * 1024 * 1024))
    with (
        Receiver(behaviour=lambda _g: Answer(200, delay=6)) as slow,
        Receiver(behaviour=lambda _g: huge) as big,
    ):
        subscribe(slow.url, ["Military Industry"])
        subscribe(big.url, ["Military Industry"])
        release_id = submit(system)
        deliveries = wait_for(
            lambda: release_view(system, release_id)["deliveries"],
            lambda ds: len(ds) == 2 and all(d["attempts"] >= 1 for d in ds),
            timeout=60,
        )
    by_url = {d["url"].rstrip("/"): d for d in deliveries}
    slow_one, big_one = by_url[slow.url], by_url[big.url]
    assert big_one["status"] == "succeeded"
    assert slow_one["status"] in ("retrying", "failed")
    assert "timed out" in slow_one["last_error"] or "deadline" in slow_one["last_error"]
    assert slow_one["last_latency_ms"] < 5000  # PRESSROOM_WEBHOOK_DEADLINE=3 in the tests


def test_slow_subscriber_does_not_hold_up_the_others(system: System, subscribe) -> None:
    with Receiver(behaviour=lambda _g: Answer(200, delay=2.5)) as slow, Receiver() as fast:
        subscribe(slow.url, ["Military Industry"])
        subscribe(fast.url, ["Military Industry"])
        for _ in range(4):
            submit(system)
        assert fast.wait_for(lambda got: len(got) == 4, timeout=60)
        # The fast one is done while the slow one (two attempts at a time) still works.
        assert len(slow.attempts) < 4


def test_private_targets_are_refused_without_sending(system: System, subscribe) -> None:
    subscribe("http://169.254.169.254/latest/meta-data", ["Military Industry"])
    subscribe("http://10.0.0.1:8080/hook", ["Military Industry"])
    deliveries = deliveries_of(system, submit(system))
    assert {d["status"] for d in deliveries} == {"failed"}
    assert all("refused target" in d["last_error"] for d in deliveries)
    assert all(d["attempts"] == 1 for d in deliveries)


def test_filters_narrow_a_subscription(system: System, subscribe) -> None:
    with Receiver() as chile, Receiver() as france, Receiver() as spanish:
        subscribe(chile.url, ["Military Industry"], filters={"countries": ["CL"]})
        subscribe(france.url, ["Military Industry"], filters={"countries": ["FR"]})
        subscribe(spanish.url, ["Military Industry"], filters={"languages": ["es"]})
        deliveries_of(system, submit(system))
    assert len(chile.deliveries) == 1
    assert france.attempts == [] and spanish.attempts == []


def test_delivery_log_and_replay_keep_the_webhook_id(system: System, subscribe) -> None:
    with Receiver(behaviour=sequence(Answer(404))) as rx:
        sub = subscribe(rx.url, ["Military Industry"])
        release_id = submit(system)
        [failed] = deliveries_of(system, release_id)
        assert failed["status"] == "failed"
        log = system.http.get(
            f"{system.api_url}/v1/subscriptions/{sub['id']}/deliveries", timeout=10
        ).json()
        assert [d["id"] for d in log] == [failed["id"]]
        assert log[0]["last_status_code"] == 404 and log[0]["attempts"] == 1
        since = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
        replayed = system.http.post(
            f"{system.api_url}/v1/subscriptions/{sub['id']}/replay",
            json={"since": since},
            timeout=10,
        ).json()
        assert replayed == {"replayed": 1}
        assert rx.wait_for(lambda got: len(got) == 1, timeout=30)
    assert (
        rx.deliveries[0].headers["webhook-id"]
        == failed["id"]
        == rx.attempts[0].headers["webhook-id"]
    )


def test_embargo_holds_delivery_and_listing_until_its_time(
    system: System, receiver: Receiver, subscribe
) -> None:
    subscribe(receiver.url, ["Military Industry"])
    until = datetime.now(UTC) + timedelta(seconds=4)
    release_id = submit(system, embargo_until=until.isoformat())
    view = wait_for(
        lambda: release_view(system, release_id),
        lambda v: v["stages"].get("publish", {}).get("status") == "embargoed",
        timeout=60,
    )
    assert view["stages"]["publish"]["status"] == "embargoed"
    page = system.http.get(
        f"{system.api_url}/v1/channels/military-industry/releases?limit=200", timeout=10
    ).json()
    assert release_id not in {r["id"] for r in page["releases"]}
    ninjs = system.http.get(f"{system.api_url}/v1/releases/{release_id}?format=ninjs", timeout=10)
    assert ninjs.status_code == 409
    assert receiver.wait_for(lambda got: len(got) == 1, timeout=30)
    assert receiver.deliveries[0].at >= until.timestamp()
    payload = receiver.deliveries[0].json()
    assert payload["ninjs"]["embargoed"].startswith(until.strftime("%Y-%m-%dT%H:%M"))


def test_channel_pages_feeds_and_stats(system: System) -> None:
    ids = [submit(system) for _ in range(5)]
    for release_id in ids:
        wait_for(lambda rid=release_id: release_view(system, rid), settled, timeout=60)
    base = f"{system.api_url}/v1/channels/military-industry"
    first = system.http.get(f"{base}/releases?limit=2", timeout=10).json()
    assert len(first["releases"]) == 2 and first["next_cursor"]
    seen = [r["id"] for r in first["releases"]]
    cursor = first["next_cursor"]
    while cursor:
        page = system.http.get(
            f"{base}/releases", params={"limit": 2, "cursor": cursor}, timeout=10
        ).json()
        seen += [r["id"] for r in page["releases"]]
        cursor = page["next_cursor"]
    assert len(seen) == len(set(seen))  # no duplicates across pages
    assert set(ids) <= set(seen)
    times = [r["published_at"] for r in first["releases"]]
    assert times == sorted(times, reverse=True)
    bad = system.http.get(f"{base}/releases", params={"cursor": "garbage!"}, timeout=10)
    assert bad.status_code == 422

    for kind, media in (("atom", "application/atom+xml"), ("rss", "application/rss+xml")):
        feed = system.http.get(f"{base}/feed.{kind}", timeout=10)
        assert feed.headers["content-type"].startswith(media)
        parsed = feedparser.parse(feed.content)
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert any(ids[-1] in entry.id for entry in parsed.entries)

    channels = {
        c["slug"]: c for c in system.http.get(f"{system.api_url}/v1/channels", timeout=10).json()
    }
    assert channels["military-industry"]["releases"] >= 5
    assert (
        system.http.get(f"{system.api_url}/v1/channels/no-such/releases", timeout=10).status_code
        == 404
    )

    stats = system.http.get(f"{system.api_url}/v1/stats", timeout=10).json()
    assert stats["last_24_hours"] >= 5 and stats["last_365_days"] >= stats["last_24_hours"]
    assert stats["counter_line"] == (
        f"There were {stats['last_24_hours']:,} press releases posted in the last 24 hours "
        f"and {stats['last_365_days']:,} in the last 365 days."
    )
    assert stats["channels"]["military-industry"]["last_24_hours"] >= 5

    # Published releases are public, like the feeds: no key needed.
    ninjs = requests.get(f"{system.api_url}/v1/releases/{ids[0]}?format=ninjs", timeout=10).json()
    assert ninjs["uri"] == f"urn:pressroom:release:{ids[0]}"
    assert ninjs_errors(ninjs) == []
    assert "Military Industry" in {s["name"] for s in ninjs["subjects"]}


def test_subscription_patch_validates(system: System, subscribe) -> None:
    sub = subscribe("http://127.0.0.1:9/x", ["Retail"])
    url = f"{system.api_url}/v1/subscriptions/{sub['id']}"
    patched = system.http.patch(
        url, json={"channels": ["Technology"], "description": "tech"}, timeout=10
    )
    assert patched.status_code == 200 and patched.json()["channels"] == ["technology"]
    assert system.http.patch(url, json={"channels": ["Nope"]}, timeout=10).status_code == 422
    assert system.http.patch(url, json={"url": "ftp://x"}, timeout=10).status_code == 422
    time.sleep(0)  # keep the subscription for the fixture to delete


def test_one_attempt_of_a_delivery_at_a_time(system: System, subscribe) -> None:
    """A second message for a delivery whose attempt is in flight must not attempt it too."""
    arrived = threading.Event()

    def slow_first(got: Received) -> Answer:
        arrived.set()
        return Answer(200, delay=2.5)

    with Receiver(behaviour=slow_first) as rx:
        sub = subscribe(rx.url, ["Military Industry"])
        release_id = submit(system)
        assert arrived.wait(60)
        [delivery] = release_view(system, release_id)["deliveries"]
        # While the attempt is in flight, ask for the delivery again (the scheduler sends it).
        replay = system.http.post(
            f"{system.api_url}/v1/subscriptions/{sub['id']}/deliveries/{delivery['id']}/replay",
            timeout=10,
        )
        assert replay.status_code == 200
        time.sleep(4)
    assert len(rx.attempts) == 1


def test_a_subscriber_with_every_slot_taken_waits_without_spending_an_attempt(
    system: System, subscribe
) -> None:
    """At most ``subscription_concurrency`` attempts in flight to one subscriber: with its
    slots held elsewhere, its delivery waits (no attempt spent), and is delivered once a
    slot is free."""
    store = Store.from_url(str(system.redis_url))
    with Receiver() as rx:
        sub = subscribe(rx.url, ["Military Industry"])
        slots = f"pr:sub-slots:{sub['id']}"
        held_until = time.time() + 3600
        store.r.zadd(slots, {f"elsewhere-{n}": held_until for n in range(8)})
        release_id = submit(system)
        delivery = wait_for(
            lambda: (release_view(system, release_id).get("deliveries") or [None])[0],
            lambda d: d is not None and d["next_attempt_at"] is not None,
            timeout=60,
        )
        assert delivery["attempts"] == 0 and rx.attempts == []
        store.r.delete(slots)  # the other attempts end
        [delivered] = deliveries_of(system, release_id)
    assert delivered["status"] == "succeeded" and delivered["attempts"] == 1
    assert len(rx.attempts) == 1


def test_one_subscription_that_cannot_be_signed_for_holds_up_no_other(
    system: System, subscribe
) -> None:
    """A fan-out attempt that raises (here: the subscription's sealed secret is gone) is
    that delivery's failure alone; the release still reaches every other subscriber."""
    store = Store.from_url(str(system.redis_url))
    with Receiver() as broken_rx, Receiver() as fine_rx:
        broken = subscribe(broken_rx.url, ["Military Industry"])
        subscribe(fine_rx.url, ["Military Industry"])
        store.r.hdel("pr:sub-secrets", broken["id"])
        release_id = submit(system)
        assert fine_rx.wait_for(lambda got: len(got) == 1, timeout=60)
        time.sleep(1)
    assert broken_rx.attempts == []
    [fine] = fine_rx.deliveries
    assert release_id in fine.body.decode()

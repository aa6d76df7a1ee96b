"""A release's whole path through real worker processes on a real Redis to a real receiver."""

from __future__ import annotations

from datetime import UTC, datetime

from services.cli.receiver import Answer, Received, Receiver
from services.cli.system import System
from shared.models import Delivery, RawRelease, Submission
from shared.store import Store
from tests.support.wire import DEFENCE_RELEASE, release_view, settled, wait_for


def submit(system: System, body: str, **fields: object) -> str:
    response = system.http.post(
        f"{system.api_url}/v1/releases", json={"body": body, **fields}, timeout=10
    )
    assert response.status_code == 202, response.text
    answer = response.json()
    assert answer["status_url"].endswith(f"/v1/releases/{answer['id']}")
    return str(answer["id"])


def test_wire_release_is_tagged_routed_and_delivered(
    system: System, receiver: Receiver, subscribe
) -> None:
    defence = subscribe(receiver.url + "/defence", ["Military Industry"])
    subscribe(receiver.url + "/retail", ["Retail"])

    release_id = submit(system, DEFENCE_RELEASE)

    assert receiver.wait_for(lambda got: len(got) >= 1, timeout=60), "no delivery arrived"
    got = receiver.deliveries[0]
    assert got.path == "/defence"
    payload = got.json()
    assert payload["subscription_id"] == defence["id"]
    ninjs, ours = payload["ninjs"], payload["pressroom"]
    assert ninjs["uri"] == f"urn:pressroom:release:{release_id}"
    assert ninjs["headlines"][0]["value"].startswith("Navy Official: Chile Naval Exercise")
    assert ours["dateline"]["city"] == "WASHINGTON"
    assert ours["dateline"]["date"] == "2022-02-02"
    slugs = {c["slug"] for c in ours["channels"]}
    assert "military-industry" in slugs
    assert "retail" not in slugs
    people = {e["name"] for e in ours["entities"] if e["type"] == "person"}
    assert "Thomas R. Delgado" in people
    assert "Thomas R. Delgado" in {p["name"] for p in ninjs["people"]}
    places = {e["name"] for e in ours["entities"] if e["type"] == "place"}
    assert "Chile" in places

    view = wait_for(lambda: release_view(system, release_id), settled, timeout=30)
    assert {k: v["status"] for k, v in view["stages"].items()} == {
        "ingest": "done",
        "parse": "done",
        "enrich": "done",
        "publish": "done",
    }
    assert set(view["documents"]) == {"raw", "parsed", "enriched"}
    [delivery] = view["deliveries"]
    assert delivery["status"] == "succeeded"
    assert delivery["subscription_id"] == defence["id"]
    # Only the matching subscriber got it.
    assert [r.path for r in receiver.attempts] == ["/defence"]


def test_raw_text_body_is_accepted_and_parsed(system: System) -> None:
    response = system.http.post(
        f"{system.api_url}/v1/releases",
        data=DEFENCE_RELEASE.encode(),
        headers={"content-type": "text/plain; charset=utf-8"},
        timeout=10,
    )
    assert response.status_code == 202, response.text
    view = wait_for(
        lambda: release_view(system, response.json()["id"]), settled, timeout=60
    )
    assert view["documents"]["parsed"]["channels"] == ["Military Industry"]
    assert view["documents"]["raw"]["submission"]["content_type"] == "text/plain"


def test_failed_attempt_is_retried_by_the_scheduler(system: System, subscribe) -> None:
    answers = iter([Answer(status=503), Answer(status=200)])

    def flaky(_got: Received) -> Answer:
        return next(answers, Answer(status=200))

    with Receiver(behaviour=flaky) as rx:
        subscribe(rx.url, ["Military Industry"])
        release_id = submit(system, DEFENCE_RELEASE)
        assert rx.wait_for(lambda got: len(got) == 1, timeout=60)
        view = wait_for(lambda: release_view(system, release_id), settled, timeout=30)
    [delivery] = view["deliveries"]
    assert delivery["status"] == "succeeded"
    assert delivery["attempts"] == 2
    assert [a.headers["content-type"] for a in rx.attempts] == ["application/json"] * 2
    # Both attempts carried the same delivery, so a receiver can dedupe.
    assert rx.attempts[0].json()["delivery_id"] == rx.attempts[1].json()["delivery_id"]


def test_stored_but_never_queued_release_is_picked_up_by_the_scheduler(
    system: System, system_store: Store, receiver: Receiver, subscribe
) -> None:
    """The gap between storing and enqueueing: a crash there must not lose the release."""
    subscribe(receiver.url, ["Military Industry"])
    raw = RawRelease(
        id="rel_never_queued_" + datetime.now(UTC).strftime("%H%M%S%f"),
        submission=Submission(body=DEFENCE_RELEASE),
        received_at=datetime.now(UTC),
    )
    assert system_store.create_release(raw, requeue_after=0)
    assert receiver.wait_for(lambda got: len(got) == 1, timeout=60)
    assert receiver.deliveries[0].json()["pressroom"]["release_id"] == raw.id


def test_delivery_whose_fan_out_message_was_lost_is_attempted_by_the_scheduler(
    system: System, system_store: Store, receiver: Receiver, subscribe
) -> None:
    """A deliver message can vanish (a worker killed between taking it off the queue and
    recording it as unacknowledged): the delivery is due in the schedule from creation."""
    sub = subscribe(receiver.url, ["Military Industry"])
    release_id = submit(system, DEFENCE_RELEASE)
    assert receiver.wait_for(lambda got: len(got) == 1, timeout=60)
    orphan = Delivery(
        id="msg_orphan_" + datetime.now(UTC).strftime("%H%M%S%f"),
        release_id=release_id,
        subscription_id=sub["id"],
        url=sub["url"],
        created_at=datetime.now(UTC),
    )
    # What publish stores, with no message sent for it at all.
    system_store.create_deliveries([orphan], first_attempt_by=datetime.now(UTC).timestamp())
    assert receiver.wait_for(lambda got: len(got) == 2, timeout=30)
    assert receiver.deliveries[1].headers["webhook-id"] == orphan.id
    final = wait_for(
        lambda: system_store.get_delivery(orphan.id),
        lambda d: d is not None and d.status.value == "succeeded",
        timeout=10,
    )
    assert final.attempts == 1


def test_same_external_id_gives_the_same_release(system: System) -> None:
    first = submit(system, DEFENCE_RELEASE, external_id="producer-42")
    response = system.http.post(
        f"{system.api_url}/v1/releases",
        json={"body": DEFENCE_RELEASE, "external_id": "producer-42"},
        timeout=10,
    )
    assert response.status_code == 202
    assert response.json() == {**response.json(), "id": first, "duplicate": True}


def test_release_that_never_parses_is_dead_lettered_with_its_reason(
    system: System, system_store: Store
) -> None:
    release_id = submit(system, "<script>alert(1)</script>", content_type="text/html")
    view = wait_for(lambda: release_view(system, release_id), settled, timeout=60)
    assert view["stages"]["parse"]["status"] == "failed"
    assert "ParseError" in view["stages"]["parse"]["error"]
    letters = {d.key: d for d in system_store.dead_letters()}
    assert f"pressroom.parse.run:{release_id}" in letters

from __future__ import annotations

import json
from datetime import UTC, datetime

from services.deliver.payload import envelope, release_fragment, render_payload
from services.parse.core import parse_submission
from shared.models import ChannelAssignment, EnrichedRelease, Entity, Mention, Submission
from shared.ninjs import to_ninjs
from tests.support.ninjs import ninjs_errors
from tests.support.wire import DEFENCE_RELEASE

WHEN = datetime(2022, 2, 2, 15, 30, tzinfo=UTC)


def enriched() -> EnrichedRelease:
    parsed = parse_submission("rel_x", Submission(body=DEFENCE_RELEASE))
    return EnrichedRelease(
        **parsed.model_dump(exclude={"channels"}),
        declared_channels=parsed.channels,
        entities=[
            Entity(
                name="Thomas R. Delgado",
                type="person",
                mentions=[Mention(text="Delgado", start=0, end=7)],
                count=1,
            ),
            Entity(name="Chile", type="place", ids={"iso3166": "CL"}, count=3),
            Entity(name="Department of Defense", type="organization", count=1),
            Entity(name="Feb. 2, 2022", type="date", count=1),
        ],
        channels=[
            ChannelAssignment(
                slug="military-industry",
                name="Military Industry",
                kind="industry",
                reason="declared",
            ),
            ChannelAssignment(slug="politics", name="Politics", kind="topic", reason="rule"),
        ],
        topics=["defence cooperation"],
    )


def test_release_renders_as_valid_ninjs() -> None:
    doc = to_ninjs(enriched(), WHEN, WHEN, embargoed=WHEN, external_id="p-1")
    assert ninjs_errors(doc) == []
    assert doc["headlines"][0]["value"].startswith("Navy Official")
    assert [b["contenttype"] for b in doc["bodies"]] == ["text/plain", "text/html"]
    assert "<script" not in doc["bodies"][1]["value"]
    assert doc["located"].startswith("WASHINGTON")
    assert doc["people"] == [{"name": "Thomas R. Delgado", "rel": "mentioned"}]
    assert doc["places"][0]["literal"] == "CL"
    politics = next(s for s in doc["subjects"] if s["literal"] == "politics")
    assert politics["uri"].startswith("http://cv.iptc.org/newscodes/mediatopic/")


def test_the_schema_check_can_fail() -> None:
    doc = to_ninjs(enriched(), WHEN, WHEN)
    doc["entities"] = []  # ninjs 2.1 allows no properties of its own kind
    doc["type"] = "press-release"
    assert len(ninjs_errors(doc)) >= 2


def test_a_wrapped_fragment_is_the_whole_document_as_one_json_object() -> None:
    release = enriched()
    body = render_payload(release, "msg_1", "sub_1", WHEN, WHEN, external_id="p-1")
    document = json.loads(body)
    assert list(document) == ["type", "delivery_id", "subscription_id", "ninjs", "pressroom"]
    assert document["delivery_id"] == "msg_1" and document["subscription_id"] == "sub_1"
    assert document["ninjs"] == to_ninjs(release, WHEN, WHEN, external_id="p-1")
    assert ninjs_errors(document["ninjs"]) == []
    # One fragment serves every subscriber: only the ids differ between their bodies.
    fragment = release_fragment(release, WHEN, WHEN, external_id="p-1")
    other = json.loads(envelope(fragment, "msg_2", "sub_2"))
    assert other == {**document, "delivery_id": "msg_2", "subscription_id": "sub_2"}

"""A release as ninjs 2.1 (IPTC's News in JSON), the format subscribers receive.

ninjs 2.1 allows no properties beyond its own, so pressroom's extensions (entities
with offsets, channels with the reason each was chosen, the parsed dateline, quotes
and contacts) travel beside the ninjs document in the webhook envelope, under
``pressroom``, rather than inside it. Mapping:

    headline / subheadline  -> headlines[role=main|sub]
    paragraphs              -> bodies[text/plain] and bodies[text/html]
    about sections          -> descriptions[role=boilerplate]
    dateline city, region   -> located
    people / organisations / places -> the entities of those types
    channels and topics     -> subjects (IPTC Media Topic URI where the channel has one)
"""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any

from shared.models import ChannelAssignment, EnrichedRelease
from shared.taxonomy import load_taxonomy

NINJS_VERSION = "2.1"
MEDIATOPIC_URI = "http://cv.iptc.org/newscodes/mediatopic/"
ENVELOPE_TYPE = "pressroom.release.v1"


def _iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def body_html(paragraphs: list[str]) -> str:
    return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)


def located(release: EnrichedRelease) -> str | None:
    d = release.dateline
    parts = [p for p in (d.city, d.region, d.country) if p]
    return ", ".join(parts) or None


def to_ninjs(
    release: EnrichedRelease,
    first_created: datetime,
    version_created: datetime,
    embargoed: datetime | None = None,
    external_id: str | None = None,
) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "uri": f"urn:pressroom:release:{release.id}",
        "type": "text",
        "representationtype": "full",
        "profile": "pressroom-release",
        "version": "1",
        "standard": {"name": "ninjs", "version": NINJS_VERSION},
        "firstcreated": _iso(first_created),
        "versioncreated": _iso(version_created),
        "pubstatus": "usable",
        "headlines": [{"role": "main", "contenttype": "text/plain", "value": release.headline}],
        "bodies": [
            {
                "role": "main",
                "contenttype": "text/plain",
                "value": release.body_text,
                "wordcount": release.word_count,
                "charcount": len(release.body_text),
            },
            {"role": "main", "contenttype": "text/html", "value": body_html(release.paragraphs)},
        ],
    }
    if release.subheadline:
        doc["headlines"].append(
            {"role": "sub", "contenttype": "text/plain", "value": release.subheadline}
        )
    if release.language:
        doc["language"] = release.language
    if embargoed is not None:
        doc["embargoed"] = _iso(embargoed)
    if where := located(release):
        doc["located"] = where
    if release.about:
        doc["descriptions"] = [{"role": "boilerplate", "value": a} for a in release.about]
    if release.dateline.wire:
        doc["infosources"] = [{"name": release.dateline.wire, "role": "distributor"}]
    if external_id:
        doc["altids"] = [{"role": "producer-id", "value": external_id}]
    groups = {"person": "people", "organization": "organisations", "place": "places"}
    for entity in release.entities:
        group = groups.get(entity.type)
        if group is None:
            continue
        item: dict[str, Any] = {"name": entity.name, "rel": "mentioned"}
        if code := entity.ids.get("iso3166"):
            item["literal"] = code
        doc.setdefault(group, []).append(item)
    subjects = []
    for channel in release.channels:
        subject: dict[str, Any] = {
            "name": channel.name,
            "literal": channel.slug,
            "rel": f"channel:{channel.kind}",
            "creator": "pressroom",
        }
        code = _mediatopic(channel)
        if code:
            subject["uri"] = MEDIATOPIC_URI + code
        subjects.append(subject)
    for topic in release.topics:
        subjects.append({"name": topic, "rel": "topic", "creator": "pressroom"})
    if subjects:
        doc["subjects"] = subjects
    return doc


def _mediatopic(channel: ChannelAssignment) -> str | None:
    known = load_taxonomy().channels.get(channel.slug)
    return known.iptc.removeprefix("medtop:") if known and known.iptc else None


def extensions(release: EnrichedRelease) -> dict[str, Any]:
    """What ninjs has no place for: pressroom's own reading of the release."""
    return {
        "release_id": release.id,
        "dateline": release.dateline.model_dump(mode="json"),
        "entities": [e.model_dump(mode="json") for e in release.entities],
        "channels": [c.model_dump(mode="json") for c in release.channels],
        "declared_channels": release.declared_channels,
        "topics": release.topics,
        "quotes": [q.model_dump(mode="json") for q in release.quotes],
        "contacts": release.contacts.model_dump(mode="json"),
    }

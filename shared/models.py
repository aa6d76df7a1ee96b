"""The documents that cross a queue or leave the system, with the field names of DESIGN.md.

Submission -> RawRelease (ingest) -> ParsedRelease (parse) -> EnrichedRelease
(enrich) -> Delivery (publish, one per matching subscription).
Offsets of entity mentions index into ``ParsedRelease.body_text``.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, HttpUrl, field_validator

MAX_CHANNELS = 50


class ContentType(StrEnum):
    PLAIN = "text/plain"
    HTML = "text/html"
    MARKDOWN = "text/markdown"


class Document(BaseModel):
    """Base of every document: unknown fields are an error, not silently dropped."""

    model_config = ConfigDict(extra="forbid")


class Submission(Document):
    """What a producer sends to ``POST /v1/releases``."""

    body: str = Field(min_length=1, description="The release: plain text, HTML or Markdown.")
    content_type: ContentType = ContentType.PLAIN
    headline: str | None = Field(None, min_length=1, max_length=1000)
    channels: list[str] = Field(default_factory=list, max_length=MAX_CHANNELS)
    external_id: str | None = Field(
        None, min_length=1, max_length=200, description="Producer's id; the idempotency key."
    )
    embargo_until: AwareDatetime | None = None
    language: str | None = Field(None, min_length=2, max_length=8)

    @field_validator("body")
    @classmethod
    def _body_has_text(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("body is empty")
        return value

    @field_validator("channels")
    @classmethod
    def _channels_are_names(cls, value: list[str]) -> list[str]:
        cleaned = [c.strip() for c in value]
        if any(not c or len(c) > 200 for c in cleaned):
            raise ValueError("each channel must be a non-empty name of at most 200 characters")
        return cleaned


class RawRelease(Document):
    """A submission as stored by ingest, before any stage has read it."""

    id: str
    submission: Submission
    received_at: datetime
    producer: str | None = None


class Dateline(Document):
    raw: str | None = None
    city: str | None = None
    cities: list[str] = Field(default_factory=list)
    region: str | None = None
    country: str | None = Field(None, description="ISO 3166-1 alpha-2 where known.")
    date: str | None = Field(None, description="ISO date, YYYY-MM-DD.")
    wire: str | None = None


class Quote(Document):
    speaker: str | None = None
    text: str


class Contacts(Document):
    names: list[str] = Field(default_factory=list)
    emails: list[str] = Field(default_factory=list)
    phones: list[str] = Field(default_factory=list)
    urls: list[str] = Field(default_factory=list)
    handles: list[str] = Field(default_factory=list)
    # Organisation lines of a contact block ("Jane Doe, Acme PR LLC"), for enrich to tag.
    organizations: list[str] = Field(default_factory=list)
    # "City, Region" of a contact's address ("Austin, Texas", "Bedminster, NJ"), for enrich to
    # place: the region is a US state, Canadian province or country parse knows.
    places: list[str] = Field(default_factory=list)


class ReleaseText(Document):
    """What parse reads out of a release; shared by the parsed and enriched documents."""

    id: str
    headline: str
    subheadline: str | None = None
    dateline: Dateline = Field(default_factory=Dateline)
    paragraphs: list[str] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    contacts: Contacts = Field(default_factory=Contacts)
    about: list[str] = Field(default_factory=list, description="Boilerplate sections.")
    disclaimers: list[str] = Field(default_factory=list)
    language: str | None = None
    word_count: int = 0

    @property
    def body_text(self) -> str:
        """The news body as one string; entity offsets index into it."""
        return "\n\n".join(self.paragraphs)


class ParsedRelease(ReleaseText):
    channels: list[str] = Field(
        default_factory=list, description="Declared by the producer (footer or submission)."
    )


EntityType = Literal["person", "organization", "place", "date", "money"]


class Mention(Document):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Entity(Document):
    name: str
    type: EntityType
    mentions: list[Mention] = Field(default_factory=list)
    count: int = 0
    relevance: float = 0.0
    ids: dict[str, str] = Field(default_factory=dict)
    aliases: list[str] = Field(
        default_factory=list, description="Other spellings seen (headline, body, boilerplate)."
    )
    sections: dict[str, int] = Field(
        default_factory=dict,
        description="Mentions per part of the release (headline, dateline, lede, body, about, "
        "disclaimers, contacts); ``mentions`` holds only those with body offsets.",
    )


ChannelKind = Literal["industry", "region", "topic"]


class ChannelAssignment(Document):
    slug: str
    name: str
    kind: ChannelKind
    reason: str = Field(description="Why: declared by the producer, a matched rule, an entity.")
    score: float = 0.0


class EnrichedRelease(ReleaseText):
    declared_channels: list[str] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    channels: list[ChannelAssignment] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list)
    truncated: bool = Field(
        default=False,
        description="Only the start of an unusually long release was tagged (the first "
        "50,000 characters of the body, 20,000 of about and disclaimers); the rest of the "
        "text is delivered untagged.",
    )

    def channel_slugs(self) -> set[str]:
        return {c.slug for c in self.channels}


class SubscriptionFilters(Document):
    """Narrow a subscription within its channels; every given list must match (AND),
    any value within a list may (OR)."""

    countries: list[str] = Field(
        default_factory=list, max_length=300, description="ISO 3166-1 alpha-2 codes."
    )
    entities: list[str] = Field(default_factory=list, max_length=200)
    keywords: list[str] = Field(default_factory=list, max_length=200)
    languages: list[str] = Field(default_factory=list, max_length=50)

    @field_validator("countries", "entities", "keywords", "languages")
    @classmethod
    def _short_values(cls, value: list[str]) -> list[str]:
        cleaned = [v.strip() for v in value]
        if any(not v or len(v) > 200 for v in cleaned):
            raise ValueError("values must be non-empty and at most 200 characters")
        return cleaned


class SubscriptionRequest(Document):
    url: HttpUrl
    channels: list[str] = Field(min_length=1, max_length=MAX_CHANNELS)
    filters: SubscriptionFilters = Field(default_factory=SubscriptionFilters)
    description: str | None = Field(None, max_length=500)


class SubscriptionPatch(Document):
    url: HttpUrl | None = None
    channels: list[str] | None = Field(None, min_length=1, max_length=MAX_CHANNELS)
    filters: SubscriptionFilters | None = None
    description: str | None = Field(None, max_length=500)
    active: bool | None = None


class Subscription(Document):
    """A subscriber's webhook; its signing secret is kept apart (see shared.secrets)."""

    id: str
    url: str
    channels: list[str]
    filters: SubscriptionFilters = Field(default_factory=SubscriptionFilters)
    description: str | None = None
    active: bool = True
    disabled_reason: str | None = None
    created_at: datetime


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    RETRYING = "retrying"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


class Delivery(Document):
    """One release for one subscription; its id is stable across retries and replays."""

    id: str
    release_id: str
    subscription_id: str
    url: str
    status: DeliveryStatus = DeliveryStatus.PENDING
    attempts: int = 0
    last_status_code: int | None = None
    last_error: str | None = None
    last_latency_ms: float | None = None
    created_at: datetime
    next_attempt_at: datetime | None = None
    delivered_at: datetime | None = None


class StageState(Document):
    """A release's progress through one stage."""

    status: Literal["queued", "running", "done", "failed", "embargoed"]
    at: datetime
    attempts: int = 0
    error: str | None = None

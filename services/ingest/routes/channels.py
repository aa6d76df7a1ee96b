"""Pull channels: the taxonomy with counts, channel pages, Atom/RSS feeds, wire statistics."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from shared.errors import NotFound
from shared.models import EnrichedRelease
from shared.taxonomy import Channel

from ..deps import Deps, get_deps
from ..feeds import FeedItem, build_feed, decode_cursor, encode_cursor
from .common import ERRORS

router = APIRouter(tags=["channels"])
DepsParam = Annotated[Deps, Depends(get_deps)]
FEED_ITEMS = 50


class ChannelSummary(BaseModel):
    slug: str
    name: str
    kind: str
    iptc: str | None
    releases: int


class ReleaseSummary(BaseModel):
    id: str
    headline: str
    published_at: datetime
    channels: list[str]
    url: str


class ChannelPage(BaseModel):
    channel: str
    releases: list[ReleaseSummary]
    next_cursor: str | None


class Stats(BaseModel):
    last_24_hours: int
    last_365_days: int
    counter_line: str
    channels: dict[str, dict[str, int]]


def counter_line(day: int, year: int) -> str:
    return (
        f"There were {day:,} press releases posted in the last 24 hours "
        f"and {year:,} in the last 365 days."
    )


def known_channel(deps: Deps, slug: str) -> Channel:
    channel = deps.taxonomy.resolve(slug)
    if channel is None:
        raise NotFound(f"no channel {slug!r}")
    return channel


@router.get("/v1/channels", response_model=list[ChannelSummary])
def list_channels(
    deps: DepsParam, kind: Literal["industry", "region", "topic"] | None = None
) -> list[ChannelSummary]:
    channels = sorted(deps.taxonomy.channels.values(), key=lambda c: (c.kind, c.slug))
    if kind:
        channels = [c for c in channels if c.kind == kind]
    counts = deps.store.channel_count([c.slug for c in channels])
    return [
        ChannelSummary(slug=c.slug, name=c.name, kind=c.kind, iptc=c.iptc, releases=counts[c.slug])
        for c in channels
    ]


def _page(
    deps: Deps, request: Request, slug: str, cursor: str | None, limit: int
) -> tuple[list[tuple[ReleaseSummary, EnrichedRelease]], str | None]:
    before = decode_cursor(cursor) if cursor else None
    rows = deps.store.channel_page(slug, before, limit)
    docs = deps.store.load_documents([rid for rid, _ in rows], "enriched", EnrichedRelease)
    page = []
    for (rid, score), doc in zip(rows, docs, strict=True):
        if doc is None:
            continue
        summary = ReleaseSummary(
            id=rid,
            headline=doc.headline,
            published_at=datetime.fromtimestamp(score, UTC),
            channels=sorted(doc.channel_slugs()),
            url=str(request.url_for("release_status", release_id=rid)),
        )
        page.append((summary, doc))
    next_cursor = encode_cursor(rows[-1][1], rows[-1][0]) if len(rows) == limit else None
    return page, next_cursor


@router.get("/v1/channels/{slug}/releases", response_model=ChannelPage, responses=ERRORS)
def channel_releases(
    slug: str,
    request: Request,
    deps: DepsParam,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> ChannelPage:
    """Published releases of a channel, newest first; pass ``next_cursor`` for the next page."""
    channel = known_channel(deps, slug)
    page, next_cursor = _page(deps, request, channel.slug, cursor, limit)
    return ChannelPage(channel=channel.slug, releases=[s for s, _ in page], next_cursor=next_cursor)


FEED_TYPES = {"atom": "application/atom+xml", "rss": "application/rss+xml"}


@router.get("/v1/channels/{slug}/feed.{kind}", responses=ERRORS)
def channel_feed(
    slug: str, kind: Literal["atom", "rss"], request: Request, deps: DepsParam
) -> Response:
    channel = known_channel(deps, slug)
    page, _ = _page(deps, request, channel.slug, None, FEED_ITEMS)
    items = [
        FeedItem(
            release_id=s.id,
            headline=s.headline,
            summary=doc.paragraphs[0] if doc.paragraphs else "",
            published=s.published_at,
            link=s.url + "?format=ninjs",
        )
        for s, doc in page
    ]
    updated = items[0].published if items else datetime.now(UTC)
    body = build_feed(
        kind,
        channel.name,
        channel.slug,
        feed_url=str(request.url),
        site_url=str(request.url_for("channel_releases", slug=channel.slug)),
        items=items,
        updated=updated,
    )
    return Response(body, media_type=FEED_TYPES[kind])


@router.get("/v1/stats", response_model=Stats, responses=ERRORS)
def stats(deps: DepsParam, channel: Annotated[list[str] | None, Query()] = None) -> Stats:
    """Releases published in the last 24 hours and 365 days, overall and per channel
    (the channels asked for, or every channel that has published)."""
    now = time.time()
    day, year = deps.store.published_counts(now)
    per_channel: dict[str, Any] = {}
    slugs = (
        [known_channel(deps, n).slug for n in channel] if channel else deps.store.stats_channels()
    )
    for slug in slugs:
        d, y = deps.store.published_counts(now, slug)
        per_channel[slug] = {"last_24_hours": d, "last_365_days": y}
    return Stats(
        last_24_hours=day,
        last_365_days=year,
        counter_line=counter_line(day, year),
        channels=per_channel,
    )

"""Channel feeds and cursors (pure): Atom and RSS 2.0 with feedgen, opaque page cursors."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from feedgen.feed import FeedGenerator

from shared.errors import InputError


@dataclass(frozen=True)
class FeedItem:
    release_id: str
    headline: str
    summary: str
    published: datetime
    link: str


def build_feed(
    kind: Literal["atom", "rss"],
    channel_name: str,
    channel_slug: str,
    feed_url: str,
    site_url: str,
    items: list[FeedItem],
    updated: datetime,
) -> bytes:
    fg = FeedGenerator()
    fg.id(f"urn:pressroom:channel:{channel_slug}")
    fg.title(f"pressroom: {channel_name}")
    fg.subtitle(f"Press releases in the {channel_name} channel")
    fg.link(href=site_url, rel="alternate")
    fg.link(href=feed_url, rel="self")
    fg.language("en")
    fg.updated(updated)
    # feedgen prepends entries; add oldest first so the feed reads newest first.
    for item in reversed(items):
        entry = fg.add_entry()
        entry.id(f"urn:pressroom:release:{item.release_id}")
        entry.guid(f"urn:pressroom:release:{item.release_id}", permalink=False)
        entry.title(item.headline)
        entry.link(href=item.link)
        entry.summary(item.summary or item.headline)
        entry.published(item.published)
        entry.updated(item.published)
    return bytes(fg.atom_str(pretty=True) if kind == "atom" else fg.rss_str(pretty=True))


def encode_cursor(published: float, release_id: str) -> str:
    return base64.urlsafe_b64encode(f"{published!r}|{release_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[float, str]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        score, release_id = base64.urlsafe_b64decode(padded).decode().split("|", 1)
        return float(score), release_id
    except (ValueError, UnicodeDecodeError):
        raise InputError("cursor: not a cursor this API gave out") from None

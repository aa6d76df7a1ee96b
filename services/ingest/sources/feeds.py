"""Producers' newsroom feeds (RSS or Atom): fetch with a conditional GET, turn each entry
into a Submission whose external id is derived from the entry, so an entry is submitted
once however often the feed is polled or the runner restarts.

State per feed in Redis:  pr:sources:feed:{name}  hash  etag | last_modified | polled_at
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

import feedparser
import requests

from shared.models import ContentType, Submission

STATE_PREFIX = "pr:sources:feed:"


@dataclass(frozen=True)
class FetchResult:
    status: int
    body: bytes
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def conditional_headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers = {"accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9"}
    if etag:
        headers["if-none-match"] = etag
    if last_modified:
        headers["if-modified-since"] = last_modified
    return headers


def fetch(
    session: requests.Session,
    url: str,
    etag: str | None,
    last_modified: str | None,
    timeout: float,
    max_bytes: int,
) -> FetchResult:
    """One GET, bounded in time and size; redirects are followed (feeds move)."""
    with session.get(
        url, headers=conditional_headers(etag, last_modified), timeout=timeout, stream=True
    ) as response:
        if response.status_code == 304:
            return FetchResult(304, b"", etag, last_modified)
        response.raise_for_status()
        chunks, size = [], 0
        for chunk in response.iter_content(64 * 1024):
            size += len(chunk)
            if size > max_bytes:
                raise ValueError(f"feed is over {max_bytes} bytes")
            chunks.append(chunk)
        return FetchResult(
            response.status_code,
            b"".join(chunks),
            response.headers.get("etag"),
            response.headers.get("last-modified"),
        )


def entry_key(entry: Any) -> str:
    """guid, else link, else a hash of title and content: what identifies an entry."""
    for field in ("id", "link"):
        value = entry.get(field)
        if value:
            return f"{field}:{value}"
    text = (entry.get("title") or "") + "\x1f" + entry_body(entry)
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


def entry_body(entry: Any) -> str:
    contents = entry.get("content") or []
    if contents and contents[0].get("value"):
        return str(contents[0]["value"])
    return str(entry.get("summary") or entry.get("description") or "")


def submissions(feed_name: str, document: bytes, channels: list[str]) -> list[Submission]:
    """Every entry of a feed document with a body, oldest first (pure)."""
    parsed = feedparser.parse(document)
    out = []
    for entry in reversed(parsed.entries):
        body = entry_body(entry)
        if not body.strip():
            continue
        key = hashlib.sha256(entry_key(entry).encode()).hexdigest()[:32]
        title = (entry.get("title") or "").strip()
        out.append(
            Submission(
                body=body,
                content_type=ContentType.HTML,
                headline=title[:1000] or None,
                channels=channels,
                external_id=f"feed:{feed_name}:{key}",
            )
        )
    return out

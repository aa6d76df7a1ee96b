"""``pressroom sources run``: scan the drop directories every tick, poll each feed when due.

The sources file is re-read every tick, so ``pressroom sources add|remove`` takes effect
without a restart. One bad source (unreadable folder, feed down) is logged and skipped;
it never stops the others.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import redis
import requests

from shared.logging import get_logger
from shared.models import Submission
from shared.store import Store

from . import config, dropdir, feeds

log = get_logger("pressroom.sources")

Accept = Callable[[Submission, str, str | None], tuple[str, bool]]


class SourcesRunner:
    def __init__(
        self,
        path: Path,
        store: Store,
        accept: Accept,
        feed_timeout: float = 15.0,
        feed_max_bytes: int = 5 * 1024 * 1024,
    ) -> None:
        self.path = path
        self.store = store
        self.accept = accept
        self.feed_timeout = feed_timeout
        self.feed_max_bytes = feed_max_bytes
        self.session = requests.Session()
        self.session.headers["user-agent"] = "pressroom-sources/0.1"

    def tick(self, now: float | None = None) -> dict[str, object]:
        now = time.time() if now is None else now
        results: dict[str, object] = {}
        for source in config.load(self.path).sources:
            try:
                if isinstance(source, config.DropDir):
                    results[source.name] = self.scan_dropdir(source, now)
                elif self.feed_due(source, now):
                    results[source.name] = self.poll_feed(source, now)
            except (OSError, redis.RedisError, requests.RequestException, ValueError) as exc:
                log.warning("source.failed", source=source.name, error=str(exc))
                results[source.name] = exc
        return results

    def scan_dropdir(self, source: config.DropDir, now: float) -> dropdir.ScanReport:
        def submit(submission: Submission) -> tuple[str, bool]:
            return self.accept(submission, "dropdir", source.producer)

        return dropdir.scan(
            source.path, source.channels, submit, dropdir.decode_file, source.settle_seconds, now
        )

    def feed_due(self, source: config.Feed, now: float) -> bool:
        polled = self.store.r.hget(feeds.STATE_PREFIX + source.name, "polled_at")
        return polled is None or now - float(polled) >= source.interval_seconds

    def poll_feed(self, source: config.Feed, now: float) -> list[str]:
        key = feeds.STATE_PREFIX + source.name
        state = cast(dict[str, str], self.store.r.hgetall(key))
        result = feeds.fetch(
            self.session,
            source.url,
            state.get("etag"),
            state.get("last_modified"),
            self.feed_timeout,
            self.feed_max_bytes,
        )
        new: list[str] = []
        if not result.not_modified:
            for submission in feeds.submissions(source.name, result.body, source.channels):
                release_id, created = self.accept(submission, "feed", source.producer)
                if created:
                    new.append(release_id)
        # Validators saved only after every entry was accepted: a crash re-fetches the
        # whole feed, and the entries' external ids make that harmless.
        mapping = {"polled_at": str(now)}
        if result.etag:
            mapping["etag"] = result.etag
        if result.last_modified:
            mapping["last_modified"] = result.last_modified
        self.store.r.hset(key, mapping=cast(Any, mapping))
        log.info("feed.polled", source=source.name, status=result.status, new=len(new))
        return new

    def run(self, stop: threading.Event, tick_seconds: float) -> None:
        log.info("sources.started", path=str(self.path))
        while not stop.is_set():
            try:
                self.tick()
            except Exception as exc:  # a broken sources file: say so, keep running
                log.error("sources.tick_failed", error=f"{type(exc).__name__}: {exc}")
            stop.wait(tick_seconds)
        log.info("sources.stopped")

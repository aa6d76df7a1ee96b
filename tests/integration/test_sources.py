"""Ingest sources on a real Redis: a drop directory on disk and a feed on a loopback server."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from services.ingest.sources import config
from services.ingest.sources.runner import SourcesRunner
from services.ingest.sources.submit import accept
from shared.celery_app import create_app
from shared.dispatch import Dispatcher
from shared.inbox import Inbox, decode_entry, inbox_key
from shared.models import Submission
from shared.redis_server import RedisServer
from shared.settings import Settings
from shared.store import Store, release_key
from shared.topology import Stage, route_for
from tests.support.processes import cli
from tests.support.wire import DEFENCE_RELEASE

PARSE_QUEUE = route_for(Stage.PARSE).queue


@pytest.fixture
def runner(store: Store, redis_server: RedisServer, tmp_path: Path) -> SourcesRunner:
    dispatcher = Dispatcher(
        create_app("test-sources", settings=Settings(redis_url=redis_server.url)), Inbox(store.r)
    )

    def submit(submission: Submission, source: str, producer: str | None) -> tuple[str, bool]:
        return accept(store, dispatcher, submission, 600, source, producer)

    return SourcesRunner(tmp_path / "sources.json", store, submit)


def queued_ids(store: Store) -> list[str]:
    """Releases handed to parse: waiting in its inbox."""
    return [decode_entry(e)[0] for e in store.r.lrange(inbox_key(Stage.PARSE), 0, -1)]


def test_drop_directory_files_every_file_once(
    store: Store, runner: SourcesRunner, tmp_path: Path
) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    config.save(runner.path, config.SourcesConfig(sources=[
        config.DropDir(name="wire", path=drop, channels=["Military Industry"], settle_seconds=0)
    ]))  # fmt: skip
    (drop / "one.txt").write_text(DEFENCE_RELEASE)
    (drop / "two.md").write_text("# Launch\n\nAcme ships a new widget today.\n")
    (drop / "empty.txt").write_text("  \n")
    (drop / ".half-written.txt").write_text("not yet")
    (drop / "upload.part").write_text("not yet")

    report = runner.tick()["wire"]

    assert sorted(report.submitted) == ["one.txt", "two.md"]  # type: ignore[attr-defined]
    assert sorted(p.name for p in (drop / "done").iterdir()) == ["one.txt", "two.md"]
    assert sorted(p.name for p in (drop / "rejected").iterdir()) == [
        "empty.txt", "empty.txt.reason.txt"
    ]  # fmt: skip
    assert "empty" in (drop / "rejected" / "empty.txt.reason.txt").read_text()
    assert (drop / ".half-written.txt").exists() and (drop / "upload.part").exists()
    assert len(queued_ids(store)) == 2
    raws = [store.load_raw(rid.strip("[]'")) for rid in queued_ids(store)]
    assert {r.submission.content_type.value for r in raws if r} == {"text/plain", "text/markdown"}
    assert all(r and r.submission.channels == ["Military Industry"] for r in raws)

    # The same content dropped again (another name) is recognised, filed, not re-queued.
    (drop / "one-again.txt").write_text(DEFENCE_RELEASE)
    report = runner.tick()["wire"]
    assert report.duplicates == ["one-again.txt"]  # type: ignore[attr-defined]
    assert len(queued_ids(store)) == 2

    # A crash after the claim left a file in processing/: the next scan finishes it,
    # and a file submitted before the crash is not submitted twice.
    (drop / "processing" / "two.md").write_text("# Launch\n\nAcme ships a new widget today.\n")
    (drop / "processing" / "three.txt").write_text("Third release\n\nBody of the third.\n")
    report = runner.tick()["wire"]
    assert report.submitted == ["three.txt"]  # type: ignore[attr-defined]
    assert report.duplicates == ["two.md"]  # type: ignore[attr-defined]
    assert list((drop / "processing").iterdir()) == []
    assert len(queued_ids(store)) == 3


def test_drop_directory_keeps_files_when_redis_is_down(tmp_path: Path) -> None:
    from services.ingest.sources import dropdir

    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / "a.txt").write_text("Headline\n\nBody.\n")

    def down(_submission: Submission) -> tuple[str, bool]:
        raise ConnectionError("redis is down")

    report = dropdir.scan(drop, [], down, dropdir.decode_file, settle=0)
    assert report.deferred == ["a.txt"]
    assert [p.name for p in (drop / "processing").iterdir()] == ["a.txt"]


FEED = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Acme newsroom</title><link>http://example.invalid/</link>
{items}
</channel></rss>"""
ITEM = """<item><title>{title}</title><guid>{guid}</guid>
<description><![CDATA[<p>{body}</p>]]></description></item>"""


class FeedServer:
    """A loopback newsroom (newest entry first, as feeds are) that honours If-None-Match
    and records what it was asked."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str, str]] = []
        self.requests: list[dict[str, str]] = []
        self.answers: list[int] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                headers = {k.lower(): v for k, v in self.headers.items()}
                server.requests.append(headers)
                etag = f'"v{len(server.items)}"'
                if headers.get("if-none-match") == etag:
                    server.answers.append(304)
                    self.send_response(304)
                    self.send_header("etag", etag)
                    self.end_headers()
                    return
                body = FEED.format(items="".join(
                    ITEM.format(title=t, guid=g, body=b) for g, t, b in reversed(server.items)
                )).encode()  # fmt: skip
                server.answers.append(200)
                self.send_response(200)
                self.send_header("content-type", "application/rss+xml")
                self.send_header("etag", etag)
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/feed.xml"


@pytest.fixture
def newsroom() -> Iterator[FeedServer]:
    server = FeedServer()
    server.thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


def test_feed_entries_are_submitted_once_with_conditional_get(
    store: Store, runner: SourcesRunner, newsroom: FeedServer
) -> None:
    config.save(runner.path, config.SourcesConfig(sources=[
        config.Feed(name="acme", url=newsroom.url, interval_seconds=60)
    ]))  # fmt: skip
    newsroom.items = [
        ("acme-1", "Acme opens a plant", "Acme opened a plant in Ohio on Monday."),
        ("acme-2", "Acme hires a CFO", "Acme named Jane Roe chief financial officer."),
    ]
    first = runner.tick(now=1000.0)["acme"]
    assert len(first) == 2  # type: ignore[arg-type]
    raws = [store.load_raw(rid) for rid in first]  # type: ignore[union-attr]
    assert [r.submission.headline for r in raws if r] == ["Acme opens a plant", "Acme hires a CFO"]
    assert "if-none-match" not in newsroom.requests[0]

    assert runner.tick(now=1030.0) == {}  # not due yet: no request at all
    assert len(newsroom.requests) == 1

    assert runner.tick(now=1061.0)["acme"] == []  # due: conditional GET, 304
    assert newsroom.requests[1]["if-none-match"] == '"v2"'
    assert newsroom.answers == [200, 304]

    newsroom.items.append(("acme-3", "Acme results", "Revenue rose 4% in the quarter."))
    third = runner.tick(now=1122.0)["acme"]
    assert newsroom.answers[-1] == 200
    assert len(third) == 1  # type: ignore[arg-type]
    assert len(queued_ids(store)) == 3
    # A restart forgets nothing that matters: without the saved validators the whole feed
    # is fetched again, and still nothing is submitted twice.
    store.r.delete("pr:sources:feed:acme")
    assert runner.tick(now=1200.0)["acme"] == []
    assert len(queued_ids(store)) == 3
    assert store.r.exists(release_key(third[0]))  # type: ignore[index]


def test_sources_cli_add_list_remove(redis_server: RedisServer, tmp_path: Path) -> None:
    env = {"PRESSROOM_SOURCES_PATH": str(tmp_path / "sources.json")}
    added = cli(redis_server.url, "sources", "add", "dropdir", "wire", str(tmp_path / "in"),
                "-c", "Military Industry", extra=env)  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert (tmp_path / "in").is_dir()
    feed = cli(redis_server.url, "sources", "add", "feed", "acme", "http://127.0.0.1:9/f.xml",
               "--interval", "60", extra=env)  # fmt: skip
    assert feed.returncode == 0, feed.stderr
    twice = cli(
        redis_server.url, "sources", "add", "feed", "acme", "http://127.0.0.1:9/f", extra=env
    )
    assert twice.returncode == 2 and "exists already" in twice.stderr
    bad = cli(
        redis_server.url, "sources", "add", "feed", "x", "http://h/f", "-c", "Moon", extra=env
    )
    assert bad.returncode == 2 and "Moon" in bad.stderr
    listed = cli(redis_server.url, "sources", "list", extra=env)
    assert "wire" in listed.stdout and "acme" in listed.stdout
    removed = cli(redis_server.url, "sources", "remove", "acme", extra=env)
    assert removed.returncode == 0
    saved = config.load(tmp_path / "sources.json")
    assert [s.name for s in saved.sources] == ["wire"]

    # `sources run --once` files a dropped release through the real command.
    (tmp_path / "in" / "r.txt").write_text(DEFENCE_RELEASE)
    os.utime(tmp_path / "in" / "r.txt", (1, 1))  # settled long ago
    ran = cli(redis_server.url, "sources", "run", "--once", extra=env)
    assert ran.returncode == 0, ran.stderr
    assert [p.name for p in (tmp_path / "in" / "done").iterdir()] == ["r.txt"]

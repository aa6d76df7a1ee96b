"""``pressroom sources``: edit the sources file and run the ingest sources."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from services.ingest.sources import config
from shared.errors import InputError
from shared.ops_settings import get_ops_settings

from .client import fail

console = Console()
sources_app = typer.Typer(
    help="Drop directories and newsroom feeds that feed ingest.", no_args_is_help=True
)
add_app = typer.Typer(help="Add a source.", no_args_is_help=True)
sources_app.add_typer(add_app, name="add")

ChannelsOption = Annotated[
    list[str] | None, typer.Option("--channel", "-c", help="Declare a channel (repeatable).")
]


def _path() -> Path:
    return get_ops_settings().sources_path


def _check_channels(channels: list[str]) -> None:
    from shared.taxonomy import load_taxonomy

    unknown = load_taxonomy().unknown(channels)
    if unknown:
        fail("unknown channel(s): " + ", ".join(repr(u) for u in unknown))


def _edit(change: Callable[[config.SourcesConfig], config.SourcesConfig]) -> Path:
    """Load the sources file, apply ``change``, save it; a refused change exits with 2."""
    path = _path()
    try:
        config.save(path, change(config.load(path)))
    except InputError as exc:
        fail(str(exc))
    return path


def _add(source: config.DropDir | config.Feed) -> None:
    _check_channels(source.channels)
    path = _edit(lambda sources: config.add_source(sources, source))
    console.print(f"added {source.kind} {source.name!r} to {path}")


@add_app.command("dropdir")
def add_dropdir(
    name: str,
    directory: Annotated[Path, typer.Argument(help="The folder producers drop files into.")],
    channel: ChannelsOption = None,
    producer: Annotated[str | None, typer.Option(help="Scopes idempotency keys.")] = None,
    settle: Annotated[float, typer.Option(help="Seconds a file must be unchanged.")] = 1.0,
) -> None:
    """A drop directory: each file one release; filed into done/ or rejected/."""
    try:
        source = config.DropDir(
            name=name, path=directory.resolve(), channels=channel or [], producer=producer,
            settle_seconds=settle,
        )  # fmt: skip
    except ValueError as exc:
        fail(str(exc).splitlines()[-1].strip())
    directory.mkdir(parents=True, exist_ok=True)
    _add(source)


@add_app.command("feed")
def add_feed(
    name: str,
    url: str,
    channel: ChannelsOption = None,
    interval: Annotated[float, typer.Option(help="Seconds between polls.")] = 300.0,
    producer: Annotated[str | None, typer.Option(help="Scopes idempotency keys.")] = None,
) -> None:
    """An RSS or Atom newsroom feed, polled with conditional GET."""
    try:
        source = config.Feed(
            name=name, url=url, channels=channel or [], interval_seconds=interval,
            producer=producer,
        )  # fmt: skip
    except ValueError as exc:
        fail(str(exc).splitlines()[-1].strip())
    _add(source)


@sources_app.command("list")
def list_sources() -> None:
    """The configured sources."""
    try:
        sources = config.load(_path()).sources
    except InputError as exc:
        fail(str(exc))
    table = Table("name", "kind", "where", "channels", "every", title=str(_path()))
    for s in sources:
        where = str(s.path) if isinstance(s, config.DropDir) else s.url
        every = f"{s.interval_seconds:g}s" if isinstance(s, config.Feed) else "-"
        table.add_row(s.name, s.kind, where, ", ".join(s.channels), every)
    console.print(table)


@sources_app.command("remove")
def remove(name: str) -> None:
    """Remove a source (files already filed stay where they are)."""
    _edit(lambda sources: config.remove_source(sources, name))
    console.print(f"removed {name!r}")


@sources_app.command("run")
def run(
    once: Annotated[bool, typer.Option(help="One scan of every source, then exit.")] = False,
) -> None:
    """Run the sources: scan drop directories, poll feeds when due; SIGTERM stops cleanly."""
    from services.ingest.sources.runner import SourcesRunner
    from services.ingest.sources.submit import accept
    from shared.celery_app import create_app
    from shared.dispatch import Dispatcher
    from shared.inbox import Inbox
    from shared.models import Submission
    from shared.settings import get_settings
    from shared.store import Store

    s, ops = get_settings(), get_ops_settings()
    store = Store.from_url(s.redis_url)
    dispatcher = Dispatcher(create_app("pressroom-sources", settings=s), Inbox(store.r))

    def submit(submission: Submission, source: str, producer: str | None) -> tuple[str, bool]:
        return accept(store, dispatcher, submission, s.stuck_after, source, producer)

    runner = SourcesRunner(ops.sources_path, store, submit, ops.feed_timeout, ops.feed_max_bytes)
    if once:
        for name, result in runner.tick().items():
            console.print(f"{name}: {result}")
        return
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    runner.run(stop, ops.sources_tick)

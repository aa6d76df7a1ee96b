"""Operator commands: queues, workers, the dead-letter set, health checks, settings table.

These talk to Redis (``PRESSROOM_REDIS_URL``) and to the workers' control API directly,
not to the HTTP API: they must work when the API is the thing that is down.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Annotated, Any

import redis
import requests
import typer
from rich.console import Console
from rich.live import Live
from rich.table import Table

from shared.ops_settings import get_ops_settings
from shared.queues import in_flight, queue_stats
from shared.settings import get_settings
from shared.stats import finished_per_minute
from shared.store import DeadLetter, Store, connect
from shared.topology import INBOX_STAGES, ROUTES

from .client import fail
from .settings_doc import settings_table
from .sources_cli import sources_app

console = Console()
dlq_app = typer.Typer(
    help="The dead-letter set: messages that failed too often.", no_args_is_help=True
)
health_app = typer.Typer(
    help="Health checks for containers (exit 0 healthy, 1 not).", no_args_is_help=True
)

QUEUE_FOR_TASK = {route.task: route.queue for route in ROUTES.values()}


def _store() -> Store:
    return Store.from_url(get_settings().redis_url)


def _age(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    if seconds < 120:
        return f"{seconds:.1f}s"
    if seconds < 7200:
        return f"{seconds / 60:.1f}m"
    return f"{seconds / 3600:.1f}h"


# ---- queues -------------------------------------------------------------------------


def queues_table(client: redis.Redis, now: float, minutes: int = 5) -> Table:
    rates = finished_per_minute(client, now, minutes)
    table = Table(
        "stage", "queue", "messages", "inbox", "oldest", f"done/min ({minutes}m)", "retried/min",
        "failed/min", title=f"queues — {in_flight(client)} message(s) in flight",
    )  # fmt: skip
    for row in queue_stats(client, now):
        counts = rates[row.stage]
        failed = counts["rejected"] + counts["dead-lettered"]
        table.add_row(
            row.stage.value,
            row.queue,
            str(row.depth - row.inbox),
            str(row.inbox) if row.stage in INBOX_STAGES else "–",
            _age(row.oldest_age),
            f"{counts['ok'] / minutes:.1f}",
            f"{counts['retry'] / minutes:.1f}",
            f"{failed / minutes:.1f}",
        )
    return table


def queues(
    watch: Annotated[bool, typer.Option("--watch", "-w", help="Refresh until Ctrl-C.")] = False,
    interval: Annotated[float, typer.Option(help="Seconds between refreshes.")] = 2.0,
    minutes: Annotated[int, typer.Option(help="Window of the throughput columns.")] = 5,
) -> None:
    """Messages and inbox entries waiting, oldest age and throughput of each stage."""
    client = _store().r
    try:
        if not watch:
            console.print(queues_table(client, time.time(), minutes))
            return
        with Live(queues_table(client, time.time(), minutes), console=console) as live:
            while True:
                time.sleep(interval)
                live.update(queues_table(client, time.time(), minutes))
    except redis.RedisError as exc:
        fail(f"cannot read Redis at {get_settings().redis_url}: {exc}", 1)
    except KeyboardInterrupt:
        pass


# ---- workers ------------------------------------------------------------------------


def stage_of(node: str) -> str:
    """``enrich-1a2b3c@host`` -> ``enrich`` (the name ``pressroom worker`` gives a node)."""
    name = node.split("@", 1)[0]
    return name.rsplit("-", 1)[0] if "-" in name else name


def workers_table(
    active: dict[str, list[dict[str, Any]]], stats: dict[str, dict[str, Any]]
) -> Table:
    table = Table("stage", "node", "pid", "procs", "done", "running now")
    for node in sorted(set(active) | set(stats), key=lambda n: (stage_of(n), n)):
        info = stats.get(node, {})
        pool = info.get("pool", {})
        done = sum(info.get("total", {}).values()) if info.get("total") else 0
        running = [
            f"{t.get('name', '?').rsplit('.', 2)[-2]}({', '.join(map(str, t.get('args', [])))})"
            for t in active.get(node, [])
        ]
        table.add_row(
            stage_of(node),
            node,
            str(info.get("pid", "-")),
            str(pool.get("max-concurrency", "-")),
            str(done),
            "; ".join(running) or "idle",
        )
    return table


def workers(
    timeout: Annotated[float, typer.Option(help="Seconds to wait for replies.")] = 1.5,
) -> None:
    """What each worker pool is doing: nodes, processes, tasks done, tasks running now."""
    from shared.celery_app import create_app

    app = create_app("pressroom-cli")
    inspect = app.control.inspect(timeout=timeout)
    try:
        active = inspect.active() or {}
        stats = inspect.stats() or {}
    except (redis.RedisError, OSError) as exc:
        fail(f"cannot reach the workers through Redis: {exc}", 1)
    if not active and not stats:
        console.print(f"no worker answered within {timeout:g}s")
        raise typer.Exit(1)
    console.print(workers_table(active, stats))


# ---- dead letters -------------------------------------------------------------------


def _letters(store: Store, keys: list[str], every: bool) -> list[DeadLetter]:
    letters = store.dead_letters()
    if every:
        return letters
    if not keys:
        fail("name dead-letter keys, or pass --all")
    by_key = {d.key: d for d in letters}
    missing = [k for k in keys if k not in by_key]
    if missing:
        fail("no dead letter " + ", ".join(repr(k) for k in missing))
    return [by_key[k] for k in keys]


@dlq_app.command("list")
def dlq_list(
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object a line.")] = False,
) -> None:
    """Dead letters, oldest first, with their reasons."""
    letters = _store().dead_letters()
    if as_json:
        for d in letters:
            print(d.model_dump_json())
        return
    table = Table("key", "task", "attempts", "at", "reason", title=f"{len(letters)} dead letter(s)")
    for d in letters:
        table.add_row(d.key, d.task, str(d.attempts), d.at.isoformat(timespec="seconds"), d.reason)
    console.print(table)


@dlq_app.command("show")
def dlq_show(key: str) -> None:
    """One dead letter as JSON."""
    [letter] = _letters(_store(), [key], False)
    console.print_json(letter.model_dump_json())


def replay_letter(store: Store, send: Any, letter: DeadLetter) -> str:
    """Send the letter's task again, by name, with its arguments; then drop the letter.

    Sent first, removed second: a crash in between leaves a duplicate send, which the
    idempotent tasks absorb, rather than a lost letter."""
    queue = QUEUE_FOR_TASK.get(letter.task)
    if queue is None:
        raise ValueError(f"unknown task {letter.task!r}")
    result = send(letter.task, args=letter.args, queue=queue)
    store.remove_dead_letter(letter.key)
    return str(getattr(result, "id", ""))


@dlq_app.command("replay")
def dlq_replay(
    keys: Annotated[list[str] | None, typer.Argument(help="Dead-letter keys.")] = None,
    every: Annotated[bool, typer.Option("--all", help="Replay every dead letter.")] = False,
) -> None:
    """Send dead letters back to their stage's queue and remove them from the set."""
    from shared.celery_app import create_app

    store = _store()
    letters = _letters(store, keys or [], every)
    app = create_app("pressroom-cli")
    for letter in letters:
        try:
            task_id = replay_letter(store, app.send_task, letter)
        except ValueError as exc:
            fail(f"{letter.key}: {exc}")
        console.print(f"replayed {letter.key} as task {task_id}")


@dlq_app.command("purge")
def dlq_purge(
    keys: Annotated[list[str] | None, typer.Argument(help="Dead-letter keys.")] = None,
    every: Annotated[bool, typer.Option("--all", help="Purge every dead letter.")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask.")] = False,
) -> None:
    """Delete dead letters for good."""
    store = _store()
    letters = _letters(store, keys or [], every)
    if letters and not yes and not typer.confirm(f"delete {len(letters)} dead letter(s)?"):
        raise typer.Exit(1)
    for letter in letters:
        store.remove_dead_letter(letter.key)
    console.print(f"purged {len(letters)} dead letter(s)")


# ---- health checks (container probes) ----------------------------------------------


def _unhealthy(message: str) -> None:
    print(f"unhealthy: {message}")
    raise typer.Exit(1)


def _ping_redis() -> None:
    try:
        connect(get_settings().redis_url).ping()
    except redis.RedisError as exc:
        _unhealthy(f"redis: {exc}")


@health_app.command("redis")
def health_redis() -> None:
    """Redis answers PING (the scheduler's and the sources runner's probe)."""
    _ping_redis()
    print("ok")


@health_app.command("worker")
def health_worker() -> None:
    """This container's worker pool serves its metrics endpoint, and Redis answers."""
    _ping_redis()
    port = get_ops_settings().metrics_port
    if port:
        try:
            requests.get(f"http://127.0.0.1:{port}/metrics", timeout=3).raise_for_status()
        except requests.RequestException as exc:
            _unhealthy(f"worker metrics endpoint: {exc}")
    print("ok")


@health_app.command("api")
def health_api(
    url: Annotated[str, typer.Option(help="The health URL.")] = "http://127.0.0.1:8000/healthz",
) -> None:
    """The API answers its health URL with 200 (which itself pings Redis)."""
    try:
        requests.get(url, timeout=3).raise_for_status()
    except requests.RequestException as exc:
        _unhealthy(f"api: {exc}")
    print("ok")


# ---- settings table and worker environment -------------------------------------------


def settings_doc(
    write: Annotated[
        Path | None, typer.Option(help="Replace the table between the markers in this file.")
    ] = None,
) -> None:
    """Print the table of every PRESSROOM_ setting (or refresh it inside a Markdown file)."""
    from .settings_doc import replace_block

    table = settings_table()
    if write is None:
        print(table)
        return
    write.write_text(replace_block(write.read_text("utf-8"), table), "utf-8")
    print(f"updated {write}")


def prepare_worker_env(environ: dict[str, str] | os._Environ[str] = os.environ) -> None:
    """Before exec'ing Celery: with a metrics port, give the pool an empty multiprocess
    directory, set before prometheus_client is first imported, as its multiprocess mode
    requires. Values left from an earlier run would otherwise be summed in."""
    if not get_ops_settings().metrics_port:
        return
    path = environ.get("PROMETHEUS_MULTIPROC_DIR")
    if path:
        shutil.rmtree(path, ignore_errors=True)
        Path(path).mkdir(parents=True, exist_ok=True)
    else:
        environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="pressroom-metrics-")


def register(app: typer.Typer) -> None:
    app.command()(queues)
    app.command()(workers)
    app.command("settings-doc")(settings_doc)
    app.add_typer(dlq_app, name="dlq")
    app.add_typer(health_app, name="healthcheck")
    app.add_typer(sources_app, name="sources")

"""``pressroom``: run the system, scale a stage, submit and inspect releases.

Commands that talk to a running system take ``--api`` (default
``PRESSROOM_API_URL``, else http://127.0.0.1:8000). Bad input exits with code 2
and one line on stderr; a system that cannot be reached exits with code 1.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
import threading
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from shared.errors import InputError
from shared.models import ContentType, ParsedRelease, Submission
from shared.settings import get_settings
from shared.topology import WORKER_STAGES, Stage

from .client import ApiClient, fail, find_api_key
from .files import content_type_for, read_bytes
from .ops import prepare_worker_env
from .ops import register as register_ops

app = typer.Typer(
    help="pressroom: a press-release wire on Celery and Redis.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
subscriptions_app = typer.Typer(help="Manage webhook subscriptions.", no_args_is_help=True)
app.add_typer(subscriptions_app, name="subscriptions")
keys_app = typer.Typer(help="Manage producer API keys (needs an admin key).", no_args_is_help=True)
app.add_typer(keys_app, name="keys")
register_ops(app)  # queues, workers, dlq, healthcheck, settings-doc
console = Console()

ApiOption = Annotated[
    str | None,
    typer.Option(
        "--api", help="API base URL (default: PRESSROOM_API_URL or http://127.0.0.1:8000)."
    ),
]


def _client(api: str | None) -> ApiClient:
    settings = get_settings()
    return ApiClient(api or settings.api_url, find_api_key(settings.api_key, settings.api_key_file))


# ---- running the system ------------------------------------------------------


@app.command()
def up(
    port: Annotated[int, typer.Option(help="Port of the HTTP API.")] = 8000,
    concurrency: Annotated[
        int | None, typer.Option(help="Processes per worker pool (default: 1; deliver 8 threads).")
    ] = None,
) -> None:
    """Run the whole system in the foreground: Redis, the API, one worker pool per stage,
    the scheduler. Ctrl-C stops all of it."""
    from .system import System

    settings = get_settings()
    # No PRESSROOM_REDIS_URL: an embedded redis-server, so a laptop needs nothing else.
    redis_url = settings.redis_url if "PRESSROOM_REDIS_URL" in os.environ else None
    system = System(
        data_dir=settings.data_dir,
        api_port=port,
        redis_url=redis_url,
        concurrency={s.value: concurrency for s in WORKER_STAGES} if concurrency else {},
    )
    stop = threading.Event()
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        system.start()
    except RuntimeError as exc:
        system.stop()
        fail(str(exc), 1)
    where = (
        "embedded, AOF under " + str(settings.data_dir / "redis")
        if redis_url is None
        else redis_url
    )
    console.print(f"[bold]pressroom is up[/]: API {system.api_url}  Redis {where}")
    key_file = settings.data_dir / "api-key"
    if system.admin_key_created:
        console.print(f"created a development admin key, stored in {key_file}:")
        console.print(f"  {system.admin_key}")
    else:
        console.print(f"admin key: {key_file}")
    console.print("Ctrl-C to stop.")
    while not stop.wait(1.0):
        for child in system.children:
            if child.process is not None and child.process.poll() is not None:
                console.print(f"[red]{child.name} exited ({child.process.returncode}); stopping[/]")
                stop.set()
    console.print("stopping…")
    system.stop()


@app.command()
def api(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Run the HTTP API alone (as `pressroom up` does; run several behind a balancer)."""
    import uvicorn

    from services.ingest.api import create_api

    uvicorn.run(create_api(), host=host, port=port, log_level="warning", access_log=False)


@app.command()
def worker(
    stage: Annotated[str, typer.Argument(help="parse, enrich, publish or deliver.")],
    concurrency: Annotated[
        int | None, typer.Option(help="Pool size (default: 1; deliver: 8 threads).")
    ] = None,
    loglevel: Annotated[str, typer.Option(help="Celery log level.")] = "INFO",
) -> None:
    """Run one worker pool for one stage: what an operator starts more of to scale it."""
    from .system import worker_command

    names = [s.value for s in WORKER_STAGES]
    if stage not in names:
        fail(f"unknown stage {stage!r}; choose one of {', '.join(names)}")
    if concurrency is not None and concurrency < 1:
        fail("--concurrency must be at least 1")
    command = worker_command(Stage(stage), concurrency, loglevel)
    prepare_worker_env()
    os.execv(command[0], command)


@app.command()
def scheduler() -> None:
    """Run the scheduler: re-queues stuck releases, due webhook retries and lifted embargoes."""
    from services.scheduler.main import run_scheduler

    run_scheduler()


@app.command()
def receiver(
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1.")] = 9000,
) -> None:
    """A loopback webhook receiver that prints each delivery (for trying pressroom out)."""
    from .receiver import Answer, Received, Receiver

    def show(got: Received) -> Answer:
        console.print(f"{got.headers.get('webhook-id', '-')}  {len(got.body)} bytes")
        return Answer()

    with Receiver(port, show) as rx:
        console.print(f"listening on {rx.url}; Ctrl-C to stop")
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()


@app.command()
def demo(
    timeout: Annotated[float, typer.Option(help="Seconds to wait for every delivery.")] = 120.0,
) -> None:
    """Start the system on an embedded Redis, submit the bundled sample releases, and show
    where each was delivered."""
    from .demo import run_demo

    if not run_demo(console, timeout):
        raise typer.Exit(1)


# ---- producers ---------------------------------------------------------------


@app.command()
def submit(
    files: Annotated[
        list[str], typer.Argument(help="Release files (.txt, .html, .md; - for stdin).")
    ],
    api: ApiOption = None,
    channel: Annotated[
        list[str] | None, typer.Option("--channel", "-c", help="Declare a channel (repeatable).")
    ] = None,
    external_id: Annotated[
        str | None, typer.Option(help="Producer's id (idempotency key; one file only).")
    ] = None,
) -> None:
    """Submit releases; prints each release id."""
    if external_id and len(files) > 1:
        fail("--external-id names one release; give one file")
    client = _client(api)
    payloads = []
    for path in files:
        try:
            data = read_bytes(path)
        except OSError as exc:
            fail(f"cannot read {path}: {exc.strerror or exc}")
        payloads.append((path, _submission_json(path, data, channel or [], external_id)))
    with Progress(console=Console(stderr=True), transient=True, disable=len(payloads) < 3) as bar:
        task = bar.add_task("submitting", total=len(payloads))
        for path, payload in payloads:
            answer = client.request("POST", "/v1/releases", json=payload)
            console.print(f"{answer['id']}\t{path}" if len(payloads) > 1 else answer["id"])
            bar.advance(task)


def _decode(data: bytes) -> str:
    from services.parse.encoding import decode_body

    return decode_body(data)


def _submission_json(
    path: str, data: bytes, channels: list[str], external_id: str | None
) -> dict[str, object]:
    try:
        text = _decode(data)
        submission = Submission(
            body=text,
            content_type=content_type_for(path),
            channels=channels,
            external_id=external_id,
        )
    except InputError as exc:
        fail(f"{path}: {exc}")
    except ValueError as exc:
        fail(f"{path}: {str(exc).splitlines()[0]}")
    return submission.model_dump(mode="json", exclude_none=True)


@app.command()
def status(release_id: str, api: ApiOption = None) -> None:
    """A release's state per stage, its channels and deliveries (JSON)."""
    view = _client(api).request("GET", f"/v1/releases/{release_id}")
    console.print_json(json.dumps(view))


# ---- judging one release locally ---------------------------------------------


def _local_submission(path: str, content_type: str | None) -> Submission:
    try:
        data = read_bytes(path)
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror or exc}")
    try:
        kind = ContentType(content_type) if content_type else content_type_for(path)
    except ValueError:
        fail(f"unknown content type {content_type!r}; use text/plain, text/html or text/markdown")
    try:
        return Submission(body=_decode(data), content_type=kind)
    except InputError as exc:
        fail(f"{path}: {exc}")
    except ValueError as exc:
        fail(f"{path}: {str(exc).splitlines()[-1].strip()}")


ContentTypeOption = Annotated[
    str | None, typer.Option("--content-type", help="Override the type guessed from the name.")
]


def _parse_file(file: str, content_type: str | None) -> ParsedRelease:
    from services.parse.core import parse_submission

    submission = _local_submission(file, content_type)
    try:
        return parse_submission("local", submission)
    except InputError as exc:
        fail(f"{file}: {exc}")


FileArgument = Annotated[str, typer.Argument(help="Release file; - reads stdin.")]


@app.command("parse")
def parse_cmd(file: FileArgument, content_type: ContentTypeOption = None) -> None:
    """Run the parse core on a file (no Redis, no server) and print the document as JSON."""
    print(_parse_file(file, content_type).model_dump_json(indent=2))


@app.command("enrich")
def enrich_cmd(file: FileArgument, content_type: ContentTypeOption = None) -> None:
    """Run parse, enrich and channel routing on a file (no Redis, no server); print JSON."""
    from services.enrich.core import load_enricher

    print(load_enricher().enrich(_parse_file(file, content_type)).model_dump_json(indent=2))


@app.command("eval")
def eval_cmd(
    labels: Annotated[Path, typer.Argument(help="labels.json: the expected values per file.")],
    dir: Annotated[
        Path | None,
        typer.Option("--dir", help="Folder of the release files (default: beside labels)."),
    ] = None,
    json_only: Annotated[bool, typer.Option("--json", help="Print only the JSON line.")] = False,
    errors: Annotated[
        bool,
        typer.Option(
            "--errors",
            help="Also print each file's missed labels and false hits (tab-separated lines).",
        ),
    ] = False,
) -> None:
    """Score parse and enrich against labelled releases: per-field accuracy and entity F1."""
    from .evaluate import eval_command

    eval_command(labels, dir, json_only, errors)


# ---- subscriptions -----------------------------------------------------------


@subscriptions_app.command("create")
def subscriptions_create(
    url: Annotated[str, typer.Argument(help="The webhook URL.")],
    channel: Annotated[list[str], typer.Option("--channel", "-c", help="Channel (repeatable).")],
    country: Annotated[
        list[str] | None, typer.Option(help="Only releases about this country (ISO code).")
    ] = None,
    entity: Annotated[
        list[str] | None, typer.Option(help="Only releases naming this entity.")
    ] = None,
    keyword: Annotated[list[str] | None, typer.Option(help="Only releases with this word.")] = None,
    language: Annotated[
        list[str] | None, typer.Option(help="Only releases in this language.")
    ] = None,
    description: Annotated[str | None, typer.Option(help="What this subscription is for.")] = None,
    api: ApiOption = None,
) -> None:
    """Subscribe a webhook URL to channels; prints the signing secret, once."""
    filters = {"countries": country, "entities": entity, "keywords": keyword, "languages": language}
    body: dict[str, object] = {
        "url": url,
        "channels": channel,
        "filters": {k: v for k, v in filters.items() if v},
    }
    if description:
        body["description"] = description
    sub = _client(api).request("POST", "/v1/subscriptions", json=body)
    console.print_json(json.dumps(sub))
    Console(stderr=True).print("[bold]Keep the secret now: it is not shown again.[/]")


@subscriptions_app.command("list")
def subscriptions_list(api: ApiOption = None) -> None:
    """List subscriptions."""
    subs = _client(api).request("GET", "/v1/subscriptions")
    table = Table("id", "url", "channels", "active", "disabled because")
    for sub in subs:
        table.add_row(
            sub["id"], sub["url"], ", ".join(sub["channels"]), str(sub["active"]),
            sub.get("disabled_reason") or "",
        )  # fmt: skip
    console.print(table)


@subscriptions_app.command("delete")
def subscriptions_delete(sub_id: str, api: ApiOption = None) -> None:
    """Delete a subscription."""
    _client(api).request("DELETE", f"/v1/subscriptions/{sub_id}")
    console.print(f"deleted {sub_id}")


@subscriptions_app.command("rotate")
def subscriptions_rotate(sub_id: str, api: ApiOption = None) -> None:
    """Rotate the signing secret; the old one keeps signing through the grace period."""
    answer = _client(api).request("POST", f"/v1/subscriptions/{sub_id}/rotate-secret")
    console.print_json(json.dumps(answer))


@subscriptions_app.command("deliveries")
def subscriptions_deliveries(
    sub_id: str,
    limit: Annotated[int, typer.Option(help="How many, newest first.")] = 50,
    api: ApiOption = None,
) -> None:
    """The delivery log of a subscription."""
    rows = _client(api).request("GET", f"/v1/subscriptions/{sub_id}/deliveries?limit={limit}")
    table = Table("delivery", "release", "status", "attempts", "last code", "latency ms", "error")
    for d in rows:
        table.add_row(
            d["id"], d["release_id"], d["status"], str(d["attempts"]),
            str(d["last_status_code"] or ""), str(d["last_latency_ms"] or ""),
            d["last_error"] or "",
        )  # fmt: skip
    console.print(table)


@subscriptions_app.command("replay")
def subscriptions_replay(
    sub_id: str,
    delivery: Annotated[str | None, typer.Option(help="Replay this one delivery.")] = None,
    since: Annotated[
        str | None, typer.Option(help="Replay failed deliveries since this ISO time (with zone).")
    ] = None,
    api: ApiOption = None,
) -> None:
    """Send deliveries again under their original webhook-id."""
    client = _client(api)
    if (delivery is None) == (since is None):
        fail("give exactly one of --delivery or --since")
    if delivery:
        answer = client.request("POST", f"/v1/subscriptions/{sub_id}/deliveries/{delivery}/replay")
    else:
        answer = client.request("POST", f"/v1/subscriptions/{sub_id}/replay", json={"since": since})
    console.print(f"replaying {answer['replayed']} deliveries")


@app.command()
def stats(
    channel: Annotated[
        list[str] | None, typer.Option("--channel", "-c", help="Also show this channel.")
    ] = None,
    api: ApiOption = None,
) -> None:
    """The wire's counter line: releases published in the last 24 hours and 365 days."""
    query = "&".join(f"channel={c}" for c in channel or [])
    answer = _client(api).request("GET", "/v1/stats" + (f"?{query}" if query else ""))
    print(answer["counter_line"])
    for slug, counts in answer["channels"].items():
        day, year = counts["last_24_hours"], counts["last_365_days"]
        print(f"  {slug}: {day:,} in 24 hours, {year:,} in 365 days")


@app.command()
def keygen() -> None:
    """Print a new key for PRESSROOM_SECRET_KEY (encrypts webhook secrets at rest)."""
    from cryptography.fernet import Fernet

    print(Fernet.generate_key().decode())


@app.command()
def bench(
    releases: Annotated[
        int | None, typer.Option(help="Releases per pipeline run (default 486; --quick 60).")
    ] = None,
    subscribers: Annotated[int, typer.Option(help="Loopback webhook subscribers.")] = 10,
    quick: Annotated[bool, typer.Option(help="About a minute, for CI smoke runs.")] = False,
    out: Annotated[Path, typer.Option(help="Where bench.json and bench.md go.")] = Path("reports"),
) -> None:
    """Measure throughput and latency against the compute and queue bounds (see reports/)."""
    from .bench import BenchConfig, run_bench

    if (releases is not None and releases < 1) or subscribers < 1:
        fail("--releases and --subscribers must be at least 1", 2)
    # SIGTERM unwinds like Ctrl-C, so the Redis and workers the bench started are stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    run_bench(BenchConfig.make(releases, subscribers, quick, out), say=console.print)


# ---- API keys ----------------------------------------------------------------


@keys_app.command("create")
def keys_create(
    producer: Annotated[str, typer.Argument(help="Who the key is for.")],
    scope: Annotated[
        list[str] | None, typer.Option("--scope", "-s", help="submit, read or admin (repeatable).")
    ] = None,
    channel: Annotated[
        list[str] | None,
        typer.Option("--channel", "-c", help="Channels it may post to (default any)."),
    ] = None,
    api: ApiOption = None,
) -> None:
    """Create a key; prints it, once."""
    body: dict[str, object] = {"producer": producer}
    if scope:
        body["scopes"] = scope
    if channel:
        body["channels"] = channel
    created = _client(api).request("POST", "/v1/keys", json=body)
    print(created["key"])
    Console(stderr=True).print(
        f"key {created['id']} for {producer}: keep it now, it is not shown again"
    )


@keys_app.command("list")
def keys_list(api: ApiOption = None) -> None:
    """List keys (never the keys themselves)."""
    table = Table("id", "producer", "scopes", "channels", "created", "revoked")
    for k in _client(api).request("GET", "/v1/keys"):
        table.add_row(
            k["id"], k["producer"], ", ".join(k["scopes"]), ", ".join(k["channels"]),
            k["created_at"], k["revoked_at"] or "",
        )  # fmt: skip
    console.print(table)


@keys_app.command("revoke")
def keys_revoke(key_id: str, api: ApiOption = None) -> None:
    """Revoke a key at once."""
    _client(api).request("DELETE", f"/v1/keys/{key_id}")
    console.print(f"revoked {key_id}")


@keys_app.command("bootstrap")
def keys_bootstrap(
    producer: Annotated[str, typer.Argument(help="Who the admin key is for.")] = "operator",
) -> None:
    """Create an admin key straight in Redis (PRESSROOM_REDIS_URL): the first key of a
    deployment, before any key can call the API."""
    from services.ingest.keys import KeyStore
    from shared.store import Store

    try:
        _, token = KeyStore(Store.from_url(get_settings().redis_url)).create(producer, ["admin"])
    except Exception as exc:  # redis errors: say what and where, in one line
        fail(f"cannot reach Redis at PRESSROOM_REDIS_URL: {exc}", 1)
    print(token)


@app.command("reseal-secrets")
def reseal_secrets() -> None:
    """Re-encrypt every stored webhook secret with the first key of PRESSROOM_SECRET_KEY
    (the step in the middle of rotating that key; talks to PRESSROOM_REDIS_URL)."""
    from shared.secrets import SecretBox, SecretKeyMissing, load_key
    from shared.store import Store

    settings = get_settings()
    try:
        box = SecretBox(load_key(settings.secret_key, settings.secret_key_file))
        store = Store.from_url(settings.redis_url)
        sealed = store.all_sealed_secrets()
        for sub_id, token in sealed.items():
            store.save_sealed_secrets(sub_id, box.reseal(token))
    except SecretKeyMissing as exc:
        fail(str(exc))
    except Exception as exc:  # Redis unreachable and the like: one line, not a traceback
        fail(f"cannot reseal: {exc}", 1)
    print(f"resealed {len(sealed)} subscription secrets")

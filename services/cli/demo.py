"""``pressroom demo``: the whole system on a laptop in one command.

Starts pressroom on an embedded Redis, a webhook receiver on loopback with three
subscribers (an industry, a region and a topic), submits the releases bundled
in ``demo_releases/``, waits until each reached every matching subscriber, and
prints where each went.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import requests
from rich.console import Console
from rich.table import Table

from shared.models import Submission
from shared.redis_server import free_port

from .files import content_type_for
from .receiver import Receiver
from .system import System

DEMO_RELEASES = Path(__file__).parent / "demo_releases"
SUBSCRIBERS = {
    "defence-desk": ["Military Industry"],
    "tech-desk": ["Technology"],
    "north-america-desk": ["United States", "Canada"],
}


def run_demo(console: Console, timeout: float) -> bool:
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="pressroom-demo-") as tmp, Receiver() as rx:
        system = System(data_dir=Path(tmp), api_port=free_port(), log_path=Path(tmp) / "system.log")
        console.print("starting pressroom (embedded Redis, API, 4 worker pools, scheduler)…")
        with system:
            console.print(f"  up in {time.monotonic() - started:.1f}s at {system.api_url}")
            api = system.http
            names: dict[str, str] = {}
            for desk, channels in SUBSCRIBERS.items():
                sub = api.post(
                    system.api_url + "/v1/subscriptions",
                    json={"url": f"{rx.url}/{desk}", "channels": channels, "description": desk},
                    timeout=10,
                ).json()
                names[sub["id"]] = desk
            ids: dict[str, str] = {}
            submitted_at = time.monotonic()
            for path in sorted(DEMO_RELEASES.iterdir()):
                sub_doc = Submission(
                    body=path.read_text("utf-8"), content_type=content_type_for(path.name)
                )
                answer = api.post(
                    system.api_url + "/v1/releases",
                    json=sub_doc.model_dump(mode="json", exclude_none=True),
                    timeout=10,
                ).json()
                ids[answer["id"]] = path.name
            views = _wait_until_delivered(api, system.api_url, list(ids), timeout)
            elapsed = time.monotonic() - submitted_at
        ok = _show(console, views, ids, names, rx)
    console.print(
        f"{len(ids)} releases processed and delivered in {elapsed:.1f}s "
        f"(demo total {time.monotonic() - started:.1f}s)"
    )
    return ok


def _settled(view: dict) -> bool:
    stages = view.get("stages", {})
    if any(s.get("status") == "failed" for s in stages.values()):
        return True
    if stages.get("publish", {}).get("status") != "done":
        return False
    return all(d["status"] in ("succeeded", "failed") for d in view.get("deliveries", []))


def _wait_until_delivered(
    api: requests.Session, base: str, release_ids: list[str], timeout: float
) -> dict[str, dict]:
    deadline = time.monotonic() + timeout
    views: dict[str, dict] = {}
    while time.monotonic() < deadline:
        views = {
            rid: api.get(f"{base}/v1/releases/{rid}", timeout=10).json() for rid in release_ids
        }
        if all(_settled(v) for v in views.values()):
            break
        time.sleep(0.25)
    return views


def _show(console: Console, views: dict, ids: dict, names: dict, rx: Receiver) -> bool:
    table = Table("release", "headline", "channels", "delivered to")
    ok = True
    for rid, view in views.items():
        enriched = view.get("documents", {}).get("enriched", {})
        channels = ", ".join(c["name"] for c in enriched.get("channels", []))
        delivered = [
            names.get(d["subscription_id"], d["subscription_id"])
            for d in view.get("deliveries", [])
            if d["status"] == "succeeded"
        ]
        if not _settled(view) or not delivered:
            ok = False
        table.add_row(
            ids[rid], enriched.get("headline", "(not processed)"), channels, ", ".join(delivered)
        )
    console.print(table)
    console.print(f"the receiver on {rx.url} accepted {len(rx.deliveries)} webhook deliveries")
    return ok

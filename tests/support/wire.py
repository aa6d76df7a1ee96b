"""Helpers the integration and end-to-end tests share: polling the API, writing releases."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from services.cli.system import System

DEFENCE_RELEASE = """\
There were 301 press releases posted in the last 24 hours and 98,410 in the last 365 days.

Navy Official: Chile Naval Exercise Shows 'Real Progress' in Pacific Cooperation

WASHINGTON, Feb. 2, 2022 — Naval forces of the United States and Chile completed their largest joint exercise in a decade, the deputy assistant secretary of defense for South American affairs said today.

"Our sailors trained side by side for three weeks, and it showed," Thomas R. Delgado said at a briefing hosted by the Hemisphere Security Forum. "Both navies came away with plans we can use."

Chile sent four frigates and a submarine to the exercise, Delgado said. The Department of Defense sees the Chilean Navy as a key partner for maritime security in the Pacific.

"We want more exchanges between our military academies," Delgado said.

(Follow Carla Munoz on Twitter: @MunozDefenseWire)

Distribution channels: Military Industry
"""


def wait_for(
    fetch: Callable[[], Any], done: Callable[[Any], bool], timeout: float, every: float = 0.2
) -> Any:
    """Poll ``fetch`` until ``done`` holds for its value; the last value on timeout."""
    deadline = time.monotonic() + timeout
    value = fetch()
    while not done(value) and time.monotonic() < deadline:
        time.sleep(every)
        value = fetch()
    return value


def release_view(system: System, release_id: str) -> dict[str, Any]:
    response = system.http.get(f"{system.api_url}/v1/releases/{release_id}", timeout=10)
    response.raise_for_status()
    return dict(response.json())


def published(view: dict[str, Any]) -> bool:
    return bool(view["stages"].get("publish", {}).get("status") == "done")


def settled(view: dict[str, Any]) -> bool:
    """Published and every delivery finished one way or the other, or a stage failed."""
    if any(s["status"] == "failed" for s in view["stages"].values()):
        return True
    return published(view) and all(
        d["status"] in ("succeeded", "failed") for d in view["deliveries"]
    )

"""Chaos hooks for the fault-injection suite (tests/faults/); inert unless switched on.

``PRESSROOM_CHAOS_CRASH_MARKER``: when set to a non-empty string, the parse task of a
release whose body contains it ends its own process with ``os._exit(1)``, every time.
That is a poison message as production meets them (a segfaulting C extension, an
OOM kill): no exception reaches Celery, the pool process just disappears. The suite
uses it to prove that the attempt counter parks such a release in the dead-letter
set after ``PRESSROOM_MAX_ATTEMPTS`` starts while the rest of the wire flows on.

It is read from the environment, not from ``Settings``, on purpose: it is not an
operator setting and must never appear in a deployment's configuration. Never set
it in production.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from shared.logging import get_logger

CRASH_MARKER_ENV = "PRESSROOM_CHAOS_CRASH_MARKER"

log = get_logger("pressroom.chaos")


def crash_marker(environ: Mapping[str, str] = os.environ) -> str | None:
    return environ.get(CRASH_MARKER_ENV) or None


def should_crash(text: str, marker: str | None) -> bool:
    return bool(marker) and marker is not None and marker in text


def crash_if_marked(text: str) -> None:
    """End this process at once when the chaos marker is set and ``text`` carries it."""
    if should_crash(text, crash_marker()):
        log.warning("chaos.crash", marker_env=CRASH_MARKER_ENV)
        os._exit(1)

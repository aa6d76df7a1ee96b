"""Held-out check 16, parse: an editor's inline HTML and dash-led highlights before the
dateline (invented firms)."""

from __future__ import annotations

from services.parse.core import parse_submission
from shared.models import Submission


def _parsed(body: str):  # type: ignore[no-untyped-def]
    return parse_submission("t", Submission(body=body, content_type="text/plain"))


def test_inline_html_an_editor_left_is_dropped() -> None:
    body = (
        "# Quarn Opens a Lab\n\n"
        '<span class="mce_SELRES_start" style="display: inline-block;"></span> ATLANTA, GA — '
        "January 29, 2026 — (X NEWSWIRE) — Quarn opened a lab.\n"
    )
    release = _parsed(body)
    assert (release.dateline.city, release.dateline.date) == ("ATLANTA", "2026-01-29")
    assert release.paragraphs[0] == "Quarn opened a lab."


def test_dash_led_highlights_do_not_use_up_the_dateline_look_ahead() -> None:
    highlights = "".join(f"– Quarn highlight number {n} of the launch –\n\n" for n in range(4))
    body = (
        "# Quarn Brings the Best Seat\n\nKey News:\n\n"
        + highlights
        + "CHICAGO, IL — April 14, 2026 — (X NEWSWIRE) — Quarn opened.\n"
    )
    release = _parsed(body)
    assert (release.dateline.city, release.dateline.date) == ("CHICAGO", "2026-04-14")

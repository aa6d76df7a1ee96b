"""Check 11 parse rules on plain-text releases (invented): a heading's wrapped tail, a wire's
mark on its own line before the dateline, and a bracketed short form that is no wire."""

from __future__ import annotations

import pytest

from services.parse.core import parse_submission
from services.parse.dateline import read_dateline
from shared.models import Submission


def _parse(text: str):  # type: ignore[no-untyped-def]
    return parse_submission("t", Submission(body=text, content_type="text/plain"))


HEADING = "# Quorvane Summit 2026 Confirms Agenda and Opens with Leading\n"
BODY = "March 2, 2026: The Quorvane Board has confirmed the agenda of its summit.\n"


@pytest.mark.parametrize(
    ("between", "headline"),
    [
        # No blank line: the short title-style line is the heading's wrapped tail.
        ("Global CEO Panel\n\n", HEADING[2:-1] + " Global CEO Panel"),
        # A blank line between: the line is no part of the heading.
        ("\nGlobal CEO Panel\n\n", HEADING[2:-1]),
    ],
)
def test_a_heading_wrapped_onto_the_next_line_is_one_headline(between: str, headline: str) -> None:
    assert _parse(HEADING + between + BODY).headline == headline


def test_a_sentence_under_the_heading_is_no_part_of_it() -> None:
    text = (
        "# Quorvane Opens a Plant in Ostrava\n"
        "The plant employs 40 people.\n\n"
        "It opened on Monday.\n"
    )
    assert _parse(text).headline == "Quorvane Opens a Plant in Ostrava"


def test_the_dateline_after_a_line_with_the_wire_mark_is_read() -> None:
    text = (
        "# Quorvane Hires a Head of Compliance\n\n"
        "--News Direct--\n\n"
        "Sydney, April 01, 2026 – (Quarnby Wire) — Quorvane announced that Jane Vell joins.\n"
    )
    parsed = _parse(text)
    assert (parsed.dateline.city, parsed.dateline.date) == ("Sydney", "2026-04-01")
    assert parsed.dateline.wire == "Quarnby Wire"
    # The wire's mark is no paragraph of the release.
    assert all("News Direct" not in p for p in parsed.paragraphs)


def test_a_wire_mark_alone_is_still_the_dateline() -> None:
    text = (
        "# Quorvane Hires a Head\n\n--News Direct--\n\nQuorvane announced that Jane Vell joins.\n"
    )
    parsed = _parse(text)
    assert parsed.dateline.wire == "News Direct"
    assert parsed.dateline.city is None
    assert parsed.paragraphs == ["Quorvane announced that Jane Vell joins."]


def test_a_bracketed_short_form_is_no_wire() -> None:
    text = "The Quarnby & Vell Institute (the Institute) – the leading body for advisers, said."
    assert read_dateline(text) is None
    text = "Quarnby Holdings (“the Company”) – a maker of dies – said."
    assert read_dateline(text) is None
    found = read_dateline("OSTRAVA, March 2, 2026 (Quarnby Wire) – Quorvane said.")
    assert found is not None and found[0].wire == "Quarnby Wire"

"""Held-out check 21 parse rules: on text the project wrote, with invented names."""

from __future__ import annotations

from tests.unit.parse.markdown import parsed_markdown


def test_a_subheading_read_as_a_place_gives_way_to_the_dated_dateline_after_it() -> None:
    body = (
        "# Quarnex to Join a Fireside Chat With Vesk Analysts\n\n"
        "The Exclusive Event Kicks-Off Tomorrow February 26th at 4pm Eastern\n\n"
        "SAN DIEGO - February 25, 2025 (QUARNWIRE) - Quarnex, Inc. said today that its chief "
        "will join a fireside chat tomorrow."
    )
    dateline = parsed_markdown(body).dateline
    assert (dateline.city, dateline.date) == ("SAN DIEGO", "2025-02-25")
    # A dateline that names its place alone, with no dated one after it, still stands.
    undated = "# Quarnex Opens a Plant\n\nQUARNBY -- Quarnex opened a plant.\n\nIt hired 40 people."
    assert parsed_markdown(undated).dateline.city == "QUARNBY"

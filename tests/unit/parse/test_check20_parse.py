"""Held-out check 20 parse rules: on text the project wrote, with invented names."""

from __future__ import annotations

from tests.unit.parse.markdown import parsed_markdown


def test_a_byline_under_the_heading_is_no_part_of_the_headline() -> None:
    body = (
        "# Quarnex And Vesk To Kick Off A Pilot In March\n\nby Dana Quarnby Benzinga\n\n"
        "DETROIT, MICHIGAN - February 20, 2025 - Quarnex Inc. said today it will pilot a plan."
    )
    assert parsed_markdown(body).headline == "Quarnex And Vesk To Kick Off A Pilot In March"
    # A wrapped heading's tail in lower case still goes on with it.
    wrapped = "# Quarnex Raises Funds\n\nfor its new plant\n\nQuarnex said today it raised $5m."
    assert parsed_markdown(wrapped).headline == "Quarnex Raises Funds for its new plant"

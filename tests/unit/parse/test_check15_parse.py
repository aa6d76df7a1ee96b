"""Held-out check 15, parse: dateline forms met on new releases (places as written by the
project, invented firms)."""

from __future__ import annotations

import pytest

from services.parse.blocks import split_lost_breaks
from services.parse.contacts import extract_contacts, find_names, unglue_addresses
from services.parse.dateline import read_dateline


@pytest.mark.parametrize(
    ("paragraph", "cities", "region", "date", "rest"),
    [
        ("QUARNBY AND MOUNTAIN VIEW, CALIF. — 1 OCTOBER, 2026 Acme opened.",
         ["QUARNBY", "MOUNTAIN VIEW"], "CALIF.", "2026-10-01", "Acme opened."),
        ("FRANKENMUTH, MICHIGAN AND ST. LOUIS – JULY 8, 2026 Acme opened.",
         ["FRANKENMUTH", "ST. LOUIS"], "MICHIGAN", "2026-07-08", "Acme opened."),
        ("YUCCA VALLEY, CALIFORNIA- AUGUST, 6TH 2026 Acme opened.",
         ["YUCCA VALLEY"], "CALIFORNIA", "2026-08-06", "Acme opened."),
        ("NEW YORK, NY/ NOVEMBER 11, 2024 / Quarn Digital, Inc. is proud.",
         ["NEW YORK"], "NY", "2024-11-11", "Quarn Digital, Inc. is proud."),
        ("Temecula, CA – For anyone in Temecula, the gym opens.",
         ["Temecula"], "CA", None, "For anyone in Temecula, the gym opens."),
        # Check 16: two cities joined by a spaced slash.
        ("PALM BEACH, FL / QUARNBY, ARGENTINA — February 5, 2026 — (X NEWSWIRE) — Acme opened.",
         ["PALM BEACH", "QUARNBY"], "FL", "2026-02-05", "Acme opened."),
        ("QUARNBY, ARGENTINA / WASHINGTON D.C. — February 11, 2026 — Acme opened.",
         ["QUARNBY", "WASHINGTON D.C."], None, "2026-02-11", "Acme opened."),
    ],
)  # fmt: skip
def test_dateline_forms(
    paragraph: str, cities: list[str], region: str, date: str | None, rest: str
) -> None:
    found = read_dateline(paragraph)
    assert found is not None
    dateline, after = found
    assert (dateline.cities, dateline.region, dateline.date, after) == (cities, region, date, rest)


@pytest.mark.parametrize(
    "paragraph",
    ["Austin, Texas, is a city – yes it is.", "Quarn, Inc. – a company of note.", "TIME: 9 am"],
)
def test_running_text_is_no_dateline(paragraph: str) -> None:
    assert read_dateline(paragraph) is None


def test_an_about_heading_glued_to_a_sentence_end_opens_a_paragraph() -> None:
    line = "Acme sells online, in stores and on mobile.About Quarn GroupQuarn Group, based in Reno."
    assert split_lost_breaks(line) == [
        "Acme sells online, in stores and on mobile.",
        "About Quarn GroupQuarn Group, based in Reno.",
    ]
    assert split_lost_breaks("Read the About Quarn page.") == ["Read the About Quarn page."]


def test_a_possessive_ends_no_contact_name() -> None:
    block = "Jane Roe, jroe@quarn.com\n\nVisit Quarn Medical’s press kit"
    assert find_names(block) == ["Jane Roe"]


@pytest.mark.parametrize(
    ("block", "name"),
    [
        ("Contacts:Jenna Quarnstonjenna@quarnpr.com", "Jenna Quarnston"),
        ("Erika BrellaErika@TarnCreekCommunications.com", "Erika Brella"),
    ],
)
def test_a_surname_glued_to_an_address_that_opens_with_the_given_name(
    block: str, name: str
) -> None:
    contacts = extract_contacts([block], block, [])
    assert name in contacts.names
    assert unglue_addresses("Write to info@quarn.com or Jane jane@quarn.com") == (
        "Write to info@quarn.com or Jane jane@quarn.com"
    )

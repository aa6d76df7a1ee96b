"""Check 12 parse rules on contact blocks (invented text): the places of a contact's address,
including lines glued together, and the lines that name no contact."""

from __future__ import annotations

import pytest

from services.parse.contacts import extract_contacts, find_names, find_organizations, find_places
from services.parse.dateline import read_dateline


@pytest.mark.parametrize(
    ("block", "places"),
    [
        ("Quarnby Media\nAustin, Texas\n512-555-0100", ["Austin, Texas"]),
        # Lines glued: the city to the word before it, a web address to the region after it.
        ("QuarnWireAustin, Texaswww.quarnwire.example512.555.0100 Office", ["Austin, Texas"]),
        ("12 Brell Street, Suite 300, Maplewood, NJ 07040", ["Maplewood, NJ"]),
        ("Brellwick Ltd, Toronto, Ontario M5V 2T6", ["Toronto, Ontario"]),
        # Overlapping pairs are all offered; enrich keeps the cities the gazetteer knows there.
        (
            "Acme Labs, New York, NY",
            ["Acme Labs, New York", "Labs, New York", "New York, NY", "York, NY"],
        ),
    ],
)
def test_the_places_of_a_contact_address(block: str, places: list[str]) -> None:
    assert find_places(block) == places


@pytest.mark.parametrize(
    "block",
    [
        "Jane Vell, Georgia Tech alumni office",  # a region that is no state: "Georgia Tech"
        "Contact: Jane Vell, Quarnby Labs",
        "Visit the Maplewood Hall, Suite 4",
    ],
)
def test_no_place_without_a_known_region(block: str) -> None:
    assert find_places(block) == []


def test_a_prose_line_of_a_contact_block_names_no_contact() -> None:
    block = (
        "For more information on the Best Quarns to Visit program, see the website.\n"
        "Contact: Jane Vell, Quarnby Group, SVP Managing Principal, 500 Brell Drive, Maplewood"
    )
    assert find_names(block) == ["Jane Vell"]
    # Asked to reach someone, a line of prose still names the contact.
    assert find_names("For details, please contact Tomas Brell at the office.") == ["Tomas Brell"]


def test_an_about_heading_in_a_contact_block_is_no_organisation() -> None:
    assert find_organizations("About the Company\nQuarnby Holdings LLC") == ["Quarnby Holdings LLC"]


def test_contacts_carry_their_places() -> None:
    contacts = extract_contacts(["Quarnby Media\nAustin, Texas"], "", [])
    assert contacts.places == ["Austin, Texas"]


def test_cities_joined_by_a_slash_are_all_dateline_cities() -> None:
    found = read_dateline("Quarnby, Japan/New York, United States – July 1st 2025 – Acme said")
    assert found is not None
    dateline, rest = found
    assert dateline.cities == ["Quarnby", "New York"] and dateline.country == "JP"
    assert dateline.date == "2025-07-01" and rest == "Acme said"


def test_a_labelled_release_date_is_a_dateline_of_its_own() -> None:
    found = read_dateline("Release Date: July 22, 2025")
    assert found is not None and found[0].date == "2025-07-22" and found[0].city is None
    assert found[0].raw == "Release Date: July 22, 2025"
    assert read_dateline("Date: to be announced") is None

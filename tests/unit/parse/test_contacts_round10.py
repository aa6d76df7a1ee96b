"""Contact blocks: surnames with a capital inside, and agency-for-client lines (invented names)."""

from __future__ import annotations

import pytest

from services.parse.contacts import extract_contacts, find_names, find_organizations


@pytest.mark.parametrize(
    "name",
    [
        "Nessa McQuarrie",
        "Ivo MacTavish",
        "Liam O'Brannigan",
        "Orla O’Brannigan",
        "Jean d'Arcovel",
        "Tavi DeMarcoli",
        "Pell DiVarna",
        "Rue LaPlantier",
        "Cass LeBrovin",
        "Tam VanDorel",
        "Edda VonKresst",
        "Mira DuBovant",
    ],
)
def test_prefixed_surname_is_read_whole(name: str) -> None:
    assert find_names(f"Media Contact\n{name}\n424-555-0163") == [name]


def test_label_glued_to_a_prefixed_surname() -> None:
    assert find_names("Contact DetailsNick McQuarrie") == ["Nick McQuarrie"]
    assert find_names("Zed Orrin-McVale, Brexlow Partners") == ["Zed Orrin-McVale"]


def test_glued_names_and_camel_case_brands_unchanged() -> None:
    # A name glued to what follows still ends where the capitalised word ends.
    assert find_names("Jana RoeTarnwell Media Ltd") == ["Jana Roe"]
    block = "BrightQuill\n\nMcQuarrie\n\nhello@bq.test"
    assert find_names(block) == []
    assert find_organizations(block) == ["BrightQuill", "McQuarrie"]


def test_agency_for_client_line() -> None:
    assert find_organizations("Brightline Communications for Zorvex") == [
        "Brightline Communications"
    ]
    assert find_organizations("Kestra PR on behalf of Ostrel Holdings") == [
        "Kestra PR",
        "Ostrel Holdings",
    ]
    assert find_organizations("Vantor Agency for BrightQuill") == ["Vantor Agency", "BrightQuill"]


def test_for_line_without_an_agency_shape_gives_nothing() -> None:
    assert find_organizations("Contacts for Journalists") == []
    assert find_organizations("Marta Quillon for Zorvex") == []
    # A bare word after "for" is not taken as a client.
    assert find_organizations("Kestra PR for Journalists") == ["Kestra PR"]


def test_contacts_keep_agency_and_person_apart() -> None:
    contacts = extract_contacts(
        ["Media Contact\nNessa McQuarrie\nBrightline Communications for Zorvex\nn@bl.test"],
        "",
        [],
    )
    assert contacts.names == ["Nessa McQuarrie"]
    assert contacts.organizations == ["Brightline Communications"]

"""Organisation lines of a contact block are kept (invented names)."""

from __future__ import annotations

from services.parse.contacts import extract_contacts, find_organizations


def test_organisation_lines_of_a_contact_block() -> None:
    block = (
        "Media Contact:\n\nMarta Quillon, Brexlow Partners\n\n424-555-0163, marta@brexlow.test\n\n"
        "Contact DetailsTarnwell Media Ltd\n\n+44 20 5555 0100\n\nBrightQuill\n\nhello@bq.test"
    )
    orgs = find_organizations(block)
    assert "Brexlow Partners" in orgs
    assert "Tarnwell Media Ltd" in orgs
    assert "BrightQuill" in orgs
    assert "Marta Quillon" not in orgs


def test_contacts_carry_organisations_apart_from_names() -> None:
    contacts = extract_contacts(["Jon Arvel, Ostrel Holdings, Inc.\njon@ostrel.test"], "", [])
    assert contacts.names == ["Jon Arvel"]
    assert contacts.organizations == ["Ostrel Holdings, Inc"]

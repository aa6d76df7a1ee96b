"""Held-out check 14, parse: firms in a contact block found by the domain of a contact's
address, on contact lines the project wrote (invented names)."""

from __future__ import annotations

from services.parse.contacts import extract_contacts, find_domain_organizations


def test_a_firm_spelled_by_its_domain_is_read_from_glued_contact_lines() -> None:
    block = "Investor Relations Contact:Jane Roe, CEOQRV Advisory, Inc.jroe@qrvadvisory.com"
    contacts = extract_contacts([block], block, [])
    assert "QRV Advisory, Inc" in contacts.organizations


def test_a_legal_form_glued_to_the_next_name_is_kept() -> None:
    block = "Media ContactQT Services AGKatrin Vell, Phone: +49 89 555 0100 team@qt-services.eu"
    assert find_domain_organizations(block, ["team@qt-services.eu"], []) == ["QT Services AG"]


def test_no_firm_from_a_mail_service_a_person_or_the_start_of_a_longer_name() -> None:
    block = "Jane Roe jane.roe@gmail.com, Quarn Vell www.quarnvell.com, Brell Haven Shop"
    addresses = ["jane.roe@gmail.com", "www.quarnvell.com", "https://brellhaven.com/"]
    assert find_domain_organizations(block, addresses, ["Quarn Vell"]) == []


def test_a_domain_under_a_country_level_names_the_firm() -> None:
    block = "Ana Roe, Tarn Brides Partners (UK) – ana@tarnbridespartners.co.uk"
    found = find_domain_organizations(block, ["ana@tarnbridespartners.co.uk"], ["Ana Roe"])
    assert found == ["Tarn Brides Partners"]


def test_a_street_in_a_contact_address_is_no_name() -> None:
    block = "Vellmark AG, Quarnner Str. 12, 80333 Munich\nContact: Katrin Vell"
    names = extract_contacts([block], block, []).names
    assert names == ["Katrin Vell"]


def test_address_fields_name_no_person() -> None:
    block = (
        "Contact Person: Belle Quarnby\nCity: Tortola\n"
        "Country: British Virgin IslandsAddress: Vell House, 3rd Floor, Quarn Ghut"
    )
    assert extract_contacts([block], block, []).names == ["Belle Quarnby"]


def test_a_contact_person_label_opens_the_contact_block() -> None:
    from services.parse.blocks import split_blocks
    from services.parse.sections import split_sections

    text = (
        "Quarnvell opens a new school in Vellburg this spring, with places for 200 pupils.\n\n"
        "Contact Person: Belle Quarnby\n\nWebsite: quarnvell.example\n\nCity: Tortola"
    )
    sections = split_sections(split_blocks(text))
    assert any("Belle Quarnby" in c for c in sections.contacts)
    assert not any("Belle Quarnby" in b.text for b in sections.body)


def test_datelines_with_mixed_dashes_or_a_full_stop_after_the_date() -> None:
    from services.parse.dateline import read_dateline

    found = read_dateline("QUARNBY CITY -– January 29, 2025 – Vellcorp, a trade body, said")
    assert found is not None and found[0].city == "QUARNBY CITY"
    assert found[0].date == "2025-01-29" and found[1].startswith("Vellcorp")
    found = read_dateline("Edmonton, Alberta, Canada February 3, 2025. Quarnex Inc. is a firm")
    assert found is not None and (found[0].city, found[0].date) == ("Edmonton", "2025-02-03")
    assert found[1].startswith("Quarnex Inc.")


def test_a_label_in_capitals_is_no_dateline() -> None:
    from services.parse.dateline import read_dateline

    assert read_dateline("TIME: 2:00 PM ET") is None
    assert read_dateline("CONTACT INFORMATION:") is None
    found = read_dateline("LONDON — Quarnex said today")
    assert found is not None and found[0].city == "LONDON"


def test_labelled_city_and_country_fields_are_a_contact_place() -> None:
    from services.parse.contacts import find_places

    block = "City: Tortola\n\nCountry: British Virgin IslandsAddress: Vell House, 3rd Floor"
    assert find_places(block) == ["Tortola, British Virgin Islands"]
    assert find_places("Country: Quarnland") == []  # no country parse knows

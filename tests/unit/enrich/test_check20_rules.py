"""Held-out check 20 rules: on text the project wrote, with invented names."""

from __future__ import annotations

from services.enrich import candidates
from services.enrich.core import Enricher
from shared.models import Contacts, ParsedRelease
from tests.unit.enrich.spans import release_of


def people_in(enricher: Enricher, release: ParsedRelease) -> set[str]:
    return {e.name for e in enricher.enrich(release).entities if e.type == "person"}


def test_a_roster_run_into_one_line_by_round_bullets_names_each_person(
    enricher: Enricher,
) -> None:
    text = (
        "Speakers include: •\tDana Quarnby, Managing Director at Vesk Capital •\tYorl "
        "Vantassel, Partner at Quarn Investments • Mira Olsk, Head of Primaries at Vesk"
    )
    people = [h.text for h in candidates.from_bullets(text, enricher.knowledge)]
    assert people == ["Dana Quarnby", "Yorl Vantassel", "Mira Olsk"]
    # A bullet opening its own line is the line roster's, read once.
    line = "Speakers:\n• Dana Quarnby, Managing Director at Vesk Capital"
    assert [h.text for h in candidates.from_bullets(line, enricher.knowledge)] == [
        "Dana Quarnby"
    ]


def test_a_contact_run_of_a_firms_plain_words_is_no_person(enricher: Enricher) -> None:
    kn = enricher.knowledge
    assert candidates.unvouched_contact_name("Quarnex Wallet", kn)
    assert candidates.unvouched_contact_name("Contracting Vesklan", kn)
    assert not candidates.unvouched_contact_name("Wentong Quarnby", kn)
    assert not candidates.unvouched_contact_name("Dana Wallet", kn)  # a given name first
    release = release_of(
        "Quarnex Wallet is a multi-chain wallet. Vesk Tools Contracting builds decks.",
        contacts=Contacts(names=["Quarnex Wallet", "Jane Quarnby", "Top Vesk Firms In"]),
    )
    assert people_in(enricher, release) == {"Jane Quarnby"}


def test_a_street_inside_a_contact_run_makes_it_an_address(enricher: Enricher) -> None:
    release = release_of(
        "Vesk Pictures opened an office.",
        contacts=Contacts(names=["Jane Quarnby", "Carroll Blvd Quarn City"]),
    )
    assert people_in(enricher, release) == {"Jane Quarnby"}

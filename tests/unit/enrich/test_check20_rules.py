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
    assert [h.text for h in candidates.from_bullets(line, enricher.knowledge)] == ["Dana Quarnby"]


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


def test_a_quoted_song_title_of_a_given_name_and_words_is_no_person(enricher: Enricher) -> None:
    text = 'Her hits "Shine" and "Love Come Down," still play. Love Quarnby sang.'
    start = text.index("Love Come Down")
    hits = candidates.from_ner(text, [(start, start + 14, "WORK_OF_ART")], enricher.knowledge)
    assert hits == []
    assert candidates.in_quotes(text, start, start + 14)
    assert not candidates.in_quotes(text, text.index("Love Quarnby"), text.index(" sang"))


def test_a_junior_without_its_full_stop_stays_with_the_name(enricher: Enricher) -> None:
    release = release_of(
        "Legends such as Ray Quarnby, Jr., who wrote the theme, called in. Thanks to "
        "Dana Vesk, Ray Quarnby, Jr, and Mira Olsk for their support."
    )
    people = people_in(enricher, release)
    assert "Ray Quarnby, Jr." in people
    assert "Ray Quarnby" not in people


def test_a_famous_name_run_into_a_headlines_words_is_cut(enricher: Enricher) -> None:
    kn = enricher.knowledge
    assert candidates.known_person_then_words("Donald Trump Declare Victory", kn) == (
        "Donald Trump"
    )
    # A surname after a known name makes a longer name.
    assert candidates.known_person_then_words("Donald Trump King", kn) == "Donald Trump King"


def test_a_family_firm_is_no_person(enricher: Enricher) -> None:
    text = "Quarn Brothers named a new president. Quarn Brothers builds bridges."
    start = text.index("Quarn Brothers")
    hits = candidates.from_ner(text, [(start, start + 14, "PERSON")], enricher.knowledge)
    assert [(h.text, h.label) for h in hits] == [("Quarn Brothers", "organization")]


def test_a_hyphened_town_written_with_a_space_is_that_town(enricher: Enricher) -> None:
    assert enricher.gazetteer.known("Monte Carlo") == enricher.gazetteer.known("Monte-Carlo")
    release = release_of(
        "The forum takes place in Monte Carlo, Monaco, this November.",
        '"This year we go to the new destination of Monte Carlo," said Dana Quarnby.',
    )
    entities = {e.name: e.type for e in enricher.enrich(release).entities}
    assert entities.get("Monte-Carlo") == "place"
    assert "person" not in {entities.get("Monte Carlo"), entities.get("Monte-Carlo")}


def test_a_span_the_model_and_the_gazetteer_read_as_a_place_is_one(enricher: Enricher) -> None:
    release = release_of("Within the West Bank there are many settlements, she wrote.")
    entities = {e.name: e.type for e in enricher.enrich(release).entities}
    assert entities.get("West Bank") == "place"

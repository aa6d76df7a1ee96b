"""Held-out check 9 rules (what a model "person" stands in: a work's title, a product, a
publisher, a neighbourhood; a title read as an organisation; a heading opening with a
participle): on text the project wrote, with invented names of people and organisations."""

from __future__ import annotations

from services.enrich import candidates as cand
from services.enrich import context
from services.enrich.candidates import Hit
from services.enrich.core import Enricher
from tests.unit.enrich.spans import hit_at as _hit


def _kept(text: str, name: str, enricher: Enricher, label: str = "person") -> list[Hit]:
    return context.person_contexts(text, [_hit(text, name, label)], enricher.gazetteer)


def test_a_book_title_with_a_subtitle_is_no_person(enricher: Enricher) -> None:
    text = "She has written two books: Brellow Quarn: A Guide for Drivers (2021) and more."
    assert _kept(text, "Brellow Quarn", enricher) == []
    # Without a word announcing a work, a name before a colon stays a person.
    text = "Speakers include Brellow Quarn: the chair of the panel."
    assert [h.label for h in _kept(text, "Brellow Quarn", enricher)] == ["person"]


def test_a_person_before_a_product_word_or_after_its_is_no_person(enricher: Enricher) -> None:
    text = "The firm listed the Tavro Pellin Token on an exchange."
    assert _kept(text, "Tavro Pellin", enricher) == []
    text = "The firm grows its Tavro Pellin ecosystem this year."
    assert _kept(text, "Tavro Pellin", enricher) == []
    text = "Quorvane built on Tavro Smart Chain last year."
    (hit,) = _kept(text, "Tavro Smart Chain", enricher)
    assert hit.label == "organization"
    # A person followed by an ordinary word keeps the person.
    text = "The board thanked Tavro Pellin today."
    assert [h.label for h in _kept(text, "Tavro Pellin", enricher)] == ["person"]


def test_a_publisher_is_an_organisation(enricher: Enricher) -> None:
    text = "The book is published by Quorvane / Brellow Tarsis in Spanish."
    (hit,) = _kept(text, "Brellow Tarsis", enricher)
    assert hit.label == "organization"
    text = "The book is published by Brellow Tarsis next spring."
    (hit,) = _kept(text, "Brellow Tarsis", enricher)
    assert hit.label == "organization"


def test_a_neighbourhood_of_a_known_city_is_a_place(enricher: Enricher) -> None:
    text = "The club opens in the heart of Midtown Denver next year."
    (hit,) = _kept(text, "Midtown Denver", enricher)
    assert hit.label == "place"
    # An unknown second word is no city: the person stays.
    text = "The club thanks Old Quarnby for the gift."
    (hit,) = _kept(text, "Old Quarnby", enricher)
    assert hit.label == "person"


def test_a_title_of_plain_words_after_podcast_is_no_organisation(enricher: Enricher) -> None:
    text = "His podcast, After the Storm, is ranked seventh."
    hits = [_hit(text, "Storm", "organization")]
    assert context.titled_works(text, hits, enricher.knowledge) == []
    # A proper name after the word stays an organisation.
    text = "The podcast is produced by Quorvane Media."
    hits = [_hit(text, "Quorvane Media", "organization")]
    assert len(context.titled_works(text, hits, enricher.knowledge)) == 1


def test_a_heading_opening_with_a_participle_is_no_organisation(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "Intro text.\n\nOptimized Logistics with Transparent Pricing\n\nCosts vary."
    assert cand.is_heading_org(text, _hit(text, "Optimized Logistics", "organization"), kn)
    assert cand.is_heading_org(
        text, _hit(text, "Optimized Logistics", "organization", "pattern"), kn
    )
    # A sentence, or a name of proper words, is not a heading.
    text = "Intro.\n\nOptimized Logistics with care is what we sell, said the firm.\n"
    assert not cand.is_heading_org(text, _hit(text, "Optimized Logistics", "organization"), kn)
    text = "Intro.\n\nAdvanced Quorvane with Partners\n\nMore."
    assert not cand.is_heading_org(text, _hit(text, "Advanced Quorvane", "organization"), kn)


def test_plants_slogans_and_kinds_of_products_are_no_organisations(enricher: Enricher) -> None:
    kn = enricher.knowledge

    def kept(name: str) -> bool:
        return cand.keep(Hit(0, len(name), name, "organization", "ner"), kn)

    assert not kept("Quarnby Engine Plant")
    assert not kept("Quarnby Auto Plants")
    assert not kept("Keep Clean®")
    assert not kept("Tarsis and Quorvane ETFs")
    assert kept("Quarnby Motors")
    assert kept("Quorvane Solutions®")  # a proper word: a name, trademark or not
    assert kept("Society of CPAs")


def test_what_a_portion_or_the_heart_of_is_a_place(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "It lies next to the western portion of Quarnby and near Tarsis."
    (hit,) = context.areas_of(text, [], kn)
    assert (hit.text, hit.label) == ("Quarnby", "place")
    text = "The tower rises in the heart of Brellow Park, said Jane."
    ner = _hit(text, "Brellow Park", "organization")
    (hit,) = context.areas_of(text, [ner], kn)
    assert hit is ner and hit.label == "place"
    # An organisation's name, a possessive or a longer name goes on is no area.
    for text in (
        "It sits at the heart of Quorvane Holdings today.",
        "It is at the heart of Quorvane's plan.",
        "It is the heart of Quorvane & Tarsis work.",
    ):
        assert context.areas_of(text, [], kn) == []


def test_two_names_after_a_plural_noun_for_companies_are_organisations(
    enricher: Enricher,
) -> None:
    from services.enrich import evidence

    kn = enricher.knowledge
    text = "It runs containers by leading manufacturers Quarnex and Brellow Systems.\n"
    found = evidence.from_lists(text, [_hit(text, "Brellow Systems", "organization")], kn)
    assert [(h.text, h.label) for h in found] == [
        ("Quarnex", "organization"),
        ("Brellow Systems", "organization"),
    ]
    # People after the noun stay people; without the noun nothing is read.
    text = "It thanks its partners Jane Quarn and Brellow Systems for the work."
    hits = [_hit(text, "Jane Quarn", "person"), _hit(text, "Brellow Systems", "organization")]
    assert evidence.from_lists(text, hits, kn) == []
    text = "It was built by Quarnex and Brellow Systems last year."
    assert evidence.from_lists(text, [_hit(text, "Brellow Systems", "organization")], kn) == []


def test_one_word_after_an_honorific_is_a_surname() -> None:
    text = "Dr. Quarnby, a fellow in 2023, leads the team."
    hit = _hit(text, "Quarnby", "organization", "pattern")
    context.honorific_surnames(text, [hit])
    assert hit.label == "person"
    text = "The CEO of Quarnby, Jane Roe, spoke."
    hit = _hit(text, "Quarnby", "organization")
    context.honorific_surnames(text, [hit])
    assert hit.label == "organization"


def test_an_acronym_defined_by_words_in_lower_case_is_a_term() -> None:
    text = (
        "It serves quantum-resistant ledger systems (QRLS) and the Quorvane Ledger "
        "Association (QLA), plus the brellow (BRW) line."
    )
    assert cand.term_acronyms(text) == {"QRLS"}

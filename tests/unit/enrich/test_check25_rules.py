"""Held-out check 25 rules: on text the project wrote, with invented names."""

from __future__ import annotations

from services.enrich import candidates, evidence, orgrules
from services.enrich.core import Enricher
from services.enrich.knowledge import key
from services.enrich.names import looks_like_person
from tests.unit.enrich.spans import release_of


def names(enricher: Enricher, *paragraphs: str, kind: str = "organization") -> list[str]:
    """The canonical names of one kind that the whole core finds in the paragraphs."""
    release = enricher.enrich(release_of(*paragraphs))
    return [e.name for e in release.entities if e.type == kind]


def test_a_long_list_after_a_noun_for_companies_and_an_adverb_is_a_list_of_bodies(
    enricher: Enricher,
) -> None:
    orgs = names(
        enricher,
        "Over ten years the Quarnfield team has backed more than 90 companies globally "
        "including Quarnix, Vellora, Brask, Tolvane Networks, Dremmin, Ostrel, Kavvy, Pellun, "
        "Zarrow Health, Mivvle, Nortask, Quibb, Sellax, Trundle and Yomp.",
    )
    for name in ("Quarnix", "Vellora", "Tolvane Networks", "Quibb", "Sellax", "Trundle"):
        assert name in orgs, name


def test_a_list_of_business_functions_names_no_bodies(enricher: Enricher) -> None:
    text = (
        "At Quarnbio she oversaw a broad portfolio including Legal, HR, Facilities, IT and "
        "Compliance. The team added leaders to oversee Market Access, Commercial Operations "
        "and Medical Affairs."
    )
    spans = {text[a:b].rstrip(".") for a, b in evidence.function_items(text)}
    assert {"Facilities", "Compliance", "Medical Affairs", "Market Access"} <= spans
    orgs = names(enricher, text)
    assert not {"Facilities", "Compliance", "Medical Affairs", "Legal"} & set(orgs)
    # A list of firms is no list of functions.
    assert not evidence.function_items("She worked at Quarn Labs, Vesk Health and Brill Data.")


def test_and_between_two_modifiers_keeps_the_head_noun_of_an_appositive(
    enricher: Enricher,
) -> None:
    kn = enricher.knowledge
    text = (
        "Albin Roe also held CFO roles at Quarnexo, an oncology data solutions and analytics "
        "firm; and at Vellix, a medical imaging and e-Clinical company."
    )
    found = [h.text for h in orgrules.from_appositives(text, kn)]
    assert found == ["Quarnexo", "Vellix"]
    # "and" before a word that is no head noun still ends the phrase.
    assert not orgrules.from_appositives("Jo Roe, a mother and keen runner, spoke.", kn)


def test_an_address_suite_before_an_appositive_is_no_body(enricher: Enricher) -> None:
    orgs = names(
        enricher,
        "Quarn Sports Exchange opened its first store in Tolvane. Located at 2525 Brill Blvd, "
        "Suite A., the brand offers athletes a place to sell used gear.",
    )
    assert not [o for o in orgs if o.startswith("Suite")]


def test_a_listing_on_a_market_tier_is_no_body() -> None:
    text = "Quarn Rowe (NASDAQ-GS: QRWE) is a global asset management firm."
    assert candidates.tickers(text) == {"QRWE"}
    assert candidates.JUNK.search("NASDAQ-GS: QRWE")


def test_a_rank_word_before_a_post_is_the_persons_not_the_bodys(enricher: Enricher) -> None:
    orgs = names(
        enricher,
        "Quarn Capital Markets Senior Managing Principal Patrick Vell and Executive Vice "
        "President William Roe represented the seller.",
    )
    assert "Quarn Capital Markets" in orgs
    assert not [o for o in orgs if o.endswith("Senior")]


def test_a_family_in_the_plural_or_by_its_name_alone_is_no_body(enricher: Enricher) -> None:
    orgs = names(
        enricher,
        "The Quarn Sports store is owned by the husband-and-wife duo, Phil and Nancy Torvik. "
        "Before becoming owners, the Torviks were loyal customers.",
        "Crystal I. Vemberg, founder of QXO — Vemberg, a former senior producer at Tolvane "
        "News, has launched two platforms.",
    )
    assert "Torviks" not in orgs
    assert "Vemberg" not in orgs


def test_a_market_or_a_bakery_ends_no_persons_name(enricher: Enricher) -> None:
    kn = enricher.knowledge
    assert looks_like_person("Dorella Vance", kn)
    for name in ("Dorella Italian Market", "Vance Family Bakery", "Dorella Brewery"):
        assert not looks_like_person(name, kn), name


def test_c_suite_is_no_body(enricher: Enricher) -> None:
    assert key("C-Suite") in enricher.knowledge.not_entities


def test_a_post_and_a_body_in_brackets_after_a_name(enricher: Enricher) -> None:
    paragraph = (
        "The company has added advisors, including Sandeep Varkey (CEO, Quarnmarx), Sachin "
        "Lawvey (CEO, Vistrel) and Davis Hoke (Co-founder, Resilience), to name a few."
    )
    people = names(enricher, paragraph, kind="person")
    orgs = names(enricher, paragraph)
    assert {"Sandeep Varkey", "Sachin Lawvey", "Davis Hoke"} <= set(people)
    assert {"Quarnmarx", "Vistrel", "Resilience"} <= set(orgs)


def test_a_firm_ending_in_global_before_its_short_form_is_no_term(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "Konvo grew through the merger of InQuarn, Survey Health Global (SHG), and Vellmind."
    assert not candidates.titled_terms(text, kn)
    # A term of plain words still is one.
    assert candidates.titled_terms("It ships a Software Development Kit (SDK) today.", kn)


def test_a_name_ending_in_a_body_word_where_a_person_is_expected_is_the_body(
    enricher: Enricher,
) -> None:
    orgs = names(
        enricher,
        "Jane Gavel joined Orca Quarn as Chief Commercial Officer.",
        "“I am thrilled to join the team.”",
        "At Legend Biotech, Gavel grew and scaled its commercial organization.",
    )
    assert "Legend Biotech" in orgs
    # What she joined is no person either.
    assert "Orca Quarn" not in names(
        enricher, "Jane Gavel joined Orca Quarn as Chief Commercial Officer.", kind="person"
    )


def test_where_a_headline_post_is_held_is_a_body(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "Q&A with Daphne Vell, CEO & Founder at Vell Strategic Solutions: How She Did It"
    hits = orgrules.headline_posts(text, len(text), kn)
    assert [(h.text, h.label) for h in hits] == [
        ("Daphne Vell", "person"),
        ("Vell Strategic Solutions", "organization"),
    ]


def test_a_unit_named_by_a_list_of_plain_words_is_one_name(enricher: Enricher) -> None:
    text = (
        "Jane Roe co-chairs the firm’s Quarn Development Group and formerly co-chaired the "
        "Hospitality, Resort and Timeshare Group."
    )
    units = orgrules.listed_unit_names(text)
    assert [h.text for h in units] == ["Hospitality, Resort and Timeshare Group"]
    orgs = names(enricher, text)
    assert not {"Hospitality", "Resort"} & set(orgs)


def test_two_one_word_names_one_of_them_well_known_are_two_bodies(enricher: Enricher) -> None:
    orgs = names(
        enricher, "Earlier in his career, Jon Larsen led engineering teams at Quarnly and Uber."
    )
    assert "Quarnly and Uber" not in orgs
    assert "Uber" in orgs


def test_a_headline_opening_with_a_listed_name_opens_with_the_issuer(
    enricher: Enricher,
) -> None:
    kn = enricher.knowledge
    text = "Quarn Group Metals Ltd. (NYSE American: QGM) Expands in the Quarn Group Metals Sector"
    assert [h.text for h in orgrules.headline_issuer(text, len(text), kn)] == [
        "Quarn Group Metals Ltd."
    ]
    # A listing later in the headline, after its verb, names no issuer from the start.
    text = "Why Investors Watch Quarn Labs (NASDAQ: QRL)"
    assert not orgrules.headline_issuer(text, len(text), kn)

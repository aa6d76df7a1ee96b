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

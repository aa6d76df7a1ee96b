"""Held-out check 25 rules: on text the project wrote, with invented names."""

from __future__ import annotations

from services.enrich import candidates, evidence, orgrules
from services.enrich.core import Enricher
from services.enrich.knowledge import key
from services.enrich.names import looks_like_person
from tests.unit.enrich.spans import names_of


def test_a_long_list_after_a_noun_for_companies_and_an_adverb_is_a_list_of_bodies(
    enricher: Enricher,
) -> None:
    orgs = names_of(
        enricher,
        "Over ten years the Quarnfield team has backed more than 90 companies globally "
        "including Quarnix, Vellora, Brask, Tolvane Networks, Dremmin, Ostrel, Kavvy, Pellun, "
        "Zarrow Health, Mivvle, Nortask, Quibb, Sellax, Trundle and Yomp.",
    )
    for name in ("Quarnix", "Vellora", "Tolvane Networks", "Quibb", "Sellax", "Trundle"):
        assert name in orgs, name


def test_a_list_of_business_functions_names_no_bodies(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = (
        "At Quarnbio she oversaw a broad portfolio including Legal, HR, Facilities, IT and "
        "Compliance. The team added leaders to oversee Market Access, Commercial Operations "
        "and Medical Affairs."
    )
    spans = {text[a:b].rstrip(".") for a, b in evidence.category_items(text, kn)}
    assert {"Facilities", "Compliance", "Medical Affairs", "Market Access"} <= spans
    orgs = names_of(enricher, text)
    assert not {"Facilities", "Compliance", "Medical Affairs", "Legal"} & set(orgs)
    # A list of firms is no list of functions.
    assert not evidence.category_items("She worked at Quarn Labs, Vesk Health and Brill Data.", kn)


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
    orgs = names_of(
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
    orgs = names_of(
        enricher,
        "Quarn Capital Markets Senior Managing Principal Patrick Vell and Executive Vice "
        "President William Roe represented the seller.",
    )
    assert "Quarn Capital Markets" in orgs
    assert not [o for o in orgs if o.endswith("Senior")]


def test_a_family_in_the_plural_or_by_its_name_alone_is_no_body(enricher: Enricher) -> None:
    orgs = names_of(
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
    people = names_of(enricher, paragraph, kind="person")
    orgs = names_of(enricher, paragraph)
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
    orgs = names_of(
        enricher,
        "Jane Gavel joined Orca Quarn as Chief Commercial Officer.",
        "“I am thrilled to join the team.”",
        "At Legend Biotech, Gavel grew and scaled its commercial organization.",
    )
    assert "Legend Biotech" in orgs
    # What she joined is no person either.
    assert "Orca Quarn" not in names_of(
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
    orgs = names_of(enricher, text)
    assert not {"Hospitality", "Resort"} & set(orgs)


def test_two_one_word_names_one_of_them_well_known_are_two_bodies(enricher: Enricher) -> None:
    orgs = names_of(
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


def test_a_doctors_degree_glued_to_the_town_after_it_is_cut(enricher: Enricher) -> None:
    places = names_of(
        enricher,
        "Physicians who joined the network:",
        "Julie B. Vesk, MDHowell, New Jersey\nMonica Quarn, DONew York City and Hudson Valley",
        kind="place",
    )
    assert "New York City" in places
    assert not [p for p in places if p.startswith(("MD", "DO"))]


def test_when_after_a_bodys_name_is_no_part_of_it(enricher: Enricher) -> None:
    orgs = names_of(
        enricher,
        "The school announced a $2 million gift to the Quarn Park Community Foundation on "
        "Monday, its largest ever.",
    )
    assert "Quarn Park Community Foundation" in orgs
    assert not [o for o in orgs if o.endswith("Monday")]


def test_a_rank_and_a_field_before_a_post_word_are_a_post(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "* Jordan Vell - Senior Equity Research Analyst, Quarn JMP"
    start = text.index("Senior")
    assert orgrules.is_post_phrase(text, start, start + len("Senior Equity Research"), kn)
    assert not orgrules.is_post_phrase(text, text.index("Quarn"), len(text), kn)
    text = "Keshav Roe, Data Protection Officer at Quarnwo, said"
    start = text.index("Data")
    assert orgrules.is_post_phrase(text, start, start + len("Data Protection"), kn)
    # A name before the post word is no post.
    assert not orgrules.is_post_phrase("Jo Roe, Quarnwo Director", 8, 15, kn)


def test_a_bulleted_heading_in_capitals_of_plain_words_is_no_body(enricher: Enricher) -> None:
    orgs = names_of(
        enricher,
        "Each winner of the Quarn Business grant receives:",
        "* COACHING SESSIONS - General business assessment and coaching for owners.\n"
        "* MONETARY GRANT - $5,000 monetary grant.\n"
        "* CREATIVE PRODUCTION & MEDIA - Production of a 30-second TV commercial.",
    )
    assert not {"COACHING SESSIONS", "MONETARY GRANT", "CREATIVE PRODUCTION & MEDIA"} & set(orgs)


def test_learning_ends_no_persons_name(enricher: Enricher) -> None:
    assert not looks_like_person("Sylvan Learning", enricher.knowledge)


def test_a_name_given_with_its_nickname_keeps_the_given_name(enricher: Enricher) -> None:
    people = names_of(
        enricher,
        "Quarn Marel today announced the appointment of James “Jim” Vellotier as Executive "
        "Vice President, effective June 30.",
        "Jim Vellotier brings two decades of legal experience. Jim Vellotier will report to "
        "the CEO.",
        kind="person",
    )
    assert "James Vellotier" in people
    assert "Jim Vellotier" not in people


def test_a_list_a_noun_for_kinds_of_business_opens_names_no_bodies(enricher: Enricher) -> None:
    text = (
        "Dan brings a proven track record across various Financial Lines’ segments, including "
        "D&O, E&O, EPLI, Allied Healthcare, Cyber & Data Privacy and Trade Credit."
    )
    spans = {text[a:b] for a, b in evidence.category_items(text, enricher.knowledge)}
    assert {"EPLI", "Allied Healthcare", "Cyber & Data Privacy"} <= spans
    # People listed after such a noun are people.
    text = "It added advisors from the SaaS sectors, including Sandeep Roe, Vetri Vell and Jo Poe."
    assert not evidence.category_items(text, enricher.knowledge)


def test_federal_agencies_are_well_known_bodies(enricher: Enricher) -> None:
    known = enricher.knowledge.known_org_names
    for name in ("National Park Service", "Bureau of Land Management", "U.S. Coast Guard"):
        assert name in known, name
    orgs = names_of(
        enricher,
        "The crossing is built with the National Park Service and the Federal Railroad "
        "Administration.",
    )
    assert "National Park Service" in orgs


def test_a_plain_word_that_heads_a_well_known_firm_is_that_firm(enricher: Enricher) -> None:
    orgs = names_of(
        enricher,
        "Quarn Energy Systems builds generator controls. Its partner Caterpillar supplies the "
        "engines.",
    )
    assert "Caterpillar" in orgs


def test_a_model_span_across_at_or_from_into_a_body_is_cut(enricher: Enricher) -> None:
    orgs = names_of(
        enricher,
        "Clare Vell holds an MBA from the Quarnby School of Business at Duke University.",
        "Tom Roe holds a Bachelor of Science in Business from Towson University.",
        "She also studied at the University of Quarnfield at Chicago.",
    )
    assert "Duke University" in orgs
    assert "Towson University" in orgs
    assert not [o for o in orgs if " from " in o]


def test_hyphenated_words_give_each_part_to_a_terms_initials(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "the first to deliver fully autonomous Third-Party Risk Management (TPRM), today"
    assert [t[2] for t in candidates.titled_terms(text, kn)] == ["TPRM"]
    orgs = names_of(enricher, f"Quarnsafe is {text}. Its platform unifies CRQ and TPRM.")
    assert "TPRM" not in orgs


def test_a_project_a_phase_or_a_contract_is_for_is_a_site(enricher: Enricher) -> None:
    orgs = names_of(
        enricher,
        "With its partner Quarnor ASA, Vesk Lithium is advancing the South Quarn Valley "
        "Project, a brine development.",
        "The state commission approved the unit for Phase I of the South Quarn Valley Project.",
    )
    assert "South Quarn Valley Project" not in orgs


def test_plain_words_and_an_ending_with_a_trademark_after_the_are_a_slogan(
    enricher: Enricher,
) -> None:
    kn = enricher.knowledge
    text = "Quarn Sports is part of Vellmark – the Resale Company®, a franchise."
    start = text.index("Resale")
    assert orgrules.registered_slogan(text, start, "Resale Company", kn)
    text = "Gifts go to the Quarn Research Foundation®, the charity."
    start = text.index("Quarn")
    assert not orgrules.registered_slogan(text, start, "Quarn Research Foundation", kn)

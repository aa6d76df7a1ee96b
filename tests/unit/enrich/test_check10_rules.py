"""Held-out check 10 rules (a post before a name, a legal form ending a name, lists of places
and of services, "City, Country", an indefinite description, an About header run into its
paragraph): on text the project wrote, with invented names of people and organisations."""

from __future__ import annotations

from services.enrich import candidates as cand
from services.enrich import context, evidence, orgrules
from services.enrich.core import Enricher
from services.enrich.names import trim
from shared.models import ParsedRelease
from tests.unit.enrich.spans import hit_at as _hit
from tests.unit.enrich.spans import release_of


def _release(*paragraphs: str) -> ParsedRelease:
    return release_of(*paragraphs, headline="Quorvane Opens a New Office")


def _entities(enricher: Enricher, *paragraphs: str) -> dict[str, str]:
    return {e.name: e.type for e in enricher.enrich(_release(*paragraphs)).entities}


def test_a_post_before_a_name_is_not_part_of_it(enricher: Enricher) -> None:
    kn = enricher.knowledge
    assert orgrules.post_end(["Co-Founder", "Brellow", "Quarn"], kn) == 1
    assert orgrules.post_end(["Chief", "Executive", "Officer", "Brellow", "Quarn"], kn) == 3
    # Fewer than two words would be left: no cut.
    assert orgrules.post_end(["Director", "Quarn"], kn) == 0
    assert orgrules.post_end(["Brellow", "Quarn"], kn) == 0
    text = "“We grow,” said Co-Founder Brellow Quarn, Ed.D. “We hire.”"
    (hit,) = evidence.from_attributions(text, kn)
    assert (hit.text, text[hit.start : hit.end]) == ("Brellow Quarn", "Brellow Quarn")
    # The model's "person" with the post in front is cut to the name.
    (person,) = orgrules.trim_people([_hit(text, "Co-Founder Brellow Quarn", "person")], kn)
    assert person.text == "Brellow Quarn"
    # The model's "organisation" over the post and an attributed name gives way to the person.
    hits = [_hit(text, "Co-Founder Brellow Quarn", "organization"), hit]
    assert orgrules.trim_people(hits, kn) == [hit]


def test_a_legal_form_with_its_period_ends_a_name(enricher: Enricher) -> None:
    text = "He leads Quorvane Tooling, Inc. Quorvane makes dies."
    name = "Quorvane Tooling, Inc. Quorvane"
    start = text.index(name)
    a, b = trim(text, start, start + len(name), enricher.knowledge, person=False)
    assert text[a:b] == "Quorvane Tooling, Inc."
    # "Inc." closing the span, or inside a name without a period, stays.
    a, b = trim(
        text, start, start + len("Quorvane Tooling, Inc."), enricher.knowledge, person=False
    )
    assert text[a:b] == "Quorvane Tooling, Inc."


def test_a_header_run_into_its_paragraph_names_once(enricher: Enricher) -> None:
    text = "x\nAbout Tarvel Quince Tarvel Quince (TQ) is a nonprofit arts group.\n"
    name = "Tarvel Quince Tarvel Quince"
    start = text.index(name)
    a, b = trim(text, start, start + len(name), enricher.knowledge, person=True)
    assert text[a:b] == "Tarvel Quince"
    (hit,) = orgrules.from_about_headers(text, enricher.knowledge, 0)
    assert (hit.text, hit.label, hit.source) == ("Tarvel Quince", "organization", "about")


def test_a_role_held_at_a_company_keeps_its_product_words(enricher: Enricher) -> None:
    text = "He was Chief Financial Officer of Quorvane Solutions America until 2020."
    (hit,) = orgrules.from_roles(text, enricher.knowledge)
    assert hit.text == "Quorvane Solutions America"


def test_cities_after_markets_such_as_are_places(enricher: Enricher) -> None:
    kn, gz = enricher.knowledge, enricher.gazetteer
    text = "It serves Canadian markets such as Calgary, Edmonton, and Winnipeg today."
    hits = evidence.from_place_lists(text, gz, kn)
    assert [(h.text, h.label) for h in hits] == [
        ("Calgary", "place"),
        ("Edmonton", "place"),
        ("Winnipeg", "place"),
    ]
    # ... and so no list of organisations, even when the model called one an organisation.
    model = [_hit(text, "Edmonton", "organization")]
    assert evidence.from_lists(text, model + hits, kn) == []
    # "Dallas-Southlake": a city and its suburb are in the city.
    text = "It opened in Dallas-Southlake, Atlanta, and Houston-Katy."
    hits = evidence.from_place_lists(text, gz, kn)
    assert [h.place.name if h.place else None for h in hits] == ["Dallas", "Atlanta", "Houston"]
    # Companies such as ... are not read as places.
    text = "It serves companies such as Calgary, Edmonton, and Winnipeg today."
    assert evidence.from_place_lists(text, gz, kn) == []


def test_a_city_before_its_country_or_state_is_a_place(enricher: Enricher) -> None:
    text = "Plants in Copenhagen, Denmark; Boulder, Colorado Governor's office and Quarn, Denmark."
    hits = cand.from_patterns(text, enricher.gazetteer)
    places = [(h.text, h.place.kind if h.place else None) for h in hits if h.label == "place"]
    assert ("Copenhagen", "city") in places
    assert ("Denmark", "country") in places
    assert ("Boulder", "city") in places
    assert ("Colorado", "subdivision") in places
    # A name the gazetteer does not know as a city there is left to the other rules.
    assert "Quarn" not in [name for name, _ in places]


def test_a_street_type_is_no_part_of_the_city(enricher: Enricher) -> None:
    text = "Visit us at 6900 W 119th St Overland Park, KS 66209."
    hits = cand.from_patterns(text, enricher.gazetteer)
    assert "Overland Park" in [h.text for h in hits if h.label == "place"]
    assert "St Overland Park" not in [h.text for h in hits]


def test_a_list_of_services_is_no_list_of_names(enricher: Enricher) -> None:
    text = (
        "Services include Contract Assembly, Metal Fabrication, Powder Coating, Liquid "
        "Coating, Metal Stamping, and Shelter Manufacturing."
    )
    spans = {text[a:b] for a, b in evidence.category_items(text, enricher.knowledge)}
    assert {"Powder Coating", "Metal Fabrication", "Metal Stamping"} <= spans
    # Invented names are not common words: a list of them is no list of services.
    text = "Partners include Quorvane Coating, Brellwick Fabrication, and Tarsis Labs."
    assert evidence.category_items(text, enricher.knowledge) == []


def test_an_indefinite_description_is_no_name() -> None:
    text = "Quorvane, a leading global Contract Development and Manufacturing Organization, grows."
    name = "Contract Development and Manufacturing Organization"
    start = text.index(name)
    assert orgrules.is_description(text, start, start + len(name))
    text = "Brellow Quarn joined Quorvane Manufacturing Company in May."
    name = "Quorvane Manufacturing Company"
    start = text.index(name)
    assert not orgrules.is_description(text, start, start + len(name))


def test_the_rules_together_on_a_release(enricher: Enricher) -> None:
    names = _entities(
        enricher,
        "Quorvane Tooling, a leading Contract Manufacturing Organization, opened plants in "
        "Copenhagen, Denmark and in markets such as Calgary, Edmonton, and Winnipeg.",
        "“We grow,” said Co-Founder Brellow Quarn, Ed.D. “We hire.”",
    )
    assert names.get("Brellow Quarn") == "person"
    assert names.get("Copenhagen") == "place"
    assert names.get("Calgary") == "place"
    assert "Contract Manufacturing Organization" not in names


def test_opening_hours_and_peoples_are_no_names(enricher: Enricher) -> None:
    kn = enricher.knowledge
    assert not cand.keep(cand.Hit(0, 9, "Sun-Thurs", "organization", "ner"), kn)
    assert not cand.keep(cand.Hit(0, 7, "Mon–Fri", "organization", "ner"), kn)
    assert not cand.keep(cand.Hit(0, 16, "Pacific Islander", "place", "ner"), kn)
    assert cand.keep(cand.Hit(0, 13, "Quorvane Labs", "organization", "ner"), kn)


def test_a_numbered_street_is_an_address(enricher: Enricher) -> None:
    text = "The showroom at 155 Quarn Street opens in May."
    start = text.index("155")
    assert orgrules.is_street_address(text, start, start + len("155 Quarn Street"))
    start = text.index("Quarn Street")
    assert orgrules.is_street_address(text, start, start + len("Quarn Street"))


def test_downtown_of_a_known_city_is_a_place_and_a_group_noun_no_surname(
    enricher: Enricher,
) -> None:
    text = "He moves to Downtown Denver, where Quarnby Children's staff work."
    hits = [_hit(text, "Downtown Denver", "organization")]
    (hit,) = context.person_contexts(text, hits, enricher.gazetteer)
    assert hit.label == "place"
    assert context.person_shapes(text, [_hit(text, "Quarnby Children's", "person")]) == []


def test_a_list_of_people_takes_a_name_read_as_an_unknown_place(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "See designs by Ariel Quarn, Marisol Brevant, and Josie A. Tarsis, in the hall."
    hits = [
        _hit(text, "Ariel Quarn", "person"),
        _hit(text, "Marisol Brevant", "place"),
        _hit(text, "Josie A. Tarsis", "person"),
    ]
    (hit,) = evidence.from_lists(text, hits, kn)
    assert (hit.text, hit.label) == ("Marisol Brevant", "person")
    # A place the gazetteer knows stays a place.
    hits[1].place = enricher.gazetteer.known("Denver")
    assert evidence.from_lists(text, hits, kn) == []


def test_brands_named_after_people_and_subsidiaries_are_organisations(
    enricher: Enricher,
) -> None:
    kn = enricher.knowledge
    text = "It owns iconic brands Ariel Quarn and Josie Tarsis worldwide."
    hits = [_hit(text, "Ariel Quarn", "person"), _hit(text, "Josie Tarsis", "person")]
    found = evidence.from_lists(text, hits, kn)
    assert [(h.text, h.label) for h in found] == [
        ("Ariel Quarn", "organization"),
        ("Josie Tarsis", "organization"),
    ]
    # Without the cue the people stay people.
    text = "It thanks Ariel Quarn and Josie Tarsis for the gift."
    hits = [_hit(text, "Ariel Quarn", "person"), _hit(text, "Josie Tarsis", "person")]
    assert evidence.from_lists(text, hits, kn) == []
    text = "It acts through its subsidiaries, Quorvane Bank and Quorvane Trust."
    found = evidence.from_lists(text, [_hit(text, "Quorvane Bank", "organization")], kn)
    assert [h.text for h in found] == ["Quorvane Bank", "Quorvane Trust"]


def test_a_couple_sharing_a_surname_is_two_people(enricher: Enricher) -> None:
    names = _entities(
        enricher,
        "Meet television hosts Marisol and Brellow Quarnby, the duo from the show.",
        "“We love it,” said Brellow Quarnby.",
    )
    assert names.get("Brellow Quarnby") == "person"
    assert names.get("Marisol Quarnby") == "person"
    # A common word or an organisation before "and" is no given name.
    kn = enricher.knowledge
    text = "Thanks to Design and Brellow Quarnby for the work."
    hits = [_hit(text, "Brellow Quarnby", "person")]
    assert cand.couples(text, hits, kn) == []
    text = "Thanks to Quorvane and Brellow Quarnby for the work."
    hits += [_hit(text, "Quorvane", "organization")]
    assert cand.couples(text, [_hit(text, "Brellow Quarnby", "person"), hits[-1]], kn) == []


def test_a_quoted_nickname_inside_a_name(enricher: Enricher) -> None:
    text = 'The board named Robert "Chip" Quarnby as chair.'
    (hit,) = cand.from_nicknames(text)
    assert (hit.canonical, hit.aliases) == ("Robert Quarnby", ["Chip"])


def test_sponsors_are_organisations(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "Cooking shows sponsored by QUARNEX, Tarsiva, Brellow Specialty Ovens, and more."
    hits = [
        _hit(text, "QUARNEX", "organization"),
        _hit(text, "Brellow Specialty Ovens", "person"),
    ]
    found = evidence.from_lists(text, hits, kn)
    assert [(h.text, h.label) for h in found] == [
        ("QUARNEX", "organization"),
        ("Tarsiva", "organization"),
        ("Brellow Specialty Ovens", "organization"),
    ]
    # A sponsor the release also quotes as a person stays a person.
    hits.append(_hit(text, "Tarsiva", "person", source="pattern"))
    assert "Tarsiva" not in [h.text for h in evidence.from_lists(text, hits, kn)]


def test_a_chapter_is_named_with_the_place_it_serves(enricher: Enricher) -> None:
    gz = enricher.gazetteer
    text = "Quarn Scouts of Southeast Florida and Tarsis Club of Quarnbyville meet today."
    hits = [
        _hit(text, "Quarn Scouts", "organization"),
        _hit(text, "Southeast Florida", "place"),
        _hit(text, "Tarsis Club", "organization"),
    ]
    out = orgrules.chapters(text, hits, gz)
    assert [(h.text, h.label) for h in out] == [
        ("Quarn Scouts of Southeast Florida", "organization"),
        ("Tarsis Club", "organization"),  # an unknown place: no chapter
    ]


def test_the_acronym_of_a_description_is_a_term() -> None:
    text = "Quorvane, a global Site Management Organization (SMO), grows. The SMO hires."
    hits = [_hit(text, "Site Management Organization", "organization")]
    assert orgrules.described_acronyms(text, hits) == {"SMO"}


def test_a_name_before_its_post_in_lower_case_is_a_person(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "Finalists: Ariel Quarn, executive director quality programs, Quorvane; and more."
    (hit,) = evidence.from_attributions(text, kn)
    assert (hit.text, hit.label) == ("Ariel Quarn", "person")
    # A company's name before a lower-case noun is no person.
    text = "It thanks Quorvane Labs, director of nothing, and Tarsis, partner to many."
    assert evidence.from_attributions(text, kn) == []


def test_trademark_signs_do_not_split_names(enricher: Enricher) -> None:
    from services.enrich.core import model_text

    assert model_text("Quarn® Hotels & Resorts™") == "Quarn  Hotels & Resorts "
    text = "Brands include Quarn Inns, Tarsis® Suites, Brellow Hotels® and Vantor Stays."
    items = [text[a:b] for m in evidence.LIST.finditer(text) for a, b in evidence._list_items(m)]
    assert "Tarsis® Suites" in items and "Brellow Hotels®" in items


def test_industry_words_end_no_persons_name(enricher: Enricher) -> None:
    from services.enrich.names import looks_like_person

    kn = enricher.knowledge
    assert not looks_like_person("Tarsa Manufacturing", kn)
    assert not looks_like_person("Quarnby Suites", kn)
    assert looks_like_person("Tarsa Quarnby", kn)


def test_a_model_person_opening_an_incorporated_name_is_the_organisation() -> None:
    hits = [
        cand.Hit(0, 9, "Sea Quarn", "person", "ner"),
        cand.Hit(20, 51, "Sea Quarn Services, Inc.", "organization", "ner"),
        cand.Hit(60, 72, "Ariel Tarsis", "person", "ner"),
        cand.Hit(80, 104, "Ariel Tarsis Foundation", "organization", "ner"),
    ]
    cand.persons_named_as_orgs(hits)
    assert [h.label for h in hits] == ["organization", "organization", "person", "organization"]
    # A person another rule vouches for stays one.
    hits = [
        cand.Hit(0, 9, "Sea Quarn", "person", "ner"),
        cand.Hit(10, 19, "Sea Quarn", "person", "pattern"),
        cand.Hit(20, 51, "Sea Quarn Services, Inc.", "organization", "ner"),
    ]
    cand.persons_named_as_orgs(hits)
    assert hits[0].label == "person"


def test_common_words_and_structures_are_no_places_or_organisations(enricher: Enricher) -> None:
    kn = enricher.knowledge
    assert not cand.keep(cand.Hit(0, 3, "Bay", "place", "ner"), kn)
    assert not cand.keep(cand.Hit(0, 18, "Quarn Tarsis Bridge", "organization", "ner"), kn)
    text = "It joins its four Virginia locations: Ashburn, Reston, and Richmond; and more."
    hits = evidence.from_place_lists(text, enricher.gazetteer, kn)
    assert [h.text for h in hits] == ["Ashburn", "Reston", "Richmond"]


def test_a_compass_part_of_a_known_state_is_a_place(enricher: Enricher) -> None:
    text = "It serves Northern New Jersey and Southeast Quarnland boaters."
    hits = [
        _hit(text, "Northern New Jersey", "organization"),
        _hit(text, "Southeast Quarnland", "organization"),
    ]
    out = [cand.retype(h, enricher.gazetteer, enricher.knowledge) for h in hits]
    assert [h.label for h in out] == ["place", "organization"]


def test_an_acronym_as_the_subject_is_no_modifier() -> None:
    text = (
        "QRVC is pleased to welcome a member. QRVC engages in housing. QRVC offers loans. "
        "The EV market grows; EV charging and EV batteries follow."
    )
    terms = cand.modifier_acronyms(text)
    assert "QRVC" not in terms
    assert "EV" in terms


def test_a_role_in_a_department_at_a_company(enricher: Enricher) -> None:
    text = "said Ariel Quarn, Director of Marketing at Quorvane Games. Then more."
    assert [h.text for h in orgrules.from_roles(text, enricher.knowledge)] == ["Quorvane Games"]


def test_a_trademark_sign_inside_a_name_keeps_it_whole(enricher: Enricher) -> None:
    text = "Sea Quarn® Northern Ohio, the premium towing provider, has a new owner."
    (hit,) = orgrules.from_appositives(text, enricher.knowledge)
    assert hit.text == "Sea Quarn® Northern Ohio"
    start = text.index("Sea")
    a, b = trim(text, start, start + len("Sea Quarn®"), enricher.knowledge, person=False)
    assert text[a:b] == "Sea Quarn"


def test_a_phrase_ending_in_a_post_is_no_organisation(enricher: Enricher) -> None:
    kn = enricher.knowledge
    assert orgrules.ends_in_post("Coach & Behavioral Scientist", kn)
    assert orgrules.ends_in_post("Coast Guard-Licensed Captains", kn)
    assert orgrules.ends_in_post("Fractional VP", kn)
    assert not orgrules.ends_in_post("Quorvane Partners", kn)
    assert not orgrules.ends_in_post("Quarnby County School Board", kn)
    assert not orgrules.ends_in_post("Director", kn)


def test_the_rest_of_a_heading_after_its_lead_is_no_name(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "Intro.\nPackaging Innovation: Quarn-Based Ideas for Tarsis Supply Chains\nMore text."
    hit = _hit(text, "Quarn-Based Ideas for Tarsis Supply Chains", "organization")
    assert cand.is_heading_org(text, hit, kn)
    text = "Intro.\nWe met Quarn-Based Ideas for Tarsis Supply Chains at the fair.\n"
    hit = _hit(text, "Quarn-Based Ideas for Tarsis Supply Chains", "organization")
    assert not cand.is_heading_org(text, hit, kn)


def test_a_sentence_opening_word_is_no_part_of_a_list_item(enricher: Enricher) -> None:
    text = "With Quorvane Marketing and Tarsis Labs, Brellwick grows. More follows."
    hits = [_hit(text, "Tarsis Labs", "organization"), _hit(text, "Brellwick", "organization")]
    names = [h.text for h in evidence.from_lists(text, hits, enricher.knowledge)]
    assert "Quorvane Marketing" in names
    assert "With Quorvane Marketing" not in names


def test_two_given_names_join_the_full_name_and_headline_verbs_end_names(
    enricher: Enricher,
) -> None:
    names = _entities(
        enricher,
        "Founded by Ariel Jose Quarnby, the firm grew. Ariel Jose started it in Denver.",
        "“We grow,” said Ariel Jose Quarnby.",
    )
    assert names.get("Ariel Jose Quarnby") == "person"
    assert "Ariel Jose" not in names
    kn = enricher.knowledge
    text = "x\nBrellow Tarsis Joins Quorvane as Partner\n"
    (hit,) = orgrules.trim_people([_hit(text, "Brellow Tarsis Joins Quorvane", "person")], kn)
    assert hit.text == "Brellow Tarsis"
    text = "x\nAbout Quorvane Global Trade\nQuorvane is a firm."
    start = text.index("About")
    end = start + len("About Quorvane Global Trade")
    a, b = trim(text, start, end, kn, person=True)
    assert text[a:b] == "Quorvane Global Trade"


def test_a_name_that_is_a_post_is_a_person(enricher: Enricher) -> None:
    text = "Brellow Tarsis is a senior executive skilled in marketing."
    (hit,) = evidence.from_attributions(text, enricher.knowledge)
    assert hit.text == "Brellow Tarsis"
    text = "Quorvane Labs is a leader in housing."
    assert evidence.from_attributions(text, enricher.knowledge) == []


def test_units_and_boards_are_named_by_their_organisation(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "He studied at the University of Quarn’s Race Track Program and sits on the x."
    hits = orgrules.owners_of_units(
        [_hit(text, "University of Quarn’s Race Track Program", "organization")], kn
    )
    assert [h.text for h in hits] == ["University of Quarn"]
    text = "He chairs the Board of Regents for the University System of Quarnland."
    name = "Regents for the University System of Quarnland"
    (hit,) = orgrules.owners_of_units([_hit(text, name, "organization")], kn)
    assert (hit.text, text[hit.start : hit.end]) == ("University System of Quarnland",) * 2
    # A possessive that is part of the name stays.
    text = "She works at Quarnby Children’s Hospital today."
    (hit,) = orgrules.owners_of_units(
        [_hit(text, "Quarnby Children’s Hospital", "organization")], kn
    )
    assert hit.text == "Quarnby Children’s Hospital"


def test_occasions_headings_and_nicknamed_couples(enricher: Enricher) -> None:
    text = "They marked Purple Quarn Day on Saturday."
    assert context.person_shapes(text, [_hit(text, "Purple Quarn Day", "person")]) == []
    kn = enricher.knowledge
    text = "“We grow.”\nAbout Quorvane Global Trade, LLC\nQuorvane is a firm."
    assert evidence.from_attributions(text, kn) == []
    text = "Founded by Dick and Marisol Quarnby in 1990."
    hits = [_hit(text, "Marisol Quarnby", "person")]
    (hit,) = cand.couples(text, hits, kn)
    assert hit.canonical == "Dick Quarnby"


def test_roster_bullets_with_commas_and_posts_after_a_place_or_company(
    enricher: Enricher,
) -> None:
    kn, gz = enricher.knowledge, enricher.gazetteer
    text = "Committee:\n* Marisol Quarnby, MPA, Tarsis Rehabilitation Hospital\n* New York, NY\n"
    hits = cand.from_bullets(text, kn, gz)
    assert ("Marisol Quarnby", "person") in [(h.text, h.label) for h in hits]
    assert "New York" not in [h.text for h in hits]
    assert orgrules.post_end(["Quarnby", "Mayor", "Ariel", "Tarsis"], kn) == 2
    assert orgrules.post_end(["Quorvane", "President", "Ariel", "Tarsis"], kn) == 2
    text = "“We grow,” said Quarnby Mayor Ariel Tarsis. More."
    (hit,) = evidence.from_attributions(text, kn)
    assert hit.text == "Ariel Tarsis"
    text = "Ariel Tarsis, chief financial officer of Quorvane, spoke."
    (hit,) = evidence.from_attributions(text, kn)
    assert hit.text == "Ariel Tarsis"


def test_teams_metro_chapters_and_colon_repeats(enricher: Enricher) -> None:
    gz, kn = enricher.gazetteer, enricher.knowledge
    text = "x. He played for the Denver Quarnhawks and former Atlanta Tarsiers & Boston Gales."
    names = [h.text for h in orgrules.from_teams(text, gz)]
    assert names == ["Denver Quarnhawks", "Atlanta Tarsiers", "Boston Gales"]
    text = "x. He thanked the Quarnby Tarsiers for the gift."
    assert orgrules.from_teams(text, gz) == []  # no city the gazetteer knows
    text = "Quarn Clubs of Metro Denver meet today."
    (hit,) = orgrules.chapters(text, [_hit(text, "Quarn Clubs", "organization")], gz)
    assert hit.text == "Quarn Clubs of Metro Denver"
    text = "x\nThe Quarn Society: The Quarn Society is a fund.\n"
    name = "The Quarn Society: The Quarn Society"
    start = text.index(name)
    a, b = trim(text, start, start + len(name), kn, person=False)
    assert text[a:b] == "The Quarn Society"


def test_people_lists_read_by_names_before_of_and_repeated_headings(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "Ariel Quarn, Marisol Brevant and Josie Tarsis of Quorvane Co. led it."
    hits = [
        _hit(text, "Ariel Quarn", "person"),
        _hit(text, "Josie Tarsis", "person"),
        _hit(text, "Quorvane Co.", "organization"),
    ]
    found = evidence.from_lists(text, hits, kn)
    assert [(h.text, h.label) for h in found] == [("Marisol Brevant", "person")]
    text = "Quarnland Representative: Ariel Tarsis Ariel Tarsis is a senior analyst in Quarn."
    (hit,) = evidence.from_attributions(text, kn)
    assert (hit.text, text[hit.start : hit.end]) == ("Ariel Tarsis", "Ariel Tarsis")
    assert hit.start == text.index("Ariel Tarsis is")
    from services.enrich.names import looks_like_person

    assert not looks_like_person("Quarnby Law Firm", kn)
    assert not looks_like_person("Tarsis Brewery", kn)

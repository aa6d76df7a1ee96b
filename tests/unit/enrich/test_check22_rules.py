"""Held-out check 22 rules: on text the project wrote, with invented names."""

from __future__ import annotations

import pytest

from services.enrich import candidates, cluster, evidence, orgrules
from services.enrich.candidates import Hit
from services.enrich.core import Enricher
from services.enrich.names import looks_like_person, person_cue
from shared.models import Contacts
from tests.unit.enrich.spans import hit_at, release_of, texts, trimmed


def test_a_model_person_of_plain_words_listed_beside_people_stays_a_person(
    enricher: Enricher,
) -> None:
    kn = enricher.knowledge
    text = "Guests included Marcel Quarnby, T.J. Vesk, Norm Nixon, Li'Tavo Brell and others."
    norm = hit_at(text, "Norm Nixon", "person")
    beside = [(text.index(n), text.index(n) + len(n)) for n in ("T.J. Vesk", "Li'Tavo Brell")]
    assert candidates.is_phrase_not_person("Norm Nixon", [norm], kn, text)
    assert not candidates.is_phrase_not_person("Norm Nixon", [norm], kn, text, beside)


def test_a_given_name_and_a_surname_are_no_team_of_a_town(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "medalists Greg Quarnby, Gil Roberts, and Al Vesk attended."
    assert orgrules.from_teams(text, enricher.gazetteer, kn.lexicon) != []  # Gil, a town
    assert orgrules.from_teams(text, enricher.gazetteer, kn.lexicon, 0, kn) == []


def test_undotted_initials_with_a_j_open_a_name(enricher: Enricher) -> None:
    kn = enricher.knowledge
    assert looks_like_person("TJ Quarnby", kn) and looks_like_person("AJ Vesk", kn)
    assert not looks_like_person("AI Quarn Cloud", kn)
    assert not looks_like_person("NJ Quarnby", kn)


def test_two_full_names_read_as_one_body_are_two_people(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "the softball team: Karla Quarnby & Riley Vesk, nominees."
    whole = hit_at(text, "Karla Quarnby & Riley Vesk", "organization")
    found = candidates.couples(text, [whole], kn)
    assert texts(found) == ["Karla Quarnby", "Riley Vesk"]
    assert candidates.couples_read_as_firms([whole, *found]) == {id(whole)}
    firm = "advised by Quarnby Vesk & Brell Tamsin, the firm."
    assert (
        candidates.couples(firm, [hit_at(firm, "Quarnby Vesk & Brell Tamsin", "organization")], kn)
        == []
    )


def test_a_comma_and_ampersand_before_the_last_item_keeps_the_list(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "Medalists: Greg Quarnby, Gil Vesk, Al Brell, & Willie Tamsor attended the gala."
    hits = [hit_at(text, n, "person") for n in ("Greg Quarnby", "Gil Vesk", "Al Brell")]
    assert "Willie Tamsor" in texts(evidence.from_lists(text, hits, kn))


def test_a_verb_after_and_ends_a_list(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = (
        "The album featured Lou Quarnby, Boy Vesk and Rufus Tamsor, and earned the Quarn "
        "Prize for Album of the Year."
    )
    hits = [hit_at(text, n, "person") for n in ("Lou Quarnby", "Boy Vesk")]
    assert "Rufus Tamsor" in texts(evidence.from_lists(text, hits, kn))


def test_dean_before_one_word_is_a_given_name(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "Dean Quarnby, General Manager of Vesk Rights, said the deal closed."
    assert trimmed(text, "Dean Quarnby", kn, person=True) == "Dean Quarnby"
    titled = "Dean Jane Quarnby of the Vesk School of Law spoke."
    assert trimmed(titled, "Dean Jane Quarnby", kn, person=True) == "Jane Quarnby"


def test_the_estate_of_a_person_names_the_person(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "Clients include the Estate of Ella Quarnby and the Vesk Estate of Brell."
    estate = hit_at(text, "the Estate of Ella Quarnby", "organization")
    other = hit_at(text, "Vesk Estate of Brell", "organization")
    found = candidates.estates_of_people([estate, other], kn)
    assert [(h.text, h.label) for h in found] == [
        ("Ella Quarnby", "person"),
        ("Vesk Estate of Brell", "organization"),
    ]
    assert text[found[0].start : found[0].end] == "Ella Quarnby"


@pytest.mark.parametrize(
    ("email", "vouches"),
    [("mquarnbyx@quarn.example", True), ("meir.quarnbyx@quarn.example", True),
     ("quarnbyxm@quarn.example", True), ("press@quarn.example", False)],
)  # fmt: skip
def test_a_contact_email_spelling_the_name_vouches_for_it(email: str, vouches: bool) -> None:
    assert candidates.named_by_email("Meir Quarnbyx", [email]) is vouches


def test_a_post_of_a_plain_department_vouches_for_the_name_after_it(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "along with Deputy Commissioner and Chief of Staff Aissa Quarnbyx at the event."
    start = text.index("Aissa")
    assert person_cue(text, start, start + len("Aissa Quarnbyx"), [], kn)
    firm = "the Chief of Quarnby Vesk Holdings at the event."
    start = firm.index("Vesk")
    assert not person_cue(firm, start, start + len("Vesk Holdings"), [], kn)


def test_a_name_ending_an_opening_by_phrase_has_no_appositive(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "Led by experienced investors Ben Quarnby and Ramo Vesktal, the fund invests globally."
    assert texts(orgrules.from_appositives(text, kn), "organization") == []
    firm = "It was bought by Quarnby Vesk, the investment firm based in Brell."
    assert texts(orgrules.from_appositives(firm, kn), "organization") == ["Quarnby Vesk"]


def test_two_names_after_a_plural_noun_for_people_are_people(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "The fund is led by experienced investors Ben Quarnby and Ramo Vesktal, who met in 2009."
    assert texts(candidates.from_people_lists(text, kn)) == ["Ben Quarnby", "Ramo Vesktal"]
    firms = "backed by investors Quarn Capital and Vesk Ventures, among others."
    assert candidates.from_people_lists(firms, kn) == []


def test_one_given_name_before_a_phone_number_or_signing_a_review_is_a_person(
    enricher: Enricher,
) -> None:
    kn = enricher.knowledge
    contact = "Quarnby Fencing Ltd. Sebastien (604) 555-0134 Company Website: quarn.example"
    assert texts(candidates.from_one_name_signatures(contact, kn)) == ["Sebastien"]
    review = "A great read for kids of all ages! - Eric, Online Review: a lesson on sharing."
    assert texts(candidates.from_one_name_signatures(review, kn)) == ["Eric"]
    # A plain word is no one's name ("Grace (555) ..." may be a church's line).
    assert candidates.from_one_name_signatures("Call. Today (604) 555-0134 now", kn) == []


def test_a_post_before_a_comma_is_no_cue_for_the_list_item_after_it(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "tools, including Quarnera Coach, Course Builder, and the Integrity suite."
    start = text.index("Course Builder")
    assert not person_cue(text, start, start + len("Course Builder"), [], kn)
    posted = "said Quarnera CEO Jane Vesk today."
    start = posted.index("Jane")
    assert person_cue(posted, start, start + len("Jane Vesk"), [], kn)


def test_a_family_name_written_alone_as_a_things_name_is_a_product(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = (
        "Quarnvik Research added the engine to Quarnvik Mathica. Users open the Mathica "
        "notebook and run it from Mathica directly."
    )
    hits = [hit_at(text, "Quarnvik Mathica", "person")]
    assert candidates.named_like_a_product("Quarnvik Mathica", hits, kn, text, [])
    person = "Jane Mathica joined Quarnvik. “We grew,” said Mathica. She uses the Mathica method."
    hits = [hit_at(person, "Jane Mathica", "person")]
    assert not candidates.named_like_a_product("Jane Mathica", hits, kn, person, [])


def test_an_endowed_chair_named_after_a_donor_is_no_person() -> None:
    text = "professor of Neurology; Kenneth Quarnby Chair of Pediatric Care; chief of staff."
    assert candidates.named_chair(text, hit_at(text, "Kenneth Quarnby", "person"))
    posted = "Kenneth Quarnby, Chair of the Board, said the plan works."
    assert not candidates.named_chair(posted, hit_at(posted, "Kenneth Quarnby", "person"))


def test_a_relation_before_a_name_vouches_for_a_person(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "the business he and his wife, Robyne Quarlys, established in 1991."
    hit = hit_at(text, "Robyne Quarlys", "organization")
    candidates.orgs_named_as_people(text, [hit], kn)
    assert hit.label == "person"
    firm = "the business he and Robyne Quarlys established in 1991."
    hit = hit_at(firm, "Robyne Quarlys", "organization")
    candidates.orgs_named_as_people(firm, [hit], kn)
    assert hit.label == "organization"


def test_a_line_opening_with_a_name_and_a_post_names_a_person(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "Intro.\n\nRomain Quarnet, CEO and chairperson of Vesk Corp., spoke on the call."
    assert texts(orgrules.body_name_posts(text, 0, kn)) == ["Romain Quarnet"]
    inside = "Shares of Vesk rose after Romain Quarnet, CEO of Vesk Corp., spoke."
    assert orgrules.body_name_posts(inside, 0, kn) == []
    headline = "Q&amp;A with Maxime Quarnet, Chief Revenue Officer at Vesk"
    assert texts(orgrules.headline_posts(headline, len(headline), kn)) == ["Maxime Quarnet"]


def test_a_service_area_list_after_areas_of_or_serving_names_places(enricher: Enricher) -> None:
    kn, gz = enricher.knowledge, enricher.gazetteer
    text = "The firm serves the areas of Vancouver, Burnaby, Port Moody, Surrey, and Delta, BC."
    assert {"Burnaby", "Port Moody", "Surrey"} <= set(
        texts(evidence.from_place_lists(text, gz, kn), "place")
    )
    serving = "Now serving Burnaby, Coquitlam and Surrey with same-day repairs."
    assert set(texts(evidence.from_place_lists(serving, gz, kn), "place")) == {
        "Burnaby",
        "Coquitlam",
        "Surrey",
    }


def test_a_place_after_a_comma_is_no_region_of_the_city_before_it(enricher: Enricher) -> None:
    text = "offices in Vancouver, West Vancouver and Burnaby."
    places = texts(candidates.from_patterns(text, enricher.gazetteer), "place")
    assert "West" not in places


def test_a_family_name_alone_is_the_person_not_the_country(enricher: Enricher) -> None:
    text = "said Sheila Quarnby Jordan, founder. “We help,” explained Jordan."
    hits = [
        hit_at(text, "Sheila Quarnby Jordan", "person"),
        hit_at(text, "Jordan", "person", nth=1),
        hit_at(text, "Jordan", "place", source="gazetteer", nth=1),
    ]
    assert candidates.family_names(hits) == {"Jordan"}
    assert candidates.surnames_read_as_places(hits) == {id(hits[2])}


def test_half_of_a_shared_name_and_a_plain_word_after_a_direction_are_no_places(
    enricher: Enricher,
) -> None:
    kn, gz = enricher.knowledge, enricher.gazetteer
    assert not candidates.keep(Hit(0, 5, "North", "place", "pattern"), kn)
    east_bay = candidates.retype(Hit(0, 8, "East Bay", "place", "ner"), gz, kn)
    assert east_bay.text == "East Bay"
    east_nm = candidates.retype(Hit(0, 15, "East New Mexico", "place", "ner"), gz, kn)
    assert east_nm.text == "New Mexico"


def test_a_small_town_named_by_a_plain_word_needs_a_place_to_stand(enricher: Enricher) -> None:
    kn, gz = enricher.knowledge, enricher.gazetteer
    text = "analysts gave Quarnex a Buy rating; the office in Laurel opened."
    buy = hit_at(text, "Buy", "place")
    buy.place = gz.candidates("Buy")[0]
    laurel = hit_at(text, "Laurel", "place")
    laurel.place = gz.candidates("Laurel")[0]
    assert candidates.unplaced_words(text, [buy, laurel], gz, kn.lexicon) == {id(buy)}


def test_a_contact_line_of_a_plain_word_and_a_country_is_a_firms_arm(enricher: Enricher) -> None:
    release = release_of(
        "Quarnby Uranium spoke to Proactive about its drill plans.",
        contacts=Contacts(names=["Proactive Canada"]),
    )
    entities = {e.name: e.type for e in enricher.enrich(release).entities}
    assert entities.get("Proactive Canada") == "organization"


def test_a_well_known_body_keeps_its_country_prefixed_spelling(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "filed with the United States Securities and Exchange Commission on Monday."
    model = hit_at(text, "United States Securities and Exchange Commission", "organization")
    orgrules.cut_country_prefix([model], kn)
    assert model.text == "Securities and Exchange Commission"
    assert model.aliases == ["United States Securities and Exchange Commission"]
    # The same span read again by another source gives its spellings to the one kept.
    other = Hit(model.start, model.end, model.text, "organization", "alias")
    kept = cluster.resolve_overlaps([other, model])
    assert len(kept) == 1
    assert "United States Securities and Exchange Commission" in kept[0].aliases


def test_a_firm_of_a_brands_family_ending_in_research_is_no_product(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "Quarnvik Research makes Quarnvik Mathica and Quarnvik Atlas. Quarnvik grew."
    names = ("Quarnvik Research", "Quarnvik Mathica", "Quarnvik Atlas")
    hits = [*(hit_at(text, n, "organization") for n in names)]
    hits.append(hit_at(text, "Quarnvik", "organization", nth=3))
    products = orgrules.product_lines(hits, kn, fewest=2)
    assert {h.text for h in hits if id(h) in products} == {"Quarnvik Mathica", "Quarnvik Atlas"}


def test_people_of_a_country_are_no_body(enricher: Enricher) -> None:
    kn = enricher.knowledge
    assert not candidates.keep(Hit(0, 12, "US Investors", "organization", "ner"), kn)
    assert candidates.keep(Hit(0, 8, "US Foods", "organization", "ner"), kn)


def test_file_formats_and_conditions_named_after_people_are_no_entities(
    enricher: Enricher,
) -> None:
    kn = enricher.knowledge
    for fmt in ("DOCX", "PPTX", "TIFF"):
        assert not candidates.keep(Hit(0, len(fmt), fmt, "organization", "ner"), kn)
    text = "options for Quarnby's disease-induced depression, said Quarnby Labs."
    assert candidates.named_condition(text, hit_at(text, "Quarnby", "organization"))
    assert not candidates.named_condition(text, hit_at(text, "Quarnby Labs", "organization"))


def test_a_title_case_subheading_is_no_body(enricher: Enricher) -> None:
    kn = enricher.knowledge
    for heading in ("A Step Toward Improved Patient Care", "The Differences Between Public Firms"):
        assert not candidates.keep(Hit(0, len(heading), heading, "organization", "ner"), kn)
    assert candidates.keep(Hit(0, 21, "Quarn Trust for Youth", "organization", "ner"), kn)


def test_a_body_run_into_a_title_and_a_given_name_ends_before_the_title(
    enricher: Enricher,
) -> None:
    text = "About Quarnby Law Firm Attorney Kelvin Quarnby holds two roles."
    hit = hit_at(text, "Quarnby Law Firm Attorney Kelvin", "organization", source="about")
    candidates.cut_titled_names([hit], enricher.knowledge)
    assert (hit.text, text[hit.start : hit.end]) == ("Quarnby Law Firm", "Quarnby Law Firm")


def test_a_one_word_body_the_text_treats_as_a_person_is_her_given_name(
    enricher: Enricher,
) -> None:
    text = "Mark Quarnby and his wife, Robyne Vesktal, met. Mark, Robyne, and their son moved."
    person = hit_at(text, "Robyne Vesktal", "person")
    alone = hit_at(text, "Robyne", "organization", nth=1)
    assert [len(p.hits) for p in cluster.group_people([person], [alone])] == [1]
    joined = cluster.group_people([person], [alone], persons_alone={"Robyne"})
    assert [len(p.hits) for p in joined] == [2]
    assert alone.label == "person"
    entities = {e.name: e.type for e in enricher.enrich(release_of(text)).entities}
    assert "Robyne" not in entities

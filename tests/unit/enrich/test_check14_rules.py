"""Held-out check 14 rules (lists of exhibitors and winners, names made with a place's name):
on text the project wrote, with invented names of organisations."""

from __future__ import annotations

import pytest

from services.enrich import context, evidence, orgrules
from services.enrich.core import Enricher, model_text
from services.enrich.segments import split_about_header
from tests.unit.enrich.spans import bulleted, hit_at, list_names, release_of, unglued


def test_a_place_name_is_no_plain_word(enricher: Enricher) -> None:
    """WordNet lists "texas" among its nouns; in "Texas Quarnology" it is a proper noun."""
    proper = enricher.gazetteer.proper_words()
    assert {"texas", "oklahoma", "canada", "tokyo"} <= proper
    assert "texas" not in enricher.knowledge.lexicon
    assert orgrules._plain_words("Texas Hearing", enricher.knowledge) is None
    assert orgrules._plain_words("Hearing Care", enricher.knowledge) == ["Hearing", "Care"]


def test_a_strong_ending_makes_a_list_item_a_name(enricher: Enricher) -> None:
    kn = enricher.knowledge
    assert orgrules._plain_phrase("Canyon Laboratories", kn) is False
    assert orgrules._plain_phrase("Quiet Relief International", kn) is False
    assert orgrules._plain_phrase("Organic & Paid Social", kn) is True


def test_a_list_of_exhibitors_with_plain_looking_names_is_a_list_of_bodies(
    enricher: Enricher,
) -> None:
    items = [
        "Canyon Laboratories",
        "Brook Labs",
        "Quiet Relief International",
        "Vellum Clinical Research",
        "quarnTech Inc.",
        "Tarnovia",
        "Hollow Medical Systems",
        "Stone River University",
        "Plain Harbor Labs",
    ]
    found = list_names(bulleted("Exhibitors include:", items), enricher)
    assert {"Canyon Laboratories", "quarnTech Inc.", "Tarnovia", "Hollow Medical Systems"} <= found


def test_a_list_of_services_stays_a_list_of_phrases(enricher: Enricher) -> None:
    items = ["Cloud Hosting", "Data Backup", "Managed Security", "Help Desk Support"]
    assert list_names(bulleted("We offer:", items), enricher) == set()


def test_plain_words_ending_in_an_abstract_noun_name_no_body(enricher: Enricher) -> None:
    """Named twice and after "the", as a heading list repeats its items: still a practice."""
    text = (
        "Quarnwell ranked first in Organizational Alignment and Valuation Adjustment. "
        "Its lead in Organizational Alignment grew, and the Valuation Adjustment held."
    )
    hits = [hit_at(text, "Organizational Alignment", "organization", nth=n) for n in (0, 1)]
    hits += [hit_at(text, "Valuation Adjustment", "organization", nth=n) for n in (0, 1)]
    dropped = orgrules.common_word_orgs(text, hits, enricher.knowledge)
    assert dropped == {id(h) for h in hits}
    assert orgrules.is_abstract_noun("Alignment", enricher.knowledge)
    assert not orgrules.is_abstract_noun("Insurance", enricher.knowledge)
    assert not orgrules.is_abstract_noun("Harbor", enricher.knowledge)


def test_a_gathering_named_after_what_it_gathers_is_no_body() -> None:
    for name in (
        "The Quarnby Healthcare Conference",
        "Vellum Futurist Conference",
        "MedQuarn Business Development Forum",
        "Biotech Showcase",
        "Tarnwell Hackathon",
    ):
        assert orgrules.is_event_or_work(name), name
    # Alone, the word may be the body itself ("Congress passed ...").
    assert not orgrules.is_event_or_work("Congress")
    assert not orgrules.is_event_or_work("Forum")


def test_the_world_economic_forum_is_a_known_body(enricher: Enricher) -> None:
    aliases = enricher.knowledge.org_aliases
    assert aliases["WEF"] == "World Economic Forum"
    assert aliases["World Economic Forum"] == "World Economic Forum"


def test_a_lead_a_developer_and_a_chairperson_are_posts(enricher: Enricher) -> None:
    kn = enricher.knowledge
    for phrase in ("Quarnby Office Lead", "Vell Inu Lead Developer", "Audit Committee Chairperson"):
        assert orgrules.ends_in_post(phrase, kn), phrase
    assert not orgrules.ends_in_post("Quarn Holdings", kn)


def test_a_persons_own_site_names_the_person_not_a_firm(enricher: Enricher) -> None:
    text = "The book is out, said Robert S. Quarnell, founder of Vellbridge LLC."
    domains = evidence.domain_labels(["Visit robertsquarnell.com or vellbridge.com"])
    found = [h.text for h in evidence.from_domains(text, domains, enricher.knowledge)]
    assert found == ["Vellbridge"]


def test_a_surname_in_s_after_a_city_is_no_team(enricher: Enricher) -> None:
    gz, lexicon = enricher.gazetteer, enricher.knowledge.lexicon
    text = "founders like Sam Quarn and Elizabeth Holmes, and fans of the Denver Quarnhawks."
    found = [h.text for h in orgrules.from_teams(text, gz, lexicon)]
    assert found == ["Denver Quarnhawks"]


def test_a_list_of_firms_keeps_items_of_plain_words_and_unreadable_heads(
    enricher: Enricher,
) -> None:
    items = ["7-Quarn", "Tarnovia", "Vellcorp", "Clean Harbors", "Quarnby Group", "D2Q", "Osk"]
    release = release_of(
        "The award winners are:\n\n" + "\n".join(f"* {i}" for i in items),
        "Each winner was chosen by its candidates.",
    )
    names = {e.name for e in enricher.enrich(release).entities if e.type == "organization"}
    assert {"Clean Harbors", "Tarnovia", "Vellcorp"} <= names


def test_hyphenated_plain_words_are_a_phrase(enricher: Enricher) -> None:
    assert orgrules._plain_phrase("Community-Driven", enricher.knowledge)
    assert orgrules._plain_phrase("Gold-backed Token", enricher.knowledge)
    assert not orgrules._plain_phrase("Quarn-Vell Labs", enricher.knowledge)


def _span(text: str, name: str) -> tuple[int, int]:
    start = text.index(name)
    return start, start + len(name)


def test_a_street_named_for_a_person_is_no_person() -> None:
    text = "The party took place on L. Quarn Hubbard Way, near Jane Lane's office."
    assert orgrules.is_street_address(text, *_span(text, "L. Quarn Hubbard Way"))
    assert not orgrules.is_street_address(text, *_span(text, "Jane Lane"))


def test_regulatory_designations_and_standards_are_no_names(enricher: Enricher) -> None:
    release = release_of(
        "The FDA cleared the Investigational New Drug application for QRN-7 and granted "
        "Orphan Drug Designation. Quarnvell Therapeutics is SOC 2 and ISO 27001 certified; "
        "its Supervisory Board met in Vellburg."
    )
    names = {e.name for e in enricher.enrich(release).entities if e.type == "organization"}
    assert not names & {"Investigational New Drug", "Orphan Drug Designation", "SOC 2"}
    assert not names & {"ISO 27001", "Supervisory Board"}
    assert "Quarnvell Therapeutics" in names


def test_a_header_run_into_a_paragraph_opening_with_the_short_name(enricher: Enricher) -> None:
    text = "About Quarn Pharmaceuticals Quarn is the leader in vell inhibitors."
    assert split_about_header(text) == (
        "About Quarn Pharmaceuticals\nQuarn is the leader in vell inhibitors."
    )
    assert split_about_header("About Quarn Bank of Quarn Quarn is a bank.").count("\n") == 0
    gz = enricher.gazetteer
    assert orgrules.doubled_or_town_glued("Quarn Pharmaceuticals Quarn", gz) == (0, 6)
    assert orgrules.doubled_or_town_glued("Quarn Bank of Quarn", gz) == (0, 0)


def test_a_chains_hotel_and_a_venue_with_its_address_are_no_bodies(enricher: Enricher) -> None:
    text = (
        "The forum meets at the Quarnby Marriott Marquis, then at the Vell Hall, 333 Tarn "
        "Street, hosted by Quarn Labs. Panelists include Tina Marriott of Quarn Labs."
    )
    hotel = hit_at(text, "Quarnby Marriott Marquis", "organization")
    hall = hit_at(text, "Vell Hall", "organization")
    firm = hit_at(text, "Quarn Labs", "organization")
    person = hit_at(text, "Tina Marriott", "person")
    found = orgrules.venues(text, [hotel, hall, firm, person], enricher.knowledge.given_names)
    assert found == {id(hotel), id(hall)}


def test_a_gathering_named_with_where_or_when_it_is_held(enricher: Enricher) -> None:
    gz = enricher.gazetteer
    assert orgrules.is_event_or_work("QRN Summit Bangkok", gz)
    assert orgrules.is_event_or_work("Quarnby Conference 2026", gz)
    assert orgrules.is_event_or_work("Vell Blockchain Week")
    assert not orgrules.is_event_or_work("Summit Quarnology", gz)
    assert not orgrules.is_event_or_work("Quarn Summit Health", gz)


def test_full_width_punctuation_is_read_as_ascii_and_lady_is_a_title(enricher: Enricher) -> None:
    assert model_text("Contact Person：Lemon Quarn（QRN）") == "Contact Person:Lemon Quarn(QRN)"
    assert "lady" in {t.lower() for t in enricher.knowledge.titles}


def test_an_irish_surname_with_a_curly_apostrophe_is_a_name_word() -> None:
    from services.enrich.candidates import PERSON_NAME_WORD

    assert PERSON_NAME_WORD.fullmatch("O’Quarnell")
    assert PERSON_NAME_WORD.fullmatch("O'Quarnell")


def test_a_countrys_possessive_opening_a_name_is_cut(enricher: Enricher) -> None:
    gz = enricher.gazetteer
    name = "Taiwan’s Legislative Quarn"
    assert name[orgrules.place_owner(name, gz) :] == "Legislative Quarn"
    assert orgrules.place_owner("Quarnby’s Legislative Quarn", gz) == 0


def test_mines_and_mining_projects_are_sites(enricher: Enricher) -> None:
    for name in ("Eagle Quarn Tungsten Project", "Vell Gold-Silver Project", "El Quarn Mine"):
        assert orgrules.is_event_or_work(name), name
    assert orgrules.is_event_or_work("Quarn Massif")
    assert not orgrules.is_event_or_work("The Quarn Project")
    assert not orgrules.is_event_or_work("Quarnby Mining Corp.")


def test_a_plain_word_run_into_a_full_name_is_cut(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "* Promoted Barry Quarnell to Chief Commercial Officer"
    hits = [hit_at(text, "Promoted Barry Quarnell", "person", source="pattern")]
    (person,) = orgrules.trim_people(hits, kn)
    assert person.text == "Barry Quarnell" and text[person.start : person.end] == person.text
    # A given name opening the span stays: "Grant Barry Quarnell" is no verb run in.
    assert orgrules._word_before_given_name(["Grant", "Barry", "Quarnell"], kn) == 0


def test_fiscal_periods_and_player_positions_are_no_names(enricher: Enricher) -> None:
    from services.enrich.candidates import JUNK

    for period in ("4Q24", "Q3 2025", "FY2026", "1H25"):
        assert JUNK.search(period), period
    assert not JUNK.search("H1 Quarn Capital")
    release = release_of(
        "Quarnbet posted 4Q24 revenue up 12%. Its model rates every QB, RB and WR in the "
        "league, said Quarnbet Holdings."
    )
    names = {e.name for e in enricher.enrich(release).entities if e.type == "organization"}
    assert not names & {"4Q24", "QB", "RB", "WR"}


def test_a_name_with_a_c_suite_post_in_capitals_is_a_person(enricher: Enricher) -> None:
    text = "* Small Market - Margie Quarnell, EVP & CHRO, Tessaly Inc.\n* Next line"
    found = [h.text for h in evidence.from_attributions(text, enricher.knowledge)]
    assert found == ["Margie Quarnell"]


@pytest.mark.parametrize(
    ("text", "firm", "firms", "people"),
    [
        (
            "Highlights included interviews with the likes of QUARNVELL, Sebastien Tarnet, and "
            "Tessaly Labs, and talks with figures such as Ben Roe.",
            "QUARNVELL",
            ["Tessaly Labs"],
            ["Sebastien Tarnet"],
        ),
        (
            "They include lead investor Quarnvest and other brands, such as Tessaly Labs, "
            "Vellstake, Marc Quarnier (Brill Labs), and Calvin Vell (CSO of Quarnlayer).",
            "Tessaly Labs",
            ["Tessaly Labs", "Vellstake"],
            ["Marc Quarnier", "Calvin Vell"],
        ),
    ],
)
def test_people_in_a_list_of_firms_stay_people(
    enricher: Enricher, text: str, firm: str, firms: list[str], people: list[str]
) -> None:
    """ "the likes of ..." and "brands, such as ..." lists: firms, but not the people in them."""
    found = [
        h.text
        for h in evidence.from_lists(text, [hit_at(text, firm, "organization")], enricher.knowledge)
    ]
    assert set(firms) <= set(found)
    assert not set(people) & set(found)


def test_a_sentence_after_a_legal_forms_full_stop_is_cut() -> None:
    assert unglued("Quarn Fusion Inc. The Company") == "Quarn Fusion Inc."
    assert unglued("Quarn Inc. Theta Labs") == "Quarn Inc. Theta Labs"


def test_trademark_letters_after_a_name_mark_a_product() -> None:
    text = "It sells QuarnPod TM, QuarnPatch TM and the Vell Kit, made by Quarn Labs."
    assert context.trademarked(text, *_span(text, "QuarnPod"))
    assert not context.trademarked(text, *_span(text, "Quarn Labs"))


def test_a_legal_form_ends_a_name_before_and(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "Body text.\n\nAbout Quarn Fuels, Inc. and Vell Fusion\n\nQuarn Fuels makes fuel."
    found = [h.text for h in orgrules.from_about_headers(text, kn, 0)]
    assert found == ["Quarn Fuels, Inc.", "Vell Fusion"]
    name = "Quarn Fuels, Inc. and Vell Fusion"
    pieces = [name[a:b] for a, b in orgrules._and_cuts(name, kn, set(), set())]
    assert pieces == ["Quarn Fuels, Inc.", "Vell Fusion"]


def test_listings_and_chain_layers_are_no_names(enricher: Enricher) -> None:
    from services.enrich.candidates import JUNK

    assert JUNK.search("NASDAQ: QRVN") and JUNK.search("OTC PINK: QRV.A")
    assert not JUNK.search("Quarn Labs")
    from services.enrich.knowledge import key

    for term in ("L2s", "Layer 0", "DePIN", "DAO"):
        assert key(term) in enricher.knowledge.not_entities, term


def test_a_contacts_country_stands_for_itself(enricher: Enricher) -> None:
    hits = enricher._contact_places(["Tortola, British Virgin Islands", "Quarnby, Texas"])
    assert [h.text for h in hits] == ["British Virgin Islands"]


def test_a_sentences_opening_word_is_no_part_of_a_person(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "At Quarn Prep, we serve 200 families. With Vell Farm, earning is easy."
    hits = [hit_at(text, "At Quarn Prep", "person"), hit_at(text, "With Vell Farm", "person")]
    assert [h.text for h in orgrules.trim_people(hits, kn)] == ["Quarn Prep", "Vell Farm"]
    (person,) = evidence._person("At Jane Quarnell", 10, 26, kn)
    assert (person.text, person.start) == ("Jane Quarnell", 13)

"""Held-out check 23 rules: on text the project wrote, with invented names."""

from __future__ import annotations

from services.enrich import candidates, context, evidence, orgrules
from services.enrich.core import Enricher
from services.enrich.names import looks_like_person
from tests.unit.enrich.spans import hit_at, texts, trimmed
from tests.unit.parse.markdown import parsed_markdown


def test_a_person_called_by_the_given_name_later_is_no_product(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "Dustin Mercer joins Quarnvale. As such, Dustin is thrilled. Dustin leads the team."
    person = hit_at(text, "Dustin Mercer", "person")
    alone = [hit_at(text, "Dustin", "organization", nth=n) for n in (1, 2)]
    candidates.made_by_orgs([person, *alone], frozenset(), kn)
    assert person.label == "person"
    # Without the name lists the old reading stands: a maker's product.
    product = hit_at(text, "Dustin Mercer", "person")
    candidates.made_by_orgs([product, *alone], frozenset())
    assert product.label == "organization"


def test_a_byline_name_the_model_read_as_a_person_is_one(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "Quarn Opens a Lab\n\nBy Gerelyn Quarnby, Vesk News\n\nQuarn opened a lab."
    name = hit_at(text, "Gerelyn Quarnby", "person")
    assert candidates.from_bylines(text, kn) == []
    found = candidates.from_bylines(text, kn, frozenset({(name.start, name.end)}))
    assert texts(found) == ["Gerelyn Quarnby"]
    assert texts(found, "organization") == ["Vesk News"]


def test_two_undotted_initials_before_a_family_name_open_a_name(enricher: Enricher) -> None:
    kn = enricher.knowledge
    assert looks_like_person("EB Mercer", kn)
    assert not looks_like_person("NY Mercer", kn)  # a state's code
    assert not looks_like_person("AI Mercer", kn)
    assert not looks_like_person("EB Quarnby", kn)  # no family name of the lists
    assert not candidates.common_words_no_given_name("EB Kelly", kn)


def test_a_body_opening_with_a_given_name_beside_two_people_is_a_person(
    enricher: Enricher,
) -> None:
    kn = enricher.knowledge
    text = "Joining the team are Kelly Vesk, Stan Vesk, and MaryAnn Quarnby, who bring decades."
    hits = [
        hit_at(text, "Kelly Vesk", "person"),
        hit_at(text, "Stan Vesk", "person"),
        hit_at(text, "MaryAnn Quarnby", "organization"),
    ]
    assert texts(evidence.from_lists(text, hits, kn)) == ["MaryAnn Quarnby"]
    # A firm's name beside two people stays out.
    firm = "Joining the team are Kelly Vesk, Stan Vesk, and Quarnby Holdings, who bring decades."
    hits = [
        hit_at(firm, "Kelly Vesk", "person"),
        hit_at(firm, "Stan Vesk", "person"),
        hit_at(firm, "Quarnby Holdings", "organization"),
    ]
    assert texts(evidence.from_lists(firm, hits, kn)) == []


def test_a_line_of_a_name_a_dash_and_a_post_names_a_person(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "For Media Enquiries\n\nDustin Quarnby – Chief Marketing Officer\n\npress@quarn.example"
    assert texts(orgrules.body_name_posts(text, 0, kn)) == ["Dustin Quarnby"]
    assert not candidates.keep(hit_at(text, "Media Enquiries", "organization"), kn)


def test_a_body_of_firm_words_with_its_own_about_section_is_kept(enricher: Enricher) -> None:
    name = "Trust Brands"  # organisation words alone, which otherwise name nothing
    release = parsed_markdown(
        f"# Quorvane news\n\n{name} opened a second office this week, {name} said.\n\n"
        f"About {name}\n\n{name} is an advisory firm with offices in three states.\n"
    )
    orgs = [e.name for e in enricher.enrich(release).entities if e.type == "organization"]
    assert orgs == [name]


def test_a_preposition_run_into_a_names_end_is_cut(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "findings from the Quarnby School of Mines on Vesk Resources’ discovery"
    assert (
        trimmed(text, "Quarnby School of Mines on", kn, person=False) == "Quarnby School of Mines"
    )


def test_a_town_is_found_by_its_name_without_its_river(enricher: Enricher) -> None:
    gz = enricher.gazetteer
    frankfurt = gz.known("Frankfurt")
    assert frankfurt is not None and frankfurt.country == "DE"
    assert frankfurt.name == "Frankfurt am Main"  # the larger of the two
    marburg = gz.known("Marburg")
    assert marburg is not None and marburg.country == "DE"


def test_a_zip_code_ends_a_place_the_model_read_with_it(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "Head Office: 50 South Quarn Street, Chicago, Illinois 60603 U.S.A., incorporated."
    start = text.index("Illinois")
    end = text.index(",", start)
    hits = candidates.from_ner(text, [(start, end, "GPE")], kn)
    assert texts(hits, "place") == ["Illinois"]


def test_place_lists_after_in_the_and_long_lists_with_small_towns(enricher: Enricher) -> None:
    kn, gz = enricher.knowledge, enricher.gazetteer
    text = "trusted in the Monterey, Pacific Grove, Carmel, and Salinas areas for years."
    assert "Salinas" in texts(evidence.from_place_lists(text, gz, kn), "place")
    long = "stores in Quarnwick, Owings Mills, Pikesville, Randallstown, Reisterstown, and Veskton."
    assert {"Randallstown", "Quarnwick", "Veskton"} <= set(
        texts(evidence.from_place_lists(long, gz, kn), "place")
    )
    # Two unknown items of four are too many.
    short = "stores in Quarnwick, Pikesville, Randallstown, and Veskton."
    assert evidence.from_place_lists(short, gz, kn) == []


def test_a_lower_camel_case_name_before_a_listing_is_the_listed_company(
    enricher: Enricher,
) -> None:
    text = "Ana Roe, CEO of iQuarnEngines (NASDAQ: QRNE), spoke."
    hits = orgrules.from_tickers(text, enricher.knowledge)
    assert texts(hits, "organization") == ["iQuarnEngines"]


def test_tech_short_forms_count_as_plain_words_of_a_phrase(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "Quarnex builds solar and EV Charging projects. Blue Data AI is a firm."
    phrase = hit_at(text, "EV Charging", "organization")
    firm = hit_at(text, "Blue Data AI", "organization")
    assert orgrules.common_word_orgs(text, [phrase, firm], kn) == {id(phrase)}


def test_a_society_named_with_its_city_alone_is_one_chapter(enricher: Enricher) -> None:
    text = "He is a member of the Quarn Society Los Angeles, which he chairs."
    hits = [
        hit_at(text, "Quarn Society", "organization"),
        hit_at(text, "Los Angeles", "place"),
    ]
    found = orgrules.chapters(text, hits, enricher.gazetteer)
    assert [(h.text, h.label) for h in found] == [("Quarn Society Los Angeles", "organization")]
    firm = "He joined Quarn Partners Los Angeles office."
    hits = [hit_at(firm, "Quarn Partners", "organization"), hit_at(firm, "Los Angeles", "place")]
    assert len(orgrules.chapters(firm, hits, enricher.gazetteer)) == 2


def test_no_persons_name_ends_in_a_possessive_determiner(enricher: Enricher) -> None:
    text = "Quarn My House Fast buys homes. Vesk Our Town helps."
    kn = enricher.knowledge
    assert not candidates.keep(hit_at(text, "Quarn My", "person"), kn)
    assert not candidates.keep(hit_at(text, "Vesk Our", "person"), kn)


def test_one_name_after_a_plural_noun_for_people_and_including_is_a_person(
    enricher: Enricher,
) -> None:
    kn = enricher.knowledge
    text = "endorsed by top touring engineers, including Eddie Quarnby (Vesk Tour), too."
    assert texts(candidates.from_people_lists(text, kn)) == ["Eddie Quarnby"]
    firm = "endorsed by partners, including Quarnby Holdings (Vesk), too."
    assert candidates.from_people_lists(firm, kn) == []


def test_a_posted_name_keeps_no_possessive(enricher: Enricher) -> None:
    text = "SUV PRICE: Quarnby Mayor Brandon Vesk’s $163,495 SUV draws scrutiny."
    assert texts(candidates.from_posted_names(text, enricher.knowledge)) == ["Brandon Vesk"]


def test_a_picture_credit_after_a_name_vouches_for_a_person(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "held at a facility in Tacoma, Wash. Sapna Quarnil/The Vesk Banner.\n\nNext story."
    name = hit_at(text, "Sapna Quarnil", "person")
    evidence.unvouched_people(text, [name], kn)
    assert name.label == "person"
    bare = "held at a facility in Tacoma, Wash. Sapna Quarnil is acting as placement agent."
    firm = hit_at(bare, "Sapna Quarnil", "person")
    evidence.unvouched_people(bare, [firm], kn)
    assert firm.label == "organization"


def test_a_known_person_opening_an_airports_name_is_no_mention(enricher: Enricher) -> None:
    text = "Quarnby-Vesk International Thurgood Marshall Airport shows no video."
    known = hit_at(text, "Thurgood Marshall", "person", source="alias")
    assert context.eponyms(text, [known]) == {id(known)}


def test_a_town_the_model_read_as_a_body_after_located_in_is_the_town(
    enricher: Enricher,
) -> None:
    text = "It complements its existing location in Annapolis. Quarnex grows."
    town = hit_at(text, "Annapolis", "organization")
    context.person_contexts(text, [town], enricher.gazetteer)
    assert town.label == "place" and town.place is not None
    firm = "Quarnex invested in Annapolis. It grows."
    body = hit_at(firm, "Annapolis", "organization")
    context.person_contexts(firm, [body], enricher.gazetteer)
    assert body.label == "organization"


def test_a_county_named_after_a_person_keeps_her_given_name(enricher: Enricher) -> None:
    text = "charges were tossed out by an Anne Quarnel County judge last month."
    start = text.index("Quarnel")
    hits = candidates.from_ner(
        text, [(start, start + len("Quarnel County"), "GPE")], kn := enricher.knowledge
    )
    assert texts(hits, "place") == ["Anne Quarnel County"]
    plain = "offices in Quarnel County and beyond."
    start = plain.index("Quarnel")
    hits = candidates.from_ner(plain, [(start, start + len("Quarnel County"), "GPE")], kn)
    assert texts(hits, "place") == ["Quarnel County"]


def test_a_month_before_an_appositive_is_no_body(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "Revenue grew.\n\nIn December, the company announced it had acquired Quarnex."
    assert orgrules.from_appositives(text, kn) == []
    assert not candidates.keep(hit_at("Brands court Gen Z buyers.", "Gen Z", "organization"), kn)


def test_a_season_written_in_lower_case_too_is_no_town(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "Spring & Summer Spending Plans. Shoppers spent less last spring."
    spring = hit_at(text, "Spring", "place")
    spring.place = enricher.gazetteer.known("Spring")
    lowered = frozenset(candidates.lowercase_words(text))
    assert not candidates.keep(spring, kn, lowered=lowered)
    town = "Offices in Spring, Texas opened."
    in_texas = hit_at(town, "Spring", "place")
    in_texas.place = enricher.gazetteer.known("Spring")
    assert candidates.keep(in_texas, kn, lowered=frozenset(candidates.lowercase_words(town)))


def test_a_trades_firm_named_after_a_person_is_no_mention_of_her(enricher: Enricher) -> None:
    text = "Brands include Benjamin Quarnby Plumbing, Vesk Squad and Mister Quarn."
    person = hit_at(text, "Benjamin Quarnby", "person")
    assert context.eponyms(text, [person]) == {id(person)}


def test_two_posts_of_a_plain_family_name_are_no_couple(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "It honours the Fleet Professional and Fleet Technician of the Year."
    whole = hit_at(text, "Fleet Professional and Fleet Technician", "organization")
    assert texts(candidates.couples(text, [whole], kn)) == []


def test_the_winner_after_an_awards_colon_is_a_person(enricher: Enricher) -> None:
    text = "Winners:\n\n* Quarn Technician of the Year Award: Curtis Vesk, City of Quarnby"
    assert texts(candidates.from_credits(text, enricher.knowledge)) == ["Curtis Vesk"]


def test_a_person_of_her_firm_inside_a_bodys_span_is_cut_out(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "The seller was represented by Tanner Quarnby of Vesk International."
    whole = hit_at(text, "Tanner Quarnby of Vesk International", "organization")
    found = orgrules.refine_orgs(text, [whole], kn)
    assert texts(found) == ["Tanner Quarnby"]
    assert texts(found, "organization") == ["Vesk International"]


def test_a_party_and_district_code_is_no_body(enricher: Enricher) -> None:
    text = "raised by Rep. Jane Quarnby (D-8th) and Rep. Al Vesk (R-TX)."
    kn = enricher.knowledge
    assert not candidates.keep(hit_at(text, "D-8th", "organization"), kn)
    assert not candidates.keep(hit_at(text, "R-TX", "organization"), kn)


def test_a_state_in_a_list_of_states_is_no_town_of_the_next(enricher: Enricher) -> None:
    text = "It has acquired eight properties in Utah, California and Washington."
    hits = candidates.from_patterns(text, enricher.gazetteer)
    assert not any(h.text == "Utah" and h.place and h.place.kind == "city" for h in hits)
    town = "It opened a store in Quarnbyville, California last week."
    assert "Quarnbyville" in texts(candidates.from_patterns(town, enricher.gazetteer), "place")


def test_washington_in_a_list_of_states_is_the_state(enricher: Enricher) -> None:
    kn, gz = enricher.knowledge, enricher.gazetteer
    text = "It owns properties in Oregon, Washington and Idaho."
    places = {h.text: h.place for h in evidence.from_place_lists(text, gz, kn)}
    washington = places["Washington"]
    assert washington is not None and washington.subdivision == "US-WA"
    capital = "Offices in Washington and Boston opened."
    places = {h.text: h.place for h in evidence.from_place_lists(capital, gz, kn)}
    assert places["Washington"] is not None and places["Washington"].subdivision == "US-DC"

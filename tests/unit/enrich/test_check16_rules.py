"""Held-out check 16 rules: on text the project wrote, with invented names."""

from __future__ import annotations

import pytest

from services.enrich import candidates, evidence, orgrules
from services.enrich.core import Enricher
from services.enrich.segments import split_about_header
from tests.unit.enrich.spans import hit_at, release_of, trimmed


def test_the_surname_list_comes_from_the_installed_name_data(enricher: Enricher) -> None:
    surnames = enricher.knowledge.surnames
    assert len(surnames) > 10_000
    assert {"ruiz", "hernandez", "wyatt"} <= surnames


@pytest.mark.parametrize(
    ("name", "label", "kept"),
    [
        ("Latinas", "organization", False),
        ("Latino", "place", False),
        ("U.S. Hispanics", "organization", False),
        ("Puerto Ricans", "organization", False),
        ("Latina American", "organization", False),
        ("Guatemalan", "organization", False),
        ("Spanish", "organization", False),
        ("Puerto Rican", "person", False),
        ("Latino News Network", "organization", True),
        ("Hispanic Chamber of Commerce", "organization", True),
        ("Puerto Rico", "place", True),
    ],
)
def test_a_group_of_people_named_by_origin_is_no_entity(
    enricher: Enricher, name: str, label: str, kept: bool
) -> None:
    text = f"Many {name} attended the event in May."
    hit = hit_at(text, name, label)
    assert candidates.keep(hit, enricher.knowledge) is kept


@pytest.mark.parametrize(
    ("paragraph", "heading"),
    [
        ("About Quorvane Federation The Quorvane Federation is a body that runs the game.",
         "About Quorvane Federation"),
        ("About QDA Quorvane Development Authority (QDA) is a public corporation.", "About QDA"),
        ("About Zelvane Zelvane Energy makes small power plants for farms.", "About Zelvane"),
        ("About Quarn Eco Cleaning Established in 2011, Quarn Eco Cleaning is a local firm.",
         "About Quarn Eco Cleaning"),
        ("About the City of Quorvane Parks Department The Parks Department (QPD) was formed "
         "in 2022.", "About the City of Quorvane Parks Department"),
        # Not restated: left as it is.
        ("About Quarn Pharmaceuticals Founded in 2001, Quarn is a maker of pumps.", None),
        ("About Zelvane Labs", None),
    ],
)  # fmt: skip
def test_an_about_heading_run_into_a_paragraph_that_restates_it_is_split_off(
    paragraph: str, heading: str | None
) -> None:
    split = split_about_header(paragraph)
    if heading is None:
        assert split == paragraph
    else:
        assert split.split("\n")[0] == heading


@pytest.mark.parametrize(
    ("rule", "span", "rest"),
    [
        # Posts before a name the model read as a firm: the person is what follows them.
        ("post", "Founder Zelvora Ruiz", "Zelvora Ruiz"),
        ("post", "CEO and Founder Maria Quornby", "Maria Quornby"),
        ("post", "Dr. Maria Quornby", "Dr. Maria Quornby"),
        ("post", "Founder Quarn Labs", None),
        ("post", "Zelvane Foundation", None),
        # A body's name run into a person's: the person starts where the body ends.
        ("body", "The Quorvane Club Maria Quornby", "Maria Quornby"),
        ("body", "Quorvane Network Maria Ruiz", "Maria Ruiz"),
        ("body", "Quorvane Network Maria Foundation", None),
        ("body", "Maria Quornby Foundation", None),
    ],
)
def test_where_the_person_starts_in_an_organisation_span(
    enricher: Enricher, rule: str, span: str, rest: str | None
) -> None:
    find = candidates.titled_person_start if rule == "post" else candidates.org_then_person
    start = find(span, enricher.knowledge)
    assert (None if start is None else span[start:]) == rest


def test_three_names_that_add_plain_words_to_a_brand_are_its_products(
    enricher: Enricher,
) -> None:
    text = "Quarn Especial, Quarn Negra and Quarn Oro lead the range. Quarn Labs and Quarn sell."
    names_ = ["Quarn Especial", "Quarn Negra", "Quarn Oro", "Quarn Labs"]
    hits = [hit_at(text, n, "organization") for n in names_]
    hits.append(hit_at(text, "Quarn", "person", nth=4))
    products = orgrules.product_lines(hits, enricher.knowledge)
    assert [h.text for h in hits if id(h) in products] == names_[:3]
    assert not orgrules.product_lines(hits[1:], enricher.knowledge)  # two are no range


def test_a_site_named_after_a_doctor_names_no_firm(enricher: Enricher) -> None:
    text = "Dr. Zelvora Quornby Campbell spoke. Visit ZelvoraQuornbyCampbell.com for more."
    hits = evidence.from_domains(text, {"zelvoraquornbycampbell"}, enricher.knowledge)
    assert [h.text for h in hits] == []
    firm = "Quarn Vell Tools opened. Visit QuarnVellTools.com for more."
    assert [
        h.text for h in evidence.from_domains(firm, {"quarnvelltools"}, enricher.knowledge)
    ] == ["Quarn Vell Tools"]


def test_a_territory_written_like_a_state_is_that_place(enricher: Enricher) -> None:
    place = enricher.gazetteer.abbreviation("PR")
    assert place is not None and (place.name, place.country) == ("Puerto Rico", "PR")
    release = enricher.enrich(release_of("The summit opens in San Juan, PR on Monday."))
    places = {e.name: e.ids.get("iso3166") for e in release.entities if e.type == "place"}
    assert places == {"Puerto Rico": "PR", "San Juan": "PR"}


@pytest.mark.parametrize(
    ("name", "post"),
    [
        ("Programming Committee Co-Chair", True),
        ("Producer/Owner", True),
        ("Adjunct Professor", True),
        ("State Representatives", True),
        ("Quarn Partners", False),
        ("Quarn Media Group", False),
    ],
)
def test_a_phrase_ending_in_a_post_names_no_body(enricher: Enricher, name: str, post: bool) -> None:
    assert orgrules.ends_in_post(name, enricher.knowledge) is post


@pytest.mark.parametrize(
    ("span", "name"),
    [
        ("Owner of Quarn Treasures", "Quarn Treasures"),
        ("Managing Partner Quarn & Company", "Quarn & Company"),
        ("Creator Sports Network", "Creator Sports Network"),
        ("Friends of the Quarn Museum", "Friends of the Quarn Museum"),
    ],
)
def test_posts_before_a_body_are_cut(enricher: Enricher, span: str, name: str) -> None:
    assert span[orgrules.post_of_institution(span, enricher.knowledge) :] == name


def test_molecular_notation_is_no_body(enricher: Enricher) -> None:
    text = "QRX1A and QRX2A carry Arg94Gln; UAA and UAG read through. UGA joined the work."
    names_ = ["QRX1A", "QRX2A", "Arg94Gln", "UAA", "UAG"]
    hits = [hit_at(text, n, "organization") for n in names_]
    codes = orgrules.molecular_codes(hits)
    assert [h.text for h in hits if id(h) in codes] == names_
    alone = [hit_at(text, "UGA", "organization"), hit_at(text, "QRX1A", "organization")]
    assert orgrules.molecular_codes(alone) == set()  # one code alone may be an acronym


@pytest.mark.parametrize(
    ("name", "event"),
    [
        ("Amyotrophic Lateral Sclerosis", True),
        ("Quarn Heritage Month", True),
        ("International Overdose Awareness Day", True),
        ("National Quarn Day Parade", True),
        ("Quarn Sclerosis Foundation", False),
        ("Vell Jean Quarn Cup", True),
        ("Digital Storytelling Campaign for the Quarn Museum", True),
        ("Campaign for Quarn-Free Kids", False),
        ("Celebrating Quarn Heritage Across Vell Media", True),
        ("Building Quarn Foundation", False),
    ],
)
def test_illnesses_observances_and_parades_are_no_bodies(name: str, event: bool) -> None:
    assert orgrules.is_event_or_work(name) is event


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        ("It met at the 2025 Federation of Quarn Societies in May.",
         "2025 Federation of Quarn Societies", "Federation of Quarn Societies"),
        ("“It serves creators.”Quarnly.com now", "creators.”Quarnly.com", "Quarnly.com"),
        ("Work is done. Within the Quarn Institute, teams met.", "Within the Quarn Institute",
         "Quarn Institute"),
        ("He is President of the Quarn Institute and Vice President of Vell.",
         "Quarn Institute and Vice", "Quarn Institute"),
    ],
)  # fmt: skip
def test_a_year_a_quotation_or_a_preposition_before_a_body_is_cut(
    enricher: Enricher, text: str, span: str, name: str
) -> None:
    assert trimmed(text, span, enricher.knowledge, person=False) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The fund is run by Pia Quorvel and Daniel Ruiz, Quarn Advisors' Managing Directors.",
         "Daniel Ruiz"),
        ("Guests include Tyrel Quornby, a former Boxing World Champion, and others.",
         "Tyrel Quornby"),
    ],
)  # fmt: skip
def test_a_post_after_the_name_makes_a_model_firm_a_person(
    enricher: Enricher, text: str, name: str
) -> None:
    hit = hit_at(text, name, "organization")
    candidates.orgs_named_as_people(text, [hit], enricher.knowledge)
    assert hit.label == "person"


def test_plural_posts_count_only_when_written_as_posts(enricher: Enricher) -> None:
    from services.enrich.names import is_person_post

    assert is_person_post("Directors", enricher.knowledge)
    assert not is_person_post("programs", enricher.knowledge)
    assert not orgrules.ends_in_post(
        "National Association of Quarn Journalists", enricher.knowledge
    )


def test_a_person_span_takes_the_given_name_before_it_and_drops_a_lower_case_word(
    enricher: Enricher,
) -> None:
    text = "Hosts include Natalia Quornby and latinas Luz Quarnell on the show."
    hits = candidates.from_ner(
        text,
        [(text.index("Quornby"), text.index(" and"), "PERSON"),
         (text.index("latinas"), text.index(" on the"), "PERSON")],
        enricher.knowledge,
    )  # fmt: skip
    assert [h.text for h in hits] == ["Natalia Quornby", "Luz Quarnell"]
    plain = "It made Major Announcements today."
    start = plain.index("Announcements")
    hits = candidates.from_ner(plain, [(start, start + 13, "PERSON")], enricher.knowledge)
    assert [h.text for h in hits] == ["Announcements"]  # a plain word is no one's surname


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("Robin Quornby Purpura Vell", "Robin Quornby"),
        ("Jose Luis Quorvez", "Jose Luis Quorvez"),  # "Quorvez Films": the surname stays
        ("Robin Quornby", "Robin Quornby"),
    ],
)
def test_a_person_run_into_an_organisation_the_release_names_is_cut(name: str, kept: str) -> None:
    orgs = {"purpura vell media", "quorvez films"}
    assert candidates.name_before_org(name, orgs) == kept


def test_an_accented_given_name_before_a_person_joins_the_name(enricher: Enricher) -> None:
    text = "Guests: María Elena Quornby, and others."
    start = text.index("Elena")
    hits = candidates.from_ner(text, [(start, start + 13, "PERSON")], enricher.knowledge)
    assert [h.text for h in hits] == ["María Elena Quornby"]


def test_a_known_name_with_a_typographers_apostrophe_is_known(enricher: Enricher) -> None:
    text = "Shop at Kohl’s and McDonald’s this week."
    found = {(h.text, h.canonical) for h in candidates.from_aliases(text, enricher.knowledge)}
    assert {("Kohl’s", "Kohl's"), ("McDonald’s", "McDonald's")} <= found


def test_where_each_of_two_joined_posts_is_held_is_an_organisation(enricher: Enricher) -> None:
    text = (
        "Guests: Zel Roe, Chairman of Quarn Foundation & Founder of Vellmatrix Computing; "
        "Dora Quai, Global BD Lead of Brill Network; and others."
    )
    found = [h.text for h in orgrules.from_roles(text, enricher.knowledge)]
    assert found == ["Quarn Foundation", "Vellmatrix Computing", "Brill Network"]


def test_an_and_inside_a_list_item_joins_one_name() -> None:
    text = (
        "Backed by the Quarn Hotel Association, Vell Food and Fuel Association, Brill Labs "
        "and Zorvo today."
    )
    m = next(evidence.LIST.finditer(text))
    items = [text[a:b] for a, b in evidence._list_items(m)]
    assert items == [
        "Quarn Hotel Association", "Vell Food and Fuel Association", "Brill Labs", "Zorvo"
    ]  # fmt: skip
    sentence = "Based in Quarn City and Vell Town, Brill Labs, Zorvo Co. and Quell make pumps."
    m = next(evidence.LIST.finditer(sentence))
    assert [sentence[a:b] for a, b in evidence._list_items(m)][:2] == ["Quarn City", "Vell Town"]


def test_words_after_a_legal_form_open_the_next_heading(enricher: Enricher) -> None:
    text = "About Quarn Media, Inc. Quarn Kids is a channel."
    assert (
        trimmed(text, "Quarn Media, Inc. Quarn Kids", enricher.knowledge, person=False)
        == "Quarn Media, Inc."
    )


def test_a_roster_line_with_a_semicolon_names_a_person_and_no_firm(enricher: Enricher) -> None:
    text = "Authors:\n* Zelvora Quornby; Tucson, Arizona\n* Maris Vell; Austin, Texas\n"
    hits = candidates.from_bullets(text, enricher.knowledge, enricher.gazetteer)
    assert [(h.text, h.label) for h in hits] == [
        ("Zelvora Quornby", "person"), ("Maris Vell", "person")
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        (
            "Led by inQuarn International LLC today.",
            "International LLC",
            "inQuarn International LLC",
        ),
        ("Listen on reVell Podcasts now.", "Podcasts", "reVell Podcasts"),
        ("Buy an Acme Labs kit.", "Acme Labs", "Acme Labs"),
    ],
)
def test_a_name_opening_in_lower_camel_case_keeps_that_word(
    text: str, span: str, name: str
) -> None:
    start = text.index(span)
    assert text[candidates.lower_camel_start(text, start) : start + len(span)] == name


@pytest.mark.parametrize("name", ["Los Hijos de Quarn Vell", "Un Verano Quornby"])
def test_a_name_opening_with_an_article_is_no_person(enricher: Enricher, name: str) -> None:
    from services.enrich.names import looks_like_person

    assert not looks_like_person(name, enricher.knowledge)


def test_a_word_billing_a_performer_is_no_part_of_the_name(enricher: Enricher) -> None:
    text = "The season, Starring Zelvora Quornby, opens."
    assert trimmed(text, "Starring Zelvora Quornby", enricher.knowledge, person=True) == (
        "Zelvora Quornby"
    )


def test_a_surname_of_the_lists_vouches_for_a_listed_name_like_a_given_name(
    enricher: Enricher,
) -> None:
    text = "Hosts Luz Quornby, Natalia Vell, and Sulvy Castillo travel to the city."
    hits = [
        hit_at(text, "Luz Quornby", "person"),
        hit_at(text, "Natalia Vell", "person"),
        hit_at(text, "Sulvy Castillo", "organization"),
    ]
    candidates.orgs_named_as_people(text, hits, enricher.knowledge)
    assert hits[2].label == "person"


def test_a_lone_first_name_the_model_calls_a_firm_is_dropped(enricher: Enricher) -> None:
    text = "Julie joins the cast in May."
    assert not candidates.keep(hit_at(text, "Julie", "organization"), enricher.knowledge)
    acme = "Quarnvell joins the cast in May."
    assert candidates.keep(hit_at(acme, "Quarnvell", "organization"), enricher.knowledge)


def test_well_known_people_are_found_as_written(enricher: Enricher) -> None:
    from dataclasses import replace

    knowledge = replace(
        enricher.knowledge,
        person_names={"Zelvora Quornby": "Zelvora Quornby", "Tito Vell": "Tito Vell"},
    )
    text = (
        "Guests: Zelvora Quornby, Tito Vell Jr. and Zelvora Quornbyson. "
        "She spoke on The Zelvora Quornby network."
    )
    found = [h.text for h in candidates.from_known_people(text, knowledge)]
    assert found == ["Zelvora Quornby", "Tito Vell Jr."]


def test_the_shipped_people_list_leaves_known_firms_and_places_out(enricher: Enricher) -> None:
    from dataclasses import replace

    knowledge = replace(
        enricher.knowledge,
        known_people=("Zelvora Quornby", "Quarn Vell", "New York", "Solo"),
        known_orgs=("Quarn Vell",),
    )
    assert candidates.person_names(knowledge, enricher.gazetteer) == {
        "Zelvora Quornby": "Zelvora Quornby"
    }
    assert len(enricher.knowledge.known_people) > 5_000


def test_an_unknown_one_word_place_needs_something_that_places_it(enricher: Enricher) -> None:
    text = "Fans in Quarnby, Texas and Vellton cheered; la Abuelita loves it. We met in Zorvale."
    hits = [hit_at(text, name, "place") for name in ("Quarnby", "Vellton", "Abuelita", "Zorvale")]
    hits.append(cand_place(enricher, text, "Texas"))
    dropped = candidates.unplaced_words(text, hits, enricher.gazetteer)
    assert [h.text for h in hits if id(h) in dropped] == ["Abuelita"]


def cand_place(enricher: Enricher, text: str, name: str) -> candidates.Hit:
    hit = hit_at(text, name, "place", source="gazetteer")
    hit.place = enricher.gazetteer.known(name)
    return hit


def test_the_end_of_a_name_before_and_is_no_partners_given_name(enricher: Enricher) -> None:
    text = "Starring Poncho de Quarnis and Marcela Vellstral, and Mika and Brian Quornby."
    hits = [hit_at(text, "Marcela Vellstral", "person"), hit_at(text, "Brian Quornby", "person")]
    found = candidates.couples(text, hits, enricher.knowledge)
    assert [(h.text, h.canonical) for h in found] == [("Mika", "Mika Quornby")]


@pytest.mark.parametrize(("name", "kept"), [("Human Resources", False), ("Rose Quornby", True)])
def test_a_rule_person_of_plain_words_and_no_given_name_is_dropped(
    enricher: Enricher, name: str, kept: bool
) -> None:
    text = f"Contact {name} for details."
    assert (
        candidates.keep(hit_at(text, name, "person", source="pattern"), enricher.knowledge) is kept
    )

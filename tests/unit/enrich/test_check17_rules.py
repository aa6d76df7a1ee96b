"""Held-out check 17 rules: on text the project wrote, with invented names."""

from __future__ import annotations

import pytest

from services.enrich import candidates, context, orgrules
from services.enrich.core import Enricher
from services.enrich.knowledge import Knowledge
from tests.unit.enrich.spans import hit_at, list_names, release_of, trimmed, unglued


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Susan Quellwin", "person"),  # a given name and a surname that is no plain word
        ("Carol Quellwin", "person"),
        ("Susan Park", "place"),  # a plain last word: could be a place
        ("Lake Quellwin", "place"),  # no given name first
    ],
)
def test_a_model_place_no_gazetteer_knows_named_like_a_person_is_a_person(
    enricher: Enricher, name: str, label: str
) -> None:
    text = f"She was not a Jane Roe or a {name}, but her life mattered."
    hit = hit_at(text, name, "place")
    assert candidates.retype(hit, enricher.gazetteer, enricher.knowledge).label == label


@pytest.mark.parametrize(
    ("text", "model", "name"),
    [
        ("It sits with the Quarnish Department of Fish and Wildlife, which funds it.",
         "Quarnish Department of Fish", "Quarnish Department of Fish and Wildlife"),
        ("He is certified by the Quarnish Society for Ethics and Humanities as a consultant.",
         "Quarnish Society for Ethics", "Quarnish Society for Ethics and Humanities"),
        ("Guests toured the Zelvane Car and Toy Museum. It opened in May.",
         "Zelvane Car", "Zelvane Car and Toy Museum"),
        ("She trained through the Quarnish Commission in Medical Management. She now leads it.",
         "Quarnish Commission", "Quarnish Commission in Medical Management"),
        ("It won a grant from the Quarnish State Council on the Arts this year.",
         "Quarnish State Council", "Quarnish State Council on the Arts"),
        # A place after "in", a firm after "and", and more words after the plain ones stay out.
        ("She teaches at Zelvane Middle School in Santa Fe, New Mexico.",
         "Zelvane Middle School", "Zelvane Middle School"),
        ("The Quarnish Institute of Energy and Microsoft signed a deal.",
         "Quarnish Institute of Energy", "Quarnish Institute of Energy"),
        ("It joins the Zelvane Car and Toy Museum Quarnell Wing this year.",
         "Zelvane Car", "Zelvane Car"),
    ],
)  # fmt: skip
def test_a_body_the_model_cut_at_and_or_in_takes_the_rest_of_its_name(
    enricher: Enricher, text: str, model: str, name: str
) -> None:
    hit = hit_at(text, model, "organization")
    orgrules.extend_across_and(text, [hit], enricher.knowledge, enricher.gazetteer)
    assert hit.text == name


def test_two_plain_fields_of_one_name_are_not_cut_apart(enricher: Enricher) -> None:
    text = "Funds came from the Quarnish Department of Fish and Wildlife last year."
    hit = hit_at(text, "Quarnish Department of Fish and Wildlife", "organization")
    other = hit_at(text, "Wildlife", "organization")  # named alone elsewhere, say
    refined = orgrules.refine_orgs(text, [hit, other], enricher.knowledge)
    assert "Quarnish Department of Fish and Wildlife" in [h.text for h in refined]


def test_a_river_a_peak_or_a_wilderness_is_no_organisation(enricher: Enricher) -> None:
    release = release_of(
        "The Tarnwick Conservancy bought the land along the Little Quarn River, below Vesk Peak "
        "and the Santa Quarnia Mountains, next to the Orlen Wilderness.",
        "The Tarnwick Conservancy will return it to the Esselvane Tribe.",
    )
    orgs = {e.name for e in enricher.enrich(release).entities if e.type == "organization"}
    assert not any(o.split()[-1] in ("River", "Peak", "Mountains", "Wilderness") for o in orgs)


@pytest.mark.parametrize(
    "name",
    ["Judging Coordinator", "Fabrication Technician", "Marketing Intern", "Quarnby Detective",
     "Payroll Supervisor", "Studio Architect", "Quarn Film Fellows"],
)  # fmt: skip
def test_a_phrase_ending_in_an_occupation_names_no_body(enricher: Enricher, name: str) -> None:
    assert orgrules.ends_in_post(name, enricher.knowledge)


@pytest.mark.parametrize(
    ("name", "rest"),
    [
        ("Key Services and ResponsibilitiesQuarnex", "Quarnex"),
        ("Statements from LeadershipMaria Quellwin", "Maria Quellwin"),
        ("A New Age of SupercomputersNo", "No"),
        # Brands glue short words; a name without glue stays whole.
        ("PayPal Holdings", "PayPal Holdings"),
        ("BlackRock", "BlackRock"),
        ("Quarnex Labs", "Quarnex Labs"),
    ],
)
def test_a_heading_glued_to_the_next_line_is_cut_off(
    enricher: Enricher, name: str, rest: str
) -> None:
    assert name[orgrules.heading_glue_start(name, enricher.knowledge) :] == rest


def test_a_firm_the_model_saw_in_a_given_name_with_credentials_is_a_person(
    enricher: Enricher,
) -> None:
    text = "Maria Quellwin, PhD, MBA, CEO of Quarnex, welcomed the deal."
    hit = hit_at(text, "Maria Quellwin", "organization")
    context.credential_spans(text, [hit], enricher.gazetteer, enricher.knowledge)
    assert hit.label == "person"
    text = "Quarnex Holdings, PhD, MBA programs grew."  # no given name: left alone
    hit = hit_at(text, "Quarnex Holdings", "organization")
    context.credential_spans(text, [hit], enricher.gazetteer, enricher.knowledge)
    assert hit.label == "organization"


def test_the_people_a_plural_post_introduces_are_people_by_surname_alone(
    enricher: Enricher,
) -> None:
    text = (
        "The resolution was authored by Senators Maria Quell and Senator Jo Vesk with "
        "co-authors Senators Quellwin, Ostrand-Vey, Tarnby, and Pérez."
    )
    assert [h.text for h in candidates.from_rosters(text)] == [
        "Maria Quell", "Jo Vesk", "Quellwin", "Ostrand-Vey", "Tarnby", "Pérez",
    ]  # fmt: skip
    people = {e.name for e in enricher.enrich(release_of(text)).entities if e.type == "person"}
    assert {"Maria Quell", "Jo Vesk", "Quellwin", "Ostrand-Vey", "Tarnby", "Pérez"} <= people
    # One name is no roster.
    assert candidates.from_rosters("Senators Quellwin spoke.") == []


@pytest.mark.parametrize(
    ("text", "name", "unit"),
    [
        ("Jo Vesk, Director of Talent Relations, Quarnex, spoke.", "Talent Relations", True),
        ("Jo Vesk, Senior Manager, Channel Partnerships, Quarnex, spoke.",
         "Channel Partnerships", True),
        ("She was a Vice President in its Power & Energy Capital Markets team.",
         "Power & Energy Capital Markets", True),
        ("He served clients in the Retail and Financial Services industries.",
         "Financial Services", True),
        # A body: after a post held in the body itself, or a long run of plain words.
        ("Jo Vesk, Founder, Rise & Set, spoke.", "Rise & Set", False),
        ("He is Medical Director of Central Valley Hospice Palliative Medicine.",
         "Central Valley Hospice Palliative Medicine", False),
        ("Jo Vesk, Director of Quarnex Labs, spoke.", "Quarnex Labs", False),
    ],
)  # fmt: skip
def test_plain_words_after_a_unit_post_or_before_a_unit_noun_name_a_unit(
    enricher: Enricher, text: str, name: str, unit: bool
) -> None:
    hit = hit_at(text, name, "organization")
    assert bool(orgrules.departments(text, [hit], enricher.knowledge)) is unit


def test_a_name_the_model_read_as_a_work_is_a_person_when_it_opens_with_a_given_name(
    enricher: Enricher,
) -> None:
    text = "Maria Quellwin was recognized at the Harbor Lights gala."
    a, b = text.index("Maria Quellwin"), text.index("Harbor Lights")
    ents = [(a, a + 14, "WORK_OF_ART"), (b, b + 13, "WORK_OF_ART")]
    hits = candidates.from_ner(text, ents, enricher.knowledge)
    assert [(h.text, h.label) for h in hits] == [("Maria Quellwin", "person")]


@pytest.mark.parametrize(
    ("text", "span", "cut"),
    [
        ("newly hired Director of Compliance Maria Quellwin brings", "Compliance Maria Quellwin",
         "Compliance "),
        ("Vice President of Operations Maria Quellwin joined", "Operations Maria Quellwin",
         "Operations "),
        # A surname that is also a plain word, if the name lists hold it.
        ("the new Director of Advocacy Maria Fletcher said", "Advocacy Maria Fletcher",
         "Advocacy "),
        # No post before it, or no person after the unit: left alone.
        ("Her team at Compliance Maria Quellwin grew.", "Compliance Maria Quellwin", ""),
        ("Chief Executive Officer of New Era Helium said", "New Era Helium", ""),
    ],
)  # fmt: skip
def test_a_units_name_between_a_post_and_a_person_is_cut_off(
    enricher: Enricher, text: str, span: str, cut: str
) -> None:
    start = text.index(span)
    assert orgrules.unit_before_person(text, start, span, enricher.knowledge) == len(cut)


def test_a_well_known_name_in_capitals_is_matched_even_when_the_lexicon_has_the_word(
    enricher: Enricher,
) -> None:
    names = candidates.org_names(enricher.knowledge, enricher.gazetteer)
    assert {"PBS", "MIT", "NASA"} <= set(names)
    release = release_of("The show aired on PBS, and its host leads a lab at MIT.")
    orgs = {e.name for e in enricher.enrich(release).entities if e.type == "organization"}
    assert {"PBS", "MIT"} <= orgs
    # Defined in the release as a term, it is that term.
    release = release_of("The team wrote a systems analysis plan (SAP) for the trial.")
    orgs = {e.name for e in enricher.enrich(release).entities if e.type == "organization"}
    assert "SAP" not in orgs


@pytest.mark.parametrize(
    ("name", "pieces"),
    [
        ("Quarnex + Brellwick Communications", ["Quarnex", "Brellwick Communications"]),
        ("Tarnby Foods USA + ZELV Agency", ["Tarnby Foods USA", "ZELV Agency"]),
        ("HeyDay Marketing + PR", ["HeyDay Marketing + PR"]),  # one name with a plus
    ],
)
def test_a_plus_between_a_brand_and_its_agency_joins_two_bodies(
    enricher: Enricher, name: str, pieces: list[str]
) -> None:
    known = {"quarnex"}  # named on its own elsewhere in the release
    cuts = orgrules._and_cuts(name, enricher.knowledge, known, set())
    assert [name[a:b] for a, b in cuts] == pieces


def test_a_list_of_names_one_to_a_line_without_bullets_is_read_like_a_bulleted_one(
    enricher: Enricher,
) -> None:
    winners = ["Quarnby Health System", "Brellwick Labs", "Clean Tarns", "Vesk & Orlan", "Zelvo"]
    text = "The winners are:\n\n" + "\n\n".join(winners) + "\n\nCongratulations to all."
    names = list_names(text, enricher)
    assert names == set(winners)
    # Three short lines are no list; lines that are sentences are none either.
    text = "Media Contact\n\nQuarnby Labs\n\nBrellwick Tower\n\nIt rains."
    assert list_names(text, enricher) == set()


def test_the_people_a_credit_or_panel_role_names_after_a_colon_are_people(
    enricher: Enricher,
) -> None:
    text = (
        "Quarn Falls (World Premiere) Director/Writer: Maria Quellwin Producers: Peter "
        "Ostrand and Linda Vesk Narrative, 90 min. Moderator: Jane Tarnby, Founder & CEO, "
        "Brellwick Labs"
    )
    assert [h.text for h in candidates.from_credits(text, enricher.knowledge)] == [
        "Maria Quellwin", "Peter Ostrand", "Linda Vesk", "Jane Tarnby",
    ]  # fmt: skip
    people = {e.name for e in enricher.enrich(release_of(text)).entities if e.type == "person"}
    assert {"Maria Quellwin", "Peter Ostrand", "Linda Vesk", "Jane Tarnby"} <= people
    assert not any(p.endswith(("Narrative", "Producers")) for p in people)


@pytest.mark.parametrize(
    "name",
    ["Quarnby Beach Open", "Vesk Invitational", "Tarn Walk Run", "Poe Death Exhibit",
     "Caucus Luncheon", "Quarnby Open^"],
)  # fmt: skip
def test_a_tournament_a_race_an_exhibit_or_a_luncheon_is_an_event(name: str) -> None:
    assert orgrules.is_event_or_work(name)


def test_a_stadium_or_an_amphitheater_is_a_venue_wherever_it_stands(enricher: Enricher) -> None:
    text = "Tickets for Quarn Family Amphitheater go fast; Vesk Memorial Coliseum sold out."
    hits = [
        hit_at(text, "Quarn Family Amphitheater", "organization"),
        hit_at(text, "Vesk Memorial Coliseum", "organization"),
    ]
    assert orgrules.venues(text, hits) == {id(h) for h in hits}


@pytest.mark.parametrize(
    ("name", "pieces"),
    [
        ("UCLA/Quarn Medical Center", ["UCLA", "Quarn Medical Center"]),
        ("Vell Deaconess Medical Center/Quarn Medical School",
         ["Vell Deaconess Medical Center", "Quarn Medical School"]),
        # One plain word sharing the rest, a band, two posts: one name each.
        ("Quarnby/North Quarnby Chamber", ["Quarnby/North Quarnby Chamber"]),
        ("AC/DC", ["AC/DC"]),
        ("Producer/Owner", ["Producer/Owner"]),
    ],
)  # fmt: skip
def test_a_slash_between_two_names_parts_them(name: str, pieces: list[str]) -> None:
    assert [name[a:b] for a, b in orgrules._comma_cuts(name)] == pieces


def test_a_fellow_of_a_body_is_a_post_before_it(enricher: Enricher) -> None:
    name = "Fellow of the Quarnish Academy of Palliative Medicine"
    cut = orgrules.post_of_institution(name, enricher.knowledge)
    assert name[cut:] == "Quarnish Academy of Palliative Medicine"


def test_a_law_practice_named_after_its_lawyer_is_one_body(enricher: Enricher) -> None:
    text = (
        "The Law Offices of Maria T. Quellwin, P.C. filed suit. Later the Law Firm of Peter "
        "Ostrand joined, said Maria T. Quellwin."
    )
    assert [h.text for h in orgrules.from_law_offices(text)] == [
        "Law Offices of Maria T. Quellwin, P.C.",
        "Law Firm of Peter Ostrand",
    ]
    entities = {(e.name, e.type) for e in enricher.enrich(release_of(text)).entities}
    assert ("Law Offices of Maria T. Quellwin, P.C.", "organization") in entities
    assert ("Maria T. Quellwin", "person") in entities


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        ("(Watch Quellwin's speech HERE.)", "Watch Quellwin", "Quellwin"),
        ("Read Maria Quellwin's letter below.", "Read Maria Quellwin", "Maria Quellwin"),
        ("Meet Maria Quellwin. She runs the lab.", "Meet Maria Quellwin", "Maria Quellwin"),
    ],
)
def test_an_imperative_opening_a_line_is_no_part_of_the_name_after_it(
    enricher: Enricher, text: str, span: str, name: str
) -> None:
    assert trimmed(text, span, enricher.knowledge, person=True) == name


def test_a_football_club_named_like_a_person_is_a_body() -> None:
    text = "Angel Quarn FC was bought last year."
    hits = candidates.from_ner(text, [(0, 14, "PERSON")], Knowledge())
    assert [(h.text, h.label) for h in hits] == [("Angel Quarn FC", "organization")]


@pytest.mark.parametrize(
    ("name", "pieces"),
    [
        ("Quarnby FC. North Vesk Group", ["Quarnby FC", "North Vesk Group"]),
        ("Quarn Co. Ltd", ["Quarn Co. Ltd"]),
        ("Jane Q. Roe Foundation", ["Jane Q. Roe Foundation"]),
        ("U.S. Quarn Bank", ["U.S. Quarn Bank"]),
    ],
)
def test_a_sentence_end_inside_a_span_parts_it(name: str, pieces: list[str]) -> None:
    assert [name[a:b] for a, b in orgrules._comma_cuts(name)] == pieces


def test_a_heading_run_into_led_by_loses_the_verb() -> None:
    assert unglued("About Quarn Franchise Group Led") == "About Quarn Franchise Group"


@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        ("17 Sustainable Development Goals", True),
        ("Phase 2", True),
        ("Citations 1", True),
        ("Channel 4", False),  # a broadcaster
        ("Studio 54", False),
        ("Quarnex 360", False),  # a brand's name is no plain word
    ],
)
def test_plain_words_with_a_number_name_no_body(
    enricher: Enricher, name: str, phrase: bool
) -> None:
    assert orgrules.numbered_phrase(name, enricher.knowledge) is phrase


@pytest.mark.parametrize(("name", "kept"), [("M.D.", False), ("Sc.D.", False), ("M.P.H.", False),
                                            ("U.S. Quarn Bank", True)])  # fmt: skip
def test_a_dotted_degree_is_no_body(enricher: Enricher, name: str, kept: bool) -> None:
    text = f"Jane Roe, {name}, Quarnby University, will speak."
    hit = hit_at(text, name, "organization", source="pattern")
    assert candidates.keep(hit, enricher.knowledge) is kept


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        ("Funds go to Their National Quarn Bank each year.", "Their National Quarn Bank",
         "National Quarn Bank"),
        ("Neither the Quarnex Board nor its staff knew.", "Neither the Quarnex Board",
         "Quarnex Board"),
    ],
)  # fmt: skip
def test_a_possessive_or_quantifier_opens_no_name(
    enricher: Enricher, text: str, span: str, name: str
) -> None:
    assert trimmed(text, span, enricher.knowledge, person=False) == name


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("Quarn Media VP of Research", "Quarn Media"),
        ("Vesk Labs Senior Director of Sales", "Vesk Labs"),
        ("Director of Quarn Relations", "Quarn Relations"),  # a post before the body goes
    ],
)
def test_a_post_in_the_body_run_into_its_name_is_cut_off(
    enricher: Enricher, name: str, kept: str
) -> None:
    text = f"Said {name} today."
    cut_start, cut_end, _ = orgrules.span_cuts(
        text, 5, name, "organization", enricher.gazetteer, enricher.knowledge
    )
    assert name[cut_start : len(name) - cut_end] == kept


@pytest.mark.parametrize("name", ["Media Inquiries", "Press Contact", "Investor Contacts"])
def test_a_contact_heading_is_no_body(enricher: Enricher, name: str) -> None:
    text = f"For {name} and expert comment: call us."
    assert not candidates.keep(hit_at(text, name, "organization"), enricher.knowledge)


@pytest.mark.parametrize(
    "name", ["Quarn Cellars Wines", "Vesk Reposado Tequila", "Jo Vesk Screening Room",
             "Orlan Vesk State Park"],
)  # fmt: skip
def test_a_person_ending_in_a_drink_a_room_or_a_state_park_is_none(name: str) -> None:
    text = f"Guests met at {name} on Friday."
    assert context.person_shapes(text, [hit_at(text, name, "person")]) == []


@pytest.mark.parametrize(
    ("text", "name", "street"),
    [
        ("The show is co-hosted by State Senator Maria Street.", "Maria Street", False),
        ("The office moved to Quarn Street last May.", "Quarn Street", True),
    ],
)
def test_a_title_before_a_name_ending_in_street_makes_it_a_person(
    text: str, name: str, street: bool
) -> None:
    start = text.index(name)
    assert orgrules.is_street_address(text, start, start + len(name)) is street


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        # Speech or an honorific, with a surname that is also a plain word.
        ('Jane Brown says, "We will keep asking."', "Jane Brown", "person"),
        ("The rebuttal came from Dr. Jane Brown in May.", "Jane Brown", "person"),
        ("The rebuttal came from Jane Brown in May.", "Jane Brown", "organization"),
        # A given name, then "from" or "at" a capitalised name.
        ("He will moderate a panel with Maria Quellwin from Quarnex Labs.", "Maria Quellwin",
         "person"),
        ("The talk is with Maria Quellwin at Tarnwick University.", "Maria Quellwin", "person"),
        ("Shoppers can find Maria Quellwin in stores.", "Maria Quellwin", "organization"),
        # Particles inside a name listed beside people; an appointment to a post.
        ("Its hosts include Bianca de la Quellwin, Ed Tarnby and Rick Vesk.",
         "Bianca de la Quellwin", "person"),
        ("Bryan Ostrand was named president, with Maria Quellwin appointed chief strategy "
         "officer.", "Maria Quellwin", "person"),
        ("Quarnex Holdings appointed chief auditors last year.", "Quarnex Holdings",
         "organization"),
        # A post in lower case between commas; a description with an article is none.
        ("The finalists include: • Maria Quellwin, care navigator, Quarnwell •",
         "Maria Quellwin", "person"),
        ("It is sold by Maria Quellwin, a skincare label, Quarnwell and others.",
         "Maria Quellwin", "organization"),
    ],
)  # fmt: skip
def test_what_vouches_for_a_person_the_model_called_a_firm(
    enricher: Enricher, text: str, name: str, label: str
) -> None:
    hits = [hit_at(text, name, "organization")]
    hits += [hit_at(text, n, "person") for n in ("Ed Tarnby", "Rick Vesk") if n in text]
    candidates.orgs_named_as_people(text, hits, enricher.knowledge)
    assert hits[0].label == label

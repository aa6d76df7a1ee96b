"""Held-out check 24 rules: on text the project wrote, with invented names."""

from __future__ import annotations

from services.enrich import candidates, cluster, evidence, orgrules
from services.enrich.core import Enricher
from services.enrich.names import looks_like_person, person_cue, unglue
from tests.unit.enrich.spans import hit_at, texts


def test_a_given_name_and_an_initial_with_no_family_name_after_is_a_person(
    enricher: Enricher,
) -> None:
    kn = enricher.knowledge
    text = "The lab is run by Marvin K. and his team. Lead: Priya R., designer. Jane Q. Vell spoke."
    marvin = hit_at(text, "Marvin K.", "person")
    priya = hit_at(text, "Priya R.", "person")
    cut = hit_at(text, "Jane Q.", "person")  # the model stopped before her family name
    whole = candidates.initial_ended_names(text, [marvin, priya, cut], kn)
    assert whole == {(marvin.start, marvin.end), (priya.start, priya.end)}
    assert candidates.keep(marvin, kn, whole_names=whole)
    assert candidates.keep(priya, kn, whole_names=whole)
    assert not candidates.keep(cut, kn, whole_names=whole)
    # Without that reading, a name ending in an initial is a name cut short, as before.
    assert not candidates.keep(marvin, kn)


def test_a_school_head_is_a_post_before_the_school_and_the_name(enricher: Enricher) -> None:
    kn = enricher.knowledge
    for post in ("Principal", "Headmaster", "Headteacher", "Rector"):
        name = f"{post} of Quarnby Academy"
        assert name[orgrules.post_of_institution(name, kn) :] == "Quarnby Academy", post
    # A firm named by the word keeps it: no "of" follows.
    assert orgrules.post_of_institution("Principal Quarn Group", kn) == 0


def test_no_person_is_named_with_a_casino_or_hotel_last(enricher: Enricher) -> None:
    kn = enricher.knowledge
    assert looks_like_person("Tomas Brell", kn)
    for name in ("Mirax Casino", "Velda Resort", "Grand Quarn Hotel"):
        assert not looks_like_person(name, kn), name


def test_a_famous_family_name_before_a_disease_names_the_disease(enricher: Enricher) -> None:
    text = "He was diagnosed with Quarnson’s disease in May."
    assert candidates.named_condition(text, hit_at(text, "Quarnson", "person", "roster"))
    assert not candidates.named_condition(text, hit_at(text, "Quarnson", "person", "pattern"))


def test_a_firms_name_with_a_place_after_it_is_the_firms_arm() -> None:
    text = "Vell Marsh LLP formed a platform with Vell Marsh Ireland. Ireland is home to many."
    hits = [
        hit_at(text, "Vell Marsh LLP", "organization"),
        hit_at(text, "Vell Marsh Ireland", "person"),
        hit_at(text, "Ireland", "place", nth=1),
    ]
    candidates.persons_named_as_orgs(hits)
    assert texts(hits, "organization") == ["Vell Marsh LLP", "Vell Marsh Ireland"]
    # Without the place the name stays a person.
    alone = [
        hit_at(text, "Vell Marsh LLP", "organization"),
        hit_at(text, "Vell Marsh", "person", nth=1),
    ]
    candidates.persons_named_as_orgs(alone)
    assert alone[1].label == "organization"  # "Vell Marsh" opens the firm's name: as before
    kept = [hit_at(text, "Vell Marsh Ireland", "person")]
    candidates.persons_named_as_orgs(kept)
    assert kept[0].label == "person"


def test_a_body_led_by_a_post_gives_no_post_to_the_body(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = (
        "Quarn Thai Vesk, led by executive chef Dee Roe, opened. Tomas Brell, chief officer, spoke."
    )
    found = texts(evidence.from_attributions(text, kn))
    assert "Quarn Thai Vesk" not in found
    assert "Tomas Brell" in found


def test_two_people_joined_by_an_ampersand_the_model_read_half_of(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "Quarnby Realty represented the seller, while Dom Velloso & Rob Freedman of JLL did not."
    half = hit_at(text, "Dom Velloso &", "organization")
    found = candidates.couples(text, [half], kn)
    assert sorted(texts(found)) == ["Dom Velloso", "Rob Freedman"]
    # Two plain family names are no pair of people, however the model read them.
    text = "The Fleet Professional & Fleet Technician of Quarn levels apply."
    half = hit_at(text, "Fleet Professional &", "organization")
    assert texts(candidates.couples(text, [half], kn)) == []


def test_a_university_before_a_state_is_no_town(enricher: Enricher) -> None:
    gz = enricher.gazetteer
    text = "Educated at Quarnby University, California State University and Vesk College, CA, he"
    places = texts(candidates.from_patterns(text, gz), "place")
    assert "Quarnby University" not in places
    assert "Vesk College" not in places
    text = "He grew up in Quarnby, California."
    assert "Quarnby" in texts(candidates.from_patterns(text, gz), "place")


def test_a_body_word_last_is_no_person_before_of(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "Thanks to the Reading/North Quarnby Chamber of Commerce for its help."
    whole = hit_at(text, "North Quarnby Chamber of Commerce", "organization")
    found = orgrules.refine_orgs(text, [whole], kn)
    assert texts(found) == []
    assert orgrules.common_word_orgs(text, found, kn) == set()


def test_a_bulleted_line_with_no_person_gives_no_affiliation(enricher: Enricher) -> None:
    kn, gz = enricher.knowledge, enricher.gazetteer
    text = "Top picks:\n* Quarnix Casino - Best Welcome Bonus for Slots\n* Vell Roe - Quarn Labs\n"
    found = candidates.from_bullets(text, kn, gz)
    assert "Best Welcome Bonus for Slots" not in texts(found, "organization")
    assert texts(found) == ["Vell Roe"]
    assert texts(found, "organization") == ["Quarn Labs"]


def test_pronouns_amounts_and_measures_are_no_bodies(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "About Quarn\n\nQuarn builds tools. It is a community. The NPV10% is high."
    assert not candidates.keep(hit_at(text, "It", "organization", "pattern"), kn)
    assert not candidates.keep(hit_at(text, "NPV10%", "organization"), kn)
    assert candidates.keep(hit_at(text, "Quarn", "organization", nth=1), kn)
    text = "Quarn is developing QRX003 and TNX-102. Vesk NPV10 is high. 3M and MI6 agreed."
    for code in ("QRX003", "TNX-102", "NPV10"):
        assert not candidates.keep(hit_at(text, code, "organization"), kn), code
    for name in ("3M", "MI6"):
        assert candidates.keep(hit_at(text, name, "organization"), kn), name


def test_where_a_firm_is_listed_and_an_adjective_after_and_are_no_part_of_it(
    enricher: Enricher,
) -> None:
    kn, gz = enricher.knowledge, enricher.gazetteer
    text = "London-listed Quarn Bank Group grew."
    name = "London-listed Quarn Bank Group"
    cut_start, cut_end, label = orgrules.span_cuts(text, 0, name, "organization", gz, kn)
    assert (name[cut_start : len(name) - cut_end], label) == ("Quarn Bank Group", "organization")
    text = "Jane Roe, Founder of the Vesk Training Academy and International bestselling author."
    name = "Vesk Training Academy and International"
    start = text.index(name)
    cut_start, cut_end, _ = orgrules.span_cuts(text, start, name, "organization", gz, kn)
    assert name[cut_start : len(name) - cut_end] == "Vesk Training Academy"
    # A name that ends so, with no phrase after it, stays whole.
    text = "She joined Quarn Regional and National."
    name = "Quarn Regional and National"
    start = text.index(name)
    assert orgrules.span_cuts(text, start, name, "organization", gz, kn)[:2] == (0, 0)


def test_a_known_firm_is_named_without_its_corporate_ending(enricher: Enricher) -> None:
    kn = enricher.knowledge
    known = [n for n in kn.known_orgs if n.endswith(" Group") and " " not in n[: -len(" Group")]]
    assert "Alibaba Group" in known
    assert kn.org_aliases["Alibaba"] == "Alibaba Group"
    text = "Shoppers reach it via platforms like Alibaba’s Tmall."
    assert texts(candidates.from_aliases(text, kn), "organization") == ["Alibaba"]
    # A head that is a plain word, a given name or a place stays the model's to read.
    for head in ("Target", "Morgan", "Texas"):
        assert kn.org_aliases.get(head) is None or kn.org_aliases[head] == head, head


def test_a_model_person_running_a_known_firm_into_its_product_goes(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "Shoppers reach it via platforms like Alibaba’s Tmall. Jane Roe’s Tmall shop."
    owner = hit_at(text, "Alibaba", "organization", "alias")
    model = hit_at(text, "Alibaba’s Tmall", "person")
    unknown = hit_at(text, "Jane Roe’s Tmall", "person")
    kept = orgrules.trim_people([owner, model, unknown], kn)
    assert [h.text for h in kept] == ["Alibaba", "Jane Roe’s Tmall"]


def test_a_short_name_joins_its_holding_firm_not_a_unit_of_two_more_words(
    enricher: Enricher,
) -> None:
    kn = enricher.knowledge
    text = (
        "Quarnix Pharmaceuticals Holding Corp. grew. Quarnix Pharmaceuticals hired. "
        "JP Vesk Private Bank and JP Vesk agreed."
    )
    hits = [
        hit_at(text, "Quarnix Pharmaceuticals Holding Corp.", "organization"),
        hit_at(text, "Quarnix Pharmaceuticals", "organization", nth=1),
        hit_at(text, "JP Vesk Private Bank", "organization"),
        hit_at(text, "JP Vesk", "organization", nth=1),
    ]
    groups = cluster.group_orgs(hits, kn, [])
    assert sorted(g.name for g in groups) == [
        "JP Vesk",
        "JP Vesk Private Bank",
        "Quarnix Pharmaceuticals Holding Corp.",
    ]


def test_an_unknown_place_ending_in_a_bodys_mark_is_a_body(enricher: Enricher) -> None:
    kn, gz = enricher.knowledge, enricher.gazetteer
    text = "Vesk joined Quarnvolt AI in North Quarnby Vale last May."
    firm = candidates.retype(hit_at(text, "Quarnvolt AI", "place"), gz, kn)
    assert firm.label == "organization"
    vale = candidates.retype(hit_at(text, "North Quarnby Vale", "place"), gz, kn)
    assert vale.label == "place"


def test_a_campus_and_growth_rates_are_no_bodies(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "Sales rose 12% YoY at the Quarnby Innovation Campus."
    assert not candidates.keep(hit_at(text, "YoY", "organization"), kn)
    assert not candidates.keep(hit_at(text, "Quarnby Innovation Campus", "organization"), kn)


def test_a_town_opening_a_sentence_before_the_company_is_no_appositive(
    enricher: Enricher,
) -> None:
    kn = enricher.knowledge
    text = "Headquartered in Quarnby, the company runs two campuses. Vellacourt, the company, grew."
    assert texts(orgrules.from_appositives(text, kn), "organization") == ["Vellacourt"]


def test_a_plain_word_and_a_legal_form_after_and_end_one_firms_name(enricher: Enricher) -> None:
    kn, gz = enricher.knowledge, enricher.gazetteer
    text = "Clients include Quarnby Painting and Renovating, Inc. of Tulsa and others."
    whole = hit_at(text, "Quarnby Painting and Renovating, Inc.", "organization")
    assert texts(orgrules.refine_orgs(text, [whole], kn), "organization") == [whole.text]
    assert texts(orgrules.chapters(text, [whole], gz), "organization") == [whole.text]
    # Two firms, each with its own name, are still two.
    text = "Clients include Quarnby Group and Vesk Roofing, Inc. of Tulsa."
    both = hit_at(text, "Quarnby Group and Vesk Roofing, Inc.", "organization")
    found = texts(orgrules.refine_orgs(text, [both], kn), "organization")
    assert found == ["Quarnby Group", "Vesk Roofing, Inc."]


def test_posts_short_forms_in_a_list_are_no_body(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "The firm hired two AE, SE roles and a PM/PO lead at Quarn AG."
    assert not candidates.keep(hit_at(text, "AE, SE", "organization"), kn)
    assert not candidates.keep(hit_at(text, "PM/PO", "organization"), kn)


def test_a_mine_mill_or_project_site_is_no_body(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = (
        "Vesk Metals owns the Quarnby Mill in Utah and advances its Tollard Project. "
        "The Tollard Project was found in 2001; Tollard holds gold. Vesk runs its Brell Plain "
        "mine. The Harbin Project, a charity, helps. Pell Mining, a mining company, runs the "
        "Pell Project in Nevada."
    )
    names = ["Quarnby Mill", "Tollard Project", "Tollard", "Brell Plain", "The Harbin Project"]
    hits = [hit_at(text, n, "organization") for n in names]
    hits.append(hit_at(text, "Tollard Project", "organization", nth=1))
    firm = hit_at(text, "Pell", "organization", "pattern")
    site = hit_at(text, "Pell Project", "organization")
    hits += [firm, site]
    dropped = orgrules.sites(text, hits, frozenset(), kn)
    assert sorted(h.text for h in hits if id(h) in dropped) == [
        "Brell Plain",
        "Pell Project",
        "Quarnby Mill",
        "Tollard",
        "Tollard Project",
        "Tollard Project",
    ]
    # A name with its own About section is a body whatever it is called.
    assert orgrules.sites(text, hits[:1], frozenset({"quarnby mill"}), kn) == set()


def test_a_heading_glued_to_its_paragraphs_first_word_is_cut(enricher: Enricher) -> None:
    assert unglue("QuarnexThough") == (0, len("Though"))
    assert unglue("VeskLeading") == (0, len("Leading"))
    assert unglue("QuarnLeadingEdge") == (0, 0)  # a brand written in one word


def test_a_photographers_one_name_is_no_firm(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "Featured photo by Quarnavel on Unsplash. It partners with Vesktor on loans."
    credit = hit_at(text, "Quarnavel", "person")
    party = hit_at(text, "Vesktor", "person")
    candidates.lone_words_as_orgs(text, [credit, party], kn)
    assert (credit.label, party.label) == ("person", "organization")


def test_two_bodies_one_headed_by_alliance_for_are_split_at_and(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "She is a fellow with the Alliance for Quarn Income and the Vesk Income Institute."
    whole = hit_at(text, "Alliance for Quarn Income and the Vesk Income Institute", "organization")
    found = texts(orgrules.refine_orgs(text, [whole], kn), "organization")
    assert found == ["Alliance for Quarn Income", "Vesk Income Institute"]


def test_the_comma_before_a_legal_form_makes_no_list(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "Roe is the head of Roe Quarn Consulting, Inc. and Vesk is a planner with Brell."
    hits = [hit_at(text, "Vesk", "person")]
    assert texts(evidence.from_lists(text, hits, kn), "organization") == []
    # A list of firms with their legal forms is still a list, each item with its form.
    text = "Its clients include Quarnline Holdings, Inc., Vesk Labs, LLC, Brell Systems and Tovar."
    hits = [hit_at(text, "Quarnline Holdings, Inc.", "organization")]
    found = texts(evidence.from_lists(text, hits, kn), "organization")
    assert [name.removesuffix(".") if name == "Tovar." else name for name in found] == [
        "Quarnline Holdings, Inc.",
        "Vesk Labs, LLC",
        "Brell Systems",
        "Tovar",
    ]


def test_a_post_and_a_colon_before_a_name_vouch_for_a_person(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "Quarn Corporation (CEO: Kazumi Vesktor) launched lenses. Lenses: Tovar Brell."
    name = hit_at(text, "Kazumi Vesktor", "person")
    assert person_cue(text, name.start, name.end, [], kn)
    lens = hit_at(text, "Tovar Brell", "person")
    assert not person_cue(text, lens.start, lens.end, [], kn)

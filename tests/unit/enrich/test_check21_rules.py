"""Held-out check 21 rules: on text the project wrote, with invented names."""

from __future__ import annotations

from services.enrich import candidates, cluster, context, evidence, orgrules
from services.enrich.candidates import Hit
from services.enrich.core import Enricher
from services.enrich.names import HONORIFIC_BEFORE, is_person_post, person_cue
from services.parse.contacts import find_names
from tests.unit.enrich.spans import hit_at, texts, trimmed


def test_a_person_whose_post_names_a_body_is_no_body(enricher: Enricher) -> None:
    kn = enricher.knowledge
    person = "Dana Quarnby, the Vesk Bank Fund portfolio manager, said the fund grew."
    assert texts(orgrules.from_appositives(person, kn), "organization") == []
    firm = "Vesk Holdings, the bank holding company of Quarn Bank, said the fund grew."
    assert texts(orgrules.from_appositives(firm, kn), "organization") == ["Vesk Holdings"]


def test_a_post_in_capitals_vouches_for_the_given_name_and_family_name_after_it(
    enricher: Enricher,
) -> None:
    kn = enricher.knowledge
    text = "“We grew,” said Vesk Orbital CEO Jon Quarnby. Chief Quarn Vesk agreed."
    assert texts(candidates.from_posted_names(text, kn)) == ["Jon Quarnby"]
    # A capitalised word after the name makes it some body's name, not hers.
    assert candidates.from_posted_names("the CEO Jon Quarnby Foundation gave", kn) == []


def test_said_before_a_given_name_the_text_uses_elsewhere_is_the_verb(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = 'Mira opened the studio in May. Said Mira, "We love the work."'
    assert trimmed(text, "Said Mira", kn, person=True) == "Mira"
    # "Said" opens a name when nothing else in the text is her name.
    once = 'The report was short. Said Mira, "We love the work."'
    assert trimmed(once, "Said Mira", kn, person=True) == "Said Mira"


def test_his_excellency_and_a_post_joined_by_an_ampersand_vouch_for_a_person(
    enricher: Enricher,
) -> None:
    kn = enricher.knowledge
    assert HONORIFIC_BEFORE.search("said H.E. ") and HONORIFIC_BEFORE.search("said HE ")
    assert not HONORIFIC_BEFORE.search("said SHE ")
    assert is_person_post("MD&CEO", kn) and is_person_post("Founder/CEO", kn)
    assert not is_person_post("R&D", kn)
    text = "said Quarnel Vesko Dorrani, MD&CEO of Vesk Power."
    start = text.index("Quarnel")
    assert person_cue(text, start, start + len("Quarnel Vesko Dorrani"), [], kn)


def test_a_model_person_ending_in_a_world_region_is_a_firms_arm(enricher: Enricher) -> None:
    text = "Sponsors: Avanquarn, Quarnby Middle East, Vesk Tools."
    start = text.index("Quarnby")
    hits = candidates.from_ner(text, [(start, start + 19, "PERSON")], enricher.knowledge)
    assert [(h.text, h.label) for h in hits] == [("Quarnby Middle East", "organization")]


def test_a_quoted_title_with_a_plain_word_inside_is_no_person(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = 'Her debut, "Luca Meets Quarnby," won praise; "Dana Jo Quarnby" signed it.'
    start = text.index("Luca")
    assert candidates.from_ner(text, [(start, start + 18, "PERSON")], kn) == []
    start = text.index("Dana")
    hits = candidates.from_ner(text, [(start, start + 15, "PERSON")], kn)
    assert texts(hits) == ["Dana Jo Quarnby"]


def test_the_second_name_of_a_firm_written_with_an_ampersand_opens_no_person(
    enricher: Enricher,
) -> None:
    kn = enricher.knowledge
    text = "Signing at Barnes & Noble Quarnhampton on Friday."
    start = text.index("Quarnhampton")
    hits = candidates.from_ner(text, [(start, start + 12, "PERSON")], kn)
    assert texts(hits) == ["Quarnhampton"]  # not "Noble Quarnhampton"
    start = text.index("Noble")
    assert candidates.from_ner(text, [(start, start + 18, "PERSON")], kn) == []
    # A couple's ampersand follows a given name: "Mary & Tom Quarnby" keeps its reading.
    couple = "Thanks to Mary & Tom Quarnby."
    start = couple.index("Tom")
    assert texts(candidates.from_ner(couple, [(start, start + 11, "PERSON")], kn)) == [
        "Tom Quarnby"
    ]


def test_the_particles_between_two_model_people_join_one_name() -> None:
    text = "Founded by Dr. Katrien van der Quarnwe, the clinic grew.  Vesk agreed."
    a, b = text.index("Katrien"), text.index("Quarnwe")
    joined = candidates.joined_people(text, [(a, a + 11, "PERSON"), (b, b + 7, "PERSON")])
    assert [text[s:e] for s, e, _ in joined] == ["Katrien van der Quarnwe"]
    # Spaces alone across a paragraph gap join nothing.
    c = text.index("Vesk")
    apart = candidates.joined_people(text, [(b, b + 7, "PERSON"), (c, c + 4, "PERSON")])
    assert len(apart) == 2


def test_initials_or_a_bare_middle_initial_make_a_model_body_a_person(
    enricher: Enricher,
) -> None:
    kn = enricher.knowledge
    text = "Producer S.W. Quarnelli adds, “It is personal.” - Fran R Quarnotta, Vesk Review"
    hits = [
        hit_at(text, "S.W. Quarnelli", "organization"),
        hit_at(text, "Fran R Quarnotta", "organization"),
    ]
    candidates.orgs_named_as_people(text, hits, kn)
    assert [h.label for h in hits] == ["person", "person"]
    # Initials with nothing that treats them as a person stay a body.
    firm = "Shares of S.W. Quarnelli rose."
    hits = [hit_at(firm, "S.W. Quarnelli", "organization")]
    candidates.orgs_named_as_people(firm, hits, kn)
    assert hits[0].label == "organization"


def test_two_people_with_one_given_and_family_name_but_other_middles_stay_apart() -> None:
    father = Hit(0, 20, "John Merritt Quarnby", "person", "ner")
    son = Hit(30, 45, "John A. Quarnby", "person", "ner")
    same = Hit(50, 62, "John Quarnby", "person", "ner")
    groups = cluster.group_people([son, father, same], [])
    assert sorted(g.name for g in groups) == ["John A. Quarnby", "John Merritt Quarnby"]
    initial = Hit(70, 88, "John M. Quarnby", "person", "ner")
    assert len(cluster.group_people([father, initial], [])) == 1


def test_a_phone_number_or_address_ends_a_contacts_name() -> None:
    line = "For media inquiries, please contact: Andrew Quarnby (303) 555-0142 aq@vesk.com Vesk"
    assert find_names(line) == ["Andrew Quarnby"]


def test_a_headline_names_the_person_a_post_follows(enricher: Enricher) -> None:
    text = "Q&A with Gregor Quarnetter, Author of Vesk Days\n\nGregor Quarnetter writes."
    hits = orgrules.headline_posts(text, text.index("\n"), enricher.knowledge)
    assert texts(hits) == ["Gregor Quarnetter"]
    plain = "Vesk Labs and Quarn Tools, Partners in Growth\n\nBody."
    assert orgrules.headline_posts(plain, plain.index("\n"), enricher.knowledge) == []


def test_a_bulleted_list_of_names_alone_names_people(enricher: Enricher) -> None:
    kn, gz = enricher.knowledge, enricher.gazetteer
    text = (
        "Attorneys recognized:\n\n* M. Blake Quarnby\n* L. Katherine Vesk\n* Jeremy W. Quarn\n"
        "* Bindu Ann Quarnapura\n* Aaron H. Vesklin – Up and Coming\n"
    )
    assert texts(candidates.from_name_bullets(text, kn, gz)) == [
        "M. Blake Quarnby",
        "L. Katherine Vesk",
        "Jeremy W. Quarn",
        "Bindu Ann Quarnapura",
        "Aaron H. Vesklin",
    ]
    products = "Our range:\n\n* Vesk Pro Max\n* Quarn Lite\n* Vesk Studio Go\n* Quarn Mini\n"
    assert candidates.from_name_bullets(products, kn, gz) == []


def test_an_authors_possessive_is_no_part_of_her_name(enricher: Enricher) -> None:
    text = "As clubs seek players, author Venessa Quarnlin's latest book arrives."
    assert texts(evidence.from_attributions(text, enricher.knowledge)) == ["Venessa Quarnlin"]


def test_a_straight_quote_after_a_space_opens_a_quote_it_does_not_close(
    enricher: Enricher,
) -> None:
    kn = enricher.knowledge
    text = 'said Helena Quarn, founder of Vesk Hair. "This Quarn Day, we cut prices."'
    assert "This Quarn Day" not in texts(evidence.from_attributions(text, kn))
    closing = '"We cut prices," Helena Quarn, founder of Vesk Hair, said.'
    assert "Helena Quarn" in texts(evidence.from_attributions(closing, kn))


def test_a_product_named_by_the_plural_the_release_sells_is_no_person(
    enricher: Enricher,
) -> None:
    kn = enricher.knowledge
    text = "Vesk Hair sells wigs: lace wigs, Bob Wigs and more wigs. Dana Woods said so."
    hits = [hit_at(text, "Bob Wigs", "person"), hit_at(text, "Dana Woods", "person")]
    assert texts(context.person_shapes(text, hits, kn)) == ["Dana Woods"]


def test_a_particle_after_a_title_word_belongs_to_the_family_name(enricher: Enricher) -> None:
    text = "H.E. Raja Al Quarnouei, Chief Executive Officer of Vesk, said."
    hits = [hit_at(text, "Raja Al Quarnouei", "person", source="pattern")]
    assert texts(orgrules.trim_people(hits, enricher.knowledge)) == ["Raja Al Quarnouei"]


def test_a_person_named_beside_a_bodys_noun_and_a_noun_for_a_person_is_no_body(
    enricher: Enricher,
) -> None:
    kn = enricher.knowledge
    for text in (
        "Vikram Quarnila, a seasoned franchise veteran and consultant, signed.",
        "Defendant Raghu Vesklur, a Company co-founder, dismissed the concerns.",
        "Jim Quarnce, the Company’s CEO, will present.",
    ):
        assert texts(orgrules.from_appositives(text, kn), "organization") == [], text
    brand = "Quarn Ford, a luxury fashion company, opened a store."
    assert texts(orgrules.from_appositives(brand, kn), "organization") == ["Quarn Ford"]


def test_a_headline_person_run_into_the_headlines_verb_is_the_name_before_it(
    enricher: Enricher,
) -> None:
    text = "Richard Quarnton Nominated for Vesk Award\n\nThe award is open."
    hits = [hit_at(text, "Richard Quarnton Nominated", "person")]
    people = orgrules.headline_people(hits, text.index("\n"), enricher.knowledge)
    assert texts(people) == ["Richard Quarnton"]
    # Outside the headline, or without a given name first, nothing.
    assert orgrules.headline_people(hits, 0, enricher.knowledge) == []


def test_a_list_a_plural_noun_for_people_opens_after_a_dash_names_each_person(
    enricher: Enricher,
) -> None:
    kn = enricher.knowledge
    text = (
        "All four co-founders — Anders Quarnis, Mitchell Vesk, Phoebe Quarnour and "
        "Shri Prabha Veskram — hold degrees."
    )
    assert texts(candidates.from_people_lists(text, kn)) == [
        "Anders Quarnis",
        "Mitchell Vesk",
        "Phoebe Quarnour",
        "Shri Prabha Veskram",
    ]
    firms = "Our partners: Quarn Holdings, Vesk Capital Partners and Brill Labs Inc joined."
    assert candidates.from_people_lists(firms, kn) == []


def test_a_couple_after_a_sentences_opening_word_is_two_people(enricher: Enricher) -> None:
    text = "When Walt and Ruth Quarnler began looking, they chose Vesk."
    hits = [hit_at(text, "Ruth Quarnler", "person")]
    pairs = candidates.couples(text, hits, enricher.knowledge)
    assert [(h.text, h.canonical) for h in pairs] == [("Walt", "Walt Quarnler")]


def test_people_listed_with_a_note_in_brackets_vouch_for_each_other(enricher: Enricher) -> None:
    text = "partners Lisa Quarn (London), Caith Veskner (New York), and Ryan Kim (New York)"
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Lisa Quarn", "Ryan Kim")]
    start = text.index("Caith")
    assert person_cue(text, start, start + len("Caith Veskner"), spans, enricher.knowledge)


def test_a_slip_in_a_given_names_spelling_is_the_same_person() -> None:
    names = ["Daniel Quarneth", "Daneil Quarneth", "Daniela Vesk", "Daniella Vesk", "Mary Roe"]
    hits = [Hit(i * 20, i * 20 + len(n), n, "person", "ner") for i, n in enumerate(names)]
    hits.append(Hit(200, 208, "Mark Roe", "person", "ner"))
    groups = cluster.group_people(hits, [])
    assert sorted(g.name for g in groups) == [
        "Daniel Quarneth",
        "Daniela Vesk",
        "Mark Roe",
        "Mary Roe",
    ]


def test_a_plain_verb_opening_or_adverb_ending_a_name_makes_no_person(
    enricher: Enricher,
) -> None:
    kn = enricher.knowledge
    for name in ("Leveraging Quarnt", "Vesk X. Previously"):
        assert not candidates.keep(Hit(0, len(name), name, "person", "ner"), kn), name
    for name in ("Sterling Quarnby", "Jane Kelly"):
        assert candidates.keep(Hit(0, len(name), name, "person", "ner"), kn), name


def test_a_currency_code_before_an_amount_is_no_body() -> None:
    text = "gross exposure of AED 9.6 billion, up from the AED target; NASA 2024 plans"
    assert context.currency_or_zone(text, hit_at(text, "AED", "organization"))
    assert not context.currency_or_zone(text, hit_at(text, "AED", "organization", nth=1))
    assert not context.currency_or_zone(text, hit_at(text, "NASA", "organization"))


def test_a_body_that_gives_its_own_short_form_is_kept_though_its_words_are_plain(
    enricher: Enricher,
) -> None:
    kn = enricher.knowledge
    text = (
        "The Quarn chapter of the Citizens Commission on Human Rights (CCHR) won. It works "
        "on human rights for citizens, and a commission praised it."
    )
    hit = hit_at(text, "Citizens Commission on Human Rights", "organization", "pattern")
    candidates.attach_aliases(text, [hit])
    lowered = frozenset(candidates.lowercase_words(text))
    assert candidates.keep(hit, kn, lowered=lowered)
    plain = Hit(0, 13, "Human Rights", "organization", "pattern")
    assert not candidates.keep(plain, kn, lowered=lowered)


def test_a_short_form_before_the_appositive_comma_still_names_a_body(enricher: Enricher) -> None:
    text = "Etihad Quarn Insurance (EQI), the UAE federal export credit company, grew."
    hits = orgrules.from_appositives(text, enricher.knowledge)
    assert texts(hits, "organization") == ["Etihad Quarn Insurance"]


def test_an_about_header_run_into_its_paragraph_with_and_for_an_ampersand(
    enricher: Enricher,
) -> None:
    kn = enricher.knowledge
    text = "Body.\n\nAbout Salon and Spa Quarnleria Salon & Spa Quarnleria offers suites."
    hits = orgrules.from_about_headers(text, kn, 0)
    assert texts(hits, "organization") == ["Salon and Spa Quarnleria"]
    assert cluster.org_key("Salon and Spa Quarnleria") == cluster.org_key("Salon & Spa Quarnleria")


def test_two_bodies_joined_by_and_each_ending_in_a_tail_word_are_two(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "He is on staff at the Quarnston General Hospital and the New Vesk Baptist Hospital."
    assert texts(orgrules.from_runs(text, kn), "organization") == [
        "Quarnston General Hospital",
        "New Vesk Baptist Hospital",
    ]
    bank = "Deposits at Quarnbury Bank and Trust Company grew."
    assert texts(orgrules.from_runs(bank, kn), "organization") == [
        "Quarnbury Bank and Trust Company"
    ]


def test_defendant_is_a_title_before_a_name(enricher: Enricher) -> None:
    text = "Defendant Badri Quarnaraman, a co-founder, said so."
    assert trimmed(text, "Defendant Badri Quarnaraman", enricher.knowledge, person=True) == (
        "Badri Quarnaraman"
    )


def test_general_and_a_plural_nouns_possessive_are_inside_a_bodys_name(
    enricher: Enricher,
) -> None:
    kn = enricher.knowledge
    text = "She joined the General Federation of Women's Clubs in Quarnton last year."
    hits = [hit_at(text, "General Federation of Women's Clubs", "organization")]
    refined = orgrules.owners_of_units(orgrules.refine_orgs(text, hits, kn), kn)
    assert texts(refined, "organization") == ["General Federation of Women's Clubs"]


def test_a_pictures_courtesy_line_is_no_part_of_the_body_it_credits(enricher: Enricher) -> None:
    text = "Photos (Courtesy of Quarnward Center for the Performing Arts)."
    names = texts(orgrules.from_runs(text, enricher.knowledge), "organization")
    assert names == ["Quarnward Center for the Performing Arts"]


def test_a_law_firms_practice_group_is_a_unit_not_a_body(enricher: Enricher) -> None:
    text = "He joins the firm's Business Restructuring and Reorganization Practice Group."
    name = "Business Restructuring and Reorganization Practice Group"
    hits = [hit_at(text, name, "organization")]
    assert orgrules.departments(text, hits, enricher.knowledge) == {id(hits[0])}


def test_a_famous_politician_named_before_what_is_his_is_a_person(enricher: Enricher) -> None:
    kn = enricher.knowledge
    surname = next(iter(sorted(kn.famous_surnames & {"Trump", "Biden", "Obama"})))
    text = f"Meanwhile, {surname} allies are preparing plans. The {surname} administration agreed."
    assert texts(candidates.from_famous_surnames(text, kn)) == [surname, surname]
    plain = f"Records show {surname} Tower sold."
    assert candidates.from_famous_surnames(plain, kn) == []


def test_a_phone_numbers_end_or_a_time_run_into_words_names_no_body(enricher: Enricher) -> None:
    kn = enricher.knowledge
    for name in ("777-3057 Company Website", "3:00pm Moderated"):
        assert not candidates.keep(Hit(0, len(name), name, "organization", "ner"), kn), name


def test_a_coin_named_by_its_symbol_is_no_body(enricher: Enricher) -> None:
    kn = enricher.knowledge
    for name in ("BTC", "USDT", "TRX"):
        assert not candidates.keep(Hit(0, len(name), name, "organization", "ner"), kn), name
    # Only the symbol as written: "Link" or a firm's short form stays.
    for name in ("LINK", "Sol Systems", "IBM"):
        assert candidates.keep(Hit(0, len(name), name, "organization", "ner"), kn), name


def test_one_name_opening_a_sentence_before_a_post_is_a_person(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = (
        "It grew fast.\n\nEdward, Managing Partner at Quarn Ventures, agreed. Dayqu, Co-founder "
        "and CTO of Vesk, spoke. Quarnex, the trusted advisor, grew. Today, CEO Jo Roe said."
    )
    assert texts(candidates.from_one_name_posts(text, kn)) == ["Edward", "Dayqu"]
    initial = 'said John M. Quarnston, president of Vesk. "We grew."'
    assert candidates.from_one_name_posts(initial, kn) == []


def test_a_meetings_sessions_are_an_event_not_a_body(enricher: Enricher) -> None:
    assert orgrules.is_event_or_work("AHA Scientific Sessions", enricher.gazetteer)
    assert not orgrules.is_event_or_work("Quarn Session Musicians Guild", enricher.gazetteer)

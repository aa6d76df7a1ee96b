"""Held-out check 20 rules: on text the project wrote, with invented names."""

from __future__ import annotations

from services.enrich import candidates
from services.enrich.core import Enricher
from shared.models import Contacts, ParsedRelease
from tests.unit.enrich.spans import hit_at, release_of


def people_in(enricher: Enricher, release: ParsedRelease) -> set[str]:
    return {e.name for e in enricher.enrich(release).entities if e.type == "person"}


def test_a_roster_run_into_one_line_by_round_bullets_names_each_person(
    enricher: Enricher,
) -> None:
    text = (
        "Speakers include: •\tDana Quarnby, Managing Director at Vesk Capital •\tYorl "
        "Vantassel, Partner at Quarn Investments • Mira Olsk, Head of Primaries at Vesk"
    )
    people = [h.text for h in candidates.from_bullets(text, enricher.knowledge)]
    assert people == ["Dana Quarnby", "Yorl Vantassel", "Mira Olsk"]
    # A bullet opening its own line is the line roster's, read once.
    line = "Speakers:\n• Dana Quarnby, Managing Director at Vesk Capital"
    assert [h.text for h in candidates.from_bullets(line, enricher.knowledge)] == ["Dana Quarnby"]


def test_a_contact_run_of_a_firms_plain_words_is_no_person(enricher: Enricher) -> None:
    kn = enricher.knowledge
    assert candidates.unvouched_contact_name("Quarnex Wallet", kn)
    assert candidates.unvouched_contact_name("Contracting Vesklan", kn)
    assert not candidates.unvouched_contact_name("Wentong Quarnby", kn)
    assert not candidates.unvouched_contact_name("Dana Wallet", kn)  # a given name first
    release = release_of(
        "Quarnex Wallet is a multi-chain wallet. Vesk Tools Contracting builds decks.",
        contacts=Contacts(names=["Quarnex Wallet", "Jane Quarnby", "Top Vesk Firms In"]),
    )
    assert people_in(enricher, release) == {"Jane Quarnby"}


def test_a_street_inside_a_contact_run_makes_it_an_address(enricher: Enricher) -> None:
    release = release_of(
        "Vesk Pictures opened an office.",
        contacts=Contacts(names=["Jane Quarnby", "Carroll Blvd Quarn City"]),
    )
    assert people_in(enricher, release) == {"Jane Quarnby"}


def test_a_quoted_song_title_of_a_given_name_and_words_is_no_person(enricher: Enricher) -> None:
    text = 'Her hits "Shine" and "Love Come Down," still play. Love Quarnby sang.'
    start = text.index("Love Come Down")
    hits = candidates.from_ner(text, [(start, start + 14, "WORK_OF_ART")], enricher.knowledge)
    assert hits == []
    assert candidates.in_quotes(text, start, start + 14)
    assert not candidates.in_quotes(text, text.index("Love Quarnby"), text.index(" sang"))


def test_a_junior_without_its_full_stop_stays_with_the_name(enricher: Enricher) -> None:
    release = release_of(
        "Legends such as Ray Quarnby, Jr., who wrote the theme, called in. Thanks to "
        "Dana Vesk, Ray Quarnby, Jr, and Mira Olsk for their support."
    )
    people = people_in(enricher, release)
    assert "Ray Quarnby, Jr." in people
    assert "Ray Quarnby" not in people


def test_a_famous_name_run_into_a_headlines_words_is_cut(enricher: Enricher) -> None:
    kn = enricher.knowledge
    assert candidates.known_person_then_words("Donald Trump Declare Victory", kn) == (
        "Donald Trump"
    )
    # A surname after a known name makes a longer name.
    assert candidates.known_person_then_words("Donald Trump King", kn) == "Donald Trump King"


def test_a_family_firm_is_no_person(enricher: Enricher) -> None:
    text = "Quarn Brothers named a new president. Quarn Brothers builds bridges."
    start = text.index("Quarn Brothers")
    hits = candidates.from_ner(text, [(start, start + 14, "PERSON")], enricher.knowledge)
    assert [(h.text, h.label) for h in hits] == [("Quarn Brothers", "organization")]


def test_a_hyphened_town_written_with_a_space_is_that_town(enricher: Enricher) -> None:
    assert enricher.gazetteer.known("Monte Carlo") == enricher.gazetteer.known("Monte-Carlo")
    release = release_of(
        "The forum takes place in Monte Carlo, Monaco, this November.",
        '"This year we go to the new destination of Monte Carlo," said Dana Quarnby.',
    )
    entities = {e.name: e.type for e in enricher.enrich(release).entities}
    assert entities.get("Monte-Carlo") == "place"
    assert "person" not in {entities.get("Monte Carlo"), entities.get("Monte-Carlo")}


def test_a_span_the_model_and_the_gazetteer_read_as_a_place_is_one(enricher: Enricher) -> None:
    release = release_of("Within the West Bank there are many settlements, she wrote.")
    entities = {e.name: e.type for e in enricher.enrich(release).entities}
    assert entities.get("West Bank") == "place"


def test_a_picture_credit_vouches_for_a_person_but_not_for_a_studio(enricher: Enricher) -> None:
    release = release_of(
        "Quarnex runs 522 validator nodes.",
        "Featured photo by Anzor Kveliani on Unsplash. Cover photo by Vesk Photography on "
        "Unsplash.",
    )
    people = people_in(enricher, release)
    assert "Anzor Kveliani" in people
    assert "Vesk Photography" not in people


def test_a_person_run_into_a_well_known_outlet_is_cut(enricher: Enricher) -> None:
    kn = enricher.knowledge
    assert candidates.person_then_known_org("Dana Quarnby Reuters", kn) == "Dana Quarnby"
    assert candidates.person_then_known_org("Dana Quarnby", kn) == "Dana Quarnby"


def test_a_nickname_pattern_needs_a_name_not_a_title_and_drops_a_form_of_address() -> None:
    hits = candidates.from_nicknames("New Movies The Union (Netflix) Mark Quarnby and others")
    assert hits == []
    [hit] = candidates.from_nicknames("Q and A with Mr Timothy (Tim) Quarnby of Vesk Capital")
    assert (hit.text, hit.canonical) == ("Timothy (Tim) Quarnby", "Timothy Quarnby")


def test_a_couple_read_whole_is_two_people(enricher: Enricher) -> None:
    for sentence in (
        "Thanks to Mary & Tom Quarnby for their gift.",
        "Sponsors include Mary & Tom Quarnby, Dana Vesk and others.",
    ):
        people = people_in(enricher, release_of(sentence))
        assert {"Mary Quarnby", "Tom Quarnby"} <= people, sentence


def test_performers_named_by_their_part(enricher: Enricher) -> None:
    release = release_of(
        "Maestro Gerard Quarnby will conduct, with soloist Yuki Vantassel performing Rachmaninoff."
    )
    assert people_in(enricher, release) == {"Gerard Quarnby", "Yuki Vantassel", "Rachmaninoff"}


def test_plain_phrases_listed_as_services_in_a_sentence_are_no_bodies(enricher: Enricher) -> None:
    release = release_of(
        "Quarnex is a contractor offering services including Engineering, Ground Solutions, "
        "Civil & Infrastructure, Turnkey Concrete, Piping Systems, and Field Services."
    )
    orgs = {e.name for e in enricher.enrich(release).entities if e.type == "organization"}
    assert not orgs & {"Ground Solutions", "Civil & Infrastructure", "Turnkey Concrete"}
    # Without a word that says "services", a list of outlets keeps its names.
    media = release_of(
        "Recognized by Dateline, The Today Show, Netflix, CNN, Court TV, and Good Morning "
        "America, the firm was founded by Jane Quarnby."
    )
    media_orgs = {e.name for e in enricher.enrich(media).entities if e.type == "organization"}
    assert "Court TV" in media_orgs


def test_well_known_publications_named_like_people_are_bodies(enricher: Enricher) -> None:
    release = release_of(
        "Onsite's work has been featured on Good Morning America, Marie Claire, and more."
    )
    entities = {e.name: e.type for e in enricher.enrich(release).entities}
    assert entities.get("Marie Claire") == "organization"
    assert enricher.knowledge.org_tails >= {"inquirer", "sentinel", "dispatch"}


def test_an_owners_possessive_before_a_person_is_cut(enricher: Enricher) -> None:
    kn = enricher.knowledge
    assert candidates.owner_before_person("Quarn Media’s Elisha Vantassel", kn) == len(
        "Quarn Media’s "
    )
    assert candidates.owner_before_person("Elisha Vantassel", kn) == 0


def test_a_short_form_in_brackets_does_not_hide_the_post_after_it(enricher: Enricher) -> None:
    from services.enrich import names

    text = "Kartiv Quarnwal (KQ), Managing Partner of Storage at Vesk added, “This is big.”"
    start = text.index("Kartiv")
    end = start + len("Kartiv Quarnwal")
    assert names.person_cue(text, start, end, [], enricher.knowledge)
    # "as Partner of the Year" is an award, not a post.
    award = "The firm listed Kartiv Quarnwal as Partner of the Year winner."
    start = award.index("Kartiv")
    assert not names.person_cue(award, start, start + 15, [], enricher.knowledge)


def test_a_byline_runs_on_into_a_well_known_outlet(enricher: Enricher) -> None:
    text = "# Headline\n\nBy Dana Quarnby Benzinga\n\nDETROIT - The firm said."
    people = [h.text for h in candidates.from_bylines(text, enricher.knowledge)]
    assert people == ["Dana Quarnby"]


def test_a_model_person_ending_in_a_plain_plural_or_a_work_is_no_person(
    enricher: Enricher,
) -> None:
    from services.enrich import context

    kn = enricher.knowledge
    assert context.plural_plain_noun("Essentials", kn)
    assert not context.plural_plain_noun("Williams", kn)
    text = "She grows Marie Beauty Essentials. Watch the Vesk Quarnby Documentary."
    brand = hit_at(text, "Marie Beauty Essentials", "person")
    film = hit_at(text, "Vesk Quarnby Documentary", "person")
    out = context.person_shapes(text, [brand, film], kn)
    assert [(h.text, h.label) for h in out] == [("Marie Beauty Essentials", "organization")]
    two = "Tom Hanks starred."
    assert context.person_shapes(two, [hit_at(two, "Tom Hanks", "person")], kn)[0].label == (
        "person"
    )


def test_donor_lists_name_couples_after_posts_and_forms_of_address(enricher: Enricher) -> None:
    release = release_of(
        "The Quarnby Symphony thanks its donors.",
        "Benefactors: Drs. Ann and Robert Vesklan, Mr. & Mrs. Jay Ostrowin, Siobhan Quarrie.",
        "Honorary Chairs Bettina and Frank Corvano; Gala Co-Chairs Lorraine Satomi and "
        "Mitchell Abramov.",
    )
    people = people_in(enricher, release)
    assert {"Ann Vesklan", "Robert Vesklan", "Bettina Corvano", "Frank Corvano"} <= people
    assert not any(p.startswith("Honorary") for p in people)
    assert "Ann" not in people


def test_names_alone_between_round_bullets_are_people(enricher: Enricher) -> None:
    text = "Patrons: Marcia Feldane • Oren Tallisk • Priya Ramanu • Harriet Lowen\n"
    people = [h.text for h in candidates.from_bullets(text, enricher.knowledge)]
    assert people == ["Oren Tallisk", "Priya Ramanu", "Harriet Lowen"]
    # Plain items between bullets open with no given name: no people.
    items = "Services: • Cloud Backup • Network Design • Help Desk\n"
    assert candidates.from_bullets(items, enricher.knowledge) == []


def test_players_credited_with_instruments_and_officials_with_short_titles(
    enricher: Enricher,
) -> None:
    release = release_of(
        "The Quarnby Chamber Players announce the season.",
        "Remarks were given by Sen. Ellen Quarsh (D-Md.), Councilmember Rosa Vellez and Lt. "
        "Gov. Aruna Mehrovi.",
        "Performers: Jasmine Colvane, vocals; Andre Lutzow, guitar; Keiko Morivan, drums.",
    )
    entities = {e.name: e.type for e in enricher.enrich(release).entities}
    people = {name for name, kind in entities.items() if kind == "person"}
    assert {"Aruna Mehrovi", "Keiko Morivan", "Ellen Quarsh"} <= people
    assert "Sen" not in entities  # "Sen." is the title, not a famous family name
    assert "D-Md" not in entities  # a party and a state


def test_a_couple_whose_first_given_name_is_also_a_word(enricher: Enricher) -> None:
    release = release_of(
        "Thanks to Mary and John Vesklan, Grace and Peter Olsk, and Joy and Mark Castellane.",
        "Sales and John Quarnby spoke at the event.",
    )
    people = people_in(enricher, release)
    assert {"Mary Vesklan", "Grace Olsk", "Joy Castellane"} <= people
    assert "Sales Quarnby" not in people


def test_a_middle_initial_vouches_for_a_person(enricher: Enricher) -> None:
    release = release_of(
        "Quarn Capital closed its fund.", "The fund is backed by Kartiv R. Quarnwal and others."
    )
    entities = {e.name: e.type for e in enricher.enrich(release).entities}
    assert entities.get("Kartiv R. Quarnwal") == "person"

"""Held-out check 8 rules (what stands around a name: repost footers, web addresses,
affiliations in parentheses, credentials, eponyms, unit words, contact lines): on text the
project wrote, with invented names of people and organisations."""

from __future__ import annotations

from services.enrich import candidates as cand
from services.enrich import context, orgrules
from services.enrich.candidates import Hit
from services.enrich.core import Enricher
from shared.models import Contacts, Dateline, ParsedRelease
from tests.unit.enrich.spans import hit_at as _hit
from tests.unit.enrich.spans import release_of


def _release(*paragraphs: str, contacts: Contacts | None = None) -> ParsedRelease:
    return release_of(
        *paragraphs, headline="Quorvane Padel and Brellwick Join Forces", contacts=contacts
    )


def _entities(enricher: Enricher, release: ParsedRelease) -> dict[str, str]:
    return {e.name: e.type for e in enricher.enrich(release).entities}


def test_a_repost_footer_is_read_like_the_headline(enricher: Enricher) -> None:
    text = "x The post Quorvane Padel Join Forces to Debut a Club appeared first on citybiz."
    (span,) = context.footer_spans(text)
    assert text[span[0] : span[1]] == "Quorvane Padel Join Forces to Debut a Club"
    release = _release(
        "Quorvane Padel, the club operator, opens in Graz, said Orlan Vesk.",
        "The post Quorvane Padel and Brellwick Join Forces appeared first on citybiz.",
    )
    names = _entities(enricher, release)
    assert "Quorvane Padel and Brellwick Join Forces" not in names
    assert "Brellwick Join Forces" not in names


def test_a_web_address_is_no_name() -> None:
    text = "Join us on Facebook at Facebook.com/QuorvaneUniforms and at www.tarn.org/events/x."
    spans = context.url_spans(text)
    assert [text[a:b] for a, b in spans] == [
        "Facebook.com/QuorvaneUniforms",
        "www.tarn.org/events/x.",
    ]
    assert context.in_spans(_hit(text, "Facebook.com", "organization"), spans)
    assert not context.in_spans(_hit(text, "Facebook", "organization"), spans)


def test_a_name_in_parentheses_after_a_person_is_where_the_person_works(
    enricher: Enricher,
) -> None:
    text = "Investors include Orlan Vesk (Tarnwick), Pia Lund (Brell Capital) and Ada Quist (AQ)."
    people = [_hit(text, n, "person") for n in ("Orlan Vesk", "Pia Lund", "Ada Quist")]
    model = _hit(text, "Tarnwick", "person")  # the model's reading of the same word
    hits = [*people, model]
    out = context.affiliations(text, hits, enricher.gazetteer, enricher.knowledge)
    assert [h.text for h in out] == ["Tarnwick", "Brell Capital"]
    assert model.label == "organization"
    # Not a place, a month or a post.
    text = "Orlan Vesk (Vienna) and Pia Lund (October) met Ada Quist (Ret.)."
    hits = [_hit(text, n, "person") for n in ("Orlan Vesk", "Pia Lund", "Ada Quist")]
    assert context.affiliations(text, hits, enricher.gazetteer, enricher.knowledge) == []
    # Nor a district or a state code after a lawmaker.
    text = "Rep. Orlan Vesk (NY-04) and Sen. Pia Lund (FL) spoke."
    hits = [_hit(text, n, "person") for n in ("Orlan Vesk", "Pia Lund")]
    assert context.affiliations(text, hits, enricher.gazetteer, enricher.knowledge) == []
    # A name opening with a given name that the model called a firm is the person.
    text = "It was founded by Maria Quellwater (Tarn Pacific) and Peter Ostrand (Brell)."
    firms = [_hit(text, n, "organization") for n in ("Maria Quellwater", "Peter Ostrand")]
    out = context.affiliations(text, firms, enricher.gazetteer, enricher.knowledge)
    assert [h.text for h in out] == ["Tarn Pacific", "Brell"]
    assert [h.label for h in firms] == ["person", "person"]
    # Not a firm named after a person, with its own short form.
    text = "Orders went to Maria Quellwater (Quellwater), the fashion label."
    firm = _hit(text, "Maria Quellwater", "organization")
    assert context.affiliations(text, [firm], enricher.gazetteer, enricher.knowledge) == []
    assert firm.label == "organization"


def test_a_credential_after_a_name_is_no_state(enricher: Enricher) -> None:
    release = _release(
        "The suite honours Orlan Vesktrom, MD, medical director of the Tarnwick Clinic.",
        "It was opened with Pia Lundqvard, MD, director of the Brell Center.",
        # More letters after the credential: a doctorate, a long fellowship.
        "Talks came from Dovrin Keshalt, MD, PhD, Associate Professor of Surgery, and from "
        "Sundar Velloweth, MD, FAAHPM, who leads the unit.",
    )
    names = _entities(enricher, release)
    assert names.get("Orlan Vesktrom") == "person"
    assert names.get("Pia Lundqvard") == "person"
    assert names.get("Dovrin Keshalt") == "person"
    assert names.get("Sundar Velloweth") == "person"
    assert "Maryland" not in names
    # A city and its state stay a place.
    text = "Offices in Baltimore, MD, opened."
    hit = _hit(text, "Baltimore", "place", "pattern")
    assert context.credential_spans(text, [hit], enricher.gazetteer, enricher.knowledge) == []


def test_a_person_opening_an_event_or_fund_name_is_no_person() -> None:
    text = "They coach at the Orlan Vesk Workhorse Seminar, said Pia Lund Tuesday."
    seminar = _hit(text, "Orlan Vesk", "person")
    speaker = _hit(text, "Pia Lund", "person")
    assert context.eponyms(text, [seminar, speaker]) == {id(seminar)}


def _refined(enricher: Enricher, text: str, hits: list[Hit]) -> list[str]:
    return [h.text for h in orgrules.refine_orgs(text, hits, enricher.knowledge)]


def test_a_name_made_of_unit_words_keeps_them(enricher: Enricher) -> None:
    text = "Certified by the National Board of Quill Advocacy, they said."
    board = _hit(text, "National Board of Quill Advocacy", "organization")
    assert _refined(enricher, text, [board]) == ["National Board of Quill Advocacy"]
    # After a post, the unit is a department of what follows.
    text = "She was Director of Communication for the Tarnwick Caucus in Graz."
    unit = _hit(text, "Communication for the Tarnwick Caucus", "organization")
    assert _refined(enricher, text, [unit]) == ["Tarnwick Caucus"]
    text = "She led Business Development at Brell Holdings for years."
    unit = _hit(text, "Business Development at Brell Holdings", "organization")
    assert _refined(enricher, text, [unit]) == ["Brell Holdings"]
    text = "He was Chair of the Tarnwick Quill Committee."
    post = _hit(text, "Chair of the Tarnwick Quill Committee", "organization")
    assert _refined(enricher, text, [post]) == ["Tarnwick Quill Committee"]


def test_a_name_defined_with_its_initials_is_a_name(enricher: Enricher) -> None:
    text = "The Business Leadership Council (BLC) named a chief. ABOUT BUSINESS LEADERSHIP "
    text += "COUNCIL BLC is a group."
    council = _hit(text, "Business Leadership Council", "organization")
    header = _hit(text, "BUSINESS LEADERSHIP COUNCIL BLC", "organization")
    # The heading loses the initials run into it (and, all unit words, goes).
    assert _refined(enricher, text, [council, header]) == ["Business Leadership Council"]
    # Without the initials it is still a unit.
    text = "The Business Leadership Council met."
    unit = _hit(text, "Business Leadership Council", "organization")
    assert _refined(enricher, text, [unit]) == []


def test_a_given_name_read_as_an_organisation_does_not_retype_the_person() -> None:
    text = "Orlan A. Vesk spoke. Orlan and Pia coach. Orlan and Pia wrote."
    person = _hit(text, "Orlan A. Vesk", "person")
    orgs = [_hit(text, "Orlan", "organization", nth=n) for n in (1, 2)]
    cand.made_by_orgs([person, *orgs], frozenset())
    assert person.label == "person"
    # A maker's product still is the maker's ("Quorvane Glider" beside "Quorvane").
    text = "Quorvane Glider rides. Quorvane grew. Quorvane hired."
    product = _hit(text, "Quorvane Glider", "person")
    makers = [_hit(text, "Quorvane", "organization", nth=n) for n in (1, 2)]
    cand.made_by_orgs([product, *makers], frozenset())
    assert product.label == "organization"


def test_a_direction_and_a_state_read_as_an_organisation_is_that_state(
    enricher: Enricher,
) -> None:
    text = "It runs homes in Southern Nevada now."
    hit = cand.retype(
        _hit(text, "Southern Nevada", "organization"), enricher.gazetteer, enricher.knowledge
    )
    assert (hit.text, hit.label) == ("Nevada", "place")
    assert hit.place is not None and hit.place.country == "US"


def test_a_company_named_in_its_domain_is_no_common_word(enricher: Enricher) -> None:
    words = cand.lowercase_words("visit quorvane.com or mail jo@quorvane.com; plain uniforms")
    assert "quorvane" not in words and "uniforms" in words
    release = _release(
        "Quorvane Uniforms won a prize for its Graz plant, said Orlan Vesk.",
        "Quorvane Uniforms supplies linens and uniforms. Visit quorvane.com to learn more.",
        contacts=Contacts(names=["Quorvane Uniforms", "Orlan Vesk", "For Tarnwick"]),
    )
    names = _entities(enricher, release)
    assert names.get("Quorvane Uniforms") == "organization"
    assert "For Tarnwick" not in names


def test_a_possessive_owner_stays_when_it_owns_a_unit_or_a_programme(enricher: Enricher) -> None:
    text = "anchors for Quorvane’s HQ in Graz."
    hq = _hit(text, "Quorvane’s HQ", "organization")
    assert _refined(enricher, text, [hq]) == ["Quorvane"]
    text = "Tarnwick Clinic cares. Tarnwick Clinic’s Concierge Medicine program grew."
    named = _hit(text, "Tarnwick Clinic", "organization")
    programme = _hit(text, "Tarnwick Clinic’s Concierge Medicine", "organization")
    assert _refined(enricher, text, [named, programme]) == ["Tarnwick Clinic", "Tarnwick Clinic"]


def test_a_verb_opening_a_sentence_is_no_part_of_a_name(enricher: Enricher) -> None:
    text = "Gifts went to Tarnwick Clinic. “Supporting Tarnwick Clinic is my passion,” he said."
    hit = _hit(text, "Supporting Tarnwick Clinic", "organization")
    assert _refined(enricher, text, [hit]) == ["Tarnwick Clinic"]


def test_a_short_form_and_a_post_after_a_name_go(enricher: Enricher) -> None:
    text = "assets such as Quorcoin (QRC) and Tarncoin (TRC), and more."
    assert _refined(enricher, text, [_hit(text, "Quorcoin (QRC) and", "organization")]) == [
        "Quorcoin"
    ]
    text = "She is a Brell Boost Fund Fellow at the lab."
    fellow = _hit(text, "Brell Boost Fund Fellow", "organization")
    assert _refined(enricher, text, [fellow]) == ["Brell Boost Fund"]


def test_rankings_and_clauses_are_no_organisations(enricher: Enricher) -> None:
    kn = enricher.knowledge
    assert orgrules.is_award("Most Influential Company", "organization", kn)
    assert orgrules.is_award("Quorvane Brand That Matters", "organization", kn)
    assert not orgrules.is_award("Best Quorvane Holdings", "organization", kn)
    assert not orgrules.is_award("Top Tarnwick", "organization", kn)


def test_overlapping_organisation_spans_are_one_name() -> None:
    text = "the mission of Out Quill Theatre Company, which grew."
    rule = _hit(text, "Out Quill Theatre", "organization", "pattern")
    model = _hit(text, "Quill Theatre Company", "organization")
    joined = context.joined_orgs(text, [rule, model])
    assert joined[-1].text == "Out Quill Theatre Company"
    # Not across a comma, and not the model's start before the rule's.
    text = "Brell Quill, Theatre Company"
    a, b = (
        _hit(text, "Brell Quill", "organization", "pattern"),
        _hit(text, "Quill, Theatre Company", "organization"),
    )
    assert context.joined_orgs(text, [a, b]) == [a, b]


def test_person_spans_read_by_their_last_word() -> None:
    text = "the Orlan Vesk Concierge Suite and the Tarn Wealth Report; Pia Lund, Sr.'s coalition."
    suite = _hit(text, "Orlan Vesk Concierge Suite", "person")
    report = _hit(text, "Tarn Wealth Report", "person")
    elder = _hit(text, "Pia Lund", "person")
    out = context.person_shapes(text, [suite, report, elder])
    assert [(h.text, h.label) for h in out] == [
        ("Tarn Wealth Report", "organization"),
        ("Pia Lund", "person"),
    ]
    context.generations(text, out)
    assert elder.text == "Pia Lund, Sr."


def test_a_title_case_subheadline_is_read_like_the_headline(enricher: Enricher) -> None:
    assert context.title_case("Gift Establishes the Quorvane Suite; Ribbon Cutting Held on Aug. 8")
    assert not context.title_case("The gift establishes a new suite for the clinic in Graz.")
    release = ParsedRelease(
        id="t",
        headline="Quorvane Gives to Tarnwick Clinic",
        subheadline="Gift Establishes the Quorvane Suite; Ribbon Cutting Held on Aug. 8",
        dateline=Dateline(),
        paragraphs=["Quorvane Motors gave a gift to Tarnwick Clinic, said Orlan Vesk."],
        language="en",
    )
    assert "Ribbon Cutting Held" not in _entities(enricher, release)


def test_an_organisation_named_as_an_area_is_a_place() -> None:
    text = "a home in the Quorvale Ranch neighborhood of the city"
    hit = _hit(text, "Quorvale Ranch", "organization")
    context.areas(text, [hit])
    assert hit.label == "place"


def test_headings_with_an_article_or_a_hyphen_and_single_plain_words(enricher: Enricher) -> None:
    kn = enricher.knowledge
    text = "Tarnwick grew. A National Network of Business Support Tarnwick links firms."
    heading = _hit(text, "A National Network of Business Support", "organization")
    assert orgrules.common_word_orgs(text, [heading], kn) == {id(heading)}
    text = "It offers Full-Service Business Support across Graz."
    heading = _hit(text, "Full-Service Business Support", "organization")
    assert orgrules.common_word_orgs(text, [heading], kn) == {id(heading)}
    # One plain word the model read as an organisation, named once, not where a name is read.
    text = "A lifelong Hoosier, Orlan Vesk served the town. He joined the Member Perks program."
    hoosier = _hit(text, "Hoosier", "organization")
    perks = _hit(text, "Perks", "organization")
    assert orgrules.common_word_orgs(text, [hoosier, perks], kn) == {id(hoosier), id(perks)}
    # ... but not one a rule found, one named twice, or one read where a name is read.
    text = "Shares of Lantern rose. Lantern grew, and Beacon joined the Harbor."
    lantern = _hit(text, "Lantern", "organization")
    beacon = _hit(text, "Beacon", "organization", "pattern")
    harbor = _hit(text, "Harbor", "organization")
    assert orgrules.common_word_orgs(text, [lantern, beacon, harbor], kn) == set()


def test_a_plural_possessive_opens_an_institution_name(enricher: Enricher) -> None:
    text = "gifts to the Quorvel Children’s Hospital Foundation and others"
    start = text.index("Quorvel")
    end = text.index(" Hospital")
    (hit,) = cand.from_ner(text, [(start, end, "PERSON")], enricher.knowledge)
    assert (hit.text, hit.label) == ("Quorvel Children’s Hospital Foundation", "organization")
    assert _refined(enricher, text, [hit]) == ["Quorvel Children’s Hospital Foundation"]

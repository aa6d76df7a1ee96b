"""Organisation rules (``services.enrich.orgrules``) and the filters added with them, on text
the project wrote (invented names)."""

from __future__ import annotations

import pytest

from services.enrich import orgrules
from services.enrich.candidates import Hit, is_heading_org, keep, modifier_acronyms, retype
from services.enrich.core import Enricher
from services.enrich.knowledge import Knowledge, load_knowledge
from services.enrich.segments import split_about_header
from shared.models import ParsedRelease


@pytest.fixture(scope="module")
def kn() -> Knowledge:
    return load_knowledge()


def texts(hits: list[Hit]) -> list[str]:
    return [h.text for h in hits]


def test_legal_form_and_org_noun_endings(kn: Knowledge) -> None:
    text = (
        "Press inquiries: Press Contact Thornwick Harbor Advisors. The deal with "
        "Ostrel Holdings, Inc. closed after Brimley Quay Ventures signed."
    )
    found = texts(orgrules.from_runs(text, kn))
    assert "Thornwick Harbor Advisors" in found
    assert "Ostrel Holdings, Inc." in found
    assert "Brimley Quay Ventures" in found


def test_legal_form_after_comma_and_spanish_legal_form(kn: Knowledge) -> None:
    found = texts(orgrules.from_runs("Quillon AI, Inc. rose.", kn))
    assert "Quillon AI, Inc." in found
    found = texts(
        orgrules.from_runs(
            "operado por PALMERA MINERA, Sociedad Anónima de Capital Variable, en San Salvador", kn
        )
    )
    assert "PALMERA MINERA, Sociedad Anónima de Capital Variable" in found


def test_org_heads_in_three_languages(kn: Knowledge) -> None:
    text = (
        "It was reviewed by the Office of the Chief Economic Adviser for Harbour Safety. "
        "Colabora con el Instituto Veracruzano de la Familia y la Oficina de Datos de Norlandia. "
        "Avec l'Université Belmarre de Quorvel."
    )
    found = texts(orgrules.from_runs(text, kn))
    assert "Office of the Chief Economic Adviser for Harbour Safety" in found
    assert "Instituto Veracruzano de la Familia" in found
    assert "Oficina de Datos de Norlandia" in found


def test_head_stops_before_title_and_name(kn: Knowledge) -> None:
    found = texts(orgrules.from_runs("said Department of Parks Secretary Hal Norrow today", kn))
    assert found == ["Department of Parks"]


def test_runs_do_not_cross_a_sentence_or_a_possessive(kn: Knowledge) -> None:
    found = texts(orgrules.from_runs("It bought Velmora. Traskel Group will run it.", kn))
    assert found == ["Traskel Group"]


def test_appositive_names_an_organisation(kn: Knowledge) -> None:
    text = (
        "the acquisition of Vellacourt, a regional boat repair consulting firm. "
        "Tidewell.io, a small weekend gardening community, opened. "
        "Maren Oduya, a partner at the firm, said."
    )
    found = texts(orgrules.from_appositives(text, kn))
    assert "Vellacourt" in found and "Tidewell.io" in found
    assert "Maren Oduya" not in found  # "a partner at the firm": the head noun is not an org


def test_role_of_names_the_employer(kn: Knowledge) -> None:
    text = (
        "said Pia Lund, Chief Revenue Officer for Brambleton Health. "
        "Teo Varga, Director of Marketing, agreed."
    )
    found = texts(orgrules.from_roles(text, kn))
    assert found == ["Brambleton Health"]


def test_ticker_anchors_the_company_before_it(kn: Knowledge) -> None:
    text = "Analysts at Stonebarrow rate Quorvane Furniture Corporation (NASDAQ: QRVF) a buy."
    assert texts(orgrules.from_tickers(text, kn)) == ["Quorvane Furniture Corporation"]
    text = "Lumora Brands, Inc. (OTC: LUMB) announced"
    assert texts(orgrules.from_tickers(text, kn)) == ["Lumora Brands, Inc."]


def test_about_headers(kn: Knowledge) -> None:
    text = (
        "body\n\nAbout Quorvane Corp. (NYSE: QRV)\n\nQuorvane makes chairs.\n\n"
        "About Dr. Ilse Varn\n\nShe writes.\n\nAbout Fenwick.io and the Fenwick Research Institute"
        "\n\nAbout the $Pip Meme Token\n\nAcerca de PALMERA:\n\nPALMERA mina."
    )
    found = texts(orgrules.from_about_headers(text, kn, 4))
    assert found == ["Quorvane Corp.", "Fenwick.io", "Fenwick Research Institute", "PALMERA"]


def test_about_header_run_into_its_paragraph_is_split() -> None:
    assert split_about_header("About BrackenBracken Capital Partners is a firm.") == (
        "About Bracken\nBracken Capital Partners is a firm."
    )
    assert (
        split_about_header("About K7 LabsK7 Labs makes kits.")
        == "About K7 Labs\nK7 Labs makes kits."
    )
    assert split_about_header("About Yarrow Holdings Limited (08812.HK)Established in 1990.") == (
        "About Yarrow Holdings Limited (08812.HK)\nEstablished in 1990."
    )
    assert (
        split_about_header("About Ferro Ltd\nFerro Ltd is...") == "About Ferro Ltd\nFerro Ltd is..."
    )
    assert split_about_header("Ferro is a firm.") == "Ferro is a firm."


def test_camel_case_brands_used_twice() -> None:
    text = "BrightQuill opened. BrightQuill and TidalForge grew. McAllister and McAllister spoke."
    assert texts(orgrules.from_camel_case(text)) == ["BrightQuill", "BrightQuill"]


def test_retype_camel_case_and_org_words_inside_a_person_span(kn: Knowledge) -> None:
    from services.enrich.core import load_enricher

    gz = load_enricher().gazetteer
    hit = retype(Hit(0, 11, "BrightQuill", "person", "ner"), gz, kn)
    assert hit.label == "organization"
    hit = retype(Hit(0, 32, "Orla Bex Consulting & Coaching", "person", "ner"), gz, kn)
    assert hit.label == "organization"
    hit = retype(Hit(0, 12, "Ian McAllister", "person", "ner"), gz, kn)
    assert hit.label == "person"


def test_filters_laws_particles_and_acronym_terms(kn: Knowledge) -> None:
    assert not keep(Hit(0, 24, "Securities Exchange Act", "organization", "ner"), kn)
    assert not keep(Hit(0, 20, "Data Privacy Act of 2031", "organization", "ner"), kn)
    assert not keep(Hit(0, 11, "Vidéo de la", "person", "ner"), kn)
    text = "Our QZR workloads and QZR clusters run. Velk Ltd (“VLK”) said VLK will grow."
    terms = modifier_acronyms(text)
    assert "QZR" in terms and "VLK" not in terms


def test_heading_line_is_not_an_organisation(kn: Knowledge) -> None:
    text = "intro\n\nNotice Regarding Future Plans\n\nbody of Quell Partners Group here"
    start = text.index("Notice")
    heading = Hit(start, start + 29, "Notice Regarding Future Plans", "organization", "ner")
    assert is_heading_org(text, heading, kn)
    start = text.index("Quell")
    named = Hit(start, start + 20, "Quell Partners Group", "organization", "ner")
    assert not is_heading_org(text, named, kn)


def test_wire_looking_name_with_its_own_about_section_is_kept(kn: Knowledge) -> None:
    hit = Hit(0, 13, "FernMediaWire", "organization", "about")
    assert not keep(hit, kn)
    assert keep(hit, kn, subjects=frozenset({"fernmediawire"}))


def test_end_to_end(enricher: Enricher) -> None:
    release = ParsedRelease(
        id="t",
        headline="Quorvane Expands",
        paragraphs=[
            "Quorvane Furniture Corporation (NASDAQ: QRVF) announced the acquisition of "
            "Vellacourt, a regional boat repair firm, said Pia Lund, Chief Operating "
            "Officer for Brambleton Health.",
            "The $Pip Meme Token is not a company.",
        ],
        about=["About Fenwick MediaWire\nFenwick MediaWire is a communications platform."],
        language="en",
    )
    result = enricher.enrich(release)
    types = {e.name: e.type for e in result.entities}
    for name in (
        "Quorvane Furniture Corporation",
        "Vellacourt",
        "Brambleton Health",
        "Fenwick MediaWire",
    ):
        assert types.get(name) == "organization", (name, types)
    assert types.get("Pia Lund") == "person"
    assert "Pip Meme Token" not in types


def _refined(text: str, span: str, kn: Knowledge) -> list[str]:
    start = text.index(span)
    hit = Hit(start, start + len(span), span, "organization", "ner")
    return texts(orgrules.refine_orgs(text, [hit], kn))


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ("Quorlan Ridge, Bexwell Partners", ["Quorlan Ridge", "Bexwell Partners"]),
        ("Ostrel Holdings, Inc.", ["Ostrel Holdings, Inc."]),
        ("Talvenor Institute of Maritime Law (TIML", ["Talvenor Institute of Maritime Law"]),
        ("Co-Founder of Brimley Quay", ["Brimley Quay"]),
        ("Chair of the Veltran Trade Committee", ["Veltran Trade Committee"]),
        ("Regulatory Policy for Ostrel Global", ["Ostrel Global"]),
        ("CFO Brimley Quay Ventures", ["Brimley Quay Ventures"]),
        ("Quillon Works and", ["Quillon Works"]),
        ("Department of Harbors", ["Department of Harbors"]),
        ("Board of Directors", []),
        ("Quillon’s Board of Directors", ["Quillon"]),  # the unit goes, its owner stays
        ("Business Development", []),
        ("President & CEO", []),
        ("Widget.ads.push({handler", []),
    ],
)
def test_refine_org_mentions(kn: Knowledge, span: str, expected: list[str]) -> None:
    assert _refined(f"Then {span} spoke.", span, kn) == expected


def test_postal_line_is_not_a_name(kn: Knowledge) -> None:
    assert not keep(Hit(0, 8, "NY 10123", "organization", "ner"), kn)


def test_person_name_variants_join() -> None:
    from services.enrich.cluster import group_people

    hits = [
        Hit(0, 20, "Ana Lucia Verhoeven", "person", "ner"),
        Hit(30, 44, "Lucia Verhoeven", "person", "ner"),
        Hit(50, 64, "Daniel Quillby", "person", "ner"),
        Hit(70, 80, "Dan Quillby", "person", "ner"),
    ]
    people = group_people(hits, [])
    assert sorted(p.name for p in people) == ["Ana Lucia Verhoeven", "Daniel Quillby"]


def test_unknown_place_named_like_an_organisation_is_one() -> None:
    from services.enrich.candidates import places_named_as_orgs

    hits = [
        Hit(0, 12, "Quorvane Labs", "organization", "pattern"),
        Hit(20, 28, "Quorvane", "place", "ner"),
    ]
    places_named_as_orgs(hits)
    assert hits[1].label == "organization"

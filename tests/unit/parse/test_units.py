"""Focused tests of the parse modules: datelines, encodings, normalisation, sections."""

from __future__ import annotations

import pytest

from services.parse.core import parse_submission, split_channel_names
from services.parse.dateline import read_dateline
from services.parse.encoding import decode_body
from services.parse.normalize import fold_for_matching, normalize_text
from shared.errors import ParseError
from shared.models import ContentType, Submission


@pytest.mark.parametrize(
    ("text", "city", "cities", "region", "country", "date", "wire", "rest"),
    [
        ("WASHINGTON, Oct. 18, 2016 — The army", "WASHINGTON", ["WASHINGTON"], None, None,
         "2016-10-18", None, "The army"),
        ("NEW YORK and LOS ANGELES, Dec. 23, 2019 /PRNewswire/ -- Acme", "NEW YORK",
         ["NEW YORK", "LOS ANGELES"], None, None, "2019-12-23", "PRNewswire", "Acme"),
        ("SEATTLE--(BUSINESS WIRE)--Acme", "SEATTLE", ["SEATTLE"], None, None, None,
         "BUSINESS WIRE", "Acme"),
        ("JACKSONVILLE, Fla., Dec. 16, 2019 (GLOBE NEWSWIRE) -- Acme", "JACKSONVILLE",
         ["JACKSONVILLE"], "Fla.", "US", "2019-12-16", "GLOBE NEWSWIRE", "Acme"),
        ("PIETERMARITZBURG, SOUTH AFRICA / ACCESSWIRE / April 15, 2019 / Acme",
         "PIETERMARITZBURG", ["PIETERMARITZBURG"], None, "ZA", "2019-04-15", "ACCESSWIRE", "Acme"),
        ("COMO, CO, ITALY, August 28, 2026 /EINPresswire.com/ -- Acme", "COMO", ["COMO"], "CO",
         "IT", "2026-08-28", "EINPresswire.com", "Acme"),
        ("OCEAN GROVE, NJ, August 20, 2024 /24-7PressRelease/ -- Acme", "OCEAN GROVE",
         ["OCEAN GROVE"], "NJ", "US", "2024-08-20", "24-7PressRelease", "Acme"),
        ("HOUSTON, TX - June 30, 2025 (NEWMEDIAWIRE) - Acme", "HOUSTON", ["HOUSTON"], "TX", "US",
         "2025-06-30", "NEWMEDIAWIRE", "Acme"),
        ("(NewMediaWire) - July 29, 2025 - DALLAS — Acme", "DALLAS", ["DALLAS"], None, None,
         "2025-07-29", "NewMediaWire", "Acme"),
        ("Scottsdale, AZ (Newsworthy.ai) Tuesday Dec 5, 2023 @ 12:16 PM — Acme", "Scottsdale",
         ["Scottsdale"], "AZ", "US", "2023-12-05", "Newsworthy.ai", "Acme"),
        ("DALLAS, TX -- June 13th, 2025 --Acme", "DALLAS", ["DALLAS"], "TX", "US", "2025-06-13",
         None, "Acme"),
        ("March 03, 2025, New York, NY – Acme", "New York", ["New York"], "NY", "US",
         "2025-03-03", None, "Acme"),
        ("San Salvador, SV, 29 de mayo de 2024 – Acme", "San Salvador", ["San Salvador"], None,
         "SV", "2024-05-29", None, "Acme"),
        ("--News Direct--", None, [], None, None, None, "News Direct", ""),
        ("(NewsUSA) - Acme", None, [], None, None, None, "NewsUSA", "Acme"),
        ("Austin, Texas, May 29, 2024 - (PlatoAI) -- Acme", "Austin", ["Austin"], "Texas", "US",
         "2024-05-29", "PlatoAI", "Acme"),
        ("PARIS, le 3 mars 2025 - Acme", "PARIS", ["PARIS"], None, None, "2025-03-03", None,
         "Acme"),
        ("LONDON — Acme said", "LONDON", ["LONDON"], None, None, None, None, "Acme said"),
        ("TORONTO, Feb. 30, 2024 (GLOBE NEWSWIRE) -- Acme", "TORONTO", ["TORONTO"], None, None,
         None, "GLOBE NEWSWIRE", "Acme"),
    ],
)  # fmt: skip
def test_dateline_forms(text, city, cities, region, country, date, wire, rest) -> None:
    found = read_dateline(text)
    assert found is not None
    dateline, after = found
    assert (dateline.city, dateline.cities, dateline.region) == (city, cities, region)
    assert (dateline.country, dateline.date, dateline.wire) == (country, date, wire)
    assert after == rest


@pytest.mark.parametrize(
    "text",
    [
        "The military relationship between two countries",
        "Acme Media Group (NASDAQ: AMG) - a leader in widgets",
        "Bitdeer Technologies Group (NASDAQ: BTDR), a leading provider",
        "New Era Helium, Inc. (“NEH”), an exploration company",
        "Acme Corp — a leader in widgets",
    ],
)
def test_not_a_dateline(text: str) -> None:
    assert read_dateline(text) is None


def test_decode_utf8_bom_latin1_and_binary() -> None:
    assert decode_body("\ufeffCafé".encode()) == "Café"
    assert decode_body("Café crème déjà".encode("cp1252")) == "Café crème déjà"
    assert decode_body("“Smart” quotes – dash".encode("cp1252")) == "“Smart” quotes – dash"
    with pytest.raises(ParseError):
        decode_body(b"\x00\x01\x02\x03binary\x00")
    with pytest.raises(ParseError):
        decode_body(b"")


def test_normalize_line_ends_spaces_and_invisibles() -> None:
    assert normalize_text("a\r\nb\rc\u00a0d\u200be\u2028f") == "a\nb\nc de\nf"
    assert fold_for_matching("“Ready”  to – go") == '"ready" to - go'


def test_unreadable_bodies_are_parse_errors() -> None:
    for body, kind in [
        ("<script>only()</script><style>x{}</style>", ContentType.HTML),
        ("   \n\u200b\u200b\n  ", ContentType.PLAIN),
        ("![](http://img)", ContentType.MARKDOWN),
    ]:
        if not body.strip():
            continue
        with pytest.raises(ParseError):
            parse_submission("r", Submission(body=body, content_type=kind))


def test_lost_paragraph_breaks_are_rebuilt_but_typewriter_spacing_is_not() -> None:
    joined = (
        "Title Line\n\nBOSTON, Jan. 2, 2024 /PRNewswire/ -- First paragraph has a few words in "
        "it and goes on for a while to look like a real paragraph of a release.  Second "
        "paragraph follows after two spaces and also carries enough words to be realistic.  "
        "Heading Here  Third paragraph starts after a heading that lost its line break too."
    )
    parsed = parse_submission("r", Submission(body=joined))
    assert len(parsed.paragraphs) == 4
    typed = (
        "Title Line\n\nFirst sentence is here and it is long enough.  Second sentence is "
        "here too.  Third sentence ends the paragraph with more words to be long enough for "
        "the rebuild to be considered at all by the parser."
    )
    parsed = parse_submission("r", Submission(body=typed))
    assert len(parsed.paragraphs) == 1


def test_about_is_not_triggered_by_ordinary_sentences() -> None:
    body = (
        "Headline Of The Release\n\nAbout 40 people attended the launch.\n\n"
        "about a third of them were customers.\n\nAbout Acme\n\nAcme makes anvils."
    )
    parsed = parse_submission("r", Submission(body=body))
    assert parsed.paragraphs == [
        "About 40 people attended the launch.",
        "about a third of them were customers.",
    ]
    assert parsed.about == ["About Acme", "Acme makes anvils."]


def test_a_headline_wrapped_onto_a_lower_case_line_is_joined() -> None:
    from services.parse.core import parse_submission
    from shared.models import Submission

    body = (
        "# Brindlewood Partners closes its second €40m fund \n"
        "for early-stage climate startups\n\n"
        "MILAN, March 3, 2025 -- Brindlewood Partners today closed its second fund.\n"
    )
    parsed = parse_submission("r", Submission(body=body, content_type="text/markdown"))
    assert parsed.headline == (
        "Brindlewood Partners closes its second €40m fund for early-stage climate startups"
    )
    assert parsed.dateline.city == "MILAN"
    assert not any("early-stage climate" in p for p in parsed.paragraphs)


def test_a_headline_cut_after_a_joining_word_goes_on_on_the_next_line() -> None:
    from services.parse.core import parse_submission
    from shared.models import Submission

    body = (
        "# QUARNBY FUND RECEIVES $38,384 DONATION FROM \n"
        "TARSIS MANUFACTURING\n\n"
        "The Quarnby Fund received a donation from Tarsis Manufacturing today.\n"
    )
    parsed = parse_submission("r", Submission(body=body, content_type="text/markdown"))
    assert parsed.headline == "QUARNBY FUND RECEIVES $38,384 DONATION FROM TARSIS MANUFACTURING"
    # A finished headline line keeps the next line apart.
    body = "# QUARNBY FUND RECEIVES A DONATION\nTARSIS GIVES AGAIN\n\nText follows here.\n"
    parsed = parse_submission("r", Submission(body=body, content_type="text/markdown"))
    assert parsed.headline == "QUARNBY FUND RECEIVES A DONATION"


def test_dateline_with_two_cities_each_with_its_state() -> None:
    from services.parse.dateline import read_dateline

    found = read_dateline(
        "BOISE, ID & TULSA, OK, May 2, 2025 /24-7PressRelease/ -- Harrow Mills said today"
    )
    assert found is not None
    dateline, rest = found
    assert (dateline.city, dateline.cities, dateline.region, dateline.country) == (
        "BOISE", ["BOISE", "TULSA"], "ID", "US",
    )  # fmt: skip
    assert dateline.date == "2025-05-02" and rest.startswith("Harrow Mills")


COMMA_NAMES = {"banking, finance & investment industry", "arts, culture & entertainment"}


@pytest.mark.parametrize(
    ("footer", "names"),
    [
        (
            "Banking, Finance & Investment Industry",
            ["Banking, Finance & Investment Industry"],
        ),
        (
            "Military Industry, Banking, Finance & Investment Industry; Technology",
            ["Military Industry", "Banking, Finance & Investment Industry", "Technology"],
        ),
        # Only commas join: a semicolon or bar between the parts keeps them apart.
        ("Banking; Finance & Investment Industry", ["Banking", "Finance & Investment Industry"]),
        ("Energy, Retail | Politics", ["Energy", "Retail", "Politics"]),
        ("Arts, Culture & Entertainment.", ["Arts, Culture & Entertainment"]),
        (" , Retail,, ", ["Retail"]),
    ],
)
def test_footer_channel_names_keep_names_that_have_commas(footer: str, names: list[str]) -> None:
    assert split_channel_names(footer, COMMA_NAMES) == names


def test_a_footer_naming_a_channel_with_commas_declares_that_channel() -> None:
    body = (
        "Northwind Bank Opens Lending Desk\n\n"
        "CHICAGO, May 4, 2026 -- Northwind Bank opened a lending desk for small firms.\n\n"
        "Distribution channels: Banking, Finance & Investment Industry\n"
    )
    parsed = parse_submission("rel_t", Submission(body=body))
    assert parsed.channels == ["Banking, Finance & Investment Industry"]

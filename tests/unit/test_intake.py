from __future__ import annotations

import pytest

from services.ingest.intake import (
    check_declared_channels,
    decode_text,
    parse_content_type,
    submission_from_body,
)
from shared.errors import InputError, UnknownChannel, UnsupportedContentType
from shared.models import ContentType
from shared.taxonomy import load_taxonomy


def test_raw_markdown_body_becomes_a_submission() -> None:
    sub = submission_from_body(b"# Title\n\nText", "text/markdown; charset=utf-8")
    assert sub.content_type is ContentType.MARKDOWN
    assert sub.body.startswith("# Title")


def test_json_submission_keeps_its_fields() -> None:
    sub = submission_from_body(
        b'{"body": "x", "headline": "H", "channels": [" Technology "], "external_id": "e1"}',
        "application/json",
    )
    assert (sub.headline, sub.channels, sub.external_id) == ("H", ["Technology"], "e1")


def test_utf8_bom_is_dropped_and_declared_charset_used() -> None:
    assert decode_text("\ufeffhé".encode(), None) == "hé"
    assert decode_text("hé".encode("cp1252"), "windows-1252") == "hé"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("text/plain", ("text/plain", None)),
        ("TEXT/HTML; Charset=Latin-1", ("text/html", "Latin-1")),
    ],
)
def test_content_type_header(header: str, expected: tuple) -> None:
    assert parse_content_type(header) == expected


def test_missing_and_unsupported_content_types() -> None:
    with pytest.raises(UnsupportedContentType):
        parse_content_type(None)
    with pytest.raises(UnsupportedContentType, match="image/png"):
        submission_from_body(b"x", "image/png")


def test_wrong_field_type_names_the_field() -> None:
    with pytest.raises(InputError, match=r"channels\.0"):
        submission_from_body(b'{"body": "x", "channels": [3]}', "application/json")


def test_embargo_needs_a_zone() -> None:
    with pytest.raises(InputError, match="embargo_until"):
        submission_from_body(
            b'{"body": "x", "embargo_until": "2030-01-01T00:00:00"}', "application/json"
        )


def test_declared_channels_are_checked_against_the_taxonomy() -> None:
    taxonomy = load_taxonomy()
    ok = submission_from_body(
        b'{"body": "x", "channels": ["military-industry", "Mexico"]}', "application/json"
    )
    check_declared_channels(ok, taxonomy)
    bad = submission_from_body(b'{"body": "x", "channels": ["Moon Mining"]}', "application/json")
    with pytest.raises(UnknownChannel, match="Moon Mining"):
        check_declared_channels(bad, taxonomy)


def test_a_country_channel_is_found_by_its_everyday_and_its_iso_names() -> None:
    taxonomy = load_taxonomy()
    for name, slug in [
        ("Russia", "russian-federation"),
        ("Russian Federation", "russian-federation"),
        ("UK", "united-kingdom"),
        ("USA", "united-states"),
        ("Czech Republic", "czechia"),
        ("Korea, Republic of", "south-korea"),
        ("Ivory Coast", "cote-d-ivoire"),
    ]:
        channel = taxonomy.resolve(name)
        assert channel is not None and channel.slug == slug, name
    declared = submission_from_body(
        b'{"body": "x", "channels": ["Russia", "UK"]}', "application/json"
    )
    check_declared_channels(declared, taxonomy)
    assert taxonomy.unknown(["Atlantis", "Russia"]) == ["Atlantis"]

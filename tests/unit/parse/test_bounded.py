"""Parse stays linear on hostile shapes (issue 6): each case would take seconds to minutes
with the quadratic regexes it guards against, so a generous wall-clock bound catches a
regression without being flaky on a loaded machine."""

from __future__ import annotations

import time

import pytest

from services.parse.blocks import split_blocks
from services.parse.core import parse_submission
from services.parse.html import nesting_depth
from shared.errors import ParseError
from shared.models import ContentType, ParsedRelease, Submission

LEAD = "Acme Opens Plant\n\nMONTERREY, Mexico, May 3, 2024 — Acme said it will hire 400 people."


def parse(body: str, content_type: ContentType = ContentType.PLAIN) -> ParsedRelease:
    return parse_submission("t", Submission(body=body, content_type=content_type))


@pytest.mark.parametrize(
    "line",
    [
        "[" * 20_000 + "x" + "]" * 20_000,
        "![" * 20_000 + "x]",
        "[a](" * 20_000,
        "<http://" * 20_000,
        "**a " * 20_000,
        "__a " * 20_000,
    ],
    ids=["brackets", "images", "links", "autolinks", "bold", "underscores"],
)
def test_inline_markdown_of_unclosed_openings_is_linear(line: str) -> None:
    started = time.perf_counter()
    split_blocks(line)
    assert time.perf_counter() - started < 1.0


def test_inline_markdown_still_reads_links_images_and_bold() -> None:
    (block,) = split_blocks("See **the plan** at [our site](https://acme.example) ![logo](l.png)")
    assert block.text == "See the plan at our site"
    # Link text holds no "[" any more: a stray opening before a link stays as text.
    (block,) = split_blocks("[see [Foo](https://x.example) and <https://acme.example>")
    assert block.text == "[see Foo and https://acme.example"


def test_many_blank_lines_are_read_in_linear_time() -> None:
    started = time.perf_counter()
    release = parse(LEAD + "\n" * 500_000 + "Acme said so.")
    assert time.perf_counter() - started < 5.0
    assert release.paragraphs[-1] == "Acme said so."


def test_counter_line_and_channels_footer_are_still_taken() -> None:
    release = parse(
        "There were 486 press releases posted in the last 24 hours and 166,136 in the last "
        "365 days.\n\n" + LEAD + "\n\n\n\nDistribution channels: Business, Technology\n"
    )
    assert release.headline == "Acme Opens Plant"
    assert release.channels == ["Business", "Technology"]
    assert not any("There were" in p or "Distribution" in p for p in release.paragraphs)


def test_html_nested_past_the_bound_is_refused_before_parsing() -> None:
    markup = "<div>" * 50_000 + LEAD + "</div>" * 50_000
    started = time.perf_counter()
    with pytest.raises(ParseError, match="nested deeper than"):
        parse(markup, ContentType.HTML)
    assert time.perf_counter() - started < 1.0


def test_unclosed_paragraphs_and_list_items_do_not_count_as_nesting() -> None:
    markup = "<ul>" + "<li>item <p>text <br><img src=x>" * 20_000 + "</ul>"
    assert nesting_depth(markup) == 1
    assert nesting_depth("<div><span>a</span><div>b</div></div>") == 2

"""Parse rules of enrich check 18 (invented names): headings glued to their paragraph."""

from __future__ import annotations

import pytest

from services.parse.blocks import split_blocks, split_glued_heading
from services.parse.markdown import markdown_to_text


@pytest.mark.parametrize(
    ("line", "heading", "paragraph"),
    [
        (
            "Why Quarn Cables Matter For Data CentersAs demand for power grows, the firm",
            "Why Quarn Cables Matter For Data Centers",
            "As demand for power grows, the firm",
        ),
        (
            "ABOUT BRILLWATER CAPITALBrillwater Capital is a venture firm in the city",
            "ABOUT BRILLWATER CAPITAL",
            "Brillwater Capital is a venture firm in the city",
        ),
        (
            "About Quarn (QRN)Quarn (QRN), founded in 1990, makes valves for ships",
            "About Quarn (QRN)",
            "Quarn (QRN), founded in 1990, makes valves for ships",
        ),
        (
            # The brand's own camel case is passed over; the glue after it is split.
            "About BrightQuill HealthBrightQuill Health is a maker of beds and the",
            "About BrightQuill Health",
            "BrightQuill Health is a maker of beds and the",
        ),
        (
            # The last glue point before the prose: a brand glued in the heading stays.
            "Why Quarn’s Unique MemeFi ApproachThe project has adopted a hybrid plan",
            "Why Quarn’s Unique MemeFi Approach",
            "The project has adopted a hybrid plan",
        ),
        (
            "Quarn Copper Miners ETFThe growing demand for copper and the need to",
            "Quarn Copper Miners ETF",
            "The growing demand for copper and the need to",
        ),
    ],
)
def test_a_glued_heading_is_split_from_its_paragraph(line, heading, paragraph):
    assert split_glued_heading(line, line) == (heading, paragraph)


@pytest.mark.parametrize(
    "line",
    [
        # A camel-case brand the text uses again is no glue.
        "Meet BrightQuill and its new fund for the year",
        # No prose after: a label run into a name (the contact parser reads these).
        "Contact DetailsQuarn Parking",
        # A sentence, not a heading, before the glue.
        "We visited the Quarn CentersAs it happens, the doors were shut",
    ],
)
def test_no_heading_is_split_without_a_glue(line):
    text = line + "\nBrightQuill again." if "BrightQuill" in line else line
    assert split_glued_heading(line, text) is None


def test_the_split_heading_is_a_heading_block_and_a_markdown_paragraph():
    text = "Why Quarn Cables Matter For Data CentersAs demand for power grows, the firm grew.\n"
    blocks = split_blocks(text)
    assert [(b.text, b.heading) for b in blocks] == [
        ("Why Quarn Cables Matter For Data Centers", True),
        ("As demand for power grows, the firm grew.", False),
    ]
    assert "Data Centers\n\nAs demand" in markdown_to_text(text)

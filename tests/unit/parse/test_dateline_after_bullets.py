"""A dateline after a bullet list of highlights (a reposted release, one block per bullet)."""

from __future__ import annotations

from services.parse.core import parse_submission
from shared.models import ContentType, ParsedRelease, Submission

BULLETS = "".join(f"* Quorvane highlight number {n} of the year\n" for n in range(1, 5))


def _parse(body: str) -> ParsedRelease:
    return parse_submission("t", Submission(body=body, content_type=ContentType.MARKDOWN))


def test_a_dateline_after_a_bullet_list_is_read() -> None:
    body = (
        "# Quorvane Marks 40 Years in Graz\n\n"
        f"{BULLETS}\n"
        "LINZ, Ohio, July 21, 2025 /PRNewswire/ — Quorvane will mark its 40th year.\n\n"
        "The plant opened in 1985.\n"
    )
    parsed = _parse(body)
    assert parsed.dateline.city == "LINZ"
    assert parsed.dateline.date == "2025-07-21"
    assert parsed.paragraphs[-2].startswith("Quorvane will mark")


def test_bullets_do_not_make_a_later_paragraph_a_dateline() -> None:
    # Past the look-ahead of ordinary blocks, nothing is taken for a dateline.
    body = (
        "# Quorvane Marks 40 Years\n\n"
        f"{BULLETS}\n"
        "First paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n\n"
        "LINZ, Ohio, July 21, 2025 /PRNewswire/ — Late text.\n"
    )
    assert _parse(body).dateline.city is None

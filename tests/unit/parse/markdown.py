"""A release body parsed as the API parses a Markdown submission, for tests of one field."""

from __future__ import annotations

from services.parse.core import parse_submission
from shared.models import ParsedRelease, Submission


def parsed_markdown(body: str, release_id: str = "t") -> ParsedRelease:
    return parse_submission(release_id, Submission(body=body, content_type="text/markdown"))

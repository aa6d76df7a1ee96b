"""Entry point of the parse core (pure: no Redis, Celery, clock or environment)."""

from __future__ import annotations

from shared.models import ParsedRelease, Submission


def parse_submission(release_id: str, submission: Submission) -> ParsedRelease:
    """Read a submission into a ParsedRelease. Raises ``shared.errors.ParseError``."""
    raise NotImplementedError("being written")

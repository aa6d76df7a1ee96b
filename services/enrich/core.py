"""Entry point of the enrich core (pure once loaded: no Redis, Celery, clock or environment)."""

from __future__ import annotations

from shared.models import EnrichedRelease, ParsedRelease


class Enricher:
    """Holds the loaded models, gazetteers and taxonomy; load once per worker process."""

    def enrich(self, parsed: ParsedRelease) -> EnrichedRelease:
        return self.enrich_many([parsed])[0]

    def enrich_many(self, releases: list[ParsedRelease]) -> list[EnrichedRelease]:
        raise NotImplementedError("being written")


def load_enricher() -> Enricher:
    """The process-wide Enricher (cached); call before forking a worker pool."""
    return Enricher()

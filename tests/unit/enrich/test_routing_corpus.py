"""Each industry's rules at work on releases the project wrote (tests/fixtures/enrich/)."""

from __future__ import annotations

import json

import pytest

from services.enrich.core import Enricher
from tests.unit.enrich.conftest import FIXTURES, read_fixture

EXPECTED = {
    k: v for k, v in json.loads((FIXTURES / "expected_channels.json").read_text()).items()
    if k.endswith(".txt")
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_routed(enricher: Enricher, name: str) -> None:
    parsed = read_fixture(name).model_copy(update={"channels": []})
    release = enricher.enrich(parsed)
    slugs = release.channel_slugs()
    assert set(EXPECTED[name]["must"]) <= slugs, (slugs, [c.reason for c in release.channels])
    assert not set(EXPECTED[name]["must_not"]) & slugs, slugs
    for channel in release.channels:
        assert channel.reason.startswith(("rule:", "entity:")), channel


def test_declared_known_channel_kept_with_reason(enricher: Enricher) -> None:
    parsed = read_fixture("banking.txt").model_copy(update={"channels": ["Retail", "Nonsense"]})
    release = enricher.enrich(parsed)
    retail = next(c for c in release.channels if c.slug == "retail")
    assert retail.reason == "declared by the producer"
    assert release.declared_channels == ["Retail", "Nonsense"]
    assert "nonsense" not in release.channel_slugs()


def test_taxonomy_size_and_iptc() -> None:
    from shared.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    assert len(taxonomy.of_kind("industry")) >= 80
    topics = taxonomy.of_kind("topic")
    assert len(topics) >= 20
    assert all(t.iptc and t.iptc.startswith("medtop:") for t in topics)
    assert taxonomy.resolve("Military Industry").slug == "military-industry"  # type: ignore[union-attr]

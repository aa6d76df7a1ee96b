from __future__ import annotations

import pytest
from pydantic import ValidationError

from shared import ids
from shared.models import ParsedRelease, Submission
from shared.settings import Settings
from shared.taxonomy import load_taxonomy, slugify
from shared.topology import ROUTES, WORKER_STAGES, Stage, task_routes


def test_every_worker_stage_has_its_own_queue_and_task() -> None:
    queues = {r.queue for r in ROUTES.values()}
    assert len(queues) == len(WORKER_STAGES) == 4
    assert task_routes()["pressroom.parse.run"] == {"queue": "pressroom.parse"}
    assert Stage.INGEST not in ROUTES


def test_slugs() -> None:
    assert slugify("Military Industry") == "military-industry"
    assert (
        slugify("Banking, Finance & Investment Industry") == "banking-finance-investment-industry"
    )
    assert slugify("Côte d'Ivoire") == "cote-d-ivoire"


def test_taxonomy_has_every_country_and_state() -> None:
    taxonomy = load_taxonomy()
    assert taxonomy.region_for_country("MX").name == "Mexico"  # type: ignore[union-attr]
    assert taxonomy.region_for_subdivision("US-TX").name == "Texas"  # type: ignore[union-attr]
    assert len([c for c in taxonomy.of_kind("region") if c.country and not c.subdivision]) >= 240


def test_release_ids() -> None:
    assert ids.release_id("ext-1", "p") == ids.release_id("ext-1", "p")
    assert ids.release_id("ext-1", "p") != ids.release_id("ext-1", "q")
    assert ids.release_id(None) != ids.release_id(None)


def test_documents_refuse_unknown_fields() -> None:
    with pytest.raises(ValidationError):
        Submission.model_validate({"body": "x", "bodyy": "y"})


def test_body_text_joins_paragraphs() -> None:
    doc = ParsedRelease(id="r", headline="h", paragraphs=["a b", "c"])
    assert doc.body_text == "a b\n\nc"


def test_time_limit_must_stay_below_visibility_timeout() -> None:
    with pytest.raises(ValueError, match="VISIBILITY"):
        Settings(visibility_timeout=60, task_time_limit=60)

"""Fuzz the HTTP API with schemathesis against its own OpenAPI schema (/openapi.json of a
running API): no 5xx, and every status code, content type and body the API answers is
one its schema declares. Positive cases (valid by the schema) and negative ones (not).

Bounded for CI (``PRESSROOM_FUZZ_EXAMPLES`` per operation and mode, default 25: about a
minute); an API-only system of its own, so fuzzed subscriptions never reach other tests.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import CHECKS, not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from services.cli.system import System
from shared.redis_server import free_port
from tests.faults.client import api_session
from tests.support.hostile import CORPUS

EXAMPLES = int(os.environ.get("PRESSROOM_FUZZ_EXAMPLES", "25"))
CHECKS_RUN = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]

pytestmark = pytest.mark.timeout(600)

# Known schema mismatches (operation, mode, check) the test tolerates and prints; empty
# since the API documents every error it answers. Anything not listed fails the test.
KNOWN: dict[tuple[str, str, str], str] = {}


@pytest.fixture(scope="module")
def api_system(tmp_path_factory: pytest.TempPathFactory) -> Iterator[System]:
    data = tmp_path_factory.mktemp("fuzz")
    running = System(
        data_dir=data,
        api_port=free_port(),
        log_path=data / "system.log",
        stages=[],  # the API alone (and the scheduler): fuzzing exercises intake, not workers
        extra_env={"PRESSROOM_RATE_LIMIT_PER_MINUTE": "1000000", "PRESSROOM_LOG_LEVEL": "WARNING"},
    )
    running.start(wait=120)
    yield running
    running.stop()


def fuzz_operation(operation, base_url: str, session, mode: GenerationMode) -> list[str]:  # type: ignore[no-untyped-def]
    """Run one operation's examples; the failures as one line each (first per kind)."""
    failures: dict[str, str] = {}

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,  # the same examples on every CI run
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def check(case) -> None:  # type: ignore[no-untyped-def]
        try:
            case.call_and_validate(
                base_url=base_url, session=session, headers=dict(session.headers), checks=CHECKS_RUN
            )
        except (Exception, FailureGroup) as exc:  # collected, reported together below
            lines = [ln.strip() for ln in str(exc).splitlines() if ln.strip()]
            codes = [ln for ln in lines if ln[:2] == "- " or ln.startswith("Received")]
            kind = type(exc).__name__ + ": " + " / ".join(codes or lines[:1])[:200]
            failures.setdefault(kind, f"{kind}\n    {case.as_curl_command()[:400]}")

    try:
        check()
    except Unsatisfiable:
        return []  # nothing to make invalid (no parameters, no body): negative mode is moot
    out = []
    for text in failures.values():
        code = next((w for w in text.split() if w.startswith("ST") and w[2:].isdigit()), "")
        if {(operation.label, mode.value, code), ("*", mode.value, code)} & KNOWN.keys():
            print(f"known: {operation.label} [{mode.value}] {code}")
            continue
        out.append(f"{operation.label} [{mode.value}] {text}")
    return out


def test_api_conforms_to_its_schema_under_fuzzing(api_system: System) -> None:
    session = api_session(api_system.data_dir)
    assert "Authorization" in session.headers or not (api_system.data_dir / "api-key").exists()
    schema = schemathesis.openapi.from_url(
        f"{api_system.api_url}/openapi.json", headers=dict(session.headers)
    )
    failures: list[str] = []
    operations = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            failures += fuzz_operation(operation, api_system.api_url, session, mode)
    assert operations >= 8
    assert failures == [], "\n".join(failures)


def test_checks_exist() -> None:
    # Guards against a schemathesis upgrade renaming the checks this test relies on.
    names = {c.__name__ for c in CHECKS.get_all()}
    assert {c.__name__ for c in CHECKS_RUN} <= names


@pytest.mark.parametrize("name", list(CORPUS))
def test_hostile_release_through_the_api_is_accepted_or_refused_clearly(
    api_system: System, name: str
) -> None:
    """202 (the workers handle it: tests/unit/test_hostile_releases.py), or a 4xx naming why."""
    content_type, data = CORPUS[name]
    session = api_session(api_system.data_dir)
    response = session.post(
        f"{api_system.api_url}/v1/releases",
        data=data,
        headers={"content-type": content_type},
        timeout=60,
    )
    assert response.status_code in (202, 413, 415, 422), (response.status_code, response.text)
    if response.status_code != 202:
        assert response.json()["error"], response.text

"""Producers and access: keys, scopes, rate limits shared across API processes,
idempotency (also under concurrent duplicates), and secrets kept out of logs."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from services.cli.system import System
from shared.logging import configure_logging, get_logger
from shared.redis_server import free_port
from tests.support.wire import DEFENCE_RELEASE, wait_for

ROOT = Path(__file__).resolve().parents[2]


def make_key(system: System, **body: object) -> dict:
    response = system.http.post(f"{system.api_url}/v1/keys", json=body, timeout=10)
    assert response.status_code == 201, response.text
    return dict(response.json())


def post_release(
    base: str, key: str | None, body: str = DEFENCE_RELEASE, **kw: object
) -> requests.Response:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    headers.update(kw.pop("headers", {}))  # type: ignore[arg-type]
    return requests.post(
        f"{base}/v1/releases", json={"body": body, **kw}, headers=headers, timeout=10
    )


def test_missing_bad_and_revoked_keys_are_401(system: System) -> None:
    assert post_release(system.api_url, None).status_code == 401
    assert post_release(system.api_url, "prk_000000000000_" + "x" * 43).status_code == 401
    assert post_release(system.api_url, "nonsense").status_code == 401
    key = make_key(system, producer="acme")
    assert post_release(system.api_url, key["key"]).status_code == 202
    revoked = system.http.delete(f"{system.api_url}/v1/keys/{key['id']}", timeout=10)
    assert revoked.json()["revoked_at"]
    answer = post_release(system.api_url, key["key"])
    assert answer.status_code == 401 and "revoked" in answer.json()["error"]
    assert answer.headers["www-authenticate"].startswith("Bearer")


def test_keys_are_shown_once_and_stored_hashed(system: System, system_store) -> None:
    key = make_key(system, producer="shown-once")
    listed = system.http.get(f"{system.api_url}/v1/keys", timeout=10).json()
    mine = next(k for k in listed if k["id"] == key["id"])
    assert "key" not in mine and "digest" not in mine
    secret_part = key["key"].split("_", 2)[2]
    dump = b"".join(system_store.r.dump(k) or b"" for k in system_store.r.scan_iter("pr:apikeys*"))
    assert secret_part.encode() not in dump


def test_scopes(system: System) -> None:
    submitter = make_key(system, producer="p1", scopes=["submit"])["key"]
    reader = make_key(system, producer="p2", scopes=["read"])["key"]
    defence_only = make_key(
        system, producer="p3", scopes=["submit"], channels=["Military Industry"]
    )["key"]
    subs = f"{system.api_url}/v1/subscriptions"
    assert (
        requests.get(subs, headers={"Authorization": f"Bearer {submitter}"}, timeout=10).status_code
        == 403
    )
    assert post_release(system.api_url, reader).status_code == 403
    assert (
        post_release(system.api_url, defence_only, channels=["Military Industry"]).status_code
        == 202
    )
    refused = post_release(system.api_url, defence_only, channels=["Retail"])
    assert refused.status_code == 403 and "Retail" in refused.json()["error"]
    release_id = post_release(system.api_url, submitter).json()["id"]
    status = requests.get(
        f"{system.api_url}/v1/releases/{release_id}",
        headers={"Authorization": f"Bearer {reader}"},
        timeout=10,
    )
    assert status.status_code == 200
    assert requests.get(f"{system.api_url}/v1/releases/{release_id}", timeout=10).status_code == 401


def test_idempotency_key_and_external_id_under_concurrent_retries(system: System) -> None:
    key = make_key(system, producer="retrier")["key"]

    def send(_: int) -> dict:
        answer = post_release(system.api_url, key, headers={"Idempotency-Key": "batch-7"})
        assert answer.status_code == 202
        return dict(answer.json())

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(send, range(16)))
    assert len({a["id"] for a in answers}) == 1
    assert sum(not a["duplicate"] for a in answers) == 1
    # Another producer's identical key is another release.
    other = make_key(system, producer="someone-else")["key"]
    theirs = post_release(system.api_url, other, headers={"Idempotency-Key": "batch-7"}).json()
    assert theirs["id"] != answers[0]["id"]
    first = post_release(system.api_url, key, external_id="ext-99").json()
    again = post_release(system.api_url, key, external_id="ext-99").json()
    assert again == {**first, "duplicate": True}


@pytest.fixture
def strict_apis(system: System, tmp_path: Path) -> Iterator[list[str]]:
    """Two more API processes on the same Redis, with a low rate limit and body dedupe on."""
    env = {
        **os.environ,
        "PRESSROOM_REDIS_URL": str(system.redis_url),
        "PRESSROOM_DATA_DIR": str(system.data_dir),
        "PRESSROOM_RATE_LIMIT_PER_MINUTE": "5",
        "PRESSROOM_DUPLICATE_WINDOW": "60",
        "PYTHONPATH": str(ROOT),
    }
    ports = [free_port(), free_port()]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "services.cli", "api", "--port", str(p)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for p in ports
    ]
    bases = [f"http://127.0.0.1:{p}" for p in ports]
    try:
        for base in bases:
            assert wait_for(lambda b=base: _up(b), bool, timeout=60)
        yield bases
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(10)


def _up(base: str) -> bool:
    try:
        return requests.get(base + "/healthz", timeout=1).ok
    except requests.RequestException:
        return False


def test_rate_limit_is_shared_by_all_api_processes(system: System, strict_apis: list[str]) -> None:
    key = make_key(system, producer="chatty")["key"]
    codes = [
        post_release(strict_apis[i % 2], key, body=f"{DEFENCE_RELEASE}\nNote {i}.").status_code
        for i in range(6)
    ]
    assert codes[:5] == [202] * 5
    assert codes[5] == 429
    limited = post_release(strict_apis[0], key, body="another")
    assert limited.status_code == 429
    assert 1 <= int(limited.headers["retry-after"]) <= 60
    # Another key has its own budget.
    assert (
        post_release(strict_apis[1], make_key(system, producer="quiet")["key"]).status_code == 202
    )


def test_identical_body_from_one_producer_is_a_duplicate(
    system: System, strict_apis: list[str]
) -> None:
    key = make_key(system, producer="repeater")["key"]
    body = DEFENCE_RELEASE + "\nRepeated once."
    first = post_release(strict_apis[0], key, body=body).json()
    second = post_release(strict_apis[1], key, body=body).json()
    assert (second["id"], second["duplicate"], first["duplicate"]) == (first["id"], True, False)
    other = make_key(system, producer="not-the-repeater")["key"]
    assert post_release(strict_apis[0], other, body=body).json()["duplicate"] is False


def test_secrets_never_reach_the_logs(system: System, subscribe) -> None:
    sub = subscribe("http://127.0.0.1:9/hook", ["Military Industry"])
    key = make_key(system, producer="logged")["key"]
    post_release(system.api_url, key)
    post_release(system.api_url, key + "tampered")
    log = (system.data_dir / "system.log").read_text(errors="replace") if system.log_path else ""
    for secret in (key, key.split("_", 2)[2], sub["secret"], system.admin_key):
        assert secret not in log


def test_redaction_runs_in_the_real_logging_chain() -> None:
    stream = io.StringIO()
    configure_logging("INFO", "json", stream=stream)
    try:
        log = get_logger("test")
        token = "prk_0123456789ab_" + "s" * 43
        log.info(
            "request",
            authorization=f"Bearer {token}",
            secret="whsec_c2VjcmV0c2VjcmV0c2VjcmV0",
            detail=f"client sent {token} and signature v1,{'A' * 43}=",
            nested={"api_key": token, "fine": "kept"},
        )
        try:
            raise ValueError(f"bad key {token}")
        except ValueError:
            log.exception("failed")
    finally:
        configure_logging()
    out = stream.getvalue()
    assert "prk_0123456789ab" not in out and "whsec_" not in out and "A" * 43 not in out
    first = json.loads(out.splitlines()[0])
    assert first["authorization"] == "[redacted]" and first["nested"]["fine"] == "kept"
    assert "[redacted]" in json.loads(out.splitlines()[1])["exception"]

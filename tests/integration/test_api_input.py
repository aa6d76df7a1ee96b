"""Bad input gets a 4xx with a reason, and nothing is half-stored."""

from __future__ import annotations

import pytest

from services.cli.system import System
from shared.store import Store


def release_keys(store: Store) -> int:
    return sum(1 for _ in store.r.scan_iter("pr:release:*"))


@pytest.mark.parametrize(
    ("body", "headers", "status", "reason"),
    [
        (b"", {"content-type": "text/plain"}, 422, "empty"),
        (b"   \n ", {"content-type": "text/plain"}, 422, "empty"),
        (b"hello", {"content-type": "application/pdf"}, 415, "unsupported Content-Type"),
        (b"hello", {}, 415, "Content-Type"),
        (b'{"body": "x"', {"content-type": "application/json"}, 422, "malformed JSON"),
        (b"[1, 2]", {"content-type": "application/json"}, 422, "object"),
        (b'{"body": 5}', {"content-type": "application/json"}, 422, "body"),
        (b'{"body": "x", "channels": "a"}', {"content-type": "application/json"}, 422, "channels"),
        (b'{"body": "x", "colour": 1}', {"content-type": "application/json"}, 422, "colour"),
        (b'{"body": "  "}', {"content-type": "application/json"}, 422, "body"),
        (
            b'{"body": "x", "content_type": "image/png"}',
            {"content-type": "application/json"},
            422,
            "content_type",
        ),
        (b"caf\xe9", {"content-type": "text/plain"}, 422, "UTF-8"),
        (b"hello", {"content-type": "text/plain; charset=klingon"}, 422, "charset"),
        (
            b'{"body": "x", "channels": ["Underwater Basket Weaving"]}',
            {"content-type": "application/json"},
            422,
            "Underwater Basket Weaving",
        ),
    ],
)
def test_bad_submission_is_refused_with_reason(
    system: System, system_store: Store, body: bytes, headers: dict, status: int, reason: str
) -> None:
    before = release_keys(system_store)
    response = system.http.post(
        f"{system.api_url}/v1/releases", data=body, headers=headers, timeout=10
    )
    assert response.status_code == status, response.text
    assert reason in response.json()["error"]
    assert release_keys(system_store) == before


def test_body_over_the_limit_is_refused_while_reading(system: System, system_store: Store) -> None:
    before = release_keys(system_store)
    big = b"x" * (1024 * 1024 + 1)

    def chunks():  # no Content-Length: the limit must hold while streaming
        for i in range(0, len(big), 65536):
            yield big[i : i + 65536]

    response = system.http.post(
        f"{system.api_url}/v1/releases",
        data=chunks(),
        headers={"content-type": "text/plain"},
        timeout=30,
    )
    assert response.status_code == 413
    assert "limit" in response.json()["error"]
    assert release_keys(system_store) == before


def test_latin1_body_with_declared_charset_is_accepted(system: System) -> None:
    response = system.http.post(
        f"{system.api_url}/v1/releases",
        data="Café opens in Montréal\n\nA new café opened today.".encode("latin-1"),
        headers={"content-type": "text/plain; charset=latin-1"},
        timeout=10,
    )
    assert response.status_code == 202, response.text


def test_unknown_release_is_404(system: System) -> None:
    response = system.http.get(f"{system.api_url}/v1/releases/rel_nope", timeout=10)
    assert response.status_code == 404
    assert "rel_nope" in response.json()["error"]


def test_subscription_lifecycle_and_validation(system: System) -> None:
    base = f"{system.api_url}/v1/subscriptions"
    bad = system.http.post(base, json={"url": "not a url", "channels": ["Technology"]}, timeout=10)
    assert bad.status_code == 422 and "url" in bad.json()["error"]
    unknown = system.http.post(
        base, json={"url": "http://127.0.0.1:1/x", "channels": ["Nope"]}, timeout=10
    )
    assert unknown.status_code == 422 and "Nope" in unknown.json()["error"]
    created = system.http.post(
        base, json={"url": "http://127.0.0.1:1/x", "channels": ["Military Industry"]}, timeout=10
    )
    assert created.status_code == 201
    sub = created.json()
    assert sub["channels"] == ["military-industry"]
    assert sub["id"] in {s["id"] for s in system.http.get(base, timeout=10).json()}
    assert system.http.get(f"{base}/{sub['id']}", timeout=10).json()["url"] == "http://127.0.0.1:1/x"
    assert system.http.delete(f"{base}/{sub['id']}", timeout=10).status_code == 204
    assert system.http.delete(f"{base}/{sub['id']}", timeout=10).status_code == 404


def test_health_and_openapi(system: System) -> None:
    assert system.http.get(f"{system.api_url}/healthz", timeout=10).json()["status"] == "ok"
    schema = system.http.get(f"{system.api_url}/openapi.json", timeout=10).json()
    assert "/v1/releases" in schema["paths"]
    content = schema["paths"]["/v1/releases"]["post"]["requestBody"]["content"]
    assert {"application/json", "text/plain", "text/html", "text/markdown"} <= set(content)

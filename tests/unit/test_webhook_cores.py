"""Signing, the SSRF guard, attempt outcomes, feeds and cursors: the pure parts of distribution."""

from __future__ import annotations

import ipaddress
import random
from datetime import UTC, datetime, timedelta

import feedparser
import pytest
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from services.deliver.outcome import disable_reason, record_attempt
from services.deliver.policy import AttemptResult, Verdict
from services.deliver.signing import webhook_headers
from services.deliver.ssrf import parse_networks, refusal
from services.ingest.feeds import FeedItem, build_feed, decode_cursor, encode_cursor
from shared.errors import InputError
from shared.models import Delivery, DeliveryStatus
from shared.secrets import SecretBox, SigningSecrets, new_webhook_secret, secret_key_bytes

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)


def test_signature_verifies_with_the_standard_webhooks_library() -> None:
    secret = new_webhook_secret()
    body = b'{"a":1}'
    headers = webhook_headers([secret], "msg_1", int(datetime.now(UTC).timestamp()), body)
    assert Webhook(secret).verify(body, headers) == {"a": 1}
    with pytest.raises(WebhookVerificationError):
        Webhook(new_webhook_secret()).verify(body, headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(secret).verify(b'{"a":2}', headers)


def test_two_secrets_sign_during_a_rotation_and_each_verifies() -> None:
    old, new = new_webhook_secret(), new_webhook_secret()
    body = b"{}"
    headers = webhook_headers([new, old], "msg_2", int(datetime.now(UTC).timestamp()), body)
    assert headers["webhook-signature"].count("v1,") == 2
    for secret in (old, new):
        Webhook(secret).verify(body, headers)


def test_secrets_are_long_and_sealed_at_rest() -> None:
    secret = new_webhook_secret()
    assert secret.startswith("whsec_") and len(secret_key_bytes(secret)) >= 24
    from cryptography.fernet import Fernet

    box = SecretBox(Fernet.generate_key())
    sealed = box.seal(SigningSecrets(current=secret))
    assert secret not in sealed and secret_key_bytes(secret).hex() not in sealed
    assert box.open(sealed).current == secret


def test_rotation_grace_period() -> None:
    s = SigningSecrets(current="whsec_new", previous="whsec_old", previous_until=100.0)
    assert s.active(99.0) == ["whsec_new", "whsec_old"]
    assert s.active(100.0) == ["whsec_new"]


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
        "224.0.0.1", "0.0.0.0", "240.0.0.1", "::1", "fe80::1", "fc00::1",
        "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::",
    ],
)  # fmt: skip
def test_private_and_special_addresses_are_refused(address: str) -> None:
    assert refusal(ipaddress.ip_address(address), []) is not None


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:2800:220:1::1"])
def test_public_addresses_pass(address: str) -> None:
    assert refusal(ipaddress.ip_address(address), []) is None


def test_operator_allowed_networks() -> None:
    allowed = parse_networks("127.0.0.0/8, 10.9.0.0/16")
    assert refusal(ipaddress.ip_address("127.0.0.5"), allowed) is None
    assert refusal(ipaddress.ip_address("10.9.1.1"), allowed) is None
    assert refusal(ipaddress.ip_address("10.8.1.1"), allowed) is not None
    with pytest.raises(ValueError, match="nonsense"):
        parse_networks("nonsense")


def delivery() -> Delivery:
    return Delivery(id="msg_1", release_id="r", subscription_id="s", url="http://x", created_at=NOW)


def test_outcomes_of_an_attempt() -> None:
    rng = random.Random(3)
    ok = record_attempt(delivery(), AttemptResult(200, 12.0), NOW, rng)
    assert ok.delivery.status is DeliveryStatus.SUCCEEDED and ok.delivery.delivered_at == NOW
    retry = record_attempt(delivery(), AttemptResult(503, 5.0, "HTTP 503"), NOW, rng)
    assert retry.delivery.status is DeliveryStatus.RETRYING and not retry.exhausted
    assert retry.delivery.next_attempt_at is not None and retry.delivery.next_attempt_at <= NOW
    second = record_attempt(retry.delivery, AttemptResult(503, 5.0), NOW, rng)
    assert (
        NOW + timedelta(seconds=4) <= second.delivery.next_attempt_at <= NOW + timedelta(seconds=6)
    )  # type: ignore[operator]
    bad = record_attempt(delivery(), AttemptResult(404, 5.0, "HTTP 404"), NOW, rng)
    assert bad.delivery.status is DeliveryStatus.FAILED and bad.exhausted
    gone = record_attempt(delivery(), AttemptResult(410, 5.0), NOW, rng)
    assert gone.verdict is Verdict.GONE
    last = delivery().model_copy(update={"attempts": 8})
    out = record_attempt(last, AttemptResult(500, 1.0), NOW, rng)
    assert out.delivery.status is DeliveryStatus.FAILED and out.exhausted


def test_disable_after_a_streak_or_days_of_failure() -> None:
    day = 86400.0
    assert disable_reason(5, 0, 10, max_in_a_row=5, max_failing_days=5) is not None
    assert disable_reason(1, 0, 5 * day, max_in_a_row=5, max_failing_days=5) is not None
    assert disable_reason(1, 0, 4 * day, max_in_a_row=5, max_failing_days=5) is None


def test_feeds_are_valid_atom_and_rss() -> None:
    items = [
        FeedItem(
            f"rel_{i}",
            f"Headline {i} & more",
            f"Summary {i}",
            NOW - timedelta(hours=i),
            f"http://h/v1/releases/rel_{i}",
        )
        for i in range(3)
    ]
    for kind in ("atom", "rss"):
        parsed = feedparser.parse(
            build_feed(
                kind, "Military Industry", "military-industry", "http://h/f", "http://h", items, NOW
            )
        )
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert [e.title for e in parsed.entries] == [
            "Headline 0 & more",
            "Headline 1 & more",
            "Headline 2 & more",
        ]


def test_cursor_round_trip_and_garbage() -> None:
    assert decode_cursor(encode_cursor(1700000000.125, "rel_a")) == (1700000000.125, "rel_a")
    with pytest.raises(InputError, match="cursor"):
        decode_cursor("%%%")


def test_secret_key_rotation_with_several_keys() -> None:
    from cryptography.fernet import Fernet

    old, new = Fernet.generate_key(), Fernet.generate_key()
    sealed_old = SecretBox(old).seal(SigningSecrets(current="whsec_a"))
    both = SecretBox(new + b"," + old)
    assert both.open(sealed_old).current == "whsec_a"
    resealed = both.reseal(sealed_old)
    assert SecretBox(new).open(resealed).current == "whsec_a"

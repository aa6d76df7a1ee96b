"""Webhook signing secrets: made here, kept encrypted at rest, decrypted only to sign.

A subscription's secret is a Standard Webhooks secret (``whsec_`` + base64 of 32
random bytes). It is shown once, when made, and stored in Redis encrypted with
Fernet under the operator's key, so a Redis dump or a log line never holds it in
clear. The key comes from ``PRESSROOM_SECRET_KEY`` or, failing that, the file
``$PRESSROOM_DATA_DIR/secret-key`` (which `pressroom up` creates on first start).
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from shared.errors import PressroomError

SECRET_PREFIX = "whsec_"
SECRET_BYTES = 32


class SecretKeyMissing(PressroomError):
    pass


def new_webhook_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


def secret_key_bytes(secret: str) -> bytes:
    """The HMAC key inside a ``whsec_`` secret."""
    return base64.b64decode(secret.removeprefix(SECRET_PREFIX))


def ensure_key_file(path: Path) -> None:
    """Create the encryption key file (mode 0600) unless it exists."""
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(Fernet.generate_key())


def load_key(env_value: str | None, key_file: Path) -> bytes:
    if env_value:
        return env_value.encode()
    try:
        return key_file.read_bytes().strip()
    except FileNotFoundError:
        raise SecretKeyMissing(
            f"no PRESSROOM_SECRET_KEY and no key file at {key_file}; "
            "create one with `pressroom keygen` or set the variable"
        ) from None


@dataclass(frozen=True)
class SigningSecrets:
    """The secrets that sign a subscription's deliveries: the current one and, during a
    rotation's grace period, the previous one."""

    current: str
    previous: str | None = None
    previous_until: float | None = None

    def active(self, now: float) -> list[str]:
        keep_previous = self.previous and self.previous_until and now < self.previous_until
        return [self.current, self.previous] if keep_previous else [self.current]  # type: ignore[list-item]


class SecretBox:
    """Seals with the first key; opens with any. ``PRESSROOM_SECRET_KEY`` may list several
    keys, comma-separated, newest first: that is how the key is rotated (add the new one
    in front, run `pressroom secrets reseal`, then drop the old one)."""

    def __init__(self, key: bytes) -> None:
        self._fernet = MultiFernet([Fernet(k.strip()) for k in key.split(b",") if k.strip()])

    def reseal(self, token: str) -> str:
        """The same secrets sealed with the newest key."""
        try:
            return self._fernet.rotate(token.encode()).decode()
        except InvalidToken:
            raise SecretKeyMissing("cannot decrypt a subscription secret with any key") from None

    def seal(self, value: SigningSecrets) -> str:
        plain = json.dumps(value.__dict__).encode()
        return self._fernet.encrypt(plain).decode()

    def open(self, token: str) -> SigningSecrets:
        try:
            data = json.loads(self._fernet.decrypt(token.encode()))
        except InvalidToken:
            raise SecretKeyMissing(
                "cannot decrypt a subscription secret: PRESSROOM_SECRET_KEY differs from the "
                "key it was stored with"
            ) from None
        return SigningSecrets(**data)

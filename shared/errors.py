"""pressroom's errors, one tree for every service.

    PressroomError
    ├── InputError            bad input from a producer or operator: HTTP 4xx, CLI exit 2
    │   ├── ParseError        the body holds no readable release
    │   ├── UnknownChannel    a declared channel that the taxonomy does not know
    │   └── PayloadTooLarge   over PRESSROOM_MAX_BODY_BYTES
    ├── AccessError           who may do what: 401 (no or bad key), 403 (out of scope), 429
    │   ├── Unauthorized
    │   ├── Forbidden
    │   └── RateLimited       carries Retry-After
    ├── NotFound              no such release, subscription or delivery
    ├── TransientError        worth retrying: Redis hiccups, a subscriber that is down
    │   └── DeliveryRetry     one webhook attempt failed in a way that may pass
    └── PermanentDeliveryError  a webhook attempt that must not be retried (4xx, refused target)

Code at a boundary (HTTP, Celery, requests) maps foreign exceptions into this
tree once, so the cores never see library exceptions and the adapters never
guess at strings.
"""

from __future__ import annotations


class PressroomError(Exception):
    """Base of every error pressroom raises on purpose."""


class InputError(PressroomError):
    """The input is wrong; the message says how, in one line."""

    status_code = 422


class ParseError(InputError):
    status_code = 422


class UnknownChannel(InputError):
    status_code = 422


class PayloadTooLarge(InputError):
    status_code = 413


class UnsupportedContentType(InputError):
    status_code = 415


class AccessError(PressroomError):
    status_code = 401
    headers: dict[str, str] = {}  # noqa: RUF012 - read-only class default


class Unauthorized(AccessError):
    status_code = 401
    headers = {"WWW-Authenticate": 'Bearer realm="pressroom"'}  # noqa: RUF012


class Forbidden(AccessError):
    status_code = 403


class RateLimited(AccessError):
    status_code = 429

    def __init__(self, retry_after: float):
        super().__init__(f"rate limit reached; retry in {retry_after:.0f} s")
        self.headers = {"Retry-After": str(max(1, round(retry_after + 0.5)))}


class NotFound(PressroomError):
    status_code = 404


class TransientError(PressroomError):
    """Retrying later may succeed."""


class DeliveryRetry(TransientError):
    def __init__(
        self, reason: str, status_code: int | None = None, retry_after: float | None = None
    ):
        super().__init__(reason)
        self.reason = reason
        self.status_code = status_code
        self.retry_after = retry_after


class PermanentDeliveryError(PressroomError):
    def __init__(self, reason: str, status_code: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.status_code = status_code

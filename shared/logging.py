"""structlog set-up: one JSON object a line, with context bound per task or request.

Workers bind ``release_id``, ``stage`` and ``task_id`` with
``structlog.contextvars`` at the start of each task (see ``shared.celery_app``), so
every line a task logs carries them without threading loggers through calls.
"""

from __future__ import annotations

import logging
import re
import sys
from typing import Any, TextIO

import structlog

# Keys whose values never reach a log line, whatever logs them.
SECRET_KEYS = frozenset(
    {
        "authorization", "api_key", "token", "secret", "webhook_secret",
        "signature", "webhook-signature", "password", "secret_key",
    }
)  # fmt: skip
# Secrets recognised by their shape wherever they appear in a value (a message, an
# exception's text): API keys, webhook secrets, bearer tokens, webhook signatures.
SECRET_PATTERNS = re.compile(
    r"prk_[0-9a-f]{12}_[A-Za-z0-9_-]+"
    r"|whsec_[A-Za-z0-9+/=]+"
    r"|(?i:bearer)\s+[A-Za-z0-9._~+/=-]+"
    r"|v1,[A-Za-z0-9+/]{20,}={0,2}"
)
REDACTED = "[redacted]"


def _scrub(value: Any) -> Any:
    if isinstance(value, str):
        return SECRET_PATTERNS.sub(REDACTED, value)
    if isinstance(value, dict):
        return {
            k: REDACTED if str(k).lower() in SECRET_KEYS else _scrub(v) for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [_scrub(v) for v in value]
    return value


def redact_secrets(
    _logger: Any, _method: str, event_dict: structlog.types.EventDict
) -> structlog.types.EventDict:
    """Drop secret-named fields and any secret-shaped text, on every line."""
    for key in list(event_dict):
        if key.lower() in SECRET_KEYS:
            event_dict[key] = REDACTED
        else:
            event_dict[key] = _scrub(event_dict[key])
    return event_dict


def configure_logging(level: str = "INFO", fmt: str = "json", stream: TextIO | None = None) -> None:
    renderer: structlog.types.Processor
    if fmt == "console":
        renderer = structlog.dev.ConsoleRenderer(colors=False)
    else:
        renderer = structlog.processors.JSONRenderer()
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.format_exc_info,
            redact_secrets,  # after exceptions are rendered, so their text is scrubbed too
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(
            logging.getLevelNamesMapping().get(level.upper(), logging.INFO)
        ),
        logger_factory=structlog.PrintLoggerFactory(stream or sys.stderr),
        cache_logger_on_first_use=False,
    )


def get_logger(name: str | None = None) -> structlog.stdlib.BoundLogger:
    logger: structlog.stdlib.BoundLogger = structlog.get_logger(name)
    return logger

"""Turn an HTTP request body into a validated Submission (pure).

Two shapes are accepted on ``POST /v1/releases``: a JSON Submission, or the raw
release as ``text/plain``, ``text/html`` or ``text/markdown``. Every way a body
can be wrong ends in an InputError whose message names the problem.
"""

from __future__ import annotations

import codecs
import json
from email.message import Message

from pydantic import ValidationError

from shared.errors import InputError, UnknownChannel, UnsupportedContentType
from shared.models import ContentType, Submission
from shared.taxonomy import Taxonomy

RAW_TYPES = {t.value for t in ContentType}
JSON_TYPE = "application/json"


def parse_content_type(header: str | None) -> tuple[str, str | None]:
    """``text/plain; charset=latin-1`` -> (``text/plain``, ``latin-1``)."""
    if not header:
        raise UnsupportedContentType(
            "Content-Type is missing; send application/json, text/plain, text/html or text/markdown"
        )
    msg = Message()
    msg["content-type"] = header
    charset = msg.get_param("charset")
    return msg.get_content_type(), str(charset) if isinstance(charset, str) else None


def decode_text(data: bytes, charset: str | None) -> str:
    """Decode a raw body: the declared charset, else UTF-8 (a BOM is dropped)."""
    encoding = charset or "utf-8"
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"unknown charset {encoding!r}") from None
    if encoding.lower().replace("_", "-") in {"utf-8", "utf8"}:
        encoding = "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"body is not valid {charset or 'UTF-8'} (byte {exc.start}); "
            "declare the charset, e.g. 'text/plain; charset=windows-1252'"
        ) from None


def submission_from_body(data: bytes, content_type_header: str | None) -> Submission:
    content_type, charset = parse_content_type(content_type_header)
    if content_type == JSON_TYPE:
        text = decode_text(data, charset)
        try:
            payload = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
            ) from None
        except RecursionError:  # 100,000 nested brackets: was a 500 (the hostile corpus)
            raise InputError("malformed JSON: nested too deeply") from None
        if not isinstance(payload, dict):
            raise InputError("JSON body must be an object with at least a 'body' field")
        return validate_submission(payload)
    if content_type in RAW_TYPES:
        if not data.strip():
            raise InputError("body is empty")
        return validate_submission(
            {"body": decode_text(data, charset), "content_type": content_type}
        )
    raise UnsupportedContentType(
        f"unsupported Content-Type {content_type!r}; "
        "send application/json, text/plain, text/html or text/markdown"
    )


def validate_submission(payload: dict[str, object]) -> Submission:
    try:
        return Submission.model_validate(payload)
    except ValidationError as exc:
        raise InputError(describe_validation_error(exc)) from None


def describe_validation_error(exc: ValidationError) -> str:
    """One line naming each bad field: ``channels.0: ...; body: Field required``."""
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"]) or "body"
        parts.append(f"{where}: {err['msg']}")
    return "; ".join(parts)


def check_declared_channels(submission: Submission, taxonomy: Taxonomy) -> None:
    unknown = taxonomy.unknown(submission.channels)
    if unknown:
        raise UnknownChannel("unknown channel(s): " + ", ".join(repr(u) for u in unknown))

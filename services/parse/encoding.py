"""Bytes to text: UTF-8 (with or without BOM) first, then a detected legacy charset.

Producers send UTF-8 almost always; the rest is mostly Latin-1/Windows-1252 from
old newsroom tools. Trying strict UTF-8 first is both the fastest path and the
only safe one (a detector can mistake short UTF-8 for something else).
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from shared.errors import ParseError

# A body that is mostly control bytes is a binary file, not a release.
_MAX_CONTROL_SHARE = 0.05
_ALLOWED_CONTROLS = {"\n", "\r", "\t", "\x0c"}


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in _ALLOWED_CONTROLS) or ch == "\ufffd")
    return bad / len(text)


def _try(data: bytes, charset: str) -> str | None:
    try:
        codecs.lookup(charset)
        return data.decode(charset)
    except (LookupError, UnicodeDecodeError, ValueError):
        return None


def decode_body(data: bytes, declared_charset: str | None = None) -> str:
    """Decode a release's bytes. Raises ParseError for binary or undecodable input."""
    if not data:
        raise ParseError("empty body")
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ParseError("body is binary (NUL bytes), not text")
    candidates: list[str] = []
    if data.startswith(codecs.BOM_UTF8):
        candidates.append("utf-8-sig")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates.append("utf-16")
    if declared_charset:
        candidates.append(declared_charset.strip().strip("\"'").lower())
    candidates.append("utf-8")
    for charset in candidates:
        text = _try(data, charset)
        if text is not None and _control_share(text) <= _MAX_CONTROL_SHARE:
            return text.removeprefix("\ufeff")
    # Not UTF-8: ask the detector, but only among encodings a producer plausibly
    # uses, so that random bytes are not "decoded" as some exotic code page.
    best = from_bytes(data, cp_isolation=["cp1252", "latin_1", "iso8859_15", "utf_16"]).best()
    if best is not None:
        text = str(best)
        if _control_share(text) <= _MAX_CONTROL_SHARE:
            return text
    raise ParseError("body is not readable text in UTF-8 or a Latin-1/Windows-1252 charset")

"""Reading release files for the CLI: content type from the name, text from the bytes."""

from __future__ import annotations

import sys
from pathlib import Path

from shared.models import ContentType

SUFFIX_TYPES = {
    ".html": ContentType.HTML,
    ".htm": ContentType.HTML,
    ".md": ContentType.MARKDOWN,
    ".markdown": ContentType.MARKDOWN,
}


def content_type_for(path: str) -> ContentType:
    return SUFFIX_TYPES.get(Path(path).suffix.lower(), ContentType.PLAIN)


def read_bytes(path: str) -> bytes:
    """A file's bytes; ``-`` reads standard input."""
    if path == "-":
        return sys.stdin.buffer.read()
    return Path(path).read_bytes()

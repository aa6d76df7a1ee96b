"""A corpus of hostile releases: what a careless or malicious producer sends.

Each case is (content type, body bytes), built deterministically so the figures in
docs/reliability.md can be reproduced. Sizes stay under the API's 1 MiB body limit
where the case is meant to pass the API (``huge_under_limit``) and go over it where the
limit itself is the answer (``huge_over_limit``).
"""

from __future__ import annotations

import random

PLAIN, HTML, MARKDOWN, JSON = "text/plain", "text/html", "text/markdown", "application/json"

LEAD = "Acme Robotics Opens Plant in Monterrey\n\nMONTERREY, Mexico, May 3, 2024 — "
SENTENCE = "Acme Robotics said the plant will employ 400 people by 2026. "
# Bidi overrides and isolates (the "Trojan Source" characters) and zero-width characters.
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


def _huge(size: int) -> bytes:
    paragraph = SENTENCE * 12 + "\n\n"
    body = LEAD + paragraph * (size // len(paragraph) + 1)
    return body.encode()[:size]


def _nested_html(depth: int) -> bytes:
    return ("<div>" * depth + LEAD + SENTENCE + "</div>" * depth).encode()


def _scripts() -> bytes:
    evil = (
        "<script>alert('x')</script><img src=x onerror=\"alert('y')\">"
        "<a href=\"javascript:alert('z')\">click</a><style>p{}</style>"
        '<iframe src="https://evil.example"></iframe>'
    )
    return (f"<html><body><h1>Acme Opens Plant</h1>{evil}<p>{LEAD}{SENTENCE}</p>"
            f"{evil * 50}</body></html>").encode()  # fmt: skip


def _controls() -> bytes:
    controls = "".join(chr(c) for c in [*range(0, 9), 11, 12, *range(14, 32), *range(127, 160)])
    return (LEAD + (SENTENCE + controls) * 200).encode()


def _bidi() -> bytes:
    return ("Acme\u202e gnp.exe\u202c Opens Plant\n\n" + LEAD + (SENTENCE + BIDI) * 200).encode()


def _zero_width() -> bytes:
    text = LEAD + SENTENCE * 200
    return ZERO_WIDTH[0].join(text).encode()  # one between every two characters


def _entities(n: int) -> bytes:
    tokens = ["&amp;", "&#x41;", "&#65;", "&nbsp;", "&bogus;", "&#xFFFFFFFF;", "&#0;"]
    rng = random.Random(6)
    return ("<p>" + LEAD + "".join(rng.choice(tokens) for _ in range(n)) + "</p>").encode()


def _entities_plain(n: int) -> bytes:
    return (LEAD + "&amp;" * n).encode()


def _binary(size: int) -> bytes:
    return random.Random(6).randbytes(size)


def _markdown_nesting(depth: int) -> bytes:
    return (">" * depth + " " + LEAD + "\n\n" + "[" * depth + "x" + "]" * depth).encode()


def _one_long_line(size: int) -> bytes:
    return ("A" * size).encode()


def _many_lines(n: int) -> bytes:
    return (LEAD + "\n" * n + SENTENCE).encode()


def _json_lone_surrogate() -> bytes:
    return b'{"body": "Acme \\ud800 Opens Plant \\udfff in Monterrey. ' + SENTENCE.encode() + b'"}'


def _json_deep() -> bytes:
    return b'{"body": "x", "channels": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"


CORPUS: dict[str, tuple[str, bytes]] = {
    "huge_under_limit": (PLAIN, _huge(1_000_000)),
    "huge_over_limit": (PLAIN, _huge(3_000_000)),
    "nested_html_50k": (HTML, _nested_html(50_000)),
    "script_tags": (HTML, _scripts()),
    "script_tags_as_plain": (PLAIN, _scripts()),
    "control_characters": (PLAIN, _controls()),
    "rtl_overrides": (PLAIN, _bidi()),
    "zero_width": (PLAIN, _zero_width()),
    "entities_100k_html": (HTML, _entities(100_000)),
    "entities_100k_plain": (PLAIN, _entities_plain(100_000)),
    "binary": (PLAIN, _binary(200_000)),
    "markdown_nesting": (MARKDOWN, _markdown_nesting(20_000)),
    "one_long_line": (PLAIN, _one_long_line(900_000)),
    "many_lines": (PLAIN, _many_lines(500_000)),
    "json_lone_surrogate": (JSON, _json_lone_surrogate()),
    "json_deep_nesting": (JSON, _json_deep()),
}

# Characters no parsed or enriched field may carry: controls, bidi controls, zero widths.
FORBIDDEN = set(BIDI + ZERO_WIDTH) | {chr(c) for c in [*range(0, 9), 11, 12, *range(14, 32)]}

"""Property tests: any text or HTML gives a ParsedRelease or a ParseError, nothing else, fast."""

from __future__ import annotations

import contextlib
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.parse.core import read_release
from services.parse.encoding import decode_body
from shared.errors import ParseError
from shared.models import ContentType, ParsedRelease, Submission

PROPERTY = settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.too_slow])

# Pieces of real release structure, so generated text reaches the deep paths.
FRAGMENTS = st.sampled_from(
    [
        "WASHINGTON, Oct. 18, 2016 — ",
        "SEATTLE--(BUSINESS WIRE)--",
        " /PRNewswire/ -- ",
        "(NewsUSA) - ",
        "--News Direct--",
        "“Quote here,” she said. ",
        '"Hello there friend," said Ann B. Cole. ',
        "About Acme\n",
        "Forward-Looking Statements\n",
        "Media Contact:\nJo Doe\njo@example.com\n+1 212-555-0100\n",
        "###\n",
        "- fin -\n",
        "Distribution channels: A, B\n",
        "There were 1 press releases posted in the last 24 hours and 2 in the last 365 days.\n",
        "# Heading\n",
        "* bullet\n",
        "[link](http://x)",
        "![img](http://y)",
        "  ",
        "\n\n",
        "\r\n",
        "\u00a0",
        "\u200d",
        "29 de mayo de 2024 – ",
    ]
)
TEXT = st.lists(st.one_of(FRAGMENTS, st.text(max_size=80)), max_size=30).map("".join)
TAGS = st.sampled_from(
    ["p", "div", "h1", "h2", "li", "ul", "script", "style", "nav", "header", "article", "br", "b"]
)


@st.composite
def html_documents(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 25))):
        tag = draw(TAGS)
        inner = draw(st.one_of(TEXT, st.text(max_size=40)))
        closing = draw(st.booleans())
        parts.append(f"<{tag}>{inner}" + (f"</{tag}>" if closing else ""))
    return draw(st.sampled_from(["", "<!DOCTYPE html><html><body>"])) + "".join(parts)


def _check(body: str, content_type: ContentType) -> None:
    if not body.strip():
        return  # Submission itself refuses an empty body.
    submission = Submission(body=body, content_type=content_type)
    started = time.perf_counter()
    try:
        result = read_release("p", submission)
    except ParseError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert isinstance(result, ParsedRelease)
        assert result.headline
        for paragraph in result.paragraphs:
            assert paragraph.strip()
    assert time.perf_counter() - started < 1.5


@PROPERTY
@given(TEXT)
def test_any_plain_text(body: str) -> None:
    _check(body, ContentType.PLAIN)


@PROPERTY
@given(TEXT)
def test_any_markdown(body: str) -> None:
    _check(body, ContentType.MARKDOWN)


@PROPERTY
@given(html_documents())
def test_any_html_never_passes_markup(body: str) -> None:
    _check(body, ContentType.HTML)
    if not body.strip():
        return
    try:
        result = read_release("p", Submission(body=body, content_type=ContentType.HTML))
    except ParseError:
        return
    for paragraph in result.paragraphs:
        assert "<script" not in paragraph and "<p>" not in paragraph


@settings(max_examples=300, deadline=1000)
@given(st.binary(max_size=500))
def test_any_bytes_decode_or_parse_error(data: bytes) -> None:
    try:
        text = decode_body(data)
    except ParseError:
        return
    assert isinstance(text, str)


def test_deep_nesting_is_bounded() -> None:
    body = "<div>" * 5000 + "Deep text here" + "</div>" * 5000
    started = time.perf_counter()
    with contextlib.suppress(ParseError):
        read_release("p", Submission(body=body, content_type=ContentType.HTML))
    assert time.perf_counter() - started < 2

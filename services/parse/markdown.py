"""Markdown to the reader's light Markdown, through markdown-it's HTML.

Rendering with markdown-it and reading the result with :mod:`.html` means
headings, lists, emphasis, links (their text is kept, the URL dropped) and
images (dropped) are handled by a maintained CommonMark parser, and raw HTML
inside the Markdown goes through the same sanitising walk as any HTML page.
"""

from __future__ import annotations

from markdown_it import MarkdownIt

from .blocks import split_glued_heading, split_lost_breaks
from .html import html_to_text

# "breaks": single line ends inside a paragraph stay line ends, because contact
# blocks (name / e-mail / phone on their own lines) rely on them.
_MD = MarkdownIt("commonmark", {"breaks": True, "html": True})


def markdown_to_text(source: str) -> str:
    # Rebuild paragraphs an archive joined with runs of spaces before markdown-it
    # collapses the spaces (and the evidence) into one.
    lines = ["\n\n".join(_paragraphs(line, source)) for line in source.split("\n")]
    return html_to_text(_MD.render("\n".join(lines)))


def _paragraphs(line: str, source: str) -> list[str]:
    """A line as its paragraphs: lost breaks split, then each glued heading apart."""
    paragraphs = []
    for part in split_lost_breaks(line):
        glued = split_glued_heading(part.strip(), source)
        paragraphs += list(glued) if glued else [part]
    return paragraphs

"""HTML to the light Markdown that the text reader understands.

Whole web pages arrive as well as fragments: the release is the ``<article>``
(or ``<main>``, or the body) with navigation, scripts, styles, forms and site
chrome removed. Only text leaves this module; no markup or script is passed
through. Block elements become blank-line separated blocks, headings become
``#`` lines and list items ``-`` lines, so one reader handles every format.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from shared.errors import ParseError

# Never part of a release's text.
_DROP = (
    "script, style, noscript, template, iframe, object, embed, svg, canvas, form, button, "
    "select, input, textarea, nav, header, footer, aside, menu, dialog, head"
)
_BLOCK = frozenset(
    [
        "address",
        "article",
        "blockquote",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
        "body",
        "html",
        "center",
    ]
)
_HEADINGS = {f"h{i}": "#" * i for i in range(1, 7)}
_WS = re.compile(r"\s+")
# Hostile input can nest elements thousands deep; the walker is iterative and
# stops descending past this depth rather than recursing.
_MAX_DEPTH = 400
# The HTML parser itself is quadratic in nesting depth (measured with lexbor: 10,000 levels
# 0.13 s, 20,000 0.5 s, 50,000 ~5 s), and text below _MAX_DEPTH is not read anyway. Markup
# that opens more elements than this without closing them is refused before parsing. Real
# pages nest a few dozen deep; elements the parser closes itself (p, li, td...) and void
# elements are not counted, so sloppy markup is not refused for them.
_MAX_NESTING = 5_000
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*?(/?)>")
_NOT_NESTING = frozenset(
    [
        *("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"),
        *("param", "source", "track", "wbr", "p", "li", "dt", "dd", "td", "th", "tr"),
        *("tbody", "thead", "tfoot", "option", "optgroup", "rb", "rp", "rt", "rtc"),
        *("colgroup", "caption"),
    ]
)


def _headline_h1(tree: LexborHTMLParser) -> str | None:
    """The page's first h1 outside navigation; headers are dropped later, so read it now."""
    for node in tree.css("h1"):
        parent = node.parent
        in_nav = False
        while parent is not None:
            if parent.tag in ("nav", "aside", "footer"):
                in_nav = True
                break
            parent = parent.parent
        text = _WS.sub(" ", node.text(deep=True)).strip()
        if text and not in_nav:
            return text
    return None


def _meta_title(tree: LexborHTMLParser) -> str | None:
    for selector in ('meta[property="og:title"]', 'meta[name="title"]'):
        node = tree.css_first(selector)
        if node is not None:
            content = (node.attributes.get("content") or "").strip()
            if content:
                return _WS.sub(" ", content)
    node = tree.css_first("title")
    if node is not None:
        text = _WS.sub(" ", node.text(deep=True)).strip()
        return text or None
    return None


def _root(tree: LexborHTMLParser) -> LexborNode | None:
    """The element that holds the release: the longest article, else main, else body."""
    articles = tree.css("article")
    if articles:
        return max(articles, key=lambda n: len(n.text(deep=True)))
    main = tree.css_first("main") or tree.css_first('[role="main"]')
    if main is not None:
        return main
    return tree.body or tree.root


def _walk(root: LexborNode) -> str:
    out: list[str] = []
    # Stack of (node, depth, closing-marker); the marker is emitted after children.
    stack: list[tuple[LexborNode | None, int, str]] = [(root, 0, "")]
    while stack:
        node, depth, closing = stack.pop()
        if node is None:
            out.append(closing)
            continue
        tag = node.tag
        if tag == "-text":
            out.append(_WS.sub(" ", node.text_content or ""))
            continue
        if tag in ("-comment", "-doctype") or depth > _MAX_DEPTH:
            continue
        if tag == "br":
            out.append("\n")
            continue
        if tag == "img":
            continue
        opening, ending = "", ""
        if tag in _HEADINGS:
            opening, ending = "\n\n" + _HEADINGS[tag] + " ", "\n\n"
        elif tag == "li":
            opening, ending = "\n- ", "\n"
        elif tag in ("td", "th"):
            opening, ending = " ", " "
        elif tag == "hr":
            opening = "\n\n---\n\n"
        elif tag in _BLOCK:
            opening, ending = "\n\n", "\n\n"
        out.append(opening)
        stack.append((None, depth, ending))
        children: list[LexborNode] = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        for child_node in reversed(children):
            stack.append((child_node, depth + 1, ""))
    text = "".join(out)
    # Inline whitespace around the block markers is noise from the source layout.
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def nesting_depth(markup: str, limit: int = _MAX_NESTING) -> int:
    """How deep the markup nests elements, estimated from its tags (stops past ``limit``)."""
    depth = deepest = 0
    for match in _TAG.finditer(markup):
        closing, name, self_closing = match.groups()
        if self_closing or name.lower() in _NOT_NESTING:
            continue
        if closing:
            depth = max(0, depth - 1)
            continue
        depth += 1
        if depth > deepest:
            deepest = depth
            if deepest > limit:
                break
    return deepest


def html_to_text(markup: str) -> str:
    """The release's text as light Markdown (``#`` headings, ``-`` list items).

    Raises ParseError for markup nested deeper than the parser can read in bounded time.
    """
    if nesting_depth(markup) > _MAX_NESTING:
        raise ParseError(f"HTML nested deeper than {_MAX_NESTING} elements")
    tree = LexborHTMLParser(markup)
    headline = _headline_h1(tree) or _meta_title(tree)
    for node in tree.css(_DROP):
        node.decompose()
    root = _root(tree)
    text = _walk(root) if root is not None else ""
    if headline and not text.lstrip("# \n").startswith(headline[:40]):
        # The h1 lived in a dropped site header (or only in <title>): keep it as the headline.
        text = f"# {headline}\n\n{text}"
    return text


def looks_like_html(text: str) -> bool:
    """True for a body sent as plain text that is really an HTML page or fragment."""
    head = text.lstrip()[:1000].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")):
        return True
    return head.startswith("<") and bool(re.search(r"</(p|div|h1|h2|body|article|span)>", head))

"""Parse speed on one core: releases per second (a benchmark, not a test).

    .venv/bin/python tests/bench_parse.py

Measures the wire-format release of the project's corpus (the sample's layout)
and a long HTML page (the corpus page with 300 extra paragraphs, navigation and
scripts), each parsed repeatedly in this one process.
"""

from __future__ import annotations

import time
from pathlib import Path

from services.parse.core import parse_submission
from shared.models import ContentType, Submission

CORPUS = Path(__file__).resolve().parent / "fixtures" / "releases"


def long_html() -> str:
    page = (CORPUS / "16_html_page.html").read_text(encoding="utf-8")
    paragraph = (
        "<p>Northgate Transit said the night routes were planned with riders, drivers and "
        "employers, and that the buses will stop at hospitals, warehouses and airports.</p>"
        "<script>track()</script><div class='share'><a href='#'>Share</a></div>\n"
    )
    return page.replace("<h3>About", paragraph * 300 + "<h3>About", 1)


def rate(submission: Submission, seconds: float = 3.0) -> tuple[float, int]:
    parse_submission("warm", submission)  # load the language model once
    count = 0
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        parse_submission("bench", submission)
        count += 1
    return count / (time.perf_counter() - started), count


def main() -> None:
    sample = Submission(body=(CORPUS / "01_wire_sample_format.txt").read_text(encoding="utf-8"))
    html = Submission(body=long_html(), content_type=ContentType.HTML)
    for name, submission in (("wire-format release", sample), ("long HTML page", html)):
        per_second, count = rate(submission)
        size = len(submission.body.encode("utf-8")) / 1024
        print(f"{name:22s} {size:7.1f} KiB  {per_second:8.1f} releases/s  ({count} runs)")


if __name__ == "__main__":
    main()

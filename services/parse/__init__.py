"""Parse: raw submissions (text, HTML, Markdown) into structured ParsedRelease documents."""

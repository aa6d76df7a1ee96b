"""Language of a release, with py3langid (its model ships inside the package).

The detector is restricted to the languages wires publish in, which both
removes absurd answers on short text (Latin, Luxembourgish...) and makes it
faster.
"""

from __future__ import annotations

from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

LANGUAGES = (
    "en", "es", "fr", "de", "pt", "it", "nl", "sv", "da", "no", "fi", "pl", "cs", "ro", "hu",
    "tr", "el", "ru", "uk", "ja", "zh", "ko", "ar", "he", "id", "vi", "th", "hi",
)  # fmt: skip
_MIN_LETTERS = 20
_SAMPLE_CHARS = 4000


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier


def detect_language(text: str) -> str | None:
    """ISO 639-1 code, or None when there is too little text to tell."""
    sample = text[:_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < _MIN_LETTERS:
        return None
    code, _probability = _identifier().classify(sample)
    return str(code)

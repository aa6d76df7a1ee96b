"""Given names in Latin script, case-folded, from Faker's person data for every locale it
ships (about 20,000 names). Run as a module it prints them one per line: the enrich stage
reads them from a child process (``lexicon.load_given_names``) so that a worker does not keep
the locales' data modules."""

from __future__ import annotations

import importlib
import pkgutil

TABLES = ("first_names_male", "first_names_female", "first_names_nonbinary")


def given_names() -> set[str]:
    try:
        import faker.providers.person as people
    except ImportError:
        return set()
    names: set[str] = set()
    for module in pkgutil.iter_modules(people.__path__):
        provider = importlib.import_module(f"{people.__name__}.{module.name}").Provider
        for table in TABLES:
            found = getattr(provider, table, ())
            if isinstance(found, (dict, list, tuple)):
                names.update(n.casefold() for n in found if _latin_word(n))
    return names


def _latin_word(name: object) -> bool:
    return isinstance(name, str) and name.isalpha() and all(ord(c) < 0x250 for c in name)


if __name__ == "__main__":
    print("\n".join(sorted(given_names())))

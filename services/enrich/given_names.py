"""Given names and surnames in Latin script, case-folded, from Faker's person data for every
locale it ships (about 20,000 given names, 18,000 surnames). Run as a module it prints the
given names, a marker line, then the surnames, one per line: the enrich stage reads them from
a child process (``lexicon.load_name_lists``) so that a worker does not keep the locales'
data modules."""

from __future__ import annotations

import importlib
import pkgutil

TABLES = ("first_names_male", "first_names_female", "first_names_nonbinary")
SURNAME_TABLES = ("last_names", "last_names_male", "last_names_female")


def names(tables: tuple[str, ...]) -> set[str]:
    """The case-folded one-word names of these person tables, over all of Faker's locales."""
    try:
        import faker.providers.person as people
    except ImportError:
        return set()
    found_names: set[str] = set()
    for module in pkgutil.iter_modules(people.__path__):
        provider = importlib.import_module(f"{people.__name__}.{module.name}").Provider
        for table in tables:
            found = getattr(provider, table, ())
            if isinstance(found, (dict, list, tuple)):
                found_names.update(n.casefold() for n in found if _latin_word(n))
    return found_names


def given_names() -> set[str]:
    return names(TABLES)


def _latin_word(name: object) -> bool:
    return isinstance(name, str) and name.isalpha() and all(ord(c) < 0x250 for c in name)


if __name__ == "__main__":
    from services.enrich.lexicon import SURNAMES_MARK

    print("\n".join([*sorted(names(TABLES)), SURNAMES_MARK, *sorted(names(SURNAME_TABLES))]))

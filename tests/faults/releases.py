"""Releases for the load: short, all different (the API recognises identical bodies as
duplicates), all declaring one channel so every subscription's expectation is known."""

from __future__ import annotations

CHANNEL = "Military Industry"

CITIES = ("WASHINGTON", "SAN DIEGO", "NORFOLK", "HONOLULU", "MOBILE", "SEATTLE")
MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.")


def release_body(n: int, run: str, poison_marker: str | None = None) -> str:
    """Release number ``n`` of load ``run``; a poison release carries ``poison_marker``."""
    city = CITIES[n % len(CITIES)]
    month = MONTHS[n % len(MONTHS)]
    day = n % 28 + 1
    extra = f"\n\n{poison_marker}" if poison_marker else ""
    return (
        f"Navy Awards Contract {run}-{n} for Hull Maintenance at {city.title()} Yard\n\n"
        f"{city}, {month} {day}, 2023 — The Navy awarded a maintenance contract worth "
        f"${n % 90 + 10} million to Harbor Marine Systems, the Naval Sea Systems Command said.\n\n"
        f'"The work keeps {n % 7 + 2} ships ready for sea," said Rear Adm. Ellen K. Porter.\n\n'
        f"The yard will hire {n % 300 + 20} workers, the company said. Reference {run}-{n}."
        f"{extra}\n\n"
        f"Distribution channels: {CHANNEL}\n"
    )

"""The one place the fault suite builds its HTTP client, so that authentication is one change.

When the API wants a key, ``System`` writes the admin key to ``<data_dir>/api-key``
(``PRESSROOM_API_KEY`` overrides, as for the CLI); the session sends it when it exists.
"""

from __future__ import annotations

import os
from pathlib import Path

import requests


def api_key(data_dir: Path) -> str | None:
    if os.environ.get("PRESSROOM_API_KEY"):
        return os.environ["PRESSROOM_API_KEY"]
    path = data_dir / "api-key"
    return path.read_text().strip() if path.exists() else None


def api_session(data_dir: Path) -> requests.Session:
    session = requests.Session()
    key = api_key(data_dir)
    if key:
        session.headers["Authorization"] = f"Bearer {key}"
    return session

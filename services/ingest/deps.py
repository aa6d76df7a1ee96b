"""What the API's routes need, built once per process and handed to each route."""

from __future__ import annotations

from dataclasses import dataclass, field

from fastapi import Request

from shared.dispatch import Dispatcher
from shared.secrets import SecretBox, load_key
from shared.settings import Settings
from shared.store import Store
from shared.taxonomy import Taxonomy

from .keys import KeyStore


@dataclass
class Deps:
    settings: Settings
    store: Store
    dispatcher: Dispatcher
    taxonomy: Taxonomy
    keys: KeyStore
    _box: SecretBox | None = field(default=None, repr=False)

    @property
    def box(self) -> SecretBox:
        """Loaded on first use, so the API runs (and says why) even without a key."""
        if self._box is None:
            self._box = SecretBox(load_key(self.settings.secret_key, self.settings.secret_key_file))
        return self._box


def get_deps(request: Request) -> Deps:
    deps: Deps = request.app.state.deps
    return deps

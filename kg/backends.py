"""The store factory: open the embedded file or a Bolt server behind the one :class:`~kg.store.Store` interface.

It lives apart from :mod:`kg.store` so that the interface module imports no backend and the backends,
which import the interface, form no import circle with it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .store import DEFAULT_STORE, Store, StoreError


def open_store(
    path: str | os.PathLike[str] | None = None,
    *,
    backend: str = "embedded",
    create: bool = True,
    **server: Any,
) -> Store:
    """Open a store: the embedded file at ``path`` or a Bolt server.

    ``server`` takes ``uri``, ``user``, ``password`` and ``database`` for the
    ``neo4j`` backend.  Raises :class:`StoreError` with a one-line message.
    """
    if backend == "embedded":
        from .embedded import EmbeddedStore

        return EmbeddedStore(Path(path or DEFAULT_STORE), create=create)
    if backend == "neo4j":
        try:
            from .neo4j_store import Neo4jStore
        except ImportError as exc:  # pragma: no cover - until the backend lands
            raise StoreError(f"the neo4j backend is not available: {exc}") from None
        return Neo4jStore(**server)
    raise StoreError(f"unknown backend {backend!r}: use embedded or neo4j")

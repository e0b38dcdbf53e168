"""Bulk read views that queries use, with portable default implementations.

Each view is a method of :class:`GraphViews` (a base of :class:`kg.store.Store`)
written over the store's primitives (``nodes``, ``get``, ``out_edges``,
``in_edges``); a server backend overrides a view to compute it server-side
(one Cypher query, streamed) and must return the same rows.
"""

from __future__ import annotations


class GraphViews:
    """Query-shaped bulk reads; see each method for the rows it yields."""

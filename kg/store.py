"""The store interface every backend implements.

A store holds a property graph of :class:`~kg.model.Node` and
:class:`~kg.model.Edge`.  The interface is small and query-shaped: look a node
up by id, list nodes of a label (optionally by property equality), walk edges
of one type, count, and write in atomic transactions.  Queries that need bulk
views (an item with all its bases, clauses in force, ...) get them from
methods defined here with portable default implementations over these
primitives; a server backend overrides them to run server-side.

Writes go through a transaction::

    with store.transaction() as tx:
        tx.add_nodes(nodes)
        tx.add_edges(edges)

Either everything in the block is stored, or (on any exception, Ctrl-C
included) nothing is and the store stays exactly as it was.
"""

from __future__ import annotations

import abc
import contextlib
import gc
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping

from .model import CitationStatus, Edge, Node, ProvisionKind
from .views import GraphViews

if TYPE_CHECKING:  # pragma: no cover
    from .decision import Decision


class StoreError(Exception):
    """A store cannot be opened or written; the message is for the user."""


class Writer(abc.ABC):
    """The write side of a transaction."""

    @abc.abstractmethod
    def add_nodes(self, nodes: Iterable[Node]) -> None:
        """Insert or replace nodes by id (props are replaced, not merged)."""

    @abc.abstractmethod
    def add_edges(self, edges: Iterable[Edge]) -> None:
        """Insert or replace edges keyed by (src, dst, type); both ends must exist."""

    @abc.abstractmethod
    def remove_nodes(self, ids: Iterable[str]) -> None:
        """Remove nodes and every edge touching them; unknown ids are ignored."""

    @abc.abstractmethod
    def remove_edges(self, keys: Iterable[tuple[str, str, str]]) -> None:
        """Remove edges by (src, dst, type); unknown keys are ignored."""

    def add_node(self, node: Node) -> None:
        self.add_nodes((node,))

    def add_edge(self, edge: Edge) -> None:
        self.add_edges((edge,))

    def update_props(self, node_id: str, **props: Any) -> None:
        """Merge ``props`` into an existing node's properties."""
        node = self.get(node_id)
        if node is None:
            raise KeyError(node_id)
        self.add_nodes((Node(node.id, node.label, {**node.props, **props}),))

    @abc.abstractmethod
    def get(self, node_id: str) -> Node | None:
        """Read inside the transaction (sees its own writes)."""


@dataclass(frozen=True)
class StoreStats:
    law_versions: int = 0
    laws: int = 0
    articles: int = 0
    provisions: int = 0
    citations: int = 0
    citations_resolved: int = 0
    clauses: int = 0
    governments: int = 0
    departments: int = 0
    power_items: int = 0
    responsibilities: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


class Store(GraphViews, abc.ABC):
    """A knowledge-graph store (embedded networkx or a Bolt server)."""

    backend: str = "abstract"

    # --- writing -------------------------------------------------------------

    @abc.abstractmethod
    def transaction(self) -> contextlib.AbstractContextManager[Writer]:
        """An all-or-nothing write block."""

    # --- reading primitives --------------------------------------------------

    @abc.abstractmethod
    def get(self, node_id: str) -> Node | None:
        """The node with this id, or None."""

    @abc.abstractmethod
    def nodes(self, label: str, **where: Any) -> Iterator[Node]:
        """Nodes of ``label`` whose properties equal every ``where`` value."""

    def nodes_unread(self, label: str) -> Iterator[Node]:
        """The nodes of ``label``, read without the rest of the graph where the backend can (see
        :meth:`kg.embedded.EmbeddedStore.nodes_unread`): for refusing an unknown name before reading it all."""
        return self.nodes(label)

    @abc.abstractmethod
    def out_edges(self, node_id: str, type: str | None = None) -> Iterator[Edge]:
        """Edges leaving ``node_id``, optionally of one type."""

    @abc.abstractmethod
    def in_edges(self, node_id: str, type: str | None = None) -> Iterator[Edge]:
        """Edges entering ``node_id``, optionally of one type."""

    @abc.abstractmethod
    def count(self, label: str, **where: Any) -> int:
        """How many nodes of ``label`` match ``where``."""

    @abc.abstractmethod
    def edge_count(self, type: str | None = None) -> int:
        """How many edges (of one type)."""

    def close(self) -> None:
        """Release resources; the store stays as last committed."""

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- derived reads (portable defaults; servers may override) -------------

    def targets(self, node_id: str, type: str) -> Iterator[Node]:
        """Nodes reached from ``node_id`` by edges of ``type``."""
        for edge in self.out_edges(node_id, type):
            node = self.get(edge.dst)
            if node is not None:
                yield node

    def targets_by_type(self, node_id: str, types: tuple[str, ...]) -> tuple[list[Node], ...]:
        """``list(targets(node_id, t))`` for each of ``types`` (a store may find them in one walk)."""
        return tuple(list(self.targets(node_id, t)) for t in types)

    def sources(self, node_id: str, type: str) -> Iterator[Node]:
        """Nodes with an edge of ``type`` into ``node_id``."""
        for edge in self.in_edges(node_id, type):
            node = self.get(edge.src)
            if node is not None:
                yield node

    def stats(self) -> StoreStats:
        return StoreStats(
            law_versions=self.count("LawVersion"),
            laws=self.count("Law"),
            articles=self.count("Provision", kind=ProvisionKind.ARTICLE.value),
            provisions=self.count("Provision"),
            citations=self.count("Citation"),
            citations_resolved=self.count("Citation", status=CitationStatus.RESOLVED.value),
            clauses=self.count("AuthorisingClause"),
            governments=self.count("Government"),
            departments=self.count("Department"),
            power_items=self.count("PowerItem"),
            responsibilities=self.count("Responsibility"),
        )

    # --- decisions about findings (kg.decision; same nodes on every backend) --------

    def decisions(self) -> "dict[str, Decision]":
        """Every recorded :class:`~kg.decision.Decision`, by finding id."""
        from .decision import read_decisions

        return read_decisions(self)

    def record_decisions(self, decisions: "Iterable[Decision]") -> "list[Decision]":
        """Store decisions atomically (all or none); returns them with their history."""
        from .decision import write_decisions

        return write_decisions(self, decisions)

    def carry_decisions(self, carried: "Iterable[tuple[Decision, Decision]]") -> "list[Decision]":
        """Store decisions carried to re-issued findings, each ``(old, new)``, atomically (all or none)."""
        from .decision import carry_decisions

        return carry_decisions(self, carried)

    def label_counts(self) -> Mapping[str, int]:
        return Counter({label: self.count(label) for label in LABELS})


LABELS = (
    "Law",
    "LawVersion",
    "Provision",
    "Citation",
    "Role",
    "AuthorisingClause",
    "Government",
    "Department",
    "PowerItem",
    "Responsibility",
)

DEFAULT_STORE = "./powerlist.kg"


@contextlib.contextmanager
def collector_paused(freeze: bool = False) -> Iterator[None]:
    """The cyclic garbage collector off inside the block (restored after it).

    Reading a graph or making a check's findings creates millions of objects and
    no reference cycles: the collector's full passes over the long-lived caches
    only cost time (a third of the vacuum search on a whole-corpus store) and free
    nothing.  ``freeze``: what survived is long-lived, so keep it out of later
    collections (after a graph read).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        if freeze:
            gc.freeze()

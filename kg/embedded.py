"""The embedded store: a networkx graph in memory, persisted to one SQLite file.

SQLite (standard library) is the file format because it is safe to open (no
code runs on load, unlike pickle), compact and readable by other tools.

Atomicity: a transaction writes into the in-memory graph and logs what it
touched.  On commit the store file is copied to a temporary file beside it,
the logged changes are applied there, the temporary file is fsynced and
renamed over the store.  If anything fails before the rename (an exception,
Ctrl-C, a kill) the store file is untouched; the in-memory graph is then
rebuilt from it, so the open store is as it was too.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import shutil
import sqlite3
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterable, Iterator

import networkx as nx

from .model import Edge, Node
from .store import Store, StoreError, Writer

FORMAT = "powerlist-kg/1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS nodes (id TEXT PRIMARY KEY, label TEXT NOT NULL, props TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS edges (
    src TEXT NOT NULL, dst TEXT NOT NULL, type TEXT NOT NULL, props TEXT NOT NULL,
    PRIMARY KEY (src, dst, type)
);
"""


def _dumps(props: Any) -> str:
    return json.dumps(props, ensure_ascii=False, separators=(",", ":"))


class EmbeddedStore(Store):
    """A networkx ``MultiDiGraph`` keyed by edge type, saved to one file.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "demo.kg"
    >>> store = EmbeddedStore(path)
    >>> with store.transaction() as tx:
    ...     tx.add_nodes([Node("a", "Law", {"title": "a"}), Node("b", "LawVersion", {})])
    ...     tx.add_edges([Edge("a", "b", "HAS_VERSION")])
    >>> EmbeddedStore(path).count("Law")
    1
    """

    backend = "embedded"

    def __init__(self, path: str | os.PathLike[str], *, create: bool = True) -> None:
        self.path = Path(path)
        self._graph = nx.MultiDiGraph()
        self._labels: dict[str, set[str]] = defaultdict(set)
        self._index: dict[tuple[str, str], dict[Any, list[str]]] = {}
        self._views: dict[str, Any] = {}  # bulk views computed once per committed state
        self._in_tx = False
        if self.path.exists():
            self._read()
        elif not create:
            raise StoreError(f"{self.path}: no such store")
        elif not self.path.parent.exists():
            raise StoreError(f"{self.path}: folder {self.path.parent} does not exist")

    # --- persistence -------------------------------------------------------------

    def _read(self) -> None:
        # The cyclic GC rescans the growing heap while millions of dicts are
        # made; pausing it makes a reopen several times faster.
        with _gc_paused():
            self._read_file()

    def _read_file(self) -> None:
        try:
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open store ({exc})") from None
        try:
            try:
                row = conn.execute("SELECT value FROM meta WHERE key='format'").fetchone()
            except sqlite3.DatabaseError:
                raise StoreError(f"{self.path}: not a powerlist-kg store") from None
            if not row or row[0] != FORMAT:
                raise StoreError(f"{self.path}: not a powerlist-kg store (format {row[0] if row else 'missing'})")
            graph = nx.MultiDiGraph()
            labels: dict[str, set[str]] = defaultdict(set)
            loads = json.loads
            # Fill networkx's own dicts directly (add_node/add_edge cost several times
            # more), and keep one object per distinct string: ids repeat in every edge,
            # and lists repeat the same texts (责任事项, 追责情形, cited articles).
            shared: dict[str, str] = {}
            share = shared.setdefault
            node_data, succ, pred = graph._node, graph._succ, graph._pred
            for node_id, label, props in conn.execute("SELECT id, label, props FROM nodes"):
                node_id = share(node_id, node_id)
                node_data[node_id] = {"label": share(label, label), "props": _shared_props(loads(props), share)}
                succ[node_id] = {}
                pred[node_id] = {}
                labels[label].add(node_id)
            for src, dst, etype, props in conn.execute("SELECT src, dst, type, props FROM edges"):
                src, dst = shared.get(src, src), shared.get(dst, dst)
                if src not in succ or dst not in succ:
                    continue  # an edge to a missing node is dropped, as add_edges refuses one
                keys = succ[src].get(dst)
                if keys is None:
                    keys = succ[src][dst] = pred[dst][src] = {}  # one key dict, as networkx shares it
                keys[share(etype, etype)] = {"props": loads(props)} if props != "{}" else {}
            del shared
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: damaged store ({exc})") from None
        finally:
            conn.close()
        self._graph, self._labels, self._index, self._views = graph, labels, {}, {}

    def _persist(self, log: "_Log") -> None:
        with _gc_paused():
            self._persist_file(log)

    def _persist_file(self, log: "_Log") -> None:
        directory = self.path.parent
        fd, tmp_name = tempfile.mkstemp(prefix=self.path.name + ".", suffix=".tmp", dir=directory)
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            if self.path.exists():
                shutil.copyfile(self.path, tmp)
            conn = sqlite3.connect(tmp)
            try:
                # The temporary file is the journal: the rename is the commit.
                conn.execute("PRAGMA journal_mode=OFF")
                conn.execute("PRAGMA synchronous=OFF")
                conn.executescript(_SCHEMA)
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('format', ?)", (FORMAT,))
                with conn:
                    self._apply(conn, log)
            finally:
                conn.close()
            with open(tmp, "rb+") as handle:
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
            with contextlib.suppress(OSError):  # make the rename durable
                dir_fd = os.open(directory, os.O_RDONLY)
                try:
                    os.fsync(dir_fd)
                finally:
                    os.close(dir_fd)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise

    def _apply(self, conn: sqlite3.Connection, log: "_Log") -> None:
        graph = self._graph
        node_data = graph._node
        if log.removed_nodes:
            ids = [(i,) for i in log.removed_nodes]
            conn.executemany("DELETE FROM nodes WHERE id = ?", ids)
            conn.executemany("DELETE FROM edges WHERE src = ?", ids)
            conn.executemany("DELETE FROM edges WHERE dst = ?", ids)
        if log.removed_edges:
            conn.executemany("DELETE FROM edges WHERE src = ? AND dst = ? AND type = ?", list(log.removed_edges))
        conn.executemany(
            "INSERT OR REPLACE INTO nodes VALUES (?, ?, ?)",
            (
                (node_id, node_data[node_id]["label"], _dumps(node_data[node_id]["props"]))
                for node_id in log.nodes
                if node_id in node_data
            ),
        )
        conn.executemany(
            "INSERT OR REPLACE INTO edges VALUES (?, ?, ?, ?)",
            (
                (src, dst, etype, _dumps(graph.edges[src, dst, etype].get("props", {})))
                for src, dst, etype in log.edges
                if graph.has_edge(src, dst, etype)
            ),
        )

    # --- transactions --------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Writer]:
        if self._in_tx:
            raise StoreError("nested transactions are not supported")
        self._in_tx = True
        writer = _EmbeddedWriter(self)
        try:
            with _gc_paused():
                yield writer
            if writer.log:
                self._persist(writer.log)
        except BaseException:
            if writer.log:
                self._rollback()
            raise
        finally:
            self._in_tx = False

    def _rollback(self) -> None:
        if self.path.exists():
            self._read()
        else:
            self._graph, self._labels, self._index, self._views = nx.MultiDiGraph(), defaultdict(set), {}, {}

    # --- reads -----------------------------------------------------------------------

    def get(self, node_id: str) -> Node | None:
        data = self._graph._node.get(node_id)
        if data is None:
            return None
        return Node(node_id, data["label"], data["props"])

    def nodes(self, label: str, **where: Any) -> Iterator[Node]:
        graph_nodes = self._graph._node
        if len(where) >= 1:
            key, value = next(iter(where.items()))
            ids: Iterable[str] = self._lookup(label, key, value)
            rest = {k: v for k, v in where.items() if k != key}
        else:
            ids, rest = list(self._labels.get(label, ())), {}
        for node_id in ids:
            data = graph_nodes.get(node_id)
            if data is None:
                continue
            props = data["props"]
            if all(props.get(k) == v for k, v in rest.items()):
                yield Node(node_id, label, props)

    def _lookup(self, label: str, key: str, value: Any) -> list[str]:
        """Ids of ``label`` nodes with ``props[key] == value``, via a lazy hash index."""
        index = self._index.get((label, key))
        if index is None:
            index = defaultdict(list)
            graph_nodes = self._graph._node
            for node_id in self._labels.get(label, ()):
                v = graph_nodes[node_id]["props"].get(key)
                try:
                    index[v].append(node_id)
                except TypeError:  # unhashable values are not indexed
                    continue
            self._index[(label, key)] = index
        try:
            return list(index.get(value, ()))
        except TypeError:
            return [n.id for n in self.nodes(label) if n.props.get(key) == value]

    # out_edges/in_edges read networkx's adjacency dicts directly: its edge views
    # cost several times more per edge, and queries walk millions of edges.
    def out_edges(self, node_id: str, type: str | None = None) -> Iterator[Edge]:
        return _edges(self._graph._succ.get(node_id), node_id, type, outgoing=True)

    def in_edges(self, node_id: str, type: str | None = None) -> Iterator[Edge]:
        return _edges(self._graph._pred.get(node_id), node_id, type, outgoing=False)

    def targets(self, node_id: str, type: str) -> Iterator[Node]:
        """Nodes reached by ``type`` edges, without making Edge objects (the hottest read)."""
        return _neighbours(self._graph._succ.get(node_id), self._graph._node, type)

    def sources(self, node_id: str, type: str) -> Iterator[Node]:
        return _neighbours(self._graph._pred.get(node_id), self._graph._node, type)

    # --- cached views ------------------------------------------------------------------

    def clauses_in_force(self, law: str | None = None):
        """As :meth:`GraphViews.clauses_in_force`, computed once per committed state.

        Vacuum and overlap queries ask for it once per government; the rows are
        frozen dataclasses, so sharing them is safe.
        """
        rows = self._views.get("clauses_in_force")
        if rows is None:
            rows = self._views["clauses_in_force"] = list(super().clauses_in_force())
        if law is None:
            return iter(rows)
        return (row for row in rows if row.clause.law == law)

    def count(self, label: str, **where: Any) -> int:
        if not where:
            return len(self._labels.get(label, ()))
        return sum(1 for _ in self.nodes(label, **where))

    def edge_count(self, type: str | None = None) -> int:
        if type is None:
            return self._graph.number_of_edges()
        return sum(1 for *_, k in self._graph.edges(keys=True) if k == type)

    def labels_of(self, label: str) -> int:
        return len(self._labels.get(label, ()))


def _edges(adjacency: dict | None, node_id: str, type: str | None, *, outgoing: bool) -> Iterator[Edge]:
    if not adjacency:
        return
    for other, keys in list(adjacency.items()):
        if type is None:
            items = list(keys.items())
        else:
            data = keys.get(type)
            if data is None:
                continue
            items = [(type, data)]
        for etype, data in items:
            props = data.get("props", {})
            yield Edge(node_id, other, etype, props) if outgoing else Edge(other, node_id, etype, props)


def _neighbours(adjacency: dict | None, node_data: dict, type: str) -> Iterator[Node]:
    if not adjacency:
        return
    for other, keys in list(adjacency.items()):
        if type in keys:
            data = node_data.get(other)
            if data is not None:
                yield Node(other, data["label"], data["props"])


def _shared_props(props: dict[str, Any], share) -> dict[str, Any]:
    """``props`` with its keys and string values (one level into dicts) replaced by shared objects."""
    out = {}
    for key, value in props.items():
        if value.__class__ is str:
            value = share(value, value)
        elif value.__class__ is dict:
            value = {share(k, k): share(v, v) if v.__class__ is str else v for k, v in value.items()}
        out[share(key, key)] = value
    return out


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        gc.freeze()  # what survived is long-lived: keep it out of later collections


class _Log:
    """What a transaction touched, to replay into the file on commit."""

    def __init__(self) -> None:
        self.nodes: set[str] = set()
        self.edges: set[tuple[str, str, str]] = set()
        self.removed_nodes: set[str] = set()
        self.removed_edges: set[tuple[str, str, str]] = set()

    def __bool__(self) -> bool:
        return bool(self.nodes or self.edges or self.removed_nodes or self.removed_edges)


class _EmbeddedWriter(Writer):
    def __init__(self, store: EmbeddedStore) -> None:
        self.store = store
        self.log = _Log()
        self.shared: dict[str, str] = {}  # one object per distinct string written in this transaction

    def get(self, node_id: str) -> Node | None:
        return self.store.get(node_id)

    def add_nodes(self, nodes: Iterable[Node]) -> None:
        store, graph, log = self.store, self.store._graph, self.log
        share = self.shared.setdefault
        for node in nodes:
            old = graph._node.get(node.id)
            if old is not None and old["label"] != node.label:
                store._labels[old["label"]].discard(node.id)
            props = _shared_props(node.props, share)
            if old is None:
                graph.add_node(node.id, label=node.label, props=props)
            else:
                old["label"], old["props"] = node.label, props
            store._labels[node.label].add(node.id)
            log.nodes.add(node.id)
            log.removed_nodes.discard(node.id)
        store._index.clear()
        store._views.clear()

    def add_edges(self, edges: Iterable[Edge]) -> None:
        graph, log = self.store._graph, self.log
        for edge in edges:
            if edge.src not in graph or edge.dst not in graph:
                missing = edge.src if edge.src not in graph else edge.dst
                raise StoreError(f"edge {edge.type} {edge.src} -> {edge.dst}: node {missing} does not exist")
            key = (edge.src, edge.dst, edge.type)
            if edge.props:
                graph.add_edge(edge.src, edge.dst, key=edge.type, props=dict(edge.props))
            else:
                graph.add_edge(edge.src, edge.dst, key=edge.type)
            log.edges.add(key)
            log.removed_edges.discard(key)
        self.store._views.clear()

    def remove_nodes(self, ids: Iterable[str]) -> None:
        store, graph, log = self.store, self.store._graph, self.log
        for node_id in ids:
            data = graph.nodes.get(node_id)
            if data is None:
                continue
            store._labels[data["label"]].discard(node_id)
            for src, dst, key in list(graph.in_edges(node_id, keys=True)) + list(graph.out_edges(node_id, keys=True)):
                log.edges.discard((src, dst, key))
            graph.remove_node(node_id)
            log.nodes.discard(node_id)
            log.removed_nodes.add(node_id)
        store._index.clear()
        store._views.clear()

    def remove_edges(self, keys: Iterable[tuple[str, str, str]]) -> None:
        graph, log = self.store._graph, self.log
        for src, dst, etype in keys:
            if graph.has_edge(src, dst, etype):
                graph.remove_edge(src, dst, etype)
            log.edges.discard((src, dst, etype))
            log.removed_edges.add((src, dst, etype))
        self.store._views.clear()

"""The embedded store: a networkx graph in memory, persisted to one SQLite file.

SQLite (standard library) is the file format because it is safe to open (no
code runs on load, unlike pickle), compact and readable by other tools.

Atomicity: a transaction writes into the in-memory graph and logs what it
touched.  On commit the store file is copied to a temporary file beside it,
the logged changes are applied there, the temporary file is fsynced and
renamed over the store.  If anything fails before the rename (an exception,
Ctrl-C, a kill) the store file is untouched; the in-memory graph is then
dropped and read again from it when next used, so the open store is as it was too.
The temporary file is named ``<store>.<pid>.<random>.tmp``; one a killed process left is
removed by the next commit.

Memory layout (a million items make ~3M nodes and ~4M edges, so every object
per node or edge counts): one ``networkx.MultiDiGraph`` keyed by edge type,

- ``graph._node[id]``: the node's properties (its attribute dict), ``id`` the
  one object of that string that edges and values share; ``_label_of[id]``
  its label and ``_labels[label]`` the set of ids of that label; the nodes of
  :data:`_LAZY_LABELS` (provisions) hold their stored JSON bytes
  until a read first asks for them, when they are decoded in place;
- ``graph._succ[src][dst]`` = ``graph._pred[dst][src]``: ``{type: properties}``,
  with the empty and the one-edge dicts shared (see "adjacency" below); a graph read
  from the file holds only the nodes with neighbours in ``_succ`` and ``_pred``
  (:class:`_Adjacency`), and :attr:`EmbeddedStore.graph` gives networkx every node.

The graph is read from the file at the first access, so a command that only
counts (``stats``) answers from SQLite without building it.  A store of at least
:data:`SNAPSHOT_MIN_BYTES` keeps the graph its first read built in ``<store>.snapshot``
beside the file, which later reads load instead of the rows (see "the snapshot" below), and
the clauses in force that the first check of that state made in ``<store>.views`` (see "views kept
beside the snapshot" below, :meth:`EmbeddedStore.kept_views`).

File format ``powerlist-kg/2``: ``nodes(n, id, label, props)`` with ``n`` the
node's number, ``edges(src, dst, type, props)`` naming nodes by number.  A
``powerlist-kg/1`` file (edges naming nodes by id) is rewritten in the new
format when opened, atomically like a commit.
"""

from __future__ import annotations

import contextlib
import functools
import glob
import hashlib
import json
import os
import pickle
import shutil
import sqlite3
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

import networkx as nx
import orjson

from .model import CitationStatus, Edge, Node, ProvisionKind
from .store import Store, StoreError, StoreStats, Writer, collector_paused

FORMAT = "powerlist-kg/2"
FORMAT_1 = "powerlist-kg/1"  # edges named their nodes by id string: migrated on open (_migrate_format_1)

# Nodes are numbered (n, the rowid) and edges refer to the numbers: a graph read
# fetches no id string per edge end and looks none up (a million items make ~4M
# edges), and the edge table, keyed by integers, is a third of its former size.
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS nodes (n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, label TEXT NOT NULL, props TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS edges (
    src INTEGER NOT NULL, dst INTEGER NOT NULL, type TEXT NOT NULL, props TEXT NOT NULL,
    PRIMARY KEY (src, dst, type)
) WITHOUT ROWID;
"""
_NUMBER = "(SELECT n FROM nodes WHERE id = ?)"

# The attributes holding the graph; until the file is read they are absent and
# the first access reads it (see EmbeddedStore.__getattr__).
_GRAPH_ATTRIBUTES = frozenset({"_graph", "_label_of", "_labels", "_edge_total"})

# Labels whose properties a graph read keeps as the stored JSON bytes, decoded when a read first asks for the
# node (_decoded): a store with the whole statute corpus holds ~490,000 provisions, and a check decodes only
# those its items and clauses reach (a few per cent).
_LAZY_LABELS = frozenset({"Provision"})


def _dumps(props: Any) -> str | bytes:
    """``props`` as the stored JSON text (UTF-8 bytes from orjson where it gives the same values).

    orjson writes NaN and infinities as ``null`` and refuses non-string keys and
    integers beyond 64 bits; the standard library keeps those as before.  An
    output with ``null`` in it is re-encoded by the standard library, which
    costs little: properties at their default (None) are not stored.  Dates and
    dataclasses, which json.dumps refuses, are refused here too.
    """
    try:
        text = orjson.dumps(props, option=_ORJSON_OPTIONS)
    except TypeError:
        return json.dumps(props, ensure_ascii=False, separators=(",", ":"))
    if b"null" in text:
        return json.dumps(props, ensure_ascii=False, separators=(",", ":"))
    return text


_ORJSON_OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS


class _WideInteger(Exception):
    """orjson read an integer beyond 64 bits, which it turns into a float."""


def _exact(value: Any) -> Any:
    """``value`` (a decoded float, list or dict); raises _WideInteger where orjson may have lost an integer."""
    if value.__class__ is float:
        if abs(value) >= 9.2e18 and value.is_integer():
            raise _WideInteger
    elif value.__class__ is list:
        for item in value:
            if item.__class__ in _NESTED:  # strings and integers are exact: no call for each
                _exact(item)
    elif value.__class__ is dict:
        for item in value.values():
            if item.__class__ in _NESTED:
                _exact(item)
    return value


_NESTED = frozenset({float, list, dict})


def _loads(text: bytes | str) -> Any:
    """JSON as ``json.loads`` reads it (orjson where that is the same)."""
    try:
        return _exact(orjson.loads(text))
    except (orjson.JSONDecodeError, _WideInteger):  # NaN, Infinity or a huge integer written by json.dumps
        return json.loads(text)


def _decoded(node_attrs: dict, node_id: str, text: bytes) -> dict[str, Any]:
    """The properties of a node read undecoded (:data:`_LAZY_LABELS`), decoded now and kept in its place."""
    props = node_attrs[node_id] = _loads(text)
    return props


def _shared_value(value: Any, share, exact=_exact) -> Any:
    """A decoded value that is not a string or a plain scalar: dicts get shared string values.

    ``exact`` checks what orjson decoded (see _exact); json.loads's values pass as they are.
    """
    if value.__class__ is dict:
        return {k: share(v, v) if v.__class__ is str else exact(v) for k, v in value.items()}
    return exact(value)


def _as_is(value: Any) -> Any:
    return value


class EmbeddedStore(Store):
    """A networkx ``MultiDiGraph`` (at most one edge per (src, dst, type)) saved to one file.

    :attr:`graph` is the graph itself, read-only (frozen), for networkx
    algorithms: node attributes are the node's properties, edge keys the edge
    types; :meth:`label_of` gives a node's label.

    >>> import tempfile, pathlib
    >>> import networkx as nx
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "demo.kg"
    >>> store = EmbeddedStore(path)
    >>> with store.transaction() as tx:
    ...     tx.add_nodes([Node("a", "Law", {"title": "a"}), Node("b", "LawVersion", {})])
    ...     tx.add_edges([Edge("a", "b", "HAS_VERSION")])
    >>> EmbeddedStore(path).count("Law")
    1
    >>> graph = EmbeddedStore(path).graph
    >>> nx.shortest_path(graph, "a", "b"), list(graph.edges(keys=True)), graph.nodes["a"]
    (['a', 'b'], [('a', 'b', 'HAS_VERSION')], {'title': 'a'})
    """

    backend = "embedded"

    def __init__(self, path: str | os.PathLike[str], *, create: bool = True, snapshots: bool = True) -> None:
        self.path = Path(path)
        # read from (and write) the snapshot beside the file (_read_snapshot); PLKG_SNAPSHOT=0 turns it off
        self.snapshots = snapshots and os.environ.get("PLKG_SNAPSHOT", "1") != "0"
        self._index: dict[tuple[str, str], dict[Any, list[str]]] = {}
        self._views: dict[str, Any] = {}  # bulk views computed once per committed state
        self._in_tx = False
        if self.path.is_dir():
            raise StoreError(f"{self.path}: a folder, not a store file (name the file: --store {self.path / 'powerlist.kg'})")
        if self.path.exists():
            self._check_format()  # a file that is not a store is refused now; the graph is read when first used
        elif not create:
            raise StoreError(f"{self.path}: no such store (plkg load laws … --store {self.path} creates it)")
        elif not self.path.parent.exists():
            raise StoreError(f"{self.path}: folder {self.path.parent} does not exist")
        else:
            self._set_graph(_new_graph(), {}, defaultdict(set), 0)

    def __getattr__(self, name: str) -> Any:
        # Only called when normal lookup fails: the graph has not been read yet.
        if name in _GRAPH_ATTRIBUTES:
            self._read()
            return self.__dict__[name]
        raise AttributeError(name)

    @property
    def graph(self) -> nx.MultiDiGraph:
        """The graph (read-only: write through :meth:`transaction`, which keeps the file in step)."""
        graph = self._graph
        node_attrs = graph._node
        for node_id in [n for n, props in node_attrs.items() if props.__class__ is bytes]:
            _decoded(node_attrs, node_id, node_attrs[node_id])  # networkx reads the attribute dicts directly
        if graph._succ.__class__ is _Adjacency or graph._pred.__class__ is _Adjacency:
            # networkx iterates _succ and _pred for the nodes (degree views): every node gets its entry, once
            graph._succ = graph._adj = _every_node(node_attrs, graph._succ)
            graph._pred = _every_node(node_attrs, graph._pred)
        return graph

    def label_of(self, node_id: str) -> str | None:
        """The label of a node, or None when there is no such node."""
        return self._label_of.get(node_id)

    @property
    def _loaded(self) -> bool:
        return "_graph" in self.__dict__

    def _set_graph(self, graph: nx.MultiDiGraph, label_of: dict[str, str], labels, edge_total: int) -> None:
        self._graph, self._label_of, self._labels, self._edge_total = graph, label_of, labels, edge_total
        self._state = None  # a graph made here, not read from a state of the file
        self._index.clear()
        self._views.clear()

    def close(self) -> None:
        """Drop the graph (read again from the file if the store is used after all)."""
        if not self._in_tx:
            self._unload()

    def _drop_indexes(self, labels: set[str]) -> None:
        """Forget the property indexes of ``labels`` (a power list written chunk by chunk keeps the laws' ones)."""
        for key in [key for key in self._index if key[0] in labels]:
            del self._index[key]

    def _unload(self) -> None:
        """Forget the graph; the next access reads the file again."""
        for name in _GRAPH_ATTRIBUTES:
            self.__dict__.pop(name, None)
        self.__dict__.pop("_state", None)
        self._index.clear()
        self._views.clear()

    # --- persistence -------------------------------------------------------------

    def _connect_ro(self) -> sqlite3.Connection:
        try:
            # No memory map: its pages would count in the resident set (ru_maxrss).
            return sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open store ({exc})") from None

    def _check_format(self, conn: sqlite3.Connection | None = None) -> None:
        """Refuse a file that is not a store; a store of the first format is migrated first."""
        own = conn is None
        conn = conn or self._connect_ro()
        try:
            try:
                row = conn.execute("SELECT value FROM meta WHERE key='format'").fetchone()
            except sqlite3.DatabaseError:
                raise StoreError(f"{self.path}: not a powerlist-kg store") from None
            if row and row[0] == FORMAT_1 and own:
                conn.close()
                own = False
                _migrate_format_1(self.path)
            elif not row or row[0] != FORMAT:
                raise StoreError(f"{self.path}: not a powerlist-kg store (format {row[0] if row else 'missing'})")
        finally:
            if own:
                conn.close()

    def _read(self) -> None:
        # The cyclic GC rescans the growing heap while millions of dicts are
        # made; pausing it makes a reopen several times faster.
        with collector_paused(freeze=True):
            self._read_file()

    def _read_file(self) -> None:
        self._check_format()  # a first-format file put in the store's place since it was opened is migrated too
        # The snapshot beside the file (see _read_snapshot) when it was made from the file as it is now.
        identity = _file_identity(self.path) if self.snapshots else None
        if identity is not None and identity[2] < SNAPSHOT_MIN_BYTES:
            identity = None  # a small store reads from its rows in a moment
        self._state = None
        if identity is not None:
            read = _read_snapshot(self.path, identity)
            if read is not None:
                self._graph, self._label_of, self._labels, self._edge_total = read
                self._state = identity
                return
        label_list = self._read_rows()
        # Made from the rows just read, before any query decodes a node: only if the file is still the one
        # whose identity was taken before the read (a commit of another process renames a new file in).
        if identity is not None and _file_identity(self.path) == identity:
            _write_snapshot(self.path, identity, self._graph, label_list, self._edge_total)
            self._state = identity

    def _read_rows(self) -> list[str]:
        """The graph read from the file's rows; returns each node's label in the order of the nodes."""
        conn = self._connect_ro()
        try:
            self._check_format(conn)
            graph = _new_graph()
            node_attrs = graph._node
            loads, decode_error = orjson.loads, (orjson.JSONDecodeError, _WideInteger)
            plain = {int, bool, type(None)}
            lazy = _LAZY_LABELS
            # Keep one object per distinct string: ids repeat in every edge, and
            # lists repeat the same texts (责任事项, 追责情形, cited articles).
            # orjson already shares the keys it decodes.
            shared: dict[str, str] = {}
            share = shared.setdefault
            str_ = str
            label_objects: dict[str, str] = {}
            label_list: list[str] = []
            labels_in_order = label_list.append
            # node number -> id object (numbers are rowids: dense but for removed nodes)
            top = conn.execute("SELECT max(n) FROM nodes").fetchone()[0]
            id_of: list[str | None] = [None] * ((top or 0) + 1)
            rows = conn.execute("SELECT n, id, label, CAST(props AS BLOB) FROM nodes")
            for number, node_id, label, text in rows:
                id_of[number] = node_id = share(node_id, node_id)
                label = label_objects.setdefault(label, label)
                if label in lazy:  # kept as read: decoded when first asked for (_decoded)
                    node_attrs[node_id] = text
                    labels_in_order(label)
                    continue
                # A new dict is also smaller than orjson's presized one (464 against 632 bytes for 14 keys).
                try:
                    props = {
                        key: share(value, value) if value.__class__ is str_
                        else value if value.__class__ in plain else _shared_value(value, share)
                        for key, value in loads(text).items()
                    }
                except decode_error:
                    props = {
                        key: share(value, value) if value.__class__ is str_
                        else value if value.__class__ in plain else _shared_value(value, share, _as_is)
                        for key, value in json.loads(text).items()
                    }
                node_attrs[node_id] = props
                labels_in_order(label)
            # Labels after the loop, in C where it can be: node_attrs keeps the rows' order.
            label_of, labels = _label_index(node_attrs, label_list)
            # Every node starts without neighbours (_Adjacency: the nodes with neighbours alone have entries)
            graph._succ = graph._adj = succ = _Adjacency()
            graph._pred = pred = _Adjacency()
            total = 0
            kinds: dict[str, str] = {}
            one_edge = _ONE_EDGE
            del shared
            rows = conn.execute("SELECT src, dst, type, CASE props WHEN '{}' THEN NULL ELSE props END FROM edges")
            for src, dst, etype, text in rows:
                # The nodes' own id objects, shared by every edge.
                try:
                    src, dst = id_of[src], id_of[dst]
                except IndexError:
                    continue  # an edge to a missing node is dropped, as add_edges refuses one
                if src is None or dst is None:
                    continue
                etype = kinds.setdefault(etype, etype)
                total += 1
                out = succ[src]
                if text is None and dst not in out:
                    # The common case: a new neighbour, one edge without properties.  _join
                    # written out here: a call per edge costs 5% of a million-item graph read.
                    keys = one_edge.get(etype) or _one_edge(etype)
                    if out is _NO_NEIGHBOURS:
                        out = succ[src] = {}
                    out[dst] = keys
                    into = pred[dst]
                    if into is _NO_NEIGHBOURS:
                        into = pred[dst] = {}
                    into[src] = keys
                    continue
                _link(succ, pred, src, dst, etype, None if text is None else _loads(text))
            del id_of
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: damaged store ({exc})") from None
        finally:
            conn.close()
        # Not _set_graph: a view cache made just before this first read (view_cache
        # makes its cache, then reads) stays valid; _unload cleared what an older graph left.
        self._graph, self._label_of, self._labels, self._edge_total = graph, label_of, labels, total
        return label_list

    def _persist(self, log: "_Log") -> None:
        with collector_paused(freeze=True):
            self._persist_file(log)
    def _persist_file(self, log: "_Log") -> None:
        directory = self.path.parent
        tmp = _temp_beside(self.path)
        try:
            if self.path.exists():
                shutil.copyfile(self.path, tmp)
            fresh = not self.path.exists()
            conn = sqlite3.connect(tmp)
            try:
                if fresh:  # 16 KB pages: an 11 % smaller file than 4 KB at 100k items, fewer overflow pages
                    conn.execute("PRAGMA page_size=16384")
                # The temporary file is the journal: the rename is the commit.
                conn.execute("PRAGMA journal_mode=OFF")
                conn.execute("PRAGMA synchronous=OFF")
                conn.execute("PRAGMA locking_mode=EXCLUSIVE")
                conn.execute("PRAGMA cache_size=-131072")  # 128 MB: the primary-key indexes stay in memory
                conn.executescript(_SCHEMA)
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('format', ?)", (FORMAT,))
                with conn:
                    self._apply(conn, log)
            finally:
                conn.close()
            with open(tmp, "rb+") as handle:
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
            for made in (_snapshot_path(self.path), _views_path(self.path)):
                with contextlib.suppress(OSError):  # made from the file just replaced: never read again
                    made.unlink()
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
        node_attrs, label_of, succ = self._graph._node, self._label_of, self._graph._succ
        # A removed node's out-edges go by the key's prefix (src); its in-edges from nodes that stay were logged
        # edge by edge when it was removed (remove_nodes): "WHERE dst = ?" has no index and scanned every edge
        # once per removed node (reloading the 12 Karamay lists into the whole-corpus store: over 15 minutes).
        ids = [(i,) for i in sorted(log.removed_nodes)]
        if ids:
            conn.executemany(f"DELETE FROM edges WHERE src = {_NUMBER}", ids)
        if log.removed_edges:
            conn.executemany(f"DELETE FROM edges WHERE src = {_NUMBER} AND dst = {_NUMBER} AND type = ?",
                             sorted(log.removed_edges))
        if ids:
            conn.executemany("DELETE FROM nodes WHERE id = ?", ids)
        # Rows go in key order: the id index then grows at its end instead of
        # splitting pages all over (and the file no longer depends on the hash
        # order of a set).  CAST keeps orjson's UTF-8 bytes a TEXT value.  A node
        # written again keeps its number (an upsert, not a replace), so edges
        # naming it stay valid.
        conn.executemany(
            "INSERT INTO nodes (id, label, props) VALUES (?, ?, CAST(? AS TEXT))"
            " ON CONFLICT (id) DO UPDATE SET label = excluded.label, props = excluded.props",
            (
                (node_id, label_of[node_id], props if props.__class__ is bytes else _dumps(props))
                for node_id in _sorted_unique(log.nodes)
                if (props := node_attrs.get(node_id)) is not None
            ),
        )
        conn.executemany(f"INSERT OR REPLACE INTO edges VALUES ({_NUMBER}, {_NUMBER}, ?, CAST(? AS TEXT))",
                         _edge_rows(succ, log.sources))

    # --- transactions --------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Writer]:
        if self._in_tx:
            raise StoreError("nested transactions are not supported")
        self._in_tx = True
        self._state = None  # the graph in memory is no read of a file state any more: no views are kept for it
        writer = _EmbeddedWriter(self)
        try:
            with collector_paused(freeze=True):
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
            self._unload()  # read again from the untouched file when next used
        else:
            self._set_graph(_new_graph(), {}, defaultdict(set), 0)

    # --- views kept beside the snapshot ------------------------------------------------

    def kept_views(self) -> Any | None:
        """What :meth:`keep_views` wrote for the file state the graph was read from, with today's code, or None
        (none kept, another state, damaged: the caller computes them)."""
        self._graph  # noqa: B018 - the graph read first: its state is the one asked about
        state = self.__dict__.get("_state")
        return None if state is None else _read_views(self.path, state)

    def keep_views(self, payload: Any) -> None:
        """Write ``payload`` (rows of :mod:`kg.views`: :data:`VIEW_ROW_CLASSES` in dicts, lists and tuples) beside
        the file as the views of the state the graph was read from, when it was (a snapshot's state) and the
        file is still in it; nothing if it cannot be written."""
        state = self.__dict__.get("_state")
        if state is not None and _file_identity(self.path) == state:
            _write_views(self.path, state, payload)

    # --- reads -----------------------------------------------------------------------

    def get(self, node_id: str) -> Node | None:
        props = self._graph._node.get(node_id)
        if props is None:
            return None
        if props.__class__ is bytes:
            props = _decoded(self._graph._node, node_id, props)
        return Node(node_id, self._label_of[node_id], props)

    def nodes(self, label: str, **where: Any) -> Iterator[Node]:
        node_attrs = self._graph._node
        if len(where) >= 1:
            key, value = next(iter(where.items()))
            ids: Iterable[str] = self._lookup(label, key, value)
            rest = {k: v for k, v in where.items() if k != key}
        else:
            ids, rest = list(self._labels.get(label, ())), {}
        for node_id in ids:
            props = node_attrs.get(node_id)
            if props is None:
                continue
            if props.__class__ is bytes:
                props = _decoded(node_attrs, node_id, props)
            if all(props.get(k) == v for k, v in rest.items()):
                yield Node(node_id, label, props)

    def nodes_unread(self, label: str) -> Iterator[Node]:
        """The nodes of ``label`` straight from the file while the graph has not been read (else :meth:`nodes`).

        Reading the whole-corpus store takes ~8 CPU s; its 6,500 laws and versions take a fraction of one, so
        ``plkg impact 不存在的法`` is refused at once.
        """
        if self._loaded:
            yield from self.nodes(label)
            return
        conn = self._connect_ro()
        try:
            rows = conn.execute("SELECT id, CAST(props AS BLOB) FROM nodes WHERE label = ?", (label,)).fetchall()
        finally:
            conn.close()
        for node_id, text in rows:
            yield Node(node_id, label, _loads(text))

    def _lookup(self, label: str, key: str, value: Any) -> list[str]:
        """Ids of ``label`` nodes with ``props[key] == value``, via a lazy hash index."""
        index = self._index.get((label, key))
        if index is None:
            index = defaultdict(list)
            node_attrs = self._graph._node
            for node_id in self._labels.get(label, ()):
                props = node_attrs[node_id]
                v = (_decoded(node_attrs, node_id, props) if props.__class__ is bytes else props).get(key)
                try:
                    index[v].append(node_id)
                except TypeError:  # unhashable values are not indexed
                    continue
            self._index[(label, key)] = index
        try:
            return list(index.get(value, ()))
        except TypeError:
            return [n.id for n in self.nodes(label) if n.props.get(key) == value]

    # The reads below walk networkx's adjacency dicts directly: its edge views
    # cost several times more per edge, and queries walk millions of edges.
    def out_edges(self, node_id: str, type: str | None = None) -> Iterator[Edge]:
        return _edges(self._graph._succ.get(node_id), node_id, type, outgoing=True)

    def in_edges(self, node_id: str, type: str | None = None) -> Iterator[Edge]:
        return _edges(self._graph._pred.get(node_id), node_id, type, outgoing=False)

    def targets(self, node_id: str, type: str) -> Iterator[Node]:
        """Nodes reached by ``type`` edges, without making Edge objects (the hottest read)."""
        return _neighbours(self._graph._succ.get(node_id), self._graph._node, self._label_of, type)

    def targets_by_type(self, node_id: str, types: tuple[str, ...]) -> tuple[list[Node], ...]:
        """One walk of the node's out-edges (``check all`` asks three types of each of a million items)."""
        found: tuple[list[Node], ...] = tuple([] for _ in types)
        adjacency = self._graph._succ.get(node_id)
        if not adjacency:
            return found
        node_attrs, label_of = self._graph._node, self._label_of
        for other, keys in adjacency.items():
            for position, type in enumerate(types):
                if type in keys:
                    props = node_attrs.get(other)
                    if props is not None:
                        if props.__class__ is bytes:
                            props = _decoded(node_attrs, other, props)
                        found[position].append(Node(other, label_of[other], props))
        return found

    def sources(self, node_id: str, type: str) -> Iterator[Node]:
        return _neighbours(self._graph._pred.get(node_id), self._graph._node, self._label_of, type)

    def count(self, label: str, **where: Any) -> int:
        if not where:
            return len(self._labels.get(label, ()))
        return sum(1 for _ in self.nodes(label, **where))

    def edge_count(self, type: str | None = None) -> int:
        if type is None:
            return self._edge_total
        return sum(type in keys for adjacency in self._graph._succ.values() for keys in adjacency.values())

    def labels_of(self, label: str) -> int:
        return len(self._labels.get(label, ()))

    def stats(self) -> StoreStats:
        """As :meth:`Store.stats`; counted by SQLite when the graph has not been read (``plkg stats``)."""
        if self._loaded or not self.path.exists():
            return super().stats()
        conn = self._connect_ro()
        try:
            counts = dict(conn.execute("SELECT label, count(*) FROM nodes GROUP BY label"))
            articles = _count_where(conn, "Provision", "kind", ProvisionKind.ARTICLE.value)
            resolved = _count_where(conn, "Citation", "status", CitationStatus.RESOLVED.value)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: damaged store ({exc})") from None
        finally:
            conn.close()
        return StoreStats(
            law_versions=counts.get("LawVersion", 0),
            laws=counts.get("Law", 0),
            articles=articles,
            provisions=counts.get("Provision", 0),
            citations=counts.get("Citation", 0),
            citations_resolved=resolved,
            clauses=counts.get("AuthorisingClause", 0),
            governments=counts.get("Government", 0),
            departments=counts.get("Department", 0),
            power_items=counts.get("PowerItem", 0),
            responsibilities=counts.get("Responsibility", 0),
        )




# --- the snapshot ---------------------------------------------------------------------
# Building the graph from the rows is a Python loop over every node and edge (whole corpus + 100k items:
# 890,000 nodes and 1,070,000 edges, ~7 CPU s; 1M items ~37 s), paid by every command before anything else.
# The first read of a store of at least SNAPSHOT_MIN_BYTES writes what it built beside the file
# (``<store>.snapshot``), as a pickle the next reads load in C in under half that time.
#
# - It is made from the rows as read (before a query decodes a provision), so a read of the snapshot gives the
#   graph a read of the rows gives: the same dicts in the same order, one object per distinct string.
# - It names the file it was made from (device, inode, size, modification time in ns and SQLite's change
#   counter): every commit renames a new file over the store (a new inode), and so does a migration, so a
#   snapshot of an older state is never read; the commit also removes it.  The store file itself is never
#   written by a read: no reader can race a writer's commit.
# - It is written to a temporary file and renamed, as a commit is; a snapshot that cannot be written (a
#   read-only folder, a full disk) is not, silently; one that cannot be read (damaged, truncated, another
#   Python's) is ignored and written again.
# - Loading it runs no code: the unpickler refuses every global (no class, no function can be named), and
#   the snapshot holds only dicts, lists, strings, bytes, numbers, booleans and None.

# - ``PLKG_SNAPSHOT=0`` in the environment (or ``EmbeddedStore(path, snapshots=False)``) neither reads nor
#   writes one (a disk without room for it: it takes about half the store file's size).

SNAPSHOT_MIN_BYTES = 32 * 2**20
"""Stores smaller than this are read from their rows only (a few seconds' work at most: no second file)."""

_SNAPSHOT_MAGIC = b"powerlist-kg snapshot 1\n"


def _snapshot_path(path: Path) -> Path:
    return path.with_name(path.name + ".snapshot")


def _file_identity(path: Path) -> tuple[int, ...] | None:
    """What tells this state of the store file from any other: (device, inode, size, mtime ns, change counter)."""
    try:
        with open(path, "rb") as handle:
            stat = os.fstat(handle.fileno())
            header = handle.read(28)
    except OSError:
        return None
    counter = int.from_bytes(header[24:28], "big") if len(header) == 28 else -1
    return (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, counter)


class _NoGlobals(pickle.Unpickler):
    """An unpickler that names no class or function: loading runs no code."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"a snapshot names no global ({module}.{name})")


def _header(identity: tuple[int, ...]) -> bytes:
    return _SNAPSHOT_MAGIC + json.dumps([FORMAT, *identity]).encode("ascii") + b"\n"


def _write_snapshot(path: Path, identity: tuple[int, ...], graph: nx.MultiDiGraph, label_list: list[str],
                    edge_total: int) -> None:
    """The graph just read from ``path`` (in the state ``identity``) written beside it; nothing if it cannot be."""
    node_attrs = graph._node
    # Only the nodes with neighbours: the read gives the others the one shared empty dict again.
    succ = {node: adjacency for node, adjacency in graph._succ.items() if adjacency is not _NO_NEIGHBOURS}
    pred = {node: adjacency for node, adjacency in graph._pred.items() if adjacency is not _NO_NEIGHBOURS}
    # one pickle: the strings and the shared edge dicts stay one object each
    _write_pickle_beside(_snapshot_path(path), _header(identity), (node_attrs, label_list, succ, pred, edge_total))


def _write_pickle_beside(target: Path, header: bytes, payload: Any) -> None:
    """``header`` and the pickle of ``payload`` written to ``target`` atomically (temp file, fsync, rename);
    nothing if it cannot be written: a snapshot or views file is a cache, an interrupt is not swallowed."""
    try:
        tmp = _temp_beside(target)
    except OSError:
        return
    try:
        with open(tmp, "wb", buffering=1 << 20) as handle:
            handle.write(header)
            pickle.Pickler(handle, protocol=5).dump(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if not isinstance(exc, (OSError, pickle.PicklingError, RecursionError)):
            raise


def _read_pickle_beside(target: Path, header: bytes, unpickler: type[pickle.Unpickler]) -> Any | None:
    """What :func:`_write_pickle_beside` wrote to ``target`` with this ``header``, loaded by ``unpickler``; None
    when the file is missing, was made for another state or code, or is damaged, truncated or not ours."""
    try:
        handle = open(target, "rb", buffering=1 << 20)
    except OSError:
        return None
    with handle:
        if handle.read(len(header)) != header:
            return None
        try:
            return unpickler(handle).load()
        except Exception:  # noqa: BLE001 - the caller computes it instead
            return None


def _read_snapshot(path: Path, identity: tuple[int, ...]):
    """(graph, label_of, labels, edge total) from the snapshot beside ``path`` if it was made from the file in
    the state ``identity``, else None."""
    payload = _read_pickle_beside(_snapshot_path(path), _header(identity), _NoGlobals)
    if not (payload.__class__ is tuple and len(payload) == 5):
        return None
    node_attrs, label_list, succ_of, pred_of, edge_total = payload
    if not (node_attrs.__class__ is dict and label_list.__class__ is list and len(label_list) == len(node_attrs)
            and succ_of.__class__ is dict and pred_of.__class__ is dict and edge_total.__class__ is int):
        return None
    graph = _new_graph()
    graph._node = node_attrs
    label_of, labels = _label_index(node_attrs, label_list)
    # the nodes with neighbours, in the order a read of the rows gives them; every other node holds the one shared
    # empty dict through _Adjacency.__missing__ (two dicts of every node: 0.5 CPU s at whole corpus + 100k)
    graph._succ = graph._adj = _Adjacency(succ_of)
    graph._pred = _Adjacency(pred_of)
    return graph, label_of, labels, edge_total


def _label_index(node_attrs: Mapping[str, Any], label_list: list[str]) -> tuple[dict[str, str], defaultdict[str, set[str]]]:
    """(node id -> label, label -> node ids) of the nodes in order and their labels (a read of the rows or of
    the snapshot)."""
    label_of = dict(zip(node_attrs, label_list))
    ids_of: dict[str, list[str]] = {}
    for node_id, label in label_of.items():
        ids = ids_of.get(label)
        if ids is None:
            ids = ids_of[label] = []
        ids.append(node_id)
    labels: defaultdict[str, set[str]] = defaultdict(set)
    labels.update((label, set(ids)) for label, ids in ids_of.items())
    return label_of, labels


# --- views kept beside the snapshot -------------------------------------------------------------------------
# What ``check`` derives from the laws before its first government (every clause in force with its provision,
# article and version rows: ~38,000 on a whole corpus, ~1 CPU s before the workers fork) is kept in
# ``<store>.views`` by the first check after a snapshot was made, and loaded by the next ones (kg.views,
# clauses_in_force).  The same rules as the snapshot's: tied to the file state the graph was read from (and
# removed by every commit), written to a temporary file and renamed, ignored when damaged.  It also names the
# code that made it (a digest of kg/views.py, kg/embedded.py and kg/model.py): rows of another version of the
# code are never read.  Its unpickler names the four row classes of kg.views and nothing else: loading it runs
# no code but their (dataclass) construction, without __init__.

_VIEWS_MAGIC = b"powerlist-kg views 1\n"

VIEW_ROW_CLASSES = frozenset({"ClauseRef", "ProvisionRef", "VersionRef", "ClauseInForce"})
"""The classes of :mod:`kg.views` a views file may hold."""


def _views_path(path: Path) -> Path:
    return path.with_name(path.name + ".views")


@functools.lru_cache(maxsize=1)
def _code_digest() -> str:
    """A digest of the code that makes the kept views' rows: another version of it makes no rows of theirs."""
    from . import model, views

    digest = hashlib.sha256()
    for module in (views, model, sys.modules[__name__]):
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()


def _views_header(identity: tuple[int, ...]) -> bytes:
    return _VIEWS_MAGIC + json.dumps([FORMAT, *identity, _code_digest()]).encode("ascii") + b"\n"


class _RowsOnly(pickle.Unpickler):
    """An unpickler that names the row classes of :mod:`kg.views` (:data:`VIEW_ROW_CLASSES`) and no other global."""

    def find_class(self, module: str, name: str) -> Any:
        if module == "kg.views" and name in VIEW_ROW_CLASSES:
            from . import views

            return getattr(views, name)
        raise pickle.UnpicklingError(f"kept views name no global but kg.views' rows ({module}.{name})")


def _write_views(path: Path, identity: tuple[int, ...], payload: Any) -> None:
    _write_pickle_beside(_views_path(path), _views_header(identity), payload)


def _read_views(path: Path, identity: tuple[int, ...]) -> Any | None:
    return _read_pickle_beside(_views_path(path), _views_header(identity), _RowsOnly)


def _temp_beside(path: Path) -> Path:
    """A new temporary file beside ``path`` for a commit, named ``<store>.<pid>.<random>.tmp``.

    A process killed mid-commit (kill -9, a power cut) cannot remove its temporary file: the store is
    untouched, but a copy of it (hundreds of MB) stayed beside it for good.  The next commit removes
    those whose process is gone; another live writer's file is left alone.
    """
    for stale in path.parent.glob(glob.escape(path.name) + ".*.tmp"):
        pid = stale.name[len(path.name) + 1:].split(".", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                stale.unlink()
    fd, name = tempfile.mkstemp(prefix=f"{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    return Path(name)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's live process
        return True
    return True


def _migrate_format_1(path: Path) -> None:
    """Rewrite a ``powerlist-kg/1`` store (edges naming nodes by id) in the current format, atomically.

    The new file is written beside the old one (same page size), fsynced and
    renamed over it, as a commit is: a failure leaves the old file as it was.
    Edges naming a missing node are dropped, as a read of the old format dropped them.
    """
    tmp = _temp_beside(path)
    try:
        conn = sqlite3.connect(tmp)
        try:
            old = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                page_size = old.execute("PRAGMA page_size").fetchone()[0]
            finally:
                old.close()
            conn.execute(f"PRAGMA page_size={int(page_size)}")
            conn.execute("PRAGMA journal_mode=OFF")
            conn.execute("PRAGMA synchronous=OFF")
            conn.execute("PRAGMA cache_size=-131072")
            conn.executescript(_SCHEMA)
            conn.execute("ATTACH DATABASE ? AS old", (str(path),))  # only read
            with conn:
                conn.execute("INSERT INTO meta SELECT key, value FROM old.meta WHERE key != 'format'")
                conn.execute("INSERT INTO meta VALUES ('format', ?)", (FORMAT,))
                conn.execute("INSERT INTO nodes (id, label, props) SELECT id, label, props FROM old.nodes ORDER BY id")
                conn.execute("INSERT INTO edges SELECT s.n, d.n, e.type, e.props FROM old.edges e"
                             " JOIN nodes s ON s.id = e.src JOIN nodes d ON d.id = e.dst ORDER BY s.n, d.n, e.type")
            conn.execute("DETACH DATABASE old")
        finally:
            conn.close()
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except sqlite3.DatabaseError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise StoreError(f"{path}: damaged store ({exc})") from None
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise StoreError(f"{path}: store of format {FORMAT_1} cannot be migrated to {FORMAT} here "
                         f"({exc.strerror}): open it where its folder is writable") from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _count_where(conn: sqlite3.Connection, label: str, key: str, value: str) -> int:
    """Nodes of ``label`` whose property ``key`` is the string ``value`` (as ``count(label, key=value)``)."""
    query = ("SELECT count(*) FROM nodes WHERE label = ? AND json_extract(props, ?) = ?"
             " AND json_type(props, ?) = 'text'")
    path = "$." + json.dumps(key, ensure_ascii=False)
    return conn.execute(query, (label, path, value, path)).fetchone()[0]


# --- adjacency ----------------------------------------------------------------------
# networkx's own layout: _succ[src][dst] and _pred[dst][src] are one dict
# {edge type: properties} shared by both directions.  What a million items would
# make millions of times is shared instead, and copied before a change:
# - a node without neighbours one way holds _NO_NEIGHBOURS (one empty dict);
# - a pair joined by one edge without properties holds _one_edge(type), one
#   dict per edge type, whose properties are _NO_PROPS (one empty dict).
# The graph is frozen (nx.freeze), so networkx's own methods cannot write
# into these shared dicts; the store writes through the functions below.

_NO_NEIGHBOURS: dict = {}
_NO_PROPS: dict = {}
_ONE_EDGE: dict[str, dict[str, dict]] = {}


class _Adjacency(dict):
    """``_succ`` or ``_pred`` of a graph read from the file: the nodes with neighbours that way, and for any other
    key :data:`_NO_NEIGHBOURS` (``adjacency[node]``; ``get`` gives None, which the reads take as none).

    A dict of every node costs a second presized table of 890,000 keys per direction on a whole corpus + 100k
    (0.5 CPU s of the serial read, and its pages), where 550,000 nodes have out-edges and fewer in-edges.
    networkx iterates ``_succ`` for the nodes, so :attr:`EmbeddedStore.graph` gives it :func:`_every_node`'s.

    >>> adjacency = _Adjacency({"a": {"b": {"T": {}}}})
    >>> adjacency["a"], adjacency["z"] is _NO_NEIGHBOURS, "z" in adjacency, adjacency.get("z")
    ({'b': {'T': {}}}, True, False, None)
    """

    __slots__ = ()

    def __missing__(self, node_id: str) -> dict:
        return _NO_NEIGHBOURS


def _every_node(node_attrs: Mapping[str, Any], adjacency: dict) -> dict:
    """``adjacency`` as a plain dict with an entry for every node, in the nodes' order (:data:`_NO_NEIGHBOURS`
    for a node without neighbours that way), as networkx keeps it."""
    if adjacency.__class__ is not _Adjacency:
        return adjacency
    every = dict.fromkeys(node_attrs, _NO_NEIGHBOURS)
    every.update(adjacency)
    return every


def _new_graph() -> nx.MultiDiGraph:
    return nx.freeze(nx.MultiDiGraph())


def _one_edge(etype: str) -> dict[str, dict]:
    """The shared key dict of a pair joined by one ``etype`` edge without properties."""
    keys = _ONE_EDGE.get(etype)
    if keys is None:
        keys = _ONE_EDGE[etype] = {etype: _NO_PROPS}
    return keys


def _join(succ: dict, pred: dict, src: str, dst: str, keys: dict) -> None:
    """Make ``keys`` the edges from ``src`` to ``dst`` (their adjacency dicts made when shared empty)."""
    out = succ[src]
    if out is _NO_NEIGHBOURS:
        out = succ[src] = {}
    out[dst] = keys
    into = pred[dst]
    if into is _NO_NEIGHBOURS:
        into = pred[dst] = {}
    into[src] = keys


def _set_keys(succ: dict, pred: dict, src: str, dst: str, keys: dict | None) -> None:
    """Make ``keys`` the edges from ``src`` to ``dst`` (None: no edge left between them)."""
    if keys is not None:
        _join(succ, pred, src, dst, keys)
        return
    for adjacency, node, other in ((succ, src, dst), (pred, dst, src)):
        entry = adjacency[node]
        if other in entry:
            del entry[other]
            if not entry:
                adjacency[node] = _NO_NEIGHBOURS


def _link(succ: dict, pred: dict, src: str, dst: str, etype: str, props: Mapping[str, Any] | None) -> None:
    """Add or replace the edge (src, dst, etype); ``props`` None or empty for none."""
    keys = succ[src].get(dst)
    if not props and (keys is None or keys is _ONE_EDGE.get(etype)):
        new = _one_edge(etype)
    else:
        new = dict(keys) if keys else {}  # a copy: ``keys`` may be shared
        new[etype] = dict(props) if props else _NO_PROPS
    _set_keys(succ, pred, src, dst, new)


def _unlink(succ: dict, pred: dict, src: str, dst: str, etype: str) -> bool:
    """Remove the edge (src, dst, etype); False when there is none."""
    keys = succ[src].get(dst) if src in succ else None
    if keys is None or etype not in keys:
        return False
    rest = {k: v for k, v in keys.items() if k != etype}
    if len(rest) == 1 and not next(iter(rest.values())):
        rest = _one_edge(next(iter(rest)))
    _set_keys(succ, pred, src, dst, rest or None)
    return True


def _has_edge(succ: dict, src: str, dst: str, etype: str) -> bool:
    keys = succ[src].get(dst)
    return keys is not None and etype in keys


def _sorted_unique(ids: list[str]) -> Iterator[str]:
    """The distinct ``ids``, in order; sorts the list in place (no second copy of millions of ids)."""
    ids.sort()
    last = None
    for node_id in ids:
        if node_id != last:
            yield node_id
            last = node_id


def _edge_rows(succ: dict, sources: Iterable[str]) -> Iterator[tuple[str, str, str, str | bytes]]:
    """(src, dst, type, props JSON) of every current out-edge of ``sources``, in source order."""
    for src in _sorted_unique(sources):
        for dst, keys in succ.get(src, _NO_NEIGHBOURS).items():
            for etype, props in keys.items():
                yield src, dst, etype, _dumps(props) if props else "{}"


def _edges(adjacency: dict | None, node_id: str, type: str | None, *, outgoing: bool) -> Iterator[Edge]:
    if not adjacency:
        return
    for other, keys in list(adjacency.items()):
        if type is None:
            items = [(etype, dict(props)) for etype, props in keys.items()]
        else:
            props = keys.get(type)
            if props is None:
                continue
            items = [(type, dict(props))]
        for etype, props in items:
            yield Edge(node_id, other, etype, props) if outgoing else Edge(other, node_id, etype, props)


def _neighbours(adjacency: dict | None, node_attrs: dict, label_of: dict, type: str) -> Iterator[Node]:
    if not adjacency:
        return
    for other, keys in list(adjacency.items()):
        if type in keys:
            props = node_attrs.get(other)
            if props is not None:
                yield Node(other, label_of[other], _decoded(node_attrs, other, props) if props.__class__ is bytes else props)


def _shared_props(props: Mapping[str, Any], share) -> dict[str, Any]:
    """A copy of ``props`` with its string values (and one level into dicts, keys too) as shared objects.

    Top-level keys are kept: they are the model's field names, one object each already.
    """
    return {
        key: share(value, value) if value.__class__ is str
        else {share(k, k): share(v, v) if v.__class__ is str else v for k, v in value.items()}
        if value.__class__ is dict else value
        for key, value in props.items()
    }



class _Log:
    """What a transaction touched, to replay into the file on commit."""

    def __init__(self) -> None:
        # Lists, not sets (8 bytes an entry against ~40 at a million items); a
        # commit sorts them and skips repeats and nodes no longer there.
        self.nodes: list[str] = []
        # The sources of added edges, not the edges: a million-item load adds ~4M
        # edges, whose key tuples would cost ~0.4 GB until the commit.  A commit
        # writes every current out-edge of these nodes (rewriting an unchanged one
        # is harmless).
        self.sources: list[str] = []
        self.removed_nodes: set[str] = set()
        self.removed_edges: set[tuple[str, str, str]] = set()

    def __bool__(self) -> bool:
        return bool(self.nodes or self.sources or self.removed_nodes or self.removed_edges)


class _EmbeddedWriter(Writer):
    def __init__(self, store: EmbeddedStore) -> None:
        self.store = store
        self.log = _Log()
        self.shared: dict[str, str] = {}  # one object per distinct string written in this transaction

    def get(self, node_id: str) -> Node | None:
        return self.store.get(node_id)

    def add_nodes(self, nodes: Iterable[Node]) -> None:
        store = self.store
        graph = store._graph
        node_attrs, succ, pred = graph._node, graph._succ, graph._pred
        label_of, labels, logged = store._label_of, store._labels, self.log.nodes
        share = self.shared.setdefault
        touched: set[str] = set()
        for node in nodes:
            node_id, label = share(node.id, node.id), share(node.label, node.label)
            old_label = label_of.get(node_id)
            if old_label is None:
                succ[node_id] = pred[node_id] = _NO_NEIGHBOURS
            elif old_label != label:
                labels[old_label].discard(node_id)
                touched.add(old_label)
            node_attrs[node_id] = _shared_props(node.props, share)
            label_of[node_id] = label
            labels[label].add(node_id)
            touched.add(label)
            logged.append(node_id)
        store._drop_indexes(touched)
        store._views.clear()

    def add_edges(self, edges: Iterable[Edge]) -> None:
        store = self.store
        graph = store._graph
        node_attrs, succ, pred, sources = graph._node, graph._succ, graph._pred, self.log.sources
        share = self.shared.setdefault
        added = 0
        for edge in edges:
            if edge.src not in node_attrs or edge.dst not in node_attrs:
                missing = edge.dst if edge.src in node_attrs else edge.src
                raise StoreError(f"edge {edge.type} {edge.src} -> {edge.dst}: node {missing} does not exist")
            src, dst, etype = share(edge.src, edge.src), share(edge.dst, edge.dst), share(edge.type, edge.type)
            if not sources or sources[-1] is not src:
                sources.append(src)
            if not edge.props and dst not in succ[src]:  # the common case: a new neighbour, one plain edge
                _join(succ, pred, src, dst, _one_edge(etype))
                added += 1
                continue
            added += not _has_edge(succ, src, dst, etype)
            _link(succ, pred, src, dst, etype, edge.props)
        store._edge_total += added
        store._views.clear()

    def remove_nodes(self, ids: Iterable[str]) -> None:
        store, log = self.store, self.log
        graph = store._graph
        node_attrs, succ, pred = graph._node, graph._succ, graph._pred
        touched: set[str] = set()
        ids = list(ids)
        removing = set(ids)
        for node_id in ids:
            if node_id not in node_attrs:
                continue
            touched.add(store._label_of[node_id])
            store._labels[store._label_of[node_id]].discard(node_id)
            touching = [(node_id, dst, etype) for dst, keys in succ[node_id].items() for etype in keys]
            incoming = [(src, node_id, etype) for src, keys in pred[node_id].items() for etype in keys]
            # the commit deletes a removed node's out-edges by src; in-edges from nodes that stay, one by one
            log.removed_edges.update(edge for edge in incoming if edge[0] not in removing)
            touching += incoming
            for src, dst, etype in touching:
                if _unlink(succ, pred, src, dst, etype):
                    store._edge_total -= 1
            del node_attrs[node_id], store._label_of[node_id]
            succ.pop(node_id, None)  # an _Adjacency holds no entry for a node without neighbours
            pred.pop(node_id, None)
            log.removed_nodes.add(node_id)
        store._drop_indexes(touched)
        store._views.clear()

    def remove_edges(self, keys: Iterable[tuple[str, str, str]]) -> None:
        store, log = self.store, self.log
        graph = store._graph
        for src, dst, etype in keys:
            if _unlink(graph._succ, graph._pred, src, dst, etype):
                store._edge_total -= 1
            log.removed_edges.add((src, dst, etype))
        store._views.clear()

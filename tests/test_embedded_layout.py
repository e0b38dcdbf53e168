"""The embedded store's in-memory layout (a networkx MultiDiGraph with shared dicts) and file rows: every write path gives the graph a reopen gives."""

from __future__ import annotations

import json
import math
import sqlite3

import pytest

from kg.embedded import FORMAT, EmbeddedStore
from kg.model import Edge, Node
from kg.store import StoreError


# the tables and format mark of a store written by the first format (edges naming nodes by id)
FORMAT_1_SCHEMA = """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE nodes (id TEXT PRIMARY KEY, label TEXT NOT NULL, props TEXT NOT NULL);
        CREATE TABLE edges (src TEXT NOT NULL, dst TEXT NOT NULL, type TEXT NOT NULL, props TEXT NOT NULL,
                            PRIMARY KEY (src, dst, type));
        INSERT INTO meta VALUES ('format', 'powerlist-kg/1');
"""


def _snapshot(store):
    """Every node and edge with its props, in a canonical order (what a reopen must reproduce)."""
    nodes = sorted((n.id, n.label, json.dumps(dict(n.props), sort_keys=True, ensure_ascii=False))
                   for label in sorted(store._labels) for n in store.nodes(label))
    edges = sorted((e.src, e.dst, e.type, json.dumps(dict(e.props), sort_keys=True))
                   for label in sorted(store._labels) for n in store.nodes(label) for e in store.out_edges(n.id))
    incoming = sorted((e.src, e.dst, e.type, json.dumps(dict(e.props), sort_keys=True))
                      for label in sorted(store._labels) for n in store.nodes(label) for e in store.in_edges(n.id))
    assert incoming == edges, "the two directions disagree"
    return nodes, edges, store.edge_count()


def _xs(*names):
    return [Node(n, "X", {"n": n}) for n in names]


# (what the transactions do, the edges left as (src, dst, type))
EDGE_CASES = [
    ("one edge", [[("add", _xs("a", "b")), ("edges", [Edge("a", "b", "T")])]], {("a", "b", "T")}),
    ("two types between one pair, then one removed",
     [[("add", _xs("a", "b")), ("edges", [Edge("a", "b", "T"), Edge("a", "b", "U")])],
      [("remove_edges", [("a", "b", "T")])]], {("a", "b", "U")}),
    ("an edge with props beside one without",
     [[("add", _xs("a", "b", "c")), ("edges", [Edge("a", "b", "T", {"order": 2}), Edge("a", "b", "U"), Edge("a", "c", "T")])]],
     {("a", "b", "T"), ("a", "b", "U"), ("a", "c", "T")}),
    ("a single neighbour grows to many and shrinks back",
     [[("add", _xs("a", "b", "c", "d")), ("edges", [Edge("a", "b", "T")])],
      [("edges", [Edge("a", "c", "T"), Edge("a", "d", "T")])],
      [("remove_edges", [("a", "c", "T"), ("a", "d", "T")])]], {("a", "b", "T")}),
    ("a node removed takes its edges both ways",
     [[("add", _xs("a", "b", "c")), ("edges", [Edge("a", "b", "T"), Edge("b", "c", "T"), Edge("c", "a", "T")])],
      [("remove_nodes", ["b"])]], {("c", "a", "T")}),
    # in-edges go edge by edge from the log (no index on dst): from kept nodes, from nodes removed with it, later
    ("a node removed with in-edges from kept nodes and from a node removed with it",
     [[("add", _xs("item", "cite", "dept", "law", "other")),
       ("edges", [Edge("item", "cite", "BASED_ON"), Edge("cite", "law", "RESOLVES_TO"), Edge("other", "cite", "T"),
                  Edge("item", "dept", "EXERCISED_BY"), Edge("dept", "item", "T"), Edge("other", "law", "T")])],
      [("remove_nodes", ["item", "cite"])]], {("other", "law", "T")}),
    ("nodes removed in two calls of one transaction, the second the first's in-edge source",
     [[("add", _xs("a", "b", "c")), ("edges", [Edge("a", "b", "T"), Edge("c", "b", "T"), Edge("c", "a", "U")])],
      [("remove_nodes", ["b"]), ("remove_nodes", ["c"])]], set()),
    ("a node removed and added again in one transaction keeps none of its old edges",
     [[("add", _xs("a", "b", "c")), ("edges", [Edge("a", "b", "T"), Edge("c", "a", "T")])],
      [("remove_nodes", ["a"]), ("add", _xs("a")), ("edges", [Edge("a", "c", "U")])]], {("a", "c", "U")}),
    ("an edge removed and added again in one transaction stays",
     [[("add", _xs("a", "b")), ("edges", [Edge("a", "b", "T")])],
      [("remove_edges", [("a", "b", "T")]), ("edges", [Edge("a", "b", "T", {"w": 1})])]], {("a", "b", "T")}),
    ("an edge added twice counts once",
     [[("add", _xs("a", "b")), ("edges", [Edge("a", "b", "T"), Edge("a", "b", "T")])]], {("a", "b", "T")}),
]


@pytest.mark.parametrize("name,transactions,expected", EDGE_CASES, ids=[c[0] for c in EDGE_CASES])
def test_every_write_path_gives_the_graph_a_reopen_gives(store, name, transactions, expected):
    for steps in transactions:
        with store.transaction() as tx:
            for op, arg in steps:
                {"add": tx.add_nodes, "edges": tx.add_edges, "remove_edges": tx.remove_edges,
                 "remove_nodes": tx.remove_nodes}[op](arg)
    here = _snapshot(store)
    assert {(s, d, t) for s, d, t, _ in here[1]} == expected
    assert here[2] == len(expected)
    assert _snapshot(EmbeddedStore(store.path)) == here


# Values orjson would not write as json.dumps does: they go through the standard library.
ODD_VALUES = [
    ("nan", float("nan")),
    ("infinity", float("inf")),
    ("a huge integer", 2**70),
    ("a whole float beyond 64 bits", 1e19),
    ("None", None),
    ("an integer key", {1: "a"}),
    ("text with null in it", "null and void"),
    ("nested list", ["条", 1, 2.5, True]),
]


@pytest.mark.parametrize("name,value", ODD_VALUES, ids=[c[0] for c in ODD_VALUES])
def test_odd_values_read_back_as_the_standard_library_reads_them(store, name, value):
    with store.transaction() as tx:
        tx.add_node(Node("a", "X", {"v": value}))
    expected = json.loads(json.dumps({"v": value}))["v"]
    got = EmbeddedStore(store.path).get("a").props["v"]
    if isinstance(expected, float) and math.isnan(expected):
        assert math.isnan(got)
    else:
        assert got == expected and type(got) is type(expected)


def test_props_are_stored_as_the_json_text_the_first_format_wrote(store):
    """Props stay the TEXT the first format wrote: compact JSON, non-ASCII unescaped."""
    props = {"title": "食品安全法", "n": 3, "f": 0.25, "flag": False, "list": ["第一条"], "extra": {"备注": "无"}}
    with store.transaction() as tx:
        tx.add_nodes([Node("a", "X", props), Node("b", "X")])
        tx.add_edge(Edge("a", "b", "T"))
    conn = sqlite3.connect(store.path)
    assert conn.execute("SELECT value FROM meta WHERE key='format'").fetchone() == (FORMAT,)
    assert conn.execute("SELECT typeof(props), props FROM nodes WHERE id='a'").fetchone() == (
        "text", json.dumps(props, ensure_ascii=False, separators=(",", ":")))
    assert conn.execute("SELECT typeof(props), props FROM edges").fetchall() == [("text", "{}")]


def test_a_store_written_by_the_first_format_opens(tmp_path):
    """Rows as the networkx-based store wrote them (json.dumps text, edges in any order)."""
    path = tmp_path / "old.kg"
    conn = sqlite3.connect(path)
    conn.executescript(FORMAT_1_SCHEMA)
    conn.executemany("INSERT INTO nodes VALUES (?, ?, ?)", [
        ("i", "PowerItem", '{"name":"对违法行为的处罚","score":NaN}'),
        ("c", "Citation", '{"source":"i","status":"resolved"}'),
        ("p", "Provision", '{"kind":"条","article":1}'),
    ])
    conn.executemany("INSERT INTO edges VALUES (?, ?, ?, ?)", [
        ("c", "p", "RESOLVES_TO", "{}"), ("i", "c", "BASED_ON", '{"order":1}'), ("i", "gone", "BASED_ON", "{}")])
    conn.commit()
    conn.close()
    store = EmbeddedStore(path)
    assert store.stats().citations_resolved == 1 and store.stats().articles == 1  # counted by SQLite
    node_id = next(n for n in store.graph if n == "i")
    assert store.get("c").props["source"] is node_id  # values naming a node share its id
    assert [(e.dst, e.type, dict(e.props)) for e in store.out_edges("i")] == [("c", "BASED_ON", {"order": 1})]
    assert [n.id for n in store.sources("p", "RESOLVES_TO")] == ["c"]
    assert store.edge_count() == 2 and store.edge_count("BASED_ON") == 1


def test_stats_from_sqlite_equal_stats_from_the_graph(store):
    with store.transaction() as tx:
        tx.add_nodes([Node("p1", "Provision", {"kind": "条"}), Node("p2", "Provision", {"kind": "款"}),
                      Node("c1", "Citation", {"status": "resolved"}), Node("c2", "Citation", {"status": "law_not_loaded"}),
                      Node("c3", "Citation", {"status": 1}), Node("i", "PowerItem", {})])
    unread = EmbeddedStore(store.path)
    from_sqlite = unread.stats()
    assert "_graph" not in unread.__dict__, "stats read the whole graph"
    assert from_sqlite == store.stats() == EmbeddedStore(store.path).__class__.__mro__[1].stats(unread)
    assert (from_sqlite.articles, from_sqlite.citations, from_sqlite.citations_resolved) == (1, 3, 1)


def test_a_damaged_store_is_reported_when_first_read(tmp_path):
    path = tmp_path / "s.kg"
    store = EmbeddedStore(path)
    with store.transaction() as tx:
        tx.add_node(Node("a", "X"))
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE edges")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="s.kg: damaged store"):
        EmbeddedStore(path).get("a")


def test_views_cache_is_cleared_by_writes_and_rollbacks(store):
    with store.transaction() as tx:
        tx.add_node(Node("a", "X"))
    views = store._views
    views["mine"] = 1
    with pytest.raises(RuntimeError):
        with store.transaction() as tx:
            tx.add_node(Node("b", "X"))
            raise RuntimeError
    assert store._views is views and views == {} and store.get("b") is None
    views["mine"] = 1
    with store.transaction() as tx:
        tx.add_edge(Edge("a", "a", "SELF"))
    assert views == {}


def test_a_first_format_store_takes_writes_and_keeps_its_page_size(tmp_path):
    path = tmp_path / "old.kg"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA page_size=4096")
    conn.executescript(FORMAT_1_SCHEMA + """INSERT INTO nodes VALUES ('a', 'X', '{"v":1}');""")
    conn.close()
    store = EmbeddedStore(path)
    with store.transaction() as tx:
        tx.add_nodes([Node("b", "X", {"v": 2})])
        tx.add_edge(Edge("a", "b", "T"))
    again = EmbeddedStore(path)
    assert [(n.id, n.props) for n in sorted(again.nodes("X"), key=lambda n: n.id)] == [("a", {"v": 1}), ("b", {"v": 2})]
    assert [n.id for n in again.targets("a", "T")] == ["b"]
    assert sqlite3.connect(path).execute("PRAGMA page_size").fetchone() == (4096,)
    fresh = EmbeddedStore(tmp_path / "new.kg")
    with fresh.transaction() as tx:
        tx.add_node(Node("a", "X"))
    assert sqlite3.connect(fresh.path).execute("PRAGMA page_size").fetchone() == (16384,)


def test_a_value_json_cannot_write_fails_the_commit_and_changes_nothing(store):
    import datetime

    with store.transaction() as tx:
        tx.add_node(Node("a", "X", {"v": 1}))
    before = store.path.read_bytes()
    with pytest.raises(TypeError):
        with store.transaction() as tx:
            tx.add_node(Node("b", "X", {"when": datetime.date(2021, 4, 29)}))
    assert store.path.read_bytes() == before
    assert store.get("b") is None and store.get("a").props == {"v": 1}


def test_the_graph_is_a_frozen_networkx_multidigraph(store):
    import networkx as nx

    with store.transaction() as tx:
        tx.add_nodes([Node("i", "PowerItem", {"name": "x"}), Node("c", "Citation", {}),
                       Node("p", "Provision", {"kind": "条"}), Node("q", "Provision", {})])
        tx.add_edges([Edge("i", "c", "BASED_ON"), Edge("c", "p", "RESOLVES_TO"), Edge("c", "q", "RESOLVES_TO", {"w": 1})])
    for graph in (store.graph, EmbeddedStore(store.path).graph):
        assert isinstance(graph, nx.MultiDiGraph) and nx.is_frozen(graph)
        assert nx.shortest_path(graph, "i", "p") == ["i", "c", "p"]
        assert sorted(graph.edges(keys=True, data=True)) == [
            ("c", "p", "RESOLVES_TO", {}), ("c", "q", "RESOLVES_TO", {"w": 1}), ("i", "c", "BASED_ON", {})]
        assert graph.nodes["i"] == {"name": "x"} and graph.number_of_edges() == 3
        assert dict(graph.in_degree()) == {"i": 0, "c": 1, "p": 1, "q": 1}
        assert sorted(nx.descendants(graph, "i")) == ["c", "p", "q"]
        with pytest.raises(nx.NetworkXError):
            graph.add_edge("p", "i")
    assert store.label_of("i") == "PowerItem" and store.label_of("nothing") is None


def test_shared_edge_dicts_are_copied_before_a_change(store):
    """Pairs joined by one plain edge of a type share one dict: a change to one pair leaves the others."""
    with store.transaction() as tx:
        tx.add_nodes(_xs("a", "b", "c", "d"))
        tx.add_edges([Edge("a", "b", "T"), Edge("c", "d", "T")])
    with store.transaction() as tx:
        tx.add_edges([Edge("a", "b", "U"), Edge("c", "d", "T", {"w": 2})])
    assert sorted(store.graph.edges(keys=True, data=True)) == [("a", "b", "T", {}), ("a", "b", "U", {}),
                                                               ("c", "d", "T", {"w": 2})]
    with store.transaction() as tx:
        tx.remove_edges([("a", "b", "U")])
        tx.remove_nodes(["d"])
    assert sorted(store.graph.edges(keys=True, data=True)) == [("a", "b", "T", {})]
    assert _snapshot(store) == _snapshot(EmbeddedStore(store.path))


def test_close_drops_the_graph_and_a_later_read_reads_the_file_again(store):
    with store.transaction() as tx:
        tx.add_nodes(_xs("a", "b"))
        tx.add_edges([Edge("a", "b", "T")])
    store.close()
    assert "_graph" not in store.__dict__ and store._views == {}
    assert [n.id for n in store.targets("a", "T")] == ["b"]


def test_property_indexes_follow_writes_of_their_label_only(store):
    with store.transaction() as tx:
        tx.add_nodes([Node("p1", "Provision", {"version": "v1"}), Node("i1", "PowerItem", {"government": "g"})])
        assert [n.id for n in store.nodes("Provision", version="v1")] == ["p1"]
        assert [n.id for n in store.nodes("PowerItem", government="g")] == ["i1"]
        tx.add_nodes([Node("i2", "PowerItem", {"government": "g"})])  # a chunk of items: the provision index stays
        assert ("Provision", "version") in store._index and ("PowerItem", "government") not in store._index
        assert sorted(n.id for n in store.nodes("PowerItem", government="g")) == ["i1", "i2"]
        tx.add_nodes([Node("p2", "Provision", {"version": "v1"}), Node("p1", "Provision", {"version": "v2"})])
        assert [n.id for n in store.nodes("Provision", version="v1")] == ["p2"]
        tx.add_nodes([Node("p2", "Other", {"version": "v1"})])  # a label change drops the old label's index too
        assert [n.id for n in store.nodes("Provision", version="v1")] == []
        tx.remove_nodes(["p1"])
        assert [n.id for n in store.nodes("Provision", version="v2")] == []


def _as_first_format(path, into):
    """A copy of a store as ``powerlist-kg/1`` wrote it: edges naming their nodes by id string."""
    conn = sqlite3.connect(into)
    conn.executescript(FORMAT_1_SCHEMA)
    conn.execute("ATTACH DATABASE ? AS new", (str(path),))
    conn.execute("INSERT INTO nodes SELECT id, label, props FROM new.nodes")
    conn.execute("INSERT INTO edges SELECT s.id, d.id, e.type, e.props FROM new.edges e"
                 " JOIN new.nodes s ON s.n = e.src JOIN new.nodes d ON d.n = e.dst")
    conn.commit()
    conn.close()


def _mixed_graph(store):
    """Nodes written, rewritten and removed, edges with and without props, in several transactions."""
    with store.transaction() as tx:
        tx.add_nodes([Node(f"n{i}", "X" if i % 3 else "Y", {"i": i, "t": "第一条" * (i % 4), "l": [i, "款"]})
                      for i in range(40)])
        tx.add_edges([Edge(f"n{i}", f"n{(i * 7) % 40}", "T", {"w": i} if i % 5 == 0 else {}) for i in range(40)])
        tx.add_edges([Edge(f"n{i}", f"n{(i * 7) % 40}", "U") for i in range(0, 40, 3)])
    with store.transaction() as tx:
        tx.remove_nodes(["n3", "n17"])
        tx.add_nodes([Node("n3", "Y", {"again": True}), Node("n5", "X", {"rewritten": 1})])
        tx.add_edge(Edge("n3", "n0", "T"))
        tx.remove_edges([("n1", "n7", "T")])


def test_a_first_format_store_is_migrated_on_open_and_gives_the_same_graph(store, tmp_path):
    _mixed_graph(store)
    expected = _snapshot(EmbeddedStore(store.path))
    old = tmp_path / "old.kg"
    _as_first_format(store.path, old)
    migrated = EmbeddedStore(old)
    assert sqlite3.connect(old).execute("SELECT value FROM meta WHERE key='format'").fetchone() == (FORMAT,)
    assert migrated.stats() == EmbeddedStore(store.path).stats()
    assert _snapshot(migrated) == expected
    with migrated.transaction() as tx:  # and it takes writes in the new format
        tx.add_edge(Edge("n3", "n5", "V", {"x": 1}))
    assert ("n3", "n5", "V", '{"x": 1}') in _snapshot(EmbeddedStore(old))[1]
    assert not list(tmp_path.glob("*.tmp")), "the migration left its temporary file"


def test_a_failed_migration_leaves_the_first_format_store_as_it_was(store, tmp_path, monkeypatch):
    _mixed_graph(store)
    old = tmp_path / "old.kg"
    _as_first_format(store.path, old)
    before = old.read_bytes()

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("kg.embedded.os.replace", fail)
    with pytest.raises(StoreError, match="old.kg: store of format powerlist-kg/1 cannot be migrated"):
        EmbeddedStore(old)
    assert old.read_bytes() == before and not list(tmp_path.glob("*.tmp"))
    monkeypatch.undo()
    assert _snapshot(EmbeddedStore(old)) == _snapshot(EmbeddedStore(store.path))


def test_provisions_are_decoded_when_first_read(tmp_path):
    """A graph read keeps a provision's stored JSON until a read asks for it (a whole corpus: ~490,000 of them)."""
    path = tmp_path / "s.kg"
    store = EmbeddedStore(path)
    with store.transaction() as tx:
        tx.add_nodes([Node("v", "LawVersion", {"law": "甲法"}), Node("p", "Provision", {"text": "第一条", "article": 1}),
                      Node("q", "Provision", {"text": "第二条"})])
        tx.add_edges([Edge("v", "p", "CONTAINS"), Edge("v", "q", "CONTAINS")])
    store = EmbeddedStore(path)
    node_attrs = store._graph._node
    assert node_attrs["p"].__class__ is bytes and node_attrs["v"] == {"law": "甲法"}
    assert [n.props for n in store.targets("v", "CONTAINS")] == [{"text": "第一条", "article": 1}, {"text": "第二条"}]
    assert node_attrs["p"] == {"text": "第一条", "article": 1}
    with store.transaction() as tx:  # a write keeps an undecoded node as it was stored
        tx.add_nodes([Node("r", "Provision", {"text": "第三条"})])
    store = EmbeddedStore(path)
    assert store.get("q").props == {"text": "第二条"} and [n.id for n in store.nodes("Provision", article=1)] == ["p"]
    assert store.graph.nodes["r"] == {"text": "第三条"}  # the networkx view holds decoded dicts only

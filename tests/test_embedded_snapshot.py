"""The embedded store's snapshot (``<store>.snapshot``): the graph a read of the rows built, loaded by the next
reads in its place; never read for another state of the file, never a way to run code."""

from __future__ import annotations

import os
import pickle
import shutil

import pytest

import kg.embedded as embedded
from kg.embedded import EmbeddedStore
from kg.model import Edge, Node


@pytest.fixture(autouse=True)
def _every_store_has_a_snapshot(monkeypatch):
    monkeypatch.setattr(embedded, "SNAPSHOT_MIN_BYTES", 0)


def _rows_not_read(monkeypatch):
    def refuse(self):
        raise AssertionError("the rows were read")
    monkeypatch.setattr(EmbeddedStore, "_read_rows", refuse)


def _build(path):
    store = EmbeddedStore(path)
    with store.transaction() as tx:
        tx.add_nodes([Node("law", "Law", {"title": "甲法", "aliases": ["甲"], "n": 1.5, "big": 2**70}),
                      Node("v", "LawVersion", {"law": "甲法", "extra": {"备注": "无"}}),
                      Node("p", "Provision", {"text": "第一条", "article": 1}),
                      Node("q", "Provision", {"text": "第二条"}),
                      Node("lonely", "X", {}),
                      Node("item", "PowerItem", {"basis": "甲法", "name": "处罚"})])
        tx.add_edges([Edge("law", "v", "HAS_VERSION", {"order": 1}), Edge("v", "p", "CONTAINS"),
                      Edge("v", "q", "CONTAINS"), Edge("item", "p", "BASED_ON"), Edge("item", "p", "CITES")])
    return store


def _layout(store):
    """Everything a read builds, with what is shared: the empty adjacency dicts and both directions' edge dicts."""
    graph = store._graph
    empty = embedded._NO_NEIGHBOURS
    return (list(graph._node.items()), list(store._label_of.items()), {k: sorted(v) for k, v in store._labels.items()},
            store._edge_total, list(graph._succ.items()), list(graph._pred.items()),
            [node for node, adjacency in graph._succ.items() if adjacency is empty],
            [node for node, adjacency in graph._pred.items() if adjacency is empty],
            all(graph._pred[dst][src] is keys for src, out in graph._succ.items() for dst, keys in out.items()))


def test_the_next_read_loads_the_snapshot_and_gets_the_graph_the_rows_give(tmp_path, monkeypatch):
    path = tmp_path / "s.kg"
    _build(path)
    rows = EmbeddedStore(path, snapshots=False)
    expected = _layout(rows)
    assert not (tmp_path / "s.kg.snapshot").exists()
    first = EmbeddedStore(path)
    assert _layout(first) == expected  # read from the rows, then written beside the file
    assert (tmp_path / "s.kg.snapshot").exists()
    _rows_not_read(monkeypatch)
    again = EmbeddedStore(path)
    assert _layout(again) == expected
    assert again._graph._node["p"].__class__ is bytes  # provisions still decoded when first asked for
    assert again.get("p").props == {"text": "第一条", "article": 1}
    node_ids = {node_id: node_id for node_id in again._graph._node}
    for adjacency in (again._graph._succ, again._graph._pred):  # one object per id, as a read of the rows
        assert all(node_id is node_ids[node_id] for node_id in adjacency)
    assert again._graph._succ["lonely"] is embedded._NO_NEIGHBOURS
    # only the nodes with neighbours that way have an entry
    assert sorted(again._graph._succ) == ["item", "law", "v"] and sorted(again._graph._pred) == ["p", "q", "v"]


def test_the_graph_given_to_networkx_has_every_node_in_its_adjacency(tmp_path, monkeypatch):
    path = tmp_path / "s.kg"
    _build(path)
    EmbeddedStore(path)._graph  # noqa: B018 - writes the snapshot
    _rows_not_read(monkeypatch)
    store = EmbeddedStore(path)
    graph = store.graph
    assert list(graph._succ) == list(graph._node) == list(graph._pred)  # networkx's layout: every node, in order
    assert graph._succ["lonely"] is embedded._NO_NEIGHBOURS and graph._adj is graph._succ
    assert dict(graph.in_degree()) == {"law": 0, "v": 1, "p": 3, "q": 1, "lonely": 0, "item": 0}
    assert dict(graph.out_degree())["lonely"] == 0 and sorted(graph.successors("v")) == ["p", "q"]
    assert [n.id for n in store.targets("item", "CITES")] == ["p"]  # the store reads the same dicts


def test_a_store_read_from_its_snapshot_takes_writes(tmp_path, monkeypatch):
    path = tmp_path / "s.kg"
    _build(path)
    EmbeddedStore(path)._graph  # noqa: B018 - the first read writes the snapshot
    _rows_not_read(monkeypatch)
    store = EmbeddedStore(path)
    store._graph  # noqa: B018 - read from the snapshot
    monkeypatch.undo()
    monkeypatch.setattr(embedded, "SNAPSHOT_MIN_BYTES", 0)
    with store.transaction() as tx:  # the nodes without neighbours must not share a dict the write fills
        tx.add_nodes([Node("new", "X", {})])
        tx.add_edges([Edge("lonely", "new", "T"), Edge("q", "law", "U", {"w": 2})])
    assert [n.id for n in store.targets("lonely", "T")] == ["new"]
    assert list(store.targets("new", "T")) == [] and store.get("lonely") is not None
    assert [n.id for n in store.targets("q", "U")] == ["law"]
    assert not store._graph._succ["p"] and not list(store.out_edges("p")) and not list(store.out_edges("law", "T"))
    with store.transaction() as tx:  # a node without neighbours has no adjacency entries to remove
        tx.remove_nodes(["new"])
        tx.add_nodes([Node("alone", "X", {})])
    with store.transaction() as tx:
        tx.remove_nodes(["alone"])
    assert store.get("alone") is None and store.get("new") is None and not list(store.targets("lonely", "T"))
    assert not (tmp_path / "s.kg.snapshot").exists()  # the commit removed the snapshot of the state it replaced
    expected = _layout(EmbeddedStore(path, snapshots=False))
    assert _layout(store)[:4] == expected[:4]
    assert _layout(EmbeddedStore(path)) == expected


def test_a_snapshot_of_another_state_of_the_file_is_never_read(tmp_path):
    path = tmp_path / "s.kg"
    _build(path)
    EmbeddedStore(path)._graph  # noqa: B018 - writes the snapshot
    old = (tmp_path / "s.kg.snapshot").read_bytes()
    with EmbeddedStore(path).transaction() as tx:  # another process's commit
        tx.add_nodes([Node("later", "X", {"v": 1})])
    (tmp_path / "s.kg.snapshot").write_bytes(old)  # put back (as if the removal had failed)
    assert EmbeddedStore(path).get("later") is not None
    # a copy of the store and its snapshot is another file: read from its rows
    shutil.copyfile(path, tmp_path / "c.kg")
    shutil.copyfile(tmp_path / "s.kg.snapshot", tmp_path / "c.kg.snapshot")
    os.utime(tmp_path / "c.kg", ns=(os.stat(path).st_atime_ns, os.stat(path).st_mtime_ns))
    assert EmbeddedStore(tmp_path / "c.kg").get("later") is not None


@pytest.mark.parametrize("damage", ["truncated", "empty", "not a pickle", "wrong shape"])
def test_a_damaged_snapshot_is_ignored_and_written_again(tmp_path, damage):
    path = tmp_path / "s.kg"
    _build(path)
    expected = _layout(EmbeddedStore(path))
    snapshot = tmp_path / "s.kg.snapshot"
    data = snapshot.read_bytes()
    header = embedded._header(embedded._file_identity(path))
    assert data.startswith(header)
    snapshot.write_bytes({"truncated": data[:-40], "empty": b"", "not a pickle": header + b"\x00garbage",
                          "wrong shape": header + pickle.dumps(({}, [], {}, {}), protocol=5)}[damage])
    assert _layout(EmbeddedStore(path)) == expected
    assert snapshot.read_bytes() == data  # written again by that read


class _Mark:
    def __reduce__(self):
        return (os.mkdir, (MARK,))


MARK = ""


def test_loading_a_snapshot_runs_no_code(tmp_path):
    """A snapshot naming a function (here os.mkdir) is refused, the function never called: the rows are read."""
    global MARK
    path = tmp_path / "s.kg"
    _build(path)
    MARK = str(tmp_path / "ran")
    snapshot = tmp_path / "s.kg.snapshot"
    payload = ({"law": _Mark()}, ["Law"], {}, {}, 0)
    snapshot.write_bytes(embedded._header(embedded._file_identity(path)) + pickle.dumps(payload, protocol=5))
    store = EmbeddedStore(path)
    assert store.get("v") is not None and store.count("Provision") == 2
    assert not os.path.exists(MARK)


def test_no_snapshot_for_a_small_store_or_where_it_cannot_be_written(tmp_path, monkeypatch):
    path = tmp_path / "s.kg"
    _build(path)
    monkeypatch.setattr(embedded, "SNAPSHOT_MIN_BYTES", os.path.getsize(path) + 1)
    assert EmbeddedStore(path).get("v") is not None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.kg"]
    monkeypatch.setattr(embedded, "SNAPSHOT_MIN_BYTES", 0)

    def no_room(target):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(embedded, "_temp_beside", no_room)
    assert EmbeddedStore(path).get("v") is not None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.kg"]


def test_a_snapshot_left_half_written_is_removed_by_the_next(tmp_path):
    path = tmp_path / "s.kg"
    _build(path)
    stale = tmp_path / "s.kg.snapshot.999999999.abc.tmp"  # a process killed while writing it
    stale.write_bytes(b"half")
    EmbeddedStore(path)._graph  # noqa: B018
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.kg", "s.kg.snapshot"]


def test_plkg_snapshot_0_turns_it_off(tmp_path, monkeypatch):
    path = tmp_path / "s.kg"
    _build(path)
    monkeypatch.setenv("PLKG_SNAPSHOT", "0")
    assert EmbeddedStore(path).get("v") is not None
    assert not (tmp_path / "s.kg.snapshot").exists()


def test_a_first_format_store_is_migrated_before_its_snapshot_is_made(tmp_path, monkeypatch):
    """A store of main's format opens as it is (no migration: the snapshot is beside it); one of the first format
    is migrated on open, and the snapshot names the migrated file, not a snapshot put beside the old one."""
    import sqlite3

    from tests.test_embedded_layout import FORMAT_1_SCHEMA

    path = tmp_path / "old.kg"
    conn = sqlite3.connect(path)
    conn.executescript(FORMAT_1_SCHEMA)
    conn.executemany("INSERT INTO nodes VALUES (?, ?, ?)", [("i", "PowerItem", '{"name":"处罚"}'),
                                                            ("c", "Citation", '{"status":"resolved"}')])
    conn.execute("INSERT INTO edges VALUES ('i', 'c', 'BASED_ON', '{}')")
    conn.commit()
    conn.close()
    before = embedded._file_identity(path)
    (tmp_path / "old.kg.snapshot").write_bytes(embedded._header(before) + pickle.dumps(({}, [], {}, {}, 0), protocol=5))
    store = EmbeddedStore(path)
    assert [n.id for n in store.targets("i", "BASED_ON")] == ["c"]
    assert embedded._file_identity(path) != before  # migrated: a new file
    assert (tmp_path / "old.kg.snapshot").read_bytes().startswith(embedded._header(embedded._file_identity(path)))
    _rows_not_read(monkeypatch)
    assert [n.id for n in EmbeddedStore(path).targets("i", "BASED_ON")] == ["c"]

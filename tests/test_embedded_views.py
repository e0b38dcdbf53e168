"""The views an embedded store keeps beside its snapshot (``<store>.views``): the clauses in force with their rows,
made by the first check of a file state and loaded by the next ones; the same rows as made from the nodes, never
read for another state of the file or another version of the code, never a way to run code."""

from __future__ import annotations

import dataclasses
import os
import pickle

import pytest

import kg.embedded as embedded
import kg.views as views
from kg.embedded import EmbeddedStore
from kg.model import Node

from .test_queries_vacuum import _graph


@pytest.fixture(autouse=True)
def _every_store_has_a_snapshot(monkeypatch):
    monkeypatch.setattr(embedded, "SNAPSHOT_MIN_BYTES", 0)


@pytest.fixture
def path(tmp_path):
    path = tmp_path / "s.kg"
    _graph(EmbeddedStore(path))
    EmbeddedStore(path)._graph  # noqa: B018 - the first read writes the snapshot
    return path


def _rows(store):
    """Every clause in force as values, and which of their parts are one object (as made from the nodes)."""
    rows = list(store.clauses_in_force())
    cache = views.view_cache(store)
    values = [dataclasses.astuple(row) for row in rows]
    shared = [(row.clause is cache._clauses[row.clause.id], row.provision is cache._provisions[row.provision.id],
               row.version is cache._versions[row.version.id]) for row in rows]
    return values, shared


def _made_here(monkeypatch):
    """Fail when the clauses in force are made from the nodes."""
    def refuse(self):
        raise AssertionError("the clauses in force were made from the nodes")
    monkeypatch.setattr(EmbeddedStore, "_clauses_in_force", refuse)


def test_the_next_process_loads_the_rows_the_first_made(path, monkeypatch):
    expected = _rows(EmbeddedStore(path, snapshots=False))
    assert not path.with_name("s.kg.views").exists()
    assert _rows(EmbeddedStore(path)) == expected  # made, then kept
    assert path.with_name("s.kg.views").exists()
    _made_here(monkeypatch)
    again = EmbeddedStore(path)
    assert _rows(again) == expected
    assert all(shared == (True, True, True) for shared in _rows(again)[1])


def test_a_row_made_before_stays_the_one_every_view_gives(path):
    """An item's cited provision made before the clauses are loaded keeps its row: the loaded rows hold it."""
    EmbeddedStore(path).clauses_in_force()  # keeps the views
    store = EmbeddedStore(path)
    some = next(iter(EmbeddedStore(path, snapshots=False).clauses_in_force()))
    cache = views.view_cache(store)
    early = cache.provision(cache.node(some.provision.id))
    early_version = cache.version(some.version.id)
    rows = [row for row in store.clauses_in_force() if row.provision.id == some.provision.id]
    assert rows and all(row.provision is early and row.version is early_version for row in rows)
    assert cache.provision(cache.node(some.provision.id)) is early


def test_views_of_another_state_or_code_are_never_read(path, monkeypatch):
    EmbeddedStore(path).clauses_in_force()
    kept = path.with_name("s.kg.views")
    old = kept.read_bytes()
    with EmbeddedStore(path).transaction() as tx:  # another process's commit
        tx.add_nodes([Node("later", "X", {})])
    assert not kept.exists()  # the commit removed them
    kept.write_bytes(old)  # put back (as if the removal had failed)
    expected = _rows(EmbeddedStore(path, snapshots=False))
    store = EmbeddedStore(path)
    assert _rows(store) == expected and store.get("later") is not None
    # the same file state, another version of the code: made again
    EmbeddedStore(path).clauses_in_force()
    monkeypatch.setattr(embedded, "_code_digest", lambda: "another version")
    calls = []
    made = EmbeddedStore._clauses_in_force
    monkeypatch.setattr(EmbeddedStore, "_clauses_in_force", lambda self: calls.append(1) or made(self))
    assert _rows(EmbeddedStore(path)) == expected and calls == [1]


def test_a_store_written_in_this_process_keeps_no_views(path):
    store = EmbeddedStore(path)
    with store.transaction() as tx:
        tx.add_nodes([Node("later", "X", {})])
    list(store.clauses_in_force())
    assert not path.with_name("s.kg.views").exists()


@pytest.mark.parametrize("damage", ["truncated", "empty", "not a pickle", "wrong shape", "wrong rows"])
def test_damaged_views_are_ignored_and_made_again(path, damage):
    expected = _rows(EmbeddedStore(path))
    kept = path.with_name("s.kg.views")
    data = kept.read_bytes()
    header = embedded._views_header(embedded._file_identity(path))
    assert data.startswith(header)
    kept.write_bytes({"truncated": data[:-40], "empty": b"", "not a pickle": header + b"\x00garbage",
                      "wrong shape": header + pickle.dumps(({}, [], {}), protocol=5),
                      "wrong rows": header + pickle.dumps(({}, {}, {}, {}, ["not a row"]), protocol=5)}[damage])
    assert _rows(EmbeddedStore(path)) == expected
    assert kept.read_bytes() == data  # made and written again


class _Mark:
    def __reduce__(self):
        return (os.mkdir, (MARK,))


MARK = ""


def test_loading_views_runs_no_code(path, tmp_path):
    """Views naming a function (here os.mkdir) are refused, the function never called: the rows are made."""
    global MARK
    MARK = str(tmp_path / "ran")
    expected = _rows(EmbeddedStore(path, snapshots=False))
    header = embedded._views_header(embedded._file_identity(path))
    path.with_name("s.kg.views").write_bytes(header + pickle.dumps(({}, {}, {}, {}, [_Mark()]), protocol=5))
    assert _rows(EmbeddedStore(path)) == expected
    assert not os.path.exists(MARK)


def test_views_that_cannot_be_written_leave_the_store_as_it_was(path, monkeypatch):
    before = sorted(p.name for p in path.parent.iterdir())
    expected = _rows(EmbeddedStore(path, snapshots=False))

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(embedded.os, "fsync", full_disk)
    assert _rows(EmbeddedStore(path)) == expected
    assert sorted(p.name for p in path.parent.iterdir()) == before  # no views, no temporary file left


def test_no_views_without_a_snapshot(path, monkeypatch):
    monkeypatch.setenv("PLKG_SNAPSHOT", "0")
    list(EmbeddedStore(path).clauses_in_force())
    assert not path.with_name("s.kg.views").exists()

"""The embedded store: round trip, atomic commits, bad store files."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from kg.embedded import EmbeddedStore
from kg.model import Category, Edge, Law, LawVersion, Node, PowerItem, Rank, VersionStatus
from kg.store import StoreError


def _graph(store):
    return (
        sorted((n.id, n.label, sorted(n.props.items())) for label in ("Law", "LawVersion", "X") for n in store.nodes(label)),
        sorted((e.src, e.dst, e.type) for label in ("Law",) for n in store.nodes(label) for e in store.out_edges(n.id)),
    )


def test_reopen_gives_an_equal_graph(store):
    law = Law("中华人民共和国食品安全法", "食品安全法", Rank.LAW)
    version = LawVersion(law.id, "2021-04-29", law.title, rank=Rank.LAW, amended=("2018-12-29", "2021-04-29"))
    with store.transaction() as tx:
        tx.add_nodes([law.to_node(), version.to_node()])
        tx.add_edges([Edge(law.id, version.id, "HAS_VERSION", {"order": 1})])
    again = EmbeddedStore(store.path)
    assert _graph(again) == _graph(store)
    assert LawVersion.from_node(again.get(version.id)) == version
    assert [e.props for e in again.out_edges(law.id, "HAS_VERSION")] == [{"order": 1}]


def test_domain_objects_round_trip_through_nodes():
    item = PowerItem("i1", "对生产不符合标准食品的处罚", Category.PENALTY, "市/局", "市", code="X-1",
                     extra={"备注": "无"})
    assert PowerItem.from_node(item.to_node()) == item
    version = LawVersion("法", "2020-01-01", "法", status=VersionStatus.REPEALED)
    assert LawVersion.from_node(version.to_node()).status is VersionStatus.REPEALED


def test_failed_transaction_leaves_store_and_file_unchanged(store):
    with store.transaction() as tx:
        tx.add_node(Node("a", "X", {"v": 1}))
    before = store.path.read_bytes()
    with pytest.raises(RuntimeError):
        with store.transaction() as tx:
            tx.add_node(Node("b", "X", {}))
            tx.update_props("a", v=2)
            raise RuntimeError("boom")
    assert store.path.read_bytes() == before
    assert store.get("b") is None and store.get("a").props == {"v": 1}


def test_edge_to_missing_node_is_refused(store):
    with pytest.raises(StoreError, match="does not exist"):
        with store.transaction() as tx:
            tx.add_node(Node("a", "X"))
            tx.add_edge(Edge("a", "nowhere", "CITES"))
    assert not store.path.exists()


def test_remove_nodes_removes_their_edges(store):
    with store.transaction() as tx:
        tx.add_nodes([Node("a", "X"), Node("b", "X")])
        tx.add_edge(Edge("a", "b", "CITES"))
    with store.transaction() as tx:
        tx.remove_nodes(["b"])
    again = EmbeddedStore(store.path)
    assert again.get("b") is None and list(again.out_edges("a")) == []
    assert again.edge_count() == 0


def test_lookup_by_property(store):
    with store.transaction() as tx:
        tx.add_nodes(Node(f"p{i}", "X", {"kind": "条" if i % 2 else "款", "n": i}) for i in range(10))
    assert sorted(n.id for n in store.nodes("X", kind="条")) == ["p1", "p3", "p5", "p7", "p9"]
    assert store.count("X", kind="款", n=4) == 1


@pytest.mark.parametrize("content", [b"", b"hello, not sqlite", b"SQLite format 3\x00" + b"\x00" * 200])
def test_a_file_that_is_not_a_store_is_refused_with_its_name(tmp_path, content):
    path = tmp_path / "bad.kg"
    path.write_bytes(content)
    with pytest.raises(StoreError, match="bad.kg"):
        EmbeddedStore(path)


def test_killed_load_leaves_the_store_unchanged(tmp_path):
    """A load killed midway (SIGKILL while writing) leaves the previous store byte for byte."""
    path = tmp_path / "s.kg"
    store = EmbeddedStore(path)
    with store.transaction() as tx:
        tx.add_node(Node("keep", "X", {"v": 1}))
    before = path.read_bytes()
    script = textwrap.dedent(f"""
        import sys
        from kg.embedded import EmbeddedStore
        from kg.model import Node
        store = EmbeddedStore({str(path)!r})
        with store.transaction() as tx:
            tx.add_nodes(Node(f"n{{i}}", "X", {{"text": "条文" * 50}}) for i in range(300000))
            print("writing", flush=True)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                            cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    assert proc.stdout.readline().strip() == "writing"
    time.sleep(0.5)  # inside the commit: the temporary copy is being written
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert path.read_bytes() == before
    assert [n.id for n in EmbeddedStore(path).nodes("X")] == ["keep"]


def test_clauses_in_force_view_is_cached_and_refreshed_by_writes(store):
    from kg.model import AuthorisingClause, Provision, ProvisionKind

    law = Law("中华人民共和国食品安全法", "食品安全法", Rank.LAW)
    version = LawVersion(law.id, "2021-04-29", law.title, rank=Rank.LAW)
    article = Provision(f"{version.id}/第1条", version.id, ProvisionKind.ARTICLE, 1, article=1, text="由县级以上人民政府…处罚")

    def clause(subject):
        return AuthorisingClause(article.id, law.id, version.date, 1, None, None, Category.PENALTY, subject)

    with store.transaction() as tx:
        tx.add_nodes([law.to_node(), version.to_node(), article.to_node(), clause("甲部门").to_node()])
        tx.add_edges([Edge(article.id, clause("甲部门").id, "HAS_CLAUSE")])
    assert [r.clause.subject for r in store.clauses_in_force()] == ["甲部门"]
    assert list(store.clauses_in_force(law=law.id)) == list(store.clauses_in_force())
    with store.transaction() as tx:
        tx.add_nodes([clause("乙部门").to_node()])
        tx.add_edges([Edge(article.id, clause("乙部门").id, "HAS_CLAUSE")])
    assert [r.clause.subject for r in store.clauses_in_force()] == ["乙部门", "甲部门"]
    assert [r.clause.subject for r in EmbeddedStore(store.path).clauses_in_force()] == ["乙部门", "甲部门"]
    assert list(store.clauses_in_force(law="其他法")) == []


def test_reopen_shares_repeated_strings_and_keeps_edge_types(store):
    text = "因不履行或不正确履行行政职责，" * 20
    with store.transaction() as tx:
        tx.add_nodes([Node(f"r{i}", "Responsibility", {"duties": text[:-1] + "。", "extra": {"备注": "无" * 30}})
                      for i in range(3)] + [Node("i", "PowerItem", {})])
        tx.add_edges([Edge("i", f"r{i}", "HAS_RESPONSIBILITY") for i in range(3)] + [Edge("i", "r0", "OTHER", {"n": 1})])
    again = EmbeddedStore(store.path)
    duties = [again.get(f"r{i}").props["duties"] for i in range(3)]
    assert duties[0] == text[:-1] + "。" and duties[0] is duties[1] is duties[2]
    assert again.get("r0").props["extra"]["备注"] is again.get("r2").props["extra"]["备注"]
    assert sorted((e.dst, e.type, dict(e.props)) for e in again.out_edges("i")) == [
        ("r0", "HAS_RESPONSIBILITY", {}), ("r0", "OTHER", {"n": 1}), ("r1", "HAS_RESPONSIBILITY", {}),
        ("r2", "HAS_RESPONSIBILITY", {})]
    assert [e.src for e in again.in_edges("r0", "OTHER")] == ["i"]
    assert list(again.out_edges("missing")) == [] and list(again.in_edges("i")) == []


def test_targets_and_sources_follow_one_edge_type(store):
    with store.transaction() as tx:
        tx.add_nodes([Node(n, "X", {"n": n}) for n in ("a", "b", "c")])
        tx.add_edges([Edge("a", "b", "T"), Edge("a", "c", "U"), Edge("c", "b", "T"), Edge("a", "b", "U")])
    for s in (store, EmbeddedStore(store.path)):
        assert sorted(n.id for n in s.targets("a", "T")) == ["b"]
        assert sorted(n.id for n in s.targets("a", "U")) == ["b", "c"]
        assert sorted(n.id for n in s.sources("b", "T")) == ["a", "c"]
        assert [n.props for n in s.sources("c", "U")] == [{"n": "a"}]
        assert list(s.targets("b", "T")) == [] and list(s.targets("zz", "T")) == []

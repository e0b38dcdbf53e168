"""The graph-server store against a real Bolt server (FalkorDB from the fixture, or NEO4J_URI)."""

from __future__ import annotations

import pytest

from kg.model import (
    AuthorisingClause,
    Category,
    Citation,
    CitationStatus,
    Department,
    Edge,
    Government,
    GovLevel,
    Law,
    LawVersion,
    Node,
    PowerItem,
    Provision,
    ProvisionKind,
    Rank,
    Responsibility,
    Role,
    VersionStatus,
    from_node,
)
from kg.neo4j_store import Neo4jStore, _BoltWriter
from kg.backends import open_store
from kg.store import StoreError

pytestmark = pytest.mark.bolt

LAW = "中华人民共和国食品安全法"
VERSION = f"{LAW}/2021-04-29"
ARTICLE = f"{VERSION}/第122条"
LONG_TEXT = ("违反本法规定，未取得食品生产经营许可从事食品生产经营活动“的”，\\由县级以上人民政府食品安全监督管理部门没收违法所得。\n" * 250)[:10_000]

OBJECTS = [
    Law(title=LAW, short_title="食品安全法", rank=Rank.LAW),
    LawVersion(law=LAW, date="2021-04-29", title=LAW, rank=Rank.LAW, amended=("2015-04-24", "2018-12-29"),
               effective="2021-04-29", status=VersionStatus.IN_FORCE, events=("2009年2月28日通过",)),
    Provision(id_=ARTICLE, version=VERSION, kind=ProvisionKind.ARTICLE, number=122, label="第一百二十二条",
              text=LONG_TEXT, article=122, order=300),
    Provision(id_=f"{ARTICLE}/第1款", version=VERSION, kind=ProvisionKind.PARAGRAPH, number=1,
              text="违反本法规定，未取得食品生产经营许可……", article=122, paragraph=1),
    Citation(id_="QL-1#c0", source="克拉玛依市/生态环境局/QL-1", text="《中华人民共和国食品安全法》第一百二十二条",
             law=LAW, version=VERSION, article=122, target=ARTICLE, status=CitationStatus.RESOLVED,
             quote_similarity=0.97, rank_tag="【法律】"),
    Role(level="县级以上", sector="市场监督管理"),
    AuthorisingClause(provision=f"{ARTICLE}/第1款", law=LAW, version="2021-04-29", article=122, paragraph=1, item=None,
                      category=Category.PENALTY, subject="县级以上人民政府食品安全监督管理部门", level="县级以上",
                      sector="市场监督管理", actions=("没收违法所得", "罚款"), triggers=((LAW, 35), (LAW, 36)),
                      amounts=("五万元以上十万元以下",), text="由县级以上人民政府食品安全监督管理部门没收违法所得"),
    Government(name="克拉玛依市", level=GovLevel.CITY, parent="新疆维吾尔自治区", province="新疆维吾尔自治区"),
    Department(name="克拉玛依市市场监督管理局", government="克拉玛依市", sectors=("市场监督管理", "知识产权")),
    PowerItem(id_="克拉玛依市/生态环境局/QL-1", name="对未取得许可从事食品生产的处罚", category=Category.PENALTY,
              department="克拉玛依市/克拉玛依市市场监督管理局", government="克拉玛依市", code="QL-1",
              basis_text="《中华人民共和国食品安全法》第一百二十二条", list_date="2024-06-30",
              source_file="克拉玛依市市场监督管理局.xlsx", sheet="行政处罚", row=8,
              extra={"备注": "含'引号'与\"双引号\"", "承办机构": "执法大队"}),
    Responsibility(id_="克拉玛依市/生态环境局/QL-1#r", item="克拉玛依市/生态环境局/QL-1", duties="受理、审查、决定、送达",
                   accountability="不履行或不正确履行职责的"),
]


@pytest.mark.parametrize("obj", OBJECTS, ids=[type(o).__name__ for o in OBJECTS])
def test_every_model_class_round_trips(bolt_store, store, obj):
    node = obj.to_node()
    with bolt_store.transaction() as tx:
        tx.add_node(node)
    with store.transaction() as tx:
        tx.add_node(node)
    back = bolt_store.get(obj.id)
    assert back == store.get(obj.id)
    assert from_node(back) == obj


def test_long_article_text_survives_the_byte_budget(bolt_store):
    article = OBJECTS[2]
    assert len(article.text) == 10_000
    with bolt_store.transaction() as tx:
        tx.add_node(article.to_node())
    assert bolt_store.get(article.id).props["text"] == LONG_TEXT
    # a list whose elements add up past the budget is sent in pieces too
    events = tuple(f"第{i}次修正：" + "修改" * 100 for i in range(40))
    version = LawVersion(law=LAW, date="2021-04-29", title=LAW, events=events)
    with bolt_store.transaction() as tx:
        tx.add_node(version.to_node())
    assert from_node(bolt_store.get(version.id)).events == events


def test_edge_properties_round_trip(bolt_store):
    with bolt_store.transaction() as tx:
        tx.add_nodes([Node("甲", "Law", {}), Node("乙", "LawVersion", {})])
        tx.add_edges([Edge("甲", "乙", "HAS_VERSION", {"note": "长" * 2000, "pairs": [["a", 1]], "none": None})])
    (edge,) = bolt_store.out_edges("甲")
    assert edge == Edge("甲", "乙", "HAS_VERSION", {"note": "长" * 2000, "pairs": [["a", 1]], "none": None})
    assert list(bolt_store.in_edges("乙", "HAS_VERSION")) == [edge]
    assert list(bolt_store.in_edges("乙", "CONTAINS")) == []


def _many(n: int) -> list[Node]:
    # escapes, floats and long Chinese values: what the budget estimate must over-count
    return [
        Node(f"克拉玛依市/生态环境局/事项{i:05d}", "PowerItem", {
            "name": f"对“违反《中华人民共和国大气污染防治法》第{i}条”的处罚\\'\"\n" * 3,
            "score": i / 7, "row": i, "flag": i % 2 == 0, "list": [i / 3, i / 9],
        })
        for i in range(n)
    ]


def test_batches_are_packed_under_the_budget_and_the_server_survives(bolt_store, bolt_server):
    nodes = _many(400)
    with bolt_store.transaction() as tx:
        tx.add_nodes(nodes)
    assert bolt_server.alive()
    assert bolt_store.count("PowerItem") == 400
    assert {n.id: n for n in bolt_store.nodes("PowerItem")} == {n.id: n for n in nodes}


def test_reloading_the_same_graph_converges(bolt_store):
    nodes = [obj.to_node() for obj in OBJECTS]
    edges = [Edge(LAW, VERSION, "HAS_VERSION"), Edge(VERSION, ARTICLE, "CONTAINS"), Edge(ARTICLE, f"{ARTICLE}/第1款", "CONTAINS")]
    for _ in range(2):
        with bolt_store.transaction() as tx:
            tx.add_nodes(nodes)
            tx.add_edges(edges)
    assert sum(bolt_store.label_counts().values()) == len(nodes)
    assert bolt_store.edge_count() == len(edges)
    assert bolt_store.stats().provisions == 2


def test_a_failing_block_writes_nothing(bolt_store):
    with pytest.raises(RuntimeError):
        with bolt_store.transaction() as tx:
            tx.add_node(Node("x", "Law", {}))
            raise RuntimeError("boom")
    assert bolt_store.get("x") is None


def test_an_edge_to_a_missing_node_is_refused_at_once(bolt_store):
    with pytest.raises(StoreError, match="node 无 does not exist"):
        with bolt_store.transaction() as tx:
            tx.add_node(Node("有", "Law", {}))
            tx.add_edge(Edge("有", "无", "HAS_VERSION"))
    assert bolt_store.get("有") is None


def test_reads_inside_a_transaction_see_its_writes(bolt_store):
    with bolt_store.transaction() as tx:
        tx.add_nodes([Node("v1", "LawVersion", {"law": "甲法"}), Node("甲法", "Law", {})])
        assert tx.get("v1").props == {"law": "甲法"}
        assert bolt_store.get("v1").props == {"law": "甲法"}
        # a store-level read sends the buffered writes into the open transaction
        assert [n.id for n in bolt_store.nodes("LawVersion", law="甲法")] == ["v1"]
        tx.add_edge(Edge("甲法", "v1", "HAS_VERSION"))
        tx.update_props("v1", status="repealed")
        assert [e.dst for e in bolt_store.out_edges("甲法")] == ["v1"]
        tx.remove_nodes(["甲法"])
        assert tx.get("甲法") is None
    assert bolt_store.get("v1").props == {"law": "甲法", "status": "repealed"}
    assert bolt_store.get("甲法") is None
    assert bolt_store.edge_count() == 0


def test_remove_then_re_add_drops_old_edges(bolt_store, store):
    for s in (bolt_store, store):
        with s.transaction() as tx:
            tx.add_nodes([Node("a", "Law", {}), Node("b", "LawVersion", {}), Node("c", "LawVersion", {})])
            tx.add_edges([Edge("a", "b", "HAS_VERSION"), Edge("a", "c", "HAS_VERSION")])
        with s.transaction() as tx:
            tx.remove_nodes(["a"])
            tx.add_node(Node("a", "Law", {"title": "新"}))
            tx.add_edge(Edge("a", "c", "HAS_VERSION"))
            tx.remove_edges([("a", "b", "HAS_VERSION"), ("x", "y", "Z")])
    assert list(bolt_store.out_edges("a")) == list(store.out_edges("a"))
    assert bolt_store.get("a") == store.get("a")


def test_a_node_can_change_label(bolt_store):
    with bolt_store.transaction() as tx:
        tx.add_node(Node("n", "Law", {"a": 1}))
    with bolt_store.transaction() as tx:
        tx.add_node(Node("n", "Role", {"b": 2}))
    assert bolt_store.get("n") == Node("n", "Role", {"b": 2})
    assert bolt_store.count("Law") == 0 and bolt_store.count("Role") == 1


def test_where_filters_match_the_embedded_store(bolt_store, store):
    nodes = [Node("c1", "Citation", {"status": "resolved", "law": "甲法", "article": 3}),
             Node("c2", "Citation", {"status": "resolved", "law": None}),
             Node("c3", "Citation", {"status": "law_not_loaded"})]
    for s in (bolt_store, store):
        with s.transaction() as tx:
            tx.add_nodes(nodes)
    for where in ({"status": "resolved"}, {"law": None}, {"law": "甲法", "article": 3}, {"article": 4}, {}):
        assert sorted(n.id for n in bolt_store.nodes("Citation", **where)) == sorted(n.id for n in store.nodes("Citation", **where))
        assert bolt_store.count("Citation", **where) == store.count("Citation", **where)


def test_a_failed_load_says_what_was_written(bolt_store, monkeypatch):
    def broken(self, run, etype, edges):
        raise StoreError("simulated failure")

    monkeypatch.setattr(_BoltWriter, "_send_edges", broken)
    with pytest.raises(StoreError) as info:
        with bolt_store.transaction() as tx:
            tx.add_nodes([Node("a", "Law", {}), Node("b", "LawVersion", {})])
            tx.add_edge(Edge("a", "b", "HAS_VERSION"))
    message = str(info.value)
    assert "\n" not in message
    assert "2 nodes and 0 edges had been sent" in message
    if bolt_store.dialect.rollback_works:
        assert "rolled back" in message and bolt_store.count("Law") == 0
    else:
        assert "run the same load again" in message and bolt_store.count("Law") == 1
    monkeypatch.undo()
    with bolt_store.transaction() as tx:  # the retry converges
        tx.add_nodes([Node("a", "Law", {}), Node("b", "LawVersion", {})])
        tx.add_edge(Edge("a", "b", "HAS_VERSION"))
    assert bolt_store.count("Law") == 1 and bolt_store.edge_count() == 1


def test_open_store_opens_the_server(bolt_server):
    with open_store(backend="neo4j", **bolt_server.options()) as s:
        assert s.backend == "neo4j"
        assert s.dialect.name == ("falkordb" if bolt_server.kind == "falkordb" else "neo4j")


def test_unreachable_server_is_one_line():
    from tests.bolt import free_port

    with pytest.raises(StoreError) as info:
        Neo4jStore(uri=f"bolt://127.0.0.1:{free_port()}", timeout=1.5)
    assert "cannot reach a Bolt server" in str(info.value) and "\n" not in str(info.value)


def test_not_a_bolt_address():
    with pytest.raises(StoreError, match="not a Bolt address"):
        Neo4jStore(uri="http://localhost:7474")


def test_refused_credentials_are_one_line(bolt_server):
    options = {**bolt_server.options(), "user": "plkg-nobody", "password": "wrong-password"}
    with pytest.raises(StoreError) as info:
        Neo4jStore(**options)
    message = str(info.value)
    assert "\n" not in message
    assert "plkg-nobody" in message and ("credentials" in message or "password" in message)


def test_unknown_database_is_one_line(bolt_server):
    if bolt_server.kind == "falkordb":
        pytest.skip("FalkorDB ignores the database name (docs/dialects.md)")
    with pytest.raises(StoreError, match="does not exist"):
        Neo4jStore(**{**bolt_server.options(), "database": "plkgnosuchdatabase"})


TRICKY = ["it's", "a\\b", "ends with \\", "'", '"', "x\\\"y", "中'文", "\\'", "a\nb\tc", "{a: 'b'}", "' RETURN 1 //"]


@pytest.mark.parametrize("text", TRICKY)
def test_quotes_and_backslashes_read_back_as_written(bolt_store, text):
    with bolt_store.transaction() as tx:
        tx.add_node(Node(f"id{text}", "Law", {"title": text, "list": [text, "x"], "map": {text: text}}))
    node = bolt_store.get(f"id{text}")
    assert node.props == {"title": text, "list": [text, "x"], "map": {text: text}}
    assert [n.id for n in bolt_store.nodes("Law", title=text)] == [f"id{text}"]


@pytest.mark.parametrize("value", [7.857142857142857, 0.97, 1e-9, 123456789.125, -0.5])
def test_floats_keep_every_digit(bolt_store, value):
    with bolt_store.transaction() as tx:
        tx.add_node(Node("f", "Citation", {"quote_similarity": value, "pair": [value, 1.5]}))
    assert bolt_store.get("f").props == {"quote_similarity": value, "pair": [value, 1.5]}
    assert bolt_store.count("Citation", quote_similarity=value) == 1


def test_label_scans_survive_partial_removals(bolt_store, store):
    """FalkorDB once left dangling label-index entries after deletes by id (docs/dialects.md)."""
    nodes = [Node(f"事项{i}", "PowerItem", {"name": f"第{i}项"}) for i in range(40)]
    gov = Node("甲市", "Government", {"name": "甲市"})
    for s in (bolt_store, store):
        with s.transaction() as tx:
            tx.add_nodes([*nodes, gov])
            tx.add_edges(Edge(n.id, "甲市", "PART_OF") for n in nodes)
        with s.transaction() as tx:
            tx.remove_nodes(n.id for n in nodes[::2])
            tx.update_props(nodes[1].id, name="改")
    assert sorted(bolt_store.nodes("PowerItem"), key=lambda n: n.id) == sorted(store.nodes("PowerItem"), key=lambda n: n.id)
    assert bolt_store.edge_count() == store.edge_count() == 20
    assert bolt_store.clear() == 21
    assert list(bolt_store.nodes("PowerItem")) == [] and list(bolt_store.nodes("Government")) == []


def test_views_see_the_stores_own_writes_at_once(bolt_store):
    """The warm view cache (and what queries keep per store state) goes with every write."""
    from kg.views import state_cached

    with bolt_store.transaction() as tx:
        tx.add_nodes([o.to_node() for o in OBJECTS if isinstance(o, (Government, Department))])
    assert [g["id"] for g in bolt_store.governments()] == ["克拉玛依市"]
    assert state_cached(bolt_store, "probe", lambda: 1) == 1
    assert state_cached(bolt_store, "probe", lambda: 2) == 1  # kept while nothing is written
    with bolt_store.transaction() as tx:
        tx.add_nodes([Government(name="独山子区", level=GovLevel.COUNTY).to_node()])
    assert [g["id"] for g in bolt_store.governments()] == ["克拉玛依市", "独山子区"]
    assert state_cached(bolt_store, "probe", lambda: 2) == 2

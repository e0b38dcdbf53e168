"""``plkg export cypher``: the script and the CSV files recreate the graph."""

from __future__ import annotations

import io

import pytest

from kg.cypher_export import export_cypher, literal, read_csv, statements
from kg.errors import UserError
from kg.model import Edge, Node

from .test_neo4j_parity import graph_of
from .test_queries_overlap import _graph as overlap_graph

ODD = [
    Node("甲法", "Law", {"title": "甲法", "note": "it's \\ “引号” \n 换行", "empty": "", "none": None,
                        "pairs": [["甲法", 35]], "map": {"备注": "x"}, "score": 0.1 + 0.2, "flag": True, "n": 3}),
    Node("甲法/2020-01-01", "LawVersion", {"amended": ["2019-01-01", "2020-01-01"], "empty_list": [], "score": 1}),
]
ODD_EDGES = [Edge("甲法", "甲法/2020-01-01", "HAS_VERSION", {"weight": 0.5, "why": "a'b"})]


def _odd(store):
    with store.transaction() as tx:
        tx.add_nodes(ODD)
        tx.add_edges(ODD_EDGES)


@pytest.mark.parametrize("value, expected", [
    (None, "null"), (True, "true"), (12, "12"), (0.5, "0.5"), ("a'b\\c", "'a\\'b\\\\c'"),
    ("两\n行", "'两\\n行'"), ([1, "x"], "[1, 'x']"), ({"a b": 1, "c": []}, "{`a b`: 1, c: []}"),
])
def test_literals(value, expected):
    assert literal(value) == expected


def test_literal_refuses_nan():
    with pytest.raises(ValueError):
        literal(float("nan"))


@pytest.mark.bolt
@pytest.mark.parametrize("build", [_odd, overlap_graph], ids=["odd values", "overlap graph"])
def test_the_script_recreates_the_graph_on_the_server(build, store, bolt_store):
    build(store)
    out = io.StringIO()
    nodes, edges = export_cypher(store, out)
    assert (nodes, edges) == (sum(store.label_counts().values()), store.edge_count())
    script = out.getvalue()
    for _ in range(2):  # idempotent: a second run converges
        with bolt_store._session() as session:
            for statement in statements(script):
                if statement.startswith("CREATE INDEX") and not bolt_store.dialect.index_if_not_exists:
                    continue  # FalkorDB: the store makes its own indexes
                session.run(statement).consume()
    assert graph_of(bolt_store) == graph_of(store)


def test_script_to_a_file_prints_a_summary(store, tmp_path):
    _odd(store)
    out = io.StringIO()
    export_cypher(store, tmp_path / "graph.cypher", out=out)
    assert out.getvalue() == f"wrote 2 nodes and 1 edges (cypher) to {tmp_path / 'graph.cypher'}\n"
    text = (tmp_path / "graph.cypher").read_text(encoding="utf-8")
    assert all(line.endswith(";") for line in text.splitlines() if not line.startswith("//"))


@pytest.mark.parametrize("build", [_odd, overlap_graph], ids=["odd values", "overlap graph"])
def test_csv_files_read_back_as_the_graph(build, store, tmp_path):
    build(store)
    out = io.StringIO()
    assert export_cypher(store, tmp_path / "csv", format="csv", out=out) == (sum(store.label_counts().values()), store.edge_count())
    files = sorted(p.name for p in (tmp_path / "csv").iterdir())
    assert "nodes_Law.csv" in files and any(f.startswith("edges_") for f in files)
    header = (tmp_path / "csv" / "nodes_Law.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith('"id:ID",":LABEL"')
    nodes, edges = read_csv(tmp_path / "csv")
    expected_nodes, expected_edges = graph_of(store)
    assert sorted(nodes, key=lambda n: n.id) == expected_nodes
    assert sorted(edges, key=lambda e: (e.src, e.dst, e.type)) == expected_edges


@pytest.mark.parametrize("kwargs, message", [
    ({"format": "csv"}, "needs --output FOLDER"),
    ({"format": "xml"}, "--format xml"),
])
def test_bad_requests_are_user_errors(store, kwargs, message):
    with pytest.raises(UserError, match=message):
        export_cypher(store, None, **kwargs)

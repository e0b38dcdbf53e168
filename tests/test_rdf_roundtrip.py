"""RDF export and import: exact round trip in every format, parseable output, IRIs, the ontology in step."""

from __future__ import annotations

import io
import json

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
import rdflib.collection
import rdflib.compare
from typer.testing import CliRunner

from plkg.cli import app
from kg.embedded import EmbeddedStore
from kg.errors import UserError
from kg.export import export_graph, import_graph
from kg.model import Category, Modality, Node, Rank
from kg.rdf import (
    CATEGORY_CONCEPTS, DATA, DERIVED_PREDICATES, ELI, MODALITY_CONCEPTS, PLO, RANK_CONCEPTS, IRI, Literal,
    XSD_BOOLEAN, XSD_DATE, XSD_DOUBLE, XSD_INTEGER, RDF_JSON, export_rdf, export_rdf_text, import_rdf,
    iter_descriptions, literal_term, node_id, node_iri,
)
from kg.store import LABELS

from .rdf_sample import build

ONTOLOGY = rdflib.Graph().parse("ontology/powerlist.ttl", format="turtle")
SKOS = rdflib.Namespace("http://www.w3.org/2004/02/skos/core#")
EXTENSIONS = {"turtle": "ttl", "nt": "nt", "json-ld": "jsonld"}


def snapshot(store):
    """Every node (id, label, props) and edge (src, dst, type, props) of a store, sorted."""
    nodes = sorted((n.id, n.label, json.dumps(n.props, sort_keys=True, ensure_ascii=False))
                   for label in LABELS for n in store.nodes(label))
    edges = sorted((e.src, e.dst, e.type, json.dumps(e.props, sort_keys=True))
                   for label in LABELS for n in store.nodes(label) for e in store.out_edges(n.id))
    return nodes, edges


@pytest.fixture
def sample(store):
    return build(store)


@pytest.mark.parametrize("format", ["turtle", "nt", "json-ld"])
def test_export_then_import_into_a_fresh_store_gives_the_same_graph(sample, tmp_path, format):
    path = tmp_path / f"graph.{EXTENSIONS[format]}"
    with open(path, "w", encoding="utf-8") as handle:
        export_rdf(sample, handle, format=format)
    fresh = EmbeddedStore(tmp_path / "fresh.kg")
    result = import_rdf(fresh, path)
    assert result.skipped == []
    assert fresh.stats() == sample.stats()
    assert snapshot(fresh) == snapshot(sample)
    assert snapshot(EmbeddedStore(fresh.path)) == snapshot(sample)  # and it was committed


@pytest.mark.parametrize("format,rdflib_format", [("turtle", "turtle"), ("nt", "nt"), ("json-ld", "json-ld")])
def test_exports_parse_with_rdflib_and_pyoxigraph_to_the_same_triple_count(sample, format, rdflib_format):
    text = export_rdf_text(sample, format)
    written = export_rdf(sample, io.StringIO(), format=format)
    graph = rdflib.Graph().parse(data=text, format=rdflib_format)
    ox_triples = list(ox.parse(text, format={"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
                                             "json-ld": ox.RdfFormat.JSON_LD}[format]))
    assert len(graph) == written == len(ox_triples)


def test_the_three_formats_say_the_same_thing(sample):
    graphs = [rdflib.Graph().parse(data=export_rdf_text(sample, f), format=f) for f in ("turtle", "nt", "json-ld")]
    assert rdflib.compare.isomorphic(graphs[0], graphs[1])
    assert rdflib.compare.isomorphic(graphs[0], graphs[2])


def test_findings_are_the_same_after_a_round_trip(sample, tmp_path):
    orphan = pytest.importorskip("queries.orphan")
    overlap = pytest.importorskip("queries.overlap")
    path = tmp_path / "graph.ttl"
    path.write_text(export_rdf_text(sample), encoding="utf-8")
    fresh = EmbeddedStore(tmp_path / "fresh.kg")
    import_rdf(fresh, path)
    for find in (orphan.find_orphans, overlap.find_overlaps):
        before = [f.to_json() for f in find(sample)]
        assert before, f"{find.__name__} finds something in the sample"
        assert [f.to_json() for f in find(fresh)] == before


@pytest.mark.parametrize("node", [
    "中华人民共和国食品安全法/2021-04-29/第122条/第1款",
    "县级以上|生态环境",
    "x/第1款#行政处罚#县级以上人民政府",
    "a//b", "a/../b", "./a", "", "/", "100%", "空 格\t", "引号\"<>{}", "克拉玛依市/清单.xlsx/处罚/8",
])
def test_node_iris_are_ascii_valid_and_reversible(node):
    iri = node_iri(node)
    assert iri.startswith(DATA) and iri.isascii()
    ox.NamedNode(iri)  # pyoxigraph validates IRIs
    assert node_id(iri) == node


def test_a_foreign_iri_is_no_node():
    assert node_id("http://example.org/x") is None


@pytest.mark.parametrize("value,term", [
    (None, None),
    (True, Literal("true", XSD_BOOLEAN)),
    (122, Literal("122", XSD_INTEGER)),
    (0.97, Literal("0.97", XSD_DOUBLE)),
    ("2021-04-29", Literal("2021-04-29", XSD_DATE)),
    ("2021-02-30", Literal("2021-02-30")),  # not a date: a plain string
    ("第一百二十二条", Literal("第一百二十二条")),
    (["罚款", "没收"], [Literal("罚款"), Literal("没收")]),
    ([["食品安全法", 35]], [[Literal("食品安全法"), Literal("35", XSD_INTEGER)]]),
    ({"备注": "无"}, Literal('{"备注": "无"}', RDF_JSON)),
    ([1, None], Literal("[1, null]", RDF_JSON)),
])
def test_property_values_become_rdf_terms(value, term):
    assert literal_term(value) == term


def test_awkward_values_survive_the_round_trip(store, tmp_path):
    props = {"title": "控制\x01字符 \"引号\" \\ \n换行", "short_title": "", "region": "2021-13-01",
             "extra_float": float("inf"), "extra_list": [], "extra_nested": [[1, 2], ["a"]], "extra_bool": False,
             "extra_dict": {"k": [1, {"x": None}]}}
    with store.transaction() as tx:
        tx.add_nodes([Node("法/1", "Law", props), Node("x", "Mystery", {"n": 1})])
    for format in ("turtle", "nt", "json-ld"):
        path = tmp_path / f"g.{EXTENSIONS[format]}"
        path.write_text(export_rdf_text(store, format), encoding="utf-8")
        fresh = EmbeddedStore(tmp_path / f"{format}.kg")
        import_rdf(fresh, path)
        assert fresh.get("法/1").props == props, format


def test_every_emitted_term_is_declared_in_the_ontology_or_eli(sample):
    used = set()
    for d in iter_descriptions(sample):
        used.add(d.type)
        used.update(p for p, _ in d.pairs)
    own = {u for u in used if u.startswith(PLO)}
    undeclared = {u for u in own if (rdflib.URIRef(u), rdflib.RDF.type, None) not in ONTOLOGY}
    assert undeclared == set()
    assert all(u.startswith((PLO, ELI)) for u in used)
    assert DERIVED_PREDICATES <= used  # derived triples are written for consumers


@pytest.mark.parametrize("enum_type,table", [(Category, CATEGORY_CONCEPTS), (Rank, RANK_CONCEPTS),
                                              (Modality, MODALITY_CONCEPTS)])
def test_every_enum_value_is_a_concept_of_the_ontology_with_its_notation(enum_type, table):
    for member in enum_type:
        concept = rdflib.URIRef(table[member.value])
        assert (concept, SKOS.notation, rdflib.Literal(member.value)) in ONTOLOGY
        assert (concept, SKOS.prefLabel, rdflib.Literal(member.value, lang="zh")) in ONTOLOGY
        assert any(label.language == "en" for label in ONTOLOGY.objects(concept, SKOS.prefLabel))


def test_categories_scheme_lists_the_ten_in_official_order():
    order = rdflib.URIRef("https://w3id.org/powerlist-kg/category/order")
    members = list(rdflib.collection.Collection(ONTOLOGY, ONTOLOGY.value(order, SKOS.memberList)))
    assert [str(m) for m in members] == [CATEGORY_CONCEPTS[c.value] for c in Category]


def test_ranks_are_ordered_from_the_highest_source_down():
    order = rdflib.URIRef("https://w3id.org/powerlist-kg/rank/order")
    members = list(rdflib.collection.Collection(ONTOLOGY, ONTOLOGY.value(order, SKOS.memberList)))
    tiers = [int(ONTOLOGY.value(m, rdflib.URIRef(PLO + "tier"))) for m in members]
    assert tiers == sorted(tiers)
    assert tiers == [Rank(str(ONTOLOGY.value(m, SKOS.notation))).tier for m in members]


def test_the_ontology_parses_with_pyoxigraph_too():
    with open("ontology/powerlist.ttl", "rb") as handle:
        assert len(list(ox.parse(handle, format=ox.RdfFormat.TURTLE))) == len(ONTOLOGY)


@pytest.mark.parametrize("text,message", [
    ("<a> <b> .", "not valid turtle"),
    ("@prefix x: <http://x/> . x:a x:b x:c .", None),  # valid, but nothing of ours: skipped, reported
])
def test_bad_or_foreign_rdf_is_reported_by_file(store, tmp_path, text, message):
    path = tmp_path / "bad.ttl"
    path.write_text(text, encoding="utf-8")
    if message:
        with pytest.raises(UserError, match=f"bad.ttl: {message}"):
            import_rdf(store, path)
    else:
        result = import_rdf(store, path)
        assert result.nodes == 0 and "not a powerlist-kg resource" in result.skipped[0]


def test_an_edge_to_a_node_nowhere_is_skipped_and_reported(sample, tmp_path):
    text = export_rdf_text(sample, "nt")
    dropped = node_iri("克拉玛依市/克拉玛依市卫生健康委员会")
    kept = "\n".join(line for line in text.splitlines() if not line.startswith(f"<{dropped}>"))
    path = tmp_path / "partial.nt"
    path.write_text(kept, encoding="utf-8")
    result = import_rdf(EmbeddedStore(tmp_path / "fresh.kg"), path)
    assert sum("EXERCISED_BY" in s for s in result.skipped) == 2


def test_graphml_and_node_link_json_read_back_with_networkx(sample, tmp_path):
    out = io.StringIO()
    export_graph(sample, "graphml", output=tmp_path / "g.graphml", out=out)
    graph = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    edges = sample.edge_count()
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (sum(sample.label_counts().values()), edges)
    item = graph.nodes["克拉玛依市/清单.xlsx/处罚/8"]
    assert item["labels"] == "PowerItem" and item["row"] == 8 and json.loads(item["extra"]) == {"备注": "无", "序号": "1"}
    export_graph(sample, "json", output=tmp_path / "g.json", out=out)
    linked = nx.node_link_graph(json.loads((tmp_path / "g.json").read_text(encoding="utf-8")), edges="links")
    assert linked.number_of_edges() == edges
    fresh = EmbeddedStore(tmp_path / "fresh.kg")
    import_graph(fresh, "json", tmp_path / "g.json")
    assert snapshot(fresh) == snapshot(sample)


@pytest.mark.parametrize("what,format,message", [
    ("pdf", None, "export pdf: use one of"),
    ("rdf", "rdfxml", "--format rdfxml: use turtle, json-ld or nt"),
    ("graphml", "turtle", "single format"),
])
def test_bad_export_requests_are_user_errors(sample, what, format, message):
    with pytest.raises(UserError, match=message):
        export_graph(sample, what, format=format, output=None, out=io.StringIO())


def test_cli_export_import_round_trip(sample, tmp_path):
    runner = CliRunner()
    ttl = tmp_path / "out.ttl"
    result = runner.invoke(app, ["--store", str(sample.path), "export", "rdf", "--output", str(ttl)])
    assert result.exit_code == 0, result.output
    assert "triples (turtle)" in result.output
    fresh = tmp_path / "fresh.kg"
    result = runner.invoke(app, ["--store", str(fresh), "import", "rdf", str(ttl)])
    assert result.exit_code == 0, result.output
    assert snapshot(EmbeddedStore(fresh)) == snapshot(sample)
    result = runner.invoke(app, ["--store", str(sample.path), "export", "rdf", "--format", "nt"])
    assert result.exit_code == 0 and result.output.count(" .\n") == export_rdf(sample, io.StringIO(), format="nt")

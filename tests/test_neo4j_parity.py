"""Parity: the same graph in the embedded store and on the Bolt server gives the same
stats, the same view rows and the same findings of every kind (as sorted JSON)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.embedded import EmbeddedStore
from kg.neo4j_store import copy_store
from kg.store import LABELS

from . import test_queries_invalid, test_queries_orphan, test_queries_overlap, test_queries_stale, test_queries_vacuum
from kg.model import article_id, paragraph_id

from .test_queries_builder import GraphBuilder, _small, cite

pytestmark = pytest.mark.bolt

report = pytest.importorskip("queries.report")


def graph_of(store) -> tuple[list, list]:
    nodes = sorted((n for label in LABELS for n in store.nodes(label)), key=lambda n: n.id)
    edges = sorted((e for n in nodes for e in store.out_edges(n.id)), key=lambda e: (e.src, e.dst, e.type))
    return nodes, edges


def findings_json(store, kind: str, **scope) -> list[str]:
    return sorted(
        json.dumps(f.to_json(), ensure_ascii=False, sort_keys=True)
        for f in report.iter_findings(store, kind, **scope)
    )


def assert_parity(embedded, server, *, concentrations=None, graph: bool = True, kinds=None) -> dict[str, int]:
    """Everything a user can see is the same on both stores; returns findings per kind.

    ``kinds``: the ``plkg check`` arguments compared (default: each kind, then
    ``all``, over the whole store and per government; else whole store only).
    """
    assert server.stats() == embedded.stats()
    if graph:
        assert graph_of(server) == graph_of(embedded)
    assert server.governments() == embedded.governments()
    assert list(server.clauses_in_force()) == list(embedded.clauses_in_force())
    assert list(server.item_bases()) == list(embedded.item_bases())
    scopes: list[dict] = [{}]
    for gov in embedded.governments():
        g = gov["id"]
        assert server.departments_of(g) == embedded.departments_of(g)
        assert server.covered_provisions(g) == embedded.covered_provisions(g)
        if hasattr(embedded, "covered_articles"):
            assert server.covered_articles(g) == embedded.covered_articles(g)
        assert list(server.item_bases(government=g)) == list(embedded.item_bases(government=g))
        scopes.append({"government": g})
        for dept in embedded.departments_of(g)[:2]:
            assert list(server.item_bases(government=g, department=dept["name"])) == \
                list(embedded.item_bases(government=g, department=dept["name"]))
    laws = sorted({c.clause.law for c in embedded.clauses_in_force()})
    for law in laws[:2]:
        assert list(server.clauses_in_force(law=law)) == list(embedded.clauses_in_force(law=law))
    counts: dict[str, int] = {}
    if kinds is not None:
        scopes = [{}]
    for scope in scopes:
        for kind in kinds or [*report.KIND_ARGS, "all"]:
            expected = findings_json(embedded, kind, concentrations=concentrations, **scope)
            assert findings_json(server, kind, concentrations=concentrations, **scope) == expected, (kind, scope)
            if not scope:
                counts[kind] = len(expected)
    return counts


HAND_MADE = {
    "views": _small,
    "orphan": test_queries_orphan._graph,
    "invalid": test_queries_invalid._graph,
    "stale": test_queries_stale._graph,
    "overlap": test_queries_overlap._graph,
    "vacuum": test_queries_vacuum._graph,
}


@pytest.mark.parametrize("name", HAND_MADE)
def test_parity_on_hand_made_graphs(name, store, bolt_store):
    HAND_MADE[name](store)
    copied = copy_store(store, bolt_store)
    assert copied == (sum(store.label_counts().values()), store.edge_count())
    counts = assert_parity(store, bolt_store)
    assert counts["all"] > 0, "each hand-made graph has findings"


def _governments(store) -> None:
    """Four governments: items spread unevenly (none for one), two departments in one."""
    g = GraphBuilder()
    v = g.law("甲法", "2020-01-01", {1: ["县级以上人民政府农业农村主管部门负责监督管理。", "可以进行检查。"],
                                     2: "违反本法的，由农业农村主管部门处罚款。"})
    g.clause(paragraph_id(article_id(v, 1), 2), "行政检查", "县级以上人民政府农业农村主管部门", sector="农业农村")
    g.clause(article_id(v, 2), "行政处罚", "县级以上人民政府农业农村主管部门", sector="农业农村", actions=("罚款",))
    for n, (name, items) in enumerate([("甲市", 3), ("乙's县", 1), ("丙市", 0), ("丁市", 4)]):
        gov = g.government(name, province="戊省")
        depts = [g.department(gov, f"{name}农业农村局", "农业农村"), g.department(gov, f"{name}市场监管局", "市场监督管理")]
        for k in range(items):
            g.item(depts[k % 2], f"{n}-{k}", "检查", "行政检查", cite(article_id(v, 1 + k % 2), "《甲法》第一条"),
                   cite(None, "《丙法》第三条", law="丙法", status="law_not_loaded"))
    g.save(store)


@pytest.mark.parametrize("page", [1, 2, 3, 100])
def test_parity_with_small_pages_and_item_batches(page, store, bolt_store, monkeypatch):
    """Items of several governments fetched per query (batches of about VIEW_PAGE items, paged)
    and warm-up scans in pages of one node give the rows one page gives."""
    import kg.neo4j_store

    _governments(store)
    copy_store(store, bolt_store)
    monkeypatch.setattr(kg.neo4j_store, "VIEW_PAGE", page)
    monkeypatch.setattr(kg.neo4j_store, "SCAN_ROWS", 1)
    assert_parity(store, bolt_store, graph=False)


def test_parity_with_a_concentration_table(store, bolt_store, tmp_path):
    test_queries_overlap._graph(store)
    copy_store(store, bolt_store)
    table = tmp_path / "c.csv"
    table.write_text("government,department,covers,category,basis\n"
                     "甲市,甲市城市管理综合行政执法局,自然资源,行政处罚,省政府批复\n", encoding="utf-8")
    assert_parity(store, bolt_store, concentrations=table)


def _demo():
    demo = pytest.importorskip("plkg.demo", reason="the demo has not landed")
    return demo


def test_parity_on_the_demo_copied(tmp_path, bolt_store):
    demo = _demo()
    embedded, _, _ = demo.build_demo_store(tmp_path / "demo.kg")
    copy_store(embedded, bolt_store)
    counts = assert_parity(embedded, bolt_store, concentrations=demo.demo_data() / "concentrations.csv")
    for kind in ("orphans", "invalid", "stale", "overlaps", "vacuums", "unaccountable", "candidates"):
        assert counts[kind] > 0, kind


@pytest.mark.parametrize("rows", [1, 7, 60])
def test_parity_on_the_demo_with_small_scan_pages(tmp_path, bolt_store, monkeypatch, rows):
    """The warm-up scans page over internal id ranges: small pages (and pages with no
    node of the label) must bring every row, as one page does."""
    import kg.neo4j_store

    demo = _demo()
    embedded, _, _ = demo.build_demo_store(tmp_path / "demo.kg")
    copy_store(embedded, bolt_store)
    monkeypatch.setattr(kg.neo4j_store, "SCAN_ROWS", rows)
    scans: list[str] = []
    real_scan = kg.neo4j_store.Neo4jStore._scan

    def counted(self, label, var, body, rows=None):
        scans.append(label)
        return real_scan(self, label, var, body, rows)

    monkeypatch.setattr(kg.neo4j_store.Neo4jStore, "_scan", counted)
    assert_parity(embedded, bolt_store, concentrations=demo.demo_data() / "concentrations.csv", graph=False, kinds=["all"])
    assert {"LawVersion", "AuthorisingClause", "Citation"} <= set(scans)


def test_parity_on_the_demo_loaded_by_the_loaders(tmp_path, bolt_store):
    """The loaders write to the server directly (reads inside their transactions included)."""
    demo = _demo()
    from loaders.powerlists import load_powers
    from loaders.statutes import load_laws

    embedded, _, _ = demo.build_demo_store(tmp_path / "demo.kg")
    data = demo.demo_data()
    laws = load_laws(bolt_store, [data / "laws"], extract_clauses=True)
    powers = load_powers(bolt_store, [data / "powerlists"], government=demo.DEMO_GOVERNMENT, level="city", date=demo.DEMO_DATE)
    assert not laws.errors and not powers.errors
    assert_parity(embedded, bolt_store, concentrations=data / "concentrations.csv")


def test_parity_when_powers_are_loaded_before_their_laws(tmp_path, bolt_store):
    """Loading laws re-resolves pending item citations inside the laws' transaction."""
    demo = _demo()
    from loaders.powerlists import load_powers
    from loaders.statutes import load_laws

    data = demo.demo_data()
    embedded = EmbeddedStore(tmp_path / "late.kg")
    for target in (embedded, bolt_store):
        load_powers(target, [data / "powerlists"], government=demo.DEMO_GOVERNMENT, level="city", date=demo.DEMO_DATE)
        load_laws(target, [data / "laws"], extract_clauses=True)
    assert embedded.stats().citations_resolved > 0
    assert_parity(embedded, bolt_store, concentrations=data / "concentrations.csv")


@pytest.mark.slow
@pytest.mark.corpus
def test_parity_on_the_karamay_lists_with_the_laws_they_cite(karamay_store, bolt_store):
    embedded = karamay_store
    assert embedded.count("PowerItem") > 1000
    copy_store(embedded, bolt_store)
    # "all" holds every kind (orphan ... candidate, unverifiable); one pass keeps the test short
    counts = assert_parity(embedded, bolt_store, graph=False, kinds=["all"])
    found = {json.loads(f)["kind"] for f in findings_json(embedded, "all")}
    assert {"orphan", "stale_basis", "unaccountable", "candidate"} <= found
    assert counts["all"] > 0


@pytest.mark.parametrize("after,rows", [(0, 7), (0, 20000)])
def test_parity_on_the_demo_with_edge_indexes(tmp_path, bolt_store, monkeypatch, after, rows):
    """Edge look-ups a warm view cache answers from an edge type read whole (in small or large
    pages) give what the per-node queries give, and the findings stay the same."""
    import kg.neo4j_store

    demo = _demo()
    embedded, _, _ = demo.build_demo_store(tmp_path / "demo.kg")
    copy_store(embedded, bolt_store)
    monkeypatch.setattr(kg.neo4j_store, "EDGE_INDEX_AFTER", after)
    monkeypatch.setattr(kg.neo4j_store, "EDGE_SCAN_ROWS", rows)
    bolt_store._view_cache()  # warmed, as a view call leaves it
    assert bolt_store._warm_cache() is not None
    ids = [n.id for label in ("Law", "LawVersion", "Provision", "Department", "Citation") for n in embedded.nodes(label)]
    for node_id in ids:
        assert bolt_store.get(node_id) == embedded.get(node_id), node_id
        for etype in ("CITES", "CONTAINS", "HAS_CLAUSE", "HAS_VERSION", "PART_OF", "RESOLVES_TO"):
            assert sorted(bolt_store.targets(node_id, etype), key=lambda n: n.id) == \
                sorted(embedded.targets(node_id, etype), key=lambda n: n.id), (node_id, etype)
            assert sorted(bolt_store.out_edges(node_id, etype), key=lambda e: e.dst) == \
                sorted(embedded.out_edges(node_id, etype), key=lambda e: e.dst), (node_id, etype)
    assert bolt_store.get("no such node") is None
    assert set(bolt_store._cache._edges) >= {"CITES", "CONTAINS", "HAS_VERSION"}, "the look-ups came from the edge indexes"
    assert_parity(embedded, bolt_store, concentrations=demo.demo_data() / "concentrations.csv", graph=False, kinds=["all"])

"""check all in one pass (queries.scan): the same findings, in the same order, as the single kinds.

Also the view cache that the pass leans on: shared across view calls of one
store state, rebuilt after a write.
"""

from __future__ import annotations

import json

import pytest

from plkg.demo import DEMO_GOVERNMENT, build_demo_store, demo_data
from kg.model import Department, article_id
from kg.views import covered_by, view_cache
from queries.overlap import load_concentrations
from queries.report import KIND_ARGS, iter_findings
from queries.scan import scan

from .test_queries_builder import GraphBuilder, cite

SINGLE_KINDS = ("orphans", "invalid", "stale", "overlaps", "vacuums", "unaccountable", "candidates", "unverifiable", "categories")


def _json(findings) -> list[str]:
    return [json.dumps(f.to_json(), ensure_ascii=False, sort_keys=True) for f in findings]


def _single_kinds(store, **scope) -> list[str]:
    """What ``all`` lists, made from the single-kind queries (cli.md order, unverifiable last)."""
    return [line for kind in SINGLE_KINDS for line in _json(iter_findings(store, kind, **scope))]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    store, _, _ = build_demo_store(tmp_path_factory.mktemp("scan") / "demo.kg")
    yield store
    store.close()


@pytest.fixture
def two_cities(store):
    """Two governments, an item overlap, a clause overlap, vacuums, and items of a government that is not a node."""
    g = GraphBuilder()
    v = g.law("甲法", "2020-01-01", {
        30: "由县级以上人民政府农业农村主管部门处罚款。",
        31: "县级以上人民政府农业农村主管部门、市场监督管理部门应当检查。",
        32: "县级以上人民政府生态环境主管部门可以责令停产。",
    })
    g.clause(article_id(v, 30), "行政处罚", "县级以上人民政府农业农村主管部门", sector="农业农村", actions=("罚款",))
    g.clause(article_id(v, 31), "行政检查", "县级以上人民政府农业农村主管部门", sector="农业农村", modality="应当")
    g.clause(article_id(v, 31), "行政检查", "县级以上人民政府市场监督管理部门", sector="市场监管", modality="应当")
    g.clause(article_id(v, 32), "行政强制", "县级以上人民政府生态环境主管部门", sector="生态环境", modality="可以")
    for city in ("甲市", "乙市"):
        gov = g.government(city)
        agri = g.department(gov, f"{city}农业农村局", "农业农村")
        market = g.department(gov, f"{city}市场监督管理局", "市场监管")
        g.item(agri, f"{city}-a", "罚款", "行政处罚", cite(article_id(v, 30), "《甲法》第三十条"), code=f"{city}-1")
        g.item(market, f"{city}-b", "罚款", "行政处罚", cite(article_id(v, 30), "《甲法》第三十条"), code=f"{city}-2")
        g.item(agri, f"{city}-c", "检查", "行政检查", cite(article_id(v, 31), "《甲法》第三十一条"), responsibility=False)
        g.item(market, f"{city}-d", "无依据", "行政处罚", basis_text="")
    # a department whose government is no node: its items have item findings only
    lone = g._add(Department(name="丙县农业农村局", government="丙县", sectors=("农业农村",)))
    g.item(lone, "丙县-a", "无依据", "行政处罚", basis_text="")
    g.item(lone, "丙县-b", "罚款", "行政处罚", cite(article_id(v, 30), "《甲法》第三十条"), responsibility=False)
    g.save(store)
    return store


SCOPES = [
    ({}, "every government"),
    ({"government": "乙市"}, "one government"),
    ({"department": "甲市农业农村局"}, "one department by name"),
    ({"government": "甲市", "department": "甲市市场监督管理局"}, "government and department"),
    ({"government": "丙县"}, "a government that is not a node"),
    ({"government": "无此市"}, "a government without items"),
]


@pytest.mark.parametrize("scope, _why", SCOPES)
def test_all_equals_the_single_kinds(two_cities, scope, _why):
    assert _json(iter_findings(two_cities, "all", **scope)) == _single_kinds(two_cities, **scope)


def test_the_fixture_has_every_kind(two_cities):
    kinds = {f.kind for f in iter_findings(two_cities, "all", complete=True)}
    assert {"orphan", "overlap", "vacuum", "unaccountable", "candidate"} <= kinds
    assert "vacuum_sector" in {f.kind for f in iter_findings(two_cities, "all")}  # scoped: the unloaded sectors summed up
    # the items of 丙县 (no Government node) are still classified
    assert "丙县-a" in {f.item_id for f in iter_findings(two_cities, "orphans")}
    assert "丙县-a" in {f.item_id for f in iter_findings(two_cities, "all")}


DEMO_SCOPES = [
    ({}, "the whole demo"),
    ({"government": DEMO_GOVERNMENT}, "the demo government"),
    ({"department": "云溪市农业农村局"}, "one department"),
]


@pytest.mark.parametrize("scope, _why", DEMO_SCOPES)
def test_demo_all_equals_the_single_kinds(demo, scope, _why):
    rows = load_concentrations(demo_data() / "concentrations.csv")
    assert _json(iter_findings(demo, "all", concentrations=rows, **scope)) == _single_kinds(
        demo, concentrations=rows, **scope)


def test_scan_keeps_identities_only_of_items_found(demo):
    found = scan(demo, government=DEMO_GOVERNMENT)
    flagged = {f.item_id for kind in found.items.values() for f in kind} | {
        i for f in found.overlaps for i in f.item_ids}
    assert set(found.identities) == flagged
    assert len(found.identities) < sum(1 for _ in demo.nodes("PowerItem"))


@pytest.mark.parametrize("government", ["甲市", "乙市", "丙县"])
def test_covered_by_equals_the_covered_views(two_cities, government):
    bases = list(two_cities.item_bases(government=government))
    assert covered_by(bases) == (two_cities.covered_provisions(government), two_cities.covered_articles(government))


def test_covered_by_on_the_demo(demo):
    bases = list(demo.item_bases(government=DEMO_GOVERNMENT))
    provisions, articles = covered_by(bases)
    assert provisions and articles
    assert (provisions, articles) == (demo.covered_provisions(DEMO_GOVERNMENT), demo.covered_articles(DEMO_GOVERNMENT))


def test_view_cache_is_shared_until_a_write(two_cities):
    cache = view_cache(two_cities)
    assert view_cache(two_cities) is cache
    first = list(two_cities.item_bases(government="甲市"))
    again = list(two_cities.item_bases(government="乙市"))
    # both governments cite 甲法 art. 30: one row object serves both
    assert first[0].citations[0].target is again[0].citations[0].target
    article = first[0].citations[0].target.id
    with two_cities.transaction() as tx:
        tx.update_props(article, text="由县级以上人民政府农业农村主管部门处警告。")
    assert view_cache(two_cities) is not cache
    after = list(two_cities.item_bases(government="甲市"))
    assert after[0].citations[0].target.text == "由县级以上人民政府农业农村主管部门处警告。"


def test_clause_written_after_a_read_is_seen(two_cities):
    v = "甲法/2020-01-01"
    before = list(two_cities.item_bases(government="甲市"))
    assert [c.category for c in before[0].citations[0].clauses] == ["行政处罚"]
    g = GraphBuilder()
    g.clause(article_id(v, 30), "行政强制", "县级以上人民政府农业农村主管部门", sector="农业农村")
    with two_cities.transaction() as tx:
        tx.add_nodes(g.nodes)
        tx.add_edges(g.edges)
    after = list(two_cities.item_bases(government="甲市"))
    assert sorted(c.category for c in after[0].citations[0].clauses) == ["行政处罚", "行政强制"]
    assert len(list(two_cities.clauses_in_force())) == 5


def test_every_kind_argument_is_covered():
    assert set(SINGLE_KINDS) == set(KIND_ARGS)

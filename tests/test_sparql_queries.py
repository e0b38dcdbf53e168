"""SPARQL orphan and overlap queries on hand-made graphs: exact findings, near misses, parity with native."""

from __future__ import annotations

import dataclasses
import re

import pytest

from kg.model import Category, Citation, CitationStatus, Department, Edge, EdgeType, PowerItem
from queries.sparql import QUERIES, OverlapFacts, group_overlaps, load_graph, query_text, sparql_orphans, sparql_overlaps

from . import rdf_sample as S
from .rdf_sample import build

orphan = pytest.importorskip("queries.orphan")
overlap = pytest.importorskip("queries.overlap")

LAND = Department("克拉玛依市自然资源局", S.CITY.name)


def _item(n, category, dept=S.HEALTH, name=None):
    return PowerItem(f"克拉玛依市/测试.xlsx/{n}", name or f"事项{n}", category, dept.id, S.CITY.name, row=n, basis_text="见依据")


def _cite(item, k, target=None, status=CitationStatus.RESOLVED, law=S.FOOD):
    return Citation(f"{item.id}#{k}", item.id, f"依据{k}", law=law, target=target, status=status)


def _with(cases):
    """The sample plus items, each with its citations: [(item, [(citation, target or None)])]."""
    objects, edges = list(S.OBJECTS) + [LAND], list(S.EDGES) + [Edge(LAND.id, S.CITY.name, EdgeType.PART_OF)]
    for item, citations in cases:
        objects.append(item)
        edges.append(Edge(item.id, item.department, EdgeType.EXERCISED_BY))
        for citation, target in citations:
            objects.append(citation)
            edges.append(Edge(item.id, citation.id, EdgeType.BASED_ON))
            if target is not None:
                edges.append(Edge(citation.id, target, EdgeType.RESOLVES_TO))
    return objects, edges


def _case(n, category, *targets_or_statuses):
    item = _item(n, category)
    citations = []
    for k, spec in enumerate(targets_or_statuses):
        if isinstance(spec, CitationStatus):
            citations.append((_cite(item, k, status=spec), None))
        else:
            citations.append((_cite(item, k, target=spec), spec))
    return item, citations


def _named(n, category, name, target, best=None):
    """A case whose item has a name naming its act (and whose quote ``best`` holds best)."""
    item = _item(n, category, name=name)
    citation = _cite(item, 0, target=target)
    if best is not None:
        citation = dataclasses.replace(citation, quote="未取得食品生产经营许可从事食品生产经营活动", quote_best_match=best)
    return item, [(citation, target)]


LIC, PEN, CONF, OTHER = Category.LICENSING, Category.PENALTY, Category.CONFIRMATION, Category.OTHER
ORPHAN_CASES = [
    # (case, expected reason or None for "not an orphan")
    (_case(2, PEN, CitationStatus.UNPARSED), "unresolved"),
    (_case(3, PEN, CitationStatus.LAW_NOT_LOADED), None),  # not verifiable here: not an orphan
    (_case(4, PEN, CitationStatus.AMBIGUOUS, CitationStatus.ARTICLE_NOT_FOUND), None),
    (_case(5, PEN, CitationStatus.NORMATIVE_DOCUMENT), None),  # an invalid basis, not an orphan
    (_case(6, CONF, CitationStatus.NORMATIVE_DOCUMENT), "unresolved"),
    (_case(7, LIC, S.ART122.id), "grants_nothing"),  # art. 122 holds only a penalty clause
    (_case(8, LIC, S.ART35.id), None),  # art. 35 holds the licensing duty
    (_case(9, LIC, S.OLD_ART.id), None),  # a version without extracted clauses says nothing
    (_case(10, LIC, S.NEW.id), None),  # a whole law: cannot tell
    (_case(11, LIC, S.CHAPTER.id), None),  # a chapter has no article
    (_case(12, OTHER, S.ART122.id), None),  # 其他 is not checked
    (_case(13, LIC, S.ITEM.id), "grants_nothing"),  # an item (项) is judged by its article
    (_case(14, PEN, S.ITEM.id), None),  # the penalty clause sits on the paragraph above it
    (_case(15, LIC, S.ART122.id, CitationStatus.LAW_NOT_LOADED), None),
    (_case(16, LIC, S.ART122.id, S.ART35.id), None),  # one basis grants
    (_case(17, PEN, S.ART35.id, CitationStatus.UNPARSED), "grants_nothing"),
    (_case(18, CONF, S.ART122.id), None),  # 行政确认 is not checked: the extraction finds it too rarely
    (_case(19, Category.INSPECTION, S.ART35.id), "grants_nothing"),  # a licensing duty grounds no inspection
    # the act named is granted under another category (吊销许可证, a penalty): a category_mismatch, not an orphan
    (_named(23, LIC, "吊销食品生产许可证", S.ART122.id), None),
    (_named(24, Category.INSPECTION, "查封食品生产场所", S.ART122.id), "grants_nothing"),  # a penalty clause grants no 查封
    # the quote stands in art. 122, which punishes the violation the name describes: cited by an old number
    (_named(25, PEN, "对未取得食品生产经营许可从事食品生产经营活动的处罚", S.ART35.id, best=S.ART122.id), None),
    (_named(26, PEN, "对生产经营超过保质期的食品的处罚", S.ART35.id, best=S.ART122.id), "grants_nothing"),  # another violation
]


@pytest.fixture
def orphan_graph(store):
    objects, edges = _with([case for case, _ in ORPHAN_CASES])
    return build(store, objects, edges)


def test_sparql_orphans_are_exactly_the_expected_ones(orphan_graph):
    expected = {(S.ITEM3.id, "no_citation")} | {(case[0].id, reason) for case, reason in ORPHAN_CASES if reason}
    found = {(o.item_id, o.reason) for o in sparql_orphans(load_graph(orphan_graph))}
    assert found == expected


def test_the_query_holds_the_native_tables_of_checked_and_grounding_categories():
    from kg.rdf import CATEGORY_CONCEPTS

    text = query_text("orphans")
    checked = " ".join(CATEGORY_CONCEPTS[c].rsplit("/", 1)[1] for c in ("行政许可", "行政处罚", "行政强制", "行政检查"))
    assert set(orphan.CHECKED_CATEGORIES) == {"行政许可", "行政处罚", "行政强制", "行政检查"}
    assert "VALUES ?cat { " + " ".join(f"plcat:{w}" for w in checked.split()) + " }" in text
    for category, grounds in orphan.ALSO_GRANTS.items():
        for ground in grounds:
            pair = f"(plcat:{CATEGORY_CONCEPTS[category].rsplit('/', 1)[1]} plcat:{CATEGORY_CONCEPTS[ground].rsplit('/', 1)[1]})"
            assert pair in text
    assert len(re.findall(r"\(plcat:\w+ plcat:\w+\)", text)) == sum(len(g) for g in orphan.ALSO_GRANTS.values())


def test_sparql_orphans_equal_the_native_ones(orphan_graph):
    native = sorted(f.item_id for f in orphan.find_orphans(orphan_graph))
    assert [o.item_id for o in sparql_orphans(load_graph(orphan_graph))] == native


OVERLAP_CASES = {
    "sample": ([], [(S.CITY.name, "行政处罚", S.PARA.id, (S.ITEM1.id, S.ITEM2.id))]),
    # a third item on the 项 below the paragraph joins the set, keyed by the 项
    "nested": ([_case(20, PEN, S.ITEM.id)], [(S.CITY.name, "行政处罚", S.ITEM.id, (S.ITEM1.id, S.ITEM2.id, _item(20, PEN).id))]),
    # another category on the same article: no overlap with the penalty items
    "other category": ([_case(21, LIC, S.ART122.id)], [(S.CITY.name, "行政处罚", S.PARA.id, (S.ITEM1.id, S.ITEM2.id))]),
    # a second item of the same department adds no department
    "same department": ([_case(22, PEN, S.PARA.id)],
                        [(S.CITY.name, "行政处罚", S.PARA.id, (S.ITEM1.id, S.ITEM2.id, _item(22, PEN).id))]),
}


@pytest.mark.parametrize("name", OVERLAP_CASES)
def test_sparql_item_overlaps_are_exactly_the_expected_ones_and_equal_native(store, name):
    cases, expected = OVERLAP_CASES[name]
    expected = [(g, c, p, tuple(sorted(ids))) for g, c, p, ids in expected]
    objects, edges = _with(cases)
    build(store, objects, edges)
    found = sparql_overlaps(load_graph(store))
    assert [(o.government, o.category, o.provision, o.item_ids) for o in found] == expected
    native = []
    for gov in store.governments():
        native.extend(overlap.overlaps_of_items(list(store.item_bases(government=gov["id"]))))
    assert sorted((f.government, f.category, f.provision, tuple(sorted(f.item_ids))) for f in native) == expected


def test_a_lawful_concentration_suppresses_the_overlap_in_both(store, tmp_path):
    build(store, *_with([]))
    table = tmp_path / "concentrations.csv"
    table.write_text("government,department,covers,category,basis\n"
                     f"{S.CITY.name},{S.SAMR.name},{S.HEALTH.name},行政处罚,某政府决定\n", encoding="utf-8")
    assert sparql_overlaps(load_graph(store), table) == []
    assert [f for f in overlap.find_overlaps(store, concentrations=table) if f.provision == S.PARA.id] == []
    other = tmp_path / "other.csv"
    other.write_text(f"government,department,covers,category,basis\n{S.CITY.name},{S.SAMR.name},{S.HEALTH.name},行政许可,x\n",
                     encoding="utf-8")
    assert len(sparql_overlaps(load_graph(store), other)) == 1


DEPTS = {f"d{i}": {"id": f"d{i}", "name": f"局{i}", "sectors": (f"s{i}",)} for i in (1, 2, 3)}
DEPTS["d4"] = {"id": "d4", "name": "分局", "sectors": ("s1",)}  # the same line as d1


@pytest.mark.parametrize("rows,by_duty,expected", [
    ([], {}, []),
    # two departments on the same provision
    ([("a", "i1", "d1", "a"), ("a", "i2", "d2", "a")], {}, [("a", ("i1", "i2"))]),
    # different paragraphs of one article do not overlap; the article item overlaps each
    ([("a", "i1", "d1", "a/1"), ("a", "i2", "d2", "a/2"), ("a", "i3", "d3", "a")], {},
     [("a/1", ("i1", "i3")), ("a/2", ("i2", "i3"))]),
    # paragraphs only, no article item: nothing
    ([("a", "i1", "d1", "a/1"), ("a", "i2", "d2", "a/2")], {}, []),
    # one line of administration (a bureau and its branch): not 多头执法
    ([("a", "i1", "d1", "a"), ("a", "i4", "d4", "a")], {}, []),
    # the article divides the power among the bodies it names
    ([("a", "i1", "d1", "a"), ("a", "i2", "d2", "a")], {"a"}, []),
])
def test_grouping_into_maximal_sets(rows, by_duty, expected):
    keys = ("article", "item", "department", "target")
    facts = OverlapFacts(clauses={}, versions_with_clauses={}, divisions={}, by_duty=set(by_duty), departments=DEPTS)
    found = group_overlaps([{"government": "g", "category": "c", "version": "v", **dict(zip(keys, row))} for row in rows],
                           facts)
    assert [(o.provision, o.item_ids) for o in found] == expected


def test_the_divisions_query_reads_what_the_loader_recorded():
    # the words are the loader's (ontology/duty_divisions.csv); the query reads its mark, never the text
    assert "plo:byDuty true" in query_text("law_divisions") and "REGEX" not in query_text("law_divisions")


@pytest.mark.parametrize("name", QUERIES)
def test_query_files_parse_and_run_on_an_empty_graph(store, name):
    import pyoxigraph as ox

    assert "PREFIX plo:" in query_text(name)
    assert list(load_graph(store).query(query_text(name))) == []
    assert isinstance(ox.Store().query(query_text(name)), ox.QuerySolutions)


def test_sparql_runs_on_an_exported_file_too(orphan_graph, tmp_path):
    from kg.rdf import export_rdf_text

    for ext, fmt in (("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")):
        path = tmp_path / f"g.{ext}"
        path.write_text(export_rdf_text(orphan_graph, fmt), encoding="utf-8")
        assert sparql_orphans(load_graph(path)) == sparql_orphans(load_graph(orphan_graph))


def test_the_python_filter_is_what_drops_misfiled_and_renumbered_items(orphan_graph):
    from queries.sparql import run

    graph = load_graph(orphan_graph)
    dropped = {_item(23, LIC).id, _item(25, PEN).id}  # misfiled 吊销许可证; quote held by art. 122
    raw = {r["item"] for r in run(graph, "orphans") if r["reason"] == "grants_nothing"}
    assert dropped <= raw and not dropped & {o.item_id for o in sparql_orphans(graph)}

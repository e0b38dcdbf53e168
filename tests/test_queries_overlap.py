"""Overlaps on hand-made graphs, with a lawful concentration that suppresses one."""

from __future__ import annotations

import pytest

from kg.errors import UserError
from kg.model import article_id, paragraph_id
from queries.overlap import find_overlaps, load_concentrations

from .test_queries_builder import GraphBuilder, cite


def _graph(store):
    g = GraphBuilder()
    v = g.law("甲法", "2020-01-01", {
        30: ["违反本法规定的，由县级以上人民政府农业农村主管部门处罚款。", "情节严重的，吊销许可证。"],
        31: "违反本法规定的，由县级以上人民政府市场监督管理部门、农业农村主管部门没收违法产品，并处罚款。",
        32: "违反本法规定的，由县级以上人民政府市场监督管理部门、农业农村主管部门按照各自职责责令停止，并处罚款。",
        40: "违反本法规定的，由县级以上人民政府城市管理部门处罚款。",
        41: ["违反本法规定的，由县级以上人民政府自然资源主管部门处罚款。", "由县级以上人民政府城市管理部门没收工具。"],
        42: "违反本法第五十条规定的，由县级以上人民政府农业农村主管部门处罚款。",
        43: "违反本法规定的，由县级以上人民政府农业农村主管部门、市场监督管理部门按照职责分工处罚款。",
        50: "禁止销售甲产品。",
    })
    a30, a31, a32, a40 = (article_id(v, n) for n in (30, 31, 32, 40))
    for a in (a31, a32):
        g.clause(a, "行政处罚", "县级以上人民政府市场监督管理部门", sector="市场监督管理")
        g.clause(a, "行政处罚", "县级以上人民政府农业农村主管部门", sector="农业农村")
    g.clause(paragraph_id(a30, 1), "行政处罚", "县级以上人民政府农业农村主管部门", sector="农业农村")
    g.clause(a40, "行政处罚", "县级以上人民政府城市管理部门", sector="城市管理")
    g.clause(paragraph_id(article_id(v, 41), 1), "行政处罚", "县级以上人民政府自然资源主管部门", sector="自然资源")
    g.clause(paragraph_id(article_id(v, 41), 2), "行政处罚", "县级以上人民政府城市管理部门", sector="城市管理")
    g.clause(article_id(v, 42), "行政处罚", "县级以上人民政府农业农村主管部门", sector="农业农村")
    g.clause(article_id(v, 43), "行政处罚", "县级以上人民政府农业农村主管部门", sector="农业农村")
    gov = g.government("甲市")
    agri = g.department(gov, "甲市农业农村局", "农业农村")
    market = g.department(gov, "甲市市场监督管理局", "市场监督管理")
    city = g.department(gov, "甲市城市管理综合行政执法局", "城市管理")
    nature = g.department(gov, "甲市自然资源局", "自然资源")
    # items of two departments on article 30 (one on the article, one on its first paragraph)
    g.item(agri, "a1", "对甲行为的处罚", "行政处罚", cite(a30, "《甲法》第三十条"), code="QL-1")
    g.item(market, "a2", "对甲行为的处罚", "行政处罚", cite(paragraph_id(a30, 1), "《甲法》第三十条第一款"), code="QL-2")
    # near miss: the same department on another paragraph of the article
    g.item(agri, "b1", "对乙行为的处罚", "行政处罚", cite(paragraph_id(a30, 2), "《甲法》第三十条第二款"))
    # near miss: two departments on different paragraphs of one article
    a41 = article_id(v, 41)
    g.item(nature, "e1", "对丁行为的处罚", "行政处罚", cite(paragraph_id(a41, 1), "《甲法》第四十一条第一款"))
    g.item(city, "e2", "没收工具", "行政处罚", cite(paragraph_id(a41, 2), "《甲法》第四十一条第二款"))
    # near miss: same article, different category
    g.item(nature, "b2", "对甲行为的检查", "行政检查", cite(a30, "《甲法》第三十条"))
    # clause naming two bodies without dividing, taken up by one item
    g.item(agri, "c1", "没收违法产品", "行政处罚", cite(a31, "《甲法》第三十一条"))
    # ... and by a second department the clause names: the law shares the act, so no item overlap
    g.item(market, "c3", "没收违法产品", "行政处罚", cite(a31, "《甲法》第三十一条"))
    # near miss: clause dividing by 各自职责
    g.item(agri, "c2", "责令停止", "行政处罚", cite(a32, "《甲法》第三十二条"))
    # near miss: a city bureau and its district branch (one line of administration)
    branch = g.department(gov, "甲市农业农村局甲区分局", "农业农村")
    g.item(branch, "f1", "对戊行为的处罚", "行政处罚", cite(article_id(v, 42), "《甲法》第四十二条"))
    g.item(agri, "f2", "对戊行为的处罚", "行政处罚", cite(article_id(v, 42), "《甲法》第四十二条"))
    # near miss: two departments citing the rule they enforce (art. 50), each with its own penalty article
    g.item(agri, "g1", "对己行为的处罚", "行政处罚", cite(article_id(v, 50), "《甲法》第五十条"), cite(article_id(v, 42), "《甲法》第四十二条"))
    g.item(market, "g2", "对己行为的处罚", "行政处罚", cite(article_id(v, 50), "《甲法》第五十条"))
    # near miss: an article dividing the power 按照职责分工
    g.item(agri, "h1", "对庚行为的处罚", "行政处罚", cite(article_id(v, 43), "《甲法》第四十三条"))
    g.item(market, "h2", "对庚行为的处罚", "行政处罚", cite(article_id(v, 43), "《甲法》第四十三条"))
    # lawful concentration: the city enforcement bureau also holds natural resources penalties
    g.item(city, "d1", "对丙行为的处罚", "行政处罚", cite(a40, "《甲法》第四十条"))
    g.item(nature, "d2", "对丙行为的处罚", "行政处罚", cite(a40, "《甲法》第四十条"))
    g.save(store)
    return v


def test_overlaps_exact(store, tmp_path):
    v = _graph(store)
    table = tmp_path / "c.csv"
    table.write_text("government,department,covers,category,basis\n"
                     "甲市,甲市城市管理综合行政执法局,自然资源,行政处罚,省政府批复\n", encoding="utf-8")
    found = list(find_overlaps(store, government="甲市", concentrations=table))
    assert [(f.item_ids, f.departments, f.article) for f in found] == [
        (("a1", "a2"), ("甲市农业农村局", "甲市市场监督管理局"), 30),
        (("c1", "c3"), ("甲市农业农村局", "甲市农业农村局甲区分局", "甲市市场监督管理局"), 31),
    ]
    assert found[0].item_codes == ("QL-1", "QL-2") and found[0].law == "甲法" and found[0].category == "行政处罚"
    assert found[0].provision == paragraph_id(article_id(v, 30), 1)
    # without the table the concentration is reported as well
    unsuppressed = list(find_overlaps(store, government="甲市"))
    assert [f.item_ids for f in unsuppressed] == [("a1", "a2"), ("d1", "d2"), ("c1", "c3")]


def test_a_law_dividing_the_sectors_elsewhere_has_no_overlap(store):
    v = _graph(store)
    g = GraphBuilder()
    g.law("甲法", "2020-01-01", {3: "县级以上人民政府农业农村、市场监督管理部门分别主管本行政区域的甲产品和乙产品工作。"})
    g.clause(article_id(v, 3), "其他", "县级以上人民政府农业农村主管部门", sector="农业农村")
    g.clause(article_id(v, 3), "其他", "县级以上人民政府市场监督管理部门", sector="市场监督管理")
    g.nodes = [n for n in g.nodes if n.label in ("Provision", "AuthorisingClause", "Role")]
    g.edges = [e for e in g.edges if e.type != "HAS_VERSION"]
    g.save(store)
    # art. 3 divides 农业农村 and 市场监督管理 for the whole law: only the 城管/自然资源 overlap is left
    assert [f.item_ids for f in find_overlaps(store, government="甲市")] == [("d1", "d2")]


@pytest.mark.parametrize("text, expected", [
    # 种子法 art. 3 pattern: the extractor's competence clauses carry the division to the query
    ("国务院农业农村、市场监督管理部门分别主管全国甲产品和乙产品工作；县级以上地方人民政府农业农村、市场监督管理部门"
     "分别主管本行政区域内甲产品和乙产品工作。", [("d1", "d2")]),
    # 野生动物保护法 art. 7 pattern: national bodies only, still a division for the whole law
    ("国务院农业农村、市场监督管理部门分别主管全国甲产品、乙产品工作。", [("d1", "d2")]),
    # near miss: one body's competence divides nothing
    ("县级以上人民政府农业农村主管部门主管本行政区域内甲产品工作。", [("a1", "a2"), ("d1", "d2"), ("c1", "c3")]),
])
def test_a_division_found_by_the_extractor_suppresses_overlaps(store, text, expected):
    from kg.model import Edge, LawVersion, Provision, ProvisionKind
    from loaders.nlp import extract_clauses
    from loaders.statutes.build import provision_node
    from loaders.statutes.divisions import by_duty

    v = _graph(store)
    # marked as the statute loader marks it: the query reads the mark, never the text
    article = Provision(article_id(v, 3), v, ProvisionKind.ARTICLE, 3, text=text, article=3, by_duty=by_duty(text))
    clauses = extract_clauses(LawVersion(law="甲法", date="2020-01-01", title="甲法"), [article])
    with store.transaction() as tx:
        tx.add_nodes([provision_node(article)] + [c.to_node() for c in clauses])
        tx.add_edges([Edge(v, article.id, "CONTAINS")] + [Edge(c.provision, c.id, "HAS_CLAUSE") for c in clauses])
    assert [f.item_ids for f in find_overlaps(store, government="甲市")] == expected


def test_overlaps_department_filter(store):
    _graph(store)
    assert [f.item_ids for f in find_overlaps(store, department="甲市自然资源局")] == [("d1", "d2")]


@pytest.mark.parametrize("text, message", [
    ("government,covers\n甲市,自然资源\n", r"missing column\(s\) department"),
    ("department,covers\n甲局,\n", "line 2: the covers column is empty"),
])
def test_bad_concentrations(tmp_path, text, message):
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError, match=message):
        load_concentrations(path)


def test_example_concentrations_table_loads():
    from importlib import resources

    path = resources.files("ontology").joinpath("concentrations.example.csv")
    rows = load_concentrations(path)
    assert rows and rows[0].covers


@pytest.mark.parametrize("second, sectors, expected", [
    # 渔业行政主管部门 and its own 渔政监督管理机构: one line of administration, no overlap
    ("渔政监督管理机构", ("农业农村", "渔政监督"), []),
    # near miss: two lines named in one clause without dividing them
    ("市场监督管理部门", ("市场监督管理",), [("c", ("甲市农业农村局", "甲市第二局"))]),
])
def test_a_clause_naming_one_line_of_administration_twice_is_no_overlap(store, second, sectors, expected):
    g = GraphBuilder()
    v = g.law("丙法", "2020-01-01", {38: f"违反本法规定的，由县级以上人民政府渔业行政主管部门或者{second}没收渔获物，并处罚款。"})
    a38 = article_id(v, 38)
    g.clause(a38, "行政处罚", "县级以上人民政府渔业行政主管部门", sector="农业农村")
    g.clause(a38, "行政处罚", second, sector=sectors[-1])
    gov = g.government("甲市")
    agri = g.department(gov, "甲市农业农村局", "农业农村")
    second_dept = g.department(gov, "甲市第二局", *sectors)
    g.item(agri, "c", "没收渔获物", "行政处罚", cite(a38, "《丙法》第三十八条"))
    g.item(second_dept, "d", "其他事项", "行政检查", cite(None, "《丙法》"))  # its list is loaded
    g.save(store)
    assert [(f.item_ids[0], f.departments) for f in find_overlaps(store, government="甲市")] == expected


@pytest.mark.parametrize("complete, manifest, expected", [
    (False, None, []),  # the second department's list was not loaded: nothing to compare
    (True, None, [("甲市农业农村局", "甲市第二局")]),
    (False, {"甲市": [{"id": "甲市/甲市第三局", "name": "甲市第三局", "sectors": ["市场监督管理"]}]},
     [("甲市农业农村局", "甲市第三局", "甲市第二局")]),
])
def test_clause_overlaps_count_only_loaded_departments_unless_complete(store, complete, manifest, expected):
    g = GraphBuilder()
    v = g.law("丙法", "2020-01-01", {38: "违反本法规定的，由县级以上人民政府渔业行政主管部门或者市场监督管理部门没收渔获物，并处罚款。"})
    a38 = article_id(v, 38)
    g.clause(a38, "行政处罚", "县级以上人民政府渔业行政主管部门", sector="农业农村")
    g.clause(a38, "行政处罚", "市场监督管理部门", sector="市场监督管理")
    gov = g.government("甲市")
    agri = g.department(gov, "甲市农业农村局", "农业农村")
    g.department(gov, "甲市第二局", "市场监督管理")
    g.item(agri, "c", "没收渔获物", "行政处罚", cite(a38, "《丙法》第三十八条"))
    g.save(store)
    found = find_overlaps(store, government="甲市", complete=complete, manifest=manifest)
    assert [f.departments for f in found] == expected


@pytest.mark.parametrize("text, expected", [
    # 退耕还林条例 art. 60: 依据职权 divides as 依据职责 does
    ("由县级以上人民政府林业、农业行政主管部门依据职权处以非法经营额2倍以上5倍以下的罚款。", []),
    ("由县级以上人民政府林业、农业行政主管部门按照管理权限处以罚款。", []),
    # near miss: the two bodies named without dividing
    ("由县级以上人民政府林业、农业行政主管部门处以罚款。", [("k1", "k2")]),
])
def test_powers_divided_by_competence_words_are_no_overlap(store, text, expected):
    g = GraphBuilder()
    v = g.law("丁条例", "2016-02-06", {60: text})
    a60 = article_id(v, 60)
    g.clause(a60, "行政处罚", "县级以上人民政府林业行政主管部门", sector="林业和草原")
    g.clause(a60, "行政处罚", "县级以上人民政府农业行政主管部门", sector="农业农村")
    gov = g.government("甲市")
    g.item(g.department(gov, "甲市林业和草原局", "林业和草原"), "k1", "对销售种苗的处罚", "行政处罚", cite(a60, "《丁条例》第六十条"))
    g.item(g.department(gov, "甲市农业农村局", "农业农村"), "k2", "对销售种苗的处罚", "行政处罚", cite(a60, "《丁条例》第六十条"))
    g.save(store)
    assert sorted({f.item_ids for f in find_overlaps(store, government="甲市")}) == expected


def test_clause_overlaps_of_two_paragraphs_of_one_article_have_their_own_ids(store):
    # 水生野生动物保护实施条例 art. 19: both paragraphs give an act to two bodies; one id each, not one for the article
    g = GraphBuilder()
    v = g.law("丁法", "2020-01-01", {19: ["由县级以上人民政府渔业行政主管部门或者市场监督管理部门没收实物，并处罚款。",
                                        "由县级以上人民政府渔业行政主管部门或者市场监督管理部门没收工具，并处罚款。"]})
    a19 = article_id(v, 19)
    for n in (1, 2):
        g.clause(paragraph_id(a19, n), "行政处罚", "县级以上人民政府渔业行政主管部门", sector="农业农村")
        g.clause(paragraph_id(a19, n), "行政处罚", "市场监督管理部门", sector="市场监督管理")
    gov = g.government("甲市")
    agri = g.department(gov, "甲市农业农村局", "农业农村")
    market = g.department(gov, "甲市市场监督管理局", "市场监督管理")
    g.item(agri, "c", "没收实物", "行政处罚", cite(paragraph_id(a19, 1), "《丁法》第十九条第一款"))
    g.item(market, "d", "其他事项", "行政检查", cite(None, "《丁法》"))
    g.save(store)
    found = list(find_overlaps(store, government="甲市"))
    assert sorted(f.paragraph for f in found) == [1, 2]
    assert len({f.finding_id for f in found}) == 2


# (a competence article of 甲法 that names no division word, read by ontology/divisions.csv) -> overlaps left
DIVIDED_BY_OBJECT = [
    # 野生植物保护条例 art. 8: each body its own object, a sentence each (by_object)
    ("国务院农业农村主管部门主管全国甲产品的监督管理工作。国务院市场监督管理部门主管全国乙产品的监督管理工作。", [("d1", "d2")]),
    # 植物检疫条例 art. 3: the law's acting body is an organ each department has of its own (own_body)
    ("县级以上地方各级农业农村主管部门、市场监督管理部门所属的甲产品检验机构，负责执行甲产品检验任务。", [("d1", "d2")]),
    # near miss: two sentences giving both bodies the same object divide nothing
    ("国务院农业农村主管部门主管全国甲产品工作。国务院市场监督管理部门主管全国甲产品工作。",
     [("a1", "a2"), ("d1", "d2"), ("c1", "c3")]),
    # near miss: one body's levels (国务院 and 县级以上) are one sector, not a division
    ("国务院农业农村主管部门主管全国甲产品工作。县级以上地方人民政府农业农村主管部门主管本行政区域内乙产品工作。",
     [("a1", "a2"), ("d1", "d2"), ("c1", "c3")]),
    # near miss: one department's organ
    ("县级以上地方人民政府农业农村主管部门所属的甲产品检验机构，负责执行甲产品检验任务。",
     [("a1", "a2"), ("d1", "d2"), ("c1", "c3")]),
]


@pytest.mark.parametrize("text, expected", DIVIDED_BY_OBJECT)
def test_a_competence_article_dividing_by_object_suppresses_overlaps(store, text, expected):
    from kg.model import Edge, Provision, ProvisionKind
    from loaders.statutes.build import provision_node
    from loaders.statutes.divisions import divides

    v = _graph(store)
    # the article alone, no clause on it: the loader reads the construction from its text (Provision.divides)
    article = Provision(article_id(v, 3), v, ProvisionKind.ARTICLE, 3, text=text, article=3, divides=divides(text))
    with store.transaction() as tx:
        tx.add_nodes([provision_node(article)])
        tx.add_edges([Edge(v, article.id, "CONTAINS")])
    assert [f.item_ids for f in find_overlaps(store, government="甲市")] == expected


@pytest.mark.parametrize("pattern, contains, example, message", [
    ("(?P<body>.+)", "部门", "甲部门", "line 2: a pattern of scope article needs the group"),
    ("(?P<body>.+部门)(?P<object>.+)", "机构", "甲部门乙", "line 2: the example must hold the contains words"),
    ("(?P<body>.+部门)(?P<object>乙)", "部门", "甲部门丙", "line 2: the example must hold the contains words"),
])
def test_divisions_table_rows_are_checked(monkeypatch, pattern, contains, example, message):
    from loaders.statutes import divisions

    divisions.divisions.cache_clear()
    monkeypatch.setattr(divisions, "ontology_rows", lambda name: iter([(2, {
        "construction": "x", "scope": "article", "pattern": pattern, "contains": contains, "law": "甲法",
        "article": "第一条", "example": example, "why": ""})]))
    try:
        with pytest.raises(ValueError, match=message):
            divisions.divisions()
    finally:
        divisions.divisions.cache_clear()

"""Vacuums on hand-made graphs: levels, regions, coverage, mapped and unmapped roles."""

from __future__ import annotations

import pytest

from kg.model import GovLevel, Rank, VersionStatus, article_id, paragraph_id
from queries.vacuum import find_vacuums

from .test_queries_builder import GraphBuilder, cite


def _graph(store):
    g = GraphBuilder()
    v = g.law("甲法", "2021-01-01", {
        9: "县级以上地方人民政府农业农村主管部门应当对甲活动进行监督检查。",
        20: ["违反本法规定的，由县级以上地方人民政府农业农村主管部门责令改正，处罚款。", "情节严重的，由原发证机关吊销许可证。"],
        21: "违反本法规定的，由县级以上地方人民政府农业农村主管部门处罚款。",
        22: "国务院农业农村主管部门可以对全国的甲活动进行检查。",
        23: "乡镇人民政府应当协助做好甲工作。",
        24: "违反本法规定的，由县级以上地方人民政府公安机关处五日以下拘留。",
        25: "农业农村主管部门不得收取费用。",
    })
    a = {n: article_id(v, n) for n in (9, 20, 21, 22, 23, 24, 25)}
    g.clause(a[9], "行政检查", "县级以上地方人民政府农业农村主管部门", sector="农业农村", modality="应当")
    g.clause(paragraph_id(a[20], 1), "行政处罚", "县级以上地方人民政府农业农村主管部门", sector="农业农村", actions=("罚款",))
    g.clause(paragraph_id(a[20], 1), "其他", "县级以上地方人民政府农业农村主管部门", sector="农业农村", actions=("责令改正",))
    g.clause(a[21], "行政处罚", "县级以上地方人民政府农业农村主管部门", sector="农业农村", actions=("罚款",))
    g.clause(a[22], "行政检查", "国务院农业农村主管部门", level="国务院", sector="农业农村", modality="可以")
    g.clause(a[23], "其他", "乡镇人民政府", level="乡镇", sector="人民政府", modality="应当")
    g.clause(a[24], "行政处罚", "县级以上地方人民政府公安机关", sector="公安", actions=("行政拘留",))
    g.clause(a[25], "其他", "农业农村主管部门", sector="农业农村", modality="不得")
    old = g.law("乙法", "2000-01-01", {5: "由县级以上人民政府农业农村主管部门处罚款。"}, status=VersionStatus.REPEALED)
    g.clause(article_id(old, 5), "行政处罚", "县级以上人民政府农业农村主管部门", sector="农业农村")
    here = g.law("丙省甲条例", "2019-01-01", {6: "县级以上人民政府农业农村主管部门应当建立甲档案。"},
                 rank=Rank.LOCAL_REGULATION, region="丙省")
    g.clause(article_id(here, 6), "其他", "县级以上人民政府农业农村主管部门", sector="农业农村", modality="应当")
    there = g.law("丁省甲条例", "2019-01-01", {6: "县级以上人民政府农业农村主管部门应当建立乙档案。"},
                  rank=Rank.LOCAL_REGULATION, region="丁省")
    g.clause(article_id(there, 6), "其他", "县级以上人民政府农业农村主管部门", sector="农业农村", modality="应当")
    gov = g.government("甲市", GovLevel.CITY, province="丙省")
    agri = g.department(gov, "甲市农业农村局", "农业农村")
    g.department(gov, "甲市商务局", "商务")
    # an item on paragraph 2 of article 21's neighbour covers article 20 as a whole
    g.item(agri, "i1", "吊销许可证", "行政处罚", cite(paragraph_id(a[20], 2), "《甲法》第二十条第二款"))
    g.save(store)
    return v, here


def test_vacuums_exact(store):
    v, here = _graph(store)
    found = [(f.law, f.article, f.category, f.modality, f.department) for f in find_vacuums(store, government="甲市")]
    assert found == [
        ("甲法", 9, "行政检查", "应当", "甲市农业农村局"),
        ("丙省甲条例", 6, "其他", "应当", "甲市农业农村局"),  # 其他 after the specific categories
        ("甲法", 21, "行政处罚", None, "甲市农业农村局"),
        ("甲法", 24, "行政处罚", None, None),
    ]


def test_vacuum_fields_and_department_filter(store):
    _graph(store)
    first = list(find_vacuums(store, government="甲市", department="甲市农业农村局"))[1]
    assert first.kind == "vacuum" and first.version == "2019-01-01" and first.subject.startswith("县级以上")
    assert first.reason.startswith("《丙省甲条例》（2019-01-01）第六条授予县级以上人民政府农业农村主管部门的其他应当履行的职责")
    assert first.evidence[0].article_text == "县级以上人民政府农业农村主管部门应当建立甲档案。"
    assert len(list(find_vacuums(store, department="甲市农业农村局"))) == 3
    assert list(find_vacuums(store, department="甲市商务局")) == []


def test_county_gets_township_free_and_national_free(store):
    _graph(store)
    g = GraphBuilder()
    g.government("甲县", GovLevel.TOWNSHIP, province="丙省")
    g.save(store)
    found = [(f.article, f.subject) for f in find_vacuums(store, government="甲县")]
    assert found == [(23, "乡镇人民政府")]


def test_older_version_and_geographic_scope_are_not_vacuums(store):
    g = GraphBuilder()
    old = g.law("甲法", "2015-01-01", {7: "由县级以上人民政府农业农村主管部门处罚款。"}, status=VersionStatus.SUPERSEDED)
    new = g.law("甲法", "2022-01-01", {7: "由县级以上人民政府农业农村主管部门处二万元以下罚款。",
                                       8: "由县级以上人民政府农业农村主管部门处警告。"})
    g.supersede(new, old)
    for n in (7, 8):
        g.clause(article_id(new, n), "行政处罚", "县级以上人民政府农业农村主管部门", sector="农业农村")
    sea = g.law("中华人民共和国海岛保护法", "2009-12-26", {50: "由县级以上人民政府海洋主管部门处罚款。"})
    g.clause(article_id(sea, 50), "行政处罚", "县级以上人民政府海洋主管部门", sector="自然资源")
    gov = g.government("甲市", GovLevel.CITY, province="新疆维吾尔自治区")
    agri = g.department(gov, "甲市农业农村局", "农业农村")
    g.department(gov, "甲市自然资源局", "自然资源")
    g.item(agri, "i1", "处罚", "行政处罚", cite(article_id(old, 7), "《甲法》（2015年）第七条"))
    g.save(store)
    # art. 7 rests on the 2015 text (a stale basis, not a vacuum); the island law does not reach Xinjiang
    assert [(f.law, f.article) for f in find_vacuums(store, government="甲市")] == [("甲法", 8)]


def test_a_government_known_only_from_another_list_has_no_vacuums(store):
    """A province named only as a city's parent or in a 实施主体 cell has no list here to judge."""
    from kg.model import Government, nodes_of

    _graph(store)
    with store.transaction() as tx:
        tx.add_nodes(nodes_of([Government("丙省", GovLevel.PROVINCE, only_named=True),
                               Government("丁市", GovLevel.CITY, province="丙省")]))
    assert list(find_vacuums(store, government="丙省")) == []
    assert {f.government for f in find_vacuums(store)} == {"甲市", "丁市"}  # near miss: a listed one is judged


@pytest.mark.parametrize("law, places, expected", [
    ("汶川地震灾后恢复重建条例", ["克拉玛依市", "新疆维吾尔自治区"], False),
    ("汶川地震灾后恢复重建条例", ["绵阳市", "四川省"], True),
    ("长江三峡工程建设移民条例", ["克拉玛依市", "新疆维吾尔自治区"], False),
    ("长江三峡工程建设移民条例", ["宜昌市", "湖北省"], True),
    ("南水北调工程供用水管理条例", ["克拉玛依市", "新疆维吾尔自治区"], False),
    ("中华人民共和国防治陆源污染物污染损害海洋环境管理条例", ["克拉玛依市", "新疆维吾尔自治区"], False),
    # near miss: a national law without a geographic scope binds everywhere
    ("中华人民共和国水法", ["克拉玛依市", "新疆维吾尔自治区"], True),
])
def test_laws_of_a_region_bind_only_its_provinces(law, places, expected):
    from queries.roles import applies_in

    assert applies_in(law, places) is expected

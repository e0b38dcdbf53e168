"""``plkg compare`` on a hand-made province and city: categories, provisions one side lacks (binding the
other or not by clause level and region), unique items; both backends."""

from __future__ import annotations

import io

import pytest

from kg.errors import UserError
from kg.model import GovLevel, Rank, article_id
from kg.neo4j_store import copy_store
from queries.compare import compare, write_compare

from .test_queries_builder import GraphBuilder, cite


def _graph(store):
    g = GraphBuilder()
    law = g.law("甲法", "2020-01-01", {1: "设立甲场所，应当经省级人民政府农业农村主管部门批准。",
                                      2: "违反本法规定的，由县级以上人民政府农业农村主管部门处罚款。",
                                      3: "县级以上人民政府农业农村主管部门应当进行监督检查。"})
    g.clause(article_id(law, 1), "行政许可", "省级人民政府农业农村主管部门", level="省级", sector="农业农村")
    g.clause(article_id(law, 2), "行政处罚", "县级以上人民政府农业农村主管部门", sector="农业农村")
    g.clause(article_id(law, 3), "行政检查", "县级以上人民政府农业农村主管部门", sector="农业农村", modality="应当")
    own = g.law("乙省条例", "2021-01-01", {1: "县级以上人民政府农业农村主管部门可以对养殖场检查。"},
                rank=Rank.LOCAL_REGULATION, region="乙省")
    g.clause(article_id(own, 1), "行政检查", "县级以上人民政府农业农村主管部门", sector="农业农村")
    other = g.law("丙省条例", "2021-01-01", {1: "县级以上人民政府农业农村主管部门对种植基地予以认定。"},
                  rank=Rank.LOCAL_REGULATION, region="丙省")
    g.clause(article_id(other, 1), "行政确认", "县级以上人民政府农业农村主管部门", sector="农业农村")
    province = g.government("乙省", GovLevel.PROVINCE)
    city = g.government("甲市", GovLevel.CITY, province="乙省")
    pd = g.department(province, "乙省农业农村厅", "农业农村")
    cd = g.department(city, "甲市农业农村局", "农业农村")
    g.department(city, "甲市教育局", "教育")
    g.item(pd, "p1", "甲场所设立审批", "行政许可", cite(article_id(law, 1), "《甲法》第一条"))
    g.item(pd, "p2", "对违反甲法行为的处罚", "行政处罚", cite(article_id(law, 2), "《甲法》第二条"))
    g.item(pd, "p3", "甲法执行情况的监督检查", "行政检查", cite(article_id(law, 3), "《甲法》第三条"))
    g.item(pd, "p4", "种植基地认定", "行政确认", cite(article_id(other, 1), "《丙省条例》第一条"))
    g.item(cd, "c1", "对违反甲法行为的处罚", "行政处罚", cite(article_id(law, 2), "《甲法》第二条"))
    g.item(cd, "c2", "养殖场监督检查", "行政检查", cite(article_id(own, 1), "《乙省条例》第一条"))
    g.save(store)


def test_city_against_province(store):
    _graph(store)
    rows = list(compare(store, "甲市", "乙省"))
    cats = {r.category: (r.count_a, r.count_b) for r in rows if r.kind == "compare_category"}
    assert cats == {"行政许可": (0, 1), "行政处罚": (1, 1), "行政检查": (1, 1), "行政确认": (0, 1)}
    provisions = {(r.side, r.law, r.article): r.applies_to_other for r in rows if r.kind == "compare_provision"}
    assert provisions == {
        ("甲市", "乙省条例", 1): True,  # the province's own regulation binds the province
        ("乙省", "甲法", 1): False,  # 省级 approval: not a city's power
        ("乙省", "甲法", 3): True,  # 县级以上 inspection: the city lacks it
        ("乙省", "丙省条例", 1): False,  # another province's regulation binds neither
    }
    unique = {(r.side, r.item_id) for r in rows if r.kind == "compare_item"}
    assert unique == {("甲市", "c2"), ("乙省", "p1"), ("乙省", "p3"), ("乙省", "p4")}  # the penalties pair up
    assert all(r.sector == "农业农村" for r in rows)  # 教育 is the city's alone


def test_errors_name_what_is_wrong(store):
    _graph(store)
    with pytest.raises(UserError, match="no such government"):
        list(compare(store, "甲市", "丁市"))
    with pytest.raises(UserError, match="--sector 教育: not a sector both"):
        list(compare(store, "甲市", "乙省", "教育"))
    with store.transaction() as tx:
        tx.update_props("乙省", only_named=True)
    with pytest.raises(UserError, match="乙省: no list of its own"):
        list(compare(store, "甲市", "乙省"))


def test_backends_agree(store, bolt_store):
    _graph(store)
    copy_store(store, bolt_store)
    texts = []
    for backend in (store, bolt_store):
        buf = io.StringIO()
        write_compare(backend, "乙省", "甲市", sector="农业农村", format="jsonl", out=buf)
        texts.append(buf.getvalue())
    assert texts[0] == texts[1] and texts[0].count("\n") == 12

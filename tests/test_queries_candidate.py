"""Cancellation candidates: the ranked union of the item findings."""

from __future__ import annotations

from kg.model import Rank, article_id
from queries.candidate import find_candidates

from .test_queries_builder import GraphBuilder, cite


def test_candidates_ranked(store):
    g = GraphBuilder()
    v = g.law("甲法", "2020-01-01", {30: "由县级以上人民政府农业农村主管部门处罚款。"})
    g.clause(article_id(v, 30), "行政处罚", "县级以上人民政府农业农村主管部门", sector="农业农村")
    gov = g.government("甲市")
    agri = g.department(gov, "甲市农业农村局", "农业农村")
    market = g.department(gov, "甲市市场监督管理局", "市场监督管理")
    g.item(agri, "a-blank-unaccountable", "甲", "行政处罚", basis_text="", responsibility=False)
    g.item(agri, "b-notice", "乙", "行政处罚", cite(None, "《某通知》", status="normative_document"))
    g.item(agri, "c-overlap", "丙", "行政处罚", cite(article_id(v, 30), "《甲法》第三十条"))
    g.item(market, "d-overlap-unaccountable", "丁", "行政处罚", cite(article_id(v, 30), "《甲法》第三十条"),
           accountability="")
    g.item(agri, "e-fine", "戊", "行政处罚", cite(article_id(v, 30), "《甲法》第三十条"), code="x")
    g.save(store)
    found = list(find_candidates(store, government="甲市"))
    assert [(f.item_id, f.score, f.action, f.reasons) for f in found] == [
        ("a-blank-unaccountable", 130, "取消", ("orphan", "unaccountable")),
        ("b-notice", 90, "取消", ("invalid_basis",)),
        ("d-overlap-unaccountable", 60, "修改", ("overlap", "unaccountable")),
        ("c-overlap", 40, "修改", ("overlap",)),
        ("e-fine", 40, "修改", ("overlap",)),
    ]
    by_id = {f.item_id: f for f in found}
    assert by_id["d-overlap-unaccountable"].score == 60 and by_id["c-overlap"].score == 40
    assert by_id["c-overlap"].department == "甲市农业农村局" and by_id["c-overlap"].name == "丙"
    assert by_id["a-blank-unaccountable"].reason.startswith("建议取消：该事项未填写设定依据")


def test_misnumbered_orphan_is_fixed_not_cancelled(store):
    g = GraphBuilder()
    v = g.law("甲法", "2020-01-01", {26: "县级以上人民政府农业农村主管部门应当加强监督检查。",
                                     33: "违反本法规定，出厂未经检验的产品的，由农业农村主管部门处十万元以上罚款。"})
    g.clause(article_id(v, 26), "行政检查", "县级以上人民政府农业农村主管部门", sector="农业农村")
    g.clause(article_id(v, 33), "行政处罚", "农业农村主管部门", sector="农业农村")
    gov = g.government("甲市")
    agri = g.department(gov, "甲市农业农村局", "农业农村")
    g.item(agri, "x", "对出厂未经检验的产品的处罚", "行政处罚",
           cite(article_id(v, 26), "《甲法》第二十六条", quote="违反本法规定，出厂未经检验的产品的，由农业农村主管部门处十万元以上罚款。",
                quote_best_match=article_id(v, 33)))
    g.save(store)
    (found,) = find_candidates(store)
    # art. 33 holds the quote and punishes what the name describes: not an orphan (queries.orphan.renumbered)
    assert found.reasons == ("stale_basis",) and found.action == "修改"
    assert "引文现见于第三十三条" in found.reason

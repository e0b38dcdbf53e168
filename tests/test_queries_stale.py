"""Stale bases on hand-made graphs: repealed and superseded laws, misquoted articles."""

from __future__ import annotations

import pytest

from kg.model import VersionStatus, article_id
from queries.stale import find_stale, quote_coverage

from .test_queries_builder import GraphBuilder, cite


@pytest.mark.parametrize("quote, article, matches", [
    ("县级以上人民政府，应当加强管理。", "县级以上人民政府应当加强管理。", True),  # punctuation only
    ("縣級以上人民政府應當加強管理", "县级以上人民政府应当加强管理。", True),  # traditional characters
    ("违反本法规定，处五千元以下罚款", "违反本法规定，处一万元以上五万元以下罚款", False),
    ("国家鼓励发展甲业", "违反本法规定，处一万元以上五万元以下罚款", False),
    ("处以2000元以下的罚款", "处以二千元以下的罚款", True),  # Arabic and Chinese numerals
    ("违反本法规定，处五千元以下罚款。第十一条 国家鼓励发展甲业。", "违反本法规定，处五千元以下罚款。", True),  # runs on
])
def test_quote_coverage(quote, article, matches):
    assert (quote_coverage(quote, article) >= 0.8) is matches


def _graph(store):
    g = GraphBuilder()
    old = g.law("甲法", "2015-01-01", {10: "违反本法规定的，处五千元以下罚款。"}, status=VersionStatus.SUPERSEDED)
    new = g.law("甲法", "2021-01-01", {
        10: "国家鼓励发展甲业。",
        12: "违反本法规定的，由县级以上人民政府农业农村主管部门处五千元以下罚款。",
    }, effective="2021-05-01")
    g.supersede(new, old)
    gone = g.law("乙条例", "2001-01-01", {3: "处罚款。"}, status=VersionStatus.REPEALED)
    gov = g.government("甲市")
    d = g.department(gov, "甲市农业农村局", "农业农村")
    g.item(d, "a-superseded", "处罚一", "行政处罚", cite(article_id(old, 10), "《甲法》第十条"), list_date="2024-01-01")
    g.item(d, "b-repealed", "处罚二", "行政处罚", cite(article_id(gone, 3), "《乙条例》第三条"))
    g.item(d, "c-misquote", "处罚三", "行政处罚",
           cite(article_id(new, 10), "《甲法》第十条：违反本法规定的，处五千元以下罚款。",
                quote="违反本法规定的，处五千元以下罚款。", quote_similarity=0.2,
                quote_best_match=article_id(new, 12), quote_best_similarity=0.9))
    # near misses
    g.item(d, "d-punctuation", "处罚四", "行政处罚",
           cite(article_id(new, 12), "《甲法》第十二条", quote="违反本法规定的 由县级以上人民政府农业农村主管部门,处五千元以下罚款"))
    g.item(d, "e-old-list", "处罚五", "行政处罚", cite(article_id(old, 10), "《甲法》第十条"), list_date="2019-06-01")
    g.item(d, "f-current", "处罚六", "行政处罚", cite(article_id(new, 12), "《甲法》第十二条"))
    g.save(store)
    return old, new


def test_stale_exact(store):
    old, new = _graph(store)
    found = {f.item_id: f for f in find_stale(store)}
    assert sorted(found) == ["a-superseded", "b-repealed", "c-misquote"]
    assert found["a-superseded"].reason == "所引《甲法》（2015-01-01）已被2021-01-01版本取代。"
    assert found["a-superseded"].evidence[0].note == f"现行版本：{new}"
    assert found["b-repealed"].reason == "所引《乙条例》（2001-01-01）已废止。"
    assert found["c-misquote"].reason == "所引第十条的引文与现行条文不符，引文现见于第十二条。"
    assert "第十二条" in found["c-misquote"].evidence[0].note


QUOTE_12 = "违反本法规定的，由县级以上人民政府农业农村主管部门处五千元以下罚款。"


@pytest.mark.parametrize("cited, target, quote, reason", [
    # 动物防疫法 shape: the list numbers an older, unloaded text (第一百零三条); the loader moved the
    # citation to the article now holding the quote: the number is out of date
    (103, 12, QUOTE_12, "所引第一百零三条的引文与现行条文不符，引文现见于第十二条。"),
    # moved, and the text amended since (a fine no longer stated): still both numbers
    (11, 12, "违反本法规定的，由县级以上人民政府农业农村主管部门处一万元以下罚款。",
     "所引第十一条的引文与现行条文不符，引文现见于第十二条。"),
    # near miss: cited where it resolved, quote held
    (12, 12, QUOTE_12, None),
    # near miss: no article number on the citation (a whole-article reference kept as resolved)
    (None, 12, QUOTE_12, None),
])
def test_a_citation_moved_to_another_article_is_stale(store, cited, target, quote, reason):
    g = GraphBuilder()
    new = g.law("甲法", "2021-01-01", {12: "违反本法规定的，由县级以上人民政府农业农村主管部门处五千元以下罚款。"})
    d = g.department(g.government("甲市"), "甲市农业农村局", "农业农村")
    g.item(d, "a", "处罚一", "行政处罚",
           cite(article_id(new, target), f"《甲法》（2021年1月1日修订）第{cited}条：{quote}", quote=quote, article=cited))
    g.save(store)
    found = list(find_stale(store))
    assert [f.reason for f in found] == ([reason] if reason else [])
    if reason:
        assert found[0].evidence[0].resolved_to and "相符度" in found[0].evidence[0].note

"""Orphans on hand-made graphs: exact findings, and near misses that must not be reported."""

from __future__ import annotations

import pytest

from kg.model import Rank, article_id
from queries.orphan import find_orphans, find_unverifiable

from .test_queries_builder import GraphBuilder, cite


def _graph(store):
    g = GraphBuilder()
    v = g.law("甲法", "2020-01-01", {
        5: "从事甲业务，应当取得县级以上人民政府农业农村主管部门的许可。",
        6: "违反本法第五条规定的，责令改正，处一万元以下罚款。",  # a clause the extraction missed
        9: "县级以上人民政府农业农村主管部门负责本行政区域的甲业务监督管理工作。",
        30: "违反本法第五条规定的，由县级以上人民政府农业农村主管部门处一万元以下罚款。",
    })
    g.clause(article_id(v, 5), "行政许可", "县级以上人民政府农业农村主管部门", sector="农业农村", modality="应当")
    g.clause(article_id(v, 9), "其他", "县级以上人民政府农业农村主管部门", sector="农业农村")
    g.clause(article_id(v, 30), "行政处罚", "县级以上人民政府农业农村主管部门", sector="农业农村", actions=("罚款",))
    w = g.law("乙法", "2019-01-01", {3: "国家发展乙事业。"})  # no clauses extracted at all
    gov = g.government("甲市")
    d = g.department(gov, "甲市农业农村局", "农业农村")
    g.item(d, "a-blank", "对某事的检查", "行政检查", basis_text="  ")
    g.item(d, "b-nolaw", "对某事的奖励", "行政奖励", basis_text="按有关规定执行")
    g.item(d, "c-notfound", "甲许可", "行政许可",
           cite(None, "《甲法》第九十九条", law="甲法", version=v, article=99, status="article_not_found"))
    g.item(d, "d-grants-nothing", "对甲业务的处罚", "行政处罚", cite(article_id(v, 5), "《甲法》第五条"))
    # near miss: 责令改正 and competence clauses (其他) ground a penalty item
    g.item(d, "n-competence-penalty", "对甲业务的处罚", "行政处罚", cite(article_id(v, 9), "《甲法》第九条"))
    # near misses
    g.item(d, "e-ok", "甲许可", "行政许可", cite(article_id(v, 5), "《甲法》第五条"))
    g.item(d, "f-not-loaded", "丙处罚", "行政处罚", cite(None, "《丙法》第三条", law="丙法", status="law_not_loaded"))
    g.item(d, "g-no-extraction", "乙处罚", "行政处罚", cite(article_id(w, 3), "《乙法》第三条"))
    g.item(d, "h-other", "其他事项", "其他", cite(article_id(v, 9), "《甲法》第九条"))
    g.item(d, "l-inspection-on-competence", "对甲业务的检查", "行政检查", cite(article_id(v, 9), "《甲法》第九条"))
    g.item(d, "m-unextracted-article", "对甲业务的处罚", "行政处罚", cite(article_id(v, 5), "《甲法》第五条"),
           cite(article_id(v, 6), "《甲法》第六条"))
    g.item(d, "i-one-good", "对甲业务的处罚", "行政处罚", cite(article_id(v, 9), "《甲法》第九条"),
           cite(article_id(v, 30), "《甲法》第三十条"))
    g.item(d, "j-normative", "某许可", "行政许可", cite(None, "《关于某事的通知》", status="normative_document"))
    g.item(d, "k-normative-benefit", "某补贴", "行政给付", cite(None, "《关于某补贴的通知》", status="normative_document"))
    # near miss: the act named (罚款) is what art. 30 grants, as a penalty: a category_mismatch, not an orphan
    g.item(d, "o-misfiled", "对甲业务违法行为的罚款", "行政强制", cite(article_id(v, 30), "《甲法》第三十条"))
    g.save(store)
    return v


def test_orphans_exact(store):
    _graph(store)
    found = {f.item_id: f for f in find_orphans(store, government="甲市")}
    assert sorted(found) == ["a-blank", "b-nolaw", "c-notfound", "d-grants-nothing", "k-normative-benefit"]
    assert found["a-blank"].reason == "该事项未填写设定依据。"
    assert "第九十九条" in found["c-notfound"].evidence[0].resolved_to
    assert found["d-grants-nothing"].reason == "该事项所引条文均未授予行政处罚权力。"
    assert found["d-grants-nothing"].evidence[0].article_text.startswith("从事甲业务，应当取得")
    assert found["d-grants-nothing"].evidence[-1].note == "所引条文中抽取到的授权条款类别：行政许可"
    for f in found.values():
        assert f.kind == "orphan" and f.government == "甲市" and f.department == "甲市农业农村局" and f.evidence


def test_unverifiable_is_a_note_not_an_orphan(store):
    _graph(store)
    notes = list(find_unverifiable(store))
    assert [f.item_id for f in notes] == ["f-not-loaded"]
    assert notes[0].kind == "unverifiable" and "《丙法》" in notes[0].reason


@pytest.mark.parametrize("status, truncated, kind", [
    # an article beyond a cut-short text: not verifiable here, with the reason
    ("text_incomplete", "文本止于第3条，末条不是施行条款", "unverifiable"),
    # near miss: an article missing from a whole text is an orphan
    ("article_not_found", "", "orphan"),
])
def test_an_article_beyond_a_cut_short_text_is_not_an_orphan(store, status, truncated, kind):
    g = GraphBuilder()
    v = g.law("戊条例", "2016-02-06", {1: "为了…，制定本条例。", 3: "本条例所称甲，是指…。"})
    next(n for n in g.nodes if n.label == "LawVersion").props["truncated"] = truncated
    d = g.department(g.government("甲市"), "甲市卫生健康委员会", "卫生健康")
    g.item(d, "t1", "甲许可", "行政许可", cite(None, "《戊条例》第五十四条", law="戊条例", version=v, article=54, status=status))
    g.save(store)
    found = list(find_orphans(store)) + list(find_unverifiable(store))
    assert [(f.kind, f.item_id) for f in found] == [(kind, "t1")]
    if kind == "unverifiable":
        assert "载入的文本不全" in found[0].reason
        assert found[0].evidence[0].resolved_to == "《戊条例》（2016-02-06）载入的文本不全（文本止于第3条，末条不是施行条款），无法核验第五十四条"


@pytest.mark.parametrize("department, expected", [("甲市农业农村局", 5), ("别的局", 0)])
def test_orphans_department_filter(store, department, expected):
    _graph(store)
    assert len(list(find_orphans(store, department=department))) == expected


PIG_26 = "县级以上地方人民政府农业农村主管部门应当根据生猪屠宰质量安全风险监测结果和国务院农业农村主管部门的规定，加强对生猪定点屠宰厂（场）质量安全管理状况的监督检查。"
PIG_33 = ("违反本条例规定，生猪定点屠宰厂（场）出厂（场）未经肉品品质检验或者经肉品品质检验不合格的生猪产品的，由农业农村主管部门"
          "责令停业整顿，没收生猪产品和违法所得；货值金额不足1万元的，并处10万元以上20万元以下的罚款")
# the list's quote of art. 26 of the 2008 text, as Karamay's list has it
PIG_QUOTE = ("生猪定点屠宰厂（场）出厂（场）未经肉品品质检验或者经肉品品质检验不合格的生猪产品的，由畜牧兽医行政主管部门责令停业整顿，"
             "没收生猪产品和违法所得，并处货值金额1倍以上3倍以下的罚款")


@pytest.mark.parametrize("name, orphan", [
    # 生猪屠宰管理条例 2021 cited by its 2008 number: art. 33 now punishes what the name describes
    ("对生猪定点屠宰厂（场）出厂（场）未经肉品品质检验或者经肉品品质检验不合格的生猪产品的处罚", False),
    # near miss: the quote's best match punishes another violation than the item's
    ("对生猪定点屠宰厂（场）对生猪、生猪产品注水或者注入其他物质的处罚", True),
])
def test_an_article_cited_by_its_old_number_is_not_an_orphan(store, name, orphan):
    g = GraphBuilder()
    v = g.law("生猪屠宰管理条例", "2021-06-25", {26: PIG_26, 33: PIG_33}, rank=Rank.ADMINISTRATIVE_REGULATION)
    g.clause(article_id(v, 26), "行政检查", "县级以上地方人民政府农业农村主管部门", sector="农业农村", actions=("监督检查",))
    g.clause(article_id(v, 33), "行政处罚", "农业农村主管部门", sector="农业农村", actions=("责令停产停业", "罚款"))
    d = g.department(g.government("甲市"), "甲市农业农村局", "农业农村")
    g.item(d, "x", name, "行政处罚", cite(article_id(v, 26), "《生猪屠宰管理条例》第二十六条", quote=PIG_QUOTE,
                                         quote_best_match=article_id(v, 33)))
    g.save(store)
    assert [f.item_id for f in find_orphans(store)] == (["x"] if orphan else [])

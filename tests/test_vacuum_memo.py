"""The conduct cover remembered across governments (queries.vacuum_memo) finds what asking afresh finds."""

from __future__ import annotations

from kg.model import GovLevel, article_id
from queries import vacuum, vacuum_memo
from queries.vacuum import find_vacuums

from .test_queries_builder import GraphBuilder, cite

ARTICLES = {
    30: "违反本法规定，农产品生产经营者冒用农产品质量标志的，由县级以上人民政府农业农村主管部门责令改正，处罚款。",
    31: "违反本法规定，未取得种子生产经营许可证生产经营种子的，由县级以上人民政府农业农村主管部门责令改正，处罚款。",
    32: "违反本法规定，生产经营假种子的，由县级以上人民政府农业农村主管部门责令停止生产经营，处罚款。",
    40: "甲。",
}
# government -> the items of its 农业农村局 (name, cited article): 甲市 and 乙市 list the same acts, 丙市 one more
LISTS = {
    "甲市": [("对冒用农产品质量标志的处罚", 40), ("对未取得种子生产经营许可证生产经营种子的处罚", 40)],
    "乙市": [("对冒用农产品质量标志的处罚", 40), ("对未取得种子生产经营许可证生产经营种子的处罚", 40)],
    "丙市": [("对冒用农产品质量标志的处罚", 40), ("对未取得种子生产经营许可证生产经营种子的处罚", 40),
             ("对生产经营假种子的处罚", 40)],
}


def _store(store, lists=LISTS):
    g = GraphBuilder()
    v = g.law("甲法", "2021-01-01", ARTICLES)
    for number in (30, 31, 32):
        g.clause(article_id(v, number), "行政处罚", "县级以上人民政府农业农村主管部门", sector="农业农村", actions=("罚款",),
                 text=ARTICLES[number])
    for government, items in lists.items():
        dept = g.department(g.government(government, GovLevel.CITY, province="新疆维吾尔自治区"),
                            f"{government}农业农村局", "农业农村")
        for n, (name, number) in enumerate(items):
            g.item(dept, f"{government}-i{n}", name, "行政处罚", cite(article_id(v, number), f"《甲法》第{number}条"),
                   code=f"{government}-{n}")
    g.save(store)


def _found(store):
    return [(f.kind, f.government, f.article, f.reason) for f in find_vacuums(store, explain=True)]


def test_remembered_covers_are_each_governments_own_acts(store, monkeypatch):
    _store(store)
    asked = []
    cover = vacuum.conduct_cover
    monkeypatch.setattr(vacuum, "conduct_cover", lambda *args: asked.append(1) or cover(*args))
    remembered = _found(store)
    with_memo = len(asked)
    monkeypatch.setattr(vacuum_memo.CoverMemo, "__call__", lambda self, cover, clause, departments:
                        cover(clause, departments, self.held))
    store._views.clear()
    assert remembered == _found(store)
    assert with_memo == len(asked) - with_memo - 3  # the second of 甲市 and 乙市 asked none of its 3 clauses
    notes = {(government, article): reason for kind, government, article, reason in remembered if kind == "not_vacuum"}
    # 乙市's clause 30 is held by 乙市's item, found through 甲市's answer
    assert "乙市-0" in notes[("乙市", 30)] and "甲市-0" in notes[("甲市", 30)]
    assert ("丙市", 32) in notes and not any(k == "vacuum" and g == "丙市" for k, g, _, _ in remembered)
    assert sorted((g, a) for k, g, a, _ in remembered if k == "vacuum") == [("乙市", 32), ("甲市", 32)]


# 癸市 lists one of 乙市's items, 辛市 乙市's and one more that holds nothing (governments are judged in id order:
# 丙市, 乙市, 甲市, 癸市, 辛市)
MORE = {**LISTS, "癸市": LISTS["甲市"][:1], "辛市": [*LISTS["甲市"], ("对未经批准擅自占用耕地建窑建坟的处罚", 40)]}


def test_acts_seen_holding_nothing_are_not_compared_again(store, monkeypatch):
    """A clause that none of 乙市's acts holds (art. 32) is not compared with them again: 癸市, holding only
    such acts, asks nothing; 辛市 asks of its one item's acts not seen before alone.  The vacuums are those found
    asking afresh."""
    _store(store, MORE)
    asked = []
    cover = vacuum.conduct_cover
    monkeypatch.setattr(vacuum, "conduct_cover", lambda clause, departments, held: asked.append(
        (departments[0]["id"].split("/")[0], clause.row.clause.article, type(held).__name__, len(held.get(departments[0]["id"]))))
        or cover(clause, departments, held))
    remembered = _found(store)
    assert not [a for a in asked if a[0] == "癸市" and a[1] == 32]
    assert [a for a in asked if a[0] == "辛市" and a[1] == 32] == [("辛市", 32, "_ActsAmong", 2)]  # its item's name and reading
    monkeypatch.setattr(vacuum_memo.CoverMemo, "__call__", lambda self, cover, clause, departments:
                        cover(clause, departments, self.held))
    store._views.clear()
    assert remembered == _found(store)
    assert ("癸市", 32) in {(g, a) for k, g, a, _ in remembered if k == "vacuum"}

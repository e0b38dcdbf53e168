"""Constructions read for the culture and publishing sector (issue 12, branch i12-publish): texts as the corpus has
them, each rule the branch added with a text it must read and a near miss it must not.

- ``patterns/references.tsv`` (cited_licence): 依照本条例第N条的规定办理审批手续 holds the licence of the cited article;
- ``patterns/bodies.tsv`` (last row): 人民政府负责X的行政部门 / 主管部门 / 行政主管部门 is a body;
- ``terms.find_terms``: an act that starts inside a body's name (the 负责 of 负责药品监督管理的部门) no longer hides the
  act after the name (负责…工作, a competence clause);
- ``clauses._VIOLATION_AFTER``: X及其工作人员，利用职务上的便利…批准… is the case of a sanction on the body's own
  staff, no licence of X.

None of the texts is from the two regulations the branch annotated (tests/gold/dev/印刷业管理条例.jsonl,
音像制品管理条例.jsonl).
"""

from __future__ import annotations

import pytest

from kg.errors import UserError
from loaders.nlp import extract
from loaders.nlp.terms import PATTERNS_DIR

from .test_nlp_constructions import found

# 宁波市市政设施管理条例 (2016) art. 23, and art. 36 as the statute numbers it 2 (its own 第二十三条 renumbered 第一条)
_BRIDGE = ("履带车、铁轮车或者超重、超高、超长车辆确需在城市道路上行驶的，事先须经市政设施主管部门批准，并按照公安机关交通管理部门"
           "指定的路线、时间行驶。损坏城市道路以及其他设施的，应当予以赔偿。")

ROWS = [
    # --- a procedure cited by article number: the cited article's licence ------------------------------------------
    ([_BRIDGE, "履带车、铁轮车或者超重、超高、超长车辆确需在城市桥涵上通行的，依照本条例第一条的规定办理审批手续。"],
     {(1, "行政许可", "市政设施主管部门", "approval"), (2, "行政许可", "市政设施主管部门", "cited_licence")}),
    # near miss: the cited article grants no licence (a duty of the party): nothing is carried
    (["车辆、船只通过城市桥涵时，应当遵守限载、限高、限宽、限长和限速等相关规定。",
      "超限车辆确需在城市桥涵上通行的，依照本条例第一条的规定办理手续。"], set()),
    # near miss: a later article cited (no licence found yet) gives nothing
    (["超限车辆确需在城市桥涵上通行的，依照本条例第二条的规定办理审批手续。", _BRIDGE],
     {(2, "行政许可", "市政设施主管部门", "approval")}),
    # --- 人民政府负责X的(行政/主管)部门 is a body; the 负责 of the name does not hide the competence after it -------------
    # 测绘成果管理条例 (2006) art. 3 (second sentence)
    (["县级以上地方人民政府负责管理测绘工作的部门(以下称测绘行政主管部门)负责本行政区域测绘成果工作的统一监督管理。"],
     {(1, "其他", "县级以上地方人民政府负责管理测绘工作的部门", "competence")}),
    # 化妆品监督管理条例 (2020) art. 5 (second sentence)
    (["县级以上地方人民政府负责药品监督管理的部门负责本行政区域的化妆品监督管理工作。"],
     {(1, "其他", "县级以上地方人民政府负责药品监督管理的部门", "competence")}),
    # 防沙治沙法 (2018) art. 40: the 行政主管部门 after 负责…的 is the penalty body, not the bare government
    (["违反本法规定，进行营利性治沙活动，造成土地沙化加重的，由县级以上地方人民政府负责受理营利性治沙申请的行政主管部门责令"
      "停止违法行为，可以并处每公顷五千元以上五万元以下的罚款。"],
     {(1, "行政处罚", "县级以上地方人民政府负责受理营利性治沙申请的行政主管部门", "penalty")}),
    # near miss: a government doing its own 负责 (no department after the 的): the government's leadership, no body
    (["县级以上地方人民政府负责本行政区域内的防沙治沙工作的组织领导。"], set()),
    # --- X及其工作人员，利用职务上的便利…批准…的: the case of discipline, no licence -------------------------------------
    # 互联网上网服务营业场所管理条例 (2022) art. 25
    (["文化行政部门、公安机关、工商行政管理部门或者其他有关部门及其工作人员，利用职务上的便利收受他人财物或者其他好处，违法批准"
      "不符合法定设立条件的互联网上网服务营业场所经营单位，或者不依法履行监督职责，或者发现违法行为不予依法查处，触犯刑律的，"
      "对直接负责的主管人员和其他直接责任人员依照刑法关于受贿罪、滥用职权罪、玩忽职守罪或者其他罪的规定，依法追究刑事责任；"
      "尚不够刑事处罚的，依法给予降级、撤职或者开除的行政处分。"], set()),
    # near miss: the staff named with the body, then a duty toward the public (the comma does not make it a case)
    (["县级以上人民政府卫生行政部门及其工作人员，应当对医疗机构执业活动进行监督检查。"],
     {(1, "行政检查", "县级以上人民政府卫生行政部门", "inspection")}),
]


@pytest.mark.parametrize("articles,expected", ROWS)
def test_publishing_constructions(articles, expected) -> None:
    assert found(articles) == expected


def test_references_table_rows_are_checked(tmp_path, monkeypatch) -> None:
    (tmp_path / "references.tsv").write_text(
        "construction\tcategory\taction\tpattern\texample\tlaw\tarticle\n"
        "cited_licence\t行政许可\t审批\t依照本条例第(?P<n>[一二三]+)条办理手续\tx\tx\t1\n", encoding="utf-8")
    extract.cited_powers.cache_clear()
    monkeypatch.setattr("loaders.nlp.terms.PATTERNS_DIR", tmp_path)
    try:
        with pytest.raises(UserError, match=r"references\.tsv, row 2"):
            extract.cited_powers()
    finally:
        extract.cited_powers.cache_clear()  # the shipped table again for the next caller


def test_references_table_is_the_shipped_one() -> None:
    rows = extract.cited_powers()
    assert [r.construction for r in rows] == ["cited_licence"]
    assert (PATTERNS_DIR / "references.tsv").is_file()

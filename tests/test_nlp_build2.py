"""Constructions read for the construction and tendering sector (issue 12, branch i12-build2): texts as the corpus has
them, each rule the branch added with a text it must read and a near miss it must not.

- ``patterns/bodies.tsv`` (last row): X规定的(有关)…部门 / 机关 / 机构 after a government is one body, named by the rule
  that designates it and kept as written (README rule 3, like X确定的监督管理部门);
- ``patterns/constructions.tsv`` (penalty 限制从业): 取消其 / 禁止其 N年(至M年)内 / 一定期限内 参加 / 代理 / 担任 / 承担 /
  从事 / 申报… is a time-limited ban, 行政处罚 (行政处罚法 art. 9 (五)); ``patterns/modals.tsv``: that 禁止 is no bar;
- ``patterns/constructions.tsv`` (competence): X对…活动实施监督，…依法查处…违法行为 is a competence clause (其他), not an
  inspection;
- ``patterns/bodies.tsv`` (last row): 颁发X、Y的机关 (two certificates listed) is one issuing body;
- ``terms._level_lead`` and ``clauses._SECTOR_WORD``: a list closed by 等 after a level whose first sector is long
  (国务院住房城乡建设、商务…等部门) starts at the level, and a 和 joining one sector name (工业和信息化) stays in the word, so
  the list is written out per sector (README rule 3);
- ``patterns/designation_objects.tsv`` (clauses.named_act_keys): a designation naming the revocation of a 资质证书 covers
  that certificate only, not the 执业资格证书 of a registered person revoked under the same action key.

None of the texts is from the two laws the branch annotated (tests/gold/dev/建设工程质量管理条例.jsonl, 招标投标法.jsonl).
"""

from __future__ import annotations

import pytest

from kg.errors import UserError
from loaders.nlp import clauses

from .test_nlp_constructions import found

# 建设工程抗震管理条例 (2021) art. 47 para. 2: the split designation
_QUAKE_DESIGNATION = ("本条例规定的降低资质等级或者吊销资质证书的行政处罚，由颁发资质证书的机关决定；其他行政处罚，由住房和城乡建设"
                      "主管部门或者其他有关监督管理部门依照法定职权决定。")
_QUAKE_OTHERS = {(1, "行政处罚", "住房和城乡建设主管部门", "penalty"), (1, "行政处罚", "其他有关监督管理部门", "penalty")}
_QUAKE_ITSELF = {(2, "行政处罚", "颁发资质证书的机关", "penalty_designation"),
                 (2, "行政处罚", "住房和城乡建设主管部门", "penalty_designation"),
                 (2, "行政处罚", "其他有关监督管理部门", "penalty_designation")}

ROWS = [
    # --- X规定的…部门 is one body ------------------------------------------------------------------------------------
    # 城镇集体所有制企业条例 (2016) art. 14
    (["设立集体企业应当经省、自治区、直辖市人民政府规定的审批部门批准。"],
     {(1, "行政许可", "省、自治区、直辖市人民政府规定的审批部门", "approval")}),
    # 城市房地产管理法 (2019) art. 62 para. 1
    (["房地产抵押时，应当向县级以上地方人民政府规定的部门办理抵押登记。"],
     {(1, "行政确认", "县级以上地方人民政府规定的部门", "registration")}),
    # 北京市招标投标条例 (2021) art. 47 and a penalty of its chapter naming no body (art. 48's form)
    (["招标人以不合理的条件限制或者排斥潜在投标人的，责令改正，可以处一万元以上五万元以下的罚款。",
      "本章规定的行政处罚，由市人民政府规定的有关行政监督部门决定。"],
     {(1, "行政处罚", "市人民政府规定的有关行政监督部门", "penalty"),
      (2, "行政处罚", "市人民政府规定的有关行政监督部门", "penalty_designation")}),
    # near miss: 规定的期限 is the time of the report, and the body is the one after 向 (a report grants nothing)
    (["发生事故的单位应当在国务院规定的期限内向有关部门报告。"], set()),
    # --- 取消其 / 禁止其 N年内…: a time-limited ban ------------------------------------------------------------------------
    # 招标投标法实施条例 (2019) art. 71 (first items left out)
    (["评标委员会成员有下列行为之一的，由有关行政监督部门责令改正；情节严重的，禁止其在一定期限内参加依法必须进行招标的项目的评标。"],
     {(1, "行政处罚", "有关行政监督部门", "penalty")}),
    # 招标投标法实施条例 (2019) art. 68 para. 2 (lead sentence)
    (["投标人有下列行为之一的，属于招标投标法第五十四条规定的情节严重行为，由有关行政监督部门取消其1年至3年内参加依法必须进行招标"
      "的项目的投标资格。"],
     {(1, "行政处罚", "有关行政监督部门", "penalty")}),
    # near miss: a bar on the party (禁止 + a conduct, no time-limited ban): no grant
    (["禁止投标人以向招标人或者评标委员会成员行贿的手段谋取中标。"], set()),
    # --- X对…活动实施监督，依法查处…: a competence clause ---------------------------------------------------------------
    # 招标投标法实施条例 (2019) art. 4 para. 1 (second sentence)
    (["县级以上地方人民政府有关部门按照规定的职责分工，对招标投标活动实施监督，依法查处招标投标活动中的违法行为。"],
     {(1, "其他", "县级以上地方人民政府有关部门", "competence")}),
    # near miss: 广东省道路运输条例 (2021) art. 50: 调查处理 of accidents is no 查处; the supervision stays an inspection
    (["交通运输主管部门依法对道路运输经营者、营运车辆和营运驾驶员实施准入管理，对道路运输站场安全生产实施监督，参与道路运输生产安全"
      "事故的调查处理。"],
     {(1, "行政检查", "交通运输主管部门", "inspection")}),
    # --- a designation confined to the certificate it names ----------------------------------------------------------
    # 建设工程抗震管理条例 (2021) art. 45 para. 2: the registered persons' 执业资格证书 is not the enterprise's 资质证书
    (["违反本条例规定，抗震性能鉴定机构出具虚假鉴定结果的，责令改正，处10万元以上30万元以下的罚款；情节严重的，责令停业整顿，并处30万元"
      "以上50万元以下的罚款，吊销负有直接责任的注册执业人员的执业资格证书，其直接负责的主管人员和其他直接责任人员终身禁止从事抗震性能"
      "鉴定业务；造成损失的，依法承担赔偿责任。", _QUAKE_DESIGNATION],
     _QUAKE_OTHERS | _QUAKE_ITSELF),
    # near miss: art. 42, 降低资质等级或者吊销资质证书 is the issuing body's
    (["违反本条例规定，施工单位在施工中未按照抗震设防强制性标准进行施工的，责令改正，处工程合同价款2%以上4%以下的罚款；造成建设工程不"
      "符合抗震设防强制性标准的，负责返工、加固，并赔偿因此造成的损失；情节严重的，责令停业整顿，降低资质等级或者吊销资质证书。",
      _QUAKE_DESIGNATION],
     _QUAKE_OTHERS | _QUAKE_ITSELF | {(1, "行政处罚", "颁发资质证书的机关", "penalty")}),
    # --- 颁发X、Y的机关: the issuing body of two certificates is one body ------------------------------------------------
    # 建设工程勘察设计管理条例 (2017) arts. 39 and 42
    (["违反本条例规定，建设工程勘察、设计单位将所承揽的建设工程勘察、设计转包的，责令改正，没收违法所得，处合同约定的勘察费、设计费"
      "25%以上50%以下的罚款，可以责令停业整顿，降低资质等级；情节严重的，吊销资质证书。",
      "本条例规定的责令停业整顿、降低资质等级和吊销资质证书、资格证书的行政处罚，由颁发资质证书、资格证书的机关决定；其他行政处罚，"
      "由建设行政主管部门或者其他有关部门依据法定职权范围决定。"],
     {(1, "行政处罚", "颁发资质证书、资格证书的机关", "penalty"), (1, "行政处罚", "建设行政主管部门", "penalty"),
      (1, "行政处罚", "其他有关部门", "penalty"), (2, "行政处罚", "颁发资质证书、资格证书的机关", "penalty_designation"),
      (2, "行政处罚", "建设行政主管部门", "penalty_designation"), (2, "行政处罚", "其他有关部门", "penalty_designation")}),
    # near miss: 野生动物保护法 (2022) art. 52 para. 2 (first sentence): a department named after the certificates keeps
    # its whole name (the row reads 的机关 / 的部门 / 的机构 right after the second certificate only)
    (["违反本法第二十三条第一款规定，未将猎捕情况向野生动物保护主管部门备案的，由核发特许猎捕证、狩猎证的野生动物保护主管部门责令限期"
      "改正；逾期不改正的，处一万元以上十万元以下罚款；情节严重的，吊销特许猎捕证、狩猎证。"],
     {(1, "行政处罚", "核发特许猎捕证、狩猎证的野生动物保护主管部门", "penalty")}),
    # --- 国务院X、Y、工业和信息化等部门: the level before a long first sector, 和 inside a sector name ------------------
    # 招标投标法实施条例 (2019) art. 11
    (["国务院住房城乡建设、商务、发展改革、工业和信息化等部门，按照规定的职责分工对招标代理机构依法实施监督管理。"],
     {(1, "其他", f"国务院{s}部门", "competence") for s in ("住房城乡建设", "商务", "发展改革", "工业和信息化")}),
    # 无人驾驶航空器飞行管理暂行条例 (2023) art. 4 para. 2
    (["国务院民用航空、公安、工业和信息化、市场监督管理等部门按照职责分工负责全国无人驾驶航空器有关管理工作。"],
     {(1, "其他", f"国务院{s}部门", "competence") for s in ("民用航空", "公安", "工业和信息化", "市场监督管理")}),
    # near miss: 广东省水污染防治条例 (2021) art. 39: the government organises the departments (a verb before the list):
    # its own work, no power of the departments
    (["县级以上人民政府应当组织交通运输、生态环境、住房城乡建设、农业农村、市场监督管理等部门及海事管理机构建立船舶水上污染防治执法联动"
      "机制，对船舶污染实行全程监督管理。"], set()),
]


@pytest.mark.parametrize("articles,expected", ROWS)
def test_build2_constructions(articles, expected) -> None:
    assert found(articles) == expected


def test_named_act_keys() -> None:
    assert clauses.named_act_keys("吊销许可证", "吊销资质证书") == ["吊销许可证|资质"]
    assert sorted(clauses.named_act_keys("吊销许可证", "吊销资质证书、资格证书")) == ["吊销许可证|资格", "吊销许可证|资质"]
    assert clauses.named_act_keys("吊销许可证", "吊销许可证") == ["吊销许可证"]
    keys = frozenset(["吊销许可证|资质", "降低资质等级"])
    assert clauses.designation_covers(keys, "吊销许可证", "吊销测绘资质证书")
    assert not clauses.designation_covers(keys, "吊销许可证", "吊销执业资格证书")
    assert clauses.designation_covers(keys, "降低资质等级", "降低资质等级")


def test_designation_objects_rows_are_checked(tmp_path, monkeypatch) -> None:
    (tmp_path / "designation_objects.tsv").write_text(
        "action\tobject\texample\tlaw\tarticle\tnote\n吊销许可证\t\tx\tx\t1\t\n", encoding="utf-8")
    clauses.designation_objects.cache_clear()
    monkeypatch.setattr("loaders.nlp.clauses.PATTERNS_DIR", tmp_path)
    try:
        with pytest.raises(UserError, match=r"designation_objects\.tsv, row 2"):
            clauses.designation_objects()
    finally:
        clauses.designation_objects.cache_clear()

"""Constructions of dispute rulings, scenic areas and resource protection (issue 12, branch i12-rulings): a table of
(article text as the corpus has it, expected clauses) with a near miss beside each row.

Each row of ``patterns/procedures.tsv`` and the clauses.py change added by this branch has a text here that it must read
and one that it must not; none of the texts is an article of the two texts the branch annotated
(广东省林木林地权属争议调解处理条例, 风景名胜区条例: tests/gold/dev).
"""

from __future__ import annotations

import re

import pytest

from loaders.nlp.procedures import load_procedures, procedure_of

from .test_nlp_constructions import found

# (text, expected {(category, subject, construction)}), law and article in the comment
ROWS = [
    # --- 行政裁决: the body a dispute is sent up to rules it ----------------------------------------------------
    # 重庆市林地保护管理条例 (2018) art. 14 item (二): 权属争议…协调不成的，报X处理 (clauses.py: _RULES_AFTER)
    ("集体林地的权属争议，由乡（民族乡、镇）人民政府调处；协调不成的，报区县（自治县、市）人民政府处理；跨区县（自治县、市）的，"
     "报市人民政府处理。",
     {("行政裁决", "乡（民族乡、镇）人民政府", "dispute_ruling"), ("行政裁决", "区县（自治县、市）人民政府", "dispute_ruling"),
      ("行政裁决", "市人民政府", "dispute_ruling")}),
    # near miss, 北京市矿产资源管理条例 art. 31: the department that proposes (提出意见，报X处理) rules nothing
    ("矿山企业之间发生的矿区范围的争议，由当事人协商解决，协商不成的，由矿区所在地的区人民政府根据依法核定的矿区范围处理；"
     "跨区的矿区范围的争议，由有关区人民政府协商解决，协商不成的，由市人民政府处理；重大的矿区范围的争议，由市地质矿产行政主管部门"
     "提出意见，报市人民政府处理。",
     {("行政裁决", "区人民政府", "dispute_ruling"), ("行政裁决", "市人民政府", "dispute_ruling")}),
    # near miss, 山东省沿海船舶边防治安管理条例 (2011) art. 18: 报告X依法处理 is a report, not a dispute sent up
    ("发生海事、渔事纠纷或者其他纠纷，各方应当协商解决或者报告有关部门依法处理，任何一方不得扣押他方人员、船舶或者其他财物。", set()),
    # near miss, 北京市轨道交通运营安全条例 art. 42 (second sentence): 报X依法处理 with no dispute in the paragraph
    ("拒不接受安全检查并强行进入车站或者扰乱安全检查现场秩序的，安全检查人员应当制止并报公安机关依法处理。", set()),
    # --- 行政强制: a temporary measure of control ----------------------------------------------------------------
    # 浙江省动物防疫条例 art. 30: X应当立即采取临时隔离控制措施 (temporary_control)
    ("重大动物疫情确认期间，县级以上人民政府兽医主管部门应当立即采取临时隔离控制措施。",
     {("行政强制", "县级以上人民政府兽医主管部门", "temporary_control")}),
    # near miss, 北京市生活饮用水卫生监督管理条例 art. 21 item (四): the measure a party refuses is presupposed
    ("造成饮用水污染的供水设施的管理责任单位、污染责任单位对卫生计生行政部门所采取的临时控制措施拒不执行的", set()),
    # --- procedures: plans changed, resources surveyed, inspections urged, takings' paperwork ----------------------
    # 郑州市基本农田保护条例 (2020) art. 8 para. 2: a plan's change 报原批准机关批准 (plan_change_approval)
    ("基本农田保护区规划经批准后，必须严格执行。确需调整基本农田保护区规划的，必须按审批程序报原批准机关批准。", set()),
    # near miss, 重庆市实施《水土保持法》办法 (2018) art. 24 (first sentence): a party's scheme changed goes back to the
    # licensing body, a licence (方案 of a project, not a plan)
    ("水土保持方案经批准后，生产建设项目的地点、规模发生重大变化的，应当补充或者修改水土保持方案并报原审批机关批准。",
     {("行政许可", "原审批机关", "approval")}),
    # 浙江省可再生能源开发利用促进条例 (2021) art. 7 (first sentence): 对…资源进行调查 (resource_survey)
    ("县级以上人民政府可再生能源综合管理部门应当会同有关部门和机构，按照国家有关技术规范和要求，对本行政区域内可再生能源资源"
     "进行调查。", set()),
    # near miss, 中华人民共和国水土保持法 (2010) art. 43 (first sentence): 对…进行监督检查 of parties stays an inspection
    ("县级以上人民政府水行政主管部门负责对水土保持情况进行监督检查。",
     {("行政检查", "县级以上人民政府水行政主管部门", "inspection")}),
    # 浙江省风景名胜区条例 (2014) art. 43: 督促X…接受有关部门的监督检查 (urged_to_accept)
    ("风景名胜区管理机构应当督促风景名胜区内的交通、游乐、住宿、餐饮、导游等经营者依法经营，接受有关部门的监督检查，"
     "维护消费者合法权益。", set()),
    # 河南省实施《土地管理法》办法 art. 58 (second sentence): 办理土地征收或使用手续 (taking_paperwork)
    ("在处理抵押物时，由县级以上人民政府土地行政主管部门为土地使用权获得者办理土地征收或使用手续。", set()),
    # near miss, 广东省司法鉴定管理条例 (2022) art. 23 para. 2: a 告知书 sent before the body deregisters (told_to_register
    # needs 告知 and 办理 in one clause)
    ("司法鉴定机构、司法鉴定人发生本条例第二十一条、第二十二条所列情形之一且超过十个工作日未申请注销的，由省人民政府司法行政部门"
     "发出注销预先告知书，拟被注销司法鉴定机构或者司法鉴定人有权在五个工作日内作出陈述申辩，逾期未提出陈述申辩或者经审查陈述申辩"
     "理由不成立的，省人民政府司法行政部门应当依法办理注销登记手续。",
     {("其他", "省人民政府司法行政部门", "deregistration"), ("行政确认", "省人民政府司法行政部门", "registration")}),
]


@pytest.mark.parametrize("text, expected", ROWS, ids=[f"{i:02d}-{t[:10]}" for i, (t, _) in enumerate(ROWS)])
def test_rulings_construction(text: str, expected: set) -> None:
    assert {(cat, subj, cons) for _, cat, subj, cons in found([text])} == expected


def _procedure(text: str, act: str, category: str, subject: str) -> str | None:
    """The procedures row that voids the first ``act`` of a one-sentence ``text`` (None: a grant); ``act`` may name
    the words that follow it after a ``|`` (裁决|书: the 裁决 of 裁决书)."""
    act, _, following = act.partition("|")
    start = text.index(act + following)
    end = re.search(r"[。；]|$", text[start:]).start() + start
    return procedure_of(text, category, subject, start, start + len(act), (0, end), 0)


# The corpus names 裁决 beside a named body almost only in courts' and arbitrators' texts, which grant nothing: the two
# ruling rows are tested on the procedures table itself, on corpus sentences (a named body of the same grammar reads alike).
PROCEDURE_ROWS = [
    # 山东省多元化解纠纷促进条例 (2016) art. 36: the ruling as the time of a duty (ruling_as_time)
    ("行政机关在作出行政裁决前可以先行调解", "行政裁决", "行政裁决", "行政机关", "ruling_as_time"),
    # 最高人民法院关于适用《行政诉讼法》的解释 (2018) art. 158 (first clause): 作出裁决后，… (ruling_as_time)
    ("行政机关根据法律的授权对平等主体之间民事争议作出裁决后，当事人在法定期限内不起诉又不履行", "裁决", "行政裁决", "行政机关",
     "ruling_as_time"),
    # near miss, 企业名称登记管理规定 (2020) art. 21: the ruling made within a time limit is granted
    ("企业登记机关应当自受理之日起3个月内作出行政裁决。", "行政裁决", "行政裁决", "企业登记机关", None),
    # 全民所有制工业企业承包经营责任制暂行条例 (2011) art. 21 (second sentence): 裁决书 is a document (ruling_document)
    ("承包经营合同的任何一方当事人对仲裁机关的裁决不服，均可在接到裁决书之日起10日内向上一级仲裁机关申请复议。", "裁决|书",
     "行政裁决", "仲裁机关", "ruling_document"),
    # 重庆市失业保险条例 (2011) art. 21: 告知其…办理失业登记 (told_to_register)
    ("单位与职工终止、解除劳动关系后，应当及时为失业人员办理终止或解除劳动关系的证明，书面告知其按照有关规定办理失业登记和享受"
     "失业保险待遇的权利", "登记", "行政确认", "单位", "told_to_register"),
]


@pytest.mark.parametrize("text, act, category, subject, row", PROCEDURE_ROWS,
                         ids=[f"{i:02d}-{r[0][:10]}" for i, r in enumerate(PROCEDURE_ROWS)])
def test_rulings_procedure(text: str, act: str, category: str, subject: str, row: str | None) -> None:
    assert _procedure(text, act, category, subject) == row


def test_rows_are_loaded() -> None:
    names = {row.name for row in load_procedures()}
    assert {"ruling_as_time", "ruling_document", "taking_paperwork", "told_to_register", "plan_change_approval",
            "resource_survey", "urged_to_accept"} <= names

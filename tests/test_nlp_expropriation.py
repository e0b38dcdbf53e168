"""Constructions of expropriation and its compensation (issue 12, branch i12-expro): a table of (article text as the
corpus has it, expected clauses) with a near miss beside each row.

Each row of ``patterns/constructions.tsv`` / ``patterns/procedures.tsv`` added by this branch has a text here that it
must read and one that it must not; none of the texts is an article of the two regulations the branch annotated
(国有土地上房屋征收与补偿条例, 土地管理法实施条例: tests/gold/dev).
"""

from __future__ import annotations

import pytest

from .test_nlp_constructions import found

# (text, expected {(category, subject, construction)}), law and article in the comment
ROWS = [
    # --- 行政征收: the taking decided ----------------------------------------------------------------------------
    # 山东省国有土地上房屋征收与补偿条例 (2020) art. 16: 由X作出房屋征收决定 (expropriation_decision)
    ("房屋征收事项符合法定条件的，由市、县级人民政府依法作出房屋征收决定。",
     {("行政征收", "市、县级人民政府", "expropriation_decision")}),
    # near miss, 浙江省国有土地上房屋征收与补偿条例 (2020) art. 12 (first sentence): the decision is the time of a duty
    ("设区的市、县（市、区）人民政府作出房屋征收决定前，应当按照重大决策社会稳定风险评估的有关规定进行社会稳定风险评估。", set()),
    # near miss, 浙江省国有土地上房屋征收与补偿条例 (2020) art. 4 para. 2's 征收与补偿工作 and 山东 art. 27's 因征收房屋造成…的:
    # the taking named as a noun or a cause is no levy (levy, expropriation)
    ("因征收房屋造成搬迁的，房屋征收部门应当向被征收人支付搬迁费。",
     {("行政给付", "房屋征收部门", "relocation_payment")}),
    # --- 行政给付: compensation fixed by agreement or decision, and paid ------------------------------------------
    # 山东省国有土地上房屋征收与补偿条例 (2020) art. 30 (first sentence): 与被征收人订立补偿协议 (compensation_agreement)
    ("房屋征收部门应当与被征收人依法订立补偿协议，就补偿方式、补偿金额和支付期限、用于产权调换房屋的地点和面积等事项作出约定。",
     {("行政给付", "房屋征收部门", "compensation_agreement")}),
    # near miss, 生态保护补偿条例 (2024) art. 18 (first sentence): an agreement already made between governments
    ("有关地方人民政府应当严格履行所签订的补偿协议。", set()),
    # 浙江省土地管理条例 (2021) art. 45 para. 2: 对个别未达成…协议的，X应当作出征地补偿安置决定 (compensation_decision)
    ("征收土地申请经依法批准后，设区的市、县（市、区）人民政府应当依法发布征收土地公告，公告时间不得少于十个工作日。"
     "对个别未达成征地补偿安置协议的，设区的市、县（市、区）人民政府应当作出征地补偿安置决定。",
     {("行政征收", "设区的市、县（市、区）人民政府", "expropriation"),
      ("行政给付", "设区的市、县（市、区）人民政府", "compensation_decision")}),
    # near miss, 广东省城镇华侨房屋征收补偿规定 (2021) art. 9: the decision is what the party appeals
    ("被征收人对补偿决定不服的，可以依法申请行政复议，也可以依法提起行政诉讼。", set()),
    # 浙江省国有土地上房屋征收与补偿条例 (2020) art. 27 (first sentence): X应当支付搬迁费 (relocation_payment)
    ("征收住宅的，房屋征收部门应当支付搬迁费，用于补偿被征收人因搬家和固定电话、网络、有线电视、空调、管道煤气等迁移造成的损失。",
     {("行政给付", "房屋征收部门", "relocation_payment")}),
    # near miss, 山东省基本农田保护条例 (2012) art. 18 (first sentence): a payment between governments
    # (procedures: payment_to_government)
    ("跨行政区域补充基本农田的，占用基本农田的当地人民政府应当向补充基本农田的人民政府支付保护补偿费用。", set()),
    # near miss, 酉阳土家族苗族自治县城镇管理条例 (2012) art. 17 para. 2: 给予补偿后，… is the time of the party's duty
    # (procedures: benefit_presupposed)
    ("需要征收的房屋及其附属物，对被征收人给予补偿后，被征收人应当按协议约定或补偿决定确定的期限完成搬迁。", set()),
    # --- 其他: competence ------------------------------------------------------------------------------------------
    # 广东省城镇华侨房屋征收补偿规定 (2021) art. 4 para. 2: X组织实施本行政区域的…工作 (competence)
    ("市、县级人民政府确定的房屋征收部门（以下称房屋征收部门）组织实施本行政区域的城镇华侨房屋的征收补偿工作。",
     {("其他", "房屋征收部门", "competence")}),
    # 浙江省道路运输条例 (2012) art. 55 (first sentence): X应当加强对…的监管 (competence, 监管 for 监督管理)
    ("道路运输管理机构应当加强对机动车驾驶员培训过程的监管。", {("其他", "道路运输管理机构", "competence")}),
    # near miss, 直销管理条例 (2017) art. 1: the purpose of a law, no body
    ("为规范直销行为，加强对直销活动的监管，防止欺诈，保护消费者的合法权益和社会公共利益，制定本条例。", set()),
    # --- procedures: no licence ------------------------------------------------------------------------------------
    # 广东省土地管理条例 (2022) art. 50: 暂停办理…审批、登记等手续 suspends them (suspended_handling); the order stays
    ("县级以上人民政府自然资源主管部门在调查处理土地违法案件期间，有权暂停或者责令暂停办理与该违法案件相关的土地审批、登记等手续。",
     {("其他", "县级以上人民政府自然资源主管部门", "order_to_correct")}),
    # 土地调查条例 (2018) art. 25 para. 2: survey results approved inside the administration (results_approved)
    ("地方土地调查成果，经本级人民政府审核，报上一级人民政府批准后公布。", set()),
    # near miss, 测绘成果管理条例 (2006) art. 18: a party's secret survey results are a licence
    ("对外提供属于国家秘密的测绘成果，应当按照国务院和中央军事委员会规定的审批程序，报国务院测绘行政主管部门或者省、自治区、"
     "直辖市人民政府测绘行政主管部门审批；测绘行政主管部门在审批前，应当征求军队有关部门的意见。",
     {("行政许可", "国务院测绘行政主管部门", "approval"),
      ("行政许可", "省、自治区、直辖市人民政府测绘行政主管部门", "approval")}),
    # 江门市文明行为促进条例 (2021) art. 45 para. 1: the staff of bodies who fail their duties, sanctioned inside the
    # administration (procedures: staff_misconduct)
    ("国家机关及其工作人员在文明行为促进工作中不履行职责的，由有关机关责令改正，通报批评；情节严重的，对直接负责的主管人员和其他"
     "直接责任人员依法给予处分。", set()),
    # near miss, 景宁畲族自治县城市管理条例 (2015) art. 27 para. 2: a utility and its staff are a party
    ("市政公用设施管理单位及其工作人员不履行或者怠于履行维修、养护责任的，由相关城市管理部门给予警告，或者予以通报；情节严重的，"
     "对单位主要负责人、直接负责的主管人员和其他直接责任人员，按照管理权限给予处分。",
     {("行政处罚", "相关城市管理部门", "penalty")}),
    # --- procedures: the act a party must not obstruct ---------------------------------------------------------------
    # 海岛保护法 (2009) art. 54: 拒绝X监督检查 presupposes the inspection (obstructed_act); the penalty stays
    ("违反本法规定，拒绝海洋主管部门监督检查，在接受监督检查时弄虚作假，或者不提供有关文件和资料的，由县级以上人民政府海洋主管部门"
     "责令改正，可以处二万元以下的罚款。",
     {("行政处罚", "县级以上人民政府海洋主管部门", "penalty")}),
    # near miss, 香港特别行政区维护国家安全法 (2020) art. 61: 对妨碍…的行为依法予以制止 is the body's own act
    ("驻香港特别行政区维护国家安全公署依据本法规定履行职责时，香港特别行政区政府有关部门须提供必要的便利和配合，对妨碍有关执行职务的"
     "行为依法予以制止并追究责任。",
     {("其他", "香港特别行政区政府有关部门", "stop_violation")}),
    # near miss, 浙江省违法建筑处置规定 (2020) art. 29 (first sentence): the sanctioning body is named after 由
    ("阻碍自然资源主管部门、其他有关部门、乡镇人民政府的工作人员依法执行职务的，由公安机关依照《中华人民共和国治安管理处罚法》的规定处罚。",
     {("行政处罚", "公安机关", "penalty_referral")}),
]


@pytest.mark.parametrize("text, expected", ROWS, ids=[f"{i:02d}-{t[:10]}" for i, (t, _) in enumerate(ROWS)])
def test_expropriation_construction(text: str, expected: set) -> None:
    assert {(cat, subj, cons) for _, cat, subj, cons in found([text])} == expected

"""Constructions of the construction and water sectors (issue 12, branch i12-works): a table of (article text as
the corpus has it, expected clauses), each row of ``patterns/constructions.tsv``, ``patterns/nonpowers.tsv`` and
``patterns/bodies.tsv`` added by the branch with a text it must read and a near miss it must not.

None of the texts is from the two regulations the branch annotated (tests/gold/dev/建设工程安全生产管理条例.jsonl,
河道管理条例.jsonl): the rules were written from the construction, and these are other statutes that use it.
"""

from __future__ import annotations

import pytest

from .test_nlp_constructions import found

# (text, expected {(category, subject, construction)}), law and article in the comment
ROWS = [
    # --- competence by the copula X是…的主管机关 -----------------------------------------------------------------
    # 北京市烟花爆竹安全管理规定 (2017) art. 3
    ("本规定由本市各级人民政府组织实施。公安机关是烟花爆竹安全管理工作的主管机关。",
     {("其他", "公安机关", "competence")}),
    # 反间谍法 art. 6 (the competent body of a field, with a sector word between 的 and 主管机关 in 河道 texts)
    ("国家安全机关是反间谍工作的主管机关。", {("其他", "国家安全机关", "competence")}),
    # near miss: a definition (本条例所称…主管部门，是指…) names the body of a term, it makes no one competent
    ("本条例所称城市供水主管部门是指县级以上人民政府城市建设行政主管部门。", set()),
    # --- a party's plan submitted for review and consent: 报送X审查同意 -----------------------------------------------
    # 河南省实施《防洪法》办法 (2016) art. 16
    ("建设跨河、穿河、穿堤、临河的桥梁、码头、道路、渡口、管道、缆线、取水、排水等工程设施，以及行洪通道内影响行洪的工程设施，"
     "其工程建设方案必须按照河道管理权限报送有关水行政主管部门审查同意。",
     {("行政许可", "有关水行政主管部门", "review_consent")}),
    # near miss: a government's plan submitted to the government above (planning inside the administration)
    ("城市人民政府应当将总体规划报送省人民政府审查同意。", set()),
    # --- levy paid to a body: 向X缴纳…费 ----------------------------------------------------------------------
    # 宁波市水资源管理条例 (2010) art. 21 (first sentence)
    ("持有取水许可证的单位和个人，除国家规定免缴外，均应向水行政主管部门缴纳水资源费。",
     {("行政征收", "水行政主管部门", "levy_paid_to")}),
    # near miss, 专利法实施细则 (2023): the payment is the case of a rule of computation
    ("直接向国务院专利行政部门缴纳费用的，以缴纳当日为缴费日。", set()),
    # near miss: a fee paid to an enterprise (使用供水工程供应的水，应向供水单位缴纳水费, 宁波 art. 21)
    ("使用供水工程供应的水，应向供水单位缴纳水费。", set()),
    # --- registration with a body: 向X登记 --------------------------------------------------------------------
    # 船舶登记条例 art. 5
    ("船舶所有权的取得、转让和消灭，应当向船舶登记机关登记；未经登记的，不得对抗第三人。",
     {("行政确认", "船舶登记机关", "registration")}),
    # --- removal by force and emergency disposal ---------------------------------------------------------------
    # 防洪法 art. 42: 逾期不清除的，由X组织强行清除 (the cost borne by the party is the same 代履行); 有权…作出紧急处置
    ("对河道、湖泊范围内阻碍行洪的障碍物，按照谁设障、谁清除的原则，由防汛指挥机构责令限期清除；逾期不清除的，由防汛指挥机构"
     "组织强行清除，所需费用由设障者承担。\n"
     "在紧急防汛期，国家防汛指挥机构或者其授权的流域、省、自治区、直辖市防汛指挥机构有权对壅水、阻水严重的桥梁、引道、码头和"
     "其他跨河工程设施作出紧急处置。",
     # (i12-resources, i12-water2: the 责令限期清除 order before 逾期不清除的 is part of the 代履行, no 其他: NOTES-i12-works conv. 9)
     {("行政强制", "防汛指挥机构", "coercive_measure"),
      ("行政强制", "国家防汛指挥机构", "emergency_disposal")}),
    # (the second holder, 其授权的流域、省、自治区、直辖市防汛指挥机构, a list after 其授权的, is not read yet)
    # near miss, 电力安全事故应急处置和调查处理条例 art. 14: an enterprise's own emergency measures
    ("事故发生后，有关电力企业应当立即采取相应的紧急处置措施，控制事故范围，防止发生电网系统性崩溃和瓦解。", set()),
    # --- a claim for damages brought to a body ---------------------------------------------------------------
    # 广告管理条例 art. 20 para. 2
    ("损害赔偿，受害人可以请求县以上工商行政管理机关处理。当事人对工商行政管理机关处理不服的，可以向人民法院起诉。"
     "受害人也可以直接向人民法院起诉。",
     {("行政裁决", "县以上工商行政管理机关", "dispute_ruling")}),
    # near miss: a request to handle what is no claim between parties (a report, 道路交通事故处理程序规定)
    ("当事人报警请求公安机关交通管理部门处理。", set()),
    # --- delegation: 将X委托Y实施 (patterns/nonpowers.tsv) ----------------------------------------------------
    # 河南省安全生产条例 (2010) art. 43
    ("省和设区的市人民政府负有安全生产监督管理职责的部门可以在法定职权范围内依法将有关安全生产的行政许可事项委托下一级人民政府"
     "负有安全生产监督管理职责的部门实施，并对委托行为的后果承担法律责任。", set()),
    # --- bodies (patterns/bodies.tsv) ------------------------------------------------------------------------
    # 营业性演出管理条例 art. 51 para. 1: 公安消防机构, the fire service's name before 2019
    ("有下列行为之一的，由公安部门或者公安消防机构依据法定职权依法予以处罚；构成犯罪的，依法追究刑事责任：\n"
     "（一）违反本条例安全、消防管理规定的；",
     {("行政处罚", "公安部门", "penalty_referral"), ("行政处罚", "公安消防机构", "penalty_referral")}),
    # 防汛条例 art. 15: the flood-control headquarters a government sets up checks the facilities of others
    ("各级防汛指挥部应当在汛前对各类防洪设施组织检查，发现影响防洪安全的问题，责成责任单位在规定的期限内处理，"
     "不得贻误防汛抗洪工作。",
     {("行政检查", "各级防汛指挥部", "inspection")}),
]


@pytest.mark.parametrize("text, expected", ROWS, ids=[f"{i:02d}-{t[:10]}" for i, (t, _) in enumerate(ROWS)])
def test_works_construction(text: str, expected: set) -> None:
    assert {(cat, subj, cons) for _, cat, subj, cons in found([text])} == expected

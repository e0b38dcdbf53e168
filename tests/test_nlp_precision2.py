"""Grants told apart from text that grants nothing, round 2 (issue 12, branch i12-precision2).

Each row of ``patterns/procedures.tsv`` marked ``i12-precision2`` has a case here: its cited corpus example (cut
to the sentences that matter) with the pairs it must no longer yield, and a near miss of the same shape that grants,
which must still yield its pair.  A case is the articles of one small chapter; the pairs are those of its last
article (as in ``test_nlp_precision.py``).
"""

from __future__ import annotations

import pytest

from .test_nlp_precision import assert_case, rows_marked

# (row, articles, pairs that must not be found, pairs that must be found)
CASES = [
    # 济南市节约用水条例 art. 31: subsidies as the means of a promotion policy
    ("promotion_means",
     ["市、区县人民政府应当通过政策扶持、资金补助等方式鼓励社会资本参与再生水设施建设和市场化运营。"],
     {("行政给付", "市、区县人民政府")}, set()),
    # 湖州市美丽乡村建设条例 art. 39: 采取奖励、补助等措施，支持…
    ("promotion_means",
     ["各级人民政府应当充分发挥公共财政资金的导向作用，采取奖励、补助等措施，支持农村的产业发展和基础设施、公共服务设施建设，激励美丽乡村建设。"],
     {("行政奖励", "各级人民政府"), ("行政给付", "各级人民政府")}, set()),
    # near miss: 防沙治沙法 art. 33, a subsidy given to the parties
    ("promotion_means",
     ["县级以上地方人民政府应当按照国家有关规定，根据防沙治沙的面积和难易程度，给予从事防沙治沙活动的单位和个人资金补助、财政贴息以及税费减免等政策优惠。"],
     set(), {("行政给付", "县级以上地方人民政府")}),
    # near miss: 山东省水资源条例 art. 61, parties rewarded by subsidies (予以扶持和奖励 is an act on them)
    ("promotion_means",
     ["对在节约用水等方面作出突出成绩的单位和个人，由县级以上人民政府通过财政补助、资金扶持或者减征水资源费等方式予以扶持和奖励。"],
     set(), {("行政给付", "县级以上人民政府"), ("行政奖励", "县级以上人民政府")}),
    # near miss: 广东省粮食安全保障条例 art. 7, a subsidy given to farmers, listed among the means
    ("promotion_means",
     ["县级以上人民政府采取发布信息、调控储备和给予种粮者种粮补贴等方式，引导和鼓励粮食生产。"],
     set(), {("行政给付", "县级以上人民政府")}),
    # 浙江省科学技术进步条例 art. 58: the reward is what was obtained by fraud and is taken back
    ("reward_as_object",
     ["违反本条例规定，骗取科学技术奖励、资助的，由有关部门撤销奖励，追回资金，并依法给予处分。"],
     {("行政奖励", "有关部门")}, set()),
    # near miss: 水土保持法 art. 9, a reward given
    ("reward_as_object",
     ["对水土保持工作中成绩显著的单位和个人，由县级以上人民政府给予表彰和奖励。"],
     set(), {("行政奖励", "县级以上人民政府")}),
    # 全国人民代表大会议事规则 art. 47: the department answers the deputies' questions
    ("answers_inquiry",
     ["各代表团审议议案和有关报告的时候，有关部门应当派负责人员到会，听取意见，回答代表提出的询问。"],
     {("行政检查", "有关部门")}, set()),
    # near miss: 河南省土地监察条例 art. 20, the party answers the department's questions
    ("answers_inquiry",
     ["土地管理部门对土地违法案件进行调查时，有关单位和个人应当如实回答询问，提供有关情况或资料，不得阻挠。"],
     set(), {("行政检查", "土地管理部门")}),
    # 全国人民代表大会和地方各级人民代表大会代表法 art. 19: a deputy's inquiry
    ("legislature_inquiry",
     ["代表在审议议案和报告时，可以向本级有关国家机关提出询问。"],
     {("行政检查", "国家机关")}, set()),
    # near miss: an inspection of an enterprise's representative office (代表机构) stays
    ("legislature_inquiry",
     ["登记机关可以对代表机构进行检查，询问有关人员。"],
     set(), {("行政检查", "登记机关")}),
    # 军人抚恤优待条例 art. 5 and 河南省见义勇为人员奖励和保障条例 art. 22: every organisation, as employer
    ("state_organ_in_list",
     ["国家机关、社会团体、企业事业单位应当依法履行各自的军人抚恤优待责任和义务。"],
     {("行政给付", "国家机关")}, set()),
    ("state_organ_in_list",
     ["国家机关、社会团体、企业事业单位和基层组织，可以对本系统、本部门、本单位的见义勇为人员给予表彰和奖励。"],
     {("行政奖励", "国家机关")}, set()),
    # near miss: 北京市信访条例 art. 11, 国家机关 alone
    ("state_organ_in_list",
     ["信访人提出的建议对改进工作有贡献的，由有关国家机关给予奖励和表彰。"],
     set(), {("行政奖励", "有关国家机关")}),
    # 宁波市科技创新促进条例 art. 23 and 舟山市物业管理条例 art. 4: a reward programme or policy named
    ("reward_as_modifier",
     ["市和县（市）区人民政府及其科技主管部门应当支持、引导社会力量设立科学技术奖励项目。"],
     {("行政奖励", "市和县（市）区人民政府"), ("行政奖励", "科技主管部门")}, set()),
    ("reward_as_modifier",
     ["市、县（区）人民政府应当制定和实施现代物业服务业扶持奖励政策，促进物业服务专业人才培养。"],
     {("行政奖励", "市、县（区）人民政府")}, set()),
    # near miss: the same article's reward given after its 奖励制度
    ("reward_as_modifier",
     ["市和县（市）区人民政府应当建立和完善科技奖励制度，对在科技创新活动中做出重要贡献的组织和个人给予表彰和奖励。"],
     set(), {("行政奖励", "市和县（市）区人民政府")}),
    # near miss: 公民举报危害国家安全行为奖励办法 art. 13, 启动奖励程序 sets the reward going
    ("reward_as_modifier",
     ["对于符合本办法规定的奖励条件的举报，应当在举报查证属实、依法对危害国家安全行为作出处理后30个工作日内，由设区的市级以上国家安全机关启动奖励程序。"],
     set(), {("行政奖励", "设区的市级以上国家安全机关")}),
    # 浙江省地方立法条例 art. 65 and 北京市人民代表大会议事规则 art. 29: a legislature's committee and its office
    ("legislature_committee",
     ["法制委员会应当根据《中华人民共和国立法法》的要求和各方面的意见进行审议，提出审议结果报告和批准文本草案。"],
     {("行政许可", "法制委员会")}, set()),
    ("legislature_committee",
     ["有关机关、组织或者其承办单位应当自代表建议、批评和意见交办之日起三个月内答复代表；涉及面广、处理难度大的，经交办机关同意，至迟不得超过六个月答复代表。"],
     {("行政许可", "交办机关")}, set()),
    # near miss: a government's 管理委员会 acts (泰山风景名胜区生态保护条例 art. 40 style)
    ("legislature_committee",
     ["违反本条例规定，在景区内采石的，由风景名胜区管理委员会责令停止违法行为，处一千元以上一万元以下的罚款。"],
     set(), {("行政处罚", "风景名胜区管理委员会")}),
    ("legislature_committee",
     ["违反本条例规定的，由市妇女儿童工作委员会责令改正。"],
     set(), {("其他", "市妇女儿童工作委员会")}),
    # 禁毒法 art. 56 and 枪支管理法 art. 29: a police body asks its ministry's leave to act itself
    ("department_asks",
     ["经国务院公安部门批准，边境地区县级以上人民政府公安机关可以与有关国家或者地区的执法机关开展执法合作。"],
     {("行政许可", "国务院公安部门")}, set()),
    # near miss: a party's leave (烟花爆竹 style)
    ("department_asks",
     ["经公安机关批准，申请人可以在规定区域内燃放烟花爆竹。"],
     set(), {("行政许可", "公安机关")}),
    # near miss: 重庆市长江防护林体系管理条例 art. 28, the department's review of a party's licence going up
    ("department_asks",
     ["租赁、拍卖国有宜林荒山使用权造林的，经林业主管部门审核同意后，报县级以上人民政府依法决定。"],
     set(), {("行政许可", "林业主管部门")}),
]


@pytest.mark.parametrize("row,articles,absent,present", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_precision2_rows(row, articles, absent, present):
    assert_case(row, articles, absent, present)


def test_every_row_has_a_case():
    mine = rows_marked("i12-precision2:")
    assert mine and mine <= {c[0] for c in CASES}

"""Grants told apart from text that grants nothing, round 4 (issue 12, branch i12-precision4).

Each row of ``patterns/procedures.tsv`` marked ``i12-precision4`` has a case here: its cited corpus example (cut
to the sentences that matter) with the pairs it must no longer yield, and a near miss of the same shape that grants,
which must still yield its pair (helpers in ``test_nlp_precision.py``).  The rows come from the false entries of
the seed-9119 sample of main a6dc92a (docs/evaluation/precision-i12-20261204e.md).
"""

from __future__ import annotations

import pytest

from .test_nlp_precision import assert_case, rows_marked

# (row, articles, pairs that must not be found, pairs that must be found)
CASES = [
    # 洛阳市村级道路管理养护条例 art. 19: 警告 is a kind of road sign
    ("road_sign_noun",
     ["乡（镇）人民政府和公安机关交通管理部门应当根据国家《道路交通标志和标线》的规定，在村级道路上设置警告、禁令、指示、"
      "指路等道路交通标志。"],
     {("行政处罚", "公安机关交通管理部门"), ("行政处罚", "乡（镇）人民政府")}, set()),
    # near miss: a warning given
    ("road_sign_noun",
     ["违反本条例规定，擅自移动道路交通标志的，由公安机关交通管理部门给予警告，可以并处二百元以下罚款。"],
     set(), {("行政处罚", "公安机关交通管理部门")}),
    # 上海市献血条例 art. 13: a donor signs up at a blood station
    ("blood_signup",
     ["无工作单位的公民，可以由居住地的乡、镇人民政府、街道办事处组织献血，也可以凭本人《居民身份证》直接向居住地的区、县"
      "血液管理机构登记献血，其献血量计入所在地区的年度完成献血数。"],
     {("行政确认", "乡、镇人民政府"), ("行政确认", "街道办事处")}, set()),
    # near miss: a registration applied for with a body stays
    ("blood_signup",
     ["设立血站，应当向省人民政府卫生行政部门申请登记。"],
     set(), {("行政确认", "省人民政府卫生行政部门")}),
    # 山东省就业促进条例 art. 52: the worker takes part in a skill test; a test subsidy
    ("skill_test_taken",
     ["县级以上人民政府应当制定职业技能培训发展规划和年度工作计划，鼓励劳动者参加职业技能培训、职业技能鉴定，提高职业技能水平。"],
     {("行政确认", "县级以上人民政府")}, set()),
    ("skill_test_subsidy",
     ["经过培训取得职业资格证书的人员，由县级以上人民政府按照规定给予职业培训补贴和职业技能鉴定补贴。"],
     {("行政确认", "县级以上人民政府")}, set()),
    # near miss: the appraisal made by a body
    ("skill_test_taken",
     ["房屋出现险情的，由区房屋安全管理部门进行鉴定。"],
     set(), {("行政确认", "区房屋安全管理部门")}),
    # 商丘市优化营商环境条例 art. 5: a reform of approvals
    ("approval_reform",
     ["市、县（市、区）人民政府及其有关部门应当深化审批制度改革，坚持政务公开透明，创新政务服务方式。"],
     {("行政许可", "有关部门"), ("行政许可", "市、县（市、区）人民政府")}, set()),
    # near miss: an approval required
    ("approval_reform",
     ["临时占用城市道路的，应当经市政工程行政主管部门批准。"],
     set(), {("行政许可", "市政工程行政主管部门")}),
    # 浙江省社会救助条例 art. 4: 负责…社会救助综合协调工作…管理工作 is a competence
    ("competence_management_benefit",
     ["县级以上人民政府民政部门负责组织拟定社会救助政策和标准、建立社会救助家庭经济状况信息核对平台和社会救助统一受理机制等"
      "社会救助综合协调工作，以及相应的社会救助管理工作。"],
     {("行政给付", "县级以上人民政府民政部门")}, set()),
    # near miss: a payment made
    ("competence_management_benefit",
     ["县级以上人民政府民政部门对符合条件的困难家庭给予临时救助。"],
     set(), {("行政给付", "县级以上人民政府民政部门")}),
    # 收费公路管理条例 art. 43 style: 收费公路 is a toll road
    ("toll_road_noun",
     ["省、自治区、直辖市人民政府交通主管部门应当对收费公路实施监督检查，督促收费公路经营管理者依法履行公路养护义务。"],
     {("行政征收", "省、自治区、直辖市人民政府交通主管部门")}, {("行政检查", "省、自治区、直辖市人民政府交通主管部门")}),
    # near miss: a fee levied by a body
    ("toll_road_noun",
     ["县级以上人民政府水行政主管部门依法向取水单位征收水资源费。"],
     set(), {("行政征收", "县级以上人民政府水行政主管部门")}),
    # 北京市技术市场条例 art. 37: the registry ordered, the certificate revoked
    ("registration_certificate_revoked",
     ["违反本条例第二十二条规定，以不正当手段骗取技术合同登记证明的，由市科学技术行政部门责令技术合同登记机构撤销登记证明，"
      "并可以对当事人处5000元以上1万元以下的罚款。"],
     {("行政确认", "市科学技术行政部门")}, {("行政处罚", "市科学技术行政部门")}),
    ("ordered_registry",
     ["违反本条例第二十二条规定，以不正当手段骗取技术合同登记证明的，由市科学技术行政部门责令技术合同登记机构撤销登记证明，"
      "并可以对当事人处5000元以上1万元以下的罚款。"],
     {("行政确认", "市科学技术行政部门")}, {("行政处罚", "市科学技术行政部门")}),
    # near miss: the registry registers (a 登记 after the body name, not inside it)
    ("ordered_registry",
     ["不动产登记机构应当对申请登记的不动产进行查验，符合条件的，予以登记。"],
     set(), {("行政确认", "不动产登记机构")}),
    # 出境入境管理法 art. 60: the body's own time limit extended with leave
    ("time_extension2",
     ["拘留审查的期限不得超过三十日；案情复杂的，经上一级地方人民政府公安机关或者出入境边防检查机关批准可以延长至六十日。"],
     {("行政许可", "上一级地方人民政府公安机关"), ("行政许可", "出入境边防检查机关")}, set()),
    # near miss: a party's act approved
    ("time_extension2",
     ["确需在保护区内进行爆破作业的，经县级以上人民政府公安机关批准，方可进行。"],
     set(), {("行政许可", "县级以上人民政府公安机关")}),
    # 宁波市地名管理条例 art. 11: a name proposed by governments, reviewed inside the administration
    ("government_proposal_reviewed",
     ["社区、村（居）民委员会辖区的名称，由申请设立社区、村（居）民委员会的乡镇人民政府或者街道办事处提出，经区县（市）地名"
      "行政主管部门审核后，报区县（市）人民政府在依法批准设立社区、村（居）民委员会时一并确定。"],
     {("行政许可", "区县（市）地名行政主管部门")}, set()),
    # near miss: a builder's application
    ("government_proposal_reviewed",
     ["建筑物的名称，由建设单位提出，经区县（市）地名行政主管部门审核后使用。"],
     set(), {("行政许可", "区县（市）地名行政主管部门")}),
    # 特种设备安全监督检查办法 art. 2: the rule's scope
    ("scope_article",
     ["市场监督管理部门对特种设备生产（包括设计、制造、安装、改造、修理）、经营、使用（含充装，下同）单位和检验、检测机构"
      "实施监督检查，适用本办法。"],
     {("行政检查", "市场监督管理部门")}, set()),
    # near miss: the inspection granted
    ("scope_article",
     ["市场监督管理部门应当对特种设备使用单位实施监督检查。"],
     set(), {("行政检查", "市场监督管理部门")}),
    # 商丘市优化营商环境条例 art. 24: a rule on inspection staff
    ("inspection_staff_rule2",
     ["行政执法部门对市场主体进行行政检查，行政执法人员不得少于两人，应当文明执法，主动出示行政执法证件。"],
     {("行政检查", "行政执法部门")}, set()),
    # near miss: the inspection granted, no staff rule after it
    ("inspection_staff_rule2",
     ["县级以上人民政府市场监督管理部门可以对经营者进行监督检查。"],
     set(), {("行政检查", "县级以上人民政府市场监督管理部门")}),
    # 湖州市生态文明先行示范区建设条例 art. 52: the community assists the body's supervision
    ("assisted_supervision",
     ["基层群众性自治组织应当协助所在地人民政府及相关主管部门对破坏生态环境行为实施监督管理，依法调解因环境污染产生的民事纠纷。"],
     {("其他", "相关主管部门")}, set()),
    ("assisted_supervision",
     ["乡（镇）人民政府应当协助城乡规划主管部门对本行政区域内的建设工程进行监督检查。"],
     {("行政检查", "乡（镇）人民政府"), ("行政检查", "城乡规划主管部门")}, set()),
    # near miss: 反洗钱法 art. 15, the asking body's own inspection (协助其监督检查)
    ("assisted_supervision",
     ["有关特定非金融机构主管部门根据需要，可以请求反洗钱行政主管部门协助其监督检查。"],
     set(), {("行政检查", "有关特定非金融机构主管部门")}),
    # 上海市城市道路管理条例 art. 42 and 北京市实施《渔业法》办法 art. 26: a generic body referred to other laws
    ("other_law_case",
     ["违反本条例第二十条规定，在城市道路范围内从事禁止行为，其他法规有处罚规定的，由相关部门依照其他法规予以处罚。"],
     {("行政处罚", "相关部门")}, set()),
    ("other_law_case",
     ["有上述行为，属于违反环境保护、城市管理等法律法规的，由有关部门予以处罚。"],
     {("行政处罚", "有关部门")}, set()),
    # near miss: 青岛市房屋使用安全条例 art. 39 style, a generic body penalising under this law
    ("other_law_case",
     ["违反本条例规定，擅自改变房屋承重结构的，由有关部门处一万元以上五万元以下罚款。"],
     set(), {("行政处罚", "有关部门")}),
    # 银行业监督管理法 art. 37: 停止批准 is a measure
    ("approval_suspended",
     ["银行业金融机构违反审慎经营规则的，国务院银行业监督管理机构可以采取下列措施：\n（一）责令暂停部分业务、停止批准开办新业务；"],
     {("行政许可", "国务院银行业监督管理机构")}, set()),
    ("approval_suspended",
     ["对超过重点水污染物排放总量控制指标的地区，省级以上人民政府环境保护主管部门应当暂停审批新增重点水污染物排放总量的建设项目的"
      "环境影响评价文件。"],
     {("行政许可", "省级以上人民政府环境保护主管部门")}, set()),
    # near miss: an approval granted
    ("approval_suspended",
     ["设立商业银行，应当经国务院银行业监督管理机构审查批准。"],
     set(), {("行政许可", "国务院银行业监督管理机构")}),
    # 工伤保险条例 art. 58 and 档案法实施条例 art. 48: an agency's own misconduct
    ("agency_misconduct",
     ["经办机构有下列行为之一的，由社会保险行政部门责令改正，对直接负责的主管人员和其他责任人员依法给予纪律处分：\n"
      "（一）未按规定保存用人单位缴费和职工享受工伤保险待遇情况记录的；"],
     {("其他", "社会保险行政部门")}, set()),
    ("agency_misconduct",
     ["国家档案馆违反国家规定擅自扩大或者缩小档案接收范围的，由县级以上档案主管部门责令限期改正。"],
     {("其他", "县级以上档案主管部门")}, set()),
    # near miss: an employer's misconduct
    ("agency_misconduct",
     ["用人单位违反本条例规定，拒不协助社会保险行政部门对事故进行调查核实的，由社会保险行政部门责令改正。"],
     set(), {("其他", "社会保险行政部门")}),
    # 仲裁法 art. 76 and 浙江省全民健身条例 art. 32: a fee rule or standard approved
    ("fee_rule_approved",
     ["当事人应当按照规定交纳仲裁费用。收取仲裁费用的办法，应当报物价管理部门核准。"],
     {("行政许可", "物价管理部门")}, set()),
    ("fee_rule_approved",
     ["公共体育设施可以适当收取成本费用。具体收费标准应当报经价格行政主管部门批准。"],
     {("行政许可", "价格行政主管部门")}, set()),
    # near miss: a party's act approved
    ("fee_rule_approved",
     ["举办大型群众性体育活动，应当报经体育行政主管部门批准。"],
     set(), {("行政许可", "体育行政主管部门")}),
    # 职业病防治法 art. 54: the members' conduct
    ("member_conduct",
     ["职业病诊断鉴定委员会组成人员应当遵守职业道德，客观、公正地进行诊断鉴定，并承担相应的责任。"],
     {("行政确认", "职业病诊断鉴定委员会")}, set()),
    # near miss: the appraisal of a party's case by a department
    ("member_conduct",
     ["当事人对鉴定结论有异议的，由省人民政府卫生行政部门组织进行鉴定。"],
     set(), {("行政确认", "省人民政府卫生行政部门")}),
]

# after the seed-9229 sample (precision-i12-20261204e-after.md): its false constructions, in-sample for that draw
AFTER_SAMPLE = [
    # 青岛市无居民海岛管理条例 art. 32: a generic body referred to other laws
    ("other_law_case2",
     ["违反本条例规定，涉及其他有关法律、法规的，由有关部门依法予以处罚；构成犯罪的，依法追究刑事责任。"],
     {("行政处罚", "有关部门")}, set()),
    # near miss: the generic body penalising under this rule
    ("other_law_case2",
     ["违反本条例规定，擅自在无居民海岛采挖砂石的，由有关部门处一万元以上五万元以下罚款。"],
     set(), {("行政处罚", "有关部门")}),
    # 公司法 art. 41 and 人类遗传资源管理条例 art. 5: the act names the rule being made
    ("rule_named_act",
     ["国务院市场监督管理部门根据本法和有关法律、行政法规的规定，制定公司登记注册的具体办法。"],
     {("行政确认", "国务院市场监督管理部门")}, set()),
    ("rule_named_act",
     ["国务院科学技术行政部门负责组织我国人类遗传资源调查，制定重要遗传家系和特定地区人类遗传资源申报登记具体办法。"],
     {("行政确认", "国务院科学技术行政部门")}, set()),
    # near miss: 上海市推进国际金融中心建设条例 art. 30, the reward after the rule stays
    ("rule_named_act",
     ["市人民政府应当制定金融创新奖励办法，对优秀金融创新项目给予奖励。"],
     set(), {("行政奖励", "市人民政府")}),
    # 北京市无障碍设施建设和管理条例 art. 14: the filing of the builder's acceptance
    ("acceptance_filing",
     ["新建、扩建和改建建设项目的建设单位在组织建设工程竣工验收时，应当同时对无障碍设施进行验收。未按规定进行验收或者验收不合格的，"
      "建设行政主管部门不得办理竣工验收备案手续。"],
     {("行政许可", "建设行政主管部门")}, set()),
    # near miss: an acceptance by the body itself
    ("acceptance_filing",
     ["人民防空工程竣工后，应当经人民防空主管部门验收合格后，方可投入使用。"],
     set(), {("行政许可", "人民防空主管部门")}),
    # 北京市优化营商环境条例 art. 65: a system of spot checks
    ("inspection_system_noun",
     ["有关政府部门应当确定本行业或者本领域实行“双随机、一公开”监管的范围，健全随机抽查系统，完善相关细则，确保公平监管。"],
     {("行政检查", "有关政府部门")}, set()),
    # near miss: the spot check made
    ("inspection_system_noun",
     ["市场监督管理部门应当对检验检测机构进行随机抽查。"],
     set(), {("行政检查", "市场监督管理部门")}),
    # 未成年人保护法 art. 112: criminal procedure
    ("criminal_justice_list",
     ["公安机关、人民检察院、人民法院办理未成年人遭受性侵害或者暴力伤害案件，在询问未成年被害人、证人时，应当采取同步录音录像等措施，"
      "尽量一次完成。"],
     {("行政检查", "公安机关")}, set()),
    # near miss: the police alone, an administrative case
    ("criminal_justice_list",
     ["公安机关办理治安案件，可以依法询问违反治安管理行为人、被侵害人和其他证人。"],
     set(), {("行政检查", "公安机关")}),
    # 上海市滩涂管理条例 art. 12: the use right granted by a licence
    ("licence_confirms_right",
     ["对批准开发利用滩涂的，由市水务行政管理部门核发《滩涂开发利用许可证》，确认其滩涂使用权；不予批准的，应当向申请者书面说明理由。"],
     {("行政确认", "市水务行政管理部门")}, {("行政许可", "市水务行政管理部门")}),
    # near miss: a land certificate that confirms the right (河南省实施《土地管理法》办法 art. 9)
    ("licence_confirms_right",
     ["单位和个人依法使用的国有土地，由县级以上人民政府登记，核发《国有土地使用证》，确认使用权。"],
     set(), {("行政确认", "县级以上人民政府")}),
]


@pytest.mark.parametrize("row,articles,absent,present", AFTER_SAMPLE,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(AFTER_SAMPLE)])
def test_precision4_after_sample_rows(row, articles, absent, present):
    assert_case(row, articles, absent, present)


@pytest.mark.parametrize("row,articles,absent,present", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_precision4_rows(row, articles, absent, present):
    assert_case(row, articles, absent, present)


def test_every_row_has_a_case():
    mine = rows_marked("i12-precision4:")
    assert mine and mine <= {c[0] for c in CASES + AFTER_SAMPLE}

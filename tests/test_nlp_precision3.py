"""Grants told apart from text that grants nothing, round 3 (issue 12, branch i12-precision3).

Each row of ``patterns/procedures.tsv`` marked ``i12-precision3`` has a case here: its cited corpus example (cut
to the sentences that matter) with the pairs it must no longer yield, and a near miss of the same shape that grants,
which must still yield its pair (helpers in ``test_nlp_precision.py``).  The last cases cover the two changes
outside that table: 吊销 / 暂扣 of a certificate named X证 (patterns/constructions.tsv) and 自由贸易 inside a body
name (loaders/nlp/terms.py).
"""

from __future__ import annotations

import pytest

from .test_nlp_precision import assert_case, rows_marked

# (row, articles, pairs that must not be found, pairs that must be found)
CASES = [
    # 促进个体工商户发展条例 art. 8 and 个体工商户条例 art. 6: a registration word among the fields of a policy
    ("field_list_noun",
     ["国务院发展改革、财政、税务、市场监督管理等有关部门在各自职责范围内研究制定税费支持、创业扶持、职业技能培训、社会保障、"
      "金融服务、登记注册、权益保护等方面的政策措施，做好促进个体工商户发展工作。"],
     {("行政确认", "国务院市场监督管理部门"), ("行政确认", "国务院财政部门")}, set()),
    ("field_list_noun",
     ["地方各级人民政府和县级以上人民政府有关部门应当采取措施，在经营场所、创业和职业技能培训、职业技能鉴定、技术创新、"
      "参加社会保险等方面，为个体工商户提供支持、便利和信息咨询等服务。"],
     {("行政确认", "县级以上人民政府有关部门")}, set()),
    # near miss: 浙江省森林管理条例 art. 8, the reward after the list of fields
    ("field_list_noun",
     ["各级人民政府应当对在保护森林资源、植树造林、发展林业等方面有显著成绩的单位或者个人给予表彰、奖励。"],
     set(), {("行政奖励", "各级人民政府")}),
    # 市场主体登记管理条例实施细则 art. 5: 登记管理 modifying systems and records
    ("registration_as_modifier2",
     ["省级市场监督管理部门主管本辖区登记管理信息化建设，建立统一的市场主体登记管理系统，归集市场主体登记管理信息，"
      "规范市场主体登记注册流程，提升政务服务水平。"],
     {("行政确认", "省级市场监督管理部门")}, set()),
    # near miss: 浙江省村经济合作社组织条例 art. 15, a registration applied for
    ("registration_as_modifier2",
     ["村经济合作社可以向市场监督管理部门申请登记注册，取得法人营业执照。"],
     set(), {("行政确认", "市场监督管理部门")}),
    # 专利法实施细则 art. 85: 奖励和报酬纠纷 is a kind of dispute mediated
    ("dispute_noun",
     ["除专利法第六十条规定的外，管理专利工作的部门应当事人请求，可以对下列专利纠纷进行调解：\n"
      "（一）专利申请权和专利权归属纠纷；\n（二）发明人、设计人资格纠纷；\n（三）职务发明创造的发明人、设计人的奖励和报酬纠纷；"],
     {("行政奖励", "管理专利工作的部门")}, set()),
    # near miss: a reward given by the same department
    ("dispute_noun",
     ["对在专利工作中做出显著成绩的单位和个人，由管理专利工作的部门给予奖励。"],
     set(), {("行政奖励", "管理专利工作的部门")}),
    # 船舶登记条例 art. 51: 没收船舶登记证书 is the object of a penalty
    ("registration_as_sanction_object",
     ["违反本条例规定，有下列情形之一的，船籍港船舶登记机关可以视情节给予警告、根据船舶吨位处以本条例第五十条规定的罚款数额的50%"
      "直至没收船舶登记证书：\n（一）在办理登记手续时隐瞒真实情况、弄虚作假的；"],
     {("行政确认", "船籍港船舶登记机关")}, {("行政处罚", "船籍港船舶登记机关")}),
    # near miss: 船舶登记条例 art. 15 style, the certificate issued (颁发, not taken away)
    ("registration_as_sanction_object",
     ["船籍港船舶登记机关应当对船舶所有权登记申请进行审查核实；对符合本条例规定的，应当自收到申请之日起7日内向船舶所有人颁发"
      "船舶所有权登记证书。"],
     set(), {("行政确认", "船籍港船舶登记机关")}),
    # 道路交通事故处理程序规定 art. 67: 调查得到的事实 is what a certificate states
    ("inspection_as_modifier",
     ["道路交通事故基本事实无法查清、成因无法判定的，公安机关交通管理部门应当出具道路交通事故证明，载明道路交通事故发生的时间、"
      "地点、当事人情况及调查得到的事实，分别送达当事人。"],
     {("行政检查", "公安机关交通管理部门")}, set()),
    # near miss: an investigation of the facts (道路交通安全法 style)
    ("inspection_as_modifier",
     ["公安机关交通管理部门接到交通事故报警后，应当立即派交通警察赶赴现场，进行调查，收集证据，查明事故的事实。"],
     set(), {("行政检查", "公安机关交通管理部门")}),
    # 财政违法行为处罚处分条例 art. 29: the conclusion written after an inspection
    ("inspection_then_document",
     ["财政部门、审计机关、监察机关及其他有关监督检查机关对有关单位或者个人依法进行调查、检查后，应当出具调查、检查结论。"],
     {("行政检查", "财政部门"), ("行政检查", "其他有关监督检查机关")}, set()),
    # near miss: an inspection followed by an order to a party
    ("inspection_then_document",
     ["财政部门可以对有关单位的会计资料进行检查，发现违法行为的，应当责令改正。"],
     set(), {("行政检查", "财政部门")}),
    # 消耗臭氧层物质管理条例 art. 27: the inspection is the topic of a rule on its staff
    ("inspection_staff_rule",
     ["县级以上人民政府环境保护主管部门和其他有关部门进行监督检查，监督检查人员不得少于2人，并应当出示有效的行政执法证件。"],
     {("行政检查", "县级以上人民政府环境保护主管部门")}, set()),
    # near miss: the inspection granted with its means
    ("inspection_staff_rule",
     ["县级以上人民政府环境保护主管部门有权对消耗臭氧层物质的生产、销售、使用单位进行监督检查，查阅、复制有关资料。"],
     set(), {("行政检查", "县级以上人民政府环境保护主管部门")}),
    # 安全生产许可证条例 art. 12 and 北京市实施《文物保护法》办法 art. 16: 对…进行监督 with no inspection act
    ("bare_supervision",
     ["国务院安全生产监督管理部门对建筑施工企业、煤矿企业取得安全生产许可证的情况进行监督。"],
     {("行政检查", "国务院安全生产监督管理部门")}, set()),
    ("bare_supervision",
     ["拍摄单位和举办者应当制定文物保护预案，落实保护措施。文物行政部门应当对拍摄单位和举办者的活动进行监督。"],
     {("行政检查", "文物行政部门")}, set()),
    # near misses: 监督检查 of the same object, and a supervision by inspection means (反恐怖主义法 art. 53)
    ("bare_supervision",
     ["国务院安全生产监督管理部门对建筑施工企业、煤矿企业取得安全生产许可证的情况进行监督检查。"],
     set(), {("行政检查", "国务院安全生产监督管理部门")}),
    ("bare_supervision",
     ["公安机关可以采取电子监控、不定期检查等方式对被约束人遵守约束措施的情况进行监督。"],
     set(), {("行政检查", "公安机关")}),
    # 医疗机构管理条例 art. 19: the registration issues a licence
    ("licence_registration",
     ["县级以上地方人民政府卫生行政部门自受理执业登记申请之日起45日内，根据本条例和医疗机构基本标准进行审核。"
      "审核合格的，予以登记，发给《医疗机构执业许可证》；审核不合格的，将审核结果以书面形式通知申请人。"],
     {("行政确认", "县级以上地方人民政府卫生行政部门")}, {("行政许可", "县级以上地方人民政府卫生行政部门")}),
    # near miss: a registration that issues a 登记证 (德州市养犬管理条例 art. 6 style)
    ("licence_registration",
     ["对符合条件的，公安机关应当予以登记，发给养犬登记证。"],
     set(), {("行政确认", "公安机关")}),
    # 宁波市公共资源交易管理条例 art. 29: a step of the process supervised
    ("supervised_process",
     ["公共资源交易管理机构应当利用公共资源交易电子服务系统，开展对公共资源交易项目登记、公告发布、项目评审和竞价、交易结果确认、"
      "投诉举报、交易合同签订等交易过程的监督管理。"],
     {("行政确认", "公共资源交易管理机构")}, set()),
    # near miss: the registration itself
    ("supervised_process",
     ["公共资源交易项目应当向公共资源交易管理机构办理项目登记。"],
     set(), {("行政确认", "公共资源交易管理机构")}),
    # 自然灾害救助条例 art. 3: the benefit names the field of a competence
    ("competence_work_benefit",
     ["县级以上地方人民政府应急管理部门负责本行政区域的自然灾害救助工作。"],
     {("行政给付", "县级以上地方人民政府应急管理部门")}, set()),
    # near miss: 开展…救助工作 pays
    ("competence_work_benefit",
     ["受灾地区人民政府应急管理部门应当及时开展自然灾害救助工作，向受灾人员发放救助款物。"],
     set(), {("行政给付", "受灾地区人民政府应急管理部门")}),
    # 野生动物保护法 art. 19: the costs of a government paid by the central treasury
    ("treasury_funding",
     ["有关地方人民政府采取预防、控制国家重点保护野生动物造成危害的措施以及实行补偿所需经费，由中央财政按照国家有关规定予以补助。"],
     {("行政给付", "有关地方人民政府")}, set()),
    # near miss: 农业保险条例 art. 7, a department pays farmers
    ("treasury_funding",
     ["农民或者农业生产经营组织投保的农业保险标的属于财政给予保险费补贴范围的，由财政部门按照规定给予保险费补贴。"],
     set(), {("行政给付", "财政部门")}),
    # 青岛市预算绩效管理条例 art. 15: a department's proposal reviewed by the finance department
    ("department_proposal_reviewed",
     ["预算部门提出的绩效目标，经财政部门审核确认后，方可进入下一步预算编审流程。"],
     {("行政许可", "财政部门")}, set()),
    # near miss: an application lodged with a department
    ("department_proposal_reviewed",
     ["申请人向城市管理部门提出的申请，经城市管理部门审核批准后，方可设置户外广告。"],
     set(), {("行政许可", "城市管理部门")}),
    # 上海市实施《义务教育法》办法 art. 27 and 环境影响评价法 art. 14: the approval of a plan
    ("plan_approved",
     ["市和区、县人民政府在组织编制或者批准城市总体规划和控制性详细规划时，应当按照国家和本市有关规定，制定、调整学校设置规划，"
      "合理布局。"],
     {("行政许可", "市和区、县人民政府")}, set()),
    # near miss: a builder's 修建性详细规划 reviewed for a licence
    ("plan_approved",
     ["城乡规划主管部门审核修建性详细规划后，核发建设工程规划许可证。"],
     set(), {("行政许可", "城乡规划主管部门")}),
    # 浙江省社会救助条例 art. 57: what the body publishes
    ("publicity_object",
     ["县级人民政府及其社会救助管理部门应当及时公开社会救助资金、物资的管理和使用等情况，接受社会监督。"],
     {("行政给付", "县级人民政府")}, set()),
    # near miss: a payment before the publicity
    ("publicity_object",
     ["县级人民政府应当向符合条件的家庭发放救助金，并公开救助对象名单。"],
     set(), {("行政给付", "县级人民政府")}),
    # 浙江省社会救助条例 art. 57 and 政府信息公开条例 art. 25: a reading room
    ("reading_room",
     ["行政机关可以根据需要设立公共查阅室、资料索取点、信息公告栏、电子信息屏等场所、设施，公开政府信息。"],
     {("行政检查", "行政机关")}, set()),
    # near miss: 查阅…资料 of a party
    ("reading_room",
     ["价格主管部门进行价格监督检查时，可以查阅、复制与价格违法行为有关的账簿、单据、凭证、文件及其他资料。"],
     set(), {("行政检查", "价格主管部门")}),
]

# 吊销 / 暂扣 X证 (patterns/constructions.tsv, the 吊销许可证 and 暂扣许可证 rows) and 自由贸易 in a body name (terms.py)
OTHER_CASES = [
    # 导游人员管理条例 art. 22: 暂扣导游证3至6个月 and 吊销导游证 are penalties; the order beside them is part of them
    ("penalty_certificate",
     ["导游人员有下列情形之一的，由旅游行政部门责令改正，暂扣导游证3至6个月；情节严重的，由省、自治区、直辖市人民政府旅游行政部门"
      "吊销导游证并予以公告：\n（一）擅自增加或者减少旅游项目的；"],
     {("其他", "旅游行政部门")},
     {("行政处罚", "旅游行政部门"), ("行政处罚", "省、自治区、直辖市人民政府旅游行政部门")}),
    # near misses: 暂扣凭证 is a receipt (重庆市航道管理条例 art. 45); 暂扣…运营证 before a decision, with no term, is no
    # penalty (郑州市客运出租汽车管理条例 art. 43)
    ("penalty_certificate",
     ["港航管理机构采取暂扣措施时，应当出具暂扣凭证，妥善保管暂扣的物品，不得使用、调换或者损毁。"],
     {("行政处罚", "港航管理机构")}, set()),
    ("penalty_certificate",
     ["有前款所列行为之一，罚款规定在五十元以上的，在作出行政处罚决定之前，可以暂扣车辆运营证，并出具暂扣凭证。"],
     {("行政处罚", "市客运出租汽车管理机构")}, set()),
    # 中国（浙江）自由贸易试验区条例 art. 7: the committee's full name
    ("free_trade_zone_name",
     ["中国（浙江）自由贸易试验区管理委员会（以下简称管委会）作为省人民政府的派出机构，负责自贸试验区建设、管理等工作，"
      "履行下列职责：\n（一）负责实施《中国（浙江）自由贸易试验区总体方案》，落实国家和省有关自贸试验区的各项政策措施；"],
     {("其他", "贸易试验区管理委员会")}, {("其他", "中国（浙江）自由贸易试验区管理委员会")}),
]

# after the seed-8118 sample (in-sample fixes, docs/evaluation/precision-i12-20261204d.md)
AFTER_SAMPLE = [
    # 指导外商投资方向规定 art. 12: 经贸部门 is a name (经 is not the preposition here)
    ("trade_department_name",
     ["外商投资企业的合同、章程由外经贸部门审批。"],
     {("行政许可", "贸部门")}, {("行政许可", "外经贸部门")}),
    # 北京市制定地方性法规条例 art. 47: 有关专门委员会 is a committee of the legislature (legislature_body)
    ("legislature_body",
     ["有关专门委员会审议法规案时，可以邀请其他专门委员会的成员列席会议，发表意见。根据需要，可以要求有关机关、组织派人说明情况。"],
     {("行政检查", "有关专门委员会")}, set()),
    # 基金会管理条例 art. 44: the registration certificate sealed (registration_as_sanction_object)
    ("registration_as_sanction_object",
     ["基金会、境外基金会代表机构被责令停止活动的，由登记管理机关封存其登记证书、印章和财务凭证。"],
     {("行政确认", "登记管理机关")}, set()),
]


@pytest.mark.parametrize("row,articles,absent,present", CASES + OTHER_CASES + AFTER_SAMPLE,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES + OTHER_CASES + AFTER_SAMPLE)])
def test_precision3_rows(row, articles, absent, present):
    assert_case(row, articles, absent, present)


def test_every_row_has_a_case():
    mine = rows_marked("i12-precision3:")
    assert mine and mine <= {c[0] for c in CASES}


def test_act_scope_sees_the_act_itself():
    """A row of scope ``act`` searches the sentence through the act's own words (进行监督 ends in 监督)."""
    from loaders.nlp.procedures import SCOPES, procedure_of

    assert "act" in SCOPES
    text = "文物行政部门应当对拍摄单位和举办者的活动进行监督。"
    start = text.index("进行监督")
    assert procedure_of(text, "行政检查", "文物行政部门", start, start + 4, (0, len(text)), 0) == "bare_supervision"
    text = "文物行政部门应当对拍摄单位和举办者的活动进行监督检查。"
    assert procedure_of(text, "行政检查", "文物行政部门", start, start + 6, (0, len(text)), 0) is None


@pytest.mark.parametrize("law,dropped", [
    ("中华人民共和国香港特别行政区基本法", {"all"}),  # art. 48: 批准向立法会提出…动议, the Chief Executive over the legislature
    ("中华人民共和国澳门特别行政区驻军法", {"all"}),  # art. 13: 军事用地…必须经中央人民政府批准
    ("中华人民共和国行政区域边界争议处理条例", None),  # near miss: 行政区 of the mainland
])
def test_special_administrative_region_laws_grant_nothing(law, dropped):
    from loaders.nlp.extract import dropped_categories

    assert dropped_categories(law) == dropped

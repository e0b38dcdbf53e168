"""Grants told apart from text that grants nothing, on laws outside the gold set (issue 12, branch i12-precision).

Each row of ``patterns/procedures.tsv`` marked ``i12-precision`` has a case here: the article of its cited
example (the corpus text, cut to the sentences that matter) with the pairs it must no longer yield, and a near
miss, a sentence of the same shape that grants, which must still yield its pair.  A case is the articles of
one small chapter; the pairs are those of its last article.
"""

from __future__ import annotations

import pytest

from loaders.nlp import extract_clauses

from .test_nlp_extraction import VERSION, statute


def pairs(articles: list[str]) -> set[tuple[str, str]]:
    last = len(articles)
    return {(c.category.value, c.subject) for c in extract_clauses(VERSION, statute(articles)) if c.article == last}


# (row, articles, pairs that must not be found, pairs that must be found)
CASES = [
    # 北京市地方金融监督管理条例 art. 51: 审批文件 is the licence taken away
    ("licence_as_sanction_object",
     ["违反本条例规定，地方金融组织有下列行为之一的，由市地方金融监督管理部门责令限期改正，没收违法所得；情节严重的，"
      "吊销其经营许可证或者其他审批文件：\n（一）超越经营范围从事金融业务活动的；"],
     {("行政许可", "市地方金融监督管理部门")}, {("行政处罚", "市地方金融监督管理部门")}),
    # near miss: an approval before the sanction stays (城市房地产管理法 style)
    ("licence_as_sanction_object",
     ["设立经营性公墓，应当经省人民政府民政部门批准；擅自设立的，由民政部门予以取缔。"],
     set(), {("行政许可", "省人民政府民政部门")}),
    # 中外合作办学条例 art. 52: 撤销筹备设立批准书, a sanction
    ("licence_as_sanction_object",
     ["在中外合作办学机构筹备设立期间招收学生的，由教育行政部门责令停止招生，并处以10万元以下的罚款；情节严重，"
      "拒不停止招生的，由审批机关撤销筹备设立批准书。"],
     {("行政许可", "审批机关")}, set()),
    # near miss: 民用航空器权利登记条例 art. 18, a review of a deregistration stays as it was
    ("licence_as_sanction_object",
     ["国务院民用航空主管部门应当自收到民用航空器注销登记申请之日起7个工作日内，对申请的注销登记事项进行审查。"],
     set(), {("行政许可", "国务院民用航空主管部门")}),
    # 宗教事务条例 art. 67: 批准设立机关 is a body, not an approval
    ("body_named_by_approval",
     ["宗教团体违反国家有关财务规定的，由财政、税务等部门依据相关规定进行处罚；情节严重的，经财政、税务部门提出，"
      "由登记管理机关或者批准设立机关吊销其登记证书或者设立许可。"],
     {("行政许可", "登记管理机关")}, {("行政处罚", "登记管理机关")}),
    # near miss: the approval itself (广播电视管理条例 art. 39)
    ("body_named_by_approval",
     ["用于广播电台、电视台播放的境外电影、电视剧，必须经国务院广播电视行政部门审查批准。"],
     set(), {("行政许可", "国务院广播电视行政部门")}),
    # 上海市社会救助条例 art. 44: standards drafted by departments, approved by the government
    ("drafted_then_approved",
     ["最低生活保障标准、最低生活保障家庭财产标准、最低生活保障边缘家庭申请专项救助经济状况认定标准、住房困难标准以及医疗救助、"
      "住房救助等具体标准，由市民政、房屋管理等部门拟订，报市人民政府批准后公布执行。"],
     {("行政许可", "市人民政府")}, set()),
    # 历史文化名城名镇名村保护条例 art. 9: a government applies
    ("drafted_then_approved",
     ["申报历史文化名城，由省、自治区、直辖市人民政府提出申请，经国务院建设主管部门会同国务院文物主管部门组织有关部门、"
      "专家进行论证，提出审查意见，报国务院批准公布。"],
     {("行政许可", "国务院")}, set()),
    # near miss: a party's application (河南省森林防火条例 art. 24)
    ("drafted_then_approved",
     ["因特殊情况确需野外用火的，必须提交用火申请，报县级人民政府批准。"],
     set(), {("行政许可", "县级人民政府")}),
    # near miss: an application to a body (向X提出申请) stays
    ("drafted_then_approved",
     ["申请设立国际货物运输代理企业，申请人应当向地方对外贸易主管部门提出申请，由国务院对外贸易经济合作主管部门审查批准。"],
     set(), {("行政许可", "地方对外贸易主管部门")}),
    # near miss: 北京市小规模食品生产经营管理规定 art. 9, a catalogue drafted by a government, a licence applied for
    ("drafted_then_approved",
     ["开办小作坊，应当符合区人民政府制定的食品品种目录，向所在地的区市场监督管理部门申请许可，并符合下列条件："],
     set(), {("行政许可", "区市场监督管理部门")}),
    # 聊城市文物保护管理条例 art. 16: a department approved by the government acts with another
    ("government_then_body_jointly",
     ["根据文物保护的实际需要，经省人民政府批准，市、县（市、区）文物主管部门会同同级自然资源和规划部门自核定公布文物保护单位之日起"
      "一年内，可以在市级、县级文物保护单位周围合理划定建设控制地带，并予公布。"],
     {("行政许可", "省人民政府")}, set()),
    # near miss: a party approved by the government stays (经省人民政府批准，建设单位可以…)
    ("government_then_body_jointly",
     ["确需占用的，经省人民政府批准，建设单位可以先行使用。"],
     set(), {("行政许可", "省人民政府")}),
    # 国家自然科学基金条例 art. 6: audit of public funds
    ("fund_audit",
     ["审计机关依法对国家自然科学基金的使用与管理进行审计监督。"],
     {("行政检查", "审计机关")}, set()),
    # near miss: 审计法 art. 22, enterprises audited
    ("fund_audit",
     ["审计机关对国有企业、国有金融机构的资产、负债、损益以及其他财务收支情况，进行审计监督。"],
     set(), {("行政检查", "审计机关")}),
    # near miss: 北京市审计条例 art. 4, 被审计单位 audited beside the budget
    ("fund_audit",
     ["审计机关应当对本级预算执行和被审计单位的财政收支、财务收支及相关经济活动的绩效进行审计。"],
     set(), {("行政检查", "审计机关")}),
    # near miss: 广州市幼儿园条例 art. 47, the funds kindergartens use
    ("fund_audit",
     ["教育行政部门、审计部门应当加强对公办幼儿园、普惠性民办幼儿园和非营利性民办幼儿园财政资金使用情况的审计监督。"],
     set(), {("行政检查", "审计部门")}),
    # 防止拆船污染环境管理条例 art. 4: an inspection verb in a competence
    ("competence_inspection",
     ["县级以上人民政府环境保护部门负责组织协调、监督检查拆船业的环境保护工作，并主管港区水域外的岸边拆船环境保护工作。"],
     {("行政检查", "县级以上人民政府环境保护部门")}, set()),
    # near miss: 血吸虫病防治条例 art. 42, an inspection of projects
    ("competence_inspection",
     ["县级以上人民政府林业主管部门对血吸虫病防治地区的林业工程项目的实施情况进行监督检查。"],
     set(), {("行政检查", "县级以上人民政府林业主管部门")}),
    # 北京市乡村振兴促进条例 art. 5: the work before the act
    ("competence_work_inspection",
     ["市、区农业农村部门负责本行政区域内乡村振兴促进工作的统筹协调、指导和监督检查。"],
     {("行政检查", "市、区农业农村部门")}, set()),
    # near miss: a party's work
    ("competence_work_inspection",
     ["应急管理部门负责对生产经营单位安全生产工作的监督检查。"],
     set(), {("行政检查", "应急管理部门")}),
    # 北京市行政性事业性收费管理条例 art. 3: a definition of a levy
    ("definition_grants",
     ["本条例所称行政性收费，是指国家机关和其他依法行使行政管理职权的单位（以下统称国家机关），对社会进行特定管理，依据法律、法规实施的收费。"],
     {("行政征收", "国家机关")}, set()),
    # 环境保护法 art. 18: a survey
    ("survey_of_state",
     ["省级以上人民政府应当组织有关部门或者委托专业机构，对环境状况进行调查、评价，建立环境资源承载能力监测预警机制。"],
     {("行政检查", "省级以上人民政府")}, set()),
    # near miss: an investigation of a party
    ("survey_of_state",
     ["县级以上人民政府生态环境主管部门可以对排污单位进行调查，收集有关情况和资料。"],
     set(), {("行政检查", "县级以上人民政府生态环境主管部门")}),
    # 山东省台儿庄古城保护管理条例 art. 26: the keeper's upkeep
    ("own_upkeep",
     ["台儿庄古城保护管理机构应当在安全管理的重要部位设置安全设施和警示牌，定期对水上、游览设施进行检查和维护，确保游客安全。"],
     {("行政检查", "台儿庄古城保护管理机构")}, set()),
    # near miss: 山东省建设工程抗震设防条例 art. 33
    ("own_upkeep",
     ["乡村规划建设监督管理机构应当对限额以下乡村建设工程质量安全进行巡查、抽查。"],
     set(), {("行政检查", "乡村规划建设监督管理机构")}),
    # 上海市社会救助条例 art. 54: a benefit obtained by fraud
    ("benefit_as_object",
     ["采取虚报、隐瞒、伪造等手段，骗取救助资金、物资或者服务的，由相关社会救助管理部门责令退回非法获取的救助资金、物资，"
      "可以处非法获取的救助款额或者物资价值一倍以上三倍以下的罚款。"],
     {("行政给付", "相关社会救助管理部门")}, {("行政处罚", "相关社会救助管理部门")}),
    # near miss: 退耕还林条例 art. 42, a payment
    ("benefit_as_object",
     ["退耕还林者自行采购种苗的，县级人民政府应当在退耕还林合同生效时一次付清种苗造林补助费，并给予生活补助。"],
     set(), {("行政给付", "县级人民政府")}),
    # near miss: 上海市妇女权益保障条例 art. 47, a payment to those who qualify
    ("benefit_as_object",
     ["各级人民政府和有关部门应当按照国家和本市有关规定，为符合条件的困难妇女提供必要的生育救助。"],
     set(), {("行政给付", "有关部门")}),
    # 上海市社会救助条例 art. 45: checks of recipients and the end of a benefit
    ("benefit_as_object",
     ["有下列情形之一的，乡镇人民政府、街道办事处或者相关社会救助管理部门应当对已经获得社会救助的家庭或者个人停止救助：\n"
      "（一）不再符合相关社会救助条件的；"],
     {("行政给付", "相关社会救助管理部门")}, set()),
    # 北京市水污染防治条例 art. 15: governments rewarded
    ("reward_of_administration",
     ["对超额完成重点水污染物排放总量控制指标和水环境质量考核指标的市人民政府有关部门和区、县人民政府，市人民政府应当给予奖励。"],
     {("行政奖励", "市人民政府")}, set()),
    # near miss: 上海市饮用水水源保护条例 art. 5
    ("reward_of_administration",
     ["对在饮用水水源保护工作中做出显著成绩的单位和个人，市或者区人民政府应当给予表彰或者奖励。"],
     set(), {("行政奖励", "区人民政府")}),
    # 杭州市城乡规划条例 art. 53: a decision presupposed
    ("decision_presupposed",
     ["城乡规划主管部门作出责令停止建设的决定后，当事人不停止建设的，城乡规划主管部门应当立即向本级人民政府报告。"],
     {("行政处罚", "城乡规划主管部门")}, set()),
    # near miss: the decision given
    ("decision_presupposed",
     ["未取得建设工程规划许可证进行建设的，由城乡规划主管部门责令停止建设，处建设工程造价百分之五以上百分之十以下的罚款。"],
     set(), {("行政处罚", "城乡规划主管部门")}),
    # 治安管理处罚法 art. 21: not executed (the body from the chapter's first article)
    ("exemption_case",
     ["违反治安管理的，由公安机关处五日以下拘留或者五百元以下罚款。",
      "违反治安管理行为人有下列情形之一，依照本法应当给予行政拘留处罚的，不执行行政拘留处罚:\n（一）已满十四周岁不满十六周岁的；"],
     {("行政处罚", "公安机关")}, set()),
    # 郑州市公共场所禁止吸烟条例 art. 10: a citizen's right
    ("citizen_right",
     ["卫生健康行政主管部门负责禁止吸烟的监督管理工作；公民有权制止在禁止吸烟的公共场所的吸烟者吸烟。"],
     {("行政强制", "卫生健康行政主管部门")}, {("其他", "卫生健康行政主管部门")}),
    # near miss: the body's own right (有权制止)
    ("citizen_right",
     ["卫生健康行政主管部门有权制止在禁止吸烟的公共场所的吸烟者吸烟。"],
     set(), {("行政强制", "卫生健康行政主管部门")}),
    # 枣庄市古树名木保护条例 art. 7 style: everyone's right, the body named after it
    ("citizen_right",
     ["林业主管部门负责古树名木的监督管理工作；任何单位和个人都有保护古树名木的义务，有权制止和举报损害古树名木的行为。"],
     {("行政强制", "林业主管部门")}, {("其他", "林业主管部门")}),
    # near miss: the body named between the public and the right
    ("citizen_right",
     ["对违反本条例的单位和个人，林业主管部门有权制止。"],
     set(), {("行政强制", "林业主管部门")}),
    # 河南省专业技术人员继续教育条例 art. 22: the employer
    ("employer_acts",
     ["人事行政部门对违反本条例的单位给予通报批评。",
      "专业技术人员不遵守继续教育的有关规定，不能按期完成学习任务的，所在单位可责令改正、退还学习费用或者给予通报批评。"],
     {("行政处罚", "人事行政部门")}, set()),
    # 浙江省司法鉴定管理条例 art. 3: a definition
    ("definition_grants",
     ["本条例所称司法鉴定机构和司法鉴定人，是指符合本条例规定的条件，经省司法行政部门审核登记，取得《司法鉴定许可证》、"
      "《司法鉴定人执业证》，从事司法鉴定业务的机构和人员。"],
     {("行政许可", "省司法行政部门")}, set()),
    # near miss: the licence itself
    ("definition_grants",
     ["从事司法鉴定业务，应当经省司法行政部门审核登记，取得《司法鉴定许可证》。"],
     set(), {("行政许可", "省司法行政部门")}),
    # 上海市烟花爆竹安全管理条例 art. 29: disposal of confiscated goods
    ("seized_disposal",
     ["对没收的非法烟花爆竹以及烟花爆竹经营单位弃置的废旧烟花爆竹，由公安部门就地封存并组织销毁、处置。"],
     {("行政强制", "公安部门")}, set()),
    # near miss: a seizure of a party's goods
    ("seized_disposal",
     ["对非法储存的烟花爆竹，由公安部门予以封存。"],
     set(), {("行政强制", "公安部门")}),
    # 河南省水污染防治条例 art. 26: complaint handling
    ("complaint_registration",
     ["生态环境主管部门接到举报后，应当按照规定进行登记、核实并处理。"],
     {("行政确认", "生态环境主管部门")}, set()),
    # near miss: a registration on application (个体工商户条例 art. 10)
    ("complaint_registration",
     ["个体工商户登记事项变更的，应当向登记机关申请办理变更登记。"],
     set(), {("行政确认", "登记机关")}),
    # 海关对出口加工区监管的暂行办法 art. 40: a filing
    ("filing_compound",
     ["进、出加工区货物的运输工具的负责人，应持企业法人营业执照和运输工具的名称、数量等清单，向海关办理登记备案手续。"],
     {("行政确认", "海关")}, set()),
    # 郑州市建筑市场管理条例 art. 30: 登记 inspected
    ("registration_as_information",
     ["城乡建设行政主管部门进行劳动用工监督检查时，有权采取下列措施：\n（一）进入施工现场核查劳动用工情况；\n"
      "（二）核查劳动者技能培训、岗位资格、实名登记等信息；"],
     {("行政确认", "城乡建设行政主管部门")}, set()),
    # near miss: a registration after a check
    ("registration_as_information",
     ["房屋登记机构对申请材料核查后，应当予以登记。"],
     set(), {("行政确认", "房屋登记机构")}),
    # 济南市妇女权益保障若干规定 art. 33: a bare referral with a generic body
    ("bare_referral_generic",
     ["违反本规定侵害妇女合法权益，应当予以行政处罚的，由有关部门按照法律、法规的规定处罚；构成犯罪的，依法追究刑事责任。"],
     {("行政处罚", "有关部门")}, set()),
    # near miss: a named body (枣庄市电梯安全条例 art. 52)
    ("bare_referral_generic",
     ["恶意破坏电梯的，由公安机关依照《中华人民共和国治安管理处罚法》有关规定进行处罚。"],
     set(), {("行政处罚", "公安机关")}),
    # 河南省失业保险条例 art. 9: the amount declared for a levy
    ("levy_assessment_approval",
     ["用人单位应于每月十五日前向失业保险经办机构申报应缴纳的失业保险费数额，经失业保险经办机构核准后，在规定的期限内缴纳。"],
     {("行政许可", "失业保险经办机构")}, set()),
    # near miss: 税收征收管理法 art. 27, a licence to file late (dev gold)
    ("levy_assessment_approval",
     ["纳税人、扣缴义务人不能按期办理纳税申报或者报送代扣代缴、代收代缴税款报告表的，经税务机关核准，可以延期申报。"],
     set(), {("行政许可", "税务机关")}),
    # 广东省实施《消防法》办法 art. 37: fields of a cooperation
    ("field_list",
     ["消防救援机构和应急管理、住房城乡建设、公安、市场监督管理等有关部门应当建立执法协作机制，加强在消防监督检查、"
      "消防设计审查验收、消防行政处罚、火灾隐患排查治理、火灾事故调查、消防信息化建设等方面的联合执法和信息共享。"],
     {("行政检查", "消防救援机构")}, set()),
    # near miss: an inspection of several places (营业性演出管理条例 art. 33 style)
    ("field_list",
     ["县级人民政府文化主管部门对营业性演出的场所、舞台、看台等进行实地检查。"],
     set(), {("行政检查", "县级人民政府文化主管部门")}),
    # 中小企业促进法 art. 5: a work of the administration supervised
    ("administration_work_supervised",
     ["国务院负责中小企业促进工作综合管理的部门组织实施促进中小企业发展政策，对中小企业促进工作进行宏观指导、综合协调和监督检查。"],
     {("行政检查", "国务院负责中小企业促进工作综合管理的部门")}, set()),
    # near miss: an enterprise's work supervised
    ("administration_work_supervised",
     ["应急管理部门应当对生产经营单位的安全生产工作进行监督检查。"],
     set(), {("行政检查", "应急管理部门")}),
    # near miss: 审计法 art. 26, 被审计单位 audited on policies (dev gold)
    ("administration_work_supervised",
     ["根据经批准的审计项目计划安排，审计机关可以对被审计单位贯彻落实国家重大经济社会政策措施情况进行审计监督。"],
     set(), {("行政检查", "审计机关")}),
    # near miss: 河南省固体废物污染环境防治条例 art. 36 and 上海市市民体育健身条例 art. 10, parties' work inspected
    ("administration_work_supervised",
     ["卫生主管部门应当加强对医疗卫生机构医疗废物管理工作的监督检查。"],
     set(), {("行政检查", "卫生主管部门")}),
    ("administration_work_supervised",
     ["教育行政管理部门应当定期对学校体育健身工作进行督导检查。"],
     set(), {("行政检查", "教育行政管理部门")}),
    ("administration_work_supervised",
     ["城市管理行政执法部门、国土资源主管部门应当建立健全日常巡查制度，对规划区内建设活动进行监督检查。"],
     set(), {("行政检查", "国土资源主管部门")}),
    ("administration_work_supervised",
     ["县级以上人民政府能源主管部门应当按照职责分工，加强对有关能源工作的监督检查，及时查处违法行为。"],
     set(), {("行政检查", "县级以上人民政府能源主管部门")}),
    # near miss: 舟山市城市绿化条例 art. 24, a party's work (责任人的…工作)
    ("administration_work_supervised",
     ["城市绿化行政主管部门应当对养护管理责任人的养护管理工作进行监督、检查，并给予技术指导。"],
     set(), {("行政检查", "城市绿化行政主管部门")}),
    # 上海市人民代表大会专门委员会工作条例 art. 23: a legislature's committee
    ("legislature_body",
     ["专门委员会审议议案、讨论问题时，可以要求市人民政府、市监察委员会、市高级人民法院、市人民检察院派员到会听取意见，回答询问。"],
     {("行政检查", "专门委员会")}, set()),
    # 河南省政府非税收入管理条例 art. 35: government revenue audited
    ("fund_audit",
     ["审计部门应当依法对政府非税收入征收与支出的真实、合法和效益情况进行审计监督。"],
     {("行政检查", "审计部门")}, set()),
    # 风景名胜区条例 art. 10: a government's application
    ("drafted_then_approved",
     ["设立省级风景名胜区，由县级人民政府提出申请，省、自治区人民政府建设主管部门会同其他有关部门组织论证，提出审查意见，"
      "报省、自治区、直辖市人民政府批准公布。"],
     {("行政许可", "县级人民政府")}, set()),
    # 浙江省教育督导条例 art. 19: a document presented
    ("presented_document",
     ["督学开展教育督导，应当出示由县级以上人民政府或者教育督导机构颁发的督学证，遵守教育督导的有关规定。"],
     {("行政许可", "县级以上人民政府")}, set()),
    # near miss: the issue applied for
    ("presented_document",
     ["从事出租汽车经营的，应当向出租汽车管理机构申请核发出租汽车营运权证。"],
     set(), {("行政许可", "出租汽车管理机构")}),
    # near miss: 商业银行法 art. 16, a registration with the licence in hand (dev gold)
    ("presented_document",
     ["经批准设立的商业银行，由国务院银行业监督管理机构颁发经营许可证，并凭该许可证向工商行政管理部门办理登记，领取营业执照。"],
     set(), {("行政确认", "工商行政管理部门"), ("行政许可", "国务院银行业监督管理机构")}),
    # near miss: 河南省实施《野生动物保护法》办法 art. 23, a licence held
    ("presented_document",
     ["运输省重点保护野生动物出县境的，应当持县级野生动物行政主管部门核发的运输许可证。"],
     set(), {("行政许可", "县级野生动物行政主管部门")}),
    # 淄博市节约能源条例 art. 13: a government project
    ("government_project",
     ["政府投资项目不符合强制性节能标准的，依法负责项目审批的机关不得批准建设。"],
     {("行政许可", "负责项目审批的机关")}, set()),
    # 深圳经济特区细胞和基因产业促进条例 art. 54: a service
    ("approval_service",
     ["市科技创新、卫生健康、市场监管等部门应当为企业、科研机构、医疗卫生机构申请人类遗传资源审批提供咨询、指导服务。"
      "推动设立人类遗传资源审批管理平台，提升人类遗传资源审批服务能力。"],
     {("行政许可", "市科技创新、卫生健康、市场监管等部门")}, set()),
    # near miss: an approval decided in a time limit (消耗臭氧层物质管理条例 art. 22)
    ("approval_service",
     ["国家消耗臭氧层物质进出口管理机构应当自受理申请之日起20个工作日内完成审查，作出是否批准的决定。"],
     set(), {("行政许可", "国家消耗臭氧层物质进出口管理机构")}),
    # 聊城市历史文化名城名镇名村保护条例 art. 51: the department submits
    ("body_submits",
     ["因公共利益需要进行建设活动，对历史建筑无法实施原址保护，必须迁移异地保护或者拆除的，应当由市（县）住房城乡建设主管部门"
      "会同同级文物主管部门，报省住房城乡建设主管部门会同省文物主管部门批准。"],
     {("行政许可", "省住房城乡建设主管部门")}, set()),
    # near miss: a party submits
    ("body_submits",
     ["确需拆除历史建筑的，由建设单位报省住房城乡建设主管部门批准。"],
     set(), {("行政许可", "省住房城乡建设主管部门")}),
    # 上海市城乡规划条例 art. 61: an order to a department
    ("order_to_department",
     ["规划行政管理部门作出责令停止建设或者限期拆除的决定后，当事人不停止建设或者逾期不拆除的，由项目所在地区人民政府"
      "责令有关部门采取查封施工现场、强制拆除等措施。"],
     {("其他", "规划行政管理部门")}, set()),
    # near miss: an order to a party (杭州市水上交通管理条例 art. 16)
    ("order_to_department",
     ["因生产、装卸作业造成航道淤浅的，由水上交通管理机构责令责任单位或者责任人限期疏浚。"],
     set(), {("其他", "水上交通管理机构")}),
    ("order_to_department",
     ["擅自改变用途的，由水上交通管理机构责令其向有关部门补办手续。"],
     set(), {("其他", "水上交通管理机构")}),
    # near miss: 浙江省沿海船舶边防治安管理条例 art. 16, a stop to a party, then a notice to departments
    ("order_to_department",
     ["公安边防部门应当加强执法巡查，发现有违反海洋环境、海上交通管理等法律、法规规定行为的，应当予以制止并通报有关部门。"],
     set(), {("其他", "公安边防部门")}),
    # 驻马店市优化营商环境条例 art. 21: 审批材料
    ("approval_as_modifier",
     ["市、县（区）人民政府及有关部门应当为市场主体设立、变更、注销等提供便利，精简审批材料，减少环节，压缩办理时间，实行零收费。"],
     {("行政许可", "有关部门")}, set()),
    # near miss: an approval
    ("approval_as_modifier",
     ["利用公路进行驾驶员训练的，承办单位应经交通行政管理部门批准，在指定路段实施。"],
     set(), {("行政许可", "交通行政管理部门")}),
    # 社会救助暂行办法 art. 60: 救助申请
    ("benefit_as_modifier",
     ["乡镇人民政府、街道办事处应当建立统一受理社会救助申请的窗口，及时受理、转办申请事项。"],
     {("行政给付", "街道办事处")}, set()),
    # 乡村振兴促进法 art. 72: the use of public funds supervised, inside the administration
    ("funds_supervised",
     ["县级以上人民政府发展改革、财政、农业农村、审计等部门按照各自职责对农业农村投入优先保障机制落实情况、乡村振兴资金使用情况和绩效等实施监督。"],
     {("行政检查", "县级以上人民政府财政部门")}, set()),
    # near miss: the enterprises that use the funds are inspected
    ("funds_supervised",
     ["县级以上人民政府财政部门应当对使用财政补助资金的企业进行监督检查。"],
     set(), {("行政检查", "县级以上人民政府财政部门")}),
    # 社会救助暂行办法 art. 57: the benefit work supervised, no payment
    ("benefit_supervised",
     ["县级以上人民政府及其社会救助管理部门应当加强对社会救助工作的监督检查，完善相关监督管理制度。"],
     {("行政给付", "社会救助管理部门")}, set()),
    # near miss: the work carried out is a payment
    ("benefit_supervised",
     ["民政部门应当设置避难场所和救济物资供应点，开展受灾群众救助工作，并按照规定职责核查灾情、发布灾情信息。"],
     set(), {("行政给付", "民政部门")}),
    # near miss: 气象灾害防御条例 art. 38, relief work
    ("benefit_as_modifier",
     ["民政部门应当设置避难场所和救济物资供应点，开展受灾群众救助工作，并按照规定职责核查灾情、发布灾情信息。"],
     set(), {("行政给付", "民政部门")}),
    # 青岛市金融发展促进条例 art. 17: 认定办法
    ("registration_as_modifier",
     ["市、区（市）人民政府及有关部门应当配合国家金融管理部门和金融机构、金融组织完善面向小型微型企业、农民专业合作社、"
      "农户的财产抵押制度和贷款抵押物认定办法。"],
     {("行政确认", "有关部门")}, set()),
    # 上海市不动产登记若干规定 art. 39: 登记错误
    ("registration_as_modifier",
     ["因登记错误，造成他人损害的，不动产登记机构应当承担赔偿责任。不动产登记机构赔偿后，可以向造成登记错误的人追偿。"],
     {("行政确认", "不动产登记机构")}, set()),
    # near miss: 医疗器械生产监督管理办法 art. 16, a change of registered items
    ("registration_as_modifier",
     ["企业名称、住所变更的，应当在变更后30个工作日内，向原发证部门申请登记事项变更，并提交相关材料。"
      "原发证部门应当在5个工作日内完成登记事项变更。"],
     set(), {("行政确认", "原发证部门")}),
    # near miss: 郑州市房屋登记条例 art. 24, a registration
    ("registration_as_modifier",
     ["新建商品房竣工验收合格后，房地产开发企业应当向房屋登记机构申请办理房屋所有权初始登记。"],
     set(), {("行政确认", "房屋登记机构")}),
]


def assert_case(row, articles, absent, present):
    """The case's last article yields none of ``absent`` and all of ``present``."""
    found = pairs(articles)
    assert not (found & absent), (row, found)
    assert present <= found, (row, found)


def rows_marked(prefix: str) -> set[str]:
    """The procedures.tsv rows whose note starts with ``prefix`` (a branch's block)."""
    import csv

    from loaders.nlp.procedures import TABLE

    with open(TABLE, encoding="utf-8") as handle:
        return {r["name"] for r in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
                if r["note"].startswith(prefix)}


@pytest.mark.parametrize("row,articles,absent,present", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_precision_rows(row, articles, absent, present):
    assert_case(row, articles, absent, present)


def test_every_row_has_a_case():
    assert rows_marked("i12-precision:") - {"exemption_act"} <= {c[0] for c in CASES}

"""Constructions of licences, coercion, inspection and rulings that the first tables missed (issue 12, branch
i12-permit): a table of (article text as the corpus has it, expected clauses) with a near miss beside each row.

Each construction row of ``patterns/constructions.tsv`` / ``patterns/procedures.tsv`` added by this branch has at
least one text here that it must read and one that it must not.
"""

from __future__ import annotations

import pytest

from .test_nlp_constructions import found

# (text, expected {(category, subject, construction)}), law and article in the comment
ROWS = [
    # --- 行政许可 -------------------------------------------------------------------------------------------
    # 公路法 art. 44 para. 2 (first sentence): 征得X的同意 (licence_consent)
    ("因修建铁路、机场、电站、通信设施、水利工程和进行其他建设工程需要占用、挖掘公路或者使公路改线的，建设单位应当事先征得"
     "有关交通主管部门的同意；影响交通安全的，还须征得有关公安机关的同意。",
     {("行政许可", "有关交通主管部门", "licence_consent"), ("行政许可", "有关公安机关", "licence_consent")}),
    # near miss, 种子法 (2021) art. 32 para. 3: the consent of a right holder, no body
    ("申请领取具有植物新品种权的种子生产经营许可证的，应当征得植物新品种权所有人的书面同意。", set()),
    # near miss, 公路法 art. 31 (first sentence): the consent of whoever manages the facility affected (owner_consent)
    ("因建设公路影响铁路、水利、电力、邮电设施和其他设施正常使用时，公路建设单位应当事先征得有关部门的同意。", set()),
    # near miss, 价格管理条例 art. 21: a head's appointment approved by the superior department (personnel_consent)
    ("物价检查机构受上级物价检查机构的业务指导。地方各级物价检查机构主要负责人的任免，应当事前征得上一级物价部门的同意。", set()),
    # near miss, 易制毒化学品管理条例 (2018) art. 27: a body that must have another's consent before its own decision
    ("对进口第一类中的药品类易制毒化学品的，有关的商务主管部门在作出许可决定前，应当征得国务院药品监督管理部门的同意。", set()),
    # near miss, 上海市文化娱乐市场管理条例 art. 41: a definition names the approval (definition_licence)
    ("本条例所称游艺机是指经市文化行政管理部门审核，允许向未成年人开放的游戏机。", set()),
    # near miss, 地方各级人民政府机构设置和编制管理条例 art. 9: a government's own proposal 经X审核 (body_proposal_reviewed)
    ("地方各级人民政府行政机构的设立、撤销、合并或者变更规格、名称，由本级人民政府提出方案，经上一级人民政府机构编制管理机关审核后，"
     "报上一级人民政府批准；其中，县级以上地方各级人民政府行政机构的设立、撤销或者合并，还应当依法报本级人民代表大会常务委员会备案。",
     set()),
    # 出境入境管理法 art. 50: 未经X许可，不得 (licence_unless)
    ("出境的交通运输工具自出境检查后至出境前，入境的交通运输工具自入境后至入境检查前，未经出入境边防检查机关按照规定程序许可，"
     "不得上下人员、装卸货物或者物品。",
     {("行政许可", "出入境边防检查机关", "licence_unless")}),
    # 公路法 art. 54: 未经X批准，不得…以外的其他标志 (the 的 of a noun inside the prohibition is no case)
    ("任何单位和个人未经县级以上地方人民政府交通主管部门批准，不得在公路用地范围内设置公路标志以外的其他标志。",
     {("行政许可", "县级以上地方人民政府交通主管部门", "approval")}),
    # near miss, 专利法 (2020) art. 11 (first sentence): the licence of a right holder
    ("发明和实用新型专利权被授予后，除本法另有规定的以外，任何单位或者个人未经专利权人许可，都不得实施其专利。", set()),
    # near miss, 劳动保障监察条例 art. 28: 未经X许可，从事…的组织或者个人 is the case of a sanction
    ("未经劳动保障行政部门许可，从事职业介绍、职业技能培训或者职业技能考核鉴定的组织或者个人，由劳动保障行政部门、工商行政管理部门"
     "依照国家有关无照经营查处取缔的规定查处取缔。",
     {("行政处罚", "劳动保障行政部门", "penalty"), ("行政处罚", "工商行政管理部门", "penalty")}),
    # near miss, 建设工程质量管理条例 (2019) art. 5: X不得超越权限审批 is a rule of conduct on the body
    ("从事建设工程活动，必须严格执行基本建设程序，坚持先勘察、后设计、再施工的原则。\n"
     "县级以上人民政府及其有关部门不得超越权限审批建设项目或者擅自简化基本建设程序。", set()),
    # 节约能源法 (2018) art. 35 paras. 2-3: a bar after a case (不符合…的建筑工程，X不得批准) states what X's review checks
    ("不符合建筑节能标准的建筑工程，建设主管部门不得批准开工建设；已经开工建设的，应当责令停止施工、限期改正；已经建成的，"
     "不得销售或者使用。\n建设主管部门应当加强对在建建筑工程执行建筑节能标准情况的监督检查。",
     {("行政许可", "建设主管部门", "approval"), ("行政检查", "建设主管部门", "inspection")}),
    # near miss, 海域使用管理法 art. 13 para. 1: a plan's 修改方案 approved inside the administration
    ("海洋功能区划的修改，由原编制机关会同同级有关部门提出修改方案，报原批准机关批准；未经批准，不得改变海洋功能区划确定的海域功能。",
     set()),
    # 公路法 art. 64 para. 1 (first sentence): 设置X，应当报经省人民政府审查批准, no body in the sentence submits
    ("收费公路设置车辆通行费的收费站，应当报经省、自治区、直辖市人民政府审查批准。",
     {("行政许可", "省、自治区、直辖市人民政府", "licence_review")}),
    # near miss, 土地管理法 (2019) art. 32 para. 2: a province asks the State Council (报经国务院批准 inside the administration)
    ("个别省、直辖市确因土地后备资源匮乏，新增建设用地后，新开垦耕地的数量不足以补偿所占用耕地的数量的，必须报经国务院批准减免本行政"
     "区域内开垦耕地的数量，易地开垦数量和质量相当的耕地。", set()),
    # 消防法 (2021) art. 40 para. 1: 报X验收 (acceptance)
    ("专职消防队的建立，应当符合国家有关规定，并报当地消防救援机构验收。",
     {("行政许可", "消防救援机构", "acceptance")}),
    # 土地管理法 (2019) art. 30 para. 3: a government that 进行验收
    ("省、自治区、直辖市人民政府应当制定开垦耕地计划，监督占用耕地的单位按照计划开垦耕地或者按照计划组织开垦耕地，并进行验收。",
     {("行政许可", "省、自治区、直辖市人民政府", "acceptance")}),
    # near miss, 北京市建设工程质量条例: a supervising firm's acceptance, no body
    ("实施监理的建设工程，施工单位自检合格后应当报监理单位进行验收。", set()),
    # 医师法 (2021) art. 20 para. 3: 注销注册 of a doctor's registration is the licence's life cycle (registration_life)
    ("县级以上地方人民政府卫生健康主管部门对个体行医的医师，应当按照国家有关规定实施监督检查，发现有本法规定注销注册的情形的，"
     "应当及时注销注册，废止医师执业证书。",
     {("行政检查", "县级以上地方人民政府卫生健康主管部门", "inspection"),
      ("行政许可", "县级以上地方人民政府卫生健康主管部门", "registration_life")}),
    # near miss, 医师法 (2021) art. 21: the list of the registered is published (a noun); its 注销 stays as it was
    ("县级以上地方人民政府卫生健康主管部门应当将准予注册和注销注册的人员名单及时予以公告，由省级人民政府卫生健康主管部门汇总，"
     "报国务院卫生健康主管部门备案，并按照规定通过网站提供医师注册信息查询服务。",
     {("其他", "县级以上地方人民政府卫生健康主管部门", "deregistration")}),
    # near miss, 公司法 (2023) art. 47 (first sentence): 注册资本 is a noun
    ("有限责任公司的注册资本为在公司登记机关登记的全体股东认缴的出资额。", set()),
    # 医师法 (2021) art. 8 para. 2: a qualification exam 由X组织实施 (qualification_exam)
    ("医师资格考试分为执业医师资格考试和执业助理医师资格考试。医师资格考试由省级以上人民政府卫生健康主管部门组织实施。",
     {("行政许可", "省级以上人民政府卫生健康主管部门", "qualification_exam")}),
    # near miss, 护士条例 art. 7 item 3: passing an exam a department organised is a condition
    ("（三）通过国务院卫生主管部门组织的护士执业资格考试；", set()),
    # --- 行政强制 -------------------------------------------------------------------------------------------
    # 文物保护法 (2024) art. 32 para. 2: 拒不履行…的，X可以给予抢救修缮，所需费用由所有人承担 (substitute_cost)
    ("不可移动文物有损毁危险，所有人或者使用人不具备修缮能力的，县级以上人民政府应当给予帮助；所有人或者使用人具备修缮能力但拒不"
     "依法履行修缮义务的，县级以上人民政府可以给予抢救修缮，所需费用由所有人或者使用人承担。",
     {("行政强制", "县级以上人民政府", "substitute_cost")}),
    # near miss, 菏泽市物业管理条例 art. 35: the owners' agent performs at their assembly's consent, no body
    ("物业存在安全隐患，危及公共利益以及他人合法权益时，责任人或者业主应当及时维修养护。责任人或者业主不履行维修养护义务的，"
     "经业主大会或者业主委员会同意，可以由物业服务人维修养护，费用由责任人或者业主承担。", set()),
    # 文物保护法 (2024) art. 38 para. 2: X…；必要时…依法予以拆除 (demolition)
    ("对危害不可移动文物安全、破坏不可移动文物历史风貌的建筑物、构筑物，当地人民政府应当及时调查处理；必要时，对该建筑物、构筑物"
     "依法予以拆除、迁移。",
     {("行政强制", "人民政府", "demolition")}),
    # near miss, 北京市安全生产条例 (2022) art. 48: a duty stated with no body
    ("对已有不符合安全距离要求的建筑物、构筑物，应当依法予以拆除，或者经安全评估采取其他保障安全的措施。", set()),
    # 消防法 (2021) art. 51 para. 1: 有权封闭火灾现场 (scene_closure), 负责调查火灾原因 (cause_investigation)
    ("消防救援机构有权根据需要封闭火灾现场，负责调查火灾原因，统计火灾损失。",
     {("行政强制", "消防救援机构", "scene_closure"), ("行政检查", "消防救援机构", "cause_investigation")}),
    # --- 行政给付 -------------------------------------------------------------------------------------------
    # 文物保护法 (2024) art. 76: the body the goods are handed over to (移交X) pays the compensation
    ("银行、冶炼厂、造纸厂以及废旧物资回收单位，应当与当地文物行政部门共同负责拣选掺杂在金银器和废旧物资中的文物。拣选文物除供银行"
     "研究所必需的历史货币可以由中国人民银行留用外，应当移交当地文物行政部门。移交拣选文物，应当给予合理补偿。",
     {("行政给付", "文物行政部门", "benefit")}),
    # near miss, 公路法 art. 44 para. 2 (second sentence): the builder restores or compensates, no body pays
    ("占用、挖掘公路或者使公路改线的，建设单位应当按照不低于该段公路原有的技术标准予以修复、改建或者给予相应的经济补偿。", set()),
    # near miss, 旅游法 (2018) art. 102: 暂扣或者吊销导游证 is the penalty of a licence, no seizure
    ("导游、领队违反本法规定，私自承揽业务的，由旅游主管部门责令改正，没收违法所得，处一千元以上一万元以下罚款，并暂扣或者吊销导游证。",
     {("行政处罚", "旅游主管部门", "penalty")}),
    # --- 行政检查 -------------------------------------------------------------------------------------------
    # 文物保护法 (2024) art. 78 para. 2: 海关凭…许可证放行 (customs_release)
    ("任何单位或者个人运送、邮寄、携带文物出境，应当向海关申报；海关凭文物出境许可证放行。",
     {("行政检查", "海关", "customs_release")}),
    # near miss, 出境入境管理法 art. 48: 凭 a document, a foreigner's own use, no release by a body
    ("取得永久居留资格的外国人，凭永久居留证件在中国境内居留和工作，凭本人的护照和永久居留证件出境入境。", set()),
    # 公路法 art. 53: 接受X的现场调查 (accepted_investigation)
    ("造成公路损坏的，责任者应当及时报告公路管理机构，并接受公路管理机构的现场调查。",
     {("行政检查", "公路管理机构", "accepted_investigation")}),
    # 关于外商参与打捞中国沿海水域沉船沉物管理办法 (2020) art. 16: 接受X的检查
    ("所有捞获物应当在中国政府主管部门指定的地点接受有关部门的检查。", {("行政检查", "有关部门", "accepted_investigation")}),
    # near miss, 民用航空法 (2021) art. 40 (first clause): the check of a unit a department recognises is no department's
    ("空勤人员和空中交通管制员在取得执照前，还应当接受国务院民用航空主管部门认可的体格检查单位的检查。", set()),
    # near miss, 消防法 (2021) art. 51 para. 2: 接受事故调查 names no investigating body after 接受
    ("火灾扑灭后，发生火灾的单位和相关人员应当按照消防救援机构的要求保护现场，接受事故调查，如实提供与火灾有关的情况。", set()),
    # near miss, 消防法 (2021) art. 56: the manner and conduct of the acts (manner_principle_list, staff_conduct)
    ("住房和城乡建设主管部门、消防救援机构及其工作人员应当按照法定的职权和程序进行消防设计审查、消防验收、备案抽查和消防安全检查，"
     "做到公正、严格、文明、高效。\n住房和城乡建设主管部门、消防救援机构及其工作人员进行消防设计审查、消防验收、备案抽查和消防安全"
     "检查等，不得收取费用，不得利用职务谋取利益。", set()),
    # near miss, 公路法 art. 72: supervision of the bodies' own inspectors
    ("交通主管部门、公路管理机构应当加强对所属公路监督检查人员的管理和教育，要求公路监督检查人员熟悉国家有关法律和规定，公正廉洁，"
     "热情服务，秉公执法，对公路监督检查人员的执法行为应当加强监督检查，对其违法行为应当及时纠正，依法处理。", set()),
    # --- 行政裁决 -------------------------------------------------------------------------------------------
    # 专利法 (2020) art. 65 (first sentence): 请求X处理 a dispute
    ("未经专利权人许可，实施其专利，即侵犯其专利权，引起纠纷的，由当事人协商解决；不愿协商或者协商不成的，专利权人或者利害关系人"
     "可以向人民法院起诉，也可以请求管理专利工作的部门处理。",
     {("行政裁决", "管理专利工作的部门", "dispute_ruling")}),
]


@pytest.mark.parametrize("text, expected", ROWS, ids=[f"{i:02d}-{t[:10]}" for i, (t, _) in enumerate(ROWS)])
def test_permit_construction(text: str, expected: set) -> None:
    assert {(cat, subj, cons) for _, cat, subj, cons in found([text])} == expected


def test_a_body_asked_to_assist_is_not_the_inspecting_body() -> None:
    # 反洗钱法 (2024) art. 15 para. 2: 请求X协助其监督检查 (X assists; the body that asks inspects)
    text = ("有关特定非金融机构主管部门监督检查特定非金融机构履行反洗钱义务的情况，处理反洗钱行政主管部门提出的反洗钱监督管理建议，"
            "履行法律和国务院规定的有关反洗钱的其他职责。有关特定非金融机构主管部门根据需要，可以请求反洗钱行政主管部门协助其监督检查。")
    assert not any(subj == "反洗钱行政主管部门" for _, _, subj, _ in found([text]))


def test_seizure_of_goods_beside_a_bar() -> None:
    # 森林法实施条例 (2018) art. 37 (second sentence): 可以暂扣无证运输的木材 (the 证 of 无证 is no licence seized)
    text = ("无证运输木材的，木材检查站应当予以制止，可以暂扣无证运输的木材，并立即报请县级以上人民政府林业主管部门依法处理。")
    assert ("行政强制", "木材检查站", "seizure_detain") in {(c, s, k) for _, c, s, k in found([text])}


def test_a_row_whose_first_part_is_missing_leaves_its_position_to_the_next_row() -> None:
    # 保安服务管理条例 (2022) art. 12: licence_review (申请/报…审核) fails its context; approval (经X审核) reads it
    text = "保安服务公司的法定代表人变更的，应当经原审批公安机关审核，持审核文件到工商行政管理机关办理变更登记。"
    assert ("行政许可", "原审批公安机关", "approval") in {(c, s, k) for _, c, s, k in found([text])}
    # 最高人民法院关于办理申请人民法院强制执行国有土地上房屋征收补偿决定案件若干问题的规定 art. 9: qualification_exam
    # (…组织实施 after 资格考试) fails; expropriation (…组织实施 after 征收) reads it
    text = "人民法院裁定准予执行的，一般由作出征收补偿决定的市、县级人民政府组织实施，也可以由人民法院执行。"
    assert found([text]) == {(1, "行政征收", "市、县级人民政府", "expropriation")}

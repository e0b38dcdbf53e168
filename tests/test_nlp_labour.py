"""Constructions of labour inspection and social insurance (issue 12, branch i12-labour): a table of (articles as the
corpus has them, expected clauses), each rule the branch added (patterns/constructions.tsv, patterns/procedures.tsv,
the prefilter keywords of loaders/nlp/prefilter.py and the 对…，由X object check of loaders/nlp/clauses.py) with a text
it must read and a near miss it must not.

None of the texts is from the two laws the branch annotated (tests/gold/dev/劳动保障监察条例.jsonl, 社会保险法.jsonl):
the rules were written from the construction, and these are other statutes that use it.
"""

from __future__ import annotations

import pytest

from loaders.nlp.prefilter import might_grant

from .test_nlp_constructions import found

# (articles of one chapter, expected {(article, category, subject, construction)}), law and article in the comment
ROWS = [
    # --- inspection: 对…实施安全监察 / 实施劳动保障监察 / 实施重点监察 (constructions.tsv inspection 监察) ---------------
    # 特种设备安全监察条例 (2009) art. 50
    (["特种设备安全监督管理部门依照本条例规定，对特种设备生产、使用单位和检验检测机构实施安全监察。"],
     {(1, "行政检查", "特种设备安全监督管理部门", "inspection")}),
    # 煤矿安全监察条例 (2013) art. 2 (its second sentence)
    (["国务院决定设立的煤矿安全监察机构按照国务院规定的职责，依照本条例的规定对煤矿实施安全监察。"],
     {(1, "行政检查", "煤矿安全监察机构", "inspection")}),
    # near miss, 安全生产法 (2021) art. 71: the supervisory organs' 监察 of officials (no qualifier, 监察机关 no body)
    (["监察机关依照监察法的规定，对负有安全生产监督管理职责的部门及其工作人员履行安全生产监督管理职责实施监察。"], set()),
    # near miss, 河南省劳动保障监察条例 (2010) art. 4: the principles of the inspection (procedures.tsv exercise_principle)
    (["劳动保障行政部门实施劳动保障监察，应当遵循合法、公正、公开的原则，坚持处罚与教育相结合。"], set()),
    # --- 对…的，由X…实施劳动保障监察: X opens a clause after the 对-phrase and is not its object (clauses.py) ----------------
    # 浙江省劳动保障监察条例 (2020) art. 39 (the 取缔 after 通报 is the receiving body's: procedures.tsv transferred_sanction)
    (["无照经营者有劳动用工行为的，由人力资源社会保障主管部门依照本条例规定实施劳动保障监察，并及时通报市场监督管理部门予以取缔。"],
     {(1, "行政检查", "人力资源社会保障主管部门", "inspection")}),
    # near miss, 审计法 (2021) art. 27: the body inside the object (应当由审计机关进行审计的事项) still makes it the
    # administration's own matters
    (["除本法规定的审计事项外，审计机关对其他法律、行政法规规定应当由审计机关进行审计的事项，依照本法和有关法律、行政法规的规定"
      "进行审计监督。"], set()),
    # --- inspection: 查询…账户 / 存款 -----------------------------------------------------------------------------------
    # 反垄断法 (2022) art. 47 item (五)
    (["反垄断执法机构调查涉嫌垄断行为，可以采取下列措施：\n（五）查询经营者的银行账户；"],
     {(1, "行政检查", "反垄断执法机构", "inspection")}),
    # near miss, 证券法 (2019) art. 137: a client reads its own account information
    (["证券公司应当建立客户信息查询制度，确保客户能够查询其账户信息、委托记录、交易记录以及其他与接受服务或者业务有关的信息。"],
     set()),
    # --- coercion: 通知银行划拨…存款、汇款 (行政强制法 art. 12 划拨存款、汇款) -----------------------------------------------
    # 关税法 (2024) art. 50 (para. 1 and item (一))
    (["纳税人、扣缴义务人未按照规定的期限缴纳或者解缴税款的，由海关责令其限期缴纳；逾期仍未缴纳且无正当理由的，经直属海关关长或者"
      "其授权的隶属海关关长批准，海关可以实施下列强制执行措施：\n（一）书面通知银行业金融机构划拨纳税人、扣缴义务人金额相当于应纳"
      "税款的存款、汇款；"],
     {(1, "行政强制", "海关", "coercive_measure"), (1, "行政征收", "海关", "order_to_pay")}),
    # near miss, 储蓄管理条例 (2011) art. 32: a bank's refusal to query, freeze or transfer for others
    (["储蓄机构及其工作人员对储户的储蓄情况负有保密责任。\n储蓄机构不代任何单位和个人查询、冻结或者划拨储蓄存款，国家法律、"
      "行政法规另有规定的除外。"], set()),
    # --- levy: 核定…应缴纳的…保险费; benefit: 支付…保险待遇 / 养老金 ---------------------------------------------------------
    # 浙江省职工基本养老保险条例 (2008) art. 40 (lead and items (二), (四))
    (["社会保险经办机构具体办理职工基本养老保险事务，履行下列职责：\n（二）核定参保人员应缴纳的基本养老保险费；\n"
      "（四）审核参保人员享受基本养老保险待遇的资格，审定并支付基本养老保险待遇；"],
     {(1, "行政征收", "社会保险经办机构", "tax_assessment"), (1, "行政给付", "社会保险经办机构", "benefit")}),
    # near miss, the same law art. 13: the amount assessed is a noun (核定的应缴费额)
    (["城镇个体劳动者凭社会保险经办机构核定的应缴费额向地方税务机关申报并缴费。"], set()),
    # 河南省老年人权益保障条例 (2018) art. 23 para. 2
    (["社会保险经办机构应当按时足额支付参保老年人依法享有的养老金，不得拖欠、克扣或者挪用。"],
     {(1, "行政给付", "社会保险经办机构", "benefit")}),
    # near miss, 最高人民法院关于审理劳动争议案件适用法律问题的解释（一） (2020) art. 2 item (一): the payment names a dispute
    (["（一）劳动者请求社会保险经办机构发放社会保险金的纠纷；"], set()),
    # --- 当场予以纠正 (其他, as 责令改正) ------------------------------------------------------------------------------------
    # 电力监管条例 (2005) art. 24 (lead and item (四))
    (["电力监管机构依法履行职责，可以采取下列措施，进行现场检查：\n(四)对检查中发现的违法行为，有权当场予以纠正或者要求限期改正。"],
     {(1, "其他", "电力监管机构", "order_to_correct"), (1, "行政检查", "电力监管机构", "inspection")}),
    # near miss, 浙江省安全生产条例 (2016) art. 27 para. 2 item (二): a township urges the correction (督促), it orders none
    (["乡（镇）人民政府以及街道办事处、开发区（园区）管理机构等人民政府的派出机关（机构），依法对本辖区内生产经营单位进行监督检查时，"
      "行使下列职权：\n（二）检查中发现安全生产违法行为的，督促当场予以纠正或者要求限期改正；"], set()),
    # --- procedures.tsv decision_pair_noun: 作出行政处罚或者行政处理决定前，应当听取… ----------------------------------------
    # 医疗保障基金使用监督管理条例 (2021) art. 31
    (["医疗保障行政部门对违反本条例的行为作出行政处罚或者行政处理决定前，应当听取当事人的陈述、申辩；作出行政处罚或者行政处理决定，"
      "应当告知当事人依法享有申请行政复议或者提起行政诉讼的权利。"], set()),
    # --- procedures.tsv transferred_sanction: 移送X依法吊销 is X's sanction, not the sender's -------------------------------
    # 煤矿安全监察条例 (2013) art. 35: the order stays the sender's (其他, no penalty of its own left)
    (["煤矿建设工程安全设施设计未经煤矿安全监察机构审查同意，擅自施工的，由煤矿安全监察机构责令停止施工；拒不执行的，由煤矿安全监察"
      "机构移送地质矿产主管部门依法吊销采矿许可证。"],
     {(1, "其他", "煤矿安全监察机构", "order_to_correct")}),
    # near miss, the same law art. 43: the sender's own 决定吊销安全生产许可证 before the transfer stays
    (["擅自开采保安煤柱，或者采用危及相邻煤矿生产安全的决水、爆破、贯通巷道等危险方法进行采矿作业，经煤矿安全监察人员责令立即停止"
      "作业，拒不停止作业的，由煤矿安全监察机构决定吊销安全生产许可证，并移送地质矿产主管部门依法吊销采矿许可证；构成犯罪的，依法"
      "追究刑事责任；造成损失的，依法承担赔偿责任。"],
     {(1, "行政处罚", "煤矿安全监察机构", "penalty")}),
    # --- procedures.tsv registration_as_notified, levy_work_noun, fund_deficit_subsidy, government_designates -------------
    # 农业机械安全监督管理条例 (2019) art. 44 (first sentence): 登记 in what one body tells another
    (["农业机械化主管部门应当定期向同级公安机关交通管理部门通报拖拉机登记、检验以及有关证书、牌照、操作证件发放情况。"], set()),
    # 青岛市税收征收协助条例 (2014) art. 3 para. 2: the levy as a field of work others assist
    (["镇人民政府、街道办事处应当协助税务机关在本辖区内开展税收征收工作。"], set()),
    # 广东省失业保险条例 (2022) art. 4: the government covers the fund's deficit
    (["县级以上人民政府应当依法保证失业保险基金的征集和失业保险待遇的支付，在失业保险基金出现支付不足时给予补贴。"], set()),
    # 工伤保险条例 (2010) art. 51 para. 1: the levy and the payment are what is inspected (inspected_process)
    (["社会保险行政部门依法对工伤保险费的征缴和工伤保险基金的支付情况进行监督检查。"],
     {(1, "行政检查", "社会保险行政部门", "inspection")}),
    # 内河交通安全管理条例 (2019) art. 37 para. 2: the government designates the inspecting department
    (["渡口所在地县级人民政府应当建立、健全渡口安全管理责任制，指定有关部门负责对渡口和渡运安全实施监督检查。"], set()),
]

# near misses whose other clauses are not this branch's: (articles, a clause that must be found)
KEPT = [
    # 山东省实施《残疾人保障法》办法 (2017) art. 19: the rest of a person's costs paid by the government is a benefit, no fund
    # deficit (fund_deficit_subsidy)
    (["卫生、民政等有关部门和残疾人联合会、医疗保健机构应当完善医疗康复服务网络，实施抢救性康复救助工作，所需费用按照规定从基本医疗"
      "保险或者新型农村合作医疗基金中支付，不足部分由当地人民政府给予补助。"],
     (1, "行政给付", "人民政府", "benefit")),
    # 义务教育法 art. 44 (the example of the benefit row): a payment the body makes, nothing inspected (inspected_process)
    (["各级人民政府对家庭经济困难的适龄儿童、少年免费提供教科书并补助寄宿生生活费。"], (1, "行政给付", "各级人民政府", "benefit")),
    # 税收征收管理法 (2015) art. 28: the collecting body's own 征收 of a named tax (levy_work_noun leaves it)
    (["税务机关依照法律、行政法规的规定征收税款，不得违反法律、行政法规的规定开征、停征、多征、少征、提前征收、延缓征收或者摊派税款。"],
     (1, "行政征收", "税务机关", "levy")),
]


@pytest.mark.parametrize("articles, expected", ROWS, ids=[f"{i:02d}-{a[0][:10]}" for i, (a, _) in enumerate(ROWS)])
def test_labour_construction(articles: list[str], expected: set) -> None:
    assert found(articles) == expected


@pytest.mark.parametrize("articles, clause", KEPT, ids=[f"{i:02d}-{a[0][:10]}" for i, (a, _) in enumerate(KEPT)])
def test_labour_near_miss_keeps_its_clause(articles: list[str], clause: tuple) -> None:
    assert clause in found(articles)


@pytest.mark.parametrize("text, expected", [
    ("特种设备安全监督管理部门依照本条例规定，对特种设备生产、使用单位和检验检测机构实施安全监察。", True),
    ("社会保险经办机构应当按时足额支付参保老年人依法享有的养老金，不得拖欠、克扣或者挪用。", True),
    # 军人保险法 (2012) art. 38 (the 支付 of an insurance benefit), and 证券法 (2019) art. 137 (no act, no body)
    ("军队后勤（联勤）机关财务部门应当按时足额支付军人保险金。", True),
    ("证券公司应当建立客户信息查询制度，确保客户能够查询其账户信息、委托记录、交易记录以及其他与接受服务或者业务有关的信息。", False),
])
def test_prefilter_reads_labour_acts(text: str, expected: bool) -> None:
    assert might_grant(text) is expected

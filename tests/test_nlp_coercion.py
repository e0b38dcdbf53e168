"""Constructions of public-security coercion (issue 12, branch i12-coercion): a table of (article text as the corpus has
it, expected clauses) with a near miss beside each row.

Each row this branch added to ``patterns/constructions.tsv`` (on_scene_removal, questioning, continued_questioning,
police_force, protective_restraint, traffic_control, coercive_measures), to ``patterns/subjects.tsv`` (the bare
人民警察) and the clauses.py change (X的人民警察 act for X) has a text here that it must read and one that it must not;
none of the texts is an article of the two laws the branch annotated (人民警察法, 行政复议法: tests/gold/dev).
"""

from __future__ import annotations

import pytest

from loaders.nlp.prefilter import might_grant

from .test_nlp_constructions import found

# (text, expected {(category, subject, construction)}), law and article in the comment
ROWS = [
    # --- 行政强制: on-the-spot removal and dispersal (on_scene_removal) ------------------------------------------
    # 大型群众性活动安全管理条例 (2007) art. 23: X可以将其强行带离现场 (the 治安管理处罚 beside it names X too)
    ("参加大型群众性活动的人员有违反本条例第九条规定行为的，由公安机关给予批评教育；有危害社会治安秩序、威胁公共安全行为的，"
     "公安机关可以将其强行带离现场，依法给予治安管理处罚；构成犯罪的，依法追究刑事责任。",
     {("行政处罚", "公安机关", "penalty_referral"), ("行政强制", "公安机关", "on_scene_removal")}),
    # near miss, 集会游行示威法实施条例 (2011) art. 28: 被强行带离现场 is a past measure told as the case of a procedure
    ("对于依照《集会游行示威法》第二十七条的规定被强行带离现场或者立即予以拘留的，公安机关应当在24小时以内进行讯问。", set()),
    # --- 行政检查 and 行政强制: questioning on the spot, and continued (questioning, continued_questioning) -------------
    # 公安机关办理行政案件程序规定 (2019) art. 57: 可以当场盘问、检查 … 对其继续盘问 (the 负责人's approval is internal)
    ("为维护社会秩序，人民警察对有违法嫌疑的人员，经表明执法身份后，可以当场盘问、检查。对当场盘问、检查后，不能排除其违法嫌疑，"
     "依法可以适用继续盘问的，可以将其带至公安机关，经公安派出所负责人批准，对其继续盘问。",
     {("行政检查", "人民警察", "questioning"), ("行政强制", "人民警察", "continued_questioning")}),
    # near miss, 海警法 (2021) art. 23: questioning as the case of a referral to another law
    ("海警机构为维护海上治安秩序，对有违法犯罪嫌疑的人员进行当场盘问、检查或者继续盘问的，依照《中华人民共和国人民警察法》的规定执行。",
     set()),
    # --- 行政强制: weapons and police equipment (police_force) --------------------------------------------------------
    # 反恐怖主义法 (2018) art. 62: 可以使用武器 / 可以直接使用武器
    ("人民警察、人民武装警察以及其他依法配备、携带武器的应对处置人员，对在现场持枪支、刀具等凶器或者使用其他危险方法，正在或者准备"
     "实施暴力行为的人员，经警告无效的，可以使用武器；紧急情况下或者警告后可能导致更为严重危害后果的，可以直接使用武器。",
     {("行政强制", "人民警察", "police_force")}),
    # near miss, 人民警察使用警械和武器条例 (1996) art. 15: the use of weapons is the case of a compensation (and the bare
    # 人民警察 of the case is no payer: patterns/subjects.tsv)
    ("人民警察依法使用警械、武器，造成无辜人员伤亡或者财产损失的，由该人民警察所属机关参照《中华人民共和国国家赔偿法》的有关规定"
     "给予补偿。", set()),
    # near miss, 人民警察使用警械和武器条例 (1996) art. 5: the use as a noun (…的行为，受法律保护)
    ("人民警察依法使用警械和武器的行为，受法律保护。", set()),
    # --- 行政强制: protective restraint (protective_restraint) ----------------------------------------------------------
    # 北京市医院安全秩序管理规定 (2020) art. 19: 公安机关或者医院可以依法对其实施保护性约束措施 (the hospital is no body)
    ("对威胁他人人身、财产或者公共安全，扰乱医院安全秩序的醉酒、吸毒、精神障碍患者等就诊人员，公安机关或者医院可以依法对其实施保护性"
     "约束措施或者保护性医疗措施。", {("行政强制", "公安机关", "protective_restraint")}),
    # near miss, 浙江省未成年人保护条例 (2016) art. 59: 保护性措施 for a minor is care, no restraint
    ("公安机关、城市管理行政执法等部门在执行职务时，发现流浪乞讨的未成年人，应当及时采取保护性措施，并安全护送其到社会救助机构接受"
     "救助。", set()),
    # --- 行政强制: traffic and scene control (traffic_control) ----------------------------------------------------------
    # 北京市实施《道路交通安全法》办法 (2018) art. 38: X可以采取临时交通管制措施
    ("遇有重大国事、外事活动，公安机关交通管理部门可以采取临时交通管制措施。",
     {("行政强制", "公安机关交通管理部门", "traffic_control")}),
    # near miss, 河源市暴雨灾害预警与响应条例 (2022) art. 5 (second sentence): the body that assists (协助X实施交通管制) holds
    # no power, and the sentence gives none by a modal
    ("交通运输主管部门督促、指导本辖区公路建设和管养单位开展公路巡查排查、应急抢险；协助公安交警部门实施交通管制，管控存在通行"
     "安全隐患的公路、隧道及桥梁。", set()),
    # near miss, 青岛市突发事件应对条例 (2017) art. 32: a duty of 相关单位 in a list of emergency steps
    ("气象、地质、地震等自然灾害红色预警信息发布后，相关单位应当根据应急预案或者相关规定关闭机场、跨海大桥，对高速公路实施交通管制，"
     "停止海上作业，关闭景区、景点、海水浴场以及沿海危险区域，调整公共交通，劝导疏散相关人员。", set()),
    # near miss, 山东省旅游条例 (2016) art. 51: the government that coordinates the departments (协调有关部门采取交通管制) holds
    # none of their measures
    ("景区客流量可能达到最大承载量时，景区应当采取引导旅游者、调整路线、暂停开放等措施，并向所在地人民政府报告。当地人民政府应当协调"
     "有关部门采取交通管制、车辆疏导等措施。", set()),
    # --- 行政强制: coercive measures named generically (coercive_measures) ------------------------------------------
    # 进出口关税条例 (2017) art. 40: 海关可以按照…的规定采取强制措施
    ("纳税义务人、担保人自缴纳税款期限届满之日起超过3个月仍未缴纳税款的，海关可以按照《海关法》第六十条的规定采取强制措施。",
     {("行政强制", "海关", "coercive_measures")}),
    # near miss, 非法金融机构和非法金融业务活动取缔办法 (2011) art. 11: measures against a criminal suspect are criminal
    ("对非法金融机构和非法金融业务活动的犯罪嫌疑人、涉案资金和财产，由公安机关依法采取强制措施，防止犯罪嫌疑人逃跑和转移资金、财产。",
     set()),
    # near miss, 安阳市城市管理综合执法条例 (2017) art. 25 (first sentence): how a measure is carried out, no grant
    ("城管执法部门实施行政强制措施，应当选择适当的方式，最大限度地减少当事人的损失。", set()),
    # --- 行政许可: an approval of a coercive measure is inside the administration (procedures.tsv approved_coercion) ----
    # 中华人民共和国水土保持法 (2010) art. 44: 报经X批准，可以查封、扣押 (the inspectors ask their department)
    ("被检查单位或者个人拒不停止违法行为，造成严重水土流失的，报经水行政主管部门批准，可以查封、扣押实施违法行为的工具及施工机械、设备等。",
     set()),
    # near miss, 外资银行管理条例 (2019) art. 16 (second sentence): the party asks to extend its own time limit, a licence
    ("在规定期限内未完成筹建工作的，应当说明理由，经拟设机构所在地的银行业监督管理机构批准，可以延长3个月。",
     {("行政许可", "银行业监督管理机构", "approval")}),
    # --- subject: the police of a named organ act for it (clauses.py _OFFICIALS_ACTING) -------------------------------
    # 公安机关适用继续盘问规定 (2004) art. 7: 公安机关的人民警察…可以当场盘问、检查 -> 公安机关
    ("为维护社会治安秩序，公安机关的人民警察对有违法犯罪嫌疑的人员，经表明执法身份后，可以当场盘问、检查。",
     {("行政检查", "公安机关", "questioning")}),
    # near miss, 监狱法 (2012) art. 14 para. 2: the police of an organ as the topic of their discipline
    ("监狱的人民警察有前款所列行为，构成犯罪的，依法追究刑事责任；尚未构成犯罪的，应当予以行政处分。", set()),
    # --- subject: the bare 人民警察 hold no reward or licence (patterns/subjects.tsv) ----------------------------------
    # 人民警察警衔条例 (2009) art. 18: a promotion of officers approved inside the police
    ("人民警察警衔晋级的批准权限适用第十三条批准权限的规定。警司、警员提前晋升的，由公安部政治部主任批准。", set()),
    # near miss, 集会游行示威法 (2009) art. 27 (second paragraph's sentence): the bare 人民警察 keep the on-the-spot
    # removal as written; the detention listed with it (强行带离现场或者立即予以拘留) is the same on-the-spot measure, no
    # 行政拘留 (集会游行示威法实施条例 art. 28: those removed or detained are questioned within 24 hours and released or
    # handed on, 需要追究法律责任的，依照有关法律规定办理)
    ("参加集会、游行、示威的人员越过依照本法第二十二条规定设置的临时警戒线、进入本法第二十三条所列不得举行集会、游行、示威的特定场所"
     "周边一定范围或者有其他违法犯罪行为的，人民警察可以将其强行带离现场或者立即予以拘留。",
     {("行政强制", "人民警察", "on_scene_removal")}),
    # near miss, 集会游行示威法 (2009) art. 33: a detention named before the removal (予以拘留或者强行遣回原地) is not read
    # into the removal; it stays with the penalty row (a known limit of the row, left as it was)
    ("公民在本人居住地以外的城市发动、组织当地公民的集会、游行、示威的，公安机关有权予以拘留或者强行遣回原地。",
     {("行政处罚", "公安机关", "penalty"), ("行政强制", "公安机关", "on_scene_removal")}),
]


# 反电信网络诈骗法 (2022) arts. 43-44 as one chapter: the 没收违法所得 that opens art. 44 is decided by the body the sentence
# names right after it (由公安机关处…罚款, clauses.py: ``later``), not by art. 43's 有关主管部门 carried from before
ANTI_FRAUD_43 = ("违反本法第二十五条第二款规定，由有关主管部门责令改正，情节较轻的，给予警告、通报批评，或者处五万元以上五十万元以下罚款；"
                 "情节严重的，处五十万元以上五百万元以下罚款，并可以由有关主管部门责令暂停相关业务、停业整顿、关闭网站或者应用程序，"
                 "对其直接负责的主管人员和其他直接责任人员，处一万元以上二十万元以下罚款。")
ANTI_FRAUD_44 = ("违反本法第三十一条第一款规定的，没收违法所得，由公安机关处违法所得一倍以上十倍以下罚款，没有违法所得或者违法所得不足二万元的，"
                 "处二十万元以下罚款；情节严重的，并处十五日以下拘留。")
# near miss, 政府采购法 (2014) art. 77 (first sentence): a body named after a later case (情节严重的，由X吊销营业执照) does not
# take the fine before it, which the law's designation keeps
PROCUREMENT_77 = ("供应商有下列情形之一的，处以采购金额千分之五以上千分之十以下的罚款，列入不良行为记录名单，在一至三年内禁止参加政府采购活动，"
                  "有违法所得的，并处没收违法所得，情节严重的，由工商行政管理机关吊销营业执照；构成犯罪的，依法追究刑事责任:")


def test_sanction_before_the_body_of_its_sentence() -> None:
    by_article = {}
    for article, category, subject, _ in found([ANTI_FRAUD_43, ANTI_FRAUD_44]):
        by_article.setdefault(article, set()).add((category, subject))
    assert by_article[2] == {("行政处罚", "公安机关")}
    assert ("行政处罚", "有关主管部门") in by_article[1]


def test_body_after_a_later_case_takes_only_its_own_sanction() -> None:
    from loaders.nlp.clauses import extract_findings
    from loaders.nlp.terms import find_terms, load_tables

    findings, _ = extract_findings(PROCUREMENT_77, find_terms(PROCUREMENT_77, load_tables()), ("政府采购监督管理部门", None))
    by_subject = {f.subject: set(f.actions) for f in findings}
    assert by_subject["工商行政管理机关"] == {"吊销营业执照"}
    assert "罚款" in by_subject["政府采购监督管理部门"]


@pytest.mark.parametrize("text, expected", ROWS, ids=[f"{i:02d}-{t[:10]}" for i, (t, _) in enumerate(ROWS)])
def test_coercion_construction(text: str, expected: set) -> None:
    assert {(cat, subj, cons) for _, cat, subj, cons in found([text])} == expected


@pytest.mark.parametrize("text, expected", [
    # 海关工作人员使用武器和警械的规定 (2011) art. 5: no act word but the use of equipment must pass the cheap test
    ("海关工作人员执行缉私任务，遇有下列情形之一的，可以使用警械：", True),
    # near miss, 监狱法 (2012) art. 13: a duty of officers names no act
    ("监狱的人民警察应当严格遵守宪法和法律，忠于职守，秉公执法，严守纪律，清正廉洁。", False),
])
def test_prefilter_reads_police_measures(text: str, expected: bool) -> None:
    assert might_grant(text) is expected



# 公安机关办理行政案件程序规定 (2019) art. 203: the measure is granted in para. 1, its items are its procedure
SUBSTITUTE_203 = ("依法作出要求被处理人履行排除妨碍、恢复原状等义务的行政处理决定，被处理人逾期不履行，经催告仍不履行，其后果已经或者将危害"
                  "交通安全的，公安机关可以代履行，或者委托没有利害关系的第三人代履行。\n代履行应当遵守下列规定：\n"
                  "（一）代履行前送达决定书，代履行决定书应当载明当事人的姓名或者名称、地址，代履行的理由和依据、方式和时间、标的、费用预算及"
                  "代履行人；\n（二）代履行三日前，催告当事人履行，当事人履行的，停止代履行；\n")


@pytest.mark.parametrize("act, expected", [
    ("代履行前", "sanction_noun_after"),  # item (一): the time of the measure (a row before this branch)
    ("代履行人", "measure_agent"),  # item (一): the one who carries it out
    ("停止代履行", "measure_stopped"),  # item (二): the measure stopped
    ("可以代履行", None),  # near miss, para. 1: the grant
])
def test_steps_of_a_measure_are_its_procedure(act: str, expected: str | None) -> None:
    at = SUBSTITUTE_203.index(act) + act.index("代履行")  # the act term 代履行 inside the words quoted
    assert _procedure_at(at, "行政强制", "公安机关") == expected


def _procedure_at(at: int, category: str, subject: str) -> str | None:
    """The procedures row that voids the act 代履行 at ``at`` of SUBSTITUTE_203 (None: a grant)."""
    import re

    from loaders.nlp.procedures import procedure_of

    text = SUBSTITUTE_203
    sentence_start = max(text.rfind(c, 0, at) for c in "。；\n") + 1
    end = re.search(r"[。；\n]|$", text[at:]).start() + at
    return procedure_of(text, category, subject, at, at + len("代履行"), (sentence_start, end), sentence_start)


@pytest.mark.parametrize("subject, category, none", [
    ("办案人民警察", "行政强制", True),  # 公安机关办理行政案件程序规定 art. 190: officers of a case
    ("一名人民警察", "行政强制", True),  # art. 53's 由一名人民警察 …
    ("人民警察", "行政强制", False),  # near miss, 集会游行示威法 art. 27: the bare 人民警察 keep the measure
    ("人民警察", "行政奖励", True),  # 人民警察法-style rewards of officers (人民警察警衔条例 art. 18 above)
])
def test_officers_named_by_their_task_hold_nothing(subject: str, category: str, none: bool) -> None:
    from loaders.nlp.clauses import _no_subject

    assert _no_subject(subject, category) is none

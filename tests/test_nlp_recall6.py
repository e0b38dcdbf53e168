"""Constructions fixed from the fifth recall sample (bench/recall_sample/fifth, branch i12-recall6, issue 12).

Each general cause behind an error of that sample has a row here of (article text as the corpus has it, expected
(category, subject, construction)): the corpus example the rule cites, more instances of the construction found in the
corpus, and near misses that must not change.  The rules are in loaders/nlp/clauses.py, terms.py and patterns/*.tsv
(comments marked i12-recall6); the figures in BENCHMARKS.md and bench/recall_sample/README.md.
"""

from __future__ import annotations

import pytest

from .test_nlp_constructions import found

CASES = [
    # --- X或Y: a one-character 或 joins two bodies as 或者 does (clauses._classify_bodies, _LEVEL_LIST, ...) ---
    # 郑州市嵩山历史建筑群保护管理条例 art. 7 (fifth sample no. 25)
    ("对在嵩山历史建筑群保护、管理工作中作出突出成绩的单位和个人，由郑州市人民政府或登封市人民政府给予表彰、奖励。",
     {("行政奖励", "郑州市人民政府", "reward"), ("行政奖励", "登封市人民政府", "reward")}),
    # 泰安市城市绿化条例 art. 38 (one of about 300 lines of the corpus with X或Y between bodies)
    ("违反本条例规定，未对超过三个月不能开工的建设用地的裸露地面进行绿化的，由城市管理行政主管部门或综合行政执法部门责令改正，"
     "处一万元以上十万元以下的罚款。",
     {("行政处罚", "城市管理行政主管部门", "penalty"), ("行政处罚", "综合行政执法部门", "penalty")}),
    # 省或省辖市X: one body per level word, as 市或者区X (河南省气象条例 art. 30, fifth no. 20; with the 资质认定 row below)
    ("从事升放无人驾驶自由气球、系留气球的单位，应当经省或省辖市气象主管机构进行资质认定。",
     {("行政许可", "省气象主管机构", "qualification_accreditation"),
      ("行政许可", "省辖市气象主管机构", "qualification_accreditation")}),
    # near miss: 或 between a body and a party is no list of bodies (山东省统计管理条例 art. 38)
    ("有关主管部门或单位应及时认真查处。", set()),
    # --- the level of the first body reaches 或者其他有关部门 (clauses._expand_elliptic, fifth no. 7) ---
    ("违反本条例规定，新建、改建、扩建建设项目，建设单位未配套建设再生水利用设施的，由县级以上人民政府住房城乡建设主管部门或者其他"
     "有关部门责令限期改正；逾期未改正的，处十万元以上二十万元以下罚款。",
     {("行政处罚", "县级以上人民政府住房城乡建设主管部门", "penalty"), ("行政处罚", "县级以上人民政府其他有关部门", "penalty")}),
    # near miss: a second body that names its own level keeps it (河南省气象条例 art. 21), 市场 is no level word
    ("从事防雷装置检测、防雷工程专业设计、施工的单位，应当经国务院气象主管机构或者省气象主管机构进行资质认定。",
     {("行政许可", "国务院气象主管机构", "qualification_accreditation"),
      ("行政许可", "省气象主管机构", "qualification_accreditation")}),
    ("县级以上人民政府农业农村主管部门、市场监督管理部门应当加强监督检查。",
     {("行政检查", "县级以上人民政府农业农村主管部门", "inspection"), ("行政检查", "县级以上人民政府市场监督管理部门", "inspection")}),
    # --- 经过X同意 is 经X同意: the body starts after 过 (terms._BOUNDARY_WORDS, fifth no. 10) ---
    ("在河道、湖泊新建、改建或者扩大入河排污口，应当经过区县水行政主管部门同意。",
     {("行政许可", "区县水行政主管部门", "approval")}),
    # 山东省高速公路交通安全条例 art. 29
    ("影响高速公路交通安全的养护施工应当事先经过公安机关交通管理部门同意。",
     {("行政许可", "公安机关交通管理部门", "approval")}),
    # near miss: 经过 of a procedure, no body (职业病防治法 art. 68)
    ("职业卫生监督执法人员应当依法经过资格认定。", set()),
    # --- a body defined by a relative clause 承担…职责的部门 (bodies.tsv, fifth no. 3) ---
    ("市药品监管部门、区人民政府承担药品监管职责的部门（以下统称药品监管部门）负责本行政区域内的药品和医疗器械监督管理工作。",
     {("其他", "市药品监管部门", "competence"), ("其他", "区人民政府承担药品监管职责的部门", "competence")}),
    # 中国人民解放军实施《药品管理法》办法 art. 36 (made a sanction: the same body name)
    ("由县级以上地方人民政府承担药品监督管理职责的部门依法组织查处，处一万元罚款。",
     {("行政处罚", "县级以上地方人民政府承担药品监督管理职责的部门", "penalty")}),
    # near miss: a party bearing a cost is no body
    ("所需费用由承担赔偿责任的单位支付。", set()),
    # --- a licence duty before a case is a main clause (clauses._LICENCE_DUTY; 洛阳市公路路政管理条例 art. 16, fifth no. 23) ---
    ("因架设线路、修建管道、开设道口等，需要对行道树进行修剪时，须征得公路管理机构同意，确需采伐的，应当依法办理采伐手续。",
     {("行政许可", "公路管理机构", "approval")}),
    # near miss: the case a sentence opens with stays a case (未经批准…的, 由X处罚)
    ("违反本条例规定，未经批准擅自占用公路的，由交通主管部门责令停止违法行为，处五千元以下罚款。",
     {("行政处罚", "交通主管部门", "penalty")}),
    # --- 禁止…但经X批准的…除外: the exception lifts a bar, X's licence (clauses._exception_licence; fifth no. 14) ---
    ("市南区、市北区、李沧区和其他各县级市、区城区内,禁止任何单位和个人在室外使用高音广播喇叭。但属于下列情况之一者除外:\n"
     "（一）经县级以上人民政府批准的社会活动;\n（二）抢险、抢修、救灾等紧急情况;\n（三）体育场和海水浴场在开放使用期间。",
     {("行政许可", "县级以上人民政府", "approval")}),
    # 河南省《集会游行示威法》实施办法 art. 24: the exception in the next sentence of the paragraph
    ("国宾下榻处、重要军事设施、航空港、火车站周边距离十米至三百米内，不得举行集会、游行、示威。经省人民政府批准的除外。",
     {("行政许可", "省人民政府", "approval")}),
    # near misses: an item 经X批准的… of a list that lifts no bar (企业所得税法实施条例 art. 83), a presupposition
    ("下列收入为免税收入：\n（三）经国务院批准的其他所得。", set()),
    ("经批准的农村绿化规划必须严格执行，不得随意变更。", set()),
    # --- 资质认定 / 资格认定 by a body is a qualification licence (constructions.tsv qualification_accreditation) ---
    # 北京市旅游管理条例 art. 30
    ("旅行社、饭店、旅游区（点）的中高级管理人员应当经培训合格，由市旅游行政主管部门或者会同有关管理部门进行资格认定。",
     {("行政许可", "市旅游行政主管部门", "qualification_accreditation")}),
    # near miss: the conditions of an accreditation are no act (食品安全法 art. 84)
    ("食品检验机构的资质认定条件和检验规范，由国务院食品安全监督管理部门规定。", set()),
    # --- 气象主管机构, 交通主管机构: 主管机构 is a body suffix (bodies.tsv; 633 mentions of 气象主管机构 in the corpus) ---
    ("违反本条例规定，有下列行为之一的，由县级以上气象主管机构按照权限责令改正，给予警告，可以并处五万元以下的罚款：\n"
     "（一）非法向社会发布公众气象预报的；",
     {("行政处罚", "县级以上气象主管机构", "penalty")}),
    # --- 由主管部门: the bare role after 由 is the acting body, kept as written (terms.find_terms; fifth no. 27) ---
    ("挪用、克扣或截留科技经费的，由主管部门责令其限期归还，并视情节轻重，由上级机关或所在单位对直接责任人员给予行政处分；"
     "构成犯罪的，依法追究刑事责任。",
     {("其他", "主管部门", "order_to_correct")}),
    # 河南省道路运输条例 art. 41
    ("出租汽车不按规定装置并正确使用里程计价器，拒载乘客或故意绕路行驶的，由主管部门给予警告，责令改正，并处二百元以上一千元以下罚款。",
     {("行政处罚", "主管部门", "penalty")}),
    # near misses: discipline by the supervising body is no power (洛阳市城市房地产市场管理条例), nor a bare 主管部门 elsewhere
    ("房地产市场管理工作人员玩忽职守、滥用职权、徇私舞弊的，由主管部门给予行政处分；构成犯罪的，依法追究其刑事责任。", set()),
    ("申请人应当向主管部门提交申请材料。", set()),
    # --- 负责…的统一管理 is a competence (constructions.tsv; 浙江省钱塘江管理条例 art. 7, fifth no. 32) ---
    ("省水行政主管部门负责钱塘江河道的统一管理，其所属的钱塘江管理机构承担下列职责：\n（一）省直管江堤、海塘的建设、维护和管理；",
     {("其他", "省水行政主管部门", "competence")}),
    # near miss: a department's management of public debt is inside the administration (预算法 art. 35)
    ("国务院财政部门具体负责对中央政府债务的统一管理。", set()),
    # --- 收费 as a noun (收费票据, 违规收费活动) is no levy (constructions.tsv levy row; fifth nos. 17, 21) ---
    ("收费单位应当向企业说明项目性质、标准并出示收费依据、省物价部门核发的收费许可证和执收公务证，使用国家规定的专用票据或省财政部门"
     "印制或监制的行政事业性收费票据。", set()),
    ("价格行政主管部门负责监督检查价格公示、违规收费活动。", {("行政检查", "价格行政主管部门", "inspection")}),
    # near miss: the collecting act stays a levy (国境卫生检疫法 art. 26, the row's example)
    ("国境卫生检疫机关对入境、出境的交通工具实施卫生处理，按照国家规定收取费用。",
     {("行政征收", "国境卫生检疫机关", "levy")}),
    # --- 建议X责成Y…: a proposal that one body order another, no act (clauses._PROPOSED; fifth no. 42) ---
    ("监事会根据对国有金融机构进行监督检查的情况，可以建议国务院责成审计署和财政部、中国人民银行、中国证券监督管理委员会、"
     "中国保险监督管理委员会依据各自的职权依法对国有金融机构进行审计或者检查。", set()),
    # near miss: a proposal to the body that acts itself names it (商业银行法 art. 76, dev gold)
    ("商业银行有下列情形之一，由中国人民银行责令改正，处五十万元以上二百万元以下罚款；情节特别严重的，中国人民银行可以建议国务院"
     "银行业监督管理机构责令停业整顿或者吊销其经营许可证：\n（一）未经批准办理结汇、售汇的；",
     {("行政处罚", "中国人民银行", "penalty"), ("行政处罚", "国务院银行业监督管理机构", "penalty")}),
    # --- a chapeau's competence goes to the bodies its items open with (clauses._distribute_chapeau; fifth no. 21) ---
    ("县级以上人民政府相关行政主管部门按照各自职责，负责物业管理区域内下列工作：\n"
     "（一）规划行政主管部门负责物业管理用房、老旧小区加装电梯等规划，负责对违法建筑的认定;\n"
     "（二）城市管理执法部门负责查处违法建筑、毁坏绿地等行为;\n"
     "（三）工商行政管理部门负责监督检查无照经营活动;\n"
     "（四）财政、审计行政主管部门负责对物业管理行政主管部门专项维修资金使用和管理情况的监督检查；",
     {("行政确认", "规划行政主管部门", "registration"), ("其他", "城市管理执法部门", "competence"),
      ("行政检查", "工商行政管理部门", "inspection")}),
    # near miss: a chapeau whose items name no body keeps its own subject
    ("县级以上人民政府林业主管部门负责下列工作：\n（一）森林资源的保护管理工作；\n（二）林木采伐的监督管理工作。",
     {("其他", "县级以上人民政府林业主管部门", "competence")}),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[t[:14] for t, _ in CASES])
def test_recall6_construction(text: str, expected: set) -> None:
    assert {(cat, subj, cons) for _, cat, subj, cons in found([text])} == expected

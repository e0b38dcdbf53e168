"""Constructions of local regulations (地方性法规) found through the local sample (bench/recall_sample/local, issue 12,
branch i12-local): tables of (article text as the corpus has it, expected {(category, subject, construction)}), a near
miss beside each row.

Rows of this branch: the i12-local row at the end of ``patterns/bodies.tsv`` (执法总队 / 执法支队 / 执法大队, the
城市管理综合执法组织 of Beijing's regulations), the competence row right after the i12-subject block of
``patterns/constructions.tsv`` (X负责指导、协调、监督…工作), the 授权 exception of ``patterns/nonpowers.tsv`` (依照本条例的
授权 / 按照…授权的范围 is the authority the acting body holds, no delegation) and 按照 / 依照 / 根据 before a body in
``loaders/nlp/clauses.py`` (the body whose decision is followed does not act).
"""

from __future__ import annotations

import pytest

from .test_nlp_constructions import found

ROWS = [
    # --- bodies.tsv: a law-enforcement corps (执法总队/支队/大队) and Beijing's 城市管理综合执法组织 ------------------
    # 上海市河道管理条例 art. 44 (local sample no. 6); 乡（镇）水利机构 stays unread (one law only)
    ("违反本条例第三十四条第二款规定，由市水务执法总队、区河道行政主管部门或者乡（镇）水利机构责令其停止违法行为，限期改正，"
     "并可处以一万元以下的罚款。",
     {("行政处罚", "市水务执法总队", "penalty"), ("行政处罚", "区河道行政主管部门", "penalty")}),
    # 上海市公共汽车和电车客运管理条例 art. 48
    ("驾驶员、乘务员、调度员有下列行为之一的，市交通执法总队或者区交通执法机构可处以警告或者五十元以上二百元以下的罚款：",
     {("行政处罚", "市交通执法总队", "penalty"), ("行政处罚", "区交通执法机构", "penalty")}),
    # 北京市公园条例 art. 56 (second sentence)
    ("对其他公园内的上述违法行为的行政处罚，由城市管理综合执法组织实施。",
     {("行政处罚", "城市管理综合执法组织", "penalty_designation")}),
    # near miss: 组织 alone is no body (a social organisation acts on its members)
    ("行业协会等社会组织应当对会员实施行业自律管理，可以依照章程对会员给予警告。", set()),
    # near miss: the corps' staff are disciplined (tests/gold/README.md rule 2), no power of the corps
    ("市水务执法总队工作人员玩忽职守、滥用职权的，由所在单位依法给予处分。", set()),
    # --- nonpowers.tsv: 授权 as a noun is the acting body's authority -------------------------------------------
    # 北京市公园条例 art. 58 para. 2 (local sample no. 9); 按照 before 市人民政府 keeps it from acting (clauses.py)
    ("城市管理综合执法组织按照市人民政府授权的范围，依法对本条例规定的违法行为实施行政处罚。",
     {("行政处罚", "城市管理综合执法组织", "penalty_referral")}),
    # 上海市排水与污水处理条例 art. 5 (second sentence)
    ("其所属的上海市水务局执法总队（以下简称市水务行政执法机构）按照本条例的授权，实施行政处罚。",
     {("行政处罚", "上海市水务局执法总队", "penalty_referral")}),
    # near miss: a government delegating the power (授权 the verb) stays inside the administration
    ("市人民政府可以授权城市管理综合执法部门实施本条例规定的行政处罚。", set()),
    # near miss: 委托 after 的 is still a delegation (the agent acts for the body that entrusts it)
    ("受委托组织依照行政机关的委托实施行政处罚。", set()),
    # --- clauses.py: a body after 按照 / 依照 / 根据 is followed, it does not act ------------------------------
    # 上海市城市管理行政执法条例 art. 11 item (八) (shortened): the subject was 市人民政府
    ("城管执法部门按照市人民政府确定的职责分工，对擅自搭建建筑物、构筑物的违法行为实施行政处罚。",
     {("行政处罚", "城管执法部门", "penalty_referral")}),
    # near miss: the government acting itself, the level it follows named after 按照 is no body
    ("县级以上人民政府按照国家规定给予补偿。", {("行政给付", "县级以上人民政府", "benefit")}),
    # --- constructions.tsv: X负责指导、协调、监督…工作 is a department's competence ---------------------------------
    # 滨州市渤海老区革命遗址遗迹保护条例 art. 7 para. 2
    ("市、县（区）文物行政部门负责指导、协调和监督本行政区域内革命遗址遗迹保护管理工作。",
     {("其他", "市、县（区）文物行政部门", "competence")}),
    # 广东省华侨权益保护条例 art. 4 para. 3 (local sample no. 25)
    ("县级以上人民政府负责侨务工作的部门负责指导、协调、监督华侨权益保护工作，并加强对华侨权益保护有关法律、法规和政策的宣传。",
     {("其他", "县级以上人民政府负责侨务工作的部门", "competence")}),
    # near miss: guidance alone, no supervision (浙江省国防教育条例 art. 9 style; 宁波市医疗纠纷预防与处置条例 art. 4)
    ("司法行政部门负责指导医疗纠纷人民调解工作。", set()),
    # near miss: a government's own coordination of a work is its leadership, no department's competence
    ("县级以上人民政府负责指导、协调、监督本行政区域内的安全生产工作。", set()),
    # near miss, 市场监督管理行政处罚信息公示规定 art. 17: the departments supervised are lower departments (internal)
    ("各省、自治区、直辖市市场监督管理部门负责组织、指导、监督辖区内各级市场监督管理部门行政处罚信息公示工作。", set()),
    # --- constructions.tsv penalty_designation: 本条例规定的行政处罚以及与行政处罚相关的…，由X实施 ------------------------
    # 济宁市城镇容貌和环境卫生管理条例 art. 8 (the article and its designation: extract.py _DESIGNATION reads the formula)
    ("本条例规定的行政处罚以及与行政处罚相关的行政强制措施，除法律、法规和本条例另有规定外，由城市管理部门实施。",
     {("行政处罚", "城市管理部门", "penalty_designation")}),
    # 杭州市生活垃圾管理条例 art. 71
    ("本条例规定的行政处罚以及与行政处罚相关的监督检查等职权，可以根据省人民政府的决定，由市和区、县（市）综合行政执法部门行使。",
     {("行政处罚", "市和区、县（市）综合行政执法部门", "penalty_designation")}),
    # near miss: the measures alone, no penalty designated
    ("与行政处罚相关的行政强制措施，应当依照行政强制法的规定实施。", set()),
    # --- procedures.tsv authorised_operator: an operator the government chose is no public body --------------------
    # 杭州市城市轨道交通管理条例 art. 7 (a gained entry of 市人民政府 once 授权 was read as a noun)
    ("市人民政府依法确定的城市轨道交通运营单位依照本条例的授权实施行政处罚。", set()),
    # 上海市轨道交通管理条例 art. 4 (first sentence)
    ("市人民政府确定的轨道交通企业具体负责本市轨道交通的建设和运营，并按照本条例的授权实施行政处罚。", set()),
    # near miss: a department the government names is a public body and keeps its penalty (named as written)
    ("由市人民政府确定的部门依照本条例的授权实施行政处罚。", {("行政处罚", "市人民政府确定的部门", "penalty_referral")}),
    # --- procedures.tsv plan_change_approved: a plan changed goes back to the body that approved it ------------------
    # 泰安市供热条例 art. 7 para. 3 (local sample no. 19, a false 行政许可 of 原批准机关)
    ("经批准的供热专项规划不得擅自变更；确需变更的，应当报原批准机关批准。", set()),
    # 浙江省风景名胜区条例 art. 19
    ("风景名胜区详细规划确需修改的，应当报原审批机关批准。", set()),
    # near miss: a party's planning permit changed is its licence
    ("建设单位取得的建设工程规划许可证确需变更的，应当报原审批机关批准。", {("行政许可", "原审批机关", "approval")}),
    # near miss: no plan, a party's design changed
    ("建设单位需要变更施工图设计的，应当报原审批机关批准。", {("行政许可", "原审批机关", "approval")}),
]


# (articles of one statute, expected {(article, category, subject)}): the designation reaches an article naming no body
DESIGNATED = [
    # 济宁市城镇容貌和环境卫生管理条例 arts. 8 and 32 (shortened): the penalty named no body and took 国家机关 carried from
    # an earlier article
    (["本条例规定的行政处罚以及与行政处罚相关的行政强制措施，除法律、法规和本条例另有规定外，由城市管理部门实施。",
      "窨井盖、沟盖、雨箅等设施出现破损的，产权单位应当及时补装。\n违反前款规定的，责令限期改正；逾期不改正的，处以一千元以上二万元以下的罚款。"],
     {(1, "行政处罚", "城市管理部门"), (2, "行政处罚", "城市管理部门")}),
    # near miss: the measures alone designate nothing; the penalty takes the law's competent department
    (["县级以上人民政府市容环境卫生主管部门负责本行政区域内的市容环境卫生管理工作。",
      "与行政处罚相关的行政强制措施，依照行政强制法的规定实施。",
      "窨井盖、沟盖、雨箅等设施出现破损的，产权单位应当及时补装。\n违反前款规定的，责令限期改正；逾期不改正的，处以一千元以上二万元以下的罚款。"],
     {(1, "其他", "县级以上人民政府市容环境卫生主管部门"), (3, "行政处罚", "县级以上人民政府市容环境卫生主管部门")}),
]


@pytest.mark.parametrize("articles,expected", DESIGNATED)
def test_local_designation_reaches_later_articles(articles, expected):
    assert {(article, cat, subject) for article, cat, subject, _ in found(articles)} == expected


@pytest.mark.parametrize("text,expected", ROWS)
def test_local_regulation_constructions(text, expected):
    assert {(cat, subject, construction) for _, cat, subject, construction in found([text])} == expected

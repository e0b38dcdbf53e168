"""Constructions of the planning and heritage sector (issue 12, branch i12-planning): a table of (article text as the
corpus has it, expected clauses), each rule the branch added to ``patterns/nonpowers.tsv``, ``patterns/constructions.tsv``
and ``clauses.py`` with a text it must read and a near miss it must not.

None of the texts is from the two regulations the branch annotated (tests/gold/dev/村庄和集镇规划建设管理条例.jsonl,
历史文化名城名镇名村保护条例.jsonl): the rules were written from the construction, and these are other statutes that use it.
"""

from __future__ import annotations

import pytest

from .test_nlp_constructions import found

# (text, expected {(category, subject, construction)}), law and article in the comment
ROWS = [
    # --- the government above sanctions a lower government or a department (patterns/nonpowers.tsv) ---------------
    # 血吸虫病防治条例 (2019) art. 47 para. 2: 由上级人民政府责令改正，通报批评 of a township: inside the administration
    ("乡(镇)人民政府未依照本条例的规定采取血吸虫病防治措施的，由上级人民政府责令改正，通报批评；造成血吸虫病传播、流行或者"
     "其他严重后果的，对负有责任的主管人员，依法给予行政处分；负有责任的主管人员构成犯罪的，依法追究刑事责任。", set()),
    # 残疾人教育条例 (2017) art. 56: the second sentence (情节严重的，予以通报批评) is the same superior's, not another body's
    ("地方各级人民政府及其有关部门违反本条例规定，未履行残疾人教育相关职责的，由上一级人民政府或者其有关部门责令限期改正；"
     "情节严重的，予以通报批评，并对直接负责的主管人员和其他直接责任人员依法给予处分。", set()),
    # --- a body opening the clause, a comma, then its misconduct: 违反…，X，未按照…的 ----------------------------
    # 病原微生物实验室生物安全管理条例 (2018) art. 69
    ("县级以上人民政府有关主管部门，未依照本条例的规定履行实验室及其实验活动监督检查职责的，由有关人民政府在各自职责范围内"
     "责令改正，通报批评；造成传染病传播、流行或者其他严重后果的，对直接负责的主管人员，依法给予行政处分；构成犯罪的，"
     "依法追究刑事责任。", set()),
    # near miss, 乡村医生从业管理条例 art. 40: the noun before the comma is the party (…的村医疗卫生机构), and the department
    # named by 由 (县级人民政府… is no superior government) fines it
    ("乡村医生变更执业的村医疗卫生机构，未办理变更执业注册手续的，由县级人民政府卫生行政主管部门给予警告，责令限期办理变更注册"
     "手续。", {("行政处罚", "县级人民政府卫生行政主管部门", "penalty"),
               ("行政许可", "县级人民政府卫生行政主管部门", "registration_life")}),
    # (the 行政许可 is read from 责令限期办理变更注册手续, as before the branch)
    # --- X依照前款规定处罚: the penalty of the paragraph before, for the body named beside it ----------------------
    # 长城保护条例 art. 26 para. 2
    ("将长城段落辟为参观游览区未按照本条例规定备案的，由省级以上人民政府文物主管部门按照职权划分责令限期改正，逾期不改正的，"
     "依照前款规定处罚。", {("行政处罚", "省级以上人民政府文物主管部门", "penalty_referral")}),
    # 城市公共交通条例 (2024) art. 45 para. 2
    ("城市公共交通企业将其运营的城市公共交通线路转让、出租或者变相转让、出租给他人运营的，由城市人民政府城市公共交通主管部门"
     "责令改正，并依照前款规定处罚。", {("行政处罚", "城市人民政府城市公共交通主管部门", "penalty_referral")}),
    # near miss, 校车安全管理条例 art. 44 para. 2: a referral with no body beside it holds nothing; the 吊销 is the named body's
    ("取得道路运输经营许可的企业或者个体经营者有前款规定的违法行为，除依照前款规定处罚外，情节严重的，由交通运输主管部门吊销"
     "其经营许可证件。", {("行政处罚", "交通运输主管部门", "penalty")}),
    # --- a chain of steps of one licence: 经X审核、Y批准 ----------------------------------------------------------
    # 北京市绿化条例 (2019) art. 57
    ("任何单位和个人不得擅自改变绿地的性质和用途。中心城、新城、建制镇范围内，因基础设施建设等特殊原因需要改变公共绿地性质和"
     "用途的，应当经市人民政府批准。需要改变其他绿地性质和用途的，应当经市园林绿化行政主管部门审核、市规划国土行政主管部门批准。",
     {("行政许可", "市人民政府", "approval"), ("行政许可", "市园林绿化行政主管部门", "approval"),
      ("行政许可", "市规划国土行政主管部门", "approval")}),
    # --- a government's order to give back what a party took (其他) --------------------------------------------
    # 土地管理法实施条例 (2021) art. 62
    ("违反土地管理法律、法规规定，阻挠国家建设征收土地的，由县级以上地方人民政府责令交出土地；拒不交出土地的，依法申请人民法院"
     "强制执行。", {("其他", "县级以上地方人民政府", "order_to_correct")}),
    # 河南省村庄和集镇规划建设管理条例 (2010) art. 32
    ("违反法律、法规和本条例规定，未按规划审批程序批准或弄虚作假骗取批准而取得建设用地批准文件的，所取得的建设用地批准文件无效，"
     "占用的土地由县级以上人民政府土地管理部门责令退回；属于农村居民住宅建设的，可以由乡级人民政府责令退回。对违法审批土地的"
     "直接责任人员给予行政处分。",
     {("其他", "县级以上人民政府土地管理部门", "order_to_correct"), ("其他", "乡级人民政府", "order_to_correct"),
      ("行政许可", "县级以上人民政府土地管理部门", "approval")}),
    # (the 行政许可 is read from the case 未按规划审批程序批准, an error the branch did not touch)
    # near miss, 上海市实施《农业技术推广法》办法 art. 32: the government names the department that orders; it orders nothing
    ("违反本办法第二十二条第二款规定的，由各级人民政府指定有关部门责令退还，并对有关责任人员给予行政处分；情节严重构成犯罪的，"
     "依法追究刑事责任。", set()),
    # --- a past grant as the attribute of a noun: 已批准…的X ----------------------------------------------------
    # 放射性物品运输安全管理条例 art. 44 para. 2 (the 监督检查 of the provinces' departments stays)
    ("国务院核安全监管部门应当将其已批准或者备案的一类、二类、三类放射性物品运输容器的设计、制造情况和放射性物品运输情况通报设计、"
     "制造单位所在地和运输途经地的省、自治区、直辖市人民政府环境保护主管部门。省、自治区、直辖市人民政府环境保护主管部门应当加强"
     "对本行政区域放射性物品运输安全的监督检查和监督性监测。",
     {("行政检查", "省、自治区、直辖市人民政府环境保护主管部门", "inspection")}),
    # --- 逾期不改正的，可以拆除: the demolition that follows an order not obeyed (行政强制, the ordering body's) ----------
    # 重庆市村镇规划建设管理条例 (2015) art. 49
    ("违反乡（镇）人民政府核发的农村居民住宅建设规划许可的规定进行建设的，由乡（镇）人民政府责令停止建设、限期改正，逾期不改正的，"
     "可以拆除。", {("行政处罚", "乡（镇）人民政府", "penalty"), ("行政强制", "乡（镇）人民政府", "demolition")}),
    # near miss, 企业投资项目核准和备案管理条例 art. 19: what follows the order not obeyed is a fine
    ("实行备案管理的项目，企业未依照本条例规定将项目信息或者已备案项目的信息变更情况告知备案机关，或者向备案机关提供虚假信息的，"
     "由备案机关责令限期改正；逾期不改正的，处2万元以上5万元以下的罚款。", {("行政处罚", "备案机关", "penalty")}),
    # --- the site-selection opinion, a planning licence: 核发选址意见书 --------------------------------------------
    # 河南省村庄和集镇规划建设管理条例 (2010) art. 17
    ("按照本条例第十五条、第十六条规定申请村镇建设工程选址的，按照审批权限，县级建设行政主管部门应自接到申请之日起三十日内"
     "核发选址意见书。", {("行政许可", "县级建设行政主管部门", "certificate")}),
    # near miss, 城镇燃气管理条例 art. 12 para. 2, first sentence (dev gold: no entry): the licence is the time of a
    # consultation, 在依法核发选址意见书时
    ("对燃气发展规划范围内的燃气设施建设工程，城乡规划主管部门在依法核发选址意见书时，应当就燃气设施建设是否符合燃气发展规划"
     "征求燃气管理部门的意见。", set()),
]


@pytest.mark.parametrize("text, expected", ROWS, ids=[f"{i:02d}-{t[:10]}" for i, (t, _) in enumerate(ROWS)])
def test_planning_construction(text: str, expected: set) -> None:
    assert {(cat, subj, cons) for _, cat, subj, cons in found([text])} == expected

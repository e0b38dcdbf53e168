"""Constructions found through the list-supervised misses (issue 12 deliverable 3, branch i12-lists): a table of
(article text as the corpus has it, expected clauses) with a near miss beside each row.

Each row this branch added to ``patterns/constructions.tsv`` (the last rows of the file, the i12-lists block:
``review_consent``, ``inspection_test``) and the 经/由/向有关的 boundary of ``loaders/nlp/terms.py`` has at least
one text here that it must read and one that it must not.
"""

from __future__ import annotations

import pytest

from .test_nlp_constructions import found

# (text, expected {(category, subject, construction)}), law and article in the comment
ROWS = [
    # --- review_consent: 经X审查同意 / 经X检查和同意 is X's consent (a licence) -------------------------------
    # 档案法实施办法 (2017) art. 21 para. 4; 有关的 after 经 starts the body (terms._BOUNDARY_WORDS)
    ("机关、团体、企业事业单位和其他组织以及中国公民利用档案馆保存的未开放的档案，须经保存该档案的档案馆同意，必要时还须经有关的"
     "档案行政管理部门审查同意。",
     {("行政许可", "档案行政管理部门", "review_consent")}),
    # 杭州市精神卫生条例 (2016) art. 14
    ("设立非营利性心理咨询机构的，应当经卫生行政部门审查同意，向民政部门申请办理民办非企业单位登记。",
     {("行政许可", "卫生行政部门", "review_consent"), ("行政确认", "民政部门", "registration")}),
    # near miss: the consent presupposed in a noun phrase (经X审查同意的单位)
    ("经卫生行政部门审查同意的单位，可以从事该项活动。", set()),
    # near miss: the consent of a company organ, no body
    ("公司的合并，应当经股东会审查同意。", set()),
    # near miss, 抗旱条例 (2009) art. 27: a body's plan reviewed by the body one level up, inside the administration
    ("县级以上地方人民政府防汛抗旱指挥机构组织其成员单位编制抗旱预案，经上一级人民政府防汛抗旱指挥机构审查同意，"
     "报本级人民政府批准后实施。", set()),
    # near miss, 国有资产评估管理办法 (2020) art. 13 (first sentence): a state asset holder and its own 主管部门
    ("依照本办法第三条、第四条规定进行资产评估的占有单位，经其主管部门审查同意后，应当向同级国有资产管理行政主管部门提交资产评估"
     "立项申请书，并附财产目录和有关会计报表等资料。", set()),
    # near miss, 北京市信息化促进条例 art. 29 (shortened): the applicant is a state organ, named before a ；
    ("本市各级国家机关的业务应用系统，凡不宜通过互联网实现的，必须依托全市统一的电子政务网络；需要接入全市统一的电子政务网络的，"
     "应当符合有关规范，并经市信息化主管部门审查同意。", set()),
    # --- inspection_test: X对…进行…检验 ------------------------------------------------------------------
    # 农业机械安全监督管理条例 (2019) art. 30 para. 1
    ("县级以上地方人民政府农业机械化主管部门应当定期对危及人身财产安全的农业机械进行免费实地安全检验。但是道路交通安全法律对"
     "拖拉机的安全检验另有规定的，从其规定。",
     {("行政检查", "县级以上地方人民政府农业机械化主管部门", "inspection_test")}),
    # 核安全法 (2017) art. 36 (first sentence)
    ("国务院核安全监督管理部门依法对进口的核安全设备进行安全检验。",
     {("行政检查", "国务院核安全监督管理部门", "inspection_test")}),
    # near miss: a technical agency's test (no body of tests/gold/README.md rule 1)
    ("检验机构应当对送检的样品进行检验，并出具检验报告。", set()),
    # near miss: an enterprise's own test
    ("生产企业应当对出厂产品进行检验。", set()),
    # --- 有关的 starts a body only after 经/由/向 -------------------------------------------------------------
    # near miss, 国际海运条例 (2019) art. 4: after 和 the list keeps its first body as before
    ("国务院交通主管部门和有关的地方人民政府交通主管部门依照本条例规定，对国际海上运输经营活动实施监督管理，并对与国际海上运输"
     "相关的辅助性经营活动实施有关的监督管理。",
     {("其他", "国务院交通主管部门", "competence")}),
]

# Rows of branch lists-loader (the rows before the i12-lists block of ``patterns/constructions.tsv``): the
# list-supervised misses the law's grammar supports.  ``LISTS_LOADER_ROWS`` is kept apart so that the merge of the
# two branches' tables keeps both lists whole.
LISTS_LOADER_ROWS = [
    # --- compliance_inspection: 对…标准/要求执行情况…的监督检查 is the compliance of the parties the standards bind ---------
    # 防震减灾法 (2008) art. 76: dropped before as the administration's own work (procedures.tsv
    # administration_work_supervised: 对…工作…的监督检查), the 工作 being the evaluators' 地震安全性评价工作
    ("县级以上人民政府建设、交通、铁路、水利、电力、地震等有关部门应当按照职责分工，加强对工程建设强制性标准、抗震设防要求执行情况"
     "和地震安全性评价工作的监督检查。",
     {("行政检查", f"县级以上人民政府{s}部门", "compliance_inspection") for s in ("建设", "交通", "铁路", "水利", "电力", "地震")}),
    # near miss: the administration's own work (节能工作), no standard: still inside the administration
    ("县级以上人民政府有关部门应当加强对节能工作的监督检查。", set()),
    # near miss: a plan's execution is the government's own (规划执行情况): no standard or requirement binding a party
    ("县级以上人民政府城乡规划主管部门应当加强对规划执行情况和规划实施工作的监督检查。", set()),
    # --- designated_investigation: 由X进行查处 (a liability clause's body investigates and handles the case) -------------
    # 商标法实施条例 (2014) art. 89; 查处 is 核查处理 (tests/gold/dev 文物保护法 art. 64: 行政检查)
    ("商标代理机构有商标法第六十八条规定行为的，由行为人所在地或者违法行为发生地县级以上工商行政管理部门进行查处并将查处情况"
     "通报商标局。",
     {("行政检查", "县级以上工商行政管理部门", "designated_investigation")}),
    # near miss: an official's failure to investigate is a condition of discipline, no grant
    ("行政机关工作人员发现违法行为未依法进行查处的，依法给予处分。", set()),
    # near miss: a government that makes another body investigate (责成) is no investigating body
    ("违反本条例规定的，由有关人民政府责成有关部门进行查处。", set()),
    # near miss: no 由: a trade association assisting the inspecting body
    ("行业组织应当协助监督检查部门依法对不正当竞争行为进行查处。", set()),
]


@pytest.mark.parametrize("text, expected", ROWS + LISTS_LOADER_ROWS, ids=[t[:12] for t, _ in ROWS + LISTS_LOADER_ROWS])
def test_list_construction(text: str, expected: set) -> None:
    assert {(cat, subj, cons) for _, cat, subj, cons in found([text])} == expected

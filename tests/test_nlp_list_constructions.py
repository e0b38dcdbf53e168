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


@pytest.mark.parametrize("text, expected", ROWS, ids=[t[:12] for t, _ in ROWS])
def test_list_construction(text: str, expected: set) -> None:
    assert {(cat, subj, cons) for _, cat, subj, cons in found([text])} == expected

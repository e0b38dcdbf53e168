"""Verbs of transmission and order are never inside a body name (issue 12, branch i12-names).

A verb (责成, 移送, 抄送, 委托, 授权, 指定, 督促, 建议, 取得 …) or a preposition (由, 报经, 并向 …) before a body ends the
phrase before it: the body is the name after it, with its own level. Tables of (sentence, expected bodies); every case
cites the corpus and has a near miss, a body whose real name holds the same characters, that must keep its name.
"""

from __future__ import annotations

import pytest

from loaders.nlp.terms import find_terms, load_tables
from tests.test_nlp_extraction import clauses_of

BODIES = [
    # 山东省燃气管理条例 art. 52: the government orders, the body ordered is 有关部门
    ("逾期不拆除的，由县级以上人民政府责成有关部门强制拆除", ["县级以上人民政府", "有关部门"]),
    # 南阳市中小学校幼儿园规划建设条例 art. 37: 本级人民政府 is the government even without a level word
    ("逾期不拆除的，由本级人民政府责成有关部门强制拆除", ["本级人民政府", "有关部门"]),
    # 国有重点金融机构监事会暂行条例 art. 14: a fixed name after 责成
    ("可以建议国务院责成审计署进行审计", ["国务院", "审计署"]),
    # 棉花质量监督管理条例 art. 29 / 郑州市城市道路交通安全管理条例 art. 41: 移送
    ("情节严重的，移送工商行政管理机关吊销营业执照", ["工商行政管理机关"]),
    ("可以暂扣其施工工具和设备，并移送有关部门依法给予处罚", ["有关部门"]),
    # 河南省信阳南湾水库饮用水水源保护条例 art. 28: 抄送
    ("处理结果应当抄送有关部门。", ["有关部门"]),
    # 环境影响评价法 art. 12: 附送
    ("应当将环境影响报告书一并附送审批机关审查", ["审批机关"]),
    # 北京市建设工程质量条例 art. 69: 受X委托
    ("工程质量监督机构受住房城乡建设行政主管部门委托具体负责监督", ["工程质量监督机构", "住房城乡建设行政主管部门"]),
    # 衢州市农村住房建设管理条例 art. 10: 委托 after a government with its level
    ("市、县（市）人民政府可以委托自然资源主管部门审批。", ["市、县（市）人民政府", "自然资源主管部门"]),
    # 重庆市安全生产条例 art. 44: 授权 between two bodies with levels
    ("由市人民政府授权市安全生产监督管理部门组织事故调查组", ["市人民政府", "市安全生产监督管理部门"]),
    # 郑州市机动车维修市场管理条例 art. 42: 建议
    ("情节严重的，建议有关部门吊销其资质证书。", ["有关部门"]),
    # 浙江省实施《中华人民共和国道路交通安全法》办法 art. 15: 取得X核发的…
    ("取得公安机关交通管理部门核发的特种车辆使用凭证", ["公安机关交通管理部门"]),
    # 烟台市安全生产监督管理条例 art. 18 / 浙江省河长制规定 art. 14: 督促
    ("督促相关主管部门处理", ["相关主管部门"]),
    # 各级人民政府指定有关部门 (the government designates; 指定 ends the name)
    ("由各级人民政府指定有关部门负责", ["各级人民政府", "有关部门"]),
    # lists closed by 等: the preposition or verb before the first item is no part of the list
    # 未成年人保护法 art. 119
    ("违反本法规定的，由公安、教育、卫生健康、市场监督管理等部门按照职责分工责令改正", ["公安、教育、卫生健康、市场监督管理等部门"]),
    # 洛阳市城市中小学校幼儿园规划建设管理条例 art. 24
    ("违反本条例规定的，分别由文化、公安、工商、建设等行政管理部门依照", ["文化、公安、工商、建设等行政管理部门"]),
    # 河南省盐业管理条例 art. 15
    ("有举报线索的，可以会同公安、交通、铁路等部门对涉嫌运输工具进行检查", ["公安、交通、铁路等部门"]),
    # 枣庄市农村公路条例 art. 29: the verb after a government that is not at a phrase start
    ("区（市）人民政府应当组织公安、交通运输等部门，加强", ["区（市）人民政府", "公安、交通运输等部门"]),
    # 山东省通信基础设施建设与保护条例 art. 34
    ("并及时通知市政、园林、公安机关、交通运输等部门。", ["市政、园林、公安机关、交通运输等部门", "公安机关"]),
    # 浙江省物业管理条例 art. 40
    ("报经规划、国土资源等有关部门批准", ["规划、国土资源等有关部门"]),
    # 濮阳市公共资源交易管理条例 art. 5: 协调 before an open designation is a verb
    ("（四）组织、协调、督促有关部门对纠纷进行调查处理；", ["有关部门"]),
    ("协调有关行政监督部门对投诉进行调查", ["有关行政监督部门"]),
    # near misses: names that hold the characters of a verb keep them
    ("由相关县市区协调管理机构负责", ["相关县市区协调管理机构"]),  # 协调管理机构 is a name
    ("由市精神文明建设指导委员会通报", ["市精神文明建设指导委员会"]),  # 委员会 is no 委托
    ("由省通信管理局责令改正", ["省通信管理局"]),  # 通信 is no 通知
    ("向颁发采矿许可证的机关或其委托机关提交闭坑报告", ["颁发采矿许可证的机关", "委托机关"]),  # 委托机关: 矿产资源法办法
    ("经国务院或者国务院授权部门批准的全国性公司", ["国务院", "国务院授权部门"]),  # 企业法人登记管理条例 art. 5
    ("县级以上地方人民政府指定的部门负责", ["县级以上地方人民政府指定的部门"]),  # 指定的部门 is one name
    # 特种设备安全法 art. 72: 国务院授权有关部门 is the law's designation of one body, kept as written
    ("由国务院或者国务院授权有关部门组织事故调查组进行调查。", ["国务院", "国务院授权有关部门"]),
    # 最高人民法院关于行政诉讼证据若干问题的规定 art. 32: a court's 要求 opens no body of the administration
    ("人民法院可以要求鉴定部门予以说明", []),
    ("由受理部门审查", ["受理部门"]),  # 受理 is no 受…委托
    ("受灾地区人民政府应当组织救助", ["受灾地区人民政府"]),
    ("的，由文化和旅游、市场监督管理等部门处理", ["文化和旅游、市场监督管理等部门"]),  # 和 inside a name stays
    ("的，由经济和信息化、财政等部门处理", ["经济和信息化、财政等部门"]),  # 经济 is no 经
    ("由本级人民政府卫生行政部门处理", ["本级人民政府卫生行政部门"]),  # a department of the government keeps it
]


@pytest.mark.parametrize("text, expected", BODIES)
def test_bodies_after_verbs(text, expected) -> None:
    assert [t.text for t in find_terms(text, load_tables()) if t.label == "BODY"] == expected


SUBJECTS = [
    # 郑州市机动车维修市场管理条例 art. 42: the body after 建议 is the one that revokes, as written
    ("违反本条例规定的，由市交通行政主管部门处一千元以上一万元以下罚款；情节严重的，建议有关部门吊销其资质证书。", "行政处罚",
     {"市交通行政主管部门", "有关部门"}),
    # 未成年人保护法 art. 119: the list without 由
    ("违反本法第二十八条规定的，由公安、教育、卫生健康、市场监督管理等部门按照职责分工责令改正，处一万元以下罚款。", "行政处罚",
     {"公安、教育、卫生健康、市场监督管理等部门"}),
    # 滨州市城镇容貌和环境卫生管理条例 art. 54: 责成 is no sector word of an elliptic list (no 县级以上人民政府责成城镇容貌…部门)
    ("逾期未拆除的，由县级以上人民政府责成城镇容貌和环境卫生行政主管部门或者规划部门组织强制拆除，并处三千元以上三万元以下罚款。",
     "行政强制", {"县级以上人民政府"}),
    # near miss, 噪声污染防治法 art. 80: 指定的 is part of a name, not a verb between a government and its department
    ("违反本法规定，有下列行为之一，由交通运输、铁路监督管理、民用航空等部门或者地方人民政府指定的城市道路部门按照职责责令改正，"
     "处五千元以上二万元以下罚款：", "行政处罚", {"交通运输、铁路监督管理、民用航空等部门", "地方人民政府指定的城市道路部门"}),
    # near miss, an elliptic list after a government stays written out (食品安全法)
    ("县级以上人民政府食品安全监督管理、卫生行政部门依法实施监督检查。", "行政检查",
     {"县级以上人民政府食品安全监督管理部门", "县级以上人民政府卫生行政部门"}),
    # 城乡规划法 art. 68: the government that orders (责成) holds the measure; the body ordered acts for it
    ("城乡规划主管部门作出责令停止建设或者限期拆除的决定后，当事人不停止建设或者逾期不拆除的，建设工程所在地县级以上地方人民政府"
     "可以责成有关部门采取查封施工现场、强制拆除等措施。", "行政强制", {"县级以上地方人民政府"}),
    ("逾期不拆除的，由县级以上人民政府责成有关部门强制拆除。", "行政强制", {"县级以上人民政府"}),
    # near miss: 人民政府有关部门 is one body, the government its level
    ("逾期不拆除的，由县级以上人民政府有关部门强制拆除。", "行政强制", {"县级以上人民政府有关部门"}),
    # 上海市民用机场地区管理条例 art. 9: the bodies consulted (征求…意见) license nothing
    ("在机场地区设置户外广告设施的，应当向相关区绿化市容行政管理部门提出书面申请，由相关区绿化市容行政管理部门征求市交通港口"
     "行政管理部门和机场管理机构意见后依法作出审批决定。", "行政许可", {"相关区绿化市容行政管理部门"}),
    # near miss: a committee whose name holds 委 keeps its name as subject
    ("违反本条例规定的，由市精神文明建设指导委员会给予通报批评。", "行政处罚", {"市精神文明建设指导委员会"}),
]


@pytest.mark.parametrize("text, category, expected", SUBJECTS)
def test_subjects_after_verbs(text, category, expected) -> None:
    assert {s for a, c, s, _ in clauses_of([text]) if c == category} == expected

"""Subjects of level lists, fragments read as bodies, 同级 and 有权 in a noun (issue 12, branch i12-levels).

Each case is (article text as the corpus has it, expected (category, subject, construction)): the corpus example of
the change and a near miss beside it.  A list of levels before one body type is one subject as written
(tests/gold/README.md, unseen notes: 城市、县人民政府城乡规划主管部门; dev gold: 县、市公安局, 设区的市、自治州人民政府);
a list joined by 或者 gives one body per level (rule 3).  Numbers in BENCHMARKS.md.
"""

from __future__ import annotations

import pytest

from loaders.nlp.clauses import _expand_elliptic
from loaders.nlp.terms import find_terms, load_tables

from .test_nlp_constructions import found

CASES = [
    # a level list whose last level carries a level word (广东省司法鉴定管理条例 art. 53): 省和 is part of the subject
    ("省和地级以上市人民政府司法行政部门应当就下列事项，对司法鉴定机构、司法鉴定人开展监督、检查：\n"
     "（一）遵守法律、法规和规章的情况；",
     {("行政检查", "省和地级以上市人民政府司法行政部门", "inspection")}),
    # 浙江省村经济合作社组织条例 art. 9: 省、 before 市、县（区）人民政府X
    ("省、市、县（区）人民政府农业农村主管部门负责本行政区域内村经济合作社的业务指导、服务和监督工作。",
     {("其他", "省、市、县（区）人民政府农业农村主管部门", "competence")}),
    # a bracketed level inside the list (郑州市矿产资源管理条例: 由市、县（市）、区人民政府…)
    ("违反本条例规定的，由市、县（市）、区人民政府安全生产监督管理部门责令改正，处一万元以上五万元以下罚款。",
     {("行政处罚", "市、县（市）、区人民政府安全生产监督管理部门", "penalty")}),
    # 或者 of multi-character levels: one body per level (浙江省风景名胜区条例: 设区的市或者县（市、区）人民政府)
    ("违反本条例规定的，由设区的市或者县（市、区）人民政府环境保护主管部门处一万元以上五万元以下罚款。",
     {("行政处罚", "设区的市人民政府环境保护主管部门", "penalty"),
      ("行政处罚", "县（市、区）人民政府环境保护主管部门", "penalty")}),
    # the single-character forms stay as they were (重庆市安全生产条例 art. 32)
    ("市、区县（自治县）人民政府安全生产监督管理部门履行下列职责：\n（三）依法对涉及安全生产的事项实施审查批准、行政处罚；",
     {("行政许可", "市、区县（自治县）人民政府安全生产监督管理部门", "approval")}),
    # fragments: 居（村）民委员会 is a self-governing body, not the administration (衢州市城市市容和环境卫生管理条例)
    ("鼓励依法建立市容和环境卫生公益组织，倡导居（村）民委员会组织居（村）民制定市容和环境卫生公约。", set()),
    # 军事设施保护法 art. 34: 国务院和中央军事委员会批准或者国务院… is no elliptic list of departments
    ("未经国务院和中央军事委员会批准或者国务院和中央军事委员会授权的机关批准，不得拆除、移动边防、海防管控设施。",
     {("行政许可", "国务院", "approval")}),
    # 重庆市突发事件应对条例 art. 11: officials (主要负责人) are no sector of the government before them
    ("市、区县（自治县）人民政府依照法律规定设立由本级人民政府主要负责人、相关部门负责人、驻当地中国人民解放军和中国人民武装"
     "警察部队有关负责人组成的突发事件应急指挥机构，统一领导、协调本行政区域内的突发事件应对工作。", set()),
    # near miss: the elliptic list of sectors is still written out (食品安全法 art. 110)
    ("县级以上人民政府食品安全监督管理、卫生行政部门依照本法规定对食品进行监督检查。",
     {("行政检查", "县级以上人民政府食品安全监督管理部门", "inspection"),
      ("行政检查", "县级以上人民政府卫生行政部门", "inspection")}),
    # 同级 after 经 / 由 / 向 is part of the body (档案法实施办法 art. 13)
    ("机关、团体、企业事业单位和其他组织，应当按照国家档案局关于档案移交的规定，定期向有关的国家档案馆移交档案。\n"
     "经同级档案行政管理部门检查和同意，专业性较强或者需要保密的档案，可以延长向有关档案馆移交的期限。",
     {("行政许可", "同级档案行政管理部门", "review_consent")}),
    ("违反本法第四十四条规定，未根据林业草原主管部门制定的计划使用林木良种的，由同级人民政府林业草原主管部门责令限期改正；"
     "逾期未改正的，处三千元以上三万元以下罚款。",  # 种子法 art. 84
     {("行政处罚", "同级人民政府林业草原主管部门", "penalty")}),
    # near miss: 报同级… is a submission inside the administration and stays no body
    ("前款规定的收费标准，报同级人民政府价格主管部门批准。", set()),
    # a named district closes the list (洛阳市城市绿化条例 art. 40)
    ("违反本条例第二十条规定的，由市、县（市）、吉利区城市绿化行政主管部门责令限期改正；造成绿地严重损害的，按照损害绿地面积"
     "处以每平方米五十元以上一百元以下罚款。",
     {("行政处罚", "市、县（市）、吉利区城市绿化行政主管部门", "penalty")}),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_level_lists_and_fragments(text: str, expected: set) -> None:
    assert {(c, s, k) for _, c, s, k in found([text])} == expected


BODIES = [
    # near miss: a level word that ends another word (历史文化街区和…, 跨区、跨部门) starts no list
    ("违反本条例规定的，由历史文化街区和历史建筑保护主管部门责令改正。", ["历史建筑保护主管部门"]),
    ("提交省、设区的市人民代表大会财政经济委员会审查。", ["设区的市人民代表大会财政经济委员会"]),
    ("由省和地级以上市人民政府生态环境主管部门责令改正。", ["省和地级以上市人民政府生态环境主管部门"]),
    # near miss: the bare 经同级人民政府批准 of a department's proposal is left out as before (德州市湿地保护条例 art. 23)
    ("湿地保护小区的建立，由湿地所在地县（市、区）林业主管部门组织认定，经同级人民政府批准。",
     ["县（市、区）林业主管部门", "级人民政府"]),  # the bare 所在地 ends before the level (i12-recall2)
]


@pytest.mark.parametrize("text, expected", BODIES)
def test_level_list_bodies(text: str, expected: list) -> None:
    bodies = [t for t in find_terms(text, load_tables()) if t.label == "BODY"]
    assert [t.text for t in _expand_elliptic(text, bodies)] == expected


MODALS = [
    # 浙江省房屋使用安全管理条例 art. 23: 所有权人 holds 有权 inside a noun; the modal is 应当
    ("对危险房屋实施拆除的，房屋所有权人应当委托具有相应资质的施工单位实施。", ["应当"]),
    ("侵犯注册商标专有权的，依法处理。", []),
    ("公民享有权利。", []),
    # near miss: 有权 as the modal verb stays 可以
    ("县级以上人民政府房产行政主管部门有权对房屋使用安全进行检查。", ["可以"]),
]


@pytest.mark.parametrize("text, expected", MODALS)
def test_youquan_inside_a_noun_is_no_modal(text: str, expected: list) -> None:
    assert [t.key for t in find_terms(text, load_tables()) if t.label == "MODAL"] == expected

"""Subjects of level lists, fragments read as bodies, 同级 and 有权 in a noun (issue 12, branches i12-levels, i12-levels2).

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


# i12-levels2: levels named by their grade (县级, 设区的市级, 省级, 县级以上地方) in a list before one body
GRADED = [
    # 戒毒条例 art. 25: a 、-list of graded levels is one subject as written (before, 县级、 cut it off, and the article
    # took the bodies of art. 4)
    ("吸毒成瘾人员有《中华人民共和国禁毒法》第三十八条第一款所列情形之一的，由县级、设区的市级人民政府公安机关作出强制隔离戒毒的决定。",
     {("行政强制", "县级、设区的市级人民政府公安机关", "coercive_measure")}),
    # 戒毒条例 art. 41: after a place (所在地, dropped: tests/gold/README.md 7.1)
    ("吸毒成瘾人员自愿接受强制隔离戒毒的，经强制隔离戒毒场所所在地县级、设区的市级人民政府公安机关同意，可以进入强制隔离戒毒场所戒毒。",
     {("行政许可", "县级、设区的市级人民政府公安机关", "approval")}),
    # 或者: one body per level (rule 3); 机动车登记规定 art. 64, 反家庭暴力法 art. 18
    ("校车行驶线路、开行时间、停靠站点或者车辆、所有人、驾驶人发生变化的，经县级或者设区的市级人民政府批准后，应当按照本规定重新领取校车标牌。",
     {("行政许可", "县级人民政府", "approval"), ("行政许可", "设区的市级人民政府", "approval")}),
    ("县级或者设区的市级人民政府可以单独或者依托救助管理机构设立临时庇护场所，为家庭暴力受害人提供临时生活帮助。",
     {("行政给付", "县级人民政府", "benefit"), ("行政给付", "设区的市级人民政府", "benefit")}),
    # 浙江省反不正当竞争条例 art. 26: a graded level takes no 的 (not 省级的监督检查部门); the other level as written
    ("违反本条例第九条规定的，省级或者设区的市的监督检查部门可以根据情节处以五万元以上二十万元以下的罚款。",
     {("行政处罚", "省级监督检查部门", "penalty"), ("行政处罚", "设区的市的监督检查部门", "penalty")}),
    # 突发事件应对法 (2007) art. 20: 和 of graded levels, one subject
    ("省级和设区的市级人民政府应当对本行政区域内容易引发特别重大、重大突发事件的危险源、危险区域进行调查、登记、风险评估，"
     "组织进行检查、监控，并责令有关单位采取安全防范措施。",
     {("行政检查", "省级和设区的市级人民政府", "inspection")}),
    # 医疗器械经营监督管理办法 art. 46: before a body described by its duty
    ("设区的市级、县级负责药品监督管理的部门负责本行政区域医疗器械经营活动的监督检查。",
     {("行政检查", "设区的市级、县级负责药品监督管理的部门", "inspection")}),
    # 疫苗管理法 art. 8: the law's own name for the listed bodies (（以下称X）) is the subject, as for one body; likewise
    # for a list of bare levels (重庆市非物质文化遗产条例 art. 6), where the list and the bracket were the subject before
    ("设区的市级、县级人民政府承担药品监督管理职责的部门（以下称药品监督管理部门）负责本行政区域疫苗监督管理工作。",
     {("其他", "药品监督管理部门", "competence")}),
    ("市、区县（自治县）人民政府文化主管部门（以下简称文化主管部门）负责本行政区域内非物质文化遗产的保护、保存工作。",
     {("其他", "文化主管部门", "competence")}),
    # a level list before sectors written out (许昌市中心城区河湖水系保护条例 art. 5): every sector after the list
    # (before: 市、区人民政府发展改革 and 区人民政府公安行政主管部门)
    ("市、区人民政府发展改革、工业信息化、公安等行政主管部门，应当按照各自的职责，对水系实施监督管理，共同做好保护工作。",
     {("其他", "市、区人民政府发展改革行政主管部门", "competence"),
      ("其他", "市、区人民政府工业信息化行政主管部门", "competence"),
      ("其他", "市、区人民政府公安行政主管部门", "competence")}),
    # near misses: a list of bare levels before 县以上 stays one subject (经区、县以上林业行政主管部门审核同意, 上海市
    # 植树造林绿化管理条例), and a bare level before a graded one shares its grade as before (设区的市或者县级…)
    ("建设工程必须占用或者征用林地的，应当经区、县以上林业行政主管部门审核同意后，依照有关土地管理的法律、行政法规办理建设用地审批手续。",
     {("行政许可", "区、县以上林业行政主管部门", "approval")}),
    ("违反本条例规定的，由设区的市或者县级人民政府水行政主管部门责令改正，处一万元以上五万元以下罚款。",
     {("行政处罚", "设区的市级人民政府水行政主管部门", "penalty"), ("行政处罚", "县级人民政府水行政主管部门", "penalty")}),
    # near miss: 县级市场监督管理部门 is the county's 市场监督管理部门, not a 县级市
    ("违反本规定的，由市或者县级市场监督管理部门责令改正，处一万元以上五万元以下罚款。",
     {("行政处罚", "市级市场监督管理部门", "penalty"), ("行政处罚", "县级市场监督管理部门", "penalty")}),
]


@pytest.mark.parametrize("text, expected", CASES + GRADED)
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
    # i12-levels2: graded levels (外资企业法实施细则 art. 31; 公职人员政务处分法 art. 62: 乡镇 is one level, not 乡 and
    # 县级镇人民政府; 石油天然气管道保护法 art. 5: after 和 and another body)
    ("由外资企业所在地的县级或者县级以上地方人民政府根据本地区的情况审核后，予以安排。", ["县级人民政府", "县级以上地方人民政府"]),
    ("应当由县级或者乡镇人民政府根据具体情况减发或者扣发补贴、奖金。", ["县级人民政府", "乡镇人民政府"]),
    ("省、自治区、直辖市人民政府能源主管部门和设区的市级、县级人民政府指定的部门，依照本法规定主管本行政区域的管道保护工作。",
     ["省、自治区、直辖市人民政府能源主管部门", "设区的市级、县级人民政府指定的部门"]),
    # near misses: 副省级 is no graded list's first level, and a graded list that continues a list of other words
    # (国家级、省级、市级…) is left as before
    ("由副省级、地级市人民政府林业主管部门责令改正。", ["地级市人民政府林业主管部门"]),
    ("由国家级、省级、市级自然保护区管理机构责令改正。", ["市级自然保护区管理机构"]),
    # near miss: 地级以上市 is one level word, not the grade 地级以上 and a 市 (省或者地级以上市X: 省X, not 省级以上市X)
    ("由省或者地级以上市人民政府林业主管部门责令改正。", ["省人民政府林业主管部门", "地级以上市人民政府林业主管部门"]),
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


# A list of two graded levels before one body binds both levels (ontology/levels.csv), not the first one only:
# 戒毒条例 art. 25 (县级、设区的市级人民政府公安机关) is a city's power as well as a county's; near misses keep one level.
LEVEL_LISTS = [
    ("县级、设区的市级人民政府公安机关", "设区的市级和县级", {"city", "county"}),      # 戒毒条例 art. 25
    ("设区的市级、县级负责药品监督管理的部门", "设区的市级和县级", {"city", "county"}),  # 医疗器械经营监督管理办法 art. 5
    ("省级和设区的市级人民政府", "省级和设区的市级", {"province", "city"}),           # 突发事件应对法 art. 20
    ("县级人民政府公安机关", "县级", {"county"}),
    ("设区的市级人民政府", "设区的市级", {"city"}),
    ("省级、设区的市级、县级文物主管部门", "县级以上", {"province", "city", "county"}),  # the three levels of 县级以上
]


@pytest.mark.parametrize("subject, level, binds", LEVEL_LISTS)
def test_a_list_of_two_levels_binds_both(subject: str, level: str, binds: set) -> None:
    from loaders.nlp.roles import level_of
    from queries.roles import binds_level
    assert level_of(subject) == level
    assert {g for g in ("province", "city", "county", "township") if binds_level(level, g)} == binds

"""Elliptic lists of sectors after one government: a sector name is a noun phrase (issue 12, branch i12-sectorlist).

县级以上人民政府食品安全监督管理、卫生行政部门 writes out one department per sector (tests/gold/README.md rule 3). The
word between the government and the department is a sector only when it is a noun phrase: a verb, modal or preposition
(loaders/nlp/patterns/list_breakers.tsv) makes it the government's own clause, a leading 和 joins the government to
bodies of their own, and a 和 inside joins the parts of one name (市容和环境卫生).  Each row is (article text as the
corpus has it, expected bodies): a corpus example of the fault or a near miss (a real list that stays written out).
Numbers in BENCHMARKS.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.nlp.clauses import _expand_elliptic, _list_breakers
from loaders.nlp.terms import find_terms, load_tables

from .test_nlp_constructions import found

BODIES = [
    # 宁波市预防和制止家庭暴力条例 art. 7: 设立 is the government's act, 设立预防 no sector (was 市和县（市）、区人民政府设立
    # 预防委员会)
    ("市和县（市）、区人民政府设立预防和制止家庭暴力委员会，负责组织、协调、指导、监督本地区有关机关和组织开展预防和制止家庭"
     "暴力工作，具体职责是：", ["市和县（市）、区人民政府", "制止家庭暴力委员会"]),
    # 平顶山市城乡规划建设管理条例 art. 24: 应当在接到… is the government's clause (was …人民政府应当在接到县（市）主管部门)
    ("县（市）、石龙区人民政府应当在接到县（市）、石龙区城乡规划主管部门报告后二个工作日内，书面责成有关部门依法采取查封施工"
     "现场、暂扣施工设备等措施。", ["县（市）、石龙区人民政府", "石龙区城乡规划主管部门", "有关部门"]),
    # 淄博市市容和环境卫生管理办法 art. 3: 市容和环境卫生 is one name (was 市容行政管理部门 and 环境卫生行政管理部门)
    ("市、区县人民政府的市容和环境卫生行政管理部门负责本行政区域内市容和环境卫生管理工作。",
     ["市、区县人民政府的市容和环境卫生行政管理部门"]),
    # 杭州市历史文化街区和历史建筑保护条例 art. 5
    ("市、区、县（市）人民政府历史文化街区和历史建筑保护主管部门负责本行政区内历史文化街区和历史建筑保护的组织、协调和监督"
     "管理工作。", ["市、区、县（市）人民政府历史文化街区和历史建筑保护主管部门"]),
    # 重庆市残疾人保障条例 art. 29: a leading 和 joins the government to bodies of its own (was …人民政府和文化广播主管部门)
    ("市、区县（自治县）人民政府和文化广播、体育主管部门和残疾人组织应当对参加重大的国际、国内演出、比赛并获奖的残疾人予以"
     "奖励。", ["市、区县（自治县）人民政府", "体育主管部门"]),
    # one sector's name in two parts of one canonical sector of ontology/sectors.csv (临沂市红色文化保护与传承条例 art. 6;
    # 驻马店市山体保护条例 art. 14; 河南省人口与计划生育条例 art. 4): was 文化主管部门 and 旅游主管部门
    ("市、县（区）人民政府文化和旅游主管部门负责本行政区域内红色文化物质资源的监督管理。",
     ["市、县（区）人民政府文化和旅游主管部门"]),
    ("市人民政府自然资源和规划主管部门应当对本市行政区域内的山体资源情况进行普查。", ["市人民政府自然资源和规划主管部门"]),
    ("各级人民政府的卫生和计划生育行政部门主管本行政区域内的计划生育工作。", ["各级人民政府的卫生和计划生育行政部门"]),
    # the law's own name for the one name (济南市绿化条例 art. 6: was 市人民政府园林主管部门 and 市人民政府市绿化主管部门)
    ("市人民政府园林和林业绿化主管部门（以下简称市绿化主管部门）负责本市行政区域内的绿化工作。", ["市绿化主管部门"]),
    # 济南市院前医疗急救条例 art. 5: 统一领导 is the government's leadership (was 人民政府统一领导行政部门)
    ("县（区）卫生健康行政部门在县（区）人民政府的统一领导和市卫生健康行政部门的业务指导下，依法对本辖区内的院前医疗急救服务"
     "活动进行监督管理。", ["县（区）卫生健康行政部门", "人民政府", "市卫生健康行政部门"]),
    # near misses: 和 between two sectors of different kinds is a list of two departments (山东省实施《固体废物污染环境
    # 防治法》办法 art. 18; 山东省新旧动能转换促进条例 art. 23; 河南省防震减灾条例 art. 60)
    ("由所在地县级以上人民政府环境保护和卫生行政主管部门指定的有相应资质的单位代为处置。",
     ["县级以上人民政府环境保护行政主管部门", "县级以上人民政府卫生行政主管部门"]),
    ("省人民政府财政和税务部门应当建立健全高新技术企业税收增长奖励制度。", ["省人民政府财政部门", "省人民政府税务部门"]),
    # near misses: real lists of sectors stay written out (食品安全法 art. 110; a 或者 list; 广东省公路条例 art. 43)
    ("县级以上人民政府食品安全监督管理、卫生行政部门依照本法规定对食品进行监督检查。",
     ["县级以上人民政府食品安全监督管理部门", "县级以上人民政府卫生行政部门"]),
    ("由县级以上人民政府农业或者林业主管部门责令改正。", ["县级以上人民政府农业主管部门", "县级以上人民政府林业主管部门"]),
    ("省人民政府财政、交通、税务、审计、发展改革主管部门按照各自职责，对收费公路实施监督检查。",
     ["省人民政府财政主管部门", "省人民政府交通主管部门", "省人民政府税务主管部门", "省人民政府审计主管部门",
      "省人民政府发展改革主管部门"]),
    # near miss: a sector word that only looks like a breaker's neighbour (卫生健康 holds no verb)
    ("县级以上人民政府教育、卫生健康主管部门按照职责分工负责学校卫生工作。",
     ["县级以上人民政府教育主管部门", "县级以上人民政府卫生健康主管部门"]),
]


@pytest.mark.parametrize("text, expected", BODIES)
def test_sector_list_bodies(text: str, expected: list) -> None:
    bodies = [t for t in find_terms(text, load_tables()) if t.label == "BODY"]
    assert [t.text for t in _expand_elliptic(text, bodies)] == expected


CLAUSES = [
    # 广东省司法鉴定管理条例 art. 5: the sectors written out, but 做好司法鉴定管理相关工作 grants nothing (tests/gold/README.md
    # "做好 is not", 7.4): 鉴定管理 is the field managed, no appraisal (patterns/constructions.tsv registration row)
    ("省和地级以上市人民政府发展改革、民政、财政、人力资源社会保障、市场监管等相关主管部门，应当按照各自职责做好司法鉴定管理"
     "相关工作。", set()),
    # near miss: an appraisal the department makes is still a registration (行政确认)
    ("当事人对鉴定结论有异议的，由省人民政府卫生行政部门组织进行鉴定。",
     {("行政确认", "省人民政府卫生行政部门", "registration")}),
    # 淄博 art. 3: the competence is the one department's, with its level list
    ("市、区县人民政府的市容和环境卫生行政管理部门负责本行政区域内市容和环境卫生管理工作。",
     {("其他", "市、区县人民政府的市容和环境卫生行政管理部门", "competence")}),
]


@pytest.mark.parametrize("text, expected", CLAUSES)
def test_sector_list_clauses(text: str, expected: set) -> None:
    assert {(c, s, k) for _, c, s, k in found([text])} == expected


def test_list_breakers_bad_row_names_file_and_row(tmp_path: Path) -> None:
    table = tmp_path / "list_breakers.tsv"
    table.write_text("word\tkind\texample\n负责\tverb\tx\n做好\tnoun\ty\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"list_breakers\.tsv: row 3"):
        _list_breakers(table)


def test_list_breakers_table_holds_the_brief_words() -> None:
    breaker = _list_breakers()
    for word in ("负责", "做好", "加强", "按照", "依照"):
        assert breaker.fullmatch(word)
    assert not breaker.search("卫生健康") and not breaker.search("市场监督管理")

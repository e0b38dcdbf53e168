"""Duty lists (branch i12-duties): X履行下列职责：（一）…（二）… and the subjects of their items.

- ``patterns/constructions.tsv`` row ``duty_item``: under a chapeau that gives a body a list of duties (履行 / 承担 / 行使 /
  负责 下列 …职责 / 职权 / 工作：), an item whose task is the management of a field (管理…, 监督管理…, 指导和监督…,
  对…进行 / 实施(监督)管理) is the chapeau body's competence clause, 其他 (tests/gold/README.md rule 4; the dev gold of
  人民警察法 art. 6 annotates one 其他 entry for 公安机关). An item aimed at the administration (下级, 部门, 人民政府, 经费 …),
  a government's list (its own leadership, rule 4) and a list of a form's contents are no such clause.
- ``clauses.extract_findings``: under a chapeau whose body is named, an item's act is that body's (or the item's own
  body's), never that of a body another item names as its object (（二）指导乡镇人民政府…；（三）…实施消防监督检查).

Corpus rows extract the corpus text itself; the synthetic rows are near misses of the same constructions.
"""

from __future__ import annotations

import pytest

from .test_nlp_constructions import found
from .test_nlp_courts import corpus_entries

# (file under laws/, article, entries that must be there, entries that must not)
CORPUS = [
    # 公安机关的人民警察按照职责分工，依法履行下列职责：（五）管理枪支弹药…（六）对…特种行业进行管理 (dev gold: 其他, 公安机关)
    ("行政法/人民警察法(2012-10-26).md", 6, {("其他", "公安机关")}, set()),
    # 邮政管理部门履行下列职责：…（二）对邮政市场进行监督管理
    ("DLC/河南地方法规/地方性法规/河南/河南省邮政条例(2012-11-29).md", 52, {("其他", "邮政管理部门")}, set()),
    # 消防救援机构应当履行下列职责：（二）指导乡镇人民政府、街道办事处和负有消防安全监督管理职责的部门履行消防安全职责；
    # （三）对…消防安全重点单位实施消防监督检查: the chapeau's body checks, not the bodies item (二) guides
    ("DLC/河南地方法规/地方性法规/河南/南阳市居民住宅区消防安全管理条例(2021-11-09).md", 13,
     {("行政检查", "市、县（市、区）人民政府消防救援机构")},
     {("行政检查", "街道办事处"), ("行政检查", "负有消防安全监督管理职责的部门")}),
    # 各级疾病预防控制机构在传染病预防控制中履行下列职责 (dev gold: no entry; the 机构 is no enforcement body)
    ("行政法/传染病防治法(2013-06-29).md", 18, set(), {("其他", "各级疾病预防控制机构"), ("其他", "疾病预防控制机构")}),
    # 债权人委员会行使下列职权：… / 执行职务时，有权要求管理人…提供有关文件: an organ of the creditors, no public body
    # (patterns/subjects.tsv); the duty-list chapeau lets the article through the prefilter, and it must still grant nothing
    ("民法商法/企业破产法(2006-08-27).md", 68, set(), {("行政检查", "债权人委员会"), ("其他", "债权人委员会")}),
]


@pytest.mark.parametrize("file, article, present, absent", CORPUS)
def test_duty_lists_of_the_corpus(file: str, article: int, present: set, absent: set) -> None:
    entries = corpus_entries(file, article)
    assert present <= entries
    assert not absent & entries


@pytest.mark.parametrize("text, expected", [
    # a department's duty list: the management item is its competence; the open item (其他职责) grants nothing
    ("第一条 县级以上人民政府公安机关履行下列职责：\n（一）管理枪支弹药和危险物品；\n（二）法律、法规规定的其他职责。",
     {(1, "其他", "县级以上人民政府公安机关", "duty_item")}),
    ("第一条 县级以上地方人民政府邮政管理部门承担下列职责：\n（一）宣传邮政法律、法规；\n（二）对邮政市场进行监督管理。",
     {(1, "其他", "县级以上地方人民政府邮政管理部门", "duty_item")}),
    # near miss: an item aimed at the administration (下级…部门) is internal supervision
    ("第一条 县级以上人民政府公安机关履行下列职责：\n（一）监督管理下级公安机关的治安工作；\n（二）法律、法规规定的其他职责。", set()),
    # near miss: a government's list is its own leadership (tests/gold/README.md rule 4)
    ("第一条 县级以上人民政府履行下列职责：\n（一）管理本行政区域内的集贸市场；\n（二）法律、法规规定的其他职责。", set()),
    # near miss: a list of what a form states is no duty list
    ("第一条 公安机关的登记表应当载明下列事项：\n（一）管理单位的名称；\n（二）管理人员的姓名。", set()),
    # near miss: the management verb inside an item, not its task (…的业务管理) is left alone
    ("第一条 县级以上人民政府卫生健康主管部门履行下列职责：\n（一）精神卫生工作的业务管理；\n（二）其他职责。", set()),
])
def test_a_duty_item(text: str, expected: set) -> None:
    assert {e for e in found([text]) if e[1] == "其他"} == expected


@pytest.mark.parametrize("text, expected", [
    # the chapeau names the body: an item's inspection is the chapeau's, not that of the body an earlier item guides
    ("第一条 县级以上人民政府消防救援机构履行下列职责：\n（一）指导街道办事处开展消防宣传教育；\n"
     "（二）对消防安全重点单位实施消防监督检查。",
     {(1, "行政检查", "县级以上人民政府消防救援机构")}),
    # near miss: an item that opens with its own body keeps it
    ("第一条 有关部门按照各自职责，负责下列工作：\n（一）市场监督管理部门负责无照经营的监督检查；\n"
     "（二）公安机关负责治安活动的监督检查。",
     {(1, "行政检查", "市场监督管理部门"), (1, "行政检查", "公安机关")}),
])
def test_an_items_subject_is_its_chapeaus(text: str, expected: set) -> None:
    assert {e[:3] for e in found([text]) if e[1] == "行政检查"} == expected


# --- subject lists: X和Y、Z等有关部门 carries X's level to the sectors listed after 和 (clauses._split_listed) ---

SUBJECT_LISTS = [
    # 建设工程勘察设计管理条例 art. 5 县级以上人民政府建设行政主管部门和交通、水利等有关部门应当…加强对…的监督管理
    ("行政法规/建设工程勘察设计管理条例(2017-10-07).md", 5,
     {("其他", "县级以上人民政府建设行政主管部门"), ("其他", "县级以上人民政府交通部门"), ("其他", "县级以上人民政府水利部门")}),
    # 深圳经济特区中医药条例 art. 84 中医药主管部门和市场监管、医疗保障等部门: no level written, none carried
    ("DLC/广东地方法规/地方性法规/广东/深圳经济特区中医药条例(2023-01-06).md", 84,
     {("其他", "中医药主管部门"), ("其他", "市场监管部门"), ("其他", "医疗保障部门")}),
    # 建设工程质量管理条例 art. 44: the list writes its own level (dev gold: 国务院铁路部门 …), unchanged
    ("行政法规/建设工程质量管理条例(2019-04-23).md", 44,
     {("行政检查", "国务院建设行政主管部门"), ("行政检查", "国务院铁路部门"), ("行政检查", "国务院交通部门"),
      ("行政检查", "国务院水利部门")}),
]


@pytest.mark.parametrize("file, article, expected", SUBJECT_LISTS)
def test_subject_lists_of_the_corpus(file: str, article: int, expected: set) -> None:
    assert corpus_entries(file, article) == expected


@pytest.mark.parametrize("text, expected", [
    # sector names holding 和 (住房和城乡建设, 经济和信息化, 自然资源和规划) stay whole, each with the level of X
    ("第一条 县级以上人民政府住房和城乡建设主管部门和经济和信息化、自然资源和规划等有关部门应当加强对建筑市场的监督管理。",
     {"县级以上人民政府住房和城乡建设主管部门", "县级以上人民政府经济和信息化部门", "县级以上人民政府自然资源和规划部门"}),
    ("第一条 县级以上人民政府经济和信息化、商务等部门应当加强对成品油市场的监督管理。",
     {"县级以上人民政府经济和信息化部门", "县级以上人民政府商务部门"}),
    # near miss: a list after 会同 is no list joined by 和; this rule leaves it as it was (its partners are
    # clauses._partners' business)
    ("第一条 县级以上人民政府建设行政主管部门会同交通、水利等有关部门加强对建设工程勘察活动的监督管理。",
     {"县级以上人民政府建设行政主管部门"}),
    # near miss: a government before 和 is no department whose level is carried; it leads no power of its own here
    ("第一条 县级以上人民政府和交通、水利等有关部门应当加强对建设工程勘察活动的监督管理。", set()),
])
def test_a_list_after_he(text: str, expected: set) -> None:
    assert {e[2] for e in found([text]) if e[1] == "其他"} == expected

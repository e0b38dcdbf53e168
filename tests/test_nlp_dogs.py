"""Constructions of city dog-keeping and animal-epidemic regulations (issue 12, branch i12-dogs): a table of
(article text as the corpus has it, expected clauses) with a near miss beside each row.

Each row added by this branch to ``patterns/constructions.tsv`` and ``patterns/procedures.tsv``, and the clauses.py change
(a list of levels after 到 / after a place phrase), has a text here that it must read and one that it must not; none of
the texts is an article of the two texts the branch annotated (上海市养犬管理条例, 郑州市城市养犬管理条例: tests/gold/dev),
and no Zhejiang dog-keeping regulation is used (嘉兴市养犬管理条例 is held out).
"""

from __future__ import annotations

import pytest

from loaders.nlp import extract_clauses
from loaders.nlp.procedures import load_procedures

from .test_nlp_extraction import VERSION, statute


def clauses(text: str) -> set[tuple[str, str, str]]:
    return {(c.category.value, c.subject, c.construction) for c in extract_clauses(VERSION, statute([text]))}


def actions(text: str) -> set[tuple[str, str, str]]:
    """(category, subject, action) of every act of every clause."""
    return {(c.category.value, c.subject, a) for c in extract_clauses(VERSION, statute([text])) for a in c.actions}


# (text, expected {(category, subject, construction)}), law and article in the comment
ROWS = [
    # --- 行政强制: 代作处理 of an animal-epidemic order (substitute_performance) --------------------------------------
    # 北京市动物防疫条例 (2019) art. 56
    ("违反本条例第十五条第二款规定，不执行隔离、紧急免疫接种、暂停销售和购进相关动物及动物产品、限制相关动物及动物产品移动等"
     "临时控制措施的，由动物卫生监督机构责令限期改正，给予警告；逾期不改的，由动物卫生监督机构代作处理，所需处理费用由违法行为人"
     "承担，并处1000元以上1万元以下罚款。",
     {("行政处罚", "动物卫生监督机构", "penalty"), ("行政强制", "动物卫生监督机构", "substitute_performance")}),
    # near miss, 上海市动物防疫条例 art. 43 (shortened): 责令无害化处理 at the party's cost is an order to the party, no 代履行
    ("违反本条例规定，未按照规定处理病死动物的，由动物卫生监督机构责令无害化处理，所需处理费用由违法行为人承担。",
     {("其他", "动物卫生监督机构", "order_to_correct")}),
    # --- 行政强制: 收容 / 暂扣 of a dog (animal_custody) ------------------------------------------------------------
    # 石柱土家族自治县西沱国家历史文化名镇保护条例 (2013) art. 35
    ("在保护范围内放养犬只的，由自治县公安部门予以警告，处一百元以上一千元以下罚款；情节严重的，收容犬只。",
     {("行政处罚", "自治县公安部门", "penalty"), ("行政强制", "自治县公安部门", "animal_custody")}),
    # near miss, 菏泽市养犬管理条例 (2021) art. 17 (second sentence): a shelter's own work names no measure on a party
    ("犬只收容救助留检场所收容救助留检流浪、走失、送交的犬只。", set()),
    # --- 其他: X负责查处…行为 is a competence clause (README convention 7.4; 查处 alone is no penalty, 7.7) ----------
    # 枣庄市山体保护条例 (2017) art. 33
    ("国土资源部门负责查处在山体保护范围内违法采石、采矿、采砂、取土等破坏山体的行为。",
     {("其他", "国土资源部门", "competence")}),
    # near miss, 北京市节水条例 (2022) art. 56: handling a complaint is no competence clause
    ("鼓励单位和个人向水务部门举报违反本条例的行为，水务部门接到举报后应当及时调查处理，并为举报人保密。", set()),
    # --- 其他: X负责本行政区域(内)的…管理 ---------------------------------------------------------------------------
    # 食盐专营办法 (2017) art. 4 para. 2 (second sentence)
    ("县级以上地方人民政府确定的食盐质量安全监督管理部门负责本行政区域的食盐质量安全监督管理。",
     {("其他", "县级以上地方人民政府确定的食盐质量安全监督管理部门", "competence")}),
    # near miss: a residents' committee is no department (README rule 1)
    ("居民委员会负责本辖区的环境卫生管理。", set()),
    # --- procedures: an order to register is no registration (ordered_registration) ----------------------------------
    # 事业单位登记管理暂行条例 (2004) art. 18 (first clause)
    # (the order itself stays 责令改正, 其他, with no penalty beside it: README rule 4)
    ("事业单位未按照本条例规定办理登记的，由登记管理机关责令限期补办登记手续。",
     {("其他", "登记管理机关", "order_to_correct")}),
    # near miss, 船舶登记条例 (2014) art. 5 (shortened): 向X登记 stays the registry's registration
    ("船舶所有人应当向船籍港船舶登记机关申请船舶所有权登记。", {("行政确认", "船籍港船舶登记机关", "registration")}),
    # --- procedures: registration data shared between bodies (registry_information_sharing) --------------------------
    # 不动产登记暂行条例 (2019) art. 25
    ("国土资源、公安、民政、财政、税务、工商、金融、审计、统计等部门应当加强不动产登记有关信息互通共享。", set()),
    # near miss, 北京市养犬管理规定 art. 12 (shortened): the registration itself stays
    ("养犬人应当持证明到住所地的区、县公安机关进行养犬登记，领取养犬登记证。",
     {("行政确认", "区、县公安机关", "registration")}),
    # --- clauses.py: a list of levels after 到 (and after 到/向 + a place phrase) is the body's level ------------------
    # 北京市森林资源保护管理条例 (2018) art. 15 (shortened)
    ("双方当事人应当持林权证书、合同文本等有关资料到市或者区、县林业行政主管部门办理权属变更登记。",
     {("行政确认", "市林业行政主管部门", "registration"), ("行政确认", "区林业行政主管部门", "registration"),
      ("行政确认", "县林业行政主管部门", "registration")}),
    # near miss: 收到 is no preposition, the list is not read as the body's levels and the notice grants nothing
    ("申请人收到区、县人民政府的通知后，应当在十日内补正材料。", set()),
]


@pytest.mark.parametrize("text,expected", ROWS)
def test_dogs_construction(text: str, expected: set) -> None:
    assert clauses(text) == expected


# (text, (category, subject, action) that must be read, or must not be read when the flag is False)
ACTION_ROWS = [
    # 北京市养犬管理规定 art. 27: 没收其犬 is 没收非法财物
    ("对违反本规定第九条，未经登记、年检养犬的，由公安机关没收其犬，或者对单位处5000元罚款，对个人处2000元罚款。",
     ("行政处罚", "公安机关", "没收非法财物"), True),
    # near miss, 北京市养犬管理规定 art. 24: 被…没收其犬的 is the case of another rule, no sanction of this sentence
    ("养犬人因违反本规定，被公安机关没收其犬、吊销养犬登记证的，在五年内不予办理养犬登记。",
     ("行政处罚", "公安机关", "没收非法财物"), False),
    # 河南省劳动力市场条例 (2004) art. 29: 吊销《…许可证》, the licence in book-title marks
    ("违反本条例第十一条，超出职业介绍许可范围从事职业介绍的，由劳动行政部门责令改正，没收其非法所得，并根据情节轻重，"
     "处以二千元以上、一万元以下罚款，直至吊销《职业介绍许可证》。", ("行政处罚", "劳动行政部门", "吊销许可证"), True),
    # near miss: a revoked licence in the case part is no sanction
    ("被吊销《职业介绍许可证》的，三年内不得申请。", ("行政处罚", "劳动行政部门", "吊销许可证"), False),
]


@pytest.mark.parametrize("text,act,present", ACTION_ROWS)
def test_dogs_action(text: str, act: tuple, present: bool) -> None:
    assert (act in actions(text)) is present


def test_rows_are_loaded() -> None:
    assert {"ordered_registration", "registry_information_sharing"} <= {row.name for row in load_procedures()}

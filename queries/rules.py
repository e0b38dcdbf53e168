"""The 设定权 rules (who may create which power) as data, and how a basis is judged.

The table is ``ontology/setting_rules.csv``: one row per (category, type,
rank) with ``allowed`` in yes / no / conditional and the law and article that
state it (行政许可法 arts. 14-17, 行政处罚法 arts. 10-16, 行政强制法 arts. 10
and 13, 立法法 arts. 11-12).  Types of a power are recognised by patterns in
the item's name and in the clauses it rests on: the kinds of penalty of
行政处罚法 art. 9 (``ontology/penalty_kinds.csv``), the coercive acts, each a
measure of 行政强制法 art. 9 or an enforcement of art. 12
(``ontology/coercive_acts.csv``: 强制卸货 is a measure of art. 9 item 5, 代履行
an enforcement of art. 12 item 5), and the other types
(``ontology/power_types.csv``: 税收).  ``ontology/ambiguous_acts.csv`` lists
the acts whose category is defensibly several (征用, 暂扣 ...).

Judgement: a basis rank *permits* an item when every type of the item is
allowed (``yes`` or ``conditional``) for that rank; a type without its own
row falls back to the category row; a category without rows is unruled
(every rank permits).  ``conditional`` is never reported: the condition (no
higher law yet, a provincial rule, a fine within the limit) is not decidable
from the graph.

>>> rules = setting_rules()
>>> permitted(rules, "行政处罚", {"行政拘留"}, "地方性法规").allowed
'no'
>>> permitted(rules, "行政处罚", {"罚款"}, "部门规章").allowed
'conditional'
>>> sorted(power_types("行政强制", ["对违法财物的查封、扣押"]))
['扣押', '查封']
>>> sorted(power_types("行政强制", ["发现车辆超载的强制卸货"]))
['其他强制措施']
>>> name_head("对擅自移动林业服务标志的责令限期恢复")
'责令限期恢复'
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Iterable

from .findings import cn

ONTOLOGY = "ontology"

# Ranks a citation can stand for, by the tag lists print in 【】 before a law.
RANK_TAGS: dict[str, tuple[str, ...]] = {
    "法律": ("法律",),
    "行政法规": ("行政法规",),
    "法规": ("行政法规", "地方性法规"),
    "地方性法规": ("地方性法规",),
    "自治条例": ("地方性法规",),
    "单行条例": ("地方性法规",),
    "规章": ("部门规章", "地方政府规章"),
    "部门规章": ("部门规章",),
    "地方政府规章": ("地方政府规章",),
    "政府规章": ("地方政府规章",),
    "国务院决定": ("国务院决定",),
    "规范性文件": ("规范性文件",),
    "其他": ("规范性文件",),
    "文件": ("规范性文件",),
}


@dataclass(frozen=True)
class SettingRule:
    category: str
    type: str  # empty: the whole category
    rank: str
    allowed: str  # yes | no | conditional
    law: str
    article: int
    paragraph: int | None
    item: int | None
    note: str

    @property
    def article_label(self) -> str:
        text = f"第{cn(self.article)}条"
        if self.paragraph:
            text += f"第{cn(self.paragraph)}款"
        if self.item:
            text += f"第（{cn(self.item)}）项"
        return text


@dataclass(frozen=True)
class PowerType:
    category: str
    type: str
    pattern: re.Pattern[str]


def _read_csv(name: str) -> list[dict[str, str]]:
    text = resources.files(ONTOLOGY).joinpath(name).read_text(encoding="utf-8-sig")
    return list(csv.DictReader(text.splitlines()))


@functools.lru_cache(maxsize=1)
def setting_rules() -> dict[tuple[str, str, str], SettingRule]:
    """The rule table keyed by (category, type, rank)."""
    rules = {}
    for row in _read_csv("setting_rules.csv"):
        rule = SettingRule(
            category=row["category"], type=row["type"], rank=row["rank"], allowed=row["allowed"],
            law=row["law"], article=int(row["article"]),
            paragraph=int(row["paragraph"]) if row["paragraph"] else None,
            item=int(row["item"]) if row["item"] else None, note=row["note"],
        )
        rules[(rule.category, rule.type, rule.rank)] = rule
    return rules


@dataclass(frozen=True)
class Act:
    """An act the law classifies: a penalty kind, a coercive act, or one defensibly of several categories.

    ``categories`` are those the law gives it (one, except for an ambiguous
    act); ``type`` is its setting-rule type (``ontology/setting_rules.csv``);
    ``kind`` is 行政强制措施 / 行政强制执行 for a coercive act; ``law`` and
    ``provision`` cite where the category comes from.
    """

    name: str
    categories: tuple[str, ...]
    type: str
    pattern: re.Pattern[str]
    law: str
    provision: str
    kind: str = ""
    note: str = ""
    table: str = ""  # the ontology table and row, for evidence: ambiguous_acts.csv#3

    @property
    def ambiguous(self) -> bool:
        return len(self.categories) > 1


PUNISHMENT_LAW = "中华人民共和国行政处罚法"
COERCION_LAW = "中华人民共和国行政强制法"


@functools.lru_cache(maxsize=1)
def acts() -> tuple[Act, ...]:
    """Every act of the three act tables: penalty kinds, coercive acts, ambiguous acts."""
    found = [
        Act(r["kind"], ("行政处罚",), r["kind"], re.compile(r["pattern"]), PUNISHMENT_LAW,
            f"第九条第（{cn(int(r['item']))}）项", note=r["note"], table=f"penalty_kinds.csv#{n}")
        for n, r in enumerate(_read_csv("penalty_kinds.csv"), start=2)
    ]
    found += [
        Act(r["act"], ("行政强制",), r["type"], re.compile(r["pattern"]), COERCION_LAW,
            f"第{cn(int(r['article']))}条第（{cn(int(r['item']))}）项", kind=r["kind"], note=r["note"],
            table=f"coercive_acts.csv#{n}")
        for n, r in enumerate(_read_csv("coercive_acts.csv"), start=2)
    ]
    found += [
        Act(r["act"], tuple(r["categories"].split("|")), "", re.compile(r["pattern"]), r["law"],
            SettingRule("", "", "", "", r["law"], int(r["article"]), int(r["paragraph"]) if r["paragraph"] else None,
                        int(r["item"]) if r["item"] else None, "").article_label,
            note=r["note"], table=f"ambiguous_acts.csv#{n}")
        for n, r in enumerate(_read_csv("ambiguous_acts.csv"), start=2)
    ]
    return tuple(found)


@functools.lru_cache(maxsize=1)
def _power_types() -> tuple[PowerType, ...]:
    typed = [PowerType(act.categories[0], act.type, act.pattern) for act in acts() if not act.ambiguous]
    return tuple(typed) + tuple(PowerType(r["category"], r["type"], re.compile(r["pattern"]))
                                for r in _read_csv("power_types.csv"))


# What follows the last 的 of a name names the act when it is an act or a category word:
# 对…的处罚 is a penalty whatever 查封 or 吊销营业执照 the violation it describes mentions.
_CATEGORY_WORDS = re.compile(r"处罚|许可|检查|强制|措施|执行|征收|征缴|征用|收费|确认|登记|奖励|裁决|给付|备案|审批|核准|责令|监督")


@functools.lru_cache(maxsize=1 << 16)
def name_head(name: str) -> str:
    """The part of an item name that names its act: after the last 的 when that names an act, else the whole.

    After the last 的 also when the name reads 对…的 and what follows is a
    category word (对…的处罚); not otherwise: 吊销营业执照的处罚 names its act.
    """
    if "的" not in name:
        return name
    tail = name.rsplit("的", 1)[1].strip()
    if tail and any(act.pattern.search(tail) for act in acts()):
        return tail
    if tail and name.startswith("对") and _CATEGORY_WORDS.search(tail):
        return tail
    return name


def consequence(text: str) -> str:
    """The part of a clause after its condition (…的，): what the body may do, not the violation."""
    for mark in ("的，", "的,"):
        if mark in text:
            return text.split(mark, 1)[1]
    return text


def power_types(category: str, texts: Iterable[str]) -> set[str]:
    """Types of ``category`` named in ``texts`` (item name, clause actions)."""
    found = set()
    for text in texts:
        if text:
            found.update(_types_in(category, text))
    return found


@functools.lru_cache(maxsize=1 << 16)
def _types_in(category: str, text: str) -> frozenset[str]:
    # clause actions (罚款, 吊销许可证 ...) recur on every item citing the article: match each text once
    return frozenset(ptype.type for ptype in _power_types() if ptype.category == category and ptype.pattern.search(text))


@dataclass(frozen=True)
class Verdict:
    allowed: str  # yes | no | conditional
    rule: SettingRule | None  # the rule that decided (the first 'no' when not allowed)


def permitted(rules: dict[tuple[str, str, str], SettingRule], category: str, types: set[str], rank: str) -> Verdict:
    """Whether a basis of ``rank`` may create an item of ``category`` with ``types``."""
    category_rule = rules.get((category, "", rank))
    verdicts: list[Verdict] = []
    for ptype in sorted(types) or [""]:
        rule = rules.get((category, ptype, rank)) or category_rule
        if rule is None:
            verdicts.append(Verdict("yes", None))
        else:
            verdicts.append(Verdict(rule.allowed, rule))
    for verdict in verdicts:
        if verdict.allowed == "no":
            return verdict
    for verdict in verdicts:
        if verdict.allowed == "conditional":
            return verdict
    return verdicts[0]


def ranks_of_tag(tag: str | None) -> tuple[str, ...]:
    """Ranks a 【tag】 stands for; empty when unknown."""
    if not tag:
        return ()
    tag = tag.strip("【】[] ")
    return RANK_TAGS.get(tag, ())

"""The 设定权 rules (who may create which power) as data, and how a basis is judged.

The table is ``ontology/setting_rules.csv``: one row per (category, type,
rank) with ``allowed`` in yes / no / conditional and the law and article that
state it (行政许可法 arts. 14-17, 行政处罚法 arts. 10-16, 行政强制法 arts. 10
and 13, 立法法 arts. 11-12).  Types of a power (行政拘留, 吊销营业执照, 冻结,
行政强制执行, 税收 ...) are recognised by the patterns of
``ontology/power_types.csv`` in the item's name and in the actions of the
clauses it rests on.

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


@functools.lru_cache(maxsize=1)
def _power_types() -> tuple[PowerType, ...]:
    return tuple(PowerType(r["category"], r["type"], re.compile(r["pattern"])) for r in _read_csv("power_types.csv"))


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

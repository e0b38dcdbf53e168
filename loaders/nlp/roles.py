"""Level and sector of a statutory subject (domain.md section 5).

The level vocabulary is fixed (the queries map it to government levels); the
sector is the canonical sector of ``ontology/sectors.csv`` (longest term first,
2018 renames applied), ``人民政府`` for a government itself, else the raw
sector phrase without its 主管部门-style suffix.

>>> role_of("县级以上人民政府食品安全监督管理部门")
('县级以上', '市场监督管理')
>>> role_of("省、自治区、直辖市人民政府")
('省级', '人民政府')
>>> role_of("公安机关交通管理部门")
(None, '公安')
>>> role_of("国务院环境保护主管部门")
('国务院', '生态环境')
"""

from __future__ import annotations

import csv
import functools
import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .terms import load_tables

SECTORS_CSV = Path(__file__).resolve().parents[2] / "ontology" / "sectors.csv"

_SUFFIXES = ("行政主管部门", "主管部门", "监督管理部门", "行政管理部门", "管理部门", "行政部门", "部门",
             "管理机构", "监督机构", "执法机构", "机构", "机关")
_GENERIC = {"", "有关", "其他有关", "其他", "本级", "本级有关", "各级", "上级", "当地", "所在地", "有关主管",
            "同级", "本级人民政府有关", "地方", "地方各级", "指定", "确定", "确定的监督管理"}


@functools.lru_cache(maxsize=1)
def sector_terms() -> tuple[tuple[str, str], ...]:
    """(term, sector) pairs of ontology/sectors.csv, longest term first."""
    with SECTORS_CSV.open(encoding="utf-8") as handle:
        rows = [(row["term"].strip(), row["sector"].strip()) for row in csv.DictReader(handle) if row.get("term")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@functools.lru_cache(maxsize=8192)  # a corpus names a few thousand subjects, each many times
def level_of(subject: str) -> str | None:
    """The level word of a subject phrase, or None when it names no level."""
    tables = load_tables()
    m = tables.levels.search(subject)
    if m is None or m.start() > 2:  # a level deep inside (…机构 of 县级…) is not the subject's
        return None
    return tables.level_keys[m.lastindex - 1]


def _strip_level(subject: str) -> str:
    tables = load_tables()
    m = tables.levels.match(subject)
    rest = subject[m.end():] if m else subject
    return re.sub(r"^(?:地方)?(?:各级)?(?:人民政府)?", "", rest)


@functools.lru_cache(maxsize=8192)
def sector_of(subject: str) -> str | None:
    """Canonical sector of a subject phrase (see module docstring)."""
    rest = _strip_level(subject)
    if subject.endswith(("人民政府", "办事处")) and not rest.endswith("部门"):
        return "人民政府"
    if subject == "国务院":
        return "人民政府"
    if rest.startswith("其他"):
        return rest  # 其他负有野生动物保护职责的部门: the departments besides the sector's own, no canonical sector
    for term, sector in sector_terms():
        if term in rest:
            return sector
    raw = rest
    raw = re.sub(r"(?:监督管理)?(?:职责)?的部门$", "", raw)
    for suffix in _SUFFIXES:
        if raw.endswith(suffix):
            raw = raw[: -len(suffix)]
            break
    raw = re.sub(r"^(?:当地|所在地|同级|本级)", "", raw)
    raw = re.sub(r"^(?:其他)?(?:负责|负有)", "", raw)
    raw = re.sub(r"(?:监督管理)?(?:职责)?的(?:部门)?$", "", raw)
    if raw in _GENERIC:
        return rest or subject  # 有关部门: nothing better than the phrase itself
    return raw


def role_of(subject: str) -> tuple[str | None, str | None]:
    return level_of(subject), sector_of(subject)


if not Doc.has_extension("clauses"):
    Doc.set_extension("clauses", default=None)


@Language.factory("statutory_roles")
def make_roles(nlp: Language, name: str):
    return RoleNormaliser()


class RoleNormaliser:
    """Pipeline component: fills level and sector of every ``Doc._.clauses`` finding."""

    def __call__(self, doc: Doc) -> Doc:
        for finding in doc._.clauses or ():
            level, sector = role_of(finding.subject)
            finding.level = level or (level_of(finding.inherited_level) if finding.inherited_level else None)
            finding.sector = sector
        return doc

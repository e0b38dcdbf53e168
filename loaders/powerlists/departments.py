"""Governments, departments and the sectors each department carries.

A power list names offices (克拉玛依市生态环境局, 市科技局, 地州市商务主管部门);
statutes name roles (县级以上人民政府环境保护主管部门).  This module

* finds the government a file, title or 实施主体 names (克拉玛依市 -> city,
  新疆维吾尔自治区 -> province) and its parent;
* gives each department a canonical name within its government (市科技局 and
  克拉玛依市科技局 are one department: 克拉玛依市科技局);
* writes a department named by its statutory role in one spelling: a list that
  names roles (县级以上市场监管部门, 县级以上工商、市场监管部门, 市、县级市场监督管理部门
  in one Zhejiang list) names one department under several, which
  ``ontology/department_names.csv`` (written -> name, each row citing the list)
  makes one (:func:`respelled`);
* maps a department to the canonical sectors it carries, from
  ``ontology/departments.csv`` (keyword -> sectors, the 2018 reform merges
  included: 市场监督管理局 carries 市场监督管理, 药品监督管理, 知识产权).

Extending the sector table per government
------------------------------------------
``ontology/departments.csv`` has the columns ``keyword,sectors,government,note``.
``sectors`` is a ``;``-separated list of canonical sectors (the ``sector``
column of ``ontology/sectors.csv``).  A row with ``government`` set applies only
to departments of that government and wins over the generic rows; use it for
merged bodies, a 综合行政执法局 and local names, e.g.::

    综合行政执法,城市管理;住房和城乡建设;生态环境;自然资源,克拉玛依市,concentrated penalties

Users can also put a ``departments.csv`` with the same columns beside the
workbooks they load: ``load_powers`` reads it too (its rows first).

>>> find_government("克拉玛依市人力资源和社会保障局")
GovernmentName(name='克拉玛依市', level=<GovLevel.CITY: 'city'>, parent=None, group=False)
>>> find_government("新疆维吾尔自治区农业农村厅").level.value
'province'
>>> find_government("杭州市西湖区市场监督管理局")
GovernmentName(name='杭州市西湖区', level=<GovLevel.COUNTY: 'county'>, parent='杭州市', group=False)
>>> canonical_department("市科技局", "克拉玛依市"), canonical_department("地州市商务主管部门", "克拉玛依市")
('克拉玛依市科技局', '克拉玛依市商务主管部门')
>>> SectorTable.default().sectors_for("克拉玛依市市场监督管理局", "克拉玛依市")
('市场监督管理', '药品监督管理', '知识产权')
"""

from __future__ import annotations

import csv
import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from kg.model import GovLevel

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology"
DEPARTMENTS_CSV = ONTOLOGY / "departments.csv"
DEPARTMENT_NAMES_CSV = ONTOLOGY / "department_names.csv"
SECTORS_CSV = ONTOLOGY / "sectors.csv"

PROVINCES = (
    "北京市", "天津市", "上海市", "重庆市", "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省",
    "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "海南省",
    "四川省", "贵州省", "云南省", "陕西省", "甘肃省", "青海省", "台湾省", "内蒙古自治区", "广西壮族自治区",
    "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区", "香港特别行政区", "澳门特别行政区",
)
# no province name overlaps another (none ends with the start of another), so one scan finds each named
_PROVINCE_RE = re.compile("|".join(map(re.escape, PROVINCES)))
# short forms that lists and titles use: 新疆, 内蒙古, 广西 ...
_PROVINCE_SHORT = {re.sub(r"(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$", "", p): p for p in PROVINCES}

# Words that start a department, never part of a government name.
_DEPT_WORDS = "局厅委办部院所中心处科站队会室署馆"
_CITY_RE = re.compile(rf"^([^\s{_DEPT_WORDS}（(、，,]{{2,8}}?(?:市|自治州|地区|盟|州))(?!场|政|民|容|区县|县市)")
_COUNTY_RE = re.compile(rf"^([^\s{_DEPT_WORDS}（(、，,]{{1,8}}?(?:自治县|县|区|旗|市))(?!场|政|民|容|管)")
_TOWN_RE = re.compile(rf"^([^\s{_DEPT_WORDS}（(、，,]{{1,8}}?(?:乡|镇|街道))(?!办事处|政府)?")
# Prefixes that stand for "this government" in a list: 市科技局, 地州市商务主管部门, 本级
SELF_PREFIXES = ("地、州、市级", "地（州、市）级", "地州市级", "地、州、市", "地（州、市）", "地州市", "州市级", "州市", "市本级", "本级", "市级", "州级", "市", "州", "县", "区")
_PREFIX_WORDS = ("市场", "市政", "市容", "市民", "区域", "县域", "州市场")
PROVINCE_PREFIXES = ("自治区", "省", "全区", "全省")
_NOISE_PREFIX = re.compile(r"^(?:附件\s*\d*\s*[:：]?|附表\s*\d*\s*[:：]?|\d{4}\s*年(?:度)?|[\s:：、_\-—]+)+")
# Memo sizes: a list names the same few departments on every row of a government's part; the results
# depend only on the arguments (and the sector table), and the bounds keep long runs lean.
NAME_MEMO = 2**14
SECTOR_MEMO = 2**14


@dataclass(frozen=True)
class GovernmentName:
    name: str
    level: GovLevel
    parent: str | None = None
    group: bool = False  # the counties and districts of ``parent`` as one government (:func:`county_group`)


def _province_at(text: str) -> str | None:
    for province in PROVINCES:
        if text.startswith(province):
            return province
    return None


def find_government(text: str) -> GovernmentName | None:
    """The government a name begins with (after 附件：, 2024年 ...), or None."""
    return _find_government(text or "")


@functools.lru_cache(maxsize=NAME_MEMO)
def _find_government(text: str) -> GovernmentName | None:
    text = _NOISE_PREFIX.sub("", (text or "").strip())
    if not text:
        return None
    province = _province_at(text)
    rest = text[len(province):] if province else text
    city = None
    match = _CITY_RE.match(rest)
    if match and not _is_generic(match.group(1)):
        city = match.group(1)
        direct = _COUNTY_RE.match(rest) if province else None
        if direct and direct.group(1)[-1] in "区县旗" and len(direct.group(1)) < len(city) and not _is_generic(direct.group(1)):
            city = None  # a district of a municipality, or a county under the province
        else:
            rest = rest[len(city):]
    county = None
    if city or province:
        match = _COUNTY_RE.match(rest)
        if match and not _is_generic(match.group(1)) and len(rest) > len(match.group(1)):
            county = match.group(1)
    elif len(text) > 4:
        # a county named alone (白碱滩区住房和城乡建设局): its parent comes from the batch
        match = re.match(rf"^([^\s{_DEPT_WORDS}（(、，,]{{2,5}}?(?:自治县|县|区|旗))(?=.*[{_DEPT_WORDS}府])", rest)
        if match and not _is_generic(match.group(1)) and not match.group(1).endswith(("市区", "城区")):
            county = match.group(1)
    if county:
        parent = city or province
        return GovernmentName((city or province or "") + county, GovLevel.COUNTY, parent)
    if city:
        if province is None and city in PROVINCES:  # 北京市 ... are provinces
            return GovernmentName(city, GovLevel.PROVINCE)
        return GovernmentName(city, GovLevel.CITY, province)
    if province:
        return GovernmentName(province, GovLevel.PROVINCE)
    return None


# --- sheets of another level ------------------------------------------------------
#
# A city's workbook may hold a sheet of the powers its counties and districts exercise (林业和草原系统
# 地县两级权责清单指导目录: sheets 地州级 and 区县级, the second titled …2024年区县级权责清单, its 实施层级
# column 县市区级).  Its departments are county-level ones (县市区林业和草原局, …各区自然资源分局): read
# under the city, they took part in the city's overlaps and vacuums as if they were its own.  No single
# county's list: they belong to the counties and districts of the city as a group (:func:`county_group`).

# the counties and districts as a group: 县（市、区）, 县市区, 区县 ...
_COUNTY_GROUP_WORDS = r"(?:县[（(]市、区[）)]|县[（(]市区[）)]|县[（(]区[）)]|区[（(]县[）)]|县市区|区县市|县区|区县|县市)"
# 区县级, 县（市、区）级, 县级: not 县级以上 (a role of every level from the county up), not 市、县级 / 市县级 /
# 地县两级 (several levels), not 自治区级 or 城区级 (a word ending in 区), not 昌吉州区县级 (another place's)
_COUNTY_LEVEL_RE = re.compile(
    rf"(?<![省市州地治社城园矿林乡镇两三、和及与至区县])(?:{_COUNTY_GROUP_WORDS}|县|区)级(?!以上|以下|及以上|市(?!场))")
# a sheet named by the group alone: 县市区, 县（市、区）权责清单, 各区县事项
_COUNTY_SHEET_RE = re.compile(rf"^各?{_COUNTY_GROUP_WORDS}(?:(?:权责|权力|责任)?清单|事项|部门)?$")
# a sheet or title stating a city's own level: 地州级, 地州市级, 市级, 市本级, 本级 (not 县市级: the county level first)
_OWN_LEVEL_RE = re.compile(r"(?:(?:地州市|地、州、市|地州|州市|地市|市|州|盟)(?:级|本级)|本级)(?!以上|以下)")
# a sheet or title naming one county or district: 白碱滩区, 克拉玛依区2024年权责清单, 某县权力清单
_ONE_COUNTY_RE = re.compile(rf"^([^\s{_DEPT_WORDS}（(、，,\d]{{1,8}}?(?:自治县|县|区|旗))(?=$|\d|权|清单|本级|行政)")
# a sheet of the townships as a group: 乡镇级, 乡镇（街道）权责清单, 各乡镇 (the words: ontology/list_levels.csv)
_TOWNSHIP_SHEET_RE = re.compile(r"^(.+?)(?:(?:权责|权力|责任)?清单|事项|部门)?$")
# a cell naming the county-level units of a group: 县市区农业农村局, 各区绿化委员会, 克拉玛依市自然资源局各区自然资源分局
_COUNTY_UNIT_RE = re.compile(rf"^(?:各|{_COUNTY_GROUP_WORDS})|各(?:区|县)|{_COUNTY_GROUP_WORDS}(?!级以上)")


def county_group(of: GovernmentName) -> GovernmentName:
    """The counties and districts of a city (or province) as one government: 克拉玛依市所辖县（市、区）.

    A sheet of their powers names no single county: its departments belong to this county-level
    government, whose parent is ``of`` (so the city's local legislation binds it), and not to ``of``.

    >>> county_group(GovernmentName("克拉玛依市", GovLevel.CITY, "新疆维吾尔自治区"))
    GovernmentName(name='克拉玛依市所辖县（市、区）', level=<GovLevel.COUNTY: 'county'>, parent='克拉玛依市', group=True)
    """
    return GovernmentName(f"{of.name}所辖县（市、区）", GovLevel.COUNTY, of.name, True)


def sheet_level(sheet: str, titles: Iterable[str], of: GovernmentName, file: str = "") -> tuple[GovernmentName, str] | None:
    """The government of another level than ``of`` (the workbook's) that a sheet's name or title rows
    name, else its workbook's file name, and why; None when the sheet is ``of``'s own.

    * one county or district (白碱滩区, 克拉玛依区2024年权责清单, 克拉玛依市独山子区…): that county;
    * the county level without naming one (区县级, 县市区, 县（市、区）级权责清单, …2024年区县级权责清单):
      the city's counties and districts as a group (:func:`county_group`).

    A sheet whose name or title states the workbook's own level (地州级, 市级, 市本级) is ``of``'s whatever
    the file name says.  Only a city's or a province's workbook has such sheets: a county's own sheets are
    the county's.
    """
    if of.level not in (GovLevel.CITY, GovLevel.PROVINCE):
        return None
    for where, text in (("name", sheet), *(("title", t) for t in titles), ("file name", file)):
        text = _NOISE_PREFIX.sub("", re.sub(r"\s+", "", text or ""))
        if not text:
            continue
        named = find_government(text)
        rest = text
        if named is not None:
            if named.level == GovLevel.COUNTY:
                if named.parent is None and of.level == GovLevel.CITY:
                    named = GovernmentName(of.name + named.name, GovLevel.COUNTY, of.name)
                return named, f"its {where} {text[:40]} names {named.name}"
            if named.name != of.name:
                continue  # another city's or the province's title: not a level of this list
            rest = text[len(named.name):]
        elif text.startswith(of.name):
            rest = text[len(of.name):]
        one = _ONE_COUNTY_RE.match(rest)
        if one and not _is_generic(one.group(1)) and not _COUNTY_SHEET_RE.match(rest):
            county = one.group(1)
            name = county if of.level != GovLevel.CITY or county.startswith(of.name) else of.name + county
            return GovernmentName(name, GovLevel.COUNTY, of.name), f"its {where} {text[:40]} names {name}"
        found = _COUNTY_SHEET_RE.match(rest) or _COUNTY_LEVEL_RE.search(rest)
        if found:
            return county_group(of), f"its {where} {text[:40]} names the county level ({found.group(0)}), no single county"
        towns = _TOWNSHIP_SHEET_RE.match(rest)
        phrase = level_phrase(towns.group(1)) if towns else None
        if phrase is not None and phrase.end == len(towns.group(1)) and phrase.levels(of) == (GovLevel.TOWNSHIP,):
            group = level_group(of, GovLevel.TOWNSHIP)
            return group, f"its {where} {text[:40]} names the township level ({phrase.text}), no single township"
        if where != "file name" and _OWN_LEVEL_RE.search(rest):
            return None  # the sheet says it is the city's (地州级 beside 区县级 in a 地县两级 workbook)
    return None


def _group_department(name: str, group: GovernmentName, province: str | None) -> tuple[GovernmentName, str]:
    """A 实施主体 cell of a sheet (or a row, :func:`row_level`) read as a lower level of ``group.parent``.

    A unit of the group's level the cell names generically (县市区林业和草原局, 各区绿化委员会,
    克拉玛依市自然资源局各区自然资源分局) or a body with no government of its own (林业和草原局) is the
    group's, under its written name; a role named by the group's level alone (县食品药品监管部门(含基层监管所)
    in a province's list) is the group's under the spelling ``ontology/department_names.csv`` keeps; one county
    (白碱滩区…局) is that county's; the parent's own office (克拉玛依市林业和草原局, 市林业局: a row whose
    实施层级 is 地州市级) and the province's stay theirs.
    """
    named = find_government(group.parent or "")
    parent = GovernmentName(group.parent or "", named.level if named and named.name == group.parent else GovLevel.CITY)
    phrase = level_phrase(name)
    if phrase is not None and phrase.end < len(name) and phrase.levels(parent) == (group.level,):
        return group, _role_spelling(name[phrase.end:]) or name
    gov, department = _department_government(name, parent, province)
    if gov.name != parent.name:
        return gov, department
    if _COUNTY_UNIT_RE.search(name) or (find_government(name) is None
                                        and not (name.startswith(SELF_PREFIXES) and not name.startswith(_PREFIX_WORDS))):
        return group, name
    return gov, department


# --- rows of a lower level in a sheet of the workbook's own ---------------------------
#
# A city's sheet may name a county-level body on a row of its own (the 农业农村局 list's 行政征收 item, one row per
# level: 自治区农业农村厅 自治区级, 地州市农业农村局 地州市级, 县市区农业农村局 县市区级), and a province's catalogue the
# bodies of its cities and counties (市食品药品监督管理部门, 县食品药品监管部门(含基层监管所)).  Read under the
# workbook's government, they took part in its overlaps and vacuums (县市区农业农村局 named among 克拉玛依市's
# departments).  The grammar of level words (``ontology/list_levels.csv``, each row citing the list) reads the level
# a 实施主体 opens with (县市区…, 市、县级…, 县级以上…), a unit a body's name ends with (…局各区…分局, …局克拉玛依区分局)
# and the 实施层级 column (县市区级); a row of lower levels only is loaded under each of them.


LIST_LEVELS_CSV = ONTOLOGY / "list_levels.csv"
_LEVELS_DOWN = (GovLevel.PROVINCE, GovLevel.CITY, GovLevel.COUNTY, GovLevel.TOWNSHIP)
_GROUP_NAMES = {GovLevel.CITY: "所辖市（地、州、盟）", GovLevel.COUNTY: "所辖县（市、区）", GovLevel.TOWNSHIP: "所辖乡（镇、街道）"}


@dataclass(frozen=True)
class _LevelGrammar:
    phrase: re.Pattern[str]  # a level phrase opening a text: 各区, 县市区, 市、县级, 县级以上, 省、市、县、所
    word: re.Pattern[str]  # one level word of a phrase
    levels: dict[str, GovLevel]  # level word -> level
    units: tuple[tuple[re.Pattern[str], GovLevel], ...]  # a lower level's unit a body's name ends with


@functools.lru_cache(maxsize=1)
def _level_grammar() -> _LevelGrammar:
    with open(LIST_LEVELS_CSV, encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r.get("kind")]
    words = sorted((r for r in rows if r["kind"] in ("word", "after")), key=lambda r: -len(r["text"]))

    def alternation(chosen) -> str:
        return "|".join(re.escape(r["text"]) + (f"(?![{re.escape(r['not_before'])}])" if r["not_before"] else "")
                        for r in chosen)

    def of_kind(kind: str) -> str:
        return "|".join(re.escape(r["text"]) for r in sorted((r for r in rows if r["kind"] == kind), key=lambda r: -len(r["text"])))

    # an ``after`` word is a level only after another: 省、市、县、所 (the police station level), never alone (所属, 所有)
    first = alternation(r for r in words if r["kind"] == "word")
    every = alternation(words)
    phrase = re.compile(rf"^(?:{of_kind('each')})?(?:{first})(?:、?(?:{every}))*(?:{of_kind('suffix')})?(?:{of_kind('above')})?")
    units = tuple((re.compile(r["text"]), GovLevel(r["level"])) for r in rows if r["kind"] == "unit")
    return _LevelGrammar(phrase, re.compile(every), {r["text"]: GovLevel(r["level"]) for r in words}, units)


@dataclass(frozen=True)
class LevelPhrase:
    """The level words opening a 实施主体 or 实施层级 cell: 县市区 (农业农村局), 市、县级 (市场监督管理部门), 县级以上."""

    text: str
    words: tuple[str, ...]
    above: bool  # 以上: every level from the lowest named up to the province

    @property
    def end(self) -> int:
        return len(self.text)

    def levels(self, of: GovernmentName) -> tuple[GovLevel, ...]:
        """The levels named, top down, as ``of`` reads them: a word its own name ends with is its level
        (市 in 北京市's list, 区 in a district's), else the word's (市 in 浙江省's list is the city level)."""
        grammar = _level_grammar()
        named = {of.level if of.name.endswith(word) else grammar.levels[word] for word in self.words}
        if self.above:
            lowest = max(_LEVELS_DOWN.index(level) for level in named)
            named = set(_LEVELS_DOWN[:lowest + 1])
        return tuple(level for level in _LEVELS_DOWN if level in named)


def level_phrase(text: str) -> LevelPhrase | None:
    """The level phrase ``text`` opens with, or None.

    >>> level_phrase("县市区农业农村局").words, level_phrase("市、县级市场监督管理部门").words
    (('县市区',), ('市', '县'))
    >>> level_phrase("县级以上工商、市场监管部门").above, level_phrase("市场监督管理局"), level_phrase("区域办")
    (True, None, None)
    """
    grammar = _level_grammar()
    found = grammar.phrase.match(re.sub(r"\s+", "", text or ""))
    if not found:
        return None
    body = found.group(0)
    words = tuple(m.group(0) for m in grammar.word.finditer(body.lstrip("各")))
    return LevelPhrase(body, words, body.endswith("以上"))


def level_group(of: GovernmentName, level: GovLevel) -> GovernmentName:
    """The governments of one level below ``of`` as one (:func:`county_group` for the county level).

    >>> level_group(GovernmentName("浙江省", GovLevel.PROVINCE), GovLevel.CITY).name
    '浙江省所辖市（地、州、盟）'
    """
    if level == GovLevel.COUNTY:
        return county_group(of)
    return GovernmentName(f"{of.name}{_GROUP_NAMES[level]}", level, of.name, True)


def _role_spelling(bare: str) -> str | None:
    """A role's spelling ``ontology/department_names.csv`` keeps, for a name without a government: 食品药品监管部门
    -> 食品药品监督管理部门; a kept spelling is itself; None for any other name (农业农村局)."""
    spellings = _spellings()
    bare = _brackets(bare)
    return spellings.get(bare) or (bare if bare in spellings.values() else None)


def stated_level(text: str, of: GovernmentName) -> tuple[GovLevel, ...]:
    """The levels a 实施层级 cell states (地州市级, 县市区级, 地州市级、县市区级; 地州市级；负责… the level before the note);
    none when it opens with no level phrase alone (县级接收申请并签署意见上报, 上报核准申请)."""
    levels: list[GovLevel] = []
    for part in re.split(r"[、，,；;/]|和|及(?!以上)", re.sub(r"\s+", "", text or "")):
        phrase = level_phrase(part)
        if phrase is None or phrase.end != len(part):
            break
        levels.extend(level for level in phrase.levels(of) if level not in levels)
    return tuple(level for level in _LEVELS_DOWN if level in levels)


def _units(name: str) -> Iterator[tuple[GovLevel, str, str | None]]:
    """The units of a lower level a body's name ends with (``unit`` rows of ``ontology/list_levels.csv``):
    (level, the unit's words, the one place it names or None): …局各区自然资源分局 -> (county, 各区自然资源分局, None),
    …局克拉玛依区分局 -> (county, 克拉玛依区分局, 克拉玛依区); a name that is the unit alone (白碱滩区分局) names no body
    it is a branch of, and a zone (高新区分局) no place."""
    for pattern, level in _level_grammar().units:
        unit = pattern.search(name)
        if unit is None:
            continue
        place = unit.groupdict().get("place")
        if place is not None and (unit.start() == 0 or _is_generic(place)):
            continue
        yield level, unit.group(0), place


def _branch_county(place: str, city: str) -> str:
    return place if place.startswith(city) else city + place


def lower_units(text: str, of: GovernmentName) -> list[str]:
    """The units of a lower level than ``of`` a 承办机构 cell names beside ``of``'s offices: 矿产资源管理科、各区自然资源分局
    -> ['各区自然资源分局'].  They carry out the power of the body the row names, which stays ``of``'s."""
    return list(_lower_units(text or "", of))


@functools.lru_cache(maxsize=NAME_MEMO)
def _lower_units(text: str, of: GovernmentName) -> tuple[str, ...]:
    if of.group or of.level not in _LEVELS_DOWN[:3]:
        return ()
    below = _LEVELS_DOWN[_LEVELS_DOWN.index(of.level) + 1:]
    found = []
    for part in re.split(r"[、，,；;/]", re.sub(r"\s+", "", text)):
        phrase = level_phrase(part) if find_government(part) is None else None
        levels = [level for level, _, _ in _units(part)] or (list(phrase.levels(of)) if phrase and phrase.end < len(part) else [])
        if levels and of.level not in levels and set(levels) <= set(below):
            found.append(part)
    return tuple(found)


@functools.lru_cache(maxsize=NAME_MEMO)  # a sheet repeats its few 实施主体 and 实施层级 cells row after row
def row_level(cell: str, stated: str, of: GovernmentName) -> tuple[tuple[GovernmentName, ...], str] | None:
    """The governments of lower levels than ``of`` that a row of ``of``'s sheet belongs to, and why; None when
    it is ``of``'s (or names another government, which :func:`department_government` reads).

    * a unit of a lower level the body's name ends with: …局各区…分局 (the county level as a group),
      …局克拉玛依区分局 (that district);
    * the level phrase the body opens with: 县市区农业农村局 (the county level), 市、县食品药品监管部门 in a
      province's list (the city and the county level: one item each); a phrase naming ``of``'s own level among
      others (县级以上…, 市、县级… in a city's list) is ``of``'s, as is a phrase naming only higher levels;
    * for a body naming no level and no government (农业农村局, a statutory role), the 实施层级 column (县市区级).

    >>> city = GovernmentName("克拉玛依市", GovLevel.CITY, "新疆维吾尔自治区")
    >>> [g.name for g in row_level("县市区农业农村局", "县市区级", city)[0]], row_level("克拉玛依市农业农村局", "", city)
    (['克拉玛依市所辖县（市、区）'], None)
    """
    if of.group or of.level not in _LEVELS_DOWN[:3]:
        return None
    name = re.sub(r"\s+", "", split_departments(cell or "")[0] if cell else "")
    below = _LEVELS_DOWN[_LEVELS_DOWN.index(of.level) + 1:]
    for level, unit, place in _units(name):
        if level not in below:
            continue
        if place is None:
            return (level_group(of, level),), f"its 实施主体 {name} names the {level.value} level's units together ({unit})"
        if of.level == GovLevel.CITY:
            county = _branch_county(place, of.name)
            return (GovernmentName(county, GovLevel.COUNTY, of.name),), f"its 实施主体 {name} is a branch in {county}"
    named = find_government(name) if name else None
    phrase = level_phrase(name) if named is None else None
    if phrase is not None and phrase.end < len(name):
        levels = phrase.levels(of)
        why = f"its 实施主体 {name} names the {' and '.join(level.value for level in levels)} level ({phrase.text})"
    elif named is None and not (name.startswith(SELF_PREFIXES) and not name.startswith(_PREFIX_WORDS)):
        levels = stated_level(stated, of)
        written = re.sub(r"\s+", "", stated or "")[:20]
        why = f"its 实施层级 says {written} and its 实施主体 {name or '(none)'} names no government"
    else:
        return None
    if not levels or of.level in levels or not set(levels) & set(below):
        return None
    return tuple(level_group(of, level) for level in levels if level in below), why


# words ending in 市/区/县 that are no place: 城市管理局, 市区, 矿区
_COMMON_WORDS = {"城市", "城区", "市区", "郊区", "辖区", "社区", "园区", "景区", "矿区", "林区", "牧区", "山区", "灾区", "城乡区", "各区", "全区", "本区", "该区", "开发区", "高新区", "经开区", "保税区", "自贸区"}


def _is_generic(name: str) -> bool:
    """地州市, 县市区, 各区 ...: words for a level, not a place."""
    bare = re.sub(r"[（()）、,，]", "", name)
    if bare in _COMMON_WORDS:
        return True
    return bool(re.fullmatch(r"[各本全省自治区地州市县区旗乡镇级上以下]+", bare)) or bare in _PROVINCE_SHORT


def province_of(texts: Iterable[str]) -> str | None:
    """The province most often named in ``texts`` (cited local regulations name it)."""
    counts: Counter[str] = Counter()
    for text in texts:
        found = _PROVINCE_RE.findall(text)
        if found:
            # in the order of PROVINCES, as ties go to the province counted first
            for province in sorted(set(found), key=PROVINCES.index):
                counts[province] += text.count(province)
    return counts.most_common(1)[0][0] if counts else None


def canonical_department(name: str, government: str) -> str:
    """A department's name as one spelling per government.

    Generic prefixes that stand for this government (市, 地州市, 本级) are
    replaced by its name; a name without any government prefix gets it.
    """
    name = re.sub(r"\s+", "", name or "")
    if not name or not government:
        return name
    if name.startswith(government):
        return name
    for k in range(min(len(name), len(government)), 1, -1):  # 独山子区财政局 in 克拉玛依市独山子区
        if government.endswith(name[:k]) and name[:k][-1] in "区县旗市州盟":
            return government + name[k:]
    short = re.sub(r"(市|自治州|州|地区|盟|县|区|旗)$", "", government)
    if short and len(short) >= 2 and name.startswith(short) and not name.startswith(government):
        rest = name[len(short):]
        rest = re.sub(r"^(市|自治州|州|地区|盟|县|区|旗)", "", rest)
        return government + rest
    if name.startswith(_PREFIX_WORDS):
        return government + name  # 市场监督管理局: 市 starts a word here, not a level
    for prefix in SELF_PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix) + 1:
            return government + name[len(prefix):]
    return government + name


def split_departments(cell: str) -> list[str]:
    """Several bodies in one 实施主体 cell (A局、B支队) -> their names; the first is the primary."""
    return list(_split_departments(cell or ""))


@functools.lru_cache(maxsize=NAME_MEMO)
def _split_departments(cell: str) -> tuple[str, ...]:
    return tuple(_split_departments_uncached(cell))


def _split_departments_uncached(cell: str) -> list[str]:
    cell = re.sub(r"\s+", "", cell or "")
    protected = _outside_brackets(cell)
    parts, start = [], 0
    for sep in re.finditer(r"[、，,；;/]", protected):
        parts.append(cell[start : sep.start()])
        start = sep.end()
    parts = [p for p in parts + [cell[start:]] if p]
    good = [p for p in parts if re.search(r"(局|厅|委员会|委|办公室|办|队|站|中心|所|院|政府|部门|机构)(（[^）]*）)?$", p)]
    return good if len(good) > 1 and len(good) == len(parts) else [cell]


def _outside_brackets(text: str) -> str:
    """Separators inside （…） are not between bodies: protect them."""
    out, depth = [], 0
    for ch in text:
        depth += ch in "（("
        depth -= ch in "）)"
        out.append("\u0001" if depth > 0 and ch in "、，,；;/" else ch)
    return "".join(out)


# 省、市、县、所… / 市级以上… / 市县… (市县食品药品监管部门; not 市场…: 县 must follow)
_LEVELS_RE = re.compile(r"^(?:(?:[省市县区所乡镇]、)+[省市县区所乡镇](?:级)?(?:以上|以下)?|[省市县区](?:级)(?:以上|以下)?|省?市县(?:两级|三级|级)?)(?=.{2,})")


def _strip_levels(name: str) -> str:
    """省、市、县、所公安管理部门 / 市、县级市场监督管理部门 / 省级以上…: a role at several levels -> the body."""
    name = _LEVELS_RE.sub("", name)
    if name.count("）") > name.count("（"):
        name = name.rstrip("）")
    if name.count(")") > name.count("("):
        name = name.rstrip(")")
    return name


def department_government(name: str, default: GovernmentName, province: str | None) -> tuple[GovernmentName, str]:
    """(government, canonical department name) for a 实施主体 cell.

    自治区农业农村厅 in a city's list is a provincial department; 县市区… and
    各区… units stay in ``default`` under their written name (a row of a sheet of the list's own level that names
    them is loaded under the county level first: :func:`row_level`).
    A role written in another spelling of ``ontology/department_names.csv`` is respelled (:func:`respelled`).
    """
    gov, department = _department_government(name or "", default, province)
    return gov, respelled(department, gov.name)


@functools.lru_cache(maxsize=1)
def _spellings() -> dict[str, str]:
    """``ontology/department_names.csv``: a role's other spelling (brackets half-width) -> the one kept."""
    with open(DEPARTMENT_NAMES_CSV, encoding="utf-8", newline="") as handle:
        return {_brackets(row["written"]): row["name"] for row in csv.DictReader(handle) if row.get("written")}


def _brackets(text: str) -> str:
    return text.replace("（", "(").replace("）", ")")


def respelled(department: str, government: str) -> str:
    """The department's name with its role in the spelling ``ontology/department_names.csv`` keeps.

    >>> respelled("浙江省工商、市场监管部门", "浙江省"), respelled("浙江省食品药品监管部门（含基层监管所）", "浙江省")
    ('浙江省市场监督管理部门', '浙江省食品药品监督管理部门')
    >>> respelled("克拉玛依市市场监督管理局", "克拉玛依市")
    '克拉玛依市市场监督管理局'
    """
    if not department.startswith(government):
        return _role_spelling(department) or department  # a lower level's role, named without a government
    kept = _spellings().get(_brackets(department[len(government):]))
    return government + kept if kept else department


@functools.lru_cache(maxsize=NAME_MEMO)
def _department_government(name: str, default: GovernmentName, province: str | None) -> tuple[GovernmentName, str]:
    name = _strip_levels(re.sub(r"\s+", "", name or ""))
    if default.group:
        return _group_department(name, default, province)
    named = find_government(name)
    if named is not None and default.level == GovLevel.COUNTY and named.name == default.parent and any(
            place is not None and _branch_county(place, named.name) == default.name for _, _, place in _units(name)):
        return default, name  # 克拉玛依市市场监督管理局克拉玛依区分局: the city bureau's branch, a body of the district
    if named is not None:
        if named.level == GovLevel.COUNTY and named.parent is None and default.level == GovLevel.CITY:
            named = GovernmentName(default.name + named.name, named.level, default.name)  # a district of the list's city
            return named, canonical_department(name, named.name)
        return named, name
    if province and name.startswith(PROVINCE_PREFIXES):
        for prefix in PROVINCE_PREFIXES:
            if name.startswith(prefix):
                return GovernmentName(province, GovLevel.PROVINCE), province + name[len(prefix):]
    if re.match(r"^(各|县市区|县（市、区）|县市|区县|县区)", name):
        return default, name
    return default, canonical_department(name, default.name)


@dataclass(frozen=True)
class DepartmentName:
    """A 实施主体 cell read as one department: its government, canonical name and other names.

    ``aliases`` holds the canonical names of the bodies a bracket names
    (克拉玛依市发展和改革委员会（粮食和物资储备局）: 克拉玛依市粮食和物资储备局) and the
    cell as written when that differs from ``name`` (市统计局, …本级).
    """

    government: GovernmentName
    name: str
    aliases: tuple[str, ...] = ()


# A bracket after a body's name naming another body is a second name of the same office (一个机构两块牌子):
# 发展和改革委员会（粮食和物资储备局）, 委办公室（市档案局）, 国防动员办公室（人民防空办公室）.  A bracket that says who
# carries the power out (（克拉玛依市自然资源局承办）, （委托…）) names another office: no alias.
_BRACKET_RE = re.compile(r"^(?P<main>.+?)[（(](?P<inner>[^（()）]+)[）)]$")
_BODY_END_RE = re.compile(r"(?:局|厅|委员会|委|办公室|办|署|院|中心)$")
_NOT_ALIAS_RE = re.compile(r"承办|负责|牵头|代管|实施|委托|行使|执行|具体|指导|监督|配合|协助|共同|主管|下属|所属|派出")
_BASE_LEVEL_RE = re.compile(r"(?<=.{3})(?:[（(]本级[）)]|本级)$")  # 财政局本级 / 财政局（本级）: the office itself


def department_name(written: str, default: GovernmentName, province: str | None) -> DepartmentName:
    """The department a 实施主体 cell names, with its other names (see :class:`DepartmentName`).

    >>> city = GovernmentName("克拉玛依市", GovLevel.CITY, "新疆维吾尔自治区")
    >>> d = department_name("克拉玛依市发展和改革委员会（粮食和物资储备局）", city, None)
    >>> d.name, d.aliases
    ('克拉玛依市发展和改革委员会', ('克拉玛依市粮食和物资储备局', '克拉玛依市发展和改革委员会（粮食和物资储备局）'))
    >>> department_name("市统计局本级", city, None).name
    '克拉玛依市统计局'
    >>> department_name("克拉玛依市人民政府（克拉玛依市自然资源局承办）", city, None).name
    '克拉玛依市人民政府（克拉玛依市自然资源局承办）'
    """
    return _department_name(written or "", default, province)


@functools.lru_cache(maxsize=NAME_MEMO)
def _department_name(written: str, default: GovernmentName, province: str | None) -> DepartmentName:
    cell = re.sub(r"\s+", "", written)
    main = _BASE_LEVEL_RE.sub("", cell)
    inner: list[str] = []
    bracket = _BRACKET_RE.match(main)
    if bracket and not _NOT_ALIAS_RE.search(bracket.group("inner")) and _BODY_END_RE.search(bracket.group("main")):
        names = [n for n in re.split(r"[、，,；;]", bracket.group("inner")) if n]
        if names and all(_BODY_END_RE.search(re.sub(r"牌子$", "", n)) for n in names):
            main = bracket.group("main")
            inner = [re.sub(r"^(?:加挂|挂)|牌子$", "", n) for n in names]
    gov, name = department_government(main, default, province)
    aliases: list[str] = []
    for other in inner:
        other_gov, other_name = department_government(other, gov, province)
        if other_gov == gov and other_name != name and other_name not in aliases:
            aliases.append(other_name)
    if cell and cell != name and cell not in aliases:
        aliases.append(cell)
    return DepartmentName(gov, name, tuple(aliases))


# --- sectors ---------------------------------------------------------------------


@dataclass(frozen=True)
class SectorRule:
    keyword: str
    sectors: tuple[str, ...]
    government: str | None = None


@dataclass
class SectorTable:
    """Department keyword -> canonical sectors, generic and per government.

    Read-only once built (:meth:`with_rules` makes a new table): it keeps the
    rules ordered per government and the sectors of the departments it was asked about.
    """

    rules: list[SectorRule] = field(default_factory=list)
    terms: dict[str, str] = field(default_factory=dict)  # sectors.csv term -> sector
    _found: dict[tuple[str, str | None], tuple[str, ...]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _ordered: dict[str | None, list[SectorRule]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _terms_longest_first: list[str] | None = field(default=None, init=False, repr=False, compare=False)

    @classmethod
    @functools.lru_cache(maxsize=1)
    def default(cls) -> "SectorTable":
        return cls.load([DEPARTMENTS_CSV])

    @classmethod
    def load(cls, paths: Iterable[Path]) -> "SectorTable":
        rules: list[SectorRule] = []
        for path in paths:
            with open(path, encoding="utf-8-sig", newline="") as handle:
                for row in csv.DictReader(handle):
                    keyword = (row.get("keyword") or "").strip()
                    sectors = tuple(s.strip() for s in re.split(r"[;；、,，]", row.get("sectors") or "") if s.strip())
                    if keyword and sectors:
                        rules.append(SectorRule(keyword, sectors, (row.get("government") or "").strip() or None))
        return cls(rules, sector_terms())

    def with_rules(self, extra: Iterable[SectorRule]) -> "SectorTable":
        return SectorTable(list(extra) + self.rules, self.terms)

    def sectors_for(self, department: str, government: str | None = None) -> tuple[str, ...]:
        """Canonical sectors a department carries (empty when nothing matches)."""
        key = (department, government)
        found = self._found.get(key)
        if found is None:
            if len(self._found) >= SECTOR_MEMO:
                self._found.clear()
            found = self._found[key] = self._sectors_for(department, government)
        return found

    def _sectors_for(self, department: str, government: str | None) -> tuple[str, ...]:
        name = department
        if government and name.startswith(government):
            name = name[len(government):]
        name = name.replace("人民政府", "")  # 人民政府 holds 民政 but names no sector
        for scope in (government, None):  # this government's rules first, then the generic ones
            found = self._match(name, self._rules_of(scope))
            if found:
                return found
        # fall back to the statutory sector terms (sectors.csv)
        if self._terms_longest_first is None:
            self._terms_longest_first = [t for t in sorted(self.terms, key=len, reverse=True) if len(t) >= 2]
        for term in self._terms_longest_first:
            if term in name:
                return (self.terms[term],)
        return ()

    def _rules_of(self, government: str | None) -> list[SectorRule]:
        """The rules of one government (None: the generic ones), longest keyword first."""
        ordered = self._ordered.get(government)
        if ordered is None:
            if len(self._ordered) >= SECTOR_MEMO:
                self._ordered.clear()
            scoped = [r for r in self.rules if r.government == government]
            ordered = self._ordered[government] = sorted(scoped, key=lambda r: -len(r.keyword))
        return ordered

    @staticmethod
    def _match(name: str, rules: list[SectorRule]) -> tuple[str, ...]:
        """Sectors of the keywords found in ``name``; ``rules`` longest keyword first, so a
        longer keyword takes its characters before a shorter one inside it can."""
        taken = [False] * len(name)
        sectors: list[str] = []
        for rule in rules:
            start = name.find(rule.keyword)
            while start >= 0:
                span = range(start, start + len(rule.keyword))
                if not any(taken[i] for i in span):
                    for i in span:
                        taken[i] = True
                    for sector in rule.sectors:
                        if sector not in sectors:
                            sectors.append(sector)
                    break
                start = name.find(rule.keyword, start + 1)
        return tuple(sectors)


@functools.lru_cache(maxsize=1)
def sector_terms() -> dict[str, str]:
    with open(SECTORS_CSV, encoding="utf-8-sig", newline="") as handle:
        return {row["term"].strip(): row["sector"].strip() for row in csv.DictReader(handle) if row.get("term")}


def canonical_sectors() -> set[str]:
    return set(sector_terms().values())

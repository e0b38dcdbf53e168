"""From statutory roles to a government's departments: levels, regions, sectors.

- ``ontology/levels.csv`` maps a clause's role level (县级以上, 设区的市级 ...)
  to the government levels it binds (province, city, county ...).  A clause
  without a level binds no level here (the subject is too vague to assign).
- A law version *binds* a government when its rank is national (宪法, 法律,
  行政法规, 国务院决定, 部门规章), or when it is local legislation (地方性法规,
  地方政府规章) whose region is the government's own, its province, or a
  government above it.  规范性文件, 司法解释 and 其他 create no powers.
- A department holds a clause when ``Department.sectors`` contains the
  clause's canonical sector.

>>> binds_level("县级以上", "city"), binds_level("国务院", "city"), binds_level(None, "city")
(True, False, False)
>>> region_matches("新疆维吾尔自治区", ["克拉玛依市", "新疆维吾尔自治区"])
True
>>> region_matches("新疆", ["克拉玛依市", "新疆维吾尔自治区"]), region_matches("北京", ["克拉玛依市", "新疆"])
(True, False)
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any, Iterable, Mapping

from .tables import ontology_rows

NATIONAL_RANKS = frozenset({"宪法", "法律", "行政法规", "国务院决定", "部门规章"})
LOCAL_RANKS = frozenset({"地方性法规", "地方政府规章"})


@functools.lru_cache(maxsize=1)
def level_map() -> dict[str, frozenset[str]]:
    """Role level -> government levels it binds (``ontology/levels.csv``)."""
    text = resources.files("ontology").joinpath("levels.csv").read_text(encoding="utf-8-sig")
    levels: dict[str, set[str]] = {}
    for row in csv.DictReader(text.splitlines()):
        levels.setdefault(row["role_level"], set()).add(row["government_level"])
    return {k: frozenset(v) for k, v in levels.items()}


def binds_level(role_level: str | None, government_level: str | None) -> bool:
    if not role_level or not government_level:
        return False
    return government_level in level_map().get(role_level, ())


_SUFFIX = re.compile(r"(维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|省|市|自治州|地区|盟|县|区)$")


def short_place(name: str) -> str:
    """新疆维吾尔自治区 -> 新疆, 克拉玛依市 -> 克拉玛依."""
    name = (name or "").strip()
    short = _SUFFIX.sub("", name)
    return short or name


def region_matches(region: str | None, places: Iterable[str]) -> bool:
    """Whether a law's ``region`` is one of ``places`` (full or short names)."""
    if not region:
        return False
    return _region_matches(region, tuple(places))


# asked once per local clause and government (~700k times for a whole corpus at 100k items)
@functools.lru_cache(maxsize=1 << 16)
def _region_matches(region: str, places: tuple[str, ...]) -> bool:
    wanted = short_place(region)
    return any(place and (place == region or short_place(place) == wanted) for place in places)


def government_places(government: Mapping[str, Any], governments: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """The government's own name, its province and every government above it."""
    places = [government.get("name") or government.get("id", "")]
    if government.get("province"):
        places.append(government["province"])
    seen = set(places)
    parent = government.get("parent")
    while parent and parent not in seen:
        seen.add(parent)
        places.append(parent)
        parent = (governments.get(parent) or {}).get("parent")
    return places


def binds_government(rank: str, region: str | None, places: Iterable[str]) -> bool:
    """Whether a law version of ``rank`` (and ``region``) binds a government at ``places``."""
    if rank in NATIONAL_RANKS:
        return True
    if rank in LOCAL_RANKS:
        return region_matches(region, places)
    return False


def departments_for(sector: str | None, departments: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Departments whose sectors contain ``sector``, in the given order."""
    if not sector:
        return []
    return [d for d in departments if sector in (d.get("sectors") or ())]


@functools.lru_cache(maxsize=1)
def law_scopes() -> tuple[tuple[str, frozenset[str]], ...]:
    """(title fragment, provinces) of laws with a geographic scope (``ontology/law_scopes.csv``)."""
    text = resources.files("ontology").joinpath("law_scopes.csv").read_text(encoding="utf-8-sig")
    return tuple(
        (row["title_contains"], frozenset(p.strip() for p in row["provinces"].split(";") if p.strip()))
        for row in csv.DictReader(text.splitlines())
    )


def applies_in(law: str, places: Iterable[str]) -> bool:
    """Whether a law applies at ``places``: True unless it has a geographic scope
    (``ontology/law_scopes.csv``) that none of the places' provinces is in.
    Places naming no province (a government without a known province) are
    not excluded.

    >>> applies_in("中华人民共和国海岛保护法", ["克拉玛依市", "新疆维吾尔自治区"])
    False
    >>> applies_in("中华人民共和国海岛保护法", ["宁波市", "浙江省"]), applies_in("中华人民共和国海岛保护法", ["某市"])
    (True, True)
    """
    provinces = _law_scope(law)
    return True if provinces is None else _applies_in(provinces, tuple(places))


# vacuums ask once per clause and government: a law's scope depends on the law alone (a whole corpus: ~400
# laws asked about by each of ~300 governments), the answer on its scope and the places
@functools.lru_cache(maxsize=1 << 14)
def _law_scope(law: str) -> frozenset[str] | None:
    for fragment, provinces in law_scopes():
        if fragment in law:
            return provinces
    return None


@functools.lru_cache(maxsize=1 << 16)
def _applies_in(provinces: frozenset[str], places: tuple[str, ...]) -> bool:
    return in_provinces(places, provinces)


_ALL_PROVINCES = (
    "北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽", "福建",
    "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南", "西藏",
    "陕西", "甘肃", "青海", "宁夏", "新疆", "台湾", "香港", "澳门",
)


@dataclass(frozen=True)
class ReformedFunction:
    """One row of ``ontology/reform_functions.csv``: a function an institutional reform moved from the sector
    a statute's older role name maps to (``sector``) to another (``moved_to``), from ``since`` on.

    A role name maps to one sector (``ontology/sectors.csv``: 价格主管 -> 发展和改革), but a reform may move only
    some of its functions: the price supervision and price penalties of 价格主管部门 moved to 市场监督管理 in
    2018, the setting of prices stayed.  A clause of ``sector`` whose subject matches ``subject``, of one of
    ``categories``, and whose text does not match ``unless`` (the functions that stayed) belongs to
    ``moved_to`` for a list dated on or after ``since``.
    """

    rule: str
    sector: str
    subject: re.Pattern[str]
    categories: frozenset[str]
    unless: re.Pattern[str] | None
    moved_to: str
    since: str
    reason: str
    law: str
    article: str

    def moves(self, clause: Any, date: str | None) -> bool:
        return (clause.sector == self.sector and clause.category in self.categories
                and (date is None or date >= self.since) and self.subject.search(clause.subject or "") is not None
                and (self.unless is None or self.unless.search(clause.text or "") is None))

    @property
    def cited(self) -> str:
        return f"{self.reason}（《{self.law}》{self.article}）"


@functools.lru_cache(maxsize=1)
def reformed_functions() -> tuple[ReformedFunction, ...]:
    """The rows of ``ontology/reform_functions.csv``, in table order; a bad row raises ValueError naming its line."""
    known = canonical_sectors()
    rows = []
    for line, row in ontology_rows("reform_functions.csv"):
        if None in row or None in row.values():
            raise ValueError(f"ontology/reform_functions.csv: line {line}: expected 11 cells (quote cells holding a comma)")
        unknown = {row["sector"], row["moved_to"]} - known
        if unknown:
            raise ValueError(f"ontology/reform_functions.csv: line {line}: unknown sector(s) {'、'.join(sorted(unknown))}")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["since"]):
            raise ValueError(f"ontology/reform_functions.csv: line {line}: since must be a date YYYY-MM-DD")
        rows.append(ReformedFunction(
            row["rule"], row["sector"], re.compile(row["subject_pattern"]),
            frozenset(c for c in row["categories"].split(";") if c),
            re.compile(row["unless_pattern"]) if row["unless_pattern"] else None,
            row["moved_to"], row["since"], row["reason"], row["law"], row["article"]))
    return tuple(rows)


def reformed_sector(clause: Any, date: str | None = None) -> str | None:
    """The sector that holds ``clause`` at ``date`` (a list's date; None: now): its own, unless a reform
    (``ontology/reform_functions.csv``) moved that function of its role to another sector.

    >>> from types import SimpleNamespace as C
    >>> check = C(sector="发展和改革", category="行政检查", subject="县级以上人民政府价格主管部门",
    ...           text="县级以上人民政府价格主管部门应当加强对生鲜乳购销过程中压级压价、价格欺诈、价格串通等不正当价格行为的监督检查。")
    >>> reformed_sector(check, "2024-06-01"), reformed_sector(check, "2017-06-01")
    ('市场监督管理', '发展和改革')
    >>> reformed_sector(C(sector="发展和改革", category="行政检查", subject="价格主管部门",
    ...                   text="价格主管部门应当对赃物、罚没物价格鉴证工作进行监督检查。"), "2024-06-01")
    '发展和改革'
    """
    if clause.sector != "人民政府" and government_rule(clause) is not None:
        return "人民政府"  # 由本级人民政府核发养殖证: the department takes the application, the government decides
    for row in reformed_functions():
        if row.moves(clause, date):
            return row.moved_to
    return clause.sector


@functools.lru_cache(maxsize=1)
def canonical_sectors() -> frozenset[str]:
    """The canonical sectors of ``ontology/sectors.csv``, plus 人民政府 (the government itself)."""
    text = resources.files("ontology").joinpath("sectors.csv").read_text(encoding="utf-8-sig")
    return frozenset(row["sector"] for row in csv.DictReader(text.splitlines()) if row.get("sector")) | {"人民政府"}


# ---------------------------------------------------------------------------
# Relevance (ontology/relevance.csv): which clauses a local government exercises at all


@dataclass(frozen=True)
class RelevanceRule:
    """One row of ``ontology/relevance.csv``: a kind of clause no (or only some) local government exercises.

    ``kind`` is ``competence`` (a competence clause: no power toward the
    public on its own), ``no_power`` (a clause of any category that sets no
    power itself: who decides penalties set elsewhere, a referral to another
    law, a definition), ``vertical`` (a vertically managed system: no local
    government exercises it), ``abolished`` (a regime that a later law of
    higher rank abolished: an older regulation's clause implementing it binds
    no one), ``above`` (a body above the government's level: only
    governments of ``levels`` exercise it) or ``scope`` (the clause is
    placed at sea, at the border ...: only governments in ``provinces``)
    or ``government`` (the act is decided by the 本级人民政府 itself, the
    department the clause names only takes the application: the clause maps
    to 人民政府, :func:`reformed_sector`).
    ``match`` names what ``pattern`` (a regular expression) is matched
    against: the clause's ``sector`` (exactly), ``subject``, ``text`` or one
    of its ``actions``; ``categories`` (blank: all) the clause categories the
    row applies to, ``in_law`` (blank: all) a pattern the title of the clause's
    law must match (劳动行政主管部门 means mine safety in 矿山安全法 alone).
    """

    rule: str
    kind: str
    match: str
    pattern: re.Pattern[str]
    categories: frozenset[str]
    levels: frozenset[str]
    provinces: frozenset[str]
    reason: str
    law: str
    article: str
    in_law: re.Pattern[str] | None = None  # the row holds only in laws whose title this matches (blank: any)

    def matches(self, clause: Any) -> bool:
        if self.categories and clause.category not in self.categories:
            return False
        if self.in_law is not None and not self.in_law.search(getattr(clause, "law", "") or ""):
            return False
        if self.match == "sector":
            return (clause.sector or "") == self.pattern.pattern
        if self.match == "actions":
            return any(self.pattern.search(a) for a in clause.actions)
        return bool(self.pattern.search(getattr(clause, self.match, "") or ""))

    def excludes(self, level: str | None, places: Iterable[str]) -> bool:
        """Whether the rule keeps the clause from a government at ``level`` and ``places``."""
        if self.kind in ("competence", "no_power", "vertical", "abolished"):
            return True
        if self.kind == "government":
            return False  # exercised here, by the government itself (reformed_sector)
        if self.kind == "above":
            return level not in self.levels
        return not in_provinces(places, self.provinces)

    @property
    def cited(self) -> str:
        """The reason with the provision it rests on: 《海关法》第三条：…"""
        return f"{self.reason}（《{self.law}》{self.article}）"


RELEVANCE_KINDS = ("competence", "no_power", "vertical", "above", "scope", "abolished", "government")
RELEVANCE_MATCH = ("sector", "subject", "text", "actions")


@functools.lru_cache(maxsize=1)
def relevance_rules() -> tuple[RelevanceRule, ...]:
    """The rows of ``ontology/relevance.csv``, in table order."""
    rules = []
    for line, row in ontology_rows("relevance.csv"):
        if row["kind"] not in RELEVANCE_KINDS or row["match"] not in RELEVANCE_MATCH:
            raise ValueError(f"ontology/relevance.csv: line {line}: unknown kind or match {row['kind']!r}/{row['match']!r}")
        split = lambda cell: frozenset(p.strip() for p in (cell or "").split(";") if p.strip())  # noqa: E731
        in_law = row.get("in_law") or ""
        rules.append(RelevanceRule(row["rule"], row["kind"], row["match"], re.compile(row["pattern"]), split(row["categories"]),
                                   split(row["levels"]), split(row["provinces"]), row["reason"], row["law"], row["article"],
                                   re.compile(in_law) if in_law else None))
    return tuple(rules)


def is_competence(clause: Any) -> bool:
    """Whether a clause states a role's competence (X负责/主管…工作), not a power toward the public.

    The extractor marks such clauses ``construction == "competence"``; stores
    built before it did are read by the ``competence`` rows of
    ``ontology/relevance.csv`` (category 其他 with the action they give, or
    the words 负责/主管…工作 in a clause that grants no act of its own).

    >>> from kg.views import ClauseRef
    >>> is_competence(ClauseRef("c", "p", "其他", "县级以上地方人民政府林业主管部门", actions=("监督管理职责",)))
    True
    >>> is_competence(ClauseRef("c", "p", "其他", "县级以上地方人民政府林业主管部门", actions=("责令改正",)))
    False
    """
    if getattr(clause, "construction", None) == "competence":
        return True
    return competence_rule(clause) is not None


def competence_rule(clause: Any) -> RelevanceRule | None:
    """The ``competence`` row a clause matches, or None."""
    for rule in relevance_rules():
        if rule.kind == "competence" and rule.matches(clause):
            return rule
    return None


def no_power_rule(clause: Any) -> RelevanceRule | None:
    """The ``no_power`` row a clause matches (a jurisdiction, referral or definition clause), or None."""
    for rule in relevance_rules():
        if rule.kind == "no_power" and rule.matches(clause):
            return rule
    return None


def relevance_limits(clause: Any) -> tuple[RelevanceRule, ...]:
    """The ``vertical``/``above``/``scope`` rows a clause matches (what limits where it is exercised)."""
    return tuple(r for r in relevance_rules() if r.kind not in ("competence", "no_power", "government") and r.matches(clause))


@functools.lru_cache(maxsize=1)
def _government_rules() -> tuple[RelevanceRule, ...]:
    return tuple(r for r in relevance_rules() if r.kind == "government")


def government_rule(clause: Any) -> RelevanceRule | None:
    """The ``government`` row a clause matches (an act the 本级人民政府 decides, its department only takes the
    application: 渔业法 art. 11, 由本级人民政府核发养殖证), or None.

    >>> from kg.views import ClauseRef
    >>> government_rule(ClauseRef("c", "p", "行政许可", "县级以上地方人民政府渔业行政主管部门", sector="农业农村",
    ...     text="使用者应当向县级以上地方人民政府渔业行政主管部门提出申请，由本级人民政府核发养殖证。")).rule
    'government-issues'
    >>> government_rule(ClauseRef("c", "p", "行政许可", "县级以上地方人民政府渔业行政主管部门", sector="农业农村",
    ...     text="内陆水域的捕捞许可证，由县级以上地方人民政府渔业行政主管部门批准发放。"))
    """
    for rule in _government_rules():
        if rule.matches(clause):
            return rule
    return None


def in_provinces(places: Iterable[str], provinces: Iterable[str]) -> bool:
    """Whether one of ``places`` lies in ``provinces`` (short names); True when no place names a known province."""
    shorts = {short_place(p) for p in places if p}
    known = {p for s in shorts for p in _ALL_PROVINCES if s.startswith(p) or p.startswith(s)}
    return not known or bool(known & set(provinces))

"""A law-faithful synthetic power list with an answer key.

``python -m bench.generate --items N --seed S --output FILE.csv --key KEY.json``

The list is that of synthetic provinces (a real province name, fictional
cities and counties; departments named as real lists name them: 浙江省生态环境厅,
临川市市场监督管理局, 临川市青山县农业农村局).  Every government lists one item
per authorising clause group - (law, article, category) of a law in force whose
role level admits the government's level (:data:`LEVEL_APPLIES`) - held by the
department of the clause's sector, citing that article in one of the styles
real lists use (【法律】 tag or none, with or without 中华人民共和国, version
notes, quoted article text or not, a second cited regulation).  Then defects
are injected at known rates and recorded in the key:

========================  =============================================================
orphan                    no basis text; an article number the law does not have; an
                          article that grants nothing (no clause at all)
invalid_basis             a penalty or licence resting only on a 规范性文件
stale_basis               the text of another article quoted under the cited number;
                          a superseded version of the law cited
overlap                   a second department of the same government holding the same
                          clause (same article and category)
vacuum                    a clause group that applies to the government left uncovered
unaccountable             no 责任事项 / 追责情形
========================  =============================================================

Defective items are extra items (a list that claims more than the law gives),
so every clause stays covered except the injected vacuums; the only exception
is ``unaccountable``, which blanks the responsibility columns of a clean item.
No two departments of one government rest on the same provision and category
except in the injected overlaps.  The item count is exact: clean coverage plus
defects, topped up with 子项 (sub-items) of clean items.

Same seed, same law set, same item count: byte-identical CSV and key.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Sequence

import cn2an

from .clause_source import (DEFAULT_LAWS, LAWS_DIR, CACHE_DIR, ArticleText, ClauseRecord, LawSource,
                            extraction_fingerprint, load_sources)

COLUMNS: tuple[str, ...] = (
    "序号", "事项编码", "事项名称", "子项名称", "权力类型", "实施依据", "行使主体", "承办机构",
    "实施层级及权限", "责任事项内容", "责任事项依据", "追责对象范围", "追责情形", "备注",
)

def _level_map() -> dict[str, frozenset[str]]:
    """Role level (县级以上, 设区的市级 ...) -> government levels it binds (ontology/levels.csv)."""
    levels: dict[str, set[str]] = defaultdict(set)
    with open(ONTOLOGY / "levels.csv", encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            levels[row["role_level"]].add(row["government_level"])
    return {k: frozenset(v) for k, v in levels.items()}


ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology"
LEVEL_APPLIES: dict[str, frozenset[str]] = _level_map()
LOCAL_LEVELS = ("province", "city", "county")

LEVEL_LABEL = {"province": "省级", "city": "设区的市级", "county": "县级"}

# Real provinces whose synthetic cities and counties the generator invents.
PROVINCES: tuple[str, ...] = (
    "浙江省", "江苏省", "山东省", "河南省", "湖北省", "湖南省", "安徽省", "福建省", "江西省", "河北省",
    "山西省", "辽宁省", "吉林省", "黑龙江省", "广东省", "海南省", "四川省", "贵州省", "云南省", "陕西省",
    "甘肃省", "青海省", "内蒙古自治区", "广西壮族自治区", "宁夏回族自治区", "新疆维吾尔自治区", "西藏自治区",
)
# Characters for invented place names: none that a department name or a level word uses.
_PLACE_CHARS = "安宁平康泰和嘉兴永丰长乐青云白石金华兰溪松桃柳清川源阳新昌明德东西南北丹凤岭湾江林峰泉湖桥宜临沂洛甸坪岩河田塘浦滨瑞昭武"
CITIES_PER_PROVINCE = 11
COUNTIES_PER_CITY = 12

CATEGORY_PREFIX = {
    "行政许可": "XK", "行政处罚": "CF", "行政强制": "QZ", "行政征收": "ZS", "行政给付": "JF",
    "行政检查": "JC", "行政确认": "QR", "行政奖励": "JL", "行政裁决": "CJ", "其他": "QT",
}

# Canonical sector -> (department at province level, at city and county level).
DEPARTMENTS: dict[str, tuple[str, str]] = {
    "市场监督管理": ("市场监督管理局", "市场监督管理局"),
    "药品监督管理": ("药品监督管理局", "市场监督管理局"),
    "知识产权": ("知识产权局", "市场监督管理局"),
    "生态环境": ("生态环境厅", "生态环境局"),
    "自然资源": ("自然资源厅", "自然资源局"),
    "林业和草原": ("林业局", "林业和草原局"),
    "农业农村": ("农业农村厅", "农业农村局"),
    "水利": ("水利厅", "水利局"),
    "交通运输": ("交通运输厅", "交通运输局"),
    "住房和城乡建设": ("住房和城乡建设厅", "住房和城乡建设局"),
    "城市管理": ("住房和城乡建设厅", "城市管理局"),
    "应急管理": ("应急管理厅", "应急管理局"),
    "消防救援": ("消防救援总队", "消防救援支队"),
    "公安": ("公安厅", "公安局"),
    "卫生健康": ("卫生健康委员会", "卫生健康委员会"),
    "文化和旅游": ("文化和旅游厅", "文化和旅游局"),
    "人力资源和社会保障": ("人力资源和社会保障厅", "人力资源和社会保障局"),
    "发展和改革": ("发展和改革委员会", "发展和改革委员会"),
    "工业和信息化": ("工业和信息化厅", "工业和信息化局"),
    "商务": ("商务厅", "商务局"),
    "财政": ("财政厅", "财政局"),
    "教育": ("教育厅", "教育局"),
    "民政": ("民政厅", "民政局"),
}
GOVERNMENT_ITSELF = "人民政府"
# Departments every government has (overlap partners come from here too).
BASE_SECTORS: tuple[str, ...] = (
    "市场监督管理", "生态环境", "自然资源", "农业农村", "交通运输", "住房和城乡建设", "应急管理", "公安",
    "水利", "文化和旅游", "城市管理",
)

OFFICE = {
    "行政许可": ("行政审批科", "政务服务科"),
    "行政处罚": ("执法稽查科", "综合执法大队", "法制科"),
    "行政强制": ("执法稽查科", "综合执法大队"),
    "行政检查": ("监督检查科", "执法稽查科"),
}

SUB_SUFFIXES = {
    "行政许可": ("新办", "变更", "延续", "注销"),
    "行政处罚": ("一般情形", "情节严重情形"),
}

# Responsibility columns, in the words real lists use (克拉玛依市 2024).
DUTIES = {
    "行政许可": "直接实施责任：\n1.规范完善审批标准、程序等具体规定；主动公示依据、条件、数量、程序、期限以及需要提交的全部材料的目录和申请书示范文本等，便于申请人阅取。\n2.依法依规实施行政许可，作出的准予行政许可决定应当予以公开。\n3.监督责任。建立健全监督制度，对被许可人从事行政许可事项的活动进行监督，对未经行政许可，擅自从事相关活动的，依法采取措施予以制止。",
    "行政处罚": "1.立案责任：发现涉嫌违法行为，予以审查，决定是否立案。\n2.调查责任：对立案的案件，指定专人负责，及时组织调查取证。\n3.审查责任：对案件违法事实、证据、调查取证程序、法律适用、处罚种类和幅度等进行审查。\n4.告知责任：在作出行政处罚决定前，告知当事人拟作出处罚的事实、理由、依据及其依法享有的权利。\n5.决定责任：依法作出行政处罚决定。\n6.送达责任：行政处罚决定书按法律规定的方式送达当事人。\n7.执行责任：依照生效的行政处罚决定执行。\n8.其他法律法规规章文件规定应履行的责任。",
    "行政强制": "1.催告责任：作出强制执行决定前，事先催告当事人履行义务。\n2.决定责任：依法作出行政强制决定。\n3.执行责任：依照法定程序实施行政强制。\n4.事后监管责任：对行政强制实施情况进行监督。\n5.其他法律法规规章文件规定应履行的责任。",
    "行政检查": "1.检查责任：依法制定检查计划，按照双随机一公开要求实施检查。\n2.处置责任：对检查中发现的违法行为依法处理。\n3.信息公开责任：依法公开检查结果。\n4.其他法律法规规章文件规定应履行的责任。",
}
DUTIES_OTHER = "1.受理责任：依法受理申请或者依职权启动。\n2.审查责任：对材料进行审查。\n3.决定责任：依法作出决定并告知。\n4.送达责任：依法送达。\n5.事后监管责任：加强监督管理。\n6.其他法律法规规章文件规定应履行的责任。"
DUTY_BASIS = {
    "行政许可": "【法律】《中华人民共和国行政许可法》（2019年4月23日修正）\n    第三十条、第三十四条、第三十七条、第四十条、第四十四条。",
    "行政处罚": "【法律】《中华人民共和国行政处罚法》（2021年1月22日修订）\n    第五章、第六章、第七章。",
    "行政强制": "【法律】《中华人民共和国行政强制法》（2011年6月30日通过）\n    第十八条、第三十五条、第三十七条。",
}
SCOPE = "1.具体承办人；\n2.内设机构负责人；\n3.单位法定代表人或分管领导。"
ACCOUNTABILITY = "因不履行或不正确履行行政职责，有下列情形的，行政机关及相关工作人员应承担相应的责任：\n1.没有法定依据实施{category}的；\n2.擅自改变{category}种类、幅度、程序的；\n3.违反法定程序实施{category}的；\n4.对应当依法实施的{category}不予实施，致使公民、法人或者其他组织的合法权益、公共利益和社会秩序遭受损害的；\n5.在实施过程中滥用职权、玩忽职守、徇私舞弊的；\n6.其他违反法律法规规章文件规定的行为。"

# Categories whose grant the orphan definition checks, and the kindred clause categories
# that also ground them (责令改正, 其他, grounds a penalty ...): the definition's own tables.
from queries.orphan import ALSO_GRANTS, CHECKED_CATEGORIES as _CHECKED  # noqa: E402

CHECKED_CATEGORIES = tuple(sorted(_CHECKED))

RANK_TAG = {"法律": "【法律】", "行政法规": "【行政法规】"}
NORMATIVE_TOPICS = ("进一步加强安全生产监督管理", "深化“放管服”改革优化营商环境", "规范行政执法行为", "加强市场秩序整顿",
                    "加强生态环境保护综合执法", "加强农村宅基地管理", "规范涉企收费", "推进城市精细化管理")


@dataclass(frozen=True)
class Rates:
    """Share of the item count injected per defect variant (vacuums: of the clause groups)."""

    no_basis: float = 0.003
    article_not_found: float = 0.003
    grants_nothing: float = 0.003
    normative_only: float = 0.004
    stale_quote: float = 0.004
    stale_version: float = 0.003
    overlap: float = 0.004
    vacuum: float = 0.004
    unaccountable: float = 0.006

    EXTRA = ("no_basis", "article_not_found", "grants_nothing", "normative_only", "stale_quote", "stale_version", "overlap")


@dataclass(frozen=True)
class Government:
    name: str  # as departments are prefixed: 浙江省 / 临川市 / 临川市青山县
    level: str  # province / city / county
    code: str  # 6 digits, like an administrative division code
    province: str


@dataclass(frozen=True)
class Group:
    """Clauses of one article and category of a law version: what one item rests on."""

    law: str
    version: str
    article: int
    category: str
    sector: str | None
    levels: frozenset[str]
    paragraph: int | None  # the one paragraph all clauses sit in, when the article has several
    modality: str | None
    vacuum_levels: frozenset[str] = frozenset()  # levels where a clause names a body (a canonical sector)
    competence: bool = False  # every clause a competence clause (X负责…工作): no basis of an overlap of 其他

    @property
    def provision_key(self) -> tuple[str, str, int]:
        return (self.law, self.version, self.article)


@dataclass
class Key:
    orphan: list[str] = field(default_factory=list)
    invalid_basis: list[str] = field(default_factory=list)
    stale_basis: list[str] = field(default_factory=list)
    unaccountable: list[str] = field(default_factory=list)
    overlap: list[list[str]] = field(default_factory=list)
    vacuum: list[dict[str, object]] = field(default_factory=list)
    # not injected: clauses of the laws themselves giving one act to bodies of several sectors
    # of a government without dividing it in that provision (informational: the query also
    # looks for a division elsewhere in the law)
    overlap_law_given: list[list[str]] = field(default_factory=list)
    variants: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    meta: dict[str, object] = field(default_factory=dict)

    def as_json(self) -> dict[str, object]:
        return {
            "orphan": self.orphan,
            "invalid_basis": self.invalid_basis,
            "stale_basis": self.stale_basis,
            "unaccountable": self.unaccountable,
            "overlap": self.overlap,
            "vacuum": self.vacuum,
            "overlap_law_given": self.overlap_law_given,
            "variants": {k: self.variants[k] for k in sorted(self.variants)},
            "meta": self.meta,
        }


# ---------------------------------------------------------------------------
# Names


def cn(number: int) -> str:
    """Chinese numeral: 122 -> 一百二十二 (as statutes write article numbers)."""
    return cn2an.an2cn(int(number))


def article_label(article: int, paragraph: int | None = None) -> str:
    return f"第{cn(article)}条" + (f"第{cn(paragraph)}款" if paragraph else "")


def strip_prc(title: str) -> str:
    return title[len("中华人民共和国"):] if title.startswith("中华人民共和国") else title


def _place_names(rng: random.Random) -> Iterator[str]:
    """Distinct two-character place names in a seeded order (never a province's short name)."""
    from loaders.powerlists.departments import PROVINCES as ALL_PROVINCES

    shorts = {re.sub(r"(省|市|自治区|特别行政区)$", "", p)[:2] for p in ALL_PROVINCES}
    chars = sorted(set(_PLACE_CHARS))
    names = [a + b for a in chars for b in chars if a != b and a + b not in shorts]
    rng.shuffle(names)
    yield from names
    # the largest sizes need more: three-character names (only then is the seeded order extended)
    names = [a + b + c for a in chars[:30] for b in chars[30:] for c in chars[:30] if a != c]
    rng.shuffle(names)
    yield from names


def governments(rng: random.Random) -> Iterator[Government]:
    """Province, then each city followed by its counties, province after province."""
    names = _place_names(rng)
    for p, province in enumerate(PROVINCES, start=1):
        yield Government(province, "province", f"{10 + p:02d}0000", province)
        for c in range(1, CITIES_PER_PROVINCE + 1):
            city = next(names) + "市"
            yield Government(city, "city", f"{10 + p:02d}{c:02d}00", province)
            for k in range(1, COUNTIES_PER_CITY + 1):
                county = next(names) + ("县" if k % 3 else "区")
                yield Government(city + county, "county", f"{10 + p:02d}{c:02d}{k:02d}", province)
    raise ValueError("item count too large for the synthetic provinces")


def _canonical_sectors() -> frozenset[str]:
    with open(ONTOLOGY / "sectors.csv", encoding="utf-8-sig", newline="") as handle:
        return frozenset(row["sector"] for row in csv.DictReader(handle))


CANONICAL_SECTORS = _canonical_sectors()
BODY_SECTORS = CANONICAL_SECTORS | {GOVERNMENT_ITSELF}  # sectors that name a body that could hold a clause


def department_name(government: Government, sector: str | None) -> str:
    """The department of ``government`` that holds ``sector``; the government itself for
    clauses given to 人民政府 (or to a body no canonical sector names)."""
    if sector in DEPARTMENTS:
        province_name, local_name = DEPARTMENTS[sector]
    elif sector in CANONICAL_SECTORS:
        province_name, local_name = sector + "厅", sector + "局"
    else:
        return government.name + GOVERNMENT_ITSELF
    return government.name + (province_name if government.level == "province" else local_name)


# ---------------------------------------------------------------------------
# Clause groups


def _binds(level: str | None, government_level: str) -> bool:
    return government_level in LEVEL_APPLIES.get(level or "", ())


def _ref(clause: ClauseRecord):
    from kg.views import ClauseRef

    return ClauseRef(clause.provision, clause.provision, clause.category, clause.subject, clause.level, clause.sector,
                     clause.modality, tuple(clause.actions), text=clause.provision_text)


def _exercised_locally(clause: ClauseRecord) -> bool:
    """Whether the vacuum query would judge the clause at all (``ontology/relevance.csv``)."""
    from queries.roles import is_competence, no_power_rule, relevance_limits

    ref = _ref(clause)
    return not (is_competence(ref) or no_power_rule(ref) or relevance_limits(ref))


def _competence(clauses: Sequence[ClauseRecord]) -> bool:
    from queries.roles import is_competence

    return all(is_competence(_ref(c)) for c in clauses)


def clause_groups(sources: Sequence[LawSource], *, current: bool) -> list[Group]:
    """Groups of (law, version, article, category), sorted; ``levels``: where they apply.

    Prohibitions (不得) grant nothing and are left out.
    """
    by_key: dict[tuple[str, str, int, str], list] = defaultdict(list)
    articles = {(s.title, s.date): s.articles for s in sources}
    for source in sources:
        if source.current != current:
            continue
        for clause in source.clauses:
            if clause.article in source.articles and clause.modality != "不得":
                by_key[(clause.law, clause.version, clause.article, clause.category)].append(clause)
    groups = []
    for (law, version, article, category), clauses in sorted(by_key.items()):
        levels = frozenset(lv for lv in LOCAL_LEVELS if any(_binds(c.level, lv) for c in clauses))
        sectors = sorted({c.sector for c in clauses if c.sector and any(_binds(c.level, lv) for lv in LOCAL_LEVELS)})
        paragraphs = {c.paragraph for c in clauses}
        n_paragraphs = len(articles[(law, version)][article].paragraphs)
        paragraph = next(iter(paragraphs)) if len(paragraphs) == 1 and n_paragraphs > 1 else None
        modalities = sorted({c.modality for c in clauses if c.modality})
        # a vacuum needs a clause naming a body (not 有关部门) that a local government exercises
        # (queries.roles: no competence, vertical system, scope ...); 其他 clauses may be companions of
        # another act, an inspection is held by any inspection item on its law (queries.vacuum), and the
        # government's own powers (人民政府) are judged only on its own list, not on its departments' lists
        bodies = frozenset(lv for lv in LOCAL_LEVELS if category not in ("其他", "行政检查") and any(
            _binds(c.level, lv) and c.sector in BODY_SECTORS and c.sector != "人民政府" and _exercised_locally(c)
            for c in clauses))
        groups.append(Group(law, version, article, category, sectors[0] if sectors else None,
                            levels, paragraph, "应当" if "应当" in modalities else (modalities[0] if modalities else None),
                            bodies, category == "其他" and _competence(clauses)))
    return groups


def article_units(groups: Sequence[Group], level: str) -> list[tuple[Group, ...]]:
    """The groups that apply at ``level``, bundled by article: one unit, one or more items."""
    units: dict[tuple[str, str, int], list[Group]] = defaultdict(list)
    for group in groups:
        if level in group.levels:
            units[group.provision_key].append(group)
    return [tuple(units[k]) for k in sorted(units)]


@dataclass(frozen=True)
class SharedClause:
    """A provision giving one category to bodies of several sectors without dividing it."""

    article: tuple[str, str, int]
    provision: str
    category: str
    sectors: frozenset[str]


def law_divisions(sources: Sequence[LawSource]) -> dict[str, list[frozenset[str]]]:
    """The sectors each law in force divides among themselves, by law title.

    A law that names several bodies in one clause often divides them once, in
    a competence article (国务院农业农村、林业草原主管部门分别主管全国农作物种子和林木
    种子工作): a provision whose text divides by duty (``loaders.statutes.divisions.by_duty``) and whose
    competence clauses (category 其他) name two or more sectors divides those
    sectors for the whole law, so its undivided clauses give no one act to both.
    """
    from loaders.statutes.divisions import by_duty

    by_provision: dict[tuple[str, str], list[ClauseRecord]] = defaultdict(list)
    for source in sources:
        if source.current:
            for clause in source.clauses:
                by_provision[(source.title, clause.provision)].append(clause)
    divisions: dict[str, list[frozenset[str]]] = defaultdict(list)
    for (law, _), clauses in sorted(by_provision.items()):
        if by_duty(clauses[0].provision_text):
            sectors = frozenset(c.sector for c in clauses if c.sector and c.category == "其他")
            if len(sectors) >= 2:
                divisions[law].append(sectors)
    return dict(divisions)


def shared_clauses(sources: Sequence[LawSource], level: str) -> list[SharedClause]:
    """Undivided several-body provisions of the laws in force that bind ``level`` (law-given overlaps)."""
    from loaders.statutes.divisions import by_duty  # the words that divide duties: the loader's, as the query reads them

    rows: dict[tuple, set[str]] = defaultdict(set)
    texts: dict[str, str] = {}
    for source in sources:
        if not source.current:
            continue
        for clause in source.clauses:
            if clause.modality == "不得" or not clause.sector or not _binds(clause.level, level):
                continue
            if clause.article not in source.articles:
                continue
            rows[((clause.law, clause.version, clause.article), clause.provision, clause.category)].add(clause.sector)
            texts[clause.provision] = clause.provision_text
    return [SharedClause(article, provision, category, frozenset(sectors))
            for (article, provision, category), sectors in sorted(rows.items())
            if len(sectors) >= 2 and not by_duty(texts[provision])]


# ---------------------------------------------------------------------------
# Citation text


class Citer:
    """Writes a citation of an article in one of the styles of real lists."""

    def __init__(self, sources: Sequence[LawSource]) -> None:
        self.sources = {(s.title, s.date): s for s in sources}

    def source(self, law: str, version: str) -> LawSource:
        return self.sources[(law, version)]

    @staticmethod
    def version_note(source: LawSource, style: int) -> str:
        """（2018年10月26日…修正） from the version's info lines, or a short date note."""
        y, m, d = (int(x) for x in source.date.split("-"))
        if style == 0 and source.events:
            return f"（{source.events[-1].strip().strip('（）()')}）"
        if style == 1:
            return f"（{y}年{m}月{d}日修正）"
        return ""

    def quote_of(self, article: ArticleText, paragraph: int | None) -> str:
        if paragraph and 0 < paragraph <= len(article.paragraphs):
            return article.paragraphs[paragraph - 1]
        return "".join(article.paragraphs)

    def cite(self, rng: random.Random, law: str, version: str, article: int, paragraph: int | None,
             *, quote_article: ArticleText | None = None, style: int | None = None, note_style: int | None = None,
             local_regulation: str | None = None) -> str:
        """Basis text citing ``article`` (and ``paragraph``) of ``law`` at ``version``.

        ``quote_article`` overrides the quoted text (the stale-quote defect);
        ``style`` forces a quoting style: 0 block with quote, 1 inline quote, 2 no quote.
        """
        source = self.source(law, version)
        title = source.title
        style = rng.randrange(3) if style is None else style
        full_name = rng.random() < 0.7 or style == 0
        name = f"《{title if full_name else strip_prc(title)}》"
        tag = RANK_TAG.get(source.rank, "") if (style != 2 or rng.random() < 0.5) else ""
        note = self.version_note(source, rng.randrange(3) if note_style is None else note_style)
        label = article_label(article, paragraph)
        own = source.articles.get(article)
        if quote_article is not None:
            quoted = self.quote_of(quote_article, None)
        elif own is not None:
            quoted = self.quote_of(own, paragraph)
        else:
            quoted = ""
        if style == 0 and quoted:
            text = f"{tag}{name}{note}\n    {label}：{quoted}"
        elif style == 1 and quoted:
            text = f"{tag}{name}{note}{label}：“{quoted}”"
        else:
            text = f"{tag}{name}{note}{label}"
        if local_regulation:
            text += f"\n【地方性法规】《{local_regulation}》\n    第{cn(rng.randrange(5, 40))}条"
        return text


# ---------------------------------------------------------------------------
# Item names


_VIOLATION_RE = re.compile(r"(?:违反本法(?:第[^，。；]{1,30}?条)?(?:的)?规定，)?([^。；]{4,40}?)的，(?:由|依法|责令|处)")
_LICENCE_RE = re.compile(r"(?:取得|核发|申请)([^，。；、]{2,16}?(?:许可证|许可|证书|执照|登记证))")


def item_name(group: Group, text: str) -> str:
    short = strip_prc(group.law)
    if group.category == "行政处罚":
        match = _VIOLATION_RE.search(text)
        if match:
            return f"对{match.group(1).strip('，、 ')}的处罚"
    if group.category == "行政许可":
        match = _LICENCE_RE.search(text)
        if match:
            return f"{match.group(1)}核发"
    if group.category == "行政检查":
        return f"依据《{short}》第{cn(group.article)}条实施的监督检查"
    if group.category == "行政强制":
        return f"依据《{short}》第{cn(group.article)}条采取的行政强制措施"
    return f"依据《{short}》第{cn(group.article)}条实施的{group.category}"


# ---------------------------------------------------------------------------
# Generation


@dataclass
class Plan:
    """Who is listed, and where each defect goes; counts are exact."""

    governments: list[Government]
    offsets: list[int]  # index of each government's first article unit
    total_units: int
    roles: dict[int, str]  # unit index -> vacuum / overlap / stale_quote / unaccountable / split
    loose: dict[int, list[str]]  # government index -> loose defect variants to emit there


def _plan(rng: random.Random, items: int, units_at: dict[str, list[tuple[Group, ...]]], rates: Rates,
          divided: dict[str, set[int]]) -> Plan:
    """``divided``: per level, the units whose article divides the power among bodies (no overlap there)."""
    counts = {name: round(items * getattr(rates, name)) for name in
              ("no_basis", "article_not_found", "grants_nothing", "normative_only", "stale_quote",
               "stale_version", "overlap", "vacuum", "unaccountable")}
    extras = sum(counts[name] for name in Rates.EXTRA)
    budget = items - extras  # items that cover clauses: clean items and their sub-items
    size = {level: sum(len(u) for u in units) for level, units in units_at.items()}
    # a vacuum's sector must have other items, or its department's list is not loaded (a vacuum_sector note)
    sectors_at = {level: defaultdict(int) for level in units_at}
    for level, units in units_at.items():
        for unit in units:
            for sector in {g.sector for g in unit}:
                sectors_at[level][sector] += 1
    singles = {level: [i for i, u in enumerate(units) if len(u) == 1 and level in u[0].vacuum_levels
                       and sectors_at[level][u[0].sector] >= 2]
               for level, units in units_at.items()}
    govs: list[Government] = []
    offsets: list[int] = []
    total_units = total_items = 0
    for government in governments(rng):
        if govs and total_items + size[government.level] - counts["vacuum"] > budget:
            break
        govs.append(government)
        offsets.append(total_units)
        total_units += len(units_at[government.level])
        total_items += size[government.level]
    split = budget - (total_items - counts["vacuum"])
    eligible = [offset + i for g, offset in zip(govs, offsets) for i in singles[g.level]]
    if split < 0 or counts["vacuum"] > len(eligible):
        raise ValueError(f"--items {items} is too small for this law set (at least about {size['province'] + extras} items)")
    roles: dict[int, str] = {i: "vacuum" for i in rng.sample(eligible, counts["vacuum"])}
    undivided = [offset + i for g, offset in zip(govs, offsets) for i in range(len(units_at[g.level]))
                 if i not in divided[g.level] and offset + i not in roles
                 and not units_at[g.level][i][0].competence]
    if counts["overlap"] > len(undivided):
        raise ValueError(f"--items {items}: not enough undivided articles for {counts['overlap']} overlaps")
    for i in rng.sample(undivided, counts["overlap"]):
        roles[i] = "overlap"
    pooled = ("stale_quote", "unaccountable")
    needed = sum(counts[name] for name in pooled) + split
    free = total_units - len(roles)
    if needed > free:
        raise ValueError(f"--items {items}: {needed} sub-items and defects for {free} article units; add laws or lower rates")
    chosen = [i for i in rng.sample(range(total_units), min(total_units, needed + len(roles))) if i not in roles][:needed]
    at = 0
    for name in pooled:
        for index in chosen[at: at + counts[name]]:
            roles[index] = name
        at += counts[name]
    for index in chosen[at:]:
        roles[index] = "split"
    loose: dict[int, list[str]] = defaultdict(list)
    for name in ("no_basis", "article_not_found", "grants_nothing", "normative_only", "stale_version"):
        for _ in range(counts[name]):
            loose[rng.randrange(len(govs))].append(name)
    return Plan(govs, offsets, total_units, roles, loose)


class Generator:
    """Streams the rows of the synthetic list and fills the key."""

    def __init__(self, sources: Sequence[LawSource], items: int, seed: int, rates: Rates = Rates()) -> None:
        from loaders.powerlists.departments import SectorTable

        self.sources = list(sources)
        self.items = items
        self.seed = seed
        self.rates = rates
        self.rng = random.Random(seed)
        self.citer = Citer(self.sources)
        current = clause_groups(self.sources, current=True)
        self.units_at = {level: article_units(current, level) for level in LOCAL_LEVELS}
        if not self.units_at["county"]:
            raise ValueError("the law set yields no clause that applies to a county: check the extraction")
        self.shared_at = {level: shared_clauses(self.sources, level) for level in LOCAL_LEVELS}
        self.divisions = law_divisions(self.sources)
        self.old_groups = [g for g in clause_groups(self.sources, current=False) if g.levels]
        self.current_version = {s.title: s.date for s in self.sources if s.current}
        self.sector_table = SectorTable.default()
        self._sectors: dict[str, frozenset[str]] = {}
        # articles that hold no clause at all, per current law version: they grant nothing
        clause_articles = defaultdict(set)
        for source in self.sources:
            for clause in source.clauses:
                clause_articles[(clause.law, clause.version)].add(clause.article)
        # articles whose clauses grant some categories: citing one for another category grants nothing
        article_categories: dict[tuple[str, str, int], set[str]] = defaultdict(set)
        for source in self.sources:
            if source.current:
                for clause in source.clauses:
                    if clause.article in source.articles:
                        article_categories[(clause.law, clause.version, clause.article)].add(clause.category)
        self.granting = {category: [a for a in sorted(article_categories)
                                    if not article_categories[a] & set(ALSO_GRANTS.get(category, {category}))]
                         for category in CHECKED_CATEGORIES}
        self.barren: list[tuple[str, str, int]] = []
        for source in self.sources:
            if source.current:
                used = clause_articles[(source.title, source.date)]
                self.barren += [(source.title, source.date, n) for n in sorted(source.articles)
                                if n not in used and len(source.articles[n].text) >= 30 and n > 1]
        from loaders.statutes.divisions import by_duty  # words by which an article divides a power among bodies

        # sectors an article names for a category (an inspection is also named by a competence clause)
        self.named: dict[tuple[str, str, int, str], set[str]] = defaultdict(set)
        for source in self.sources:
            for clause in source.clauses:
                if clause.sector:
                    for category in {clause.category} | ({"行政检查"} if clause.category == "其他" else set()):
                        self.named[(clause.law, clause.version, clause.article, category)].add(clause.sector)

        def no_overlap_here(group: Group) -> bool:
            """The article divides the power, or names no sector for it: two holders prove nothing."""
            text = self.citer.source(group.law, group.version).articles[group.article].text
            return by_duty(text) or not self.named.get(
                (group.law, group.version, group.article, group.category))

        divided = {level: {i for i, unit in enumerate(units) if no_overlap_here(unit[0])}
                   for level, units in self.units_at.items()}
        self._quoted: dict[tuple[int, int], bool] = {}
        self.article_sectors: dict[tuple[str, str, int], set[str | None]] = defaultdict(set)
        for source in self.sources:
            for clause in source.clauses:
                self.article_sectors[(clause.law, clause.version, clause.article)].add(clause.sector)
        self.key = Key()
        self.plan = _plan(self.rng, items, self.units_at, rates, divided)
        self.rows_written = 0

    def sectors_of(self, government: Government, department: str) -> frozenset[str]:
        """Sectors the power-list loader gives a department (ontology/departments.csv)."""
        suffix = department[len(government.name):]
        found = self._sectors.get(suffix)
        if found is None:
            found = self._sectors[suffix] = frozenset(self.sector_table.sectors_for(suffix))
        return found

    # --- rows --------------------------------------------------------------------

    def _row(self, government: Government, seq: int, category: str, name: str, basis: str, department: str,
             *, sub: str = "", accountable: str = "both") -> list[str]:
        code = f"{CATEGORY_PREFIX.get(category, 'QT')}{government.code}{seq:05d}"
        office = self.rng.choice(OFFICE.get(category, ("综合科", "法规科")))
        duties = DUTIES.get(category, DUTIES_OTHER)
        duty_basis = DUTY_BASIS.get(category, "")
        scope = SCOPE
        liability = ACCOUNTABILITY.format(category=category)
        if accountable == "none":
            duties = duty_basis = scope = liability = ""
        elif accountable == "no_liability":
            liability = scope = ""
        level = LEVEL_LABEL[government.level]
        return [str(seq), code, name, sub, category, basis, department, office, level,
                duties, duty_basis, scope, liability, ""]

    def rows(self) -> Iterator[list[str]]:
        plan, rng, key = self.plan, self.rng, self.key
        for g_index, government in enumerate(plan.governments):
            gov = _GovernmentState(government)
            offset = plan.offsets[g_index]
            departments = sorted({department_name(government, s) for s in BASE_SECTORS})
            pending_overlaps: list[tuple[Group, str, str]] = []
            pending_stale: list[tuple[Group, str]] = []
            for u_index, unit in enumerate(self.units_at[government.level]):
                role = plan.roles.get(offset + u_index)
                if role == "vacuum":
                    group = unit[0]
                    gov.vacated.append(unit)
                    gov.vacant.add((group.law, group.article))
                    continue
                for g_index_in_unit, group in enumerate(unit):
                    this_role = role if g_index_in_unit == 0 else None
                    department = department_name(government, group.sector)
                    gov.held[(group.law, group.version, group.article, group.category)] = department
                    gov.covering.append((group, department))
                    article = self.citer.source(group.law, group.version).articles[group.article]
                    name = item_name(group, article.text)
                    regulation = self._local_regulation(government, group) if rng.random() < 0.1 else None
                    basis = self.citer.cite(rng, group.law, group.version, group.article, group.paragraph,
                                            local_regulation=regulation)
                    if this_role == "split":
                        suffixes = SUB_SUFFIXES.get(group.category, ("情形一", "情形二"))
                        for n in (0, 1):
                            gov.add(self._row(government, gov.next(), group.category, name, basis, department,
                                              sub=f"{n + 1}.{name}（{suffixes[n]}）"), group.provision_key)
                        continue
                    accountable = "both"
                    if this_role == "unaccountable":
                        accountable = "none" if rng.random() < 0.5 else "no_liability"
                    row = self._row(government, gov.next(), group.category, name, basis, department, accountable=accountable)
                    gov.add(row, group.provision_key)
                    if this_role == "unaccountable":
                        key.unaccountable.append(row[1])
                        key.variants["unaccountable_" + accountable].append(row[1])
                    elif this_role == "overlap":
                        pending_overlaps.append((group, department, row[1]))
                    elif this_role == "stale_quote":
                        pending_stale.append((group, department))
            # Defective extra items of this government.
            for group, department, first_code in pending_overlaps:
                # a department of another line of administration (no sector in common)
                # of a sector the article does not name: a claim beyond the law; not one
                # the law divides from the holder elsewhere (野生动物保护法 art. 7: 林业草原
                # and 渔业 each for their own wildlife), since then each may act on its own part
                own = self.sectors_of(government, department)
                mine = own | self.named[(group.law, group.version, group.article, group.category)]
                divided = self.divisions.get(group.law, ())
                other = rng.choice([d for d in departments if d != department and not self.sectors_of(government, d) & mine
                                    and not any(own & g and self.sectors_of(government, d) & g for g in divided)])
                article = self.citer.source(group.law, group.version).articles[group.article]
                row = self._row(government, gov.next(), group.category, item_name(group, article.text),
                                self.citer.cite(rng, group.law, group.version, group.article, group.paragraph), other)
                gov.add(row, group.provision_key)
                key.overlap.append([first_code, row[1]])
                key.variants["overlap"].append(row[1])
            for group, department in pending_stale:
                self._stale_quote(rng, gov, group, department)
            for variant in plan.loose.get(g_index, ()):
                self._loose(rng, variant, gov, departments)
            self._law_given_overlaps(gov)
            self._key_vacuums(gov)
            for row in gov.rows:
                self.rows_written += 1
                yield row
        if self.rows_written != self.items:  # pragma: no cover - a planning bug
            raise AssertionError(f"wrote {self.rows_written} items, planned {self.items}")

    def _key_vacuums(self, gov: "_GovernmentState") -> None:
        """Key the articles left vacant whose sector a department of this government's list carries.

        Check makes a vacuum of a clause only when a loaded department carries
        its sector; else one vacuum_sector note (the department's list was not
        loaded). An article whose only item here was the one left out
        (大气污染防治法 art. 102, 能源 and 人民政府: no other item of the
        energy department) is such a case, not a keyed vacuum.
        """
        government = gov.government
        departments = {row[6] for row in gov.rows}
        carried = set().union(*(self.sectors_of(government, d) for d in departments))

        def loaded(sector: str | None) -> bool:
            if sector == "人民政府":
                return False  # the loader gives the government's own list (…人民政府) no sector: never loaded
            if sector not in DEPARTMENTS and sector not in CANONICAL_SECTORS:
                return True  # a body the generator cannot map (其他负有…职责的部门): check may map it, keep the vacuum
            department = department_name(government, sector)
            return department in departments or bool(self.sectors_of(government, department) & carried)

        for unit in gov.vacated:
            group = unit[0]
            # every clause of the article, not only the unit's: check may judge another subject of it (城乡规划法
            # art. 40: the unit holds 人民政府, check the 城乡规划主管部门); dropped only when none is loaded
            if any(loaded(sector) for sector in self.article_sectors[(group.law, group.version, group.article)]):
                self.key.vacuum.append({"government": government.name, "law": group.law, "article": group.article})

    def _law_given_overlaps(self, gov: "_GovernmentState") -> None:
        """Key the overlaps the law itself makes: one act given to several bodies of this government."""
        government = gov.government
        departments = {row[6] for row in gov.rows}
        seen: set[frozenset[str]] = set()
        for shared in self.shared_at[government.level]:
            codes = gov.items_on.get(shared.article)
            if not codes:
                continue
            holders = [d for d in departments if self.sectors_of(government, d) & shared.sectors]
            if len(holders) < 2:
                continue
            if any(all(self.sectors_of(government, d) & group for d in holders)
                   for group in self.divisions.get(shared.article[0], ())):
                continue  # the law divides these bodies in its competence article
            entry = frozenset(codes)
            if entry in seen:
                continue
            seen.add(entry)
            self.key.overlap_law_given.append(sorted(entry))

    def _local_regulation(self, government: Government, group: Group) -> str:
        return f"{government.province}实施〈{strip_prc(group.law)}〉办法"

    def _stale_quote(self, rng: random.Random, gov: "_GovernmentState", group: Group, department: str) -> None:
        """Cites the group's article but quotes the text of an article that grants nothing."""
        source = self.citer.source(group.law, group.version)
        article = source.articles[group.article]
        # not an article whose words the cited one repeats (大气污染防治法 art. 108 (一) restates art. 45):
        # check rightly reads such a quote as the cited article's own
        candidates = [n for (law, version, n) in self.barren if law == group.law and version == group.version
                      and n != group.article and (law, version, n, group.category) not in gov.held
                      and not self._quoted_by(article, source.articles[n])]
        if candidates:
            other = source.articles[rng.choice(candidates)]
        else:  # no barren article left: quote any other long article of the law
            numbers = [n for n in sorted(source.articles) if n != group.article and len(source.articles[n].text) >= 30
                       and not self._quoted_by(article, source.articles[n])]
            other = source.articles[rng.choice(numbers)]
        gov.held[(group.law, group.version, other.number, group.category)] = department
        basis = self.citer.cite(rng, group.law, group.version, group.article, None, quote_article=other,
                                style=rng.choice((0, 1)))
        row = self._row(gov.government, gov.next(), group.category, item_name(group, article.text), basis, department)
        gov.add(row, group.provision_key)
        self.key.stale_basis.append(row[1])
        self.key.variants["stale_quote"].append(row[1])

    def _quoted_by(self, article: ArticleText, other: ArticleText) -> bool:
        """Whether ``article`` holds ``other``'s text well enough for check to take a quote of it as its own."""
        from queries.stale import QUOTE_MATCH, quote_coverage

        found = self._quoted.get((id(article), id(other)))
        if found is None:
            found = self._quoted[(id(article), id(other))] = quote_coverage(other.text, article.text) >= QUOTE_MATCH
        return found

    def _loose(self, rng: random.Random, variant: str, gov: "_GovernmentState", departments: list[str]) -> None:
        key, government, held = self.key, gov.government, gov.held
        rests_on = None
        if variant == "no_basis":
            group, department = rng.choice(gov.covering)
            article = self.citer.source(group.law, group.version).articles[group.article]
            row = self._row(government, gov.next(), group.category, item_name(group, article.text), "", department)
            key.orphan.append(row[1])
        elif variant == "article_not_found":
            group, department = rng.choice(gov.covering)
            source = self.citer.source(group.law, group.version)
            missing = source.max_article + rng.randrange(1, 40)
            basis = self.citer.cite(rng, group.law, group.version, missing, None, style=2)
            row = self._row(government, gov.next(), group.category, item_name(group, source.articles[group.article].text),
                            basis, department)
            key.orphan.append(row[1])
        elif variant == "grants_nothing":
            # an article that grants other categories, cited for one it does not grant
            category = rng.choice(CHECKED_CATEGORIES)
            for _ in range(100):  # not an article left vacant here: resting on it would cover it
                law, version, number = rng.choice(self.granting[category])
                if (law, version, number, category) not in held and (law, number) not in gov.vacant:
                    break
            department = rng.choice(departments)
            held[(law, version, number, category)] = department
            basis = self.citer.cite(rng, law, version, number, None)
            name = f"依据《{strip_prc(law)}》第{cn(number)}条实施的{category}"
            row = self._row(government, gov.next(), category, name, basis, department)
            rests_on = (law, version, number)
            key.orphan.append(row[1])
        elif variant == "normative_only":
            category = rng.choice(("行政处罚", "行政许可"))
            topic = rng.choice(NORMATIVE_TOPICS)
            year = rng.randrange(2015, 2023)
            basis = (f"【规范性文件】《{government.name}人民政府关于{topic}的通知》（{government.name[:2]}政发〔{year}〕{rng.randrange(1, 60)}号）"
                     + ("\n    全文适用。" if rng.random() < 0.5 else f"\n    第{cn(rng.randrange(2, 12))}条"))
            name = f"对违反{topic}有关规定行为的处罚" if category == "行政处罚" else f"{topic}相关事项审批"
            row = self._row(government, gov.next(), category, name, basis, rng.choice(departments))
            key.invalid_basis.append(row[1])
        elif variant == "stale_version":
            # not the number of a vacant article: an older version's article covers it (a stale basis)
            candidates = [g for g in self.old_groups if government.level in g.levels
                          and (g.law, g.version, g.article, g.category) not in held
                          and (g.law, g.article) not in gov.vacant]
            group = rng.choice(candidates)
            # the holder of the same article and category in force, if any: a stale basis is not an overlap
            department = held.get((group.law, self.current_version[group.law], group.article, group.category)) \
                or department_name(government, group.sector)
            held[(group.law, group.version, group.article, group.category)] = department
            source = self.citer.source(group.law, group.version)
            basis = self.citer.cite(rng, group.law, group.version, group.article, group.paragraph, note_style=rng.choice((0, 1)))
            row = self._row(government, gov.next(), group.category, item_name(group, source.articles[group.article].text),
                            basis, department)
            rests_on = group.provision_key
            key.stale_basis.append(row[1])
        else:  # pragma: no cover
            raise ValueError(variant)
        gov.add(row, rests_on)
        key.variants[variant].append(row[1])


class _GovernmentState:
    """One government's rows while they are made, and what they rest on."""

    def __init__(self, government: Government) -> None:
        self.government = government
        self.rows: list[list[str]] = []
        self.seq = 0
        # (law, version, article, category) -> the department holding it here
        self.held: dict[tuple[str, str, int, str], str] = {}
        self.covering: list[tuple[Group, str]] = []
        self.items_on: dict[tuple[str, str, int], list[str]] = defaultdict(list)
        self.vacant: set[tuple[str, int]] = set()  # (law, article) left uncovered on purpose
        self.vacated: list[list[Group]] = []  # their article units, keyed once the government's rows are made

    def next(self) -> int:
        self.seq += 1
        return self.seq

    def add(self, row: list[str], article: tuple[str, str, int] | None) -> None:
        self.rows.append(row)
        if article is not None:
            self.items_on[article].append(row[1])


def generator_fingerprint() -> str:
    """This module's source, digested: a list made by another generator is another list for the same seed."""
    import hashlib

    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


def generate(items: int, seed: int, output: Path, key_path: Path, *, laws: Sequence[str] = DEFAULT_LAWS,
             laws_dir: Path = LAWS_DIR, cache_dir: Path | None = CACHE_DIR, rates: Rates = Rates()) -> Key:
    """Write the synthetic list to ``output`` (CSV) and its answer key to ``key_path`` (JSON).

    Returns the :class:`Key`.  Raises ``ValueError`` when ``items`` is too small
    for one province of the law set.
    """
    sources = load_sources(laws, laws_dir, cache_dir)
    generator = Generator(sources, items, seed, rates)
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    with open(output, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(generator.rows())
    key = generator.key
    key.meta = {
        "items": items,
        "seed": seed,
        "laws": list(laws),
        "extraction": extraction_fingerprint(Path(laws_dir), laws),
        "generator": generator_fingerprint(),
        "governments": len(generator.plan.governments),
        "article_units": generator.plan.total_units,
        "rates": {name: getattr(rates, name) for name in rates.__dataclass_fields__},
    }
    Path(key_path).parent.mkdir(parents=True, exist_ok=True)
    Path(key_path).write_text(json.dumps(key.as_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return key


# ---------------------------------------------------------------------------
# A later version of a list


CHANGE_KINDS = ("removed", "added", "name", "category", "basis", "department", "responsibility")
"""What :func:`later_version` changes, each on its own items: ``name`` also gives the item a new code (so it
is matched by similarity), ``department`` moves it to another department of its government."""

_CODE, _NAME, _SUB, _CATEGORY, _BASIS, _DEPARTMENT, _DUTIES = 1, 2, 3, 4, 5, 6, 9


def _cited(basis: str) -> frozenset[tuple[str | None, int | None]]:
    """(law, article) pairs a basis text cites, as the power-list loader parses them."""
    from loaders.powerlists.citations import parse_basis

    return frozenset((c.law, c.article) for c in parse_basis(basis))


def later_version(rows: Sequence[list[str]], seed: int, rate: float = 0.02) -> tuple[list[list[str]], dict[str, list]]:
    """A later version of a generated list (rows without the header) and its key.

    ``rate`` of the items is changed per kind of :data:`CHANGE_KINDS`, each on
    distinct items with a code of their own (sub-items sharing one are left
    alone).  The key maps each kind to the old codes it touched (``added``: the
    new codes; ``name``: [old code, new code] pairs); every other item is
    unchanged.  Deterministic in ``seed``.
    """
    rng = random.Random(seed)
    codes: dict[str, int] = defaultdict(int)
    for row in rows:
        codes[row[_CODE]] += 1
    candidates = [i for i, row in enumerate(rows) if row[_CODE] and codes[row[_CODE]] == 1]
    each = max(1, round(rate * len(rows)))
    if len(candidates) < each * len(CHANGE_KINDS) + 1:
        raise ValueError(f"{len(rows)} items are too few for {each} changes of each of {len(CHANGE_KINDS)} kinds")
    chosen = rng.sample(candidates, each * len(CHANGE_KINDS))
    picked = {kind: chosen[k * each:(k + 1) * each] for k, kind in enumerate(CHANGE_KINDS)}
    departments: dict[str, list[str]] = defaultdict(list)  # government code -> its departments
    for row in rows:
        departments[row[_CODE][2:8]].append(row[_DEPARTMENT])
    departments = {g: sorted(set(d)) for g, d in departments.items()}
    categories = ("行政处罚", "行政检查", "行政强制", "其他")
    key: dict[str, list] = {kind: [] for kind in CHANGE_KINDS}
    later = [list(row) for row in rows]
    for index in picked["name"]:
        row = later[index]
        new_code = "RN" + row[_CODE][2:]
        key["name"].append([row[_CODE], new_code])
        row[_CODE], row[_NAME] = new_code, row[_NAME] + "（含变更事项）"
    for index in picked["category"]:
        row = later[index]
        row[_CATEGORY] = next(c for c in categories if c != row[_CATEGORY])
        key["category"].append(row[_CODE])
    for index in picked["basis"]:
        row = later[index]
        cited = _cited(row[_BASIS])
        # another item's basis citing none of the same articles (else the basis did not change: only its wording)
        others = [later[j][_BASIS] for j in rng.sample(range(len(rows)), 16)
                  if later[j][_BASIS] and _cited(later[j][_BASIS]).isdisjoint(cited)]
        row[_BASIS] = others[0] if others else "《中华人民共和国行政许可法》第十二条"
        key["basis"].append(row[_CODE])
    for index in picked["department"]:
        row = later[index]
        others = [d for d in departments[row[_CODE][2:8]] if d != row[_DEPARTMENT]]
        if not others:
            continue  # a government of one department: nowhere to move
        row[_DEPARTMENT] = rng.choice(others)
        key["department"].append(row[_CODE])
    for index in picked["responsibility"]:
        later[index][_DUTIES] = "1.立案责任：依法立案。\n2.调查责任：调查取证。\n3.决定责任：作出决定并送达。"
        key["responsibility"].append(later[index][_CODE])
    removed = set(picked["removed"])
    key["removed"] = [rows[i][_CODE] for i in picked["removed"]]
    result = [row for i, row in enumerate(later) if i not in removed]
    for n, index in enumerate(picked["added"], 1):
        # a new power of the department of an existing item, resting on another article than any it had
        row = list(rows[index])
        row[_CODE] = f"AD{row[_CODE][2:8]}{n:07d}"
        row[_NAME] = f"新增事项{n}：{row[_NAME]}（新设）"
        row[_SUB] = ""
        row[_BASIS] = f"《新设条例{n}》第{cn(1 + n % 90)}条"
        result.append(row)
        key["added"].append(row[_CODE])
    return result, key


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, required=True, help="number of power items to write")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--output", type=Path, required=True, help="the power list (.csv)")
    parser.add_argument("--key", type=Path, required=True, help="the answer key (.json)")
    parser.add_argument("--laws-dir", type=Path, default=LAWS_DIR)
    parser.add_argument("--small", action="store_true", help="the small law set (tests)")
    parser.add_argument("--later", type=Path, help="also write a later version of the list here (.csv)")
    parser.add_argument("--later-key", type=Path, help="the key of what the later version changed (.json)")
    parser.add_argument("--change-rate", type=float, default=0.02, help="share of items changed per kind of change")
    args = parser.parse_args(argv)
    if (args.later is None) != (args.later_key is None):
        parser.error("--later and --later-key go together")
    from .clause_source import SMALL_LAWS

    try:
        key = generate(args.items, args.seed, args.output, args.key, laws=SMALL_LAWS if args.small else DEFAULT_LAWS,
                       laws_dir=args.laws_dir)
    except (ValueError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    counts = {k: len(v) for k, v in key.as_json().items() if isinstance(v, list)}
    print(f"{args.output}: {args.items} items, {key.meta['governments']} governments; defects {counts}")
    if args.later is not None:
        write_later_version(args.output, args.later, args.later_key, args.seed, args.change_rate)
    return 0


def write_later_version(first: Path, output: Path, key_path: Path, seed: int, rate: float = 0.02) -> dict[str, list]:
    """Read a generated list, write its later version (CSV) and the key of the changes (JSON)."""
    with open(first, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    later, key = later_version(rows[1:], seed, rate)
    with open(output, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(rows[0])
        writer.writerows(later)
    Path(key_path).write_text(json.dumps(key, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{output}: {len(later)} items; changes {({k: len(v) for k, v in key.items()})}")
    return key


if __name__ == "__main__":
    sys.exit(main())

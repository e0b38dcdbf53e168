"""Domain model of the legal-basis knowledge graph.

Every domain object is a typed dataclass with a stable, readable ``id`` and
converts to and from a generic property-graph :class:`Node`.  Stores only see
``Node`` and ``Edge``; loaders and queries speak in the dataclasses.

Ids are readable and stable across loads, e.g. a paragraph of an article::

    中华人民共和国食品安全法/2021-04-29/第122条/第1款

>>> article_id("中华人民共和国食品安全法/2021-04-29", 10, 1)
'中华人民共和国食品安全法/2021-04-29/第10条之1'
>>> Rank("行政法规") < Rank("地方性法规")
True
"""

from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass, field
from typing import Any, ClassVar, Iterable, Mapping


# ---------------------------------------------------------------------------
# Vocabularies


class Rank(str, enum.Enum):
    """Rank of a legal source in the hierarchy of 立法法 (domain.md section 2).

    Comparison follows the hierarchy: a *smaller* rank is a *higher* source,
    so ``Rank.LAW < Rank.LOCAL_REGULATION``.  部门规章 and 地方政府规章 share a tier.
    """

    CONSTITUTION = "宪法"
    LAW = "法律"
    STATE_COUNCIL_DECISION = "国务院决定"
    ADMINISTRATIVE_REGULATION = "行政法规"
    LOCAL_REGULATION = "地方性法规"
    DEPARTMENT_RULE = "部门规章"
    LOCAL_GOVERNMENT_RULE = "地方政府规章"
    NORMATIVE_DOCUMENT = "规范性文件"
    JUDICIAL_INTERPRETATION = "司法解释"
    OTHER = "其他"

    @property
    def tier(self) -> int:
        return _RANK_TIER[self]

    def __lt__(self, other: object) -> bool:  # type: ignore[override]
        if not isinstance(other, Rank):
            return NotImplemented
        return self.tier < other.tier

    def __le__(self, other: object) -> bool:  # type: ignore[override]
        if not isinstance(other, Rank):
            return NotImplemented
        return self.tier <= other.tier

    def __gt__(self, other: object) -> bool:  # type: ignore[override]
        if not isinstance(other, Rank):
            return NotImplemented
        return self.tier > other.tier

    def __ge__(self, other: object) -> bool:  # type: ignore[override]
        if not isinstance(other, Rank):
            return NotImplemented
        return self.tier >= other.tier


_RANK_TIER = {
    Rank.CONSTITUTION: 1,
    Rank.LAW: 2,
    Rank.STATE_COUNCIL_DECISION: 3,
    Rank.ADMINISTRATIVE_REGULATION: 3,
    Rank.LOCAL_REGULATION: 4,
    Rank.DEPARTMENT_RULE: 5,
    Rank.LOCAL_GOVERNMENT_RULE: 5,
    Rank.NORMATIVE_DOCUMENT: 6,
    Rank.JUDICIAL_INTERPRETATION: 7,
    Rank.OTHER: 8,
}


class Category(str, enum.Enum):
    """The ten power categories, in the official order (domain.md section 1)."""

    LICENSING = "行政许可"
    PENALTY = "行政处罚"
    COERCION = "行政强制"
    LEVY = "行政征收"
    BENEFIT = "行政给付"
    INSPECTION = "行政检查"
    CONFIRMATION = "行政确认"
    REWARD = "行政奖励"
    ADJUDICATION = "行政裁决"
    OTHER = "其他"


CATEGORY_NAMES: tuple[str, ...] = tuple(c.value for c in Category)


class VersionStatus(str, enum.Enum):
    IN_FORCE = "in_force"
    SUPERSEDED = "superseded"
    REPEALED = "repealed"
    NOT_YET_IN_FORCE = "not_yet_in_force"


class ProvisionKind(str, enum.Enum):
    """编, 章, 节 are containers; 条, 款, 项, 目 are units."""

    PART = "编"
    CHAPTER = "章"
    SECTION = "节"
    ARTICLE = "条"
    PARAGRAPH = "款"
    ITEM = "项"
    SUBITEM = "目"

    @property
    def is_container(self) -> bool:
        return self in (ProvisionKind.PART, ProvisionKind.CHAPTER, ProvisionKind.SECTION)


class CitationStatus(str, enum.Enum):
    RESOLVED = "resolved"
    LAW_NOT_LOADED = "law_not_loaded"
    ARTICLE_NOT_FOUND = "article_not_found"
    AMBIGUOUS = "ambiguous"
    NORMATIVE_DOCUMENT = "normative_document"
    UNPARSED = "unparsed"
    TEXT_INCOMPLETE = "text_incomplete"  # cited article beyond the end of a version whose loaded text looks cut short
    # a statute cites an article of a law whose version in force at the citing text's date is not loaded (only
    # later texts are): the number means a provision of that older text, not the same number of a later one
    VERSION_NOT_LOADED = "version_not_loaded"


class GovLevel(str, enum.Enum):
    NATIONAL = "national"
    PROVINCE = "province"
    CITY = "city"
    COUNTY = "county"
    TOWNSHIP = "township"


class Modality(str, enum.Enum):
    MAY = "可以"
    SHALL = "应当"
    SHALL_NOT = "不得"


class EdgeType(str, enum.Enum):
    """Typed edges of the graph (source -> target)."""

    HAS_VERSION = "HAS_VERSION"  # Law -> LawVersion
    CONTAINS = "CONTAINS"  # LawVersion|Provision -> Provision
    SUPERSEDES = "SUPERSEDES"  # newer LawVersion -> older LawVersion of the same law
    AMENDS = "AMENDS"  # LawVersion -> Law it amends (decisions amending other laws)
    REPEALS = "REPEALS"  # LawVersion -> Law it repeals
    CITES = "CITES"  # Provision -> Citation
    RESOLVES_TO = "RESOLVES_TO"  # Citation -> Provision | LawVersion
    HAS_CLAUSE = "HAS_CLAUSE"  # Provision -> AuthorisingClause
    AUTHORISES = "AUTHORISES"  # AuthorisingClause -> Role
    TRIGGERED_BY = "TRIGGERED_BY"  # AuthorisingClause -> Provision whose violation triggers it
    BASED_ON = "BASED_ON"  # PowerItem -> Citation
    EXERCISED_BY = "EXERCISED_BY"  # PowerItem -> Department
    HAS_RESPONSIBILITY = "HAS_RESPONSIBILITY"  # PowerItem -> Responsibility
    PART_OF = "PART_OF"  # Department -> Government
    SUBORDINATE_TO = "SUBORDINATE_TO"  # Government -> parent Government
    CORRESPONDS_TO = "CORRESPONDS_TO"  # article -> the article of the law's next version that holds its text


# ---------------------------------------------------------------------------
# Generic property graph


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    props: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Edge:
    src: str
    dst: str
    type: str
    props: Mapping[str, Any] = field(default_factory=dict)


def _plain(value: Any) -> Any:
    """JSON-friendly value: enums by value, tuples as lists."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


_FIELD_SPECS: dict[type, list[tuple[str, Any, bool, bool]]] = {}


def _field_specs(cls: type) -> list[tuple[str, Any, bool, bool]]:
    """(name, default, has a default, has a default factory) of each field of a dataclass,
    looked up once per class: a million-item load converts millions of objects."""
    specs = _FIELD_SPECS.get(cls)
    if specs is None:
        specs = _FIELD_SPECS[cls] = [
            (f.name, f.default, f.default is not dataclasses.MISSING, f.default_factory is not dataclasses.MISSING)
            for f in dataclasses.fields(cls)
        ]
    return specs


class GraphObject:
    """Mixin: conversion of a domain dataclass to and from a :class:`Node`."""

    LABEL: ClassVar[str] = ""
    # fields whose stored lists come back as tuples / enums
    _ENUMS: ClassVar[dict[str, type[enum.Enum]]] = {}

    @property
    def id(self) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def to_node(self) -> Node:
        """The node; properties equal to their field's default are left out (smaller store)."""
        props = {}
        for name, default, has_default, has_factory in _field_specs(self.__class__):
            value = getattr(self, name)
            if has_default and value == default:
                continue
            if has_factory and not value:
                continue
            props[name] = value if value.__class__ is str else _plain(value)
        return Node(self.id, self.LABEL, props)

    @classmethod
    def from_node(cls, node: Node | Mapping[str, Any]):
        props = node.props if isinstance(node, Node) else node
        kwargs = {}
        for f in dataclasses.fields(cls):  # type: ignore[arg-type]
            if f.name not in props:
                continue
            value = props[f.name]
            enum_type = cls._ENUMS.get(f.name)
            if enum_type is not None and value is not None:
                value = enum_type(value)
            elif isinstance(value, list):
                value = tuple(tuple(v) if isinstance(v, list) else v for v in value)
            kwargs[f.name] = value
        return cls(**kwargs)


# ---------------------------------------------------------------------------
# Ids


DIVISION_SEPARATOR = "、"
"""Between the sectors of one group of ``Provision.divides`` (农业农村、林业和草原)."""
DIVISIONS_READING = 3
"""``LawVersion.divisions_read`` of a version whose provisions' readings made at load time are all recorded: 1 (True)
had ``Provision.divides`` only, 2 adds ``Provision.by_duty``, 3 the conducts the vacuum query compares
(``Provision.conduct``; ``AuthorisingClause.conduct``, ``listed`` and ``doer``)."""


def version_id(law_title: str, date: str) -> str:
    return f"{law_title}/{date}"


def container_id(parent_id: str, kind: ProvisionKind, number: int) -> str:
    return f"{parent_id}/第{number}{kind.value}"


def article_id(version: str, number: int, suffix: int = 0) -> str:
    return f"{version}/第{number}条" + (f"之{suffix}" if suffix else "")


def paragraph_id(article: str, number: int) -> str:
    return f"{article}/第{number}款"


def item_id(parent: str, number: int) -> str:
    return f"{parent}/第{number}项"


def department_id(government: str, name: str) -> str:
    return f"{government}/{name}"


# ---------------------------------------------------------------------------
# Statutes


@dataclass
class Law(GraphObject):
    """A work: all versions of one statute share it (keyed by its full title)."""

    LABEL: ClassVar[str] = "Law"
    _ENUMS: ClassVar[dict] = {"rank": Rank}

    title: str
    short_title: str = ""  # without 中华人民共和国
    rank: Rank = Rank.OTHER
    region: str | None = None  # province or city for local legislation

    @property
    def id(self) -> str:
        return self.title


@dataclass
class LawVersion(GraphObject):
    LABEL: ClassVar[str] = "LawVersion"
    _ENUMS: ClassVar[dict] = {"rank": Rank, "status": VersionStatus}

    law: str  # Law.id
    date: str  # ISO date of this version (promulgation or latest amendment)
    title: str
    subtitle: str = ""
    rank: Rank = Rank.OTHER
    issuer: str = ""
    promulgated: str | None = None  # first adoption
    amended: tuple[str, ...] = ()  # amendment / revision dates
    effective: str | None = None
    status: VersionStatus = VersionStatus.IN_FORCE
    region: str | None = None
    source: str | None = None  # file it was loaded from
    events: tuple[str, ...] = ()  # info lines as written
    truncated: str = ""  # why the loaded text looks cut short (empty: it looks whole)
    # documents this version's text says it repeals (《X》同时废止): "article id<TAB>title as written<TAB>sentence"
    repeals: tuple[str, ...] = ()
    # a repeal stated by another text: its article, the date it took effect and its sentence (evidence)
    repealed_by: str | None = None
    repealed_on: str | None = None
    repeal_text: str | None = None
    # which reading of its provisions' divisions was recorded at load time (DIVISIONS_READING: Provision.divides
    # and Provision.by_duty); a version stored before has a lower mark, and its divisions are unknown until the
    # laws are loaded again (True, the first reading, is 1)
    divisions_read: int = 0

    @property
    def id(self) -> str:
        return version_id(self.law, self.date)


@dataclass
class Provision(GraphObject):
    """A 编/章/节 container or an 条/款/项/目 unit of one law version."""

    LABEL: ClassVar[str] = "Provision"
    _ENUMS: ClassVar[dict] = {"kind": ProvisionKind}

    id_: str
    version: str  # LawVersion.id
    kind: ProvisionKind
    number: int
    suffix: int = 0  # 之一 -> 1
    label: str = ""  # as written: 第一百二十二条, （三）, 第二章 ...
    heading: str = ""  # container title (总则), empty for units
    text: str = ""  # full text, items included for articles and paragraphs
    article: int | None = None  # article number for 条 and everything below
    article_suffix: int = 0
    paragraph: int | None = None
    item: int | None = None
    order: int = 0  # document order within the version
    # of an article: each group of sectors it divides the law's work between by object (ontology/divisions.csv,
    # read by loaders/statutes/divisions.py at load time), the sectors sorted and joined by DIVISION_SEPARATOR
    divides: tuple[str, ...] = ()
    # it gives its acts to the bodies it names each within its own duties (各自职责, 分别, 依照职权 …:
    # ontology/duty_divisions.csv, read at load time): one act of several bodies is divided, not held twice
    by_duty: bool = False
    # the conduct its text names before its first 的， (loaders/nlp/objects.py conduct_of, read at load time): what
    # an item citing the provision of an older version is compared by where no clause of its category stands
    conduct: str = ""

    @property
    def id(self) -> str:
        return self.id_


@dataclass
class Citation(GraphObject):
    """A reference found in statute text or in a power item's basis.

    Kept whether or not it resolves: ``status`` says why it did not.
    """

    LABEL: ClassVar[str] = "Citation"
    _ENUMS: ClassVar[dict] = {"status": CitationStatus}

    id_: str
    source: str  # id of the citing Provision or PowerItem
    text: str  # as written
    law: str | None = None  # law name as cited, normalised (《》 removed)
    version: str | None = None  # resolved LawVersion.id
    article: int | None = None
    article_suffix: int = 0
    paragraph: int | None = None
    item: int | None = None
    target: str | None = None  # resolved node id (Provision or LawVersion)
    status: CitationStatus = CitationStatus.UNPARSED
    rank_tag: str | None = None  # 【法律】 etc. as tagged in a basis
    version_note: str | None = None  # (2020年4月修订)
    quote: str | None = None  # article text quoted after the number
    quote_similarity: float | None = None
    quote_best_match: str | None = None  # provision that best holds the quote, when not the target
    quote_best_similarity: float | None = None
    # for a citation resolved into a version no longer in force: the article of the version in force that
    # holds the cited article's text (CORRESPONDS_TO chain), "" when the text is gone, None when not known
    current_target: str | None = None
    # of a citation in statute text: the date the citing version speaks at (its effective date, else its
    # promulgation/amendment date), which picks the cited law's version (``version``)
    cited_at: str | None = None
    # of a ``version_not_loaded`` citation: the provision bearing the cited number in the earliest loaded (later)
    # version, kept for display only (no RESOLVES_TO edge: it may be another provision)
    later_target: str | None = None

    @property
    def id(self) -> str:
        return self.id_


# ---------------------------------------------------------------------------
# Clauses and roles


@dataclass
class Role(GraphObject):
    """A statutory role: a government level plus a sector (县级以上 + 生态环境)."""

    LABEL: ClassVar[str] = "Role"

    level: str
    sector: str

    @property
    def id(self) -> str:
        return f"{self.level}|{self.sector}"


@dataclass
class AuthorisingClause(GraphObject):
    """Who may or must do which act, of which category, by which provision."""

    LABEL: ClassVar[str] = "AuthorisingClause"
    _ENUMS: ClassVar[dict] = {"category": Category}

    provision: str  # Provision.id of the article/paragraph/item holding it
    law: str
    version: str  # LawVersion.date
    article: int
    paragraph: int | None
    item: int | None
    category: Category
    subject: str
    level: str | None = None
    sector: str | None = None
    modality: str | None = None  # 可以 / 应当 / 不得 / None
    actions: tuple[str, ...] = ()
    triggers: tuple[tuple[str, int], ...] = ()  # (law, article)
    amounts: tuple[str, ...] = ()
    text: str = ""
    article_suffix: int = 0
    # the construction that made the clause (a row name of loaders/nlp/patterns/constructions.tsv, e.g.
    # "competence" for X负责/主管…工作: a role's competence, no power toward the public on its own)
    construction: str | None = None
    # the modifier restricting the object of the clause's conduct (非法定计量单位 of 制造、销售和进口非法定计量单位的计量
    # 器具, 计量法实施细则 art. 41), read at load time by loaders/nlp/objects.py; "" when none was read
    object_modifier: str = ""
    # what the vacuum query compares with items' names, read at load time by loaders/nlp/objects.py (queries never
    # parse text): the conduct the clause acts on ("" when it names none), else the conducts its provision's items
    # list, and whom its provision's chapeau punishes (生产经营单位 of 生产经营单位有下列行为之一的)
    conduct: str = ""
    listed: tuple[str, ...] = ()
    doer: str = ""

    @property
    def id(self) -> str:
        return f"{self.provision}#{self.category.value}#{self.subject}"

    def to_json(self) -> dict[str, Any]:
        """The ``plkg extract`` JSONL record (cli.md)."""
        return {
            "law": self.law,
            "version": self.version,
            "article": self.article,
            "paragraph": self.paragraph,
            "item": self.item,
            "category": self.category.value,
            "subject": self.subject,
            "level": self.level,
            "sector": self.sector,
            "modality": self.modality,
            "actions": list(self.actions),
            "triggers": [{"law": law, "article": art} for law, art in self.triggers],
            "text": self.text,
            "construction": self.construction,
            # the conduct that triggers the act (its 的， clause), or the conducts its items list after a chapeau
            "conduct": self.conduct or None,
            "listed": list(self.listed),
        }


# ---------------------------------------------------------------------------
# Governments and power lists


@dataclass
class Government(GraphObject):
    LABEL: ClassVar[str] = "Government"
    _ENUMS: ClassVar[dict] = {"level": GovLevel}

    name: str
    level: GovLevel
    parent: str | None = None
    province: str | None = None
    only_named: bool = False  # known only from another government's list (a parent, a 实施主体 cell): no list of its own

    @property
    def id(self) -> str:
        return self.name


@dataclass
class Department(GraphObject):
    LABEL: ClassVar[str] = "Department"

    name: str
    government: str
    sectors: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()  # other names of the same office: a second 牌子, spellings lists use

    @property
    def id(self) -> str:
        return department_id(self.government, self.name)


@dataclass
class PowerItem(GraphObject):
    LABEL: ClassVar[str] = "PowerItem"
    _ENUMS: ClassVar[dict] = {"category": Category}

    id_: str
    name: str
    category: Category
    department: str  # Department.id
    government: str  # Government.id
    code: str | None = None  # the list's own 事项编码
    sub: str = ""  # 子项名称
    category_raw: str = ""  # as written in the list
    basis_text: str = ""
    list_date: str | None = None
    source_file: str = ""
    sheet: str = ""
    row: int = 0
    extra: dict[str, str] = field(default_factory=dict)  # other columns, by header
    # the list date of a newer version of the government's list loaded later (or earlier): this item belongs to a
    # past version, kept for ``plkg diff lists``; findings look at the current version only (None)
    superseded: str | None = None
    # one level of an item that the departments of several governments hold (自治区级 / 地州市级 / 县市区级 rows of one
    # 序号), read from another government's list: the row says which level does what, and makes no list of this
    # department loaded (queries.overlap.loaded_departments)
    level_row: bool = False

    @property
    def id(self) -> str:
        return self.id_


@dataclass
class Responsibility(GraphObject):
    LABEL: ClassVar[str] = "Responsibility"

    id_: str
    item: str  # PowerItem.id
    duties: str = ""  # 责任事项
    accountability: str = ""  # 追责情形
    scope: str = ""  # 追责对象范围
    basis: str = ""  # 责任事项依据

    @property
    def id(self) -> str:
        return self.id_


GRAPH_CLASSES: dict[str, type[GraphObject]] = {
    cls.LABEL: cls
    for cls in (
        Law,
        LawVersion,
        Provision,
        Citation,
        Role,
        AuthorisingClause,
        Government,
        Department,
        PowerItem,
        Responsibility,
    )
}


def from_node(node: Node) -> GraphObject:
    """The domain object a stored node stands for."""
    return GRAPH_CLASSES[node.label].from_node(node)


def nodes_of(objects: Iterable[GraphObject]) -> Iterable[Node]:
    return (obj.to_node() for obj in objects)

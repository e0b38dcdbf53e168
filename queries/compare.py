"""``plkg compare GOV_A GOV_B``: what one government's list holds that another's does not, sector by sector.

The two lists (the current version of each) are compared for the sectors
that departments of both carry (``Department.sectors``; ``sector`` keeps
one).  For each shared sector, over the items of the departments carrying it:

- ``compare_category``: items per category, side by side;
- ``compare_provision``: each article (law, article number) that items of
  one side rest on and no item of the other, with the items resting on it and
  whether the article binds the other government at all: a clause's role
  level (省级, 设区的市级, 县级以上 …, ``ontology/levels.csv``) must admit the
  other's government level, and a local regulation or rule must be of its
  region (:func:`queries.roles.binds_government`).  Between levels (a
  province's directory against a city's list) a provision of the province's
  level alone is then told apart from a gap;
- ``compare_item``: items of one side with no counterpart on the other,
  counterparts found as :func:`queries.diff.match_items` finds them across
  versions, the sector standing for the department.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any, Iterator

from kg.errors import UserError
from kg.model import CATEGORY_NAMES

from .diff import FORMATS, VersionItem, match_items, version_item, write_records
from .roles import binds_government, binds_level, government_places


@dataclass(frozen=True)
class CompareRow:
    """One row of a comparison (``kind`` compare_category, compare_provision or compare_item)."""

    kind: str
    sector: str
    government_a: str
    government_b: str
    side: str = ""  # the government the row is about (provisions and items)
    category: str = ""
    count_a: int = 0
    count_b: int = 0
    law: str = ""
    article: int | None = None
    article_suffix: int = 0
    applies_to_other: bool | None = None
    items: tuple[str, ...] = ()
    item_id: str = ""
    department: str = ""
    name: str = ""
    citations: tuple[str, ...] = ()
    reason: str = ""

    def to_json(self) -> dict[str, Any]:
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in self.__dict__.items()}


@dataclass(frozen=True)
class _Side:
    government: dict[str, Any]
    items: dict[str, list[VersionItem]]  # by sector
    articles: dict[tuple[str, int, int], dict[str, Any]]  # (law, article, suffix) -> rank, region, levels


def _side(store, government: str, governments: dict[str, dict[str, Any]]) -> _Side:
    gov = governments.get(government)
    if gov is None:
        raise UserError(f"{government}: no such government in the store (loaded: {', '.join(sorted(governments)) or 'none'})")
    if gov.get("only_named"):
        raise UserError(f"{government}: no list of its own is loaded (it is only named by another government's list)")
    sectors_of = {d["id"]: tuple(d.get("sectors") or ()) for d in store.departments_of(government)}
    items: dict[str, list[VersionItem]] = defaultdict(list)
    articles: dict[tuple[str, int, int], dict[str, Any]] = {}
    for basis in store.item_bases(government=government):
        item = version_item(basis)
        for sector in sectors_of.get(item.department, ()):
            items[sector].append(item)
        for cb in basis.citations:
            if cb.target is None or cb.target.article is None or cb.version is None:
                continue
            key = (cb.version.law, cb.target.article, cb.target.article_suffix)
            entry = articles.setdefault(key, {"rank": cb.version.rank, "region": cb.version.region, "levels": set()})
            entry["levels"].update(c.level for c in cb.clauses if c.level)
    if not items:
        raise UserError(f"{government}: no item of its list belongs to a department with a sector")
    return _Side(gov, dict(items), articles)


def _binds(article: dict[str, Any], government: dict[str, Any], places: list[str]) -> bool:
    """Whether an article binds ``government``: its law's rank and region, and, when its clauses name
    role levels, one of them admitting the government's level."""
    if not binds_government(article["rank"], article["region"], places):
        return False
    levels = article["levels"]
    return not levels or any(binds_level(level, government.get("level")) for level in levels)


def compare(store, government_a: str, government_b: str, sector: str | None = None) -> Iterator[CompareRow]:
    """The comparison rows, sector by sector (sectors in name order)."""
    governments = {g["id"]: g for g in store.governments()}
    a = _side(store, government_a, governments)
    b = _side(store, government_b, governments)
    shared = sorted(set(a.items) & set(b.items))
    if sector is not None:
        if sector not in shared:
            raise UserError(f"--sector {sector}: not a sector both lists' departments carry (shared: {', '.join(shared) or 'none'})")
        shared = [sector]
    places = {government_a: government_places(a.government, governments),
              government_b: government_places(b.government, governments)}
    for s in shared:
        items_a, items_b = a.items[s], b.items[s]
        cats_a = Counter(i.category for i in items_a)
        cats_b = Counter(i.category for i in items_b)
        for category in CATEGORY_NAMES:
            if cats_a[category] or cats_b[category]:
                yield CompareRow("compare_category", s, government_a, government_b, category=category,
                                 count_a=cats_a[category], count_b=cats_b[category],
                                 reason=f"{s}：{government_a} {cats_a[category]} 项，{government_b} {cats_b[category]} 项。")
        for mine, theirs, side, other in ((items_a, items_b, a, b), (items_b, items_a, b, a)):
            yield from _provisions(s, government_a, government_b, mine, theirs, side, other, places)
        # counterparts across governments: the sector stands for the department
        as_sector = lambda items: [dataclasses.replace(i, department=s) for i in items]  # noqa: E731
        pairs = match_items(as_sector(items_a), as_sector(items_b))
        paired_a = {p[0].id for p in pairs}
        paired_b = {p[1].id for p in pairs}
        for items, paired, side, other in ((items_a, paired_a, government_a, government_b),
                                           (items_b, paired_b, government_b, government_a)):
            for item in sorted((i for i in items if i.id not in paired), key=lambda i: (i.category, i.label, i.id)):
                yield CompareRow("compare_item", s, government_a, government_b, side=side, category=item.category,
                                 item_id=item.id, department=item.department_name, name=item.label, citations=item.citations,
                                 reason=f"{side}有此事项，{other}的{s}部门清单中没有相应事项。")


def _provisions(sector: str, government_a: str, government_b: str, mine: list[VersionItem], theirs: list[VersionItem],
                side: _Side, other: _Side, places: dict[str, list[str]]) -> Iterator[CompareRow]:
    theirs_keys = set().union(*(i.basis for i in theirs)) if theirs else set()
    resting: dict[tuple[str, int, int], list[VersionItem]] = defaultdict(list)
    for item in mine:
        for key in item.basis:
            if key in side.articles:  # resolved articles only: an unresolved citation names no provision
                resting[key].append(item)
    me, you = side.government["id"], other.government["id"]
    for key in sorted(resting):
        if key in theirs_keys:
            continue
        law, article, suffix = key
        applies = _binds(side.articles[key], other.government, places[you])
        items = resting[key]
        unit = f"《{law}》第{article}条" + (f"之{suffix}" if suffix else "")
        reason = (f"{me}的{len(items)}项事项以{unit}为依据，{you}的{sector}部门清单无事项以其为依据"
                  + ("。" if applies else f"；该条不约束{you}（层级或地域不适用），不属缺漏。"))
        yield CompareRow("compare_provision", sector, government_a, government_b, side=me, law=law, article=article,
                         article_suffix=suffix, applies_to_other=applies, items=tuple(i.label for i in items),
                         category="、".join(sorted({i.category for i in items})), reason=reason)


# ---------------------------------------------------------------------------
# Output

COLUMNS: dict[str, list] = {
    "compare_category": [
        ("领域", lambda r: r.sector), ("权力类别", lambda r: r.category), ("政府甲", lambda r: r.government_a),
        ("甲事项数", lambda r: r.count_a), ("政府乙", lambda r: r.government_b), ("乙事项数", lambda r: r.count_b),
    ],
    "compare_provision": [
        ("领域", lambda r: r.sector), ("所属政府", lambda r: r.side), ("法律", lambda r: r.law), ("条", lambda r: r.article),
        ("权力类别", lambda r: r.category), ("对方适用", lambda r: "是" if r.applies_to_other else "否"),
        ("事项", lambda r: "；".join(r.items)), ("问题说明", lambda r: r.reason),
    ],
    "compare_item": [
        ("领域", lambda r: r.sector), ("所属政府", lambda r: r.side), ("实施主体", lambda r: r.department),
        ("事项名称", lambda r: r.name), ("权力类别", lambda r: r.category), ("设定依据", lambda r: "；".join(r.citations)),
        ("问题说明", lambda r: r.reason), ("事项ID", lambda r: r.item_id),
    ],
}
SHEET_NAMES = {"compare_category": "类别对比", "compare_provision": "依据差异", "compare_item": "独有事项"}


def compare_line(row: CompareRow) -> str:
    if row.kind == "compare_category":
        return f"{row.sector}\t{row.category}\t{row.government_a} {row.count_a}\t{row.government_b} {row.count_b}"
    if row.kind == "compare_provision":
        return f"{row.sector}\t依据差异\t{row.reason}"
    return f"{row.sector}\t独有事项\t[{row.department}] {row.name}（{row.category}）"


def write_compare(store, government_a: str, government_b: str, *, sector: str | None = None, format: str = "table",
                  output=None, out=None) -> Counter:
    """``plkg compare``: write the rows; returns the count per row kind."""
    if format not in FORMATS:
        raise UserError(f"--format {format}: use {', '.join(FORMATS)}")
    counts: Counter = Counter()

    def rows():
        for row in compare(store, government_a, government_b, sector):
            counts[row.kind] += 1
            yield row

    write_records(rows(), format, COLUMNS, SHEET_NAMES, output=output, out=out, table_line=compare_line)
    return counts

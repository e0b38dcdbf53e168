"""``plkg diff lists``: what changed between two versions of a government's list, and what the reform gave up.

A version is the items of one government with one ``list_date``
(:meth:`kg.views.GraphViews.list_versions`).  Items are matched across the two
versions in rounds, each one-to-one and never undone by a later round:

1. the list's own code (事项编码), when it is unique in both versions (score 1);
2. the same department, category, name and sub-item (score 1);
3. a score of name similarity (character bigrams of name and sub-item, their
   numbering left out), shared basis (the cited (law, article) pairs, Jaccard),
   same department and same category (:data:`WEIGHTS`), best pair first, for
   candidate pairs that share a department, a name or a cited article; a pair
   is kept when its score reaches :data:`MIN_SCORE` and its names are alike
   (:data:`MIN_NAME`), and never when it keeps neither its name nor any cited
   article (a renamed and re-cited item is removed and added: nothing of it
   stayed).

A matched pair whose department differs is *moved* (划转); one whose
category, basis, responsibility (责任事项, 追责情形) or name differs is
*changed*; unmatched items are *removed* (取消) or *added* (新增).  Every change
carries evidence: both items' ids and rows, the match and its score, and each
aspect's old and new value (the citations as written and what they resolved to).

:func:`reform` weighs what a diff removed (:class:`ReformRow`): per category and
department the removed and the kept items with the highest penalty amount of
the clauses they rest on (``AuthorisingClause.amounts``), how many were permits
and how many provisions rested on them, so that a reform that gave up the
cheap powers and kept the valuable ones shows; and two findings: a removed
(or delegated: moved to another government's department) 行政许可 whose laws
no remaining 行政检查, 行政处罚 or 行政强制 item rests on (取消审批后缺少事中事后
监管), and a removed item resting on an 应当 clause of a version in force, of a
role of the government's level in a canonical sector, whose article no
remaining item covers (取消后形成权力真空).  The modality is the extractor's
(``AuthorisingClause.modality``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from kg.errors import UserError
from kg.text import bigrams, chinese_to_int, squeeze
from kg.views import ItemBasis

from .roles import binds_level, canonical_sectors

WEIGHTS = {"name": 0.45, "basis": 0.25, "department": 0.15, "category": 0.15}
"""Weights of the match score of round 3 (they sum to 1)."""
MIN_SCORE = 0.7
MIN_NAME = 0.5
BLOCK_LIMIT = 40
"""A cited article (or name) shared by more unmatched items than this proposes no pairs: it says nothing."""

SUPERVISION = ("行政检查", "行政处罚", "行政强制")
"""Categories that supervise after approval (事中事后监管)."""

CHANGE_NAMES = {"added": "新增", "removed": "取消", "changed": "变更", "moved": "划转"}
ASPECT_NAMES = {"name": "名称", "category": "权力类别", "basis": "设定依据", "responsibility": "责任事项",
                "department": "实施主体"}
_NUMBERING_RE = re.compile(r"^\s*[（(]?[0-9一二三四五六七八九十]+[)）.、．]\s*")


# ---------------------------------------------------------------------------
# The items of a version, as the diff compares them


@dataclass(frozen=True)
class VersionItem:
    """One item of a version: what matching and the change aspects read (all from the graph)."""

    id: str
    name: str
    sub: str
    category: str
    department: str  # Department id
    department_name: str
    code: str | None
    basis: frozenset[tuple[str, int, int]]  # (law, article, suffix) of the resolved (else parsed) citations
    citations: tuple[str, ...]  # as written
    resolved: tuple[str, ...]  # what each citation resolved to (or its status)
    provisions: frozenset[str]  # ids of the articles it rests on
    clauses: tuple[Any, ...]  # ClauseRef of those articles
    in_force: tuple[bool, ...]  # per clause: its version is in force
    source: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return self.name + (f"／{self.sub}" if self.sub else "")


def version_item(basis: ItemBasis) -> VersionItem:
    """A :class:`VersionItem` from an ``item_bases`` row."""
    item = basis.item
    keys: set[tuple[str, int, int]] = set()
    resolved: list[str] = []
    provisions: set[str] = set()
    clauses: list[Any] = []
    in_force: list[bool] = []
    for cb in basis.citations:
        c = cb.citation
        law = cb.version.law if cb.version is not None else (c.get("law") or "")
        article = cb.target.article if cb.target is not None and cb.target.article is not None else c.get("article")
        if law and article is not None:
            suffix = cb.target.article_suffix if cb.target is not None else c.get("article_suffix", 0) or 0
            keys.add((law, int(article), int(suffix or 0)))
        resolved.append(cb.target.id if cb.target is not None else (cb.version.id if cb.version else c.get("status", "")))
        if cb.article is not None and cb.article.id not in provisions:
            provisions.add(cb.article.id)
            for clause in cb.clauses:
                clauses.append(clause)
                in_force.append(cb.version is not None and cb.version.status == "in_force")
    dept = basis.department or {}
    return VersionItem(
        id=item["id"], name=item.get("name", ""), sub=item.get("sub", ""), category=item.get("category", ""),
        department=dept.get("id") or item.get("department", ""), department_name=dept.get("name") or item.get("department", ""),
        code=item.get("code") or None, basis=frozenset(keys),
        citations=tuple(cb.citation.get("text", "") for cb in basis.citations), resolved=tuple(resolved),
        provisions=frozenset(provisions), clauses=tuple(clauses), in_force=tuple(in_force),
        source={"file": item.get("source_file", ""), "sheet": item.get("sheet", ""), "row": item.get("row", 0)},
    )


# ---------------------------------------------------------------------------
# Similarity


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice coefficient of two bigram sets (1 for two empty ones).

    >>> round(dice(bigrams("食品生产许可"), bigrams("食品生产经营许可")), 2)
    0.77
    """
    if not a and not b:
        return 1.0
    return 2 * len(a & b) / (len(a) + len(b))


def _name_key(item: VersionItem) -> str:
    """Name and sub-item without the sub-item's numbering (1. 2. renumber when a sibling goes)."""
    return squeeze(item.name) + "|" + squeeze(_NUMBERING_RE.sub("", item.sub))


def _jaccard(a: frozenset, b: frozenset) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


# ---------------------------------------------------------------------------
# Changes


@dataclass(frozen=True)
class Aspect:
    """One thing that changed on a matched pair: its old and new value as written."""

    aspect: str  # name category basis responsibility department
    old: str
    new: str


@dataclass(frozen=True)
class ListChange:
    """One change between two versions (``kind`` list_change), with evidence."""

    change: str  # added removed changed moved
    government: str
    from_date: str
    to_date: str
    old: VersionItem | None
    new: VersionItem | None
    match: str = ""  # code name similarity
    score: float | None = None
    aspects: tuple[Aspect, ...] = ()
    kind: str = "list_change"

    @property
    def item(self) -> VersionItem:
        return self.new or self.old  # type: ignore[return-value]

    def to_json(self) -> dict[str, Any]:
        def side(item: VersionItem | None) -> dict[str, Any] | None:
            if item is None:
                return None
            return {"item_id": item.id, "item_code": item.code, "name": item.name, "sub": item.sub,
                    "category": item.category, "department": item.department_name, "citations": list(item.citations),
                    "resolved_to": list(item.resolved), "source": item.source}
        return {
            "kind": self.kind, "change": self.change, "government": self.government,
            "from": self.from_date, "to": self.to_date, "match": self.match or None, "score": self.score,
            "aspects": [a.aspect for a in self.aspects],
            "evidence": [{"aspect": a.aspect, "old": a.old, "new": a.new} for a in self.aspects],
            "old": side(self.old), "new": side(self.new),
        }


@dataclass
class ListDiff:
    """The changes between two versions, the unchanged pairs and both versions' items."""

    government: str
    from_date: str
    to_date: str
    changes: list[ListChange]
    unchanged: int
    old: list[VersionItem]
    new: list[VersionItem]
    level: str | None = None  # the government's level (GovLevel value)

    def counts(self) -> Counter:
        return Counter(c.change for c in self.changes)


def _responsibility(store, item_id: str) -> str:
    """责任事项 and 追责情形 of an item, whitespace removed (what a change of wording-only layout keeps)."""
    texts = []
    for node in sorted(store.targets(item_id, "HAS_RESPONSIBILITY"), key=lambda n: n.id):
        texts.append(squeeze(node.props.get("duties", "")) + "|" + squeeze(node.props.get("accountability", "")))
    return "\n".join(texts)


def _citations_text(item: VersionItem) -> str:
    return "；".join(f"{c}（{r}）" for c, r in zip(item.citations, item.resolved)) or "（无）"


def _aspects(store, old: VersionItem, new: VersionItem) -> tuple[Aspect, ...]:
    found = []
    if _name_key(old) != _name_key(new):
        found.append(Aspect("name", old.label, new.label))
    if old.category != new.category:
        found.append(Aspect("category", old.category, new.category))
    if old.basis != new.basis:
        found.append(Aspect("basis", _citations_text(old), _citations_text(new)))
    old_resp, new_resp = _responsibility(store, old.id), _responsibility(store, new.id)
    if old_resp != new_resp:
        found.append(Aspect("responsibility", old_resp[:300], new_resp[:300]))
    if old.department != new.department:
        found.append(Aspect("department", old.department_name, new.department_name))
    return tuple(found)


def match_items(old: list[VersionItem], new: list[VersionItem]) -> list[tuple[VersionItem, VersionItem, str, float]]:
    """One-to-one pairs (old, new, how, score) in the rounds of the module docstring."""
    pairs: list[tuple[VersionItem, VersionItem, str, float]] = []
    left = {i.id: i for i in old}
    right = {i.id: i for i in new}

    def take(a: VersionItem, b: VersionItem, how: str, score: float) -> None:
        pairs.append((a, b, how, score))
        del left[a.id], right[b.id]

    old_codes = Counter(i.code for i in old if i.code)
    new_codes = Counter(i.code for i in new if i.code)
    by_code = {i.code: i for i in new if i.code and new_codes[i.code] == 1}
    for a in old:
        if a.code and old_codes[a.code] == 1 and a.code in by_code:
            take(a, by_code[a.code], "code", 1.0)
    exact: dict[tuple, list[VersionItem]] = defaultdict(list)
    for b in right.values():
        exact[(b.department, b.category, _name_key(b))].append(b)
    for a in list(left.values()):
        found = exact.get((a.department, a.category, _name_key(a)))
        while found:
            b = found.pop(0)
            if b.id in right:
                take(a, b, "name", 1.0)
                break
    # round 3: candidates that share a department, a name or a cited article
    blocks: dict[tuple, tuple[list[VersionItem], list[VersionItem]]] = defaultdict(lambda: ([], []))
    for side, items in ((0, left.values()), (1, right.values())):
        for item in items:
            blocks[("d", item.department)][side].append(item)
            blocks[("n", _name_key(item))][side].append(item)
            for key in item.basis:
                blocks[("b", key)][side].append(item)
    grams: dict[str, frozenset[str]] = {}

    def gram(item: VersionItem) -> frozenset[str]:
        if item.id not in grams:
            grams[item.id] = bigrams(_name_key(item).replace("|", ""))
        return grams[item.id]

    scored: dict[tuple[str, str], float] = {}
    for key, (olds, news) in blocks.items():
        if not olds or not news or (key[0] != "d" and len(olds) * len(news) > BLOCK_LIMIT * BLOCK_LIMIT):
            continue
        for a in olds:
            for b in news:
                if (a.id, b.id) in scored:
                    continue
                if a.basis.isdisjoint(b.basis) and (a.basis or b.basis) and _name_key(a) != _name_key(b):
                    continue  # neither the name nor any cited article kept: nothing says it is the same item
                name = dice(gram(a), gram(b))
                score = (WEIGHTS["name"] * name + WEIGHTS["basis"] * _jaccard(a.basis, b.basis)
                         + WEIGHTS["department"] * (a.department == b.department)
                         + WEIGHTS["category"] * (a.category == b.category))
                scored[(a.id, b.id)] = score if name >= MIN_NAME else 0.0
    for (aid, bid), score in sorted(scored.items(), key=lambda kv: (-kv[1], kv[0])):
        if score < MIN_SCORE:
            break
        if aid in left and bid in right:
            take(left[aid], right[bid], "similarity", round(score, 3))
    return pairs


def version_items(store, government: str, date: str) -> list[VersionItem]:
    return [version_item(b) for b in store.item_bases(government=government, list_date=date)]


def _check_versions(store, government: str, from_date: str, to_date: str) -> None:
    versions = store.list_versions(government)
    dates = [v.date for v in versions]
    if not versions:
        raise UserError(f"{government}: no list of this government is loaded")
    for date in (from_date, to_date):
        if date not in dates:
            raise UserError(f"{government}: no version of its list dated {date} (loaded: {', '.join(d or '(no date)' for d in dates)})")


def diff_lists(store, government: str, from_date: str, to_date: str) -> ListDiff:
    """The changes from version ``from_date`` to version ``to_date`` of ``government``'s list.

    Raises :class:`UserError` when either version is not loaded.  Changes are
    ordered removed, moved, changed, added, each by department and name.
    """
    _check_versions(store, government, from_date, to_date)
    old = version_items(store, government, from_date)
    new = version_items(store, government, to_date)
    changes: list[ListChange] = []
    unchanged = 0
    matched_old: set[str] = set()
    matched_new: set[str] = set()
    for a, b, how, score in match_items(old, new):
        matched_old.add(a.id)
        matched_new.add(b.id)
        aspects = _aspects(store, a, b)
        if not aspects:
            unchanged += 1
            continue
        kind = "moved" if a.department != b.department else "changed"
        changes.append(ListChange(kind, government, from_date, to_date, a, b, how, score, aspects))
    changes += [ListChange("removed", government, from_date, to_date, a, None) for a in old if a.id not in matched_old]
    changes += [ListChange("added", government, from_date, to_date, None, b) for b in new if b.id not in matched_new]
    order = {"removed": 0, "moved": 1, "changed": 2, "added": 3}
    changes.sort(key=lambda c: (order[c.change], c.item.department_name, c.item.label, c.item.id))
    node = store.get(government)
    level = node.props.get("level") if node is not None and node.label == "Government" else None
    return ListDiff(government, from_date, to_date, changes, unchanged, old, new, level)


# ---------------------------------------------------------------------------
# Reform analysis


_AMOUNT_RE = re.compile(r"([零〇一二三四五六七八九十百千万亿两\d.,]+)(万元|亿元|元)")
_UNIT = {"元": 1, "万元": 10_000, "亿元": 100_000_000}


def amount_yuan(amount: str) -> int | None:
    """The highest sum in yuan a stored penalty amount names (None for multiples: 货值金额十倍).

    The amount is a value of the graph (``AuthorisingClause.amounts``, as the
    extractor cut it from the clause), read here as a number to compare.

    >>> amount_yuan("五万元以上二十万元以下"), amount_yuan("2000元"), amount_yuan("货值金额五倍以上十倍以下")
    (200000, 2000, None)
    """
    best = None
    for number, unit in _AMOUNT_RE.findall(amount):
        number = number.replace(",", "")
        try:
            value = float(number) if re.fullmatch(r"[\d.]+", number) else chinese_to_int(number)
        except (ValueError, KeyError):
            continue
        yuan = int(value * _UNIT[unit])
        best = yuan if best is None else max(best, yuan)
    return best


def weight(item: VersionItem) -> tuple[int | None, str]:
    """(highest penalty in yuan, the amount as stored) over the clauses the item rests on."""
    best: tuple[int | None, str] = (None, "")
    for clause in item.clauses:
        for amount in getattr(clause, "amounts", ()):
            yuan = amount_yuan(amount)
            if yuan is not None and (best[0] is None or yuan > best[0]):
                best = (yuan, amount)
    return best


@dataclass(frozen=True)
class ReformRow:
    """A reform record: a ``reform_summary`` line (category, department) or a finding about a removed item."""

    kind: str  # reform_summary unsupervised removal_vacuum
    government: str
    category: str
    department: str
    reason: str
    removed: int = 0
    kept: int = 0
    removed_permits: int = 0
    removed_max_penalty: int | None = None
    kept_max_penalty: int | None = None
    removed_median_penalty: int | None = None
    kept_median_penalty: int | None = None
    removed_provisions: int = 0
    kept_provisions: int = 0
    item: VersionItem | None = None
    evidence: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "government": self.government, "category": self.category,
                                "department": self.department, "reason": self.reason}
        if self.kind == "reform_summary":
            data.update(removed=self.removed, kept=self.kept, removed_permits=self.removed_permits,
                        removed_max_penalty=self.removed_max_penalty, kept_max_penalty=self.kept_max_penalty,
                        removed_median_penalty=self.removed_median_penalty, kept_median_penalty=self.kept_median_penalty,
                        removed_provisions=self.removed_provisions, kept_provisions=self.kept_provisions)
        if self.item is not None:
            data.update(item_id=self.item.id, item_code=self.item.code, name=self.item.label,
                        citations=list(self.item.citations), source=self.item.source)
        data["evidence"] = list(self.evidence)
        return data


def _median(values: list[int]) -> int | None:
    values = sorted(values)
    return values[len(values) // 2] if values else None


def reform(diff: ListDiff) -> Iterator[ReformRow]:
    """The reform analysis of a diff: summary rows by (category, department), then the findings."""
    removed = [c.old for c in diff.changes if c.change == "removed" and c.old is not None]
    removed_ids = {i.id for i in removed}
    kept = [i for i in diff.old if i.id not in removed_ids]
    groups: dict[tuple[str, str], tuple[list[VersionItem], list[VersionItem]]] = defaultdict(lambda: ([], []))
    for item in removed:
        groups[(item.category, item.department_name)][0].append(item)
    for item in kept:
        if (item.category, item.department_name) in groups:
            groups[(item.category, item.department_name)][1].append(item)
    for (category, department), (gone, stay) in sorted(groups.items()):
        gone_w = [w for w in (weight(i)[0] for i in gone) if w is not None]
        stay_w = [w for w in (weight(i)[0] for i in stay) if w is not None]
        row = ReformRow(
            "reform_summary", diff.government, category, department, "",
            removed=len(gone), kept=len(stay), removed_permits=sum(i.category == "行政许可" for i in gone),
            removed_max_penalty=max(gone_w, default=None), kept_max_penalty=max(stay_w, default=None),
            removed_median_penalty=_median(gone_w), kept_median_penalty=_median(stay_w),
            removed_provisions=len(set().union(*(i.provisions for i in gone))),
            kept_provisions=len(set().union(*(i.provisions for i in stay))) if stay else 0,
        )
        yield ReformRow(**{**row.__dict__, "reason": _summary_reason(row)})
    # delegated: moved to a department of another government
    delegated = [c.old for c in diff.changes if c.change == "moved" and c.old is not None and c.new is not None
                 and c.old.department.split("/", 1)[0] != c.new.department.split("/", 1)[0]]
    supervised_laws: dict[str, list[VersionItem]] = defaultdict(list)
    covered: set[tuple[str, int, int]] = set()
    for item in diff.new:
        covered |= item.basis
        if item.category in SUPERVISION:
            for law, _, _ in item.basis:
                supervised_laws[law].append(item)
    for item in [i for i in removed + delegated if i.category == "行政许可"]:
        laws = sorted({law for law, _, _ in item.basis})
        if laws and not any(supervised_laws.get(law) for law in laws):
            yield ReformRow(
                "unsupervised", diff.government, item.category, item.department_name,
                f"取消（或下放）行政许可“{item.label}”后，新版本清单中没有行政检查、行政处罚或行政强制事项以"
                f"{'、'.join('《' + law + '》' for law in laws)}为依据：取消审批后缺少事中事后监管。",
                item=item, evidence=tuple(f"依据：{c}（{r}）" for c, r in zip(item.citations, item.resolved)),
            )
    sectors = canonical_sectors()
    for item in removed:
        # a duty of this government: in force, 应当, a role of its level in a sector a department can hold
        duties = [c for c, live in zip(item.clauses, item.in_force) if live and c.modality == "应当"
                  and c.sector in sectors and (diff.level is None or binds_level(c.level, diff.level))]
        open_duties = [c for c in duties if (c.law, c.article, c.article_suffix) not in covered]
        if open_duties:
            clause = open_duties[0]
            yield ReformRow(
                "removal_vacuum", diff.government, item.category, item.department_name,
                f"取消“{item.label}”后，《{clause.law}》第{clause.article}条仍以“应当”规定{clause.subject}的职责，"
                "且新版本清单中无事项以该条为依据：形成权力真空。",
                item=item, evidence=tuple(f"条款（{c.law} {c.version} 第{c.article}条，{c.modality}）：{c.text[:200]}"
                                          for c in open_duties),
            )


def _summary_reason(row: ReformRow) -> str:
    def yuan(value: int | None) -> str:
        return "无罚款" if value is None else f"{value:,}元"
    text = (f"取消{row.removed}项（其中行政许可{row.removed_permits}项），保留{row.kept}项；"
            f"取消事项最高罚款{yuan(row.removed_max_penalty)}、中位{yuan(row.removed_median_penalty)}，"
            f"保留事项最高罚款{yuan(row.kept_max_penalty)}、中位{yuan(row.kept_median_penalty)}；"
            f"取消事项依据{row.removed_provisions}条，保留事项依据{row.kept_provisions}条。")
    if (row.removed_median_penalty is not None and row.kept_median_penalty is not None
            and row.kept_median_penalty > 2 * row.removed_median_penalty):
        text += "取消的多为罚款额低的事项，罚款额高的予以保留（选择性放权）。"
    return text


# ---------------------------------------------------------------------------
# Output


def _evidence(change: ListChange) -> str:
    lines = [f"{ASPECT_NAMES.get(a.aspect, a.aspect)}：{a.old} → {a.new}" for a in change.aspects]
    if change.change in ("removed", "added"):
        lines.append("依据：" + _citations_text(change.item))
    return "\n".join(lines)


def _source(item: VersionItem | None) -> str:
    return "" if item is None else f"{item.source.get('file', '')} {item.source.get('sheet', '')} 第{item.source.get('row', '')}行"


COLUMNS: dict[str, list] = {
    "list_change": [
        ("变更类型", lambda c: CHANGE_NAMES[c.change]),
        ("政府", lambda c: c.government),
        ("实施主体", lambda c: c.item.department_name),
        ("事项编码", lambda c: c.item.code),
        ("事项名称", lambda c: c.item.label),
        ("权力类别", lambda c: c.item.category),
        ("变更内容", lambda c: "、".join(ASPECT_NAMES.get(a.aspect, a.aspect) for a in c.aspects)),
        ("匹配方式", lambda c: {"code": "事项编码", "name": "名称", "similarity": "相似度"}.get(c.match, "")),
        ("匹配得分", lambda c: c.score),
        ("证据", _evidence),
        ("原事项ID", lambda c: c.old.id if c.old else ""),
        ("新事项ID", lambda c: c.new.id if c.new else ""),
        ("原来源", lambda c: _source(c.old)),
        ("新来源", lambda c: _source(c.new)),
    ],
    "reform_summary": [
        ("政府", lambda r: r.government), ("权力类别", lambda r: r.category), ("实施主体", lambda r: r.department),
        ("取消数", lambda r: r.removed), ("保留数", lambda r: r.kept), ("取消许可数", lambda r: r.removed_permits),
        ("取消最高罚款", lambda r: r.removed_max_penalty), ("保留最高罚款", lambda r: r.kept_max_penalty),
        ("取消罚款中位", lambda r: r.removed_median_penalty), ("保留罚款中位", lambda r: r.kept_median_penalty),
        ("取消依据条数", lambda r: r.removed_provisions), ("保留依据条数", lambda r: r.kept_provisions),
        ("问题说明", lambda r: r.reason),
    ],
}
COLUMNS["unsupervised"] = COLUMNS["removal_vacuum"] = [
    ("政府", lambda r: r.government), ("实施主体", lambda r: r.department), ("事项名称", lambda r: r.item.label),
    ("权力类别", lambda r: r.category), ("问题说明", lambda r: r.reason), ("证据", lambda r: "\n".join(r.evidence)),
    ("原事项ID", lambda r: r.item.id),
]
SHEET_NAMES = {"list_change": "清单变更", "reform_summary": "取消事项分析", "unsupervised": "取消审批后缺少监管",
               "removal_vacuum": "取消后权力真空"}
FORMATS = ("table", "jsonl", "csv", "xlsx")


def write_records(records: Iterable[Any], format: str, columns: dict[str, list], names: dict[str, str], *,
                  output=None, out=None, table_line=None) -> int:
    """Write records with ``kind`` and ``to_json`` as JSONL, CSV or xlsx (the finding writers of
    :mod:`queries.report` with these columns), or a table of ``table_line(record)`` lines; returns how many."""
    import json
    import sys
    from pathlib import Path

    from .report import _emit, write_csv, write_xlsx

    if format not in FORMATS:
        raise UserError(f"--format {format}: use {', '.join(FORMATS)}")
    if format == "xlsx" and output is None:
        raise UserError("--format xlsx needs --output FILE.xlsx")
    count = 0

    def counted():
        nonlocal count
        for record in records:
            count += 1
            yield record

    if format == "xlsx":
        write_xlsx(counted(), Path(output), columns, names)
        return count
    handle = None
    if output is not None:
        try:
            handle = open(output, "w", encoding="utf-8-sig" if format == "csv" else "utf-8", newline="")
        except OSError as exc:
            raise UserError(f"{output}: cannot write ({exc.strerror})") from None
    stream = handle or out or sys.stdout
    try:
        if format == "csv":
            write_csv(counted(), stream, columns, names)
        elif format == "jsonl":
            for record in counted():
                _emit(stream, json.dumps(record.to_json(), ensure_ascii=False))
        else:
            for record in counted():
                _emit(stream, table_line(record))
    finally:
        if handle is not None:
            handle.close()
    return count


def change_line(record: Any) -> str:
    """One table line for a change or a reform record."""
    if isinstance(record, ListChange):
        what = "、".join(ASPECT_NAMES.get(a.aspect, a.aspect) for a in record.aspects)
        score = f" {record.match} {record.score:.2f}" if record.score is not None else ""
        detail = "；".join(f"{ASPECT_NAMES.get(a.aspect, a.aspect)} {a.old[:40]} → {a.new[:40]}" for a in record.aspects
                          if a.aspect in ("category", "department", "name"))
        return (f"{CHANGE_NAMES[record.change]}\t[{record.item.department_name}] {record.item.label}"
                f"（{record.item.category}）{('　' + what) if what else ''}{score}{('　' + detail) if detail else ''}")
    return f"{SHEET_NAMES[record.kind]}\t[{record.department}] {record.category}：{record.reason}"


def write_diff(store, government: str, from_date: str, to_date: str, *, reform_analysis: bool = False,
               format: str = "table", output=None, out=None) -> Counter:
    """``plkg diff lists``: write the changes (and the reform analysis); returns the count per change kind."""
    if format not in FORMATS:
        raise UserError(f"--format {format}: use {', '.join(FORMATS)}")
    found = diff_lists(store, government, from_date, to_date)
    counts = found.counts()
    counts["unchanged"] = found.unchanged

    def records() -> Iterator[Any]:
        yield from found.changes
        if reform_analysis:
            for row in reform(found):
                counts[row.kind] += 1
                yield row
        if format == "table":
            summary = "，".join(f"{CHANGE_NAMES[k]} {counts.get(k, 0)}" for k in CHANGE_NAMES)
            yield _Summary(f"{government} {from_date} → {to_date}：{summary}，未变 {found.unchanged}"
                           f"（原 {len(found.old)} 项，新 {len(found.new)} 项）")

    write_records(records(), format, COLUMNS, SHEET_NAMES, output=output, out=out,
                  table_line=lambda r: r.text if isinstance(r, _Summary) else change_line(r))
    return counts


@dataclass(frozen=True)
class _Summary:
    text: str
    kind: str = "summary"

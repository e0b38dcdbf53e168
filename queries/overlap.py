"""Overlaps (多头执法): several departments of one government on the same provision and act.

Two sources:

1. Items: items of two or more departments of one government, of the same
   category, resting on the same provision.  Citations are compared at the
   article: two items overlap when their resolved provisions are equal or one
   contains the other (an item citing the whole article overlaps one citing
   its second paragraph; items citing different paragraphs do not).  One
   finding per maximal set of items, keyed by the most specific provision.
   Only articles that grant the item's category count (they hold a clause of
   it): an article an item cites for the rule it enforces (违反本法第二十三条)
   is shared by every department enforcing it and proves nothing.  Not
   reported: departments that all share a sector (one line of
   administration at different levels), and articles that divide the power
   (按照职责分工, 各自职责 ...).
2. Clauses: a provision in force that binds the government and gives one
   category of act to bodies of several sectors without dividing it (its text
   has no 各自职责 / 职责分工 / 分别 ...), where those sectors map to two or
   more departments of the government in different lines of administration
   (not a bureau and its branches) and some item of the government rests on
   the article.

Neither is reported when the law divides the departments' sectors in
another article (国务院农业农村、林业草原主管部门分别主管…: :class:`LawDivisions`).

Lawful concentrations (综合行政执法, 行政处罚法 art. 18) suppress a finding:
see :func:`load_concentrations` for the table.  A row suppresses an overlap
when its government is the finding's (or blank), its category is the
finding's (or blank), its ``department`` is one of the finding's departments
and every other department of the finding is covered by the row (named in
``covers``, or holding a sector named there).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

from kg.errors import UserError
from kg.model import DIVISION_SEPARATOR
from kg.views import ClauseInForce, ItemBasis, ProvisionRef, state_cached

from .findings import Evidence, Finding, describe_citation, provision_label, version_label
from .roles import binds_government, binds_level, departments_for, government_places, is_competence
from .tables import read_table



@dataclass(frozen=True)
class Concentration:
    """One row of a lawful-concentration table."""

    government: str
    department: str
    covers: tuple[str, ...]  # department names or canonical sectors
    category: str
    basis: str

    def suppresses(self, government: str | None, category: str | None, departments: Iterable[Mapping[str, Any]]) -> bool:
        if self.government and government and self.government != government:
            return False
        if self.category and category and self.category != category:
            return False
        depts = list(departments)
        if not any(self.department in (d.get("name"), d.get("id")) for d in depts):
            return False
        for dept in depts:
            if self.department in (dept.get("name"), dept.get("id")):
                continue
            if dept.get("name") in self.covers or any(s in self.covers for s in dept.get("sectors") or ()):
                continue
            return False
        return True


CONCENTRATION_COLUMNS = ("government", "department", "covers", "category", "basis")


def load_concentrations(path: str | Path | None) -> list[Concentration]:
    """Read a concentrations CSV (see ``ontology/concentrations.example.csv``).

    Columns: ``government`` (may be blank: any), ``department`` (the body
    that lawfully holds the concentrated powers), ``covers`` (department names
    or canonical sectors whose powers it holds, separated by ; or 、),
    ``category`` (blank: every category), ``basis`` (the decision allowing it).
    Raises :class:`UserError` naming the file and row on bad input.
    """
    if path is None:
        return []
    path = Path(path)
    rows = []
    for line, row in read_table(path, "concentrations table", ("department", "covers"), CONCENTRATION_COLUMNS):
        if not row.get("department"):
            raise UserError(f"{path}: line {line}: the department column is empty")
        covers = tuple(c.strip() for c in row.get("covers", "").replace("、", ";").replace("；", ";").split(";") if c.strip())
        if not covers:
            raise UserError(f"{path}: line {line}: the covers column is empty")
        rows.append(Concentration(row.get("government", ""), row["department"], covers, row.get("category", ""), row.get("basis", "")))
    return rows


def _grants(citation, category: str) -> bool:
    """Whether the cited article is where the power is granted (not a rule it enforces).

    True when the article holds a clause of ``category`` (a competence clause,
    其他, counts for inspections), or when the extraction never ran on the
    version (then every cited article counts).  A competence clause alone
    (X负责…工作, :func:`queries.roles.is_competence`) grants no 其他 power.
    """
    if not citation.version_has_clauses:
        return True
    wanted = {category, "其他"} if category == "行政检查" else {category}
    return any(c.category in wanted and not (category == "其他" and is_competence(c)) for c in citation.clauses)


def _claimed_beyond_the_law(citation, category: str, departments: Iterable[Mapping[str, Any]]) -> bool:
    """Whether some department holds the power though the article names none of its sectors.

    When the article's clauses name a sector of every department (由…农业农村、
    林业草原主管部门…), the law itself shares the act: that is a clause
    overlap (reported once per clause), not departments claiming beyond it.
    An article whose clauses name no sector tells nothing: not reported.
    When the extraction never ran on the version, every overlap counts.
    """
    if not citation.version_has_clauses:
        return True
    wanted = {category, "其他"} if category == "行政检查" else {category}
    named = {c.sector for c in citation.clauses if c.category in wanted and c.sector}
    if not named:
        return False
    return any(not named & set(d.get("sectors") or ()) for d in departments)


def _different_lines(departments: Iterable[Mapping[str, Any]]) -> bool:
    """Whether two of the departments work in different sectors.

    Departments sharing a sector are one line of administration (a city
    bureau and its district branches, a bureau under two names): items of
    both on one article are a division by level, not 多头执法.
    """
    depts = list(departments)
    for i, a in enumerate(depts):
        for b in depts[i + 1:]:
            if not set(a.get("sectors") or ()) & set(b.get("sectors") or ()):
                return True
    return False


def _contains(outer: ProvisionRef, inner: ProvisionRef) -> bool:
    """Whether ``outer`` is ``inner`` or contains it (same article, coarser path)."""
    if outer.id == inner.id:
        return True
    return inner.id.startswith(outer.id + "/")


def _suppressed(concentrations: list[Concentration], government, category, departments) -> Concentration | None:
    for row in concentrations:
        if row.suppresses(government, category, departments):
            return row
    return None


class LawDivisions:
    """Which sectors a law divides among themselves somewhere (分别主管, 各自职责 ...).

    A law often names several bodies in one clause (由…农业农村、林业草原主管
    部门…) and divides them once, in a competence article (国务院农业农村、
    林业草原主管部门分别主管全国农作物种子和林木种子工作).  A provision in force
    that divides by duty (``Provision.by_duty``, read at load time) and whose competence clauses
    (category 其他) name two or more sectors records that division for the
    whole law.
    """

    def __init__(self, store) -> None:
        self.store = store
        self._divisions: dict[str, list[frozenset[str]]] = {}

    def divided(self, law: str | None, departments: Iterable[Mapping[str, Any]]) -> bool:
        """Whether ``law`` divides a set of sectors holding a sector of every department."""
        if not law:
            return False
        if law not in self._divisions:
            self._divisions[law] = self._read(law)
        depts = [set(d.get("sectors") or ()) for d in departments]
        return any(all(sectors & group for sectors in depts) for group in self._divisions[law])

    def _read(self, law: str) -> list[frozenset[str]]:
        divisions = []
        versions: dict[str, None] = {}
        for _, group in itertools.groupby(self.store.clauses_in_force(law=law), key=lambda r: r.provision.id):
            rows = list(group)
            versions[rows[0].version.id] = None
            if rows[0].provision.by_duty:
                # competence clauses (其他: 分别主管…工作) divide for the whole law; a divided
                # penalty (按照各自职责处罚款) divides only itself
                sectors = frozenset(r.clause.sector for r in rows if r.clause.sector and r.clause.category == "其他")
                if len(sectors) >= 2:
                    divisions.append(sectors)
        # an article dividing the work by object (ontology/divisions.csv), a clause of its own or none (所属的…机构):
        # read by the statute loader and recorded on the article (Provision.divides)
        for version in versions:
            for recorded in _article_divisions(self.store, version):
                divisions.extend(frozenset(group.split(DIVISION_SEPARATOR)) for group in recorded)
        return divisions


def _article_divisions(store, version: str) -> Iterator[list[str]]:
    """The ``divides`` of a law version's articles (条) that record one, under its chapters and sections as well
    (a version stored before the loader recorded them has none: ``loaders.statutes.divisions.unread_versions``)."""
    pending = [version]
    while pending:
        for node in store.targets(pending.pop(), "CONTAINS"):
            props = node.props
            if props.get("kind") == "条":
                if props.get("divides"):
                    yield props["divides"]
            elif props.get("kind") in ("编", "章", "节", "分编"):
                pending.append(node.id)


def overlaps_of_items(bases: Iterable[ItemBasis], concentrations: list[Concentration] = (),
                      divisions: LawDivisions | None = None) -> Iterator[Finding]:
    """Item overlaps among ``bases`` (all items of one or more governments).

    ``divisions`` (optional) drops groups whose departments the law divides
    elsewhere (:class:`LawDivisions`).
    """
    # (government, category, article id) -> [(basis, citation)]
    buckets: dict[tuple[str, str, str], list] = defaultdict(list)
    for basis in bases:
        if basis.department is None:
            continue
        gov = (basis.government or {}).get("id") or basis.item.get("government") or ""
        category = basis.item.get("category", "")
        for citation in basis.citations:
            if citation.target is None or citation.article is None or not _grants(citation, category):
                continue
            buckets[(gov, category, citation.article.id)].append((basis, citation))
    for (gov, category, _), entries in sorted(buckets.items()):
        if len({b.department["id"] for b, _ in entries}) < 2:
            continue
        reported: set[frozenset[str]] = set()
        # the most specific provisions first, so a maximal set is keyed by its deepest shared provision
        for target in sorted({c.target for _, c in entries}, key=lambda t: (-t.id.count("/"), t.id)):
            group = [(b, c) for b, c in entries if _contains(c.target, target) or _contains(target, c.target)]
            # keep the items compatible with every other one in the group (nested provisions)
            group = [(b, c) for b, c in group if all(_contains(c.target, c2.target) or _contains(c2.target, c.target) for _, c2 in group)]
            depts = {b.department["id"]: b.department for b, _ in group}
            if len(depts) < 2 or not _different_lines(depts.values()):
                continue
            if any(c.article is not None and c.article.by_duty for _, c in group[:1]):
                continue  # the article divides the power among the bodies it names
            if not _claimed_beyond_the_law(group[0][1], category, depts.values()):
                continue
            version = group[0][1].version
            if divisions is not None and divisions.divided(version.law if version else None, depts.values()):
                continue
            ids = frozenset(b.item["id"] for b, _ in group)
            if any(ids <= seen for seen in reported):
                continue
            row = _suppressed(list(concentrations), gov, category, depts.values())
            if row is not None:
                continue
            reported.add(ids)
            yield _item_overlap(gov, category, target, group, depts)


def _item_overlap(gov, category, target: ProvisionRef, group, depts) -> Finding:
    group = sorted({b.item["id"]: (b, c) for b, c in group}.values(), key=lambda bc: bc[0].item["id"])
    version = group[0][1].version
    names = [d.get("name", d["id"]) for d in sorted(depts.values(), key=lambda d: d["id"])]
    where = version_label(version) + provision_label(target)
    reason = f"{'、'.join(names)}均以{where}为依据行使同一{category}权力，存在多头执法。"
    evidence = []
    for basis, citation in group:
        ev = describe_citation(citation)
        evidence.append(Evidence(ev.citation, ev.resolved_to, ev.article_text,
                                 note=f"{basis.department.get('name')}：{basis.item.get('name')}（{basis.item.get('code') or basis.item['id']}）"))
    return Finding(
        kind="overlap", government=gov, reason=reason, evidence=tuple(evidence), category=category,
        item_ids=tuple(b.item["id"] for b, _ in group), item_codes=tuple(b.item.get("code") for b, _ in group),
        departments=tuple(names), law=version.law if version else None, article=target.article,
        paragraph=target.paragraph, item=target.item, provision=target.id,
    )


def loaded_departments(departments: list[Mapping[str, Any]], bases: Iterable[ItemBasis], complete: bool = False,
                       declared: Iterable[Mapping[str, Any]] = ()) -> list[Mapping[str, Any]]:
    """The departments of a government one can judge: those with items in ``bases``, or, when the
    government's list is declared complete, all of them and the ``declared`` ones (by name).

    >>> from kg.views import ItemBasis
    >>> depts = [{"id": "甲市/甲局", "name": "甲局"}, {"id": "甲市/乙局", "name": "乙局"}]
    >>> [d["name"] for d in loaded_departments(depts, [ItemBasis({"id": "i"}, depts[1], None)])]
    ['乙局']
    >>> [d["name"] for d in loaded_departments(depts, [], declared=[{"id": "甲市/丙局", "name": "丙局"}])]
    ['甲局', '乙局', '丙局']
    """
    declared = list(declared)
    if complete or declared:
        names = {d.get("name") for d in departments}
        return list(departments) + [d for d in declared if d.get("name") not in names]
    # a row of another government's list giving this one a level of a shared item (县市区农业农村局 on the 行政征收 item
    # of 克拉玛依市's 农业农村局 list, beside 自治区级 and 地州市级 rows) loads no list of the department
    loaded = {b.department["id"] for b in bases if b.department is not None and not b.item.get("level_row")}
    return [d for d in departments if d["id"] in loaded]


def _clauses_by_article(store) -> dict[str, list[ClauseInForce]]:
    """Article id -> the clauses in force on it that are not prohibitions (不得), in clause-id order."""
    found: dict[str, list[ClauseInForce]] = defaultdict(list)
    for row in store.clauses_in_force():
        if row.article is not None and row.clause.modality != "不得":
            found[row.article.id].append(row)
    return dict(found)


def overlaps_of_clauses(store, government: Mapping[str, Any], bases: list[ItemBasis],
                        concentrations: list[Concentration] = (),
                        governments: Mapping[str, Mapping[str, Any]] | None = None,
                        divisions: LawDivisions | None = None, complete: bool = False,
                        declared: Iterable[Mapping[str, Any]] = ()) -> Iterator[Finding]:
    """Clauses giving one act to several bodies without dividing it, for one government.

    ``bases`` are the government's items (:meth:`item_bases`).  The bodies
    are the departments whose lists were loaded (they have items): a
    department whose list was not loaded cannot be said to hold the act.
    When the government's list is declared complete (``complete``, or
    ``declared``: its departments from a manifest,
    :func:`queries.vacuum.load_manifest`) every department counts.
    """
    governments = governments or {g["id"]: g for g in store.governments()}
    places = government_places(government, governments)
    departments = loaded_departments(store.departments_of(government["id"]), bases, complete, declared)
    level = government.get("level")
    items_on: dict[str, list[ItemBasis]] = defaultdict(list)
    for basis in bases:
        for article in {c.article.id for c in basis.citations if c.article is not None}:
            items_on[article].append(basis)
    covered = set(items_on)
    if not covered:
        return
    by_provision: dict[tuple[str, str], list] = defaultdict(list)
    on_article = state_cached(store, "overlap_clauses", lambda: _clauses_by_article(store))
    # a provision lies in one article, so each bucket keeps the clause-id order of its article's rows
    for article in covered:
        for row in on_article.get(article, ()):
            if not binds_government(row.version.rank, row.version.region, places) or not binds_level(row.clause.level, level):
                continue
            by_provision[(row.provision.id, row.clause.category)].append(row)
    for (_, category), rows in sorted(by_provision.items()):
        sectors = sorted({r.clause.sector for r in rows if r.clause.sector})
        if len(sectors) < 2:
            continue
        provision = rows[0].provision
        if provision.by_duty:
            continue
        depts: dict[str, Mapping[str, Any]] = {}
        for sector in sectors:
            for dept in departments_for(sector, departments):
                depts[dept["id"]] = dept
        if len(depts) < 2 or not _different_lines(depts.values()):
            continue  # one line of administration (渔业行政主管部门 and its 渔政监督管理机构) shares nothing
        if _suppressed(list(concentrations), government["id"], category, depts.values()) is not None:
            continue
        if divisions is not None and divisions.divided(rows[0].version.law, depts.values()):
            continue  # the law divides these bodies in another article
        items = items_on[rows[0].article.id]
        names = [d.get("name", d["id"]) for d in sorted(depts.values(), key=lambda d: d["id"])]
        where = version_label(rows[0].version) + provision_label(provision)
        subjects = "、".join(sorted({r.clause.subject for r in rows}))
        reason = f"{where}将同一{category}权力同时授予{subjects}而未划分职责，{'、'.join(names)}均可能行使。"
        evidence = [Evidence(resolved_to=where, article_text=provision.text,
                             note=f"条款主体：{r.clause.subject}（{r.clause.sector}）") for r in rows]
        yield Finding(
            kind="overlap", government=government["id"], reason=reason, evidence=tuple(evidence), category=category,
            item_ids=tuple(b.item["id"] for b in items), item_codes=tuple(b.item.get("code") for b in items),
            departments=tuple(names), law=rows[0].version.law, article=provision.article,
            paragraph=provision.paragraph, item=provision.item, provision=provision.id,  # one id per paragraph and item
        )


def find_overlaps(store, *, government: str | None = None, department: str | None = None,
                  concentrations: list[Concentration] | str | Path | None = None, complete: bool = False,
                  manifest: Mapping[str, list] | None = None) -> Iterator[Finding]:
    """Item overlaps then clause overlaps, per government; ``department`` keeps those it is part of.

    ``complete``/``manifest``: see :func:`overlaps_of_clauses` (the manifest as
    :func:`queries.vacuum.load_manifest` returns it).
    """
    if not isinstance(concentrations, list):
        concentrations = load_concentrations(concentrations)
    governments = {g["id"]: g for g in store.governments()}
    chosen = [governments[government]] if government in governments else (
        [] if government else list(governments.values()))
    divisions = LawDivisions(store)
    for gov in chosen:
        bases = list(store.item_bases(government=gov["id"]))
        yield from overlaps_of_government(store, gov, bases, concentrations, governments, divisions, department,
                                          complete, (manifest or {}).get(gov["id"], ()))


def overlaps_of_government(store, government: Mapping[str, Any], bases: list[ItemBasis],
                           concentrations: list[Concentration] = (),
                           governments: Mapping[str, Mapping[str, Any]] | None = None,
                           divisions: LawDivisions | None = None,
                           department: str | None = None, complete: bool = False,
                           declared: Iterable[Mapping[str, Any]] = ()) -> Iterator[Finding]:
    """Item overlaps then clause overlaps of one government; ``department`` keeps those it is part of.

    ``bases`` are every item of the government (:meth:`item_bases`);
    ``complete``/``declared`` as for :func:`overlaps_of_clauses`.
    """

    def wanted(finding: Finding) -> bool:
        return department is None or department in finding.departments or any(
            d.endswith("/" + department) for d in finding.departments)

    for finding in overlaps_of_items(bases, concentrations, divisions):
        if wanted(finding):
            yield finding
    for finding in overlaps_of_clauses(store, government, bases, concentrations, governments, divisions,
                                       complete, declared):
        if wanted(finding):
            yield finding

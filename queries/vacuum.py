"""Vacuums (权力真空): authorising clauses in force that no item of the government rests on.

For a government, a clause counts when

- its law version is in force and binds the government: national ranks bind
  every government, local legislation only within its region
  (:func:`queries.roles.binds_government`);
- its role level binds the government's level (``ontology/levels.csv``) and
  its sector is a canonical one (``ontology/sectors.csv``) or 人民政府: a
  clause for 有关部门 names no body that could hold it;
- it is not a prohibition (modality 不得), nor an 其他 clause (责令改正 ...)
  beside a clause of another category for the same subject on the same
  provision (one vacuum per act, not two);
- no item of the government rests on the clause's article or on anything the
  article contains (:meth:`GraphViews.covered_provisions`), nor on the same
  article number of an older version of the law
  (:meth:`GraphViews.covered_articles`: such an item is a stale basis, not a
  vacuum);
- the law applies where the government is: laws of a geographic scope (sea
  areas, islands, the Yellow River ...; ``ontology/law_scopes.csv``) bind
  only governments of the provinces listed (when the province is known).

The finding names the department the clause's sector maps to
(``Department.sectors`` contains the clause's sector; several are joined
with 、), or null when no department of the government holds the sector: that
is reported too (the role has no taker).  Order: mapped before unmapped,
then 应当 (an unperformed duty) before 可以 and none, then specific categories
before 其他 (competence clauses), then law, article, paragraph, item.  ``department`` keeps the vacuums mapped to that department.
"""

from __future__ import annotations

import itertools
from typing import Any, Iterable, Iterator, Mapping

from kg.views import ClauseInForce, ItemBasis, covered_by, state_cached

from .findings import Evidence, Finding, provision_label, version_label
from .roles import applies_in, binds_government, canonical_sectors, binds_level, departments_for, government_places

MODALITY_RANK = {"应当": 0, "必须": 0, "可以": 1}


def _vacuum(government: Mapping[str, Any], row: ClauseInForce, depts: list[Mapping[str, Any]]) -> Finding:
    clause = row.clause
    names = [d.get("name", d["id"]) for d in depts]
    where = version_label(row.version) + provision_label(row.provision)
    duty = "应当履行的职责" if clause.modality in ("应当", "必须") else "权力"
    holder = "、".join(names) if names else "本级政府无对应部门"
    reason = (
        f"{where}授予{clause.subject}的{clause.category}{duty}，"
        f"{government.get('name', government['id'])}（{holder}）的清单中没有事项以该条为依据。"
    )
    evidence = (
        Evidence(resolved_to=where, article_text=row.provision.text,
                 note=f"条款主体：{clause.subject}；层级：{clause.level}；领域：{clause.sector}；"
                      f"情态：{clause.modality or '无'}；行为：{'、'.join(clause.actions) or '无'}"),
    )
    return Finding(
        kind="vacuum", government=government["id"], reason=reason, evidence=evidence,
        law=row.version.law, version=row.version.date, article=clause.article if clause.article is not None else row.provision.article,
        paragraph=clause.paragraph, item=clause.item, category=clause.category, subject=clause.subject,
        modality=clause.modality, department="、".join(names) or None, provision=row.provision.id,
    )


def _without_companions(rows: Iterable[ClauseInForce]) -> Iterator[ClauseInForce]:
    """Drop 其他 clauses (责令改正 ...) beside another category's clause for the same subject.

    Rows come ordered by clause id, so the clauses of one provision are adjacent.
    """
    for _, group in itertools.groupby(rows, key=lambda r: r.provision.id):
        group = list(group)
        acts = {r.clause.subject for r in group if r.clause.category != "其他"}
        for row in group:
            if row.clause.category == "其他" and row.clause.subject in acts:
                continue
            yield row


def _assignable(store, law: str | None) -> list[ClauseInForce]:
    """The clauses in force that could be a vacuum of some government, in clause-id order.

    What does not depend on the government: not a prohibition, not an 其他
    companion, a canonical sector.
    """
    sectors = canonical_sectors()
    return [
        row for row in _without_companions(store.clauses_in_force(law=law))
        # 有关部门, 其他有关部门 ...: no body can be named as the holder
        if row.clause.modality != "不得" and row.clause.sector in sectors
    ]


def vacuums_of(store, government: Mapping[str, Any], *, department: str | None = None,
               governments: Mapping[str, Mapping[str, Any]] | None = None,
               law: str | None = None, bases: Iterable[ItemBasis] | None = None) -> list[Finding]:
    """The vacuums of one government, ordered (see the module docstring).

    ``bases`` (optional) are every item of the government
    (:meth:`item_bases`), already read: what they rest on is taken from them
    (:func:`kg.views.covered_by`) instead of asking the store again.
    """
    governments = governments or {g["id"]: g for g in store.governments()}
    places = government_places(government, governments)
    departments = store.departments_of(government["id"])
    level = government.get("level")
    if bases is not None:
        covered, covered_numbers = covered_by(bases)
    else:
        covered = store.covered_provisions(government["id"])
        covered_numbers = store.covered_articles(government["id"])
    found: list[tuple[tuple, Finding]] = []
    for row in state_cached(store, ("vacuum_clauses", law), lambda: _assignable(store, law)):
        clause = row.clause
        if not binds_level(clause.level, level):
            continue
        if not binds_government(row.version.rank, row.version.region, places):
            continue
        article = row.article.id if row.article is not None else row.provision.id
        if article in covered:
            continue
        number = row.article.article if row.article is not None else row.provision.article
        suffix = row.article.article_suffix if row.article is not None else row.provision.article_suffix
        if (row.version.law, number, suffix) in covered_numbers:
            continue  # an item rests on the same article of an older version (reported as stale)
        if not applies_in(row.version.law, places):
            continue
        depts = departments_for(clause.sector, departments)
        if department and not any(department in (d.get("name"), d["id"]) for d in depts):
            continue
        key = (
            0 if depts else 1, MODALITY_RANK.get(clause.modality or "", 2), clause.category == "其他", row.version.law,
            clause.article or 0, clause.article_suffix, clause.paragraph or 0, clause.item or 0, clause.id,
        )
        found.append((key, _vacuum(government, row, depts)))
    found.sort(key=lambda kf: kf[0])
    return [f for _, f in found]


def find_vacuums(store, *, government: str | None = None, department: str | None = None,
                 law: str | None = None) -> Iterator[Finding]:
    """Vacuums of ``government`` (of every government when None), mapped and 应当 first.

    A government known only from another government's list (``only_named``: a
    city's province, a provincial department in a 实施主体 cell) has no list
    here, so nothing it leaves unlisted is a vacuum: it yields none.
    """
    governments = {g["id"]: g for g in store.governments()}
    chosen = [governments[government]] if government in governments else (
        [] if government else list(governments.values()))
    for gov in chosen:
        if gov.get("only_named"):
            continue
        yield from vacuums_of(store, gov, department=department, governments=governments, law=law)

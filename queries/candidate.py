"""Cancellation candidates (建议取消或修改): the ranked union of the item findings.

Every item with an orphan, invalid_basis, stale_basis, overlap or
unaccountable finding becomes one candidate carrying all its reasons and
their evidence.  Ranking, by a score that adds one weight per kind found:

==================  ======  ==============================================
kind                weight  why
==================  ======  ==============================================
orphan              100     法无授权不可为: no lawful basis at all
invalid_basis        90     the basis may not create the power (设定权)
stale_basis          50     the basis must be updated; the power may stand
overlap              40     two departments hold it; one should give it up
category_mismatch    30     the basis is there, filed under the wrong category
unaccountable        20     the power stands but lacks its responsibility
==================  ======  ==============================================

An orphan with no basis text at all weighs 10 more (nothing to repair).  Ties
are broken by department, item code and id.  ``action`` is 取消 (cancel) when
the item has an orphan or invalid_basis finding, else 修改 (fix); an orphan
whose quoted text the law now holds in another article (a stale finding
naming where: 引文现见于…) is a wrong article number, so 修改.
Vacuums are not candidates: they call for adding items, not cancelling.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Iterator, Mapping

from .findings import Evidence, Finding

WEIGHTS = {"orphan": 100, "invalid_basis": 90, "stale_basis": 50, "overlap": 40, "category_mismatch": 30, "unaccountable": 20}
CANCEL = frozenset({"orphan", "invalid_basis"})


def rank_candidates(item_findings: Iterable[Finding], overlaps: Iterable[Finding] = (),
                    identities: Mapping[str, Finding] | None = None) -> list[Finding]:
    """Candidates from item findings and overlaps, best first.

    ``identities`` maps item ids to a finding carrying the item's identity
    (name, department ...); when given, only those items become candidates.
    """
    by_item: dict[str, list[Finding]] = defaultdict(list)
    for finding in item_findings:
        if finding.kind in WEIGHTS and finding.item_id:
            by_item[finding.item_id].append(finding)
    overlap_of: dict[str, list[Finding]] = defaultdict(list)
    for finding in overlaps:
        for item_id in finding.item_ids:
            overlap_of[item_id].append(finding)
    candidates = []
    for item_id in set(by_item) | set(overlap_of):
        findings = by_item.get(item_id, [])
        overlapping = overlap_of.get(item_id, [])
        if not findings and not overlapping:
            continue
        kinds = list(dict.fromkeys([f.kind for f in findings] + (["overlap"] if overlapping else [])))
        kinds.sort(key=lambda k: -WEIGHTS[k])
        score = sum(WEIGHTS[k] for k in kinds)
        if any(f.kind == "orphan" and f.reason.startswith("该事项未填写设定依据") for f in findings):
            score += 10
        # an orphan whose quote the law now holds elsewhere is a wrong article number: fix it
        misnumbered = any(f.kind == "stale_basis" and "现见于" in f.reason for f in findings)
        action = "取消" if CANCEL & set(kinds) and not misnumbered else "修改"
        reasons = [f.reason for f in sorted(findings, key=lambda f: -WEIGHTS[f.kind])] + [f.reason for f in overlapping]
        evidence: list[Evidence] = []
        for f in findings + overlapping:
            evidence.extend(f.evidence)
        if identities is not None and item_id not in identities:
            continue
        base = findings[0] if findings else (identities or {}).get(item_id)
        if base is None:
            # an item known only from an overlap: take what the overlap knows of it
            ov = overlapping[0]
            idx = ov.item_ids.index(item_id)
            base = Finding(kind="overlap", government=ov.government, reason="", item_id=item_id,
                           item_code=ov.item_codes[idx] if idx < len(ov.item_codes) else None,
                           category=ov.category)
        reason = f"建议{action}：" + "；".join(r.rstrip("。") for r in reasons) + "。"
        candidates.append(Finding(
            kind="candidate", government=base.government, reason=reason, evidence=tuple(evidence),
            item_id=item_id, item_code=base.item_code, name=base.name, department=base.department,
            category=base.category, reasons=tuple(kinds), score=score, action=action, source=base.source,
        ))
    candidates.sort(key=lambda f: (-f.score, f.department or "", f.item_code or "", f.item_id or ""))
    return candidates


def find_candidates(store, *, government: str | None = None, department: str | None = None,
                    concentrations=None, complete: bool = False, manifest=None) -> Iterator[Finding]:
    """Ranked candidates for ``government`` / ``department``.

    Overlaps count as reasons only among departments one can judge: those
    whose lists were loaded, unless the list is declared complete
    (``complete``, ``manifest``: :func:`queries.overlap.overlaps_of_clauses`).
    """
    from .overlap import load_concentrations
    from .scan import scan

    if not isinstance(concentrations, list):
        concentrations = load_concentrations(concentrations)
    kinds = ("orphan", "invalid_basis", "stale_basis", "unaccountable", "category_mismatch")
    found = scan(store, government=government, department=department, concentrations=concentrations,
                 item_kinds=kinds, vacuums=False, complete=complete, manifest=manifest)
    item_findings = [f for kind in kinds for f in found.items[kind]]
    yield from rank_candidates(item_findings, found.overlaps, found.identities)

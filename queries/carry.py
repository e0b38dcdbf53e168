"""Decisions whose finding was re-issued under a new id: their likely successors, and carrying them over.

A finding's id hashes what identifies it (:mod:`queries.ids`), its government and department (or holders)
among them.  When one of those changes for a reason that is not the defect (a loader fix moves a list row from
the city's list to its counties' group; a vacuum's holder list loses a county bureau), the finding comes back
under a new id and the decision recorded on the old one is *missing* (:func:`queries.decisions.missing_decisions`).
:func:`find_successors` looks for the successor of each missing decision among a run's findings:

- the same kind and the same defect: for an item's finding the same item code (else the same item name and
  category) under any government or department; for a clause's finding (vacuum, overlap, clause not counted)
  the same law, article, paragraph, item, category and clause subject (the body the clause names: one clause
  naming three bodies gives three vacuums), in the same government or its group of counties (or the group's
  city); for a 未载入领域 note the same sector there;
- what the old finding was is the decision's recorded ``identity``; a decision made before identities were
  recorded has it recovered from its id: a finding of the run whose identity, given the decision's
  government, department (or the holders its summary names), hashes to the old id is the old finding with
  only those changed;
- exactly one candidate is a successor; several are listed and nothing is carried; so is a successor that
  already has a decision of its own, or that two missing decisions would share.

:func:`plan_carry` and :func:`carry` record the carried decisions (``plkg carry``): the old one's status,
note and author on the successor, its note saying where it came from, the evidence fingerprint the old one was
made on (so a successor whose evidence differs shows the decision as outdated, as any decision), and the old
decision kept, marked ``carried_to`` (:func:`kg.decision.carry_decisions`), all in one write.

>>> from queries.findings import Finding
>>> old = Finding(kind="orphan", government="甲市", reason="x", item_code="C-1", name="对某行为的处罚",
...               department="甲市某局", category="行政处罚")
>>> new = Finding(kind="orphan", government="甲市所辖县（市、区）", reason="x", item_code="C-1",
...               name="对某行为的处罚", department="县市区某局", category="行政处罚")
>>> from kg.decision import Decision
>>> d = Decision(old.finding_id, "confirmed", kind="orphan", government="甲市", department="甲市某局",
...              summary="甲市某局 对某行为的处罚")
>>> (s,) = find_successors([d], [trace(new)])
>>> s.successor.finding_id == new.finding_id, s.basis
(True, 'recovered')
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Any, Iterable, Iterator, Mapping, NamedTuple

from kg.decision import Decision
from kg.errors import UserError

from .decisions import missing_decisions, summary
from .findings import Finding
from .ids import encode_identity, finding_id_of, identity

#: The clause a clause's finding is about (with its category and the body the clause names).
CLAUSE_KEY = ("law", "article", "paragraph", "item", "category", "subject")
#: The kinds of finding about a clause (the others are about an item, or a sector).
CLAUSE_KINDS = frozenset({"vacuum", "overlap", "not_vacuum"})


class Trace(NamedTuple):
    """What identifies a finding (its identity's fields) and what shows it, kept of every finding of a run."""

    finding_id: str
    kind: str
    government: str | None
    department: str | None
    departments: tuple[str, ...]
    item_code: str | None
    name: str | None
    category: str | None
    law: str | None
    article: int | None
    paragraph: int | None
    item: int | None
    subject: str | None
    sector: str | None

    def label(self) -> str:
        """Who and what, in one line: ``[克拉玛依市所辖县（市、区）/县市区农业农村局] 对…的处罚（C-1）``."""
        who = self.department or "、".join(self.departments)
        if self.law:
            what = f"《{self.law}》第{self.article}条" + (f"第{self.paragraph}款" if self.paragraph else "") + (
                f"第{self.item}项" if self.item else "")
        else:
            what = (self.name or self.sector or "") + (f"（{self.item_code}）" if self.item_code else "")
        return f"[{self.government or ''}{'/' + who if who else ''}] {what}".strip()


def trace(finding: Finding) -> Trace:
    """The :class:`Trace` of ``finding``."""
    return Trace(finding.finding_id, finding.kind, finding.government, finding.department, finding.departments,
                 finding.item_code, finding.name, finding.category, finding.law, finding.article, finding.paragraph,
                 finding.item, finding.subject, finding.sector)


@dataclass(frozen=True)
class Succession:
    """A missing decision and what became of its finding."""

    decision: Decision
    candidates: tuple[Trace, ...] = ()
    basis: str = ""  # how the old finding is known: identity (recorded), recovered (from its id), summary, "";
    # chosen: the successor is a reviewer's choice (plkg carry OLD --to NEW)
    blocked: str = ""  # why the one candidate is not carried to (it has a decision; another decision claims it)

    @property
    def successor(self) -> Trace | None:
        """The one finding the decision may be carried to, or None."""
        if len(self.candidates) == 1 and self.basis in ("identity", "recovered", "chosen") and not self.blocked:
            return self.candidates[0]
        return None

    def describe(self) -> str:
        """What ``check`` says after a missing decision (English, ids and labels as written)."""
        if self.successor is not None:
            return f"likely successor {self.successor.finding_id} {self.successor.label()} (plkg carry carries it)"
        if not self.candidates:
            if self.basis in ("identity", "recovered"):
                return "no successor found: no finding of the run has the same defect"
            return ("no successor found: the decision records no identity, and no finding of the run is its "
                    "finding with the government, department or holders changed")
        listed = ", ".join(f"{c.finding_id} {c.label()}" for c in self.candidates[:5]) + (
            f" and {len(self.candidates) - 5} more" if len(self.candidates) > 5 else "")
        if self.blocked:
            return f"successor {listed} not carried to: {self.blocked}"
        if self.basis == "summary":
            return (f"possible successor(s), matched on the summary only (the decision records no identity): "
                    f"{listed}; choose one with plkg carry {self.decision.finding_id} --to ID, or decide by hand")
        return (f"{len(self.candidates)} possible successors, none carried: {listed}; choose one with "
                f"plkg carry {self.decision.finding_id} --to ID, or decide by hand")

    def as_json(self) -> dict[str, Any]:
        return {
            "finding_id": self.decision.finding_id, "kind": self.decision.kind, "status": self.decision.status,
            "government": self.decision.government, "department": self.decision.department,
            "summary": self.decision.summary, "basis": self.basis,
            "successor": self.successor.finding_id if self.successor else None,
            "candidates": [{"finding_id": c.finding_id, "label": c.label()} for c in self.candidates],
            "blocked": self.blocked or None, "message": self.describe(),
        }


class Tracer:
    """Keeps the :class:`Trace` of each finding passing by whose kind has a decision (for :func:`find_successors`).

    ``tracer.through(findings)`` yields the findings as they come.
    """

    def __init__(self, decisions: Mapping[str, Decision]) -> None:
        self.kinds = {d.kind for d in decisions.values()}
        self.traces: list[Trace] = []

    def through(self, findings: Iterable[Finding]) -> Iterator[Finding]:
        kinds, add = self.kinds, self.traces.append
        for finding in findings:
            if finding.__class__ is Finding and finding.kind in kinds:
                add(trace(finding))
            yield finding


def related_governments(governments: Iterable[Mapping[str, Any]]) -> dict[str, set[str]]:
    """Each government with the governments a clause's finding may move to: itself, its groups of counties
    (克拉玛依市所辖县（市、区）, whose ``parent`` it is) and, for a group, its city."""
    related: dict[str, set[str]] = defaultdict(set)
    for gov in governments:
        name, parent = gov.get("id") or gov.get("name"), gov.get("parent")
        if name and parent and name.startswith(f"{parent}所辖"):
            related[parent].add(name)
            related[name].add(parent)
    return related


def find_successors(missing: Iterable[Decision], traces: Iterable[Trace], *,
                    decisions: Mapping[str, Decision] | None = None,
                    governments: Iterable[Mapping[str, Any]] | None = None) -> list[Succession]:
    """The :class:`Succession` of each ``missing`` decision among the findings ``traces`` (of one run).

    ``decisions`` (every recorded one) tells the successors that already have a decision; ``governments``
    (``store.governments()``) which governments are a city's groups.  Without them, no successor is taken as
    decided and each government is related to itself and, by name, to the groups named after it.
    """
    missing = list(missing)
    by_kind: dict[str, list[Trace]] = defaultdict(list)
    for t in traces:
        by_kind[t.kind].append(t)
    decisions = decisions or {}
    related = related_governments(governments or ())

    def near(a: str | None, b: str | None) -> bool:
        a, b = a or "", b or ""
        return a == b or b in related.get(a, ()) or (
            governments is None and (b.startswith(f"{a}所辖") or a.startswith(f"{b}所辖")))

    found: list[Succession] = []
    for decision in missing:
        pool = by_kind.get(decision.kind, [])
        old, basis = _old_identity(decision, pool)
        if old is None:
            found.append(Succession(decision, tuple(_by_summary(decision, pool, near)), "summary" if pool else ""))
            continue
        candidates = tuple(t for t in pool if t.finding_id != decision.finding_id and _same_defect(old, t, near))
        found.append(Succession(decision, candidates, basis))
    claims = Counter(s.candidates[0].finding_id for s in found if s.successor is not None)
    for n, s in enumerate(found):
        if s.successor is None:
            continue
        new = s.successor.finding_id
        if new in decisions and not decisions[new].carried_to:
            d = decisions[new]
            found[n] = replace(s, blocked=f"it has a decision of its own ({d.status} by {d.by or '?'} at {d.at})")
        elif claims[new] > 1:
            others = [o.decision.finding_id for o in found
                      if o is not s and o.candidates and o.candidates[0].finding_id == new and len(o.candidates) == 1]
            found[n] = replace(s, blocked=f"it is also the likely successor of {', '.join(others)}")
    return found


def _old_identity(decision: Decision, pool: list[Trace]) -> tuple[dict[str, Any] | None, str]:
    """What the decision's finding was: its recorded identity, else recovered from its id (see the module)."""
    if decision.identity:
        try:
            return json.loads(decision.identity), "identity"
        except ValueError:
            pass
    departments = ()
    if decision.kind == "overlap" and " 《" in decision.summary:  # an overlap's summary names its holders
        departments = tuple(d for d in decision.summary[: decision.summary.rfind(" 《")].split("、") if d)
    for t in pool:
        data = identity(t)
        for name, value in (("government", decision.government), ("department", decision.department),
                            ("departments", sorted(departments))):
            if value:
                data[name] = value
            else:
                data.pop(name, None)
        if finding_id_of(decision.kind, encode_identity(data)) == decision.finding_id:
            return data, "recovered"
    return None, ""


def _same_defect(old: Mapping[str, Any], t: Trace, near) -> bool:
    if old.get("kind") != t.kind:
        return False
    if old.get("item_code"):
        return t.item_code == old["item_code"]
    if old.get("name"):
        return t.name == old["name"] and (t.category or None) == (old.get("category") or None)
    if old.get("law"):
        return near(old.get("government"), t.government) and all(
            (getattr(t, key) or None) == (old.get(key) or None) for key in CLAUSE_KEY)
    if old.get("sector"):
        return near(old.get("government"), t.government) and t.sector == old["sector"]
    return False


def _by_summary(decision: Decision, pool: list[Trace], near) -> Iterator[Trace]:
    """Findings a decision with no identity may have gone to, by what its summary names (shown, never carried):
    an item's name, or a clause's law and article in a related government."""
    text = decision.summary
    if decision.kind in CLAUSE_KINDS:
        what = text[text.rfind("《"):]
        for t in pool:
            if t.law and what == f"《{t.law}》第{t.article}条" and near(decision.government, t.government):
                yield t
        return
    name = text[len(decision.department) + 1:] if decision.department and text.startswith(decision.department) else ""
    if name:
        yield from (t for t in pool if t.name == name)


# ---------------------------------------------------------------------------
# Carrying


@dataclass(frozen=True)
class CarryPlan:
    """What :func:`carry` does: the decisions it carries (``(old, new)``) and the missing ones it leaves."""

    carried: tuple[tuple[Decision, Decision], ...]
    left: tuple[Succession, ...]
    successions: tuple[Succession, ...]

    def lines(self, dry_run: bool = False) -> list[str]:
        verb = "would be carried" if dry_run else "carried"
        out = [f"{'would carry' if dry_run else 'carried'} {old.finding_id} -> {new.finding_id} ({new.status}, {new.by or '?'}): {old.summary}"
               for old, new in self.carried]
        out += [f"left {s.decision.finding_id} ({s.decision.status}) [{s.decision.kind}] {s.decision.summary}: "
                f"{s.describe()}" for s in self.left]
        if not self.carried:
            out.append(f"nothing to carry: {len(self.left)} decision(s) whose finding is gone have no single "
                       f"successor; decide them by hand")
        else:
            out.append(f"{len(self.carried)} decision(s) {verb}, {len(self.left)} left to decide by hand"
                       + (" (dry run: nothing written)" if dry_run else ""))
        return out

    def as_json(self) -> dict[str, Any]:
        return {"carried": [{"from": old.finding_id, "to": new.finding_id, "decision": new.as_json()}
                            for old, new in self.carried],
                "left": [s.as_json() for s in self.left]}


def plan_carry(decisions: Mapping[str, Decision], findings: Iterable[Finding], *, ids: Iterable[str] = (),
               governments: Iterable[Mapping[str, Any]] | None = None, by: str = "", now: str | None = None,
               to: str | None = None) -> CarryPlan:
    """The decisions to carry: each missing decision (of ``ids`` only, when given) with one successor among
    ``findings`` (every finding of the decisions' kinds), as :func:`find_successors` finds them.  ``to``: the
    finding the one decision of ``ids`` goes to, as a reviewer chose it (among several candidates, or none).

    Raises :class:`UserError` for an id no decision has, one whose finding still exists, one already carried,
    when no decision is missing at all, and for a ``to`` that is no finding of the decision's kind, has a
    decision of its own, or is given for other than one id.
    """
    tracer = Tracer(decisions)
    seen = {f.finding_id for f in tracer.through(findings)}
    ids = list(dict.fromkeys(ids))
    for fid in ids:
        d = decisions.get(fid)
        if d is None:
            raise UserError(f"no decision is recorded on {fid} (plkg check lists the decisions whose finding is gone)")
        if d.carried_to:
            raise UserError(f"the decision on {fid} was already carried to {d.carried_to} ({d.carried_at})")
        if fid in seen:
            raise UserError(f"{fid} still exists: its decision is in place, nothing to carry")
    missing = missing_decisions(decisions, seen, tracer.kinds)
    if ids:
        wanted = set(ids)
        missing = [d for d in missing if d.finding_id in wanted]
    if not missing:
        raise UserError("nothing to carry: every decision's finding still exists (or was carried already)")
    successions = find_successors(missing, tracer.traces, decisions=decisions, governments=governments)
    by_id = {t.finding_id: t for t in tracer.traces}
    if to is not None:
        successions = [_chosen(successions, to, by_id, decisions, ids)]
    now = now or datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    carried, left = [], []
    for s in successions:
        if s.successor is None:
            left.append(s)
            continue
        old, new = s.decision, by_id[s.successor.finding_id]
        note = f"由 {old.finding_id} 转入（该问题已重新编号）"
        carried.append((old, Decision(
            finding_id=new.finding_id, status=old.status, note=f"{old.note}；{note}" if old.note else note,
            by=old.by, at=old.at, fingerprint=old.fingerprint, kind=new.kind, government=new.government or "",
            department=new.department or "", summary=summary(new), identity=encode_identity(identity(new)),
            carried_from=old.finding_id, carried_by=by, carried_at=now,
        )))
    return CarryPlan(tuple(carried), tuple(left), tuple(successions))


def _chosen(successions: list[Succession], to: str, by_id: Mapping[str, Trace], decisions: Mapping[str, Decision],
            ids: list[str]) -> Succession:
    """The one succession of ``ids``, its successor the finding ``to`` (a reviewer's choice)."""
    if len(ids) != 1:
        raise UserError(f"--to {to}: name the one old finding id whose decision goes there")
    (s,) = successions
    new = by_id.get(to)
    if new is None or new.kind != s.decision.kind:
        raise UserError(f"--to {to}: no {s.decision.kind} finding of this run has that id")
    if to in decisions and not decisions[to].carried_to:
        d = decisions[to]
        raise UserError(f"--to {to}: it has a decision of its own ({d.status} by {d.by or '?'} at {d.at})")
    return Succession(s.decision, (new,), "chosen")


def carry(store: Any, *, ids: Iterable[str] = (), dry_run: bool = False, by: str = "", now: str | None = None,
          concentrations: Any = None, complete: bool = False, manifest: Any = None, to: str | None = None) -> CarryPlan:
    """Carry every missing decision of ``store`` (of ``ids`` only, when given) to its one successor, in one
    atomic write (nothing written on ``dry_run``, or when there is nothing to carry).

    The findings are those of the kinds decisions are recorded on, for every government (a finding may move
    to another), made with the options ``plkg check`` was run with (``concentrations``, ``complete``,
    ``manifest``).  Raises :class:`UserError` as :func:`plan_carry` does.
    """
    from .report import check_args_for, iter_findings

    decisions = store.decisions()
    if not decisions:
        raise UserError("nothing to carry: no decision is recorded in this store")
    kinds = {d.kind for d in decisions.values()}
    options = dict(concentrations=concentrations, complete=complete, manifest=manifest, explain="not_vacuum" in kinds)
    findings = (f for arg in check_args_for(kinds) for f in iter_findings(store, arg, **options))
    plan = plan_carry(decisions, findings, ids=ids, governments=store.governments(), by=by, now=now, to=to)
    if plan.carried and not dry_run:
        store.carry_decisions(plan.carried)
    return plan

"""Findings seen through the decisions recorded about them.

``plkg check`` shows the undecided findings by default: those without a
decision, and those whose decision is *outdated* (the evidence it was made
on has changed: a new basis cell, another article text).  ``decided`` shows
the findings with a current decision, ``all`` every finding; each carries its
decision (``Finding.decision``).  Decisions whose finding no longer turns up
are reported apart (:func:`missing_decisions`), each with its likely successor
when the finding was re-issued under a new id (:mod:`queries.carry`).

>>> from queries.findings import Finding
>>> f = Finding(kind="orphan", government="甲市", reason="x", name="甲", department="甲市某局", category="行政处罚")
>>> [g.finding_id == f.finding_id for g in select([f], {}, "undecided")]
[True]
>>> list(select([f], {}, "decided"))
[]
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

from kg.decision import STATUSES, Decision
from kg.errors import UserError
from kg.text import DecodeError, decode_bytes

from .findings import Finding
from .ids import fingerprint, identity_text

SHOW = ("undecided", "decided", "all")


def decision_json(decision: Decision, finding: Finding) -> dict[str, Any]:
    """A decision as the finding's ``decision`` field: ``outdated`` when its evidence changed."""
    data = decision.as_json()
    data["outdated"] = bool(decision.fingerprint) and decision.fingerprint != fingerprint(finding)
    return data


def annotate(findings: Iterable[Finding], decisions: Mapping[str, Decision]) -> Iterator[Finding]:
    """Every finding, with ``decision`` filled in where one is recorded."""
    for finding in findings:
        decision = decisions.get(finding.finding_id)
        yield finding if decision is None else replace(finding, decision=decision_json(decision, finding))


def select(findings: Iterable[Finding], decisions: Mapping[str, Decision], show: str = "undecided",
           seen: set[str] | None = None) -> Iterator[Finding]:
    """The findings ``show`` asks for (one of :data:`SHOW`); ids of all findings go into ``seen``."""
    if show not in SHOW:
        raise UserError(f"decisions {show!r}: use {', '.join(SHOW)}")
    for finding in annotate(findings, decisions):
        if seen is not None:
            seen.add(finding.finding_id)
        current = finding.decision is not None and not finding.decision["outdated"]
        if show == "all" or (show == "decided") == current:
            yield finding


def missing_decisions(decisions: Mapping[str, Decision], seen: set[str], kinds: Iterable[str],
                      government: str | None = None, department: str | None = None) -> list[Decision]:
    """Decisions within the scope of a run (kinds, government, department) whose finding it did not find.

    A decision carried to its finding's successor (``carried_to``, :mod:`queries.carry`) is not missing.
    """
    kinds = set(kinds)
    return sorted(
        (d for d in decisions.values()
         if d.finding_id not in seen and d.kind in kinds and not d.carried_to
         and (government is None or d.government == government)
         and (department is None or d.department == department)),
        key=lambda d: d.finding_id,
    )


@dataclass(frozen=True)
class DecisionInput:
    """One decision asked for (command line or CSV row), before it is matched to its finding."""

    finding_id: str
    status: str
    note: str = ""
    by: str = ""
    where: str = "command line"


CSV_COLUMNS = {"finding_id": ("finding_id", "问题编号", "id"), "status": ("status", "处理决定", "结论"),
               "note": ("note", "说明", "备注"), "by": ("by", "核查人", "决定人")}


def read_decisions_csv(path: str | Path) -> list[DecisionInput]:
    """Decisions from a CSV (UTF-8 or GB18030): columns finding_id, status, note, by (or 问题编号, 处理决定, 说明, 核查人).

    Raises :class:`UserError` naming the file and line of the first bad row.
    """
    path = Path(path)
    try:
        text = decode_bytes(path.read_bytes(), str(path))
    except OSError as exc:
        raise UserError(f"{path}: cannot read ({exc.strerror})") from None
    except DecodeError as exc:
        raise UserError(str(exc)) from None
    reader = csv.DictReader(io.StringIO(text))
    headers = {h.strip().lower(): h for h in reader.fieldnames or ()}
    columns = {}
    for key, names in CSV_COLUMNS.items():
        columns[key] = next((headers[n] for n in names if n in headers), None)
    if columns["finding_id"] is None or columns["status"] is None:
        raise UserError(f"{path}: line 1: needs the columns finding_id and status (or 问题编号 and 处理决定)")
    rows = []
    for line, row in enumerate(reader, start=2):
        value = {k: (row.get(h) or "").strip() if h else "" for k, h in columns.items()}
        if not any(value.values()):
            continue
        status = _status(value["status"])
        if not value["finding_id"] or status is None:
            raise UserError(f"{path}: line {line}: needs a finding id and a status ({', '.join(STATUSES)})")
        rows.append(DecisionInput(value["finding_id"], status, value["note"], value["by"], f"{path}: line {line}"))
    return rows


def _status(text: str) -> str | None:
    """A status code from its code or its Chinese name."""
    text = text.strip().lower()
    if text in STATUSES:
        return text
    return next((code for code, name in STATUSES.items() if text and (text == name or text in name)), None)


def make_decisions(findings: Iterable[Finding], wanted: Iterable[DecisionInput], *, by: str = "",
                   now: str | None = None) -> list[Decision]:
    """Decisions for ``wanted``, each with the fingerprint of its finding's current evidence.

    Raises :class:`UserError` for an id no finding has (naming where it was asked for).
    """
    wanted = list(wanted)
    ids = {w.finding_id for w in wanted}
    found = {f.finding_id: f for f in findings if f.finding_id in ids}
    now = now or datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    decisions = []
    for w in wanted:
        finding = found.get(w.finding_id)
        if finding is None:
            raise UserError(f"{w.where}: no finding has the id {w.finding_id} (plkg check --all-decisions lists them)")
        decisions.append(Decision(
            finding_id=w.finding_id, status=w.status, note=w.note, by=w.by or by, at=now,
            fingerprint=fingerprint(finding), kind=finding.kind, government=finding.government or "",
            department=finding.department or "", summary=summary(finding), identity=identity_text(finding),
        ))
    return decisions


def summary(finding: Finding) -> str:
    """A short line saying what the finding was about (kept with its decision)."""
    what = finding.name or (f"《{finding.law}》第{finding.article}条" if finding.law else "")
    return f"{finding.department or '、'.join(finding.departments)} {what}".strip()

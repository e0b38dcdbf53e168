"""Decisions about findings, kept in the store beside the graph they judge.

A legal-affairs officer records what they decided about a finding
(``confirmed``: the defect is real; ``dismissed``: it is not; ``fixed``: the
list has been corrected).  A decision is keyed by the finding's stable id
(:mod:`queries.ids`), so it survives re-runs and re-imports of the list, and
keeps the fingerprint of the evidence it was made on, so a changed basis
shows it as outdated.  Decisions are ``Decision`` nodes with id
``decision:<finding id>``; no edge ties them to items (an item is replaced on
re-import, the decision must not go with it).  Earlier decisions about the
same finding are kept in ``history`` (JSON strings, newest last).

A finding re-issued under a new id (its government or holders changed, not
its defect) takes its decision along when carried (:func:`carry_decisions`,
``plkg carry``): the successor's decision copies the status, note and author
and names the old id in ``carried_from``; the old decision is kept, marked
``carried_to`` the new id (so it is no longer reported as missing).  A
decision also keeps the identity of its finding (``identity``: the JSON text
the id hashes, :func:`queries.ids.identity_text`), so its successor can be
found by what the finding was.

>>> d = Decision("orphan-0123456789", "confirmed", note="确无依据", by="张三", at="2026-01-01T00:00:00Z")
>>> Decision.from_node(d.to_node()) == d
True
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Iterable

from .errors import UserError
from .model import Node

LABEL = "Decision"
STATUSES: dict[str, str] = {"confirmed": "确认问题", "dismissed": "排除（非问题）", "fixed": "已整改"}


@dataclass(frozen=True)
class Decision:
    """What was decided about one finding, by whom and when.

    ``fingerprint`` is the evidence digest of the finding when decided;
    ``kind``, ``government``, ``department`` and ``summary`` say what the
    finding was, so a decision whose finding is gone can still be reported.
    """

    finding_id: str
    status: str
    note: str = ""
    by: str = ""
    at: str = ""  # ISO 8601 UTC
    fingerprint: str = ""
    kind: str = ""
    government: str = ""
    department: str = ""
    summary: str = ""
    history: tuple[str, ...] = field(default=(), compare=True)
    identity: str = ""  # what the finding id hashes (JSON text), to find a re-issued finding's successor
    carried_from: str = ""  # the finding id this decision was carried from (its finding was re-issued)
    carried_to: str = ""  # the finding id this decision was carried to: superseded by the decision there
    carried_by: str = ""  # who carried it, and when
    carried_at: str = ""

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise UserError(f"decision status {self.status!r}: use {', '.join(STATUSES)}")

    @property
    def node_id(self) -> str:
        return f"decision:{self.finding_id}"

    @property
    def status_text(self) -> str:
        return STATUSES[self.status]

    def to_node(self) -> Node:
        props = {k: v for k, v in asdict(self).items() if v not in ("", ())}
        if self.history:
            props["history"] = list(self.history)
        return Node(self.node_id, LABEL, props)

    @classmethod
    def from_node(cls, node: Node) -> "Decision":
        p = dict(node.props)
        p["history"] = tuple(p.get("history") or ())
        known = cls.__dataclass_fields__
        return cls(**{k: v for k, v in p.items() if k in known})

    def superseding(self, earlier: "Decision | None") -> "Decision":
        """This decision, with ``earlier`` (and its history) kept in ``history``."""
        if earlier is None:
            return self
        past = {k: v for k, v in asdict(earlier).items() if k not in ("history", "identity") and v != ""}
        return replace(self, history=(*earlier.history, json.dumps(past, ensure_ascii=False, sort_keys=True)))

    def as_json(self) -> dict[str, Any]:
        """The decision as shown (JSON output, pages): its fields but ``identity`` (kept for matching only)."""
        data = asdict(self)
        del data["identity"]
        data["history"] = [json.loads(h) for h in self.history]
        data["status_text"] = self.status_text
        return data


def read_decisions(store: Any) -> dict[str, Decision]:
    """Every decision in ``store``, by finding id."""
    return {d.finding_id: d for d in (Decision.from_node(n) for n in store.nodes(LABEL))}


def write_decisions(store: Any, decisions: Iterable[Decision]) -> list[Decision]:
    """Store ``decisions`` in one transaction (all or none); each supersedes the finding's earlier one."""
    stored: list[Decision] = []
    with store.transaction() as tx:
        for decision in decisions:
            old = tx.get(decision.node_id)
            new = decision.superseding(Decision.from_node(old) if old is not None else None)
            tx.add_nodes((new.to_node(),))
            stored.append(new)
    return stored


def carry_decisions(store: Any, carried: Iterable[tuple[Decision, Decision]]) -> list[Decision]:
    """Store each ``(old, new)`` pair in one transaction (all or none): ``new`` (the decision carried to the
    successor, superseding one already there) and ``old`` as it was, marked ``carried_to`` the successor."""
    stored: list[Decision] = []
    with store.transaction() as tx:
        for old, new in carried:
            there = tx.get(new.node_id)
            new = new.superseding(Decision.from_node(there) if there is not None else None)
            tx.add_nodes((new.to_node(), replace(old, carried_to=new.finding_id, carried_by=new.carried_by,
                                                 carried_at=new.carried_at).to_node()))
            stored.append(new)
    return stored

"""What one government's check of a vacuum candidate finds, remembered for the next government with the same acts.

:func:`queries.vacuum.conduct_cover` compares a candidate clause with the acts
its departments' items hold (``HeldActs``): which act holds the clause depends
on the clause and on those acts' categories, conducts, laws, sectors and the
provisions they rest on, not on which item holds them.  Governments of one
level draw their lists from the same catalogue (a province's counties list the
same items under the same laws), so many departments of different governments
hold the same acts in the same order.  A department's acts without their items
are its *profile*; the answer for a clause and the profiles of its departments
is kept on the clause and given back, as this government's act at the same
place, to the next government with the same profiles.

>>> from types import SimpleNamespace as N
>>> table = {}
>>> acts = {"甲/局": [N(category="行政处罚", item=("对甲的处罚", "1"), conduct=frozenset({"甲乙"}))]}
>>> held = N(get=lambda dept, default=(): acts.get(dept, list(default)))
>>> calls = []
>>> def cover(clause, departments, held):
...     calls.append(1)
...     return held.get(departments[0]["id"])[0]
>>> clause = N()
>>> memo = CoverMemo(held, table, fields=("category", "conduct"))
>>> memo(cover, clause, [{"id": "甲/局"}]).item
('对甲的处罚', '1')
>>> acts["乙/局"] = [N(category="行政处罚", item=("对甲的处罚", "2"), conduct=frozenset({"甲乙"}))]
>>> CoverMemo(held, table, fields=("category", "conduct"))(cover, clause, [{"id": "乙/局"}]).item, len(calls)
(('对甲的处罚', '2'), 1)
"""

from __future__ import annotations

import operator
from typing import Any, Callable, Iterable, Mapping

_RECOMPUTE = object()
"""Kept for a clause whose answer was not one of the acts as held (a copy with a note): asked again every time."""


REFS = ("version", "provision")
"""Act fields holding a store row (VersionRef, ProvisionRef): a profile holds its id, unique in the store
(hashing the row would hash every field, its text too, for every act of every government)."""


class CoverMemo:
    """``memo(cover, clause, departments)``: ``cover(clause, departments, held)``, remembered per clause and
    the departments' profiles (see the module docstring).

    ``table`` (one per store state, e.g. :func:`kg.views.state_cached`) numbers the acts (each act's fields
    but ``item``) and the profiles (their acts' numbers, in order); the answers are kept on each clause object
    (its ``__dict__``) under that table, so a clause of another state or table asks afresh.  ``fields`` are
    the act fields the answer may depend on: every field of the act but ``item`` (the default reads them from
    the acts' dataclass).

    No act found is remembered more widely: ``cover`` finds no act of a list of departments exactly when it
    finds none for each of their acts alone (every test it makes is of one act; which act it picks among
    several depends on them all, so an act found is remembered only by profiles).  The acts of the profiles
    for which a clause found none are kept on it, and a government whose departments hold only acts among
    those gets no act without asking: a department with one injected item more than its catalogue has a
    profile of its own, but its acts were seen before.
    """

    def __init__(self, held: Any, table: dict, fields: Iterable[str] | None = None) -> None:
        self.held = held
        self.table = table
        self.fields = tuple(fields) if fields is not None else None
        self._profiles: dict[str, int] = {}  # department id -> its profile's number
        self._numbers: dict[str, dict[int, list[int]]] = {}  # department id -> act number -> its positions
        self._keys: dict[int, tuple[list, tuple[int, ...]]] = {}  # id of a departments list -> (it, its profiles)

    def _profile(self, department: str) -> int:
        number = self._profiles.get(department)
        if number is None:
            acts = self.held.get(department, ())
            if not acts:
                signatures: tuple = ()
            else:
                names = self.fields
                if names is None:
                    names = tuple(name for name in acts[0].__dataclass_fields__ if name not in ("item", *REFS))
                refs = [name for name in REFS if hasattr(acts[0], name)]
                get = operator.attrgetter(*names, *refs)
                plain = len(names)
                signatures = tuple(values[:plain] + tuple(None if ref is None else ref.id for ref in values[plain:])
                                   for values in map(get, acts)) if len(names) + len(refs) > 1 else tuple(map(get, acts))
            table = self.table
            key = ("profile", tuple(table.setdefault(("act", signature), len(table)) for signature in signatures))
            positions = self._numbers[department] = {}
            for position, act in enumerate(key[1]):
                positions.setdefault(act, []).append(position)
            number = table.get(key)
            if number is None:
                number = table[key] = len(table)
                table[("acts", number)] = frozenset(key[1])
            self._profiles[department] = number
        return number

    def _acts(self, key: tuple[int, ...]) -> frozenset[int]:
        """The numbers of the acts of the profiles ``key`` (one per department)."""
        if len(key) == 1:
            return self.table[("acts", key[0])]
        found = self.table.get(("acts", key))
        if found is None:
            found = self.table[("acts", key)] = frozenset().union(*(self.table[("acts", n)] for n in key))
        return found

    def __call__(self, cover: Callable[..., Any], clause: Any, departments: list[Mapping[str, Any]]) -> Any:
        # a government asks of the same few lists of departments (one per sector) thousands of times
        keyed = self._keys.get(id(departments))
        if keyed is None or keyed[0] is not departments:
            keyed = self._keys[id(departments)] = (departments, tuple(self._profile(d["id"]) for d in departments))
        key = keyed[1]
        kept = clause.__dict__.get("_cover_memo")
        if kept is None or kept[0] is not self.table:
            kept = (self.table, {}, set())
            clause.__dict__["_cover_memo"] = kept
        answers, unheld = kept[1], kept[2]
        answer = answers.get(key)
        if answer is None:
            acts = self._acts(key)
            new = acts - unheld
            # none of these acts holds the clause, or none of those not seen before for it
            if not new or (len(new) < len(acts) and cover(clause, departments, self._among(departments, new)) is None):
                answers[key] = False
                unheld |= new
                return None
        if answer is None or answer is _RECOMPUTE:
            found = cover(clause, departments, self.held)
            if answer is None:
                answers[key] = self._place(found, departments)
                if found is None:
                    unheld |= acts
            return found
        if answer is False:
            return None
        position, index = answer
        return self.held.get(departments[position]["id"])[index]

    def _among(self, departments: list[Mapping[str, Any]], numbers: frozenset[int]) -> Any:
        """``held`` with only the acts numbered ``numbers`` (``held.among``: the same ``get`` and ``sharing``), in
        no particular order: only whether one of them holds the clause is asked of them."""
        among = {}
        for d in departments:
            acts, positions = self.held.get(d["id"], ()), self._numbers[d["id"]]
            among[d["id"]] = [acts[p] for n in numbers for p in positions.get(n, ())]
        return self.held.among(among)

    def _place(self, found: Any, departments: list[Mapping[str, Any]]) -> Any:
        """False for no act, else (department position, act index) of ``found`` as held, else _RECOMPUTE."""
        if found is None:
            return False
        for position, dept in enumerate(departments):
            for index, act in enumerate(self.held.get(dept["id"], ())):
                if act is found:
                    return position, index
        return _RECOMPUTE


def sector_at(item: Any, date: str | None, reformed: Callable[[Any, str | None], Any]) -> Any:
    """``reformed(item.row.clause, date)`` (:func:`queries.roles.reformed_sector`), kept on the clause by date:
    every government of a list date asks it of the same clauses, once when judging and once when writing."""
    kept = item.__dict__.get("_sector_at")
    if kept is None:
        kept = item.__dict__["_sector_at"] = {}
    if date not in kept:
        kept[date] = reformed(item.row.clause, date)
    return kept[date]

"""The clause index of kg.views: the same rows as a filter over clauses_in_force, in the same order, on both backends."""

from __future__ import annotations

import pytest

from kg.neo4j_store import copy_store
from kg.views import clause_reach, clauses_binding

from .test_queries_vacuum import _graph

# (keep, what it stands for): level, rank and region filters a query per government applies
KEEPS = [
    (lambda level, rank, region: True, "every clause"),
    (lambda level, rank, region: False, "none"),
    (lambda level, rank, region: level == "县级以上", "one role level"),
    (lambda level, rank, region: rank == "法律", "national laws only"),
    (lambda level, rank, region: region == "丙省" or rank == "法律", "a province's local legislation and the laws"),
]


def _check(store) -> None:
    rows = list(store.clauses_in_force())
    assert rows, "the graph has clauses in force"
    for keep, what in KEEPS:
        expected = [r.clause.id for r in rows if keep(*clause_reach(r))]
        got = [r.clause.id for r in clauses_binding(store, "test_rows", lambda: list(store.clauses_in_force()), keep)]
        assert got == expected, what
    for law in {r.clause.law for r in rows} | {"no such law"}:
        assert [r.clause.id for r in store.clauses_in_force(law=law)] == [r.clause.id for r in rows if r.clause.law == law]


def test_index_equals_filter_embedded(store):
    _graph(store)
    _check(store)


@pytest.mark.bolt
def test_index_equals_filter_bolt(store, bolt_store):
    _graph(store)
    copy_store(store, bolt_store)
    _check(bolt_store)

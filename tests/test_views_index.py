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
    assert {r.clause.category == "行政处罚" for r in rows} == {True, False}, "rows of both kinds for the live test"
    for keep, what in KEEPS:
        expected = [r.clause.id for r in rows if keep(*clause_reach(r))]
        got = [r.clause.id for r in clauses_binding(store, "test_rows", lambda: list(store.clauses_in_force()), keep)]
        assert got == expected, what
        # a row refused by ``live`` is never given, whichever groups a government keeps; the others in order
        penalty = lambda row: row.clause.category == "行政处罚"  # noqa: E731
        for _ in range(2):  # the second time from the groups' filtered rows kept the first
            got = [r.clause.id for r in clauses_binding(store, "live rows", lambda: list(store.clauses_in_force()), keep,
                                                        live=penalty)]
            assert got == [r.clause.id for r in rows if keep(*clause_reach(r)) and penalty(r)], what
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


@pytest.mark.parametrize("cls, props", [
    ("ClauseRef", {"provision": "p", "category": "行政处罚", "subject": "市场监督管理部门", "actions": ["罚款"],
                   "amounts": None, "article": 3, "text": "罚款"}),
    ("ProvisionRef", {"version": "某法/2020-01-01", "kind": "条", "article": 12, "paragraph": None}),
    ("ProvisionRef", {"version": "v", "kind": "款", "label": "第二款", "extra": "not a field"}),
])
def test_a_row_is_made_as_its_constructor_makes_it(cls, props):
    import dataclasses

    from kg.model import Node
    import kg.views as views

    row_class = getattr(views, cls)
    row = views._row_of(row_class, Node("x", "AuthorisingClause", props))
    values = {"id": "x"}
    for f in dataclasses.fields(row_class):
        if f.name == "id":
            continue
        value = props.get(f.name, "" if f.default is dataclasses.MISSING else f.default)
        if value is None and f.default is not dataclasses.MISSING and f.default is not None:
            value = f.default
        values[f.name] = tuple(value) if isinstance(value, list) else value
    made = row_class(**values)
    assert row == made and hash(row) == hash(made) and list(row.__dict__) == list(made.__dict__)
    assert not hasattr(row_class, "__post_init__")  # _row_of skips the constructor
    with pytest.raises(dataclasses.FrozenInstanceError):
        row.id = "y"

"""SHACL validation: each shape catches its defect, a well-formed graph conforms, the CLI exits 1 otherwise."""

from __future__ import annotations

import dataclasses

import pytest
import rdflib
from typer.testing import CliRunner

from plkg.cli import app
from kg.errors import UserError
from kg.model import Edge, EdgeType, Node
from kg.rdf import PLO
from kg.validate import load_shapes, shape_predicates, validate_store

from . import rdf_sample as S
from .rdf_sample import build

WELL_FORMED_EDGES = [e for e in S.EDGES if S.ITEM3.id not in (e.src, e.dst)] + [
    Edge(S.ITEM2.id, S.RESP.id + "2", EdgeType.HAS_RESPONSIBILITY),
]


def well_formed(store):
    """The sample without its deliberate defects (the item without basis, the items without responsibility)."""
    objects = [o for o in S.OBJECTS if o is not S.ITEM3] + [dataclasses.replace(S.RESP, id_=S.RESP.id + "2", item=S.ITEM2.id)]
    return build(store, objects, WELL_FORMED_EDGES)


def test_a_well_formed_graph_conforms(store):
    conforms, report = validate_store(well_formed(store))
    assert conforms, report
    assert report.startswith("SHACL validation (ontology/shapes.ttl): conforms: 0 violations, 0 warnings")


def test_the_sample_does_not_conform_and_the_report_names_focus_node_and_message(store):
    conforms, report = validate_store(build(store))
    assert not conforms
    assert "2 violations, 2 warnings" in report
    assert f"PowerItemShape           {S.ITEM3.id}  plo:basedOn: 没有设定依据 (an item has at least one basis)" in report
    assert f"{S.ITEM3.id}  plo:basedOn/plo:resolvesTo: 没有一项设定依据能对应到法条" in report
    assert f"Warning   PowerItemShape           {S.ITEM2.id}  plo:hasResponsibility: 有权无责" in report


def _replace_node(store, node_id, **props):
    node = store.get(node_id)
    with store.transaction() as tx:
        tx.add_nodes([Node(node.id, node.label, {**node.props, **props})])


def _drop_edge(store, src, dst, etype):
    with store.transaction() as tx:
        tx.remove_edges([(src, dst, etype)])


@pytest.mark.parametrize("break_it,shape,message", [
    (lambda s: _drop_edge(s, S.ITEM1.id, S.SAMR.id, "EXERCISED_BY"), "PowerItemShape", "没有实施主体部门"),
    (lambda s: _replace_node(s, S.ITEM1.id, category="行政审批"), "PowerItemShape", "权力类别不是十类之一"),
    (lambda s: _drop_edge(s, S.CITE1.id, S.PARA.id, "RESOLVES_TO"), "PowerItemShape", "没有一项设定依据能对应到法条"),
    (lambda s: _drop_edge(s, S.SAMR.id, S.CITY.name, "PART_OF"), "DepartmentShape", "部门不属于唯一的人民政府"),
    (lambda s: _replace_node(s, S.CITY.name, level="prefecture"), "GovernmentShape", "政府层级不明"),
    (lambda s: _replace_node(s, S.ART35.id, version="没有的法/2000-01-01"), "ProvisionShape", "条文不属于任何法律版本"),
    (lambda s: _drop_edge(s, S.NEW.id, S.ART35.id, "CONTAINS"), "ProvisionShape", "条文不在法律结构中"),
    (lambda s: _replace_node(s, S.ART35.id, kind="段"), "ProvisionShape", "条文层级无效"),
    (lambda s: _replace_node(s, S.NEW.id, date="2021年"), "LawVersionShape", "版本日期缺失或格式错误"),
    (lambda s: _replace_node(s, S.NEW.id, status="in force"), "LawVersionShape", "版本效力状态无效"),
    (lambda s: _replace_node(s, S.CITE1.id, status="ok"), "CitationShape", "引用状态无效"),
    (lambda s: _replace_node(s, S.CLAUSE.id, modality="必须"), "AuthorisingClauseShape", "情态无效"),
    (lambda s: _drop_edge(s, S.PARA.id, S.CLAUSE.id, "HAS_CLAUSE"), "AuthorisingClauseShape", "授权条款不属于任何条文"),
    (lambda s: _drop_edge(s, S.ITEM1.id, S.RESP.id, "HAS_RESPONSIBILITY"), "ResponsibilityShape", "责任事项不属于任何权力事项"),
    (lambda s: _replace_node(s, S.FOOD, rank="条例"), "LawShape", "位阶不在位阶表中"),
])
def test_each_shape_catches_its_defect(store, break_it, shape, message):
    well_formed(store)
    break_it(store)
    conforms, report = validate_store(store)
    assert not conforms
    assert any(shape in line and message in line for line in report.splitlines() if line.startswith("  Violation")), report


def test_only_predicates_the_shapes_walk_reach_the_validator():
    predicates = shape_predicates(load_shapes())
    assert PLO + "basedOn" in predicates and PLO + "resolvesTo" in predicates  # inside a sequence path
    assert PLO + "hasCitation" in predicates  # inside an alternative of inverses
    assert PLO + "text" not in predicates


def test_shapes_use_core_constraints_only():
    shapes = load_shapes()
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    assert not list(shapes.subject_objects(sh.sparql))
    assert not list(shapes.subject_objects(sh.rule))


def test_a_missing_shapes_file_is_a_user_error(store, tmp_path):
    with pytest.raises(UserError, match="no such shapes file"):
        validate_store(store, shapes=tmp_path / "none.ttl")


def test_cli_validate_exits_1_when_the_graph_does_not_conform(store, tmp_path):
    runner = CliRunner()
    build(store)
    result = runner.invoke(app, ["--store", str(store.path), "validate"])
    assert result.exit_code == 1
    assert "does not conform" in result.output
    good = tmp_path / "good.kg"
    from kg.embedded import EmbeddedStore

    well_formed(EmbeddedStore(good))
    result = runner.invoke(app, ["--store", str(good), "validate"])
    assert result.exit_code == 0, result.output

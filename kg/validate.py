"""``plkg validate``: check the graph against SHACL shapes with pyshacl (no inference).

The data graph is built straight from the store, and only from the
predicates the shapes mention (plus ``rdf:type``): statute text, quotes and
the like never reach the validator, which keeps it fast on large graphs.

>>> import tempfile, pathlib
>>> from kg.embedded import EmbeddedStore
>>> from kg.model import Law, Rank
>>> store = EmbeddedStore(pathlib.Path(tempfile.mkdtemp()) / "s.kg")
>>> with store.transaction() as tx:
...     tx.add_nodes([Law("中华人民共和国食品安全法", "食品安全法", Rank.LAW).to_node()])
>>> conforms, report = validate_store(store)
>>> conforms
False
>>> "法律没有任何文本版本" in report
True
"""

from __future__ import annotations

import os
import time
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import rdflib
import rdflib.collection
from rdflib.namespace import RDF as RDFNS, SH

from .errors import UserError
from .rdf import PREFIXES, RDF_TYPE, IRI, Literal, iter_descriptions, iter_triples, node_id
from .store import Store


def default_shapes_path() -> Path:
    return Path(str(resources.files("ontology") / "shapes.ttl"))


def load_shapes(path: str | os.PathLike[str] | None = None) -> rdflib.Graph:
    """The shapes graph (the bundled ontology/shapes.ttl by default)."""
    path = Path(path) if path is not None else default_shapes_path()
    if not path.is_file():
        raise UserError(f"{path}: no such shapes file")
    graph = rdflib.Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises many kinds; the user needs the file and the reason
        raise UserError(f"{path}: not valid Turtle ({exc})") from None
    return graph


def shape_predicates(shapes: rdflib.Graph) -> set[str]:
    """Every predicate a property path of the shapes walks (sequence, alternative, inverse, ...)."""
    found: set[str] = set()

    def walk(node: rdflib.term.Node) -> None:
        if isinstance(node, rdflib.URIRef):
            found.add(str(node))
            return
        if (node, RDFNS.first, None) in shapes:  # a sequence path
            for member in rdflib.collection.Collection(shapes, node):
                walk(member)
            return
        for key in (SH.inversePath, SH.alternativePath, SH.zeroOrMorePath, SH.oneOrMorePath, SH.zeroOrOnePath):
            for inner in shapes.objects(node, key):
                walk(inner)

    for path in shapes.objects(None, SH.path):
        walk(path)
    return found


def _rdflib_term(term, blanks: dict[str, rdflib.BNode]):
    if isinstance(term, IRI):
        if term.startswith("_:"):
            node = blanks.get(term)
            if node is None:
                node = blanks[term] = rdflib.BNode()
            return node
        return rdflib.URIRef(term)
    if isinstance(term, Literal):
        lexical, datatype = term
        return rdflib.Literal(lexical, datatype=rdflib.URIRef(datatype) if datatype else None)
    if isinstance(term, str) and term.startswith("_:"):
        return _rdflib_term(IRI(term), blanks)
    return rdflib.URIRef(term)


def data_graph(store: Store, predicates: set[str] | None = None) -> rdflib.Graph:
    """The store as an rdflib graph, limited to ``predicates`` (and ``rdf:type``) when given."""
    graph = rdflib.Graph()
    for prefix, base in PREFIXES.items():
        graph.bind(prefix, base)
    keep = frozenset(predicates) if predicates is not None else None
    descriptions = iter_descriptions(store, keep=keep)
    blanks: dict[str, rdflib.BNode] = {}
    add = graph.add
    for s, p, o in iter_triples(descriptions):
        add((_rdflib_term(IRI(s), blanks), rdflib.URIRef(p), _rdflib_term(o, blanks)))
    return graph


@dataclass(frozen=True)
class Violation:
    severity: str  # Violation, Warning, Info
    shape: str  # the node shape's local name, e.g. PowerItemShape
    focus: str  # the node id (or the IRI of a foreign node)
    path: str
    message: str
    value: str | None = None

    def __str__(self) -> str:
        value = f" [value: {self.value}]" if self.value else ""
        return f"{self.severity:<9} {self.shape:<24} {self.focus}  {self.path}: {self.message}{value}"


def _local(iri: str) -> str:
    for sep in ("#", "/"):
        if sep in iri:
            iri = iri.rsplit(sep, 1)[1]
    return iri


def _path_text(graph: rdflib.Graph, path: rdflib.term.Node | None) -> str:
    if path is None:
        return ""
    if isinstance(path, rdflib.URIRef):
        for prefix, base in PREFIXES.items():
            if str(path).startswith(base):
                return f"{prefix}:{str(path)[len(base):]}"
        return str(path)
    if (path, RDFNS.first, None) in graph:
        return "/".join(_path_text(graph, p) for p in rdflib.collection.Collection(graph, path))
    inverse = graph.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + _path_text(graph, inverse)
    alternative = graph.value(path, SH.alternativePath)
    if alternative is not None:
        return "(" + "|".join(_path_text(graph, p) for p in rdflib.collection.Collection(graph, alternative)) + ")"
    return "?"


def violations(results: rdflib.Graph, shapes: rdflib.Graph) -> list[Violation]:
    """The validation results of a pyshacl results graph, readable."""
    found = []
    shape_of_property = {prop: shape for shape, prop in shapes.subject_objects(SH.property)}
    for result in results.subjects(RDFNS.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        focus_text = (node_id(str(focus)) or str(focus)) if focus is not None else "?"
        source = results.value(result, SH.sourceShape)
        node_shape = shape_of_property.get(source, source)
        shape = _local(str(node_shape)) if isinstance(node_shape, rdflib.URIRef) else "shape"
        messages = [str(m) for m in results.objects(result, SH.resultMessage)]
        message = messages[0] if messages else str(results.value(result, SH.sourceConstraintComponent) or "")
        value = results.value(result, SH.value)
        value_text = None
        if value is not None:
            value_text = (node_id(str(value)) or _path_text(results, value)) if isinstance(value, rdflib.URIRef) else str(value)
        severity = _local(str(results.value(result, SH.resultSeverity) or SH.Violation))
        found.append(Violation(severity, shape, focus_text, _path_text(results, results.value(result, SH.resultPath)),
                               message, value_text))
    found.sort(key=lambda v: (v.severity != "Violation", v.shape, v.message, v.focus))
    return found


def render(conforms: bool, found: list[Violation], *, triples: int, seconds: float, shapes_name: str) -> str:
    errors = sum(1 for v in found if v.severity == "Violation")
    warnings = len(found) - errors
    head = "conforms" if conforms else "does not conform"
    lines = [f"SHACL validation ({shapes_name}): {head}: {errors} violations, {warnings} warnings "
             f"({triples} triples checked in {seconds:.1f} s)"]
    if found:
        lines.append("")
        lines.append("by rule:")
        for (severity, shape, message), n in sorted(
            Counter((v.severity, v.shape, v.message) for v in found).items(), key=lambda kv: (-kv[1], kv[0])
        ):
            lines.append(f"  {n:>8}  {severity:<9} {shape:<24} {message}")
        lines.append("")
        lines.append("results (severity, shape, focus node, path: message):")
        lines.extend(f"  {v}" for v in found)
    return "\n".join(lines)


def validate_store(store: Store, shapes: str | os.PathLike[str] | None = None) -> tuple[bool, str]:
    """Validate the store; returns whether it conforms and a readable report.

    Warnings (``sh:Warning``, e.g. an item without responsibilities) are listed
    but do not make the graph non-conforming.
    """
    import pyshacl

    shapes_graph = load_shapes(shapes)
    started = time.perf_counter()
    graph = data_graph(store, shape_predicates(shapes_graph))
    conforms, results, _text = pyshacl.validate(
        graph, shacl_graph=shapes_graph, inference="none", abort_on_first=False, allow_warnings=True,
        advanced=False, meta_shacl=False, debug=False, inplace=True,  # the data graph is ours: no copy
    )
    seconds = time.perf_counter() - started
    found = violations(results, shapes_graph)
    name = Path(shapes).name if shapes is not None else "ontology/shapes.ttl"
    return bool(conforms), render(bool(conforms), found, triples=len(graph), seconds=seconds, shapes_name=name)

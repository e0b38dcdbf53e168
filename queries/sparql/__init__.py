"""SPARQL versions of the orphan and overlap queries, run on pyoxigraph.

The queries are the ``*.rq`` files beside this module; they read the RDF of
``plkg export rdf`` (ontology/powerlist.ttl).  pyoxigraph runs them: rdflib's
own SPARQL engine is far too slow at this scale (``FILTER NOT EXISTS`` took
10.9 s on 980,000 triples, ``MINUS`` did not finish), so rdflib is used only
for the ontology, parsing and SHACL.

>>> import tempfile, pathlib
>>> from kg.embedded import EmbeddedStore
>>> store = EmbeddedStore(pathlib.Path(tempfile.mkdtemp()) / "s.kg")
>>> graph = load_graph(store)
>>> sparql_orphans(graph)
[]
"""

from __future__ import annotations

import os
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import pyoxigraph as ox

from kg.errors import UserError
from kg.rdf import PLO, RDF, _VALUE_OF_CONCEPT, export_rdf, node_iri, node_id, normalise_format
from kg.store import Store

QUERIES = ("orphans", "overlap_items")

_OX_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "json-ld": ox.RdfFormat.JSON_LD}


def query_text(name: str) -> str:
    """The text of ``queries/sparql/<name>.rq``."""
    if name not in QUERIES:
        raise UserError(f"no SPARQL query {name!r}: use one of {', '.join(QUERIES)}")
    return (resources.files(__package__) / f"{name}.rq").read_text(encoding="utf-8")


def load_graph(source: Store | str | os.PathLike[str], *, format: str | None = None) -> ox.Store:
    """An in-memory pyoxigraph store holding a kg store's RDF, or an RDF file exported earlier."""
    graph = ox.Store()
    if isinstance(source, Store):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "graph.nt"
            with open(path, "w", encoding="utf-8") as handle:
                export_rdf(source, handle, format="nt")
            graph.bulk_load(path=str(path), format=ox.RdfFormat.N_TRIPLES)
        return graph
    path = Path(source)
    if not path.is_file():
        raise UserError(f"{path}: no such file")
    try:
        graph.bulk_load(path=str(path), format=_OX_FORMATS[normalise_format(format, path)])
    except SyntaxError as exc:
        raise UserError(f"{path}: not valid RDF ({exc})") from None
    return graph


def _python(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        iri = term.value
        if iri in _VALUE_OF_CONCEPT:
            return _VALUE_OF_CONCEPT[iri]
        found = node_id(iri)
        return found if found is not None else iri
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def run(graph: ox.Store, name: str) -> list[dict[str, Any]]:
    """Rows of a named query, terms turned into ids, category names and plain strings."""
    solutions = graph.query(query_text(name))
    names = [v.value for v in solutions.variables]
    return [{n: _python(solution[n]) for n in names} for solution in solutions]


# ---------------------------------------------------------------------------
# Orphans


@dataclass(frozen=True)
class SparqlOrphan:
    item_id: str
    reason: str  # no_citation, unresolved or grants_nothing


def sparql_orphans(graph: ox.Store) -> list[SparqlOrphan]:
    """Orphan items, in item-id order (the ids ``queries.orphan.find_orphans`` reports)."""
    return sorted((SparqlOrphan(r["item"], r["reason"]) for r in run(graph, "orphans")), key=lambda o: o.item_id)


# ---------------------------------------------------------------------------
# Overlaps


@dataclass(frozen=True)
class SparqlOverlap:
    government: str
    category: str
    provision: str  # the most specific provision the items share
    item_ids: tuple[str, ...]
    departments: tuple[str, ...]  # department ids, sorted


def _contains(outer: str, inner: str) -> bool:
    return outer == inner or inner.startswith(outer + "/")


def _nested(a: str, b: str) -> bool:
    return _contains(a, b) or _contains(b, a)


def _departments(graph: ox.Store, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Id, name and sectors of departments, as the concentration table matches them."""
    found = {}
    for dept in ids:
        subject = node_iri(dept)
        names = graph.query(f"SELECT ?n WHERE {{ <{subject}> <{PLO}name> ?n }}")
        name = next((r["n"].value for r in names), dept)
        sectors = graph.query(f"SELECT ?s WHERE {{ <{subject}> <{PLO}sectors>/<{RDF}rest>*/<{RDF}first> ?s }}")
        found[dept] = {"id": dept, "name": name, "sectors": tuple(r["s"].value for r in sectors)}
    return found


def group_overlaps(rows: Sequence[Mapping[str, Any]], concentrations: Sequence[Any] = (),
                   departments: Mapping[str, Mapping[str, Any]] | None = None) -> list[SparqlOverlap]:
    """Maximal sets of items of several departments on nested provisions, per (government, category, article).

    The same grouping as the native query: the most specific provisions
    first; a group keeps the entries nested with every other; a set already
    reported (or contained in one) is not reported again; a lawful
    concentration suppresses a group.
    """
    buckets: dict[tuple[str, str, str], list[tuple[str, str, str]]] = defaultdict(list)
    for row in rows:
        buckets[(row["government"], row["category"], row["article"])].append(
            (row["item"], row["department"], row["target"]))
    found = []
    for (gov, category, _), entries in sorted(buckets.items()):
        entries = sorted(set(entries))
        if len({dept for _, dept, _ in entries}) < 2:
            continue
        reported: list[frozenset[str]] = []
        for target in sorted({t for _, _, t in entries}, key=lambda t: (-t.count("/"), t)):
            group = [e for e in entries if _nested(e[2], target)]
            group = [e for e in group if all(_nested(e[2], other[2]) for other in group)]
            depts = sorted({dept for _, dept, _ in group})
            if len(depts) < 2:
                continue
            ids = frozenset(item for item, _, _ in group)
            if any(ids <= seen for seen in reported):
                continue
            if concentrations and departments is not None:
                if any(row.suppresses(gov, category, [departments[d] for d in depts]) for row in concentrations):
                    continue
            reported.append(ids)
            found.append(SparqlOverlap(gov, category, target, tuple(sorted(ids)), tuple(depts)))
    return found


def sparql_overlaps(graph: ox.Store, concentrations: Sequence[Any] | str | os.PathLike[str] | None = None) -> list[SparqlOverlap]:
    """Item overlaps (多头执法): SPARQL selects the rows, :func:`group_overlaps` forms the findings.

    ``concentrations`` is a list of ``queries.overlap.Concentration`` rows or
    the CSV they are read from.
    """
    if concentrations is not None and not isinstance(concentrations, (list, tuple)):
        from queries.overlap import load_concentrations

        concentrations = load_concentrations(concentrations)
    rows = run(graph, "overlap_items")
    departments = _departments(graph, {r["department"] for r in rows}) if concentrations else None
    return group_overlaps(rows, concentrations or (), departments)

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
from kg.model import DIVISION_SEPARATOR
from kg.rdf import PLO, RDF, _VALUE_OF_CONCEPT, export_rdf, node_iri, node_id, normalise_format
from kg.store import Store

QUERIES = ("orphans", "item_clauses", "item_best_matches", "overlap_items", "article_clauses", "versions_with_clauses", "law_divisions",
           "law_articles")

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


def run(graph: ox.Store, name: str, items: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Rows of a named query, terms turned into ids, category names and plain strings.

    ``items`` (node ids) fill the query's empty ``VALUES ?item { }`` row.
    """
    text = query_text(name)
    if items is not None:
        text = text.replace("VALUES ?item { }", "VALUES ?item { " + " ".join(f"<{node_iri(i)}>" for i in items) + " }", 1)
    solutions = graph.query(text)
    names = [v.value for v in solutions.variables]
    return [{n: _python(solution[n]) for n in names} for solution in solutions]


# ---------------------------------------------------------------------------
# Orphans


@dataclass(frozen=True)
class SparqlOrphan:
    item_id: str
    reason: str  # no_citation, unresolved or grants_nothing


def sparql_orphans(graph: ox.Store) -> list[SparqlOrphan]:
    """Orphan items, in item-id order (the ids ``queries.orphan.find_orphans`` reports).

    A ``grants_nothing`` row whose item names an act its cited clauses grant
    under another category is dropped: a category_mismatch, judged by
    :func:`queries.mismatch.granted_act` on the clauses ``item_clauses.rq`` reads;
    so is one whose quote another article holds that grants its act
    (:func:`queries.orphan.renumbered` on what ``item_best_matches.rq`` reads).
    """
    from queries.orphan import renumbered

    rows = [SparqlOrphan(r["item"], r["reason"]) for r in run(graph, "orphans")]
    granting = [o.item_id for o in rows if o.reason == "grants_nothing"]
    dropped = _misfiled(graph, granting)
    if granting:
        dropped |= {r["item"] for r in run(graph, "item_best_matches", granting)
                    if renumbered(r["category"], r["name"], r["text"])}
    return sorted((o for o in rows if not (o.reason == "grants_nothing" and o.item_id in dropped)),
                  key=lambda o: o.item_id)


def _misfiled(graph: ox.Store, items: Sequence[str]) -> set[str]:
    """The ``items`` whose cited clauses grant the act they name under another category."""
    from queries.mismatch import granted_act
    from kg.views import ClauseRef

    if not items:
        return set()
    facts: dict[str, dict[str, Any]] = {}
    for r in run(graph, "item_clauses", items):
        item = facts.setdefault(r["item"], {"names": (r["name"], r.get("sub") or ""), "category": r["category"],
                                            "clauses": {}})
        if r.get("clause") is not None:
            clause = item["clauses"].setdefault(r["clause"], {"category": r["clauseCategory"], "text": r.get("text") or "",
                                                              "actions": []})
            if r.get("action") is not None and r["action"] not in clause["actions"]:
                clause["actions"].append(r["action"])
    return {
        item_id for item_id, f in facts.items()
        if granted_act(f["category"], f["names"], [
            ClauseRef(id=cid, provision="", category=c["category"], subject="", actions=tuple(c["actions"]), text=c["text"])
            for cid, c in sorted(f["clauses"].items())]) is not None
    }


# ---------------------------------------------------------------------------
# Overlaps


@dataclass(frozen=True)
class SparqlOverlap:
    government: str
    category: str
    provision: str  # the most specific provision the items share
    item_ids: tuple[str, ...]
    departments: tuple[str, ...]  # department ids, sorted


@dataclass
class OverlapFacts:
    """What the overlap rules need beyond the candidate rows, read with SPARQL.

    ``clauses``: article id -> (clause id, category, sector) of every clause on
    it or below; ``versions_with_clauses``: version id -> law id;
    ``divisions``: law -> sets of sectors the law divides; ``by_duty``: the
    articles that give their acts to the bodies they name each within its
    duties (``plo:byDuty``, read by the statute loader); ``departments``: id ->
    {"id", "name", "sectors"}.
    """

    clauses: dict[str, set[tuple[str, str, str | None]]]
    versions_with_clauses: dict[str, str]
    divisions: dict[str, list[frozenset[str]]]
    by_duty: set[str]
    departments: dict[str, dict[str, Any]]


def _contains(outer: str, inner: str) -> bool:
    return outer == inner or inner.startswith(outer + "/")


def _nested(a: str, b: str) -> bool:
    return _contains(a, b) or _contains(b, a)


def _value(graph: ox.Store, subject: str, predicate: str) -> str | None:
    for quad in graph.quads_for_pattern(ox.NamedNode(subject), ox.NamedNode(predicate), None):
        return quad.object.value
    return None


def _departments(graph: ox.Store, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Id, name and sectors of departments, as the overlap rules and the concentration table match them."""
    found = {}
    for dept in ids:
        subject = node_iri(dept)
        name = _value(graph, subject, PLO + "name") or dept
        sectors = graph.query(f"SELECT ?s WHERE {{ <{subject}> <{PLO}sectors>/<{RDF}rest>*/<{RDF}first> ?s }}")
        found[dept] = {"id": dept, "name": name, "sectors": tuple(r["s"].value for r in sectors)}
    return found


def overlap_facts(graph: ox.Store, rows: Sequence[Mapping[str, Any]]) -> OverlapFacts:
    """Read the facts the overlap rules need for ``rows`` (see :class:`OverlapFacts`)."""
    clauses: dict[str, set] = defaultdict(set)
    for row in run(graph, "article_clauses"):
        clauses[row["article"]].add((row["clause"], row["category"], row["sector"]))
    versions = {row["version"]: row["law"] for row in run(graph, "versions_with_clauses")}
    by_provision: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in run(graph, "law_divisions"):
        by_provision[(row["lawName"], row["provision"])].add(row["sector"])
    divisions: dict[str, list[frozenset[str]]] = defaultdict(list)
    for (law, _), sectors in sorted(by_provision.items()):
        if len(sectors) >= 2:
            divisions[law].append(frozenset(sectors))
    # the divisions by object the statute loader recorded on the articles (ontology/divisions.csv)
    by_article: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in run(graph, "law_articles"):
        by_article[(row["lawName"], row["article"])].append(row["group"])
    for (law, _), recorded in sorted(by_article.items()):
        divisions[law].extend(frozenset(group.split(DIVISION_SEPARATOR)) for group in sorted(recorded))
    by_duty = {a for a in {r["article"] for r in rows} if _value(graph, node_iri(a), PLO + "byDuty") == "true"}
    return OverlapFacts(dict(clauses), versions, dict(divisions), by_duty,
                        _departments(graph, {r["department"] for r in rows}))


def _wanted(category: str) -> set[str]:
    return {category, "其他"} if category == "行政检查" else {category}


def group_overlaps(rows: Sequence[Mapping[str, Any]], facts: OverlapFacts,
                   concentrations: Sequence[Any] = ()) -> list[SparqlOverlap]:
    """Item overlaps from the candidate rows, by the rules of ``queries.overlap.overlaps_of_items``.

    A citation counts where its article grants the category (or the version
    was never extracted).  Per (government, category, article), the most
    specific provisions first, a group keeps the entries nested with every
    other; it is reported when its departments are two or more of different
    lines (no shared sector), the article does not divide it by duty, some
    department holds the power though the article's clauses name none of its
    sectors, the law does not divide their sectors elsewhere, the set is not
    one already reported, and no lawful concentration covers it.
    """
    def grants(article: str, version: str, category: str) -> bool:
        if version not in facts.versions_with_clauses:
            return True
        wanted = _wanted(category)
        return any(cat in wanted for _, cat, _ in facts.clauses.get(article, ()))

    def different_lines(depts: list[dict[str, Any]]) -> bool:
        return any(not set(a["sectors"]) & set(b["sectors"]) for i, a in enumerate(depts) for b in depts[i + 1:])

    def claimed_beyond_the_law(article: str, version: str, category: str, depts: list[dict[str, Any]]) -> bool:
        if version not in facts.versions_with_clauses:
            return True
        wanted = _wanted(category)
        named = {sector for _, cat, sector in facts.clauses.get(article, ()) if cat in wanted and sector}
        if not named:
            return False
        return any(not named & set(d["sectors"]) for d in depts)

    def divided(version: str, depts: list[dict[str, Any]]) -> bool:
        law = facts.versions_with_clauses.get(version) or version.rsplit("/", 1)[0]
        sectors = [set(d["sectors"]) for d in depts]
        return any(all(s & group for s in sectors) for group in facts.divisions.get(law, ()))

    buckets: dict[tuple[str, str, str], list[tuple[str, str, str, str]]] = defaultdict(list)
    for row in rows:
        if grants(row["article"], row["version"], row["category"]):
            buckets[(row["government"], row["category"], row["article"])].append(
                (row["item"], row["department"], row["target"], row["version"]))
    found = []
    for (gov, category, article), entries in sorted(buckets.items()):
        entries = sorted(set(entries))
        if len({dept for _, dept, _, _ in entries}) < 2:
            continue
        reported: list[frozenset[str]] = []
        for target in sorted({t for _, _, t, _ in entries}, key=lambda t: (-t.count("/"), t)):
            group = [e for e in entries if _nested(e[2], target)]
            group = [e for e in group if all(_nested(e[2], other[2]) for other in group)]
            dept_ids = sorted({dept for _, dept, _, _ in group})
            depts = [facts.departments[d] for d in dept_ids]
            if len(depts) < 2 or not different_lines(depts):
                continue
            if article in facts.by_duty:
                continue
            version = group[0][3]
            if not claimed_beyond_the_law(article, version, category, depts):
                continue
            if divided(version, depts):
                continue
            ids = frozenset(item for item, _, _, _ in group)
            if any(ids <= seen for seen in reported):
                continue
            if any(row.suppresses(gov, category, depts) for row in concentrations):
                continue
            reported.append(ids)
            found.append(SparqlOverlap(gov, category, target, tuple(sorted(ids)), tuple(dept_ids)))
    return found


def sparql_overlaps(graph: ox.Store, concentrations: Sequence[Any] | str | os.PathLike[str] | None = None) -> list[SparqlOverlap]:
    """Item overlaps (多头执法): SPARQL finds the candidates and reads the facts, :func:`group_overlaps` decides.

    ``concentrations`` is a list of ``queries.overlap.Concentration`` rows or
    the CSV they are read from.
    """
    from queries.overlap import load_concentrations

    if concentrations is not None and not isinstance(concentrations, (list, tuple)):
        concentrations = load_concentrations(concentrations)
    rows = run(graph, "overlap_items")
    return group_overlaps(rows, overlap_facts(graph, rows), concentrations or ())

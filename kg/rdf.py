"""The property graph as RDF (ontology/powerlist.ttl): streaming export and import.

Every node becomes a resource whose IRI is its readable id, percent-encoded
under :data:`DATA` (:func:`node_iri`, reversed by :func:`node_id`).  Laws,
versions and provisions are typed with ELI classes, the rest with the
project's own (``plo:``).  Every property is written so that importing the
file reproduces the graph exactly: references to other nodes as IRIs,
categories, ranks and modalities as SKOS concepts, lists as RDF collections,
dicts as ``rdf:JSON`` literals, ISO dates as ``xsd:date``.  Edges are triples
in their source's description; an edge with properties also gets an
``rdf:Statement`` carrying them.  A few triples are derived for consumers
(``eli:cites``, ``eli:in_force``, ``eli:date_no_longer_in_force``) and are
not read back.

Export streams: nodes are described one at a time and written as they come,
so no RDF graph is built in memory.

>>> node_iri("中华人民共和国食品安全法/2021-04-29/第122条").rsplit("/", 2)[1:]
['2021-04-29', '%E7%AC%AC122%E6%9D%A1']
>>> node_id(node_iri("a|b#c/第1条"))
'a|b#c/第1条'
"""

from __future__ import annotations

import dataclasses
import datetime
import io
import json
import math
import os
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator, NamedTuple
from urllib.parse import quote, unquote

from .errors import UserError
from .model import GRAPH_CLASSES, Category, Edge, EdgeType, Modality, Node, Rank, VersionStatus
from .store import LABELS, Store

# ---------------------------------------------------------------------------
# Namespaces

ELI = "http://data.europa.eu/eli/ontology#"
PLO = "https://w3id.org/powerlist-kg/ontology#"
DATA = "https://w3id.org/powerlist-kg/id/"
CATEGORY = "https://w3id.org/powerlist-kg/category/"
RANK = "https://w3id.org/powerlist-kg/rank/"
MODALITY = "https://w3id.org/powerlist-kg/modality/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"

PREFIXES = {
    "plo": PLO,
    "plcat": CATEGORY,
    "plrank": RANK,
    "plmod": MODALITY,
    "eli": ELI,
    "rdf": RDF,
    "xsd": XSD,
}

RDF_TYPE = RDF + "type"
RDF_FIRST, RDF_REST, RDF_NIL = RDF + "first", RDF + "rest", RDF + "nil"
RDF_JSON = RDF + "JSON"
RDF_STATEMENT = RDF + "Statement"
XSD_STRING, XSD_INTEGER, XSD_DOUBLE = XSD + "string", XSD + "integer", XSD + "double"
XSD_BOOLEAN, XSD_DATE, XSD_DECIMAL = XSD + "boolean", XSD + "date", XSD + "decimal"

FORMATS = ("turtle", "nt", "json-ld")
_FORMAT_ALIASES = {"turtle": "turtle", "ttl": "turtle", "nt": "nt", "ntriples": "nt", "n-triples": "nt",
                   "json-ld": "json-ld", "jsonld": "json-ld"}


# ---------------------------------------------------------------------------
# Ids and IRIs


def node_iri(node_id: str) -> str:
    """The IRI of a node: its id percent-encoded (UTF-8) under :data:`DATA`, ``/`` kept.

    Ids with empty, ``.`` or ``..`` segments get their ``/`` encoded too, so no
    IRI resolver can normalise them away.
    """
    segments = node_id.split("/")
    if any(s in ("", ".", "..") for s in segments):
        return DATA + quote(node_id, safe="")
    return DATA + quote(node_id, safe="/")


def node_id(iri: str) -> str | None:
    """The node id an IRI made by :func:`node_iri` stands for, or None for a foreign IRI."""
    if not iri.startswith(DATA):
        return None
    return unquote(iri[len(DATA):], errors="strict")


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


# ---------------------------------------------------------------------------
# The mapping (kept in step with ontology/powerlist.ttl by tests)

CLASS_OF_LABEL: dict[str, str] = {
    "Law": ELI + "LegalResource",
    "LawVersion": ELI + "LegalExpression",
    "Provision": ELI + "LegalResourceSubdivision",
    "Citation": PLO + "Citation",
    "Role": PLO + "Role",
    "AuthorisingClause": PLO + "AuthorisingClause",
    "Government": PLO + "Government",
    "Department": PLO + "Department",
    "PowerItem": PLO + "PowerItem",
    "Responsibility": PLO + "Responsibility",
}
LABEL_OF_CLASS = {iri: label for label, iri in CLASS_OF_LABEL.items()}

EDGE_PREDICATES: dict[str, str] = {
    EdgeType.HAS_VERSION.value: ELI + "is_realized_by",
    EdgeType.CONTAINS.value: ELI + "has_part",
    EdgeType.SUPERSEDES.value: PLO + "supersedes",
    EdgeType.AMENDS.value: ELI + "amends",
    EdgeType.REPEALS.value: ELI + "repeals",
    EdgeType.CITES.value: PLO + "hasCitation",
    EdgeType.RESOLVES_TO.value: PLO + "resolvesTo",
    EdgeType.HAS_CLAUSE.value: PLO + "hasClause",
    EdgeType.AUTHORISES.value: PLO + "authorises",
    EdgeType.TRIGGERED_BY.value: PLO + "triggeredBy",
    EdgeType.BASED_ON.value: PLO + "basedOn",
    EdgeType.EXERCISED_BY.value: PLO + "exercisedBy",
    EdgeType.HAS_RESPONSIBILITY.value: PLO + "hasResponsibility",
    EdgeType.PART_OF.value: PLO + "partOf",
    EdgeType.SUBORDINATE_TO.value: PLO + "subordinateTo",
    EdgeType.CORRESPONDS_TO.value: PLO + "correspondsTo",
}
EDGE_OF_PREDICATE = {iri: etype for etype, iri in EDGE_PREDICATES.items()}
_EDGE_FALLBACK = PLO + "rel_"  # edge types this mapping does not know yet
_PROP_FALLBACK = PLO + "prop_"  # properties this mapping does not know yet
EDGE_PROPS = PLO + "edgeProps"

# Triples written for consumers only; import ignores them.
DERIVED_PREDICATES = frozenset({ELI + "cites", ELI + "in_force", ELI + "date_no_longer_in_force"})

_FIELD_OVERRIDES: dict[str, dict[str, str]] = {
    "Law": {"title": ELI + "title", "short_title": ELI + "title_short", "rank": ELI + "type_document"},
    "LawVersion": {
        "law": ELI + "realizes", "date": ELI + "date_document", "title": ELI + "title",
        "subtitle": ELI + "title_alternative", "rank": ELI + "type_document",
        "effective": ELI + "first_date_entry_in_force", "source": PLO + "sourceFile",
    },
    "Provision": {"version": ELI + "is_part_of", "label": ELI + "number", "heading": ELI + "title"},
    "Citation": {"law": PLO + "lawName"},
    "AuthorisingClause": {"law": PLO + "lawName", "version": PLO + "versionDate", "modality": PLO + "hasModality"},
    "Responsibility": {"item": PLO + "powerItem"},
}

# Properties holding the id of another node: written as that node's IRI.
REFERENCE_FIELDS: dict[str, frozenset[str]] = {
    "LawVersion": frozenset({"law"}),
    "Provision": frozenset({"version"}),
    "Citation": frozenset({"source", "version", "target", "quote_best_match"}),
    "AuthorisingClause": frozenset({"provision"}),
    "Government": frozenset({"parent"}),
    "Department": frozenset({"government"}),
    "PowerItem": frozenset({"department", "government"}),
    "Responsibility": frozenset({"item"}),
}


def _concepts(base: str, enum_type: type) -> dict[str, str]:
    return {member.value: base + member.name.lower() for member in enum_type}


CATEGORY_CONCEPTS = _concepts(CATEGORY, Category)
RANK_CONCEPTS = _concepts(RANK, Rank)
MODALITY_CONCEPTS = _concepts(MODALITY, Modality)
_CONCEPT_FIELDS: dict[str, dict[str, str]] = {
    "category": CATEGORY_CONCEPTS,
    "rank": RANK_CONCEPTS,
    "modality": MODALITY_CONCEPTS,
}
_VALUE_OF_CONCEPT = {iri: value for table in _CONCEPT_FIELDS.values() for value, iri in table.items()}

IN_FORCE = ELI + "InForce-inForce"
NOT_IN_FORCE = ELI + "InForce-notInForce"


def _field_predicates(label: str) -> dict[str, str]:
    cls = GRAPH_CLASSES[label]
    table = {f.name: PLO + _camel(f.name) for f in dataclasses.fields(cls) if f.name != "id_"}
    table.update(_FIELD_OVERRIDES.get(label, {}))
    return table


FIELD_PREDICATES: dict[str, dict[str, str]] = {label: _field_predicates(label) for label in GRAPH_CLASSES}
FIELD_OF_PREDICATE: dict[str, dict[str, str]] = {
    label: {iri: name for name, iri in table.items()} for label, table in FIELD_PREDICATES.items()
}
# Fields a dataclass requires: a None there is not written and comes back as None.
_REQUIRED_FIELDS: dict[str, tuple[str, ...]] = {
    label: tuple(
        f.name for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING and f.name != "id_"
    )
    for label, cls in GRAPH_CLASSES.items()
}
_HAS_ID_FIELD = {label for label, cls in GRAPH_CLASSES.items() if any(f.name == "id_" for f in dataclasses.fields(cls))}


def class_iri(label: str) -> str:
    return CLASS_OF_LABEL.get(label) or PLO + label


def edge_predicate(edge_type: str) -> str:
    return EDGE_PREDICATES.get(edge_type) or _EDGE_FALLBACK + quote(edge_type, safe="")


def field_predicate(label: str, name: str) -> str:
    table = FIELD_PREDICATES.get(label)
    if table and name in table:
        return table[name]
    return _PROP_FALLBACK + quote(name, safe="")


# ---------------------------------------------------------------------------
# Terms: IRIs are ``IRI`` strings, literals ``Literal`` tuples, collections Python lists.


class IRI(str):
    __slots__ = ()


class Literal(NamedTuple):
    lexical: str
    datatype: str | None = None  # None: xsd:string


Term = Any  # IRI | Literal | list[Term]

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _is_date(text: str) -> bool:
    if not _DATE.fullmatch(text):
        return False
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _double(value: float) -> str:
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "INF" if value > 0 else "-INF"
    return repr(value)


def literal_term(value: Any) -> Term | None:
    """The RDF term of a property value (None for None, which is not written)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return Literal("true" if value else "false", XSD_BOOLEAN)
    if isinstance(value, int):
        return Literal(str(value), XSD_INTEGER)
    if isinstance(value, float):
        return Literal(_double(value), XSD_DOUBLE)
    if isinstance(value, str):
        return Literal(value, XSD_DATE) if _is_date(value) else Literal(value)
    if isinstance(value, (list, tuple)):
        terms = [literal_term(v) for v in value]
        if any(t is None for t in terms):  # a None inside a list: keep the list exact as JSON
            return Literal(json.dumps(list(value), ensure_ascii=False), RDF_JSON)
        return terms
    if isinstance(value, dict):
        return Literal(json.dumps(value, ensure_ascii=False), RDF_JSON)
    if hasattr(value, "value"):  # an enum
        return literal_term(value.value)
    return Literal(str(value))


def _property_term(label: str, name: str, value: Any) -> Term | None:
    if value is None:
        return None
    if name in REFERENCE_FIELDS.get(label, ()) and isinstance(value, str):
        return IRI(node_iri(value))
    concepts = _CONCEPT_FIELDS.get(name)
    if concepts is not None and label in GRAPH_CLASSES and isinstance(value, str) and value in concepts:
        return IRI(concepts[value])
    return literal_term(value)


# ---------------------------------------------------------------------------
# Describing the store


@dataclass
class Description:
    """What the RDF says about one node: its type and (predicate, object) pairs.

    ``statements`` are the reified edges that carry properties.
    """

    subject: str
    type: str
    pairs: list[tuple[str, Term]]
    statements: list[tuple[str, str, str, str]]  # (subject, predicate, object, props as JSON)


def describe(store: Store, node: Node, keep: frozenset[str] | None = None) -> Description:
    """The RDF description of one stored node (its properties and out-edges).

    ``keep``, when given, limits the description to those predicates (the
    validator needs only what its shapes walk).
    """
    label = node.label
    subject = node_iri(node.id)
    pairs: list[tuple[str, Term]] = []
    statements = []
    props = node.props
    for name, value in props.items():
        if name == "id_" and value == node.id and label in _HAS_ID_FIELD:
            continue
        if keep is not None and field_predicate(label, name) not in keep:
            continue
        term = _property_term(label, name, value)
        if term is not None:
            pairs.append((field_predicate(label, name), term))
    cited: set[str] = set()  # eli:cites once per target, however many citations resolve to it
    for edge in sorted(store.out_edges(node.id), key=lambda e: (e.type, e.dst)):
        predicate = edge_predicate(edge.type)
        if keep is not None and predicate not in keep and not (edge.type == EdgeType.CITES.value and ELI + "cites" in keep):
            continue
        target = IRI(node_iri(edge.dst))
        if keep is None or predicate in keep:
            pairs.append((predicate, target))
        if edge.props:
            statements.append((subject, predicate, target, json.dumps(dict(edge.props), ensure_ascii=False)))
        if edge.type == EdgeType.CITES.value and (keep is None or ELI + "cites" in keep):
            for resolved in store.out_edges(edge.dst, EdgeType.RESOLVES_TO.value):
                if resolved.dst not in cited:
                    cited.add(resolved.dst)
                    pairs.append((ELI + "cites", IRI(node_iri(resolved.dst))))
    if label == "LawVersion" and (keep is None or keep & {ELI + "in_force", ELI + "date_no_longer_in_force"}):
        status = props.get("status", VersionStatus.IN_FORCE.value)
        pairs.append((ELI + "in_force", IRI(IN_FORCE if status == VersionStatus.IN_FORCE.value else NOT_IN_FORCE)))
        for newer in store.in_edges(node.id, EdgeType.SUPERSEDES.value):
            newer_node = store.get(newer.src)
            if newer_node is not None:
                ended = newer_node.props.get("effective") or newer_node.props.get("date")
                if isinstance(ended, str) and _is_date(ended):
                    pairs.append((ELI + "date_no_longer_in_force", Literal(ended, XSD_DATE)))
                    break
    return Description(subject, class_iri(label), pairs, statements)


def _labels_of(store: Store) -> list[str]:
    extra = sorted(set(getattr(store, "_labels", {})) - set(LABELS))  # labels others may add later
    return list(LABELS) + extra


def iter_descriptions(store: Store, *, labels: Iterable[str] | None = None,
                      keep: frozenset[str] | None = None) -> Iterator[Description]:
    """Every node of the store, described, in label then id order (a stable file); ``keep`` as in :func:`describe`."""
    for label in labels or _labels_of(store):
        for node in sorted(store.nodes(label), key=lambda n: n.id):
            yield describe(store, node, keep)


# ---------------------------------------------------------------------------
# Writing

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f\ud800-\udfff]')


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    return _ESCAPES.get(char) or f"\\u{ord(char):04X}"


def _quoted(text: str) -> str:
    return '"' + _NEEDS_ESCAPE.sub(_escape_char, text) + '"'


_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def _iri_ref(iri: str) -> str:
    # Ids are percent-encoded already; this guards IRIs from elsewhere (fallback predicates).
    return "<" + _IRI_UNSAFE.sub(lambda m: "%%%02X" % ord(m.group()), iri) + ">"


class _Compactor:
    """Prefixed names for the vocabulary IRIs (Turtle)."""

    _LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")

    def __init__(self) -> None:
        self.prefixes = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))
        self.cache: dict[str, str] = {}

    def __call__(self, iri: str) -> str:
        short = self.cache.get(iri)
        if short is None:
            short = _iri_ref(iri)
            if not iri.startswith(DATA):
                for prefix, base in self.prefixes:
                    if iri.startswith(base) and self._LOCAL.fullmatch(iri[len(base):]):
                        short = f"{prefix}:{iri[len(base):]}"
                        break
            if len(self.cache) < 10000:
                self.cache[iri] = short
        return short


def _turtle_object(term: Term, compact: _Compactor) -> str:
    if isinstance(term, IRI):
        return compact(term)
    if isinstance(term, list):
        return "(" + " ".join(_turtle_object(t, compact) for t in term) + ")"
    lexical, datatype = term
    if datatype is None:
        return _quoted(lexical)
    if datatype == XSD_INTEGER:
        return lexical
    if datatype == XSD_BOOLEAN:
        return lexical
    return _quoted(lexical) + "^^" + compact(datatype)


def write_turtle(descriptions: Iterable[Description], out: IO[str]) -> int:
    """Turtle, one block per node; returns the number of triples written."""
    compact = _Compactor()
    for prefix, base in PREFIXES.items():
        out.write(f"@prefix {prefix}: <{base}> .\n")
    out.write("\n")
    triples = 0
    for d in descriptions:
        lines = [f"{_iri_ref(d.subject)} a {compact(d.type)}"]
        for predicate, term in d.pairs:
            lines.append(f"    {compact(predicate)} {_turtle_object(term, compact)}")
            triples += 1 + _collection_triples(term)
        out.write(" ;\n".join(lines) + " .\n")
        triples += 1
        for s, p, o, props in d.statements:
            out.write(
                f"[] a rdf:Statement ; rdf:subject {_iri_ref(s)} ; rdf:predicate {compact(p)} ; "
                f"rdf:object {_iri_ref(o)} ; plo:edgeProps {_quoted(props)}^^rdf:JSON .\n"
            )
            triples += 5
    return triples


def _collection_triples(term: Term) -> int:
    if not isinstance(term, list):
        return 0
    return sum(2 + _collection_triples(t) for t in term)


def _nt_term(term: Term) -> str:
    if isinstance(term, IRI):
        return _iri_ref(term)
    lexical, datatype = term
    if datatype is None:
        return _quoted(lexical)
    return _quoted(lexical) + "^^" + _iri_ref(datatype)


class _BlankNodes:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> str:
        self.count += 1
        return f"_:b{self.count}"


def iter_triples(descriptions: Iterable[Description]) -> Iterator[tuple[str, str, Term]]:
    """Plain triples ``(subject, predicate, object)``: collections become blank-node lists.

    Subjects and objects that are blank nodes are strings starting ``_:``.
    """
    blank = _BlankNodes()

    def expand(term: Term, triples: list) -> Term:
        if not isinstance(term, list):
            return term
        if not term:
            return IRI(RDF_NIL)
        heads = [blank() for _ in term]
        for i, (head, item) in enumerate(zip(heads, term)):
            triples.append((head, RDF_FIRST, expand(item, triples)))
            triples.append((head, RDF_REST, IRI(heads[i + 1]) if i + 1 < len(heads) else IRI(RDF_NIL)))
        return IRI(heads[0])

    for d in descriptions:
        yield d.subject, RDF_TYPE, IRI(d.type)
        for predicate, term in d.pairs:
            extra: list = []
            obj = expand(term, extra)
            yield d.subject, predicate, obj
            yield from extra
        for s, p, o, props in d.statements:
            node = blank()
            yield node, RDF_TYPE, IRI(RDF_STATEMENT)
            yield node, RDF + "subject", IRI(s)
            yield node, RDF + "predicate", IRI(p)
            yield node, RDF + "object", IRI(o)
            yield node, EDGE_PROPS, Literal(props, RDF_JSON)


def write_ntriples(descriptions: Iterable[Description], out: IO[str]) -> int:
    triples = 0
    for s, p, o in iter_triples(descriptions):
        subject = s if s.startswith("_:") else _iri_ref(s)
        obj = o if isinstance(o, IRI) and o.startswith("_:") else _nt_term(o)
        out.write(f"{subject} {_iri_ref(p)} {obj} .\n")
        triples += 1
    return triples


def _jsonld_value(term: Term) -> Any:
    if isinstance(term, IRI):
        return {"@id": term}
    if isinstance(term, list):
        return {"@list": [_jsonld_value(t) for t in term]}
    lexical, datatype = term
    if datatype is None:
        return lexical
    return {"@value": lexical, "@type": datatype}


def write_jsonld(descriptions: Iterable[Description], out: IO[str]) -> int:
    """JSON-LD (expanded IRIs, one object per node), written as a stream."""
    out.write('{"@context": ' + json.dumps(PREFIXES) + ',\n"@graph": [\n')
    first = True
    triples = 0
    for d in descriptions:
        obj: dict[str, Any] = {"@id": d.subject, "@type": [d.type]}
        for predicate, term in d.pairs:
            obj.setdefault(predicate, []).append(_jsonld_value(term))
            triples += 1 + _collection_triples(term)
        triples += 1
        objects = [obj]
        for s, p, o, props in d.statements:
            objects.append({
                "@type": [RDF_STATEMENT], RDF + "subject": [{"@id": s}], RDF + "predicate": [{"@id": p}],
                RDF + "object": [{"@id": o}], EDGE_PROPS: [{"@value": props, "@type": RDF_JSON}],
            })
            triples += 5
        for item in objects:
            out.write(("" if first else ",\n") + json.dumps(item, ensure_ascii=False))
            first = False
    out.write("\n]}\n")
    return triples


def normalise_format(format: str | None, path: str | os.PathLike[str] | None = None) -> str:
    """``turtle``, ``nt`` or ``json-ld`` from an option or a file extension (turtle by default)."""
    if format is None and path is not None:
        suffix = Path(path).suffix.lower().lstrip(".")
        format = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "json": "json-ld"}.get(suffix, "turtle")
    name = _FORMAT_ALIASES.get((format or "turtle").lower())
    if name is None:
        raise UserError(f"--format {format}: use turtle, json-ld or nt")
    return name


_WRITERS: dict[str, Callable[[Iterable[Description], IO[str]], int]] = {
    "turtle": write_turtle, "nt": write_ntriples, "json-ld": write_jsonld,
}


def export_rdf(store: Store, out: IO[str], *, format: str = "turtle") -> int:
    """Write the whole store as RDF to ``out``; returns the number of triples.

    Examples
    --------
    >>> import io, tempfile, pathlib
    >>> from kg.embedded import EmbeddedStore
    >>> from kg.model import Law, Rank
    >>> store = EmbeddedStore(pathlib.Path(tempfile.mkdtemp()) / "s.kg")
    >>> with store.transaction() as tx:
    ...     tx.add_nodes([Law("中华人民共和国食品安全法", "食品安全法", Rank.LAW).to_node()])
    >>> buffer = io.StringIO()
    >>> export_rdf(store, buffer, format="nt")
    4
    """
    return _WRITERS[normalise_format(format)](iter_descriptions(store), out)


# ---------------------------------------------------------------------------
# Reading


@dataclass
class ImportResult:
    nodes: int
    edges: int
    triples: int
    skipped: list[str]

    def summary(self, file: str) -> str:
        text = f"{file}: imported {self.nodes} nodes and {self.edges} edges from {self.triples} triples"
        if self.skipped:
            text += f"; skipped {len(self.skipped)}: " + "; ".join(self.skipped[:5])
            if len(self.skipped) > 5:
                text += f"; ... and {len(self.skipped) - 5} more"
        return text


_OX_FORMATS = {"turtle": "TURTLE", "nt": "N_TRIPLES", "json-ld": "JSON_LD"}


def _parse(path: Path, format: str) -> Iterator[tuple[Any, Any, Any]]:
    """Triples of an RDF file as pyoxigraph terms (fast, streaming); errors name the file and line."""
    import pyoxigraph as ox

    try:
        for triple in ox.parse(path=str(path), format=getattr(ox.RdfFormat, _OX_FORMATS[format])):
            yield triple.subject, triple.predicate, triple.object
    except SyntaxError as exc:
        raise UserError(f"{path}: not valid {format}: {exc}") from None
    except OSError as exc:
        raise UserError(f"{path}: cannot read ({exc})") from None


def _literal_value(lit: Any) -> Any:
    datatype = lit.datatype.value if lit.datatype is not None else XSD_STRING
    text = lit.value
    if datatype == XSD_INTEGER or datatype.startswith(XSD) and datatype[len(XSD):] in (
        "int", "long", "short", "nonNegativeInteger", "positiveInteger"
    ):
        return int(text)
    if datatype in (XSD_DOUBLE, XSD_DECIMAL, XSD + "float"):
        return float(text)
    if datatype == XSD_BOOLEAN:
        return text in ("true", "1")
    if datatype == RDF_JSON:
        return json.loads(text)
    return text


class _Reader:
    """Collects the triples of one file, then turns them into nodes and edges."""

    def __init__(self) -> None:
        self.subjects: dict[str, list[tuple[str, Any]]] = defaultdict(list)
        self.blank: dict[str, dict[str, Any]] = defaultdict(dict)
        self.triples = 0

    def add(self, s: Any, p: Any, o: Any) -> None:
        self.triples += 1
        predicate = p.value
        if type(s).__name__ == "BlankNode":
            self.blank[s.value][predicate] = o
        else:
            self.subjects[s.value].append((predicate, o))

    def _value(self, term: Any, seen: int = 0) -> Any:
        kind = type(term).__name__
        if kind == "Literal":
            return _literal_value(term)
        if kind == "NamedNode":
            if term.value == RDF_NIL:
                return []
            return term.value
        if kind == "BlankNode":  # a collection
            items = []
            node = term
            while type(node).__name__ == "BlankNode":
                cell = self.blank.get(node.value, {})
                if RDF_FIRST not in cell or len(items) > 1_000_000:
                    raise UserError(f"malformed RDF collection at _:{node.value}")
                items.append(self._value(cell[RDF_FIRST]))
                node = cell.get(RDF_REST)
            return items
        raise UserError(f"unsupported RDF term {term!r}")

    def build(self) -> tuple[list[Node], list[Edge], list[str]]:
        nodes: list[Node] = []
        edges: list[Edge] = []
        skipped: list[str] = []
        edge_props: dict[tuple[str, str, str], dict] = {}
        for cell in self.blank.values():
            statement_type = cell.get(RDF_TYPE)
            if statement_type is not None and statement_type.value == RDF_STATEMENT and EDGE_PROPS in cell:
                key = (cell[RDF + "subject"].value, cell[RDF + "predicate"].value, cell[RDF + "object"].value)
                edge_props[key] = _literal_value(cell[EDGE_PROPS])
        for subject, pairs in self.subjects.items():
            nid = node_id(subject)
            types = [o.value for p, o in pairs if p == RDF_TYPE]
            if nid is None:
                if not subject.startswith(("https://w3id.org/powerlist-kg/", ELI)):
                    skipped.append(f"<{subject}>: not a powerlist-kg resource")
                continue
            label = next((LABEL_OF_CLASS[t] for t in types if t in LABEL_OF_CLASS), None)
            if label is None:
                label = next((t[len(PLO):] for t in types if t.startswith(PLO)), None)
            if label is None:
                skipped.append(f"<{subject}>: no powerlist-kg class")
                continue
            reverse = FIELD_OF_PREDICATE.get(label, {})
            references = REFERENCE_FIELDS.get(label, frozenset())
            props: dict[str, Any] = {}
            for predicate, obj in pairs:
                if predicate == RDF_TYPE or predicate in DERIVED_PREDICATES:
                    continue
                etype = EDGE_OF_PREDICATE.get(predicate)
                if etype is None and predicate.startswith(_EDGE_FALLBACK):
                    etype = unquote(predicate[len(_EDGE_FALLBACK):])
                if etype is not None:
                    dst = node_id(obj.value)
                    if dst is None:
                        skipped.append(f"<{subject}> {etype} <{obj.value}>: target is not a powerlist-kg resource")
                        continue
                    props_of_edge = edge_props.get((subject, predicate, obj.value), {})
                    edges.append(Edge(nid, dst, etype, props_of_edge))
                    continue
                name = reverse.get(predicate)
                if name is None and predicate.startswith(_PROP_FALLBACK):
                    name = unquote(predicate[len(_PROP_FALLBACK):])
                if name is None:
                    skipped.append(f"<{subject}> <{predicate}>: unknown property of a {label}")
                    continue
                value = self._value(obj)
                if isinstance(value, str) and type(obj).__name__ == "NamedNode":
                    if name in references:
                        value = node_id(value)
                    elif value in _VALUE_OF_CONCEPT:
                        value = _VALUE_OF_CONCEPT[value]
                props[name] = value
            for name in _REQUIRED_FIELDS.get(label, ()):
                props.setdefault(name, None)
            if label in _HAS_ID_FIELD:
                props.setdefault("id_", nid)
            nodes.append(Node(nid, label, _in_field_order(label, props)))
        return nodes, edges, skipped


def _in_field_order(label: str, props: dict[str, Any]) -> dict[str, Any]:
    cls = GRAPH_CLASSES.get(label)
    if cls is None:
        return props
    order = {f.name: i for i, f in enumerate(dataclasses.fields(cls))}
    return dict(sorted(props.items(), key=lambda kv: order.get(kv[0], len(order))))


def read_rdf(path: str | os.PathLike[str], *, format: str | None = None) -> tuple[list[Node], list[Edge], list[str], int]:
    """Nodes, edges, skipped resources (with reasons) and the triple count of an RDF file."""
    path = Path(path)
    name = normalise_format(format, path)
    reader = _Reader()
    for s, p, o in _parse(path, name):
        reader.add(s, p, o)
    nodes, edges, skipped = reader.build()
    return nodes, edges, skipped, reader.triples


def import_rdf(store: Store, path: str | os.PathLike[str], *, format: str | None = None) -> ImportResult:
    """Read an RDF file written by :func:`export_rdf` into ``store`` in one transaction.

    Nodes are inserted or replaced by id; an edge whose end is neither in the
    file nor in the store is skipped and reported.
    """
    nodes, edges, skipped, triples = read_rdf(path, format=format)
    known = {n.id for n in nodes}
    kept = []
    with store.transaction() as tx:
        tx.add_nodes(nodes)
        for edge in edges:
            if (edge.src in known or tx.get(edge.src) is not None) and (edge.dst in known or tx.get(edge.dst) is not None):
                kept.append(edge)
            else:
                skipped.append(f"edge {edge.type} {edge.src} -> {edge.dst}: an end is in neither the file nor the store")
        tx.add_edges(kept)
    return ImportResult(len(nodes), len(kept), triples, skipped)


def export_rdf_text(store: Store, format: str = "turtle") -> str:
    """The whole export as one string (small stores and tests)."""
    buffer = io.StringIO()
    export_rdf(store, buffer, format=format)
    return buffer.getvalue()

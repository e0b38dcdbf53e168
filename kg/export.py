"""``plkg export`` and ``plkg import``: the graph as RDF, GraphML, node-link JSON or Cypher.

Every writer streams: nodes are read from the store and written one at a
time, and a file is written beside its target and renamed into place, so an
interrupted export never leaves half a file under the asked-for name.

>>> import io, tempfile, pathlib
>>> from kg.embedded import EmbeddedStore
>>> from kg.model import Law, Rank
>>> store = EmbeddedStore(pathlib.Path(tempfile.mkdtemp()) / "s.kg")
>>> with store.transaction() as tx:
...     tx.add_nodes([Law("中华人民共和国食品安全法", "食品安全法", Rank.LAW).to_node()])
>>> buffer = io.StringIO()
>>> export_graph(store, "json", format=None, output=None, out=buffer)
>>> '"label": "Law"' in buffer.getvalue()
True
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import IO, Any, Iterator, TextIO
from xml.sax.saxutils import escape, quoteattr

from .errors import UserError
from .model import Edge, Node
from .rdf import _labels_of, export_rdf, import_rdf, normalise_format
from .store import Store

WHATS = ("rdf", "graphml", "cypher", "json")


@contextlib.contextmanager
def _target(output: Path | None, out: TextIO) -> Iterator[IO[str]]:
    """``out`` when there is no output file; else a temporary file renamed to ``output`` on success."""
    if output is None:
        yield out
        return
    output = Path(output)
    if not output.parent.exists():
        raise UserError(f"{output}: folder {output.parent} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=output.name + ".", suffix=".tmp", dir=output.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
        os.replace(tmp, output)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _all_nodes(store: Store) -> Iterator[Node]:
    for label in _labels_of(store):
        yield from sorted(store.nodes(label), key=lambda n: n.id)


def _all_edges(store: Store) -> Iterator[Edge]:
    for label in _labels_of(store):
        for node in sorted(store.nodes(label), key=lambda n: n.id):
            yield from sorted(store.out_edges(node.id), key=lambda e: (e.type, e.dst))


# ---------------------------------------------------------------------------
# node-link JSON


def write_node_link(store: Store, out: IO[str]) -> tuple[int, int]:
    """networkx node-link JSON (``nx.node_link_graph(data, edges="links")`` reads it back).

    Each node is ``{"id", "label", "props"}``; each link ``{"source", "target", "key", "type", "props"}``
    with the edge type as the multigraph key.
    """
    out.write('{"directed": true, "multigraph": true, "graph": {"format": "powerlist-kg"},\n"nodes": [\n')
    nodes = edges = 0
    for node in _all_nodes(store):
        out.write(("" if nodes == 0 else ",\n")
                  + json.dumps({"id": node.id, "label": node.label, "props": dict(node.props)}, ensure_ascii=False))
        nodes += 1
    out.write('\n],\n"links": [\n')
    for edge in _all_edges(store):
        record = {"source": edge.src, "target": edge.dst, "key": edge.type, "type": edge.type, "props": dict(edge.props)}
        out.write(("" if edges == 0 else ",\n") + json.dumps(record, ensure_ascii=False))
        edges += 1
    out.write("\n]}\n")
    return nodes, edges


def read_node_link(path: Path) -> tuple[list[Node], list[Edge]]:
    try:
        with open(path, encoding="utf-8-sig") as handle:
            data = json.load(handle)
    except (OSError, ValueError) as exc:
        raise UserError(f"{path}: not a node-link JSON export ({exc})") from None
    try:
        nodes = [Node(n["id"], n["label"], n.get("props", {})) for n in data["nodes"]]
        links = data.get("links", data.get("edges", []))
        edges = [Edge(e["source"], e["target"], e.get("type") or e["key"], e.get("props", {})) for e in links]
    except (KeyError, TypeError) as exc:
        raise UserError(f"{path}: node or link without {exc}") from None
    return nodes, edges


# ---------------------------------------------------------------------------
# GraphML

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_GRAPHML_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}


def _graphml_type(values: set[type]) -> str:
    if values <= {bool}:
        return "boolean"
    if values <= {int}:
        return "long"
    if values <= {int, float}:
        return "double"
    return "string"


def _xml_text(value: Any, kind: str) -> str:
    if kind == "boolean":
        text = "true" if value else "false"
    elif kind in ("long", "double"):
        text = repr(float(value)) if kind == "double" else str(int(value))
    elif isinstance(value, (list, tuple, dict)):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = str(value)
    return escape(_XML_INVALID.sub("\ufffd", text))


def write_graphml(store: Store, out: IO[str]) -> tuple[int, int]:
    """GraphML that ``networkx.read_graphml(path, force_multigraph=True)`` reads.

    Nodes carry ``labels`` (the node label) and their properties; edges their
    ``type`` (also the edge id, which networkx takes as the multigraph key).
    Lists and dicts are JSON strings.  Two passes: the first finds every
    attribute and its type, which GraphML declares up front.
    """
    node_types: dict[str, set[type]] = defaultdict(set)
    edge_types: dict[str, set[type]] = defaultdict(set)
    for node in _all_nodes(store):
        for key, value in node.props.items():
            if value is not None:
                node_types[key].add(type(value) if type(value) in _GRAPHML_TYPES else str)
    for edge in _all_edges(store):
        for key, value in edge.props.items():
            if value is not None:
                edge_types[key].add(type(value) if type(value) in _GRAPHML_TYPES else str)
    node_keys = {"labels": ("n0", "string")}
    node_keys.update({name: (f"n{i + 1}", _graphml_type(kinds)) for i, (name, kinds) in
                      enumerate(sorted((k, v) for k, v in node_types.items() if k != "labels"))})
    edge_keys = {"type": ("e0", "string")}
    edge_keys.update({name: (f"e{i + 1}", _graphml_type(kinds)) for i, (name, kinds) in
                      enumerate(sorted((k, v) for k, v in edge_types.items() if k != "type"))})
    out.write("<?xml version='1.0' encoding='utf-8'?>\n"
              '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
              'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
              'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
              'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
    for target, keys in (("node", node_keys), ("edge", edge_keys)):
        for name, (key_id, kind) in keys.items():
            out.write(f'<key id="{key_id}" for="{target}" attr.name={quoteattr(name)} attr.type="{kind}"/>\n')
    out.write('<graph edgedefault="directed">\n')
    nodes = edges = 0
    for node in _all_nodes(store):
        parts = [f"<node id={quoteattr(_XML_INVALID.sub(chr(0xfffd), node.id))}>",
                 f'<data key="n0">{_xml_text(node.label, "string")}</data>']
        for name, value in node.props.items():
            if value is None or name == "labels":
                continue
            key_id, kind = node_keys[name]
            parts.append(f'<data key="{key_id}">{_xml_text(value, kind)}</data>')
        out.write("".join(parts) + "</node>\n")
        nodes += 1
    for edge in _all_edges(store):
        parts = [f"<edge source={quoteattr(_XML_INVALID.sub(chr(0xfffd), edge.src))} "
                 f"target={quoteattr(_XML_INVALID.sub(chr(0xfffd), edge.dst))} id={quoteattr(edge.type)}>",
                 f'<data key="e0">{_xml_text(edge.type, "string")}</data>']
        for name, value in edge.props.items():
            if value is None or name == "type":
                continue
            key_id, kind = edge_keys[name]
            parts.append(f'<data key="{key_id}">{_xml_text(value, kind)}</data>')
        out.write("".join(parts) + "</edge>\n")
        edges += 1
    out.write("</graph>\n</graphml>\n")
    return nodes, edges


# ---------------------------------------------------------------------------
# Entry points


def export_graph(store: Store, what: str, *, format: str | None = None, output: Path | None = None,
                 out: TextIO) -> None:
    """Write the graph as ``rdf`` (turtle, json-ld or nt), ``graphml``, ``cypher`` or ``json`` (node-link).

    Without ``output`` the export goes to ``out``; with it, to that file, and
    a one-line summary goes to ``out``.
    """
    what = what.lower()
    if what == "rdf":
        name = normalise_format(format, output)
        with _target(output, out) as handle:
            triples = export_rdf(store, handle, format=name)
        summary = f"wrote {triples} triples ({name}) to {output}"
    elif what in ("json", "graphml"):
        if format is not None and format.lower() not in (what, "node-link"):
            raise UserError(f"--format {format}: export {what} has a single format")
        with _target(output, out) as handle:
            nodes, edges = (write_node_link if what == "json" else write_graphml)(store, handle)
        summary = f"wrote {nodes} nodes and {edges} edges ({what}) to {output}"
    elif what == "cypher":
        try:
            from .cypher_export import export_cypher
        except ImportError as exc:
            raise UserError(f"export cypher is not available in this installation ({exc})") from None
        export_cypher(store, output, format=format)
        return
    else:
        raise UserError(f"export {what}: use one of {', '.join(WHATS)}")
    if output is not None:
        out.write(summary + "\n")


def import_graph(store: Store, what: str, file: Path) -> str:
    """Read a file written by :func:`export_graph` (``rdf`` in any of its formats, or ``json``) into the store."""
    what = what.lower()
    file = Path(file)
    if not file.is_file():
        raise UserError(f"{file}: no such file")
    if what == "rdf":
        return import_rdf(store, file).summary(str(file))
    if what == "json":
        nodes, edges = read_node_link(file)
        known = {n.id for n in nodes}
        with store.transaction() as tx:
            tx.add_nodes(nodes)
            missing = [e for e in edges if not ((e.src in known or tx.get(e.src)) and (e.dst in known or tx.get(e.dst)))]
            if missing:
                e = missing[0]
                raise UserError(f"{file}: link {e.type} {e.src} -> {e.dst} names a node the file does not hold")
            tx.add_edges(edges)
        return f"{file}: imported {len(nodes)} nodes and {len(edges)} edges"
    raise UserError(f"import {what}: use rdf or json")

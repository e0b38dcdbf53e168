"""``plkg export cypher``: a Cypher script, or CSV files for bulk import, that recreate the graph.

The graph is written the way :class:`kg.neo4j_store.Neo4jStore` stores it
(every node labelled ``KG`` plus its type, properties encoded by
:mod:`kg.dialect`), so a server loaded from an export opens as a store.

``format="cypher"`` (default): one statement a line, ending in ``;``, for
``cypher-shell -f FILE`` (Neo4j 5).  Indexes first, then ``UNWIND [...] AS
row MERGE ...`` batches of nodes per label and of edges per type, all
idempotent (running the script twice gives the same graph).

``format="csv"``: a folder of ``nodes_<Label>.csv`` and ``edges_<TYPE>.csv``
with ``neo4j-admin database import full`` headers (``id:ID``, ``:LABEL``,
``:START_ID``, ``:END_ID``, ``:TYPE``, typed property columns).  Lists and
maps are JSON text there (their names in the ``_json`` column), so every
column holds one scalar type.

>>> import io, tempfile, pathlib
>>> from kg.embedded import EmbeddedStore
>>> from kg.model import Node, Edge
>>> store = EmbeddedStore(pathlib.Path(tempfile.mkdtemp()) / "s.kg")
>>> with store.transaction() as tx:
...     tx.add_nodes([Node("甲法", "Law", {"title": "甲法"}), Node("甲法/2020", "LawVersion", {"amended": ["2019"]})])
...     tx.add_edges([Edge("甲法", "甲法/2020", "HAS_VERSION")])
>>> out = io.StringIO()
>>> export_cypher(store, out)
(2, 1)
>>> print([line for line in out.getvalue().splitlines() if line.startswith("UNWIND")][0])
UNWIND [{id: '甲法', p: {title: '甲法', id: '甲法'}}] AS row MERGE (n:KG {id: row.id}) SET n = row.p, n:Law;
"""

from __future__ import annotations

import csv
import json
import math
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, TextIO

from .dialect import ANY_LABEL, JSON_KEYS, NEO4J, NULL_KEYS, encode_props, quote_name
from .errors import UserError
from .model import Edge, Node
from .store import LABELS, Store

FORMATS = ("cypher", "csv")
ROWS_PER_STATEMENT = 200


def export_cypher(store: Store, output: str | Path | TextIO | None = None, *, format: str | None = "cypher",
                  rows_per_statement: int = ROWS_PER_STATEMENT, out: TextIO | None = None) -> tuple[int, int]:
    """Write the graph of ``store``; returns ``(nodes, edges)`` written.

    ``output``: for ``cypher`` a file path, an open text stream, or None for
    ``out`` (default stdout); for ``csv`` a folder (created if missing).
    With a path, a one-line summary goes to ``out``.
    """
    format = (format or "cypher").lower()
    if format not in FORMATS:
        raise UserError(f"--format {format}: export cypher writes cypher or csv")
    out = out if out is not None else sys.stdout
    if format == "csv":
        if output is None or not isinstance(output, (str, Path)):
            raise UserError("export cypher --format csv needs --output FOLDER")
        folder = Path(output)
        if folder.exists() and not folder.is_dir():
            raise UserError(f"{folder}: not a folder (csv export writes one file per label and edge type)")
        if not folder.parent.exists():
            raise UserError(f"{folder}: folder {folder.parent} does not exist")
        folder.mkdir(exist_ok=True)
        counts = write_csv(store, folder)
        out.write(f"wrote {counts[0]} nodes and {counts[1]} edges (csv for neo4j-admin import) to {folder}\n")
        return counts
    if output is None or not isinstance(output, (str, Path)):
        return write_script(store, output if output is not None else out, rows_per_statement=rows_per_statement)
    path = Path(output)
    if not path.parent.exists():
        raise UserError(f"{path}: folder {path.parent} does not exist")
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        counts = write_script(store, handle, rows_per_statement=rows_per_statement)
    out.write(f"wrote {counts[0]} nodes and {counts[1]} edges (cypher) to {path}\n")
    return counts


# ---------------------------------------------------------------------------
# Reading the graph


def _labels(store: Store) -> list[str]:
    return list(dict.fromkeys([*LABELS, *sorted(getattr(store, "_labels", {}) or {})]))


def _nodes_by_label(store: Store) -> Iterator[tuple[str, list[Node]]]:
    for label in _labels(store):
        nodes = sorted(store.nodes(label), key=lambda n: n.id)
        if nodes:
            yield label, nodes


def _edges_by_type(store: Store) -> dict[str, list[Edge]]:
    edges: dict[str, list[Edge]] = defaultdict(list)
    for label in _labels(store):
        for node in store.nodes(label):
            for edge in store.out_edges(node.id):
                edges[edge.type].append(edge)
    for rows in edges.values():
        rows.sort(key=lambda e: (e.src, e.dst))
    return dict(sorted(edges.items()))


# ---------------------------------------------------------------------------
# Cypher script


def literal(value: Any) -> str:
    """A Cypher literal for a stored property value.

    >>> literal("it's \\\\ 中"), literal([1, 2.5, True]), literal({"a b": None})
    ("'it\\\\'s \\\\\\\\ 中'", '[1, 2.5, true]', '{`a b`: null}')
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise ValueError(f"{value!r} has no Cypher literal")
        return repr(value)
    if isinstance(value, str):
        text = (value.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n")
                .replace("\r", "\\r").replace("\t", "\\t"))
        return f"'{text}'"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{quote_name(str(k))}: {literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    raise ValueError(f"{type(value).__name__} has no Cypher literal")


def _batches(rows: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def write_script(store: Store, handle: TextIO, *, rows_per_statement: int = ROWS_PER_STATEMENT) -> tuple[int, int]:
    """Write the Cypher script; returns ``(nodes, edges)``."""
    nodes_by_label = list(_nodes_by_label(store))
    edges_by_type = _edges_by_type(store)
    node_total = sum(len(n) for _, n in nodes_by_label)
    edge_total = sum(len(e) for e in edges_by_type.values())
    handle.write(f"// powerlist-kg graph: {node_total} nodes, {edge_total} edges; run with cypher-shell -f\n")
    handle.write("// every statement is idempotent (MERGE on id): running the script again converges\n")
    for label in [ANY_LABEL, *(label for label, _ in nodes_by_label)]:
        handle.write(NEO4J.index_statement(label, "id") + ";\n")
    for label, nodes in nodes_by_label:
        for batch in _batches(nodes, rows_per_statement):
            rows = [{"id": n.id, "p": {**encode_props(n.props), "id": n.id}} for n in batch]
            handle.write(
                f"UNWIND {literal(rows)} AS row MERGE (n:{ANY_LABEL} {{id: row.id}}) "
                f"SET n = row.p, n:{quote_name(label)};\n"
            )
    for etype, edges in edges_by_type.items():
        for batch in _batches(edges, rows_per_statement):
            rows = [[e.src, e.dst, encode_props(e.props)] for e in batch]
            handle.write(
                f"UNWIND {literal(rows)} AS row MATCH (a:{ANY_LABEL} {{id: row[0]}}) MATCH (b:{ANY_LABEL} {{id: row[1]}}) "
                f"MERGE (a)-[r:{quote_name(etype)}]->(b) SET r = row[2];\n"
            )
    return node_total, edge_total


def statements(script: str) -> Iterator[str]:
    """The statements of a script written by :func:`write_script` (comments skipped)."""
    for line in script.splitlines():
        line = line.strip()
        if line and not line.startswith("//"):
            yield line.rstrip(";")


# ---------------------------------------------------------------------------
# CSV for neo4j-admin import


_CSV_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}


def _flat(props: Mapping[str, Any]) -> dict[str, Any]:
    """Encoded properties with every list or map as JSON text (``_json`` names them)."""
    encoded = encode_props(props)
    json_keys = list(encoded.pop(JSON_KEYS, []))
    null_keys = encoded.pop(NULL_KEYS, [])
    for key, value in list(encoded.items()):
        # an empty string would read back as a missing cell: JSON '""' keeps it
        if isinstance(value, list) or value == "":
            encoded[key] = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
            json_keys.append(key)
    if json_keys:
        encoded[JSON_KEYS] = sorted(set(json_keys))
    if null_keys:
        encoded[NULL_KEYS] = list(null_keys)
    return encoded


def _columns(rows: list[dict[str, Any]]) -> dict[str, str]:
    """Column -> neo4j-admin type; a column of mixed types becomes JSON text."""
    types: dict[str, set[type]] = defaultdict(set)
    for row in rows:
        for key, value in row.items():
            types[key].add(list if isinstance(value, list) else type(value))
    columns: dict[str, str] = {}
    for key in sorted(types):
        kinds = types[key]
        if key in (JSON_KEYS, NULL_KEYS):
            columns[key] = "string[]"
        elif len(kinds) == 1 and next(iter(kinds)) in _CSV_TYPES:
            columns[key] = _CSV_TYPES[next(iter(kinds))]
        else:
            columns[key] = "json"
    return columns


def _cell(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == "string[]":
        return ";".join(value)
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "json":
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return value


def _write_table(path: Path, head: list[str], columns: dict[str, str], rows: Iterable[tuple[list[Any], dict[str, Any]]]) -> None:
    header = head + [f"{key}:{'string' if kind == 'json' else kind}" for key, kind in columns.items()]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_NONNUMERIC)
        writer.writerow(header)
        for fixed, props in rows:
            json_cols = [k for k, kind in columns.items() if kind == "json" and k in props]
            if json_cols:
                props = {**props, JSON_KEYS: sorted(set(props.get(JSON_KEYS, [])) | set(json_cols))}
            writer.writerow(fixed + [_cell(props.get(key), kind) for key, kind in columns.items()])


def write_csv(store: Store, folder: Path) -> tuple[int, int]:
    """Write ``nodes_<Label>.csv`` and ``edges_<TYPE>.csv`` into ``folder``; returns ``(nodes, edges)``."""
    node_total = edge_total = 0
    for label, nodes in _nodes_by_label(store):
        rows = [_flat(n.props) for n in nodes]
        columns = _columns(rows)
        if any(kind == "json" for kind in columns.values()):
            columns[JSON_KEYS] = "string[]"
        _write_table(folder / f"nodes_{label}.csv", ["id:ID", ":LABEL"], columns,
                     (([n.id, f"{ANY_LABEL};{label}"], row) for n, row in zip(nodes, rows)))
        node_total += len(nodes)
    for etype, edges in _edges_by_type(store).items():
        rows = [_flat(e.props) for e in edges]
        columns = _columns(rows)
        if any(kind == "json" for kind in columns.values()):
            columns[JSON_KEYS] = "string[]"
        _write_table(folder / f"edges_{etype}.csv", [":START_ID", ":END_ID", ":TYPE"], columns,
                     (([e.src, e.dst, etype], row) for e, row in zip(edges, rows)))
        edge_total += len(edges)
    return node_total, edge_total


def read_csv(folder: Path) -> tuple[list[Node], list[Edge]]:
    """Read a folder written by :func:`write_csv` back (as neo4j-admin would load it)."""
    from .dialect import decode_props

    def parse(kind: str, cell: str) -> Any:
        if kind == "long":
            return int(float(cell)) if "." in cell or "e" in cell.lower() else int(cell)
        if kind == "double":
            return float(cell)
        if kind == "boolean":
            return cell == "true"
        if kind == "string[]":
            return cell.split(";")
        return cell

    def rows(path: Path) -> Iterator[tuple[list[str], dict[str, Any]]]:
        with open(path, encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader)
            for record in reader:
                fixed, props = [], {}
                for name, cell in zip(header, record):
                    key, _, kind = name.rpartition(":")
                    if not key or kind in ("ID", "LABEL", "START_ID", "END_ID", "TYPE"):
                        fixed.append(cell)
                    elif cell != "":
                        props[key] = parse(kind, cell)
                yield fixed, props

    nodes = [
        Node(fixed[0], fixed[1].split(";")[1], decode_props(props))
        for path in sorted(folder.glob("nodes_*.csv")) for fixed, props in rows(path)
    ]
    edges = [
        Edge(fixed[0], fixed[1], fixed[2], decode_props(props))
        for path in sorted(folder.glob("edges_*.csv")) for fixed, props in rows(path)
    ]
    return nodes, edges

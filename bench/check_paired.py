"""``plkg check all --format json`` of two code trees on one store, run back to back, several rounds.

``python -m bench.check_paired --store S --base DIR [--rounds 3] [--variant jobs1:--jobs,1 ...] --json OUT``

Each run is a fresh process (``python -m plkg`` from the tree's folder, so that tree's code is imported), timed
by ``wait4``: wall seconds, CPU seconds (user + system, the forked workers' included: the process waits for
them), peak resident memory of the largest process, the load average before and after. Every output is
compared with the base's first one (``cmp``: byte-identical or not). On a shared machine only the pairs say
anything: they are run one after another in each round.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import filecmp
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def run(tree: Path, store: Path, output: Path, extra: list[str]) -> dict:
    load = os.getloadavg()[0]
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "plkg", "--store", str(store), "check", "all", "--format", "json",
                                "--output", str(output), *extra], cwd=tree, stdout=subprocess.DEVNULL,
                               env={**os.environ, "PYTHONPATH": str(tree)})
    _, status, usage = os.wait4(process.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{tree}: check all exited {code}")
    return {"wall_s": round(time.perf_counter() - start, 2), "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
            "peak_gb": round(usage.ru_maxrss / 2**20, 2), "load_before": round(load, 2),
            "load_after": round(os.getloadavg()[0], 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--base", type=Path, required=True, help="the other tree (e.g. a git archive of main)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--variant", action="append", default=[],
                        help="NAME:ARG,ARG… a run of this tree with these check options (default: branch with none)")
    parser.add_argument("--json", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=HERE / "bench" / "out")
    args = parser.parse_args(argv)
    variants = [("base", args.base, [])] + ([(v.split(":", 1)[0], HERE, [a for a in v.split(":", 1)[1].split(",") if a])
                                             for v in args.variant] or [("branch", HERE, [])])
    reference = args.out / "paired-base.json"
    rows = []
    for round_ in range(args.rounds):
        for name, tree, extra in variants:
            output = reference if (name == "base" and round_ == 0) else args.out / f"paired-{name}.json"
            row = {"round": round_ + 1, "run": name, "options": extra,
                   "at": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
                   **run(tree, args.store, output, extra)}
            row["identical"] = output == reference or filecmp.cmp(reference, output, shallow=False)
            rows.append(row)
            print(json.dumps(row), flush=True)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"store": str(args.store), "bytes": reference.stat().st_size, "cores": os.cpu_count(),
                                     "runs": rows}, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

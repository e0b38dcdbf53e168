"""``plkg diff lists`` at scale: two versions of a generated list, scored against the key of what changed.

``python -m bench.bench_diff [--items 100000] [--seed 1] [--rate 0.02] [--work DIR] [--out FILE.json]``

1. Generates a list of ``--items`` items (``bench.generate``) and its later version
   (:func:`bench.generate.later_version`, ``--rate`` of the items per kind of change);
   lists already in ``--work`` for the same items and seed are reused.
2. Loads both into a fresh embedded store (``--date`` 2024-01-01 and 2025-01-01; no laws:
   bases compare as parsed) and times each load.
3. Times (wall and CPU) the diff of every government's two versions (:func:`queries.diff.diff_lists`),
   then scores the changes against the key: per kind, found, missed and false.

Prints one JSON object (and writes it to ``--out``, default
``bench/results/diff-embedded-ITEMS.json``).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench.bench_load_laws import machine
from bench.generate import generate, write_later_version
from kg.embedded import EmbeddedStore
from loaders.powerlists import load_powers
from queries.diff import diff_lists

ROOT = Path(__file__).resolve().parents[1]
OLD, NEW = "2024-01-01", "2025-01-01"


def expected(key: dict[str, list]) -> set[tuple[str, str]]:
    """(kind, code) of every change of the key: the old code, the new one for an added item."""
    found = {("removed", c) for c in key["removed"]} | {("added", c) for c in key["added"]}
    found |= {("name", old) for old, _ in key["name"]}
    found |= {(kind, c) for kind in ("category", "basis", "department", "responsibility") for c in key[kind]}
    return found


def observed(changes) -> set[tuple[str, str]]:
    """The same pairs from the diff's changes (one per aspect of a changed or moved item)."""
    found = set()
    for change in changes:
        if change.change in ("removed", "added"):
            found.add((change.change, change.item.code))
        for aspect in change.aspects:
            found.add((aspect.aspect, change.old.code))
    return found


def run(items: int, seed: int, rate: float, work: Path) -> dict:
    first, later = work / f"list-{items}-{seed}.csv", work / f"list-{items}-{seed}-later.csv"
    key_path = work / f"list-{items}-{seed}-later.json"
    if not (first.exists() and later.exists() and key_path.exists()):  # the same seed gives the same lists
        generate(items, seed, first, work / f"list-{items}-{seed}.json")
        write_later_version(first, later, key_path, seed, rate)
    key = json.loads(key_path.read_text(encoding="utf-8"))
    (work / "diff.kg").unlink(missing_ok=True)
    store = EmbeddedStore(work / "diff.kg")
    timings: dict[str, float] = {}
    cpu: dict[str, float] = {}
    for name, path, date in (("load_first", first, OLD), ("load_later", later, NEW)):
        start, start_cpu = time.perf_counter(), time.process_time()
        load_powers(store, [path], date=date)
        timings[name] = round(time.perf_counter() - start, 1)
        cpu[name] = round(time.process_time() - start_cpu, 1)
    governments = sorted({v.government for v in store.list_versions()})
    start, start_cpu = time.perf_counter(), time.process_time()
    changes, unchanged, compared = [], 0, 0
    for government in governments:
        dates = {v.date for v in store.list_versions(government)}
        if {OLD, NEW} <= dates:
            diff = diff_lists(store, government, OLD, NEW)
            changes.extend(diff.changes)
            unchanged += diff.unchanged
            compared += len(diff.old)
    timings["diff"] = round(time.perf_counter() - start, 1)
    cpu["diff"] = round(time.process_time() - start_cpu, 1)
    want, got = expected(key), observed(changes)
    per_kind = {}
    for kind in sorted({k for k, _ in want | got}):
        w = {c for k, c in want if k == kind}
        g = {c for k, c in got if k == kind}
        per_kind[kind] = {"key": len(w), "found": len(w & g), "missed": len(w - g), "false": len(g - w)}
    return {
        "items": items, "seed": seed, "rate": rate, "machine": machine(), "seconds": timings, "cpu_seconds": cpu,
        "governments": len(governments), "items_compared": compared, "unchanged": unchanged,
        "changes": dict(Counter(c.change for c in changes)), "score": per_kind,
        "all_found": all(v["missed"] == 0 for v in per_kind.values()),
        "false": sum(v["false"] for v in per_kind.values()),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_diff", description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rate", type=float, default=0.02)
    parser.add_argument("--work", type=Path, help="folder for the lists and the store (default: a temporary one)")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    if args.work:
        args.work.mkdir(parents=True, exist_ok=True)
        result = run(args.items, args.seed, args.rate, args.work)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            result = run(args.items, args.seed, args.rate, Path(tmp))
    out = args.out or ROOT / "bench" / "results" / f"diff-embedded-{args.items}.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

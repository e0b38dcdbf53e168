"""Score the findings on a synthetic list against its answer key, and time every step.

``python -m bench.score --csv FILE.csv --key KEY.json [--store PATH] [--json OUT]``

Builds a fresh store (the laws the generator used, from the corpus, then the
list; or, with ``--laws-store``, a copy of a store holding laws already, such
as the whole corpus, then the list), reopens it, runs every finding kind and
``check all``, and compares the findings with the key:

- item kinds (orphan, invalid_basis, stale_basis, unaccountable) by 事项编码
  (``item_code``);
- overlaps by the set of item codes of the finding; the overlaps a law itself makes
  (clause overlaps) are scored apart, as ``overlap_law_given``, against the key's list of them;
- vacuums by (government, law without 中华人民共和国, article).

Precision is the share of reported findings of a kind that the key lists,
recall the share of the key's defects of that kind that are reported.  The
JSON result holds the timings, the peak memory of this process (ru_maxrss),
the store size and, per kind, a few missed and spurious examples for diagnosis.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import shutil
import sys
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

from .clause_source import LAWS_DIR

ITEM_KINDS = ("orphan", "invalid_basis", "stale_basis", "unaccountable")
KIND_ARGS = {"orphan": "orphans", "invalid_basis": "invalid", "stale_basis": "stale", "overlap": "overlaps",
             "vacuum": "vacuums", "unaccountable": "unaccountable"}
EXAMPLES = 10


@dataclass
class KindScore:
    kind: str
    expected: int
    reported: int
    true_positives: int
    precision: float
    recall: float
    missed: list[Any] = field(default_factory=list)
    spurious: list[Any] = field(default_factory=list)
    variant_recall: dict[str, float] = field(default_factory=dict)


def _strip_prc(law: str | None) -> str:
    law = law or ""
    return law[len("中华人民共和国"):] if law.startswith("中华人民共和国") else law


def finding_key(kind: str, finding: Any) -> Any:
    """What a finding is matched by (see the module docstring)."""
    if kind in ("overlap", "overlap_law_given"):
        return frozenset(c for c in finding.item_codes if c)
    if kind == "vacuum":
        return (finding.government, _strip_prc(finding.law), finding.article)
    return finding.item_code


def expected_keys(kind: str, key: dict) -> set:
    if kind in ("overlap", "overlap_law_given"):
        return {frozenset(codes) for codes in key.get(kind, ())}
    if kind == "vacuum":
        return {(v["government"], _strip_prc(v["law"]), v["article"]) for v in key["vacuum"]}
    return set(key[kind])


def _plain(value: Any) -> Any:
    if isinstance(value, (frozenset, set)):
        return sorted(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def is_clause_overlap(finding: Any) -> bool:
    """An overlap the law makes (one act given to several sectors), not one a list makes."""
    return any((e.note or "").startswith("条款主体") for e in finding.evidence)


def split_overlaps(findings: dict[str, list]) -> None:
    """Move clause overlaps to their own kind: the key's overlaps are the injected item overlaps."""
    overlaps = findings.get("overlap", [])
    findings["overlap_law_given"] = [f for f in overlaps if is_clause_overlap(f)]
    findings["overlap"] = [f for f in overlaps if not is_clause_overlap(f)]


def score_kind(kind: str, findings: Iterable[Any], key: dict) -> KindScore:
    """Precision and recall of one kind; ``findings`` are :class:`queries.findings.Finding`."""
    expected = expected_keys(kind, key)
    reasons: dict[Any, str] = {}
    for finding in findings:
        reasons.setdefault(finding_key(kind, finding), finding.reason)
    reported = set(reasons)
    hits = reported & expected
    precision = len(hits) / len(reported) if reported else 1.0
    recall = len(hits) / len(expected) if expected else 1.0
    variants: dict[str, float] = {}
    for name, codes in key.get("variants", {}).items():
        if kind in ITEM_KINDS and _variant_kind(name) == kind and codes:
            variants[name] = sum(1 for c in codes if c in reported) / len(codes)
        elif kind == "overlap" and name.startswith("overlap") and codes:
            entries = [e for e in expected if e & set(codes)]
            variants[name] = sum(1 for e in entries if e in reported) / len(entries) if entries else 1.0
    return KindScore(
        kind, len(expected), len(reported), len(hits), round(precision, 4), round(recall, 4),
        missed=[_plain(m) for m in sorted(expected - reported, key=str)[:EXAMPLES]],
        spurious=[{"finding": _plain(s), "reason": reasons[s]} for s in sorted(reported - expected, key=str)[:EXAMPLES]],
        variant_recall=variants,
    )


def _variant_kind(variant: str) -> str:
    if variant in ("no_basis", "article_not_found", "grants_nothing"):
        return "orphan"
    if variant == "normative_only":
        return "invalid_basis"
    if variant in ("stale_quote", "stale_version"):
        return "stale_basis"
    if variant.startswith("unaccountable"):
        return "unaccountable"
    return variant


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb() -> float:
    """Resident memory of this process now, in MB."""
    import psutil

    return psutil.Process().memory_info().rss / 2**20


def _open(args: argparse.Namespace, create: bool = True):
    from kg.backends import open_store

    if args.backend == "embedded":
        return open_store(args.store, backend="embedded", create=create)
    return open_store(backend="neo4j", uri=args.neo4j_uri, user=args.neo4j_user, password=args.neo4j_password,
                      database=args.neo4j_database)


def build(store, csv_path: Path, laws: Sequence[str] | None, laws_dir: Path) -> dict[str, Any]:
    """Load the laws (none when ``laws`` is None: the store holds them), then the list; return timings and load counts."""
    from loaders.powerlists import load_powers
    from loaders.statutes import load_laws

    result: dict[str, Any] = {}
    if laws is not None:
        start, cpu = time.perf_counter(), time.process_time()
        report = load_laws(store, [laws_dir / name for name in laws], extract_clauses=True)
        result["laws_seconds"] = round(time.perf_counter() - start, 3)
        result["laws_cpu_seconds"] = round(time.process_time() - cpu, 3)
        result["laws_errors"] = [str(p) for p in report.errors][:EXAMPLES]
    start, cpu = time.perf_counter(), time.process_time()
    report = load_powers(store, [csv_path])
    result["import_seconds"] = round(time.perf_counter() - start, 3)
    result["import_cpu_seconds"] = round(time.process_time() - cpu, 3)
    result["import_errors"] = [str(p) for p in report.errors][:EXAMPLES]
    result["import_warnings"] = len(report.warnings)
    result["import_warning_examples"] = [str(p) for p in report.warnings][:EXAMPLES]
    result["peak_rss_after_import_mb"] = round(peak_rss_mb(), 1)
    return result


def run_checks(store) -> tuple[dict[str, list], dict[str, float]]:
    """Every finding kind, timed one by one."""
    from queries.report import iter_findings

    findings: dict[str, list] = {}
    seconds: dict[str, float] = {}
    for kind, arg in KIND_ARGS.items():
        start = time.perf_counter()
        findings[kind] = [f for f in iter_findings(store, arg) if f.kind == kind]
        seconds[kind] = round(time.perf_counter() - start, 3)
    return findings, seconds


def check_all_seconds(store) -> tuple[float, dict[str, int]]:
    """``plkg check all --format json`` into /dev/null: the whole user-facing path."""
    from queries.report import run_check

    start = time.perf_counter()
    counts = run_check(store, "all", format="json", output=os.devnull)
    return round(time.perf_counter() - start, 3), dict(counts)


def single_pass(store) -> tuple[dict[str, list], float]:
    """Every finding of ``check all`` (iterated, not written), grouped by kind, and its time."""
    from queries.report import iter_findings

    findings: dict[str, list] = defaultdict(list)
    start = time.perf_counter()
    for finding in iter_findings(store, "all"):
        findings[finding.kind].append(finding)
    return findings, round(time.perf_counter() - start, 3)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.score", description=__doc__.split("\n\n")[0])
    parser.add_argument("--csv", type=Path, required=True)
    parser.add_argument("--key", type=Path, required=True)
    parser.add_argument("--store", type=Path, default=None, help="embedded store file (default: beside the CSV)")
    parser.add_argument("--keep", action="store_true", help="keep an existing store: skip the loads")
    parser.add_argument("--json", type=Path, default=None, help="write the result here")
    parser.add_argument("--laws-dir", type=Path, default=LAWS_DIR)
    parser.add_argument("--laws-store", type=Path, default=None,
                        help="an embedded store holding the laws already (e.g. the whole corpus, `plkg load laws`): "
                             "copied to --store, then only the list is loaded")
    parser.add_argument("--backend", default="embedded", choices=("embedded", "neo4j"))
    parser.add_argument("--neo4j-uri", default=os.environ.get("NEO4J_URI", "bolt://localhost:7687"))
    parser.add_argument("--neo4j-user", default=os.environ.get("NEO4J_USER"))
    parser.add_argument("--neo4j-password", default=os.environ.get("NEO4J_PASSWORD"))
    parser.add_argument("--neo4j-database", default=os.environ.get("NEO4J_DATABASE"))
    parser.add_argument("--no-check-all", action="store_true", help="skip the timed `check all` run")
    parser.add_argument("--single-pass", action="store_true",
                        help="time and score one `check all` pass instead of each kind then `check all`")
    args = parser.parse_args(argv)

    key = json.loads(args.key.read_text(encoding="utf-8"))
    args.store = args.store or args.csv.with_suffix(".kg")
    result: dict[str, Any] = {"csv": str(args.csv), "items": key["meta"]["items"], "seed": key["meta"]["seed"],
                              "backend": args.backend, "governments": key["meta"]["governments"]}
    if args.backend == "embedded" and not args.keep and args.store.exists():
        args.store.unlink()
    result["corpus"] = "reduced" if args.laws_store is None else "whole"
    if args.laws_store is not None and not args.keep:
        if args.backend != "embedded":
            parser.error("--laws-store needs the embedded backend")
        shutil.copyfile(args.laws_store, args.store)
    store = _open(args)
    if not args.keep:
        laws = None if args.laws_store is not None else key["meta"]["laws"]
        result.update(build(store, args.csv, laws, args.laws_dir))
        result["import_rows_per_second"] = round(key["meta"]["items"] / max(result["import_seconds"], 1e-9))
    if args.backend == "embedded":
        store.close()
        del store
        gc.collect()
        result["store_mb"] = round(args.store.stat().st_size / 2**20, 1)
        start, cpu = time.perf_counter(), time.process_time()
        store = _open(args, create=False)
        result["stats"] = store.stats().as_dict()  # answered from the file: the graph is read at first use
        result["open_stats_seconds"] = round(time.perf_counter() - start, 3)
        store.count("PowerItem")  # reads the whole graph: reopen = open + stats + graph read
        result["reopen_seconds"] = round(time.perf_counter() - start, 3)
        result["reopen_cpu_seconds"] = round(time.process_time() - cpu, 3)
        result["rss_after_reopen_mb"] = round(current_rss_mb(), 1)
    else:
        result["stats"] = store.stats().as_dict()
    cpu = time.process_time()
    if args.single_pass:  # the largest sizes: one `check all`, scored from its findings
        findings, result["check_all_seconds"] = single_pass(store)
        result["check_all_cpu_seconds"] = round(time.process_time() - cpu, 3)
        seconds = {}
        result["check_all_counts"] = {k: len(v) for k, v in findings.items()}
    else:
        findings, seconds = run_checks(store)
        result["kinds_cpu_seconds"] = round(time.process_time() - cpu, 3)
        if not args.no_check_all:
            cpu = time.process_time()
            result["check_all_seconds"], result["check_all_counts"] = check_all_seconds(store)
            result["check_all_cpu_seconds"] = round(time.process_time() - cpu, 3)
    result["kind_seconds"] = seconds
    split_overlaps(findings)
    scores = {kind: score_kind(kind, findings[kind], key) for kind in (*KIND_ARGS, "overlap_law_given")}
    result["scores"] = {kind: asdict(s) for kind, s in scores.items()}
    result["peak_rss_mb"] = round(peak_rss_mb(), 1)
    store.close()
    text = json.dumps(result, ensure_ascii=False, indent=1)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text + "\n", encoding="utf-8")
    for kind, s in scores.items():
        print(f"{kind:14} expected {s.expected:7} reported {s.reported:7} precision {s.precision:.4f} recall {s.recall:.4f}"
              f"  {' '.join(f'{k}={v:.3f}' for k, v in s.variant_recall.items())}")
    timing = {k: result.get(k) for k in ("laws_seconds", "import_seconds", "import_cpu_seconds", "open_stats_seconds",
                                         "reopen_seconds",
                                         "reopen_cpu_seconds", "check_all_seconds", "check_all_cpu_seconds",
                                         "peak_rss_mb", "store_mb")}
    print(json.dumps(timing), json.dumps(seconds))
    return 0


if __name__ == "__main__":
    sys.exit(main())

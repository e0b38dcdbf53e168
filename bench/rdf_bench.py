"""Benchmark of the RDF layer on the Karamay lists with the laws they cite.

    python -m bench.rdf_bench [--store PATH] [--out DIR] [--json FILE]

Builds the store when PATH does not exist: the Karamay workbooks are read
once into a scratch store to learn which laws they cite, those laws (every
version in the corpus) are loaded with clause extraction, then the workbooks
again.  Then it times: Turtle export (triples, size), parsing the Turtle with
rdflib and with pyoxigraph, SHACL validation, the SPARQL orphan and overlap
queries on pyoxigraph against the native queries (parity), and import of the
Turtle into a fresh store (equal stats, equal findings).
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def _peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _short(title: str) -> str:
    title = re.sub(r"【.*?】|[《》\s]", "", title)
    title = re.sub(r"[（(].*?[)）]$", "", title)
    return title.removeprefix("中华人民共和国")


def cited_law_files(powers: Path, laws: Path) -> tuple[list[Path], set[str]]:
    """Law files (all versions) whose title a Karamay item cites, and the cited names."""
    from kg.embedded import EmbeddedStore
    from loaders.powerlists import load_powers

    with tempfile.TemporaryDirectory() as folder:
        scratch = EmbeddedStore(Path(folder) / "scratch.kg")
        load_powers(scratch, [powers])
        names = {_short(c.props["law"]) for c in scratch.nodes("Citation") if c.props.get("law")}
    files = [p for p in laws.rglob("*.md") if _short(p.stem.split("(")[0]) in names]
    return sorted(files), names


def build(store_path: Path, powers: Path, laws: Path) -> dict:
    from kg.embedded import EmbeddedStore
    from loaders.powerlists import load_powers
    from loaders.statutes import load_laws

    started = time.perf_counter()
    files, names = cited_law_files(powers, laws)
    store = EmbeddedStore(store_path)
    law_report = load_laws(store, files)
    power_report = load_powers(store, [powers])
    return {
        "cited_law_names": len(names), "law_files": len(files), "laws_loaded": len(law_report.loaded),
        "law_errors": len(law_report.errors), "workbooks": len(power_report.loaded),
        "build_seconds": round(time.perf_counter() - started, 1),
    }


def _timed(fn):
    """``(value, wall seconds)``; the CPU seconds are kept in ``_timed.last_cpu``."""
    started, cpu = time.perf_counter(), time.process_time()
    value = fn()
    _timed.last_cpu = round(time.process_time() - cpu, 2)
    return value, round(time.perf_counter() - started, 2)


def measure(store_path: Path, out: Path) -> dict:
    import pyoxigraph as ox
    import rdflib

    from kg.embedded import EmbeddedStore
    from kg.rdf import export_rdf, import_rdf
    from kg.validate import validate_store
    from queries.orphan import find_orphans
    from queries.overlap import LawDivisions, find_overlaps, overlaps_of_items
    from queries.sparql import load_graph, sparql_orphans, sparql_overlaps

    results: dict = _Results()
    store, results["open_seconds"] = _timed(lambda: EmbeddedStore(store_path))
    results["stats"] = store.stats().as_dict()
    results["nodes"] = sum(store.label_counts().values())
    results["edges"] = store.edge_count()

    ttl = out / "karamay.ttl"
    nt = out / "karamay.nt"
    with open(ttl, "w", encoding="utf-8") as handle:
        results["triples"], results["export_turtle_seconds"] = _timed(lambda: export_rdf(store, handle, format="turtle"))
    results["turtle_mb"] = round(ttl.stat().st_size / 2**20, 1)
    with open(nt, "w", encoding="utf-8") as handle:
        _, results["export_nt_seconds"] = _timed(lambda: export_rdf(store, handle, format="nt"))

    count, results["parse_pyoxigraph_seconds"] = _timed(
        lambda: sum(1 for _ in ox.parse(path=str(ttl), format=ox.RdfFormat.TURTLE)))
    results["parse_pyoxigraph_triples"] = count
    graph, results["parse_rdflib_seconds"] = _timed(lambda: rdflib.Graph().parse(ttl, format="turtle"))
    results["parse_rdflib_triples"] = len(graph)
    del graph

    (conforms, report), results["shacl_seconds"] = _timed(lambda: validate_store(store))
    results["shacl_conforms"] = conforms
    results["shacl_head"] = report.splitlines()[0]
    results["shacl_by_rule"] = [line.strip() for line in report.splitlines()[2:20] if line.startswith("    ")]
    (out / "karamay-shacl.txt").write_text(report, encoding="utf-8")

    oxgraph, results["pyoxigraph_load_seconds"] = _timed(lambda: load_graph(ttl))
    orphans_sparql, results["sparql_orphans_seconds"] = _timed(lambda: sparql_orphans(oxgraph))
    orphans_native, results["native_orphans_seconds"] = _timed(lambda: list(find_orphans(store)))
    results["orphans"] = len(orphans_native)
    results["orphans_parity"] = [o.item_id for o in orphans_sparql] == sorted(f.item_id for f in orphans_native)
    overlaps_sparql, results["sparql_overlaps_seconds"] = _timed(lambda: sparql_overlaps(oxgraph))

    def native_item_overlaps():
        found = []
        divisions = LawDivisions(store)  # as find_overlaps does
        for gov in store.governments():
            found.extend(overlaps_of_items(list(store.item_bases(government=gov["id"])), [], divisions))
        return found

    overlaps_native, results["native_item_overlaps_seconds"] = _timed(native_item_overlaps)
    results["item_overlaps"] = len(overlaps_native)
    results["overlaps_parity"] = sorted((o.government, o.category, o.provision, o.item_ids) for o in overlaps_sparql) == \
        sorted((f.government, f.category, f.provision, tuple(sorted(f.item_ids))) for f in overlaps_native)

    with tempfile.TemporaryDirectory() as folder:
        fresh = EmbeddedStore(Path(folder) / "fresh.kg")
        imported, results["import_turtle_seconds"] = _timed(lambda: import_rdf(fresh, ttl))
        results["import_skipped"] = len(imported.skipped)
        results["round_trip_stats_equal"] = fresh.stats() == store.stats()
        results["round_trip_findings_equal"] = (
            [f.to_json() for f in find_orphans(fresh)] == [f.to_json() for f in orphans_native]
            and [f.to_json() for f in find_overlaps(fresh)] == [f.to_json() for f in find_overlaps(store)]
        )
    results["peak_rss_mb"] = round(_peak_mb())
    return results


class _Results(dict):
    """Records the CPU seconds of the last timed step beside each ``*_seconds`` figure."""

    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        if key.endswith("_seconds") and hasattr(_timed, "last_cpu"):
            super().__setitem__(key.replace("_seconds", "_cpu_seconds"), _timed.last_cpu)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, default=Path(tempfile.gettempdir()) / "plkg-rdf-bench" / "karamay.kg")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "plkg-rdf-bench")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    args.store.parent.mkdir(parents=True, exist_ok=True)
    results = {"date": date.today().isoformat(), "machine": f"{psutil.cpu_count()} cores, "
               f"{round(psutil.virtual_memory().total / 2**30)} GiB, Python {platform.python_version()}"}
    if not args.store.exists():
        results["build"] = build(args.store, CORPUS / "powerlists" / "karamay", CORPUS / "laws")
        print(json.dumps(results["build"], ensure_ascii=False), file=sys.stderr, flush=True)
    results.update(measure(args.store, args.out))
    text = json.dumps(results, ensure_ascii=False, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

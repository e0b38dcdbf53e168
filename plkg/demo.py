"""``plkg demo``: build a fresh store from the bundled demo data and show every kind of finding.

The demo data (``plplkg/demo_data``, shipped in the package) are fictional
statutes and the power list of the fictional 云溪市, written for this
project so that every kind of finding appears.  The store is built with the
real loaders (:func:`loaders.statutes.load_laws`,
:func:`loaders.powerlists.load_powers`) in a temporary file beside
``store_path`` and renamed over it only when complete, so an interrupted demo
leaves the previous demo store intact.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

from kg.errors import UserError

DEMO_GOVERNMENT = "云溪市"
DEMO_DATE = "2024-06-30"
ROWS_PER_KIND = 3


def demo_data() -> Path:
    """The folder of the bundled demo data."""
    return Path(str(resources.files("plkg").joinpath("demo_data")))


def build_demo_store(store_path: str | os.PathLike[str]):
    """Build the demo store at ``store_path`` (replaced atomically); returns it open."""
    from loaders.powerlists import load_powers
    from loaders.statutes import load_laws

    from kg.embedded import EmbeddedStore

    data = demo_data()
    target = Path(store_path)
    if not target.parent.exists():
        raise UserError(f"{target}: folder {target.parent} does not exist")
    fd, tmp_name = tempfile.mkstemp(prefix=target.name + ".", suffix=".building", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()  # the store creates its own file
    try:
        store = EmbeddedStore(tmp)
        laws = load_laws(store, [data / "laws"], extract_clauses=True)
        if laws.errors or not laws.loaded:
            raise UserError(f"demo statutes did not load: {'; '.join(map(str, laws.errors)) or 'nothing loaded'}")
        powers = load_powers(store, [data / "powerlists"], government=DEMO_GOVERNMENT, level="city", date=DEMO_DATE)
        if powers.errors or not powers.loaded:
            raise UserError(f"demo power list did not load: {'; '.join(map(str, powers.errors)) or 'nothing loaded'}")
        store.close()
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return EmbeddedStore(target), laws, powers


def run_demo(store_path: str | os.PathLike[str], *, out: Any, format: str = "table") -> Counter:
    """Build the demo store and print a summary of every kind of finding.

    ``format`` ``table`` prints counts per kind and a few rows of each;
    ``json`` prints every finding as ``plkg check all --format json`` does.
    Returns the count per finding kind.
    """
    from queries.report import KIND_NAMES, KINDS, _emit, iter_findings, run_check, table_line, write_summary

    if format not in ("table", "json"):
        raise UserError(f"--format {format}: use table or json")
    store, laws, powers = build_demo_store(store_path)
    concentrations = demo_data() / "concentrations.csv"
    try:
        if format == "json":
            return run_check(store, "all", government=DEMO_GOVERNMENT, format="json", out=out,
                             concentrations=concentrations)
        stats = store.stats()
        _emit(out, f"Demo store {Path(store_path)}: {stats.law_versions} law versions, {stats.articles} articles, "
                   f"{stats.clauses} authorising clauses; {stats.power_items} power items of "
                   f"{stats.departments} departments of {DEMO_GOVERNMENT}; {stats.citations_resolved} of "
                   f"{stats.citations} citations resolved.")
        counts: Counter = Counter()
        shown: Counter = Counter()
        current = None
        for finding in iter_findings(store, "all", government=DEMO_GOVERNMENT, concentrations=concentrations):
            counts[finding.kind] += 1
            if finding.kind != current:
                current = finding.kind
                _emit(out)
                _emit(out, f"== {KIND_NAMES.get(current, current)} ({current}) ==")
            shown[finding.kind] += 1
            if shown[finding.kind] <= ROWS_PER_KIND:
                _emit(out, "  " + table_line(finding))
            elif shown[finding.kind] == ROWS_PER_KIND + 1:
                _emit(out, "  …")
        _emit(out)
        write_summary(counts, out)
        missing = [k for k in KINDS if not counts.get(k)]
        if missing:
            _emit(out, f"(no findings of kind {', '.join(missing)})")
        _emit(out)
        _emit(out, f"Next: plkg --store {Path(store_path)} check all --format xlsx --output findings.xlsx "
                   f"--concentrations {concentrations}")
        return counts
    finally:
        store.close()

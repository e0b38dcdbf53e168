"""Held-out-like copies of the Karamay workbooks: every form a site publishes loads the same.

``python -m bench.bench_workbook_formats [--laws-store PATH] [--out bench/out/workbook_formats.json]``

From each Karamay workbook it writes, in a temporary folder, the forms of
:func:`tests.workbook_writers.karamay_forms`: the legacy .xls renamed .xlsx (the held-out
failure), a re-save as .xlsx (openpyxl), that .xlsx encrypted with Excel's default read-only
password, an HTML table page saved as .xls (UTF-8 or GB2312), an .ods spreadsheet, and one
GB18030 CSV per sheet (merged cells repeated, and blank as Excel's 'save as CSV' leaves them).  Each form is loaded into its own store (a copy of ``--laws-store`` when given) and
compared with the originals: items per workbook, and the share of citations naming a loaded law
with an article number that resolve (as bench.bench_powerlists counts it).
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from collections import Counter
from pathlib import Path

from kg.embedded import EmbeddedStore
from loaders.powerlists import load_powers
from tests import workbook_writers as w

ROOT = Path(__file__).resolve().parents[1]
KARAMAY = ROOT.parent / "shared" / "corpus" / "powerlists" / "karamay"
NAMED = ("resolved", "article_not_found", "ambiguous")  # a loaded law, an article number


def measure(folder: Path, laws_store: Path | None, tmp: Path, origin: dict[str, str] | None = None) -> dict:
    """Load ``folder`` into a fresh store (a copy of ``laws_store``): items per original workbook, citations."""
    path = tmp / "s.kg"
    if path.exists():
        path.unlink()
    if laws_store:
        shutil.copyfile(laws_store, path)
    store = EmbeddedStore(path)
    start = time.perf_counter()
    report = load_powers(store, [folder])
    seconds = time.perf_counter() - start
    items: Counter[str] = Counter()
    for name, summary in report.details["per_file"].items():
        items[(origin or {}).get(name, name)] += summary["items"]
    statuses = Counter(report.details["citation_status"])
    named = sum(statuses[s] for s in NAMED)
    read_as = Counter(summary.get("read_as", "") for summary in report.details["per_file"].values())
    if laws_store:  # among citations with an article number only, as bench_powerlists counts
        statuses = Counter()
        for item in store.nodes("PowerItem"):
            for edge in store.out_edges(item.id, "BASED_ON"):
                cite = store.get(edge.dst)
                if cite is not None and cite.props.get("article") is not None:
                    statuses[cite.props["status"]] += 1
        named = sum(statuses[s] for s in NAMED)
    store.close()
    return {"seconds": round(seconds, 2), "files": len(report.loaded), "errors": [str(e) for e in report.errors],
            "read_as": dict(read_as), "items": dict(items), "statuses": dict(statuses),
            "resolved_share": round(statuses["resolved"] / named, 4) if laws_store and named else None}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folder", type=Path, default=KARAMAY)
    parser.add_argument("--laws-store", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "workbook_formats.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        origin = w.karamay_forms(args.folder, tmp_path / "forms")
        base = measure(args.folder, args.laws_store, tmp_path)
        result = {"originals": base, "forms": {}}
        for form in sorted(origin):
            got = measure(tmp_path / "forms" / form, args.laws_store, tmp_path, origin[form])
            expected = {name: n for name, n in base["items"].items() if name in set(origin[form].values())}
            got["item_differences"] = {name: (n, got["items"].get(name)) for name, n in expected.items() if got["items"].get(name) != n}
            result["forms"][form] = got
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    for form, got in [("originals", base), *result["forms"].items()]:
        print(f"{form:28} files {got['files']:3}  errors {len(got['errors'])}  items {sum(got['items'].values()):5}  "
              f"differences {len(got.get('item_differences', {}))}  resolved {got['resolved_share']}  {got['seconds']} s  read as {got['read_as']}")


if __name__ == "__main__":
    main()

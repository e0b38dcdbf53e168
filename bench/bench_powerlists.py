"""Power-list import benchmark and acceptance figures on the real Karamay workbooks.

``python -m bench.bench_powerlists [--laws-store PATH] [--out bench/out/powerlists.json]``

1. Loads the 12 Karamay workbooks into an empty store (no laws): time, items per file
   against what the workbooks state.
2. With ``--laws-store`` (a store holding the whole statute corpus, e.g. made by
   ``plkg --store PATH load laws ../shared/corpus/laws --no-clauses``): copies it, loads the
   workbooks into the copy and reports the load time, the citation statuses and the
   resolution rate of citations that name a loaded law with an article number, the quote
   similarity distribution, and ``plkg basis`` write times (jsonl, xlsx).
3. Prints a random sample of resolved citations (``--sample N``) for checking by hand.

Prints one JSON object (and writes it to ``--out``).
"""

from __future__ import annotations

import argparse
import io
import json
import random
import shutil
import tempfile
import time
from collections import Counter
from pathlib import Path

import psutil

from bench.bench_load_laws import machine
from kg.embedded import EmbeddedStore
from loaders.powerlists import load_powers

ROOT = Path(__file__).resolve().parents[1]
KARAMAY = ROOT.parent / "shared" / "corpus" / "powerlists" / "karamay"


def _rss_mb() -> int:
    return round(psutil.Process().memory_info().rss / 2**20)


def load_empty(folder: Path) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        store = EmbeddedStore(Path(tmp) / "p.kg")
        start = time.perf_counter()
        report = load_powers(store, [folder])
        seconds = time.perf_counter() - start
    per_file = {name: {"items": s["items"], "entries": s["entries"], "categories": s["categories"],
                       "sheets": s["sheets"], "skipped": len(s["skipped"])} for name, s in report.details["per_file"].items()}
    return {"seconds": round(seconds, 2), "files": len(report.loaded), "errors": [str(e) for e in report.errors],
            "counts": dict(report.counts), "per_file": per_file}


def load_with_laws(folder: Path, laws_store: Path, sample: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "k.kg"
        shutil.copyfile(laws_store, path)
        start = time.perf_counter()
        store = EmbeddedStore(path)
        opened = time.perf_counter() - start
        start = time.perf_counter()
        report = load_powers(store, [folder])
        loaded = time.perf_counter() - start
        cites = [n for n in store.nodes("Citation") if (src := store.get(n.props.get("source", ""))) and src.label == "PowerItem"]
        statuses = Counter(c.props["status"] for c in cites)
        with_article = [c for c in cites if c.props.get("article") is not None]
        named = [c for c in with_article if c.props["status"] in ("resolved", "article_not_found", "ambiguous")]
        resolved = [c for c in named if c.props["status"] == "resolved"]
        quoted = [c.props["quote_similarity"] for c in resolved if c.props.get("quote_similarity") is not None]
        timings = {}
        from queries.basis import write_bases

        start = time.perf_counter()
        write_bases(store, format="jsonl", out=io.StringIO())
        timings["basis_jsonl_seconds"] = round(time.perf_counter() - start, 2)
        start = time.perf_counter()
        write_bases(store, format="xlsx", output=Path(tmp) / "b.xlsx")
        timings["basis_xlsx_seconds"] = round(time.perf_counter() - start, 2)
        random.seed(20261126)
        picked = random.sample(resolved, min(sample, len(resolved)))
        sample_rows = []
        for c in picked:
            target = store.get(c.props["target"])
            sample_rows.append({"text": c.props["text"], "target": c.props["target"], "quote_similarity": c.props.get("quote_similarity"),
                                "quote": (c.props.get("quote") or "")[:80], "target_text": (target.props.get("text", "") if target else "")[:80]})
        return {
            "open_store_seconds": round(opened, 2), "load_seconds": round(loaded, 2), "rss_mb_after": _rss_mb(),
            "citations": len(cites), "statuses": dict(statuses),
            "with_article_of_a_loaded_law": len(named), "resolved": len(resolved),
            "resolved_share": round(len(resolved) / len(named), 4) if named else None,
            "quoted_resolved": len(quoted), "quote_similarity_ge_0_8": sum(s >= 0.8 for s in quoted),
            "quote_best_match_flagged": sum(1 for c in resolved if c.props.get("quote_best_match")),
            **timings, "sample": sample_rows,
        }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folder", type=Path, default=KARAMAY)
    parser.add_argument("--laws-store", type=Path)
    parser.add_argument("--sample", type=int, default=100)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "powerlists.json")
    args = parser.parse_args()
    result = {"machine": machine(), "empty_store": load_empty(args.folder)}
    if args.laws_store:
        result["with_laws"] = load_with_laws(args.folder, args.laws_store, args.sample)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps({k: v for k, v in result.items()}, ensure_ascii=False, indent=1)[:6000])


if __name__ == "__main__":
    main()

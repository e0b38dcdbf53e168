"""Throughput of clause extraction over the whole statute corpus, against jieba alone.

    python -m bench.bench_extraction [--laws ../shared/corpus/laws] [--limit N] [--segmenter char|jieba|both]

Every statute file is parsed with ``loaders.statutes.parse_file`` (not timed:
parsing is the statute loader's step); then, file by file in the same run,
``jieba.lcut`` over each article's text and ``extract_clauses`` over the
file's provisions are timed, in wall and in CPU seconds of this process (on a shared
machine the CPU figure is the steadier one).  Prints characters, clauses, chars/s of
each and the ratio extraction time / jieba time (the target is <= 1.5), and the load
average at the start and the end.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAWS = ROOT.parent / "shared" / "corpus" / "laws"


def statute_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.md") if not p.name.startswith("_") and p.name != "法律法规模版.md")


def main(argv: list[str] | None = None) -> int:
    import jieba

    from kg.model import ProvisionKind
    from loaders.nlp.extract import extract_clauses, get_pipeline
    from loaders.nlp.prefilter import might_grant
    from loaders.statutes import parse_file

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--laws", type=Path, default=LAWS)
    parser.add_argument("--limit", type=int, default=0, help="only the first N files (a quick run)")
    parser.add_argument("--segmenter", choices=["char", "jieba", "both"], default="both")
    args = parser.parse_args(argv)

    segmenters = ["char", "jieba"] if args.segmenter == "both" else [args.segmenter]
    jieba.setLogLevel(60)
    jieba.lcut("预热分词词典")  # dictionary load is not segmentation
    for name in segmenters:
        get_pipeline(name)
    files = statute_files(args.laws)
    if args.limit:
        files = files[: args.limit]
    chars = articles = passed = 0
    clauses = {name: 0 for name in segmenters}
    t_jieba = c_jieba = 0.0
    t_extract = {name: 0.0 for name in segmenters}
    c_extract = {name: 0.0 for name in segmenters}
    load_start = os.getloadavg()
    skipped = 0
    gc.disable()  # collections triggered by one step would be billed to another
    for file in files:
        try:
            parsed = parse_file(file)
        except Exception:
            skipped += 1
            continue
        texts = [p.text for p in parsed.provisions if p.kind is ProvisionKind.ARTICLE and p.text]
        chars += sum(map(len, texts))
        articles += len(texts)
        passed += sum(1 for t in texts if might_grant(t))
        start, cpu = time.perf_counter(), time.process_time()
        for text in texts:
            jieba.lcut(text)
        t_jieba += time.perf_counter() - start
        c_jieba += time.process_time() - cpu
        for name in segmenters:
            start, cpu = time.perf_counter(), time.process_time()
            clauses[name] += len(extract_clauses(parsed.version, parsed.provisions, segmenter=name))
            t_extract[name] += time.perf_counter() - start
            c_extract[name] += time.process_time() - cpu
        gc.collect()
    gc.enable()
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}")
    print(f"files: {len(files) - skipped} parsed ({skipped} skipped), articles: {articles}, characters: {chars:,}")
    print(f"pre-filter passes {passed / max(articles, 1):.1%} of articles to the pipeline")
    print("load average: start {:.2f} {:.2f} {:.2f}, end {:.2f} {:.2f} {:.2f}".format(*load_start, *os.getloadavg()))
    print(f"jieba.lcut alone:            {t_jieba:7.1f} s wall {c_jieba:7.1f} s CPU  {chars / c_jieba:12,.0f} chars/CPU s")
    for name in segmenters:
        t, c = t_extract[name], c_extract[name]
        print(f"extraction ({name:5} segmenter): {t:7.1f} s wall {c:7.1f} s CPU  {chars / c:12,.0f} chars/CPU s  "
              f"{clauses[name]:,} clauses  ratio to jieba {t / t_jieba:.2f} wall, {c / c_jieba:.2f} CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

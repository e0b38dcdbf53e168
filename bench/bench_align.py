"""Article alignment over the corpus: how many articles of each older version the next version holds, and how.

``python -m bench.bench_align [--laws ../shared/corpus/laws] [--sample N] [--how contained] [--seed 1] [--out FILE.json]``

1. Finds every law with several versions in the corpus (files ``title(YYYY-MM-DD).md`` in one folder) and parses
   each version (:func:`loaders.statutes.build.parse_file`).
2. Aligns the articles of each pair of consecutive versions (:func:`loaders.statutes.align.align_articles`) and
   counts the pairs by how they were found (same text, similar, contained, moved); times the alignment alone
   (CPU seconds).
3. ``--sample N`` prints N random pairs found ``--how`` (both texts, cut to 300 characters) for judging by hand.

Prints one JSON object (and writes it to ``--out`` when given).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from kg.errors import UserError
from loaders.statutes.align import align_articles
from loaders.statutes.build import parse_file

ROOT = Path(__file__).resolve().parents[1]
_VERSIONED = re.compile(r"(.+)\((\d{4}-\d{2}-\d{2})\)$")


def version_pairs(laws: Path) -> list[tuple[str, str, str, list, list]]:
    """(title, older date, newer date, older articles, newer articles) of each consecutive pair of versions."""
    groups: dict[tuple[Path, str], list[tuple[str, Path]]] = defaultdict(list)
    for path in sorted(laws.rglob("*.md")):
        match = _VERSIONED.match(path.stem)
        if match:
            groups[path.parent, match.group(1)].append((match.group(2), path))
    pairs = []
    for (_, title), versions in sorted(groups.items()):
        if len(versions) < 2:
            continue
        texts = []
        for date, path in sorted(versions):
            try:
                parsed = parse_file(path)
            except UserError:
                continue  # not a statute text (an index page): the corpus load skips it too
            articles = sorted(parsed.articles, key=lambda a: a.order)
            texts.append((date, [(f"{a.article}" + (f"之{a.article_suffix}" if a.article_suffix else ""), a.text)
                                 for a in articles]))
        pairs.extend((title, a[0], b[0], a[1], b[1]) for a, b in zip(texts, texts[1:]))
    return pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--laws", type=Path, default=ROOT.parent / "shared" / "corpus" / "laws")
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--how", default="contained", choices=("same", "similar", "contained", "moved"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    if not args.laws.is_dir():
        print(f"{args.laws}: no such folder of laws", file=sys.stderr)
        return 2
    pairs = version_pairs(args.laws)
    hows: Counter = Counter()
    found = []
    start = time.process_time()
    aligned = [(p, align_articles(p[3], p[4])) for p in pairs]
    cpu = time.process_time() - start
    for (title, older, newer, old, new), result in aligned:
        texts_old, texts_new = dict(old), dict(new)
        for a in result:
            hows[a.how] += 1
            if a.how == args.how:
                found.append((title, older, a.old, texts_old[a.old], newer, a.new, texts_new[a.new], a.similarity))
    summary = {
        "version_pairs": len(pairs), "older_articles": sum(len(p[3]) for p in pairs),
        "aligned": sum(hows.values()), "by_how": dict(hows), "align_cpu_s": round(cpu, 2),
    }
    print(json.dumps(summary, ensure_ascii=False))
    if args.out:
        args.out.write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    for title, older, a, text_a, newer, b, text_b, sim in random.Random(args.seed).sample(found, min(args.sample, len(found))):
        print(f"\n## {title} {older} art. {a} -> {newer} art. {b} ({args.how}, similarity {sim})")
        print("  old:", text_a.replace("\n", " ")[:300])
        print("  new:", text_b.replace("\n", " ")[:300])
    return 0


if __name__ == "__main__":
    sys.exit(main())

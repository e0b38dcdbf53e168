"""A random sample of extracted (article, category, subject) entries from laws no gold part holds, for judging by hand.

    python -m bench.precision_sample DUMP.jsonl --seed 12 --n 200 --cache PARSED.pickle > sample.tsv
    python -m bench.precision_sample DUMP.jsonl --seed 21 --n 100 --exclude-from judged.tsv ...

``DUMP.jsonl`` is ``python -m bench.dump_clauses`` output.  Kept: files of rank 法律, 行政法规, 地方性法规,
部门规章 (by folder), whose law is in no gold part (``tests/gold/articles.jsonl``, ``dev/``, ``unseen/``: every version
of the same title is dropped) and whose file name names none of the held-out texts (``bench.heldout``, dropped by file name
before anything is read).  Entries are deduplicated on (file, article, article_suffix, category, subject) and sorted
before sampling, so a seed gives the same sample for the same dump.  Each row prints the entry and its whole article.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from pathlib import Path

from bench.heldout import gold_titles, held_out
from bench.heldout import law_title as title

LAW_FOLDERS = ("宪法相关法", "民法商法", "民法典", "行政法", "经济法", "社会法", "刑法", "诉讼与非诉讼程序法")


def rank(file: str) -> str | None:
    top = file.split("/", 1)[0]
    if top in LAW_FOLDERS:
        return "法律"
    if top == "行政法规":
        return "行政法规"
    if top == "部门规章":
        return "部门规章"
    if top == "DLC" and "/地方性法规/" in file:
        return "地方性法规"
    return None


def kept(file: str, gold: set[str]) -> bool:
    if held_out(file):
        return False
    return rank(file) is not None and title(file) not in gold


def entries(dump: Path) -> dict[tuple, dict]:
    gold = gold_titles()
    found: dict[tuple, dict] = {}
    with dump.open(encoding="utf-8") as handle:
        for line in handle:
            file = line[line.index('"file": "') + 9:].split('"', 1)[0]
            if not kept(file, gold):
                continue  # not parsed: a blind text's line is never read further
            record = json.loads(line)
            key = (file, record["article"], record["article_suffix"], record["category"], record["subject"])
            found.setdefault(key, record)
    return found


def article_texts(cache: Path, files: set[str]) -> dict[tuple, str]:
    import pickle
    with cache.open("rb") as handle:
        _laws, _limit, parsed = pickle.load(handle)
    texts = {}
    for name, statute in parsed:
        if name not in files:
            continue
        for p in statute.provisions:
            if p.kind.value == "条":
                texts.setdefault((name, p.article, p.article_suffix), p.text)
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dump", type=Path)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--cache", type=Path, help="parsed-corpus pickle of bench.dump_clauses, for the article texts")
    parser.add_argument("--exclude-from", type=Path, action="append", default=[],
                        help="a judged table (TSV with file, article, category, subject): its entries are not drawn")
    args = parser.parse_args(argv)
    if not args.dump.exists():
        raise SystemExit(f"{args.dump}: no such dump (python -m bench.dump_clauses OUT first)")
    found = entries(args.dump)
    excluded = set()
    for path in args.exclude_from:
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader((l for l in handle if not l.startswith("#")), delimiter="\t"):
                excluded.add((row["file"], int(row["article"].split("之")[0]), row["category"], row["subject"]))
    keys = sorted(k for k in found if (k[0], k[1], k[3], k[4]) not in excluded)
    sample = random.Random(args.seed).sample(keys, min(args.n, len(keys)))
    texts = article_texts(args.cache, {k[0] for k in sample}) if args.cache else {}
    print(f"# {len(found):,} entries in scope, {len(keys):,} drawable, seed {args.seed}, n {len(sample)}", file=sys.stderr)
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["n", "file", "article", "category", "subject", "construction", "actions", "clause_text", "article_text"])
    for n, key in enumerate(sample, start=1):
        r = found[key]
        art = texts.get((key[0], key[1], key[2]), "").replace("\n", " / ")
        out.writerow([n, key[0], key[1] if not key[2] else f"{key[1]}之{key[2]}", key[3], key[4], r["construction"],
                      "、".join(r["actions"]), r["text"].replace("\n", " / "), art])
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except BrokenPipeError:  # the reader (head, less) stopped early: nothing to report
        sys.stderr.close()
        raise SystemExit(0)

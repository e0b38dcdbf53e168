"""Entries lost and gained between two ``bench.dump_clauses`` outputs, on the laws ``bench.precision_sample`` keeps.

    python -m bench.clause_diff BEFORE.jsonl AFTER.jsonl [--sample 25 --seed 5] [--cache PARSED.pickle]

An entry is (file, article, category, subject), as in the precision sample; blind texts are dropped by file name
before a line is parsed.  Prints the counts by category and by the construction of the entry, and a random sample
of the lost entries with their clause text for judging by hand.
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
from pathlib import Path

from bench.precision_sample import entries


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--sample", type=int, default=0, help="print this many lost entries drawn at random")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args(argv)
    for path in (args.before, args.after):
        if not path.exists():
            raise SystemExit(f"{path}: no such dump (python -m bench.dump_clauses OUT first)")
    before, after = entries(args.before), entries(args.after)
    lost = sorted(set(before) - set(after))
    gained = sorted(set(after) - set(before))
    print(f"entries {len(before):,} -> {len(after):,}: {len(lost):,} lost, {len(gained):,} gained")
    for name, keys, records in (("lost", lost, before), ("gained", gained, after)):
        by_cat = collections.Counter(k[3] for k in keys)
        by_con = collections.Counter(records[k]["construction"] for k in keys)
        print(f"{name} by category: " + ", ".join(f"{c} {n}" for c, n in by_cat.most_common()))
        print(f"{name} by construction: " + ", ".join(f"{c} {n}" for c, n in by_con.most_common(12)))
    if args.sample:
        for n, key in enumerate(random.Random(args.seed).sample(lost, min(args.sample, len(lost))), start=1):
            r = before[key]
            title = key[0].rsplit("/", 1)[-1]
            print(f"{n}\t{title}\t{key[1]}\t{key[3]}\t{key[4]}\t{r['construction']}\t{r['text'][:160]}")
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except BrokenPipeError:  # the reader (head, less) stopped early: nothing to report
        sys.stderr.close()
        raise SystemExit(0)

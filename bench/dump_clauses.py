"""Every clause the extractor finds in the statute corpus, one JSON line each, for diffing two versions.

    python -m bench.dump_clauses OUT.jsonl [--laws ../shared/corpus/laws] [--limit N] [--cache PARSED.pickle]
    diff <(python -m bench.dump_clauses /dev/stdout) before.jsonl

A speed change to ``loaders.nlp`` must leave this output byte for byte the same:
each line holds the file and every field of the :class:`kg.model.AuthorisingClause`
(provision id, law, version, article, paragraph, item, category, subject, level,
sector, modality, actions, triggers, amounts, text, construction).  ``--cache``
keeps the parsed statutes in a pickle (parsing is the statute loader's step, and
the slowest part of a dump), written when the file is absent, read when present.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import pickle
import sys
from enum import Enum
from pathlib import Path

from bench.bench_extraction import LAWS, statute_files


def _plain(value):
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def parsed_corpus(laws: Path, limit: int = 0, cache: Path | None = None) -> list[tuple[str, object]]:
    """(file name relative to ``laws``, ParsedStatute) of every statute file that parses, in file order."""
    from loaders.statutes import parse_file

    if cache is not None and cache.exists():
        with cache.open("rb") as handle:
            stored_laws, stored_limit, parsed = pickle.load(handle)
        if (stored_laws, stored_limit) != (str(laws.resolve()), limit):
            raise SystemExit(f"{cache}: made for {stored_laws} --limit {stored_limit}; remove it or pass another")
        return parsed
    files = statute_files(laws)
    if limit:
        files = files[:limit]
    parsed = []
    for file in files:
        try:
            parsed.append((str(file.relative_to(laws)), parse_file(file)))
        except Exception:  # not a statute (the benchmark skips the same files)
            continue
    if cache is not None:
        with cache.open("wb") as handle:
            pickle.dump((str(laws.resolve()), limit, parsed), handle, protocol=pickle.HIGHEST_PROTOCOL)
    return parsed


def main(argv: list[str] | None = None) -> int:
    from loaders.nlp.extract import extract_clauses

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--laws", type=Path, default=LAWS)
    parser.add_argument("--limit", type=int, default=0, help="only the first N files")
    parser.add_argument("--cache", type=Path, help="pickle of the parsed statutes (written if absent)")
    args = parser.parse_args(argv)
    count = 0
    with args.out.open("w", encoding="utf-8") as out:
        for name, parsed in parsed_corpus(args.laws, args.limit, args.cache):
            for clause in extract_clauses(parsed.version, parsed.provisions):
                record = {"file": name}
                record.update({f.name: _plain(getattr(clause, f.name)) for f in dataclasses.fields(clause)})
                out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
                count += 1
    print(f"{count:,} clauses -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

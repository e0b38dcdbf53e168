"""Score clause extraction against the hand-annotated gold set (tests/gold/articles.jsonl).

    python -m bench.eval_extraction [--gold tests/gold/articles.jsonl] [--laws ../shared/corpus/laws] [--errors]

Prints precision, recall and F1 per category and overall on (article, category)
pairs, and subject accuracy on matched pairs: a matched pair counts as right
when the set of subjects extracted for it equals the annotated set.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kg.model import CATEGORY_NAMES

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "articles.jsonl"
LAWS = ROOT.parent / "shared" / "corpus" / "laws"


@dataclass
class Scores:
    tp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fn: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    subject_right: int = 0
    subject_total: int = 0
    errors: list[str] = field(default_factory=list)

    def prf(self, category: str | None = None) -> tuple[float, float, float]:
        cats = [category] if category else list(set(self.tp) | set(self.fp) | set(self.fn))
        tp = sum(self.tp[c] for c in cats)
        fp = sum(self.fp[c] for c in cats)
        fn = sum(self.fn[c] for c in cats)
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    @property
    def subject_accuracy(self) -> float:
        return self.subject_right / self.subject_total if self.subject_total else 1.0


def load_gold(path: Path = GOLD) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def predicted_by_article(path: Path) -> dict[int, dict[str, set[str]]]:
    from loaders.nlp import extract_clauses
    from loaders.statutes import parse_file

    parsed = parse_file(path)
    found: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for clause in extract_clauses(parsed.version, list(parsed.provisions)):
        if clause.article_suffix:
            continue
        found[clause.article][clause.category.value].add(clause.subject)
    return found


def evaluate(gold: list[dict], laws_dir: Path = LAWS) -> Scores:
    scores = Scores()
    by_file: dict[str, list[dict]] = defaultdict(list)
    for record in gold:
        by_file[record["file"]].append(record)
    for file, records in by_file.items():
        predicted = predicted_by_article(laws_dir / file)
        for record in records:
            article = record["article"]
            want: dict[str, set[str]] = defaultdict(set)
            for clause in record["clauses"]:
                want[clause["category"]].add(clause["subject"])
            got = predicted.get(article, {})
            for category in set(want) | set(got):
                if category in want and category in got:
                    scores.tp[category] += 1
                    scores.subject_total += 1
                    if want[category] == got[category]:
                        scores.subject_right += 1
                    else:
                        scores.errors.append(f"SUBJ {record['law']} {article} {category}: "
                                             f"gold {sorted(want[category])} got {sorted(got[category])}")
                elif category in want:
                    scores.fn[category] += 1
                    scores.errors.append(f"FN   {record['law']} {article} {category} {sorted(want[category])}")
                else:
                    scores.fp[category] += 1
                    scores.errors.append(f"FP   {record['law']} {article} {category} {sorted(got[category])}")
    return scores


def report(scores: Scores, out=sys.stdout) -> None:
    out.write(f"{'category':<8}  {'P':>5}  {'R':>5}  {'F1':>5}  {'tp':>4} {'fp':>4} {'fn':>4}\n")
    for category in CATEGORY_NAMES:
        if not (scores.tp[category] or scores.fp[category] or scores.fn[category]):
            continue
        p, r, f = scores.prf(category)
        out.write(f"{category:<8}  {p:5.3f}  {r:5.3f}  {f:5.3f}  {scores.tp[category]:>4} "
                  f"{scores.fp[category]:>4} {scores.fn[category]:>4}\n")
    p, r, f = scores.prf()
    out.write(f"{'overall':<8}  {p:5.3f}  {r:5.3f}  {f:5.3f}\n")
    out.write(f"subject exact match on matched pairs: {scores.subject_accuracy:.3f} "
              f"({scores.subject_right}/{scores.subject_total})\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--laws", type=Path, default=LAWS)
    parser.add_argument("--errors", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    gold = load_gold(args.gold)
    scores = evaluate(gold, args.laws)
    print(f"gold: {len(gold)} articles, {len({g['law'] for g in gold})} laws")
    report(scores)
    if args.errors:
        print("\n".join(scores.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

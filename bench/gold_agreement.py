"""How far two annotations of the same laws agree (inter-annotator agreement of the gold set).

    python -m bench.gold_agreement A B [--law NAME ...] [--disagreements] [--json FILE]

A and B are gold files or folders of them in the format of ``tests/gold/README.md`` (one JSON object per
article).  Laws are matched by their ``law`` title; a folder pair compares the laws both hold (B is usually the
second annotation of a few of A's laws: ``python -m bench.gold_agreement tests/gold/dev tests/gold/second``).

Per law and pooled:

- **pairs**: (article, category) pairs of B scored against A as precision, recall and F1 (A is the reference,
  so P is the share of B's pairs A has, R the share of A's pairs B has; F1 is symmetric);
- **kappa**: Cohen's kappa over the article x category decisions (every article both annotate, times the ten
  categories of ``kg.model.CATEGORY_NAMES``; a decision is "this article grants a power of this category");
- **subject**: exact match of the subject sets on the pairs both have (the measure ``bench.eval_extraction``
  applies to the extractor);
- **modality**: agreement of the modality on the entries both have with the same (article, category, subject);
- **disagreements**: every pair one annotation has and the other lacks, and every subject set that differs.

An article one side annotates and the other lacks is not scored: it is counted (``only_a`` / ``only_b``
articles) and listed, since it says an annotation is incomplete rather than that the two disagree.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bench.eval_extraction import load_gold
from kg.model import CATEGORY_NAMES

# (article, 之X suffix)
ArticleKey = tuple[int, int]


@dataclass(frozen=True)
class Entry:
    category: str
    subject: str
    modality: str | None


@dataclass(frozen=True)
class Disagreement:
    """One decision the two annotations take apart.  ``kind``: ``a_only`` (a pair only A has), ``b_only``
    (only B), ``subject`` (both have the pair, with other subject sets)."""

    law: str
    article: int
    suffix: int
    category: str
    kind: str
    a_subjects: tuple[str, ...]
    b_subjects: tuple[str, ...]

    @property
    def where(self) -> str:
        return f"{self.article}" + (f"之{self.suffix}" if self.suffix else "")

    def line(self) -> str:
        name = self.law.removeprefix("中华人民共和国")
        return (f"{self.kind:<8} {name} art. {self.where} {self.category}: "
                f"A {list(self.a_subjects)} B {list(self.b_subjects)}")


@dataclass
class Agreement:
    """The agreement of two annotations of one law (or of several, pooled by ``add``)."""

    articles: int = 0
    both: int = 0          # (article, category) pairs both annotations have
    a_only: int = 0
    b_only: int = 0
    subject_right: int = 0
    modality_right: int = 0
    modality_total: int = 0
    only_a_articles: list[str] = field(default_factory=list)
    only_b_articles: list[str] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)
    modality_differences: list[str] = field(default_factory=list)   # not scored: they document the entry

    @property
    def decisions(self) -> int:
        return self.articles * len(CATEGORY_NAMES)

    @property
    def precision(self) -> float:
        """Share of B's pairs that A has."""
        return self.both / (self.both + self.b_only) if self.both + self.b_only else 1.0

    @property
    def recall(self) -> float:
        """Share of A's pairs that B has."""
        return self.both / (self.both + self.a_only) if self.both + self.a_only else 1.0

    @property
    def f1(self) -> float:
        total = 2 * self.both + self.a_only + self.b_only
        return 2 * self.both / total if total else 1.0

    @property
    def kappa(self) -> float:
        """Cohen's kappa over the article x category yes/no decisions.  1.0 when both annotations agree on every
        decision (also when neither has a pair); 0.0 when the chance agreement is already total but they differ."""
        n = self.decisions
        if not n:
            return 1.0
        disagree = self.a_only + self.b_only
        observed = 1 - disagree / n
        p_a = (self.both + self.a_only) / n
        p_b = (self.both + self.b_only) / n
        expected = p_a * p_b + (1 - p_a) * (1 - p_b)
        if expected == 1.0:
            return 1.0 if not disagree else 0.0
        return (observed - expected) / (1 - expected)

    @property
    def subject_accuracy(self) -> float:
        return self.subject_right / self.both if self.both else 1.0

    @property
    def modality_accuracy(self) -> float:
        return self.modality_right / self.modality_total if self.modality_total else 1.0

    def add(self, other: "Agreement") -> None:
        for name in ("articles", "both", "a_only", "b_only", "subject_right", "modality_right", "modality_total"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.only_a_articles.extend(other.only_a_articles)
        self.only_b_articles.extend(other.only_b_articles)
        self.disagreements.extend(other.disagreements)
        self.modality_differences.extend(other.modality_differences)

    def summary(self) -> dict:
        return {"articles": self.articles, "pairs_a": self.both + self.a_only, "pairs_b": self.both + self.b_only,
                "both": self.both, "a_only": self.a_only, "b_only": self.b_only,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "kappa": round(self.kappa, 4), "subject_accuracy": round(self.subject_accuracy, 4),
                "subject_right": self.subject_right, "modality_accuracy": round(self.modality_accuracy, 4),
                "modality_right": self.modality_right, "modality_total": self.modality_total,
                "only_a_articles": self.only_a_articles, "only_b_articles": self.only_b_articles}


def read_annotation(path: Path) -> dict[str, dict[ArticleKey, list[Entry]]]:
    """law title -> article -> entries, of a gold file or of every ``*.jsonl`` of a folder (not recursive).
    A record without law, article or clauses, a clause without category or subject, a category that is none of
    the ten, or an article annotated twice is an error naming the file and the article."""
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    if not files or not all(f.is_file() for f in files):
        raise SystemExit(f"{path}: no gold file (*.jsonl) there")
    laws: dict[str, dict[ArticleKey, list[Entry]]] = defaultdict(dict)
    for file in files:
        for record in load_gold(file):
            try:
                law, article, clauses = record["law"], int(record["article"]), record["clauses"]
            except (KeyError, TypeError, ValueError):
                raise SystemExit(f"{file}: a record lacks law, article or clauses: {str(record)[:120]}") from None
            key = (article, int(record.get("article_suffix") or 0))
            where = f"{file}: {law} art. {article}"
            if key in laws[law]:
                raise SystemExit(f"{where}: annotated twice")
            entries = []
            for clause in clauses:
                if not isinstance(clause, dict) or "category" not in clause or "subject" not in clause:
                    raise SystemExit(f"{where}: a clause lacks category or subject: {clause}")
                if clause["category"] not in CATEGORY_NAMES:
                    raise SystemExit(f"{where}: category {clause['category']!r} is none of {CATEGORY_NAMES}")
                entries.append(Entry(clause["category"], clause["subject"], clause.get("modality")))
            laws[law][key] = entries
    return dict(laws)


def compare_law(law: str, a: dict[ArticleKey, list[Entry]], b: dict[ArticleKey, list[Entry]]) -> Agreement:
    """The agreement of B with A on one law's articles (those both annotate)."""
    result = Agreement()
    for key in sorted(set(a) | set(b)):
        where = f"{law.removeprefix('中华人民共和国')} art. {key[0]}" + (f"之{key[1]}" if key[1] else "")
        if key not in b:
            result.only_a_articles.append(where)
            continue
        if key not in a:
            result.only_b_articles.append(where)
            continue
        result.articles += 1
        subjects_a: dict[str, set[str]] = defaultdict(set)
        subjects_b: dict[str, set[str]] = defaultdict(set)
        for entry in a[key]:
            subjects_a[entry.category].add(entry.subject)
        for entry in b[key]:
            subjects_b[entry.category].add(entry.subject)
        for category in CATEGORY_NAMES:
            in_a, in_b = category in subjects_a, category in subjects_b
            if not (in_a or in_b):
                continue
            kind = None
            if in_a and in_b:
                result.both += 1
                if subjects_a[category] == subjects_b[category]:
                    result.subject_right += 1
                else:
                    kind = "subject"
            elif in_a:
                result.a_only += 1
                kind = "a_only"
            else:
                result.b_only += 1
                kind = "b_only"
            if kind:
                result.disagreements.append(Disagreement(
                    law, key[0], key[1], category, kind,
                    tuple(sorted(subjects_a.get(category, ()))), tuple(sorted(subjects_b.get(category, ())))))
        modal_a = {(e.category, e.subject): e.modality for e in a[key]}
        modal_b = {(e.category, e.subject): e.modality for e in b[key]}
        for entry_key in sorted(set(modal_a) & set(modal_b)):
            result.modality_total += 1
            if modal_a[entry_key] == modal_b[entry_key]:
                result.modality_right += 1
            else:
                result.modality_differences.append(f"{where} {entry_key[0]} {entry_key[1]}: "
                                                   f"A {modal_a[entry_key]} B {modal_b[entry_key]}")
    return result


def compare(a: dict[str, dict[ArticleKey, list[Entry]]], b: dict[str, dict[ArticleKey, list[Entry]]],
            laws: list[str] | None = None) -> dict[str, Agreement]:
    """law -> agreement, over the laws both annotations hold (or those of ``laws``, matched with or without the
    中华人民共和国 prefix; a law either lacks is an error)."""
    def short(name: str) -> str:
        return name.removeprefix("中华人民共和国")

    common = sorted(set(a) & set(b))
    if laws:
        wanted = {short(name) for name in laws}
        missing = wanted - {short(name) for name in common}
        if missing:
            raise SystemExit(f"not in both annotations: {', '.join(sorted(missing))}")
        common = [law for law in common if short(law) in wanted]
    if not common:
        raise SystemExit("the two annotations hold no law in common")
    return {law: compare_law(law, a[law], b[law]) for law in common}


def pooled(by_law: dict[str, Agreement]) -> Agreement:
    total = Agreement()
    for agreement in by_law.values():
        total.add(agreement)
    return total


def report(by_law: dict[str, Agreement], out=None, disagreements: bool = False) -> None:
    out = out or sys.stdout
    header = (f"{'law':<22} {'arts':>4} {'A':>4} {'B':>4} {'both':>4} {'P':>6} {'R':>6} {'F1':>6} "
              f"{'kappa':>6} {'subject':>11} {'modality':>11}\n")
    out.write(header)
    rows = list(by_law.items()) + ([("pooled", pooled(by_law))] if len(by_law) > 1 else [])
    for law, g in rows:
        subject = f"{g.subject_accuracy:.3f} {g.subject_right}/{g.both}"
        modality = f"{g.modality_accuracy:.3f} {g.modality_right}/{g.modality_total}"
        out.write(f"{law.removeprefix('中华人民共和国'):<22} {g.articles:>4} {g.both + g.a_only:>4} "
                  f"{g.both + g.b_only:>4} {g.both:>4} {g.precision:6.3f} {g.recall:6.3f} {g.f1:6.3f} "
                  f"{g.kappa:6.3f} {subject:>11} {modality:>11}\n")
    total = pooled(by_law)
    for label, missing in (("only in A", total.only_a_articles), ("only in B", total.only_b_articles)):
        if missing:
            out.write(f"articles {label} (not scored): {', '.join(missing)}\n")
    if disagreements:
        for item in total.disagreements:
            out.write(item.line() + "\n")
        for line in total.modality_differences:
            out.write(f"modality {line}\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], epilog=__doc__.split("\n\n", 1)[1],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("a", type=Path, help="first annotation (the reference): a gold file or folder")
    parser.add_argument("b", type=Path, help="second annotation: a gold file or folder")
    parser.add_argument("--law", action="append", help="only this law (repeatable; with or without 中华人民共和国)")
    parser.add_argument("--disagreements", action="store_true", help="list every disagreement")
    parser.add_argument("--json", type=Path, help="also write the figures and disagreements as JSON here")
    args = parser.parse_args(argv)
    by_law = compare(read_annotation(args.a), read_annotation(args.b), args.law)
    report(by_law, disagreements=args.disagreements)
    if args.json:
        payload = {"a": str(args.a), "b": str(args.b),
                   "laws": {law: g.summary() for law, g in by_law.items()},
                   "pooled": pooled(by_law).summary(),
                   "disagreements": [asdict(d) for d in pooled(by_law).disagreements],
                   "modality_differences": pooled(by_law).modality_differences}
        args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

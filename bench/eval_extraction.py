"""Score clause extraction against the hand-annotated gold set, and against what real power lists claim.

    python -m bench.eval_extraction [--gold-dir tests/gold] [--laws ../shared/corpus/laws] [--errors]
                                    [--lists [DIR]] [--store STORE]

Gold set: ``tests/gold/articles.jsonl`` (part ``main``), ``tests/gold/dev/*.jsonl``
(part ``dev``), ``tests/gold/unseen/*.jsonl`` (part ``unseen``: laws annotated and not yet tuned on) and
``tests/gold/blind/*.jsonl`` (part ``blind``, when present).
Prints, for each part and each law, precision, recall and F1 on (article,
category) pairs and subject exact match on matched pairs: a matched pair counts
as right when the set of subjects extracted for it equals the annotated set.

List-supervised recall (``--lists``): every item of category C of a power list
that cites article A of a loaded law claims that A grants a C power.  The claim
holds when the extractor finds a C clause in A, or a C clause whose condition
names A (违反本法第A条规定…: the list cited the duty, the sanction is where
the law says what follows its breach).  The lists are read and their bases
resolved by the project's own reader and resolver (``loaders.powerlists``)
against ``--store`` (a store holding the statute corpus; default: one built in a
temporary folder from ``--laws``, without clauses).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kg.model import CATEGORY_NAMES

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "tests" / "gold"
GOLD = GOLD_DIR / "articles.jsonl"
LAWS = ROOT.parent / "shared" / "corpus" / "laws"
LISTS = ROOT.parent / "shared" / "corpus" / "powerlists"
PARTS = ("main", "dev", "unseen", "blind")


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

    def add(self, other: "Scores") -> None:
        for mine, theirs in ((self.tp, other.tp), (self.fp, other.fp), (self.fn, other.fn)):
            for key, value in theirs.items():
                mine[key] += value
        self.subject_right += other.subject_right
        self.subject_total += other.subject_total
        self.errors.extend(other.errors)


def load_gold(path: Path = GOLD) -> list[dict]:
    """The records of one JSONL file (a bad line is a one-line error naming file and line)."""
    records = []
    with path.open(encoding="utf-8-sig") as handle:
        for n, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}: line {n}: not JSON ({exc.msg})") from None
    return records


def gold_parts(gold_dir: Path = GOLD_DIR, parts: tuple[str, ...] = PARTS) -> dict[str, list[dict]]:
    """Records of each part that is present: ``main`` (articles.jsonl), ``dev/*.jsonl``, ``unseen/*.jsonl``,
    ``blind/*.jsonl``."""
    found: dict[str, list[dict]] = {}
    for part in parts:
        files = [gold_dir / "articles.jsonl"] if part == "main" else sorted((gold_dir / part).glob("*.jsonl"))
        records = [r for f in files if f.is_file() for r in load_gold(f)]
        if records:
            found[part] = records
    return found


def _extract_file(path: Path):
    from loaders.nlp import extract_clauses
    from loaders.statutes import parse_file

    parsed = parse_file(path)
    return extract_clauses(parsed.version, list(parsed.provisions))


def predicted_by_article(path: Path) -> dict[tuple[int, int], dict[str, set[str]]]:
    """(article, 之X suffix) -> category -> subjects of the clauses extracted from one statute file."""
    found: dict[tuple[int, int], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for clause in _extract_file(path):
        found[(clause.article, clause.article_suffix or 0)][clause.category.value].add(clause.subject)
    return found


def evaluate_by_law(gold: list[dict], laws_dir: Path = LAWS) -> dict[str, Scores]:
    """Scores of each law of ``gold`` (by law title)."""
    by_law: dict[str, Scores] = {}
    by_file: dict[str, list[dict]] = defaultdict(list)
    for record in gold:
        by_file[record["file"]].append(record)
    for file, records in by_file.items():
        predicted = predicted_by_article(laws_dir / file)
        for record in records:
            scores = by_law.setdefault(record["law"], Scores())
            article = record["article"]
            where = f"{article}" + (f"之{record['article_suffix']}" if record.get("article_suffix") else "")
            want: dict[str, set[str]] = defaultdict(set)
            for clause in record["clauses"]:
                want[clause["category"]].add(clause["subject"])
            got = predicted.get((article, record.get("article_suffix") or 0), {})
            for category in set(want) | set(got):
                if category in want and category in got:
                    scores.tp[category] += 1
                    scores.subject_total += 1
                    if want[category] == got[category]:
                        scores.subject_right += 1
                    else:
                        scores.errors.append(f"SUBJ {record['law']} {where} {category}: "
                                             f"gold {sorted(want[category])} got {sorted(got[category])}")
                elif category in want:
                    scores.fn[category] += 1
                    scores.errors.append(f"FN   {record['law']} {where} {category} {sorted(want[category])}")
                else:
                    scores.fp[category] += 1
                    scores.errors.append(f"FP   {record['law']} {where} {category} {sorted(got[category])}")
    return by_law


def evaluate(gold: list[dict], laws_dir: Path = LAWS) -> Scores:
    """Scores over every record of ``gold``."""
    total = Scores()
    for scores in evaluate_by_law(gold, laws_dir).values():
        total.add(scores)
    return total


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


def report_laws(by_law: dict[str, Scores], out=sys.stdout) -> None:
    out.write(f"{'law':<24}  {'P':>5}  {'R':>5}  {'F1':>5}  {'subject':>7}\n")
    for law, scores in sorted(by_law.items()):
        p, r, f = scores.prf()
        name = law.removeprefix("中华人民共和国")
        out.write(f"{name:<24}  {p:5.3f}  {r:5.3f}  {f:5.3f}  {scores.subject_accuracy:7.3f}\n")


# --- list-supervised recall ------------------------------------------------------------------------

_YEAR = re.compile(r"(20\d{2}|19\d{2})\s*年")
VOCABULARY = ROOT / "bench" / "list_vocabulary.tsv"
# A list's quote of the cited article below this share of the resolved text is another text: the
# number is of another article or version.  The resolver's best match in the same version, when it
# holds the quote (>= QUOTE_RETARGET), is the article the list meant.
QUOTE_MISMATCH = 0.5
QUOTE_RETARGET = 0.8
# What becomes of a claim the extractor does not hold (module docstring; BENCHMARKS.md)
COMPANION, NOT_STATED, OTHER_QUOTE, JUDGED, MISSED = "companion", "not_stated", "other_text", "judged", "missed"
CLASSES = (COMPANION, OTHER_QUOTE, NOT_STATED, JUDGED, MISSED)
# claims of the shared lists read by hand and judged the list's error (each row says why): they do not carry
# to other lists, so the recall is reported with and without them
JUDGED_ERRORS = ROOT / "bench" / "list_judged.tsv"


@dataclass
class Claim:
    """One (law version, article, category) that list items claim, with the items that claim it."""

    version: str
    law: str
    article: int
    suffix: int
    category: str
    items: list[str] = field(default_factory=list)  # file: sheet row name
    cited: str = ""
    item_ids: list[int] = field(default_factory=list)  # index of each claiming item (ListScores.item_claims)
    quotes: list[float | None] = field(default_factory=list)  # quote similarity of each citation (None: no quote)
    retargeted: bool = False  # the quote named another article than the number (QUOTE_RETARGET)
    text: str = ""  # the article's text
    reason: str = ""  # the class of a claim not held (CLASSES)


@dataclass
class ListScores:
    claims: dict[tuple[str, int, int, str], Claim] = field(default_factory=dict)
    held: set[tuple[str, int, int, str]] = field(default_factory=set)
    items: int = 0  # items with a category and a basis
    unresolved: int = 0  # their citations that name no loaded article
    item_claims: list[set[tuple[str, int, int, str]]] = field(default_factory=list)  # the claims of each item
    held_by_other: set[tuple[str, int, int, str]] = field(default_factory=set)  # 其他 held by any category
    stale_judgements: list[tuple[str, int, str]] = field(default_factory=list)  # judged rows no missed claim meets

    def recall(self, category: str | None = None) -> tuple[int, int]:
        keys = [k for k in self.claims if category is None or k[3] == category]
        return sum(1 for k in keys if k in self.held), len(keys)

    def judged(self, category: str | None = None) -> tuple[int, int, Counter]:
        """(held, counted, classes): the claims left once companions and the rules' list errors are out
        (``counted`` keeps the claims judged by hand: ``counted - classes[JUDGED]`` leaves them out too)."""
        keys = [k for k in self.claims if category is None or k[3] == category]
        classes = Counter(self.claims[k].reason for k in keys if k not in self.held)
        held = sum(1 for k in keys if k in self.held)
        return held, held + classes[MISSED] + classes[JUDGED], classes


def load_vocabulary(path: Path = VOCABULARY) -> dict[str, re.Pattern]:
    """Category -> the words a provision granting that kind of power states (``bench/list_vocabulary.tsv``)."""
    import csv

    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    vocabulary = {row["category"]: re.compile(row["words"]) for row in rows}
    missing = set(CATEGORY_NAMES) - set(vocabulary)
    if missing:
        raise SystemExit(f"{path}: no row for {', '.join(sorted(missing))}")
    return vocabulary


def load_judged(path: Path = JUDGED_ERRORS) -> dict[tuple[str, int, str], str]:
    """(law without 中华人民共和国, article, category) -> kind of the list errors judged by hand."""
    import csv

    with path.open(encoding="utf-8") as handle:
        return {(row["law"].removeprefix("中华人民共和国"), int(row["article"]), row["category"]): row["kind"]
                for row in csv.DictReader(handle, delimiter="\t")}


def _list_files(root: Path) -> list[Path]:
    from loaders.powerlists.workbook import SUFFIXES

    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                  and not p.name.startswith(("~$", ".")))


def _corpus_store(laws_dir: Path, folder: Path):
    from kg.backends import open_store
    from loaders.statutes import load_laws

    store = open_store(folder / "laws.kg", backend="embedded", create=True)
    load_laws(store, [laws_dir], extract_clauses=False)
    return store


def list_claims(store, lists_dir: Path = LISTS, err=sys.stderr) -> ListScores:
    """The claims of every list under ``lists_dir`` whose basis resolves to an article in ``store``.

    A citation whose quoted text is not the resolved article's (similarity < QUOTE_MISMATCH) is read as a
    claim about the article of that version that holds the quote, when there is one (a wrong number or
    another version's numbering).
    """
    from kg.model import CitationStatus, Provision
    from loaders.powerlists import parse_basis, read_list
    from loaders.powerlists.resolve import Resolver
    from loaders.powerlists.workbook import WorkbookError

    result = ListScores()
    resolver = Resolver(store)
    provisions: dict[str, Provision | None] = {}

    def article_of(node_id: str) -> Provision | None:
        if node_id not in provisions:
            node = store.get(node_id)
            provisions[node_id] = Provision.from_node(node) if node is not None else None
        return provisions[node_id]

    for path in _list_files(lists_dir):
        try:
            plist = read_list(path)
        except (WorkbookError, OSError, ValueError) as exc:
            err.write(f"{path}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}; skipped\n")
            continue
        year = next((m.group(1) for t in plist.titles for m in [_YEAR.search(t)] if m), None)
        date = f"{year}-01-01" if year else None
        for entry in plist.entries:
            if entry.category is None or not entry.basis:
                continue
            result.items += 1
            item_id = len(result.item_claims)
            result.item_claims.append(set())
            for cite in parse_basis(entry.basis):
                if cite.article is None:
                    continue
                res = resolver.resolve(cite, date)
                if res.status is not CitationStatus.RESOLVED or not res.target:
                    result.unresolved += 1
                    continue
                target_id, similarity, retargeted = res.target, res.quote_similarity, False
                if (similarity is not None and similarity < QUOTE_MISMATCH and res.quote_best_match
                        and (res.quote_best_similarity or 0) >= QUOTE_RETARGET):
                    target_id, similarity, retargeted = res.quote_best_match, res.quote_best_similarity, True
                target = article_of(target_id)
                if target is None or target.article is None:
                    continue
                key = (res.version, target.article, target.article_suffix or 0, entry.category.value)
                claim = result.claims.setdefault(key, Claim(res.version, res.law, target.article,
                                                            target.article_suffix or 0, entry.category.value,
                                                            cited=cite.text))
                claim.items.append(f"{path.name}: {entry.sheet} row {entry.row} {entry.name[:30]}")
                claim.item_ids.append(item_id)
                claim.quotes.append(similarity)
                claim.retargeted = claim.retargeted or retargeted
                result.item_claims[item_id].add(key)
    return result


def check_claims(store, scores: ListScores, vocabulary: dict[str, re.Pattern] | None = None,
                 judged: dict[tuple[str, int, str], str] | None = None) -> dict[str, list]:
    """Mark the claims the extractor's clauses hold and class the others; returns the clauses of each version.

    A claim is held by a clause of its category in the article, or one whose condition names the article
    (违反本法第A条规定…).  A 其他 claim is held by a clause of any category in the article: 其他 is the
    lists' catch-all for powers they do not put in the nine (备案, 价格制定 …), which a statute's
    construction may well give a category.  Each claim not held gets one class, in this order:

    - ``companion``: every item making it holds its category at another article it cites (the prohibition
      cited beside its penalty, the competence beside the inspection): one claim about that article, not two;
    - ``other_text``: every citation of it quotes a text the version does not hold where the number points
      (quote similarity < QUOTE_MISMATCH, and no article of the version holds the quote);
    - ``not_stated``: the article has no word of the category's vocabulary (``bench/list_vocabulary.tsv``):
      a definition, a competence or a duty of the public read by the list as a power it does not state;
    - ``judged``: read by hand and judged the list's error (``bench/list_judged.tsv``, one reason a row);
    - ``missed``: the extractor's.
    """
    from kg.model import LawVersion, Provision
    from loaders.nlp import extract_clauses

    vocabulary = vocabulary or load_vocabulary()
    judged = load_judged() if judged is None else judged
    clauses_of: dict[str, list] = {}
    texts: dict[tuple[str, int, int], str] = {}
    for version_id in sorted({k[0] for k in scores.claims}):
        version = LawVersion.from_node(store.get(version_id))
        provisions = [Provision.from_node(n) for n in store.nodes("Provision", version=version_id)]
        provisions.sort(key=lambda p: p.order)
        clauses_of[version_id] = extract_clauses(version, provisions)
        for p in provisions:
            if p.kind.name == "ARTICLE" and p.article is not None:
                texts[(version_id, p.article, p.article_suffix or 0)] = p.text or ""
    for key, claim in scores.claims.items():
        version_id, article, suffix, category = key
        claim.text = texts.get((version_id, article, suffix), "")
        for clause in clauses_of[version_id]:
            here = (clause.article, clause.article_suffix or 0) == (article, suffix)
            if here and category == "其他" and clause.category.value != category:
                scores.held.add(key)
                scores.held_by_other.add(key)
                break
            if clause.category.value != category:
                continue
            if here or (not suffix and (clause.law, article) in clause.triggers):
                scores.held.add(key)
                break
    for key, claim in scores.claims.items():
        if key not in scores.held:
            claim.reason = claim_class(key, claim, scores, vocabulary, judged)
    judged_claims = {(c.law.removeprefix("中华人民共和国"), c.article, c.category) for c in scores.claims.values()
                     if c.reason == JUDGED}
    scores.stale_judgements = sorted(set(judged) - judged_claims)
    return clauses_of


def claim_class(key: tuple[str, int, int, str], claim: Claim, scores: ListScores, vocabulary: dict[str, re.Pattern],
                judged: dict[tuple[str, int, str], str]) -> str:
    """The class of a claim the extractor does not hold (``check_claims`` says the order and why)."""
    body = claim.text.split(None, 1)[-1] if claim.text else ""  # without 第X条
    if all(any(other in scores.held for other in scores.item_claims[i] if other != key and other[3] == key[3])
           for i in claim.item_ids):
        return COMPANION
    if all(q is not None and q < QUOTE_MISMATCH for q in claim.quotes):
        return OTHER_QUOTE  # which article the list meant is unknown: its text is not judged
    if not vocabulary[key[3]].search(body):
        return NOT_STATED
    if (claim.law.removeprefix("中华人民共和国"), key[1], key[3]) in judged:
        return JUDGED
    return MISSED


def report_lists(scores: ListScores, out=sys.stdout, misses: bool = False) -> None:
    out.write(f"list-supervised recall: {scores.items} items with a category and a basis, "
              f"{len(scores.claims)} distinct (article, category) claims, {scores.unresolved} citations unresolved, "
              f"{sum(1 for c in scores.claims.values() if c.retargeted)} claims read at the article their quote names\n")
    out.write(f"{'category':<8}  {'claims':>6} {'held':>5} {'raw':>6}  {'compan':>6} {'o.text':>6} {'n.stat':>6} "
              f"{'counted':>7} {'recall':>6}  {'judged':>6} {'recall':>6}\n")
    for category in [*CATEGORY_NAMES, None]:
        held, total = scores.recall(category)
        if not total:
            continue
        _, counted, classes = scores.judged(category)
        left = counted - classes[JUDGED]
        out.write(f"{category or 'overall':<8}  {total:>6} {held:>5} {held / total:6.3f}  {classes[COMPANION]:>6} "
                  f"{classes[OTHER_QUOTE]:>6} {classes[NOT_STATED]:>6} {counted:>7} {held / max(counted, 1):6.3f}  "
                  f"{classes[JUDGED]:>6} {held / max(left, 1):6.3f}\n")
    out.write(f"({len(scores.held_by_other)} 其他 claims held by a clause of another category; raw: held / claims; "
              f"recall: held / counted, counted = claims - companions - other texts - not stated; "
              f"the last: judged list errors out too)\n")
    for law, article, category in scores.stale_judgements:
        out.write(f"note: bench/list_judged.tsv {law} {article} {category} meets no missed claim (held now, or gone)\n")
    if misses:
        for key, claim in sorted(scores.claims.items(), key=lambda kv: (CLASSES.index(kv[1].reason or MISSED), kv[0])):
            if key not in scores.held:
                out.write(f"{claim.reason.upper():<10} {claim.law} {claim.article}"
                          f"{'之' + str(claim.suffix) if claim.suffix else ''} {claim.category} "
                          f"({len(claim.items)} items, e.g. {claim.items[0]})\n")


RECALL_SAMPLES = """\
recall samples (bench/recall_sample/README.md): each drawn sample is part main of its own gold dir, e.g.
  python -m bench.eval_extraction --gold-dir bench/recall_sample/sixth --part main
  python -m bench.eval_extraction --gold-dir bench/recall_sample/seventh --part main   # seed 5151, untuned
score a sample once before reading it with --errors: --errors makes it a tuning (dev) set."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], epilog=RECALL_SAMPLES,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold-dir", type=Path, default=GOLD_DIR,
                        help="folder of a gold set: articles.jsonl is part main, dev/ unseen/ blind/ the others "
                             "(default: tests/gold; a recall sample of bench/recall_sample/ is its own gold dir)")
    parser.add_argument("--part", choices=PARTS, action="append", help="only these parts (default: all present)")
    parser.add_argument("--laws", type=Path, default=LAWS)
    parser.add_argument("--errors", action="store_true", help="list every miss (gold and lists)")
    parser.add_argument("--lists", type=Path, nargs="?", const=LISTS, default=None,
                        help="also report list-supervised recall over the power lists of this folder")
    parser.add_argument("--no-gold", action="store_true", help="skip the gold set")
    parser.add_argument("--store", type=Path, default=None,
                        help="a store holding the statute corpus, opened read-only in effect (default: built)")
    args = parser.parse_args(argv)
    if not args.no_gold:
        parts = gold_parts(args.gold_dir, tuple(args.part) if args.part else PARTS)
        for part, gold in parts.items():
            by_law = evaluate_by_law(gold, args.laws)
            total = Scores()
            for scores in by_law.values():
                total.add(scores)
            print(f"== gold part {part}: {len(gold)} articles, {len(by_law)} laws")
            report(total)
            report_laws(by_law)
            if args.errors:
                print("\n".join(total.errors))
            print()
    if args.lists is not None:
        from kg.backends import open_store

        with tempfile.TemporaryDirectory() as folder:
            store = (open_store(args.store, backend="embedded", create=False) if args.store
                     else _corpus_store(args.laws, Path(folder)))
            scores = list_claims(store, args.lists)
            check_claims(store, scores)
            store.close()
        report_lists(scores, misses=args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

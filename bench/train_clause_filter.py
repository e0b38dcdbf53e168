"""Train and cross-validate the clause filter (a spaCy textcat over rule-proposed (article, category) pairs).

    python -m bench.train_clause_filter cv [--pool proposed|candidates] [--threshold T ...] [--json OUT]
    python -m bench.train_clause_filter train [--out loaders/nlp/models/clause_filter]

Training pairs come from the gold set's main and dev parts (never blind): every article of a gold law is
run through the rule pipeline; each category the rules propose for it (and, with ``--pool candidates``,
each category an act term of the article names) is one pair, labelled KEEP when the gold set lists that
(article, category), DROP otherwise.  ``cv`` is leave-one-law-out: for each of the laws, a model trained on
the other laws' pairs scores the held-out law's proposed pairs, and rules alone are compared with rules
whose pairs scoring below a threshold are vetoed, on (article, category) precision and recall and subject
exact match, per law and overall, in the terms of ``bench.eval_extraction``.  The threshold a fold uses
is chosen on its training laws alone (inner leave-one-law-out over them, ``--inner``), so no held-out law
decides anything about its own scoring.  Training is seeded: the same data gives the same model.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bench.eval_extraction import GOLD_DIR, LAWS, Scores, gold_parts

TRAIN_PARTS = ("main", "dev")  # never blind
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)


@dataclass
class Pair:
    law: str
    article: tuple[int, int]
    category: str
    feats: list[str]
    proposed: bool
    label: bool
    subjects: frozenset[str] = frozenset()  # the rules' subjects (proposed pairs)
    p_keep: float | None = None


@dataclass
class LawData:
    law: str
    pairs: list[Pair] = field(default_factory=list)
    gold: dict[tuple[int, int], dict[str, frozenset[str]]] = field(default_factory=dict)


def collect(records: list[dict], laws_dir: Path = LAWS, pool: str = "candidates") -> dict[str, LawData]:
    """The pairs and gold of every law of ``records`` (the rule pipeline without the filter)."""
    from loaders.nlp.extract import analysed_articles, dropped_categories, get_pipeline
    from loaders.statutes import parse_file

    nlp = get_pipeline("char", clause_filter=False)
    data = _gold_of(records)
    for file in dict.fromkeys(r["file"] for r in records):
        parsed = parse_file(laws_dir / file)
        entry = data[next(r["law"] for r in records if r["file"] == file)]
        dropped = dropped_categories(parsed.version.law) or set()
        if "all" in dropped:
            continue
        for analysed in analysed_articles(parsed.version, list(parsed.provisions), nlp):
            art, doc = analysed.article, analysed.doc
            _add_pairs(entry, (analysed.number, art.article_suffix or art.suffix or 0), doc._.source or doc.text,
                       doc._.terms or [], doc._.clauses or (), dropped, pool)
    return data


def _add_pairs(entry: LawData, key: tuple[int, int], text: str, terms, findings, dropped: set[str], pool: str) -> None:
    """The pairs of one article the gold set covers (``pool``: the rules' categories, or every act's too)."""
    from loaders.nlp.clause_filter import candidate_categories, pair_features

    if key not in entry.gold:
        return  # an article of the law the gold set does not cover
    findings = [f for f in findings if f.category not in dropped]
    categories = ({f.category for f in findings} if pool == "proposed"
                  else set(candidate_categories(terms, findings)) - dropped)
    for category in sorted(categories):
        group = [f for f in findings if f.category == category]
        entry.pairs.append(Pair(entry.law, key, category, pair_features(text, terms, group, category),
                                bool(group), category in entry.gold[key], frozenset(f.subject for f in group)))


def _gold_of(records: list[dict]) -> dict[str, LawData]:
    data: dict[str, LawData] = {}
    for r in records:
        want: dict[str, set[str]] = defaultdict(set)
        for clause in r["clauses"]:
            want[clause["category"]].add(clause["subject"])
        entry = data.setdefault(r["law"], LawData(r["law"]))
        entry.gold[(r["article"], r.get("article_suffix") or 0)] = {c: frozenset(s) for c, s in want.items()}
    return data


def collect_dump(records: list[dict], dump: Path, pool: str = "candidates") -> dict[str, LawData]:
    """Pairs from a dump of another version of the rules (one JSON line per article that passed the
    pre-filter: law, article [number, suffix], dropped categories, text, terms, findings), so that the
    filter can be measured over rules that had not seen the held-out laws (``--rules-dump``)."""
    from types import SimpleNamespace

    data = _gold_of(records)
    for line in dump.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        entry = data.get(row["law"])
        if entry is None or not row["article"]:
            continue
        key = tuple(row["article"])
        dropped = set(row["dropped"])
        if "all" not in dropped:
            _add_pairs(entry, key, row["text"], [SimpleNamespace(**t) for t in row["terms"]],
                       [SimpleNamespace(**f) for f in row["findings"]], dropped, pool)
    return data


def train(pairs: list[Pair], seed: int = 0, epochs: int = 12, length: int = 2**16):
    """A textcat (bag of features) trained on ``pairs``; seeded, so reproducible."""
    import spacy
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch

    from loaders.nlp.clause_filter import DROP, KEEP, feature_doc

    fix_random_seed(seed)
    nlp = spacy.blank("zh")
    textcat = nlp.add_pipe("textcat", config={"model": {
        "@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True, "ngram_size": 1,
        "no_output_layer": False, "length": length}})
    textcat.add_label(KEEP)
    textcat.add_label(DROP)
    examples = [Example(feature_doc(nlp.vocab, p.feats), feature_doc(nlp.vocab, p.feats)) for p in pairs]
    for example, pair in zip(examples, pairs):
        example.reference.cats = {KEEP: float(pair.label), DROP: float(not pair.label)}
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    order = list(range(len(examples)))
    for _ in range(epochs):
        rng.shuffle(order)
        for batch in minibatch([examples[i] for i in order], size=32):
            nlp.update(batch, sgd=optimizer, drop=0.1)
    return nlp


def predict(nlp, pairs: list[Pair]) -> list[float]:
    from loaders.nlp.clause_filter import KEEP, feature_doc

    textcat = nlp.get_pipe("textcat")
    keep = textcat.labels.index(KEEP)
    out: list[float] = []
    for start in range(0, len(pairs), 256):
        chunk = pairs[start: start + 256]
        scores = textcat.predict([feature_doc(nlp.vocab, p.feats) for p in chunk])
        out.extend(float(s[keep]) for s in scores)
    return out


def score_law(law: LawData, threshold: float | None) -> Scores:
    """Rules (threshold None) or rules with the pairs scoring below ``threshold`` vetoed, against gold."""
    scores = Scores()
    got: dict[tuple[int, int], dict[str, frozenset[str]]] = defaultdict(dict)
    for pair in law.pairs:
        if pair.proposed and (threshold is None or pair.p_keep >= threshold):
            got[pair.article][pair.category] = pair.subjects
    for article, want in law.gold.items():
        have = got.get(article, {})
        for category in set(want) | set(have):
            if category in want and category in have:
                scores.tp[category] += 1
                scores.subject_total += 1
                scores.subject_right += want[category] == have[category]
            elif category in want:
                scores.fn[category] += 1
            else:
                scores.fp[category] += 1
                scores.errors.append(f"FP {law.law} {article[0]} {category} p={pair_p(law, article, category)}")
    return scores


def pair_p(law: LawData, article, category) -> str:
    p = next((q.p_keep for q in law.pairs if q.article == article and q.category == category), None)
    return "-" if p is None else f"{p:.2f}"


def total(laws: list[LawData], threshold: float | None) -> Scores:
    out = Scores()
    for law in laws:
        out.add(score_law(law, threshold))
    return out


def _f1(s: Scores) -> float:
    return s.prf()[2]


def choose_threshold(laws: list[LawData], seed: int, epochs: int, folds: int) -> float:
    """The threshold of best F1 on the laws given, by grouped k-fold over them (they never include the held-out law)."""
    groups = [laws[i::folds] for i in range(folds)]
    for held in groups:
        rest = [p for law in laws if law not in held for p in law.pairs]
        nlp = train(rest, seed, epochs)
        proposed = [p for law in held for p in law.pairs if p.proposed]
        for pair, p in zip(proposed, predict(nlp, proposed)):
            pair.p_keep = p
    best = max(THRESHOLDS, key=lambda t: (_f1(total(laws, t)), -t))
    return best


def cross_validate(data: dict[str, LawData], seed: int, epochs: int, inner: int, fixed: float | None,
                   held: list[str] | None = None) -> dict:
    """Leave-one-law-out over every law (or only over ``held``: the others always train)."""
    every = sorted(data.values(), key=lambda d: d.law)
    laws = [d for d in every if held is None or d.law in held]
    if held is not None and len(laws) != len(held):
        raise SystemExit(f"--held-out: unknown law(s) {sorted(set(held) - {d.law for d in laws})}")
    held_out_p: dict[tuple[str, tuple[int, int], str], float] = {}
    chosen: dict[str, float] = {}
    for law in laws:
        others = [o for o in every if o is not law]
        threshold = fixed if fixed is not None else choose_threshold(others, seed, epochs, inner)
        nlp = train([p for o in others for p in o.pairs], seed, epochs)
        proposed = [p for p in law.pairs if p.proposed]
        for pair, p in zip(proposed, predict(nlp, proposed)):
            held_out_p[(law.law, pair.article, pair.category)] = p
        chosen[law.law] = threshold
        print(f"  fold {law.law}: threshold {threshold}", file=sys.stderr, flush=True)
    for law in laws:  # the inner folds overwrote p_keep: put the held-out scores back
        for pair in law.pairs:
            if pair.proposed:
                pair.p_keep = held_out_p[(law.law, pair.article, pair.category)]
    result: dict = {"laws": {}, "chosen_thresholds": chosen}
    for law in laws:
        result["laws"][law.law] = {"rules": _summary(score_law(law, None)),
                                   "filtered": _summary(score_law(law, chosen[law.law])),
                                   "threshold": chosen[law.law]}
    rules_all, filt_all = Scores(), Scores()
    for law in laws:
        rules_all.add(score_law(law, None))
        filt_all.add(score_law(law, chosen[law.law]))
    result["overall"] = {"rules": _summary(rules_all), "filtered": _summary(filt_all)}
    result["sweep"] = {str(t): _summary(total(laws, t)) for t in THRESHOLDS}  # for the record, not for choosing
    result["vetoed"] = [f"{law.law} {p.article[0]} {p.category} p={p.p_keep:.2f} gold={'yes' if p.label else 'no'}"
                        for law in laws for p in law.pairs if p.proposed and p.p_keep < chosen[law.law]]
    return result


def _summary(s: Scores) -> dict:
    p, r, f = s.prf()
    tp, fp, fn = (sum(d.values()) for d in (s.tp, s.fp, s.fn))
    return {"P": round(p, 3), "R": round(r, 3), "F1": round(f, 3), "subject": round(s.subject_accuracy, 3),
            "tp": tp, "fp": fp, "fn": fn}


def _print_cv(result: dict, out=sys.stdout) -> None:
    out.write(f"{'law':<22} {'rules P':>7} {'R':>6} {'subj':>6}   {'+filter P':>9} {'R':>6} {'subj':>6}  t\n")
    for law, row in sorted(result["laws"].items()):
        r, f = row["rules"], row["filtered"]
        out.write(f"{law.removeprefix('中华人民共和国'):<22} {r['P']:7.3f} {r['R']:6.3f} {r['subject']:6.3f}   "
                  f"{f['P']:9.3f} {f['R']:6.3f} {f['subject']:6.3f}  {row['threshold']}\n")
    r, f = result["overall"]["rules"], result["overall"]["filtered"]
    out.write(f"{'overall':<22} {r['P']:7.3f} {r['R']:6.3f} {r['subject']:6.3f}   {f['P']:9.3f} {f['R']:6.3f} "
              f"{f['subject']:6.3f}\n")
    out.write(f"rules tp/fp/fn {r['tp']}/{r['fp']}/{r['fn']}; with filter {f['tp']}/{f['fp']}/{f['fn']}\n")
    out.write("sweep (held-out scores at each fixed threshold, for the record): " + "; ".join(
        f"{t}: P {s['P']} R {s['R']}" for t, s in result["sweep"].items()) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.train_clause_filter", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("cv", "train"):
        p = sub.add_parser(name)
        p.add_argument("--gold-dir", type=Path, default=GOLD_DIR)
        p.add_argument("--laws", type=Path, default=LAWS)
        p.add_argument("--pool", choices=("proposed", "candidates"), default="candidates")
        p.add_argument("--seed", type=int, default=0)
        p.add_argument("--epochs", type=int, default=12)
    cv = sub.choices["cv"]
    cv.add_argument("--inner", type=int, default=3, help="folds (by law) that choose each fold's threshold")
    cv.add_argument("--threshold", type=float, default=None, help="a fixed threshold instead of the inner choice")
    cv.add_argument("--json", type=Path, default=None)
    cv.add_argument("--rules-dump", type=Path, default=None,
                    help="pairs from a dump of another version of the rules (see collect_dump) instead of these rules")
    cv.add_argument("--held-out", nargs="+", default=None, help="hold out only these laws (full titles), in turn")
    tr = sub.choices["train"]
    tr.add_argument("--out", type=Path, default=None, help="default: loaders/nlp/models/clause_filter")
    tr.add_argument("--threshold", type=float, default=None,
                    help="the threshold to ship (default: chosen by grouped k-fold over all gold laws)")
    args = parser.parse_args(argv)
    parts = gold_parts(args.gold_dir, TRAIN_PARTS)
    records = [r for part in TRAIN_PARTS for r in parts.get(part, [])]
    start = time.process_time()
    data = (collect_dump(records, args.rules_dump, args.pool) if getattr(args, "rules_dump", None)
            else collect(records, args.laws, args.pool))
    print(f"{sum(len(d.pairs) for d in data.values())} pairs "
          f"({sum(p.proposed for d in data.values() for p in d.pairs)} proposed by the rules) from {len(data)} laws, "
          f"{time.process_time() - start:.1f} CPU s", file=sys.stderr)
    if args.command == "cv":
        result = cross_validate(data, args.seed, args.epochs, args.inner, args.threshold, args.held_out)
        result["pool"], result["cpu_seconds"] = args.pool, round(time.process_time() - start, 1)
        _print_cv(result)
        if args.json:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return 0
    from loaders.nlp.clause_filter import MODEL_DIR

    laws = sorted(data.values(), key=lambda d: d.law)
    threshold = args.threshold if args.threshold is not None else choose_threshold(laws, args.seed, args.epochs, 3)
    nlp = train([p for d in laws for p in d.pairs], args.seed, args.epochs)
    out = args.out or MODEL_DIR
    nlp.meta["name"] = "clause_filter"
    nlp.meta["description"] = (f"textcat over rule-proposed (article, category) pairs; threshold {threshold}; "
                               f"trained by bench.train_clause_filter on {len(laws)} gold laws")
    nlp.meta["threshold"] = threshold
    nlp.to_disk(out)
    print(f"saved to {out} (threshold {threshold})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Train and cross-validate the clause filter (a spaCy textcat over rule-proposed (article, category) pairs).

    python -m bench.train_clause_filter cv [--pool proposed|candidates] [--threshold T ...] [--json OUT]
    python -m bench.train_clause_filter train [--out loaders/nlp/models/clause_filter]
    python -m bench.train_clause_filter judged-cv [--features 1|2] [--with-gold] [--cache PARSED] [--json OUT]
    python -m bench.train_clause_filter judged-train --threshold T [--features 2] [--with-gold] [--out DIR]
    python -m bench.train_clause_filter judged-score TABLE.md [--model DIR]

The ``judged-*`` commands learn from the hand-judged corpus entries of ``docs/evaluation/precision-*.md``
(``bench.judged_tables``; the independent test tables of :data:`TEST_TABLES` are never read for training):
each (file, article, category) that today's rules still propose is one pair, labelled keep when a judge
found it right or right but for its subject, veto when not a clause or of the wrong category.
``judged-cv`` is grouped k-fold by law (no law in both train and test), repeated over fold draws, and
prints the precision and recall of the kept pairs and entries at several thresholds; ``judged-train``
saves a model with the threshold fixed from it; ``judged-score`` scores a saved model once on a table
it was not trained on.

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


def collect(records: list[dict], laws_dir: Path = LAWS, pool: str = "candidates",
            feature_set: int = 1) -> dict[str, LawData]:
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
                       doc._.terms or [], doc._.clauses or (), dropped, pool, feature_set)
    return data


def _add_pairs(entry: LawData, key: tuple[int, int], text: str, terms, findings, dropped: set[str], pool: str,
               feature_set: int = 1) -> None:
    """The pairs of one article the gold set covers (``pool``: the rules' categories, or every act's too)."""
    from loaders.nlp.clause_filter import candidate_categories, pair_features

    if key not in entry.gold:
        return  # an article of the law the gold set does not cover
    findings = [f for f in findings if f.category not in dropped]
    categories = ({f.category for f in findings} if pool == "proposed"
                  else set(candidate_categories(terms, findings)) - dropped)
    for category in sorted(categories):
        group = [f for f in findings if f.category == category]
        entry.pairs.append(Pair(entry.law, key, category, pair_features(text, terms, group, category, feature_set),
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


@dataclass
class JudgedPair:
    """One (file, article, category) the rules propose and the precision tables judged (``pair.label``),
    with the judged entries of that pair (for precision and recall at the entry level)."""
    file: str
    pair: Pair
    entries: list = field(default_factory=list)  # bench.judged_tables.JudgedEntry
    inputs: tuple = ()  # (article text, terms, the rules' findings of the category): pair_features' arguments


def judged_files(titles: set[str], laws_dir: Path = LAWS) -> dict[str, list[str]]:
    """The corpus files of each title, as ``bench.precision_sample`` keeps them (rank, no gold law, no held-out
    name): a held-out or gold file never reaches the training set even when a table names its title."""
    from bench.bench_extraction import statute_files
    from bench.heldout import gold_titles, law_title
    from bench.precision_sample import kept

    gold = gold_titles()
    out: dict[str, list[str]] = defaultdict(list)
    for path in statute_files(laws_dir):
        name = str(path.relative_to(laws_dir))
        title = law_title(name)
        if title in titles and kept(name, gold):
            out[title].append(name)
    return out


def _parsed(files: list[str], laws_dir: Path, cache: Path | None) -> dict[str, object]:
    """ParsedStatute of each file: from a ``bench.dump_clauses`` parsed-corpus pickle when given, else parsed."""
    from loaders.statutes import parse_file

    wanted = set(files)
    if cache is not None:
        import pickle

        with cache.open("rb") as handle:
            _laws, _limit, parsed = pickle.load(handle)
        found = {name: statute for name, statute in parsed if name in wanted}
    else:
        found = {}
    for name in files:
        if name not in found:
            try:
                found[name] = parse_file(laws_dir / name)
            except Exception as error:  # noqa: BLE001  (reported, the entry is left out)
                print(f"  {name}: not parsed ({error})", file=sys.stderr)
    return found


def collect_judged(entries: list, laws_dir: Path = LAWS, cache: Path | None = None,
                   stats: dict | None = None, feature_set: int = 1) -> list[JudgedPair]:
    """The (article, category) pairs of the judged entries that today's rules still propose, with their
    features and labels (``bench.judged_tables.pair_label``: keep unless every usable verdict of the pair is
    not a clause / wrong category; pairs judged only uncertain are left out).  Of a title's several versions
    the file whose rules give the judged subject is taken, else one that gives the category (the newest)."""
    from bench.judged_tables import pair_label
    from loaders.nlp.clause_filter import pair_features
    from loaders.nlp.extract import analysed_articles, dropped_categories, get_pipeline, subject_without_place

    stats = stats if stats is not None else {}
    by_title: dict[str, list] = defaultdict(list)
    for entry in entries:
        by_title[entry.law].append(entry)
    files = judged_files(set(by_title), laws_dir)
    stats["titles without a file"] = sorted(set(by_title) - set(files))
    parsed = _parsed([f for fs in files.values() for f in fs], laws_dir, cache)
    nlp = get_pipeline("char", clause_filter=False)
    wanted = {(e.law, e.article) for e in entries}
    # (title, article) -> file -> (text, terms, findings by category, subjects by category)
    seen: dict[tuple, dict[str, tuple]] = defaultdict(dict)
    from bench.heldout import law_title

    for name in sorted(parsed):
        title, statute = law_title(name), parsed[name]
        dropped = dropped_categories(statute.version.law) or set()
        if "all" in dropped:
            continue
        for analysed in analysed_articles(statute.version, list(statute.provisions), nlp):
            art = analysed.article
            key = (analysed.number, art.article_suffix or art.suffix or 0)
            if (title, key) not in wanted:
                continue
            doc = analysed.doc
            groups: dict[str, list] = defaultdict(list)
            for finding in doc._.clauses or ():
                if finding.category not in dropped:
                    groups[finding.category].append(finding)
            seen[(title, key)][name] = (doc._.source or doc.text, list(doc._.terms or []), groups)
    pairs: dict[tuple, JudgedPair] = {}
    unproposed = []
    for entry in entries:
        label = pair_label(entry.verdict)
        options = seen.get((entry.law, entry.article), {})
        with_subject = [f for f, (_, _, g) in options.items()
                        if any(subject_without_place(x.subject) == entry.subject for x in g.get(entry.category, ()))]
        with_category = [f for f, (_, _, g) in options.items() if g.get(entry.category)]
        chosen = (with_subject or with_category or [None])[-1]
        if chosen is None:
            unproposed.append(entry)
            continue
        key = (chosen, entry.article, entry.category)
        if key not in pairs:
            text, terms, groups = options[chosen]
            group = groups[entry.category]
            pairs[key] = JudgedPair(chosen, Pair(entry.law, entry.article, entry.category,
                                                 pair_features(text, terms, group, entry.category, feature_set),
                                                 True, False,
                                                 frozenset(x.subject for x in group)), inputs=(text, terms, group))
        pairs[key].entries.append(entry)
    out = []
    for judged in pairs.values():
        labels = [pair_label(e.verdict) for e in judged.entries if pair_label(e.verdict) is not None]
        if not labels:
            continue  # only uncertain verdicts
        judged.pair.label = any(labels)
        out.append(judged)
    stats["entries"] = len(entries)
    stats["entries no longer proposed"] = len(unproposed)
    stats["pairs"] = len(out)
    stats["pairs keep / veto"] = (sum(j.pair.label for j in out), sum(not j.pair.label for j in out))
    return out


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


JUDGED_THRESHOLDS = (0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8)
# the independent tests of issue 12's filter round (i12-precision4: seeds 9119 on main a6dc92a, 9229 on its branch),
# never trained on, so that the figures of BENCHMARKS.md reproduce once they are merged
TEST_TABLES = ("precision-i12-20261204e.md", "precision-i12-20261204e-after.md")


def judged_metrics(judged: list[JudgedPair], scores: list[float] | None, threshold: float = 0.0) -> dict:
    """Precision and recall of the kept pairs and entries against the judged labels (``scores`` None: the rules
    alone, every pair kept).  Pair level: a wrong subject is a true pair; entry level: only ``right`` is
    right.  Uncertain verdicts count at neither level."""
    keep = [scores is None or p >= threshold for p in (scores or [0.0] * len(judged))]
    true = [j.pair.label for j in judged]
    tp = sum(k and t for k, t in zip(keep, true))
    kept = sum(keep)
    entries = [(k, e.verdict) for k, j in zip(keep, judged) for e in j.entries if e.verdict != "uncertain"]
    right = sum(v == "right" for _, v in entries)
    right_kept = sum(k and v == "right" for k, v in entries)
    entries_kept = sum(k for k, _ in entries)
    return {"pairs kept": kept, "pairs": len(judged), "vetoed true": sum(t and not k for k, t in zip(keep, true)),
            "vetoed false": sum(not t and not k for k, t in zip(keep, true)),
            "pair P": round(tp / kept, 3) if kept else 1.0, "pair R": round(tp / sum(true), 3) if any(true) else 1.0,
            "entries kept": entries_kept, "entry P": round(right_kept / entries_kept, 3) if entries_kept else 1.0,
            "entry R": round(right_kept / right, 3) if right else 1.0}


def folds_by_law(judged: list[JudgedPair], folds: int, seed: int) -> list[list[int]]:
    """Indices of ``judged`` in ``folds`` groups, no law in two (titles shuffled by ``seed``, dealt in turn)."""
    titles = sorted({j.pair.law for j in judged})
    random.Random(seed).shuffle(titles)
    fold_of = {title: i % folds for i, title in enumerate(titles)}
    return [[i for i, j in enumerate(judged) if fold_of[j.pair.law] == f] for f in range(folds)]


def cross_validate_judged(judged: list[JudgedPair], extra: list[Pair], folds: int = 5, repeats: int = 3,
                          seed: int = 0, epochs: int = 12) -> dict:
    """Grouped k-fold by law over the judged pairs, ``repeats`` times with other fold draws; ``extra`` pairs
    (the gold set's, other laws) join every training fold.  Held-out scores only."""
    runs = []
    for repeat in range(repeats):
        held = [0.0] * len(judged)
        for indices in folds_by_law(judged, folds, seed + repeat):
            chosen = set(indices)
            rest = [j.pair for i, j in enumerate(judged) if i not in chosen] + extra
            nlp = train(rest, seed, epochs)
            for i, p in zip(indices, predict(nlp, [judged[i].pair for i in indices])):
                held[i] = p
        runs.append(held)
        print(f"  repeat {repeat}: done", file=sys.stderr, flush=True)
    result: dict = {"rules": judged_metrics(judged, None), "sweep": {}}
    for t in JUDGED_THRESHOLDS:
        per_run = [judged_metrics(judged, held, t) for held in runs]
        result["sweep"][str(t)] = {k: round(sum(r[k] for r in per_run) / len(per_run), 3) for k in per_run[0]}
        result["sweep"][str(t)]["runs"] = [{k: r[k] for k in ("pair P", "pair R", "entry P", "entry R")}
                                           for r in per_run]
    result["held_out_scores"] = [
        {"file": j.file, "article": j.pair.article[0], "category": j.pair.category, "label": j.pair.label,
         "p_keep": [round(run[i], 3) for run in runs], "verdicts": [e.verdict for e in j.entries]}
        for i, j in enumerate(judged)]
    return result


def _print_judged(result: dict, out=sys.stdout) -> None:
    r = result["rules"]
    out.write(f"rules alone: {r['pairs']} pairs, pair P {r['pair P']} (R 1.0), entry P {r['entry P']} "
              f"({r['entries kept']} entries)\n")
    out.write(f"{'t':>4} {'pair P':>7} {'pair R':>7} {'entry P':>8} {'entry R':>8} {'kept':>6} "
              f"{'vetoed false':>12} {'vetoed true':>11}\n")
    for t, m in result["sweep"].items():
        out.write(f"{t:>4} {m['pair P']:7.3f} {m['pair R']:7.3f} {m['entry P']:8.3f} {m['entry R']:8.3f} "
                  f"{m['pairs kept']:6.1f} {m['vetoed false']:12.1f} {m['vetoed true']:11.1f}\n")


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
    for name in ("judged-cv", "judged-train", "judged-score"):
        p = sub.add_parser(name)
        p.add_argument("--laws", type=Path, default=LAWS)
        p.add_argument("--cache", type=Path, default=None,
                       help="a parsed-corpus pickle of bench.dump_clauses (article texts; parsed afresh without it)")
        p.add_argument("--seed", type=int, default=0)
        p.add_argument("--epochs", type=int, default=12)
        p.add_argument("--json", type=Path, default=None)
        if name != "judged-score":
            p.add_argument("--features", type=int, choices=(1, 2), default=2,
                           help="feature set of loaders.nlp.clause_filter.pair_features (recorded in the model)")
            p.add_argument("--tables", type=Path, default=None, help="folder of the judged precision-*.md tables "
                           "(default docs/evaluation; the test tables TEST_TABLES are never read)")
            p.add_argument("--with-gold", action="store_true",
                           help="the gold set's main and dev proposed pairs join the training (other laws)")
    sub.choices["judged-cv"].add_argument("--folds", type=int, default=5)
    sub.choices["judged-cv"].add_argument("--repeats", type=int, default=3)
    sub.choices["judged-train"].add_argument("--out", type=Path, default=None,
                                             help="default: loaders/nlp/models/clause_filter")
    sub.choices["judged-train"].add_argument("--threshold", type=float, required=True,
                                             help="the threshold to ship, fixed beforehand from judged-cv")
    sub.choices["judged-score"].add_argument("table", type=Path, help="a judged table no model was trained on")
    sub.choices["judged-score"].add_argument("--model", type=Path, default=None,
                                             help="default: loaders/nlp/models/clause_filter")
    args = parser.parse_args(argv)
    if args.command.startswith("judged-"):
        return _judged_main(args)
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


def _judged_main(args) -> int:
    from bench.judged_tables import TABLES, read_table, read_tables

    start = time.process_time()
    stats: dict = {}
    if args.command == "judged-score":
        if not args.table.is_file():
            raise SystemExit(f"{args.table}: no such judged table")
        entries = read_table(args.table)
    else:
        folder = args.tables or TABLES
        if not folder.is_dir():
            raise SystemExit(f"{folder}: no such folder of judged tables")
        entries = read_tables(folder, exclude=TEST_TABLES)
    if not entries:
        raise SystemExit("no judged rows read (tables with the header of bench.judged_tables.HEADER)")
    if args.command == "judged-score":
        from loaders.nlp.clause_filter import MODEL_DIR, load_classifier

        nlp = load_classifier(args.model or MODEL_DIR)
        args.features = int(nlp.meta.get("feature_set", 1))
    judged = collect_judged(entries, args.laws, args.cache, stats, args.features)
    print(f"{stats['entries']} judged entries, {stats['entries no longer proposed']} no longer proposed; "
          f"{stats['pairs']} pairs (keep / veto {stats['pairs keep / veto']}); titles without a file: "
          f"{stats['titles without a file']}; {time.process_time() - start:.1f} CPU s", file=sys.stderr)
    result: dict = {"stats": stats}
    if args.command == "judged-score":
        threshold = float(nlp.meta["threshold"])
        scores = predict(nlp, [j.pair for j in judged])
        result.update({"threshold": threshold, "rules": judged_metrics(judged, None),
                       "filtered": judged_metrics(judged, scores, threshold),
                       "vetoed": [f"{j.file} art. {j.pair.article[0]} {j.pair.category} p={p:.2f} "
                                  f"{'/'.join(e.verdict for e in j.entries)}"
                                  for j, p in zip(judged, scores) if p < threshold]})
        for name in ("rules", "filtered"):
            m = result[name]
            print(f"{name:>8}: pairs kept {m['pairs kept']}/{m['pairs']}, pair P {m['pair P']} R {m['pair R']}, "
                  f"entry P {m['entry P']} R {m['entry R']} (threshold {threshold})")
        print("\n".join(result["vetoed"]))
    else:
        extra: list[Pair] = []
        if args.with_gold:
            parts = gold_parts(GOLD_DIR, TRAIN_PARTS)
            data = collect([r for part in TRAIN_PARTS for r in parts.get(part, [])], args.laws, "proposed",
                           args.features)
            extra = [p for d in data.values() for p in d.pairs]
        if args.command == "judged-cv":
            result.update(cross_validate_judged(judged, extra, args.folds, args.repeats, args.seed, args.epochs))
            _print_judged(result)
        else:
            from loaders.nlp.clause_filter import MODEL_DIR

            nlp = train([j.pair for j in judged] + extra, args.seed, args.epochs)
            out = args.out or MODEL_DIR
            nlp.meta["name"] = "clause_filter"
            nlp.meta["threshold"] = args.threshold
            nlp.meta["feature_set"] = args.features
            nlp.meta["description"] = (
                f"textcat over rule-proposed (article, category) pairs; threshold {args.threshold}; trained by "
                f"bench.train_clause_filter judged-train on {len(judged)} judged corpus pairs"
                + (f" and {len(extra)} gold pairs" if extra else ""))
            nlp.to_disk(out)
            print(f"saved to {out} (threshold {args.threshold})")
    result["cpu_seconds"] = round(time.process_time() - start, 1)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

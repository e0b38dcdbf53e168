"""A trained precision filter over the rules: may this article really grant a power of this category?

The rule components propose (article, category) pairs (``Doc._.clauses``).  This
component scores each proposed category of the article with a spaCy text
classifier (``textcat``, bag of features, CPU) and vetoes the pairs it scores
below ``threshold``: their findings move from ``Doc._.clauses`` to
``Doc._.vetoed_clauses``; every score is left on ``Doc._.clause_scores``.

The classifier does not read raw text: :func:`pair_features` turns one
(article, category) into a list of feature tokens (the rule's construction,
actions, modality and subject type, and the characters around each act of the
category), and a Doc of those tokens is what ``textcat`` classifies (labels
``KEEP`` and ``DROP``).  A bag of features costs one hash lookup per token, so
the filter adds little to the rules' time.  ``python -m bench.train_clause_filter``
builds the training pairs from the gold set, cross-validates by law and writes
the model to :data:`MODEL_DIR`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from .clauses import ClauseFinding
from .terms import Term

MODEL_DIR = Path(__file__).resolve().parent / "models" / "clause_filter"
KEEP, DROP = "KEEP", "DROP"
DEFAULT_THRESHOLD = 0.5
FEATURE_SETS = (1, 2)

if not Doc.has_extension("clause_scores"):
    Doc.set_extension("clause_scores", default=None)  # category -> P(KEEP) of every proposed category
if not Doc.has_extension("vetoed_clauses"):
    Doc.set_extension("vetoed_clauses", default=None)  # the findings of the vetoed categories

# how many acts of one category are read: an article rarely holds more that differ
_MAX_ACTS = 4
_LEFT, _RIGHT = 12, 6
_STOP = re.compile(r"[。；;\n]")
_GENERIC_SUBJECT = re.compile(r"^(?:行政机关|有关|其他|上级|本级|各级)|有关部门$|行政机关$")


def _grams(text: str, tag: str, category: str) -> list[str]:
    """Character unigrams and bigrams of ``text``, plain and joined to the category (a linear model
    needs the conjunction to learn that a context matters for one category only)."""
    out = []
    for i, ch in enumerate(text):
        out.append(f"{tag}1|{ch}")
        if i + 1 < len(text):
            bigram = text[i: i + 2]
            out.append(f"{tag}2|{bigram}")
            out.append(f"{tag}2|{category}|{bigram}")
    return out


def _window(text: str, start: int, end: int, left: int = _LEFT, right: int = _RIGHT) -> tuple[str, str]:
    """The ``left`` characters before ``start`` and ``right`` after ``end``, within the sentence."""
    lo = max(0, start - left)
    stop = None
    for stop in _STOP.finditer(text, lo, start):
        pass
    if stop is not None:
        lo = stop.end()
    hi = min(len(text), end + right)
    after = _STOP.search(text, end, hi)
    if after is not None:
        hi = after.start()
    return text[lo:start], text[end:hi]


def _subject_type(subject: str) -> str:
    if _GENERIC_SUBJECT.search(subject):
        return "generic"
    for suffix in ("人民政府", "国务院", "委员会", "机构", "机关", "部门"):
        if subject.endswith(suffix):
            return suffix
    return "other"


def _construction_features(text: str, acts: Sequence[Term], findings: Sequence[ClauseFinding], category: str
                           ) -> list[str]:
    """Feature set 2: the rules' construction, subject type and modality joined to the category, and the
    character bigrams close to each act (6 before, 4 after, within the sentence) joined to the construction.
    Chosen by grouped cross-validation on the judged corpus entries (BENCHMARKS.md, clause filter on judged
    entries): the wider windows, unigrams and bigrams not joined to a construction of set 1 only added noise."""
    feats = [f"C|{category}"]
    for finding in findings:
        feats.append(f"K|{category}|{finding.construction}")
        feats.append(f"S|{category}|{_subject_type(finding.subject)}")
        feats.append(f"M|{category}|{finding.modality}")
    constructions = sorted({f.construction or "-" for f in findings}) or ["-"]
    for act in acts[:_MAX_ACTS]:
        left, right = _window(text, act.start, act.end, 6, 4)
        for tag, part in (("L", left), ("R", right)):
            for i in range(len(part) - 1):
                feats.extend(f"{tag}|{k}|{part[i: i + 2]}" for k in constructions)
    return feats


def pair_features(text: str, terms: Sequence[Term], findings: Sequence[ClauseFinding], category: str,
                  feature_set: int = 1) -> list[str]:
    """The feature tokens of one (article, category): ``findings`` are the rules' of that category
    (empty for a candidate the rules did not propose, used in training only).  ``feature_set`` 2 is
    :func:`_construction_features` (a model records its set in ``meta.json``; no set: 1)."""
    if feature_set not in FEATURE_SETS:
        raise ValueError(f"unknown clause filter feature set {feature_set!r} (known: {FEATURE_SETS})")
    acts = [t for t in terms if t.label == "ACT" and t.category == category]
    if not acts and findings:  # a category the rules derive (征收 approved: 行政征收 from 批准)
        positions = sorted({p for f in findings for p in (f.positions or [f.start])})
        acts = [t for t in terms if t.label == "ACT" and t.start in positions]
    if feature_set == 2:
        return _construction_features(text, acts, findings, category)
    feats = [f"C|{category}", f"RULE|{category}|{bool(findings)}", f"NF|{category}|{min(len(findings), 3)}"]
    for finding in findings:
        feats.append(f"K|{category}|{finding.construction}")
        feats.append(f"M|{category}|{finding.modality}")
        feats.append(f"S|{category}|{_subject_type(finding.subject)}")
        feats.extend(f"A|{category}|{action}" for action in finding.actions)
    seen = 0
    for act in acts:
        if seen == _MAX_ACTS:
            break
        seen += 1
        feats.append(f"T|{category}|{act.key}")
        left, right = _window(text, act.start, act.end)
        feats.extend(_grams(left, "L", category))
        feats.extend(_grams(right, "R", category))
        if left.rfind("的，") >= 0 or left.rfind("的,") >= 0:
            feats.append(f"AFTERCASE|{category}")
    feats.append(f"LEN|{min(len(text) // 100, 5)}")
    return feats


def candidate_categories(terms: Sequence[Term], findings: Iterable[ClauseFinding]) -> list[str]:
    """Categories of an article worth a training pair: the rules' and every act's (the rules' misses
    and their near misses are the negatives the rules make on laws they were not written for)."""
    categories = {f.category for f in findings}
    categories.update(t.category for t in terms if t.label == "ACT" and t.category)
    return sorted(categories)


def feature_doc(vocab, feats: list[str]) -> Doc:
    return Doc(vocab, words=feats or ["EMPTY"], spaces=[True] * len(feats or ["EMPTY"]))


class ClauseFilter:
    """Pipeline component: vetoes the rule-proposed categories the classifier scores below ``threshold``."""

    def __init__(self, classifier: Language, threshold: float = DEFAULT_THRESHOLD):
        if "textcat" not in classifier.pipe_names:
            raise ValueError(f"the clause filter model has no textcat component (pipes: {classifier.pipe_names})")
        self.classifier = classifier
        self.textcat = classifier.get_pipe("textcat")
        self.threshold = threshold
        self.feature_set = int(classifier.meta.get("feature_set", 1))

    def scores(self, text: str, terms: Sequence[Term], findings: Sequence[ClauseFinding]) -> dict[str, float]:
        """P(KEEP) of every category among ``findings``."""
        by_category: dict[str, list[ClauseFinding]] = {}
        for finding in findings:
            by_category.setdefault(finding.category, []).append(finding)
        if not by_category:
            return {}
        docs = [feature_doc(self.classifier.vocab, pair_features(text, terms, group, category, self.feature_set))
                for category, group in by_category.items()]
        predicted = self.textcat.predict(docs)
        keep = self.textcat.labels.index(KEEP)
        return {category: float(predicted[i][keep]) for i, category in enumerate(by_category)}

    def __call__(self, doc: Doc) -> Doc:
        findings = doc._.clauses or []
        scores = self.scores(doc._.source or doc.text, doc._.terms or [], findings)
        doc._.clause_scores = scores
        doc._.clauses = [f for f in findings if scores[f.category] >= self.threshold]
        doc._.vetoed_clauses = [f for f in findings if scores[f.category] < self.threshold]
        return doc


def load_classifier(path: str | Path = MODEL_DIR) -> Language:
    """The trained textcat pipeline saved by ``bench.train_clause_filter``."""
    import spacy

    path = Path(path)
    if not (path / "config.cfg").is_file():
        raise FileNotFoundError(f"{path}: no clause filter model here (train one: python -m bench.train_clause_filter train)")
    return spacy.load(path)


@Language.factory("clause_filter", default_config={"model": None, "threshold": None})
def make_clause_filter(nlp: Language, name: str, model: str | None, threshold: float | None):
    """``model``: the saved textcat (default :data:`MODEL_DIR`); ``threshold``: default the one it was
    saved with (``meta.json``, chosen on the training laws), else :data:`DEFAULT_THRESHOLD`."""
    classifier = load_classifier(model or MODEL_DIR)
    if threshold is None:
        threshold = float(classifier.meta.get("threshold", DEFAULT_THRESHOLD))
    return ClauseFilter(classifier, threshold)

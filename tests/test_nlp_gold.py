"""The extractor against the hand-annotated gold set: scores must not fall below the floor reached."""

from __future__ import annotations

import pytest

from bench.eval_extraction import GOLD, evaluate, load_gold

# Reached on 2026-11-26: P 0.976, R 0.962, subject exact match 0.950 (356 articles, 8 laws).
FLOOR_PRECISION = 0.95
FLOOR_RECALL = 0.95
FLOOR_SUBJECT = 0.93


@pytest.fixture(scope="module")
def scores(laws_dir):
    return evaluate(load_gold(GOLD), laws_dir)


def test_gold_set_is_large_and_varied() -> None:
    gold = load_gold(GOLD)
    assert len(gold) >= 300
    assert len({record["law"] for record in gold}) >= 5
    assert any(not record["clauses"] for record in gold)  # articles that grant nothing are in it
    for record in gold:
        assert sorted({c["category"] for c in record["clauses"]}) == record["categories"]


def test_precision_and_recall_floor(scores) -> None:
    precision, recall, _ = scores.prf()
    assert precision >= FLOOR_PRECISION, "\n".join(scores.errors)
    assert recall >= FLOOR_RECALL, "\n".join(scores.errors)


def test_subject_accuracy_floor(scores) -> None:
    assert scores.subject_accuracy >= FLOOR_SUBJECT, "\n".join(e for e in scores.errors if e.startswith("SUBJ"))

"""The classes of list claims the extractor does not hold (bench.eval_extraction.claim_class) and their tables."""

from __future__ import annotations

import re

import pytest

from bench.eval_extraction import (COMPANION, JUDGED, MISSED, NOT_STATED, OTHER_QUOTE, Claim, ListScores,
                                   claim_class, load_judged, load_vocabulary)
from kg.model import CATEGORY_NAMES

LAW = "中华人民共和国土地管理法"
VERSION = f"{LAW}/2019-08-26"
PROHIBITION = (VERSION, 37, 0, "行政处罚")
PENALTY = (VERSION, 75, 0, "行政处罚")


def _scores(*claims: tuple[tuple, str, list[float | None]], items: list[set] | None = None, held=()) -> ListScores:
    scores = ListScores(held=set(held), item_claims=items or [set(k for k, _, _ in claims)])
    for key, text, quotes in claims:
        scores.claims[key] = Claim(key[0], LAW, key[1], key[2], key[3], item_ids=[0] * len(quotes), quotes=quotes,
                                   text=text)
    return scores


def test_the_prohibition_cited_beside_its_held_penalty_is_a_companion() -> None:
    # 土地管理法 (2019) art. 37 (禁止占用耕地建窑…) cited with art. 75, which holds the penalty
    scores = _scores((PROHIBITION, "第三十七条 禁止占用耕地建窑、建坟", [1.0]), (PENALTY, "第七十五条 …处以罚款", [1.0]),
                     held={PENALTY})
    assert claim_class(PROHIBITION, scores.claims[PROHIBITION], scores, load_vocabulary(), {}) == COMPANION


def test_a_claim_alone_is_classed_by_its_quote_its_words_and_the_judged_table() -> None:
    vocabulary = load_vocabulary()
    text = "第三十七条 禁止占用耕地建窑、建坟"  # no penalty word: the prohibition, not its sanction
    scores = _scores((PROHIBITION, text, [1.0]))
    assert claim_class(PROHIBITION, scores.claims[PROHIBITION], scores, vocabulary, {}) == NOT_STATED
    scores = _scores((PROHIBITION, text, [0.2]))  # the list quoted another text than this article's
    assert claim_class(PROHIBITION, scores.claims[PROHIBITION], scores, vocabulary, {}) == OTHER_QUOTE
    scores = _scores((PROHIBITION, text, [0.2, None]))  # one citation without a quote: the number is taken
    assert claim_class(PROHIBITION, scores.claims[PROHIBITION], scores, vocabulary, {}) == NOT_STATED
    fine = "第三十七条 违反本法规定的，处以罚款"
    scores = _scores((PROHIBITION, fine, [1.0]))
    assert claim_class(PROHIBITION, scores.claims[PROHIBITION], scores, vocabulary, {}) == MISSED
    judged = {("土地管理法", 37, "行政处罚"): "duty_of_public"}
    assert claim_class(PROHIBITION, scores.claims[PROHIBITION], scores, vocabulary, judged) == JUDGED


def test_an_item_holding_nothing_elsewhere_keeps_its_claim() -> None:
    # two items: one cites the penalty beside the prohibition, the other the prohibition alone
    scores = _scores((PROHIBITION, "第三十七条 违反本法规定的，处以罚款", [1.0, 1.0]), (PENALTY, "第七十五条 …", [1.0]),
                     items=[{PROHIBITION, PENALTY}, {PROHIBITION}], held={PENALTY})
    scores.claims[PROHIBITION].item_ids = [0, 1]
    assert claim_class(PROHIBITION, scores.claims[PROHIBITION], scores, load_vocabulary(), {}) == MISSED


def test_vocabulary_has_every_category_and_its_examples_read() -> None:
    import csv

    from bench.eval_extraction import VOCABULARY

    vocabulary = load_vocabulary()
    assert set(vocabulary) == set(CATEGORY_NAMES)
    with VOCABULARY.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            assert row["example"], row
            quoted = re.findall(r"[\u4e00-\u9fff，、…]{4,}", row["example"].split(" art. ", 1)[-1])
            if row["category"] != "其他":
                assert any(vocabulary[row["category"]].search(q) for q in quoted), row


@pytest.mark.parametrize("row", sorted(load_judged().items()))
def test_every_judged_row_names_a_category_and_a_kind(row) -> None:
    (law, article, category), kind = row
    assert law and article > 0 and category in CATEGORY_NAMES and re.fullmatch(r"[a-z_]+", kind)

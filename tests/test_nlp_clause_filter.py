"""The trained clause filter (loaders.nlp.clause_filter, bench.train_clause_filter): loads, vetoes, keeps, reproduces.

The model is trained here on the gold set's main and dev parts (a few CPU seconds): no model is shipped
(BENCHMARKS.md, clause extraction: the rules were kept), so the tests build their own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.eval_extraction import GOLD_DIR, gold_parts
from bench.train_clause_filter import TRAIN_PARTS, collect, predict, train
from loaders.nlp import build_pipeline
from loaders.nlp.clause_filter import ClauseFilter, load_classifier
from loaders.nlp.extract import FILTER_SWITCH, analysed_articles, filter_enabled, get_pipeline
from loaders.statutes import parse_file


@pytest.fixture(scope="module")
def gold_pairs(laws_dir: Path):
    parts = gold_parts(GOLD_DIR, TRAIN_PARTS)
    return collect([r for part in TRAIN_PARTS for r in parts[part]], laws_dir)


@pytest.fixture(scope="module")
def model_dir(gold_pairs, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("clause_filter")
    train([p for d in gold_pairs.values() for p in d.pairs]).to_disk(out)
    return out


def _article_doc(nlp, laws_dir: Path, file: str, number: int):
    parsed = parse_file(laws_dir / file)
    return next(a.doc for a in analysed_articles(parsed.version, list(parsed.provisions), nlp) if a.number == number)


def test_component_loads_after_the_clause_extractor(model_dir: Path) -> None:
    nlp = build_pipeline("char", make_spans=False, clause_filter=True, filter_config={"model": str(model_dir)})
    assert nlp.pipe_names == ["legal_terms", "authorising_clauses", "clause_filter", "statutory_roles"]


def test_keeps_a_clear_grant(model_dir: Path) -> None:
    nlp = build_pipeline("char", make_spans=False, clause_filter=True, filter_config={"model": str(model_dir)})
    doc = nlp("违反本法第三十五条规定，由县级以上人民政府食品安全监督管理部门没收违法所得，并处五万元以上十万元以下罚款。")
    assert doc._.clause_scores["行政处罚"] > 0.9
    assert [c.category for c in doc._.clauses] == ["行政处罚"] and doc._.vetoed_clauses == []


def test_vetoes_a_clear_non_grant(model_dir: Path, laws_dir: Path) -> None:
    # 审计法 art. 28: 审计机关可以对被审计单位依法应当接受审计的事项进行全面审计，也可以…进行专项审计 — the scope of
    # an audit, no inspection of its own (dev gold: no clause); the rules read 行政检查 in it (art. 3, the example
    # until the procedures table of i12-proc voided it, is no longer proposed)
    rules = _article_doc(get_pipeline("char", clause_filter=False), laws_dir, "经济法/审计法(2021-10-23).md", 28)
    assert "行政检查" in {f.category for f in rules._.clauses}
    nlp = build_pipeline("char", make_spans=False, clause_filter=True, filter_config={"model": str(model_dir)})
    doc = _article_doc(nlp, laws_dir, "经济法/审计法(2021-10-23).md", 28)
    assert doc._.clause_scores["行政检查"] < 0.5
    assert "行政检查" not in {f.category for f in doc._.clauses}
    assert "行政检查" in {f.category for f in doc._.vetoed_clauses}


def test_training_is_reproducible(gold_pairs) -> None:
    pairs = [p for d in gold_pairs.values() for p in d.pairs][:400]
    first, second = train(pairs, seed=3, epochs=3), train(pairs, seed=3, epochs=3)
    assert predict(first, pairs) == predict(second, pairs)


def test_a_folder_without_a_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no clause filter model"):
        load_classifier(tmp_path)


def test_a_model_without_textcat_is_refused() -> None:
    import spacy

    with pytest.raises(ValueError, match="no textcat"):
        ClauseFilter(spacy.blank("zh"))


def test_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(FILTER_SWITCH, "0")
    assert filter_enabled() is False
    assert filter_enabled(True) is True
    monkeypatch.delenv(FILTER_SWITCH)
    assert filter_enabled(False) is False

"""The clause filter trained on the judged corpus entries (bench.judged_tables, bench.train_clause_filter judged-*):
tables read, labels at the pair level, folds by law, metrics, feature set 2.  No corpus extraction here but one
small law: the cross-validation itself is measured in BENCHMARKS.md."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from bench.judged_tables import TABLES, JudgedEntry, pair_label, read_table, read_tables
from bench.train_clause_filter import (TEST_TABLES, JudgedPair, Pair, folds_by_law, judged_metrics, main, predict,
                                       train)
from loaders.nlp.clause_filter import ClauseFilter, pair_features

TABLE = """# A round

| verdict | entries |
|---|---:|
| right | 2 |

## The entries

| n | law | art. | category | subject | construction | verdict | group | note |
|---:|---|---:|---|---|---|---|---|---|
| 1 | 旅行社条例 | 62 | 行政处罚 | 旅游行政管理部门 | penalty | right |  |  |
| 2 | 农业法 | 39 | 行政检查 | 审计机关 | inspection | not a clause | internal_audit | 审计监督 of 财政和信贷资金 |
| 3 | 某条例 | 8之1 | 行政确认 | 街道办事处 | registration | wrong subject | entrusted |  |

| tree | lost / gained | drawn (seed) | right to lose | wrong loss | note |
|---|---|---:|---:|---:|---|
| first rows | 363 / 2 | 30 (5) | 28 | 1 | another table, not read |
"""


def test_reads_the_judged_rows_only(tmp_path: Path) -> None:
    path = tmp_path / "precision-x.md"
    path.write_text(TABLE, encoding="utf-8")
    rows = read_table(path)
    assert [(r.n, r.law, r.article, r.category, r.verdict) for r in rows] == [
        (1, "旅行社条例", (62, 0), "行政处罚", "right"),
        (2, "农业法", (39, 0), "行政检查", "not a clause"),
        (3, "某条例", (8, 1), "行政确认", "wrong subject")]
    assert rows[0].section == "The entries"


def test_a_wrong_subject_is_a_true_pair_and_uncertain_is_unusable() -> None:
    assert [pair_label(v) for v in ("right", "wrong subject", "not a clause", "wrong category", "uncertain")] == [
        True, True, False, False, None]
    with pytest.raises(ValueError, match="unknown verdict 'maybe'"):
        pair_label("maybe")


def test_bad_rows_are_clear_errors(tmp_path: Path) -> None:
    path = tmp_path / "precision-y.md"
    path.write_text(TABLE.replace("| penalty | right |", "| penalty | right enough |"), encoding="utf-8")
    with pytest.raises(ValueError, match="unknown verdict 'right enough'"):
        read_table(path)
    path.write_text(TABLE.replace("| 62 |", "| 62 | extra |"), encoding="utf-8")
    with pytest.raises(ValueError, match=r"precision-y.md:\d+: 10 cells"):
        read_table(path)
    path.write_text(TABLE.replace("| 62 |", "| art. 62 |"), encoding="utf-8")
    with pytest.raises(ValueError, match="article 'art. 62' unreadable"):
        read_table(path)


def test_the_test_table_is_never_read_for_training(tmp_path: Path) -> None:
    for name in ("precision-a.md", *TEST_TABLES):
        (tmp_path / name).write_text(TABLE, encoding="utf-8")
    assert {r.table for r in read_tables(tmp_path, exclude=TEST_TABLES)} == {"precision-a.md"}


def test_the_repository_tables_hold_the_judged_rounds() -> None:
    rows = read_tables(TABLES, exclude=TEST_TABLES)
    assert len(rows) >= 950 and not any(r.table in TEST_TABLES for r in rows)
    assert {r.verdict for r in rows} <= {"right", "wrong subject", "not a clause", "wrong category", "uncertain"}


def _judged(law: str, label: bool, verdicts: list[str], feats: list[str]) -> JudgedPair:
    entries = [JudgedEntry("t.md", "", i, law, (1, 0), "行政许可", "x", "approval", v) for i, v in enumerate(verdicts)]
    return JudgedPair(f"{law}.md", Pair(law, (1, 0), "行政许可", feats, True, label), entries)


def test_metrics_at_pair_and_entry_level() -> None:
    judged = [_judged("甲", True, ["right"], []), _judged("乙", True, ["wrong subject"], []),
              _judged("丙", False, ["not a clause", "uncertain"], []), _judged("丁", True, ["right"], [])]
    rules = judged_metrics(judged, None)
    assert (rules["pair P"], rules["pair R"], rules["entry P"], rules["entries kept"]) == (0.75, 1.0, 0.5, 4)
    filtered = judged_metrics(judged, [0.9, 0.2, 0.1, 0.8], 0.5)  # vetoes 乙 (true pair, wrong subject) and 丙
    assert (filtered["pair P"], filtered["pair R"], filtered["vetoed true"], filtered["vetoed false"]) == (
        1.0, 0.667, 1, 1)
    assert (filtered["entry P"], filtered["entry R"]) == (1.0, 1.0)  # the wrong subject was no right entry


def test_folds_never_split_a_law() -> None:
    judged = [_judged(law, True, ["right"], []) for law in "甲甲乙乙乙丙丁戊己己"]
    folds = folds_by_law(judged, 3, seed=4)
    assert sorted(i for f in folds for i in f) == list(range(len(judged)))
    for fold in folds:
        laws = {judged[i].pair.law for i in fold}
        assert all(judged[i].pair.law not in laws for other in folds if other is not fold for i in other)
    assert folds == folds_by_law(judged, 3, seed=4)


def _act(start: int, end: int, key: str, category: str = "行政许可"):
    return SimpleNamespace(label="ACT", category=category, start=start, end=end, key=key)


def _finding(construction: str, subject: str = "县级以上人民政府自然资源主管部门", category: str = "行政许可"):
    return SimpleNamespace(category=category, construction=construction, modality="may", subject=subject,
                           actions=("批准",), positions=None, start=0)


def test_feature_set_2_joins_the_context_to_the_construction() -> None:
    text = "编制的规划报省人民政府批准后实施。"
    start = text.index("批准")
    feats = pair_features(text, [_act(start, start + 2, "批准")], [_finding("approval")], "行政许可", 2)
    assert {"C|行政许可", "K|行政许可|approval", "S|行政许可|部门", "L|approval|政府", "R|approval|后实"} <= set(feats)
    assert not any(f.startswith("L1|") for f in feats)  # set 1's unigrams are not in set 2
    assert any(f.startswith("L1|") for f in pair_features(text, [_act(start, start + 2, "批准")],
                                                           [_finding("approval")], "行政许可"))
    with pytest.raises(ValueError, match="unknown clause filter feature set 3"):
        pair_features(text, [], [], "行政许可", 3)


def test_a_model_remembers_its_feature_set(tmp_path: Path) -> None:
    text = "编制的规划报省人民政府批准后实施。"
    start = text.index("批准")
    act, finding = _act(start, start + 2, "批准"), _finding("approval")
    pairs = [Pair("甲", (1, 0), "行政许可", pair_features(text, [act], [finding], "行政许可", 2), True, False),
             Pair("乙", (1, 0), "行政处罚", ["C|行政处罚", "K|行政处罚|penalty"], True, True)] * 8
    nlp = train(pairs, seed=1, epochs=4)
    nlp.meta["feature_set"] = 2
    component = ClauseFilter(nlp, threshold=0.5)
    assert component.feature_set == 2
    score = component.scores(text, [act], [finding])["行政许可"]
    assert score == pytest.approx(predict(nlp, pairs[:1])[0])


def test_judged_commands_refuse_missing_inputs(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="no such folder of judged tables"):
        main(["judged-cv", "--tables", str(tmp_path / "none")])
    with pytest.raises(SystemExit, match="no judged rows read"):
        main(["judged-cv", "--tables", str(tmp_path)])
    with pytest.raises(SystemExit, match="no such judged table"):
        main(["judged-score", str(tmp_path / "precision-z.md")])

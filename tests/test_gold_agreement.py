"""The inter-annotator agreement of bench.gold_agreement, on small hand-made annotations whose figures are worked
out by hand below."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.gold_agreement import compare, main, pooled, read_annotation

LAW = "中华人民共和国测试法"


def clause(category: str, subject: str, modality: str | None = None) -> dict:
    return {"category": category, "subject": subject, "modality": modality, "actions": []}


def write(path: Path, records: list[tuple[int, list[dict]]], law: str = LAW) -> Path:
    lines = [json.dumps({"law": law, "file": "x.md", "article": n,
                         "categories": sorted({c["category"] for c in clauses}), "clauses": clauses},
                        ensure_ascii=False) for n, clauses in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    # 4 articles x 10 categories = 40 decisions.
    # A pairs: (1 处罚) (2 许可) (3 检查) (3 其他)          -> 4
    # B pairs: (1 处罚) (2 许可) (3 检查) (4 确认)          -> 4
    # both 3, a_only 1 (3 其他), b_only 1 (4 确认); subjects differ on (2 许可)
    a = write(tmp_path / "a.jsonl", [
        (1, [clause("行政处罚", "公安机关", None), clause("行政处罚", "公安机关", "可以")]),
        (2, [clause("行政许可", "县级以上人民政府水行政主管部门", "应当")]),
        (3, [clause("行政检查", "水行政主管部门", "可以"), clause("其他", "水行政主管部门")]),
        (4, []),
    ])
    b = write(tmp_path / "b.jsonl", [
        (1, [clause("行政处罚", "公安机关", "可以")]),
        (2, [clause("行政许可", "有关水行政主管部门", "应当")]),
        (3, [clause("行政检查", "水行政主管部门", None)]),
        (4, [clause("行政确认", "县级人民政府")]),
    ])
    return a, b


def test_pairs_kappa_and_subjects_worked_out_by_hand(pair: tuple[Path, Path]) -> None:
    a, b = pair
    g = compare(read_annotation(a), read_annotation(b))[LAW]
    assert (g.articles, g.both, g.a_only, g.b_only) == (4, 3, 1, 1)
    assert g.precision == pytest.approx(3 / 4) and g.recall == pytest.approx(3 / 4)
    assert g.f1 == pytest.approx(3 / 4)
    # observed 38/40; p_a = p_b = 4/40, expected = 0.1*0.1 + 0.9*0.9 = 0.82; kappa = (0.95-0.82)/0.18
    assert g.kappa == pytest.approx((0.95 - 0.82) / 0.18)
    assert (g.subject_right, g.subject_accuracy) == (2, pytest.approx(2 / 3))
    # entries with the same (category, subject) in both: art 1 处罚 公安机关 (A's last modality 可以 = B's 可以),
    # art 3 检查 (可以 vs null)
    assert (g.modality_right, g.modality_total) == (1, 2)
    assert g.modality_differences == ["测试法 art. 3 行政检查 水行政主管部门: A 可以 B None"]
    kinds = sorted((d.article, d.category, d.kind) for d in g.disagreements)
    assert kinds == [(2, "行政许可", "subject"), (3, "其他", "a_only"), (4, "行政确认", "b_only")]


def test_identical_annotations_agree_fully_and_kappa_is_one(pair: tuple[Path, Path]) -> None:
    a, _ = pair
    g = compare(read_annotation(a), read_annotation(a))[LAW]
    assert (g.precision, g.recall, g.f1, g.kappa, g.subject_accuracy) == (1.0, 1.0, 1.0, 1.0, 1.0)
    assert g.disagreements == []


def test_disjoint_annotations_have_negative_or_zero_kappa(tmp_path: Path) -> None:
    a = write(tmp_path / "a.jsonl", [(1, [clause("行政处罚", "X")]), (2, [])])
    b = write(tmp_path / "b.jsonl", [(1, []), (2, [clause("行政许可", "Y")])])
    g = compare(read_annotation(a), read_annotation(b))[LAW]
    assert (g.both, g.f1) == (0, 0.0)
    # observed 18/20, p = 1/20 each, expected 0.0025 + 0.9025 = 0.905: kappa (0.9-0.905)/0.095 < 0
    assert g.kappa == pytest.approx((0.9 - 0.905) / 0.095)
    assert g.kappa < 0


def test_articles_only_one_side_has_are_listed_not_scored(tmp_path: Path) -> None:
    a = write(tmp_path / "a.jsonl", [(1, [clause("行政处罚", "X")]), (2, [clause("行政许可", "Y")])])
    b = write(tmp_path / "b.jsonl", [(1, [clause("行政处罚", "X")]), (3, [])])
    g = compare(read_annotation(a), read_annotation(b))[LAW]
    assert g.articles == 1 and g.a_only == 0 and g.b_only == 0
    assert g.only_a_articles == ["测试法 art. 2"] and g.only_b_articles == ["测试法 art. 3"]


def test_folders_compare_the_laws_both_hold_and_pool(tmp_path: Path, pair: tuple[Path, Path]) -> None:
    (tmp_path / "A").mkdir(), (tmp_path / "B").mkdir()
    write(tmp_path / "A" / "one.jsonl", [(1, [clause("行政处罚", "X")])], law="甲法")
    write(tmp_path / "A" / "two.jsonl", [(1, [clause("行政许可", "Y")])], law="乙法")
    write(tmp_path / "A" / "three.jsonl", [(1, [])], law="丙法")          # only in A: not compared
    write(tmp_path / "B" / "one.jsonl", [(1, [clause("行政处罚", "X")])], law="甲法")
    write(tmp_path / "B" / "two.jsonl", [(1, [])], law="乙法")
    by_law = compare(read_annotation(tmp_path / "A"), read_annotation(tmp_path / "B"))
    assert sorted(by_law) == ["乙法", "甲法"]
    total = pooled(by_law)
    assert (total.articles, total.both, total.a_only, total.b_only) == (2, 1, 1, 0)
    assert total.recall == pytest.approx(0.5) and total.precision == 1.0


def test_cli_prints_the_table_and_writes_json(tmp_path: Path, pair: tuple[Path, Path], capsys) -> None:
    a, b = pair
    out = tmp_path / "agreement.json"
    assert main([str(a), str(b), "--disagreements", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "测试法" in printed and "b_only   测试法 art. 4 行政确认" in printed
    payload = json.loads(out.read_text(encoding="utf-8"))
    assert payload["pooled"]["both"] == 3 and len(payload["disagreements"]) == 3


@pytest.mark.parametrize("line, message", [
    ('{"law": "L", "article": 1}', "lacks law, article or clauses"),
    ('{"law": "L", "article": 1, "clauses": [{"category": "处罚", "subject": "X"}]}', "is none of"),
    ('{"law": "L", "article": 1, "clauses": [{"category": "行政处罚"}]}', "lacks category or subject"),
    ('{"law": "L", "article": 1, "clauses": []}\n{"law": "L", "article": 1, "clauses": []}', "annotated twice"),
    ('{"law": "L", "article": 1, "clauses": [', "not JSON"),
])
def test_bad_input_names_the_file(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=message) as error:
        read_annotation(path)
    assert "bad.jsonl" in str(error.value)


def test_a_law_asked_for_that_one_side_lacks_is_an_error(pair: tuple[Path, Path]) -> None:
    a, b = pair
    with pytest.raises(SystemExit, match="not in both"):
        compare(read_annotation(a), read_annotation(b), ["别的法"])
    assert LAW in compare(read_annotation(a), read_annotation(b), ["测试法"])

"""plkg check output: formats, kinds, errors, counts."""

from __future__ import annotations

import csv
import io
import json

import pytest
from openpyxl import load_workbook

from kg.errors import UserError
from kg.model import article_id
from queries.report import run_check

from .test_queries_builder import GraphBuilder, cite


@pytest.fixture
def filled(store):
    g = GraphBuilder()
    v = g.law("甲法", "2020-01-01", {30: "由县级以上人民政府农业农村主管部门处罚款。", 31: "县级以上人民政府农业农村主管部门应当检查。"})
    g.clause(article_id(v, 30), "行政处罚", "县级以上人民政府农业农村主管部门", sector="农业农村")
    g.clause(article_id(v, 31), "行政检查", "县级以上人民政府农业农村主管部门", sector="农业农村", modality="应当")
    gov = g.government("甲市")
    agri = g.department(gov, "甲市农业农村局", "农业农村")
    g.item(agri, "a", "甲", "行政处罚", basis_text="", responsibility=False, code="QL-1")
    g.item(agri, "b", "乙", "行政处罚", cite(article_id(v, 30), "《甲法》第三十条"))
    g.item(agri, "c", "丙", "行政处罚", cite(None, "《丙法》", law="丙法", status="law_not_loaded"))
    g.save(store)
    return store


def test_json_all(filled):
    buf = io.StringIO()
    counts = run_check(filled, "all", format="json", out=buf)
    data = json.loads(buf.getvalue())
    assert [d["kind"] for d in data] == ["orphan", "vacuum", "unaccountable", "candidate", "unverifiable"]
    assert counts == {"orphan": 1, "vacuum": 1, "unaccountable": 1, "candidate": 1, "unverifiable": 1}
    orphan = data[0]
    assert {k: orphan[k] for k in ("item_id", "item_code", "name", "department", "category", "government")} == {
        "item_id": "a", "item_code": "QL-1", "name": "甲", "department": "甲市农业农村局",
        "category": "行政处罚", "government": "甲市"}
    assert orphan["evidence"] and set(orphan["evidence"][0]) >= {"citation", "resolved_to", "article_text", "rule"}
    vacuum = data[1]
    assert (vacuum["law"], vacuum["version"], vacuum["article"], vacuum["modality"], vacuum["department"]) == (
        "甲法", "2020-01-01", 31, "应当", "甲市农业农村局")


def test_csv_and_table(filled):
    buf = io.StringIO()
    run_check(filled, "orphans", format="csv", out=buf)
    rows = list(csv.reader(io.StringIO(buf.getvalue())))
    assert rows[0][:3] == ["问题类型", "政府", "实施主体"] and len(rows) == 2 and rows[1][0] == "无依据事项"
    buf = io.StringIO()
    run_check(filled, "all", format="table", out=buf)
    text = buf.getvalue()
    assert "== 无依据事项 (orphan) ==" in text and "该事项未填写设定依据。" in text and "依据无法核验" in text


def test_xlsx(filled, tmp_path):
    path = tmp_path / "out.xlsx"
    run_check(filled, "all", format="xlsx", output=path)
    book = load_workbook(path)
    assert book.sheetnames == ["无依据事项", "权力真空", "有权无责", "建议取消或修改", "依据无法核验", "权力真空（按条文）"]
    sheet = book["无依据事项"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:K2"
    assert [c.value for c in sheet[1]][:5] == ["政府", "实施主体", "事项编码", "事项名称", "权力类别"]


@pytest.mark.parametrize("kind, format, output, message", [
    ("nonsense", "json", None, "unknown finding kind"),
    ("all", "yaml", None, "--format yaml"),
    ("all", "xlsx", None, "--format xlsx needs --output"),
])
def test_errors(filled, kind, format, output, message):
    with pytest.raises(UserError, match=message):
        run_check(filled, kind, format=format, output=output, out=io.StringIO())


@pytest.mark.parametrize("kind, present, absent", [
    # one kind: its own columns, each header once (a DictReader keeps every column)
    ("orphans", ["问题类型", "事项名称", "证据", "问题编号"], ["得分", "条款数", "涉及问题"]),
    # vacuums with their notes and the items proposed to cite a vacuum's clause (missing_basis: 事项名称, 应补依据)
    ("vacuums", ["问题类型", "法律", "条款数", "应补依据"], ["得分", "涉及问题"]),
    ("candidates", ["问题类型", "得分", "涉及问题"], ["条款数"]),
    ("all", ["问题类型", "得分", "涉及问题", "条款数", "事项名称"], []),
])
def test_csv_headers_are_the_kinds_own_and_unique(filled, kind, present, absent):
    buf = io.StringIO()
    run_check(filled, kind, format="csv", out=buf)
    header = next(csv.reader(io.StringIO(buf.getvalue())))
    assert len(header) == len(set(header))
    assert set(present) <= set(header) and not set(absent) & set(header)


def test_json_lines_are_the_findings_own_json_and_rows_kept_or_read_again_the_same(filled, monkeypatch):
    """write_json's fast text (clause evidence encoded once, vacuums made by new_finding) is json.dumps of to_json,
    and check all writes the same whether it keeps the item rows for the vacuums or reads them again."""
    import queries.report as report
    from queries.findings import Finding, new_finding
    from queries.report import iter_findings

    findings = list(iter_findings(filled, "all"))
    assert {f.kind for f in findings} >= {"orphan", "vacuum", "candidate"}
    from queries.ids import identity, identity_text

    for finding in findings:
        assert finding.to_json_text() == json.dumps(finding.to_json(), ensure_ascii=False)
        assert identity_text(finding) == json.dumps(identity(finding), ensure_ascii=False, sort_keys=True)
    decided = Finding(kind="vacuum", government="甲市", reason="x", law="甲法", article=31, decision={"status": "ok"})
    assert decided.to_json_text() == json.dumps(decided.to_json(), ensure_ascii=False)
    made = new_finding(kind="vacuum", government="甲市", reason="x", law="甲法", article=31)
    assert made == Finding(kind="vacuum", government="甲市", reason="x", law="甲法", article=31)
    with pytest.raises(TypeError, match="unknown"):
        new_finding(kind="vacuum", government="甲市", reason="x", clause="甲法")
    kept = io.StringIO()
    run_check(filled, "all", format="json", out=kept)
    monkeypatch.setattr(report, "KEEP_ITEM_ROWS", 0)
    monkeypatch.setattr(report, "KEEP_MEMORY_SHARE", 0)  # the rows read again, government by government
    assert not report.keep_item_rows(filled.count("PowerItem"))
    again = io.StringIO()
    run_check(filled, "all", format="json", out=again)
    assert kept.getvalue() == again.getvalue()

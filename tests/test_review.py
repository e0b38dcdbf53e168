"""The review workflow: the annotated workbook, stable finding ids and decisions that last."""

from __future__ import annotations

import csv
import io
import json
import shutil

import openpyxl
import pytest
from openpyxl.styles import Font, PatternFill
from typer.testing import CliRunner

from kg.decision import Decision
from kg.embedded import EmbeddedStore
from kg.errors import UserError
from loaders.powerlists import load_powers
from loaders.statutes import load_laws
from plkg.cli import app, hoist_global_options
from plkg.demo import DEMO_DATE, DEMO_GOVERNMENT, demo_data
from plkg.review import decide, write_review
from queries.decisions import read_decisions_csv
from queries.report import iter_findings, run_check

LIST = "云溪市2024年权责清单.xlsx"


def demo_rows() -> list[list[str]]:
    path = next((demo_data() / "powerlists").glob("*.csv"))
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def write_list(path, rows, *, edit=None):
    """The demo list as a department's workbook: a merged title row, a styled header, a notes sheet."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "权责清单"
    ws.append(["云溪市农业农村局权责清单（2024年）"])
    ws.merge_cells(start_row=1, end_row=1, start_column=1, end_column=len(rows[0]))
    ws["A1"].font = Font(bold=True, size=16)
    for n, row in enumerate(rows):
        ws.append(edit(n, row) if edit else row)
    for cell in ws[2]:
        cell.font, cell.fill = Font(bold=True), PatternFill("solid", fgColor="FFFF00")
    ws.column_dimensions["C"].width = 33
    notes = book.create_sheet("填报说明")
    notes.append(["本表由云溪市农业农村局填报。"])
    book.save(path)


@pytest.fixture()
def listed(tmp_path_factory):
    """A store with the demo laws and the demo list loaded from a workbook; the workbook's path."""
    folder = tmp_path_factory.mktemp("review")
    store = EmbeddedStore(folder / "s.kg")
    load_laws(store, [demo_data() / "laws"], extract_clauses=True)
    path = folder / LIST
    write_list(path, demo_rows())
    report = load_powers(store, [path], government=DEMO_GOVERNMENT, level="city", date=DEMO_DATE)
    assert not report.errors
    yield store, path
    store.close()


def by_code(ws, column):
    """Appended column ``column`` (a header) by the item code of the row."""
    headers = [c.value for c in ws[2]]
    code, col = headers.index("事项编码"), headers.index(column)
    return {row[code].value: row[col] for row in ws.iter_rows(min_row=3) if row[code].value}


def test_annotated_workbook_keeps_the_original_and_appends_the_review(listed, tmp_path):
    store, path = listed
    out = tmp_path / "out.xlsx"
    result = write_review(store, path, out)
    rows = demo_rows()
    assert result.rows == len(rows) - 1 and not result.warnings
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["核验汇总", "权责清单", "填报说明"]
    ws = book["权责清单"]
    # every original cell, merge and format in place
    assert ws["A1"].value == "云溪市农业农村局权责清单（2024年）" and ws["A1"].font.bold and ws["A1"].font.size == 16
    assert "A1:I1" in {str(m) for m in ws.merged_cells.ranges}
    assert ws.column_dimensions["C"].width == 33 and ws["B2"].fill.fgColor.rgb == "00FFFF00"
    for r, row in enumerate(rows, start=2):
        assert [("" if c.value is None else str(c.value)) for c in ws[r][: len(row)]] == row
    assert book["填报说明"]["A1"].value == "本表由云溪市农业农村局填报。"
    assert [c.value for c in ws[2]][len(rows[0]):] == ["依据核验结论", "现行依据", "条文原文", "问题与建议"]
    verdicts = {code: cell.value for code, cell in by_code(ws, "依据核验结论").items()}
    expected = [("YX-CF-009", "无依据（orphan）"), ("YX-CF-004", "依据层级不足（invalid）"),
                ("YX-CF-003", "依据过时（stale）"), ("YX-CF-011", "依据无法核验（unverifiable）"),
                ("YX-XK-001", "依据已核实（resolved）")]
    for code, verdict in expected:
        assert verdicts[code] == verdict, code
    fills = {code: cell.fill.fgColor.rgb for code, cell in by_code(ws, "依据核验结论").items()}
    assert (fills["YX-CF-009"], fills["YX-CF-003"], fills["YX-XK-001"]) == ("00FFC7CE", "00FFEB9C", "00C6EFCE")
    resolved = by_code(ws, "现行依据")["YX-XK-001"].value
    assert "中华人民共和国蜂业促进法" in resolved and "第十条" in resolved
    assert "蜂种生产经营许可证" in by_code(ws, "条文原文")["YX-XK-001"].value
    issues = by_code(ws, "问题与建议")["YX-CF-009"].value
    orphan = next(f for f in iter_findings(store, "orphans") if f.item_code == "YX-CF-009")
    assert f"[{orphan.finding_id}]" in issues and orphan.reason in issues
    summary = book["核验汇总"]
    assert summary._charts and summary["A21"].value == "问题类型"
    counts = {row[1]: row[2] for row in summary.iter_rows(min_row=22, values_only=True) if row[1]}
    assert counts["orphan"] == 3 and counts["stale_basis"] == 3


def test_review_errors_name_the_file(listed, tmp_path):
    store, path = listed
    other = tmp_path / "其他清单.xlsx"
    shutil.copy(path, other)
    with pytest.raises(UserError, match="not loaded in this store"):
        write_review(store, other, tmp_path / "out.xlsx")
    with pytest.raises(UserError, match="written as .xlsx"):
        write_review(store, path, tmp_path / "out.xls")
    # a loaded department: its workbook is found under --source-dir
    result = write_review(store, None, tmp_path / "dept.xlsx", department="云溪市农业农村局", source_dir=path.parent)
    assert result.source == path and result.rows > 0
    with pytest.raises(UserError, match="not under"):
        write_review(store, None, tmp_path / "dept.xlsx", department="云溪市农业农村局", source_dir=tmp_path / "none")


@pytest.mark.corpus
def test_xls_workbook_written_back_as_xlsx(powerlists_dir, tmp_path):
    import xlrd

    source = powerlists_dir / "karamay" / "克拉玛依市科学技术局2024年权责清单.xls"
    store = EmbeddedStore(tmp_path / "k.kg")
    load_powers(store, [source], date="2024-06-01")
    result = write_review(store, source, tmp_path / "k.xlsx")
    assert result.rows == 4
    assert any("3 values hidden under merged cells" in w for w in result.warnings)
    book = openpyxl.load_workbook(tmp_path / "k.xlsx")
    original = xlrd.open_workbook(str(source), formatting_info=True).sheet_by_index(0)
    ws = book.worksheets[1]
    for r in range(original.nrows):
        for c, value in enumerate(original.row_values(r)):
            if value != "" and not any(a <= r < b and c0 <= c < d and (r, c) != (a, c0)
                                       for a, b, c0, d in original.merged_cells):
                got = ws.cell(r + 1, c + 1).value
                assert got == (int(value) if isinstance(value, float) and value.is_integer() else value)
    merged = {(m.min_row, m.max_row, m.min_col, m.max_col) for m in ws.merged_cells.ranges}
    assert {(a + 1, b, c + 1, d) for a, b, c, d in original.merged_cells if b - a > 1 or d - c > 1} <= merged
    assert ws.cell(5, 2).border.left.style == "thin"


def test_a_word_list_is_reviewed_into_a_new_workbook_of_its_tables(tmp_path):
    """A list published as a Word document (its tables read as sheets): the review is an .xlsx of those tables,
    each item row annotated, and says the document's layout is not carried over."""
    from loaders.powerlists.workbook import read_workbook
    from tests.workbook_writers import docx_bytes

    store = EmbeddedStore(tmp_path / "s.kg")
    load_laws(store, [demo_data() / "laws"], extract_clauses=True)
    xlsx = tmp_path / LIST
    write_list(xlsx, demo_rows())
    (sheet, _notes) = read_workbook(xlsx)
    sheet.name = "一、行政权力事项：行政处罚、行政许可、行政检查等（按权力类别排列，2024年版）"  # over Excel's 31 characters
    word = tmp_path / "云溪市2024年权责清单.docx"
    word.write_bytes(docx_bytes([sheet], "云溪市农业农村局权责清单"))
    report = load_powers(store, [word], government=DEMO_GOVERNMENT, level="city", date=DEMO_DATE)
    assert not report.errors
    result = write_review(store, word, tmp_path / "review.xlsx")
    assert result.rows == len(demo_rows()) - 1
    assert any("the tables of a Word document" in w and "not carried over" in w for w in result.warnings)
    assert any(f"sheet {sheet.name} is named {sheet.name[:31]} in the review" in w for w in result.warnings)
    assert not any("not in the workbook" in w for w in result.warnings)
    book = openpyxl.load_workbook(tmp_path / "review.xlsx")
    ws = book.worksheets[1]
    assert ws.title == sheet.name[:31] and ws.cell(1, 1).value == "云溪市农业农村局权责清单（2024年）"
    assert ws.max_column > len(demo_rows()[0])  # the review's columns appended
    store.close()


# ---------------------------------------------------------------------------
# Decisions


def reload(store, path, rows):
    write_list(path, rows)
    report = load_powers(store, [path], government=DEMO_GOVERNMENT, level="city", date=DEMO_DATE)
    assert not report.errors


def undecided(store, kind="all"):
    buf = io.StringIO()
    run_check(store, kind, format="json", out=buf)
    return {f["finding_id"] for f in json.loads(buf.getvalue())}


def test_decisions_last_across_reimports_and_go_outdated_when_the_basis_changes(listed):
    store, path = listed
    findings = list(iter_findings(store, "all"))
    ids = [f.finding_id for f in findings]
    assert len(ids) == len(set(ids))
    stale = next(f for f in findings if f.kind == "stale_basis" and f.item_code == "YX-CF-003")
    orphan = next(f for f in findings if f.kind == "orphan" and f.item_code == "YX-CF-009")
    stored = decide(store, finding_id=stale.finding_id, status="confirmed", note="已报法制科", by="张三")
    assert stored[0].by == "张三" and stored[0].fingerprint
    decide(store, finding_id=orphan.finding_id, status="dismissed", note="依据另文下达", by="李四")
    assert {stale.finding_id, orphan.finding_id}.isdisjoint(undecided(store))
    buf = io.StringIO()
    run_check(store, "all", format="json", out=buf, show="decided")
    decided = {f["finding_id"]: f["decision"] for f in json.loads(buf.getvalue())}
    assert decided[stale.finding_id]["status"] == "confirmed" and not decided[stale.finding_id]["outdated"]

    # the same list again: same ids, every decision still attached
    rows = demo_rows()
    reload(store, path, rows)
    assert {f.finding_id for f in iter_findings(store, "all")} == set(ids)
    assert {stale.finding_id, orphan.finding_id}.isdisjoint(undecided(store))

    # the stale item's basis cell changed: its decision is outdated and the finding is back
    basis = rows[0].index("实施依据")
    code = rows[0].index("事项编码")
    changed = [r[:basis] + [r[basis] + "；《中华人民共和国蜂业促进法》第十条"] + r[basis + 1:] if r[code] == "YX-CF-003" else r
               for r in rows]
    reload(store, path, changed)
    back = {f["finding_id"]: f for f in _json(store, "all", "undecided")}
    assert stale.finding_id in back and back[stale.finding_id]["decision"]["outdated"]
    assert orphan.finding_id not in back


def _json(store, kind, show):
    buf = io.StringIO()
    run_check(store, kind, format="json", out=buf, show=show)
    return json.loads(buf.getvalue())


def test_a_decision_whose_finding_is_gone_is_reported(listed):
    store, path = listed
    orphan = next(f for f in iter_findings(store, "orphans") if f.item_code == "YX-CF-009")
    decide(store, finding_id=orphan.finding_id, status="fixed", note="已补依据", by="王五")
    rows = demo_rows()
    code = rows[0].index("事项编码")
    reload(store, path, [r for r in rows if r[code] != "YX-CF-009"])  # the item was taken off the list
    missing: list = []
    run_check(store, "orphans", format="json", out=io.StringIO(), missing=missing)
    assert [d.finding_id for d in missing] == [orphan.finding_id]
    missing = []
    run_check(store, "stale", format="json", out=io.StringIO(), missing=missing)
    assert missing == []  # out of the run's scope


def test_decide_cli_and_csv(listed, tmp_path):
    store, path = listed
    store_path = store.path if hasattr(store, "path") else None
    findings = list(iter_findings(store, "unaccountable"))
    store.close()
    runner = CliRunner()

    def run(*args):
        return runner.invoke(app, hoist_global_options(["--store", str(store_path), *args]))

    result = run("decide", findings[0].finding_id, "--status", "confirmed", "--note", "责任事项待补", "--by", "赵六")
    assert result.exit_code == 0, result.output
    assert findings[0].finding_id in result.output
    result = run("check", "unaccountable", "--format", "json")
    assert [f["finding_id"] for f in json.loads(result.stdout)] == [findings[1].finding_id]
    result = run("check", "unaccountable", "--format", "json", "--all-decisions")
    assert len(json.loads(result.stdout)) == 2
    sheet = tmp_path / "decisions.csv"
    sheet.write_text(f"问题编号,处理决定,说明,核查人\n{findings[1].finding_id},已整改,补齐追责情形,钱七\n", encoding="gb18030")
    assert run("decide", "--file", str(sheet)).exit_code == 0
    assert json.loads(run("check", "unaccountable", "--format", "json").stdout) == []
    bad = tmp_path / "bad.csv"
    bad.write_text("finding_id,status\norphan-0000000000,maybe\n", encoding="utf-8")
    result = run("decide", "--file", str(bad))
    assert result.exit_code == 2 and "line 2" in result.output
    result = run("decide", "orphan-0000000000", "--status", "confirmed")
    assert result.exit_code == 2 and "no finding has the id orphan-0000000000" in result.output
    assert len(EmbeddedStore(store_path).decisions()) == 2  # the failed ones stored nothing
    gone = EmbeddedStore(store_path)
    gone.record_decisions([Decision("unaccountable-00000000ff", "confirmed", kind="unaccountable", government=DEMO_GOVERNMENT,
                                    summary="云溪市农业农村局 已删除的事项", at="2026-01-01T00:00:00Z")])
    gone.close()
    result = run("check", "unaccountable", "--format", "json")
    assert "decision unaccountable-00000000ff (confirmed, 2026-01-01T00:00:00Z): its finding no longer exists" in result.output


@pytest.mark.parametrize("rows, message", [
    ("finding_id,status\n,confirmed\n", "line 2"),
    ("id\norphan-1\n", "line 1: needs the columns"),
])
def test_decision_csv_errors(tmp_path, rows, message):
    path = tmp_path / "d.csv"
    path.write_text(rows, encoding="utf-8-sig")
    with pytest.raises(UserError, match=message):
        read_decisions_csv(path)


def _store_decisions(store):
    first = Decision("orphan-0123456789", "confirmed", note="确无依据", by="张三", at="2026-01-01T00:00:00Z", fingerprint="f1",
                     kind="orphan", government="甲市")
    store.record_decisions([first])
    later = Decision("orphan-0123456789", "dismissed", note="<b>另有依据</b>", by="李四", at="2026-01-02T00:00:00Z", fingerprint="f1")
    other = Decision("stale_basis-0123456789", "fixed", by="王五", at="2026-01-02T00:00:00Z")
    store.record_decisions([later, other])

    def failing():
        yield Decision("vacuum-0123456789", "fixed")
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        store.record_decisions(failing())
    found = store.decisions()
    assert sorted(found) == ["orphan-0123456789", "stale_basis-0123456789"]  # the failed batch left nothing
    got = found["orphan-0123456789"]
    assert (got.status, got.note, got.by) == ("dismissed", "<b>另有依据</b>", "李四")
    assert [json.loads(h)["status"] for h in got.history] == ["confirmed"]
    return {k: v.as_json() for k, v in found.items()}


def test_decisions_are_stored_alike_on_both_backends(store, bolt_store):
    assert _store_decisions(store) == _store_decisions(bolt_store)


@pytest.mark.parametrize("finding_id, message", [
    ("orphan-ffffffffff", "no finding has the id orphan-ffffffffff"),  # a kind, computed alone: no such finding
    ("vacuum-ffffffffff", "no finding has the id vacuum-ffffffffff"),
    ("orphan172985a6e2", "is no finding id"),  # mistyped: told before any finding is computed
    ("孤儿-172985a6e2", "is no finding id"),
])
def test_decide_names_an_unknown_id(listed, finding_id, message):
    store, _ = listed
    with pytest.raises(UserError, match=message):
        decide(store, finding_id=finding_id, status="confirmed")
    assert not store.decisions()

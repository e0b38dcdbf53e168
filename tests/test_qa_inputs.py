"""Inputs a new user brings, as sites publish them, through the command line: each bad one is one line
naming the file (or option) and what is wrong, exit 2, never a traceback; a bad file in a batch is skipped.

Found by the QA pass of 2026-12-03 (/work/notes/qa-pass.md); each row is a case that failed before.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from kg.embedded import EmbeddedStore
from loaders.statutes import load_laws
from plkg.cli import app, hoist_global_options
from plkg.demo import demo_data

HEADER = ["事项编码", "事项名称", "权力类别", "实施主体", "设定依据", "责任事项", "追责情形"]
BASIS = "《中华人民共和国蜂业促进法》第十条"


def run(*args: str):
    return CliRunner().invoke(app, hoist_global_options([str(a) for a in args]))


@pytest.fixture(scope="module")
def laws_store(tmp_path_factory):
    """The demo statutes only: a store a list can be loaded into, copied per test."""
    path = tmp_path_factory.mktemp("qa") / "laws.kg"
    store = EmbeddedStore(path)
    load_laws(store, [demo_data() / "laws"], extract_clauses=False)
    store.close()
    return path


@pytest.fixture
def store(laws_store, tmp_path):
    path = tmp_path / "s.kg"
    path.write_bytes(laws_store.read_bytes())
    return path


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def a_list(path: Path, title: str = "云溪市农业农村局2024年权责清单", n: int = 2) -> Path:
    rows = [[title], HEADER] + [[f"YX-XK-{i:03d}", f"蜂种生产经营许可{i}", "行政许可", "云溪市农业农村局", BASIS, "受理", "追责"]
                                for i in range(n)]
    return write_csv(path, rows)


def items(store: Path) -> int:
    result = run("--store", store, "stats", "--format", "json")
    return int(result.output.split('"power_items": ')[1].split(",")[0])


# --- options --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "date, message",
    [
        ("2024-13-01", "--date 2024-13-01: not a date"),  # was accepted and made a version dated 2024-13-01
        ("2024-02-30", "--date 2024-02-30: not a date"),
        ("2024/06/01", "--date 2024/06/01: not a date"),
        ("2024年6月1日", "--date 2024年6月1日: not a date"),
    ],
)
def test_a_wrong_date_is_refused(store, tmp_path, date, message):
    result = run("--store", store, "load", "powers", a_list(tmp_path / "l.csv"), "--date", date)
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output
    assert items(store) == 0


@pytest.mark.parametrize(
    "args, message",
    [
        # a department as the file name writes it, not as loaded: printed nothing and exit 0 (read as "no findings")
        (["basis", "--department", "云溪市农业局"], "--department 云溪市农业局: no such department; did you mean 云溪市农业农村局"),
        (["check", "orphans", "--department", "云溪市农业局"], "did you mean 云溪市农业农村局"),
        (["check", "all", "--government", "云西市"], "--government 云西市: no such government"),
        (["review", "--government", "云西市", "--output", "x.xlsx"], "did you mean 云溪市"),
    ],
)
def test_an_unknown_department_or_government_is_named(store, tmp_path, args, message):
    assert run("--store", store, "load", "powers", a_list(tmp_path / "l.csv"), "--date", "2024-06-01").exit_code == 0
    result = run("--store", store, *args)
    assert result.exit_code == 2 and message in result.output, result.output


@pytest.mark.parametrize("written", ["云溪市农业农村局", "农业农村局", "云溪市/云溪市农业农村局"])
def test_a_department_by_its_name_short_name_or_id_is_known(store, tmp_path, written):
    assert run("--store", store, "load", "powers", a_list(tmp_path / "l.csv"), "--date", "2024-06-01").exit_code == 0
    result = run("--store", store, "basis", "--department", written, "--format", "table")
    assert result.exit_code == 0 and "蜂种生产经营许可0" in result.output


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda p: p.mkdir(), "a folder, not a store file"),  # was "cannot open store (disk I/O error)"
        (lambda p: None, "no such store (plkg load laws"),
        (lambda p: p.write_text("事项名称,权力类别\n", encoding="utf-8"), "not a powerlist-kg store"),
    ],
)
def test_a_wrong_store_path_is_one_line(tmp_path, make, message):
    path = tmp_path / "x.kg"
    make(path)
    result = run("--store", path, "stats")
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output


# --- reloading -----------------------------------------------------------------------------------------


def test_a_corrected_list_reloaded_without_date_replaces_the_load(store, tmp_path):
    """Reloaded without --date, a list used to take its title's year (2024-01-01), became a past version
    of the one loaded with --date 2024-06-01 and was never checked."""
    path = a_list(tmp_path / "l.csv", n=2)
    assert run("--store", store, "load", "powers", path, "--date", "2024-06-01").exit_code == 0
    a_list(path, n=3)  # corrected: one more item
    result = run("--store", store, "load", "powers", path)
    assert result.exit_code == 0
    assert "no --date: loaded for 2024-06-01" in result.output
    assert items(store) == 3  # replaced, no past version beside it
    assert "蜂种生产经营许可2" in run("--store", store, "basis", "--format", "table").output


def test_a_departments_list_added_later_without_date_joins_the_current_version(store, tmp_path):
    """Eleven lists loaded with --date 2024-06-01, the twelfth added without: it was dated 2024-01-01 by its title,
    a past version the moment it was loaded, and never checked."""
    assert run("--store", store, "load", "powers", a_list(tmp_path / "农业.csv", n=2), "--date", "2024-06-01").exit_code == 0
    later = write_csv(tmp_path / "市场.csv", [["云溪市市场监督管理局2024年权责清单"], HEADER,
                                            ["YX-SC-1", "蜂产品经营许可", "行政许可", "云溪市市场监督管理局", BASIS, "受理", "追责"]])
    result = run("--store", store, "load", "powers", later)
    assert result.exit_code == 0 and "past version" not in result.output
    assert "no --date: loaded for 2024-06-01, the date of 云溪市's current list" in result.output
    assert "蜂产品经营许可" in run("--store", store, "basis", "--format", "table").output  # checked: current


def test_another_years_list_under_the_same_name_is_a_new_version(store, tmp_path):
    assert run("--store", store, "load", "powers", a_list(tmp_path / "2024" / "l.csv", n=2), "--date", "2024-06-01").exit_code == 0
    result = run("--store", store, "load", "powers", a_list(tmp_path / "2025" / "l.csv", "云溪市农业农村局2025年权责清单", n=3))
    assert result.exit_code == 0 and "past version" in result.output
    assert items(store) == 5


# --- workbooks as published ---------------------------------------------------------------------------


def merged_header_workbook(path: Path) -> Path:
    """A title row, a blank row, a two-row header (事项名称 over 主项 | 子项, 依据 over 设定依据 | 实施依据),
    blank rows between items, a sub-item row under a merged name, a closing note."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "权责清单"
    ws.append(["云溪市农业农村局权责清单"])
    ws.merge_cells("A1:I1")
    ws.append([])
    ws.append(["序号", "事项名称", "", "权力类别", "实施主体", "依据", "", "责任事项", "追责情形"])
    ws.append(["", "主项", "子项", "", "", "设定依据", "实施依据", "", ""])
    for cells in ("B3:C3", "F3:G3", "A3:A4", "D3:D4", "E3:E4", "H3:H4", "I3:I4"):
        ws.merge_cells(cells)
    ws.append([])
    ws.append([1, "蜂种生产经营许可", "", "行政许可", "云溪市农业农村局", BASIS, "", "受理", "追责"])
    ws.append([])
    ws.append([2, "对蜂场的监督检查", "防疫条件检查", "行政检查", "云溪市农业农村局", "《中华人民共和国蜂业促进法》第三十条", "", "检查", "追责"])
    ws.append(["", "", "蜂产品质量检查", "", "", "", "", "", ""])
    ws.merge_cells("A8:A9")
    ws.merge_cells("B8:B9")
    ws.append(["注：本清单实行动态调整"])
    wb.save(path)
    return path


def test_a_two_row_header_with_main_and_sub_item(store, tmp_path):
    """主项 | 子项 under a merged 事项名称 was no sub-header: the row 主项 was read as an item and
    the sub-items were lost."""
    result = run("--store", store, "load", "powers", merged_header_workbook(tmp_path / "云溪市农业农村局清单.xlsx"),
                 "--date", "2024-06-01")
    assert result.exit_code == 0, result.output
    assert "'主项'" not in result.output
    table = run("--store", store, "basis", "--format", "jsonl").output
    import json

    got = sorted((r["name"], r["sub"]) for r in map(json.loads, table.splitlines()))
    assert got == [("对蜂场的监督检查", "蜂产品质量检查"), ("对蜂场的监督检查", "防疫条件检查"), ("蜂种生产经营许可", "")]


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("空.xlsx", b"", "empty file"),
        ("坏的.xlsx", None, "corrupt zip package"),  # cut short in transfer
        ("假的.xlsx", "这不是表格\n".encode("utf-8"), "read as CSV/TSV text, not what its name says: no sheet"),
        # a header and nothing under it: was "cannot tell which government this list belongs to"
        ("只有表头.csv", "事项编码,事项名称,权力类别,实施主体,设定依据\n".encode("gb18030"),
         "sheet 只有表头 has a header row (row 1) but no item row under it"),
    ],
)
def test_a_bad_file_in_a_folder_is_reported_and_the_rest_loads(store, tmp_path, name, content, message):
    folder = tmp_path / "lists"
    a_list(folder / "云溪市农业农村局2024年权责清单.csv")
    if content is None:
        merged_header_workbook(tmp_path / "whole.xlsx")
        content = (tmp_path / "whole.xlsx").read_bytes()[:1500]
    (folder / name).write_bytes(content)
    result = run("--store", store, "load", "powers", folder, "--date", "2024-06-01")
    assert result.exit_code == 0 and "Traceback" not in result.output
    assert f"error {folder / name}: {message}" in result.output
    assert items(store) == 2


@pytest.mark.parametrize(
    "header, basis, encoding",
    [
        # traditional characters, GB18030, no BOM: read and simplified
        (["事項編碼", "事項名稱", "權力類別", "實施主體", "設定依據", "責任事項", "追責情形"],
         "《中華人民共和國蜂業促進法》第十條", "gb18030"),
        # full-width digits in the article number
        (HEADER, "《中华人民共和国蜂业促进法》第１０条", "gb18030"),
        (HEADER, "《中华人民共和国蜂业促进法》第１０条第１款", "utf-8-sig"),
    ],
)
def test_encodings_and_fullwidth_article_numbers_resolve(store, tmp_path, header, basis, encoding):
    path = write_csv(tmp_path / "云溪市农业农村局清单.csv",
                     [header, ["YX-1", "蜂种生产经营许可", "行政许可", "云溪市农业农村局", basis, "受理", "追责"]], encoding)
    assert run("--store", store, "load", "powers", path, "--date", "2024-06-01").exit_code == 0
    record = run("--store", store, "basis", "--format", "jsonl").output
    assert '"article": 10' in record and '"status": "resolved"' in record


# --- interrupted writes --------------------------------------------------------------------------------


def test_a_commit_killed_midway_leaves_the_store_and_its_temporary_file_is_swept(store, tmp_path):
    """kill -9 during a commit leaves the store as it was, and a copy of it <store>.<pid>.<x>.tmp that
    nothing removed (hundreds of MB for a whole-corpus store); the next commit removes it."""
    before = store.read_bytes()
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = int(child.stdout)  # a pid whose process has ended
    stale = store.parent / f"{store.name}.{dead}.k9x.tmp"
    stale.write_bytes(before)
    live = store.parent / f"{store.name}.{os.getppid()}.live.tmp"  # a live writer's: left alone
    live.write_bytes(b"")
    assert store.read_bytes() == before
    assert run("--store", store, "load", "powers", a_list(tmp_path / "l.csv"), "--date", "2024-06-01").exit_code == 0
    assert not stale.exists() and live.exists()
    assert not [p for p in store.parent.glob(f"{store.name}.*.tmp") if p != live]


@pytest.mark.parametrize(
    "title, cell, department",
    [
        # a guiding catalogue's role where the office is meant: the office the list is of (was 云溪市商务主管部门)
        ("云溪市商务局2024年权责清单", "地州市商务主管部门", "云溪市商务局"),
        ("云溪市农业农村局2024年权责清单", "县级以上农业农村主管部门", "云溪市农业农村局"),
        # a role of another sector, or an office, stays as written
        ("云溪市商务局2024年权责清单", "县级以上卫生健康主管部门", "云溪市卫生健康主管部门"),
        ("云溪市商务局2024年权责清单", "云溪市市场监督管理局", "云溪市市场监督管理局"),
        # no office in the title: nothing to put in the role's place
        ("云溪市2024年权责清单", "地州市商务主管部门", "云溪市商务主管部门"),
    ],
)
def test_a_role_in_the_body_column_is_the_lists_own_office(store, tmp_path, title, cell, department):
    rows = [[title], HEADER, ["YX-1", "蜂种生产经营许可", "行政许可", cell, BASIS, "受理", "追责"]]
    path = write_csv(tmp_path / f"{title}.csv", rows)
    assert run("--store", store, "load", "powers", path, "--date", "2024-06-01").exit_code == 0
    assert f'"department": "{department}"' in run("--store", store, "basis", "--format", "jsonl").output


KARAMAY = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "powerlists" / "karamay"


def test_a_truncated_xls_is_one_line_without_xlrds_own_warning(store, tmp_path, capfd):
    source = KARAMAY / "克拉玛依市科学技术局2024年权责清单.xls"
    if not source.exists():
        pytest.skip("needs ../shared/corpus (the Karamay workbooks)")
    path = tmp_path / "科学技术局.xls"
    path.write_bytes(source.read_bytes()[:30000])  # cut short in transfer
    result = run("--store", store, "load", "powers", path, "--date", "2024-06-01")
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1] == f"error {path}: corrupt .xls workbook (array index out of range)"
    printed = capfd.readouterr()
    # xlrd printed "WARNING *** file size (30000) not 512 + multiple of sector size (512)" on its own
    assert "WARNING ***" not in result.output + printed.out + printed.err


@pytest.mark.parametrize("value", ["#REF!", "#N/A", "#VALUE!"])
def test_an_excel_error_as_item_name_is_a_skipped_row(store, tmp_path, value):
    """A broken VLOOKUP left #REF! in 事项名称: it was loaded as an item named '#REF!'."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append(["YX-1", "蜂种生产经营许可", "行政许可", "云溪市农业农村局", BASIS, "受理", "追责"])
    ws.append(["YX-2", value, "行政许可", "云溪市农业农村局", BASIS, "受理", "追责"])
    path = tmp_path / "云溪市农业农村局清单.xlsx"
    wb.save(path)
    result = run("--store", store, "load", "powers", path, "--date", "2024-06-01")
    assert result.exit_code == 0
    assert f"sheet Sheet row 3: 事项名称 is the Excel error {value} (a broken formula): row skipped" in result.output
    assert items(store) == 1


@pytest.mark.parametrize(
    "basis, warned",
    [
        # written by a program (openpyxl, a reporting system) and never opened in Excel: no saved value
        ('=CONCATENATE("《中华人民共和国蜂业促进法》","第十条")', True),
        ('="《中华人民共和国蜂业促进法》"&"第十条"', True),
        (BASIS, False),
    ],
)
def test_a_formula_without_a_saved_value_is_named(store, tmp_path, basis, warned):
    """The basis cell read as empty and the item became an orphan (无依据), with no word about why."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append(["YX-1", "蜂种生产经营许可", "行政许可", "云溪市农业农村局", basis, "受理", "追责"])
    path = tmp_path / "云溪市农业农村局清单.xlsx"
    wb.save(path)
    result = run("--store", store, "load", "powers", path, "--date", "2024-06-01")
    assert result.exit_code == 0
    said = "sheet Sheet row 2: 设定依据 is a formula (=" in result.output and "open and save it in Excel or WPS" in result.output
    assert said == warned, result.output
    # the row was loaded: the summary says so, and counts no skipped row
    assert "0 rows skipped" in result.output and ("1 rows loaded with a warning" in result.output) == warned, result.output


def test_a_department_an_earlier_load_named_by_the_role_is_folded_into_the_office(store, tmp_path):
    """Reloading the 商务局 list left the department 克拉玛依市商务主管部门 an earlier load made, with no item."""
    from kg.embedded import EmbeddedStore

    path = tmp_path / "商务.csv"
    rows = lambda title: [[title], HEADER, ["YX-1", "成品油零售经营许可", "行政许可", "地州市商务主管部门", BASIS, "受理", "追责"]]
    write_csv(path, rows("云溪市2024年权责清单"))  # no office in the title: loaded under the role, as before
    assert run("--store", store, "load", "powers", path, "--date", "2024-06-01").exit_code == 0
    write_csv(path, rows("云溪市商务局2024年权责清单"))
    assert run("--store", store, "load", "powers", path, "--date", "2024-06-01").exit_code == 0
    departments = {n.id: n.props for n in EmbeddedStore(store, create=False).nodes("Department")}
    assert "云溪市/云溪市商务主管部门" not in departments
    assert "云溪市商务主管部门" in departments["云溪市/云溪市商务局"].get("aliases", ())

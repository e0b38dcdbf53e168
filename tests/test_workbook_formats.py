"""Workbooks as government sites publish them: the format from the bytes whatever the name,
encrypted packages, folders, and one department under the names lists give it.

Every workbook here is written by the test itself (openpyxl, xlwt for BIFF, msoffcrypto-tool,
odfpy, HTML and CSV text), from one small list whose cells are real statute citations.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.embedded import EmbeddedStore
from loaders.powerlists import load_powers
from loaders.powerlists.items import read_items
from loaders.powerlists.workbook import DEFAULT_PASSWORD, Sheet, WorkbookError, read_workbook, sniff
from tests import workbook_writers as w

TITLE = "克拉玛依市统计局2024年权责清单"
HEADER = ["序号", "事项名称", "子项名称", "权力类型", "实施依据", "实施主体"]
ROWS = [
    [TITLE, "", "", "", "", ""],
    HEADER,
    ["1", "对统计违法行为的处罚", "1.对拒绝提供统计资料的处罚", "行政处罚", "《中华人民共和国统计法》第四十一条", "市统计局"],
    ["", "", "2.对提供不真实统计资料的处罚", "", "", ""],
    ["2", "统计调查项目审批", "", "行政许可", "《中华人民共和国统计法》第十七条", "克拉玛依市统计局"],
    ["3", "统计执法检查", "", "行政检查", "《中华人民共和国统计法》第三十三条\n《中华人民共和国统计法实施条例》第三十五条", "克拉玛依市统计局本级"],
]
MERGED = [(0, 1, 0, 6), (2, 4, 0, 1), (2, 4, 1, 2), (2, 4, 3, 4), (2, 4, 4, 5), (2, 4, 5, 6)]
# (序号, name, sub-item, category, department as written) of the list's entries
EXPECTED = [
    ("1", "对统计违法行为的处罚", "1.对拒绝提供统计资料的处罚", "行政处罚", "市统计局"),
    ("1", "对统计违法行为的处罚", "2.对提供不真实统计资料的处罚", "行政处罚", "市统计局"),
    ("2", "统计调查项目审批", "", "行政许可", "克拉玛依市统计局"),
    ("3", "统计执法检查", "", "行政检查", "克拉玛依市统计局本级"),
]


def _sheet(name: str = "行政权力") -> Sheet:
    return Sheet(Path("list.xlsx"), name, [list(r) for r in ROWS], list(MERGED))


def _xls_bytes(sheet: Sheet) -> bytes:
    """The sheet as a legacy BIFF8 .xls (xlwt), merges included."""
    import io

    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet(sheet.name)
    covered = {(r, c) for r0, r1, c0, c1 in sheet.merged for r in range(r0, r1) for c in range(c0, c1)}
    for r0, r1, c0, c1 in sheet.merged:
        ws.write_merge(r0, r1 - 1, c0, c1 - 1, sheet.cell(r0, c0))
    for r, row in enumerate(sheet.rows):
        for c, text in enumerate(row):
            if (r, c) not in covered:
                ws.write(r, c, text)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _spreadsheetml(sheet: Sheet) -> bytes:
    """The sheet as an Excel 2003 XML workbook (what report systems export as .xls)."""
    from xml.sax.saxutils import escape

    spans = {(r0, c0): (r1 - r0, c1 - c0) for r0, r1, c0, c1 in sheet.merged}
    covered = {(r, c) for r0, r1, c0, c1 in sheet.merged for r in range(r0, r1) for c in range(c0, c1) if (r, c) != (r0, c0)}
    rows = []
    for r, row in enumerate(sheet.rows):
        cells, skipped = [], False
        for c, text in enumerate(row):
            if (r, c) in covered:
                skipped = True
                continue
            down, across = spans.get((r, c), (1, 1))
            attrs = (f' ss:Index="{c + 1}"' if skipped else "") + (f' ss:MergeDown="{down - 1}"' if down > 1 else "") \
                + (f' ss:MergeAcross="{across - 1}"' if across > 1 else "")
            skipped = False
            cells.append(f'<Cell{attrs}><Data ss:Type="String">{escape(text)}</Data></Cell>')
        rows.append("<Row>" + "".join(cells) + "</Row>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n'
            '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">'
            f'<Worksheet ss:Name="{escape(sheet.name)}"><Table>{"".join(rows)}</Table></Worksheet></Workbook>').encode()


# (file name, how the test writes it, what the reader must take it for)
FORMATS = [
    ("list.xlsx", lambda s: w.xlsx_bytes([s]), "xlsx"),
    ("list.xls", lambda s: w.xlsx_bytes([s]), "xlsx"),  # an OOXML package under a .xls name
    ("list.xls", _xls_bytes, "xls"),
    ("list.xlsx", _xls_bytes, "xls"),  # the held-out failure: BIFF under a .xlsx name
    ("list.et", _xls_bytes, "xls"),
    ("locked.xlsx", lambda s: w.encrypted(w.xlsx_bytes([s])), "xlsx"),  # Excel's default read-only password
    ("page.xls", lambda s: w.html_bytes([s], "utf-8", TITLE), "html"),
    ("page-gb.xls", lambda s: w.html_bytes([s], "gb18030", TITLE), "html"),
    ("list.ods", lambda s: w.ods_bytes([s]), "ods"),
    ("xml.xls", _spreadsheetml, "spreadsheetml"),
    ("list.docx", lambda s: w.docx_bytes([s], TITLE), "docx"),  # a Word document of tables
    ("docx-named.xls", lambda s: w.docx_bytes([s]), "docx"),
    ("locked.docx", lambda s: w.encrypted(w.docx_bytes([s])), "docx"),  # a Word list protected with the default password
    ("list.csv", lambda s: w.csv_bytes(s, "utf-8"), "text"),
    ("bom.csv", lambda s: w.csv_bytes(s, "utf-8-sig"), "text"),
    ("gb.csv", lambda s: w.csv_bytes(s, "gb18030"), "text"),
    ("gb-named.xls", lambda s: w.csv_bytes(s, "gb18030"), "text"),
    ("unicode.txt", lambda s: w.csv_bytes(s, "utf-16", "\t"), "text"),  # Excel's 'Unicode text'
    ("tabs.xls", lambda s: w.csv_bytes(s, "gb18030", "\t", fill_merges=False), "text"),
]


def _entries(path: Path, password: str | None = None):
    sheets = read_workbook(path, password)
    items = [read_items(sheet) for sheet in sheets]
    return sheets, [(e.number, e.name, e.sub, e.category.value, e.department) for s in items for e in s.entries]


@pytest.mark.parametrize("name, write, read_as", FORMATS, ids=[f"{f[0]}-{f[2]}" for f in FORMATS])
def test_the_format_comes_from_the_bytes(tmp_path, name, write, read_as):
    path = w.write(tmp_path / name, write(_sheet()))
    assert sniff(path) in (read_as, "ole")
    sheets, entries = _entries(path)
    assert {s.read_as for s in sheets} == {read_as}
    assert entries == EXPECTED
    basis = [e for s in sheets for e in read_items(s).entries][-1].basis
    assert basis == ROWS[-1][4]  # line breaks in a cell survive every format


def test_html_sheet_names_and_spans(tmp_path):
    path = w.write(tmp_path / "page.xls", w.html_bytes([_sheet("行政处罚（1项）"), _sheet("行政许可（1项）")]))
    sheets = read_workbook(path)
    assert [s.name for s in sheets] == ["行政处罚（1项）", "行政许可（1项）"]
    assert set(sheets[0].merged) == set(MERGED)
    assert sheets[0].filled(3, 1) == "对统计违法行为的处罚" and sheets[0].cell(3, 1) == ""


def test_html_page_with_layout_tables(tmp_path):
    """A site's page: a navigation box, a layout table around the list; only the list is a sheet."""
    inner = w.html_text([_sheet("行政权力")]).split("<body>", 1)[1].rsplit("</body>", 1)[0]
    page = ("<!DOCTYPE html><html><head><meta charset='gb2312'><title>克拉玛依市人民政府</title></head><body>"
            "<table><tr><td>首页</td><td>政务公开</td></tr></table>"
            f"<table><tr><td>{inner}</td></tr><tr><td></td></tr></table></body></html>")
    path = w.write(tmp_path / "page.xls", page.encode("gb18030"))
    sheets, entries = _entries(path)
    assert [s.name for s in sheets] == ["行政权力"] and entries == EXPECTED


def test_word_tables_are_named_by_their_heading_and_keep_their_spans(tmp_path):
    path = w.write(tmp_path / "清单.docx", w.docx_bytes([_sheet("一、行政处罚（1项）"), _sheet("二、行政许可（1项）")], TITLE))
    sheets = read_workbook(path)
    assert [s.name for s in sheets] == ["一、行政处罚（1项）", "二、行政许可（1项）"]
    assert set(sheets[0].merged) == set(MERGED)
    assert sheets[0].filled(3, 1) == "对统计违法行为的处罚" and sheets[0].cell(3, 1) == ""


def _word_xml(body: str) -> bytes:
    """A minimal .docx package around a ``w:body``'s XML (what Word writes that python-docx does not: gridBefore,
    tracked changes, tables inside a layout table)."""
    import io
    import zipfile

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr(_dated("[Content_Types].xml"), '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                         '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
                         'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        package.writestr(_dated("_rels/.rels"), '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
                         'Target="word/document.xml"/></Relationships>')
        package.writestr(_dated("word/document.xml"), f'<?xml version="1.0"?><w:document {ns}><w:body>{body}</w:body></w:document>')
    return out.getvalue()


def _dated(name: str):
    """A zip entry of a fixed date: the same bytes in every run (and in every pytest-xdist worker)."""
    import zipfile

    return zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _tc(text: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{_p(text)}</w:tc>"


def test_word_tables_as_word_writes_them(tmp_path):
    header = "<w:tr>" + "".join(_tc(h) for h in ["序号", "事项名称", "权力类型", "实施依据", "实施主体"]) + "</w:tr>"
    rows = [
        "<w:tr>" + _tc("1") + _tc("对拒绝提供统计资料的处罚") + _tc("行政处罚")
        + "<w:tc><w:p><w:r><w:t>《中华人民共和国统计法》</w:t></w:r><w:del><w:r><w:delText>第四十条</w:delText></w:r></w:del>"
          "<w:ins><w:r><w:t>第四十一条</w:t></w:r></w:ins></w:p></w:tc>"
        + _tc("市统计局", '<w:vMerge w:val="restart"/>') + "</w:tr>",
        "<w:tr>" + _tc("2") + _tc("统计调查项目审批") + _tc("行政许可") + _tc("《中华人民共和国统计法》第十七条")
        + _tc("", "<w:vMerge/>") + "</w:tr>",
        # a row Word starts one grid column late (w:gridBefore): its cells shift right
        '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>' + _tc("统计执法检查") + _tc("行政检查")
        + _tc("《中华人民共和国统计法》第三十三条") + _tc("克拉玛依市统计局") + "</w:tr>",
    ]
    inner = f"<w:tbl>{header}{''.join(rows)}</w:tbl>"
    layout = f"<w:tbl><w:tr><w:tc>{_p('附件')}{inner}{_p('')}</w:tc></w:tr></w:tbl>"
    path = w.write(tmp_path / "list.docx", _word_xml(_p(TITLE) + _p("一、行政权力事项") + layout))
    (sheet,) = read_workbook(path)
    assert sheet.read_as == "docx" and sheet.name == "一、行政权力事项"
    assert sheet.rows[1][3] == "《中华人民共和国统计法》第四十一条"  # the deleted text is out, the inserted in
    assert sheet.filled(2, 4) == "市统计局" and sheet.cell(2, 4) == "" and sheet.merged == [(1, 3, 4, 5)]
    assert sheet.rows[3] == ["", "统计执法检查", "行政检查", "《中华人民共和国统计法》第三十三条", "克拉玛依市统计局"]
    entries = [(e.number, e.name, e.category.value, e.department) for e in read_items(sheet).entries]
    assert entries[:2] == [("1", "对拒绝提供统计资料的处罚", "行政处罚", "市统计局"), ("2", "统计调查项目审批", "行政许可", "市统计局")]


@pytest.mark.parametrize("encrypt_with, password, outcome", [
    ("s3cret", None, "password-protected (encrypted); pass its password with --password"),
    ("s3cret", "wrong", "wrong password"),
    ("s3cret", "s3cret", None),
    (DEFAULT_PASSWORD, "anything", None),  # the default password is tried after the one given
])
def test_encrypted_packages(tmp_path, encrypt_with, password, outcome):
    path = w.write(tmp_path / "locked.xlsx", w.encrypted(w.xlsx_bytes([_sheet()]), encrypt_with))
    if outcome is None:
        assert _entries(path, password)[1] == EXPECTED
        return
    with pytest.raises(WorkbookError) as info:
        read_workbook(path, password)
    assert str(info.value).startswith(f"{path}: ") and outcome in str(info.value)


def test_decryption_writes_nothing_to_disk(tmp_path, monkeypatch):
    path = w.write(tmp_path / "in" / "locked.xlsx", w.encrypted(w.xlsx_bytes([_sheet()])))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    read_workbook(path)
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["locked.xlsx"]


@pytest.mark.parametrize("name, data, message", [
    ("ole.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "corrupt .xls workbook"),
    ("broken.xls", b"\x00\x01\x02garbage\x00", "binary file (NUL bytes), not text, and no workbook format"),
    ("broken.xlsx", b"PK\x03\x04garbage", "corrupt zip"),
    ("page.xls", b"<html><body><p>no table here</p></body></html>", "HTML page without a table"),
    ("empty.xlsx", b"", "empty file"),
    ("blank.xls", b"  \r\n\t ", "empty file"),
    ("scan.xls", b"%PDF-1.4\n...", "a PDF document"),
    ("notice.docx", _word_xml(_p("关于公布权责清单的通知")), "a Word document without a table"),
    ("broken.docx", b"PK\x03\x04" + b"\x00" * 40, "corrupt zip"),
    ("archive.xlsx", None, "a zip archive, not a workbook"),
], ids=lambda value: value if isinstance(value, str) and value.count(".") == 1 and len(value) < 20 else "")
def test_bad_files_raise_one_clear_message(tmp_path, name, data, message):
    path = tmp_path / name
    if data is None:
        import zipfile

        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("readme.txt", "x")
    else:
        path.write_bytes(data)
    with pytest.raises(WorkbookError) as info:
        read_workbook(path)
    assert message in str(info.value) and str(info.value).startswith(f"{path}: ")


def test_folders_take_every_workbook_and_say_why_they_skip_the_rest(tmp_path):
    folder = tmp_path / "lists"
    w.write(folder / "a" / "克拉玛依市统计局2024年权责清单.xlsx", _xls_bytes(_sheet()))
    w.write(folder / "a" / "b" / "克拉玛依市统计局权责清单.xls", w.html_bytes([_sheet()], "gb18030"))
    w.write(folder / "README.txt", b"downloaded from the city's site")
    w.write(folder / "a" / "~$克拉玛依市统计局2024年权责清单.xlsx", b"\x00lock")
    w.write(folder / ".cache" / "x.xlsx", b"")
    report = load_powers(EmbeddedStore(tmp_path / "k.kg"), [folder])
    assert not report.errors
    assert sorted(Path(p).name for p in report.loaded) == ["克拉玛依市统计局2024年权责清单.xlsx", "克拉玛依市统计局权责清单.xls"]
    assert sorted((Path(p.where).name, p.reason.split(" (")[0]) for p in report.skipped) == [
        ("README.txt", "not a workbook by its name"),
        ("x.xlsx", "hidden file or folder"),
        ("~$克拉玛依市统计局2024年权责清单.xlsx", "an Excel lock file"),
    ]
    lines = sorted(report.details["files"])
    assert lines[0].startswith("克拉玛依市统计局2024年权责清单.xlsx (read as a legacy Excel workbook (.xls), not what its name says): 3 items")
    assert lines[1].startswith("克拉玛依市统计局权责清单.xls (read as an HTML table, not what its name says): 3 items")


def test_the_summary_says_how_an_encrypted_workbook_opened(tmp_path):
    folder = tmp_path / "lists"
    w.write(folder / "克拉玛依市统计局2024年权责清单.xlsx", w.encrypted(w.xlsx_bytes([_sheet()])))
    w.write(folder / "克拉玛依市财政局2024年权责清单.xlsx", w.encrypted(w.xlsx_bytes([_sheet()]), "s3cret"))
    report = load_powers(EmbeddedStore(tmp_path / "k.kg"), [folder], password="s3cret")
    assert sorted(report.details["files"])[0].startswith(
        "克拉玛依市统计局2024年权责清单.xlsx (encrypted: opened with Excel's default read-only password): 3 items")
    assert sorted(report.details["files"])[1].startswith("克拉玛依市财政局2024年权责清单.xlsx (encrypted: opened with the password given): 3 items")


def test_cli_password_option_and_environment(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from plkg.cli import app, hoist_global_options

    path = w.write(tmp_path / "克拉玛依市统计局2024年权责清单.xlsx", w.encrypted(w.xlsx_bytes([_sheet()]), "s3cret"))

    def run(*args, env=None):
        return CliRunner().invoke(app, hoist_global_options(["--store", str(tmp_path / "k.kg"), "load", "powers", str(path), *args]), env=env)

    refused = run()
    assert refused.exit_code == 2 and "password-protected" in refused.output and "Traceback" not in refused.output
    assert "wrong password" in run("--password", "nope").output
    assert run("--password", "s3cret").exit_code == 0
    opened = run(env={"PLKG_WORKBOOK_PASSWORD": "s3cret"})
    assert opened.exit_code == 0 and "3 items" in opened.output


# --- one department, one node ----------------------------------------------------------------------

@pytest.mark.parametrize("written, name, aliases", [
    ("克拉玛依市发展和改革委员会（粮食和物资储备局）", "克拉玛依市发展和改革委员会",
     ("克拉玛依市粮食和物资储备局", "克拉玛依市发展和改革委员会（粮食和物资储备局）")),
    ("市委办公室（市档案局）", "克拉玛依市委办公室", ("克拉玛依市档案局", "市委办公室（市档案局）")),
    ("克拉玛依市国防动员办公室(克拉玛依市人民防空办公室)", "克拉玛依市国防动员办公室",
     ("克拉玛依市人民防空办公室", "克拉玛依市国防动员办公室(克拉玛依市人民防空办公室)")),
    ("市委办公室（加挂市档案局牌子）", "克拉玛依市委办公室", ("克拉玛依市档案局", "市委办公室（加挂市档案局牌子）")),
    ("克拉玛依市应急管理局（市地震局、市安全生产委员会办公室）", "克拉玛依市应急管理局",
     ("克拉玛依市地震局", "克拉玛依市安全生产委员会办公室", "克拉玛依市应急管理局（市地震局、市安全生产委员会办公室）")),
    ("市统计局", "克拉玛依市统计局", ("市统计局",)),
    ("克拉玛依市统计局", "克拉玛依市统计局", ()),
    ("克拉玛依市统计局本级", "克拉玛依市统计局", ("克拉玛依市统计局本级",)),
    ("市财政局（本级）", "克拉玛依市财政局", ("市财政局（本级）",)),
    # a bracket that says who carries the power out names another office, not a second name
    ("克拉玛依市人民政府（克拉玛依市自然资源局承办）", "克拉玛依市人民政府（克拉玛依市自然资源局承办）", ()),
    ("市场监督管理局（食品）", "克拉玛依市市场监督管理局（食品）", ("市场监督管理局（食品）",)),
])
def test_department_names_and_aliases(written, name, aliases):
    from kg.model import GovLevel
    from loaders.powerlists.departments import GovernmentName, department_name

    found = department_name(written, GovernmentName("克拉玛依市", GovLevel.CITY, "新疆维吾尔自治区"), "新疆维吾尔自治区")
    assert (found.name, found.aliases) == (name, aliases)


def _list_of(department_cells: list[str], first: int = 1) -> Sheet:
    rows = [[TITLE], HEADER]
    for n, cell in enumerate(department_cells, first):
        rows.append([str(n), f"事项{n}", "", "行政检查", "《中华人民共和国统计法》第三十三条", cell])
    return Sheet(Path("x.xlsx"), "行政检查", rows)


def _load_two_lists(store, folder: Path, monkeypatch=None, chunk: int | None = None):
    if chunk:
        import loaders.powerlists as powerlists

        monkeypatch.setattr(powerlists, "CHUNK_ITEMS", chunk)
    w.write(folder / "克拉玛依市发展和改革委员会2024年权责清单.xlsx",
            w.xlsx_bytes([_list_of(["市发展和改革委员会"] * 3 + ["克拉玛依市发展和改革委员会本级"])]))
    w.write(folder / "克拉玛依市粮食和物资储备局权责清单.xlsx",
            w.xlsx_bytes([_list_of(["克拉玛依市粮食和物资储备局", "克拉玛依市发展和改革委员会（粮食和物资储备局）"], 10)]))
    return load_powers(store, [folder])


def _departments(store):
    return {n.id: (tuple(n.props.get("sectors") or ()), tuple(sorted(n.props.get("aliases") or ()))) for n in store.nodes("Department")}


def _items_per_department(store):
    from collections import Counter

    return Counter(n.props["department"] for n in store.nodes("PowerItem"))


@pytest.mark.parametrize("chunk", [None, 1])
def test_one_office_under_its_names_is_one_department(tmp_path, monkeypatch, chunk):
    store = EmbeddedStore(tmp_path / "k.kg")
    report = _load_two_lists(store, tmp_path / "lists", monkeypatch, chunk)
    assert not report.errors and report.counts["departments"] == 1
    dept = "克拉玛依市/克拉玛依市发展和改革委员会"
    assert _items_per_department(store) == {dept: 6}
    sectors, aliases = _departments(store)[dept]
    assert set(sectors) == {"发展和改革", "能源", "粮食和物资储备"}  # the union of what its names carry
    assert aliases == tuple(sorted(["市发展和改革委员会", "克拉玛依市发展和改革委员会本级", "克拉玛依市粮食和物资储备局",
                                    "克拉玛依市发展和改革委员会（粮食和物资储备局）"]))


def test_a_department_of_an_earlier_load_keeps_its_names(tmp_path):
    store = EmbeddedStore(tmp_path / "k.kg")
    w.write(tmp_path / "a" / "克拉玛依市发展和改革委员会2024年权责清单.xlsx",
            w.xlsx_bytes([_list_of(["克拉玛依市发展和改革委员会（粮食和物资储备局）"])]))
    w.write(tmp_path / "b" / "克拉玛依市粮食和物资储备局权责清单.xlsx", w.xlsx_bytes([_list_of(["克拉玛依市粮食和物资储备局"], 10)]))
    load_powers(store, [tmp_path / "a"])
    before = _departments(store)
    load_powers(store, [tmp_path / "b"])  # names the office by its second name alone
    assert _departments(store) == before
    assert _items_per_department(store) == {"克拉玛依市/克拉玛依市发展和改革委员会": 2}


@pytest.mark.bolt
@pytest.mark.parametrize("chunk", [None, 1])
def test_departments_are_the_same_on_both_backends(tmp_path, bolt_store, monkeypatch, chunk):
    embedded = EmbeddedStore(tmp_path / "k.kg")
    for target in (embedded, bolt_store):
        _load_two_lists(target, tmp_path / "lists", monkeypatch, chunk)
    assert _departments(bolt_store) == _departments(embedded)
    assert _items_per_department(bolt_store) == _items_per_department(embedded)
    edges = lambda s: sorted((e.src, e.dst) for n in s.nodes("PowerItem") for e in s.out_edges(n.id, "EXERCISED_BY"))  # noqa: E731
    assert edges(bolt_store) == edges(embedded) and len(edges(embedded)) == 6


# --- the Karamay workbooks in the forms sites publish them -----------------------------------------

FORMS = ("xls-named-xlsx", "xlsx-encrypted", "html-as-xls", "csv-gb18030", "csv-gb18030-blank-merges", "docx")  # "xlsx-encrypted" decrypts to the plain re-save


@pytest.fixture(scope="module")
def karamay_forms(powerlists_dir, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("forms")
    folder = powerlists_dir / "karamay"
    origin = w.karamay_forms(folder, tmp, set(FORMS))
    original, _ = _load_counted(folder, tmp / "o.kg")
    return folder, tmp, origin, original


def _load_counted(folder: Path, store_path: Path, origin: dict[str, str] | None = None):
    from collections import Counter

    report = load_powers(EmbeddedStore(store_path), [folder])
    items: Counter[str] = Counter()
    for name, summary in report.details["per_file"].items():
        items[(origin or {}).get(name, name)] += summary["items"]
    return report, items


@pytest.mark.corpus
@pytest.mark.parametrize("form", FORMS)
def test_karamay_workbooks_in_every_published_form(karamay_forms, form, tmp_path):
    from tests.test_powerlist_corpus import stated_counts

    folder, forms, origin, original = karamay_forms
    report, items = _load_counted(forms / form, tmp_path / "f.kg", origin[form])
    assert not report.errors and len(report.loaded) == len(origin[form])
    for name in set(origin[form].values()):
        assert items[name] == sum(stated_counts(folder / name).values()), name
    written = set(origin[form].values())
    if written == {p.name for p in folder.glob("*.xls*")}:  # every workbook: the citations parse alike
        assert report.details["citation_status"] == original.details["citation_status"]
        assert report.counts["departments"] == original.counts["departments"]


def _as_an_earlier_loader_left_it(store, tmp_path):
    """Load a list, then rename its department to the bracketed name an earlier loader gave it."""
    from kg.model import Edge, Node

    w.write(tmp_path / "a" / "克拉玛依市发展和改革委员会2024年权责清单.xlsx",
            w.xlsx_bytes([_list_of(["克拉玛依市发展和改革委员会（粮食和物资储备局）"] * 2)]))
    load_powers(store, [tmp_path / "a"])
    new, old = "克拉玛依市/克拉玛依市发展和改革委员会", "克拉玛依市/克拉玛依市发展和改革委员会（粮食和物资储备局）"
    items = [e.src for e in store.in_edges(new, "EXERCISED_BY")]
    with store.transaction() as tx:
        tx.add_nodes([Node(old, "Department", {"name": old.split("/")[1], "government": "克拉玛依市", "sectors": ["粮食和物资储备"]})])
        tx.add_edges([Edge(old, "克拉玛依市", "PART_OF")] + [Edge(i, old, "EXERCISED_BY") for i in items])
        for i in items:
            tx.update_props(i, department=old)
        tx.remove_nodes([new])
    return new, old


@pytest.mark.parametrize("backend", ["embedded", pytest.param("bolt", marks=pytest.mark.bolt)])
def test_a_department_an_earlier_loader_named_otherwise_is_folded_in(tmp_path, backend, request):
    store = EmbeddedStore(tmp_path / "k.kg") if backend == "embedded" else request.getfixturevalue("bolt_store")
    new, old = _as_an_earlier_loader_left_it(store, tmp_path)
    w.write(tmp_path / "b" / "克拉玛依市发展和改革委员会权责清单（二）.xlsx", w.xlsx_bytes([_list_of(["市发展和改革委员会"], 10)]))
    report = load_powers(store, [tmp_path / "b"])
    assert not report.errors
    assert store.get(old) is None
    assert _items_per_department(store) == {new: 3}
    assert sorted(e.src for e in store.in_edges(new, "EXERCISED_BY")) == sorted(n.id for n in store.nodes("PowerItem"))
    sectors, aliases = _departments(store)[new]
    assert "克拉玛依市发展和改革委员会（粮食和物资储备局）" in aliases and "粮食和物资储备" in sectors

"""``plkg basis`` output: the JSONL shape of cli.md, csv/table, xlsx with frozen header and filters."""

from __future__ import annotations

import csv
import io
import json

import openpyxl
import pytest

from kg.errors import UserError
from kg.model import Law, LawVersion, Provision, ProvisionKind, Rank, article_id, nodes_of
from loaders.powerlists import load_powers
from queries.basis import HEADERS, write_bases

LAW = "中华人民共和国大气污染防治法"


@pytest.fixture
def loaded(store, tmp_path):
    version = LawVersion(LAW, "2018-10-26", LAW, rank=Rank.LAW, effective="2018-10-26")
    text = "违反本法规定，以拒绝进入现场等方式拒不接受生态环境主管部门检查的，由县级以上人民政府生态环境主管部门责令改正，处二万元以上二十万元以下的罚款。"
    with store.transaction() as tx:
        tx.add_nodes(nodes_of([Law(LAW, "大气污染防治法", Rank.LAW), version,
                               Provision(article_id(version.id, 98), version.id, ProvisionKind.ARTICLE, 98, text=text, article=98)]))
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "行政处罚（2项）"
    ws.append(["序号", "事项名称", "子项名称", "权力类型", "实施依据", "行使主体"])
    ws.append([1, "对拒不接受检查的处罚", "", "行政处罚", f"《中华人民共和国大气污染防治法》第九十八条：{text}", "克拉玛依市生态环境局"])
    ws.append([2, "对其他违法行为的处罚", "", "行政处罚", "", "克拉玛依市生态环境局"])
    ws2 = book.create_sheet("行政许可（1项）")
    ws2.append(["序号", "事项名称", "子项名称", "权力类型", "实施依据", "行使主体"])
    ws2.append([1, "排污许可", "", "行政许可", "《排污许可管理条例》第三条", "克拉玛依市财政局"])
    path = tmp_path / "克拉玛依市生态环境局2024年权责清单.xlsx"
    book.save(path)
    load_powers(store, [path])
    return store


def test_jsonl_shape(loaded):
    out = io.StringIO()
    assert write_bases(loaded, format="jsonl", out=out) == 3
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    first = next(r for r in records if r["name"] == "对拒不接受检查的处罚")
    assert set(first) >= {"item_id", "item_code", "name", "sub", "category", "department", "government", "source", "citations"}
    assert first["item_code"] is None and first["sub"] == "" and first["category"] == "行政处罚"
    assert first["department"] == "克拉玛依市生态环境局" and first["government"] == "克拉玛依市"
    assert first["source"] == {"file": "克拉玛依市生态环境局2024年权责清单.xlsx", "sheet": "行政处罚（2项）", "row": 2}
    (cite,) = first["citations"]
    assert {k: cite[k] for k in ("text", "law", "version", "article", "paragraph", "item", "status", "quote_similarity")} == {
        "text": "《中华人民共和国大气污染防治法》第九十八条", "law": LAW, "version": "2018-10-26", "article": 98,
        "paragraph": None, "item": None, "status": "resolved", "quote_similarity": 1.0}
    other = next(r for r in records if r["name"] == "排污许可")
    assert other["citations"][0]["status"] == "law_not_loaded" and other["citations"][0]["version"] is None


def test_filters(loaded):
    out = io.StringIO()
    assert write_bases(loaded, department="克拉玛依市财政局", format="jsonl", out=out) == 1
    assert write_bases(loaded, department="财政局", format="jsonl", out=io.StringIO()) == 1
    assert write_bases(loaded, government="独山子区", format="jsonl", out=io.StringIO()) == 0


def test_csv_has_chinese_headers_and_a_row_per_citation(loaded, tmp_path):
    path = tmp_path / "bases.csv"
    write_bases(loaded, format="csv", output=path)
    rows = list(csv.reader(open(path, encoding="utf-8-sig")))
    assert tuple(rows[0]) == HEADERS and rows[0][:4] == ["事项编码", "事项名称", "子项名称", "权力类别"]
    assert len(rows) == 1 + 3  # two cited items, one without basis
    no_basis = next(r for r in rows if r[1] == "对其他违法行为的处罚")
    assert no_basis[HEADERS.index("解析状态")] == "无设定依据"


def test_table(loaded):
    out = io.StringIO()
    write_bases(loaded, format="table", out=out)
    assert "对拒不接受检查的处罚" in out.getvalue() and "resolved 1.00" in out.getvalue()


def test_xlsx_frozen_header_and_filters(loaded, tmp_path):
    path = tmp_path / "bases.xlsx"
    write_bases(loaded, format="xlsx", output=path)
    sheet = openpyxl.load_workbook(path).active
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")
    assert [c.value for c in sheet[1]] == list(HEADERS) and sheet.max_row == 4


def test_xlsx_needs_output_and_formats_are_checked(loaded):
    with pytest.raises(UserError, match="--output"):
        write_bases(loaded, format="xlsx", out=io.StringIO())
    with pytest.raises(UserError, match="--format"):
        write_bases(loaded, format="pdf", out=io.StringIO())

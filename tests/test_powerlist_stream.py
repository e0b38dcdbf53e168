"""The streamed power-list import gives what reading whole gave: CSV rows, normalised cells, nodes, one atomic load."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import unicodedata

import pytest

import loaders.powerlists as powerlists
from kg.model import (Category, Citation, CitationStatus, Department, Government, GovLevel, Node, PowerItem, Responsibility,
                      _plain)
from kg.text import decode_bytes, halfwidth, normalise, simplified
from loaders.powerlists import load_powers
from loaders.powerlists.items import clean_long
from loaders.powerlists.workbook import WorkbookError, iter_workbook, read_workbook

HEADER = "序号,事项名称,子项名称,权力类型,实施依据,行使主体,责任事项内容,追责情形\n"
BODY = ("1,对违法建设的处罚,,行政处罚,《城乡规划法》第六十四条,克拉玛依市住房和城乡建设局,1.立案责任,因不履行…\n"
        '2,"建设工程\n规划许可",,行政许可,《城乡规划法》第四十条,克拉玛依市住房和城乡建设局,1.受理责任,"因不履行…\r\n第二行"\n'
        "3,對違法排污的處罰,,行政处罚,《大气污染防治法》第九十九条,克拉玛依市生态环境局,,\n")


def _whole(data: bytes, name: str) -> list[list[str]]:
    """The rows as the reader made them before streaming: the file decoded whole."""
    text = decode_bytes(data, name)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    return [[normalise(cell).strip() for cell in row] for row in csv.reader(io.StringIO(text), dialect)]


@pytest.mark.parametrize("text, encoding", [
    (HEADER + BODY, "utf-8"),
    (HEADER + BODY, "utf-8-sig"),
    (HEADER + BODY, "gb18030"),
    (HEADER + BODY, "utf-16"),
    ((HEADER + BODY).replace("\n", "\r\n"), "utf-8"),
    ((HEADER + BODY).replace(",", "\t"), "utf-8"),
    (HEADER + BODY * 40, "utf-8"),  # past the rows a streamed sheet keeps
    ("序号,事项名称\n１,ＡＢＣ　对\u00a0违法\u200b行为的处罚\n", "gb18030"),
])
def test_a_streamed_csv_reads_as_the_whole_file_did(tmp_path, text, encoding):
    path = tmp_path / "list.csv"
    path.write_bytes(text.encode(encoding))
    expected = _whole(path.read_bytes(), str(path))
    (streamed,) = iter_workbook(path)
    assert [row for _, row in streamed.iter_rows(0)] == expected
    (sheet,) = read_workbook(path)
    assert sheet.rows == expected and sheet.more is None


@pytest.mark.parametrize("data, message", [
    (b"", "empty file"),
    (b"  \n\t\r\n" * 1000, "empty file"),
    (b"a,b\x00c\n", "binary file (NUL bytes), not text"),
    ("序号,事项名称\n".encode() + b"\x81\x30\xff\xff" * 3, "not UTF-8 or GB18030 text"),
    (b"\xff\xfe" + b"a\x00,\x00" + b"\x00\xd8", "not valid UTF-16"),
])
def test_a_bad_csv_fails_before_any_row(tmp_path, data, message):
    path = tmp_path / "list.csv"
    path.write_bytes(data)
    with pytest.raises(WorkbookError, match=re.escape(f"{path}: {message}")):
        iter_workbook(path)


@pytest.mark.parametrize("text", [
    "对违法建设的处罚", "對違法建設的處罰", "第１２条", "ＡＢＣ", "a\r\nb\rc", "e\u0301", "全角　空格", "\ufeff序号", "零\u200b宽",
    "覆盖", "", "ascii only", "《行政處罰法》第二十三條：“……”",
])
def test_normalise_skips_only_what_its_three_passes_leave_alone(text):
    three_passes = simplified(halfwidth(unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")))
    assert normalise(text) == three_passes


@pytest.mark.parametrize("obj", [
    PowerItem("x#1", "对违法建设的处罚", Category.PENALTY, "市/局", "市", extra={"备注": "无"}, row=3, sheet="s"),
    PowerItem("x#2", "名", Category("行政许可"), "市/局", "市", code="", sub="", list_date=None),
    Government("克拉玛依市", GovLevel.CITY, "新疆维吾尔自治区", only_named=True),
    Department("克拉玛依市生态环境局", "克拉玛依市", ("生态环境",)),
    Responsibility("x#1#r", "x#1", "1.立案", "", "具体承办人", ""),
    Citation("x#1#c1", "x#1", "《大气污染防治法》第九十九条", law="中华人民共和国大气污染防治法", article=99,
             status=CitationStatus.RESOLVED, quote_similarity=0.5),
])
def test_to_node_is_the_objects_own(obj):
    """The model's to_node (field specs looked up once per class) gives what a plain field walk gives."""
    to_node = _plain_to_node
    assert to_node(obj) == obj.to_node()


def _plain_to_node(obj):
    props = {}
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if f.default is not dataclasses.MISSING and value == f.default:
            continue
        if f.default_factory is not dataclasses.MISSING and not value:
            continue
        props[f.name] = _plain(value)
    return Node(obj.id, obj.LABEL, props)


ROWS = HEADER + (
    "1,对违法建设的处罚,,行政处罚,《城乡规划法》第六十四条,克拉玛依市住房和城乡建设局,1.立案责任,因不履行…\n"
    "2,建设工程规划许可,,行政许可,《城乡规划法》第四十条,克拉玛依市住房和城乡建设局,1.受理责任,\n"
    "1,对违法建设的处罚,,行政处罚,《城乡规划法》第六十四条,克拉玛依市住房和城乡建设局,,\n"  # the same item again
    "3,对违法排污的处罚,,行政处罚,《大气污染防治法》第九十九条,新疆维吾尔自治区生态环境厅,,\n"
    "3,对违法排污的处罚,,行政处罚,,克拉玛依市生态环境局,,\n"  # the same item at the city's level: no holder of its own
    "4,对拒不改正的处罚,,行政处罚,,克拉玛依市生态环境局,1.立案责任,因不履行…\n"
)


def _graph(store) -> tuple[set, set]:
    labels = ("Government", "Department", "PowerItem", "Responsibility", "Citation")
    nodes = {(n.id, n.label, repr(sorted(n.props.items()))) for label in labels for n in store.nodes(label)}
    edges = {(e.src, e.dst, e.type) for node_id, *_ in nodes for e in store.out_edges(node_id)}
    return nodes, edges


def test_items_written_a_chunk_at_a_time_make_the_same_graph(store, tmp_path, monkeypatch):
    path = tmp_path / "克拉玛依市2024年权责清单.csv"
    path.write_text(ROWS, encoding="utf-8")
    whole = load_powers(store, [path])
    expected = _graph(store)
    assert any("same item as sheet" in w.reason for w in whole.warnings)
    assert store.get("新疆维吾尔自治区").props.get("only_named") is True
    monkeypatch.setattr(powerlists, "CHUNK_ITEMS", 1)
    again = load_powers(store, [path])  # replaces the items of that file
    assert _graph(store) == expected
    assert [str(w) for w in again.warnings] == [str(w) for w in whole.warnings]
    assert again.counts == whole.counts and again.details == whole.details


def test_a_load_failing_after_chunks_were_written_leaves_the_store_as_it_was(store, tmp_path, monkeypatch):
    path = tmp_path / "克拉玛依市2024年权责清单.csv"
    path.write_text(ROWS, encoding="utf-8")
    load_powers(store, [path])
    before = _graph(store)
    path.write_text(ROWS.replace("对违法建设的处罚", "对违法建设行为的处罚"), encoding="utf-8")
    monkeypatch.setattr(powerlists, "CHUNK_ITEMS", 1)

    def failing(*args):
        raise RuntimeError("disk full")

    monkeypatch.setattr(powerlists, "_mark_only_named", failing)
    with pytest.raises(RuntimeError, match="disk full"):
        load_powers(store, [path])
    assert _graph(store) == before


@pytest.mark.parametrize("text, expected", [
    ("", ""),
    ("  一行  ", "  一行"),
    ("   ", ""),
    ("1.受理责任：依法受理。  \n\n  2.审查责任：审查材料。\n", "1.受理责任：依法受理。\n  2.审查责任：审查材料。"),
    ("\n\n第一行\n \t\n第二行\t", "第一行\n第二行"),
    ("a\u3000\nb", "a\nb"),
])
def test_a_text_cell_keeps_its_lines_and_drops_blank_ones(text, expected):
    assert clean_long(text) == expected
    assert clean_long(text) == clean_long(text)  # remembered texts come back the same

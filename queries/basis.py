"""``plkg basis``: every power item with its parsed and resolved citations.

Reads the store only (items, their BASED_ON citations, departments); the
parsing happened at load time.  Items are written one at a time, so memory
holds the item list and one item's citations, never the whole output twice.

Formats: ``jsonl`` (one item a line, the shape of cli.md), ``table`` (plain
text, one line per citation), ``csv`` and ``xlsx`` (one row per citation with
Chinese headers; xlsx needs ``--output`` and has a frozen header row and
filters).
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path
from typing import IO, Any, Iterator

from kg.errors import UserError
from kg.model import Node
from kg.store import Store

FORMATS = ("jsonl", "table", "csv", "xlsx")

HEADERS = (
    "事项编码", "事项名称", "子项名称", "权力类别", "实施主体", "所属政府", "设定依据", "法律名称", "版本", "条", "款", "项",
    "解析状态", "引文相似度", "最相符条文", "目标条款", "来源文件", "工作表", "行号", "事项ID",
)


def _citation_order(node: Node) -> int:
    match = re.search(r"#c(\d+)$", node.id)
    return int(match.group(1)) if match else 0


def _version_date(version: str | None) -> str | None:
    return version.rsplit("/", 1)[1] if version and "/" in version else version


def _law_title(props: dict[str, Any]) -> str | None:
    version = props.get("version")
    if version and "/" in version:
        return version.rsplit("/", 1)[0]
    return props.get("law")


class _Departments:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.names: dict[str, str] = {}

    def name(self, department_id: str) -> str:
        name = self.names.get(department_id)
        if name is None:
            node = self.store.get(department_id)
            name = node.props.get("name", department_id) if node else department_id.split("/", 1)[-1]
            self.names[department_id] = name
        return name


def _items(store: Store, government: str | None, department: str | None) -> list[Node]:
    nodes = store.nodes("PowerItem", government=government) if government else store.nodes("PowerItem")
    items = []
    for node in nodes:
        if node.props.get("superseded"):
            continue  # a past version of the list (plkg diff lists reads those)
        if department:
            dept = node.props.get("department", "")
            name = dept.split("/", 1)[-1]
            if department not in (dept, name) and name != f"{node.props.get('government', '')}{department}":
                continue
        items.append(node)
    items.sort(key=lambda n: (n.props.get("government", ""), n.props.get("department", ""), n.props.get("source_file", ""),
                              n.props.get("sheet", ""), n.props.get("row", 0), n.id))
    return items


def item_records(store: Store, *, government: str | None = None, department: str | None = None) -> Iterator[dict[str, Any]]:
    """The JSONL record of each item (cli.md), in list order."""
    departments = _Departments(store)
    for item in _items(store, government, department):
        props = item.props
        citations = sorted(store.targets(item.id, "BASED_ON"), key=_citation_order)
        yield {
            "item_id": item.id,
            "item_code": props.get("code"),
            "name": props.get("name", ""),
            "sub": props.get("sub", ""),
            "category": props.get("category"),
            "department": departments.name(props.get("department", "")),
            "government": props.get("government"),
            "source": {"file": props.get("source_file", ""), "sheet": props.get("sheet", ""), "row": props.get("row", 0)},
            "citations": [
                {
                    "text": c.props.get("text", ""),
                    "law": _law_title(c.props),
                    "version": _version_date(c.props.get("version")),
                    "article": c.props.get("article"),
                    "paragraph": c.props.get("paragraph"),
                    "item": c.props.get("item"),
                    "status": c.props.get("status", "unparsed"),
                    "quote_similarity": c.props.get("quote_similarity"),
                    "target": c.props.get("target"),
                    "rank_tag": c.props.get("rank_tag"),
                    "quote_best_match": c.props.get("quote_best_match"),
                }
                for c in citations
            ],
        }


def _rows(records: Iterator[dict[str, Any]]) -> Iterator[list[Any]]:
    """One row per citation (an item without citations gets one row)."""
    for record in records:
        head = [record["item_code"] or "", record["name"], record["sub"], record["category"], record["department"], record["government"]]
        tail = [record["source"]["file"], record["source"]["sheet"], record["source"]["row"], record["item_id"]]
        if not record["citations"]:
            yield head + ["", "", "", "", "", "", "无设定依据", "", "", ""] + tail
            continue
        for c in record["citations"]:
            yield head + [
                c["text"], c["law"] or "", c["version"] or "", _blank(c["article"]), _blank(c["paragraph"]), _blank(c["item"]),
                c["status"], _blank(c["quote_similarity"]), c["quote_best_match"] or "", c["target"] or "",
            ] + tail


def _blank(value: Any) -> Any:
    return "" if value is None else value


def write_bases(store: Store, *, government: str | None = None, department: str | None = None, format: str = "jsonl",
                output: Path | str | None = None, out: IO[str] | None = None) -> int:
    """Write every item's bases; returns the number of items written.

    Raises :class:`kg.errors.UserError` for an unknown format or xlsx without ``output``.
    """
    if format not in FORMATS:
        raise UserError(f"--format {format}: use {', '.join(FORMATS)}")
    if format == "xlsx" and output is None:
        raise UserError("--format xlsx needs --output FILE.xlsx")
    records = item_records(store, government=government, department=department)
    if format == "xlsx":
        return _write_xlsx(records, Path(output))
    if output is not None:
        try:
            handle: IO[str] = open(output, "w", encoding="utf-8-sig" if format == "csv" else "utf-8", newline="")
        except OSError as exc:
            raise UserError(f"{output}: cannot write ({exc.strerror})") from None
        with handle:
            return _write_text(records, format, handle)
    return _write_text(records, format, out or sys.stdout)


def _write_text(records: Iterator[dict[str, Any]], format: str, out: IO[str]) -> int:
    count = 0
    if format == "jsonl":
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
        return count
    counting = _Counting(records)
    if format == "csv":
        writer = csv.writer(out)
        writer.writerow(HEADERS)
        writer.writerows(_rows(counting))
        return counting.count
    for row in _rows(counting):  # table: the columns a reader scans, one citation a line
        code, name, sub, category, dept, _gov, text, law, version, art, para, item, status, sim = row[:14]
        label = f"{name}" + (f"／{sub}" if sub else "")
        unit = f"第{art}条" if art != "" else ""
        unit += f"第{para}款" if para != "" else ""
        unit += f"第{item}项" if item != "" else ""
        sim_text = f" {sim:.2f}" if isinstance(sim, float) else ""
        out.write(f"{category}\t{dept}\t{label[:40]}\t{status}{sim_text}\t{law or text}{'(' + version + ')' if version else ''}{unit}\n")
    return counting.count


class _Counting:
    def __init__(self, records: Iterator[dict[str, Any]]) -> None:
        self.records, self.count = records, 0

    def __iter__(self):
        for record in self.records:
            self.count += 1
            yield record


def _write_xlsx(records: Iterator[dict[str, Any]], path: Path) -> int:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet("设定依据")
    sheet.freeze_panes = "A2"
    widths = {1: 18, 2: 40, 3: 24, 4: 10, 5: 28, 7: 40, 8: 30, 13: 16}
    for col, width in widths.items():
        sheet.column_dimensions[get_column_letter(col)].width = width
    counting = _Counting(records)
    sheet.append(list(HEADERS))
    n = 1
    for row in _rows(counting):
        sheet.append(row)
        n += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(HEADERS))}{n}"
    try:
        book.save(path)
    except OSError as exc:
        raise UserError(f"{path}: cannot write ({exc.strerror})") from None
    return counting.count

"""Write a workbook's sheets again in the forms government sites publish them, for the tests and
bench.bench_workbook_formats: .xlsx, .xlsx encrypted with a password, an HTML table page, CSV text
in any encoding, an .ods spreadsheet.  Cells and merged ranges are written as
:class:`loaders.powerlists.workbook.Sheet` holds them (the top-left cell of a range holds its text).
"""

from __future__ import annotations

import csv
import html
import io
from collections import defaultdict
from pathlib import Path

from loaders.powerlists.workbook import DEFAULT_PASSWORD, Sheet, read_workbook


def xlsx_bytes(sheets: list[Sheet]) -> bytes:
    from plkg.review import workbook_of

    out = io.BytesIO()
    workbook_of(sheets)[0].save(out)
    return out.getvalue()


def encrypted(package: bytes, password: str = DEFAULT_PASSWORD) -> bytes:
    """An OOXML package encrypted as Excel does (agile encryption), in memory."""
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    OOXMLFile(io.BytesIO(package)).encrypt(password, out)
    return out.getvalue()


def html_text(sheets: list[Sheet], title: str = "") -> str:
    """One ``<table>`` per sheet, its name as the caption, merges as row and column spans."""
    parts = [f"<html><head><meta http-equiv=Content-Type content=\"text/html; charset={{charset}}\"><title>{html.escape(title)}</title></head><body>"]
    for sheet in sheets:
        covered, spans = set(), {}
        for r0, r1, c0, c1 in sheet.merged:
            spans[(r0, c0)] = (r1 - r0, c1 - c0)
            covered.update((r, c) for r in range(r0, r1) for c in range(c0, c1) if (r, c) != (r0, c0))
        width = sheet.width
        parts.append(f"<table border=1><caption>{html.escape(sheet.name)}</caption>")
        for r, row in enumerate(sheet.rows):
            cells = []
            for c in range(width):
                if (r, c) in covered:
                    continue
                text = html.escape(row[c] if c < len(row) else "").replace("\n", "<br>")
                down, across = spans.get((r, c), (1, 1))
                attrs = (f" rowspan={down}" if down > 1 else "") + (f" colspan={across}" if across > 1 else "")
                cells.append(f"<td{attrs}>{text}</td>")
            parts.append("<tr>" + "".join(cells) + "</tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts)


def html_bytes(sheets: list[Sheet], encoding: str = "utf-8", title: str = "") -> bytes:
    charset = "gb2312" if encoding == "gb18030" else encoding
    return html_text(sheets, title).replace("{charset}", charset).encode(encoding)


def csv_bytes(sheet: Sheet, encoding: str = "gb18030", delimiter: str = ",", fill_merges: bool = True) -> bytes:
    """A sheet as CSV text; ``fill_merges`` repeats a merged range's text in every cell it covers
    (what a database export writes), else the covered cells are blank (what Excel's 'save as CSV' writes)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    width = sheet.width
    for r, row in enumerate(sheet.rows):
        writer.writerow([sheet.filled(r, c) if fill_merges else sheet.cell(r, c) for c in range(width)])
    return out.getvalue().encode(encoding)


def ods_bytes(sheets: list[Sheet]) -> bytes:
    """The sheets as an OpenDocument spreadsheet (odfpy), merges as spans."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import LineBreak, P

    doc = OpenDocumentSpreadsheet()
    for n, sheet in enumerate(sheets, 1):
        spans = {(r0, c0): (r1 - r0, c1 - c0) for r0, r1, c0, c1 in sheet.merged}
        covered = {(r, c) for r0, r1, c0, c1 in sheet.merged for r in range(r0, r1) for c in range(c0, c1) if (r, c) != (r0, c0)}
        table = Table(name=sheet.name or f"Sheet{n}")
        for r, row in enumerate(sheet.rows):
            tr = TableRow()
            for c in range(sheet.width):
                if (r, c) in covered:
                    tr.addElement(CoveredTableCell())
                    continue
                down, across = spans.get((r, c), (1, 1))
                attrs = {"valuetype": "string"}
                if down > 1:
                    attrs["numberrowsspanned"] = down
                if across > 1:
                    attrs["numbercolumnsspanned"] = across
                cell = TableCell(**attrs)
                text = row[c] if c < len(row) else ""
                if text:
                    p = P()
                    for k, line in enumerate(text.split("\n")):
                        if k:
                            p.addElement(LineBreak())
                        p.addText(line)
                    cell.addElement(p)
                tr.addElement(cell)
            table.addElement(tr)
        doc.spreadsheet.addElement(table)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def docx_bytes(sheets: list[Sheet], title: str = "") -> bytes:
    """A Word document as offices publish a list: a title, then per sheet its name as a heading paragraph and its
    cells as one table, merged ranges merged (python-docx writes gridSpan and vMerge)."""
    import docx

    document = docx.Document()
    if title:
        document.add_paragraph(title)
    for sheet in sheets:
        document.add_paragraph(sheet.name)
        width = max(sheet.width, 1)
        table = document.add_table(rows=len(sheet.rows), cols=width)
        cells = [row.cells for row in table.rows]  # read once: python-docx rebuilds the grid per .cells
        for r, row in enumerate(sheet.rows):
            for c, text in enumerate(row):
                if text:
                    cells[r][c].text = text
        for r0, r1, c0, c1 in sheet.merged:
            if (r1 - r0) * (c1 - c0) > 1:
                top = cells[r0][c0]
                text = top.text
                top.merge(cells[min(r1, len(cells)) - 1][min(c1, width) - 1])
                top.text = text  # merge() joins the covered cells' paragraphs; the range's text is its top cell's
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def karamay_forms(folder: Path, out: Path, forms: set[str] | None = None) -> dict[str, dict[str, str]]:
    """Every workbook of ``folder`` in the forms sites publish, under ``out/<form>/``; returns
    form -> written file name -> original name.

    Forms: the legacy .xls renamed .xlsx, a re-save as .xlsx, that .xlsx encrypted with Excel's
    default password, an HTML page saved as .xls (UTF-8 and GB2312 in turn), an .ods, a Word document of tables, one GB18030
    CSV per sheet (merged cells repeated, and blank).  ``forms`` limits the forms written.
    """
    origin: dict[str, dict[str, str]] = defaultdict(dict)

    def put(form: str, name: str, data: bytes, source: Path) -> None:
        if forms is not None and form not in forms:
            return
        write(out / form / name, data)
        origin[form][name] = source.name

    for n, path in enumerate(sorted(p for p in folder.iterdir() if p.suffix.lower() in (".xls", ".xlsx"))):
        sheets = read_workbook(path)
        stem = path.stem
        if path.suffix.lower() == ".xls":
            put("xls-named-xlsx", stem + ".xlsx", path.read_bytes(), path)
        package = xlsx_bytes(sheets)
        put("xlsx", stem + ".xlsx", package, path)
        if forms is None or "xlsx-encrypted" in forms:
            put("xlsx-encrypted", stem + ".xlsx", encrypted(package), path)
        put("html-as-xls", stem + ".xls", html_bytes(sheets, "gb18030" if n % 2 else "utf-8", stem), path)
        if forms is None or "ods" in forms:
            put("ods", stem + ".ods", ods_bytes(sheets), path)
        if forms is None or "docx" in forms:
            put("docx", stem + ".docx", docx_bytes([s for s in sheets if s.has_text()], stem), path)
        for sheet in sheets:
            if sheet.has_text():
                name = f"{stem}-{sheet.name.replace('/', '_')}.csv"
                put("csv-gb18030", name, csv_bytes(sheet, "gb18030"), path)
                put("csv-gb18030-blank-merges", name, csv_bytes(sheet, "gb18030", fill_merges=False), path)
    return origin

"""An ``.xls`` workbook as an openpyxl ``Workbook``, with what xlrd can tell of its formats.

xlrd with ``formatting_info`` gives each cell's XF record (font, fill,
borders, alignment, number format), the merged ranges, column widths, row
heights and frozen panes; they are carried over so that the ``.xlsx`` written
back looks like the list the department sent.  The print setup xlrd does not
read; sheets are set to print landscape, one page wide.  Files xlrd cannot read the
formats of (``NotImplementedError``) are carried over as values and merges.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from kg.errors import UserError

# xlrd border line styles (BIFF codes) to openpyxl names
_BORDERS = {1: "thin", 2: "medium", 3: "dashed", 4: "dotted", 5: "thick", 6: "double", 7: "hair",
            8: "mediumDashed", 9: "dashDot", 10: "mediumDashDot", 11: "dashDotDot", 12: "mediumDashDotDot",
            13: "slantDashDot"}
_HORIZONTAL = {1: "left", 2: "center", 3: "right", 4: "fill", 5: "justify", 6: "centerContinuous", 7: "distributed"}
_VERTICAL = {0: "top", 1: "center", 2: "bottom", 3: "justify", 4: "distributed"}


def xls_to_workbook(path: Path, data: bytes, warnings: list[str]):
    """Convert the ``.xls`` bytes ``data`` (read from ``path``) to an openpyxl Workbook.

    What cannot be carried over is said in ``warnings``.
    """
    import openpyxl
    import xlrd

    try:
        try:
            book = xlrd.open_workbook(file_contents=data, formatting_info=True, logfile=io.StringIO())
            formats = True
        except NotImplementedError:
            book = xlrd.open_workbook(file_contents=data, logfile=io.StringIO())
            formats = False
    except Exception as exc:  # noqa: BLE001 - xlrd raises many kinds on corrupt input
        raise UserError(f"{path}: corrupt .xls workbook ({exc})") from None
    out = openpyxl.Workbook()
    out.remove(out.active)
    styles = _Styles(book) if formats else None
    for sh in book.sheets():
        ws = out.create_sheet(_title(sh.name, out))
        if sh.visibility:
            ws.sheet_state = "hidden"
        # formatted blank cells often run to column IV: keep the columns up to the last one used
        ncols = _used_columns(sh)
        for r in range(sh.nrows):
            for c in range(min(sh.ncols, ncols)):
                cell = sh.cell(r, c)
                value = _value(cell, book.datemode)
                xf = sh.cell_xf_index(r, c) if styles is not None else None
                if value is None and xf is None:
                    continue
                target = ws.cell(r + 1, c + 1, value)
                if xf is not None:
                    styles.apply(target, xf)
        hidden = 0
        for rlo, rhi, clo, chi in sh.merged_cells:
            if rhi - rlo > 1 or chi - clo > 1:
                hidden += sum(1 for r in range(rlo, rhi) for c in range(clo, chi)
                              if (r, c) != (rlo, clo) and ws.cell(r + 1, c + 1).value not in (None, ""))
                ws.merge_cells(start_row=rlo + 1, end_row=rhi, start_column=clo + 1, end_column=chi)
        if hidden:
            warnings.append(f"{path}: sheet {sh.name}: {hidden} values hidden under merged cells (Excel shows only "
                            "the first cell of a merge) are not carried over")
        if formats:
            _dimensions(sh, ws)
    return out


def _used_columns(sh) -> int:
    """How many columns hold a value or a merge."""
    used = max((chi for _, _, _, chi in sh.merged_cells), default=0)
    for r in range(sh.nrows):
        values = sh.row_values(r)
        for c in range(len(values) - 1, used - 1, -1):
            if values[c] not in ("", None):
                used = c + 1
                break
    return used


def _title(name: str, book) -> str:
    title = "".join(ch for ch in name if ch not in "[]:*?/\\")[:31] or "Sheet"
    base, n = title, 2
    while title in book.sheetnames:
        title = f"{base[:28]}({n})"
        n += 1
    return title


def _value(cell, datemode: int) -> Any:
    import xlrd

    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        return int(cell.value) if float(cell.value).is_integer() else cell.value
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(cell.value, datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return cell.value
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return None
    return cell.value


def _dimensions(sh, ws) -> None:
    from openpyxl.utils import get_column_letter

    for c, info in sh.colinfo_map.items():
        letter = get_column_letter(c + 1)
        ws.column_dimensions[letter].width = info.width / 256
        if info.hidden:
            ws.column_dimensions[letter].hidden = True
    for r, info in sh.rowinfo_map.items():
        if info.height:
            ws.row_dimensions[r + 1].height = info.height / 20
        if info.hidden:
            ws.row_dimensions[r + 1].hidden = True
    # xlrd does not read the print setup: print as power lists are printed, landscape and one page wide
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    if sh.panes_are_frozen and (sh.horz_split_pos or sh.vert_split_pos):
        ws.freeze_panes = ws.cell(sh.horz_split_pos + 1, sh.vert_split_pos + 1)


class _Styles:
    """openpyxl style objects per XF index, built once."""

    def __init__(self, book) -> None:
        self.book = book
        self.cache: dict[int, tuple] = {}

    def colour(self, index: int | None) -> str | None:
        rgb = self.book.colour_map.get(index) if index is not None else None
        return None if rgb is None else "FF%02X%02X%02X" % rgb

    def apply(self, cell, xf_index: int) -> None:
        style = self.cache.get(xf_index)
        if style is None:
            style = self.cache[xf_index] = self._build(xf_index)
        font, fill, border, alignment, number_format = style
        cell.font, cell.border, cell.alignment = font, border, alignment
        if fill is not None:
            cell.fill = fill
        if number_format:
            cell.number_format = number_format

    def _build(self, xf_index: int) -> tuple:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        book = self.book
        xf = book.xf_list[xf_index]
        f = book.font_list[xf.font_index]
        colour = self.colour(f.colour_index)
        font = Font(name=f.name, size=f.height / 20, bold=bool(f.bold), italic=bool(f.italic),
                    underline="single" if f.underline_type else None, strike=bool(f.struck_out),
                    color=colour if colour and colour != "FF000000" else None)
        fill = None
        if xf.background.fill_pattern:
            rgb = self.colour(xf.background.pattern_colour_index)
            if rgb:
                fill = PatternFill("solid", fgColor=rgb)
        b = xf.border

        def side(style: int, colour_index: int) -> Side:
            return Side(style=_BORDERS.get(style), color=self.colour(colour_index)) if style else Side()

        border = Border(left=side(b.left_line_style, b.left_colour_index), right=side(b.right_line_style, b.right_colour_index),
                        top=side(b.top_line_style, b.top_colour_index), bottom=side(b.bottom_line_style, b.bottom_colour_index))
        a = xf.alignment
        alignment = Alignment(horizontal=_HORIZONTAL.get(a.hor_align), vertical=_VERTICAL.get(a.vert_align),
                              wrap_text=bool(a.text_wrapped), indent=a.indent_level or 0,
                              text_rotation=a.rotation if 0 <= a.rotation <= 180 else 0)
        fmt = book.format_map.get(xf.format_key)
        number_format = fmt.format_str if fmt is not None and fmt.format_str not in ("General", "") else None
        return font, fill, border, alignment, number_format

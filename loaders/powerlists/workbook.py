"""Read a power-list workbook (.xlsx, .xls, .csv) into plain sheets of text cells.

Every sheet is read; cells become normalised text (kg.text.normalise: simplified
characters, half-width digits), numbers written as floats by Excel (``1.0``)
become ``1``.  Merged ranges are kept as ranges: the value sits in the top-left
cell only, so the item reader can tell a continuation row (blank because of a
merge) from a row with its own content.

Problems a user can fix (a password-protected or corrupt file, an unknown
format) raise :class:`WorkbookError` with a one-line message naming the file.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "list.csv"
>>> _ = path.write_text("序号,事项名称\\n1,对违法行为的处罚\\n", encoding="gb18030")
>>> sheet = read_workbook(path)[0]
>>> sheet.rows
[['序号', '事项名称'], ['1', '对违法行为的处罚']]

:func:`iter_workbook` reads the same sheets for the loader, a CSV file's rows
lazily (a million-item list is never held as cells):

>>> (streamed,) = iter_workbook(path)
>>> [row for _, row in streamed.iter_rows(0)]
[['序号', '事项名称'], ['1', '对违法行为的处罚']]
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from kg.errors import UserError
from kg.text import ENCODINGS, DecodeError, decode_bytes, normalise

SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv")

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls and encrypted .xlsx are OLE containers
_ZIP_MAGIC = b"PK\x03\x04"
HEAD_ROWS = 40  # rows of a streamed sheet kept in ``rows``: the title and header rows are among them
_CHUNK = 1 << 20


class WorkbookError(UserError):
    """A workbook cannot be read; the message names the file and why."""


@dataclass
class Sheet:
    """One sheet: its cells as text, and its merged ranges.

    ``merged`` holds ``(first_row, last_row_exclusive, first_col, last_col_exclusive)``,
    0-based; only the top-left cell of a range holds its value.

    A streamed sheet (a CSV file: no merges) holds only its first rows in
    ``rows``; ``more`` yields the rest once, through :meth:`iter_rows`.
    """

    file: Path
    name: str
    rows: list[list[str]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    more: Iterator[list[str]] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._current: tuple[int, list[str]] = (-1, [])  # the streamed row iter_rows is at
        self._anchor: dict[tuple[int, int], tuple[int, int]] = {}
        height, width = len(self.rows), self.width
        for r0, r1, c0, c1 in self.merged:  # ranges may run far past the data (whole columns)
            for r in range(r0, min(r1, height)):
                for c in range(c0, min(c1, width)):
                    if (r, c) != (r0, c0):
                        self._anchor[(r, c)] = (r0, c0)

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)

    @property
    def has_merges(self) -> bool:
        """True when a merged range covers a cell of the sheet (else ``filled`` is ``cell``)."""
        return bool(self._anchor)

    def cell(self, row: int, col: int) -> str:
        """The cell's own text ('' for cells covered by a merge)."""
        if row >= len(self.rows):
            at, cells = self._current
            if row != at or col >= len(cells):
                return ""
            return cells[col]
        if col >= len(self.rows[row]):
            return ""
        return self.rows[row][col]

    def iter_rows(self, start: int) -> Iterator[tuple[int, list[str]]]:
        """``(index, cells)`` of the rows from ``start`` on; a streamed sheet's rest is read once."""
        for r in range(start, len(self.rows)):
            yield r, self.rows[r]
        if self.more is None:
            return
        more, self.more = self.more, None
        for r, cells in enumerate(more, len(self.rows)):
            if r >= start:
                self._current = (r, cells)
                yield r, cells
        self._current = (-1, [])

    def has_text(self) -> bool:
        """True when any cell holds text (reads a streamed sheet to its end)."""
        return any(any(cell for cell in row) for _, row in self.iter_rows(0))

    def filled(self, row: int, col: int) -> str:
        """The cell's text, or the text of the merged range that covers it."""
        r, c = self._anchor.get((row, col), (row, col))
        return self.cell(r, c)

    def merged_from_left(self, row: int, col: int) -> bool:
        """True when the cell is covered by a merge that starts in an earlier column of its row."""
        anchor = self._anchor.get((row, col))
        return anchor is not None and anchor[0] == row and anchor[1] < col

    def merged_from_above(self, row: int, col: int) -> bool:
        """True when the cell is covered by a merge that starts in an earlier row."""
        anchor = self._anchor.get((row, col))
        return anchor is not None and anchor[0] < row


_SHORT = 24  # cells up to this long repeat (departments, categories, levels): normalised once each
_normalised: dict[str, str] = {}


def _text(value: object) -> str:
    if value is None:
        return ""
    if value.__class__ is str:
        return _normalised_text(value)  # type: ignore[arg-type]
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, bool):
        return "是" if value else "否"
    return _normalised_text(str(value))


def _normalised_text(text: str) -> str:
    """``normalise(text).strip()``, remembered for short cells."""
    if text.isascii():  # nothing to normalise but line ends
        return text.replace("\r\n", "\n").replace("\r", "\n").strip() if "\r" in text else text.strip()
    if len(text) > _SHORT:
        return normalise(text).strip()
    done = _normalised.get(text)
    if done is None:
        if len(_normalised) >= 100_000:
            _normalised.clear()
        done = _normalised[text] = normalise(text).strip()
    return done


def read_workbook(path: str | Path) -> list[Sheet]:
    """All sheets of a workbook, in order, every row in ``rows``.

    Raises
    ------
    WorkbookError
        For an unreadable, encrypted or corrupt file, or an unknown suffix.
    """
    sheets = iter_workbook(path)
    for sheet in sheets:
        if sheet.more is not None:
            sheet.rows.extend(sheet.more)
            sheet.more = None
    return sheets


def iter_workbook(path: str | Path) -> list[Sheet]:
    """All sheets of a workbook, in order; a CSV file's sheet streamed (see :class:`Sheet`).

    The CSV file is checked whole (readable, not empty, one encoding) before
    any row is returned, so a bad file fails here, not half-way through.

    Raises
    ------
    WorkbookError
        For an unreadable, encrypted or corrupt file, or an unknown suffix.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return [_stream_csv(path)]
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise WorkbookError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if not data.strip():
        raise WorkbookError(f"{path}: empty file")
    if suffix not in SUFFIXES:
        raise WorkbookError(f"{path}: not a power list (use .xlsx, .xls or .csv)")
    # Trust the bytes over the suffix: .xls files saved as .xlsx and back are common.
    if data.startswith(_ZIP_MAGIC):
        return _read_xlsx(path, data)
    if data.startswith(_OLE_MAGIC):
        if suffix in (".xlsx", ".xlsm") or b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in data:
            raise WorkbookError(f"{path}: the workbook is password-protected (encrypted); save it without a password and load it again")
        return _read_xls(path, data)
    head = data[:512].lstrip().lower()
    if head.startswith((b"<html", b"<!doctype", b"<table", b"<?xml")):
        raise WorkbookError(f"{path}: an HTML/XML page saved as {suffix}, not a workbook; open it in a spreadsheet program and save as .xlsx")
    raise WorkbookError(f"{path}: not a {suffix} workbook (corrupt or another format)")


def _dialect(sample: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(sample, delimiters=",\t;")
    except csv.Error:
        return csv.excel


def _stream_csv(path: Path) -> Sheet:
    """A CSV file as a streamed sheet: decoded as :func:`kg.text.decode_bytes` would, never held whole."""
    encoding = _csv_encoding(path)
    with open(path, encoding=encoding, newline="\n") as handle:  # newline as io.StringIO splits
        dialect = _dialect(handle.read(4096))
    handle = open(path, encoding=encoding, newline="\n")  # noqa: SIM115 - closed by _rows when read
    rows = _csv_rows(handle, dialect)
    head = [row for _, row in zip(range(HEAD_ROWS), rows)]
    return Sheet(path, path.stem, head, more=rows)


def _csv_rows(handle: io.TextIOBase, dialect) -> Iterator[list[str]]:
    with handle:
        text = _text
        for row in csv.reader(handle, dialect):
            yield [text(cell) for cell in row]


def _csv_encoding(path: Path) -> str:
    """The encoding :func:`kg.text.decode_bytes` would pick, found by decoding the file in pieces."""
    try:
        with open(path, "rb") as handle:
            start = handle.read(4096)
            blank = not start.strip()
            while blank:
                piece = handle.read(_CHUNK)
                if not piece:
                    break
                blank = not piece.strip()
    except OSError as exc:
        raise WorkbookError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if blank:
        raise WorkbookError(f"{path}: empty file")
    if start.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates: tuple[str, ...] = ("utf-16",)
    elif b"\x00" in start:
        raise WorkbookError(f"{path}: binary file (NUL bytes), not text")
    else:
        candidates = ENCODINGS
    for encoding in candidates:
        if _decodes(path, encoding):
            return encoding
    if candidates == ("utf-16",):
        try:  # the same message decode_bytes gives
            decode_bytes(path.read_bytes(), str(path))
        except DecodeError as exc:
            raise WorkbookError(str(exc)) from None
    raise WorkbookError(f"{path}: not UTF-8 or GB18030 text")


def _decodes(path: Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    try:
        with open(path, "rb") as handle:
            while piece := handle.read(_CHUNK):
                decoder.decode(piece)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    except OSError as exc:
        raise WorkbookError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return True


def _read_xlsx(path: Path, data: bytes) -> list[Sheet]:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise WorkbookError(f"{path}: corrupt .xlsx workbook ({exc})") from None
    sheets = []
    for ws in book.worksheets:
        rows = [[_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
        merged = [(m.min_row - 1, m.max_row, m.min_col - 1, m.max_col) for m in ws.merged_cells.ranges]
        sheets.append(Sheet(path, normalise(ws.title).strip(), rows, merged))
    return sheets


def _read_xls(path: Path, data: bytes) -> list[Sheet]:
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    except xlrd.XLRDError as exc:
        if "encrypt" in str(exc).lower():
            raise WorkbookError(f"{path}: the workbook is password-protected (encrypted); save it without a password and load it again") from None
        raise WorkbookError(f"{path}: corrupt .xls workbook ({exc})") from None
    except NotImplementedError:  # formatting_info is not supported for some files
        try:
            book = xlrd.open_workbook(file_contents=data, on_demand=True)
        except Exception as exc:  # noqa: BLE001 - xlrd raises many kinds on corrupt input
            raise WorkbookError(f"{path}: corrupt .xls workbook ({exc})") from None
    except Exception as exc:  # noqa: BLE001
        raise WorkbookError(f"{path}: corrupt .xls workbook ({exc})") from None
    sheets = []
    try:
        for index in range(book.nsheets):
            sh = book.sheet_by_index(index)
            rows = []
            for r in range(sh.nrows):
                row = []
                for c in range(sh.ncols):
                    cell = sh.cell(r, c)
                    if cell.ctype == xlrd.XL_CELL_DATE:
                        try:
                            y, m, d, *_ = xlrd.xldate_as_tuple(cell.value, book.datemode)
                            row.append(f"{y:04d}-{m:02d}-{d:02d}")
                            continue
                        except xlrd.XLDateError:
                            pass
                    row.append(_text(cell.value))
                rows.append(row)
            merged = [tuple(m) for m in getattr(sh, "merged_cells", [])]
            sheets.append(Sheet(path, normalise(sh.name).strip(), rows, merged))
    except Exception as exc:  # noqa: BLE001
        raise WorkbookError(f"{path}: corrupt .xls workbook ({exc})") from None
    finally:
        book.release_resources()
    return sheets

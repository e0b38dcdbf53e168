"""Read a power-list workbook into plain sheets of text cells.

What a file is comes from its bytes, never from its name (:func:`sniff`): an
OOXML package (.xlsx), a legacy BIFF workbook (.xls, whatever suffix it was
saved under), an OLE container holding an encrypted package (decrypted in
memory with msoffcrypto-tool: Excel's default read-only password, or the
user's), an OpenDocument spreadsheet (.ods, odfpy), an HTML page of tables or
an Excel 2003 XML workbook saved as .xls (lxml), the tables of a Word document
(.docx: many offices publish their list as one), or CSV/TSV text in UTF-8 (with
or without BOM), GB18030 or UTF-16 with BOM.  Each sheet's ``read_as`` says which.

Every sheet is read; cells become normalised text (kg.text.normalise: simplified
characters, half-width digits), numbers written as floats by Excel (``1.0``)
become ``1``.  Merged ranges are kept as ranges: the value sits in the top-left
cell only, so the item reader can tell a continuation row (blank because of a
merge) from a row with its own content.

Problems a user can fix (a password-protected or corrupt file, a PDF or an
archive) raise :class:`WorkbookError` with a one-line message naming the file.

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
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from kg.errors import UserError
from kg.text import ENCODINGS, DecodeError, decode_bytes, normalise

# the suffixes a folder's workbooks carry (a file named on the command line is read whatever its suffix)
SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls", ".et", ".ods", ".csv", ".tsv", ".htm", ".html", ".docx")
# what each suffix promises, to say when a file turned out to be something else
PROMISED = {".xlsx": "xlsx", ".xlsm": "xlsx", ".xls": "xls", ".et": "xls", ".ods": "ods", ".csv": "text",
            ".tsv": "text", ".txt": "text", ".htm": "html", ".html": "html", ".xml": "spreadsheetml", ".docx": "docx"}
READ_AS = {"xlsx": "an Excel workbook (.xlsx)", "xls": "a legacy Excel workbook (.xls)", "ods": "an OpenDocument spreadsheet (.ods)",
           "text": "CSV/TSV text", "html": "an HTML table", "spreadsheetml": "an Excel 2003 XML workbook",
           "docx": "the tables of a Word document (.docx)"}

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls and encrypted .xlsx are OLE containers
_ZIP_MAGIC = b"PK\x03\x04"
_OTHER_MAGIC = ((b"%PDF", "a PDF document"), (b"Rar!", "a RAR archive"), (b"7z\xbc\xaf", "a 7-Zip archive"),
                (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"{\\rtf", "an RTF document"))
_SNIFF = 4096
DEFAULT_PASSWORD = "VelvetSweatshop"  # what Excel encrypts a read-only-recommended workbook with
PASSWORD_ENV = "PLKG_WORKBOOK_PASSWORD"
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
    read_as: str = field(default="", compare=False)  # what the bytes were read as: a key of READ_AS
    opened_with: str = field(default="", compare=False)  # an encrypted workbook's key: 'default password' or 'password'
    # (row, column) 0-based -> formula, for formula cells the file holds no value of (never recalculated)
    unsaved_formulas: dict[tuple[int, int], str] = field(default_factory=dict, repr=False, compare=False)

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


def read_workbook(path: str | Path, password: str | None = None) -> list[Sheet]:
    """All sheets of a workbook, in order, every row in ``rows`` (see :func:`iter_workbook`).

    Raises
    ------
    WorkbookError
        For an unreadable, encrypted or corrupt file, or one that is no workbook.
    """
    sheets = iter_workbook(path, password)
    for sheet in sheets:
        if sheet.more is not None:
            sheet.rows.extend(sheet.more)
            sheet.more = None
    return sheets


def iter_workbook(path: str | Path, password: str | None = None) -> list[Sheet]:
    """All sheets of a workbook, in order; a text file's sheet streamed (see :class:`Sheet`).

    The format comes from the bytes (:func:`sniff`), never from the name: a
    legacy .xls saved as .xlsx, an HTML table or tab-separated text saved as
    .xls all read as what they are; each sheet's ``read_as`` says what.  An
    encrypted workbook is decrypted in memory with ``password``, else with
    Excel's default read-only password.  A text file is checked whole
    (readable, not empty, one encoding) before any row is returned, so a bad
    file fails here, not half-way through.

    Raises
    ------
    WorkbookError
        For an unreadable, encrypted (without the right password), corrupt or
        unknown file.
    """
    path = Path(path)
    kind = sniff(path)
    if kind == "text":
        sheets = [_stream_csv(path)]
    else:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise WorkbookError(f"{path}: cannot read ({exc.strerror or exc})") from None
        opened_with = ""
        if kind == "ole":
            data, kind, opened_with = _open_ole(path, data, password)
            if kind == "xlsx":  # an encrypted package is any OOXML one: a protected Word list decrypts to a .docx
                kind = _zip_kind(path, io.BytesIO(data))
        sheets = _READERS[kind](path, data)
        for sheet in sheets:
            sheet.opened_with = opened_with
    for sheet in sheets:
        sheet.read_as = kind
    return sheets


def sniff(path: str | Path) -> str:
    """What a file holds, from its first bytes: 'xlsx', 'ods', 'ole' (a legacy .xls,
    or an encrypted package), 'html', 'spreadsheetml' or 'text' (CSV/TSV).

    Raises
    ------
    WorkbookError
        For an unreadable or empty file, or one that is no workbook (another
        zip archive, a PDF, a binary file).
    """
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(_SNIFF)
            if head.startswith(_ZIP_MAGIC):
                return _zip_kind(path)
    except OSError as exc:
        raise WorkbookError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if head.startswith(_OLE_MAGIC):
        return "ole"
    if not head.strip():
        _csv_encoding(path)  # raises the 'empty file' message (a long blank head may hide text)
    for magic, what in _OTHER_MAGIC:
        if head.startswith(magic):
            raise WorkbookError(f"{path}: {what}, not a workbook")
    markup = _markup_kind(head)
    if markup:
        return markup
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise WorkbookError(f"{path}: binary file (NUL bytes), not text, and no workbook format (Excel, OpenDocument, HTML) either: corrupt or another format")
    return "text"


def _zip_kind(path: Path, source: io.BytesIO | None = None) -> str:
    """What a zip package holds ('xlsx', 'ods', 'docx'), read from ``source`` (else the file); ``path`` names it."""
    try:
        with zipfile.ZipFile(source or path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                if mimetype == "application/vnd.oasis.opendocument.spreadsheet":
                    return "ods"
                raise WorkbookError(f"{path}: an OpenDocument file of type {mimetype}, not a spreadsheet")
    except zipfile.BadZipFile as exc:
        raise WorkbookError(f"{path}: corrupt zip package ({exc})") from None
    if "xl/workbook.xml" in names or "xl/workbook.bin" in names or "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names):
        if "xl/workbook.bin" in names and "xl/workbook.xml" not in names:
            raise WorkbookError(f"{path}: an Excel binary workbook (.xlsb); save it as .xlsx and load it again")
        return "xlsx"
    if "word/document.xml" in names:
        return "docx"
    if "[Content_Types].xml" in names:
        return "xlsx"  # an OOXML package openpyxl will judge
    raise WorkbookError(f"{path}: a zip archive, not a workbook (unpack it and load its files)")


def _markup_kind(head: bytes) -> str | None:
    """'html' or 'spreadsheetml' when the head is markup (in UTF-8, GB18030 or UTF-16)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head[2:].decode("utf-16-le" if head.startswith(b"\xff\xfe") else "utf-16-be", "ignore")
    else:
        text = head.decode("latin-1")
    text = text.lstrip("\ufeff\xef\xbb\xbf \t\r\n").lower()
    if not text.startswith("<"):
        return None
    if "urn:schemas-microsoft-com:office:spreadsheet" in text and "<workbook" in text:
        return "spreadsheetml"
    if re.match(r"<(?:!doctype\s+html|html|head|meta|body|table|style|title|!--|\?xml)", text):
        return "html"
    return None


def _open_ole(path: Path, data: bytes, password: str | None) -> tuple[bytes, str, str]:
    """A legacy .xls as it is, or an encrypted package (OOXML or .xls) decrypted in memory.

    Excel writes a workbook protected only against changes (read-only
    recommended) encrypted with its default password; such a file opens
    without a question.  Returns ``(bytes, kind, opened with)``: kind 'xls' or 'xlsx',
    and '' (not encrypted), 'password' or 'default password'.
    """
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - olefile raises OSError, ValueError … on a broken container
        raise WorkbookError(f"{path}: corrupt .xls workbook (broken OLE container: {exc})") from None
    with ole:
        streams = {"/".join(entry) for entry in ole.listdir()}
    if "EncryptionInfo" in streams and "EncryptedPackage" in streams:
        clear, key = _decrypt(path, data, password, "xlsx")
        return clear, "xlsx", key
    book = "Workbook" if "Workbook" in streams else "Book" if "Book" in streams else None
    if book is None:
        if "WordDocument" in streams:
            raise WorkbookError(f"{path}: a Word 97-2003 document (.doc), which cannot be read here: save it as .docx"
                                " (its tables are read) or as .xlsx, and load it again")
        raise WorkbookError(f"{path}: an OLE file without a workbook stream, not a workbook")
    if _xls_encrypted(data):
        clear, key = _decrypt(path, data, password, "xls")
        return clear, "xls", key
    return data, "xls", ""


def _xls_encrypted(data: bytes) -> bool:
    import msoffcrypto

    try:
        return bool(msoffcrypto.OfficeFile(io.BytesIO(data)).is_encrypted())
    except Exception:  # noqa: BLE001 - an odd BIFF stream: let xlrd judge it
        return False


def _decrypt(path: Path, data: bytes, password: str | None, kind: str) -> tuple[bytes, str]:
    """The package decrypted in memory with ``password``, else Excel's default one, and which opened it."""
    import msoffcrypto
    from msoffcrypto.exceptions import DecryptionError, InvalidKeyError

    tried = [password] if password else []
    tried.append(DEFAULT_PASSWORD)
    for key in tried:
        try:
            office = msoffcrypto.OfficeFile(io.BytesIO(data))
            if kind == "xlsx":
                office.load_key(password=key, verify_password=True)
            else:
                office.load_key(password=key)
            clear = io.BytesIO()
            office.decrypt(clear)
        except (InvalidKeyError, DecryptionError):
            continue
        except Exception as exc:  # noqa: BLE001 - msoffcrypto raises many kinds on corrupt input
            if "password" in str(exc).lower() or "key" in str(exc).lower():
                continue
            raise WorkbookError(f"{path}: corrupt encrypted workbook ({type(exc).__name__}: {exc})") from None
        result = clear.getvalue()
        if not result.startswith((_ZIP_MAGIC, _OLE_MAGIC)):
            continue  # RC4 .xls decryption does not verify every key: a wrong one gives garbage
        return result, "default password" if key == DEFAULT_PASSWORD and key != password else "password"
    if password:
        raise WorkbookError(f"{path}: wrong password: the workbook does not open with the --password given")
    raise WorkbookError(f"{path}: the workbook is password-protected (encrypted); pass its password with --password "
                        f"(or {PASSWORD_ENV}), or save it without a password and load it again")


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
    if _has_unsaved_formulas(data):
        formulas = openpyxl.load_workbook(io.BytesIO(data), data_only=False)
        for sheet, ws in zip(sheets, formulas.worksheets):
            for r, row in enumerate(ws.iter_rows(values_only=True)):
                for c, value in enumerate(row):
                    if isinstance(value, str) and value.startswith("=") and r < len(sheet.rows) \
                            and c < len(sheet.rows[r]) and not sheet.rows[r][c]:
                        sheet.unsaved_formulas[(r, c)] = value
    return sheets


# a formula cell with no <v> after its <f>: the workbook was written by a program and never recalculated
_UNSAVED_FORMULA_RE = re.compile(rb"<f(?:\s[^>]*)?(?:/>|>[^<]*</f>)(?:<v\s*/>|<v></v>)?</c>")


def _has_unsaved_formulas(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return any(_UNSAVED_FORMULA_RE.search(package.read(name)) for name in package.namelist()
                       if name.startswith("xl/worksheets/") and name.endswith(".xml"))
    except (zipfile.BadZipFile, KeyError, OSError):
        return False


def _read_xls(path: Path, data: bytes) -> list[Sheet]:
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True, logfile=io.StringIO())
    except xlrd.XLRDError as exc:
        if "encrypt" in str(exc).lower():
            raise WorkbookError(f"{path}: the workbook is password-protected (encrypted); save it without a password and load it again") from None
        raise WorkbookError(f"{path}: corrupt .xls workbook ({exc})") from None
    except NotImplementedError:  # formatting_info is not supported for some files
        try:
            book = xlrd.open_workbook(file_contents=data, on_demand=True, logfile=io.StringIO())
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
                    if cell.ctype == xlrd.XL_CELL_ERROR:  # its value is a code (23): the text Excel shows
                        row.append(xlrd.error_text_from_code.get(cell.value, "#N/A"))
                        continue
                    row.append(_text(cell.value))
                rows.append(row)
            merged = [tuple(m) for m in getattr(sh, "merged_cells", [])]
            sheets.append(Sheet(path, normalise(sh.name).strip(), rows, merged))
    except Exception as exc:  # noqa: BLE001
        raise WorkbookError(f"{path}: corrupt .xls workbook ({exc})") from None
    finally:
        book.release_resources()
    return sheets


# --- markup: HTML tables and Excel 2003 XML, as government sites publish them under .xls ---------


class _Grid:
    """Cells placed row by row, with the ranges that row and column spans cover."""

    def __init__(self) -> None:
        self.rows: list[list[str]] = []
        self.merged: list[tuple[int, int, int, int]] = []
        self._taken: set[tuple[int, int]] = set()  # cells a span from an earlier row covers

    def next_free(self, row: int, col: int) -> int:
        while (row, col) in self._taken:
            col += 1
        return col

    def put(self, row: int, col: int, text: str, rows: int = 1, cols: int = 1) -> None:
        while len(self.rows) <= row:
            self.rows.append([])
        cells = self.rows[row]
        cells.extend([""] * (col + 1 - len(cells)))
        cells[col] = text
        if rows > 1 or cols > 1:
            self.merged.append((row, row + rows, col, col + cols))
            for r in range(row, row + rows):
                for c in range(col, col + cols):
                    if (r, c) != (row, col):
                        self._taken.add((r, c))

    def trimmed(self) -> list[list[str]]:
        while self.rows and not any(self.rows[-1]):
            self.rows.pop()
        return self.rows


def _holds_data(cells: list[list[str]]) -> bool:
    """A table of data, not a layout box: two rows of two filled cells at least (HTML pages, Word documents)."""
    return sum(1 for row in cells if sum(1 for cell in row if cell) >= 2) >= 2


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(str(value).strip() or 1), 10_000))
    except ValueError:
        return 1


def _html_text(data: bytes, path: Path) -> str:
    """The page decoded: by its BOM, else its declared charset, else as text files are."""
    if not data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        declared = re.search(rb"""charset\s*=\s*["']?([A-Za-z0-9_-]+)""", data[:_SNIFF])
        if declared:
            name = declared.group(1).decode("ascii").lower()
            name = "gb18030" if name in ("gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936") else name
            try:
                return data.decode(name)
            except (LookupError, UnicodeDecodeError):
                pass  # a page that lies about its charset: decode as any text file
    try:
        return decode_bytes(data, str(path))
    except DecodeError as exc:
        raise WorkbookError(str(exc)) from None


def _read_html(path: Path, data: bytes) -> list[Sheet]:
    """Each innermost ``<table>`` of the page with data (two rows of two cells at least) as one
    sheet; its caption (else the page title) names it."""
    import lxml.etree
    import lxml.html

    text = _html_text(data, path)
    try:
        page = lxml.html.document_fromstring(text.lstrip("\ufeff"))
    except (lxml.etree.ParserError, ValueError) as exc:
        raise WorkbookError(f"{path}: corrupt HTML page ({exc})") from None
    for br in page.iter("br"):  # a line break in a cell is a line of its text
        br.tail = "\n" + (br.tail or "")
    tables = [t for t in page.iter("table") if not t.xpath(".//table")]
    title = normalise(page.findtext(".//title") or "").strip()
    sheets = []
    for n, table in enumerate(tables, 1):
        grid = _Grid()
        rows = [tr for tr in table.xpath(".//tr") if tr.xpath("ancestor::table[1]")[0] is table]
        for r, tr in enumerate(rows):
            col = 0
            for td in tr:
                if not isinstance(td.tag, str) or td.tag.lower() not in ("td", "th"):
                    continue
                col = grid.next_free(r, col)
                rowspan, colspan = _span(td.get("rowspan")), _span(td.get("colspan"))
                grid.put(r, col, _text(td.text_content()), rowspan, colspan)
                col += colspan
        cells = grid.trimmed()
        if not _holds_data(cells):
            continue  # a page's layout or navigation box
        caption = table.find("caption")
        name = normalise(caption.text_content()).strip() if caption is not None else ""
        name = name or (title if len(tables) == 1 and title else f"{title or 'Table'} {n}".strip())
        sheets.append(Sheet(path, name, cells, grid.merged))
    if not sheets:
        raise WorkbookError(f"{path}: an HTML page without a table, not a workbook")
    return sheets


_SS = "{urn:schemas-microsoft-com:office:spreadsheet}"


def _read_spreadsheetml(path: Path, data: bytes) -> list[Sheet]:
    """An Excel 2003 XML workbook: ``Worksheet/Table/Row/Cell/Data``, with ss:Index and Merge* spans."""
    import lxml.etree

    try:
        root = lxml.etree.fromstring(data, lxml.etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
    except lxml.etree.XMLSyntaxError as exc:
        raise WorkbookError(f"{path}: corrupt Excel XML workbook ({exc})") from None
    sheets = []
    for ws in root.iter(f"{_SS}Worksheet"):
        grid = _Grid()
        r = -1
        for row in ws.iter(f"{_SS}Row"):
            r = _span(row.get(f"{_SS}Index")) - 1 if row.get(f"{_SS}Index") else r + 1
            col = 0
            for cell in row.iter(f"{_SS}Cell"):
                col = _span(cell.get(f"{_SS}Index")) - 1 if cell.get(f"{_SS}Index") else grid.next_free(r, col)
                value = "".join(cell.find(f"{_SS}Data").itertext()) if cell.find(f"{_SS}Data") is not None else ""
                across = _span(int(cell.get(f"{_SS}MergeAcross", "0") or 0) + 1)
                down = _span(int(cell.get(f"{_SS}MergeDown", "0") or 0) + 1)
                grid.put(r, col, _text(_number_text(value)), down, across)
                col += across
        sheets.append(Sheet(path, normalise(ws.get(f"{_SS}Name", "") or f"Sheet{len(sheets) + 1}").strip(), grid.trimmed(), grid.merged))
    if not sheets:
        raise WorkbookError(f"{path}: an Excel XML file without a worksheet, not a workbook")
    return sheets


def _number_text(value: str) -> str:
    """'1.0' as Excel writes a whole number in XML -> '1' (what the binary readers give)."""
    return value[:-2] if re.fullmatch(r"-?\d+\.0", value) else value


# --- OpenDocument ------------------------------------------------------------------------------------


def _read_ods(path: Path, data: bytes) -> list[Sheet]:
    """An OpenDocument spreadsheet through odfpy: repeated rows/cells expanded, spans kept as merges."""
    from odf import opendocument, table as odt
    from odf.namespaces import OFFICENS, TABLENS

    try:
        doc = opendocument.load(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - odfpy raises many kinds on corrupt input
        raise WorkbookError(f"{path}: corrupt .ods spreadsheet ({type(exc).__name__}: {exc})") from None
    sheets = []
    for ws in doc.spreadsheet.getElementsByType(odt.Table):
        grid = _Grid()
        r = 0
        for row in ws.getElementsByType(odt.TableRow):
            repeat = _span(row.attributes.get((TABLENS, "number-rows-repeated")))
            cells = []
            for cell in row.childNodes:
                if cell.qname[1] not in ("table-cell", "covered-table-cell"):
                    continue
                times = _span(cell.attributes.get((TABLENS, "number-columns-repeated")))
                kind = cell.attributes.get((OFFICENS, "value-type"))
                if kind in ("float", "percentage", "currency"):
                    value = _text(float(cell.attributes.get((OFFICENS, "value"), "0")))
                elif kind == "date":
                    value = cell.attributes.get((OFFICENS, "date-value"), "")[:10]
                else:
                    value = _text("\n".join(_odf_text(p) for p in cell.childNodes if p.qname[1] in ("p", "h")))
                spans = (_span(cell.attributes.get((TABLENS, "number-rows-spanned"))),
                         _span(cell.attributes.get((TABLENS, "number-columns-spanned"))))
                cells.extend([(value, spans, cell.qname[1] == "covered-table-cell")] * min(times, 1024))
            if not any(value for value, _, _ in cells) and not any(s != (1, 1) for _, s, _ in cells):
                r += repeat  # blank rows (often repeated to the sheet's end) place nothing
                continue
            for _ in range(min(repeat, 1024)):
                for c, (value, (down, across), covered) in enumerate(cells):
                    if not covered and (value or (down, across) != (1, 1)):
                        grid.put(r, c, value, down, across)
                r += 1
        sheets.append(Sheet(path, normalise(ws.getAttribute("name") or f"Sheet{len(sheets) + 1}").strip(), grid.trimmed(), grid.merged))
    return sheets


def _odf_text(node) -> str:
    """A text:p's text with its spans, spaces (text:s) and line breaks."""
    parts = []
    for child in node.childNodes:
        if child.nodeType == child.TEXT_NODE:
            parts.append(str(child.data))
        elif child.qname[1] == "s":
            parts.append(" " * _span(child.attributes.get((child.qname[0], "c"))))
        elif child.qname[1] == "line-break":
            parts.append("\n")
        elif child.qname[1] == "tab":
            parts.append("\t")
        else:
            parts.append(_odf_text(child))
    return "".join(parts)


# --- Word ----------------------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_CHARS = 60  # a paragraph before a table longer than this is prose, not the table's heading


def _read_docx(path: Path, data: bytes) -> list[Sheet]:
    """Each innermost table of a Word document with data (two rows of two cells at least) as one sheet.

    Column spans (``w:gridSpan``, ``w:gridBefore``) and row spans (``w:vMerge``) become merged ranges, the value in
    the top cell; a cell's paragraphs are its lines.  A table is named by the short paragraph just before it (lists
    put 一、行政许可（12项） there), else 表N; deleted text of tracked changes is left out.
    """
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        body = docx.Document(io.BytesIO(data)).element.body
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise WorkbookError(f"{path}: corrupt Word document ({exc})") from None
    except Exception as exc:  # noqa: BLE001 - lxml raises its own kinds on a broken part
        raise WorkbookError(f"{path}: corrupt Word document ({type(exc).__name__}: {exc})") from None
    sheets, heading = [], ""
    for element in body.iter(f"{_W}p", f"{_W}tbl"):
        if element.tag == f"{_W}p":
            if element.getparent() is body or element.getparent().tag == f"{_W}sdtContent":
                text = _paragraph_text(element)
                if text:
                    heading = text
            continue
        if element.find(f".//{_W}tbl") is not None:
            continue  # a layout table holding tables: each inner one is read
        cells, merged = _docx_table(element)
        if not _holds_data(cells):
            continue  # a layout or signature box
        name = heading if 0 < len(heading) <= _HEADING_CHARS else f"表{len(sheets) + 1}"
        if any(sheet.name == name for sheet in sheets):
            name = f"{name} ({len(sheets) + 1})"
        sheets.append(Sheet(path, name, cells, merged))
        heading = ""
    if not sheets:
        raise WorkbookError(f"{path}: a Word document without a table of two rows of two cells, not a power list")
    return sheets


def _paragraph_text(paragraph) -> str:
    """A paragraph's text: its runs' text, tabs and line breaks in order (w:delText, deleted text, is not w:t)."""
    pieces = {f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n"}
    return _text("".join(piece.text or "" if piece.tag == f"{_W}t" else pieces[piece.tag]
                         for piece in paragraph.iter(f"{_W}t", *pieces)))


def _docx_table(table) -> tuple[list[list[str]], list[tuple[int, int, int, int]]]:
    """A Word table's cells row by row, and the ranges its spans cover."""
    grid = _Grid()
    starts: dict[int, int] = {}  # column -> the row of the open vertical merge there
    placed: list[tuple[int, int, int, str]] = []  # (row, col, colspan, text) of the cells that start a range
    rows_down: dict[tuple[int, int], int] = {}  # (row, col) of a merge's top cell -> rows it covers
    rows = [tr for tr in table.iter(f"{_W}tr") if tr.getparent() is table]
    for r, tr in enumerate(rows):
        before = tr.find(f"{_W}trPr/{_W}gridBefore")
        col = _span(before.get(f"{_W}val")) if before is not None else 0
        for tc in tr.findall(f"{_W}tc"):
            props = tc.find(f"{_W}tcPr")
            span_el = props.find(f"{_W}gridSpan") if props is not None else None
            span = _span(span_el.get(f"{_W}val")) if span_el is not None else 1
            vmerge = props.find(f"{_W}vMerge") if props is not None else None
            state = None if vmerge is None else (vmerge.get(f"{_W}val") or "continue")
            text = _text("\n".join(_paragraph_text(p) for p in tc.findall(f"{_W}p")).strip("\n"))
            if state == "continue" and col in starts:
                rows_down[(starts[col], col)] = r - starts[col] + 1
            else:
                placed.append((r, col, span, text))
                if state == "restart":
                    starts[col] = r
                else:
                    starts.pop(col, None)
            col += span
    for r, col, span, text in placed:
        grid.put(r, col, text, rows_down.get((r, col), 1), span)
    return grid.trimmed(), grid.merged


_READERS = {"docx": _read_docx, "xlsx": _read_xlsx, "xls": _read_xls, "html": _read_html, "spreadsheetml": _read_spreadsheetml, "ods": _read_ods}

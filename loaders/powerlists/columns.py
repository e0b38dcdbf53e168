"""Column synonyms of power lists, kept as data in ``ontology/columns.csv``.

Lists name the same column many ways (实施依据 / 设定依据 / 法律依据, 行使主体 /
实施主体 / 实施机关 ...) and wrap header text over lines (行使\\n主体).  A header
cell maps to a *field* by an exact match of its text without whitespace, else
by the longest synonym of four or more characters it contains.

>>> field_of("行使\\n主体"), field_of("法律依据（设定依据）"), field_of("部门职责")
('department', 'basis', None)
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

COLUMNS_CSV = Path(__file__).resolve().parents[2] / "ontology" / "columns.csv"

FIELDS = (
    "number", "code", "name", "sub", "category", "basis", "department", "office",
    "duties", "resp_basis", "scope", "accountability",
)

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Synonym:
    field: str
    header: str
    implies_category: str | None = None


@functools.lru_cache(maxsize=4)
def synonyms(path: Path = COLUMNS_CSV) -> tuple[Synonym, ...]:
    """The synonym table, longest headers first."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = [
            Synonym(row["field"].strip(), squeeze_header(row["header"]), (row.get("implies_category") or "").strip() or None)
            for row in csv.DictReader(handle)
            if row.get("field") and row.get("header")
        ]
    unknown = {s.field for s in rows} - set(FIELDS)
    if unknown:
        raise ValueError(f"{path}: unknown fields {sorted(unknown)}; use {', '.join(FIELDS)}")
    return tuple(sorted(rows, key=lambda s: -len(s.header)))


def squeeze_header(text: str) -> str:
    """Header text without whitespace and without a trailing colon or asterisk."""
    return _SPACE.sub("", text).strip("*:：")


def match(header: str) -> Synonym | None:
    """The synonym a header cell stands for, or None."""
    key = squeeze_header(header)
    if not key:
        return None
    table = synonyms()
    for synonym in table:
        if synonym.header == key:
            return synonym
    for synonym in table:
        if len(synonym.header) >= 4 and synonym.header in key:
            return synonym
    return None


def field_of(header: str) -> str | None:
    found = match(header)
    return found.field if found else None


@dataclass
class ColumnMap:
    """Which column holds which field in one sheet, from its header row."""

    header_row: int
    columns: dict[str, int]  # field -> first column holding it
    headers: list[str]  # header text per column (merged header cells filled)
    implied_category: str | None = None
    more_basis: list[int] = field(default_factory=list)  # 设定依据 and 实施依据 in two columns

    def extra_columns(self) -> list[int]:
        """Columns not mapped to a field that have a header: kept as ``extra``."""
        used = set(self.columns.values()) | set(self.more_basis)
        return [c for c, h in enumerate(self.headers) if h and c not in used]


def find_header(rows: list[list[str]], *, max_scan: int = 25) -> ColumnMap | None:
    """The first row that reads as a header: a name column and two more known fields.

    >>> find_header([["克拉玛依市某局权责清单"], ["序号", "事项名称", "权力类型", "实施依据"], ["1", "x", "行政许可", ""]]).header_row
    1
    """
    for index, row in enumerate(rows[:max_scan]):
        columns, implied = _map(row)
        if "name" in columns and len(columns) >= 3:
            headers = [squeeze_header(cell) for cell in row]
            header_row = index
            below = rows[index + 1] if index + 1 < len(rows) else []
            if _is_sub_header(below, columns):
                # a two-row header: 责任事项 over 责任事项内容 | 责任事项依据
                width = max(len(row), len(below))
                headers = [squeeze_header(below[c]) if c < len(below) and below[c].strip() else (headers[c] if c < len(headers) else "")
                           for c in range(width)]
                columns, implied = _map(headers)
                header_row = index + 1
            extra_basis = [c for c, h in enumerate(headers) if c != columns.get("basis") and (m := match(h)) and m.field == "basis"]
            return ColumnMap(header_row, columns, headers, implied, extra_basis)
    return None


def _map(row: list[str]) -> tuple[dict[str, int], str | None]:
    columns: dict[str, int] = {}
    implied = None
    for col, cell in enumerate(row):
        found = match(cell)
        if found is None or found.field in columns:
            continue
        columns[found.field] = col
        implied = implied or found.implies_category
    return columns, implied


def _is_sub_header(row: list[str], columns: dict[str, int]) -> bool:
    """A row under the header that names columns and holds no item (no name, no number)."""
    if not row or not any(cell.strip() for cell in row):
        return False
    name_col, number_col = columns["name"], columns.get("number")
    if name_col < len(row) and row[name_col].strip() and match(row[name_col]) is None:
        return False
    if number_col is not None and number_col < len(row) and re.search(r"\d", row[number_col]):
        return False
    known = [cell for cell in row if cell.strip() and match(cell) is not None]
    return bool(known) and len(known) >= len([cell for cell in row if cell.strip()]) / 2

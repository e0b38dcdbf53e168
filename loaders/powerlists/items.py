"""Rows of a power-list sheet -> item entries, with continuation rows folded in.

Real lists spread one item over several rows: merged cells leave the rows
below blank (the row belongs to the item above), an item with sub-items
repeats or merges its name and writes one 子项 per row, one item is listed
for several levels (自治区…厅, 地州市…局, 县市区…局) in rows that share its 序号
and name, and long cells continue on a row of their own.  :func:`read_items`
turns a sheet into :class:`Entry` objects (one per item, sub-item and
exercising body) grouped by item, and :class:`RowProblem` for rows it skips.

>>> from pathlib import Path
>>> from loaders.powerlists.workbook import Sheet
>>> rows = [["序号", "事项名称", "子项名称", "权力类型", "实施依据", "行使主体"],
...         ["1", "建设类企业资质审批", "1.房地产估价机构资质核准", "行政许可", "《建筑法》第十三条", "市住建局"],
...         ["", "建设类企业资质审批", "2.建筑业企业资质审批", "行政许可", "", "市住建局"],
...         ["2", "对违法建设的处罚", "", "行政\\n处罚", "", "市住建局"]]
>>> sheet = read_items(Sheet(Path("x.xlsx"), "Sheet1", rows))
>>> [(e.number, e.sub, e.category.value, e.basis) for e in sheet.entries]
[('1', '1.房地产估价机构资质核准', '行政许可', '《建筑法》第十三条'), ('1', '2.建筑业企业资质审批', '行政许可', '《建筑法》第十三条'), ('2', '', '行政处罚', '')]
>>> sheet.item_count
2
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from kg.model import Category

from .categories import category_in_title, count_in_title, normalise_category
from .columns import ColumnMap, find_header
from .workbook import Sheet

SHORT_FIELDS = ("number", "code", "name", "sub", "category", "department", "office")
TEXT_FIELDS = ("basis", "duties", "resp_basis", "scope", "accountability")
# fields a sub-item or another level of the same item takes from the item's first row when blank
INHERITED = ("number", "code", "name", "category", "department", "office", "basis", "duties", "resp_basis", "scope", "accountability")
_NONE_WORDS = {"无", "/", "-", "—", "——", "无子项", "暂无", "空"}
_NUMBER_RE = re.compile(r"\d+")
_SUB_NUMBER_RE = re.compile(r"(\d+)\s*([.．\-－—_])\s*(\d+)")


@dataclass(slots=True)  # a million of them wait for the store during a big load
class Entry:
    """One power item as a list states it: an item, a sub-item, or one level of an item."""

    sheet: str
    row: int  # 1-based row of the sheet where the entry starts
    group: int  # items of one 序号/name share a group
    number: str = ""
    numbers: tuple[int, ...] = ()
    code: str = ""
    name: str = ""
    sub: str = ""
    category: Category | None = None
    category_raw: str = ""
    basis: str = ""
    department: str = ""
    office: str = ""
    duties: str = ""
    resp_basis: str = ""
    scope: str = ""
    accountability: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    rows: list[int] = field(default_factory=list)


@dataclass
class RowProblem:
    sheet: str
    row: int  # 1-based
    reason: str
    skipped: bool = True  # False: a warning about a row that was loaded (a formula cell read as empty)


@dataclass
class SheetItems:
    """What one sheet holds: entries, skipped rows, and what its title states."""

    sheet: str
    entries: list[Entry] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    header_row: int | None = None  # 1-based
    stated_count: int | None = None  # 行政处罚（254项）
    title_category: Category | None = None
    title_rows: list[str] = field(default_factory=list)  # text above the header (the list's title)

    @property
    def item_count(self) -> int:
        """Items as the list counts them: one per 序号 group (a row numbered 2,3 counts two)."""
        counted: dict[int, int] = {}
        for entry in self.entries:
            counted[entry.group] = max(counted.get(entry.group, 1), len(entry.numbers) or 1)
        return sum(counted.values())


_LINE_BREAK_RE = re.compile(r"\s*\n\s*")
_SPACES_RE = re.compile(r"\s{2,}")
_BLANKS_RE = re.compile(r"\s+")


def clean_short(text: str) -> str:
    """A name-like cell: line breaks inside words removed, runs of spaces collapsed."""
    if not text:
        return ""
    if "\n" in text:
        text = _LINE_BREAK_RE.sub("", text)
    return _SPACES_RE.sub(" ", text).strip()


def clean_long(text: str) -> str:
    """A text cell: lines kept, trailing spaces and blank lines dropped."""
    if not text:
        return ""
    if "\n" not in text:
        return text.rstrip()
    return _clean_lines(text)


@functools.lru_cache(maxsize=4096)  # 责任事项, 追责情形 … repeat item after item
def _clean_lines(text: str) -> str:
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line.strip()).strip("\n")


def parse_numbers(text: str) -> tuple[int, ...]:
    """序号 as numbers: '2,3' -> (2, 3); '4-6' -> (4, 5, 6); '12' -> (12,)."""
    text = text.strip()
    if re.fullmatch(r"\d+\s*[.．]\s*\d+", text):  # 1.2: sub-item 2 of item 1
        return (int(re.match(r"\d+", text).group(0)),)
    range_match = re.fullmatch(r"(\d+)\s*[-—～~至]\s*(\d+)", text)
    if range_match:
        a, b = int(range_match.group(1)), int(range_match.group(2))
        if 0 < b - a < 50:
            return tuple(range(a, b + 1))
    return tuple(int(n) for n in _NUMBER_RE.findall(text)[:20])


_EXCEL_ERROR_RE = re.compile(r"^#(?:REF!|N/A|VALUE!|DIV/0!|NAME\?|NUM!|NULL!|GETTING_DATA)$")


def read_items(sheet: Sheet, colmap: ColumnMap | None = None) -> SheetItems:
    """The entries of one sheet (empty, with a problem, when it has no header row)."""
    result = SheetItems(sheet.name, stated_count=count_in_title(sheet.name), title_category=category_in_title(sheet.name))
    colmap = colmap or find_header(sheet.rows)  # a streamed sheet's first rows hold the header
    if colmap is None:
        if sheet.has_text():
            result.problems.append(RowProblem(sheet.name, 0, "no header row (事项名称/权力名称 and two more known columns) found: sheet skipped"))
        return result
    result.header_row = colmap.header_row + 1
    for r in range(colmap.header_row):
        text = " ".join(cell for cell in sheet.rows[r] if cell)
        if text:
            result.title_rows.append(text)
            result.stated_count = result.stated_count or count_in_title(text)
            result.title_category = result.title_category or category_in_title(text)
    section_category = result.title_category or normalise_category(colmap.implied_category or "")
    columns = colmap.columns
    for c, header in enumerate(colmap.headers):  # a header merged over two columns: keep both
        if not header and sheet.merged_from_left(colmap.header_row, c):
            colmap.headers[c] = clean_short(sheet.filled(colmap.header_row, c)).replace(" ", "") + "（续）"
    seen: dict[str, int] = {}
    for c, header in enumerate(colmap.headers):  # 实施层级及权限 written over two columns
        if header:
            seen[header] = seen.get(header, 0) + 1
            if seen[header] > 1:
                colmap.headers[c] = f"{header}（{seen[header]}）"
    extra_cols = colmap.extra_columns()
    header_texts = {c: colmap.headers[c] for c in range(len(colmap.headers))}
    for (r, c), formula in sorted(sheet.unsaved_formulas.items()):
        if r > colmap.header_row and c in columns.values():
            column = colmap.headers[c] if c < len(colmap.headers) else f"列{c + 1}"
            result.problems.append(RowProblem(sheet.name, r + 1, f"{column} is a formula ({formula[:40]}) the file holds no value of"
                                                                 " (never recalculated): read as empty; open and save it in Excel or WPS",
                                              skipped=False))
    current: Entry | None = None
    group = -1
    share = {}.setdefault  # one object per distinct text (see _shared)
    merges = sheet.has_merges
    for r, row in sheet.iter_rows(colmap.header_row + 1):
        own_cells = [c for c, v in enumerate(row) if v.strip()]
        if not own_cells:
            continue  # blank, or covered by merges of the item above
        width = len(row)
        own = {f: row[c] if c < width else "" for f, c in columns.items()}  # sheet.cell(r, c)
        filled = {f: sheet.filled(r, c) for f, c in columns.items()} if merges else own
        if _is_repeated_header(row, colmap):
            continue
        mapped_own = [f for f in columns if own[f].strip()]
        if not mapped_own or (len(own_cells) == 1 and not own.get("name") and not own.get("basis")):
            text = clean_short(" ".join(row[c] for c in own_cells))
            category = category_in_title(text)
            if category is not None and len(own_cells) == 1 and len(text) <= 30:
                section_category = category  # a section row: 二、行政处罚（254项）
                continue
            if current is not None and not mapped_own:
                _append_extra(current, {header_texts.get(c) or f"列{c + 1}": row[c] for c in own_cells})
                current.rows.append(r + 1)
                continue
            if current is not None and len(own_cells) == 1 and own_cells[0] in columns.values():
                pass  # a lone text cell continuing the item above: handled below
            else:
                result.problems.append(RowProblem(sheet.name, r + 1, f"not an item row ({text[:40]}): skipped"))
                continue
        number = clean_short(own.get("number", "")).replace(" ", "")
        name = clean_short(own.get("name", ""))
        sub = clean_short(own.get("sub", ""))
        sub = "" if sub in _NONE_WORDS else sub
        department = clean_short(own.get("department", ""))
        filled_name = clean_short(filled.get("name", ""))
        sub_number = _SUB_NUMBER_RE.fullmatch(number)
        if sub_number and current is not None and current.numbers[:1] == (int(sub_number.group(1)),) and current.category is not None:
            # 1.1, 1.2 (or 1-1, 1-2) under item 1: sub-items written in the name column
            entry = _inherit(current, sheet, r, columns, colmap.more_basis, filled)
            entry.sub = sub or name
            entry.number = number
            entry.extra = {colmap.headers[c]: clean_long(sheet.filled(r, c)) for c in extra_cols if sheet.filled(r, c)}
            if _set_category(entry, own.get("category", ""), current, section_category, result, r):
                result.entries.append(_shared(entry, share))
            continue
        starts_item = current is None or (number and number != current.number) or (name and name != current.name)
        if starts_item:
            name = name or filled_name
            if _EXCEL_ERROR_RE.match(name):
                result.problems.append(RowProblem(sheet.name, r + 1, f"事项名称 is the Excel error {name} (a broken formula): row skipped"))
                current = None
                continue
            if not name:
                result.problems.append(RowProblem(sheet.name, r + 1, "no 事项名称 (item name): row skipped"))
                current = None
                continue
            group += 1
            entry = Entry(sheet.name, r + 1, group)
            _fill(entry, sheet, r, columns, own_only=False, more_basis=colmap.more_basis, values=filled)
            entry.name, entry.sub = name, sub
            if not number and current is not None and sheet.merged_from_above(r, columns.get("number", -1)):
                entry.number = current.number
            entry.numbers = parse_numbers(entry.number)
        elif sub and sub != current.sub:
            entry = _inherit(current, sheet, r, columns, colmap.more_basis, filled)
            entry.sub = sub
        elif department and department != current.department:
            entry = _inherit(current, sheet, r, columns, colmap.more_basis, filled)
        else:
            _continue(current, sheet, r, columns)
            _append_extra(current, {colmap.headers[c]: sheet.cell(r, c) for c in extra_cols if sheet.cell(r, c)})
            current.rows.append(r + 1)
            continue
        entry.extra = {colmap.headers[c]: clean_long(sheet.filled(r, c)) for c in extra_cols if sheet.filled(r, c)}
        if not _set_category(entry, own.get("category", ""), current if not starts_item else None, section_category, result, r):
            current = entry  # later rows still continue this item, but it is not loaded
            continue
        result.entries.append(_shared(entry, share))
        current = entry
    return result


_SHARED_FIELDS = ("name", "sub", "category_raw", "department", "office") + TEXT_FIELDS


def _shared(entry: Entry, share) -> Entry:
    """``entry`` with its texts replaced by one object per distinct text of the sheet.

    Lists repeat the same 责任事项, 追责情形 and bases item after item; the
    entries of a big list wait for the store, so each text is held once.
    """
    for f in _SHARED_FIELDS:
        value = getattr(entry, f)
        if value:
            setattr(entry, f, share(value, value))
    if entry.extra:
        entry.extra = {share(k, k): share(v, v) for k, v in entry.extra.items()}
    return entry


def _is_repeated_header(row: list[str], colmap: ColumnMap) -> bool:
    name_col = colmap.columns["name"]
    return name_col < len(row) and _BLANKS_RE.sub("", row[name_col]) == colmap.headers[name_col]


def _fill(entry: Entry, sheet: Sheet, r: int, columns: dict[str, int], own_only: bool, more_basis: list[int] = (),
          values: dict[str, str] | None = None) -> None:
    """Set ``entry``'s fields from row ``r`` (``values``: the row's cells by field, already looked up)."""
    for f, c in columns.items():
        if values is not None:
            value = values[f]
        else:
            value = sheet.cell(r, c) if own_only else sheet.filled(r, c)
        if f in SHORT_FIELDS:
            setattr(entry, f, clean_short(value))
        else:
            setattr(entry, f, clean_long(value))
    for c in more_basis:  # 设定依据 and 实施依据 both cite
        value = clean_long(sheet.cell(r, c) if own_only else sheet.filled(r, c))
        if value and value not in entry.basis:
            entry.basis = f"{entry.basis}\n{value}" if entry.basis else value
    entry.rows.append(r + 1)


def _inherit(current: Entry, sheet: Sheet, r: int, columns: dict[str, int], more_basis: list[int] = (),
             filled: dict[str, str] | None = None) -> Entry:
    """A sub-item or another level of ``current``: own cells, blanks taken from the item."""
    entry = Entry(sheet.name, r + 1, current.group)
    _fill(entry, sheet, r, columns, own_only=False, more_basis=more_basis, values=filled)
    for f in INHERITED:
        if not getattr(entry, f):
            setattr(entry, f, getattr(current, f))
    entry.numbers = current.numbers
    entry.name = current.name
    return entry


def _continue(current: Entry, sheet: Sheet, r: int, columns: dict[str, int]) -> None:
    """Append a continuation row's own text to the entry above (skipping repeats)."""
    for f, c in columns.items():
        value = sheet.cell(r, c)
        if not value.strip() or f in ("number", "name", "category"):
            continue
        value = clean_short(value) if f in SHORT_FIELDS else clean_long(value)
        old = getattr(current, f)
        if value in old:
            continue
        setattr(current, f, f"{old}\n{value}" if old else value)


def _append_extra(entry: Entry, values: dict[str, str]) -> None:
    for key, value in values.items():
        value = clean_long(value)
        if not value:
            continue
        old = entry.extra.get(key, "")
        if value not in old:
            entry.extra[key] = f"{old}\n{value}" if old else value


def _set_category(entry: Entry, own_raw: str, parent: Entry | None, section: Category | None, result: SheetItems, r: int) -> bool:
    raw = clean_short(own_raw)
    if raw:
        category = normalise_category(raw)
        if category is None:
            result.problems.append(RowProblem(result.sheet, r + 1, f"权力类型 {raw!r} is not one of the ten categories: item {entry.name[:30]!r} skipped"))
            return False
        entry.category, entry.category_raw = category, raw
        return True
    if parent is not None and parent.category is not None:
        entry.category, entry.category_raw = parent.category, parent.category_raw
        return True
    if section is not None:
        entry.category, entry.category_raw = section, ""
        return True
    result.problems.append(RowProblem(result.sheet, r + 1, f"no 权力类型 (category) in the row or the sheet title: item {entry.name[:30]!r} skipped"))
    return False

"""``plkg review`` and ``plkg decide``: the department's own workbook back with the review in it.

:func:`write_review` copies the workbook a list was loaded from (every sheet,
row, merge, width and format as it was; ``.xls`` through :mod:`plkg.xls` and
written as ``.xlsx``) and appends four columns to each item row, found
through the source (file, sheet, row) the loader stored on the item:

- 依据核验结论: resolved / unverifiable / orphan / invalid / stale, in Chinese with the code;
- 现行依据: what each citation resolved to (law, version, article);
- 条文原文: the text of each resolved article;
- 问题与建议: every finding about the item, with its id and the decision recorded.

The appended cells are coloured by severity.  A first sheet, 核验汇总, sums
the findings up by kind, category and department, with a bar chart.

:func:`decide` records decisions (:mod:`queries.decisions`) in one write.
"""

from __future__ import annotations

import getpass
import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from kg.decision import Decision
from kg.errors import UserError
from kg.text import normalise
from kg.views import ItemBasis
from queries.decisions import DecisionInput, annotate, make_decisions, read_decisions_csv
from queries.findings import KIND_NAMES, KINDS, Finding, departments_of, describe_citation, provision_label, version_label
from queries.report import CHECK_ARG, check_args_for, decision_text, iter_findings

#: Appended columns, in order.
COLUMNS = ("依据核验结论", "现行依据", "条文原文", "问题与建议")
WIDTHS = (20, 40, 60, 50)
CELL_LIMIT = 32_000  # Excel holds 32,767 characters a cell

#: Verdicts on an item's basis, most severe first: (code, Chinese, fill colour).
VERDICTS: tuple[tuple[str, str, str], ...] = (
    ("orphan", "无依据", "FFC7CE"),
    ("invalid", "依据层级不足", "FFC7CE"),
    ("stale", "依据过时", "FFEB9C"),
    ("unverifiable", "依据无法核验", "DDEBF7"),
    ("resolved", "依据已核实", "C6EFCE"),
)
VERDICT_OF_KIND = {"orphan": "orphan", "invalid_basis": "invalid", "stale_basis": "stale", "unverifiable": "unverifiable"}
OTHER_ISSUE_FILL = "FFEB9C"  # an item whose basis holds but that has another finding (overlap, no duties ...)
DECIDED_FILL = "E2EFDA"
CHART_ROWS = 17  # rows left free for the summary chart (7.5 cm)


@dataclass
class ReviewResult:
    """What :func:`write_review` wrote."""

    source: Path
    output: Path
    rows: int = 0  # item rows annotated
    sheets: list[str] = field(default_factory=list)
    verdicts: Counter = field(default_factory=Counter)
    findings: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        verdicts = ", ".join(f"{k} {v}" for k, v in self.verdicts.most_common())
        kinds = ", ".join(f"{k} {v}" for k, v in self.findings.most_common())
        lines = [f"review: {self.output} from {self.source}: {self.rows} item rows annotated in "
                 f"{len(self.sheets)} sheets ({verdicts or 'none'}); findings: {kinds or 'none'}"]
        lines += [f"warning {w}" for w in self.warnings]
        return "\n".join(lines)


# ---------------------------------------------------------------------------
# Decisions


def decide(store: Any, *, finding_id: str | None = None, status: str | None = None, note: str = "", by: str = "",
           file: str | Path | None = None, government: str | None = None) -> list[Decision]:
    """Record one decision (``finding_id``, ``status``) or those of a CSV ``file``, atomically.

    The findings are computed once (for ``government`` only when given) to
    check every id and fingerprint its evidence; an unknown id stores nothing.
    """
    wanted = read_decisions_csv(file) if file is not None else [DecisionInput(finding_id or "", status or "", note, by)]
    if not wanted:
        raise UserError(f"{file}: no decisions in the file")
    for w in wanted:
        if w.status not in ("confirmed", "dismissed", "fixed"):
            raise UserError(f"{w.where}: status {w.status!r}: use confirmed, dismissed or fixed")
    decisions = make_decisions(_findings_for(store, wanted, government), wanted, by=by or _user())
    return store.record_decisions(decisions)


def _findings_for(store: Any, wanted: list[DecisionInput], government: str | None) -> Iterator[Finding]:
    """The findings of the kinds the ids name (an id is ``<kind>-<hash>``): computing every kind on a whole
    corpus takes a minute, and a mistyped id should be told at once."""
    for w in wanted:
        if w.finding_id.rsplit("-", 1)[0] not in CHECK_ARG:
            raise UserError(f"{w.where}: {w.finding_id!r} is no finding id (kind-hash, as plkg check "
                            f"--all-decisions lists them; kinds: {', '.join(sorted(CHECK_ARG))})")
    chosen = check_args_for(w.finding_id.rsplit("-", 1)[0] for w in wanted)  # ["all"] for candidates
    return itertools.chain.from_iterable(iter_findings(store, arg, government=government) for arg in chosen)


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name in a container
        return "unknown"


# ---------------------------------------------------------------------------
# The annotated workbook


def write_review(store: Any, file: str | Path | None, output: str | Path, *, department: str | None = None,
                 government: str | None = None, source_dir: str | Path | None = None,
                 concentrations: Any = None) -> ReviewResult:
    """Write ``file`` (a loaded workbook) to ``output`` (.xlsx) with the review appended.

    Without ``file``, the workbook the items of ``department``/``government``
    were loaded from is looked for under ``source_dir`` (default: the current
    folder).  ``concentrations`` (a CSV, as for ``plkg check``) suppresses
    lawful concentrations from the overlaps.  Raises :class:`UserError` when the workbook is not loaded in
    the store, cannot be found or read, or ``output`` cannot be written.
    """
    output = Path(output)
    if output.suffix.lower() != ".xlsx":
        raise UserError(f"{output}: the annotated workbook is written as .xlsx; name it so")
    file = Path(file) if file is not None else _find_source(store, department, government, source_dir)
    items = [n for n in store.nodes("PowerItem", source_file=file.name)]
    if not items:
        raise UserError(f"{file}: not loaded in this store (no item comes from {file.name}); "
                        f"run plkg load powers {file} first")
    governments = sorted({n.props.get("government") for n in items if n.props.get("government")})
    if government is not None:
        items = [n for n in items if n.props.get("government") == government]
        if not items:
            raise UserError(f"{file}: no item of government {government} (it has {', '.join(governments)})")
        governments = [government]
    wanted = {n.id for n in items}

    bases: dict[str, ItemBasis] = {}
    findings: list[Finding] = []
    decisions = store.decisions()
    for gov in governments:
        for basis in store.item_bases(government=gov, department=department):
            if basis.item["id"] in wanted:
                bases[basis.item["id"]] = basis
        findings.extend(annotate(iter_findings(store, "all", government=gov, department=department,
                                               concentrations=concentrations), decisions))
    if department is not None and not bases:
        raise UserError(f"{file}: no item of department {department}")
    departments = {(b.department or {}).get("name") for b in bases.values()}
    by_item: dict[str, list[Finding]] = defaultdict(list)
    mine: list[Finding] = []
    for f in findings:
        ids = [f.item_id] if f.item_id else list(f.item_ids)
        hit = [i for i in ids if i in bases]
        for i in hit:
            by_item[i].append(f)
        if hit or set(departments_of(f)) & departments:
            mine.append(f)

    result = ReviewResult(source=file, output=output)
    book, sheets = open_workbook(file, result.warnings)
    annotate_rows(book, sheets, bases, by_item, result)
    add_summary(book, mine, file.name)
    result.findings = Counter(f.kind for f in mine)
    try:
        book.save(output)
    except OSError as exc:
        raise UserError(f"{output}: cannot write ({exc.strerror})") from None
    return result


def _find_source(store: Any, department: str | None, government: str | None, source_dir: str | Path | None) -> Path:
    """The one workbook the items of a department or government came from, under ``source_dir``."""
    names = set()
    for basis in store.item_bases(government=government, department=department):
        if basis.item.get("source_file"):
            names.add(basis.item["source_file"])
    scope = f"department {department}" if department else f"government {government}"
    if not names:
        raise UserError(f"{scope}: no item loaded from a workbook in this store")
    if len(names) > 1:
        raise UserError(f"{scope}: items come from {len(names)} workbooks ({', '.join(sorted(names))}); give the FILE to review")
    name = names.pop()
    folder = Path(source_dir or ".")
    found = sorted(p for p in folder.rglob(name) if p.is_file())
    if not found:
        raise UserError(f"{scope}: its workbook {name} is not under {folder}; give its path as FILE or --source-dir")
    return found[0]


def open_workbook(path: Path, warnings: list[str]) -> tuple[Any, dict[str, Any]]:
    """The workbook as an openpyxl ``Workbook`` and its worksheets by the sheet names the loader read: .xlsx as is,
    .xls converted with its formats, any other form the loader reads (CSV, HTML, .ods, Excel XML, the tables of a
    .docx) rebuilt from its sheets, merges kept (their titles may differ from the names: Excel's limits)."""
    import openpyxl

    from loaders.powerlists.workbook import READ_AS, WorkbookError, read_workbook, sniff

    try:
        kind = sniff(path)  # from the bytes, as the loader judged them
    except WorkbookError as exc:
        raise UserError(str(exc)) from None
    if kind in ("xlsx", "ole"):
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise UserError(f"{path}: cannot read ({exc.strerror})") from None
        if kind == "xlsx":
            try:
                book = openpyxl.load_workbook(path)
            except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on corrupt input
                raise UserError(f"{path}: corrupt .xlsx workbook ({exc})") from None
            _warn_dropped(path, data, warnings)
        else:
            from .xls import xls_to_workbook

            book = xls_to_workbook(path, data, warnings)
        return book, {normalise(ws.title).strip(): ws for ws in book.worksheets}
    try:
        sheets = read_workbook(path)
    except WorkbookError as exc:
        raise UserError(str(exc)) from None
    book, by_name = workbook_of(sheets)
    for sheet, ws in zip(sheets, book.worksheets):
        if ws.title != sheet.name:
            warnings.append(f"{path}: sheet {sheet.name} is named {ws.title} in the review (Excel's limits on sheet names)")
    if kind != "text":
        warnings.append(f"{path}: read as {READ_AS.get(sheets[0].read_as, sheets[0].read_as)}; the review is a new"
                        " .xlsx workbook of its cells (its layout and formats are not carried over)")
    return book, by_name


def workbook_of(sheets) -> tuple[Any, dict[str, Any]]:
    """An openpyxl ``Workbook`` of sheets as the loader reads them (:class:`loaders.powerlists.workbook.Sheet`):
    cells, merged ranges, and titles Excel accepts; with its worksheets by the sheets' own (normalised) names."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    by_name = {}
    for sheet in sheets:
        ws = book.create_sheet(_sheet_title(sheet.name, book))
        for row in sheet.rows:
            ws.append([cell or None for cell in row])
        for r0, r1, c0, c1 in sheet.merged:
            if (r1 - r0) * (c1 - c0) > 1:
                ws.merge_cells(start_row=r0 + 1, end_row=r1, start_column=c0 + 1, end_column=c1)
        by_name[normalise(sheet.name).strip()] = ws
    return book, by_name


def _sheet_title(name: str, book) -> str:
    """A sheet title Excel accepts (31 characters, none of []:*?/\\), unique in the book."""
    title = re.sub(r"[\[\]:*?/\\]", "_", name).strip("'")[:31] or "Sheet"
    taken, n = {ws.title for ws in book.worksheets}, 1
    while title in taken:
        n += 1
        title = f"{title[:28]}({n})"
    return title


def _warn_dropped(path: Path, data: bytes, warnings: list[str]) -> None:
    """Say what openpyxl does not carry over: pictures, drawings, charts, macros."""
    import io
    import zipfile

    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except zipfile.BadZipFile:
        return
    lost = sorted({what for name in names for part, what in (("xl/media/", "pictures"), ("xl/drawings/", "drawings"),
                   ("xl/charts/", "charts"), ("vbaProject", "macros")) if part in name})
    if lost:
        warnings.append(f"{path}: {', '.join(lost)} of the workbook are not carried over into the review")


def annotate_rows(book, sheets: dict[str, Any], bases: dict[str, ItemBasis], by_item: dict[str, list[Finding]],
                  result: ReviewResult) -> None:
    """Append the review columns to every item row of ``book`` (``sheets``: its worksheets by loaded sheet name)."""
    from openpyxl.utils import get_column_letter

    rows: dict[tuple[str, int], list[ItemBasis]] = defaultdict(list)
    for basis in sorted(bases.values(), key=lambda b: (b.item.get("sheet", ""), b.item.get("row", 0), b.item["id"])):
        rows[(basis.item.get("sheet", ""), int(basis.item.get("row") or 0))].append(basis)
    by_sheet: dict[str, list[int]] = defaultdict(list)
    for sheet, row in rows:
        if sheet not in sheets or row < 1:
            result.warnings.append(f"{result.source}: sheet {sheet} row {row}: not in the workbook (was it edited after loading?)")
            continue
        by_sheet[sheet].append(row)
    for name, row_numbers in by_sheet.items():
        ws = sheets[name]
        first_col = last_used_column(ws) + 1
        header_row = max(1, min(row_numbers) - 1)
        _write_headers(ws, header_row, first_col)
        for offset, width in enumerate(WIDTHS):
            ws.column_dimensions[get_column_letter(first_col + offset)].width = width
        # an item written over rows merged vertically gets its review cells merged the same way
        spans = {m.min_row: m.max_row for m in ws.merged_cells.ranges if m.min_col < first_col and m.max_row > m.min_row}
        for row in sorted(row_numbers):
            values, fills = _row_review([b for b in rows[(name, row)]], by_item, result)
            _write_row(ws, row, first_col, values, fills)
            end = spans.get(row)
            if end is not None and not any((name, r) in rows for r in range(row + 1, end + 1)):
                for offset in range(len(COLUMNS)):
                    ws.merge_cells(start_row=row, end_row=end, start_column=first_col + offset, end_column=first_col + offset)
            result.rows += 1
        result.sheets.append(ws.title)


def last_used_column(ws) -> int:
    """The last column holding a value (formatted blank columns beyond it do not count)."""
    last = max((m.max_col for m in ws.merged_cells.ranges), default=1)
    for row in ws.iter_rows(min_col=last + 1):
        for cell in reversed(row):
            if cell.value is not None and cell.value != "":
                last = max(last, cell.column)
                break
    return last


def _write_headers(ws, header_row: int, first_col: int) -> None:
    from copy import copy

    from openpyxl.styles import Font, PatternFill

    model = ws.cell(header_row, first_col - 1)
    top = header_row
    for merged in ws.merged_cells.ranges:  # a header of two rows (merged vertically): span it too
        if merged.min_row < header_row <= merged.max_row and merged.min_col <= first_col - 1 <= merged.max_col:
            top = merged.min_row
    for offset, title in enumerate(COLUMNS):
        cell = ws.cell(top, first_col + offset, title)
        if model.has_style:
            cell.font, cell.border, cell.alignment = copy(model.font), copy(model.border), copy(model.alignment)
        cell.font = Font(name=model.font.name if model.has_style else None, bold=True,
                         size=model.font.size if model.has_style else None)
        cell.fill = PatternFill("solid", fgColor="BDD7EE")
        if top < header_row:
            ws.merge_cells(start_row=top, end_row=header_row, start_column=first_col + offset, end_column=first_col + offset)


def _write_row(ws, row: int, first_col: int, values: list[str], fills: list[str | None]) -> None:
    from copy import copy

    from openpyxl.styles import Alignment, PatternFill

    model = ws.cell(row, first_col - 1)
    for offset, (value, fill) in enumerate(zip(values, fills)):
        cell = ws.cell(row, first_col + offset, value[:CELL_LIMIT] if value else None)
        if model.has_style:
            cell.font, cell.border = copy(model.font), copy(model.border)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if fill:
            cell.fill = PatternFill("solid", fgColor=fill)


def _row_review(bases: list[ItemBasis], by_item: dict[str, list[Finding]], result: ReviewResult) -> tuple[list[str], list[str | None]]:
    """The four cells of one row (several items of a row are told apart by name)."""
    verdict_cells, resolved_cells, text_cells, issue_cells = [], [], [], []
    ranks_seen: set[int] = set()
    every: list[Finding] = []
    for basis in bases:
        found = by_item.get(basis.item["id"], [])
        every.extend(found)
        prefix = f"{basis.item.get('name')}：" if len(bases) > 1 else ""
        codes = {VERDICT_OF_KIND[f.kind] for f in found if f.kind in VERDICT_OF_KIND}
        if not codes and any(c.target is not None or c.target_label for c in basis.citations):
            codes = {"resolved"}
        ranks = sorted(i for i, (code, _, _) in enumerate(VERDICTS) if code in codes)
        for i in ranks:
            result.verdicts[VERDICTS[i][0]] += 1
        ranks_seen.update(ranks)
        blank = "未核验" if basis.citations else "未列依据"
        verdict_cells.append(prefix + ("；".join(f"{VERDICTS[i][1]}（{VERDICTS[i][0]}）" for i in ranks) or blank))
        for n, c in enumerate(basis.citations, start=1):
            mark = f"{n}. " if len(basis.citations) > 1 else ""
            resolved_cells.append(prefix + mark + (describe_citation(c).resolved_to or ""))
            if c.target is not None:
                text_cells.append(f"{prefix}{mark}{version_label(c.version)}{provision_label(c.target)}：{c.target.text}")
        for f in found:
            line = f"[{f.finding_id}] {KIND_NAMES.get(f.kind, f.kind)}：{f.reason}"
            if f.kind == "candidate" and f.action:
                line += f"（建议{f.action}）"
            if f.decision:
                line += f"\n  处理决定：{decision_text(f)}"
            issue_cells.append(prefix + line)
    worst = min(ranks_seen) if ranks_seen else None
    verdict_fill = VERDICTS[worst][2] if worst is not None else None
    if not every:
        issue_fill = None
    elif all(f.decision and not f.decision["outdated"] for f in every):
        issue_fill = DECIDED_FILL  # everything about the row has been decided
    elif worst is not None and VERDICTS[worst][0] != "resolved":
        issue_fill = VERDICTS[worst][2]
    else:
        issue_fill = OTHER_ISSUE_FILL  # the basis holds, another finding (overlap, no duties ...) does not
    values = ["\n".join(verdict_cells), "\n".join(resolved_cells), "\n\n".join(text_cells), "\n".join(issue_cells)]
    return values, [verdict_fill, verdict_fill, None, issue_fill]


def add_summary(book, findings: Iterable[Finding], source: str) -> None:
    """A first sheet 核验汇总: findings by kind (with a chart), by category and by department."""
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Font, PatternFill

    findings = list(findings)
    ws = book.create_sheet("核验汇总", 0)
    book.active = 0
    for sheet in book.worksheets[1:]:
        sheet.sheet_view.tabSelected = False
    bold, head = Font(bold=True), PatternFill("solid", fgColor="BDD7EE")
    ws.append([f"依据核验汇总：{source}"])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(["问题编号与处理决定见各表末尾“问题与建议”列；已作出且依据未变的处理决定计入“已处理”。"])
    for _ in range(CHART_ROWS):  # the chart goes here, above the tables
        ws.append([])

    def table(title: str, headers: list[str], rows: list[list[Any]]) -> tuple[int, int]:
        ws.append([title])
        ws.cell(ws.max_row, 1).font = bold
        ws.append(headers)
        for c in range(1, len(headers) + 1):
            ws.cell(ws.max_row, c).font, ws.cell(ws.max_row, c).fill = bold, head
        start = ws.max_row + 1
        for row in rows:
            ws.append(row)
        end = ws.max_row
        ws.append([])
        return start, end

    kinds = [k for k in (*KINDS, "unverifiable") if any(f.kind == k for f in findings)]
    decided = Counter(f.kind for f in findings if f.decision and not f.decision["outdated"])
    counts = Counter(f.kind for f in findings)
    start, end = table("按问题类型", ["问题类型", "代码", "数量", "已处理", "未处理"],
                       [[KIND_NAMES.get(k, k), k, counts[k], decided[k], counts[k] - decided[k]] for k in kinds]
                       + [["合计", "", sum(counts.values()), sum(decided.values()), sum(counts.values()) - sum(decided.values())]])
    chart_rows = (start, end - 1)
    categories = sorted({f.category or "（未分类）" for f in findings})
    by_cat = Counter((f.category or "（未分类）", f.kind) for f in findings)
    table("按权力类别", ["权力类别", *[KIND_NAMES.get(k, k) for k in kinds], "合计"],
          [[c, *[by_cat[(c, k)] for k in kinds], sum(by_cat[(c, k)] for k in kinds)] for c in categories])
    by_dept: Counter = Counter()
    for f in findings:
        for d in departments_of(f) or ["（无对应部门）"]:
            by_dept[(d, f.kind)] += 1
    departments = sorted({d for d, _ in by_dept})
    table("按部门", ["部门", *[KIND_NAMES.get(k, k) for k in kinds], "合计"],
          [[d, *[by_dept[(d, k)] for k in kinds], sum(by_dept[(d, k)] for k in kinds)] for d in departments])
    ws.column_dimensions["A"].width = 36
    for col in "BCDEFGHIJ":
        ws.column_dimensions[col].width = 14
    if chart_rows[1] >= chart_rows[0]:
        chart = BarChart()
        chart.type, chart.style = "bar", 10
        chart.title, chart.y_axis.title = "按问题类型的发现数量", "数量"
        chart.legend = None
        chart.add_data(Reference(ws, min_col=3, min_row=chart_rows[0] - 1, max_row=chart_rows[1]), titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=chart_rows[0], max_row=chart_rows[1]))
        chart.height, chart.width = 7.5, 18
        ws.add_chart(chart, "A4")
    # printed (or converted to PDF) one page wide, chart included
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0

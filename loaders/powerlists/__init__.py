"""Import power lists (权责清单) and link their items to the provisions they cite.

Public functions:

* :func:`load_powers` - ``plkg load powers``: read workbooks, build governments,
  departments, items, responsibilities and citations in one transaction.
* :func:`resolve_pending` - re-resolve item citations whose law was not loaded
  (the statute loader calls it after loading laws).

The steps live in one module each: ``workbook`` (read cells), ``columns``
(header synonyms), ``categories``, ``items`` (rows -> entries),
``citations`` (parse bases), ``resolve`` (against the store), ``departments``
(governments and sectors), ``build`` (graph objects).

Memory: a list is read into entries (a CSV file row by row, its cells never
held whole), because the batch's governments, the codes that are unique and
the province need every list first.  The graph is then written in one
transaction a chunk of ``CHUNK_ITEMS`` items at a time, each entry let go once
its item is written, so the load holds little beyond the graph itself.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from kg.errors import UserError
from kg.model import (
    Citation,
    CitationStatus,
    Edge,
    EdgeType,
    GovLevel,
    Government,
    PowerItem,
)
from kg.report import LoadReport
from kg.store import Store, Writer

from .build import GraphBatch, add_citations, mark_versions, responsibility_of, stable_item_id
from .citations import ParsedCitation, looks_normative, note_date, parse_basis
from .departments import (GovernmentName, SectorTable, department_name, find_government, lower_units, province_of, row_level,
                          sheet_level, split_departments)
from .items import Entry, SheetItems, read_items
from .resolve import Resolver
from .workbook import PROMISED, READ_AS, SUFFIXES, WorkbookError, iter_workbook

__all__ = ["load_powers", "resolve_pending", "read_list", "parse_basis", "PowerList"]

CHUNK_ITEMS = 5000  # items built before they are written to the transaction
_YEAR_RE = re.compile(r"(20\d{2}|19\d{2})\s*年")


@dataclass
class PowerList:
    """One workbook read into entries, before it meets the store."""

    path: Path
    sheets: list[SheetItems] = field(default_factory=list)
    government: GovernmentName | None = None
    date: str | None = None
    read_as: str = ""  # what the bytes were read as (workbook.READ_AS)
    system: tuple[str, ...] = ()  # the sectors of the one system its title names (林业和草原系统…权责清单): :func:`_system_of`
    opened_with: str = ""  # an encrypted workbook's key: 'password' (the one given) or 'default password'

    @property
    def entries(self):
        return [e for s in self.sheets for e in s.entries]

    @property
    def titles(self) -> list[str]:
        return [self.path.stem] + [t for s in self.sheets for t in s.title_rows] + [s.sheet for s in self.sheets]


def read_list(path: str | Path, password: str | None = None) -> PowerList:
    """Read one workbook's sheets into entries (raises WorkbookError); a CSV file's cells are never held whole."""
    path = Path(path)
    result = PowerList(path)
    for sheet in iter_workbook(path, password):
        result.read_as = result.read_as or sheet.read_as
        result.opened_with = result.opened_with or sheet.opened_with
        result.sheets.append(read_items(sheet))
    return result


def _files(paths: Iterable[str | Path], report: LoadReport) -> list[Path]:
    """The files to read: those named, and every workbook under a folder named (recursive).

    In a folder, a file is taken by its suffix (:data:`workbook.SUFFIXES`, any
    case) and read by its bytes; every other file is reported as skipped with
    the reason, never dropped silently.
    """
    found: list[Path] = []
    for path in map(Path, paths):
        if not path.is_dir():
            found.append(path)
            continue
        for file in sorted(p for p in path.rglob("*") if p.is_file()):
            reason = _not_a_workbook(file, path)
            if reason is None:
                found.append(file)
            elif reason:
                report.skip(file, reason)
    return found


def _not_a_workbook(file: Path, folder: Path) -> str | None:
    """Why a file of a folder is not read as a power list ('' for the user's sector table), or None."""
    if file.name == "departments.csv":
        return ""  # the user's sector table, read by load_powers itself
    if any(part.startswith(".") for part in file.relative_to(folder).parts):
        return "hidden file or folder"
    if file.name.startswith("~$"):
        return "an Excel lock file (the workbook it belongs to is open elsewhere)"
    if file.suffix.lower() not in SUFFIXES:
        return f"not a workbook by its name ({file.suffix or 'no suffix'}; folders take {' '.join(SUFFIXES)}): name the file itself to read it"
    return None


def _user_sector_files(files: list[Path]) -> list[Path]:
    folders = {f.parent for f in files}
    return [folder / "departments.csv" for folder in sorted(folders) if (folder / "departments.csv").is_file()]


def _government_of(plist: PowerList) -> GovernmentName | None:
    for text in plist.titles:
        found = find_government(text)
        if found:
            return found
    votes: Counter[GovernmentName] = Counter()
    for entry in plist.entries:
        found = find_government(entry.department)
        if found and found.level != GovLevel.PROVINCE:
            votes[found] += 1
    return votes.most_common(1)[0][0] if votes else None


_SYSTEM_RE = re.compile(r"([^\s\d年]{2,12}?)系统")


def _system_of(plist: PowerList, sectors: SectorTable) -> tuple[str, ...]:
    """The sectors of the one system a list's file name or title names (克拉玛依市林业和草原系统2024年地县两级
    权责清单指导目录: 林业和草原), () when it names none.

    Such a list is one system's catalogue: the powers of a body of several sectors it names (the districts'
    自然资源分局, which carry 自然资源 and 林业和草原) are those of the system, and the body's other lists
    (自然资源: land, surveying, planning) are not loaded with it.
    """
    for text in plist.titles:
        match = _SYSTEM_RE.search(text)
        if match:
            found = sectors.sectors_for(match.group(1))
            if found:
                return found
    return ()


def _date_of(plist: PowerList) -> str | None:
    for text in plist.titles:
        match = _YEAR_RE.search(text)
        if match:
            return f"{match.group(1)}-01-01"
    return None


def _stored_date(store: Store, plist: PowerList, report: LoadReport) -> str | None:
    """The date a list loaded without ``--date`` takes from the store: the date the same file was loaded with,
    else the date of its government's current list (a department's list added later joins that version).

    Without this a corrected workbook reloaded without ``--date`` took the year of its title (2024-01-01), became an
    older version than the one loaded with ``--date 2024-06-01`` and was silently never checked (so was a twelfth
    department's list added to eleven loaded with ``--date``).  A title naming
    another year than the stored load's is a new version (lists-2025/ beside lists-2024/ under the same names).
    """
    titled = _date_of(plist)

    def same_year(nodes) -> set[str]:
        dates = {node.props.get("list_date") for node in nodes} - {None}
        # a list of another year is a new version, as its title says (lists-2025/ beside lists-2024/)
        return {d for d in dates if d[:4] == titled[:4]} if titled else dates

    dates, why = same_year(store.nodes("PowerItem", source_file=plist.path.name)), "the date it was loaded with before"
    if not dates and plist.government is not None:  # a department's list added to a government's loaded version
        gov = plist.government.name
        dates = same_year(n for n in store.nodes("PowerItem", government=gov) if not n.props.get("superseded"))
        why = f"the date of {gov}'s current list"
    if not dates:
        return None
    newest = max(dates)
    if newest == titled:
        return newest  # what the title says anyway: nothing to tell
    report.warn(plist.path, f"no --date: loaded for {newest}, {why} (pass --date for a new version)")
    return newest


def _level(level: str | None) -> GovLevel | None:
    if level is None:
        return None
    try:
        return GovLevel(level.strip().lower())
    except ValueError:
        raise UserError(f"--level {level}: use province, city, county or township") from None


def _check_date(date: str | None) -> str | None:
    if date is None:
        return None
    text = date.strip()
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError
        datetime.date.fromisoformat(text)
    except ValueError:
        raise UserError(f"--date {date}: not a date; use YYYY-MM-DD (2024-06-01)") from None
    return text


def load_powers(
    store: Store,
    files: Iterable[str | Path],
    *,
    government: str | None = None,
    level: str | None = None,
    date: str | None = None,
    password: str | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> LoadReport:
    """Load power lists into ``store`` in one transaction; a summary per file.

    Parameters
    ----------
    store : Store
    files : paths of .xlsx/.xls/.csv files or folders (searched recursively)
    government : the government the lists belong to (default: what the file
        name, title rows or 实施主体 column name)
    level : province, city, county or township (default: from the name)
    date : ISO date the lists apply at (default: the year a title names, else now)
    password : opens encrypted workbooks (Excel's default read-only password is tried anyway)
    progress : called as ``progress(done, total, file name)``

    Returns
    -------
    kg.report.LoadReport
        ``details["files"]`` holds one line per file: items read, items per
        category, rows skipped with reasons; ``details["per_file"]`` the same as data.
    """
    report = LoadReport()
    gov_level = _level(level)
    date = _check_date(date)
    paths = _files(files, report)
    sectors = SectorTable.default()
    user_files = _user_sector_files(paths)
    if user_files:
        sectors = sectors.with_rules(SectorTable.load(user_files).rules)

    lists: list[PowerList] = []
    for done, path in enumerate(paths, 1):
        if progress:
            progress(done - 1, len(paths) * 2, path.name)
        try:
            plist = read_list(path, password)
        except WorkbookError as exc:
            report.error(path, str(exc).split(": ", 1)[-1] if str(exc).startswith(str(path)) else str(exc))
            continue
        except Exception as exc:  # noqa: BLE001 - a workbook shaped in a way we did not foresee
            report.error(path, f"cannot read ({type(exc).__name__}: {exc})")
            continue
        if not any(s.header_row for s in plist.sheets):
            promised = PROMISED.get(path.suffix.lower())
            said = (f"read as {READ_AS.get(plist.read_as, plist.read_as)}, not what its name says: "
                    if plist.read_as and promised and plist.read_as != promised else "")
            report.error(path, f"{said}no sheet has a recognisable header row (事项名称/权力名称 with 权力类型, 实施依据, 实施主体 …): not a power list")
            continue
        if not plist.entries and not any(s.problems for s in plist.sheets):
            where = next(s for s in plist.sheets if s.header_row)
            report.error(path, f"sheet {where.sheet} has a header row (row {where.header_row}) but no item row under it")
            continue
        lists.append(plist)

    explicit = None
    if government:
        explicit = find_government(government) or GovernmentName(government.strip(), gov_level or GovLevel.CITY)
        explicit = GovernmentName(government.strip(), gov_level or explicit.level, explicit.parent)
    for plist in lists:
        plist.system = _system_of(plist, sectors)
        plist.government = explicit or _government_of(plist)
        plist.date = date or _stored_date(store, plist, report) or _date_of(plist)
        if plist.date is None:
            report.warn(plist.path, "no --date and no year in its title: checked against the laws in force now;"
                                    " pass --date YYYY-MM-DD (the date the list applies)")
    named = Counter(p.government for p in lists if p.government)
    batch_default = named.most_common(1)[0][0] if named else None
    cities = [g for g, _ in named.most_common() if g.level == GovLevel.CITY]
    for plist in lists:  # a county named alone belongs to the batch's city
        gov = plist.government
        if gov and gov.level == GovLevel.COUNTY and gov.parent is None and cities:
            plist.government = GovernmentName(cities[0].name + gov.name, gov.level, cities[0].name)
    province = None
    if explicit and explicit.level == GovLevel.PROVINCE:
        province = explicit.name
    province = province or next((g.parent for g in named if g.parent and g.level == GovLevel.CITY), None)
    province = province or province_of(e.basis + e.department for p in lists for e in p.entries)

    resolver = Resolver(store, province=province)
    codes = Counter(e.code for p in lists for e in p.entries if e.code)
    shared_codes = {code for code, n in codes.items() if n > 1}  # a code several entries share is no id
    del codes
    jobs: list[tuple[PowerList, GovernmentName | None]] = []
    for plist in lists:
        gov = plist.government or batch_default
        if gov is not None and gov_level and not explicit:
            gov = GovernmentName(gov.name, gov_level, gov.parent)
        jobs.append((plist, gov))
    loading = [plist for plist, gov in jobs if gov is not None]
    # (file, sheet) keys that occur once: their item groups are settled as they end, not kept for the end
    keys = Counter((p.path.name, s.sheet) for p in loading for s in p.sheets)
    ownership = _Ownership({key for key, n in keys.items() if n == 1})

    batch = GraphBatch()
    if loading:  # one node per office: the other names every list gives, and those the store knows
        batch.learn_store_aliases(store.nodes("Department"), province, store.in_edges)
        for plist, gov in jobs:
            if gov is not None:
                default_department = _default_department(plist, gov)
                for sheet in plist.sheets:
                    sheet_gov = _sheet_government(sheet, gov, plist.path.stem)[0]
                    for cell, stated in dict.fromkeys((e.department, _level_cell(e)) for e in sheet.entries):
                        for row_gov in _row_governments(cell, stated, default_department, sheet_gov)[0]:
                            body = _acting_body(cell, default_department, sectors, row_gov)
                            batch.learn_aliases(body, row_gov, province)
                            if cell and body != split_departments(cell)[0]:  # the role an earlier load named a department by
                                batch.fold_role(split_departments(cell)[0], body, row_gov, province, store.get, store.in_edges)
    per_file: dict[str, dict] = {}
    own: set[str] = set()  # governments whose own lists these are
    if loading:
        # One transaction; each chunk of items is written as soon as it is built, then let go.
        with store.transaction() as tx:
            replaced = _remove_previous(store, tx, {(p.path.name, p.date) for p in loading})
            for done, (plist, gov) in enumerate(jobs, 1):
                if progress:
                    progress(len(paths) + done - 1, len(paths) * 2, plist.path.name)
                if gov is None:
                    report.error(plist.path, "cannot tell which government this list belongs to (no place in the file name, title or 实施主体): pass --government")
                    continue
                own.add(gov.name)
                summary = _load_list(plist, gov, province, batch, resolver, sectors, shared_codes, report, ownership, store, tx)
                per_file[plist.path.name] = summary
                report.loaded.append(str(plist.path))
            batch.flush(tx)
            batch.merge_superseded(tx)
            batch.flush(tx)
            versions = mark_versions(store, tx, batch, replaced)
            tx.add_nodes(gov.to_node() for gov in _mark_only_named(batch, own | ownership.holders()))
    else:
        for done, (plist, _) in enumerate(jobs, 1):
            if progress:
                progress(len(paths) + done - 1, len(paths) * 2, plist.path.name)
            report.error(plist.path, "cannot tell which government this list belongs to (no place in the file name, title or 实施主体): pass --government")
    if progress:
        progress(len(paths) * 2, len(paths) * 2, "")
    report.counts.update(
        power_items=batch.counts["PowerItem"],
        responsibilities=batch.counts["Responsibility"],
        citations=batch.counts["Citation"],
        citations_resolved=batch.statuses.get(CitationStatus.RESOLVED.value, 0),
        departments=len(batch.departments),
        governments=len(batch.governments),
    )
    report.details["files"] = [_summary_line(name, s) for name, s in per_file.items()] + (versions if loading else [])
    report.details["per_file"] = per_file
    report.details["citation_status"] = dict(batch.statuses)
    return report


class _Ownership:
    """Which governments' departments alone hold an item, settled group by group.

    An item group's entries follow one another in its sheet, so a group whose
    (file, sheet) key is unique in the load is settled when the next begins;
    the rest are kept whole for :func:`holders_of_own_items`.
    """

    def __init__(self, unique_keys: set[tuple[str, str]]) -> None:
        self.unique_keys = unique_keys
        self.kept: dict[tuple[str, str, int], set[str]] = {}
        self.settled: set[str] = set()
        self._group: tuple[str, str, int] | None = None
        self._governments: set[str] = set()

    def add(self, key: tuple[str, str, int], government: str) -> None:
        if key[:2] not in self.unique_keys:
            self.kept.setdefault(key, set()).add(government)
            return
        if key != self._group:
            self.settle()
            self._group = key
        self._governments.add(government)

    def settle(self) -> None:
        if len(self._governments) == 1:
            self.settled.add(next(iter(self._governments)))
        self._group, self._governments = None, set()

    def holders(self) -> set[str]:
        self.settle()
        return self.settled | holders_of_own_items(self.kept)


def holders_of_own_items(holders: dict[tuple[str, str, int], set[str]]) -> set[str]:
    """The governments whose departments alone hold an item of a list.

    ``holders`` maps each item (file, sheet, 序号 group) to the governments of
    the departments holding its entries.  A provincial list holds the items of
    many governments' departments, each its own.  An item whose levels several
    governments share (自治区级 / 地州市级 / 县市区级 rows of one 序号 in a city
    list) makes none of them its holder: that row only says which level
    does what.

    Examples
    --------
    >>> sorted(holders_of_own_items({("a.csv", "s", 0): {"浙江省"}, ("a.csv", "s", 1): {"杭州市"},
    ...                             ("b.xls", "s", 0): {"新疆维吾尔自治区", "克拉玛依市"}}))
    ['杭州市', '浙江省']
    """
    return {next(iter(govs)) for govs in holders.values() if len(govs) == 1}


def _mark_only_named(batch: GraphBatch, own: set[str]) -> list[Government]:
    """Mark the governments known only from another government's list.

    A city list names its province as the city's parent, and a 实施主体 cell
    may name a provincial department (新疆维吾尔自治区农业农村厅 in a row whose
    实施层级 is 自治区级).  Such a government gets a node, so that its
    departments and items have a home, but its powers are not listed here:
    queries must not judge it as if its list were loaded (every statute
    clause of its level would be a vacuum).  ``own`` holds the lists'
    governments and every government whose departments alone hold an item of
    them (:func:`holders_of_own_items`).  A government loaded earlier with a
    list of its own keeps that standing (``batch.prior`` holds the nodes as
    they were before this load).  Returns the governments whose mark changed
    from the one written with them (``only_named`` false).
    """
    changed = []
    for gov in batch.governments.values():
        if gov.name in own:
            gov.only_named = False
            continue
        existing = batch.prior.get(gov.id)
        gov.only_named = existing is None or existing.label != "Government" or bool(existing.props.get("only_named"))
        if gov.only_named:
            changed.append(gov)
    return changed


def _summary_line(name: str, summary: dict) -> str:
    cats = ", ".join(f"{k} {v}" for k, v in summary["categories"].items())
    promised = PROMISED.get(Path(name).suffix.lower())
    read_as = summary.get("read_as")
    said = f" (read as {READ_AS.get(read_as, read_as)}, not what its name says)" if read_as and read_as != promised else ""
    if summary.get("opened_with"):
        said += " (encrypted: opened with " + ("Excel's default read-only password)" if summary["opened_with"] == "default password" else "the password given)")
    line = f"{name}{said}: {summary['items']} items ({summary['entries']} entries with sub-items and levels; {cats})"
    if summary["skipped"]:
        reasons = "; ".join(summary["skipped"][:20])
        more = f"; … {len(summary['skipped']) - 20} more" if len(summary["skipped"]) > 20 else ""
        line += f"; {len(summary['skipped'])} rows skipped: {reasons}{more}"
    else:
        line += "; 0 rows skipped"
    for note in summary.get("levels", ()):
        line += f"; {note}"
    if summary.get("warnings"):  # rows loaded with a cell read as empty: said apart, they are not lost
        line += f"; {len(summary['warnings'])} rows loaded with a warning: " + "; ".join(summary["warnings"][:5]) + (
            f"; … {len(summary['warnings']) - 5} more" if len(summary["warnings"]) > 5 else "")
    return line


def _load_list(plist: PowerList, gov: GovernmentName, province: str | None, batch: GraphBatch, resolver: Resolver,
               sectors: SectorTable, shared_codes: set[str], report: LoadReport, ownership: _Ownership,
               store: Store, tx: Writer) -> dict:
    path = plist.path
    summary = {"government": gov.name, "date": plist.date, "items": 0, "entries": 0, "categories": {}, "skipped": [], "warnings": [], "sheets": {},
               "read_as": plist.read_as, "opened_with": plist.opened_with}
    default_department = _default_department(plist, gov)
    categories: Counter[str] = Counter()
    for sheet in plist.sheets:
        for problem in sheet.problems:
            where = f"{path}: sheet {problem.sheet}" + (f" row {problem.row}" if problem.row else "")
            report.warn(where, problem.reason)
            said = f"{problem.sheet}" + (f" row {problem.row}" if problem.row else "") + f": {problem.reason}"
            summary["skipped" if problem.skipped else "warnings"].append(said)
        if not sheet.header_row:
            continue
        summary["sheets"][sheet.sheet] = {"items": sheet.item_count, "entries": len(sheet.entries), "stated": sheet.stated_count}
        summary["items"] += sheet.item_count
        sheet_gov, why = _sheet_government(sheet, gov, path.stem)
        stated = _stated_levels(sheet) if sheet_gov != gov else ""
        held: Counter[str] = Counter()  # the governments of the sheet's entries
        routed: Counter[tuple[tuple[str, ...], str]] = Counter()  # rows of a lower level than the sheet's: (governments, why)
        counted_groups: set[int] = set()
        entries = sheet.entries
        shared = _shared_groups(entries, default_department, sectors, sheet_gov, province)
        level_rows = office_rows = 0
        offices: Counter[str] = Counter()  # lower-level units a 承办机构 names beside the body's own offices
        for index in range(len(entries)):
            entry, entries[index] = entries[index], None  # let each entry go once it is in the graph
            row_govs, row_why = _row_governments(entry.department, _level_cell(entry), default_department, sheet_gov)
            try:
                items = [_load_entry(entry, plist, row_gov, province, batch, resolver, sectors,
                                     shared_codes if len(row_govs) == 1 else None, report, default_department, store, tx,
                                     shared_by=sheet_gov.name if entry.group in shared else None)
                         for row_gov in row_govs]
            except Exception as exc:  # noqa: BLE001 - one odd row never stops the batch
                reason = f"item {entry.name[:30]!r} skipped ({type(exc).__name__}: {exc})"
                report.warn(f"{path}: sheet {entry.sheet} row {entry.row}", reason)
                summary["skipped"].append(f"{entry.sheet} row {entry.row}: {reason}")
                continue
            summary["entries"] += len(items)
            if row_why:
                routed[(tuple(i.government for i in items), row_why)] += 1
                level_rows += sum(i.level_row for i in items)
            elif entry.office and items[0].government == sheet_gov.name:
                units = lower_units(entry.office, sheet_gov)
                offices.update(units)
                office_rows += bool(units)
            for item in items:
                held[item.government] += 1
                if not row_why:  # a row of a lower level makes no list of that level's own: a sheet or a list does
                    ownership.add((path.name, entry.sheet, entry.group), item.government)
            if entry.group not in counted_groups:
                counted_groups.add(entry.group)
                categories[entry.category.value] += max(1, len(entry.numbers))
            if len(batch.items) >= CHUNK_ITEMS:
                batch.flush(tx)
        sheet.entries = []
        if sheet_gov != gov:
            summary["sheets"][sheet.sheet]["government"] = sheet_gov.name
            summary.setdefault("levels", []).append(_level_note(sheet.sheet, sheet_gov, gov, why + stated, held))
        if routed:
            by_government: Counter[str] = Counter()
            for (govs, _), n in routed.items():
                by_government.update({name: n for name in govs})
            summary["sheets"][sheet.sheet]["routed"] = dict(by_government)  # rows of a lower level, by government
            summary.setdefault("levels", []).append(_routed_note(sheet.sheet, sheet_gov, routed, level_rows))
        if offices:
            summary.setdefault("levels", []).append(_office_note(sheet.sheet, sheet_gov, offices, office_rows))
        elsewhere = _elsewhere_note(sheet.sheet, sheet_gov, held, {g for govs, _ in routed for g in govs}) if sheet_gov == gov else None
        if elsewhere:
            summary.setdefault("levels", []).append(elsewhere)
    summary["categories"] = dict(sorted(categories.items(), key=lambda kv: -kv[1]))
    return summary


def _sheet_government(sheet: SheetItems, gov: GovernmentName, file: str = "") -> tuple[GovernmentName, str]:
    """The government a sheet's items are read under (its departments' default) and why: ``gov``, the
    workbook's, unless the sheet's name or title rows, or the workbook's file name ``file``, name a county or
    the county level (:func:`departments.sheet_level`)."""
    found = sheet_level(sheet.sheet, sheet.title_rows, gov, file) if sheet.header_row else None
    return found or (gov, "")


def _level_cell(entry: Entry) -> str:
    """The entry's 实施层级 (行使层级) cell: the level it is exercised at (地州市级, 县市区级), or ''."""
    return next((v for k, v in entry.extra.items() if k.startswith(("实施层级", "行使层级")) and v), "")


def _row_governments(cell: str, stated: str, default_department: str, sheet_gov: GovernmentName) -> tuple[tuple[GovernmentName, ...], str]:
    """The governments a row of a sheet read under ``sheet_gov`` is loaded under, and why when they are of a lower
    level (:func:`departments.row_level`: 县市区农业农村局 in a city's sheet, 市、县级… in a province's): one item each."""
    found = row_level(cell or default_department, stated, sheet_gov)
    return found or ((sheet_gov,), "")


def _routed_note(sheet: str, sheet_gov: GovernmentName, routed: Counter[tuple[tuple[str, ...], str]], level_rows: int) -> str:
    """The load report's sentence on the rows of a sheet loaded at a lower level than the sheet's government:
    how many under which government and why (the row's 实施主体 or 实施层级), and how many of them are one level of
    an item listed for several (:attr:`PowerItem.level_row`)."""
    by_governments: dict[tuple[str, ...], list[tuple[str, int]]] = {}
    for (govs, why), n in routed.items():
        by_governments.setdefault(govs, []).append((why, n))
    parts = []
    for govs, reasons in by_governments.items():
        n = sum(k for _, k in reasons)
        each = ", one item under each" if len(govs) > 1 else ""
        said = "; ".join(why + (f" ({k} rows)" if len(reasons) > 1 and k > 1 else "") for why, k in reasons[:5])
        more = f"; … {len(reasons) - 5} more" if len(reasons) > 5 else ""
        parts.append(f"{n} under {' and '.join(govs)}{each} ({said}{more})")
    total = sum(routed.values())
    shared = (f"; {level_rows} of these items {'are' if level_rows > 1 else 'is'} one level of an item the sheet lists"
              f" for several levels: {'they load' if level_rows > 1 else 'it loads'} no list of {'their' if level_rows > 1 else 'its'}"
              " department (its sector stays 未载入领域 there)") if level_rows else ""
    return (f"sheet {sheet}: {total} {'rows' if total > 1 else 'row'} loaded at a lower level than {sheet_gov.name}: "
            + ", ".join(parts) + shared + "; a government of these rows alone has no list of its own here (no vacuums)")


def _office_note(sheet: str, sheet_gov: GovernmentName, units: Counter[str], rows: int) -> str:
    """The load report's sentence on rows whose 承办机构 names units of a lower level beside the body's own offices."""
    named = ", ".join(f"{unit} {n}" for unit, n in units.most_common(4)) + (" …" if len(units) > 4 else "")
    return (f"sheet {sheet}: {rows} {'rows' if rows > 1 else 'row'} of a body of {sheet_gov.name} name lower-level units"
            f" as 承办机构 ({named}): kept under {sheet_gov.name}, whose body exercises the power")


def _elsewhere_note(sheet: str, sheet_gov: GovernmentName, held: Counter[str], routed_to: set[str]) -> str | None:
    """The load report's sentence on rows whose 实施主体 names another government's department (自治区农业农村厅)."""
    others = [(name, n) for name, n in sorted(held.items()) if name != sheet_gov.name and name not in routed_to]
    if not others:
        return None
    shown = [f"{n} {'rows name' if n > 1 else 'row names'} a department of {name}, loaded under it"
             for name, n in others[:_ELSEWHERE_SHOWN]]
    if len(others) > _ELSEWHERE_SHOWN:
        # a province-wide list names hundreds of governments: one line a file stays readable
        rest = others[_ELSEWHERE_SHOWN:]
        shown.append(f"{sum(n for _, n in rest)} more rows name departments of {len(rest)} more governments"
                     f" ({', '.join(name for name, _ in rest[:3])} …), each loaded under its government")
    return f"sheet {sheet}: " + "; ".join(shown)


_ELSEWHERE_SHOWN = 5  # governments named one by one in the load report's sentence on other governments' rows


def _shared_groups(entries: list[Entry], default_department: str, sectors: SectorTable, sheet_gov: GovernmentName,
                   province: str | None) -> set[int]:
    """The item groups (序号) of a sheet whose rows name the departments of several governments: one row per level
    (自治区农业农村厅 自治区级, 地州市农业农村局 地州市级, 县市区农业农村局 县市区级), or a row of several lower levels."""
    governments: dict[int, set[str]] = {}
    for entry in entries:
        for row_gov in _row_governments(entry.department, _level_cell(entry), default_department, sheet_gov)[0]:
            body = _acting_body(entry.department, default_department, sectors, row_gov)
            governments.setdefault(entry.group, set()).add(department_name(body, row_gov, province).government.name)
    return {group for group, names in governments.items() if len(names) > 1}


def _stated_levels(sheet: SheetItems) -> str:
    """What a sheet's 实施层级 column says most (the level each row is exercised at), for the load report."""
    levels = Counter(_level_cell(e) for e in sheet.entries)
    top, n = levels.most_common(1)[0] if levels else ("", 0)
    return f"; its 实施层级 column says {top} on {n} of {len(sheet.entries)} rows" if top else ""


def _level_note(sheet: str, sheet_gov: GovernmentName, gov: GovernmentName, why: str, held: Counter[str]) -> str:
    """The load report's sentence on a sheet read at another level than its workbook's government."""
    what = f"as {sheet_gov.level.value} level" if sheet_gov.group else f"as {sheet_gov.name}'s"
    units = "the townships and sub-districts" if sheet_gov.level == GovLevel.TOWNSHIP else "the counties and districts"
    group = (f" ({units} of {gov.name} as one {sheet_gov.level.value}-level government: the sheet names none of them,"
             f" and its departments are not {gov.name}'s own)") if sheet_gov.group else ""
    kept = "; ".join((f"{n} rows name a department of {name} itself and stay under it" if n > 1 else
                      f"1 row names a department of {name} itself and stays under it")
                     for name, n in sorted(held.items()) if name != sheet_gov.name)
    return (f"sheet {sheet} read {what}: {why}; its items are loaded under {sheet_gov.name}{group}"
            + (f"; {kept}" if kept else ""))


def _load_entry(entry: Entry, plist: PowerList, gov: GovernmentName, province: str | None, batch: GraphBatch, resolver: Resolver,
                sectors: SectorTable, shared_codes: set[str] | None, report: LoadReport, default_department: str,
                store: Store, tx: Writer, shared_by: str | None = None) -> PowerItem:
    """One entry -> its item, department, responsibility and citations in ``batch``.  ``shared_by``: the entry is one
    level of an item the departments of several governments hold, in a sheet of that government: an item of another
    government's department is a :attr:`PowerItem.level_row`."""
    path = plist.path
    # everything that can fail on odd input first, so a failing entry leaves nothing behind
    parsed = parse_basis(entry.basis) if entry.basis else []
    resolutions = [resolver.resolve(cite, plist.date) for cite in parsed]
    bodies = split_departments(entry.department or default_department)
    bodies[0] = _acting_body(entry.department, default_department, sectors, gov)
    dept = batch.department(bodies[0], gov, province, sectors, store.get, plist.system)
    # a row loaded under several governments (one item per level) has no code of its own: shared_codes None
    code = entry.code if entry.code and shared_codes is not None and entry.code not in shared_codes else None
    item_id = batch.versioned_id(code or stable_item_id(dept.id, entry), dept.government, plist.date, store)
    if item_id in batch.item_ids:
        first = batch.pending_item(item_id) or PowerItem.from_node(tx.get(item_id))
        report.warn(f"{path}: sheet {entry.sheet} row {entry.row}", f"same item as sheet {first.sheet} row {first.row} (department, 序号, name and sub-item): loaded under a numbered id")
        k = 2
        while f"{item_id}~{k}" in batch.item_ids:
            k += 1
        item_id = f"{item_id}~{k}"
    extra = dict(entry.extra)
    if entry.number:
        extra["序号"] = entry.number
    if entry.office:
        extra["承办机构"] = entry.office
    if len(bodies) > 1:
        extra["其他实施主体"] = "、".join(bodies[1:])
    item = PowerItem(
        id_=item_id, name=entry.name, category=entry.category, department=batch.department_id(dept), government=dept.government,
        code=entry.code or None, sub=entry.sub, category_raw=entry.category_raw, basis_text=entry.basis,
        list_date=plist.date, source_file=path.name, sheet=entry.sheet, row=entry.row, extra=extra,
        level_row=shared_by is not None and dept.government != shared_by,
    )
    batch.add_item(item, responsibility_of(item_id, entry))
    add_citations(batch, item_id, parsed, resolutions)
    return item


_ROLE_RE = re.compile(r"(?:主管部门|管理部门|监管部门|行政部门|职能部门)$")
_OFFICE_RE = re.compile(r"(?:局|厅|委员会|委|办公室|办)$")


def _acting_body(cell: str, default_department: str, sectors: SectorTable, gov: GovernmentName) -> str:
    """The first body a 实施主体 cell names; a statutory role of the list's own sector is the office the list is of.

    A department's list filled from a guiding catalogue writes the role (地州市商务主管部门) where the office
    (克拉玛依市商务局, its file name and title) is meant: loaded under the role, the department was one nobody
    knows it by (--department 克拉玛依市商务局 found nothing).  A role of another sector stays as written.
    """
    first = split_departments(cell or default_department)[0]
    if cell and _ROLE_RE.search(first) and _OFFICE_RE.search(default_department):
        own = set(sectors.sectors_for(default_department, gov.name))
        if own and own & set(sectors.sectors_for(first, gov.name)):
            return default_department
    return first


def _default_department(plist: PowerList, gov: GovernmentName) -> str:
    """The department a list without 实施主体 belongs to: from its file name or title."""
    for text in plist.titles:
        text = re.sub(r"^(附件\s*\d*\s*[:：]?)", "", text)
        match = re.search(r"((?:[^\s\d年]{0,12})?(?:局|厅|委员会|委|办公室|办|中心|院))", text)
        if match and len(match.group(1)) >= 3:
            return match.group(1)
    return gov.name + "人民政府"


def _remove_previous(store: Store, tx: Writer, files: set[tuple[str, str | None]]) -> set[str]:
    """Items (with their citations and responsibilities) an earlier load took from these (file name, list date)
    pairs; returns the items' ids.  The same file loaded for another date is another version: it stays."""
    doomed: list[str] = []
    items: set[str] = set()
    for name, date in files:
        for node in store.nodes("PowerItem", source_file=name):
            if node.props.get("list_date") != date:
                continue
            items.add(node.id)
            doomed.append(node.id)
            doomed.extend(e.dst for e in store.out_edges(node.id, EdgeType.BASED_ON.value))
            doomed.extend(e.dst for e in store.out_edges(node.id, EdgeType.HAS_RESPONSIBILITY.value))
    if doomed:
        tx.remove_nodes(doomed)
    return items


def resolve_pending(store: Store, tx: Writer) -> int:
    """Re-resolve power-item citations whose law was not loaded (or that read as normative
    documents); returns how many changed.

    Called by the statute loader inside its transaction ``tx`` after adding
    laws, so the laws of that transaction count.
    """
    # a normative document may be a regulation after all once the laws are in (lists tag loosely)
    # and a fuller text of a law may hold an article a cut-short one lacked
    waiting = (CitationStatus.LAW_NOT_LOADED, CitationStatus.NORMATIVE_DOCUMENT, CitationStatus.TEXT_INCOMPLETE)
    pending = [node for status in waiting
               for node in store.nodes("Citation", status=status.value) if "#c" in node.id]
    if not pending:
        return 0
    resolver = Resolver(store, get=tx.get)
    dates: dict[str, str | None] = {}
    changed = 0
    for node in pending:
        citation = Citation.from_node(node)
        item = tx.get(citation.source)
        if item is None or item.label != "PowerItem":
            continue
        if citation.source not in dates:
            dates[citation.source] = item.props.get("list_date")
        parsed = ParsedCitation(
            text=citation.text, law=citation.law, rank_tag=citation.rank_tag, version_note=citation.version_note,
            version_date=note_date(citation.version_note), article=citation.article, article_suffix=citation.article_suffix,
            paragraph=citation.paragraph, item=citation.item, quote=citation.quote,
            normative=looks_normative(citation.law or "", citation.rank_tag, citation.version_note),
        )
        resolution = resolver.resolve(parsed, dates[citation.source])
        if resolution.status in waiting:
            continue
        tx.update_props(
            citation.id, status=resolution.status.value, version=resolution.version, target=resolution.target,
            quote_similarity=resolution.quote_similarity, quote_best_match=resolution.quote_best_match,
            quote_best_similarity=resolution.quote_best_similarity, current_target=resolution.current_target,
        )
        if resolution.target:
            tx.add_edge(Edge(citation.id, resolution.target, EdgeType.RESOLVES_TO.value))
        changed += 1
    return changed

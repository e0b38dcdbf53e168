"""``plkg check``: run the finding queries and write them as a table, JSON, CSV or xlsx.

Findings are written as they come: JSON is streamed object by object, CSV
row by row, xlsx through openpyxl's write-only mode.  ``all`` reads each
government's items once for every kind but vacuums (:func:`queries.scan.scan`)
and keeps those findings (candidates need them); the vacuums are written as
each government's are made and never kept, from the item rows of the first
pass when the list has at most :data:`KEEP_ITEM_ROWS` items or the memory available holds
their rows (:func:`keep_item_rows`), else from a second reading of each government's items (never every item at once).

>>> from kg.embedded import EmbeddedStore
>>> import io, tempfile, pathlib
>>> store = EmbeddedStore(pathlib.Path(tempfile.mkdtemp()) / "s.kg")
>>> buf = io.StringIO()
>>> run_check(store, "orphans", format="json", out=buf)
Counter()
>>> buf.getvalue()
'[]\\n'
"""

from __future__ import annotations

import csv
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, TextIO

from kg.errors import UserError
from kg.store import collector_paused

from .candidate import rank_candidates
from .carry import Tracer, find_successors
from .decisions import missing_decisions, select
from .findings import KIND_NAMES, KINDS, Finding, article_label
from .lines import LineBlock, LineFile, copy_lines_file
from .invalid import find_invalid
from .mismatch import find_debatable, find_mismatches
from .orphan import find_orphans, find_unverifiable
from .overlap import find_overlaps, load_concentrations
from .scan import scan
from .stale import find_lapsed, find_stale
from .unaccountable import find_unaccountable
from .vacuum import find_vacuums, load_manifest

KIND_ARGS: dict[str, str] = {
    "orphans": "orphan",
    "invalid": "invalid_basis",
    "stale": "stale_basis",
    "overlaps": "overlap",
    "vacuums": "vacuum",
    "unaccountable": "unaccountable",
    "candidates": "candidate",
    "unverifiable": "unverifiable",
    "categories": "category_mismatch",
}
FORMATS = ("table", "json", "csv", "xlsx")
KEEP_ITEM_ROWS = 200_000
"""Up to this many items, ``check all`` always keeps every item row from its first pass for the vacuums instead of
reading them again (at 100,000 items ~3 CPU s saved for 0.12 GB more peak memory; at a million the rows would hold ~1.4 GB).
More are kept when the memory available allows it (:func:`keep_item_rows`)."""
ITEM_ROW_BYTES = 1_500
"""What one kept item row costs in memory, rounded up (1,000,000 items: +1.37 GB of peak, BENCHMARKS.md i16-1m)."""
KEEP_MEMORY_SHARE = 0.25
"""The share of the memory available that the kept item rows may take (:func:`keep_item_rows`)."""


def keep_item_rows(items: int, available: int | None = None) -> bool:
    """Whether ``check all`` keeps the rows of ``items`` items from its first pass for the vacuums.

    Always up to :data:`KEEP_ITEM_ROWS`; above it when the rows (:data:`ITEM_ROW_BYTES` each) take at most
    :data:`KEEP_MEMORY_SHARE` of the memory available (``available`` bytes; default the system's
    ``MemAvailable``, none known: not kept).  Which way is taken changes the time and memory, never the findings.

    >>> keep_item_rows(100_000, available=0), keep_item_rows(1_000_000, available=2**30)
    (True, False)
    >>> keep_item_rows(1_000_000, available=22 * 2**30)
    True
    """
    if items <= KEEP_ITEM_ROWS:
        return True
    if available is None:
        available = memory_available()
    return available is not None and items * ITEM_ROW_BYTES <= KEEP_MEMORY_SHARE * available


def memory_available() -> int | None:
    """Bytes of memory the system can give without swapping (Linux ``MemAvailable``), or None when not known."""
    return proc_bytes("/proc/meminfo", "MemAvailable:")


def proc_bytes(path: str, field: str) -> int | None:
    """The ``field`` line of a Linux /proc file in kB (``MemAvailable:  123 kB``), as bytes; None when not there."""
    try:
        with open(path, encoding="ascii") as handle:
            for line in handle:
                if line.startswith(field):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None
# The note kinds a kind's run yields beside its findings (iter_findings).
COMPANIONS: dict[str, tuple[str, ...]] = {
    "vacuum": ("missing_basis", "vacuum_sector", "not_vacuum"), "category_mismatch": ("category_debatable",),
    "stale_basis": ("basis_lapsed",),
}
CHECK_ARG: dict[str, str] = {kind: arg for arg, kind in KIND_ARGS.items()}
CHECK_ARG.update({note: CHECK_ARG[kind] for kind, notes in COMPANIONS.items() for note in notes})
"""The ``check`` argument whose run makes the findings of a kind (a note kind: its kind's)."""


# ---------------------------------------------------------------------------
# Running the queries


def check_args_for(kinds: Iterable[str]) -> list[str]:
    """The ``check`` arguments whose runs make the findings of ``kinds`` (a note with its kind's), in order;
    ``["all"]`` when candidates are among them (they are ranked from every other kind).

    >>> check_args_for(["vacuum_sector", "orphan", "vacuum"]), check_args_for(["candidate", "orphan"])
    (['vacuums', 'orphans'], ['all'])
    """
    chosen = list(dict.fromkeys(CHECK_ARG[k] for k in kinds if k in CHECK_ARG))
    return ["all"] if "candidates" in chosen else chosen


def iter_findings(store, kind: str = "all", *, government: str | None = None, department: str | None = None,
                  concentrations: Any = None, complete: bool = False, manifest: Any = None,
                  top: int | None = None, explain: bool = False, jobs: int = 1,
                  lines: bool = False, spool: str | Path | None = None) -> Iterator[Finding]:
    """Findings of ``kind`` (a ``plkg check`` argument), in output order.

    ``all`` yields, in this order: orphan, invalid_basis, stale_basis,
    overlap, vacuum, unaccountable, candidate, the ``unverifiable`` notes, the
    ``basis_lapsed`` notes, then what ``categories`` yields: category_mismatch findings and the
    ``category_debatable`` notes.  Vacuums are followed by their ``vacuum_sector``
    notes; ``stale`` yields its ``basis_lapsed`` notes after the stale bases;
    ``complete``/``manifest`` declare lists complete
    (:func:`queries.vacuum.vacuums_of`); ``top`` and ``explain`` apply to
    ``vacuums``: the first N law-and-article groups of each government, and a
    ``not_vacuum`` note for each clause dropped.  ``jobs`` > 1 (``all`` only): the findings are made by that
    many forked processes (:func:`queries.parallel.check_all_lines`), the vacuums and their notes coming as
    :class:`queries.lines.LineBlock` s of JSON lines (see :func:`queries.parallel.vacuum_jobs` for when that
    is right), in the same order.  ``lines`` (``vacuums`` and ``all``; what ``check --format json`` writes when
    no decision is recorded): each vacuum comes as its JSON line (``Finding.to_json_text()``, a str), made
    without the finding (:class:`queries.findings.VacuumLines`).  ``spool``: the folder where the forked
    processes write their vacuum lines (:class:`queries.lines.LineFile`; default the system's temporary folder).
    """
    if kind not in KIND_ARGS and kind != "all":
        raise UserError(f"unknown finding kind {kind!r}: use {', '.join(KIND_ARGS)} or all")
    rows = load_concentrations(concentrations) if not isinstance(concentrations, list) else concentrations
    manifest = load_manifest(manifest) if not isinstance(manifest, dict) else manifest
    scope = dict(government=government, department=department)
    lists = dict(complete=complete, manifest=manifest)
    if kind == "orphans":
        yield from find_orphans(store, **scope)
    elif kind == "invalid":
        yield from find_invalid(store, **scope)
    elif kind == "stale":
        yield from find_stale(store, **scope)
        yield from find_lapsed(store, **scope)
    elif kind == "unaccountable":
        yield from find_unaccountable(store, **scope)
    elif kind == "unverifiable":
        yield from find_unverifiable(store, **scope)
    elif kind == "categories":
        yield from find_mismatches(store, **scope)
        yield from find_debatable(store, **scope)
    elif kind == "overlaps":
        yield from find_overlaps(store, concentrations=rows, **scope, **lists)
    elif kind == "vacuums":
        yield from _kinds_together(find_vacuums(store, **scope, **lists, top=top, explain=explain, lines=lines))
    elif kind == "candidates":
        from .candidate import find_candidates

        yield from find_candidates(store, concentrations=rows, **scope, **lists)
    else:
        yield from _all(store, rows, government, department, lists, jobs, lines, spool)


def _kinds_together(findings: Iterable[Finding]) -> Iterator[Finding]:
    """Vacuums of every government, then their notes (vacuum_sector, not_vacuum), each kind in the order given."""
    rest: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.__class__ is str or finding.kind == "vacuum":  # a vacuum, or its JSON line
            yield finding
        else:
            rest.setdefault(finding.kind, []).append(finding)
    for kind in COMPANIONS["vacuum"]:
        yield from rest.get(kind, ())


def _all(store, concentrations, government, department, lists, jobs: int = 1,
         lines: bool = False, spool: str | Path | None = None) -> Iterator[Finding]:
    # One pass over each government's items feeds every kind but vacuums (queries.scan); the order is the
    # single kinds'.  Vacuums are made government by government as they are written: on a whole corpus they are
    # most findings (~1,200 a government), and holding them all until the item kinds before them are written
    # would take gigabytes at a million items.  The item rows they need are the first pass's when the list is
    # small enough to hold them all (keep_item_rows); a larger one is read a second time, government by government.
    if jobs > 1 and government is None:
        from .parallel import check_all_lines

        yield from check_all_lines(store, jobs, concentrations=concentrations, department=department, spool=spool,
                                   **lists)
        return
    keep = keep_item_rows(store.count("PowerItem"))
    found = scan(store, government=government, department=department, concentrations=concentrations,
                 vacuums=False, keep_bases=keep, **lists)
    items = found.items
    yield from items["orphan"]
    yield from items["invalid_basis"]
    yield from items["stale_basis"]
    yield from found.overlaps
    yield from _kinds_together(find_vacuums(store, government=government, department=department,
                                            bases=found.bases, lines=lines, **lists))
    found.bases = None  # the rows go once the vacuums are made
    yield from items["unaccountable"]
    item_findings = (items["orphan"] + items["invalid_basis"] + items["stale_basis"] + items["unaccountable"]
                     + items["category_mismatch"])
    yield from rank_candidates(item_findings, found.overlaps, found.identities)
    yield from items["unverifiable"]
    yield from items["basis_lapsed"]
    yield from items["category_mismatch"]
    yield from items["category_debatable"]


def run_check(store, kind: str = "all", *, government: str | None = None, department: str | None = None,
              format: str = "table", output: str | Path | None = None, out: Any = None,
              concentrations: Any = None, show: str = "undecided", missing: list | None = None,
              complete: bool = False, manifest: Any = None, top: int | None = None, explain: bool = False,
              jobs: int | None = 1, successions: list | None = None) -> Counter:
    """Write the findings of ``kind`` in ``format``; return the count per finding kind.

    ``output`` is a file to write (required for xlsx); else ``out`` (a text
    stream or a rich Console; default stdout).  Unknown kinds or formats, or
    xlsx without ``output``, raise :class:`UserError`.  ``show`` picks the
    findings by their recorded decisions (:func:`queries.decisions.select`:
    undecided, decided or all); decisions of the run's scope whose finding was
    not found are appended to ``missing`` when given, and their :class:`queries.carry.Succession` s (the
    likely successor of each, among the run's findings) to ``successions``; an xlsx gets a sheet of them
    (失效的处理决定).  ``jobs``: processes making ``all``'s vacuums (JSON on a
    store without decisions only; None: every core when there are many governments,
    :func:`queries.parallel.vacuum_jobs`); the output is the same.
    """
    if format not in FORMATS:
        raise UserError(f"--format {format}: use {', '.join(FORMATS)}")
    if kind not in KIND_ARGS and kind != "all":
        raise UserError(f"unknown finding kind {kind!r}: use {', '.join(KIND_ARGS)} or all")
    if format == "xlsx" and output is None:
        raise UserError("--format xlsx needs --output FILE")
    concentrations = load_concentrations(concentrations) if not isinstance(concentrations, list) else concentrations
    manifest = load_manifest(manifest) if not isinstance(manifest, dict) else manifest
    if jobs is not None and jobs < 1:
        raise UserError(f"--jobs {jobs}: give 1 or more processes")
    decisions = store.decisions()
    # JSON with no decision recorded: every finding is shown as it is made (undecided; "decided" shows none), so
    # the vacuums may come as their JSON lines, made without their findings, and from several processes
    lines = format == "json" and not decisions and show != "decided" and kind in ("all", "vacuums")
    if kind == "all" and government is None and jobs != 1:
        from .parallel import vacuum_jobs

        jobs = vacuum_jobs(jobs, kind=kind, format=format, decided=not lines,
                           governments=sum(not g.get("only_named") for g in store.governments()),
                           clauses=store.count("AuthorisingClause"))
    else:
        jobs = 1
    findings = iter_findings(store, kind, government=government, department=department, concentrations=concentrations,
                             complete=complete, manifest=manifest, top=top, explain=explain, jobs=jobs, lines=lines,
                             spool=Path(output).parent if output is not None else None)
    kinds = KINDS if kind == "all" else (KIND_ARGS[kind],)
    counts: Counter = Counter()
    seen: set[str] = set()
    gone: list = []  # the successions of the missing decisions, once the findings are written
    # the traces of the findings are kept to find the successors of decisions whose finding is gone
    tracer = Tracer(decisions) if decisions and (successions is not None or format == "xlsx") else None

    def counted() -> Iterator[Finding]:
        if lines:  # no decisions: every finding is shown as it is; vacuums' lines and blocks of lines among them
            for finding in findings:
                if finding.__class__ is str:
                    counts["vacuum"] += 1
                elif finding.__class__ is LineBlock or finding.__class__ is LineFile:
                    counts.update(finding.counts)
                else:
                    counts[finding.kind] += 1
                yield finding
            return
        for finding in select(tracer.through(findings) if tracer else findings, decisions, show, seen):
            counts[finding.kind] += 1
            yield finding
        if missing is not None or tracer is not None:
            ran = set(kinds) | ({"unverifiable"} if kind in ("all", "unverifiable") else set())
            lost = missing_decisions(decisions, seen, ran, government, department)
            if missing is not None:
                missing.extend(lost)
            if tracer is not None and lost:
                gone.extend(find_successors(lost, tracer.traces, decisions=decisions, governments=store.governments()))
                tracer.traces.clear()
                if successions is not None:
                    successions.extend(gone)

    with collector_paused():
        if format == "xlsx":
            write_xlsx(counted(), Path(output), after=lambda: [missing_sheet(gone)] if gone else [])
            return counts
        if output is not None:
            try:
                with open(output, "w", encoding="utf-8", newline="") as handle:
                    _write_text(format, counted(), handle, counts, kinds)
            except OSError as exc:
                raise UserError(f"{output}: cannot write ({exc.strerror})") from None
        else:
            _write_text(format, counted(), out if out is not None else sys.stdout, counts, kinds)
    return counts



def _write_text(format: str, findings: Iterable[Finding], out: Any, counts: Counter, kinds: Iterable[str] = KINDS) -> None:
    if format == "json":
        write_json(findings, out)
    elif format == "csv":
        write_csv(findings, out, kinds=None if set(kinds) >= set(KINDS) else kinds)
    else:
        write_table(findings, out, counts, kinds=kinds)


# ---------------------------------------------------------------------------
# Formats


def _emit(out: Any, text: str = "") -> None:
    """A line to a text stream or a rich Console."""
    if hasattr(out, "print") and hasattr(out, "is_terminal"):
        out.print(text, markup=False, highlight=False)
    else:
        out.write(text + "\n")


JSON_LINES_AT_ONCE = 512
"""``write_json`` writes its lines this many at a time (one write and one join instead of one each a line)."""


def write_json(findings: Iterable[Finding], out: TextIO) -> None:
    """A JSON list, one object a line, written as the findings come (a few hundred lines at a time)."""
    _raw(out, "[")
    lines: list[str] = []
    add = lines.append
    before = "\n"  # before the first line; ",\n" between lines
    for finding in findings:
        if finding.__class__ is LineBlock or finding.__class__ is LineFile:  # a worker's lines (queries.parallel)
            if finding.data if finding.__class__ is LineBlock else finding.size:
                if lines:
                    _raw(out, before + ",\n".join(lines))
                    before = ",\n"
                    lines.clear()
                _raw(out, before)
                _raw_bytes(out, finding)
                before = ",\n"
            elif finding.__class__ is LineFile:
                os.unlink(finding.path)
            continue
        add(finding if finding.__class__ is str else finding.to_json_text())  # a vacuum's line, or a finding
        if len(lines) >= JSON_LINES_AT_ONCE:
            _raw(out, before + ",\n".join(lines))
            before = ",\n"
            lines.clear()
    if lines:
        _raw(out, before + ",\n".join(lines))
        before = ",\n"
    _raw(out, "]\n" if before == "\n" else "\n]\n")


def _raw(out: Any, text: str) -> None:
    if hasattr(out, "print") and hasattr(out, "is_terminal"):
        out.print(text, markup=False, highlight=False, end="")
    else:
        out.write(text)


def _raw_bytes(out: Any, lines: "LineBlock | LineFile") -> None:
    """A worker's UTF-8 lines written as they are onto a UTF-8 text file's bytes (after what it holds; a
    :class:`LineFile` copied by the kernel, then removed), else decoded and written."""
    buffer = getattr(out, "buffer", None)
    if buffer is not None and not hasattr(out, "print") and _is_utf8(getattr(out, "encoding", None)):
        out.flush()
        if lines.__class__ is LineFile:
            copy_lines_file(lines, buffer)
        else:
            buffer.write(lines.data)
    elif lines.__class__ is LineFile:
        _raw(out, lines.to_json_text())
        os.unlink(lines.path)
    else:
        _raw(out, lines.data.decode("utf-8"))


def _is_utf8(encoding: str | None) -> bool:
    import codecs

    try:
        return encoding is not None and codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


def evidence_text(finding: Finding) -> str:
    """Evidence as readable lines (for tables, CSV and xlsx)."""
    lines = []
    for ev in finding.evidence:
        parts = []
        if ev.citation:
            parts.append(f"引用：{ev.citation}")
        if ev.resolved_to:
            parts.append(f"对应：{ev.resolved_to}")
        if ev.article_text:
            parts.append(f"条文：{ev.article_text[:300]}")
        if ev.rule:
            parts.append(f"规则：{ev.rule}（《{ev.rule_law}》{ev.rule_article}）")
        if ev.note:
            parts.append(f"说明：{ev.note}")
        lines.append("；".join(parts))
    return "\n".join(lines)


def _join(values: Iterable[Any]) -> str:
    return "；".join("" if v is None else str(v) for v in values)


Column = tuple[str, Callable[[Finding], Any]]

ITEM_COLUMNS: list[Column] = [
    ("政府", lambda f: f.government),
    ("实施主体", lambda f: f.department),
    ("事项编码", lambda f: f.item_code),
    ("事项名称", lambda f: f.name),
    ("权力类别", lambda f: f.category),
    ("问题说明", lambda f: f.reason),
    ("证据", evidence_text),
    ("事项ID", lambda f: f.item_id),
    ("来源", lambda f: " ".join(str(v) for v in f.source.values()) if f.source else ""),
]
CLAUSE_COLUMNS: list[Column] = [
    ("法律", lambda f: f.law),
    ("版本", lambda f: f.version),
    ("条", lambda f: f.article),
    ("款", lambda f: f.paragraph),
    ("项", lambda f: f.item),
    ("权力类别", lambda f: f.category),
    ("条款主体", lambda f: f.subject),
]
"""Where a clause stands and whom it names: the columns of vacuums and of the clauses not counted."""
COLUMNS: dict[str, list[Column]] = {
    "orphan": ITEM_COLUMNS,
    "invalid_basis": ITEM_COLUMNS,
    "stale_basis": ITEM_COLUMNS,
    "unaccountable": ITEM_COLUMNS,
    "unverifiable": ITEM_COLUMNS,
    "basis_lapsed": ITEM_COLUMNS,
    "category_mismatch": ITEM_COLUMNS[:5] + [("法定类别", lambda f: f.law_category)] + ITEM_COLUMNS[5:],
    "category_debatable": ITEM_COLUMNS[:5] + [("法定类别", lambda f: f.law_category)] + ITEM_COLUMNS[5:],
    "overlap": [
        ("政府", lambda f: f.government),
        ("权力类别", lambda f: f.category),
        ("涉及部门", lambda f: _join(f.departments)),
        ("涉及事项编码", lambda f: _join(f.item_codes)),
        ("法律", lambda f: f.law),
        ("条", lambda f: f.article),
        ("问题说明", lambda f: f.reason),
        ("证据", evidence_text),
        ("涉及事项ID", lambda f: _join(f.item_ids)),
    ],
    "vacuum": [
        ("政府", lambda f: f.government),
        ("对应部门", lambda f: f.department),
        *CLAUSE_COLUMNS,
        ("情态", lambda f: f.modality),
        ("严重程度", lambda f: f.severity),
        ("本条真空数", lambda f: f.count),
        ("问题说明", lambda f: f.reason),
        ("证据", evidence_text),
    ],
    "missing_basis": ITEM_COLUMNS[:5] + [
        ("应补依据", lambda f: f"{f.law}{article_label(f.article, 0, f.paragraph, f.item)}"),
        ("条款主体", lambda f: f.subject),
    ] + ITEM_COLUMNS[5:],
    "vacuum_sector": [
        ("政府", lambda f: f.government),
        ("领域", lambda f: f.sector),
        ("条款数", lambda f: f.count),
        ("应当履行的职责数", lambda f: f.duties),
        ("法律法规", lambda f: "、".join(f.laws)),
        ("问题说明", lambda f: f.reason),
    ],
    "not_vacuum": [
        ("政府", lambda f: f.government),
        *CLAUSE_COLUMNS,
        ("问题说明", lambda f: f.reason),
        ("证据", evidence_text),
    ],
    "candidate": [
        ("得分", lambda f: f.score),
        ("建议", lambda f: f.action),
        ("政府", lambda f: f.government),
        ("实施主体", lambda f: f.department),
        ("事项编码", lambda f: f.item_code),
        ("事项名称", lambda f: f.name),
        ("权力类别", lambda f: f.category),
        ("涉及问题", lambda f: "、".join(KIND_NAMES[k] for k in f.reasons)),
        ("问题说明", lambda f: f.reason),
        ("证据", evidence_text),
        ("事项ID", lambda f: f.item_id),
    ],
}

def csv_headers(kinds: Iterable[str] | None = None) -> list[str]:
    """问题类型, then the union of the columns of ``kinds`` and their note kinds (default: every kind), each once,
    then 问题编号 and 处理决定."""
    chosen = list(COLUMNS) if kinds is None else [c for k in kinds for c in (k, *COMPANIONS.get(k, ()))]
    return ["问题类型"] + list(dict.fromkeys(h for k in chosen for h, _ in COLUMNS[k])) + ["问题编号", "处理决定"]


# Every kind's rows end with the stable finding id and the decision recorded about it.
ID_HEADER, DECISION_HEADER = "问题编号", "处理决定"


def decision_text(finding: Finding) -> str:
    """The decision about ``finding`` as one cell: status, note, who and when (outdated marked)."""
    d = finding.decision
    if not d:
        return ""
    text = f"{d.get('status_text') or d.get('status')}：{d.get('note') or ''}（{d.get('by') or ''} {d.get('at') or ''}）"
    return ("【依据已变更，需重新核查】" if d.get("outdated") else "") + text


def _row(finding: Finding, headers: list[str] | None = None, table: dict[str, list[Column]] | None = None,
         names: dict[str, str] | None = None) -> list[Any]:
    columns = (table or COLUMNS)[finding.kind]
    # findings end with their stable id and decision; other records (diff, impact rows) have neither
    tail = [finding.finding_id, decision_text(finding)] if table is None else []
    if headers is None:
        return [get(finding) for _, get in columns] + tail
    values = {h: get(finding) for h, get in columns}
    values["问题类型"] = (names or KIND_NAMES).get(finding.kind, finding.kind)
    if tail:
        values[ID_HEADER], values[DECISION_HEADER] = tail
    return [values.get(h) for h in headers]


def write_csv(findings: Iterable[Finding], out: TextIO, table: dict[str, list[Column]] | None = None,
              names: dict[str, str] | None = None, kinds: Iterable[str] | None = None) -> None:
    """CSV with Chinese headers: 问题类型 first, then the columns of ``kinds`` (default every kind's), each once.

    ``table`` and ``names`` give other records' columns and kind names by kind
    (records with ``kind``, as ``plkg diff lists`` writes); default the findings'.
    """
    headers = csv_headers(kinds) if table is None else ["问题类型"] + list(dict.fromkeys(h for cols in table.values() for h, _ in cols))
    writer = csv.writer(_Lines(out))
    writer.writerow(headers)
    for finding in findings:
        writer.writerow(["" if v is None else v for v in _row(finding, headers, table, names)])


class _Lines:
    """A file-like ``write`` onto a stream or a rich Console."""

    def __init__(self, out: Any) -> None:
        self.out = out

    def write(self, text: str) -> None:
        _raw(self.out, text)


def write_xlsx(findings: Iterable[Finding], path: Path, table: dict[str, list[Column]] | None = None,
               names: dict[str, str] | None = None,
               after: Callable[[], list[tuple[str, list[str], list[list[Any]]]]] | None = None) -> None:
    """One sheet per kind (Chinese names and headers), frozen header row, autofilter.

    ``table`` and ``names`` give other records' columns and sheet names by kind; default the findings'.
    ``after`` gives sheets (name, headers, rows) to add once the findings are written.
    """
    tail = [ID_HEADER, DECISION_HEADER] if table is None else []
    table_given = table
    table = table or COLUMNS
    names = names or KIND_NAMES
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheets: dict[str, Any] = {}
    rows: Counter = Counter()
    groups = VacuumGroups()
    for finding in findings:
        groups.add(finding)
        sheet = sheets.get(finding.kind)
        if sheet is None:
            sheet = workbook.create_sheet(names.get(finding.kind, finding.kind)[:31])
            sheet.freeze_panes = "A2"
            sheet.append([h for h, _ in table[finding.kind]] + tail)
            sheets[finding.kind] = sheet
        sheet.append(["" if v is None else v for v in _row(finding, table=table_given)])
        rows[finding.kind] += 1
    if not sheets:
        sheet = workbook.create_sheet("汇总")
        sheet.append(["问题类型", "数量"])
        sheet.append(["无", 0])
    for kind, sheet in sheets.items():
        last = get_column_letter(len(table[kind]) + len(tail))
        sheet.auto_filter.ref = f"A1:{last}{rows[kind] + 1}"
    if groups.rows:
        sheet = workbook.create_sheet("权力真空（按条文）")
        sheet.freeze_panes = "A2"
        sheet.append(list(VacuumGroups.HEADERS))
        for row in groups.rows.values():
            sheet.append(["" if v is None else v for v in row])
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(VacuumGroups.HEADERS))}{len(groups.rows) + 1}"
    for name, headers, extra in (after() if after else ()):
        sheet = workbook.create_sheet(name[:31])
        sheet.freeze_panes = "A2"
        sheet.append(headers)
        for row in extra:
            sheet.append(["" if v is None else v for v in row])
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(extra) + 1}"
    try:
        workbook.save(path)
    except OSError as exc:
        raise UserError(f"{path}: cannot write ({exc.strerror})") from None


MISSING_HEADERS = ["原问题编号", "问题类型", "政府", "部门", "原问题", "处理决定", "说明", "核查人", "决定时间",
                   "可转入的新问题编号", "候选新问题", "说明（新问题）"]


def missing_sheet(successions: Iterable[Any]) -> tuple[str, list[str], list[list[Any]]]:
    """The sheet 失效的处理决定: each decision whose finding is gone, with its likely successor
    (:class:`queries.carry.Succession`; ``plkg carry`` carries the decisions to them)."""
    rows = []
    for s in successions:
        d = s.decision
        rows.append([d.finding_id, KIND_NAMES.get(d.kind, d.kind), d.government, d.department, d.summary,
                     d.status_text, d.note, d.by, d.at, s.successor.finding_id if s.successor else "",
                     "\n".join(f"{c.finding_id} {c.label()}" for c in s.candidates), s.describe()])
    return "失效的处理决定", MISSING_HEADERS, rows


class VacuumGroups:
    """The law-and-article groups of the vacuums passing by, in the order they come (ranked)."""

    HEADERS = ("政府", "法律", "条", "真空数", "其中应当履行的职责", "严重程度", "对应部门", "权力类别")

    def __init__(self) -> None:
        self.rows: dict[tuple, tuple] = {}

    def add(self, finding: Finding) -> None:
        if finding.kind != "vacuum":
            return
        key = (finding.government, finding.law, finding.article)
        if key not in self.rows:
            self.rows[key] = (finding.government, finding.law, finding.article, finding.count, finding.duties,
                              finding.severity, finding.department or "本级政府无对应部门", finding.category)
        elif finding.category not in self.rows[key][7].split("、"):
            row = self.rows[key]
            self.rows[key] = row[:7] + (row[7] + "、" + finding.category,)

    def lines(self, limit: int = 10) -> list[str]:
        found = []
        for government, law, article, count, duties, severity, department, category in list(self.rows.values())[:limit]:
            found.append(f"  [{department}] {law} 第{article}条：{count}个（应当{duties}个）{category}"
                         + (f"；{severity}" if severity else ""))
        return found


def write_table(findings: Iterable[Finding], out: Any, counts: Counter, *, limit: int | None = None,
                kinds: Iterable[str] = KINDS) -> None:
    """A readable listing by kind (up to ``limit`` rows each), then a summary of counts and of the vacuums' groups."""
    current = None
    shown = 0
    groups = VacuumGroups()
    for finding in findings:
        groups.add(finding)
        if finding.kind != current:
            current, shown = finding.kind, 0
            _emit(out)
            _emit(out, f"== {KIND_NAMES.get(current, current)} ({current}) ==")
        shown += 1
        if limit is not None and shown > limit:
            continue
        _emit(out, "  " + table_line(finding))
    _emit(out)
    if groups.rows:
        _emit(out, f"权力真空按法律条文 (vacuums by law and article): {len(groups.rows):,} 组，前 {min(10, len(groups.rows))} 组：")
        for line in groups.lines(10):
            _emit(out, line)
        _emit(out)
    write_summary(counts, out, kinds)


def table_line(finding: Finding) -> str:
    """One line for a finding: who or where, then the reason."""
    if finding.kind == "overlap":
        who = f"[{'、'.join(finding.departments)}] {_join(c or i for c, i in zip(finding.item_codes, finding.item_ids))}"
    elif finding.kind == "vacuum":
        who = f"[{finding.department or '无对应部门'}] {finding.law} 第{finding.article}条" + (
            f"第{finding.paragraph}款" if finding.paragraph else "")
    elif finding.kind == "candidate":
        who = f"({finding.score} {finding.action}) [{finding.department}] {finding.name}"
    elif finding.kind == "missing_basis":
        who = (f"[{finding.department}] {finding.name}" + (f"（{finding.item_code}）" if finding.item_code else "")
               + f" ← {finding.law} 第{finding.article}条" + (f"第{finding.paragraph}款" if finding.paragraph else ""))
    elif finding.kind == "vacuum_sector":
        who = f"[{finding.sector}] {finding.count}个条款"
    elif finding.kind == "not_vacuum":
        who = f"{finding.law} 第{finding.article}条" + (f"第{finding.paragraph}款" if finding.paragraph else "")
    else:
        who = f"[{finding.department}] {finding.name}" + (f"（{finding.item_code}）" if finding.item_code else "")
    mark = f" 〔{decision_text(finding)}〕" if finding.decision else ""
    return f"{finding.finding_id} {who} — {finding.reason}{mark}"


def write_summary(counts: Counter, out: Any, kinds: Iterable[str] = KINDS) -> None:
    """Counts per finding kind (the ``kinds`` asked for), then the unverifiable note."""
    _emit(out, "发现汇总 (findings):")
    for kind in kinds:
        if kind not in KINDS:
            continue
        _emit(out, f"  {KIND_NAMES[kind]:<8} {kind:<14} {counts.get(kind, 0):>7,}")
    if counts.get("vacuum_sector"):
        _emit(out, f"  注：{counts['vacuum_sector']:,} 个领域无已载入清单的部门承担，其条款按领域汇总，未逐条计为权力真空 "
                   f"(vacuum_sector; --complete 或 --manifest 声明清单完整后逐条审查).")
    if counts.get("unverifiable"):
        _emit(out, f"  注：{counts['unverifiable']:,} 个事项所引法律未载入，依据无法核验，不计为无依据事项 (unverifiable).")
    if counts.get("basis_lapsed"):
        _emit(out, f"  注：{counts['basis_lapsed']:,} 个事项的依据在清单日期有效、其后已废止或被取代，按清单日期不计为依据过时，"
                   f"清单调整时应改引现行依据 (basis_lapsed).")
    if counts.get("category_debatable"):
        _emit(out, f"  注：{counts['category_debatable']:,} 个事项的类别有不同理解，清单所选有据，仅作提示 (category_debatable).")

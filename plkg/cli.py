"""The ``plkg`` command line: a thin layer, one library call per command.

Exit codes (cli.md): 0 success; 1 findings or errors where ``--fail-on``
asked to fail on them; 2 usage or input error, with a one-line message naming
the file, sheet/row or line.
"""

from __future__ import annotations

import json
import os
import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Callable, Iterator, List, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from kg.errors import UserError
from kg.report import LoadReport
from kg.backends import open_store
from kg.store import DEFAULT_STORE, Store, StoreError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="powerlist-kg: check power lists (权责清单) against the law.")
load_app = typer.Typer(no_args_is_help=True, help="Load statutes or power lists into the store.")
show_app = typer.Typer(no_args_is_help=True, help="Show a law or an article with what cites it.")
app.add_typer(load_app, name="load")
app.add_typer(show_app, name="show")
diff_app = typer.Typer(no_args_is_help=True, help="Compare two versions of a government's power list.")
app.add_typer(diff_app, name="diff")

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


class Backend(str, Enum):
    embedded = "embedded"
    neo4j = "neo4j"


class _Options:
    store: Path = Path(DEFAULT_STORE)
    backend: Backend = Backend.embedded
    neo4j_uri: str = "bolt://localhost:7687"
    neo4j_user: Optional[str] = None
    neo4j_password: Optional[str] = None
    neo4j_database: Optional[str] = None


options = _Options()


@app.callback()
def _global(
    store: Path = typer.Option(Path(DEFAULT_STORE), "--store", envvar="PLKG_STORE", help="The embedded store file."),
    backend: Backend = typer.Option(Backend.embedded, "--backend", envvar="PLKG_BACKEND", help="Where the graph lives."),
    neo4j_uri: str = typer.Option("bolt://localhost:7687", "--neo4j-uri", envvar="NEO4J_URI"),
    neo4j_user: Optional[str] = typer.Option(None, "--neo4j-user", envvar="NEO4J_USER"),
    neo4j_password: Optional[str] = typer.Option(None, "--neo4j-password", envvar="NEO4J_PASSWORD"),
    neo4j_database: Optional[str] = typer.Option(None, "--neo4j-database", envvar="NEO4J_DATABASE"),
) -> None:
    options.store, options.backend = store, backend
    options.neo4j_uri, options.neo4j_user = neo4j_uri, neo4j_user
    options.neo4j_password, options.neo4j_database = neo4j_password, neo4j_database


def fail(message: str, code: int = 2) -> None:
    err.print(f"plkg: {message}", markup=False)
    raise typer.Exit(code)


@contextmanager
def opened_store(create: bool = True) -> Iterator[Store]:
    """The store named by the global options; user errors become one line and exit 2."""
    try:
        store = open_store(
            options.store,
            backend=options.backend.value,
            create=create,
            uri=options.neo4j_uri,
            user=options.neo4j_user,
            password=options.neo4j_password,
            database=options.neo4j_database,
        )
    except (StoreError, UserError) as exc:
        fail(str(exc))
    try:
        try:
            yield store
        except StoreError as exc:  # the store itself failed: nothing more is asked of it
            fail(str(exc))
        except UserError as exc:
            err.print(f"plkg: {exc}", markup=False)
            _note_unread_divisions(store)
            raise typer.Exit(2) from None
        except typer.Exit:  # the command said why it stops (or --fail-on found something): the note still holds
            _note_unread_divisions(store)
            raise
        _note_unread_divisions(store)
    finally:
        if not (_ENDING_WITH_THE_COMMAND and store.backend == "embedded"):
            store.close()


def _note_unread_divisions(store: Store) -> None:
    """Say when the store holds law versions loaded before the readings this code makes at load were recorded
    (``kg.model.DIVISIONS_READING``: the divisions of work, ``loaders.statutes.divisions``, and the conducts the vacuum
    query compares, ``loaders.nlp.objects``): the queries read the recorded readings only, so until the laws are
    loaded again overlaps between departments such an article divides are reported, and vacuums are compared with
    items by what the older reading recorded.

    Said when the command has run, of the store as the command left it (after ``load laws`` the versions it
    loaded again count as read): a command that read the embedded graph counts the versions in it, at once; one
    that did not asks the file (:meth:`kg.store.Store.nodes_unread`).  Asked before the command, an embedded
    store's file was scanned row by row for its versions (no index by label: at whole corpus + 100,000 items
    640 MB read, 2-3 s of a ``check`` whose graph comes from the snapshot and never touches the file otherwise)."""
    path = getattr(store, "path", None)
    if isinstance(path, Path) and not path.exists():
        return  # a store never made (the command failed before writing it)
    from loaders.statutes.divisions import unread_versions

    unread = unread_versions(store)
    if unread:
        err.print(f"plkg: note: {unread} law versions in this store were loaded before the divisions of work by "
                  "object (ontology/divisions.csv) and by duty (ontology/duty_divisions.csv) and the conducts of "
                  "their clauses (ontology/conduct_grammar.csv) were recorded; until the laws are loaded again "
                  "(plkg load laws DIR), overlaps between the departments they divide are reported and vacuums "
                  "are matched to items without the conducts", markup=False)


_ENDING_WITH_THE_COMMAND = False
"""Set by :func:`main`: the process ends when the command has run (:func:`_end`), so an embedded store's graph is
not freed object by object first (millions of objects: 0.3 CPU s at 100,000 items, seconds at a million)."""


@contextmanager
def file_progress(label: str) -> Iterator[Callable[[int, int, str], None]]:
    """A progress bar fed by ``callback(done, total, name)``; quiet when not a terminal."""
    progress = Progress(
        TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.description}"), console=err, transient=True, disable=not err.is_terminal,
    )
    task = progress.add_task("", total=None)

    def callback(done: int, total: int, name: str) -> None:
        progress.update(task, completed=done, total=total, description=Path(name).name[:40])

    with progress:
        yield callback


def print_report(report: LoadReport, what: str) -> None:
    counts = ", ".join(f"{k} {v}" for k, v in sorted(report.counts.items()))
    out.print(f"{what}: loaded {len(report.loaded)} files; skipped {len(report.skipped)}; errors {len(report.errors)}"
              + (f"; added {counts}" if counts else ""), markup=False)
    for detail in report.details.get("files", []):
        out.print(f"  {detail}", markup=False)
    for problem in report.skipped:
        err.print(f"skipped {problem}", markup=False)
    for problem in report.errors:
        err.print(f"error {problem}", markup=False)
    for problem in report.warnings[:200]:
        err.print(f"warning {problem}", markup=False)
    if len(report.warnings) > 200:
        err.print(f"... and {len(report.warnings) - 200} more warnings", markup=False)


def known_scope(store: Store, government: Optional[str], department: Optional[str]) -> None:
    """Refuse a --government or --department the store does not hold, naming the nearest ones.

    A misspelt or differently written department (克拉玛依市商务局 where the list's 行使主体 reads
    商务主管部门) used to print nothing and exit 0, which reads as "no findings".
    """
    import difflib

    if government:
        names = sorted({node.id for node in store.nodes("Government")} | {node.props.get("name", "") for node in store.nodes("Government")})
        if government not in names:
            near = difflib.get_close_matches(government, names, n=3, cutoff=0.4)
            raise UserError(f"--government {government}: no such government in {options.store}"
                            + (f"; did you mean {', '.join(near)}?" if near else f" (it holds {', '.join(names[:8]) or 'none'})"))
    if department:
        accepted: set[str] = set()
        names = set()
        for node in store.nodes("Department"):
            name = node.props.get("name", node.id.split("/", 1)[-1])
            gov = node.id.split("/", 1)[0] if "/" in node.id else ""
            if government and gov != government:
                continue
            names.add(name)
            accepted |= {node.id, name}
            if gov and name.startswith(gov):
                accepted.add(name[len(gov):])
        if department not in accepted:
            near = difflib.get_close_matches(department, sorted(names), n=3, cutoff=0.5)
            raise UserError(f"--department {department}: no such department" + (f" of {government}" if government else "")
                            + (f"; did you mean {', '.join(near)}?" if near else f" ({len(names)} departments are loaded: see plkg basis --format table)"))


def _existing_paths(paths: List[Path]) -> List[Path]:
    missing = [p for p in paths if not p.exists()]
    if missing:
        fail(f"{missing[0]}: no such file or folder")
    return paths


# --- commands ------------------------------------------------------------------------


@app.command()
def demo(
    store: Path = typer.Option(Path("./powerlist-demo.kg"), "--demo-store", help="Where to build the demo store (replaced on every run; never the --store file)."),
    format: str = typer.Option("table", "--format", help="table or json"),
) -> None:
    """Build a fresh store from the bundled demo data and print every kind of finding."""
    from .demo import run_demo

    try:
        run_demo(store, out=out, format=format)
    except (StoreError, UserError) as exc:
        fail(str(exc))


@load_app.command("laws")
def load_laws(
    paths: List[Path] = typer.Argument(..., help="Statute files or folders (.md .txt .docx .html), recursive."),
    no_clauses: bool = typer.Option(False, "--no-clauses", help="Skip authorising-clause extraction."),
) -> None:
    """Load statutes; prints loaded, skipped (with reasons) and errors."""
    from loaders.statutes import load_laws as load

    _existing_paths(paths)
    with opened_store() as store, file_progress("laws") as progress:
        report = load(store, paths, extract_clauses=not no_clauses, progress=progress)
    print_report(report, "laws")
    if report.nothing_loaded:
        raise typer.Exit(2)


@load_app.command("powers")
def load_powers(
    files: List[Path] = typer.Argument(..., help="Power lists: .xlsx .xls .ods .csv/.tsv, HTML tables, the tables of a Word .docx (read by content; folders are searched)."),
    government: Optional[str] = typer.Option(None, "--government", help="The government the lists belong to."),
    level: Optional[str] = typer.Option(None, "--level", help="province, city, county or township"),
    date: Optional[str] = typer.Option(None, "--date", help="YYYY-MM-DD: when the list applies (chooses law versions)."),
    password: Optional[str] = typer.Option(None, "--password", envvar="PLKG_WORKBOOK_PASSWORD", show_default=False,
                                           help="Opens encrypted workbooks (Excel's default read-only password needs none)."),
) -> None:
    """Load power lists (权责清单); prints a summary per file."""
    from loaders.powerlists import load_powers as load

    _existing_paths(files)
    with opened_store() as store, file_progress("powers") as progress:
        report = load(store, files, government=government, level=level, date=date, password=password, progress=progress)
    print_report(report, "powers")
    if report.nothing_loaded:
        raise typer.Exit(2)


@app.command()
def extract(
    paths: List[Path] = typer.Argument(..., help="Statute files or folders."),
    format: str = typer.Option("jsonl", "--format", help="jsonl or table"),
) -> None:
    """Print the authorising clauses of statute files, without a store."""
    from loaders.nlp import write_extraction

    _existing_paths(paths)
    try:
        write_extraction(paths, format=format, out=sys.stdout, err=err)
    except UserError as exc:
        fail(str(exc))


@app.command()
def basis(
    government: Optional[str] = typer.Option(None, "--government"),
    department: Optional[str] = typer.Option(None, "--department"),
    format: str = typer.Option("jsonl", "--format", help="jsonl, table, csv or xlsx"),
    output: Optional[Path] = typer.Option(None, "--output", help="File to write (required for xlsx)."),
) -> None:
    """Every power item with its parsed and resolved citations (the newest version of each list)."""
    from queries.basis import write_bases

    with opened_store(create=False) as store:
        known_scope(store, government, department)
        write_bases(store, government=government, department=department, format=format, output=output, out=sys.stdout)


@app.command()
def check(
    kind: str = typer.Argument("all", help="orphans invalid stale overlaps vacuums unaccountable candidates categories all"),
    government: Optional[str] = typer.Option(None, "--government"),
    department: Optional[str] = typer.Option(None, "--department"),
    format: str = typer.Option("table", "--format", help="table, json, csv or xlsx"),
    output: Optional[Path] = typer.Option(None, "--output"),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="Comma-separated kinds (or all): exit 1 when any is found."),
    concentrations: Optional[Path] = typer.Option(None, "--concentrations", help="CSV of lawful concentrations (综合行政执法) that suppress overlaps."),
    decided: bool = typer.Option(False, "--decided", help="Only findings with a (current) decision recorded."),
    all_decisions: bool = typer.Option(False, "--all-decisions", help="Every finding, decided or not."),
    complete: bool = typer.Option(False, "--complete", help="The loaded lists are all of the government's departments: judge every sector clause by clause."),
    manifest: Optional[Path] = typer.Option(None, "--manifest", help="CSV of governments' departments (government,department,sectors) declaring their lists complete."),
    top: Optional[int] = typer.Option(None, "--top", min=1, help="vacuums: only the N highest-ranked law-and-article groups of each government."),
    explain: bool = typer.Option(False, "--explain", help="vacuums: also list the clauses not counted, with the rule that dropped each."),
    jobs: Optional[int] = typer.Option(None, "--jobs", min=1, help="all --format json: processes making the findings (default: every idle core when there are many governments; the output is the same)."),
) -> None:
    """Findings with evidence: orphans, invalid and stale bases, overlaps, vacuums, ...

    Undecided findings only (and those whose decision is outdated) unless --decided or --all-decisions.
    Each government's list is judged in its newest version (see diff lists for older ones).
    """
    from queries.report import run_check

    successions: list = []
    with opened_store(create=False) as store:
        known_scope(store, government, department)
        found = run_check(
            store, kind, government=government, department=department, format=format,
            output=output, out=sys.stdout, concentrations=concentrations,
            show="all" if all_decisions else "decided" if decided else "undecided", successions=successions,
            complete=complete, manifest=manifest, top=top, explain=explain, jobs=jobs,
        )
    scoped = " (this run looked under --government/--department only; plkg carry --dry-run looks everywhere)" if (
        government or department) else ""
    for s in successions:
        decision = s.decision
        err.print(f"decision {decision.finding_id} ({decision.status}, {decision.at}): its finding no longer exists"
                  f" [{decision.kind}] {decision.summary}; {s.describe()}{scoped if s.successor is None else ''}",
                  markup=False)
    if fail_on:
        from queries.findings import KINDS
        from queries.report import KIND_ARGS

        # accept the command's kind names (orphans) and the findings' (orphan, missing_basis: made with the vacuums)
        wanted = {KIND_ARGS.get(k.strip(), k.strip()) for k in fail_on.split(",") if k.strip()}
        unknown = wanted - set(KIND_ARGS.values()) - set(KINDS) - {"all", "unverifiable"}
        if unknown:
            fail(f"--fail-on {', '.join(sorted(unknown))}: use {', '.join(KIND_ARGS)} or all")
        if any(found[k] for k in (set(found) if "all" in wanted else wanted)):
            raise typer.Exit(1)


@app.command()
def decide(
    finding_id: Optional[str] = typer.Argument(None, help="The finding's id (问题编号), as check prints it."),
    status: Optional[str] = typer.Option(None, "--status", help="confirmed, dismissed or fixed"),
    note: str = typer.Option("", "--note", help="Why (说明)."),
    by: str = typer.Option("", "--by", envvar="PLKG_USER", help="Who decides (default: $PLKG_USER, else the login name)."),
    file: Optional[Path] = typer.Option(None, "--file", help="CSV of decisions: finding_id,status,note,by (or 问题编号,处理决定,说明,核查人)."),
    government: Optional[str] = typer.Option(None, "--government", help="Look the findings up in this government only (faster)."),
) -> None:
    """Record decisions about findings (all in one atomic write); check then shows only undecided ones."""
    from plkg.review import decide as record

    if (finding_id is None) == (file is None):
        fail("decide: give a finding id with --status, or --file decisions.csv")
    if finding_id is not None and status is None:
        fail("decide: --status confirmed|dismissed|fixed is required")
    if file is not None:
        _existing_paths([file])
    with opened_store(create=False) as store:
        stored = record(store, finding_id=finding_id, status=status, note=note, by=by, file=file, government=government)
    for d in stored:
        out.print(f"{d.finding_id}: {d.status} ({d.status_text}) by {d.by} at {d.at}"
                  + (f"; supersedes {len(d.history)} earlier" if d.history else ""), markup=False)


@app.command()
def carry(
    finding_ids: Optional[List[str]] = typer.Argument(None, help="Old finding ids whose decisions to carry (default: every missing decision with one successor)."),
    to: Optional[str] = typer.Option(None, "--to", help="The finding the one old id's decision goes to (your choice among several candidates)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show what would be carried; write nothing."),
    by: str = typer.Option("", "--by", envvar="PLKG_USER", help="Who carries them (default: $PLKG_USER, else the login name)."),
    format: str = typer.Option("table", "--format", help="table or json"),
    concentrations: Optional[Path] = typer.Option(None, "--concentrations", help="As given to check (综合行政执法 CSV)."),
    complete: bool = typer.Option(False, "--complete", help="As given to check: the loaded lists are complete."),
    manifest: Optional[Path] = typer.Option(None, "--manifest", help="As given to check: CSV of governments' departments."),
) -> None:
    """Carry decisions whose finding was re-issued under a new id to its one successor (all in one atomic write).

    The successor has the same kind and defect: the same item code (else name and category) under any government or department; for a vacuum or overlap the same law, article, paragraph, item, category and clause subject in the same government or its group of counties.

    Ambiguous ones are listed, not carried (choose with OLD --to NEW). The old decision is kept, marked carried_to.
    """
    from plkg.review import _user
    from queries.carry import carry as carry_over

    if format not in ("table", "json"):
        fail(f"--format {format}: use table or json")
    for path in (concentrations, manifest):
        if path is not None:
            _existing_paths([path])
    with opened_store(create=False) as store:
        plan = carry_over(store, ids=finding_ids or (), dry_run=dry_run, by=by or _user(), to=to,
                          concentrations=concentrations, complete=complete, manifest=manifest)
    if format == "json":
        out.print(json.dumps({**plan.as_json(), "dry_run": dry_run}, ensure_ascii=False, indent=1), markup=False)
    else:
        for line in plan.lines(dry_run):
            out.print(line, markup=False)


@app.command()
def review(
    file: Optional[Path] = typer.Argument(None, help="The department's own workbook (.xlsx or .xls), as loaded."),
    output: Path = typer.Option(..., "--output", help="The annotated workbook to write (.xlsx)."),
    department: Optional[str] = typer.Option(None, "--department", help="Annotate this department's items (its workbook is found beside FILE or in --source-dir)."),
    government: Optional[str] = typer.Option(None, "--government", help="Annotate this government's items."),
    source_dir: Optional[Path] = typer.Option(None, "--source-dir", help="Where to look for the loaded workbook when FILE is not given (default: .)."),
    concentrations: Optional[Path] = typer.Option(None, "--concentrations", help="CSV of lawful concentrations (综合行政执法) that suppress overlaps."),
) -> None:
    """The department's workbook back with the review: appended columns per item row and a summary sheet."""
    from plkg.review import write_review

    if file is not None:
        _existing_paths([file])
    elif department is None and government is None:
        fail("review: give the workbook FILE, or --department/--government of a loaded one")
    with opened_store(create=False) as store:
        known_scope(store, government, department)
        result = write_review(store, file, output, department=department, government=government, source_dir=source_dir,
                              concentrations=concentrations)
    out.print(result.summary(), markup=False)


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8000, "--port"),
    allow_decisions: bool = typer.Option(False, "--allow-decisions", help="Accept decisions from the decision form (otherwise read-only)."),
    concentrations: Optional[Path] = typer.Option(None, "--concentrations", help="CSV of lawful concentrations (综合行政执法) that suppress overlaps."),
) -> None:
    """A web view of the store: governments, departments, findings, items, articles (read-only by default)."""
    from plkg.web import serve as run

    with opened_store(create=False) as store:
        run(store, host=host, port=port, allow_decisions=allow_decisions, concentrations=concentrations)


@app.command()
def stats(format: str = typer.Option("table", "--format", help="table or json")) -> None:
    """Counts of laws, articles, citations, clauses, governments, items ..."""
    with opened_store(create=False) as store:
        counts = store.stats().as_dict()
    if format == "json":
        out.print(json.dumps(counts, ensure_ascii=False, indent=2), markup=False)
    elif format == "table":
        width = max(map(len, counts))
        for key, value in counts.items():
            out.print(f"{key:<{width}}  {value:>10,}", markup=False)
    else:
        fail(f"--format {format}: use table or json")


@show_app.command("law")
def show_law(name: str = typer.Argument(..., help="Full or short title (中华人民共和国 may be left out).")) -> None:
    """A law's versions, status, structure and what cites it."""
    from kg.show import show_law as show

    with opened_store(create=False) as store:
        out.print(show(store, name), markup=False)


@show_app.command("article")
def show_article(
    name: str = typer.Argument(...),
    number: str = typer.Argument(..., help="Article number: 122, 一百二十二 or 10之1"),
    version: Optional[str] = typer.Option(None, "--version", help="Version date (default: the version in force)."),
) -> None:
    """An article's text, the citations to it and the items resting on it."""
    from kg.show import show_article as show

    with opened_store(create=False) as store:
        out.print(show(store, name, number, version=version), markup=False)


@diff_app.command("lists")
def diff_lists(
    government: str = typer.Argument(..., help="The government whose list versions to compare."),
    from_date: str = typer.Option(..., "--from", help="List date of the older version (as loaded with --date)."),
    to_date: str = typer.Option(..., "--to", help="List date of the newer version."),
    reform: bool = typer.Option(False, "--reform", help="Add the reform analysis of what was removed."),
    format: str = typer.Option("table", "--format", help="table, jsonl, csv or xlsx"),
    output: Optional[Path] = typer.Option(None, "--output", help="File to write (required for xlsx)."),
) -> None:
    """Items added, removed, changed and moved between two versions of a list, with evidence.

    A government's list loaded for two dates (load powers --date) is kept as two versions; every other command looks at the newest version of each government's list.
    """
    from queries.diff import write_diff

    with opened_store(create=False) as store:
        write_diff(store, government, from_date, to_date, reform_analysis=reform, format=format, output=output, out=sys.stdout)


@app.command()
def impact(
    law: str = typer.Argument(..., help="Full or short title of a law loaded in two or more versions."),
    version: Optional[str] = typer.Option(None, "--version", help="Date of the new version (default: the newest loaded)."),
    format: str = typer.Option("table", "--format", help="table, jsonl, csv or xlsx"),
    output: Optional[Path] = typer.Option(None, "--output", help="File to write (required for xlsx)."),
) -> None:
    """What a new version of a law does to the items citing it (the newest version of each list):
    articles moved, changed, split or removed, with a proposed citation; new clauses no list covers."""
    from queries.impact import write_impact

    with opened_store(create=False) as store:
        write_impact(store, law, version, format=format, output=output, out=sys.stdout)


@app.command()
def compare(
    government_a: str = typer.Argument(..., help="A government with a loaded list."),
    government_b: str = typer.Argument(..., help="Another one (may be of another level)."),
    sector: Optional[str] = typer.Option(None, "--sector", help="One sector (as in ontology/sectors.csv)."),
    format: str = typer.Option("table", "--format", help="table, jsonl, csv or xlsx"),
    output: Optional[Path] = typer.Option(None, "--output", help="File to write (required for xlsx)."),
) -> None:
    """Two governments' lists (their newest versions) side by side for the sectors both carry:
    categories, provisions only one rests on (and whether they bind the other), items unique to each."""
    from queries.compare import write_compare

    with opened_store(create=False) as store:
        write_compare(store, government_a, government_b, sector=sector, format=format, output=output, out=sys.stdout)


@app.command("export")
def export(
    what: str = typer.Argument(..., help="rdf, graphml, cypher or json"),
    format: Optional[str] = typer.Option(None, "--format", help="rdf: turtle, json-ld or nt"),
    output: Optional[Path] = typer.Option(None, "--output"),
) -> None:
    """Export the graph."""
    from kg.export import export_graph

    with opened_store(create=False) as store:
        export_graph(store, what, format=format, output=output, out=sys.stdout)


@app.command("import")
def import_(what: str = typer.Argument(..., help="rdf"), file: Path = typer.Argument(...)) -> None:
    """Import a graph exported with ``plkg export``."""
    from kg.export import import_graph

    _existing_paths([file])
    with opened_store() as store:
        summary = import_graph(store, what, file)
    out.print(summary, markup=False)


@app.command()
def validate(shapes: Optional[Path] = typer.Option(None, "--shapes", help="SHACL shapes (default: the bundled ones).")) -> None:
    """Validate the graph against the SHACL shapes; exit 1 when it does not conform."""
    from kg.validate import validate_store

    with opened_store(create=False) as store:
        conforms, report = validate_store(store, shapes=shapes)
    out.print(report, markup=False)
    if not conforms:
        raise typer.Exit(1)


GLOBAL_OPTIONS = ("--store", "--backend", "--neo4j-uri", "--neo4j-user", "--neo4j-password", "--neo4j-database")


def hoist_global_options(argv: List[str]) -> List[str]:
    """Move global options written after the command in front of it.

    cli.md lists them as global, and users write ``plkg stats --store x.kg``.

    >>> hoist_global_options(["stats", "--store", "x.kg", "--format", "json"])
    ['--store', 'x.kg', 'stats', '--format', 'json']
    >>> hoist_global_options(["load", "laws", "--backend=neo4j", "a.md"])
    ['--backend=neo4j', 'load', 'laws', 'a.md']
    """
    front: List[str] = []
    rest: List[str] = []
    args = iter(argv)
    for arg in args:
        if arg == "--":
            rest.append(arg)
            rest.extend(args)
            break
        name = arg.split("=", 1)[0]
        if name in GLOBAL_OPTIONS:
            front.append(arg)
            if "=" not in arg:
                value = next(args, None)
                if value is not None:
                    front.append(value)
        else:
            rest.append(arg)
    return front + rest


def main() -> None:
    global _ENDING_WITH_THE_COMMAND
    _ENDING_WITH_THE_COMMAND = True
    try:
        app(args=hoist_global_options(sys.argv[1:]), prog_name="plkg")
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    except KeyboardInterrupt:
        err.print("plkg: interrupted; the store is unchanged", markup=False)
        code = 130
    _end(code)


def _end(code: object) -> None:
    """End the process with ``code`` as ``sys.exit(code)`` ends it, without the interpreter's teardown.

    What the command wrote is flushed; files it wrote are closed by then (every command writes within a
    ``with`` or closes in a ``finally``), and a commit is renamed into place before its command returns.  What is
    left is freeing the objects one by one, the graph of an embedded store among them (see
    :data:`_ENDING_WITH_THE_COMMAND`): the system takes the memory back at once.
    """
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (plkg check | head) or stream
            if stream is sys.stdout:
                code = code or 120  # as the interpreter does when it cannot flush stdout at exit
    os._exit(code)

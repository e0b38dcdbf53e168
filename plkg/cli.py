"""The ``plkg`` command line: a thin layer, one library call per command.

Exit codes (cli.md): 0 success; 1 findings or errors where ``--fail-on``
asked to fail on them; 2 usage or input error, with a one-line message naming
the file, sheet/row or line.
"""

from __future__ import annotations

import json
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
        yield store
    except (StoreError, UserError) as exc:
        fail(str(exc))
    finally:
        store.close()


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
    files: List[Path] = typer.Argument(..., help="Power lists: .xlsx .xls .csv (folders are searched)."),
    government: Optional[str] = typer.Option(None, "--government", help="The government the lists belong to."),
    level: Optional[str] = typer.Option(None, "--level", help="province, city, county or township"),
    date: Optional[str] = typer.Option(None, "--date", help="YYYY-MM-DD: when the list applies (chooses law versions)."),
) -> None:
    """Load power lists (权责清单); prints a summary per file."""
    from loaders.powerlists import load_powers as load

    _existing_paths(files)
    with opened_store() as store, file_progress("powers") as progress:
        report = load(store, files, government=government, level=level, date=date, progress=progress)
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
    """Every power item with its parsed and resolved citations."""
    from queries.basis import write_bases

    with opened_store(create=False) as store:
        write_bases(store, government=government, department=department, format=format, output=output, out=sys.stdout)


@app.command()
def check(
    kind: str = typer.Argument("all", help="orphans invalid stale overlaps vacuums unaccountable candidates all"),
    government: Optional[str] = typer.Option(None, "--government"),
    department: Optional[str] = typer.Option(None, "--department"),
    format: str = typer.Option("table", "--format", help="table, json, csv or xlsx"),
    output: Optional[Path] = typer.Option(None, "--output"),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="Comma-separated kinds (or all): exit 1 when any is found."),
    concentrations: Optional[Path] = typer.Option(None, "--concentrations", help="CSV of lawful concentrations (综合行政执法) that suppress overlaps."),
    complete: bool = typer.Option(False, "--complete", help="The loaded lists are all of the government's departments: judge every sector clause by clause."),
    manifest: Optional[Path] = typer.Option(None, "--manifest", help="CSV of governments' departments (government,department,sectors) declaring their lists complete."),
    top: Optional[int] = typer.Option(None, "--top", min=1, help="vacuums: only the N highest-ranked law-and-article groups of each government."),
    explain: bool = typer.Option(False, "--explain", help="vacuums: also list the clauses not counted, with the rule that dropped each."),
) -> None:
    """Findings with evidence: orphans, invalid and stale bases, overlaps, vacuums, ..."""
    from queries.report import run_check

    with opened_store(create=False) as store:
        found = run_check(
            store, kind, government=government, department=department, format=format,
            output=output, out=sys.stdout, concentrations=concentrations,
            complete=complete, manifest=manifest, top=top, explain=explain,
        )
    if fail_on:
        from queries.report import KIND_ARGS

        # accept the command's kind names (orphans) and the findings' (orphan)
        wanted = {KIND_ARGS.get(k.strip(), k.strip()) for k in fail_on.split(",") if k.strip()}
        unknown = wanted - set(KIND_ARGS.values()) - {"all", "unverifiable"}
        if unknown:
            fail(f"--fail-on {', '.join(sorted(unknown))}: use {', '.join(KIND_ARGS)} or all")
        if any(found[k] for k in (set(found) if "all" in wanted else wanted)):
            raise typer.Exit(1)


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
    try:
        app(args=hoist_global_options(sys.argv[1:]), prog_name="plkg")
    except KeyboardInterrupt:
        err.print("plkg: interrupted; the store is unchanged", markup=False)
        sys.exit(130)

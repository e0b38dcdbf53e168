"""``check all --format json`` made by several processes, written as one process writes it.

On a store with many governments the item pass and the vacuums are most of ``check all``'s work
(:func:`queries.scan.scan`, :func:`queries.vacuum.vacuums_of`, government by government: ~1,300 vacuums a
government on a whole corpus), and no government's findings depend on another's.  After the graph read the
process makes the first government's findings itself (the caches every government shares), then forks
``jobs`` workers: they share the graph and those caches as the fork left them, make the item findings and
overlaps of runs of consecutive governments and send them back as findings, then the vacuums of runs of
governments, sent back as JSON text (:class:`LineBlock`).  The parent writes the item findings and overlaps
in government order (then by item id, as one process orders them), the vacuum blocks in government order,
then the notes by kind, exactly as :func:`queries.report._all` orders the findings of one process
(:func:`check_all_lines`).  The text is the same: each line is
:meth:`queries.findings.Finding.to_json_text` of the same finding.

Only the JSON format of a store without recorded decisions is made this way
(:func:`vacuum_jobs`): a decision is matched against the whole finding
(:func:`queries.decisions.annotate`), and the other formats read its fields.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Iterator, Mapping

from kg.errors import UserError

from .lines import LineBlock
from .report import memory_available, proc_bytes
from .vacuum import vacuums_of

MIN_GOVERNMENTS = 32
"""Below this many governments (with lists) the vacuums are made in one process: forking costs more than it saves."""
MIN_CLAUSES = 5_000
"""Nor with fewer clauses than this in the store: the vacuums of a few laws (the scale benchmark's reduced store:
1,371 clauses, ~500 vacuums for 284 governments) are made faster than the workers start."""


IDLE_MARGIN = 0.5
"""The default forks when the 1-minute load average is at most the cores less this (2 cores: load 1.5)."""
MAX_DEFAULT_JOBS = 8
"""The default never forks more workers than this: beyond a few the vacuums are a small part of the command (the
graph read and the item pass stay in one process), while each worker may copy pages of the graph."""


def available_cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def vacuum_jobs(jobs: int | None, *, kind: str, format: str, decided: bool, governments: int,
                clauses: int = MIN_CLAUSES, memory: tuple[int | None, int | None] | None = None,
                load: float | None = None) -> int:
    """How many processes make ``check``'s vacuums: 1 unless ``check all --format json`` on a store without
    decisions; then ``jobs`` when given, else (the default) every core, at most :data:`MAX_DEFAULT_JOBS` and as many as the memory holds, when there are at least
    :data:`MIN_GOVERNMENTS` governments with lists and :data:`MIN_CLAUSES` clauses, fork is there, and the
    memory available is at least this process's resident memory (``memory``: (available, resident) bytes,
    default the system's; the workers copy the pages of the graph and rows they touch: at 1M items the
    processes took 7.3 GB together against 5.8 for the largest, BENCHMARKS.md i16-fast round 4), and the
    other cores are idle (``load``: the 1-minute load average, default the system's, at most the cores less
    :data:`IDLE_MARGIN`).

    >>> vacuum_jobs(4, kind="all", format="json", decided=False, governments=2)
    4
    >>> vacuum_jobs(4, kind="all", format="csv", decided=False, governments=300)
    1
    >>> vacuum_jobs(None, kind="all", format="json", decided=False, governments=3)
    1
    """
    if kind != "all" or format != "json" or decided or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if jobs is not None:
        return max(jobs, 1)
    if governments < MIN_GOVERNMENTS or clauses < MIN_CLAUSES:
        return 1
    available, resident = memory if memory is not None else (memory_available(), resident_memory())
    if available is not None and resident is not None and available < resident:
        return 1
    cores = available_cores()
    busy = os.getloadavg()[0] if load is None else load
    # the other cores must be idle (the load counts this check too): 2 cores at load ~1.2, 2 jobs took 20.2-21.2 s
    # wall against 25.2-26.3 in one process; at load ~2 (another job on the other core) 32.8 against 27.5
    if busy > cores - IDLE_MARGIN:
        return 1
    jobs = min(cores, MAX_DEFAULT_JOBS)
    if available is not None and resident:
        # each worker may come to copy up to the parent's resident pages (1M items: 2 jobs 7.3 GB against 4.9 in one)
        jobs = min(jobs, 1 + available // resident)
    return max(jobs, 1)


def resident_memory() -> int | None:
    """This process's resident memory in bytes (Linux ``VmRSS``), or None when not known."""
    return proc_bytes("/proc/self/status", "VmRSS:")


_FORKED: dict[str, Any] = {}
"""What the workers inherit from the parent at the fork (the store, the governments, the options)."""


def spans(count: int, jobs: int, *, per_job: int = 16, most: int = 8) -> list[tuple[int, int]]:
    """``range(count)`` cut into consecutive (start, stop) runs for ``jobs`` workers: about ``per_job`` runs a
    worker, so that one that gets the dearer governments does not hold the others up at the end, and at most
    ``most`` governments a run (a run's vacuum lines travel to the parent at once: a few MB).

    >>> spans(10, 2, per_job=2)
    [(0, 3), (3, 6), (6, 9), (9, 10)]
    >>> spans(0, 2)
    []
    """
    size = max(1, min(most, -(-count // max(jobs * per_job, 1))))
    return [(start, min(start + size, count)) for start in range(0, count, size)]


def _scan_part(span: tuple[int, int]):
    """In a worker: :func:`queries.scan.scan_governments` over the governments ``span`` (item findings,
    overlaps and the items' identities), as a :class:`queries.scan.Scan` without item rows, and the items read."""
    from .scan import Scan, scan_governments

    work = _FORKED
    result = Scan(items={kind: [] for kind, _ in work["classifiers"]})
    total = scan_governments(work["store"], work["everyone"][span[0]:span[1]], result, vacuums=False,
                             classifiers=work["classifiers"], divisions=work["divisions"],
                             governments=work["governments"], **work["scan_options"])
    return result, total


def _vacuum_part(span: tuple[int, int]) -> tuple[LineBlock, dict[str, LineBlock]]:
    """In a worker: the vacuums of the governments (with lists) ``span``, in vacuums_of's order, as one block of
    JSON lines, and their notes (vacuum_sector, not_vacuum) as a block by kind."""
    work = _FORKED
    lines: list[str] = []
    notes: dict[str, list[str]] = {}
    for government in work["with_lists"][span[0]:span[1]]:
        for finding in vacuums_of(work["store"], government, governments=work["governments"], lines=True,
                                  **work["vacuum_options"]):
            if finding.__class__ is str:  # a vacuum's line
                lines.append(finding)
            else:
                notes.setdefault(finding.kind, []).append(finding.to_json_text())
    return _block("vacuum", lines), {kind: _block(kind, texts) for kind, texts in notes.items()}


def _block(kind: str, lines: list[str]) -> LineBlock:
    return LineBlock(",\n".join(lines).encode("utf-8"), {kind: len(lines)} if lines else {})


def check_all_lines(store, jobs: int, *, concentrations: Any = (), department: str | None = None,
                    complete: bool = False, manifest: Mapping[str, list] | None = None) -> Iterator[Any]:
    """``check all``'s findings in :func:`queries.report.iter_findings`'s order, made by ``jobs`` forked
    processes: the item findings and overlaps (:func:`queries.scan.scan`) as findings, the vacuums and their
    notes as :class:`LineBlock` s of JSON lines.

    The first government's pass and vacuums are made here before the fork: what every government shares
    (the clauses in force, their relevance, readings and texts, the laws' divisions, kept per store state) is
    built once and inherited, not once per worker.  Then the workers make the item pass of the other
    governments, run by run, and go straight on to the vacuums (reading each government's items again: the
    rows stay in the worker that read them); the parent puts the item findings together in government order
    (then by item id, as :func:`queries.scan.scan` orders them), writes them, then the vacuum blocks as they
    come, in government order.
    """
    from .candidate import rank_candidates
    from .overlap import LawDivisions
    from .report import COMPANIONS
    from .scan import ITEM_CLASSIFIERS, Scan, scan_governments, scan_rest

    governments = {g["id"]: g for g in store.governments()}
    everyone = list(governments.values())
    with_lists = [g for g in everyone if not g.get("only_named")]
    classifiers = list(ITEM_CLASSIFIERS.items())
    scan_options = dict(department=department, concentrations=concentrations, complete=complete, manifest=manifest)
    vacuum_options = dict(department=department, complete=complete, manifest=manifest)
    _FORKED.update(store=store, governments=governments, everyone=everyone, with_lists=with_lists,
                   classifiers=classifiers, divisions=LawDivisions(store), scan_options=scan_options,
                   vacuum_options=vacuum_options)
    notes: dict[str, list[LineBlock]] = {}

    def noted(part: tuple[LineBlock, dict[str, LineBlock]]) -> LineBlock:
        block, by_kind = part
        for kind, lines in by_kind.items():
            notes.setdefault(kind, []).append(lines)
        return block

    try:
        found, total = _scan_part((0, min(1, len(everyone))))
        first = _vacuum_part((0, min(1, len(with_lists))))
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            # every run submitted at once, the vacuums queued behind the item pass: a worker goes from the one
            # to the other without waiting for the rest; results come back in the order submitted
            scanned = pool.map(_scan_part, [(a + 1, b + 1) for a, b in spans(len(everyone) - 1, jobs, most=32)])
            made = pool.map(_vacuum_part, [(a + 1, b + 1) for a, b in spans(len(with_lists) - 1, jobs)])
            for part, read in scanned:
                for kind, findings in part.items.items():
                    found.items[kind].extend(findings)
                found.overlaps.extend(part.overlaps)
                found.identities.update(part.identities)
                total += read
            scan_rest(store, None, department, governments, total, classifiers, found)
            items = found.items
            yield from items["orphan"]
            yield from items["invalid_basis"]
            yield from items["stale_basis"]
            yield from found.overlaps
            yield noted(first)
            for part in made:
                yield noted(part)
    except BrokenProcessPool:  # a worker was killed (out of memory): say so, not a traceback
        raise UserError("a process making the findings stopped (out of memory?): run check with --jobs 1") from None
    finally:
        _FORKED.clear()
    for kind in COMPANIONS["vacuum"]:
        yield from notes.get(kind, ())
    yield from items["unaccountable"]
    item_findings = (items["orphan"] + items["invalid_basis"] + items["stale_basis"] + items["unaccountable"]
                     + items["category_mismatch"])
    yield from rank_candidates(item_findings, found.overlaps, found.identities)
    yield from items["unverifiable"]
    yield from items["basis_lapsed"]
    yield from items["category_mismatch"]
    yield from items["category_debatable"]

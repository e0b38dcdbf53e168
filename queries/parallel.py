"""``check all``'s vacuums made by several processes, written as one process writes them.

On a store with many governments the vacuums are most of ``check all``'s work
(:func:`queries.vacuum.vacuums_of`, government by government, ~1,200 a
government on a whole corpus), and no government's vacuums depend on
another's.  After the graph read and the item pass, the process forks
``jobs`` workers (they share the graph, the item rows and the clause caches
as the fork left them); each makes the vacuums of the governments it is
given and sends back each finding's kind, id and JSON line
(:class:`FindingLine`), and the lines are written in government order, then
the notes by kind, exactly as :func:`queries.report._kinds_together` orders
the findings of one process.  The text is the same: each line is
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


class FindingLine:
    """A finding as a worker made it: its kind, id and JSON line (what ``check all --format json`` needs of it)."""

    __slots__ = ("kind", "finding_id", "text")
    decision = None  # only made when the store has no decisions (vacuum_jobs)

    def __init__(self, kind: str, finding_id: str, text: str) -> None:
        self.kind, self.finding_id, self.text = kind, finding_id, text

    def to_json_text(self) -> str:
        return self.text


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
"""What the workers inherit from the parent at the fork (the store, the governments, the item rows, the options)."""


def _lines_of(government: str) -> list[tuple[str, str, str]]:
    """In a worker: the vacuums and notes of one government, as (kind, id, JSON line), in vacuums_of's order."""
    work = _FORKED
    bases = work["bases"]
    findings = vacuums_of(work["store"], work["governments"][government], governments=work["governments"],
                          bases=None if bases is None else bases.get(government), **work["options"])
    return [(f.kind, f.finding_id, f.to_json_text()) for f in findings]


def vacuum_lines(store, jobs: int, *, department: str | None = None,
                 bases: Mapping[str, list] | None = None, **options: Any) -> Iterator[FindingLine]:
    """The vacuums of every government (with a list), then their notes (vacuum_sector, not_vacuum), as
    :func:`queries.report._kinds_together` of :func:`queries.vacuum.find_vacuums` gives them, made by ``jobs``
    forked processes (``options``: ``complete``, ``manifest``, ``law``)."""
    from .report import COMPANIONS

    governments = {g["id"]: g for g in store.governments()}
    chosen = [g for g, gov in governments.items() if not gov.get("only_named")]
    _FORKED.update(store=store, governments=governments, bases=bases,
                   options=dict(department=department, **options))
    rest: dict[str, list[FindingLine]] = {}

    def sorted_out(lines: list[tuple[str, str, str]]) -> Iterator[FindingLine]:
        for kind, finding_id, text in lines:
            line = FindingLine(kind, finding_id, text)
            if kind == "vacuum":
                yield line
            else:
                rest.setdefault(kind, []).append(line)

    try:
        # The first government here, before the fork: what every government's vacuums share (the clauses in
        # force, their relevance, readings and texts, kept per store state) is built once and inherited,
        # not once per worker.
        if chosen:
            yield from sorted_out(_lines_of(chosen[0]))
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            # ordered: each government's lines come back in government order, whichever worker made them
            for lines in pool.map(_lines_of, chosen[1:]):
                yield from sorted_out(lines)
    except BrokenProcessPool:  # a worker was killed (out of memory): say so, not a traceback
        raise UserError("a process making the vacuums stopped (out of memory?): run check with --jobs 1") from None
    finally:
        _FORKED.clear()
    for kind in COMPANIONS["vacuum"]:
        yield from rest.get(kind, ())

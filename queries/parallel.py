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
import shutil
import time
from collections import Counter
from typing import Any, Iterator, Mapping

from kg.errors import UserError

from .lines import LineBlock, write_lines_file
from .report import memory_available, proc_bytes
from .vacuum import vacuums_of

WORKER_STOPPED = "a process making the findings stopped (out of memory?): run check with --jobs 1"
"""What a worker that died without a word (killed, out of memory) is reported as."""

MIN_GOVERNMENTS = 32
"""Below this many governments (with lists) the vacuums are made in one process: forking costs more than it saves."""
MIN_CLAUSES = 5_000
"""Nor with fewer clauses than this in the store: the vacuums of a few laws (the scale benchmark's reduced store:
1,371 clauses, ~500 vacuums for 284 governments) are made faster than the workers start."""


IDLE_MARGIN = 0.5
"""The default forks when the load is at most the cores less this (2 cores: load 1.5)."""
BUSY_SAMPLE_SECONDS = 0.1
"""How long :func:`busy_cores` watches the CPU counters: the 1-minute load average lags, and stays above 1.5 on
2 cores for a minute after a previous ``check all`` of the same user's, which made the next one run in one process
(28.9 s against 17.5-18.6 with 2 jobs, BENCHMARKS.md, session of 2026-12-07)."""
MAX_DEFAULT_JOBS = 8
"""The default never forks more workers than this: beyond a few the vacuums are a small part of the command (the
graph read and the item pass stay in one process), while each worker may copy pages of the graph."""


def available_cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def busy_cores(seconds: float = BUSY_SAMPLE_SECONDS, stat: str = "/proc/stat") -> float | None:
    """The cores busy now (this process included), from the ``cpu`` line of ``/proc/stat`` read twice
    ``seconds`` apart, or None where there is no such file (not Linux)."""
    def sample() -> tuple[int, int] | None:
        try:
            with open(stat, encoding="ascii") as handle:
                fields = handle.readline().split()
        except OSError:
            return None
        if not fields or fields[0] != "cpu" or len(fields) < 5:
            return None
        ticks = [int(f) for f in fields[1:]]
        return sum(ticks), ticks[3] + (ticks[4] if len(ticks) > 4 else 0)  # idle + iowait

    first = sample()
    if first is None:
        return None
    time.sleep(seconds)
    second = sample()
    if second is None or second[0] <= first[0]:
        return None
    total, idle = second[0] - first[0], second[1] - first[1]
    return available_cores() * (1 - idle / total)


def vacuum_jobs(jobs: int | None, *, kind: str, format: str, decided: bool, governments: int,
                clauses: int = MIN_CLAUSES, memory: tuple[int | None, int | None] | None = None,
                load: float | None = None) -> int:
    """How many processes make ``check``'s vacuums: 1 unless ``check all --format json`` on a store without
    decisions; then ``jobs`` when given, else (the default) every core, at most :data:`MAX_DEFAULT_JOBS` and as many as the memory holds, when there are at least
    :data:`MIN_GOVERNMENTS` governments with lists and :data:`MIN_CLAUSES` clauses, fork is there, and the
    memory available is at least this process's resident memory (``memory``: (available, resident) bytes,
    default the system's; the workers copy the pages of the graph and rows they touch: at 1M items the
    processes took 7.3 GB together against 5.8 for the largest, BENCHMARKS.md i16-fast round 4), and the
    other cores are idle (``load``: default the lower of the 1-minute load average and :func:`busy_cores`, at most
    the cores less :data:`IDLE_MARGIN`: the average lags behind a job that has ended).

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
    if load is None:
        now = busy_cores()
        load = os.getloadavg()[0] if now is None else min(os.getloadavg()[0], now)
    # the other cores must be idle (the load counts this check too): 2 cores at load ~1.2, 2 jobs took 20.2-21.2 s
    # wall against 25.2-26.3 in one process; at load ~2 (another job on the other core) 32.8 against 27.5
    if load > cores - IDLE_MARGIN:
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
    """``range(count)`` cut into consecutive (start, stop) runs for ``jobs`` workers, each about a
    ``jobs * per_job``-th of what is left and at most ``most`` governments (a run's vacuum lines travel to the
    parent at once: a few MB): the runs shrink to one government towards the end, so that the workers end
    together, whichever got the dearer governments.

    >>> spans(10, 2, per_job=2)
    [(0, 3), (3, 5), (5, 7), (7, 8), (8, 9), (9, 10)]
    >>> spans(0, 2)
    []
    """
    runs: list[tuple[int, int]] = []
    start = 0
    while start < count:
        size = max(1, min(most, -(-(count - start) // max(jobs * per_job, 1))))
        runs.append((start, min(start + size, count)))
        start += size
    return runs


def _scan_part(span: tuple[int, int], keep: dict | None = None):
    """:func:`queries.scan.scan_governments` over the governments ``span`` (item findings, overlaps and the
    items' identities), as a :class:`queries.scan.Scan`, and the items read; each government's item rows go
    into ``keep`` (by government id) when given, for its vacuums."""
    from .scan import Scan, scan_governments

    work = _FORKED
    result = Scan(items={kind: [] for kind, _ in work["classifiers"]}, bases=keep)
    total = scan_governments(work["store"], work["everyone"][span[0]:span[1]], result, vacuums=False,
                             classifiers=work["classifiers"], divisions=work["divisions"],
                             governments=work["governments"], **work["scan_options"])
    result.bases = None
    return result, total


def _vacuum_part(span: tuple[int, int], kept: dict | None = None) -> tuple[Any, dict[str, LineBlock]]:
    """The vacuums of the governments with lists among ``span``, in vacuums_of's order, as one block of JSON
    lines, and their notes (vacuum_sector, not_vacuum) as a block by kind; from the item rows ``kept`` (by
    government id, taken out) where there, else read here."""
    work = _FORKED
    lines: list[str] = []
    notes: dict[str, list[str]] = {}
    for government in work["everyone"][span[0]:span[1]]:
        bases = (kept or {}).pop(government["id"], None)
        if government.get("only_named"):  # known only from another's list: it leaves nothing unlisted
            continue
        for finding in vacuums_of(work["store"], government, governments=work["governments"], lines=True,
                                  bases=bases, **work["vacuum_options"]):
            if finding.__class__ is str:  # a vacuum's line
                lines.append(finding)
            else:
                notes.setdefault(finding.kind, []).append(finding.to_json_text())
    block = _block("vacuum", lines)
    spool = work.get("spool")
    if spool is not None and block.data:  # into a file of its own: the lines need not pass through the parent
        block = write_lines_file(os.path.join(spool, f"{span[0]}.lines"), block.data, block.counts)
    return block, {kind: _block(kind, texts) for kind, texts in notes.items()}


def _block(kind: str, lines: list[str]) -> LineBlock:
    return LineBlock(",\n".join(lines).encode("utf-8"), {kind: len(lines)} if lines else {})


def _serve(conn) -> None:
    """A worker: runs the tasks the parent sends ((what, run, span)) until told to stop, sending back each
    result as (what, run, result), or ("error", run, the exception); the item rows of the runs it passed over
    are kept for their vacuums until asked for or dropped."""
    kept: dict[int, dict] = {}
    try:
        while True:
            task = conn.recv()
            if task is None:
                break
            what, run, span = task
            try:
                if what == "scan":
                    rows = kept[run] = {}
                    result: Any = _scan_part(span, rows)
                elif what == "vacuums":
                    result = _vacuum_part(span, kept.pop(run, None))
                else:  # "drop": another worker makes this run's vacuums
                    kept.pop(run, None)
                    continue
            except BaseException as exc:  # noqa: BLE001 - sent to the parent, which raises it
                conn.send(("error", run, _portable(exc)))
                break
            conn.send((what, run, result))
    except (EOFError, OSError, KeyboardInterrupt):  # the parent went away or was interrupted
        pass
    finally:
        conn.close()


def _portable(exc: BaseException) -> BaseException:
    """``exc`` if it can be sent to the parent, else a RuntimeError with its text and traceback."""
    import pickle
    import traceback

    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001
        return RuntimeError("".join(traceback.format_exception(exc)))


class _Pool:
    """``jobs`` forked workers (:func:`_serve`), each with its own pipe: the parent hands each run of
    governments to one of them, so that the worker that read a run's item rows for the item pass makes its
    vacuums from them (the rows stay where they were read), while no worker waits for work.

    The item pass of every run is handed out first, a run at a time to whichever worker is free; then each
    worker makes the vacuums of the runs it read, lowest first, but of none more than :attr:`window` runs
    ahead of the lowest run not yet written: beyond that (its own runs are far ahead of the other workers')
    it takes over the lowest run not yet handed out, reading its rows again, and its reader drops them.
    The parent so holds at most ``window`` runs' vacuum lines waiting for an earlier run.

    A worker is told to end as soon as it has sent its last result and every run is handed out (nothing is left
    for it), not when the last block is written: a worker's exit unmaps the pages it copied and its share of the
    graph's (~0.3 s at whole corpus + 100k), which then overlaps the parent's writing of the last blocks, the
    notes and the item findings after them instead of following it.
    """

    AHEAD = 2
    """Tasks a worker is given before it finishes the one it runs: it starts the next while the parent writes."""

    def __init__(self, jobs: int, runs: list[tuple[int, int]], window: int) -> None:
        from multiprocessing.connection import Pipe

        self.runs, self.window = runs, window
        self.conns: list[Any] = []
        self.pids: list[int] = []
        context = multiprocessing.get_context("fork")
        for _ in range(jobs):
            parent, child = Pipe()
            process = context.Process(target=_child, args=(child, parent), daemon=True)
            process.start()
            child.close()
            self.conns.append(parent)
            self.pids.append(process)
        self.to_scan = list(range(len(runs)))[::-1]  # popped from the end: lowest first
        self.owner: dict[int, int] = {}
        self.unmade: list[set[int]] = [set() for _ in range(jobs)]  # each worker's read runs not yet handed out
        self.handed: set[int] = set()  # runs whose vacuums were handed out
        self.busy = [0] * jobs
        self.stopped: set[int] = set()  # workers told to end
        self.frontier = 0  # the lowest run whose vacuums are not written yet
        self.scanned: dict[int, Any] = {}
        self.made: dict[int, Any] = {}

    def _give(self, worker: int) -> None:
        while self.busy[worker] < self.AHEAD:
            if self.to_scan:
                run = self.to_scan.pop()
                self.owner[run] = worker
                self.unmade[worker].add(run)
                self._send(worker, ("scan", run, self.runs[run]))
                continue
            if len(self.owner) < len(self.runs):
                return  # the item pass of other runs is still under way
            own = min(self.unmade[worker], default=None)
            rest = [run for run in range(self.frontier, len(self.runs)) if run not in self.handed]
            if not rest:
                if not self.busy[worker]:
                    self._end(worker)  # every run is handed out and this worker's results are in
                return
            if own is None or own > self.frontier + self.window:
                run = rest[0]  # taken over (or none of its own left): its reader drops the rows
                if self.owner[run] != worker:
                    self.unmade[self.owner[run]].discard(run)
                    self._tell(self.owner[run], ("drop", run, None))
                else:
                    self.unmade[worker].discard(run)
            else:
                run = own
                self.unmade[worker].discard(run)
            self.handed.add(run)
            self._send(worker, ("vacuums", run, self.runs[run]))

    def _send(self, worker: int, task: tuple) -> None:
        self.busy[worker] += 1
        self._tell(worker, task)

    def _tell(self, worker: int, task: tuple) -> None:
        """Send a task; a worker that already ended (its error sent, then gone) raises that error, not a broken
        pipe the command would report as its output's (a race: the parent hands out work while the error comes)."""
        conn = self.conns[worker]
        try:
            conn.send(task)
        except OSError:
            while conn.poll():
                try:
                    what, _, result = conn.recv()
                except (EOFError, OSError):
                    break
                if what == "error":
                    raise result from None
            raise UserError(WORKER_STOPPED) from None

    def _receive(self) -> None:
        from multiprocessing.connection import wait

        waiting = [c for c, busy in zip(self.conns, self.busy) if busy]
        if not waiting:  # every run handed out is made: nothing can come (a bug, not a state to wait in)
            raise RuntimeError("check: no process is making the findings still missing")
        for conn in wait(waiting):
            worker = self.conns.index(conn)
            try:
                what, run, result = conn.recv()
            except (EOFError, OSError):
                raise UserError(WORKER_STOPPED) from None
            if what == "error":
                raise result
            self.busy[worker] -= 1
            (self.scanned if what == "scan" else self.made)[run] = result
            self._give(worker)

    def item_passes(self) -> Iterator[Any]:
        """Every run's item pass, in run order (when all are made)."""
        for worker in range(len(self.conns)):
            self._give(worker)
        while len(self.scanned) < len(self.runs):
            self._receive()
        for run in range(len(self.runs)):
            yield self.scanned.pop(run)

    def vacuums(self) -> Iterator[Any]:
        """Every run's vacuums, in run order, as they are made."""
        for worker in range(len(self.conns)):
            self._give(worker)
        while self.frontier < len(self.runs):
            while self.frontier not in self.made:
                self._receive()
            result = self.made.pop(self.frontier)
            self.frontier += 1
            for worker in range(len(self.conns)):  # a worker held back by the window may go on
                self._give(worker)
            yield result

    def _end(self, worker: int) -> None:
        """Tell a worker to end (it ends once its tasks are done), once."""
        if worker in self.stopped:
            return
        self.stopped.add(worker)
        try:
            self.conns[worker].send(None)
        except (OSError, ValueError):
            pass

    def stop(self) -> None:
        """Tell every worker to end (it ends once its tasks are done); :meth:`close` waits for them."""
        for worker in range(len(self.conns)):
            self._end(worker)

    def close(self) -> None:
        self.stop()
        for process in self.pids:
            process.join(5)
            if process.is_alive():
                process.kill()
                process.join()
        for conn in self.conns:
            conn.close()


def _child(conn, parent_end) -> None:
    parent_end.close()  # the parent's end of this worker's pipe, inherited at the fork
    _serve(conn)


def check_all_lines(store, jobs: int, *, concentrations: Any = (), department: str | None = None,
                    complete: bool = False, manifest: Mapping[str, list] | None = None,
                    spool: str | os.PathLike | None = None) -> Iterator[Any]:
    """``check all``'s findings in :func:`queries.report.iter_findings`'s order, made by ``jobs`` forked
    processes: the item findings and overlaps (:func:`queries.scan.scan`) as findings, the vacuums and their
    notes as :class:`LineBlock` s of JSON lines.

    The first government's pass and vacuums are made here before the fork: what every government shares
    (the clauses in force, their relevance, readings and texts, the laws' divisions, kept per store state) is
    built once and inherited, not once per worker.  Then the workers make the item pass of the other
    governments, run by run, and the vacuums of the runs they read from the rows they read (:class:`_Pool`);
    the parent puts the item findings together in government order (then by item id, as
    :func:`queries.scan.scan` orders them), writes them, then the vacuum blocks as they come, in government
    order, then the notes by kind.  The workers write each run's vacuum lines into a file of a new folder in
    ``spool`` (default the system's temporary folder; the output's folder is best: the kernel copies the lines
    from the same disk), :class:`queries.lines.LineFile`; the folder is removed at the end.
    """
    from .candidate import rank_candidates
    from .overlap import LawDivisions
    from .report import COMPANIONS
    from .scan import ITEM_CLASSIFIERS, scan_rest

    governments = {g["id"]: g for g in store.governments()}
    everyone = list(governments.values())
    classifiers = list(ITEM_CLASSIFIERS.items())
    scan_options = dict(department=department, concentrations=concentrations, complete=complete, manifest=manifest)
    vacuum_options = dict(department=department, complete=complete, manifest=manifest)
    _FORKED.update(store=store, governments=governments, everyone=everyone, classifiers=classifiers,
                   divisions=LawDivisions(store), scan_options=scan_options, vacuum_options=vacuum_options)
    notes: dict[str, list[LineBlock]] = {}

    def noted(part: tuple[LineBlock, dict[str, LineBlock]]) -> LineBlock:
        block, by_kind = part
        for kind, lines in by_kind.items():
            notes.setdefault(kind, []).append(lines)
        return block

    # the governments up to the first with a list, here: its vacuums build what the others' share
    first = next((n + 1 for n, g in enumerate(everyone) if not g.get("only_named")), len(everyone))
    pool = None
    folder = _spool_folder(spool)
    _FORKED["spool"] = folder
    try:
        rows: dict = {}
        found, total = _scan_part((0, first), rows)
        made = _vacuum_part((0, first), rows)
        runs = [(a + first, b + first) for a, b in spans(len(everyone) - first, jobs)]
        pool = _Pool(jobs, runs, window=WINDOW_PER_JOB * jobs)
        for part, read in pool.item_passes():
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
        # what comes after the vacuums, written out now, while the workers make them
        item_findings = (items["orphan"] + items["invalid_basis"] + items["stale_basis"] + items["unaccountable"]
                         + items["category_mismatch"])
        tail = [*items["unaccountable"], *rank_candidates(item_findings, found.overlaps, found.identities),
                *items["unverifiable"], *items["basis_lapsed"], *items["category_mismatch"],
                *items["category_debatable"]]
        rest = LineBlock(",\n".join(f.to_json_text() for f in tail).encode("utf-8"), Counter(f.kind for f in tail))
        del tail, item_findings, found
        yield noted(made)
        for part in pool.vacuums():
            yield noted(part)
        pool.stop()  # the workers end while the rest is written
        for kind in COMPANIONS["vacuum"]:
            yield from notes.get(kind, ())
        yield rest
    finally:
        if pool is not None:
            pool.close()
        _FORKED.clear()
        shutil.rmtree(folder, ignore_errors=True)


def _spool_folder(spool: str | os.PathLike | None) -> str:
    """A new folder for the workers' lines in ``spool``, else (none given, or not writable) the system's
    temporary folder."""
    import tempfile

    if spool is not None:
        try:
            return tempfile.mkdtemp(prefix=".plkg-check-", dir=spool)
        except OSError:
            pass
    return tempfile.mkdtemp(prefix="plkg-check-")


WINDOW_PER_JOB = 4
"""How many runs beyond the lowest one not yet written a worker may make the vacuums of (times the workers)."""

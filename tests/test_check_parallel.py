"""``check all --format json`` written the same whichever way it is made: vacuums by forked processes or by one,
item rows kept or read again, lines written one by one or several at a time (issue 16, branch i16-fast).

On a generated list over the small law set (bench.generate, as the scale benchmark makes its lists), so the
vacuums are many governments' and of real clauses.
"""

from __future__ import annotations

import io
import json
import multiprocessing
from pathlib import Path

import pytest

import queries.report as report
from bench.clause_source import SMALL_LAWS
from bench.generate import Rates, generate
from kg.embedded import EmbeddedStore
from kg.errors import UserError
from queries.lines import LineBlock
from queries.parallel import MIN_CLAUSES, MIN_GOVERNMENTS, spans, vacuum_jobs
from queries.report import keep_item_rows, run_check, write_json

pytestmark = [pytest.mark.corpus,
              pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork here")]

ITEMS = 1200
RATES = Rates(no_basis=0.01, article_not_found=0.01, grants_nothing=0.01, normative_only=0.01, stale_quote=0.01,
              stale_version=0.01, overlap=0.01, vacuum=0.02, unaccountable=0.01)


@pytest.fixture(scope="module")
def generated_store(tmp_path_factory, laws_dir: Path) -> EmbeddedStore:
    from loaders.powerlists import load_powers
    from loaders.statutes import load_laws

    folder = tmp_path_factory.mktemp("parallel")
    out, key = folder / "list.csv", folder / "key.json"
    generate(ITEMS, 3, out, key, laws=SMALL_LAWS, laws_dir=laws_dir, cache_dir=folder, rates=RATES)
    store = EmbeddedStore(folder / "s.kg")
    load_laws(store, [laws_dir / name for name in SMALL_LAWS])
    load_powers(store, [out])
    return store


def _json(store, **options) -> str:
    buf = io.StringIO()
    run_check(store, "all", format="json", out=buf, **options)
    return buf.getvalue()


def test_forked_vacuums_are_written_byte_for_byte_as_one_process_writes_them(generated_store, monkeypatch):
    one = _json(generated_store, jobs=1)
    kinds = [f["kind"] for f in json.loads(one)]
    assert kinds.count("vacuum") > 10 and len(generated_store.governments()) > 3
    assert _json(generated_store, jobs=2) == one
    assert _json(generated_store, jobs=3) == one
    # the item rows read again for the vacuums (a list too large to keep them), in workers too
    monkeypatch.setattr(report, "KEEP_ITEM_ROWS", 0)
    monkeypatch.setattr(report, "KEEP_MEMORY_SHARE", 0)
    assert _json(generated_store, jobs=2) == one
    # a few lines at a time, and a chunk ending on the last line
    monkeypatch.setattr(report, "JSON_LINES_AT_ONCE", 7)
    assert _json(generated_store, jobs=2) == one
    monkeypatch.setattr(report, "JSON_LINES_AT_ONCE", len(kinds))
    assert _json(generated_store, jobs=1) == one


def test_forked_counts_and_missing_decisions_are_one_processs(generated_store):
    one, two = _counts(generated_store, 1), _counts(generated_store, 2)
    assert one == two and one["vacuum"] > 0


def _counts(store, jobs):
    missing: list = []
    counts = run_check(store, "all", format="json", out=io.StringIO(), jobs=jobs, missing=missing)
    assert missing == []
    return counts


def test_a_store_with_decisions_makes_its_vacuums_in_one_process(generated_store, monkeypatch):
    import queries.parallel as parallel

    made = []
    monkeypatch.setattr(parallel, "check_all_lines", lambda *a, **k: made.append(1) or iter(()))
    monkeypatch.setattr(generated_store, "decisions", lambda: {"x": object()})
    _json(generated_store, jobs=2)  # no decision matches: the output is undisturbed, the vacuums made here
    assert made == []


@pytest.mark.parametrize("jobs, kind, format, decided, governments, clauses, expected", [
    (None, "all", "json", False, MIN_GOVERNMENTS, MIN_CLAUSES, None),   # the default: every core, many governments
    (None, "all", "json", False, MIN_GOVERNMENTS - 1, 40_000, 1),       # near miss: too few governments to fork for
    (None, "all", "json", False, 284, MIN_CLAUSES - 1, 1),              # near miss: a few laws' clauses
    (2, "all", "json", False, 2, 10, 2),                                # asked for: forked whatever the size
    (2, "all", "csv", False, 300, 40_000, 1),                           # other formats read each finding's fields
    (2, "all", "table", False, 300, 40_000, 1),
    (2, "all", "json", True, 300, 40_000, 1),                           # decisions are matched against whole findings
    (2, "vacuums", "json", False, 300, 40_000, 1),                      # only check all
])
def test_vacuum_jobs(monkeypatch, jobs, kind, format, decided, governments, clauses, expected):
    import queries.parallel as parallel

    monkeypatch.setattr(parallel, "available_cores", lambda: 2)
    available_cores = parallel.available_cores
    found = vacuum_jobs(jobs, kind=kind, format=format, decided=decided, governments=governments, clauses=clauses,
                        memory=(16 * 2**30, 6 * 2**30), load=0.0)
    assert found == (available_cores() if expected is None else expected)


@pytest.mark.parametrize("memory, forked", [
    ((16 * 2**30, 6 * 2**30), True),    # 1M items: 5.8 GB resident, 15-22 GB available on the benchmark machine
    ((5 * 2**30, 6 * 2**30), False),    # near miss: the workers' copies would not fit
    ((None, 6 * 2**30), True),          # not known: the cores decide
])
def test_the_default_forks_only_with_memory_for_the_workers(monkeypatch, memory, forked):
    import queries.parallel as parallel

    monkeypatch.setattr(parallel, "available_cores", lambda: 2)
    available_cores = parallel.available_cores
    found = vacuum_jobs(None, kind="all", format="json", decided=False, governments=300, clauses=40_000, memory=memory,
                        load=0.0)
    assert found == (available_cores() if forked else 1)
    # asked for, it forks whatever the memory
    assert vacuum_jobs(2, kind="all", format="json", decided=False, governments=300, memory=(0, 2**30)) == 2


@pytest.mark.parametrize("cores, load, forked", [
    (2, 0.9, True),    # the check alone on the machine (its own run counts in the load)
    (2, 1.3, True),    # measured: 2 jobs 20-21 s wall against 25-26 in one process
    (2, 1.6, False),   # near miss
    (2, 2.0, False),   # another job holds the other core: measured, 2 jobs 32.8 s against 27.5
    (8, 7.4, True),
    (8, 7.6, False),
    (32, 1.0, True),   # many cores: no more workers than MAX_DEFAULT_JOBS and than the memory holds
])
def test_the_default_forks_only_onto_idle_cores(monkeypatch, cores, load, forked):
    import queries.parallel as parallel

    monkeypatch.setattr(parallel, "available_cores", lambda: cores)
    found = vacuum_jobs(None, kind="all", format="json", decided=False, governments=300, clauses=40_000,
                        memory=(64 * 2**30, 6 * 2**30), load=load)
    assert found == (min(cores, parallel.MAX_DEFAULT_JOBS) if forked else 1)
    assert vacuum_jobs(2, kind="all", format="json", decided=False, governments=300, load=load) == 2  # asked for


def test_jobs_below_one_is_refused(generated_store):
    with pytest.raises(UserError, match="--jobs 0"):
        run_check(generated_store, "all", format="json", out=io.StringIO(), jobs=0)


@pytest.mark.parametrize("items, available, kept", [
    (report.KEEP_ITEM_ROWS, 0, True),                 # always up to KEEP_ITEM_ROWS
    (report.KEEP_ITEM_ROWS + 1, None, None),          # the system's memory decides (below)
    (1_000_000, 22 * 2**30, True),                    # 1.5 GB of rows in 22 GB available
    (1_000_000, 5 * 2**30, False),                    # near miss: more than a quarter of 5 GB
    (10_000_000, 22 * 2**30, False),
])
def test_keep_item_rows(items, available, kept):
    from queries.report import ITEM_ROW_BYTES, KEEP_MEMORY_SHARE, memory_available

    if kept is None:
        free = memory_available()
        kept = free is not None and items * ITEM_ROW_BYTES <= KEEP_MEMORY_SHARE * free
    assert keep_item_rows(items, available) is kept


class _Line:
    def __init__(self, n: int) -> None:
        self.n = n

    def to_json_text(self) -> str:
        return json.dumps({"n": self.n})


@pytest.mark.parametrize("lines", [0, 1, 2, report.JSON_LINES_AT_ONCE - 1, report.JSON_LINES_AT_ONCE,
                                   report.JSON_LINES_AT_ONCE + 1, 2 * report.JSON_LINES_AT_ONCE])
def test_write_json_lines_several_at_a_time_are_one_by_ones(lines):
    buf = io.StringIO()
    write_json([_Line(n) for n in range(lines)], buf)
    one_by_one = "[]\n" if not lines else "[\n" + ",\n".join(_Line(n).to_json_text() for n in range(lines)) + "\n]\n"
    assert buf.getvalue() == one_by_one
    assert json.loads(buf.getvalue()) == [{"n": n} for n in range(lines)]


def test_a_line_block_is_its_text():
    block = LineBlock('{"kind": "vacuum"},\n{"kind": "vacuum", "reason": "甲"}'.encode(), {"vacuum": 2})
    assert (block.decision, block.counts) == (None, {"vacuum": 2})
    assert block.to_json_text() == '{"kind": "vacuum"},\n{"kind": "vacuum", "reason": "甲"}'


def test_a_worker_killed_is_a_message_not_a_hang(generated_store, monkeypatch):
    import os

    import queries.parallel as parallel

    parent, made = os.getpid(), parallel.vacuums_of

    def dying(*args, **kwargs):
        if os.getpid() != parent:  # a worker: killed as the out-of-memory killer leaves one
            os._exit(9)
        return made(*args, **kwargs)  # the first government, made before the fork

    monkeypatch.setattr(parallel, "vacuums_of", dying)
    with pytest.raises(UserError, match="--jobs 1"):
        _json(generated_store, jobs=2)


@pytest.mark.parametrize("cores, memory, expected", [
    (8, (16 * 2**30, 6 * 2**30), 3),     # 1M items on 16 GB free: one process and two workers' copies fit
    (8, (64 * 2**30, 6 * 2**30), 8),
    (2, (16 * 2**30, 6 * 2**30), 2),     # the cores decide
    (4, (7 * 2**30, 6 * 2**30), 2),      # near miss: barely more than one copy free
])
def test_the_default_forks_no_more_workers_than_the_memory_holds(monkeypatch, cores, memory, expected):
    import queries.parallel as parallel

    monkeypatch.setattr(parallel, "available_cores", lambda: cores)
    assert vacuum_jobs(None, kind="all", format="json", decided=False, governments=300, clauses=40_000,
                       memory=memory, load=0.0) == expected


def test_the_item_pass_and_vacuums_forked_are_one_processs_with_every_option(generated_store, tmp_path):
    # the item kinds and overlaps are made by the workers too (check_all_lines): a department's scope, lists
    # declared complete and a manifest give what one process gives
    department = next(f["department"] for f in json.loads(_json(generated_store, jobs=1))
                      if f["kind"] == "orphan")  # a department with item findings, overlaps and vacuums
    government = next(g["id"] for g in generated_store.governments() if not g.get("only_named"))
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(f"government,department,sectors\n{government},{department},农业农村\n", encoding="utf-8")
    for options in ({"department": department}, {"complete": True}, {"manifest": manifest}):
        one = _json(generated_store, jobs=1, **options)
        assert _json(generated_store, jobs=2, **options) == one, options
    assert json.loads(_json(generated_store, jobs=1, department=department))  # the scope holds findings


def test_decided_with_no_decisions_is_nothing_either_way(generated_store):
    assert _json(generated_store, jobs=2, show="decided") == _json(generated_store, jobs=1, show="decided") == "[]\n"
    assert _json(generated_store, jobs=2, show="all") == _json(generated_store, jobs=1)


def test_forked_lines_written_to_a_file_as_bytes_are_the_text(generated_store, tmp_path):
    # onto a UTF-8 file the workers' lines go as bytes (write_json's LineBlock), after the text before them
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    run_check(generated_store, "all", format="json", output=one, jobs=1)
    run_check(generated_store, "all", format="json", output=two, jobs=2)
    assert two.read_bytes() == one.read_bytes()
    assert one.read_text(encoding="utf-8") == _json(generated_store, jobs=1)


@pytest.mark.parametrize("in_file", [False, True])
@pytest.mark.parametrize("encoding, as_bytes", [("utf-8", True), ("UTF8", True), ("gb18030", False), ("utf-16", False)])
def test_a_workers_lines_are_written_as_bytes_only_onto_utf8(tmp_path, encoding, as_bytes, in_file):
    from queries.lines import LineFile, write_lines_file
    from queries.report import _raw_bytes

    data = '{"reason": "甲市（乙局）"},\n{"reason": "丙"}'.encode("utf-8")
    lines = write_lines_file(str(tmp_path / "run.lines"), data, {"vacuum": 2}) if in_file else LineBlock(data, {})
    path = tmp_path / "out.txt"
    with open(path, "w", encoding=encoding, newline="") as handle:
        handle.write("[\n")  # text still in the wrapper's buffer goes first
        _raw_bytes(handle, lines)
        handle.write("\n]\n")
    assert path.read_text(encoding=encoding) == '[\n{"reason": "甲市（乙局）"},\n{"reason": "丙"}\n]\n'
    assert report._is_utf8(encoding) is as_bytes
    assert not (tmp_path / "run.lines").exists()  # a worker's file is removed once copied
    if in_file:
        again = write_lines_file(str(tmp_path / "run.lines"), data, {})
        buf = io.StringIO()
        _raw_bytes(buf, again)  # no file below: read and written as text
        assert buf.getvalue() == data.decode() and not (tmp_path / "run.lines").exists()
        assert isinstance(again, LineFile)


def test_the_workers_files_go_into_a_folder_removed_at_the_end(generated_store, tmp_path, monkeypatch):
    import queries.lines as lines

    made = []
    write = lines.write_lines_file

    def recorded(path, data, counts):
        made.append(path)
        return write(path, data, counts)

    monkeypatch.setattr("queries.parallel.write_lines_file", recorded)
    out = tmp_path / "out" / "check.json"
    out.parent.mkdir()
    run_check(generated_store, "all", format="json", output=out, jobs=2)
    assert made and all(Path(p).parent.parent == out.parent for p in made)  # beside the output
    assert sorted(p.name for p in out.parent.iterdir()) == ["check.json"]
    assert out.read_text(encoding="utf-8") == _json(generated_store, jobs=1)


@pytest.mark.parametrize("blocks", [[], [""], ["a"], ["a", "", "b"], ["", "a,\nb", "c"]])
def test_write_json_puts_blocks_among_lines_as_one_process_writes_them(blocks):
    findings, texts = [], []
    for n, block in enumerate(blocks):
        findings.append(_Line(n))
        texts.append(_Line(n).to_json_text())
        lines = [f'"{line}"' for line in block.split(",\n")] if block else []
        findings.append(LineBlock(",\n".join(lines).encode(), {"vacuum": len(lines)}))
        texts.extend(lines)
    buf = io.StringIO()
    write_json(findings, buf)
    assert buf.getvalue() == ("[]\n" if not texts else "[\n" + ",\n".join(texts) + "\n]\n")


def test_vacuum_lines_are_the_findings_json(generated_store):
    from queries.vacuum import vacuums_of

    governments = {g["id"]: g for g in generated_store.governments()}
    made = 0
    for government in governments.values():
        if government.get("only_named"):
            continue
        findings = vacuums_of(generated_store, government, governments=governments)
        lines = vacuums_of(generated_store, government, governments=governments, lines=True)
        assert [f if f.__class__ is str else f.to_json_text() for f in lines] == [f.to_json_text() for f in findings]
        assert [json.loads(f)["finding_id"] for f in lines if f.__class__ is str] == \
            [f.finding_id for f in findings if f.kind == "vacuum"]
        made += sum(f.__class__ is str for f in lines)
    assert made > 10


@pytest.mark.parametrize("government, names", [
    ({"id": "甲市", "name": "甲市"}, "甲市农业农村局"),
    ({"id": "甲市"}, ""),                                         # no holder: 本级政府无对应部门, no department field
    ({"id": 'X"市\\', "name": '甲"\n市\t'}, '乙"局、丙\\局'),       # what JSON escapes, in every part of the line
])
def test_a_vacuum_line_is_its_findings_text_whatever_the_names(generated_store, government, names):
    from queries.findings import VacuumLines
    from queries.vacuum import _assignable, _vacuum, _vacuum_line

    clauses = _assignable(generated_store, None)[:40]
    assert len(clauses) == 40
    for count, item in enumerate(clauses):
        writer = VacuumLines(government["id"], government.get("name", government["id"]))
        finding = _vacuum(government, item, names, count, count % 3, date="2024-01-01")
        assert _vacuum_line(writer, item, names, count, count % 3, date="2024-01-01") == finding.to_json_text()
        assert json.loads(finding.to_json_text())["finding_id"] == finding.finding_id


@pytest.mark.parametrize("kind, options", [
    ("all", {}),
    ("all", {"department": None}),
    ("vacuums", {}),
    ("vacuums", {"top": 2}),
    ("vacuums", {"explain": True}),
    ("vacuums", {"complete": True, "top": 1}),
])
def test_json_of_vacuum_lines_is_the_findings_json(generated_store, monkeypatch, kind, options):
    # without decisions check --format json writes the vacuums' lines made without their findings (lines=True);
    # with a decision recorded (matching no finding) it writes every finding: the same text
    government = next(g["id"] for g in generated_store.governments() if not g.get("only_named"))
    for scope in ({}, {"government": government}):
        buf = io.StringIO()
        run_check(generated_store, kind, format="json", out=buf, jobs=1, **scope, **options)
        lines = buf.getvalue()
        with monkeypatch.context() as patched:
            patched.setattr(generated_store, "decisions", lambda: {"x": object()})
            buf = io.StringIO()
            counts = run_check(generated_store, kind, format="json", out=buf, jobs=1, **scope, **options)
        assert lines == buf.getvalue() and counts["vacuum"] > 0, (kind, options, scope)
        assert run_check(generated_store, kind, format="json", out=io.StringIO(), jobs=1, **scope, **options) == counts


def test_an_error_in_a_worker_is_raised_in_the_parent(generated_store, monkeypatch, tmp_path):
    import os

    import queries.parallel as parallel

    parent, made = os.getpid(), parallel.vacuums_of

    def failing(*args, **kwargs):
        if os.getpid() != parent:
            raise ValueError("a clause the check cannot read")
        return made(*args, **kwargs)

    monkeypatch.setattr(parallel, "vacuums_of", failing)
    output = tmp_path / "out" / "check.json"
    output.parent.mkdir()
    with pytest.raises(ValueError, match="cannot read"):
        run_check(generated_store, "all", format="json", output=output, jobs=2)
    assert [p.name for p in output.parent.iterdir()] == ["check.json"]  # the workers' folder is gone


@pytest.mark.parametrize("jobs, window", [(2, 0), (2, 1), (2, 8), (3, 0)])
def test_workers_held_back_or_taking_over_runs_write_the_same(generated_store, monkeypatch, jobs, window):
    # a window of no run: a worker ahead of what is written takes over the lowest run left (reading its rows again)
    import queries.parallel as parallel

    one = _json(generated_store, jobs=1)
    monkeypatch.setattr(parallel, "WINDOW_PER_JOB", window)
    monkeypatch.setattr(parallel, "spans", lambda count, jobs, **_: [(n, n + 1) for n in range(count)])
    assert _json(generated_store, jobs=jobs) == one


@pytest.mark.parametrize("first, second, cores, expected", [
    ("cpu  100 0 100 800 0 0 0 0 0 0\n", "cpu  150 0 150 900 0 0 0 0 0 0\n", 2, 1.0),   # half the ticks busy
    ("cpu  100 0 100 800 0 0 0 0 0 0\n", "cpu  100 0 100 1000 0 0 0 0 0 0\n", 2, 0.0),  # idle
    ("cpu  100 0 100 800 50 0 0 0 0 0\n", "cpu  300 0 100 800 50 0 0 0 0 0\n", 4, 4.0),  # all busy
])
def test_busy_cores_from_two_samples_of_proc_stat(monkeypatch, tmp_path, first, second, cores, expected):
    import time

    import queries.parallel as parallel

    stat = tmp_path / "stat"
    stat.write_text(first, encoding="ascii")
    monkeypatch.setattr(parallel, "available_cores", lambda: cores)
    monkeypatch.setattr(time, "sleep", lambda seconds: stat.write_text(second, encoding="ascii"))
    assert parallel.busy_cores(stat=str(stat)) == pytest.approx(expected)


def test_busy_cores_without_proc_stat(tmp_path):
    from queries.parallel import busy_cores
    assert busy_cores(0, stat=str(tmp_path / "missing")) is None


@pytest.mark.parametrize("average, now, forked", [
    (1.7, 1.0, True),    # the average still holds a check that has ended: the cores are idle now
    (1.0, 1.9, True),    # a job just started: the lower figure, as before the sample existed
    (1.9, 1.9, False),   # another job holds the other core, by both figures
    (1.9, None, False),  # no /proc/stat: the average alone
])
def test_the_default_reads_the_lower_of_the_average_and_the_sample(monkeypatch, average, now, forked):
    import queries.parallel as parallel

    monkeypatch.setattr(parallel, "available_cores", lambda: 2)
    monkeypatch.setattr(parallel, "busy_cores", lambda: now)
    monkeypatch.setattr(parallel.os, "getloadavg", lambda: (average, average, average))
    found = vacuum_jobs(None, kind="all", format="json", decided=False, governments=300, clauses=40_000,
                        memory=(64 * 2**30, 6 * 2**30))
    assert found == (2 if forked else 1)


@pytest.mark.parametrize("jobs, window", [(2, 4), (3, 0)])
def test_each_worker_is_told_to_end_once_its_last_result_is_in(generated_store, monkeypatch, jobs, window):
    # before the parent writes the last block: the workers' exit overlaps the writing of the rest
    import queries.parallel as parallel

    one = _json(generated_store, jobs=1)
    monkeypatch.setattr(parallel, "WINDOW_PER_JOB", window)
    monkeypatch.setattr(parallel, "spans", lambda count, jobs, **_: [(n, n + 1) for n in range(count)])
    seen: list[tuple[int, frozenset[int], int]] = []  # (frontier, workers told to end, runs) at each block given
    vacuums = parallel._Pool.vacuums

    def watched(self):
        for result in vacuums(self):
            seen.append((self.frontier, frozenset(self.stopped), len(self.runs)))
            yield result

    monkeypatch.setattr(parallel._Pool, "vacuums", watched)
    assert _json(generated_store, jobs=jobs) == one
    frontier, stopped, runs = seen[-1]
    assert frontier == runs > jobs and stopped == set(range(jobs))  # all ended before the last block is written
    assert not seen[0][1]  # none while runs were left to hand out

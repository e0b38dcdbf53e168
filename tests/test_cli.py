"""CLI behaviour shared by every command: global options anywhere, --fail-on exit codes."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from plkg.cli import app, hoist_global_options
from plkg.demo import build_demo_store


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "demo.kg"
    store, _, _ = build_demo_store(path)
    store.close()
    return path


def run(*args: str):
    return CliRunner().invoke(app, hoist_global_options(list(args)))


@pytest.mark.parametrize(
    "kind, fail_on, code",
    [
        ("orphans", "orphans", 1),  # the command's name of the kind
        ("orphans", "orphan", 1),  # the finding's name of the kind
        ("orphans", "invalid", 0),  # asked to fail on a kind this run did not look for
        ("unaccountable", "orphans,unaccountable", 1),
        ("stale", "all", 1),
        ("orphans", "nonsense", 2),
        ("vacuums", "missing_basis", 1),  # a finding kind made with the vacuums (the demo's YX-CF-014)
    ],
)
def test_fail_on_exit_codes(demo_path, kind, fail_on, code):
    result = run("check", kind, "--store", str(demo_path), "--format", "json", "--fail-on", fail_on)
    assert result.exit_code == code, result.output


def test_global_option_after_the_command(demo_path):
    result = run("stats", "--format", "json", "--store", str(demo_path))
    assert result.exit_code == 0
    assert '"power_items": 20' in result.output


def test_missing_store_is_one_line_and_exit_2(tmp_path):
    result = run("--store", str(tmp_path / "none.kg"), "stats")
    assert result.exit_code == 2
    assert "none.kg" in result.output and "Traceback" not in result.output


def test_every_finding_names_the_rule_it_applies(demo_path):
    import json

    result = run("check", "all", "--store", str(demo_path), "--format", "json")
    findings = json.loads(result.output)
    assert {f["kind"] for f in findings} >= {"orphan", "invalid_basis", "stale_basis", "overlap", "vacuum",
                                             "unaccountable", "candidate"}
    for finding in findings:
        if finding["kind"] == "unverifiable":  # a note, not a finding
            continue
        assert any(e["rule"] for e in finding["evidence"]), finding
    vacuum = next(f for f in findings if f["kind"] == "vacuum")
    assert vacuum["evidence"][0]["rule_law"] == vacuum["law"]  # the clause states the duty


def _command(*args: str, cwd=None):
    """``python -m plkg ARGS`` in a fresh process (main(): it ends without the interpreter's teardown)."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    return subprocess.run([sys.executable, "-m", "plkg", *args], capture_output=True, text=True, encoding="utf-8",
                          cwd=cwd or root, timeout=300)


@pytest.mark.parametrize("fail_on, code", [(None, 0), ("orphans", 1), ("invalid", 1), ("nonsense", 2)])
def test_the_command_ends_with_its_code_and_everything_written(demo_path, tmp_path, fail_on, code):
    import io
    import json

    from kg.embedded import EmbeddedStore
    from queries.report import run_check

    wanted = io.StringIO()
    run_check(EmbeddedStore(demo_path, create=False), "all", format="json", out=wanted)
    options = ["--fail-on", fail_on] if fail_on else []
    printed = _command("--store", str(demo_path), "check", "all", "--format", "json", *options)
    assert printed.returncode == code, printed.stderr
    output = tmp_path / "out.json"
    written = _command("--store", str(demo_path), "check", "all", "--format", "json", "--output", str(output), *options)
    assert written.returncode == code, written.stderr
    if code != 2:
        assert printed.stdout == wanted.getvalue()  # stdout flushed before the process ends
        assert output.read_text(encoding="utf-8") == wanted.getvalue() and json.loads(wanted.getvalue())
    else:
        assert "--fail-on nonsense" in printed.stderr


def test_the_command_still_says_what_went_wrong(tmp_path):
    missing = _command("--store", str(tmp_path / "none.kg"), "stats")
    assert missing.returncode == 2 and "none.kg" in missing.stderr and "Traceback" not in missing.stderr
    assert _command("--help").returncode == 0 and "check" in _command("--help").stdout
    assert _command("nonsense").returncode == 2


def test_a_command_writing_a_store_commits_before_it_ends(tmp_path):
    import json

    from plkg.demo import build_demo_store

    demo = tmp_path / "demo.kg"
    build_demo_store(demo)[0].close()
    finding = _command("--store", str(demo), "check", "orphans", "--format", "json")
    first = json.loads(finding.stdout)[0]["finding_id"]
    recorded = _command("--store", str(demo), "decide", first, "--status", "confirmed", "--by", "测试")
    assert recorded.returncode == 0, recorded.stderr
    shown = _command("--store", str(demo), "check", "orphans", "--format", "json", "--decided")
    assert [f["finding_id"] for f in json.loads(shown.stdout)] == [first]

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
    ],
)
def test_fail_on_exit_codes(demo_path, kind, fail_on, code):
    result = run("check", kind, "--store", str(demo_path), "--format", "json", "--fail-on", fail_on)
    assert result.exit_code == code, result.output


def test_global_option_after_the_command(demo_path):
    result = run("stats", "--format", "json", "--store", str(demo_path))
    assert result.exit_code == 0
    assert '"power_items": 19' in result.output


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

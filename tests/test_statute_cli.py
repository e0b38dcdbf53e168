"""``plkg load laws`` and ``plkg show``: summaries, one-line errors, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from plkg.cli import app

LAW = """# 中华人民共和国测试法

2020年1月1日 第十三届全国人民代表大会常务委员会第十次会议通过

<!-- INFO END -->

第一条 为了测试，制定本法。

第二条 违反本法第一条规定的，处罚。

违反前款规定的，从重处罚。
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run(runner, *args):
    return runner.invoke(app, list(map(str, args)), catch_exceptions=False)


def test_load_show_and_stats(runner, tmp_path):
    store = tmp_path / "s.kg"
    (tmp_path / "测试法(2020-01-01).md").write_text(LAW, encoding="utf-8")
    (tmp_path / "bad.md").write_bytes(b"\x00\x01binary")
    result = run(runner, "--store", store, "load", "laws", tmp_path, "--no-clauses")
    assert result.exit_code == 0, result.stderr
    assert "loaded 1 files" in result.stdout and "errors 1" in result.stdout
    assert "bad.md: binary" in result.stderr and "Traceback" not in result.stderr
    result = run(runner, "--store", store, "show", "law", "测试法")
    assert result.exit_code == 0 and "2020-01-01" in result.stdout and "2 条" in result.stdout
    result = run(runner, "--store", store, "show", "article", "测试法", "二")
    assert result.exit_code == 0
    assert "违反前款规定的，从重处罚。" in result.stdout and "前款" in result.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (("show", "law", "没有的法"), "no law named"),
        (("show", "article", "测试法", "99"), "has no article 99"),
        (("show", "article", "测试法", "abc"), "not an article number"),
        (("show", "article", "测试法", "1", "--version", "1999-01-01"), "has no version"),
    ],
)
def test_show_errors_are_one_line(runner, tmp_path, args, message):
    store = tmp_path / "s.kg"
    (tmp_path / "测试法(2020-01-01).md").write_text(LAW, encoding="utf-8")
    assert run(runner, "--store", store, "load", "laws", tmp_path, "--no-clauses").exit_code == 0
    result = run(runner, "--store", store, *args)
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_nothing_loaded_exits_2(runner, tmp_path):
    (tmp_path / "empty").mkdir()
    result = run(runner, "--store", tmp_path / "s.kg", "load", "laws", tmp_path / "empty")
    assert result.exit_code == 2 and "empty folder" in result.stderr


def test_a_store_file_that_is_not_a_store(runner, tmp_path):
    fake = tmp_path / "fake.kg"
    fake.write_text("not a database at all, just text\n" * 10, encoding="utf-8")
    (tmp_path / "测试法.md").write_text(LAW, encoding="utf-8")
    for args in (("load", "laws", tmp_path / "测试法.md"), ("stats",), ("show", "law", "测试法")):
        result = run(runner, "--store", fake, *args)
        assert result.exit_code == 2, args
        assert "not a powerlist-kg store" in result.stderr or "cannot open" in result.stderr
        assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1

"""``plkg diff lists``, ``plkg impact`` and ``plkg compare`` on the command line: one library call each,
one-line errors with exit code 2."""

from __future__ import annotations

import pytest

from .test_cli import demo_path, run  # noqa: F401 - the demo store fixture and the CLI runner


def test_impact_on_the_demo_law(demo_path, tmp_path):
    result = run("impact", "蜂业促进法", "--store", str(demo_path))
    assert result.exit_code == 0, result.output
    assert "第二十六条" in result.output and "汇总" in result.output
    out = tmp_path / "i.csv"
    assert run("impact", "蜂业促进法", "--store", str(demo_path), "--format", "csv", "--output", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8-sig").startswith("问题类型,影响类型")


@pytest.mark.parametrize("args, message", [
    (("impact", "不存在法"), "no law named"),
    (("diff", "lists", "云溪市", "--from", "2020-01-01", "--to", "2024-06-30"), "no version of its list dated 2020-01-01"),
    (("compare", "云溪市", "无名市"), "无名市: no such government"),
    (("impact", "蜂业促进法", "--format", "xml"), "--format xml"),
])
def test_errors_are_one_line_with_exit_code_2(demo_path, args, message):
    result = run(*args, "--store", str(demo_path))
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output


def test_diff_of_a_version_with_itself_is_empty(demo_path):
    result = run("diff", "lists", "云溪市", "--from", "2024-06-30", "--to", "2024-06-30", "--store", str(demo_path))
    assert result.exit_code == 0, result.output
    assert "新增 0，取消 0，变更 0，划转 0" in result.output

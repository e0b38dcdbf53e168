"""bench.precision_sample keeps only laws of the four ranks outside every gold part, and drops blind texts by name."""

from __future__ import annotations

import pytest

from bench.precision_sample import gold_titles, kept, rank, title

GOLD = gold_titles()

# (file relative to the laws folder, kept)
CASES = [
    ("DLC/上海地方法规/地方性法规/上海/上海口岸服务条例(2020-05-14).md", True),
    ("行政法规/道路运输条例(2023-07-20).md", True),
    ("部门规章/公安部/机动车登记规定(2021-12-17).md", True),
    ("行政法规/兽药管理条例(2020-03-27).md", True),  # i12-agri: 种子法 joined the dev gold (2026-12-08) and is left out now
    ("司法解释/最高人民法院关于审理行政案件适用法律规范问题的座谈会纪要.md", False),  # no rank of the four
    ("行政法/食品安全法(2015-04-24).md", False),  # another version of a gold law
    ("DLC/浙江地方法规/地方性法规/浙江/嘉兴市养犬管理条例(2021-01-01).md", False),  # a blind text, by its name
    ("经济法/统计法实施条例(2017-05-28).md", False),  # names a blind title
]


@pytest.mark.parametrize("file,expected", CASES)
def test_kept(file, expected):
    assert kept(file, GOLD) is expected


def test_title_and_rank():
    assert title("行政法/食品安全法(2021-04-29).md") == "食品安全法"
    assert rank("DLC/上海地方法规/地方性法规/上海/x(2020-01-01).md") == "地方性法规"
    assert rank("其他/x.md") is None


def test_a_missing_dump_is_a_clear_error(tmp_path):
    from bench.precision_sample import main

    with pytest.raises(SystemExit, match="no such dump"):
        main([str(tmp_path / "none.jsonl"), "--seed", "1"])

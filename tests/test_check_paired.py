"""bench.check_paired: each tree's check all run in a fresh process, its output compared with the base's."""

from __future__ import annotations

import json
from pathlib import Path

from bench.check_paired import HERE, main
from kg.model import article_id

from .test_queries_builder import GraphBuilder, cite


def test_paired_runs_are_timed_and_compared(store, tmp_path: Path) -> None:
    g = GraphBuilder()
    v = g.law("甲法", "2020-01-01", {30: "由县级以上人民政府农业农村主管部门处罚款。"})
    g.clause(article_id(v, 30), "行政处罚", "县级以上人民政府农业农村主管部门", sector="农业农村")
    agri = g.department(g.government("甲市"), "甲市农业农村局", "农业农村")
    g.item(agri, "b", "乙", "行政处罚", cite(article_id(v, 30), "《甲法》第三十条"))
    g.item(agri, "a", "甲", "行政处罚", basis_text="", responsibility=False, code="QL-1")
    g.save(store)
    store.close()
    out = tmp_path / "runs.json"
    assert main(["--store", str(store.path), "--base", str(HERE), "--rounds", "1", "--variant", "jobs2:--jobs,2",
                 "--json", str(out), "--out", str(tmp_path)]) == 0
    runs = json.loads(out.read_text(encoding="utf-8"))["runs"]
    assert [(r["run"], r["options"], r["identical"]) for r in runs] == [("base", [], True), ("jobs2", ["--jobs", "2"], True)]
    assert all(r["cpu_s"] > 0 and r["wall_s"] > 0 and r["peak_gb"] > 0 for r in runs)
    assert "orphan" in (tmp_path / "paired-base.json").read_text(encoding="utf-8")

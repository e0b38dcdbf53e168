"""The demo: built with the real loaders from the bundled data, every finding kind appears."""

from __future__ import annotations

import io
import json
from collections import defaultdict

import pytest

from plkg.demo import DEMO_GOVERNMENT, build_demo_store, demo_data, run_demo
from kg.errors import UserError
from queries.findings import KINDS
from queries.report import iter_findings


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.kg"
    store, laws, powers = build_demo_store(path)
    yield store
    store.close()


def _by_kind(store):
    found = defaultdict(list)
    for f in iter_findings(store, "all", government=DEMO_GOVERNMENT, concentrations=demo_data() / "concentrations.csv"):
        found[f.kind].append(f)
    return found


def test_every_kind_appears_with_the_expected_items(demo):
    found = _by_kind(demo)
    assert set(KINDS) <= set(found)
    assert sorted(f.item_code for f in found["orphan"]) == ["YX-CF-009", "YX-CF-010", "YX-XK-002"]
    assert sorted(f.item_code for f in found["invalid_basis"]) == ["YX-CF-004", "YX-CF-005"]
    assert sorted(f.item_code for f in found["stale_basis"]) == ["YX-CF-003", "YX-CF-007", "YX-CF-008"]
    assert sorted(f.item_code for f in found["unaccountable"]) == ["YX-JC-001", "YX-QZ-001"]
    assert [f.item_code for f in found["unverifiable"]] == ["YX-CF-011", "YX-CF-014"]
    # YX-CF-014 names the act of 蜂业促进法 art. 29 but rests on a rule not loaded: a basis to add, not a vacuum
    assert [(f.item_code, f.law, f.article) for f in found["missing_basis"]] == [("YX-CF-014", "中华人民共和国蜂业促进法", 29)]
    # 查封 (行政强制法 art. 9) filed as a penalty on the article that grants it: misfiled, not an orphan
    assert [(f.item_code, f.law_category) for f in found["category_mismatch"]] == [("YX-CF-013", "行政强制")]
    # item overlap on art. 30; clause overlap on art. 31; art. 28 is a lawful concentration (suppressed)
    assert sorted((f.article, f.item_codes) for f in found["overlap"]) == [
        (30, ("SJ-CF-001", "YX-CF-001")), (31, ("YX-CF-002",))]
    vacuums = {(f.law, f.article, f.category, f.department) for f in found["vacuum"]}
    assert {
        ("中华人民共和国蜂业促进法", 32, "行政处罚", "云溪市农业农村局"),
    } <= vacuums
    # art. 33 is listed as YX-CF-003 under its 2018 number (a stale basis: the same act and conduct), not a vacuum;
    # art. 35 is 林业和草原, a sector no loaded department of 云溪市 carries: summed up in a note
    assert 33 not in {a for law, a, _, _ in vacuums if law == "中华人民共和国蜂业促进法"}
    assert [(f.sector, f.count) for f in found["vacuum_sector"]] == [("林业和草原", 1)]
    assert ("云溪市蜂场管理条例", 8) in {(law, art) for law, art, _, _ in vacuums}
    covered = {28, 29, 30, 31, 34, 10, 15}
    assert not {a for law, a, _, _ in vacuums if law == "中华人民共和国蜂业促进法"} & covered
    candidates = found["candidate"]
    assert candidates[0].item_code == "YX-CF-009" and candidates[0].action == "取消"
    assert {"YX-CF-001", "SJ-CF-001"} <= {f.item_code for f in candidates}
    for kind, findings in found.items():
        for f in findings:
            assert f.reason.endswith("。") and f.evidence, (kind, f)


def test_stale_quote_names_where_the_text_now_is(demo):
    stale = {f.item_code: f for f in _by_kind(demo)["stale_basis"]}
    assert "引文现见于第三十三条" in stale["YX-CF-003"].reason
    assert "已被2022-06-24版本取代" in stale["YX-CF-007"].reason
    assert "已废止" in stale["YX-CF-008"].reason


def test_run_demo_prints_every_kind(tmp_path):
    out = io.StringIO()
    counts = run_demo(tmp_path / "d.kg", out=out)
    text = out.getvalue()
    assert set(KINDS) <= set(counts)
    for kind in KINDS:
        assert f"({kind})" in text
    # a second run replaces the store and gives the same counts
    again = run_demo(tmp_path / "d.kg", out=io.StringIO())
    assert again == counts
    assert [p.name for p in tmp_path.iterdir()] == ["d.kg"]


def test_run_demo_json(tmp_path):
    out = io.StringIO()
    run_demo(tmp_path / "d.kg", out=out, format="json")
    assert {d["kind"] for d in json.loads(out.getvalue())} >= set(KINDS)


def test_run_demo_rejects_bad_format(tmp_path):
    with pytest.raises(UserError, match="--format"):
        run_demo(tmp_path / "d.kg", out=io.StringIO(), format="xml")


def test_cli_demo_then_check(tmp_path):
    from typer.testing import CliRunner

    from plkg.cli import app

    runner = CliRunner()
    store = tmp_path / "demo.kg"
    result = runner.invoke(app, ["demo", "--demo-store", str(store)])
    assert result.exit_code == 0, result.output
    assert "发现汇总" in result.output
    result = runner.invoke(app, ["--store", str(store), "check", "invalid", "--format", "json", "--fail-on", "invalid_basis"])
    assert result.exit_code == 1
    assert {d["item_code"] for d in json.loads(result.output)} == {"YX-CF-004", "YX-CF-005"}
    result = runner.invoke(app, ["--store", str(store), "check", "unaccountable", "--fail-on", "orphan"])
    assert result.exit_code == 0
    result = runner.invoke(app, ["--store", str(store), "check", "all", "--concentrations", str(tmp_path / "missing.csv")])
    assert result.exit_code == 2 and "missing.csv" in result.output
    out = tmp_path / "f.xlsx"
    result = runner.invoke(app, ["--store", str(store), "check", "all", "--format", "xlsx", "--output", str(out)])
    assert result.exit_code == 0 and out.exists()

"""List versions and ``diff lists`` on a real Karamay list and a derived 2025 version with a key of 40 changes."""

from __future__ import annotations

import io
import json
from collections import Counter

import pytest

from kg.neo4j_store import copy_store
from loaders.powerlists import load_powers
from queries.diff import amount_yuan, diff_lists, reform, write_diff

from .list_versions import WORKBOOK, derive

GOV = "克拉玛依市"
OLD, NEW = "2024-06-01", "2025-06-01"


def _derived(tmp_path):
    if not WORKBOOK.exists():
        pytest.skip(f"{WORKBOOK} is absent")
    return derive(tmp_path)


@pytest.fixture
def versions(store, tmp_path):
    derived, key = _derived(tmp_path)
    load_powers(store, [WORKBOOK], date=OLD)
    load_powers(store, [derived], date=NEW)
    return store, key


def _found(diff):
    return Counter((c.change, tuple(a.aspect for a in c.aspects),
                    c.old.label if c.old else None, c.new.label if c.new else None) for c in diff.changes)


def test_every_change_of_the_key_is_found_and_no_other(versions):
    store, key = versions
    diff = diff_lists(store, GOV, OLD, NEW)
    expected = Counter((change, (aspect,) if aspect else (), old, new) for change, aspect, old, new in key)
    assert len(key) == 40
    assert _found(diff) == expected
    assert diff.unchanged == len(diff.old) - sum(1 for c in key if c[0] != "added")
    moved = [c for c in diff.changes if c.change == "moved"]
    assert all(c.new.department_name == "克拉玛依市医疗保障局" and c.match == "similarity" and 0.7 <= c.score < 1 for c in moved)


def test_versions_are_kept_and_findings_see_the_newest(versions):
    store, _ = versions
    assert [(v.date, v.items, v.current) for v in store.list_versions(GOV)] == [(OLD, 108, False), (NEW, 106, True)]
    assert len(list(store.item_bases(government=GOV))) == 106
    assert len(list(store.item_bases(government=GOV, list_date=OLD))) == 108


def test_loading_the_older_version_after_the_newer_keeps_the_newer_current(store, tmp_path):
    derived, key = _derived(tmp_path)
    load_powers(store, [derived], date=NEW)
    load_powers(store, [WORKBOOK], date=OLD)
    load_powers(store, [WORKBOOK], date=OLD)  # a reload replaces its own version only
    assert [(v.date, v.items, v.current) for v in store.list_versions(GOV)] == [(OLD, 108, False), (NEW, 106, True)]
    assert _found(diff_lists(store, GOV, OLD, NEW)) == Counter(
        (change, (aspect,) if aspect else (), old, new) for change, aspect, old, new in key)


def test_an_unknown_version_is_a_one_line_error(versions):
    from kg.errors import UserError

    store, _ = versions
    with pytest.raises(UserError, match="no version of its list dated 2023-01-01"):
        diff_lists(store, GOV, "2023-01-01", NEW)


@pytest.mark.parametrize("amount, yuan", [
    ("五万元以上二十万元以下", 200_000), ("一千元以上一万元以下", 10_000), ("2000元以上2万元以下", 20_000),
    ("货值金额五倍以上十倍以下", None), ("三十万元", 300_000), ("一万五千元", 15_000),
])
def test_amounts_in_yuan(amount, yuan):
    assert amount_yuan(amount) == yuan


def test_formats_and_backends_agree(versions, bolt_store, tmp_path):
    store, _ = versions
    copy_store(store, bolt_store)
    outputs = []
    for backend in (store, bolt_store):
        buf = io.StringIO()
        counts = write_diff(backend, GOV, OLD, NEW, reform_analysis=True, format="jsonl", out=buf)
        outputs.append(buf.getvalue())
        assert counts["removed"] == 8 and counts["added"] == 6 and counts["moved"] == 4 and counts["changed"] == 22
    assert outputs[0] == outputs[1]
    records = [json.loads(line) for line in outputs[0].splitlines()]
    assert {r["kind"] for r in records} >= {"list_change", "reform_summary"}
    assert store.list_versions() == bolt_store.list_versions()
    write_diff(store, GOV, OLD, NEW, reform_analysis=True, format="xlsx", output=tmp_path / "d.xlsx")
    from openpyxl import load_workbook

    book = load_workbook(tmp_path / "d.xlsx")
    assert book.sheetnames[:2] == ["清单变更", "取消事项分析"] and book["清单变更"].max_row == 41
    buf = io.StringIO()
    write_diff(store, GOV, OLD, NEW, format="csv", out=buf)
    assert buf.getvalue().splitlines()[0].startswith("问题类型,变更类型,政府") and len(buf.getvalue().splitlines()) > 40


def _reform_graph(store):
    from kg.model import AuthorisingClause, Category, GovLevel, article_id

    from .test_queries_builder import GraphBuilder, cite

    g = GraphBuilder()
    law = g.law("甲法", "2020-01-01", {2: "违反本法第十条规定的，处五百元以上二千元以下罚款。",
                                      3: "违反本法第十一条规定的，处五万元以上二十万元以下罚款。",
                                      4: "县级以上人民政府农业农村主管部门应当对养殖场进行监督检查。"})
    permit_law = g.law("丙法", "2020-01-01", {1: "设立养殖场应当经县级以上人民政府农业农村主管部门批准。"})
    other = g.law("乙法", "2020-01-01", {1: "县级以上人民政府农业农村主管部门可以进行检查。"})
    for article, amount in ((2, "五百元以上二千元以下"), (3, "五万元以上二十万元以下")):
        provision = article_id(law, article)
        clause = AuthorisingClause(provision=provision, law="甲法", version="2020-01-01", article=article, paragraph=None,
                                   item=None, category=Category("行政处罚"), subject="县级以上人民政府农业农村主管部门",
                                   level="县级以上", sector="农业农村", actions=("罚款",), amounts=(amount,))
        g._edge(provision, g._add(clause), "HAS_CLAUSE")
    g.clause(article_id(law, 4), "行政检查", "县级以上人民政府农业农村主管部门", sector="农业农村", modality="应当")
    g.clause(article_id(permit_law, 1), "行政许可", "县级以上人民政府农业农村主管部门", sector="农业农村")
    gov = g.government("甲市", GovLevel.CITY)
    d = g.department(gov, "甲市农业农村局", "农业农村")
    for date, names in (("2024-01-01", "PABDI"), ("2025-01-01", "BI")):
        specs = {"P": ("养殖场设立审批", "行政许可", cite(article_id(permit_law, 1), "《丙法》第一条")),
                 "A": ("对违反第十条的处罚", "行政处罚", cite(article_id(law, 2), "《甲法》第二条")),
                 "B": ("对违反第十一条的处罚", "行政处罚", cite(article_id(law, 3), "《甲法》第三条")),
                 "D": ("养殖场监督检查", "行政检查", cite(article_id(law, 4), "《甲法》第四条")),
                 "I": ("乙法检查", "行政检查", cite(article_id(other, 1), "《乙法》第一条"))}
        for key in names:
            name, category, spec = specs[key]
            g.item(d, f"{key}@{date}", name, category, spec, list_date=date)
    g.save(store)
    with store.transaction() as tx:  # the 2024 items are the past version, as the loader marks them
        for key in "PABDI":
            tx.update_props(f"{key}@2024-01-01", superseded="2025-01-01")


def test_reform_analysis_weighs_what_was_removed(store):
    _reform_graph(store)
    diff = diff_lists(store, "甲市", "2024-01-01", "2025-01-01")
    assert diff.counts() == {"removed": 3} and diff.unchanged == 2
    rows = {(r.kind, r.category): r for r in reform(diff)}
    penalty = rows[("reform_summary", "行政处罚")]
    assert (penalty.removed, penalty.kept, penalty.removed_max_penalty, penalty.kept_max_penalty) == (1, 1, 2000, 200000)
    assert "选择性放权" in penalty.reason
    assert rows[("reform_summary", "行政许可")].removed_permits == 1
    unsupervised = rows[("unsupervised", "行政许可")]
    assert unsupervised.item.name == "养殖场设立审批" and "《丙法》" in unsupervised.reason
    vacuum = rows[("removal_vacuum", "行政检查")]
    assert vacuum.item.name == "养殖场监督检查" and "第4条" in vacuum.reason
    assert ("removal_vacuum", "行政处罚") not in rows  # 可以 / no modality: no duty left open


def test_later_version_of_a_generated_list_changes_what_its_key_says():
    from bench.generate import CHANGE_KINDS, later_version

    rows = [[str(n), f"XK110000{n:05d}", f"事项{n}", "", "行政许可", f"《甲法》第{n}条", f"甲市{'农业农村局' if n % 2 else '教育局'}",
             "", "", "受理", "", "", "", ""] for n in range(1, 201)]
    later, key = later_version(rows, seed=3, rate=0.02)
    assert later_version(rows, seed=3, rate=0.02) == (later, key)
    assert {k: len(v) for k, v in key.items()} == {kind: 4 for kind in CHANGE_KINDS}
    by_code = {r[1]: r for r in later}
    assert not set(key["removed"]) & set(by_code) and set(key["added"]) <= set(by_code)
    for old, new in key["name"]:
        assert old not in by_code and by_code[new][2].endswith("（含变更事项）")
    old_rows = {r[1]: r for r in rows}
    assert all(by_code[c][6] != old_rows[c][6] for c in key["department"])
    assert all(by_code[c][4] != "行政许可" for c in key["category"])
    touched = {c for kind in CHANGE_KINDS for c in key[kind] if isinstance(c, str)} | {o for o, _ in key["name"]}
    assert all(by_code[c] == old_rows[c] for c in old_rows if c not in touched)

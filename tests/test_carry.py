"""Decisions whose finding was re-issued under a new id: the likely successor, shown and carried over."""

from __future__ import annotations

import io
import json

import openpyxl
import pytest
from typer.testing import CliRunner

from kg.decision import Decision
from kg.errors import UserError
from plkg.cli import app, hoist_global_options
from plkg.review import decide
from queries.carry import carry, find_successors, plan_carry, trace
from queries.decisions import make_decisions, DecisionInput
from queries.findings import Evidence, Finding
from queries.report import iter_findings, run_check

from .test_review import demo_rows, listed, reload  # noqa: F401  (listed: the demo store fixture)

CITY, GROUP, DISTRICT = "克拉玛依市", "克拉玛依市所辖县（市、区）", "克拉玛依市白碱滩区"
GOVERNMENTS = [{"id": CITY, "parent": "新疆维吾尔自治区"}, {"id": GROUP, "parent": CITY},
               {"id": DISTRICT, "parent": CITY}, {"id": "乌鲁木齐市", "parent": "新疆维吾尔自治区"}]
WETLAND = "中华人民共和国湿地保护法"


def item(government, department, *, code=None, name="对擅自捕捞水生野生动物的处罚", category="行政处罚", kind="orphan"):
    return Finding(kind=kind, government=government, reason="无依据", item_code=code, name=name,
                   department=department, category=category, evidence=(Evidence(citation="无"),))


def vacuum(government, department, subject="县级以上人民政府农业农村主管部门", *, article=46, paragraph=1, item_no=None):
    return Finding(kind="vacuum", government=government, reason="无事项", department=department, law=WETLAND,
                   article=article, paragraph=paragraph, item=item_no, category="行政检查", subject=subject,
                   evidence=(Evidence(citation=f"《{WETLAND}》第四十六条", article_text="县级以上人民政府…有权采取下列措施"),))


def legacy(finding, status="confirmed", note="确无依据，报法制科", by="张三"):
    """A decision as the code before recorded identities made it (kind, government, department, summary only)."""
    (d,) = make_decisions([finding], [DecisionInput(finding.finding_id, status, note, by)], now="2026-12-01T09:00:00Z")
    return Decision(**{**d.__dict__, "identity": ""})


def recorded(finding, **kw):
    (d,) = make_decisions([finding], [DecisionInput(finding.finding_id, "confirmed", "核实", "张三")], **kw)
    return d


@pytest.mark.parametrize("decision_of", [legacy, recorded], ids=["legacy decision", "recorded identity"])
def test_a_city_item_reissued_under_the_county_group_is_its_successor(decision_of):
    old = item(CITY, "克拉玛依市农业农村局", code="650200-CF-031")
    new = item(GROUP, "县市区农业农村局", code="650200-CF-031")
    others = [item(CITY, "克拉玛依市农业农村局", code="650200-CF-032"), item(GROUP, "县市区农业农村局", code="650200-CF-031",
                                                                        kind="unaccountable")]
    (s,) = find_successors([decision_of(old)], [trace(f) for f in [new, *others]], governments=GOVERNMENTS)
    assert s.successor is not None and s.successor.finding_id == new.finding_id
    assert s.basis == ("recovered" if decision_of is legacy else "identity")
    assert new.finding_id in s.describe() and GROUP in s.describe()


def test_an_item_without_code_is_matched_by_name_and_category_under_any_government():
    old = item(CITY, "克拉玛依市农业农村局")
    moved = item(DISTRICT, "克拉玛依市白碱滩区农业农村局")
    recategorised = item(GROUP, "县市区农业农村局", category="行政检查")  # another defect: not a candidate
    (s,) = find_successors([recorded(old)], [trace(moved), trace(recategorised)], governments=GOVERNMENTS)
    assert [c.finding_id for c in s.candidates] == [moved.finding_id]


def test_a_vacuum_whose_holder_list_changed_goes_to_the_same_clause_and_subject():
    # 湿地保护法 46 names several bodies: one vacuum per body; the county bureau left the holder list
    old = vacuum(CITY, "克拉玛依市农业农村局、县市区农业农村局")
    new = vacuum(CITY, "克拉玛依市农业农村局")
    siblings = [vacuum(CITY, "克拉玛依市住房和城乡建设局", "县级以上人民政府住房城乡建设主管部门"),
                vacuum(CITY, "克拉玛依市农业农村局", item_no=3),  # another item of the article
                vacuum("乌鲁木齐市", "乌鲁木齐市农业农村局")]  # the same clause in another city
    for decision in (legacy(old), recorded(old)):
        (s,) = find_successors([decision], [trace(f) for f in [*siblings, new]], governments=GOVERNMENTS)
        assert s.successor is not None and s.successor.finding_id == new.finding_id, s.describe()


def test_a_vacuum_may_move_to_the_citys_county_group():
    old = vacuum(CITY, "克拉玛依市农业农村局、县市区农业农村局")
    new = vacuum(GROUP, "县市区农业农村局")
    (s,) = find_successors([recorded(old)], [trace(new)], governments=GOVERNMENTS)
    assert s.successor is not None and s.successor.finding_id == new.finding_id


def test_two_candidates_are_listed_and_nothing_is_carried():
    old = item(CITY, "克拉玛依市农业农村局")
    one, two = item(GROUP, "县市区农业农村局"), item(DISTRICT, "克拉玛依市白碱滩区农业农村局")
    decision = recorded(old)
    (s,) = find_successors([decision], [trace(one), trace(two)], governments=GOVERNMENTS)
    assert s.successor is None and {c.finding_id for c in s.candidates} == {one.finding_id, two.finding_id}
    assert "2 possible successors, none carried" in s.describe() and one.finding_id in s.describe()
    plan = plan_carry({decision.finding_id: decision}, [one, two], governments=GOVERNMENTS)
    assert plan.carried == () and [x.decision.finding_id for x in plan.left] == [old.finding_id]
    assert "nothing to carry" in plan.lines()[-1]
    # the reviewer chooses one: carried there
    plan = plan_carry({decision.finding_id: decision}, [one, two], ids=[old.finding_id], to=two.finding_id,
                      governments=GOVERNMENTS)
    assert [(o.finding_id, n.finding_id) for o, n in plan.carried] == [(old.finding_id, two.finding_id)]
    with pytest.raises(UserError, match="name the one old finding id"):
        plan_carry({decision.finding_id: decision}, [one, two], to=two.finding_id)
    with pytest.raises(UserError, match="no orphan finding of this run has that id"):
        plan_carry({decision.finding_id: decision}, [one, two], ids=[old.finding_id], to="orphan-0000000000")


def test_nothing_found():
    # the clause's vacuum is gone (an item now rests on it); what is left is another article and another body
    old = vacuum(CITY, "克拉玛依市农业农村局、县市区农业农村局")
    left = [vacuum(CITY, "克拉玛依市农业农村局", article=45),
            item(CITY, "克拉玛依市农业农村局", name="对湿地保护情况的检查", category="行政检查", kind="unaccountable")]
    for decision in (legacy(old), recorded(old)):
        (s,) = find_successors([decision], [trace(f) for f in left], governments=GOVERNMENTS)
        assert s.successor is None and s.candidates == () and s.describe().startswith("no successor found")
    # a recorded identity names the body: the clause's vacuum of another body is no candidate
    other = vacuum(CITY, "克拉玛依市住房和城乡建设局", "县级以上人民政府住房城乡建设主管部门")
    (s,) = find_successors([recorded(old)], [trace(other)], governments=GOVERNMENTS)
    assert s.candidates == ()


def test_a_legacy_decision_whose_id_no_finding_hashes_to_shows_candidates_by_summary_only():
    old = vacuum(CITY, "克拉玛依市农业农村局、县市区农业农村局", item_no=4)
    new = vacuum(CITY, "克拉玛依市农业农村局", item_no=3)  # another item: no finding is the old one re-issued
    (s,) = find_successors([legacy(old)], [trace(new)], governments=GOVERNMENTS)
    assert s.basis == "summary" and s.successor is None and [c.finding_id for c in s.candidates] == [new.finding_id]
    assert "summary only" in s.describe()


def test_a_successor_with_its_own_decision_or_claimed_twice_is_not_carried_to():
    old, new = item(CITY, "克拉玛依市农业农村局", code="C-1"), item(GROUP, "县市区农业农村局", code="C-1")
    own = recorded(new)
    (s,) = find_successors([recorded(old)], [trace(new)], decisions={new.finding_id: own}, governments=GOVERNMENTS)
    assert s.successor is None and "decision of its own" in s.describe()
    twin = item(DISTRICT, "克拉玛依市白碱滩区农业农村局", code="C-1")  # moved elsewhere since: both claim the new one
    found = find_successors([recorded(old), recorded(twin)], [trace(new)], governments=GOVERNMENTS)
    assert all(x.successor is None and "also the likely successor" in x.describe() for x in found)


def test_bad_ids_are_refused_with_a_message():
    old, new = item(CITY, "克拉玛依市农业农村局", code="C-1"), item(GROUP, "县市区农业农村局", code="C-1")
    decision = recorded(old)
    decisions = {decision.finding_id: decision}
    with pytest.raises(UserError, match="no decision is recorded on orphan-0000000000"):
        plan_carry(decisions, [new], ids=["orphan-0000000000"])
    with pytest.raises(UserError, match="still exists"):
        plan_carry(decisions, [old, new], ids=[old.finding_id])
    with pytest.raises(UserError, match="nothing to carry"):
        plan_carry(decisions, [old, new])
    carried = {decision.finding_id: Decision(**{**decision.__dict__, "carried_to": new.finding_id})}
    with pytest.raises(UserError, match="already carried to"):
        plan_carry(carried, [new], ids=[old.finding_id])


# ---------------------------------------------------------------------------
# On a store: the demo list, a row moved to the county group by a reload


def decided_and_moved(store, path, status="confirmed", note="确无依据"):
    """The orphan YX-CF-009 decided by 王五, then the demo list reloaded with its 实施主体 a county bureau (so it is
    loaded under 云溪市所辖县（市、区）); the old finding and the new."""
    orphan = next(f for f in iter_findings(store, "orphans") if f.item_code == "YX-CF-009")
    decide(store, finding_id=orphan.finding_id, status=status, note=note, by="王五")
    rows = demo_rows()
    column, body = rows[0].index("事项编码"), rows[0].index("实施主体")
    reload(store, path, [r[:body] + ["县市区农业农村局"] + r[body + 1:] if r[column] == "YX-CF-009" else r for r in rows])
    return orphan, next(f for f in iter_findings(store, "orphans") if f.item_code == "YX-CF-009")


def test_carry_on_a_store_shown_by_check_dry_run_then_written(listed, tmp_path):
    store, path = listed
    orphan, new = decided_and_moved(store, path)
    assert new.finding_id != orphan.finding_id and new.government == "云溪市所辖县（市、区）"
    # check: the missing decision comes with its successor, in the xlsx too
    successions: list = []
    run_check(store, "all", format="xlsx", output=tmp_path / "c.xlsx", successions=successions)
    assert [(s.decision.finding_id, s.successor.finding_id) for s in successions] == [(orphan.finding_id, new.finding_id)]
    sheet = openpyxl.load_workbook(tmp_path / "c.xlsx")["失效的处理决定"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "原问题编号" and rows[1][0] == orphan.finding_id and rows[1][9] == new.finding_id
    # a dry run writes nothing
    before = store.decisions()
    plan = carry(store, dry_run=True, by="李四", now="2026-12-04T22:00:00Z")
    assert [(o.finding_id, n.finding_id) for o, n in plan.carried] == [(orphan.finding_id, new.finding_id)]
    assert store.decisions() == before
    carry(store, by="李四", now="2026-12-04T22:00:00Z")
    decisions = store.decisions()
    carried, old = decisions[new.finding_id], decisions[orphan.finding_id]
    assert (carried.status, carried.by, carried.carried_from, carried.carried_by) == ("confirmed", "王五", orphan.finding_id, "李四")
    assert carried.note == f"确无依据；由 {orphan.finding_id} 转入（该问题已重新编号）"
    assert carried.fingerprint == before[orphan.finding_id].fingerprint
    assert old.carried_to == new.finding_id and old.status == "confirmed"  # kept, marked superseded
    # the successor is decided (its evidence is the same), nothing is missing any more
    buf, missing = io.StringIO(), []
    run_check(store, "orphans", format="json", out=buf, show="decided", missing=missing)
    assert [f["finding_id"] for f in json.loads(buf.getvalue())] == [new.finding_id] and missing == []
    with pytest.raises(UserError, match="nothing to carry"):
        carry(store)


def test_a_carried_decision_whose_evidence_differs_is_outdated(listed):
    store, path = listed
    orphan = next(f for f in iter_findings(store, "orphans") if f.item_code == "YX-CF-009")
    decide(store, finding_id=orphan.finding_id, status="confirmed", by="王五")
    rows = demo_rows()
    column, body, basis = rows[0].index("事项编码"), rows[0].index("实施主体"), rows[0].index("实施依据")
    cited = "【法律】《中华人民共和国蜂业促进法》第九十九条"  # now cites an article the law does not have: still an orphan
    reload(store, path, [r[:basis] + [cited] + r[basis + 1:body] + ["县市区农业农村局"] + r[body + 1:]
                         if r[column] == "YX-CF-009" else r for r in rows])
    plan = carry(store)
    (_, new), = plan.carried
    shown = {f["finding_id"]: f for f in json.loads(_check_json(store, "all"))}
    assert shown[new.finding_id]["decision"]["outdated"], "a changed basis makes the carried decision outdated"


def _check_json(store, kind):
    buf = io.StringIO()
    run_check(store, kind, format="json", out=buf)
    return buf.getvalue()


def test_a_failed_carry_leaves_the_store_as_it_was(listed, monkeypatch):
    store, path = listed
    findings = [f for f in iter_findings(store, "orphans") if f.item_code in ("YX-CF-009", "YX-CF-010")]
    assert len(findings) == 2
    for f in findings:
        decide(store, finding_id=f.finding_id, status="dismissed", by="王五")
    rows = demo_rows()
    column, body = rows[0].index("事项编码"), rows[0].index("实施主体")
    reload(store, path, [r[:body] + ["县市区农业农村局"] + r[body + 1:] if r[column] in ("YX-CF-009", "YX-CF-010") else r
                         for r in rows])
    before = store.decisions()
    calls = []
    real = Decision.to_node

    def failing(self):
        calls.append(self.finding_id)
        if len(calls) == 3:  # the second pair
            raise OSError("disk full")
        return real(self)

    monkeypatch.setattr(Decision, "to_node", failing)
    with pytest.raises(OSError):
        carry(store)
    monkeypatch.undo()
    assert store.decisions() == before


def test_carry_command(listed):
    store, path = listed
    orphan, new = decided_and_moved(store, path, status="fixed", note="已补依据")
    store_path = store.path
    store.close()
    runner = CliRunner()

    def run(*args):
        return runner.invoke(app, hoist_global_options(["--store", str(store_path), *args]))

    result = run("check", "orphans", "--format", "json")
    assert result.exit_code == 0
    assert f"decision {orphan.finding_id}" in result.stderr and f"likely successor {new.finding_id}" in result.stderr
    result = run("carry", "--dry-run")
    assert result.exit_code == 0, result.output
    assert f"would carry {orphan.finding_id} -> {new.finding_id}" in result.stdout and "dry run: nothing written" in result.stdout
    result = run("carry", "orphan-0123456789")
    assert result.exit_code == 2 and "no decision is recorded on orphan-0123456789" in result.stderr
    result = run("carry", "--by", "李四", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [(c["from"], c["to"]) for c in data["carried"]] == [(orphan.finding_id, new.finding_id)] and not data["dry_run"]
    assert data["carried"][0]["decision"]["status"] == "fixed" and data["carried"][0]["decision"]["by"] == "王五"
    result = run("carry")
    assert result.exit_code == 2 and "nothing to carry" in result.stderr
    result = run("check", "orphans", "--format", "json")
    assert new.finding_id not in result.stdout and "no longer exists" not in result.stderr


def test_the_web_view_lists_missing_decisions_and_carries_them(listed):
    from starlette.testclient import TestClient

    from plkg.web import create_app

    store, path = listed
    orphan, new = decided_and_moved(store, path)
    read_only = TestClient(create_app(store))
    page = read_only.get("/decisions")
    assert page.status_code == 200 and orphan.finding_id in page.text and new.finding_id in page.text
    assert "plkg carry" in page.text and 'action="/carry"' not in page.text
    gone = read_only.get("/finding", params={"id": orphan.finding_id})
    assert gone.status_code == 404 and new.finding_id in gone.text
    assert read_only.post("/carry", data={"finding_id": orphan.finding_id}).status_code == 403
    app = create_app(store, allow_decisions=True)
    c = TestClient(app)
    token = app.state.web.token
    assert c.post("/carry", data={"finding_id": orphan.finding_id, "token": "x"}).status_code == 403
    done = c.post("/carry", data={"finding_id": orphan.finding_id, "token": token, "by": "李四"}, follow_redirects=False)
    assert done.status_code == 303 and new.finding_id in done.headers["location"]
    assert store.decisions()[new.finding_id].carried_from == orphan.finding_id
    assert "没有失效的处理决定" in c.get("/decisions").text
    again = c.post("/carry", data={"finding_id": orphan.finding_id, "token": token})
    assert again.status_code == 400 and "already carried" in again.text


@pytest.mark.bolt
def test_carried_decisions_are_the_same_on_the_graph_server(tmp_path, bolt_store):
    old, new = item(CITY, "克拉玛依市农业农村局", code="C-1"), item(GROUP, "县市区农业农村局", code="C-1")
    decision = legacy(old)
    from kg.embedded import EmbeddedStore

    embedded = EmbeddedStore(tmp_path / "e.kg")
    for store in (embedded, bolt_store):
        store.record_decisions([decision])
        plan = plan_carry(store.decisions(), [new], governments=GOVERNMENTS, by="李四", now="2026-12-04T22:00:00Z")
        store.carry_decisions(plan.carried)
    assert embedded.decisions() == bolt_store.decisions()
    assert bolt_store.decisions()[old.finding_id].carried_to == new.finding_id
    embedded.close()


def test_the_web_view_lets_the_reviewer_choose_among_candidates(listed):
    from starlette.testclient import TestClient

    from plkg.web import create_app

    store, path = listed
    orphan = next(f for f in iter_findings(store, "orphans") if f.item_code == "YX-CF-009")
    decide(store, finding_id=orphan.finding_id, status="confirmed", note="确无依据", by="王五")
    rows = demo_rows()
    column, body = rows[0].index("事项编码"), rows[0].index("实施主体")
    row = next(r for r in rows if r[column] == "YX-CF-009")
    # the row now in the county group's list, and a copy of it under another city department: two candidates
    reload(store, path, [r for r in rows if r is not row] + [row[:body] + [b] + row[body + 1:]
                                                            for b in ("县市区农业农村局", "云溪市市场监督管理局")])
    candidates = [f for f in iter_findings(store, "orphans") if f.item_code == "YX-CF-009"]
    assert len(candidates) == 2
    app = create_app(store, allow_decisions=True)
    c = TestClient(app)
    page = c.get("/decisions").text
    assert "2 possible successors, none carried" in page and page.count('name="to"') == 2
    chosen = candidates[1].finding_id
    done = c.post("/carry", data={"finding_id": orphan.finding_id, "to": chosen, "token": app.state.web.token},
                  follow_redirects=False)
    assert done.status_code == 303 and store.decisions()[chosen].carried_from == orphan.finding_id

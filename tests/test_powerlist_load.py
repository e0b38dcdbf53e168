"""load_powers end to end on small workbooks: graph shape, citation resolution, bad input, reloads, resolve_pending."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from kg.model import (
    Category,
    Citation,
    CitationStatus,
    Department,
    Government,
    GovLevel,
    Law,
    LawVersion,
    PowerItem,
    Provision,
    ProvisionKind,
    Rank,
    article_id,
    item_id,
    nodes_of,
    paragraph_id,
)
from loaders.powerlists import load_powers, resolve_pending

LAW = "中华人民共和国大气污染防治法"
HEADER = ["序号", "事项名称", "子项名称", "权力类型", "实施依据", "行使主体", "承办机构", "责任事项内容", "追责对象范围", "追责情形"]


def _law_nodes(date: str, articles: dict[int, list[str]]):
    version = LawVersion(LAW, date, LAW, rank=Rank.LAW, effective=date)
    nodes = [Law(LAW, "大气污染防治法", Rank.LAW), version]
    for number, paragraphs in articles.items():
        aid = article_id(version.id, number)
        nodes.append(Provision(aid, version.id, ProvisionKind.ARTICLE, number, text="".join(paragraphs), article=number))
        for p, text in enumerate(paragraphs, 1):
            pid = paragraph_id(aid, p)
            nodes.append(Provision(pid, version.id, ProvisionKind.PARAGRAPH, p, text=text, article=number, paragraph=p))
            if "（一）" in text:
                nodes.append(Provision(item_id(pid, 1), version.id, ProvisionKind.ITEM, 1, text="（一）未依法取得排污许可证排放大气污染物的；",
                                       article=number, paragraph=p, item=1))
    return nodes


ART99 = ["违反本法规定，有下列行为之一的，由县级以上人民政府生态环境主管部门责令改正或者限制生产、停产整治，并处十万元以上一百万元以下的罚款："
         "（一）未依法取得排污许可证排放大气污染物的；"]
ART100 = ["违反本法规定，有下列行为之一的，由县级以上人民政府生态环境主管部门责令改正，处二万元以上二十万元以下的罚款。", "第二款的文字。"]


@pytest.fixture
def law_store(store):
    with store.transaction() as tx:
        tx.add_nodes(nodes_of(_law_nodes("2018-10-26", {99: ART99, 100: ART100})))
    return store


def _workbook(path: Path, rows, title="克拉玛依市生态环境局2024年权责清单", sheet="行政处罚（3项）"):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    ws.append([title])
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


ROWS = [
    [1, "对无证排放大气污染物的处罚", "", "行政处罚",
     "【法律】《中华人民共和国大气污染防治法》（1987年9月5日通过，2018年10月26日第二次修正）\n    第九十九条第一项：未依法取得排污许可证排放大气污染物的；\n"
     "    第一百条第二款：第二款的文字。\n【规范性文件】《关于加强大气污染防治工作的通知》（新环发〔2019〕12号）",
     "市生态环境局", "执法支队", "1.立案", "1.具体承办人", "因不履行…"],
    [2, "对拒不改正的处罚", "", "行政处罚", "《大气污染防治法》第二百条；《新疆维吾尔自治区大气污染防治条例》第十条", "克拉玛依市生态环境局", "", "", "", ""],
    [3, "大气污染防治宣传", "", "行政处罚", "", "克拉玛依市生态环境局", "", "", "", ""],
]


def test_graph_shape(law_store, tmp_path):
    report = load_powers(law_store, [_workbook(tmp_path / "克拉玛依市生态环境局2024年权责清单.xlsx", ROWS)])
    assert not report.errors and report.counts["power_items"] == 3
    city = Government.from_node(law_store.get("克拉玛依市"))
    assert city.level == GovLevel.CITY and city.parent == "新疆维吾尔自治区"
    assert [e.dst for e in law_store.out_edges("克拉玛依市", "SUBORDINATE_TO")] == ["新疆维吾尔自治区"]
    dept = Department.from_node(law_store.get("克拉玛依市/克拉玛依市生态环境局"))
    assert dept.sectors == ("生态环境",)
    assert [e.dst for e in law_store.out_edges(dept.id, "PART_OF")] == ["克拉玛依市"]
    items = sorted((PowerItem.from_node(n) for n in law_store.nodes("PowerItem")), key=lambda i: i.row)
    assert {i.department for i in items} == {dept.id}  # 市生态环境局 and 克拉玛依市生态环境局 are one department
    first = items[0]
    assert first.category == Category.PENALTY and first.list_date == "2024-01-01" and first.source_file.endswith(".xlsx")
    assert first.sheet == "行政处罚（3项）" and first.row == 3 and first.extra["承办机构"] == "执法支队"
    assert [e.dst for e in law_store.out_edges(first.id, "EXERCISED_BY")] == [dept.id]
    (resp,) = law_store.targets(first.id, "HAS_RESPONSIBILITY")
    assert resp.props["duties"] == "1.立案" and resp.props["accountability"] == "因不履行…"
    assert not list(law_store.targets(items[1].id, "HAS_RESPONSIBILITY"))  # no responsibility content

    cites = sorted((Citation.from_node(n) for n in law_store.targets(first.id, "BASED_ON")), key=lambda c: c.id)
    assert [c.id for c in cites] == [f"{first.id}#c1", f"{first.id}#c2", f"{first.id}#c3"]
    item_cite, para_cite, notice = cites
    version = f"{LAW}/2018-10-26"
    assert item_cite.status == CitationStatus.RESOLVED and item_cite.version == version
    assert item_cite.target == item_id(paragraph_id(article_id(version, 99), 1), 1)
    assert item_cite.rank_tag == "法律" and item_cite.version_note.startswith("1987年9月5日") and item_cite.quote_similarity == 1.0
    assert [e.dst for e in law_store.out_edges(item_cite.id, "RESOLVES_TO")] == [item_cite.target]
    assert para_cite.target == paragraph_id(article_id(version, 100), 2) and para_cite.quote_similarity == 1.0
    assert notice.status == CitationStatus.NORMATIVE_DOCUMENT and notice.rank_tag == "规范性文件" and notice.target is None

    second = sorted((Citation.from_node(n) for n in law_store.targets(items[1].id, "BASED_ON")), key=lambda c: c.id)
    assert [c.status for c in second] == [CitationStatus.ARTICLE_NOT_FOUND, CitationStatus.LAW_NOT_LOADED]
    assert second[0].version == version and second[1].law == "新疆维吾尔自治区大气污染防治条例"
    assert not list(law_store.targets(items[2].id, "BASED_ON"))  # no basis text, no citations


def test_quote_of_another_article_is_flagged(law_store, tmp_path):
    rows = [[1, "对超标排放的处罚", "", "行政处罚",
             "《中华人民共和国大气污染防治法》第一百条：违反本法规定，有下列行为之一的，由县级以上人民政府生态环境主管部门责令改正或者限制生产、停产整治，并处十万元以上一百万元以下的罚款",
             "克拉玛依市生态环境局", "", "", "", ""]]
    load_powers(law_store, [_workbook(tmp_path / "a.xlsx", rows)])
    (cite,) = (Citation.from_node(n) for n in law_store.nodes("Citation"))
    assert cite.status == CitationStatus.RESOLVED and cite.article == 100
    assert cite.quote_similarity < 0.8  # the shared opening words match, the rest does not
    assert cite.quote_best_match == article_id(f"{LAW}/2018-10-26", 99) and cite.quote_best_similarity == 1.0


def test_version_named_by_the_note_wins_over_the_list_date(store, tmp_path):
    with store.transaction() as tx:
        tx.add_nodes(nodes_of(_law_nodes("2015-08-29", {99: ["旧的第九十九条。"]})))
        tx.add_nodes(nodes_of(_law_nodes("2018-10-26", {99: ["新的第九十九条。"]})[1:]))
    rows = [[1, "甲", "", "行政处罚", "《大气污染防治法》（2015年8月29日修订）第九十九条", "克拉玛依市生态环境局", "", "", "", ""],
            [2, "乙", "", "行政处罚", "《大气污染防治法》第九十九条", "克拉玛依市生态环境局", "", "", "", ""]]
    load_powers(store, [_workbook(tmp_path / "b.xlsx", rows)])
    versions = sorted(c.props["version"] for c in store.nodes("Citation"))
    assert versions == [f"{LAW}/2015-08-29", f"{LAW}/2018-10-26"]


def test_options_override_government_level_and_date(law_store, tmp_path):
    path = _workbook(tmp_path / "list.xlsx", ROWS[:1], title="权责清单")
    report = load_powers(law_store, [path], government="独山子区", level="county", date="2019-01-01")
    gov = Government.from_node(law_store.get("独山子区"))
    assert gov.level == GovLevel.COUNTY
    (item,) = (PowerItem.from_node(n) for n in law_store.nodes("PowerItem"))
    assert item.government == "独山子区" and item.list_date == "2019-01-01"
    assert report.details["per_file"]["list.xlsx"]["government"] == "独山子区"


def test_bad_input_is_reported_and_the_rest_loads(law_store, tmp_path):
    good = _workbook(tmp_path / "克拉玛依市生态环境局权责清单.xlsx", ROWS + [[4, "政务咨询", "", "公共服务", "", "克拉玛依市生态环境局", "", "", "", ""]])
    corrupt = tmp_path / "corrupt.xls"
    corrupt.write_bytes(b"\x00\x01garbage")
    locked = tmp_path / "locked.xlsx"
    from tests.workbook_writers import encrypted

    locked.write_bytes(encrypted(good.read_bytes(), "s3cret"))  # a real password, not Excel's default
    headless = _workbook(tmp_path / "notes.xlsx", [["这是说明"]], title="说明")
    book = openpyxl.load_workbook(headless)
    book.active.delete_rows(2)
    book.save(headless)
    report = load_powers(law_store, [good, corrupt, locked, headless])
    assert report.loaded == [str(good)] and report.counts["power_items"] == 3
    errors = {Path(p.where).name: p.reason for p in report.errors}
    assert set(errors) == {"corrupt.xls", "locked.xlsx", "notes.xlsx"}
    assert "password-protected" in errors["locked.xlsx"] and "header" in errors["notes.xlsx"]
    (warning,) = report.warnings
    assert "行政处罚（3项） row 6" in warning.where and "公共服务" in warning.reason
    (line,) = report.details["files"]
    assert line.startswith("克拉玛依市生态环境局权责清单.xlsx: 3 items") and "行政处罚 3" in line and "1 rows skipped" in line and "公共服务" in line


def test_no_government_anywhere_is_an_error(law_store, tmp_path):
    rows = [[1, "甲", "", "行政处罚", "", "市生态环境局", "", "", "", ""]]
    report = load_powers(law_store, [_workbook(tmp_path / "list.xlsx", rows, title="权责清单")])
    assert report.nothing_loaded and "--government" in report.errors[0].reason


def test_reload_replaces_the_items_of_that_file(law_store, tmp_path):
    path = _workbook(tmp_path / "克拉玛依市生态环境局权责清单.xlsx", ROWS)
    load_powers(law_store, [path])
    _workbook(path, ROWS[:1])
    load_powers(law_store, [path])
    assert law_store.count("PowerItem") == 1 and law_store.count("Citation") == 3 and law_store.count("Responsibility") == 1


def test_items_use_the_list_code_when_unique(law_store, tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["序号", "事项编码", "事项名称", "权力类别", "设定依据", "实施主体"])
    ws.append([1, "330217001000", "对无证排放的处罚", "行政处罚", "", "宁波市生态环境局"])
    ws.append([2, "330217002000", "对超标排放的处罚", "行政处罚", "", "宁波市生态环境局"])
    path = tmp_path / "ningbo.xlsx"
    book.save(path)
    load_powers(law_store, [path])
    assert sorted(n.id for n in law_store.nodes("PowerItem")) == ["330217001000", "330217002000"]
    assert law_store.get("宁波市").props["level"] == "city"


def test_resolve_pending_after_the_law_is_loaded(store, tmp_path):
    load_powers(store, [_workbook(tmp_path / "克拉玛依市生态环境局权责清单.xlsx", ROWS[:1])])
    assert store.count("Citation", status="law_not_loaded") == 2 and store.count("Citation", status="normative_document") == 1
    with store.transaction() as tx:
        tx.add_nodes(nodes_of(_law_nodes("2018-10-26", {99: ART99, 100: ART100})))
        # a "normative document" that turns out to be a loaded regulation
        notice = "关于加强大气污染防治工作的通知"
        tx.add_nodes(nodes_of([Law(notice, notice, Rank.ADMINISTRATIVE_REGULATION), LawVersion(notice, "2019-01-01", notice)]))
        changed = resolve_pending(store, tx)
    assert changed == 3 and store.count("Citation", status="resolved") == 3
    cite = next(c for c in store.nodes("Citation") if c.id.endswith("#c1"))
    assert [e.dst for e in store.out_edges(cite.id, "RESOLVES_TO")] == [cite.props["target"]]


def test_older_unloaded_version_renumbered_or_rewritten(store, tmp_path):
    """The note names the 2015 text, only 2018 is loaded: the quote decides."""
    with store.transaction() as tx:
        tx.add_nodes(nodes_of(_law_nodes("2018-10-26", {99: ART99, 100: ["国家倡导低碳出行，鼓励公众使用公共交通工具。"]})))
    law_store = store
    note = "（2015年8月29日第十二届全国人民代表大会常务委员会第十六次会议修订）"
    rows = [[1, "甲", "", "行政处罚", f"《中华人民共和国大气污染防治法》{note}\n    第一百条：{ART99[0]}", "克拉玛依市生态环境局", "", "", "", ""],
            [2, "乙", "", "行政处罚", f"《中华人民共和国大气污染防治法》{note}\n    第九十九条：对燃放烟花爆竹的单位处以罚款。", "克拉玛依市生态环境局", "", "", "", ""]]
    load_powers(law_store, [_workbook(tmp_path / "c.xlsx", rows)])
    cites = {c.props["article"]: Citation.from_node(c) for c in law_store.nodes("Citation")}
    renumbered, rewritten = cites[100], cites[99]
    assert renumbered.status == CitationStatus.RESOLVED and renumbered.target == article_id(f"{LAW}/2018-10-26", 99)
    assert renumbered.quote_similarity == 1.0
    assert rewritten.status == CitationStatus.ARTICLE_NOT_FOUND and rewritten.target is None
    assert rewritten.version == f"{LAW}/2018-10-26"


def test_a_district_list_in_a_city_batch(law_store, tmp_path):
    city = _workbook(tmp_path / "克拉玛依市生态环境局权责清单.xlsx", ROWS[:1])
    district = _workbook(tmp_path / "独山子区财政局权责清单.xlsx", [[1, "对违反财政法规的处罚", "", "行政处罚", "", "区财政局", "", "", "", ""]],
                         title="独山子区财政局权责清单")
    load_powers(law_store, [city, district])
    gov = Government.from_node(law_store.get("克拉玛依市独山子区"))
    assert gov.level == GovLevel.COUNTY and gov.parent == "克拉玛依市"
    assert law_store.get("克拉玛依市独山子区/克拉玛依市独山子区财政局").props["sectors"] == ["财政"]


def test_a_departments_table_beside_the_workbooks_extends_the_sectors(law_store, tmp_path):
    folder = tmp_path / "lists"
    folder.mkdir()
    _workbook(folder / "克拉玛依市综合行政执法局权责清单.xlsx", [[1, "对违法建设的处罚", "", "行政处罚", "", "克拉玛依市综合行政执法局", "", "", "", ""]])
    (folder / "departments.csv").write_text("keyword,sectors,government,note\n综合行政执法,城市管理;住房和城乡建设;生态环境,克拉玛依市,\n", encoding="utf-8")
    report = load_powers(law_store, [folder])
    assert not report.errors and len(report.loaded) == 1
    dept = law_store.get("克拉玛依市/克拉玛依市综合行政执法局")
    assert dept.props["sectors"] == ["城市管理", "住房和城乡建设", "生态环境"]


def test_an_unforeseen_failure_skips_only_that_row(law_store, tmp_path, monkeypatch):
    import loaders.powerlists as powerlists

    real = powerlists.parse_basis

    def fragile(text):
        if "第二百条" in text:
            raise IndexError("odd cell")
        return real(text)

    monkeypatch.setattr(powerlists, "parse_basis", fragile)
    report = load_powers(law_store, [_workbook(tmp_path / "克拉玛依市生态环境局权责清单.xlsx", ROWS)])
    assert report.counts["power_items"] == 2 and law_store.count("PowerItem") == 2
    (warning,) = report.warnings
    assert "row 4" in warning.where and "IndexError: odd cell" in warning.reason
    assert "1 rows skipped" in report.details["files"][0]


@pytest.mark.parametrize("truncated, article, expected", [
    # the loaded text stops at art. 100 and looks cut short: a citation beyond it cannot be checked here
    ("文本止于第100条，末条不是施行条款", "第一百三十条", CitationStatus.TEXT_INCOMPLETE),
    # near miss: a whole text (its last article is the commencement) lacks the article: it is not found
    ("", "第一百三十条", CitationStatus.ARTICLE_NOT_FOUND),
    # near miss: cut short, but the cited number lies inside the loaded range (a gap, not the cut)
    ("文本止于第100条，末条不是施行条款", "第五十条", CitationStatus.ARTICLE_NOT_FOUND),
])
def test_an_article_beyond_a_cut_short_text_is_not_verifiable(store, tmp_path, truncated, article, expected):
    nodes = _law_nodes("2018-10-26", {99: ART99, 100: ART100})
    nodes[1].truncated = truncated
    with store.transaction() as tx:
        tx.add_nodes(nodes_of(nodes))
    rows = [[1, "甲", "", "行政处罚", f"《中华人民共和国大气污染防治法》{article}", "克拉玛依市生态环境局", "", "", "", ""]]
    load_powers(store, [_workbook(tmp_path / "克拉玛依市生态环境局权责清单.xlsx", rows)])
    (cite,) = [Citation.from_node(c) for c in store.nodes("Citation")]
    assert cite.status == expected and cite.version == f"{LAW}/2018-10-26"


@pytest.mark.parametrize("rows, only_named", [
    # the Karamay agriculture list: one level of a city item (same 序号 and name) is the 自治区's: only named there
    ([[1, "甲", "", "行政处罚", "《中华人民共和国大气污染防治法》第九十九条", "新疆维吾尔自治区农业农村厅", "", "", "", ""],
      [1, "甲", "", "行政处罚", "《中华人民共和国大气污染防治法》第九十九条", "克拉玛依市生态环境局", "", "", "", ""],
      [2, "乙", "", "行政处罚", "《中华人民共和国大气污染防治法》第一百条", "克拉玛依市生态环境局", "", "", "", ""]],
     {"克拉玛依市": False, "新疆维吾尔自治区": True}),
    # a list naming many governments: the 自治区's department holds an item of its own, so it is its list too
    ([[1, "甲", "", "行政处罚", "《中华人民共和国大气污染防治法》第九十九条", "新疆维吾尔自治区农业农村厅", "", "", "", ""],
      [2, "乙", "", "行政处罚", "《中华人民共和国大气污染防治法》第一百条", "克拉玛依市生态环境局", "", "", "", ""]],
     {"克拉玛依市": False, "新疆维吾尔自治区": False}),
    # near miss: the city's own departments only; the 自治区 is the city's parent, nothing more
    ([[1, "甲", "", "行政处罚", "《中华人民共和国大气污染防治法》第九十九条", "克拉玛依市生态环境局", "", "", "", ""],
      [2, "乙", "", "行政处罚", "《中华人民共和国大气污染防治法》第一百条", "克拉玛依市生态环境局", "", "", "", ""]],
     {"克拉玛依市": False}),
])
def test_governments_known_only_from_another_list_are_marked(law_store, tmp_path, rows, only_named):
    load_powers(law_store, [_workbook(tmp_path / "克拉玛依市生态环境局权责清单.xlsx", rows)])
    assert {g["id"]: bool(g.get("only_named")) for g in law_store.governments()} == only_named


def test_every_government_of_a_provincial_list_is_its_own(law_store, tmp_path):
    rows = [[1, "甲", "", "行政处罚", "《中华人民共和国大气污染防治法》第九十九条", "浙江省生态环境厅", "", "", "", ""],
            [2, "乙", "", "行政处罚", "《中华人民共和国大气污染防治法》第一百条", "杭州市生态环境局", "", "", "", ""],
            [3, "丙", "", "行政处罚", "《中华人民共和国大气污染防治法》第一百条", "杭州市西湖区生态环境局", "", "", "", ""]]
    load_powers(law_store, [_workbook(tmp_path / "浙江省权责清单.xlsx", rows, title="浙江省权责清单")], government="浙江省", level="province")
    assert {g["id"]: bool(g.get("only_named")) for g in law_store.governments()} == {
        "浙江省": False, "杭州市": False, "杭州市西湖区": False}


def test_a_government_loaded_with_its_own_list_keeps_its_standing(law_store, tmp_path):
    province = _workbook(tmp_path / "新疆维吾尔自治区生态环境厅权责清单.xlsx",
                         [[1, "甲", "", "行政处罚", "《中华人民共和国大气污染防治法》第九十九条", "自治区生态环境厅", "", "", "", ""]],
                         title="新疆维吾尔自治区生态环境厅权责清单")
    load_powers(law_store, [province], government="新疆维吾尔自治区", level="province")
    load_powers(law_store, [_workbook(tmp_path / "克拉玛依市生态环境局权责清单.xlsx", ROWS[:1])])
    assert {g["id"]: bool(g.get("only_named")) for g in law_store.governments()} == {
        "克拉玛依市": False, "新疆维吾尔自治区": False}


@pytest.mark.parametrize("quote, status, article", [
    # the 2015 text, amended since: art. 99 of 2018 holds most of it (0.74), art. 100 of 2018 is another text
    ("违反本法规定，有下列行为之一的，由县级以上人民政府环境保护行政主管部门责令停止违法行为，限期改正，并处一万元以上十万元以下罚款："
     "（一）未依法取得排污许可证排放大气污染物的；", CitationStatus.RESOLVED, 99),
    # near miss: a quote no loaded article holds is not found
    ("对燃放烟花爆竹的单位处以罚款，并没收烟花爆竹。", CitationStatus.ARTICLE_NOT_FOUND, None),
])
def test_a_quote_amended_and_renumbered_resolves_to_its_new_place(store, tmp_path, quote, status, article):
    with store.transaction() as tx:
        tx.add_nodes(nodes_of(_law_nodes("2018-10-26", {99: ART99, 100: ["国家倡导低碳出行，鼓励公众使用公共交通工具。"]})))
    note = "（2015年8月29日第十二届全国人民代表大会常务委员会第十六次会议修订）"
    rows = [[1, "甲", "", "行政处罚", f"《中华人民共和国大气污染防治法》{note}\n    第一百条：{quote}", "克拉玛依市生态环境局", "", "", "", ""]]
    load_powers(store, [_workbook(tmp_path / "c.xlsx", rows)])
    (cite,) = [Citation.from_node(c) for c in store.nodes("Citation")]
    assert cite.status == status and cite.article == 100
    assert cite.target == (article_id(f"{LAW}/2018-10-26", article) if article else None)
    if article:
        assert 0.6 <= cite.quote_similarity < 0.85  # below a match: the stale query reports the amended text


@pytest.mark.parametrize("note, target, best_match", [
    # 动物防疫法 shape: the note names the loaded version's own date (in force months later): that version,
    # so a quote of another article stays on the cited one, the article holding it named beside it
    ("（2018年10月26日第二次修正）", 100, 99),
    # near miss: a note naming an older, unloaded version (numbered otherwise): moved to the article holding the quote
    ("（2015年8月29日第十二届全国人民代表大会常务委员会第十六次会议修订）", 99, None),
])
def test_a_note_naming_the_loaded_versions_date_is_that_version(store, tmp_path, note, target, best_match):
    nodes = _law_nodes("2018-10-26", {99: ART99, 100: ART100})
    nodes[1].effective, nodes[1].promulgated, nodes[1].amended = "2019-01-01", "1987-09-05", ("2015-08-29", "2018-10-26")
    with store.transaction() as tx:
        tx.add_nodes(nodes_of(nodes))
    rows = [[1, "甲", "", "行政处罚", f"《中华人民共和国大气污染防治法》{note}第一百条：{ART99[0]}", "克拉玛依市生态环境局", "", "", "", ""]]
    load_powers(store, [_workbook(tmp_path / "克拉玛依市生态环境局权责清单.xlsx", rows, title="克拉玛依市生态环境局2024年权责清单")])
    (cite,) = [Citation.from_node(c) for c in store.nodes("Citation")]
    version = f"{LAW}/2018-10-26"
    assert (cite.status, cite.article, cite.version, cite.target) == (CitationStatus.RESOLVED, 100, version, article_id(version, target))
    assert cite.quote_best_match == (article_id(version, best_match) if best_match else None)

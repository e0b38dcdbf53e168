"""A row of a lower level in a sheet of the workbook's own government is loaded at that level.

The Karamay 农业农村局 list (a city list) gives its 行政征收 item one row per level: 自治区农业农村厅 (自治区级),
地州市农业农村局 (地州市级) and 县市区农业农村局 (县市区级).  Read under the city, the county-level bureau was a
department of 克拉玛依市 and took part in its overlaps and vacuums (水生野生动物保护实施条例 art. 19, judges Q and T).
The Zhejiang 双随机 catalogue (a province list) names its cities' and counties' bodies (市食品药品监督管理部门,
县食品药品监管部门(含基层监管所), 市、县级市场监督管理部门).  The grammar of level words is ``ontology/list_levels.csv``.
"""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from kg.model import GovLevel
from loaders.powerlists import load_powers
from loaders.powerlists.departments import (LIST_LEVELS_CSV, GovernmentName, department_government, level_group,
                                            lower_units, row_level, sheet_level, stated_level)
from queries.overlap import loaded_departments
from tests.test_powerlist_county_sheets import HEADER, _forestry

CITY = GovernmentName("克拉玛依市", GovLevel.CITY, "新疆维吾尔自治区")
PROVINCE = GovernmentName("浙江省", GovLevel.PROVINCE)
GROUP = "克拉玛依市所辖县（市、区）"
TOWNS = "克拉玛依市所辖乡（镇、街道）"
ZJ_CITIES, ZJ_COUNTIES = "浙江省所辖市（地、州、盟）", "浙江省所辖县（市、区）"


@pytest.mark.parametrize("of, cell, stated, expected", [
    # the 农业农村局 list's 行政征收 item, row 3 (县市区级): the county level, as a group
    (CITY, "县市区农业农村局", "县市区级", [GROUP]),
    # near misses: the city's own bureau, by its name or by the catalogue's word for the city level
    (CITY, "克拉玛依市农业农村局", "地州市级", None),
    (CITY, "地州市农业农村局", "地州市级", None),
    (CITY, "地州市级农业农村局", "地州市级", None),
    (CITY, "市科技局", "地州 市级", None),
    (CITY, "地州市商务主管部门", "地州市级；负责对外劳务合作经营资格初审", None),
    (CITY, "自治区农业农村厅", "自治区级", None),  # a higher level: department_government reads it
    # a city bureau's branches in the districts, named together (林草 区县级 sheet, 153 rows) or one of them
    (CITY, "克拉玛依市自然资源局各区自然资源分局", "县市区级", [GROUP]),
    (CITY, "市场监督管理局克拉玛依区分局", "", ["克拉玛依市克拉玛依区"]),
    (CITY, "克拉玛依市市场监督管理局克拉玛依区分局", "", ["克拉玛依市克拉玛依区"]),
    (CITY, "各区绿化委员会", "县市区级", [GROUP]),
    # near misses: a branch with no place, a zone, a district named alone (department_government reads it)
    (CITY, "克拉玛依市公安局交通警察分局", "", None),
    (CITY, "克拉玛依市市场监督管理局高新区分局", "", None),
    (CITY, "白碱滩区林业和草原局", "", None),
    # a body naming no government: the 实施层级 column says the level
    (CITY, "农业农村局", "县市区级", [GROUP]),
    (CITY, "农业农村局", "地州市级", None),
    (CITY, "农业农村局", "县级接收申请并签署意见上报。", None),  # a note on the procedure, not a level
    # several levels, the city's among them: the city holds it (as 县级以上 roles do)
    (CITY, "农业农村局", "地州市级、县市区级", None),
    (CITY, "市、县级农业农村主管部门", "", None),
    (CITY, "县级以上农业农村主管部门", "", None),
    # the city's own office named, whatever the column says
    (CITY, "克拉玛依市林业和草原局", "县市区级", None),
    # townships and sub-districts
    (CITY, "乡镇人民政府", "", [TOWNS]),
    (CITY, "街道办事处", "", [TOWNS]),
    (CITY, "乡村振兴局", "", None),  # 乡村, not a township
    (CITY, "市场监督管理局", "", None),  # 市场, not the city level
    # the Zhejiang catalogue (a province's): cities and counties
    (PROVINCE, "市食品药品监督管理部门", "", [ZJ_CITIES]),
    (PROVINCE, "县食品药品监管部门(含基层监管所)", "", [ZJ_COUNTIES]),
    (PROVINCE, "县食品药品监管部门的基层站所", "", [ZJ_COUNTIES]),
    (PROVINCE, "市、县级市场监督管理部门", "", [ZJ_CITIES, ZJ_COUNTIES]),
    (PROVINCE, "市县食品药品监管部门", "", [ZJ_CITIES, ZJ_COUNTIES]),
    (PROVINCE, "县市场监督管理局", "", [ZJ_COUNTIES]),  # 县 then 市场, not 县市
    # near misses: the province among the levels
    (PROVINCE, "县级以上工商、市场监管部门", "", None),
    (PROVINCE, "省、市、县、所公安管理部门", "", None),
    (PROVINCE, "省级工商、市场监管部门", "", None),
    # a municipality's 市 is itself
    (GovernmentName("北京市", GovLevel.PROVINCE), "市市场监督管理局", "", None),
    # a county's own list: 县/区 is itself, a township below it
    (GovernmentName("克拉玛依市白碱滩区", GovLevel.COUNTY, "克拉玛依市"), "区财政局", "", None),
    (GovernmentName("克拉玛依市白碱滩区", GovLevel.COUNTY, "克拉玛依市"), "各乡镇人民政府", "", ["克拉玛依市白碱滩区所辖乡（镇、街道）"]),
])
def test_the_level_of_a_row(of, cell, stated, expected):
    found = row_level(cell, stated, of)
    assert (found and [g.name for g in found[0]]) == expected


@pytest.mark.parametrize("of, cell, group, department", [
    # under the group, a unit named generically keeps its written name (as on the 林草 区县级 sheet)
    (CITY, "县市区农业农村局", GROUP, "县市区农业农村局"),
    (CITY, "克拉玛依市自然资源局各区自然资源分局", GROUP, "克拉玛依市自然资源局各区自然资源分局"),
    # a role named by the group's level alone: the spelling ontology/department_names.csv keeps, one department
    (PROVINCE, "县食品药品监管部门(含基层监管所)", ZJ_COUNTIES, "食品药品监督管理部门"),
    (PROVINCE, "县食品药品监管部门的基层站所", ZJ_COUNTIES, "食品药品监督管理部门"),
    (PROVINCE, "市、县食品药品监管部门", ZJ_COUNTIES, "食品药品监督管理部门"),
    (PROVINCE, "市食品药品监督管理部门", ZJ_CITIES, "食品药品监督管理部门"),
    (PROVINCE, "市、县级市场监督管理部门", ZJ_CITIES, "市场监督管理部门"),
])
def test_the_department_of_a_row_at_a_lower_level(of, cell, group, department):
    (gov,) = [g for g in row_level(cell, "", of)[0] if g.name == group]
    assert department_government(cell, gov, None) == (gov, department)


def test_a_branch_in_one_district_is_that_districts():
    (district,), _ = row_level("克拉玛依市市场监督管理局克拉玛依区分局", "", CITY)
    gov, department = department_government("克拉玛依市市场监督管理局克拉玛依区分局", district, "新疆维吾尔自治区")
    assert (gov.name, gov.level, gov.parent, department) == (
        "克拉玛依市克拉玛依区", GovLevel.COUNTY, "克拉玛依市", "克拉玛依市市场监督管理局克拉玛依区分局")


@pytest.mark.parametrize("text, levels", [
    ("县市区级", ("county",)),
    ("地州 市级", ("city",)),
    ("地州市级；负责对外劳务合作经营资格初审", ("city",)),
    ("地州市级、县市区级", ("city", "county")),
    ("县级以上", ("province", "city", "county")),
    ("县级接收申请并签署意见上报。", ()),
    ("上报核准申请", ()),
    ("负责本行政区域档案工作监督检查。", ()),
])
def test_the_levels_a_level_cell_states(text, levels):
    assert tuple(level.value for level in stated_level(text, CITY)) == levels


@pytest.mark.parametrize("office, units", [
    ("矿产资源管理科、各区自然资源分局", ["各区自然资源分局"]),  # 自然资源局 list, 13 rows
    ("市不动产登记中心、各区不动产登记中心", ["各区不动产登记中心"]),
    ("具体承办的业务科室", []),
    ("各行政执法科", []),
    ("市林木种苗事务中心（市野生动物保护中心、市森林防火指挥中心）", []),
])
def test_lower_units_a_handling_office_names(office, units):
    assert lower_units(office, CITY) == units


@pytest.mark.parametrize("sheet, expected", [
    ("乡镇级", TOWNS),
    ("乡镇（街道）权责清单", TOWNS),
    ("各乡镇", TOWNS),
    ("乡村振兴", None),
])
def test_a_sheet_of_the_townships(sheet, expected):
    found = sheet_level(sheet, [], CITY)
    assert (found and found[0].name) == expected


def test_level_groups():
    assert level_group(CITY, GovLevel.COUNTY) == GovernmentName(GROUP, GovLevel.COUNTY, "克拉玛依市", True)
    assert level_group(PROVINCE, GovLevel.CITY) == GovernmentName(ZJ_CITIES, GovLevel.CITY, "浙江省", True)


def test_every_level_word_row_cites_an_example():
    with open(LIST_LEVELS_CSV, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and all(r["example"] and r["source"] for r in rows)
    assert all(len(r) == 7 and None not in r for r in rows)


def _agriculture(path: Path) -> Path:
    """The 农业农村局 list's shape: a 行政征收 item with one row per level, and items of the city's own."""
    book = openpyxl.Workbook()
    levy = book.active
    levy.title = "行政征收（ 1 项）"
    levy.append(HEADER)
    basis = "《渔业法》第二十八条\n《新疆维吾尔自治区实施〈中华人民共和国渔业法〉办法》第二十条"  # the province, by its regulation
    levy.append([1, "对渔业资源增殖保护费的征收", "", "行政征收", basis, "自治区农业农村厅", "渔业监督处", "自治区级"])
    levy.append(["", "", "", "", "", "地州市农业农村局", "畜牧兽医科（渔政管理科）", "地州市级"])
    levy.append(["", "", "", "", "", "县市区农业农村局", "具体承办的业务科室", "县市区级"])
    fines = book.create_sheet("行政处罚（2项）")
    fines.append(HEADER)
    fines.append([1, "对违反种子法的处罚", "", "行政处罚", "《种子法》第七十五条", "地州市农业农村局", "农业科", "地州市级"])
    fines.append([2, "对违法使用农药的处罚", "", "行政处罚", "", "县市区农业农村局", "具体承办的业务科室", "县市区级"])
    fines.append([3, "对违法建设的处罚", "", "行政处罚", "", "克拉玛依市市场监督管理局克拉玛依区分局", "", ""])
    fines.append([4, "对违法占地的处罚", "", "行政处罚", "", "克拉玛依市自然资源局", "执法支队、各区自然资源分局", "地州市级"])
    book.save(path)
    return path


def test_rows_of_a_lower_level_load_at_that_level(store, tmp_path):
    report = load_powers(store, [_agriculture(tmp_path / "2024年市农业农村局权责清单.xlsx")], government="克拉玛依市",
                         date="2024-06-01")
    assert not report.errors
    items = {(n.props["sheet"], n.props["row"]): n.props for n in store.nodes("PowerItem")}
    held = {key: (p["government"], p["department"].split("/", 1)[1], bool(p.get("level_row"))) for key, p in items.items()}
    assert held == {
        ("行政征收（ 1 项）", 2): ("新疆维吾尔自治区", "新疆维吾尔自治区农业农村厅", True),
        ("行政征收（ 1 项）", 3): ("克拉玛依市", "克拉玛依市农业农村局", False),  # the list's own government: its own item
        ("行政征收（ 1 项）", 4): (GROUP, "县市区农业农村局", True),  # one level of a shared item
        ("行政处罚（2项）", 2): ("克拉玛依市", "克拉玛依市农业农村局", False),
        ("行政处罚（2项）", 3): (GROUP, "县市区农业农村局", False),  # the county level's alone
        ("行政处罚（2项）", 4): ("克拉玛依市克拉玛依区", "克拉玛依市市场监督管理局克拉玛依区分局", False),
        ("行政处罚（2项）", 5): ("克拉玛依市", "克拉玛依市自然资源局", False),  # the city's body; its branches carry it out
    }
    (line,) = report.details["files"]
    assert (f"sheet 行政征收（ 1 项）: 1 row loaded at a lower level than 克拉玛依市: 1 under {GROUP} (its 实施主体 县市区农业农村局"
            " names the county level (县市区)); 1 of these items is one level of an item the sheet lists for several levels") in line
    assert "sheet 行政征收（ 1 项）: 1 row names a department of 新疆维吾尔自治区, loaded under it" in line
    assert f"sheet 行政处罚（2项）: 2 rows loaded at a lower level than 克拉玛依市: 1 under {GROUP}" in line
    assert "1 under 克拉玛依市克拉玛依区 (its 实施主体 克拉玛依市市场监督管理局克拉玛依区分局 is a branch in 克拉玛依市克拉玛依区)" in line
    assert "1 row of a body of 克拉玛依市 name lower-level units as 承办机构 (各区自然资源分局 1): kept under 克拉玛依市" in line
    # rows alone make no list of the county level's own: nothing of theirs is judged as a list (the 林草 workbook's
    # 区县级 sheet does make one: test_powerlist_county_sheets)
    assert [store.get(g).props.get("only_named") for g in (GROUP, "克拉玛依市克拉玛依区", "克拉玛依市")] == [True, True, None]
    sheets = report.details["per_file"]["2024年市农业农村局权责清单.xlsx"]["sheets"]
    assert sheets["行政征收（ 1 项）"]["routed"] == {GROUP: 1}
    assert sheets["行政处罚（2项）"]["routed"] == {GROUP: 1, "克拉玛依市克拉玛依区": 1}


def test_a_level_row_loads_no_list_of_its_department(store, tmp_path):
    """Beside the group's own sheet, the group's 县市区农业农村局 holds one level of the shared levy only: its sector is
    not judged clause by clause (it stays a 未载入领域 note)."""
    book = openpyxl.load_workbook(_agriculture(tmp_path / "农业.xlsx"))
    book.remove(book["行政处罚（2项）"])
    book.save(tmp_path / "农业.xlsx")
    load_powers(store, [tmp_path / "农业.xlsx", _forestry(tmp_path / "克拉玛依市林业和草原系统2024年地县两级权责清单指导目录.xlsx")],
                government="克拉玛依市", date="2024-06-01")  # its 区县级 sheet: a list of the group's own
    assert store.get(GROUP).props.get("only_named") is None
    group_items = list(store.item_bases(government=GROUP))
    assert sorted((b.department["name"], bool(b.item.get("level_row"))) for b in group_items) == [
        ("克拉玛依市自然资源局各区自然资源分局", False), ("县市区农业农村局", True), ("各区绿化委员会", False)]
    assert sorted(d["name"] for d in loaded_departments(list(store.departments_of(GROUP)), group_items)) == [
        "克拉玛依市自然资源局各区自然资源分局", "各区绿化委员会"]
    city_items = list(store.item_bases(government="克拉玛依市"))
    assert sorted(d["name"] for d in loaded_departments(list(store.departments_of("克拉玛依市")), city_items)) == [
        "克拉玛依市农业农村局", "克拉玛依市林业和草原局"]


def test_a_row_of_two_lower_levels_is_one_item_under_each(store, tmp_path):
    path = tmp_path / "浙江省随机抽查事项清单.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["编号", "抽查事项名称", "抽查子项", "抽查依据", "抽查主体", "抽查对象"])
        writer.writerow(["1", "获证食品生产企业监管", "获证食品生产企业监督", "《食品安全法》", "市、县级市场监督管理部门", "食品生产企业"])
        writer.writerow(["2", "保健食品生产企业证后监督", "", "《食品安全法》第一百零九条", "市食品药品监督管理部门", "保健食品生产企业"])
        writer.writerow(["3", "企业公示信息抽查", "", "《企业信息公示暂行条例》", "县级以上工商、市场监管部门", "企业"])
    report = load_powers(store, [path], government="浙江省", date="2017-06-01")
    held = sorted((n.props["government"], n.props["department"], bool(n.props.get("level_row")), n.props["name"])
                  for n in store.nodes("PowerItem"))
    assert held == [
        ("浙江省", "浙江省/浙江省市场监督管理部门", False, "企业公示信息抽查"),
        (ZJ_COUNTIES, f"{ZJ_COUNTIES}/市场监督管理部门", True, "获证食品生产企业监管"),
        (ZJ_CITIES, f"{ZJ_CITIES}/市场监督管理部门", True, "获证食品生产企业监管"),
        (ZJ_CITIES, f"{ZJ_CITIES}/食品药品监督管理部门", False, "保健食品生产企业证后监督"),
    ]
    assert store.get(ZJ_CITIES).props["level"] == "city" and store.get(ZJ_CITIES).props["parent"] == "浙江省"
    assert store.get(ZJ_CITIES).props["only_named"] is True  # no list of the cities' own is loaded
    (line,) = report.details["files"]
    assert f"1 under {ZJ_CITIES} and {ZJ_COUNTIES}, one item under each" in line
    assert report.details["per_file"][path.name]["items"] == 3


def test_rows_of_many_other_governments_are_summed_up_after_the_first_five() -> None:
    from collections import Counter

    from loaders.powerlists import _elsewhere_note

    sheet_gov = GovernmentName("浙江省", GovLevel.PROVINCE)
    held = Counter({f"丰田市{name}县": 10 + i for i, name in enumerate("东西南北中甲乙丙")})
    note = _elsewhere_note("Sheet1", sheet_gov, held, set())
    assert note.count("row names a department of ") + note.count("rows name a department of ") == 5
    # named in the order of their names: the last three, 南 (12 rows), 甲 (15) and 西 (11), are summed up
    assert "38 more rows name departments of 3 more governments (丰田市南县, 丰田市甲县, 丰田市西县 …)" in note
    few = _elsewhere_note("Sheet1", sheet_gov, Counter({"新疆维吾尔自治区": 1}), set())
    assert few == "sheet Sheet1: 1 row names a department of 新疆维吾尔自治区, loaded under it"
